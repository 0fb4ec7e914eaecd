# An exception inside an async generator expression: its <genexpr> frame is in the traceback.
import asyncio


async def parse(text):
    await asyncio.sleep(0.1)
    return int(text)


async def main():
    numbers = (await parse(t) for t in ["1", "x"])
    async for n in numbers:
        print(n)


asyncio.run(main())
