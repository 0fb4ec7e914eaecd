# Async comprehensions: `[x async for x in agen()]` with a condition, a dict comprehension over
# an async generator, and an await inside the element expression.
import asyncio


async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i


async def square(x):
    await asyncio.sleep(0.05)
    return x * x


async def main():
    evens = [x async for x in numbers(6) if x % 2 == 0]
    print(evens)
    names = {f"n{x}": x async for x in numbers(3)}
    print(names)
    squares = [await square(x) for x in range(3)]
    print(squares)
    mixed = [await square(x) async for x in numbers(3)]
    print(mixed, asyncio.get_running_loop().time())


asyncio.run(main())
