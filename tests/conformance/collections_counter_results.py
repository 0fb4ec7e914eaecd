# A Counter tallies worker outcomes: most_common, missing keys give 0, arithmetic, repr.
import asyncio
from collections import Counter


async def call(i):
    await asyncio.sleep(0.01 * (i % 4))
    if i % 5 == 0:
        raise ValueError(f"bad {i}")
    return "ok" if i % 3 else "retry"


async def main():
    results = await asyncio.gather(*(call(i) for i in range(12)), return_exceptions=True)
    tally = Counter(type(r).__name__ if isinstance(r, Exception) else r for r in results)
    print(tally)
    print(tally.most_common(2), tally["missing"], tally.total())
    tally.update(["ok", "ok", "new"])
    tally.subtract({"retry": 1})
    print(tally, sorted(tally.elements()))
    print(Counter("abracadabra") + Counter("aab"), Counter(a=3, b=1) - Counter(a=1, b=2), Counter())


asyncio.run(main())
