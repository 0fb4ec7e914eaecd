"""Argument binding on the fast path and off it: defaults, self, keywords, *args/**kwargs,
closures over parameters, wrong counts, unbound locals and arguments read from locals."""
import asyncio


def scale(value, factor=2, offset=0):
    return value * factor + offset


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def moved(self, dx, dy=1):
        return Point(self.x + dx, self.y + dy)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def counter(start):
    def bump(step=1):
        nonlocal start
        start += step
        return start
    return bump


def late(flag):
    if flag:
        result = "set"
    return result


def rebinds():
    global rebinds
    rebinds = None
    return "still running"


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


async def main():
    v = 5
    print(scale(v), scale(v, 3), scale(v, 3, 1), scale(v, offset=4), scale(factor=10, value=v))
    p = Point(1)
    q = p.moved(2)
    print(p, q, q.moved(dx=1, dy=5), Point(*[7, 8]), Point(**{"x": 9}))
    bump = counter(10)
    print(bump(), bump(5), bump())
    for args in [(), (1, 2, 3, 4)]:
        try:
            scale(*args)
        except TypeError as e:
            print("TypeError:", e)
    try:
        p.moved()
    except TypeError as e:
        print("TypeError:", e)
    try:
        scale(1, value=2)
    except TypeError as e:
        print("TypeError:", e)
    try:
        late(False)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    print(late(True), rebinds(), rebinds)
    x = 1
    print(scale(x, (x := 4), x))
    try:
        scale(unset)
        unset = 0
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    print(deep(200))
    p.moved = lambda dx: "instance attribute " + str(dx)
    print(p.moved(3))
    Point.moved = lambda self, dx: "patched " + str(dx)
    print(q.moved(3))
    await asyncio.sleep(0)


asyncio.run(main())
