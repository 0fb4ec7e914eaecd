# __slots__ puts a member descriptor in the class for each name: `Point.x` prints
# <member 'x' of 'Point' objects>; it reads and writes the slot through __get__/__set__, an unset
# slot raises AttributeError, and a class attribute of the same name is a ValueError.
import asyncio


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y=None):
        self.x = x
        if y is not None:
            self.y = y


class Point3(Point):
    __slots__ = "z"


async def main():
    print(Point.x, Point3.z)
    print(repr(Point.y), type(Point.x).__name__, Point.x.__name__, Point.x.__objclass__.__name__)
    p = Point(1, 2)
    print(Point.x.__get__(p), Point.y.__get__(None, Point) is Point.y)
    Point.x.__set__(p, 10)
    print(p.x, hasattr(p, "y"), Point3.x is Point.x)
    q = Point(5)
    print(hasattr(q, "y"), getattr(q, "y", "unset"))
    try:
        print(q.y)
    except AttributeError as e:
        print("AttributeError:", e)
    await asyncio.sleep(0)
    try:
        class Bad:
            __slots__ = ("a",)
            a = 1
    except ValueError as e:
        print("ValueError:", e)
    print([name for name in ("x", "y", "z", "w") if hasattr(Point3, name)])


asyncio.run(main())
