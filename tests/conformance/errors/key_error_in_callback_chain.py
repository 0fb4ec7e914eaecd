# A missing dict key three calls deep.
import asyncio

PRICES = {"apple": 3, "pear": 4}


def price(item):
    return PRICES[item]


def total(items):
    return sum(price(item) for item in items)


async def checkout(items):
    await asyncio.sleep(0.2)
    return total(items)


async def main():
    print(await checkout(["apple", "pear"]))
    print(await checkout(["apple", "kiwi"]))

asyncio.run(main())
