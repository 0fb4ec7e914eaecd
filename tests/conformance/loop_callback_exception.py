import asyncio

# Rule A2: an exception in a callback is logged by the loop, which goes on with the next
# handle.


def bad():
    print("bad callback runs")
    raise ValueError("from callback")


def good():
    print("good callback runs")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad)
    loop.call_soon(good)
    await asyncio.sleep(0.1)
    print("loop survived")


asyncio.run(main())
