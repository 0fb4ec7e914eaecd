# Leaving `async for` early drops a suspended async generator: asyncio's finalizer hook schedules
# agen.aclose() as a new task (call_soon of create_task), so the generator's finally runs in that
# task one iteration later, and the task takes a Task-N number before later tasks.
import asyncio


async def ticker(name):
    try:
        for i in range(10):
            await asyncio.sleep(0.1)
            yield i
    finally:
        print(name, "ticker cleanup")


async def main():
    async for t in ticker("first"):
        print("tick", t)
        if t == 2:
            break
    print("after loop")
    await asyncio.sleep(0)
    print("after sleep")
    task = asyncio.create_task(asyncio.sleep(0.1))
    print("new task:", task.get_name())
    await task
    async for t in ticker("second"):
        print("tick", t)
        break
    await asyncio.sleep(0.1)
    print("done")


asyncio.run(main())
