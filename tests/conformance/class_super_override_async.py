# Single inheritance with super(): an overriding async method awaits the base implementation,
# and __init__ chains through super().__init__ (rule 9: awaiting a coroutine runs it inline).
import asyncio


class Handler:
    def __init__(self, name):
        self.name = name
        self.log = []

    async def handle(self, request):
        await asyncio.sleep(0.1)
        self.log.append(request)
        return f"{self.name} handled {request}"


class LoggingHandler(Handler):
    def __init__(self, name, prefix):
        super().__init__(name)
        self.prefix = prefix

    async def handle(self, request):
        print(self.prefix, "before", request)
        result = await super().handle(request)
        print(self.prefix, "after", request)
        return result.upper()


async def main():
    h = LoggingHandler("h1", ">>")
    results = await asyncio.gather(h.handle("a"), h.handle("b"))
    print(results, h.log)
    print(isinstance(h, Handler), LoggingHandler.__mro__)


asyncio.run(main())
