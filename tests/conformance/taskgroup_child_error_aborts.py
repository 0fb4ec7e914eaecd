import asyncio

# Rule G32/G33: the first failing child cancels its siblings (in creation order) and the
# parent; the group raises ExceptionGroup('unhandled errors in a TaskGroup', [...]).


async def sleeper(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled at", asyncio.get_running_loop().time())
        raise


async def failer(delay):
    await asyncio.sleep(delay)
    raise ValueError("child failed")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper("s1", 1))
            tg.create_task(failer(0.2))
            tg.create_task(sleeper("s2", 2))
            await asyncio.sleep(5)
            print("not reached")
    except ExceptionGroup as eg:
        print("caught", type(eg).__name__, str(eg))
        print("exceptions", eg.exceptions, eg.message)
    print("cancelling", asyncio.current_task().cancelling())


asyncio.run(main())
