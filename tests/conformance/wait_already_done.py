import asyncio

# Rule D21: tasks already finished when wait() starts still report through call_soon'd
# callbacks, so wait() takes one more iteration; timeout=0 returns at the next timer turn.


async def value(v):
    return v


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    a = asyncio.create_task(value(1))
    b = asyncio.create_task(value(2))
    await asyncio.sleep(0)
    asyncio.create_task(ticker())
    done, pending = await asyncio.wait([a, b], return_when=asyncio.FIRST_COMPLETED)
    print("done", len(done), "pending", len(pending))
    slow = asyncio.create_task(asyncio.sleep(1))
    done, pending = await asyncio.wait([slow], timeout=0)
    print("timeout 0:", len(done), len(pending), asyncio.get_running_loop().time())
    slow.cancel()


asyncio.run(main())
