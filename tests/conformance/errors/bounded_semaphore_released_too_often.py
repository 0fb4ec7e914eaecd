# BoundedSemaphore: one release too many.
import asyncio


async def main():
    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        print("inside")
    sem.release()

asyncio.run(main())
