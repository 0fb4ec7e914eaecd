import asyncio

# Rule C10: `await coro()` runs the coroutine inline, in the caller's task and step; only
# the innermost real suspension (here sleep) yields. Prints stay attributed to main.


async def leaf(depth):
    print("leaf at depth", depth)
    await asyncio.sleep(0.1)
    print("leaf resumes")
    return depth * 10


async def middle(depth):
    print("middle enters")
    r = await leaf(depth + 1)
    print("middle got", r)
    return r + 1


async def top():
    print("top enters")
    r = await middle(1)
    print("top got", r)
    return r + 1


async def other():
    print("other runs while main is suspended")


async def main():
    asyncio.create_task(other())
    r = await top()
    print("main got", r)


asyncio.run(main())
