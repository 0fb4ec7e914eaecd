import asyncio

# Rule C14: the first result() of a cancelled task re-raises the original CancelledError
# (with its message); later calls raise a fresh CancelledError() without it. gather with
# return_exceptions reports CancelledError('') for a cancelled child.


async def sleeper():
    await asyncio.sleep(5)


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel("why")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("done", t.done(), "cancelled", t.cancelled())
    i = 0
    while i < 3:
        try:
            t.result()
        except asyncio.CancelledError as e:
            print("result() call", i, "raised", [e])
        i += 1
    u = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    u.cancel("because")
    r = await asyncio.gather(u, return_exceptions=True)
    print("gather reports", r)


asyncio.run(main())
