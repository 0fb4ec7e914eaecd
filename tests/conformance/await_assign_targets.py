import asyncio

# Rules 7 and 16: `targets = await x` statements (queue items, chained and unpacking targets,
# a subscript target, a future, sleep(0) results) assign what the await returned.


async def produce(q):
    for i in range(5):
        await q.put(i)
    await q.put(None)


async def consume(q):
    got = []
    while True:
        item = await q.get()
        if item is None:
            break
        got.append(item)
    a = b = await asyncio.sleep(0, "both")
    x, y = await asyncio.sleep(0, (1, 2))
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(fut.set_result, [3])
    d = {}
    d["k"] = await fut
    print(got, a, b, x, y, d)
    try:
        x, y = await asyncio.sleep(0, (1, 2, 3))
    except ValueError as e:
        print("ValueError:", e)
    r = await asyncio.sleep(0)
    print(r)


async def main():
    q = asyncio.Queue()
    await asyncio.gather(produce(q), consume(q))


asyncio.run(main())
