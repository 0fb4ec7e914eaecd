import asyncio

# Rule E25: put() only wakes a waiting getter; it does not hand it the item. The barger's
# first step was already queued before the put, so it runs before the woken waiter and
# takes "x"; the waiter finds the queue empty, re-queues at the END and gets "y".


async def waiter(q):
    print("waiter waits")
    item = await q.get()
    print("waiter got", item)


async def barger(q):
    item = await q.get()
    print("barger took", item)


async def main():
    q = asyncio.Queue()
    asyncio.create_task(waiter(q))
    await asyncio.sleep(0)
    asyncio.create_task(barger(q))
    q.put_nowait("x")
    print("main put x; the waiter is woken but the barger runs first")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main puts y")
    q.put_nowait("y")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("queue empty:", q.empty())


asyncio.run(main())
