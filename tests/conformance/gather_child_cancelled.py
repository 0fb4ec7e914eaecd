import asyncio

# Rule D18: a child that ends cancelled makes gather raise CancelledError into its
# awaiter (which itself was not cancelled); the other children keep running.


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    a = asyncio.create_task(child("a", 0.5))
    b = asyncio.create_task(child("b", 1.0))
    c = asyncio.create_task(child("c", 2.0))
    await asyncio.sleep(0.1)
    g = asyncio.gather(a, b, c)
    b.cancel()
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather raised", [e], "at", asyncio.get_running_loop().time())
    print("main itself not cancelled; a done", a.done(), "c done", c.done())
    r = await c
    print("c still finished:", r)


asyncio.run(main())
