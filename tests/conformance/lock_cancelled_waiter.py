import asyncio

# Rule F27: a waiter cancelled while queued on a Lock leaves the queue; on release the
# next live waiter gets the lock.


async def holder(lock):
    async with lock:
        print("holder has the lock")
        await asyncio.sleep(1)
    print("holder released at", asyncio.get_running_loop().time())


async def waiter(name, lock):
    try:
        async with lock:
            print(name, "got the lock at", asyncio.get_running_loop().time())
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise


async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    w1 = asyncio.create_task(waiter("w1", lock))
    w2 = asyncio.create_task(waiter("w2", lock))
    await asyncio.sleep(0.5)
    w1.cancel()
    r = await asyncio.gather(h, w1, w2, return_exceptions=True)
    print("results", r)


asyncio.run(main())
