# product, permutations and combinations in CPython's order.
import asyncio
import itertools


async def main():
    print(list(itertools.product("ab", [0, 1])))
    print(list(itertools.product([0, 1], repeat=3)))
    print(list(itertools.permutations([1, 2, 3])))
    print(list(itertools.permutations("abcd", 2)))
    print(list(itertools.combinations(range(5), 3)))
    print(list(itertools.combinations("ab", 3)), list(itertools.product()))
    await asyncio.sleep(0)


asyncio.run(main())
