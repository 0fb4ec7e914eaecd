# A user class implementing __aiter__/__anext__: StopAsyncIteration ends `async for`, and
# each __anext__ may await (rule 9).
import asyncio


class Countdown:
    def __init__(self, start, delay):
        self.current = start
        self.delay = delay

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(self.delay)
        self.current -= 1
        return self.current + 1


async def launch(name, start, delay):
    async for n in Countdown(start, delay):
        print(name, n)
    print(name, "liftoff")


async def main():
    await asyncio.gather(launch("apollo", 3, 0.2), launch("gemini", 2, 0.3))
    it = aiter(Countdown(2, 0.1))
    print(await anext(it), await it.__anext__())


asyncio.run(main())
