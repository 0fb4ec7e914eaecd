import asyncio

# Rule D11/D22: awaiting shield(coro) costs three iterations (child step, callback,
# wakeup); shield of a finished future returns it unchanged.


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def child():
    print("child runs")
    return "c"


async def main():
    asyncio.create_task(ticker(5))
    print("shielded", await asyncio.shield(child()))
    t = asyncio.create_task(child())
    await t
    print("same object", asyncio.shield(t) is t)


asyncio.run(main())
