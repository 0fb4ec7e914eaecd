# Python docs, "Synchronization Primitives", Condition: both forms (fragments: a notifier
# and asyncio.run added).
import asyncio

cond = asyncio.Condition()

async def with_async_with():
    # ... later
    async with cond:
        await cond.wait()
        print("woken (async with)")

async def with_acquire():
    # ... later
    await cond.acquire()
    try:
        await cond.wait()
        print("woken (acquire)")
    finally:
        cond.release()

async def main():
    tasks = [asyncio.create_task(with_async_with()), asyncio.create_task(with_acquire())]
    await asyncio.sleep(1)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)

asyncio.run(main())
