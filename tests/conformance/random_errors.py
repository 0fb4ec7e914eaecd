# Errors of the random functions, as CPython words them.
import asyncio
import random


async def main():
    for call in [
        lambda: random.choice([]),
        lambda: random.randrange(0),
        lambda: random.randrange(5, 5),
        lambda: random.randrange(1, 10, 0),
        lambda: random.sample([1, 2], 3),
        lambda: random.choices([1, 2], weights=[1], k=1),
        lambda: random.choices([1, 2], [1, 1], cum_weights=[1, 2]),
        lambda: random.sample({1, 2}, 1),
    ]:
        try:
            call()
        except (ValueError, IndexError, TypeError) as e:
            print(type(e).__name__, e)
    await asyncio.sleep(0)


asyncio.run(main())
