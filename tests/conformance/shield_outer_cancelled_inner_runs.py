import asyncio

# Rule D22: cancelling the task that awaits shield(inner) cancels only the outer future;
# the inner task runs on and its result is still there.


async def inner_work():
    print("inner starts")
    await asyncio.sleep(1)
    print("inner finishes")
    return 42


async def waiter(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print("waiter cancelled; inner done:", t.done())
        raise


async def main():
    inner = asyncio.create_task(inner_work())
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.5)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("main saw waiter cancelled at", asyncio.get_running_loop().time())
    print("inner result", await inner, "at", asyncio.get_running_loop().time())


asyncio.run(main())
