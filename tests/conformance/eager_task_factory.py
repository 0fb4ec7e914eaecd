# 3.12's eager tasks (section J): with loop.set_task_factory(asyncio.eager_task_factory) a task's
# first step runs inside create_task, in the creating task's step; a coroutine that finishes there
# is done at once and never scheduled. A factory's task takes a Task-N number and only then its
# name (its eager step still shows Task-N). gather() and TaskGroup create theirs through the
# factory too. 3.11 has no eager_task_factory: AttributeError.
import asyncio


async def quick(n):
    print("quick", n)
    return n * 2


async def slow(n):
    print("slow start", n)
    await asyncio.sleep(0.1)
    print("slow end", n)
    return n


async def main():
    loop = asyncio.get_running_loop()
    print(loop.get_task_factory())
    loop.set_task_factory(asyncio.eager_task_factory)
    print(loop.get_task_factory() is asyncio.eager_task_factory)
    t1 = asyncio.create_task(quick(1))
    print("created t1", t1.done(), t1.get_name())
    t2 = asyncio.create_task(slow(2), name="slowpoke")
    print("created t2", t2.done(), t2.get_name())
    print(await t1, await t2)
    print(await asyncio.gather(quick(3), slow(4)))
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(quick(5))
        b = tg.create_task(slow(6), name="six")
        print("in group", a.done(), b.done(), b.get_name())
    print(a.result(), b.result())
    loop.set_task_factory(None)
    t3 = asyncio.create_task(quick(7))
    print("created t3", t3.done())
    await t3
    try:
        loop.set_task_factory(42)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
