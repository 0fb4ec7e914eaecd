"""Function calls, class instances, attributes and method calls in a loop inside a task."""
import asyncio


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Tally:
    def __init__(self):
        self.count = 0

    def bump(self, n):
        self.count += n
        return self.count


def clamp(value, low, high):
    if value < low:
        return low
    if value > high:
        return high
    return value


async def simulate(n):
    position = Vector(0, 0)
    step = Vector(1, 2)
    tally = Tally()
    total = 0
    for i in range(n):
        position = position.add(step)
        total += clamp(position.dot(step) % 1000, 100, 900)
        tally.bump(i % 7)
        if i % 1000 == 0:
            await asyncio.sleep(0)
    return position.x, position.y, total, tally.count


async def main():
    print(await simulate(300000))

asyncio.run(main())
