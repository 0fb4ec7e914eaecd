# A failing dict comprehension whose parts await: 3.11 shows its <dictcomp> frame.
import asyncio


async def price(item):
    await asyncio.sleep(0.1)
    return {"apple": 3}[item]


async def main():
    prices = {item: await price(item) for item in ["apple", "pear"]}
    print(prices)


asyncio.run(main())
