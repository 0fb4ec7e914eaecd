# A timing context manager (a tutorial classic) around awaits: __enter__ and __exit__ read the
# loop's virtual clock, so the elapsed times are exact (rule 5).
import asyncio


class Timer:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        self.start = asyncio.get_running_loop().time()
        return self

    def __exit__(self, *exc_info):
        self.elapsed = asyncio.get_running_loop().time() - self.start
        print(f"{self.label}: {self.elapsed:.2f}s")


async def job(name, delay):
    with Timer(name) as t:
        await asyncio.sleep(delay)
    return t.elapsed


async def main():
    with Timer("all"):
        results = await asyncio.gather(job("a", 0.5), job("b", 0.2), job("c", 0.3))
    print(results)
    with Timer("outer"), Timer("inner"):
        await asyncio.sleep(0.1)


asyncio.run(main())
