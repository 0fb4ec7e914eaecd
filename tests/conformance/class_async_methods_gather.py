# Async methods of instances run as tasks: gather over bound coroutine methods keeps argument
# order, and each instance keeps its own state across awaits (rules 17, 9).
import asyncio


class Downloader:
    total = 0

    def __init__(self, name, size):
        self.name = name
        self.size = size
        self.done = 0

    async def fetch(self, chunk):
        while self.done < self.size:
            await asyncio.sleep(0.1)
            self.done = min(self.size, self.done + chunk)
            Downloader.total += 1
            print(f"{self.name}: {self.done}/{self.size}")
        return self

    def __repr__(self):
        return f"<Downloader {self.name} {self.done}/{self.size}>"


async def main():
    items = [Downloader("a", 3), Downloader("b", 5), Downloader("c", 2)]
    finished = await asyncio.gather(*(d.fetch(2) for d in items))
    print(finished)
    print("steps:", Downloader.total, items[0].fetch.__qualname__)


asyncio.run(main())
