# Union, intersection, difference and symmetric difference, as operators and methods.
import asyncio


async def worker(name, items, out):
    await asyncio.sleep(len(items) * 0.01)
    out[name] = set(items)
    print(name, "done", out[name])


async def main():
    out = {}
    await asyncio.gather(worker("x", [1, 2, 3, 4, 5], out), worker("y", [4, 5, 6, 7], out))
    x, y = out["x"], out["y"]
    print(x | y, x & y, x - y, y - x, x ^ y)
    print(x.union([10, 11], (12,)), x.intersection(range(3)), x.difference([1], [2]))
    print(x.symmetric_difference([1, 99]), x.issubset(range(10)), x.issuperset([1, 2]))
    print(x <= y, {4, 5} < y, y >= {6}, y > y, x.isdisjoint({100}), x == {5, 4, 3, 2, 1})
    z = x.copy()
    z |= {50}
    z &= {1, 2, 50}
    z -= {2}
    z ^= {7, 50}
    print(z, x)


asyncio.run(main())
