"""Many tasks taking turns: 5,000 tasks that each yield to the loop 20 times with sleep(0)."""
import asyncio


async def worker(n, rounds):
    total = 0
    for i in range(rounds):
        await asyncio.sleep(0)
        total += i
    return total + n


async def main():
    tasks = [asyncio.create_task(worker(n, 20)) for n in range(5000)]
    results = await asyncio.gather(*tasks)
    print(len(results), sum(results))

asyncio.run(main())
