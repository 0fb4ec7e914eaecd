# Python docs, "Synchronization Primitives", Lock: both forms (fragments: the shared
# state, two tasks and asyncio.run added).
import asyncio

lock = asyncio.Lock()
shared = []

async def with_async_with(name):
    # ... later
    async with lock:
        # access shared state
        shared.append(name)
        await asyncio.sleep(0.1)
        print(name, shared)

async def with_acquire(name):
    # ... later
    await lock.acquire()
    try:
        # access shared state
        shared.append(name)
        await asyncio.sleep(0.1)
        print(name, shared)
    finally:
        lock.release()

async def main():
    await asyncio.gather(with_async_with("a"), with_acquire("b"), with_async_with("c"))

asyncio.run(main())
