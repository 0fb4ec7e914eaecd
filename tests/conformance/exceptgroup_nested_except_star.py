import asyncio

# PEP 654: except* keeps the nesting of the original group in what it matches and in what
# it re-raises; handlers run once each, in order.


def f():
    raise ExceptionGroup("outer", [
        ValueError("v1"),
        ExceptionGroup("mid", [TypeError("t1"), ValueError("v2"), ExceptionGroup("deep", [KeyError("k")])]),
        OSError("o"),
    ])


async def main():
    try:
        try:
            f()
        except* ValueError as g:
            print("values", repr(g))
        except* (TypeError, OSError) as g:
            print("type/os", repr(g))
    except ExceptionGroup as rest:
        print("rest", repr(rest))
        print("leaf", repr(rest.exceptions[0].exceptions[0].exceptions[0]))


asyncio.run(main())
