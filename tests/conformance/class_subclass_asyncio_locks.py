# Subclasses of asyncio.Lock, Event, Semaphore and Condition keep the primitives' behaviour.
import asyncio


class NamedLock(asyncio.Lock):
    def __init__(self, name):
        super().__init__()
        self.name = name
        self.holders = []

    async def acquire(self):
        print(f"{self.name}: acquire by {asyncio.current_task().get_name()}")
        return await super().acquire()

    def release(self):
        print(f"{self.name}: release")
        super().release()


class CountingEvent(asyncio.Event):
    sets = 0

    def set(self):
        CountingEvent.sets += 1
        print("event set, waiters see it")
        super().set()


class Limiter(asyncio.Semaphore):
    def __init__(self, value):
        super().__init__(value)
        self.limit = value


class Signal(asyncio.Condition):
    async def notify_soon(self):
        async with self:
            self.notify_all()


async def worker(i, lock, ev, sem):
    await ev.wait()
    async with sem:
        if i == 0:
            await lock.acquire()
            try:
                print(f"worker {i} holds {lock.name}, locked={lock.locked()}")
                await asyncio.sleep(0.1)
            finally:
                lock.release()
        else:
            async with lock as held:
                print(f"worker {i} holds {lock.name}, locked={lock.locked()}, as={held}")
                await asyncio.sleep(0.1)


async def waiter(cond):
    async with cond:
        await cond.wait()
        print("condition woke us")


async def main():
    lock, ev, sem = NamedLock("L"), CountingEvent(), Limiter(2)
    cond = Signal()
    print(isinstance(lock, asyncio.Lock), isinstance(sem, asyncio.Semaphore), sem.limit, ev.is_set())
    tasks = [asyncio.create_task(worker(i, lock, ev, sem)) for i in range(3)]
    w = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0.05)
    ev.set()
    await cond.notify_soon()
    await asyncio.gather(*tasks, w)
    print(CountingEvent.sets, lock.locked(), type(cond).__mro__[1].__name__)


asyncio.run(main())
