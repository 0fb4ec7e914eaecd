import asyncio

# Rule D21: as_completed() yields coroutines that resolve in completion order; the
# coroutine arguments become tasks (numbered in argument order) at the first next().


async def work(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished")
    return name


async def main():
    it = asyncio.as_completed([work("slow", 0.3), work("fast", 0.1), work("mid", 0.2)])
    print("nothing started yet; next task", asyncio.create_task(asyncio.sleep(0)).get_name())
    for coro in it:
        result = await coro
        print("got", result, "at", asyncio.get_running_loop().time())


asyncio.run(main())
