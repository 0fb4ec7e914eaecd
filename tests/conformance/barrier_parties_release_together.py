import asyncio

# locks.Barrier (3.11+): tasks wait until `parties` of them arrived; wait() returns each
# one's arrival index; the barrier drains, then fills again for the next round.


async def worker(barrier, name, delay):
    await asyncio.sleep(delay)
    print(name, "arrives; waiting", barrier.n_waiting)
    index = await barrier.wait()
    print(name, "passes with index", index, "at", asyncio.get_running_loop().time())
    index = await barrier.wait()
    print(name, "second round index", index)


async def main():
    barrier = asyncio.Barrier(3)
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    await asyncio.gather(*(worker(barrier, n, d) for n, d in [("a", 0.3), ("b", 0.1), ("c", 0.2)]))
    print("n_waiting", barrier.n_waiting)
    async with barrier as position:
        print("not reached", position)


async def guarded():
    try:
        await asyncio.wait_for(main(), 1)
    except TimeoutError:
        print("the lone async with waited for two more parties")


asyncio.run(guarded())
