import asyncio

# Rule A4: a deadline is loop.time() + delay in double precision, then rounded to
# whole nanoseconds. 0.1 + 0.2 is 0.30000000000000004 s, which rounds to the same
# nanosecond as 0.3: those timers tie and fire in scheduling order.


async def sleeper(name, delay):
    await asyncio.sleep(delay)
    print(name, "woke", asyncio.get_running_loop().time())


async def chain(name, first, second):
    await asyncio.sleep(first)
    print(name, "half way", asyncio.get_running_loop().time())
    await asyncio.sleep(second)
    print(name, "woke", asyncio.get_running_loop().time())


async def main():
    a = asyncio.create_task(sleeper("sum", 0.1 + 0.2))
    b = asyncio.create_task(sleeper("plain", 0.3))
    c = asyncio.create_task(chain("chain", 0.1, 0.2))
    d = asyncio.create_task(sleeper("third", 0.9 / 3))
    await a
    await b
    await c
    await d
    print("0.1 + 0.2 =", 0.1 + 0.2)
    print("0.9 / 3 =", 0.9 / 3)


asyncio.run(main())
