import asyncio

# Rule 16/11: sleep(0) is one bare yield: the task steps again in the very next
# loop iteration, after everything that was already ready.


async def worker(name, rounds):
    for i in range(rounds):
        print(name, "round", i)
        await asyncio.sleep(0)
    print(name, "done")


async def main():
    a = asyncio.create_task(worker("a", 3))
    b = asyncio.create_task(worker("b", 2))
    print("main yields once")
    await asyncio.sleep(0)
    print("main back: a and b took their first step")
    await asyncio.sleep(0)
    print("main back again")
    await a
    await b
    print("main end", asyncio.get_running_loop().time())


asyncio.run(main())
