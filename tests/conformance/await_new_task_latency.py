import asyncio

# Rule C11: awaiting a new task whose coroutine finishes in its first step resumes the
# awaiter two iterations later (child step, then wakeup). A ticker marks iterations.


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)


async def quick():
    print("quick runs")
    return 7


async def main():
    asyncio.create_task(ticker(6))
    await asyncio.sleep(0)
    print("main awaits a new task")
    r = await asyncio.create_task(quick())
    print("main got", r)
    print("main awaits a coroutine")
    r = await quick()
    print("main got", r, "with no yield")
    await asyncio.sleep(0)
    print("main after sleep(0)")


asyncio.run(main())
