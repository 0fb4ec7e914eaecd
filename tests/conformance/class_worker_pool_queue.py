# A class-based worker pool: workers are tasks started by a method, fed through a Queue,
# and stopped by cancellation once queue.join() returns (rules 27, 12).
import asyncio


class WorkerPool:
    def __init__(self, size):
        self.size = size
        self.queue = asyncio.Queue()
        self.results = []
        self.workers = []

    async def worker(self, n):
        while True:
            job = await self.queue.get()
            await asyncio.sleep(job * 0.1)
            self.results.append((n, job))
            print(f"worker {n} finished job {job}")
            self.queue.task_done()

    def start(self):
        for n in range(self.size):
            self.workers.append(asyncio.create_task(self.worker(n), name=f"worker-{n}"))

    async def run(self, jobs):
        self.start()
        for job in jobs:
            self.queue.put_nowait(job)
        await self.queue.join()
        for w in self.workers:
            w.cancel()
        done = await asyncio.gather(*self.workers, return_exceptions=True)
        print("stopped:", [type(d).__name__ for d in done])
        return self.results


async def main():
    pool = WorkerPool(2)
    results = await pool.run([3, 1, 2, 1])
    print(results)


asyncio.run(main())
