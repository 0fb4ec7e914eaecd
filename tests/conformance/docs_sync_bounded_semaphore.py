# Python docs, "Synchronization Primitives", BoundedSemaphore: a release() past the initial
# value raises ValueError (fragment: the workers and asyncio.run added).
import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(2)

    async def worker(i):
        async with sem:
            print("worker", i, "in")
            await asyncio.sleep(1)
        print("worker", i, "out")

    await asyncio.gather(*(worker(i) for i in range(4)))
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    print(sem.locked())

asyncio.run(main())
