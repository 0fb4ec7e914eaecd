import asyncio

# Warnings: calling a coroutine function without awaiting it runs nothing; CPython warns
# "coroutine 'notify' was never awaited" on stderr when the object is dropped. The trace
# shows that the body never ran.


async def notify(name):
    print("notify", name)


async def main():
    notify("forgotten")
    for i in range(3):
        notify(i)
    kept = notify("kept")
    print("kept but not awaited yet")
    await kept
    await notify("awaited")


asyncio.run(main())
