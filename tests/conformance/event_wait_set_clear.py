import asyncio

# Rule F28: wait() on a set event returns without yielding; clear() only resets the flag:
# a waiter already woken by set() still resumes even if clear() comes first.


async def ticker():
    for i in range(3):
        print("tick", i)
        await asyncio.sleep(0)


async def waiter(ev):
    r = await ev.wait()
    print("waiter woke with", r, "flag now", ev.is_set())


async def main():
    ev = asyncio.Event()
    asyncio.create_task(ticker())
    ev.set()
    r = await ev.wait()
    print("wait on set event:", r, "without yielding")
    ev.clear()
    asyncio.create_task(waiter(ev))
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    print("set then clear:", ev.is_set())
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
