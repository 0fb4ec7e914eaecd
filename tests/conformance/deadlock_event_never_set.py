import asyncio

# Deadlock after time has passed: the timers drain, then main waits on an Event that
# nobody will set. The deadlock is reported at the virtual time it happens.


async def helper(ev):
    await asyncio.sleep(1.5)
    print("helper finished without setting the event", ev.is_set())


async def main():
    ev = asyncio.Event()
    asyncio.create_task(helper(ev))
    print("main waits for the event")
    await ev.wait()
    print("never printed")


asyncio.run(main())
print("never printed either")
