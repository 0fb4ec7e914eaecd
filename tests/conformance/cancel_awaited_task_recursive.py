import asyncio

# Rule C12: cancelling a task that awaits another task cancels the inner one too; the
# inner's finally runs first, then the outer sees CancelledError.


async def inner():
    try:
        print("inner sleeps")
        await asyncio.sleep(10)
    finally:
        print("inner finally")


async def outer(t):
    try:
        await t
    except asyncio.CancelledError as e:
        print("outer caught", [e])
        raise
    finally:
        print("outer finally")


async def main():
    i = asyncio.create_task(inner())
    o = asyncio.create_task(outer(i))
    await asyncio.sleep(1)
    print("cancel outer:", o.cancel("from main"))
    print("inner.cancelling", i.cancelling(), "outer.cancelling", o.cancelling())
    try:
        await o
    except asyncio.CancelledError as e:
        print("main: outer cancelled", o.cancelled(), "inner cancelled", i.cancelled(), [e])


asyncio.run(main())
