import asyncio

# Rules C8/C15: loop.create_task(c, name=X) consumes no Task-N number;
# asyncio.create_task(c, name=X) does; loop.time() reads the virtual clock.


async def work(tag):
    await asyncio.sleep(0.25)
    return tag


async def main():
    loop = asyncio.get_running_loop()
    a = loop.create_task(work("a"), name="named-by-loop")
    b = asyncio.create_task(work("b"), name="named-by-asyncio")
    c = loop.create_task(work("c"))
    print(a.get_name(), b.get_name(), c.get_name())
    print("time", loop.time(), "running", loop.is_running())
    print(await a, await b, await c, "at", loop.time())
    print(asyncio.get_running_loop() is loop or "a loop object each call")


asyncio.run(main())
