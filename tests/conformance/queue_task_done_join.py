import asyncio

# Rule E26: join() waits until task_done() has been called once per item put; it
# returns one wakeup after the last task_done.


async def worker(name, q):
    while True:
        item = await q.get()
        print(name, "handles", item)
        await asyncio.sleep(item)
        print(name, "finished", item)
        q.task_done()


async def main():
    q = asyncio.Queue()
    for d in [0.3, 0.1, 0.2, 0.1]:
        q.put_nowait(d)
    w1 = asyncio.create_task(worker("w1", q))
    w2 = asyncio.create_task(worker("w2", q))
    print("main joins")
    await q.join()
    print("joined at", asyncio.get_running_loop().time())
    w1.cancel()
    w2.cancel()
    r = await asyncio.gather(w1, w2, return_exceptions=True)
    print("workers", r)
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
