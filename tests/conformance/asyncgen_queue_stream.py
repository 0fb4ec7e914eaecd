# An async generator draining a Queue fed by a producer task: the consumer's `async for` parks
# on queue.get() inside the generator, and a sentinel ends the stream (rules 27, 28).
import asyncio


async def stream(queue):
    while True:
        item = await queue.get()
        if item is None:
            print("stream: end")
            return
        yield item


async def producer(queue):
    for i in range(4):
        await asyncio.sleep(0.1)
        print("put", i)
        await queue.put(i)
    await queue.put(None)


async def main():
    queue = asyncio.Queue(maxsize=2)
    prod = asyncio.create_task(producer(queue))
    total = 0
    async for item in stream(queue):
        print("consume", item)
        total += item
    await prod
    print("total", total)


asyncio.run(main())
