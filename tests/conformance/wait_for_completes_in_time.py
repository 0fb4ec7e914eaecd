import asyncio

# Rules C11/D20, section J: wait_for of an awaitable that finishes in time returns its
# value. 3.11 wraps it in a task (+3 iterations, a Task-N number); 3.12 awaits it inline
# (2 iterations fewer, no number). A ticker shows the iterations.


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def quick():
    print("quick runs")
    return "fast"


async def timed():
    await asyncio.sleep(0.5)
    return "in time"


async def main():
    asyncio.create_task(ticker(6))
    await asyncio.sleep(0)
    print("wait_for(quick())")
    r = await asyncio.wait_for(quick(), 1)
    print("got", r)
    r = await asyncio.wait_for(timed(), 1)
    print("got", r, "at", asyncio.get_running_loop().time())
    t = asyncio.create_task(timed())
    print("next task name", t.get_name())
    print("got", await t)


asyncio.run(main())
