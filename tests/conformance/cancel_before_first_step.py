import asyncio

# Rule C12: a task cancelled before its first step never runs its body: no print,
# no finally. cancelled() only turns True once the task has actually ended.


async def body(name):
    try:
        print(name, "body runs")
        await asyncio.sleep(1)
    finally:
        print(name, "finally")


async def main():
    t = asyncio.create_task(body("early"))
    u = asyncio.create_task(body("late"))
    print("cancel early:", t.cancel())
    print("right after cancel: done", t.done(), "cancelled", t.cancelled())
    await asyncio.sleep(0)
    print("after one iteration: done", t.done(), "cancelled", t.cancelled())
    print("cancel late:", u.cancel())
    try:
        await u
    except asyncio.CancelledError:
        print("late ended cancelled:", u.cancelled())
    print("cancel again:", t.cancel(), u.cancel())


asyncio.run(main())
