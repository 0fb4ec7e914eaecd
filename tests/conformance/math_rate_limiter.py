# A token-bucket rate limiter computed with math on the virtual clock.
import asyncio
import math


RATE = 4.0  # tokens per second


async def limited(name, bucket, loop):
    while True:
        now = loop.time()
        bucket["tokens"] = min(2.0, bucket["tokens"] + (now - bucket["last"]) * RATE)
        bucket["last"] = now
        if bucket["tokens"] >= 1:
            bucket["tokens"] -= 1
            print(name, "runs at", now, "tokens left", math.floor(bucket["tokens"] * 100) / 100)
            return
        wait = (1 - bucket["tokens"]) / RATE
        print(name, "waits", math.ceil(wait * 1000), "ms")
        await asyncio.sleep(wait)


async def main():
    loop = asyncio.get_running_loop()
    bucket = {"tokens": 2.0, "last": loop.time()}
    await asyncio.gather(*(limited(f"r{i}", bucket, loop) for i in range(5)))
    print(math.isclose(loop.time(), 0.75), math.fsum([0.25] * 3), math.hypot(0.3, 0.4))


asyncio.run(main())
