import asyncio

# Rule D21: a result arrives through the internal queue: the task's done callback puts it,
# the waiting getter wakes one iteration later. A ticker shows the iterations.


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def quick():
    print("quick runs")
    return "q"


async def main():
    asyncio.create_task(ticker(6))
    for coro in asyncio.as_completed([quick()]):
        print("awaiting")
        print("got", await coro)


asyncio.run(main())
