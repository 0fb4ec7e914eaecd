# A task divides by zero; gather propagates the error out of asyncio.run.
import asyncio


async def average(values):
    await asyncio.sleep(0.1)
    return sum(values) / len(values)


async def main():
    results = await asyncio.gather(average([1, 2, 3]), average([]))
    print(results)

asyncio.run(main())
