# Bases whose orders contradict each other: CPython's C3 finds no consistent MRO.
import asyncio


class Base:
    pass


class Mixin(Base):
    pass


class Worker(Base, Mixin):
    async def run(self):
        await asyncio.sleep(0)


asyncio.run(Worker().run())
