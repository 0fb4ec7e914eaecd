import asyncio

# Rule D18: without return_exceptions the first failure is raised to the awaiter at
# once; the other children are NOT cancelled and keep running to completion.


async def worker(name, delay, fail):
    await asyncio.sleep(delay)
    if fail:
        print(name, "fails")
        raise RuntimeError(name + " failed")
    print(name, "finishes")
    return name


async def main():
    try:
        await asyncio.gather(worker("w1", 0.1, False), worker("w2", 0.2, True),
                             worker("w3", 0.3, True), worker("w4", 0.4, False))
    except RuntimeError as e:
        print("main caught", e, "at", asyncio.get_running_loop().time())
    await asyncio.sleep(1)
    print("main done at", asyncio.get_running_loop().time())


asyncio.run(main())
