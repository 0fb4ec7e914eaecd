import asyncio

# Rule D20 / section J: when wait_for's timeout fires, the awaitable is cancelled and
# its except/finally run before TimeoutError reaches the caller. 3.11 runs it in a new
# task (its prints belong to Task-2); 3.12 runs it inline under a timeout (main's).


async def slow_op():
    try:
        print("slow_op starts")
        await asyncio.sleep(10)
        return "never"
    except asyncio.CancelledError:
        print("slow_op cancelled at", asyncio.get_running_loop().time())
        raise
    finally:
        print("slow_op finally")


async def main():
    try:
        r = await asyncio.wait_for(slow_op(), timeout=1.5)
        print("result", r)
    except asyncio.TimeoutError as e:
        print("timed out:", type(e).__name__, [e], "at", asyncio.get_running_loop().time())
    print("main goes on")


asyncio.run(main())
