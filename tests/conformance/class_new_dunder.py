# __new__: a str subclass normalises its value, a singleton returns its one instance, and
# __init__ runs only when __new__ returns an instance of the class.
import asyncio


class Name(str):
    def __new__(cls, value):
        return super().__new__(cls, value.strip().title())

    def initials(self):
        return "".join(part[0] for part in self.split())


class Config:
    _instance = None

    def __new__(cls, *args, **kwargs):
        if cls._instance is None:
            print("creating the one Config")
            cls._instance = super().__new__(cls)
        return cls._instance

    def __init__(self, level="info"):
        self.level = level


class Celsius:
    def __new__(cls, degrees):
        if degrees < -273.15:
            return None
        obj = object.__new__(cls)
        obj.degrees = degrees
        return obj


class Tagged(list):
    def __new__(cls, *items, tag="x"):
        self = super().__new__(cls)
        self.tag = tag
        return self

    def __init__(self, *items, tag="x"):
        super().__init__(items)


async def main():
    n = Name("  ada lovelace ")
    print(n, repr(n), n.initials(), isinstance(n, str), len(n))
    a, b = Config("debug"), Config()
    print(a is b, a.level, b.level)
    print(Celsius(20).degrees, Celsius(-300))
    t = Tagged(1, 2, tag="nums")
    print(t, t.tag, len(t))
    await asyncio.sleep(0)


asyncio.run(main())
