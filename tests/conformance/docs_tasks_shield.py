# Python docs, "Coroutines and Tasks", Shielding From Cancellation: the three forms
# (fragments: something() and a canceller added).
import asyncio
from asyncio import CancelledError, shield

async def something():
    await asyncio.sleep(1)
    print("something finished")
    return "result"

async def plain():
    res = await shield(something())
    print("plain got", res)

async def with_task():
    task = asyncio.create_task(something())
    res = await shield(task)
    print("with_task got", res)

async def ignoring_cancellation():
    try:
        res = await shield(something())
    except CancelledError:
        res = None
    print("ignoring_cancellation got", res)

async def main():
    await plain()
    await with_task()
    outer = asyncio.create_task(ignoring_cancellation())
    await asyncio.sleep(0.5)
    outer.cancel()
    await outer
    await asyncio.sleep(1)
    print("main done")

asyncio.run(main())
