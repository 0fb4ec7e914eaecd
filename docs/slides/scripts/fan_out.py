"""Fan out, fan in: three workers share a queue; main waits for them all."""
import asyncio


async def worker(name, queue):
    while True:
        job = await queue.get()
        await asyncio.sleep(job)
        print(f"{name} finished a {job}s job")
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for job in (0.3, 0.1, 0.2, 0.4, 0.1):
        queue.put_nowait(job)
    workers = [asyncio.create_task(worker(f"w{i}", queue)) for i in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)


asyncio.run(main())
