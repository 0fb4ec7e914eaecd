# Seeded random latencies decide the order workers finish: random.seed reproduces CPython's stream.
import asyncio
import random

random.seed(42)


async def worker(name):
    delay = round(random.uniform(0.1, 1.0), 3)
    await asyncio.sleep(delay)
    print(name, "finished after", delay)
    return delay


async def main():
    results = await asyncio.gather(*(worker(f"w{i}") for i in range(5)))
    print(results)
    print(random.random(), random.randint(1, 100))


asyncio.run(main())
