# Properties (with a validating setter), classmethod factories and staticmethods used from
# coroutines; a failing setter raises inside the task that called it.
import asyncio


class Thermostat:
    instances = 0

    def __init__(self, target):
        self._target = target
        Thermostat.instances += 1

    @classmethod
    def celsius(cls, degrees):
        return cls(degrees)

    @staticmethod
    def to_f(c):
        return c * 9 / 5 + 32

    @property
    def target(self):
        return self._target

    @target.setter
    def target(self, value):
        if not 5 <= value <= 30:
            raise ValueError(f"{value} out of range")
        self._target = value

    @property
    def fahrenheit(self):
        return self.to_f(self._target)


async def adjust(t, values):
    for v in values:
        await asyncio.sleep(0.1)
        t.target = v
        print("target", t.target, t.fahrenheit)


async def main():
    t = Thermostat.celsius(20)
    task = asyncio.create_task(adjust(t, [21, 35, 22]))
    try:
        await task
    except ValueError as e:
        print("rejected:", e)
    print(t.target, Thermostat.instances, Thermostat.to_f(100), type(t).__name__)
    try:
        t.fahrenheit = 1
    except AttributeError as e:
        print(e)


asyncio.run(main())
