# namedtuple records flow through a PriorityQueue; reprs, field access and ordering as CPython's.
import asyncio
from collections import namedtuple, OrderedDict

Job = namedtuple("Job", "priority name retries", defaults=[0])


async def worker(q, log):
    while True:
        job = await q.get()
        await asyncio.sleep(0.01 * job.priority)
        log[job.name] = job
        print("ran", job, job._replace(retries=job.retries + 1))
        q.task_done()


async def main():
    q = asyncio.PriorityQueue()
    for job in [Job(3, "c"), Job(1, "a", 2), Job(2, "b")]:
        q.put_nowait(job)
    log = OrderedDict()
    w = asyncio.create_task(worker(q, log))
    await q.join()
    w.cancel()
    log.move_to_end("a")
    print(list(log), log["b"]._asdict(), Job._fields)


asyncio.run(main())
