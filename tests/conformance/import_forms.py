# import x, import x as y, from x import y (as z) of the supported modules.
import asyncio
import math as m
import random, itertools
from collections import Counter as C, deque
from functools import reduce, partial
from time import monotonic


async def main():
    print(m.sqrt(16), C("aab"), deque([1]), reduce(lambda a, b: a * b, [1, 2, 3, 4]))
    add3 = partial(lambda a, b, c: a + b + c, 1, 2)
    print(add3(3), monotonic(), random.randint(1, 3), list(itertools.repeat(0, 2)))
    await asyncio.sleep(0.5)
    print(monotonic())


asyncio.run(main())
