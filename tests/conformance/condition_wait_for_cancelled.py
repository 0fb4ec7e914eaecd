import asyncio

# Rule F29: a task cancelled inside wait_for(predicate) re-acquires the lock before the
# CancelledError reaches it; the lock is released by its async with.


async def waiter(cond):
    try:
        async with cond:
            await cond.wait_for(lambda: False)
    except asyncio.CancelledError:
        print("waiter cancelled; lock now", cond.locked())
        raise


async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0)
    async with cond:
        t.cancel()
        await asyncio.sleep(0)
        print("main holds the lock while the waiter waits for it:", cond.locked())
    await asyncio.gather(t, return_exceptions=True)
    print("done", t.cancelled(), cond.locked())


asyncio.run(main())
