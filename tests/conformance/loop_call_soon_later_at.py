import asyncio

# Rules A1/A2/A4: call_soon runs FIFO in the next iteration; call_later/call_at go through
# the timer heap; equal deadlines fire in scheduling order; a cancelled handle never runs.


def cb(name, loop):
    print("callback", name, "at", loop.time())


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(cb, "soon1", loop)
    h = loop.call_soon(cb, "cancelled", loop)
    loop.call_soon(cb, "soon2", loop)
    h.cancel()
    loop.call_later(0.2, cb, "later0.2", loop)
    loop.call_at(loop.time() + 0.1, cb, "at0.1", loop)
    loop.call_later(0.1, cb, "later0.1", loop)
    t = loop.call_later(0.15, cb, "timer-cancelled", loop)
    print("timer when", t.when(), "cancelled", t.cancelled())
    t.cancel()
    print("after cancel", t.cancelled())
    print("scheduled; now", loop.time())
    await asyncio.sleep(0)
    print("one iteration later")
    await asyncio.sleep(0.3)
    print("end at", loop.time())


asyncio.run(main())
