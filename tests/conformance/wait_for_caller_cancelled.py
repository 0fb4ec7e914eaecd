import asyncio

# Rule D20: cancelling the task that is inside wait_for cancels the awaitable too and
# re-raises CancelledError (not TimeoutError) in the caller.


async def inner():
    try:
        await asyncio.sleep(10)
    finally:
        print("inner finally at", asyncio.get_running_loop().time())


async def caller():
    try:
        await asyncio.wait_for(inner(), 5)
    except asyncio.TimeoutError:
        print("not a timeout")
    except asyncio.CancelledError as e:
        print("caller cancelled", [e])
        raise


async def main():
    c = asyncio.create_task(caller())
    await asyncio.sleep(1)
    c.cancel("stop")
    try:
        await c
    except asyncio.CancelledError:
        print("main: caller cancelled", c.cancelled())
    await asyncio.sleep(10)
    print("no timeout fired later; now", asyncio.get_running_loop().time())


asyncio.run(main())
