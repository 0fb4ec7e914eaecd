import asyncio

# Rule G32: an inner group's ExceptionGroup fails the outer group's child in turn.


async def fail():
    await asyncio.sleep(0.1)
    raise ValueError("deep")


async def inner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail())


async def bystander():
    try:
        await asyncio.sleep(1)
    finally:
        print("bystander ends at", asyncio.get_running_loop().time())


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner())
            tg.create_task(bystander())
    except ExceptionGroup as eg:
        print(repr(eg))
        inner_group = eg.exceptions[0]
        print(type(inner_group).__name__, inner_group.exceptions)


asyncio.run(main())
