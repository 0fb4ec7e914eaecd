import asyncio

# Rule D21: wait(timeout=) does not raise; the unfinished tasks come back pending and
# keep running.


async def work(name, delay):
    await asyncio.sleep(delay)
    print(name, "done at", asyncio.get_running_loop().time())


async def main():
    a = asyncio.create_task(work("a", 0.1))
    b = asyncio.create_task(work("b", 1.0))
    done, pending = await asyncio.wait([a, b], timeout=0.5)
    print("after wait", asyncio.get_running_loop().time(), len(done), len(pending))
    print("b pending", b in pending, "b done", b.done())
    await b
    print("end", asyncio.get_running_loop().time())


asyncio.run(main())
