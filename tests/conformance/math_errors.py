# math's error messages: domain errors, range errors, negative factorials, int overflow.
import asyncio
import math


async def main():
    for label, call in [
        ("sqrt(-1)", lambda: math.sqrt(-1)),
        ("log(0)", lambda: math.log(0)),
        ("log(-1)", lambda: math.log(-1.5)),
        ("exp(1000)", lambda: math.exp(1000)),
        ("pow(0, -1)", lambda: math.pow(0, -1)),
        ("pow(-2, 0.5)", lambda: math.pow(-2, 0.5)),
        ("factorial(-1)", lambda: math.factorial(-1)),
        ("factorial(2.5)", lambda: math.factorial(2.5)),
        ("floor(inf)", lambda: math.floor(math.inf)),
        ("floor(nan)", lambda: math.floor(math.nan)),
        ("comb(-1, 2)", lambda: math.comb(-1, 2)),
        ("sqrt('x')", lambda: math.sqrt("x")),
        ("isclose", lambda: math.isclose(1, 2, rel_tol=-1)),
    ]:
        try:
            print(label, call())
        except (ValueError, OverflowError, TypeError) as e:
            print(label, type(e).__name__, e)
    await asyncio.sleep(0)


asyncio.run(main())
