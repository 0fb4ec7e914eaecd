# A syntax error: nothing runs.
import asyncio


async def main():
    print("hello"
    await asyncio.sleep(1)

asyncio.run(main())
