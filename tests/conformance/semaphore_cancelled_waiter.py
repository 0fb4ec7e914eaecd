import asyncio

# Rule F30: a waiter cancelled before it is woken just leaves the queue; one cancelled
# after being woken (it already got the slot) gives the slot to the next waiter.


async def holder(sem):
    async with sem:
        await asyncio.sleep(1)
    print("holder released at", asyncio.get_running_loop().time())


async def waiter(name, sem):
    try:
        async with sem:
            print(name, "got the slot at", asyncio.get_running_loop().time())
            await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    sem = asyncio.Semaphore(1)
    h = asyncio.create_task(holder(sem))
    w1 = asyncio.create_task(waiter("w1", sem))
    w2 = asyncio.create_task(waiter("w2", sem))
    w3 = asyncio.create_task(waiter("w3", sem))
    await asyncio.sleep(0.5)
    w1.cancel()
    await asyncio.sleep(0.5)
    print("holder released; w2 woken but not yet run; cancel it")
    w2.cancel()
    r = await asyncio.gather(h, w1, w2, w3, return_exceptions=True)
    print("results", r)


asyncio.run(main())
