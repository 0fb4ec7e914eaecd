# Python docs, "Coroutines and Tasks", Creating Tasks: keeping references to background
# tasks in a set that each task leaves when done (a fragment: some_coro and main added).
import asyncio

async def some_coro(param):
    await asyncio.sleep(param / 10)
    print("done", param)

async def main():
    background_tasks = set()

    for i in range(10):
        task = asyncio.create_task(some_coro(param=i))

        # Add task to the set. This creates a strong reference.
        background_tasks.add(task)

        # To prevent keeping references to finished tasks forever,
        # make each task remove its own reference from the set after
        # completion:
        task.add_done_callback(background_tasks.discard)

    while background_tasks:
        print("still running:", len(background_tasks))
        await asyncio.sleep(0.25)
    print("all done")

asyncio.run(main())
