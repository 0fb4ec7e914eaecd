import asyncio

# Rule D22: an exception or cancellation of the inner task passes through the shield.


async def fail():
    await asyncio.sleep(0.1)
    raise RuntimeError("inner failed")


async def slow():
    await asyncio.sleep(1)


async def main():
    try:
        await asyncio.shield(fail())
    except RuntimeError as e:
        print("caught", repr(e))
    t = asyncio.create_task(slow())
    s = asyncio.shield(t)
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("shield cancelled too:", s.cancelled(), t.cancelled())


asyncio.run(main())
