import asyncio

# Rules B6/C9: a task ends with a result or an exception; result() returns or raises it;
# result() on a pending task raises InvalidStateError (printed by type name).


async def ok():
    await asyncio.sleep(0.1)
    return {"answer": 42}


async def bad():
    await asyncio.sleep(0.2)
    raise KeyError("missing")


async def main():
    a = asyncio.create_task(ok())
    b = asyncio.create_task(bad())
    try:
        a.result()
    except Exception as e:
        print("pending result():", type(e).__name__)
    print("states", a.done(), b.done(), a.cancelled())
    await asyncio.sleep(0.5)
    print("states", a.done(), b.done(), a.cancelled(), b.cancelled())
    print("a.result()", a.result())
    try:
        b.result()
    except KeyError as e:
        print("b.result() raised", type(e).__name__, e)
    try:
        await b
    except KeyError as e:
        print("await b raised", e)


asyncio.run(main())
