import asyncio

# Rule F29: notify(n) wakes the first n waiters in FIFO order; they then re-acquire the
# lock one after another in wake order.


async def waiter(cond, name):
    async with cond:
        print(name, "waits")
        await cond.wait()
        print(name, "woken, holds lock", cond.locked())


async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(cond, f"w{i}")) for i in range(4)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
        print("notified 2, still holding")
    await asyncio.sleep(0.1)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)
    print("all done", cond.locked())


asyncio.run(main())
