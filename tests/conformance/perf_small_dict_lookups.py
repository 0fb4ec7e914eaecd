# Dicts of a few keys and dicts that grow, shrink and grow again keep CPython's behaviour: insertion
# order, `in`, repr, keys of equal hash compared (user __eq__ called) in insertion order, and a
# lookup whose __eq__ changes the dict starting again.
import asyncio


class Key:
    def __init__(self, name, h):
        self.name = name
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        print("eq", self.name, other.name if isinstance(other, Key) else other)
        return isinstance(other, Key) and self.name == other.name

    def __repr__(self):
        return "Key(%s)" % self.name


class Meddler(Key):
    def __init__(self, name, h, target):
        super().__init__(name, h)
        self.target = target

    __hash__ = Key.__hash__

    def __eq__(self, other):
        print("meddle", self.name)
        if "added" not in self.target:
            self.target["added"] = 1
        return False


async def main():
    d = {Key("a", 1): 1, Key("b", 1): 2, Key("c", 2): 3, Key("d", 1): 4}
    print(Key("d", 1) in d)
    print(d.get(Key("z", 1)))
    print(d[Key("c", 2)])
    d[Key("b", 1)] = 5
    print(d)
    print(Key("b", 1) in d)
    # hash(-1) == hash(-2): equal hashes of builtin keys
    e = {-1: "minus one", -2: "minus two", 1.0: "float one", True: "true"}
    print(e, e[-2], -1 in e, e[1])
    # past eight keys and back
    f = {}
    for i in range(12):
        f["k%d" % i] = i
    for i in range(12):
        if i % 2:
            del f["k%d" % i]
    print(f, len(f), "k3" in f, "k4" in f)
    for i in range(40):
        f[i] = i
        del f[i]
    print(f, list(f.items())[:3])
    f.clear()
    f["x"] = 1
    print(f, "x" in f)
    # a lookup whose __eq__ adds a key
    g = {Key("m", 7): "first"}
    probe = Meddler("p", 7, g)
    print(probe in g, g)
    h = {}
    for i in range(9):
        h[Key("h%d" % i, 3)] = i
    print(h[Key("h8", 3)])
    print(Key("h0", 3) in h)


asyncio.run(main())
