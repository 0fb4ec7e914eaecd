import asyncio

# Rule F27: acquiring a free lock does not yield; releasing an unlocked lock raises
# RuntimeError; locked() reflects the state; async with releases on exceptions too.


async def ticker():
    for i in range(2):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    lock = asyncio.Lock()
    asyncio.create_task(ticker())
    await lock.acquire()
    print("acquired without yielding, locked:", lock.locked())
    lock.release()
    print("released, locked:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with lock:
            print("inside, locked:", lock.locked())
            raise KeyError("oops")
    except KeyError as e:
        print("KeyError", e, "- lock released:", not lock.locked())
    await asyncio.sleep(0)
    print("main yielded for the first time")


asyncio.run(main())
