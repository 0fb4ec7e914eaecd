import asyncio

# Rule A4: eight timers at one exact deadline plus one later timer. CPython's heapq is
# not stable (it would give 0 2 6 5 7 1 3 4); the harness and the engine key timers by
# (when_ns, seq), so equal deadlines fire in the order they were scheduled.


async def sleeper(i, delay):
    await asyncio.sleep(delay)
    print("woke", i, asyncio.get_running_loop().time())


async def main():
    tasks = []
    tasks.append(asyncio.create_task(sleeper(99, 0.75)))
    for i in range(8):
        tasks.append(asyncio.create_task(sleeper(i, 0.5)))
    for t in tasks:
        await t
    print("second round: created in reverse")
    tasks = []
    i = 5
    while i > 0:
        tasks.append(asyncio.create_task(sleeper(i, 0.25)))
        i -= 1
    for t in tasks:
        await t


asyncio.run(main())
