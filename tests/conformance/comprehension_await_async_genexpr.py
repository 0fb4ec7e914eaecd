# await inside comprehensions and async generator expressions: each await is a step of the
# running task, in order; an async genexpr is consumed lazily by async for / async comprehensions.
import asyncio


async def double(x):
    await asyncio.sleep(0.1 * x)
    print(f"double({x})")
    return 2 * x


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0.05)
        yield i


async def main():
    xs = [3, 1, 2]
    print([await double(x) for x in xs])
    print({k: await double(v) for k, v in [("a", 1), ("b", 0)]})
    print({await double(x) % 3 for x in range(3)})
    print([x async for x in ticker(3)], [x * y async for x in ticker(2) for y in (10, 20)])
    agen = (await double(x) for x in xs)
    print(type(agen).__name__, agen.__name__, agen.__qualname__)
    async for y in agen:
        print("got", y)
    squares = (x * x async for x in ticker(4) if x % 2)
    print([y async for y in squares])
    lazy = (await double(x) for x in [5, 6])
    print("created, nothing ran")
    print(await anext(lazy))
    print([y async for y in lazy])
    results = await asyncio.gather(*(double(x) for x in [1, 2]))
    print(results, sum(x for x in results))


asyncio.run(main())
