import asyncio

# Rule H36: the legacy style: new_event_loop + run_until_complete, two runs on one loop.


async def work(n):
    await asyncio.sleep(n)
    print("work", n, "done")
    return n * 2


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print("first", loop.run_until_complete(work(1)))
print("second", loop.run_until_complete(work(2)))
t = loop.create_task(work(3))
print("third", loop.run_until_complete(t), t.get_name())
loop.close()
