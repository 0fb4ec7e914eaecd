# Python docs, "Coroutines and Tasks", Task Groups: the example (a fragment: the two
# coroutines and asyncio.run added).
import asyncio

async def some_coro(x):
    await asyncio.sleep(x)
    return x

async def another_coro(x):
    await asyncio.sleep(x)
    return x * 2

async def main():
    async with asyncio.TaskGroup() as tg:
        task1 = tg.create_task(some_coro(1))
        task2 = tg.create_task(another_coro(2))
    print(f"Both tasks have completed now: {task1.result()}, {task2.result()}")

asyncio.run(main())
