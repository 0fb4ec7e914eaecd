# An async context manager class guarding a shared resource with an asyncio.Lock:
# tasks enter one at a time, in the order they asked (rules 25, 26).
import asyncio


class Guarded:
    def __init__(self, name):
        self.name = name
        self.lock = asyncio.Lock()
        self.users = 0

    async def __aenter__(self):
        await self.lock.acquire()
        self.users += 1
        print(f"enter {self.name} (user {self.users})")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"exit {self.name}", exc_type.__name__ if exc_type else "ok")
        self.lock.release()
        return False


async def use(res, who, delay):
    async with res as r:
        print(who, "holds", r.name)
        await asyncio.sleep(delay)
    print(who, "released")


async def main():
    res = Guarded("printer")
    await asyncio.gather(use(res, "a", 0.3), use(res, "b", 0.1), use(res, "c", 0.2))
    print("users:", res.users, "locked:", res.lock.locked())


asyncio.run(main())
