import asyncio

# Deadlock through a Queue: the consumer waits for a fourth item that never comes,
# and main awaits the consumer.


async def producer(q):
    for i in range(3):
        await asyncio.sleep(0.5)
        await q.put(i)
        print("put", i)


async def consumer(q):
    while True:
        item = await q.get()
        print("got", item)


async def main():
    q = asyncio.Queue()
    p = asyncio.create_task(producer(q))
    c = asyncio.create_task(consumer(q))
    await p
    print("producer done, waiting for consumer")
    await c


asyncio.run(main())
