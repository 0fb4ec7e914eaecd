import asyncio

# except* in coroutines: handlers that await, and a group that escapes a task.


async def fail_many():
    await asyncio.sleep(0.1)
    raise ExceptionGroup("many", [ValueError("a"), OSError("b"), ValueError("c")])


async def main():
    try:
        await fail_many()
    except* ValueError as g:
        print("values", g.exceptions)
        await asyncio.sleep(0.1)
        print("handler resumed at", asyncio.get_running_loop().time())
    except* OSError as g:
        print("oserrors", g.exceptions)
    t = asyncio.create_task(fail_many())
    await asyncio.sleep(0.2)
    print("task exception", repr(t.exception()))
    results = await asyncio.gather(fail_many(), return_exceptions=True)
    print("gathered", results)


asyncio.run(main())
