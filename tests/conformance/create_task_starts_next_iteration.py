import asyncio

# Rule C8: create_task only schedules the first step (call_soon); the creator keeps
# running until it yields, and new tasks start in creation order after handles that
# were already ready.


async def child(name):
    print(name, "started")
    return name


async def main():
    t1 = asyncio.create_task(child("t1"))
    print("created t1, done?", t1.done())
    t2 = asyncio.create_task(child("t2"))
    print("created t2, still in main")
    await asyncio.sleep(0)
    print("main resumed; done?", t1.done(), t2.done())
    t3 = asyncio.create_task(child("t3"))
    r = await t3
    print("awaited t3:", r)


asyncio.run(main())
