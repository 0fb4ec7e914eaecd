# The math module's functions and constants print exactly as CPython's.
import asyncio
import math


async def main():
    print(math.pi, math.e, math.tau)
    print(math.sqrt(2), math.exp(1), math.log(100, 10), math.log(math.e), math.log2(1024), math.log10(0.001))
    print(math.sin(math.pi / 6), math.cos(0), math.tan(1), math.atan2(1, -1), math.hypot(3, 4))
    print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.fabs(-3), math.copysign(2, -0.0))
    print(math.degrees(math.pi), math.radians(180), math.pow(2, 10), math.pow(2, 0.5))
    print(math.gcd(12, 18, 27), math.lcm(4, 6, 10), math.factorial(20), math.comb(52, 5), math.perm(10, 3), math.perm(4))
    print(math.prod([1, 2, 3, 4.5]), math.prod([]), math.fsum([0.1] * 10), sum([0.1] * 10))
    print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-12, abs_tol=1e-9))
    print(math.isqrt(99), math.floor(7), math.ceil(7))
    await asyncio.sleep(0)


asyncio.run(main())
