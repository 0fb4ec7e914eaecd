import asyncio

# Rule D20: timeout <= 0 wraps the awaitable in a task in both versions; if that task
# isn't done at once it is cancelled and TimeoutError raised. An already-done task's
# result is returned.


async def work(name):
    try:
        print(name, "started")
        await asyncio.sleep(1)
        return name
    finally:
        print(name, "finally")


async def main():
    try:
        await asyncio.wait_for(work("w1"), 0)
    except asyncio.TimeoutError:
        print("w1 timed out at", asyncio.get_running_loop().time())
    t = asyncio.create_task(work("w2"))
    await asyncio.sleep(2)
    r = await asyncio.wait_for(t, -1)
    print("done task with timeout -1:", r)
    u = asyncio.create_task(work("w3"))
    print("u is", u.get_name())


asyncio.run(main())
