import asyncio

# Rule A5: virtual time moves only when nothing is ready, jumping to the earliest
# timer; long sleeps cost nothing, and a sleep of a nanosecond is a real timer.


async def main():
    loop = asyncio.get_running_loop()
    print("start", loop.time())
    await asyncio.sleep(100000)
    print("after 100000 s", loop.time())
    await asyncio.sleep(0.000000001)
    print(f"after 1 ns {loop.time():.9f}")
    await asyncio.sleep(0.0000000001)
    print(f"after 0.1 ns {loop.time():.9f}")
    await asyncio.sleep(0.0005)
    print(f"after 0.5 ms {loop.time():.9f}")
    await asyncio.sleep(1.5)
    print("total", loop.time())


asyncio.run(main())
