import asyncio

# Rule 2: every timer due at the start of an iteration moves to `ready` in that
# iteration; the woken tasks then all step in the next one, before anything they
# schedule. A ticker that re-arms with sleep(0) shows the iteration boundaries.


async def ticker():
    await asyncio.sleep(1)
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)


async def sleeper(name):
    await asyncio.sleep(1)
    print(name, "woke")
    await asyncio.sleep(0)
    print(name, "one iteration later")


async def main():
    t = asyncio.create_task(ticker())
    a = asyncio.create_task(sleeper("a"))
    b = asyncio.create_task(sleeper("b"))
    await asyncio.gather(t, a, b)
    print("done at", asyncio.get_running_loop().time())


asyncio.run(main())
