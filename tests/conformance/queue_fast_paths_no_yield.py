import asyncio

# Rule E25: put on a non-full queue, get on a non-empty queue, and join with no unfinished
# items complete without yielding; a ticker shows main never left its step.


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    q = asyncio.Queue()
    asyncio.create_task(ticker())
    await q.put("a")
    await q.put("b")
    print("qsize", q.qsize(), "empty", q.empty(), "full", q.full())
    x = await q.get()
    y = await q.get()
    print("got", x, y, "FIFO; empty now", q.empty())
    q.task_done()
    q.task_done()
    await q.join()
    print("join returned at once")
    await asyncio.sleep(0)
    print("first yield of main")


asyncio.run(main())
