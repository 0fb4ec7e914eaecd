import asyncio

# Rules G32/G34: a timeout around a TaskGroup cancels the parent; the group cancels its
# children, re-raises CancelledError, and the timeout turns it into TimeoutError. The
# cancellation counts go back to zero.


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "done")
    except asyncio.CancelledError:
        print(name, "cancelled at", asyncio.get_running_loop().time())
        raise


async def main():
    try:
        async with asyncio.timeout(0.5):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child("quick", 0.1))
                tg.create_task(child("slow", 2))
    except TimeoutError as e:
        print("TimeoutError", repr(e.__cause__))
    print("cancelling", asyncio.current_task().cancelling())


asyncio.run(main())
