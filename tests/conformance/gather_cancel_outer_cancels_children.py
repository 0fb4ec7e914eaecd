import asyncio

# Rule D19: cancelling the task that awaits gather cancels the gather, which cancels
# every child in argument order; the awaiter then gets CancelledError.


async def child(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(name, "cancelled", [e])
        raise


async def parent():
    try:
        await asyncio.gather(child("c1"), child("c2"), child("c3"))
    except asyncio.CancelledError as e:
        print("parent sees", [e])
        raise


async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(1)
    print("cancel parent:", p.cancel("shutdown"))
    try:
        await p
    except asyncio.CancelledError as e:
        print("main sees", [e], "parent cancelled", p.cancelled())


asyncio.run(main())
