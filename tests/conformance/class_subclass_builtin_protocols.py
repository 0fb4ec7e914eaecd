# Subclasses of builtin types in the protocols: an overridden __iter__ feeds list(), sorted(), *args
# and for; __str__ and __eq__ of a str subclass reach print, f-strings and ==; equality with the
# builtin type; unbound str.__eq__/str.__hash__ in a class body.
class Rev(list):
    def __iter__(self):
        return iter(self[::-1])


class Shout(str):
    def __str__(self):
        return self.upper()

    def __eq__(self, other):
        return str.__eq__(self.lower(), other.lower())

    __hash__ = str.__hash__


r = Rev([1, 2, 3])
print(list(r), tuple(r), sorted(r), sum(r), [x for x in r], *r)
for x in r:
    print(x, end=" ")
print()
print(", ".join(Rev(["a", "b"])), set(Rev([1])), dict.fromkeys(Rev("ab")), max(r), min(r), any(r), next(enumerate(r)))
s = Shout("hi")
print(s, str(s), repr(s), f"{s}", s == "HI", {s: 1}.get("hi"), "%s" % s, format(s))
print(len(Rev([1, 2])), Rev([1]) == [1], Rev([1]) + Rev([2]), type(Rev([1]) + Rev([2])).__name__, r * 2)
print(Rev([1]) == [1], [1] == Rev([1]), Rev([1]) != [1], Rev("ab") == list("ab"))


class D(dict):
    pass


class S(str):
    def __eq__(self, o):
        return True


class T(str):
    pass


print(D(a=1) == {"a": 1})
try:
    print({S("a"): 1})
except TypeError as e:
    print(e)
print({T("a"): 1}, T("a") in {"a"}, hash(T("a")) == hash("a"))
try:
    hash(S("b"))
except TypeError as e:
    print(e)
