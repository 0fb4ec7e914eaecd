# run_until_complete-style scripts: loop.close() clears the ready queue, and a pending task whose
# last reference was its queued step is freed there: asyncio logs "Task was destroyed but it is
# pending!" and the coroutine's finalizer runs its finally (outside any task); a task the script
# still holds goes when its last reference does. A task parked on a future (the sleeper) is in a
# cycle with it, which only the cyclic garbage collector frees (at interpreter exit).
import asyncio


async def spinner(name):
    try:
        for i in range(100):
            print(name, "spin", i)
            await asyncio.sleep(0)
    finally:
        print(name, "finally")


async def sleeper():
    try:
        await asyncio.sleep(5)
    finally:
        print("sleeper finally")


background = []


async def main():
    asyncio.create_task(spinner("a"))
    background.append(asyncio.create_task(spinner("b")))
    asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print("main returns")


loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("closing", loop.is_closed(), background[0].done())
loop.close()
print("closed", loop.is_closed(), background[0].done())
loop.close()  # closing twice does nothing
background.clear()  # the last reference to the other pending task: freed and logged now
print("done")
