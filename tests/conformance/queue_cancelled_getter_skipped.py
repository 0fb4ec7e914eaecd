import asyncio

# Rule E23/E24: a getter cancelled while waiting leaves the wait list; the next put
# wakes the next live getter.


async def getter(name, q):
    try:
        item = await q.get()
        print(name, "got", item)
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise


async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter("g1", q))
    g2 = asyncio.create_task(getter("g2", q))
    await asyncio.sleep(0.1)
    g1.cancel()
    await asyncio.sleep(0)
    q.put_nowait("item")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("g1 cancelled", g1.cancelled(), "g2 done", g2.done(), "queue size", q.qsize())


asyncio.run(main())
