# random.Random instances keep their own streams, independent of the module's.
import asyncio
import random


async def producer(name, rng, q):
    for _ in range(3):
        await asyncio.sleep(rng.random())
        item = rng.randint(1, 6)
        print(name, "put", item)
        await q.put(item)


async def main():
    q = asyncio.Queue()
    a = random.Random(1)
    b = random.Random("b")
    await asyncio.gather(producer("a", a, q), producer("b", b, q))
    total = 0
    while not q.empty():
        total += q.get_nowait()
    print("total", total, random.random())


asyncio.run(main())
