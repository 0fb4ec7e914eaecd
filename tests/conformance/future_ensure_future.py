import asyncio

# Rule C15: ensure_future wraps a coroutine in a numbered task and passes futures through.


async def work(x):
    print("work", x)
    return x * 10


async def main():
    t = asyncio.ensure_future(work(1))
    print(type(t).__name__, t.get_name(), asyncio.ensure_future(t) is t)
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(asyncio.ensure_future(f) is f)
    print(await t)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError", e)
    print(asyncio.iscoroutinefunction(work), asyncio.iscoroutinefunction(print), asyncio.iscoroutine(t))
    c = work(2)
    print(asyncio.iscoroutine(c))
    print(await c)


asyncio.run(main())
