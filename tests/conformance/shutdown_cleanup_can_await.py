import asyncio

# Rule H37: shutdown cancellation runs the loop until every cancelled task has ended;
# cleanup code may await and virtual time moves on. Then the two shutdown tasks
# (async generators, default executor) take one step each.


async def service(name, cleanup_time):
    try:
        await asyncio.sleep(100)
    finally:
        print(name, "cleaning up at", asyncio.get_running_loop().time())
        await asyncio.sleep(cleanup_time)
        print(name, "cleaned up at", asyncio.get_running_loop().time())


async def main():
    asyncio.create_task(service("db", 0.5))
    asyncio.create_task(service("cache", 0.2))
    await asyncio.sleep(1)
    print("main returns at", asyncio.get_running_loop().time())


asyncio.run(main())
print("after asyncio.run")
