# Python docs, "Coroutines and Tasks", Introspection: current_task(), all_tasks() and
# iscoroutine().
import asyncio

async def worker(n):
    await asyncio.sleep(n)

async def main():
    me = asyncio.current_task()
    print("current:", me.get_name())
    workers = [asyncio.create_task(worker(n), name=f"worker-{n}") for n in (1, 2)]
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.sleep(1.5)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    coro = worker(0)
    print(asyncio.iscoroutine(coro), asyncio.iscoroutine(worker), asyncio.iscoroutine(me))
    await coro
    await asyncio.gather(*workers)
    print(asyncio.current_task() is me, len(asyncio.all_tasks()))

print(asyncio.current_task is not None)
asyncio.run(main())
