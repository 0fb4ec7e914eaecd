import asyncio

# Rule 16 with rules 9 and 12: sleep(0)'s coroutine wrapped in a task yields once and returns
# its result; awaiting it twice raises; a cancellation thrown in at sleep(0) carries its
# message; sleep(0) inside expressions and comprehensions yields once per await.


async def sleeper():
    try:
        await asyncio.sleep(0)
        await asyncio.sleep(0)
    except asyncio.CancelledError as e:
        print("cancelled at sleep(0):", e.args)
        raise


async def main():
    print(await asyncio.sleep(0, "r1"), await asyncio.sleep(-1, result=[2]))
    c = asyncio.sleep(0, 3)
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    t = asyncio.create_task(asyncio.sleep(0, "task result"))
    print(await t)
    s = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    s.cancel("stop")
    try:
        await s
    except asyncio.CancelledError:
        print("sleeper cancelled", s.cancelled())
    t2 = asyncio.create_task(asyncio.sleep(0))
    t2.cancel()
    try:
        await t2
    except asyncio.CancelledError:
        print("t2 cancelled before its first step")
    print([await asyncio.sleep(0, i) for i in range(3)])


asyncio.run(main())
