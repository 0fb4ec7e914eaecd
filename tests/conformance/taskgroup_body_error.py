import asyncio

# Rule G32: an exception in the body aborts the children; it ends up last in the group.


async def child(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise KeyError(name)
        print(name, "ok")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("x", 0.1, fail=True))
            tg.create_task(child("y", 0.5))
            await asyncio.sleep(0.1)
            raise RuntimeError("body failed")
    except* KeyError as g:
        print("KeyErrors", g.exceptions)
    except* RuntimeError as g:
        print("RuntimeErrors", g.exceptions)


asyncio.run(main())
