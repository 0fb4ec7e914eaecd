# wait_for gives up: the TimeoutError escapes main().
import asyncio


async def slow():
    await asyncio.sleep(5)
    return "done"


async def main():
    print("waiting at most 1 s")
    result = await asyncio.wait_for(slow(), timeout=1)
    print(result)

asyncio.run(main())
