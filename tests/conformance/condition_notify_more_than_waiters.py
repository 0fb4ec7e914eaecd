import asyncio

# Rule F29: notify(n) with n larger than the number of waiters wakes everyone; a waiter
# cancelled before the notify is skipped and does not use up a wake-up.


async def waiter(cond, name):
    try:
        async with cond:
            await cond.wait()
            print(name, "woken")
    except asyncio.CancelledError:
        print(name, "cancelled")


async def main():
    cond = asyncio.Condition()
    ts = [asyncio.create_task(waiter(cond, n)) for n in "abc"]
    await asyncio.sleep(0)
    ts[0].cancel()
    async with cond:
        cond.notify(1)
    await asyncio.sleep(0.1)
    async with cond:
        cond.notify(10)
    await asyncio.gather(*ts)


asyncio.run(main())
