import asyncio

# Rules C8/C15: every Task without an explicit name takes "Task-N" from one process-wide
# counter. asyncio.create_task(c, name=X) still consumes a number; gather takes one per
# coroutine; wait_for takes one for its inner task in 3.11 but none in 3.12 (section J).


async def noop(label):
    await asyncio.sleep(0)
    return label


async def show(label):
    print("running inside", label)
    return label


async def main():
    a = asyncio.create_task(noop("a"))
    b = asyncio.create_task(noop("b"), name="bee")
    c = asyncio.create_task(noop("c"))
    print("names", a.get_name(), b.get_name(), c.get_name())
    r = await asyncio.gather(noop("g1"), noop("g2"), a)
    print("gather", r)
    r = await asyncio.wait_for(show("wf"), 5)
    print("wait_for", r)
    d = asyncio.create_task(noop("d"))
    print("next name", d.get_name())
    e = asyncio.create_task(noop("e"), name=42)
    print("name from int", e.get_name(), type(e.get_name()).__name__)
    await asyncio.gather(b, c, d, e)


asyncio.run(main())
