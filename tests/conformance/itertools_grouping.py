# groupby, accumulate, takewhile, dropwhile over task results.
import asyncio
import itertools


async def measure(i):
    await asyncio.sleep(0.01 * i)
    return i % 4


async def main():
    results = await asyncio.gather(*(measure(i) for i in range(10)))
    print(results)
    for key, group in itertools.groupby(sorted(results)):
        print(key, list(group))
    print([(k, len(list(g))) for k, g in itertools.groupby("aaabccdd")])
    print(list(itertools.accumulate(results)), list(itertools.accumulate(results, max)))
    print(list(itertools.accumulate([1, 2, 3], initial=10)))
    print(list(itertools.takewhile(lambda x: x < 3, results)), list(itertools.dropwhile(lambda x: x < 3, results)))


asyncio.run(main())
