import asyncio

# Warnings: with run_until_complete, tasks still pending when the loop stops are simply
# left (CPython logs "Task was destroyed but it is pending!" when they are destroyed);
# asyncio.run instead cancels them at shutdown.


async def forever(name):
    try:
        await asyncio.sleep(3600)
    finally:
        print(name, "finally")


async def main():
    asyncio.create_task(forever("left behind"))
    await asyncio.sleep(0.1)
    print("main ends")


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("loop stopped; the other task is still pending")
asyncio.run(main())
