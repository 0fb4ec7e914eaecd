# Imports inside coroutines bind locally; the module object is shared (import caches it).
import asyncio


async def worker(n):
    import math
    from random import Random
    rng = Random(n)
    await asyncio.sleep(rng.random())
    print(n, math.floor(rng.random() * 100), asyncio.get_running_loop().time())
    return math


async def main():
    mods = await asyncio.gather(worker(1), worker(2), worker(3))
    import math as m2
    print(all(m is m2 for m in mods), m2.__name__)


asyncio.run(main())
