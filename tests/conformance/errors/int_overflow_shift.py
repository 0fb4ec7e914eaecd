# Float conversion of a huge float to int.
import asyncio


async def main():
    await asyncio.sleep(0)
    print(int(float("inf")))

asyncio.run(main())
