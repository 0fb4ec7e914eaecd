# Python docs, "Coroutines and Tasks", Coroutines: say_after awaited one after the other
# (3 seconds in all; time.strftime('%X') reads the virtual clock).
import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    print(f"started at {time.strftime('%X')}")

    await say_after(1, 'hello')
    await say_after(2, 'world')

    print(f"finished at {time.strftime('%X')}")

asyncio.run(main())
