import asyncio

# Rules A2/C9: a handle queued during an iteration runs in the next one, after the handles
# already queued (task steps and callbacks interleave FIFO).


async def chatty(name):
    for i in range(2):
        print(name, "step", i)
        asyncio.get_running_loop().call_soon(print, f"cb from {name} {i}")
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(chatty("a"), chatty("b"))


asyncio.run(main())
