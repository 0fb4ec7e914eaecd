import asyncio

# Rule G33: a child failing while the parent already waits in __aexit__ leaves the parent's
# cancelling() at 1 (3.11 and 3.12); failing earlier, during the body, it is uncancelled.


async def fail(delay):
    await asyncio.sleep(delay)
    raise ValueError(delay)


async def run(body_sleep):
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.1))
            if body_sleep:
                await asyncio.sleep(body_sleep)
    except* ValueError:
        pass
    print("body sleep", body_sleep, "cancelling", asyncio.current_task().cancelling())


async def main():
    await asyncio.create_task(run(0))
    await asyncio.create_task(run(1))


asyncio.run(main())
