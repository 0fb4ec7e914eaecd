# Exponential backoff computed with math: pow, ceil, log2, floor, and math.inf as a sentinel.
import asyncio
import math


async def flaky(attempts_needed):
    for attempt in range(10):
        delay = min(math.pow(2, attempt) * 0.01, 0.5)
        if attempt >= attempts_needed:
            return attempt
        print("retry", attempt, "in", delay, "ceil", math.ceil(delay * 100))
        await asyncio.sleep(delay)
    return math.inf


async def main():
    n = await flaky(4)
    print("succeeded after", n, "attempts", math.log2(2 ** n), math.floor(math.log10(12345)))
    print(math.inf > 10**18, -math.inf, math.isinf(math.inf), math.isnan(math.nan), math.isfinite(1e308))


asyncio.run(main())
