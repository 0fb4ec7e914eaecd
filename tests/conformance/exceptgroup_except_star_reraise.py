import asyncio

# PEP 654 except*: a bare raise puts the matched part back in the original's shape; a new
# exception is grouped with the re-raised rest in ExceptionGroup('').


def run(label, fn):
    try:
        fn()
        print(label, "-> handled")
    except BaseException as e:
        print(label, "->", repr(e), "| context", repr(e.__context__))


def bare_reraise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        pass
    except* TypeError:
        raise


def new_and_reraise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("new")
    except* TypeError:
        raise


def naked_new():
    try:
        raise ValueError(1)
    except* ValueError:
        raise KeyError(2)


def naked_reraise():
    try:
        raise ValueError(1)
    except* ValueError:
        raise


def raise_matched():
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
    except* ValueError as g:
        raise g


def group_type():
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ExceptionGroup:
        pass


async def main():
    for fn in [bare_reraise, new_and_reraise, naked_new, naked_reraise, raise_matched, group_type]:
        run(fn.__name__, fn)


asyncio.run(main())
