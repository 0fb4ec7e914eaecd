import asyncio

# Rules E23/E24: getters wait in FIFO order; each put wakes exactly one, the
# longest-waiting.


async def getter(name, q):
    item = await q.get()
    print(name, "got", item)


async def main():
    q = asyncio.Queue()
    asyncio.create_task(getter("g1", q))
    asyncio.create_task(getter("g2", q))
    asyncio.create_task(getter("g3", q))
    await asyncio.sleep(0.1)
    for item in ["first", "second", "third"]:
        print("put", item)
        await q.put(item)
    await asyncio.sleep(0)
    print("after one iteration")
    await asyncio.sleep(0)
    print("after two")


asyncio.run(main())
