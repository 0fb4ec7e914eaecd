import asyncio

# Section J: gather of children that are already done. 3.12 handles done children
# synchronously, so the gather is finished when created and awaiting it does not yield;
# 3.11 schedules a callback per child (call_soon), so main resumes iterations later.


async def quick(x):
    return x


async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    a = asyncio.create_task(quick("a"))
    b = asyncio.create_task(quick("b"))
    await asyncio.sleep(0)
    print("children done:", a.done(), b.done())
    asyncio.create_task(ticker())
    r = await asyncio.gather(a, b)
    print("gathered", r)
    await asyncio.sleep(0)
    print("main after one more yield")


asyncio.run(main())
