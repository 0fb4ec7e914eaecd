import asyncio

# Rule H37 / section I: asyncio.run cancels the tasks still pending when main ends, in
# task CREATION order (CPython iterates a set: memory-address order). Run 1 leaves three
# tasks created after thirteen finished ones; run 2 leaves many, created around finished
# ones. Neither order may depend on hashing.


async def short(i):
    await asyncio.sleep(0.1)
    return i


async def long(i):
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("cancelled", i)
        raise


async def few():
    for i in range(13):
        asyncio.create_task(short(i))
    await asyncio.sleep(1)
    for i in range(3):
        asyncio.create_task(long(i))
    print("few returns")


async def many():
    for i in range(12):
        if i % 4 == 3:
            asyncio.create_task(short(100 + i))
        asyncio.create_task(long(i))
    await asyncio.sleep(1)
    for i in range(20, 26):
        asyncio.create_task(long(i))
    print("many returns")


asyncio.run(few())
asyncio.run(many())
