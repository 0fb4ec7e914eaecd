import asyncio

# Rule F27: Lock waiters are served FIFO with no barging: a task that releases the lock
# and at once tries to re-acquire it queues behind the waiter it just woke.


async def greedy(lock):
    for i in range(2):
        async with lock:
            print("greedy holds the lock, round", i)
            await asyncio.sleep(0.1)
        print("greedy released, re-acquiring at once")
    print("greedy done")


async def polite(name, lock):
    print(name, "waits")
    async with lock:
        print(name, "holds the lock")
        await asyncio.sleep(0.1)
    print(name, "released")


async def main():
    lock = asyncio.Lock()
    g = asyncio.create_task(greedy(lock))
    await asyncio.sleep(0)
    a = asyncio.create_task(polite("a", lock))
    b = asyncio.create_task(polite("b", lock))
    await asyncio.gather(g, a, b)
    print("all done at", asyncio.get_running_loop().time())


asyncio.run(main())
