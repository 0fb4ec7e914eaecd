import asyncio

# Rules 1-2: handles run FIFO; a handle queued while an iteration runs waits for the
# next iteration. Tasks created inside a step start in creation order.


async def child(name):
    print(name, "first step")
    await asyncio.sleep(0)
    print(name, "second step")


async def spawner():
    print("spawner creates c1 and c2")
    asyncio.create_task(child("c1"))
    asyncio.create_task(child("c2"))
    await asyncio.sleep(0)
    print("spawner after one yield")


async def main():
    asyncio.create_task(child("a"))
    asyncio.create_task(spawner())
    asyncio.create_task(child("b"))
    print("main created a, spawner, b")
    await asyncio.sleep(0)
    print("main: iteration 2")
    await asyncio.sleep(0)
    print("main: iteration 3")
    await asyncio.sleep(0)
    print("main: iteration 4")


asyncio.run(main())
