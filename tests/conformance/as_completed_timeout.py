import asyncio

# Rule D21: as_completed(timeout=) makes the remaining awaits raise TimeoutError; the
# tasks themselves keep running.


async def work(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished at", asyncio.get_running_loop().time())
    return name


async def main():
    tasks = [asyncio.create_task(work(n, d)) for n, d in [("a", 0.1), ("b", 1.0), ("c", 2.0)]]
    for coro in asyncio.as_completed(tasks, timeout=0.5):
        try:
            print("got", await coro)
        except TimeoutError as e:
            print("timeout", repr(e), "at", asyncio.get_running_loop().time())
    print("b done?", tasks[1].done())
    await asyncio.sleep(2)


asyncio.run(main())
