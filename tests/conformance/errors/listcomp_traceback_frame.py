# In 3.11 a list comprehension is a function of its own: the traceback shows a <listcomp> frame
# (3.12 inlines it, PEP 709).
import asyncio


def parse(text):
    return int(text)


async def main():
    values = ["1", "2", "x"]
    numbers = [parse(v) for v in values]
    print(numbers)


asyncio.run(main())
