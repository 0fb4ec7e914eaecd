# Cancelling a task parked inside an async generator: CancelledError is raised at the
# generator's await, its finally runs in that step, and the consumer sees the cancellation
# (rules 12, 13).
import asyncio


async def heartbeat():
    n = 0
    try:
        while True:
            await asyncio.sleep(0.25)
            n += 1
            yield n
    finally:
        print("heartbeat stopped after", n)


async def listen():
    try:
        async for beat in heartbeat():
            print("beat", beat)
    except asyncio.CancelledError:
        print("listener cancelled")
        raise


async def main():
    task = asyncio.create_task(listen())
    await asyncio.sleep(0.8)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main saw cancel", task.cancelled())


asyncio.run(main())
