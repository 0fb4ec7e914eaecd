import asyncio

# Rule D20: if the awaitable swallows the cancellation that the timeout sends and
# returns a value, wait_for returns that value instead of raising TimeoutError.


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn ignores the cancel")
        await asyncio.sleep(0.25)
        return "late value"
    return "never"


async def main():
    try:
        r = await asyncio.wait_for(stubborn(), 1)
        print("wait_for returned", r, "at", asyncio.get_running_loop().time())
    except asyncio.TimeoutError:
        print("timed out")


asyncio.run(main())
