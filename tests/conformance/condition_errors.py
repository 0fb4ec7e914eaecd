import asyncio

# Rule F29: wait() and notify() need the lock.


async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        cond.release()
    except RuntimeError as e:
        print("RuntimeError", e)
    print(await cond.acquire(), cond.locked())
    cond.notify_all()
    cond.release()
    print("locked", cond.locked())


asyncio.run(main())
