import asyncio

# Rule 9: for/while bodies that await (continue, break, else, return, nested loops), an
# exception from the body and from the iterator: the body repeats inside one evaluator frame.


async def loops():
    out = []
    for i in range(6):
        await asyncio.sleep(0)
        if i == 1:
            continue
        if i == 4:
            break
        out.append(i)
    else:
        out.append("no else")
    for i in range(2):
        await asyncio.sleep(0)
    else:
        out.append("else ran")
    n = 0
    while n < 5:
        n += 1
        await asyncio.sleep(0)
        if n == 2:
            continue
        out.append(n)
    else:
        out.append("while else")
    while True:
        await asyncio.sleep(0)
        n += 1
        if n > 7:
            break
    for i in range(0):
        await asyncio.sleep(0)
    else:
        out.append("empty else")
    for a, b in [(1, 2), (3, 4)]:
        await asyncio.sleep(0)
        out.append(a + b)
    return out


async def finder():
    for i in range(10):
        await asyncio.sleep(0)
        if i == 3:
            return i
    return -1


async def nested():
    total = 0
    for i in range(3):
        for j in range(3):
            await asyncio.sleep(0)
            if j == 1:
                break
            total += i * 10 + j
        while total < 100:
            total += 40
            await asyncio.sleep(0)
    return total


async def failing():
    for i in range(3):
        await asyncio.sleep(0)
        if i == 2:
            raise ValueError(f"at {i}")


async def iterator_fails():
    class It:
        def __init__(self):
            self.n = 0
        def __iter__(self):
            return self
        def __next__(self):
            self.n += 1
            if self.n > 2:
                raise KeyError("next failed")
            return self.n
    for x in It():
        await asyncio.sleep(0)
        print("got", x)


async def ticker(name, n):
    i = 0
    while i < n:
        print(name, i)
        i += 1
        await asyncio.sleep(0)


async def main():
    print(await loops())
    print(await finder())
    print(await nested())
    await asyncio.gather(ticker("a", 3), ticker("b", 2))
    try:
        await failing()
    except ValueError as e:
        print("caught", e)
    try:
        await iterator_fails()
    except KeyError as e:
        print("caught", repr(e))
    await failing()


asyncio.run(main())
