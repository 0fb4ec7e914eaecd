import asyncio

# Rules C9/C12: a cancellation is thrown in at the await where the task is suspended;
# except/finally run in the same step, and cleanup may itself await (time moves on)
# before the task ends cancelled.


async def worker():
    try:
        print("worker: working")
        await asyncio.sleep(5)
        print("never printed")
    except asyncio.CancelledError:
        print("worker: cancelled at", asyncio.get_running_loop().time())
        raise
    else:
        print("never printed either")
    finally:
        print("worker: cleanup starts")
        await asyncio.sleep(0.25)
        print("worker: cleanup done at", asyncio.get_running_loop().time())


async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel()
    print("main: cancel requested, done?", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("main: worker cancelled =", t.cancelled(), "at", asyncio.get_running_loop().time())


asyncio.run(main())
