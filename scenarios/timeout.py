"""Title: A request that times out
Group: Cancellation & timeouts
Summary: wait_for gives a slow request 1 second; the timeout cancels it, its finally block runs, and main handles TimeoutError.
Notice: at 1.000 s the request is cancelled mid-sleep: its cleanup lines appear before main's "gave up" line, and the 3-second sleep never completes.
"""
import asyncio


async def slow_request():
    print("request: sent, the server takes 3 s to answer")
    try:
        await asyncio.sleep(3)            # the answer would come at 3.000 s...
        print("request: answer received") # ...but we never get here
        return "answer"
    except asyncio.CancelledError:
        print("request: cancelled by the timeout")
        raise                             # let the cancellation continue
    finally:
        # finally always runs: the place to close connections, files, ...
        print("request: closing the connection")


async def main():
    try:
        # wait_for waits at most 1 s. When time is up it cancels the request
        # and raises TimeoutError here, after the request's cleanup has run.
        answer = await asyncio.wait_for(slow_request(), timeout=1.0)
        print("main: got", answer)
    except asyncio.TimeoutError:
        now = asyncio.get_running_loop().time()
        print(f"main: gave up after {now:.1f} s")
    finally:
        print("main: done either way")


asyncio.run(main())
