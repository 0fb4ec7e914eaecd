import asyncio

# PEP 654 except*: each clause takes the matching part of what is left; a naked
# exception is wrapped in ExceptionGroup(''); an unmatched rest is re-raised.


def run(label, fn):
    try:
        fn()
        print(label, "-> handled")
    except BaseException as e:
        print(label, "->", repr(e))


def naked():
    try:
        raise ValueError(1)
    except* ValueError as g:
        print("  naked caught", repr(g))


def several():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as g:
        print("  V", repr(g))
    except* TypeError as g:
        print("  T", repr(g))


def unmatched():
    try:
        raise TypeError(5)
    except* ValueError:
        print("  not reached")


def with_else_finally():
    try:
        print("  body ok")
    except* ValueError:
        print("  not reached")
    else:
        print("  else")
    finally:
        print("  finally")


async def main():
    run("naked", naked)
    run("several", several)
    run("unmatched", unmatched)
    run("else/finally", with_else_finally)


asyncio.run(main())
