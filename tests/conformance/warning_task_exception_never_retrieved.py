import asyncio

# Warnings: a task whose exception nobody retrieves still runs to its end; CPython logs
# "Task exception was never retrieved" when the task is destroyed: for a task nobody
# references, right after its last step. Retrieving it with exception() or awaiting it
# silences the log.


async def boom(name):
    await asyncio.sleep(0.1)
    raise ValueError(name)


async def main():
    asyncio.create_task(boom("nobody looks"))
    t = asyncio.create_task(boom("looked at"))
    await asyncio.sleep(0.2)
    print("retrieved", repr(t.exception()))
    print("main ends")


asyncio.run(main())
