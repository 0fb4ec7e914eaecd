# A generator abandoned by `break` is closed when its last reference goes: GeneratorExit at the
# paused yield, so its finally block runs right then, before the next statement.
import asyncio


def lines(name):
    print("open", name)
    try:
        for i in range(5):
            yield f"{name}:{i}"
    finally:
        print("close", name)


async def reader(name, stop_at):
    for line in lines(name):
        if line.endswith(str(stop_at)):
            break
        print("read", line)
        await asyncio.sleep(0.1)
    print(name, "after loop")


async def main():
    await asyncio.gather(reader("a", 2), reader("b", 1))
    g = lines("c")
    print(next(g))
    g.close()
    print("closed c", list(g))


asyncio.run(main())
