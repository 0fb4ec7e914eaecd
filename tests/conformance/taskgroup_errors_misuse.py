import asyncio

# Rule G31: create_task before entering, after finishing, and re-entering are errors.


async def nothing():
    return None


async def main():
    tg = asyncio.TaskGroup()
    c = nothing()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("RuntimeError", e)
    await c
    async with tg:
        tg.create_task(nothing())
    c = nothing()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("RuntimeError", e)
    await c
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("RuntimeError", e)


asyncio.run(main())
