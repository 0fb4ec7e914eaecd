import asyncio

# locks.Barrier: abort() breaks it for everyone waiting (BrokenBarrierError), and for
# later callers; reset() wakes the waiters with BrokenBarrierError and fills again.


async def waiter(barrier, name):
    try:
        print(name, "got", await barrier.wait())
    except asyncio.BrokenBarrierError as e:
        print(name, "BrokenBarrierError:", e)


async def main():
    b = asyncio.Barrier(3)
    ts = [asyncio.create_task(waiter(b, n)) for n in "xy"]
    await asyncio.sleep(0.1)
    await b.reset()
    await asyncio.gather(*ts)
    print("after reset: broken", b.broken, "waiting", b.n_waiting)
    ts = [asyncio.create_task(waiter(b, n)) for n in "uv"]
    await asyncio.sleep(0.1)
    await b.abort()
    await asyncio.gather(*ts)
    print("broken", b.broken)
    await waiter(b, "late")
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError", e)


asyncio.run(main())
