# One load site and one store site see instances of every kind in turn: a plain class, a property,
# __getattr__, __setattr__, __slots__, an exception, a dataclass, a builtin subclass, a class and
# a module. Each goes through its own rule, as in CPython, whatever the site saw before.
import asyncio
import dataclasses


class Plain:
    def __init__(self):
        self.value = 1


class WithProperty:
    def __init__(self):
        self._v = 2

    @property
    def value(self):
        return self._v * 10

    @value.setter
    def value(self, v):
        print("setter", v)
        self._v = v


class Fallback:
    def __getattr__(self, name):
        return "fallback " + name


class Guarded:
    def __setattr__(self, name, v):
        print("__setattr__", name, v)
        self.__dict__[name] = v * 2


class Slotted:
    __slots__ = ("value",)


class Failure(Exception):
    def __init__(self, value):
        super().__init__("failed")
        self.value = value


@dataclasses.dataclass
class Record:
    value: int = 5


class Items(list):
    value = "class attribute of a list subclass"


class Holder:
    value = "class attribute"


def get(o):
    try:
        return o.value
    except AttributeError as e:
        return "AttributeError: %s" % e


def put(o, v):
    try:
        o.value = v
    except AttributeError as e:
        print("AttributeError:", e)


def tick(o, times):
    for _ in range(times):
        o.value += 1
    return o.value


async def main():
    kinds = [Plain(), WithProperty(), Fallback(), Guarded(), Slotted(), Failure(7), Record(), Items(), Holder, Plain()]
    for o in kinds:
        print(type(o).__name__, get(o))
    for o in kinds:
        put(o, 3)
        print(type(o).__name__, get(o))
    for o in kinds:
        print(type(o).__name__, tick(o, 2))
    print(vars(kinds[0]), vars(kinds[5]), kinds[6], kinds[5].args)
    Holder.value = "changed"
    print(get(Holder), get(kinds[-1]))
    del kinds[-1].value
    print(get(kinds[-1]))
    WithProperty.value = 99  # the property replaced by a plain class attribute
    w = kinds[1]
    print(get(w))
    put(w, 4)
    print(get(w), vars(w))


asyncio.run(main())
