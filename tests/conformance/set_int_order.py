# Sets of small ints iterate in hash-slot order, including after growth and removal.
import asyncio


async def main():
    s = set()
    for i in [5, 3, 17, 9, 1, 33, 64, 8]:
        s.add(i)
        await asyncio.sleep(0)
    print(s)
    s.discard(17)
    s.remove(64)
    print(s, len(s))
    for n in range(20, 40, 3):
        s.add(n)
    print(s)
    print({x % 7 for x in range(50)})
    print({3, 1, 2, 100, 8, 16})
    print(set(range(10, 0, -1)))
    try:
        s.remove(1000)
    except KeyError as e:
        print("KeyError", e)


asyncio.run(main())
