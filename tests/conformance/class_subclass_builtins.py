# Subclasses of dict, list and str: construction, super() calls, overridden dunders, the builtin
# methods still working, isinstance and repr.
import asyncio
from collections import namedtuple


class Registry(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.hits = 0

    def __getitem__(self, key):
        self.hits += 1
        return super().__getitem__(key)

    def __missing__(self, key):
        return f"<no {key}>"

    def __setitem__(self, key, value):
        super().__setitem__(key, value.upper() if isinstance(value, str) else value)

    def __repr__(self):
        return f"Registry({super().__repr__()})"


class Stack(list):
    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1]

    def __contains__(self, item):
        print(f"  looking for {item!r}")
        return super().__contains__(item)


class Name(str):
    def shout(self):
        return self.upper() + "!"

    def __len__(self):
        return 100


class Point(namedtuple("Point", "x y")):
    def norm(self):
        return abs(self.x) + abs(self.y)


async def main():
    p = Point(3, -4)
    print(p, p.norm(), p.x, p[1], isinstance(p, tuple), len(p), p == (3, -4))
    r = Registry(a="x", b=2)
    r["c"] = "hello"
    print(r, r["a"], r["zzz"], r.hits, len(r), sorted(r), r.get("c"), isinstance(r, dict))
    print(list(r.items()), "c" in r, type(r).__name__, type(r).__mro__)
    s = Stack([1, 2])
    s.push(3)
    print(s, s.peek(), len(s), 2 in s, s[::-1], s + [4], isinstance(s, list), bool(Stack()))
    s.extend(range(2))
    print(s.pop(), s, sum(s), sorted(s), repr(s))
    n = Name("ada")
    print(n, repr(n), n.shout(), len(n), n == "ada", n + "!", n.title(), f"{n:>6}|", {n: 1}["ada"])
    print(isinstance(n, str), type(n).__name__, type(n.upper()).__name__, "-".join([n, Name("bob")]))
    await asyncio.sleep(0)


asyncio.run(main())
