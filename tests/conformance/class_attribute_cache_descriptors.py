# Properties, __getattr__, __setattr__, classmethod/staticmethod and __slots__ at an attribute
# site that has already served plain attributes: a data descriptor on the class wins over the
# instance dict, __getattr__ runs only when lookup fails, __setattr__ added later takes every store.
import asyncio


class Point:
    def __init__(self, x):
        self.x = x

    def scale(self, k):
        return self.x * k


def read(p):
    return p.x


def write(p, v):
    p.x = v


def call(p):
    return p.scale(2)


async def main():
    points = [Point(1), Point(2)]
    for p in points:
        write(p, read(p) + 1)
        print("plain", read(p), call(p))
    await asyncio.sleep(0)

    Point.x = property(lambda self: "property wins", lambda self, v: print("setter got", v))
    for p in points:
        write(p, 7)
        print("property", read(p), p.__dict__)
    del Point.x
    print("dict again", [read(p) for p in points])

    Point.__getattr__ = lambda self, name: "missing " + name
    del points[0].x
    print("getattr", read(points[0]), read(points[1]), points[0].y)

    def loud(self, name, value):
        print("setattr", name, value)
        self.__dict__[name] = value * 10

    Point.__setattr__ = loud
    write(points[1], 3)
    print("after setattr", read(points[1]))
    del Point.__setattr__
    write(points[1], 4)
    print("plain store", read(points[1]))

    Point.scale = classmethod(lambda cls, k: cls.__name__ + " classmethod " + str(k))
    print(call(points[1]))
    Point.scale = staticmethod(lambda k: "staticmethod " + str(k))
    print(call(points[1]))
    points[1].scale = lambda k: "instance " + str(k)
    print(call(points[1]))
    await asyncio.sleep(0)

    class Slotted:
        __slots__ = ("x",)

        def __init__(self, x):
            self.x = x

    s = Slotted(5)
    print("slotted", read(s))
    write(s, 6)
    print("slotted", read(s))
    try:
        s.y = 1
    except AttributeError as e:
        print("AttributeError:", e)

    class Sub(Point):
        pass

    sub = Sub(1)
    print("sub", read(sub), call(sub))
    Point.scale = lambda self, k: "base changed " + str(k)
    print("sub", call(sub), call(points[0]))


asyncio.run(main())
