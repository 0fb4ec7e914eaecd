import asyncio

# Rule C13: cancelling() counts cancel requests; uncancel() decrements it (not below 0)
# and does NOT clear a pending cancellation: a task cancelled before its first step and
# then uncancelled is still cancelled.


async def stubborn():
    n = 0
    while n < 2:
        try:
            await asyncio.sleep(1)
            n += 1
            print("stubborn slept", n)
        except asyncio.CancelledError:
            print("stubborn swallowed a cancel")


async def body():
    print("body ran")


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.5)
    print("cancel:", t.cancel(), "cancelling", t.cancelling())
    print("cancel:", t.cancel(), "cancelling", t.cancelling())
    await asyncio.sleep(0)
    print("after delivery cancelling", t.cancelling())
    print("uncancel ->", t.uncancel(), "->", t.uncancel(), "->", t.uncancel())
    await t
    print("stubborn done, cancelled()", t.cancelled(), "cancelling", t.cancelling())
    u = asyncio.create_task(body())
    u.cancel()
    print("uncancel before first step ->", u.uncancel(), u.cancelling())
    try:
        await u
    except asyncio.CancelledError:
        print("u still cancelled:", u.cancelled())


asyncio.run(main())
