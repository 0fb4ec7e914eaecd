# itertools building a work schedule: count, cycle, islice, chain, repeat, zip_longest.
import asyncio
import itertools


async def main():
    ids = itertools.count(100)
    servers = itertools.cycle(["s1", "s2", "s3"])
    for job in itertools.islice(zip(ids, servers), 5):
        print("job", job)
        await asyncio.sleep(0.01)
    print(list(itertools.chain([1, 2], (3,), "ab")), list(itertools.chain.from_iterable([[1], [2, 3]])))
    print(list(itertools.repeat("x", 3)), list(itertools.islice(itertools.count(0, 2.5), 4)))
    print(list(itertools.zip_longest("abc", [1], fillvalue="-")), list(itertools.islice(range(20), 2, 12, 3)))
    print(list(itertools.pairwise([1, 4, 9, 16])), list(itertools.starmap(pow, [(2, 3), (3, 2)])))


asyncio.run(main())
