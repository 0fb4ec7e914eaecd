import asyncio

# Rule B7: awaiting a task that is already done returns its result (or raises) with no
# yield at all; a ticker shows main was not suspended.


async def quick(x):
    return x * 2


async def failing():
    raise ValueError("bad value")


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    t = asyncio.create_task(quick(21))
    f = asyncio.create_task(failing())
    await asyncio.sleep(0.1)
    print("done?", t.done(), f.done())
    asyncio.create_task(ticker())
    r = await t
    print("result", r)
    try:
        await f
    except ValueError as e:
        print("raised", e)
    r = await t
    print("again", r, "- no tick in between")
    await asyncio.sleep(0)
    print("after one yield")


asyncio.run(main())
