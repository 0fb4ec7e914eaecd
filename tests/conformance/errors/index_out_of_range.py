# Popping from an empty list inside a task.
import asyncio


async def worker(jobs):
    while True:
        job = jobs.pop()
        print("job", job)
        await asyncio.sleep(0)


async def main():
    await asyncio.create_task(worker([1, 2]))

asyncio.run(main())
