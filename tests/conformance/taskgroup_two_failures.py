import asyncio

# Rule G32: children failing in the same iteration are both collected, in completion order.


async def fail(exc, delay):
    await asyncio.sleep(delay)
    raise exc


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError("v"), 0.1))
            tg.create_task(fail(TypeError("t"), 0.1))
            tg.create_task(fail(KeyError("k"), 0.2))
    except ExceptionGroup as eg:
        print(repr(eg))
        print(len(eg.exceptions), [type(e).__name__ for e in eg.exceptions])


asyncio.run(main())
