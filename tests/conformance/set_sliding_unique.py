# Deduplicating events from a queue with a set while a deque keeps the recent ones.
import asyncio
from collections import deque


async def producer(q):
    for item in [3, 1, 3, 7, 1, 9, 7, 2, 12, 9, 33, 1]:
        await q.put(item)
        await asyncio.sleep(0.01)
    await q.put(None)


async def consumer(q):
    seen = set()
    recent = deque(maxlen=4)
    while True:
        item = await q.get()
        if item is None:
            break
        recent.append(item)
        if item in seen:
            print("dup", item, recent)
            continue
        seen.add(item)
        print("new", item, seen)
    return seen


async def main():
    q = asyncio.Queue()
    _, seen = await asyncio.gather(producer(q), consumer(q))
    print(seen, len(seen), seen - {1, 2, 3}, {9, 100} & seen)


asyncio.run(main())
