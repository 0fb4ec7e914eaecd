# An attribute site sees every change to the classes along the chain, however late it comes: a
# class attribute rebound after the site used it, a method monkeypatched on the class or shadowed
# by an instance attribute, attributes deleted, a base class changed under a subclass, and
# instances of different classes meeting the same site (the engine caches per site and class).
import asyncio


class Base:
    kind = "base"

    def describe(self):
        return "Base.describe"


class Child(Base):
    def __init__(self, n):
        self.n = n


class Other:
    kind = "other"

    def __init__(self, n):
        self.n = n

    def describe(self):
        return "Other.describe"


def look(obj):
    # the same sites every time: a load, a method call and a store
    obj.n = obj.n + 1
    return obj.kind, obj.describe(), obj.n


async def worker(name, objs):
    for step in range(3):
        for obj in objs:
            print(name, step, *look(obj))
        await asyncio.sleep(0)


async def main():
    a, b, c = Child(0), Child(10), Other(100)
    task = asyncio.create_task(worker("w", [a, b, c]))
    await asyncio.sleep(0)
    Base.kind = "base2"  # a class attribute rebound after the site cached it
    Base.describe = lambda self: "patched " + type(self).__name__
    await asyncio.sleep(0)
    Child.kind = "child"  # the subclass now shadows its base
    a.describe = lambda: "instance attribute"  # shadows the method for `a` only
    del Other.kind
    Other.kind = "other again"
    await task
    del a.describe
    del Child.kind
    print(look(a), look(b), look(c))
    del Base.describe
    try:
        look(b)
    except AttributeError as e:
        print("AttributeError:", e)
    Base.describe = Other.describe
    print(look(b))
    del b.n
    try:
        look(b)
    except AttributeError as e:
        print("AttributeError:", e)
    b.n = 5
    print(look(b))
    # a new class per call, each meeting the same sites
    print([who(make(tag)) for tag in "abc"])


def make(tag):
    class Local:
        def __init__(self):
            self.tag = tag

        def who(self):
            return "local " + tag

    return Local()


def who(obj):
    return obj.tag, obj.who()


asyncio.run(main())
