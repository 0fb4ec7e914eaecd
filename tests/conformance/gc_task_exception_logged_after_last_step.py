# Rule 38, garbage collection: a task nobody references is freed right after its last step;
# one whose exception nobody retrieved logs "Task exception was never retrieved" then, before
# the loop runs the next handle (the trace shows it as "- log"). A task still referenced
# logs nothing yet.
import asyncio

async def boom(name, delay):
    await asyncio.sleep(delay)
    print(name, "raises")
    raise ValueError(name)

async def main():
    asyncio.create_task(boom("unreferenced", 0))
    kept = asyncio.create_task(boom("kept", 0.1))
    await asyncio.sleep(0)
    print("main after sleep(0)")
    await asyncio.sleep(0)
    print("main after the second sleep(0)")
    await asyncio.sleep(0.2)
    print("kept is done:", kept.done())
    print(type(kept.exception()).__name__, "retrieved: no log for it")

asyncio.run(main())
