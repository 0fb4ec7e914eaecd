# A typo in a variable name: NameError with CPython's suggestion.
import asyncio


async def main():
    results = []
    for i in range(3):
        await asyncio.sleep(0.1)
        results.append(i)
    print(resluts)

asyncio.run(main())
