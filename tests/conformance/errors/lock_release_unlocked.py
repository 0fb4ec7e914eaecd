# Releasing a lock nobody holds.
import asyncio


async def main():
    lock = asyncio.Lock()
    await asyncio.sleep(0)
    lock.release()

asyncio.run(main())
