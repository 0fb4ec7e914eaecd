import asyncio

# Deadlock: each task holds one lock and waits for the other. Nothing is ready and no
# timer is pending while main is unfinished: the run ends with '- deadlock', and no
# finally block or shutdown code runs after it.

lock_a = asyncio.Lock()
lock_b = asyncio.Lock()


async def worker(name, first, second):
    async with first:
        print(name, "holds its first lock")
        await asyncio.sleep(0.1)
        print(name, "wants its second lock")
        try:
            async with second:
                print(name, "never gets here")
        finally:
            print(name, "finally (never printed)")


async def main():
    await asyncio.gather(worker("left", lock_a, lock_b), worker("right", lock_b, lock_a))
    print("never printed")


asyncio.run(main())
