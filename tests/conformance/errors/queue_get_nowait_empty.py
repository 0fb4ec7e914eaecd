# get_nowait on an empty queue raises QueueEmpty (with an empty message).
import asyncio


async def main():
    queue = asyncio.Queue()
    queue.put_nowait("a")
    print(queue.get_nowait())
    print(queue.get_nowait())

asyncio.run(main())
