"""Queue hand-offs: three producers and three consumers pass 60,000 items through a bounded queue."""
import asyncio


async def producer(queue, start, count):
    for i in range(start, start + count):
        await queue.put(i)


async def consumer(queue, totals, index):
    while True:
        item = await queue.get()
        totals[index] += item
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=10)
    totals = [0, 0, 0]
    consumers = [asyncio.create_task(consumer(queue, totals, i)) for i in range(3)]
    await asyncio.gather(*(producer(queue, p * 20000, 20000) for p in range(3)))
    await queue.join()
    for c in consumers:
        c.cancel()
    print(sum(totals))

asyncio.run(main())
