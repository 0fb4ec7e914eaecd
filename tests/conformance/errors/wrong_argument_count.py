# Calling a coroutine function with too few arguments.
import asyncio


async def fetch(url, timeout):
    await asyncio.sleep(timeout)
    return url


async def main():
    print(await fetch("a", 0.1))
    print(await fetch("b"))

asyncio.run(main())
