# Retries with seeded random jitter; a Counter tallies attempts per outcome.
import asyncio
import random
from collections import Counter

rng = random.Random(2024)
attempts = Counter()


async def call(name):
    for attempt in range(1, 6):
        attempts[name] += 1
        await asyncio.sleep(round(rng.uniform(0.01, 0.05), 3))
        if rng.random() < 0.6:
            print(name, "failed attempt", attempt)
            await asyncio.sleep(round(0.01 * 2**attempt + rng.random() / 100, 4))
            continue
        print(name, "ok after", attempt)
        return attempt
    raise TimeoutError(name)


async def main():
    results = await asyncio.gather(*(call(f"svc{i}") for i in range(4)), return_exceptions=True)
    print(results)
    print(attempts, attempts.most_common(1), sum(attempts.values()))


asyncio.run(main())
