# Rule 38, garbage collection: a failed task is logged ("Task exception was never retrieved")
# the moment the last reference to it goes: `del`, rebinding the variable, or the function
# holding it returning (its frame is cleared at once).
import asyncio

async def boom(name):
    raise ValueError(name)

async def holder():
    t = asyncio.create_task(boom("held by holder"))
    await asyncio.sleep(0.1)
    print("holder returns")

async def main():
    t = asyncio.create_task(boom("deleted"))
    await asyncio.sleep(0.1)
    print("before del")
    del t
    print("after del")
    t = asyncio.create_task(boom("rebound"))
    await asyncio.sleep(0.1)
    t = None
    print("after rebinding")
    await holder()
    print("after holder")
    t = asyncio.create_task(boom("main's last"))
    await asyncio.sleep(0.1)
    print("main returns")

asyncio.run(main())
