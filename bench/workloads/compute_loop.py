"""A compute-heavy loop inside a task: arithmetic, a list, a dict and string formatting."""
import asyncio


async def crunch(n):
    total = 0
    counts = {}
    squares = []
    for i in range(n):
        x = (i * i + 3 * i) % 1009
        total += x
        if x % 3 == 0:
            key = x % 17
            counts[key] = counts.get(key, 0) + 1
        if i % 1000 == 0:
            squares.append(f"{i}:{x}")
            await asyncio.sleep(0)
    return total, len(counts), len(squares)


async def main():
    print(await crunch(1000000))

asyncio.run(main())
