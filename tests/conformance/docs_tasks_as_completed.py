# Python docs, "Coroutines and Tasks", Waiting Primitives: as_completed(), earliest result
# first (a fragment: the awaitables and asyncio.run added).
import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}s"

async def main():
    aws = [fetch("a", 3), fetch("b", 1), fetch("c", 2)]
    for coro in asyncio.as_completed(aws):
        earliest_result = await coro
        print(earliest_result)

asyncio.run(main())
