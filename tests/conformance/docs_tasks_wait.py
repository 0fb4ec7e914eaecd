# Python docs, "Coroutines and Tasks", Waiting Primitives: asyncio.wait() on tasks, and the
# 'if task in done' check (fragments: the tasks and asyncio.run added).
import asyncio

async def foo():
    return 42

async def work(n):
    await asyncio.sleep(n)
    return n

async def main():
    aws = [asyncio.create_task(work(n)) for n in (3, 1, 2)]
    done, pending = await asyncio.wait(aws)
    print(len(done), len(pending), sorted(t.result() for t in done))

    task = asyncio.create_task(foo())
    done, pending = await asyncio.wait({task})

    if task in done:
        # Everything will work as expected now.
        print("task is done:", task.result())

    done, pending = await asyncio.wait(
        [asyncio.create_task(work(n)) for n in (2, 0.5)], timeout=1)
    print([t.result() for t in done], len(pending))
    for t in pending:
        t.cancel()

asyncio.run(main())
