import asyncio

# Rule F29: a waiter cancelled while waiting re-acquires the lock before the
# CancelledError leaves wait(); a notify skips it.


async def waiter(cond, name):
    async with cond:
        try:
            await cond.wait()
            print(name, "notified")
        except asyncio.CancelledError:
            print(name, "cancelled, holds lock", cond.locked())
            raise


async def main():
    cond = asyncio.Condition()
    a = asyncio.create_task(waiter(cond, "a"))
    b = asyncio.create_task(waiter(cond, "b"))
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0)
    async with cond:
        cond.notify()
    results = await asyncio.gather(a, b, return_exceptions=True)
    print(results)


asyncio.run(main())
