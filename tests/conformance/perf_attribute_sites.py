# One attribute site meets many situations: its cached entry index and class plan must give way
# to a shadowing instance attribute, a changed class attribute, `del`, `__dict__` writes,
# setattr()/getattr(), instances whose attributes came in another order, and a
# subclass, exactly as CPython's attribute lookup would.
import asyncio


class Point:
    scale = 1

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return (self.x * self.x + self.y * self.y) * self.scale

    def label(self):
        return "point"


def read(p):
    return p.x, p.y, p.norm(), p.label()


def attempt(p):
    try:
        return read(p)
    except AttributeError as e:
        return "AttributeError: %s" % e


class Swapped(Point):
    def __init__(self, x, y):
        self.y = y  # the other order: the sites' remembered entries are wrong for this one
        self.x = x


async def main():
    a = Point(1, 2)
    print(read(a))
    b = Swapped(3, 4)
    print(read(b), list(vars(b)))
    print(read(a))
    # an instance attribute shadows a method the site found on the class
    a.label = lambda: "shadowed"
    print(read(a), read(Point(0, 0)))
    del a.label
    print(read(a))
    # the class attribute changes after the site cached it
    Point.scale = 10
    print(read(a))
    Point.norm = lambda self: -1
    print(read(a), read(b))
    del Point.norm
    print(attempt(a))
    Point.norm = lambda self: self.x + self.y
    # del and re-add: the entry moves to the end of __dict__
    del a.x
    print(attempt(a))
    a.x = 7
    print(read(a), list(a.__dict__), a.__dict__)
    # writes through __dict__, setattr() with a computed name
    a.__dict__["y"] = 100
    name = "".join(["x"])
    setattr(a, name, 8)
    print(read(a), getattr(a, "x"), vars(a))
    del a.__dict__["y"]
    a.__dict__["y"] = -1
    print(read(a), vars(a))
    a.__dict__.clear()
    print(attempt(a))
    a.y, a.x = 5, 6
    print(read(a), vars(a))
    # many attributes, some deleted, then read back through the same site
    for i in range(20):
        setattr(a, "f%d" % i, i)
    for i in range(0, 20, 3):
        a.__dict__.pop("f%d" % i)
    print(read(a), list(vars(a))[:6], len(vars(a)))
    for i in range(20):
        a.x = i
    print(read(a), list(vars(a))[-3:])
    # the same sites inside a coroutine that suspends between reads
    total = 0
    for p in [Point(1, 1), Swapped(2, 2), a]:
        await asyncio.sleep(0)
        total += p.x + p.y
        p.x += 1
    print(total, a.x)


asyncio.run(main())
