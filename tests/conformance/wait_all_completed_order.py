import asyncio

# Rule D21: wait() (ALL_COMPLETED) wakes one iteration after the last task's done callback;
# the done set iterates in task creation order, whatever the finishing order.


async def work(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished at", asyncio.get_running_loop().time())
    return name.upper()


async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    tasks = [asyncio.create_task(work(n, d)) for n, d in [("x", 0.2), ("y", 0.1), ("z", 0)]]
    asyncio.create_task(ticker())
    done, pending = await asyncio.wait(tasks)
    print("results", [t.result() for t in done], len(pending))


asyncio.run(main())
