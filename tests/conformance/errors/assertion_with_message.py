# An assert with a message, after some steps.
import asyncio


async def produce(queue):
    for i in range(3):
        await queue.put(i)


async def main():
    queue = asyncio.Queue()
    await produce(queue)
    assert queue.qsize() == 2, f"expected 2 items, got {queue.qsize()}"

asyncio.run(main())
