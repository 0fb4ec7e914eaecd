# A misspelt method of a list.
import asyncio


async def main():
    items = [3, 1, 2]
    await asyncio.sleep(0)
    items.apend(4)

asyncio.run(main())
