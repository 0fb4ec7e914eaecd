import asyncio

# Rule B6: when a task finishes, its done-callbacks are scheduled in registration order,
# so the tasks awaiting it resume in the order they started waiting.


async def target():
    await asyncio.sleep(1)
    print("target done")
    return "value"


async def waiter(name, t):
    print(name, "waits")
    r = await t
    print(name, "got", r)


async def main():
    t = asyncio.create_task(target())
    w3 = asyncio.create_task(waiter("w3", t))
    w1 = asyncio.create_task(waiter("w1", t))
    w2 = asyncio.create_task(waiter("w2", t))
    await asyncio.sleep(0.5)
    print("main waits last")
    r = await t
    print("main got", r)
    await w1
    await w2
    await w3


asyncio.run(main())
