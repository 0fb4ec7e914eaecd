# loop.set_task_factory(factory): loop.create_task, asyncio.create_task, gather and TaskGroup call
# factory(loop, coro) and name the task afterwards (asyncio.create_task's name= consumes a number
# as always; loop.create_task's name= does too with a factory). get_task_factory() returns it.
import asyncio

made = []


def factory(loop, coro):
    task = asyncio.Task(coro, loop=loop)
    made.append(task.get_name())
    return task


async def job(n):
    await asyncio.sleep(0.01 * n)
    return n


async def main():
    loop = asyncio.get_running_loop()
    loop.set_task_factory(factory)
    print(loop.get_task_factory() is factory)
    a = loop.create_task(job(1), name="alpha")
    b = asyncio.create_task(job(2), name="beta")
    print(a.get_name(), b.get_name(), made)
    print(await asyncio.gather(a, b, job(3)))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job(4))
    print(made)
    loop.set_task_factory(None)
    c = loop.create_task(job(5), name="gamma")
    print(await c, made)


asyncio.run(main())
