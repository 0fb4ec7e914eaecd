import asyncio

# Rules G32/D22: a shielded inner task in a TaskGroup child survives the abort; the
# cancellation message reaches the children of a cancelled parent.


async def precious():
    await asyncio.sleep(0.5)
    print("precious work finished")
    return "saved"


async def child(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError as e:
        print("child cancelled", e.args)
        raise


async def main():
    inner = asyncio.create_task(precious())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child(inner))
            tg.create_task(asyncio.sleep(0.1, "x"))
            await asyncio.sleep(0.2)
            asyncio.current_task().cancel("stop everything")
            await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("main cancelled", e.args)
    print("inner still runs:", inner.done(), await inner)


asyncio.run(main())
