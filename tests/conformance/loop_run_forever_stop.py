import asyncio

# Rules A3/H36: the legacy callback style: run_forever() runs until a callback calls
# loop.stop(); the loop stops after the current iteration.


def hello(loop, n):
    print("hello", n, "at", loop.time())
    if n < 3:
        loop.call_later(0.5, hello, loop, n + 1)
    else:
        loop.call_soon(print, "runs in the stopping iteration")
        loop.stop()


loop = asyncio.new_event_loop()
loop.call_soon(hello, loop, 1)
loop.run_forever()
print("stopped at", loop.time())
loop.close()
