# Without a seed the generator starts as after random.seed(0): runs are reproducible.
import asyncio
import random


async def main():
    print(random.random())
    print([random.randint(0, 9) for _ in range(10)])
    await asyncio.sleep(random.random())
    print("slept", asyncio.get_running_loop().time())


asyncio.run(main())
