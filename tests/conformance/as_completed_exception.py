import asyncio

# Rule D21: an exception of a task comes out of the await of the coroutine that
# as_completed() yielded for it; already finished tasks come first.


async def boom():
    await asyncio.sleep(0.1)
    raise KeyError("lost")


async def value(v):
    return v


async def main():
    done_task = asyncio.create_task(value("early"))
    await asyncio.sleep(0)
    for coro in asyncio.as_completed([boom(), done_task, value("late")]):
        try:
            print("result", await coro)
        except KeyError as e:
            print("raised", repr(e))
    try:
        asyncio.as_completed(done_task)
    except TypeError as e:
        print("TypeError", e)


asyncio.run(main())
