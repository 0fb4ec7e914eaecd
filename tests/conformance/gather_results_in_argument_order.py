import asyncio

# Rule D17: gather wraps each coroutine in a task in argument order (first steps in that
# order, next iteration); results come back in argument order, not completion order.


async def fetch(name, delay):
    print("fetch", name, "starts")
    await asyncio.sleep(delay)
    print("fetch", name, "done at", asyncio.get_running_loop().time())
    return name + "!"


async def main():
    results = await asyncio.gather(fetch("a", 0.3), fetch("b", 0.1), fetch("c", 0.2))
    print("results", results)
    results = await asyncio.gather(fetch("x", 0), fetch("y", 0))
    print("results", results)


asyncio.run(main())
