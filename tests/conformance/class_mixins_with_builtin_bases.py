import asyncio
from dataclasses import dataclass


class NetError(ConnectionError, TimeoutError):
    pass


class Loggable:
    def log(self, msg):
        print(f"[{type(self).__name__}] {msg}")


class JobQueue(Loggable, asyncio.PriorityQueue):
    async def put(self, item):
        self.log(f"put {item}")
        await super().put(item)


@dataclass
class Job:
    priority: int
    name: str


class Base:
    @classmethod
    def create(cls):
        return cls()

    def __repr__(self):
        return f"<{type(self).__name__}>"


class Child(Base):
    @classmethod
    def create(cls):
        obj = super().create()
        obj.extra = 1
        return obj


async def main():
    try:
        raise NetError("down")
    except TimeoutError as e:
        print("caught", type(e).__name__, e, isinstance(e, OSError), [k.__name__ for k in NetError.__mro__])
    q = JobQueue()
    await q.put((2, "b"))
    await q.put((1, "a"))
    print(q.qsize(), await q.get(), isinstance(q, asyncio.Queue), JobQueue.__mro__[1:3])
    c = Child.create()
    print(c, c.extra)
    s = {Job(1, "x").name for _ in range(2)}
    print(s, issubclass(JobQueue, Loggable), issubclass(bool, int))


asyncio.run(main())
