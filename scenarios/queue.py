"""Title: Producer and consumer
Group: Synchronization
Summary: a fast producer fills a bounded Queue(maxsize=2) while a slower consumer drains it; join() waits for every item.
Notice: the producer blocks on put() whenever the queue holds 2 items and resumes only after the consumer's get(); main's join() returns right after the consumer calls task_done() for the last item.
"""
import asyncio


async def producer(queue):
    for i in range(1, 6):
        item = f"order-{i}"
        print(f"producer: putting {item} (queue holds {queue.qsize()})")
        await queue.put(item)             # waits here while the queue is full
        print(f"producer: {item} is in the queue")
        await asyncio.sleep(0.1)          # making an item is quick...
    print("producer: all orders placed")


async def consumer(queue):
    while True:
        item = await queue.get()          # waits here while the queue is empty
        print(f"consumer: working on {item}")
        await asyncio.sleep(0.5)          # ...handling one is slow
        print(f"consumer: {item} done")
        queue.task_done()                 # tell join() one more item is finished


async def main():
    queue = asyncio.Queue(maxsize=2)      # at most 2 items may wait in the queue
    worker = asyncio.create_task(consumer(queue), name="consumer")
    await producer(queue)                 # main itself plays the producer

    # join() returns once task_done() has been called for every item put.
    await queue.join()
    print("main: every order handled at", asyncio.get_running_loop().time())

    # The consumer loops forever, so stop it explicitly.
    worker.cancel()
    try:
        await worker
    except asyncio.CancelledError:
        print("main: consumer stopped, cancelled =", worker.cancelled())


asyncio.run(main())
