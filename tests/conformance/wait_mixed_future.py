import asyncio

# Rule D21: a plain future in wait() is finished by a callback; wait() wakes one iteration
# after the done callback runs.


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.2, fut.set_result, "from callback")
    t = asyncio.create_task(asyncio.sleep(1, "slept"))
    done, pending = await asyncio.wait([fut, t], return_when=asyncio.FIRST_COMPLETED)
    print(loop.time(), fut in done, t in pending, fut.result())
    done, pending = await asyncio.wait([fut, t], timeout=2)
    print(loop.time(), len(done), len(pending), t.result())


asyncio.run(main())
