import asyncio

# Rule G32: a child that ends cancelled (from outside) is not an error: the group goes on.


async def child(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished")
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(child("a", 0.2))
        b = tg.create_task(child("b", 1))
        await asyncio.sleep(0.1)
        b.cancel()
        print("b cancelled from the body")
    print("group done", a.result(), b.cancelled(), tg)


asyncio.run(main())
