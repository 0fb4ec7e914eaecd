# Python docs, "Synchronization Primitives", Semaphore: both forms (fragments: workers
# and asyncio.run added).
import asyncio

sem = asyncio.Semaphore(10)

async def with_async_with(i):
    # ... later
    async with sem:
        # work with shared resource
        await asyncio.sleep(1)
        print("worker", i, "done at", asyncio.get_running_loop().time())

async def with_acquire(i):
    # ... later
    await sem.acquire()
    try:
        # work with shared resource
        await asyncio.sleep(1)
        print("worker", i, "done at", asyncio.get_running_loop().time())
    finally:
        sem.release()

async def main():
    await asyncio.gather(*[with_async_with(i) for i in range(12)], *[with_acquire(i) for i in range(12, 24)])

asyncio.run(main())
