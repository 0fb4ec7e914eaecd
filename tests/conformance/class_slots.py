# __slots__: instances take only the listed attributes (CPython's AttributeError otherwise); a
# subclass without __slots__ gets a __dict__ again.
import asyncio


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Labelled(Point):
    pass


class Point3(Point):
    __slots__ = ["z"]


async def main():
    p = Point(1, 2)
    p.x += 10
    print(p.x, p.y, Point.__slots__)
    for attempt in ("z", "__dict__"):
        try:
            if attempt == "z":
                p.z = 3
            else:
                print(p.__dict__)
        except AttributeError as e:
            print("AttributeError:", e)
    q = Labelled(0, 0)
    q.label = "origin"
    print(q.label, q.__dict__)
    r = Point3(1, 2)
    r.z = 3
    print(r.x + r.y + r.z)
    try:
        r.w = 4
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        print(Point(5, 6).y)
        del_point = Point(1, 1)
        del del_point.x
        print(del_point.x)
    except AttributeError as e:
        print("AttributeError:", e)
    await asyncio.sleep(0)


asyncio.run(main())
