import asyncio

# ExceptionGroup/BaseExceptionGroup (PEP 654): the constructor picks the class and checks
# its arguments as CPython's BaseExceptionGroup.__new__ does.


def attempt(make):
    try:
        g = make()
        print(type(g).__name__, repr(g), "|", str(g))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


async def main():
    attempt(lambda: BaseExceptionGroup("all plain", [ValueError(1), TypeError(2)]))
    attempt(lambda: BaseExceptionGroup("mixed", [ValueError(1), asyncio.CancelledError()]))
    attempt(lambda: ExceptionGroup("no base", [asyncio.CancelledError()]))
    attempt(lambda: ExceptionGroup("empty", []))
    attempt(lambda: ExceptionGroup("not a sequence", ValueError(1)))
    attempt(lambda: ExceptionGroup("not an exception", [ValueError(1), 2]))
    attempt(lambda: ExceptionGroup(3, [ValueError(1)]))
    attempt(lambda: ExceptionGroup("one arg"))
    attempt(lambda: ExceptionGroup("tuple", (KeyError("k"),)))
    g = ExceptionGroup("eg", [ValueError(1)])
    print(isinstance(g, Exception), isinstance(g, BaseExceptionGroup), g.message, g.exceptions, g.args)


asyncio.run(main())
