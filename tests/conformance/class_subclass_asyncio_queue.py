# Subclassing asyncio.Queue: overridden async put/get call super() and count the traffic.
import asyncio


class CountingQueue(asyncio.Queue):
    def __init__(self, name, maxsize=0):
        super().__init__(maxsize)
        self.name = name
        self.puts = 0
        self.gets = 0

    async def put(self, item):
        self.puts += 1
        print(f"{self.name}: put {item} (size {self.qsize()})")
        await super().put(item)

    async def get(self):
        item = await super().get()
        self.gets += 1
        print(f"{self.name}: got {item}")
        return item


async def producer(q, n):
    for i in range(n):
        await q.put(i)
    await q.put(None)


async def consumer(q):
    total = 0
    while (item := await q.get()) is not None:
        total += item
        await asyncio.sleep(0.1)
    return total


async def main():
    q = CountingQueue("jobs", maxsize=2)
    print(isinstance(q, asyncio.Queue), type(q).__name__, q.maxsize, q.empty())
    results = await asyncio.gather(producer(q, 5), consumer(q))
    print(results, q.puts, q.gets, q.qsize())


asyncio.run(main())
