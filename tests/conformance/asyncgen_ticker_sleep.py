# An async generator that sleeps between yields: `async for` resumes it inside the consuming
# task, so each tick is one task step after its timer fires (rules 9, 10).
import asyncio


async def ticker(name, interval, count):
    for i in range(count):
        await asyncio.sleep(interval)
        yield f"{name}-{i}"
    print(name, "ticker exhausted")


async def watch(name, interval, count):
    loop = asyncio.get_running_loop()
    async for tick in ticker(name, interval, count):
        print(f"{loop.time():.1f}", tick)
    return name


async def main():
    done = await asyncio.gather(watch("fast", 0.2, 4), watch("slow", 0.3, 3))
    print(done)


asyncio.run(main())
