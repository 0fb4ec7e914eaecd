import asyncio

# Rule F28: Event.set() wakes every waiter, in the order they started waiting, all in the
# next iteration; setting an already-set event does nothing.


async def waiter(name, ev):
    print(name, "waits")
    await ev.wait()
    print(name, "woke, is_set", ev.is_set())


async def main():
    ev = asyncio.Event()
    for name in ["w1", "w2", "w3"]:
        asyncio.create_task(waiter(name, ev))
    await asyncio.sleep(0.2)
    print("setting")
    ev.set()
    ev.set()
    print("set done, still in main")
    await asyncio.sleep(0)
    print("main after one iteration")


asyncio.run(main())
