import asyncio

# An ExceptionGroup escaping asyncio.run: the trace's uncaught line shows str(group).


async def fail(n):
    await asyncio.sleep(n / 10)
    raise ValueError(f"failure {n}")


async def main():
    async with asyncio.TaskGroup() as tg:
        for n in range(3):
            tg.create_task(fail(n))


asyncio.run(main())
