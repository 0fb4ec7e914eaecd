import asyncio

# Rule D16: sleep(d <= 0) is one bare yield (like sleep(0)), no timer; sleep returns its
# `result` argument.


async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    asyncio.create_task(ticker())
    await asyncio.sleep(0)
    r = await asyncio.sleep(-5, "negative")
    print("sleep(-5) returned", r)
    r = await asyncio.sleep(0, result=[1, 2])
    print("sleep(0) returned", r)
    r = await asyncio.sleep(0.5, result="later")
    print("sleep(0.5) returned", r, "at", asyncio.get_running_loop().time())


asyncio.run(main())
