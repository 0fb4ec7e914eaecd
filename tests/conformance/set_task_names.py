# Collecting task names in a set while tasks finish; pop drains it in slot order.
import asyncio


async def job(i):
    await asyncio.sleep(0.1 * (i % 3))
    return i * i


async def main():
    tasks = [asyncio.create_task(job(i), name=f"job-{i}") for i in range(6)]
    finished = set()
    for t in tasks:
        await t
        finished.add(t.get_name())
    print(sorted(finished))
    squares = {t.result() for t in tasks}
    print(squares)
    while squares:
        print("pop", squares.pop())


asyncio.run(main())
