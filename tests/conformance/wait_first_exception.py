import asyncio

# Rule D21: FIRST_EXCEPTION returns when a task raises; a cancelled task does not count
# as an exception.


async def ok(delay):
    await asyncio.sleep(delay)
    return delay


async def bad(delay):
    await asyncio.sleep(delay)
    raise ValueError(f"bad after {delay}")


async def main():
    t1 = asyncio.create_task(ok(0.1))
    t2 = asyncio.create_task(bad(0.3))
    t3 = asyncio.create_task(ok(0.5))
    t4 = asyncio.create_task(ok(5))
    await asyncio.sleep(0)
    t4.cancel()
    done, pending = await asyncio.wait([t1, t2, t3, t4], return_when=asyncio.FIRST_EXCEPTION)
    print("at", asyncio.get_running_loop().time())
    for t in done:
        if t.cancelled():
            print(t.get_name(), "cancelled")
        elif t.exception() is not None:
            print(t.get_name(), "raised", repr(t.exception()))
        else:
            print(t.get_name(), "result", t.result())
    print("pending", [t.get_name() for t in pending])
    for t in pending:
        t.cancel()


asyncio.run(main())
