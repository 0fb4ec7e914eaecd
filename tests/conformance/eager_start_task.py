# 3.12: asyncio.Task(coro, eager_start=True) and create_eager_task_factory(asyncio.Task). An eager
# task that fails in its first step is already done with its exception (the traceback keeps the
# creator's frames, a cycle: no "never retrieved" log until the collector runs); one that blocks
# is scheduled as usual. asyncio.run's main task and its shutdown tasks are made before the loop
# runs, so they start as usual. 3.11's Task has no eager_start (TypeError).
import asyncio


async def boom():
    print("boom runs")
    raise ValueError("eager failure")


async def waiter(ev):
    print("waiter waits")
    await ev.wait()
    print("waiter woke")
    return "woken"


async def main():
    loop = asyncio.get_running_loop()
    ev = asyncio.Event()
    try:
        t = asyncio.Task(waiter(ev), eager_start=True)
    except TypeError:
        print("3.11: no eager_start")
        return
    print("after Task()", t.done(), t.get_name())
    f = asyncio.Task(boom(), eager_start=True, name="boomer")
    print("boomer done:", f.done(), repr(f.exception()))
    loop.set_task_factory(asyncio.create_eager_task_factory(asyncio.Task))
    u = loop.create_task(waiter(ev), name="second")
    print("second created", u.get_name())
    ev.set()
    print(await t, await u)
    asyncio.create_task(boom())  # fails in its eager step; nobody looks: logged at exit, if at all
    await asyncio.sleep(0)
    print("main ends")


asyncio.run(main())
