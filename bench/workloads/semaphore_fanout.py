"""Semaphore-limited fan-out: 20,000 requests, at most 50 in flight, each waiting a little."""
import asyncio


async def fetch(sem, i, done):
    async with sem:
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        done.append(i)
        return i % 7


async def main():
    sem = asyncio.Semaphore(50)
    done = []
    results = await asyncio.gather(*(fetch(sem, i, done) for i in range(20000)))
    print(len(done), sum(results))

asyncio.run(main())
