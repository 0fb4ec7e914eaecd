# Python docs, "Coroutines and Tasks", Coroutines: the first example (an interactive
# session, written out as a script).
import asyncio

async def main():
    print('hello')
    await asyncio.sleep(1)
    print('world')

asyncio.run(main())
