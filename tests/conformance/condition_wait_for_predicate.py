import asyncio

# Rule F29: wait_for(predicate) re-checks after every wake-up and returns the predicate's
# value.

items = []


async def consumer(cond):
    async with cond:
        result = await cond.wait_for(lambda: len(items) >= 3)
        print("consumer sees", items, "predicate", result)


async def producer(cond):
    for i in range(4):
        await asyncio.sleep(0.1)
        async with cond:
            items.append(i)
            print("produced", i)
            cond.notify()


async def main():
    cond = asyncio.Condition()
    await asyncio.gather(consumer(cond), producer(cond))


asyncio.run(main())
