import asyncio

# Rule D17: gather() with no arguments is an already-finished future: awaiting it does not
# yield. A repeated argument is wrapped once and its result repeated.


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)


async def value(x):
    print("value", x, "computed")
    await asyncio.sleep(0.1)
    return x


async def main():
    asyncio.create_task(ticker())
    r = await asyncio.gather()
    print("empty gather", r, "without yielding")
    t = asyncio.create_task(value(5))
    r = await asyncio.gather(t, t, value(6), t)
    print("repeated", r)


asyncio.run(main())
