# Generator protocol: send() delivers a value to the paused yield, `return x` becomes
# StopIteration(x).value, yield from hands back the subgenerator's return value.
import asyncio


def averager():
    total = 0
    count = 0
    while True:
        value = yield (total / count if count else None)
        if value is None:
            return count, total
        total += value
        count += 1


def collect(results):
    result = yield from averager()
    results.append(result)


async def main():
    avg = averager()
    print(next(avg))
    for v in (10, 20, 60):
        await asyncio.sleep(0.1)
        print("running average", avg.send(v))
    try:
        avg.send(None)
    except StopIteration as e:
        print("returned", e.value)
    results = []
    c = collect(results)
    next(c)
    c.send(4)
    c.send(8)
    try:
        c.send(None)
    except StopIteration:
        print("collected", results)
    try:
        next(c)
    except StopIteration as e:
        print("again:", e.value)


asyncio.run(main())
