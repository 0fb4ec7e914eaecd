import asyncio

# Rule F29: a Condition built on a given Lock shares it: holding the lock is holding the
# condition.


async def waiter(cond, lock):
    async with lock:
        print("waiter holds lock; cond locked", cond.locked())
        await cond.wait()
        print("waiter back, lock locked", lock.locked())


async def main():
    lock = asyncio.Lock()
    cond = asyncio.Condition(lock)
    t = asyncio.create_task(waiter(cond, lock))
    await asyncio.sleep(0)
    print("after wait() released it:", lock.locked())
    async with lock:
        cond.notify()
        print("notified under the shared lock")
    await t


asyncio.run(main())
