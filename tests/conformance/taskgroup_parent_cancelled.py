import asyncio

# Rule G32: cancelling the task that sits in a TaskGroup cancels the children and the
# CancelledError comes out of the async with.


async def child(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def parent():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c1"))
            tg.create_task(child("c2"))
            print("parent waits in __aexit__")
    except asyncio.CancelledError:
        print("parent cancelled, cancelling()", asyncio.current_task().cancelling())
        raise


async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(1)
    p.cancel("enough")
    try:
        await p
    except asyncio.CancelledError as e:
        print("main:", repr(e), p.cancelled())


asyncio.run(main())
