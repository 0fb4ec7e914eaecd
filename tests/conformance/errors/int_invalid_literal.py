# Parsing a bad number inside a worker.
import asyncio


async def parse(text):
    await asyncio.sleep(0)
    return int(text)


async def main():
    for text in ["1", "22", "x"]:
        print(await parse(text))

asyncio.run(main())
