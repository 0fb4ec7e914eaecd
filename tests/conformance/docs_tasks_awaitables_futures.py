# Python docs, "Coroutines and Tasks", Awaitables: futures (a fragment: the function that
# returns a future object is loop.run_in_executor, the example the docs name).
import asyncio
import time

def blocking(seconds):
    time.sleep(seconds)
    return seconds

def function_that_returns_a_future_object():
    return asyncio.get_running_loop().run_in_executor(None, blocking, 1)

async def some_python_coroutine():
    await asyncio.sleep(0.5)
    return "coroutine"

async def main():
    print(await function_that_returns_a_future_object())

    # this is also valid:
    print(await asyncio.gather(
        function_that_returns_a_future_object(),
        some_python_coroutine()
    ))

asyncio.run(main())
