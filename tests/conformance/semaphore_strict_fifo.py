import asyncio

# Rule F30: a Semaphore hands a released slot straight to the first waiter; a task that
# releases and re-acquires at once queues behind the waiters (strict FIFO).


async def worker(name, sem, rounds):
    for i in range(rounds):
        async with sem:
            print(name, "in, round", i)
            await asyncio.sleep(0.1)
        print(name, "out")


async def main():
    sem = asyncio.Semaphore(1)
    await asyncio.gather(worker("a", sem, 2), worker("b", sem, 2), worker("c", sem, 1))
    print("finished at", asyncio.get_running_loop().time())


asyncio.run(main())
