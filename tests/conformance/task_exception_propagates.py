import asyncio

# Rule C9: an exception escaping a task's coroutine finishes the task with it; each
# awaiter gets the same exception object re-raised. try/except/else/finally in order.


async def divide(a, b):
    await asyncio.sleep(0.1)
    return a / b


async def main():
    good = asyncio.create_task(divide(1, 4))
    bad = asyncio.create_task(divide(1, 0))
    try:
        r = await good
    except ZeroDivisionError:
        print("not here")
    else:
        print("good result", r)
    finally:
        print("finally after good")
    try:
        await bad
    except ZeroDivisionError as e:
        print("bad raised", type(e).__name__, "-", e)
    try:
        await bad
    except Exception as e:
        print("awaited again:", [e])
    try:
        raise RuntimeError("direct")
    except ValueError:
        print("not here")
    except RuntimeError as e:
        print("second clause caught", type(e).__name__, e)


asyncio.run(main())
