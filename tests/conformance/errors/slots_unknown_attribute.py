# A class with __slots__ takes no other attribute: CPython's AttributeError names the attribute.
import asyncio


class Job:
    __slots__ = ("name", "done")

    def __init__(self, name):
        self.name = name
        self.done = False


async def main():
    job = Job("fetch")
    job.done = True
    job.finished_at = 1.5
    print(job.name)


asyncio.run(main())
