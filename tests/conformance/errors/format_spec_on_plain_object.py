# object.__format__ takes only an empty spec: a class without __format__ in an f-string field
# with a spec is a TypeError.
import asyncio


class Worker:
    def __init__(self, name):
        self.name = name


async def main():
    w = Worker("a")
    print(f"{w.name:>5}|")
    print(f"{w:>10}|")


asyncio.run(main())
