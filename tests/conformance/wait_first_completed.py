import asyncio

# Rule D21: wait(FIRST_COMPLETED) returns as soon as one task ends; the others stay pending.


async def work(name, delay):
    await asyncio.sleep(delay)
    print(name, "done")
    return name


async def main():
    a = asyncio.create_task(work("a", 0.3))
    b = asyncio.create_task(work("b", 0.1))
    c = asyncio.create_task(work("c", 0.2))
    done, pending = await asyncio.wait([a, b, c], return_when=asyncio.FIRST_COMPLETED)
    print("done", [t.get_name() for t in done], "pending", [t.get_name() for t in pending])
    print("b in done", b in done, "a in pending", a in pending, len(done), len(pending))
    done, pending = await asyncio.wait(pending)
    print("then done", [t.result() for t in done], "pending", len(pending), bool(pending))


asyncio.run(main())
