import asyncio

# Rules C12/C14: cancel(msg) throws CancelledError(msg) into the task; an awaiter of the
# cancelled task sees the same message. A cancel with no message has an empty one.


async def sleeper(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(name, "caught CancelledError:", str(e), [e])
        raise


async def waiter(t):
    try:
        await t
    except asyncio.CancelledError as e:
        print("waiter saw:", str(e), [e])
        return "waiter done"


async def main():
    t = asyncio.create_task(sleeper("s1"))
    w = asyncio.create_task(waiter(t))
    await asyncio.sleep(1)
    t.cancel("stop now")
    print("waiter returned", await w)
    t2 = asyncio.create_task(sleeper("s2"))
    await asyncio.sleep(1)
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError as e:
        print("main saw:", [e], len(str(e)))


asyncio.run(main())
