# randrange, choice, choices (weights, cum_weights), shuffle, sample, gauss, getrandbits.
import asyncio
import random


async def main():
    for seed in (1, 12345, "loopscope", 2**40 + 7, -3):
        random.seed(seed)
        print(seed, random.random(), random.randrange(10), random.randrange(5, 50, 5))
        print(random.choice(["a", "b", "c"]), random.choices(range(10), k=4))
        print(random.choices("xyz", weights=[1, 5, 10], k=5), random.choices("xyz", cum_weights=[1, 2, 30], k=3))
        deck = list(range(10))
        random.shuffle(deck)
        print(deck, random.sample(range(1000), 6), random.sample("abcdefgh", 3))
        print(random.gauss(0, 1), random.gauss(10, 2), random.getrandbits(8), random.getrandbits(60))
        print(random.randint(-(2**62), 2**62), random.randrange(2**62 - 1 + 2**62))
        print(random.expovariate(2.0), random.normalvariate(), random.triangular(0, 10, 3))
        await asyncio.sleep(0)


asyncio.run(main())
