import asyncio

# Rule A1/A4: timers fire in deadline order, whatever order they were scheduled in;
# the clock jumps straight to each deadline.


async def sleeper(name, delay):
    print(name, "sleeps", delay)
    await asyncio.sleep(delay)
    print(name, "woke at", asyncio.get_running_loop().time())
    return name


async def main():
    order = await asyncio.gather(
        sleeper("slow", 0.3),
        sleeper("fast", 0.1),
        sleeper("mid", 0.2),
        sleeper("fast2", 0.1),
        sleeper("long", 2.5),
    )
    print("gather order", order)
    print("now", asyncio.get_running_loop().time())


asyncio.run(main())
