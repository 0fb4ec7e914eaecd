import asyncio

# Rule D20: wait_for(aw, None) is a plain `await aw`: no task, no timer, no extra
# iterations.


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)


async def compute():
    print("compute runs")
    await asyncio.sleep(0)
    return 99


async def main():
    asyncio.create_task(ticker())
    r = await asyncio.wait_for(compute(), None)
    print("result", r)
    t = asyncio.create_task(compute())
    print("next task", t.get_name())
    await t


asyncio.run(main())
