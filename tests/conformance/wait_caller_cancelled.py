import asyncio

# Rule D21: cancelling the task that waits in wait() leaves the awaited tasks running and
# removes wait()'s callbacks.


async def work(delay):
    await asyncio.sleep(delay)
    print("work", delay, "done")
    return delay


async def waiter(tasks):
    try:
        await asyncio.wait(tasks)
    except asyncio.CancelledError:
        print("waiter cancelled; tasks done:", [t.done() for t in tasks])
        raise


async def main():
    tasks = [asyncio.create_task(work(d)) for d in (0.1, 0.3)]
    w = asyncio.create_task(waiter(tasks))
    await asyncio.sleep(0.2)
    w.cancel()
    await asyncio.sleep(0.2)
    print("results", [t.result() for t in tasks], w.cancelled())


asyncio.run(main())
