import asyncio

# Rule D21: as_completed() takes each awaitable once (a repeated task counts once) and
# works with plain futures set by callbacks.


async def main():
    loop = asyncio.get_running_loop()
    f1 = loop.create_future()
    f2 = loop.create_future()
    t = asyncio.create_task(asyncio.sleep(0.15, "task"))
    loop.call_later(0.2, f1.set_result, "f1")
    loop.call_later(0.1, f2.set_result, "f2")
    count = 0
    for coro in asyncio.as_completed([f1, t, f2, t, f1]):
        print(await coro, loop.time())
        count += 1
    print("count", count)


asyncio.run(main())
