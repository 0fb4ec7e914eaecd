# Unbounded recursion in plain code called from a task.
import asyncio


def depth(n):
    return depth(n + 1) + 1


async def main():
    await asyncio.sleep(0)
    print(depth(0))

asyncio.run(main())
