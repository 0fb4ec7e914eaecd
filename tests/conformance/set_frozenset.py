# frozenset: hashable, usable as a dict key and inside sets; reprs and hashes as CPython's.
import asyncio


async def main():
    edges = {}
    for a, b in [(1, 2), (2, 1), (3, 4), (4, 3), (1, 3)]:
        key = frozenset((a, b))
        edges[key] = edges.get(key, 0) + 1
        await asyncio.sleep(0)
    for k, v in edges.items():
        print(k, v)
    print(frozenset(), frozenset([1]), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
    print(hash(frozenset([1, 2, 3])), hash(frozenset()))
    groups = {frozenset([1, 2]), frozenset([3]), frozenset([1, 2])}
    print(len(groups), frozenset([1, 2]) in groups)
    f = frozenset([3, 4]) | {5}
    print(type(f).__name__, f, {5} | frozenset([3, 4]))


asyncio.run(main())
