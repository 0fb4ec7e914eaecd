# Using time without importing it.
import asyncio


async def main():
    await asyncio.sleep(1)
    print(time.monotonic())

asyncio.run(main())
