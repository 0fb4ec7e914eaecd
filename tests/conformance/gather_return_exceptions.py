import asyncio

# Rule D18: with return_exceptions=True failures become values in the result list, in
# argument order; a cancelled child is reported as CancelledError('').


async def ok(x):
    await asyncio.sleep(0.1)
    return x


async def fail(msg):
    await asyncio.sleep(0.2)
    raise ValueError(msg)


async def slow():
    await asyncio.sleep(5)
    return "slow"


async def main():
    s = asyncio.create_task(slow())
    g = asyncio.gather(ok(1), fail("bad"), s, ok(2), return_exceptions=True)
    await asyncio.sleep(0.3)
    s.cancel()
    results = await g
    print("results", results)
    for r in results:
        print(type(r).__name__, isinstance(r, Exception), isinstance(r, asyncio.CancelledError))


asyncio.run(main())
