import asyncio

# Rules H35/C15: asyncio.run makes main plus two shutdown tasks, all numbered; the
# counter is process-wide, so a second asyncio.run's main comes 3 numbers after the
# last task of the first. asyncio.run returns main's return value.


async def child():
    await asyncio.sleep(0.1)
    return "child"


async def first():
    t = asyncio.create_task(child())
    print("first run, child is", t.get_name())
    return await t


async def second():
    t = asyncio.create_task(child())
    print("second run, child is", t.get_name())
    await t
    return [1, 2]


print("before any loop")
r = asyncio.run(first())
print("first returned", r)
r = asyncio.run(second())
print("second returned", r)
