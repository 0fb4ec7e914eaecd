# Concatenating a str and an int in a print.
import asyncio


async def count(name, n):
    for i in range(n):
        await asyncio.sleep(0.1)
    print(name + " finished after " + n + " ticks")


async def main():
    await asyncio.gather(count("a", 2), count("b", 3))

asyncio.run(main())
