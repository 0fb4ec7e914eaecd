import asyncio

# Rule C12: the outer task sees CancelledError only if the inner task ends cancelled.
# Here the inner swallows the cancellation and returns a value: the outer's await simply
# returns it, and the outer carries on (with cancelling() still 1).


async def inner():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("inner swallows the cancel")
        await asyncio.sleep(0.5)
        return "inner value"


async def outer(t):
    r = await t
    print("outer got", r)
    await asyncio.sleep(0.5)
    print("outer finished normally")
    return r


async def main():
    i = asyncio.create_task(inner())
    o = asyncio.create_task(outer(i))
    await asyncio.sleep(1)
    o.cancel()
    r = await o
    print("main got", r, "outer cancelled?", o.cancelled(), "cancelling", o.cancelling())
    print("inner cancelled?", i.cancelled(), "cancelling", i.cancelling())


asyncio.run(main())
