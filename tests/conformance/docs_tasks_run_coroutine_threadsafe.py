# Python docs, "Coroutines and Tasks", Scheduling From Other Threads: run_coroutine_threadsafe()
# from a worker thread, both fragments (the thread and asyncio.run added).
import asyncio

timeout = 2

def submit_and_wait(loop):
    # Create a coroutine
    coro = asyncio.sleep(1, result=3)

    # Submit the coroutine to a given loop
    future = asyncio.run_coroutine_threadsafe(coro, loop)

    # Wait for the result with an optional timeout argument
    assert future.result(timeout) == 3
    print("got 3")

def handle_result(loop, delay):
    future = asyncio.run_coroutine_threadsafe(asyncio.sleep(delay, result=delay), loop)
    try:
        result = future.result(timeout)
    except TimeoutError:
        print('The coroutine took too long, cancelling the task...')
        future.cancel()
    except Exception as exc:
        print(f'The coroutine raised an exception: {exc!r}')
    else:
        print(f'The coroutine returned: {result!r}')

async def main():
    loop = asyncio.get_running_loop()
    await asyncio.to_thread(submit_and_wait, loop)
    await asyncio.to_thread(handle_result, loop, 1)
    await asyncio.to_thread(handle_result, loop, 5)
    await asyncio.sleep(5)
    print("main ends at", loop.time())

asyncio.run(main())
