import asyncio

# Rule C11 latency table, measured with a ticker that prints once per iteration:
# sleep(0) +1, new task finishing at once +2, gather of one coroutine +3.


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def quick():
    return "q"


async def main():
    asyncio.create_task(ticker(12))
    await asyncio.sleep(0)
    print("sleep(0)")
    await asyncio.sleep(0)
    print("resumed")
    print("new task")
    await asyncio.create_task(quick())
    print("resumed")
    print("gather")
    await asyncio.gather(quick())
    print("resumed")


asyncio.run(main())
