# An async generator still referenced when main() returns (here: returned by it) is not finalized:
# asyncio.run's shutdown_asyncgens() closes it. Its aclose() runs in a task of its own (gathered,
# so Task-3 steps between the two steps of the shutdown_asyncgens task), before
# shutdown_default_executor.
import asyncio


async def ticker(n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print("ticker closed")
        await asyncio.sleep(0)
        print("ticker cleanup after an await")


async def main():
    gen = ticker(5)
    async for x in gen:
        print("got", x)
        if x == 1:
            break
    print("main returns")
    return gen


g = asyncio.run(main())
print("after run", type(g).__name__)
