# itertools.cycle hands requests to backends round-robin; groupby summarises the assignments.
import asyncio
import itertools


async def backend(name, request):
    await asyncio.sleep(0.01 * (len(name) + request % 3))
    return name, request


async def main():
    backends = itertools.cycle(["alpha", "beta", "gamma"])
    tasks = [asyncio.create_task(backend(next(backends), r)) for r in range(7)]
    done = await asyncio.gather(*tasks)
    print(done)
    for name, group in itertools.groupby(sorted(done), key=lambda p: p[0]):
        print(name, [r for _, r in group])
    batches = [list(itertools.islice(range(10), i, i + 4)) for i in range(0, 10, 4)]
    print(batches, list(itertools.accumulate(r for _, r in done)))


asyncio.run(main())
