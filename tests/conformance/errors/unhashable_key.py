# Using a list as a dict key.
import asyncio


async def main():
    seen = {}
    for pair in [[1, 2], [3, 4]]:
        await asyncio.sleep(0)
        seen[pair] = True

asyncio.run(main())
