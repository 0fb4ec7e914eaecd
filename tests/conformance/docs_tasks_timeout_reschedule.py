# Python docs, "Coroutines and Tasks", Timeouts: asyncio.timeout(None) rescheduled once the
# deadline is known (a fragment: long_running_task and asyncio.run added).
import asyncio
from asyncio import get_running_loop

async def long_running_task():
    await asyncio.sleep(3600)

async def main():
    try:
        # We do not know the timeout when starting, so we pass ``None``.
        async with asyncio.timeout(None) as cm:
            # We know the timeout now, so we reschedule it.
            new_deadline = get_running_loop().time() + 10
            cm.reschedule(new_deadline)

            await long_running_task()
    except TimeoutError:
        pass

    if cm.expired():
        print("Looks like we haven't finished on time.")

asyncio.run(main())
