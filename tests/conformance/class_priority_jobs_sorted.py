# Rich comparisons on a user class: sorted(), min() and max() use __lt__ and its reflection;
# __eq__ makes instances unhashable; jobs then run in priority order.
import asyncio


class Job:
    def __init__(self, name, priority):
        self.name = name
        self.priority = priority

    def __lt__(self, other):
        return self.priority < other.priority

    def __eq__(self, other):
        return isinstance(other, Job) and self.priority == other.priority

    def __repr__(self):
        return f"Job({self.name!r}, {self.priority})"


async def run(job):
    await asyncio.sleep(job.priority / 10)
    print("ran", job.name)


async def main():
    jobs = [Job("email", 3), Job("backup", 1), Job("report", 2), Job("cleanup", 1)]
    ordered = sorted(jobs)
    print(ordered)
    print(min(jobs), max(jobs), Job("x", 1) == Job("y", 1), Job("x", 1) > Job("y", 0))
    try:
        {Job("a", 1): 1}
    except TypeError as e:
        print(e)
    for job in ordered:
        await run(job)
    print(sorted(jobs, reverse=True))


asyncio.run(main())
