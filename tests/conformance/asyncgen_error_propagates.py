# An exception raised inside an async generator propagates out of the consumer's `async for`
# at the same step; the generator is then finished and its finally has run.
import asyncio


async def readings(sensor):
    try:
        for value in (3, 5, -1, 7):
            await asyncio.sleep(0.1)
            if value < 0:
                raise ValueError(f"{sensor}: bad reading {value}")
            yield value
    finally:
        print(sensor, "generator cleanup")


async def monitor(sensor):
    total = 0
    try:
        async for v in readings(sensor):
            print(sensor, "reading", v)
            total += v
    except ValueError as e:
        print("monitor caught:", e)
    return total


async def main():
    print(await asyncio.gather(monitor("t1"), monitor("t2")))
    gen = readings("t3")
    print(await gen.__anext__())
    await gen.aclose()
    print("closed")


asyncio.run(main())
