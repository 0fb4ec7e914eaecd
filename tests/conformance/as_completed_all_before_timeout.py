import asyncio

# Rule D21: when every task finishes before the timeout, as_completed cancels its timer:
# no TimeoutError, and the loop is not kept busy until the timeout.


async def work(d):
    await asyncio.sleep(d)
    return d


async def main():
    for coro in asyncio.as_completed([work(0.2), work(0.1)], timeout=10):
        print("got", await coro)
    print("done at", asyncio.get_running_loop().time())


asyncio.run(main())
