# exc.__traceback__: None before a raise, a traceback afterwards whose tb_lineno/tb_next walk
# from the catching frame to the raising one.
import asyncio


def parse(text):
    return int(text)


async def load(text):
    await asyncio.sleep(0.1)
    return parse(text)


async def main():
    fresh = ValueError("not raised")
    print(fresh.__traceback__ is None)
    try:
        raise KeyError("k")
    except KeyError as e:
        tb = e.__traceback__
        print(tb is None, tb.tb_lineno, tb.tb_next is None)
    try:
        await load("x")
    except ValueError as e:
        lines = []
        tb = e.__traceback__
        while tb is not None:
            lines.append(tb.tb_lineno)
            tb = tb.tb_next
        print(lines)
    try:
        int("z")
    except ValueError as e:
        print(e.__traceback__.tb_lineno, e.__traceback__.tb_next)
    task = asyncio.create_task(load("y"))
    await asyncio.wait([task])
    print(task.exception().__traceback__ is not None)


asyncio.run(main())
