# A task created while asyncio.run shuts down (here by a cancelled worker's finally) is not in the
# set the shutdown cancelled: it runs during the shutdown steps, and when Runner.close() closes
# the loop its queued step is dropped, so asyncio logs "Task was destroyed but it is pending!"
# before asyncio.run returns, and its finally runs outside any task.
import asyncio


async def flush(name):
    print("flush", name)
    try:
        for i in range(10):
            await asyncio.sleep(0)
            print("flushed", name, i)
    finally:
        print("flush finally", name)


async def worker(name):
    try:
        await asyncio.sleep(10)
    finally:
        print(name, "cancelled, scheduling a flush")
        asyncio.create_task(flush(name))


async def main():
    asyncio.create_task(worker("w1"))
    await asyncio.sleep(1)
    print("main done")


asyncio.run(main())
print("after run")
