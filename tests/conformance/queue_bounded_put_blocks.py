import asyncio

# Rules E23/E24: put on a full queue waits; each get wakes ONE waiting putter (FIFO),
# which then puts its item.


async def producer(q, name, items):
    for item in items:
        print(name, "puts", item)
        await q.put(item)
        print(name, "put", item, "done; qsize", q.qsize())


async def main():
    q = asyncio.Queue(maxsize=2)
    p1 = asyncio.create_task(producer(q, "p1", [1, 2, 3]))
    p2 = asyncio.create_task(producer(q, "p2", [10, 20]))
    await asyncio.sleep(0.1)
    print("full", q.full(), "qsize", q.qsize())
    for i in range(5):
        item = await q.get()
        print("main got", item)
        await asyncio.sleep(0.1)
    print("all consumed at", asyncio.get_running_loop().time(), p1.done(), p2.done())


asyncio.run(main())
