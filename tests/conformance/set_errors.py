# Unhashable elements, KeyError from remove and pop, mutation during iteration.
import asyncio


async def main():
    s = {1, 2}
    for bad in ([1], {}, {3}):
        try:
            s.add(bad)
        except TypeError as e:
            print("TypeError:", e)
    try:
        print([1] in s)
    except TypeError as e:
        print("TypeError:", e)
    try:
        set().pop()
    except KeyError as e:
        print("KeyError:", e)
    try:
        for x in s:
            s.add(x + 10)
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        frozenset([1]).add(2)
    except AttributeError as e:
        print("AttributeError:", e)
    await asyncio.sleep(0)
    print({1, 2} - {2}, set() == frozenset(), {(1, 2), (1, 2)})


asyncio.run(main())
