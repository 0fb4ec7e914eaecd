import asyncio

# Rule D21: wait() takes futures only; its checks run when the coroutine is awaited.


async def work():
    return 1


async def main():
    coro = work()
    t = asyncio.create_task(work())
    for args, kwargs in [(([],), {}), (([coro],), {}), ((coro,), {}), ((t,), {}),
                         (([t],), {"return_when": "SOON"})]:
        try:
            await asyncio.wait(*args, **kwargs)
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    print("coro still usable:", await coro)
    done, pending = await asyncio.wait([t, t, t])
    print(len(done), len(pending))


asyncio.run(main())
