"""The standard-library subset Loopscope implements, pinned with CPython 3.12's output: name -> source.

record.py runs each with CPython (PYTHONHASHSEED=0) and writes the expectations into
tests/engine/tst_stdlib.cpp. Random cases seed explicitly: Loopscope's unseeded generator starts
as after random.seed(0), CPython's from the OS.
"""
CASES = {
"set_display_and_repr": '''print({1, 2}, set(), frozenset(), frozenset([3, 1]), {(1, 2)}, {1.5, -2.25, 3.0})
print({3, 1, 2, 100, 8, 16}, {-1, -2, 7}, {True, 1, 1.0}, {0, False}, {None})
print(type({1}).__name__, type(frozenset()).__name__, len({1, 2, 2, 3}), bool(set()), bool({0}))
s = set([5, 3, 17, 9, 1, 33, 64, 8])
print(s, sorted(s), list(s), tuple(s), set("hello") == {"h", "e", "l", "o"})
''',
"set_int_slot_order": '''s = set()
for i in [40, 3, 17, 9, 1, 33, 64, 8, 1000, -5, 2**40, 7, 12, 19, 27, 31]:
    s.add(i)
    print(s)
for i in [17, 1000, 3]:
    s.discard(i)
print(s, len(s))
s.update(range(50, 60))
print(s)
print(set(range(20, 0, -3)), {x * 7 for x in range(20)}, {x % 5 for x in range(100)})
''',
"set_string_order": '''words = "the quick brown fox jumps over the lazy dog again and again".split()
s = set()
for w in words:
    s.add(w)
print(s)
print({w.upper() for w in words}, set("mississippi"), set(words[:3]))
t = set()
for name in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]:
    t.add(name)
    print(t)
print(frozenset(t), {("a", 1), ("b", 2), ("c", 3)})
''',
"set_display_unpacking": '''a = set()
for x in [5, 13, 21, 29, 37, 45]:
    a.add(x)
a.discard(13)
b = {100, 3}
print({*a}, {*a, *b}, {1, *a}, {*b, 2, *a, 8}, {*range(5), *"ab"}, {*[], *()}, {*{"k": 1}})
from collections import Counter
c = Counter()
for k in [9, 1, 17, 25, 33, 2, 10]:
    c[k] += 1
d = dict(c)
print(set(c), set(d), a.difference(c), a.difference(d), a.symmetric_difference(c), a.symmetric_difference(d))
print(a.union(c), a.intersection(d), a.issubset(d), set(d.keys()) | a, set(d.items()))
''',
"dict_view_set_operations": '''d = {"a": 1, "b": 2, "c": 3}
e = {"b": 0, "c": 0, "z": 0}
print(d.keys() & e.keys(), d.keys() | e.keys(), d.keys() - e.keys(), d.keys() ^ e.keys())
print(d.keys() & {"a", "q"}, d.keys() - ["a"], {"a", "y"} - d.keys(), ["b", "x"] | d.keys(), d.items() & {("a", 1), ("b", 5)})
print(d.keys() & [1, "c"], set(d.items()) - {("c", 3)}, type(d.keys() | e.keys()).__name__)
print(d.keys() == {"a", "b", "c"}, {"a", "b", "c"} == d.keys(), d.keys() == e.keys(), d.items() == {("a", 1), ("b", 2), ("c", 3)}, d.keys() != {"a"}, d.values() == d.values())
big = dict.fromkeys(range(40, 0, -3))
print(big.keys() & {1, 4, 7, 100}, {1, 4, 7, 100, 13} & big.keys(), big.keys() & dict.fromkeys([7, 4, 1]).keys())
''',
"set_method_errors": '''s = {1, 2}
def ixor():
    global s
    s ^= [1]
cases = [("add2", lambda: s.add(1, 2)), ("union", lambda: s.union(1)), ("unbound", lambda: set.union({1}, {2})),
         ("funbound", lambda: frozenset.union(frozenset([1]), [3])), ("issubset", lambda: s.issubset(5)),
         ("discard", lambda: s.discard()), ("pop1", lambda: s.pop(1)), ("update", lambda: s.update(5)),
         ("add", lambda: set.add(s, 9)), ("remove", lambda: s.remove([1])), ("copy", lambda: s.copy(1)),
         ("le", lambda: s <= 1), ("or", lambda: s | 1), ("ixor", ixor), ("sorted", lambda: sorted({1, "a"})),
         ("iu", lambda: s.intersection_update(3)), ("disj", lambda: {1}.isdisjoint(None)), ("len", lambda: len(s, 1))]
for name, f in cases:
    try:
        print(name, f())
    except Exception as e:
        print(name, type(e).__name__, e)
print(s)
x = 1
for op in ("+=", "-=", "**="):
    try:
        if op == "+=":
            x += "a"
        elif op == "-=":
            x -= [1]
        else:
            x **= "b"
    except TypeError as e:
        print(e)
''',
"set_pop_and_clear": '''s = set(range(0, 100, 7))
out = []
while s:
    out.append(s.pop())
print(out)
s = {1, 2, 3}
s.clear()
s.add(10)
print(s, s.pop(), s)
t = set()
for x in [5, 13, 21, 29, 37]:
    t.add(x)
print(t, t.pop(), t.pop(), t)
''',
"set_operations": '''a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([9, 8], (7,)), a.intersection(range(3)), a.difference([1], [2]), a.symmetric_difference([1, 10]))
print(a.intersection(b, {5}), a.union(), a.difference(), a.intersection())
print(a <= b, {4, 5} <= b, {4, 5} < b, b < b, b <= b, a >= {1}, a > a, a.issubset(range(10)), a.issuperset([1, 2]))
print(a.isdisjoint(b), a.isdisjoint([100]), a == {5, 4, 3, 2, 1}, a != b, {1} == frozenset([1]))
big = set(range(100))
print(big & {3, 500}, {3, 500} & big, {3, 500} - big, len(big - {3, 500}), {1, 2} ^ {2, 3})
''',
"set_inplace": '''a = {1, 2, 3}
alias = a
a |= {4, 5}
a &= {1, 2, 4, 5, 9}
a -= {2}
a ^= {5, 10}
print(a, alias is a)
a.update([20], (21, 22))
a.intersection_update(range(30))
a.difference_update({20}, [21])
a.symmetric_difference_update([1, 99])
print(a)
f = frozenset([1, 2])
g = f
f |= {3}
print(f, g, f is g)
''',
"set_strings_operations": '''x = set()
for w in "red green blue cyan magenta".split():
    x.add(w)
y = set()
for w in "blue black white red".split():
    y.add(w)
print(x | y, x & y, x - y, y - x, x ^ y)
print(x.union(y), y.union(x), sorted(x | y))
''',
"set_errors": '''s = {1, 2}
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
    {[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", repr(e))
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    frozenset([1]).add(2)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
try:
    {1} <= [1]
except TypeError as e:
    print("TypeError:", e)
try:
    set(1)
except TypeError as e:
    print("TypeError:", e)
try:
    set([1], [2])
except TypeError as e:
    print("TypeError:", e)
print({2} in [{2}], frozenset([2]) in {frozenset([2])}, {2} in {frozenset([2])})
''',
"hashes": '''print(hash(1), hash(-1), hash(2**61 - 1), hash(2**62), hash(-2**62 * 2), hash(True), hash(0.5), hash(1.0))
print(hash(-2.75), hash(1e300), hash(float("inf")), hash(float("-inf")), hash(123.456))
print(hash(""), hash("a"), hash("abc"), hash("hello world"), hash("héllo"), hash("日本"), hash("😀x"))
print(hash(()), hash((1,)), hash((1, 2)), hash(("a", (1, 2.5), None)))
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset(["x", "y"])), hash(None))
d = {}
d[frozenset([1, 2])] = "a"
print(d[frozenset([2, 1])], len({hash(i) for i in range(1000)}))
''',
"frozenset_keys": '''edges = {}
for a, b in [(1, 2), (2, 1), (3, 4), (4, 3), (1, 3)]:
    key = frozenset((a, b))
    edges[key] = edges.get(key, 0) + 1
print(edges)
groups = {frozenset([1, 2]), frozenset([3]), frozenset([1, 2]), frozenset()}
print(groups, len(groups))
f = frozenset([3, 4])
print(f | {5}, {5} | f, f & {3}, f - {3}, f ^ {4, 6}, f.copy() is f, f.union([1]), frozenset(f) is f)
''',
"set_comprehensions_and_builtins": '''nums = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]
u = {n for n in nums if n > 2}
print(u, sorted(u), sum(u), min(u), max(u), len(u), 4 in u, 7 not in u)
print(sorted({n * n for n in nums}, reverse=True), list(map(str, {1, 2})), any({0, 1}), all({0, 1}))
print(set(enumerate("ab")), set({"k": 1, "j": 2}), set({1: 2}.items()), set((x, y) for x in range(2) for y in range(2)))
print(sorted(set("banana")), "".join(sorted(set("banana"))), list(zip(sorted({3, 1}), "ab")))
''',
"random_seed_int": '''import random
for seed in (0, 1, 42, 12345, 2**32, 2**40 + 7, -3, 2**62 - 1 + 2**62, True):
    random.seed(seed)
    print(seed, [random.random() for _ in range(3)])
    print([random.randint(0, 100) for _ in range(8)], random.getrandbits(1), random.getrandbits(31), random.getrandbits(32), random.getrandbits(33), random.getrandbits(63))
''',
"random_seed_str_float": '''import random
for seed in ("", "a", "hello", "loopscope", "héllo wörld", "x" * 100, 1.5, -2.25, 3.0):
    random.seed(seed)
    print(repr(seed)[:20], random.random(), random.randrange(1000), random.choice("abcdefg"))
''',
"random_ranges": '''import random
random.seed(7)
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 50, 5) for _ in range(10)])
print([random.randrange(100, 0, -7) for _ in range(10)])
print([random.randint(-3, 3) for _ in range(10)])
print([random.randrange(2**62) for _ in range(3)], random.randrange(2**62 - 1 + 2**62), random.randint(-(2**62), 2**62))
print([random.uniform(1, 2) for _ in range(3)], random.uniform(5, -5))
big = 2**62 - 1 + 2**62
print(random.randint(0, big), random.randint(-big, big), random.randint(big, big), random.randint(big - 5, big))
''',
"random_sequences": '''import random
for seed in (1, 99, "seq"):
    random.seed(seed)
    deck = list(range(20))
    random.shuffle(deck)
    print(deck)
    print(random.choice(["a", "b", "c"]), random.choice(range(1000)), random.choice((5, 6)))
    print(random.sample(range(100), 10), random.sample("abcdefgh", 3), random.sample(range(10**6), 5))
    print(random.sample([1, 2, 3], 3), random.sample(range(30), 25)[:5], random.sample(["x", "y", "z"], k=2))
    print(random.sample(range(10**18), 3), random.sample(range(4000), 30)[-3:])
    print(random.sample(["a", "b"], 4, counts=[3, 2]))
''',
"random_choices": '''import random
random.seed(3)
print(random.choices("abc", k=10))
print(random.choices(range(5), weights=[10, 1, 1, 1, 50], k=10))
print(random.choices(["lo", "hi"], cum_weights=[1, 100], k=8))
print(random.choices([1, 2, 3], [0.5, 0.25, 0.25], k=6), random.choices("z"))
print(random.choices("abc", weights=(1, 2, 3)), random.choices("ab", k=0))
''',
"random_distributions": '''import random
random.seed(2024)
print([random.gauss(0, 1) for _ in range(5)])
print(random.gauss(), random.gauss(mu=10, sigma=2), random.gauss(5))
random.seed(2024)
print(random.gauss(0, 1))
print([random.normalvariate(0, 1) for _ in range(3)], random.normalvariate())
print([random.expovariate(1.5) for _ in range(3)], random.expovariate())
print([random.triangular(0, 10, 2) for _ in range(3)], random.triangular())
''',
"random_instances": '''import random
a = random.Random(1)
b = random.Random("b")
random.seed(1)
print(a.random() == random.random(), a.randint(1, 6), b.random())
a.seed(5)
print(a.random(), a.choice([1, 2, 3]), a.sample(range(10), 3), type(a).__name__)
state = random.getstate()
first = [random.random() for _ in range(3)], random.gauss(0, 1)
random.setstate(state)
print(first == ([random.random() for _ in range(3)], random.gauss(0, 1)), state[0], len(state[1]), state[1][-1], state[2])
random.gauss(0, 1)
s2 = random.getstate()
print(s2[2], s2[1][-1])
b.setstate(s2)
print(b.random() == random.random(), b.gauss() == random.gauss())
''',
"random_errors": '''import random
for call in [
    lambda: random.choice([]),
    lambda: random.randrange(0),
    lambda: random.randrange(-5),
    lambda: random.randrange(5, 5),
    lambda: random.randrange(1, 10, 0),
    lambda: random.randrange(10, 1, 2),
    lambda: random.randrange(1.5),
    lambda: random.sample([1, 2], 3),
    lambda: random.sample([1, 2], -1),
    lambda: random.sample({1, 2}, 1),
    lambda: random.choices([1, 2], weights=[1], k=1),
    lambda: random.choices([1, 2], [1, 1], cum_weights=[1, 2]),
    lambda: random.choices([1, 2], [0, 0]),
    lambda: random.choices([1, 2], 2),
    lambda: random.getrandbits(-1),
    lambda: random.seed([1]),
]:
    try:
        print(call())
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
''',
"math_values": '''import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.exp(1), math.exp(-1), math.log(100, 10), math.log(8, 2), math.log(math.e))
print(math.log(10), math.log2(1024), math.log2(3), math.log10(0.001), math.log10(2), math.log(7, 0.5))
print(math.sin(math.pi / 6), math.cos(0), math.tan(1), math.atan2(1, -1), math.atan2(0, -0.0), math.hypot(3, 4), math.hypot(1, 1))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(3), math.ceil(2.0000001), math.fabs(-3), math.copysign(2, -0.0))
print(math.degrees(math.pi), math.radians(180), math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 3), math.pow(0, 0))
print(math.gcd(12, 18, 27), math.gcd(), math.gcd(-4, 6), math.lcm(4, 6, 10), math.lcm(), math.lcm(0, 5))
print(math.factorial(0), math.factorial(20), math.comb(52, 5), math.comb(5, 7), math.perm(10, 3), math.perm(4), math.perm(3, 5))
print(math.prod([1, 2, 3, 4.5]), math.prod([]), math.prod(range(1, 6), start=2), math.fsum([0.1] * 10), sum([0.1] * 10))
print(math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]), math.fsum([]), math.fsum([1, 2.5]))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(5, 5.5, rel_tol=0.1))
print(math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1), math.isqrt(99), math.isqrt(10**18))
print(type(math.floor(2.5)).__name__, type(math.sqrt(4)).__name__, math.exp(-1000), math.sqrt(math.inf))
print(math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 3), math.modf(3.25), math.modf(-2.5), math.frexp(10), math.ldexp(0.625, 4))
print(math.cbrt(27), math.exp2(10), math.expm1(1e-10), math.log1p(1e-10), math.erf(0.5), math.erfc(0.5), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 6, 3]))
''',
"math_errors": '''import math
for label, call in [
    ("sqrt(-1)", lambda: math.sqrt(-1)),
    ("log(0)", lambda: math.log(0)),
    ("log(-1.5)", lambda: math.log(-1.5)),
    ("log(2, 1)", lambda: math.log(2, 1)),
    ("log2(0)", lambda: math.log2(0)),
    ("log10(-1)", lambda: math.log10(-1)),
    ("exp(1000)", lambda: math.exp(1000)),
    ("pow(0, -1)", lambda: math.pow(0, -1)),
    ("pow(-2, 0.5)", lambda: math.pow(-2, 0.5)),
    ("pow(10, 400)", lambda: math.pow(10, 400)),
    ("sin(inf)", lambda: math.sin(math.inf)),
    ("factorial(-1)", lambda: math.factorial(-1)),
    ("factorial(2.5)", lambda: math.factorial(2.5)),
    ("floor(inf)", lambda: math.floor(math.inf)),
    ("ceil(nan)", lambda: math.ceil(math.nan)),
    ("trunc(-inf)", lambda: math.trunc(-math.inf)),
    ("comb(-1, 2)", lambda: math.comb(-1, 2)),
    ("comb(5, -2)", lambda: math.comb(5, -2)),
    ("perm(-3)", lambda: math.perm(-3)),
    ("sqrt('x')", lambda: math.sqrt("x")),
    ("isclose", lambda: math.isclose(1, 2, rel_tol=-1)),
    ("isqrt(-1)", lambda: math.isqrt(-1)),
    ("fsum inf", lambda: math.fsum([math.inf, -math.inf])),
    ("gcd(1.5)", lambda: math.gcd(1.5)),
    ("fmod(1, 0)", lambda: math.fmod(1, 0)),
    ("log1p(-1)", lambda: math.log1p(-1)),
    ("acosh(0)", lambda: math.acosh(0)),
    ("ldexp(1, 5000)", lambda: math.ldexp(1, 5000)),
    ("dist", lambda: math.dist((1,), (1, 2))),
]:
    try:
        print(label, call())
    except (ValueError, OverflowError, TypeError) as e:
        print(label, type(e).__name__, e)
''',
"itertools_infinite_and_slicing": '''import itertools
print(list(itertools.islice(itertools.count(), 5)), list(itertools.islice(itertools.count(10, -3), 4)))
print(list(itertools.islice(itertools.count(0.5, 0.25), 3)), list(itertools.islice(itertools.cycle("ab"), 5)))
print(list(itertools.repeat(7, 3)), list(itertools.repeat("x", 0)), list(itertools.islice(itertools.repeat(1), 2)))
print(list(itertools.islice(range(10), 3)), list(itertools.islice(range(10), 2, 8)), list(itertools.islice(range(10), 1, None, 3)))
print(list(itertools.islice("abcdefg", 0, 100, 2)), list(itertools.cycle([])))
it = iter(range(10))
print(list(itertools.islice(it, 3)), next(it))
print([type(x).__name__ for x in (itertools.count(), itertools.islice("a", 1), itertools.chain(), itertools.product(), itertools.groupby(""), itertools.zip_longest())])
print(next(itertools.permutations("ab")), next(iter(itertools.combinations("ab", 1))), callable(itertools.chain.from_iterable))
''',
"itertools_combining": '''import itertools
print(list(itertools.chain([1, 2], (3,), "ab")), list(itertools.chain.from_iterable([[1], [], [2, 3]])), list(itertools.chain()))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([3, 1, 4, 1, 5], max)), list(itertools.accumulate([1, 2], initial=100)))
print(list(itertools.accumulate([])), list(itertools.accumulate([], initial=0)), list(itertools.accumulate("abc")))
print(list(itertools.zip_longest("abc", [1])), list(itertools.zip_longest("ab", "xyz", fillvalue="-")), list(itertools.zip_longest()))
print(list(itertools.pairwise([1, 4, 9, 16])), list(itertools.pairwise("a")), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.filterfalse(lambda x: x % 2, range(6))), list(itertools.filterfalse(None, [0, 1, "", "a"])))
''',
"itertools_groupby": '''import itertools
for key, group in itertools.groupby("aaabccddda"):
    print(key, list(group))
data = [("a", 1), ("a", 2), ("b", 3), ("a", 4)]
print([(k, [v for _, v in g]) for k, g in itertools.groupby(data, key=lambda p: p[0])])
print([(k, len(list(g))) for k, g in itertools.groupby(sorted([3, 1, 3, 2, 1, 3]))], list(itertools.groupby([])))
''',
"itertools_combinatorics": '''import itertools
print(list(itertools.product("ab", [0, 1])))
print(list(itertools.product([0, 1], repeat=3)))
print(list(itertools.product("ab", "c", repeat=2)), list(itertools.product()), list(itertools.product("ab", [])))
print(list(itertools.permutations([1, 2, 3])))
print(list(itertools.permutations("abcd", 2)), list(itertools.permutations("ab", 3)), list(itertools.permutations([], 0)))
print(list(itertools.combinations(range(5), 3)))
print(list(itertools.combinations("abc", 0)), list(itertools.combinations("ab", 3)), len(list(itertools.combinations(range(10), 4))))
''',
"collections_deque": '''from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
d.extend([5, 6])
d.extendleft([-1, -2])
print(d, len(d), d[0], d[-1], d[2])
d.rotate(2)
print(d)
d.rotate(-3)
print(d, d.popleft(), d.pop(), d, 3 in d, d.count(3), d.maxlen)
w = deque(maxlen=3)
for i in range(6):
    w.append(i)
    print(w, list(w), sum(w))
w.appendleft(100)
print(w, w.maxlen, deque("abc", 2), deque(), deque(maxlen=0), deque([1], maxlen=5))
d.insert(1, "i")
d.insert(-1, "j")
print(d, d.index("j"))
d.remove("i")
d.remove("j")
d.remove(3)
d.reverse()
print(d, d.copy(), bool(deque()), list(reversed(deque([1, 2]))))
d.clear()
print(d)
for call in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1]).remove(2), lambda: deque(maxlen=-1)]:
    try:
        call()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
''',
"collections_defaultdict": '''from collections import defaultdict
groups = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    groups[word[0]].append(word)
print(groups)
print(dict(groups), groups["z"], len(groups), "z" in groups, groups.default_factory)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, sorted(counts.items()), counts.get("q"), counts["q"])
nested = defaultdict(dict)
nested["a"]["b"] = 1
print(nested, defaultdict(), defaultdict(None, {1: 2}), defaultdict(list, a=1))
try:
    defaultdict(None)["missing"]
except KeyError as e:
    print("KeyError", e)
''',
"collections_counter": '''from collections import Counter
c = Counter("abracadabra")
print(c, c["a"], c["zzz"], len(c), c.total())
print(c.most_common(), c.most_common(2), c.most_common(0), sorted(c.elements()))
import itertools
print(list(itertools.islice(Counter(x=10**15, y=2).elements(), 3)), list(Counter(a=0, b=-1, c=2).elements()))
c.update("aab")
c.update({"z": 3})
c.subtract(["b", "b", "q"])
print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2, c=5), Counter(a=3, b=1) - Counter(a=1, b=2), Counter())
print(Counter([1, 2, 2, 3, 3, 3]), Counter({"x": 2}), dict(Counter("aab")), list(Counter("cba")))
print(Counter(a=3, b=1, d=2) | Counter(a=1, b=2, c=5), Counter(a=3, b=1, d=2) & Counter(a=1, b=2, c=5))
words = Counter()
for w in "the cat the dog the end cat".split():
    words[w] += 1
print(words, words.most_common(1)[0])
''',
"collections_ordereddict": '''from collections import OrderedDict
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od), od["a"], len(od), OrderedDict(), OrderedDict([("x", 1)], y=2))
od.move_to_end("b")
print(list(od.items()))
od.move_to_end("c", last=False)
print(list(od.keys()), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1) == {"a": 1}, isinstance(od, dict), dict(od))
''',
"collections_deque_equality": '''from collections import deque
print(deque([1, 2]) == deque([1, 2]), deque([1]) == [1], [1] == deque([1]), deque([1]) != deque([2]))
''',
"collections_namedtuple": '''from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], len(p), tuple(p), p == (1, 2), Point._fields, type(p).__name__)
x, y = p
print(x + y, p._asdict(), p._replace(y=5), Point._make([7, 8]), hash(p) == hash((1, 2)), {p: "v"}[Point(1, 2)])
Job = namedtuple("Job", ["name", "priority", "retries"], defaults=[0, 3])
print(Job("a"), Job("b", 5), Job(name="c", retries=1), sorted([Job("z", 2), Job("y", 1)]))
for call in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, 2, x=1), lambda: Job()]:
    try:
        call()
    except TypeError as e:
        print(e)
''',
"functools_reduce_partial": '''from functools import reduce, partial
print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, ["x", "y"], "s"), reduce(max, [3, 9, 2]))
def power(base, exponent=2):
    return base ** exponent
square = partial(power)
cube = partial(power, exponent=3)
two_to = partial(power, 2)
print(square(5), cube(2), cube(2, exponent=4), two_to(10))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError", e)
''',
"functools_caches": '''import functools
calls = []
@functools.cache
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), len(calls), fib(30), len(calls))
@functools.lru_cache(maxsize=2)
def square(x, scale=1):
    calls.append(x)
    return x * x * scale
calls.clear()
print(square(2), square(3), square(2), square(4), square(3), square(2, scale=10), calls)
@functools.lru_cache
def ident(x):
    calls.append(x)
    return x
calls.clear()
print(ident("a"), ident("a"), ident((1, 2)), calls)
try:
    ident([1])
except TypeError as e:
    print(e)
def logged(f):
    @functools.wraps(f)
    def wrapper(*args):
        print("calling", f.__name__, args)
        return f(*args)
    return wrapper
@logged
def add(a, b):
    return a + b
print(add(1, 2))
''',
"number_methods": '''print((5).bit_length(), (-5).bit_count(), (0).bit_length(), (2**62).bit_length(), True.bit_length(), (7).conjugate())
print((10).real, (10).imag, (3).numerator, (3).denominator, (3.5).real, (3.5).imag, (7).as_integer_ratio())
print((3.5).is_integer(), (4.0).is_integer(), (0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.75).as_integer_ratio(), (1e10).as_integer_ratio())
for bad in (float("inf"), float("nan")):
    try:
        bad.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
''',
"str_translate": '''t = str.maketrans("abc", "xyz", "!")
print(sorted(t.items()), "aabbcc!?".translate(t), "hello".translate({ord("l"): "L", 111: None}), "abc".maketrans({"a": "1"}))
print("tab\tbed".translate(str.maketrans({"\t": " -> "})), "x".translate({}), "é".translate({233: "e"}), "abc".translate(["A", "B"] * 50))
for call in [lambda: str.maketrans("ab", "x"), lambda: str.maketrans([1]), lambda: "a".translate({97: 1.5}), lambda: str.maketrans({"ab": 1})]:
    try:
        call()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
''',
"methods_without_arguments": '''cases = [("list.copy", lambda: [].copy(1)), ("list.clear", lambda: [].clear(1)), ("list.reverse", lambda: [].reverse(1)),
         ("dict.copy", lambda: {}.copy(1)), ("dict.clear", lambda: {}.clear(1)), ("dict.keys", lambda: {}.keys(1)),
         ("dict.items", lambda: {}.items(1)), ("dict.values", lambda: {}.values(1)), ("str.upper", lambda: "a".upper(1)),
         ("str.lower", lambda: "a".lower(1)), ("str.isdigit", lambda: "a".isdigit(1)), ("str.title", lambda: "a".title(1)),
         ("list.sort", lambda: [].sort(1)), ("dict.popitem", lambda: {1: 2}.popitem(1))]
for name, f in cases:
    try:
        print(name, f())
    except TypeError as e:
        print(name, e)
''',
"imports": '''import math as m
import random, itertools
from collections import Counter as C, deque
from functools import reduce
from time import monotonic
import itertools as it2
print(m.sqrt(16), C("aab"), deque([1]), reduce(lambda a, b: a + b, [1, 2]), monotonic() >= 0)
print(it2 is itertools, list(itertools.repeat(0, 2)), random.Random(1).random())
try:
    from math import nonexistent
except ImportError as e:
    print(type(e).__name__)
''',
"datetime_objects": '''import datetime
from datetime import timedelta
d = datetime.datetime(2024, 2, 28, 23, 59, 58, 250000)
print(d, repr(d), d.isoformat(), d.isoformat(" "))
print(d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond)
print(repr(datetime.datetime(2024, 3, 1)), repr(datetime.datetime(2024, 3, 1, 5, 6, 7)))
later = d + timedelta(seconds=2.5)
print(later, later - d, repr(later - d), (later - d).total_seconds())
print(d - timedelta(days=400), d + timedelta(weeks=1, hours=1, minutes=2, milliseconds=3))
print(timedelta(0), repr(timedelta(0)), timedelta(days=1), timedelta(days=-1, seconds=5), timedelta(hours=25))
print(repr(timedelta(days=2, microseconds=7)), timedelta(minutes=1) < timedelta(seconds=61), d < later, d == d + timedelta(0))
print(d.strftime("%Y-%m-%d %H:%M:%S.%f %a %A %b %B %j %p %I %y %w %%"), d.strftime("%c | %x | %X"))
print(datetime.datetime.fromtimestamp(0), datetime.datetime.fromtimestamp(86400 * 365.25 + 0.5).timestamp())
for bad in [(2024, 13, 1), (2023, 2, 29), (2024, 1, 1, 24)]:
    try:
        datetime.datetime(*bad)
    except ValueError as e:
        print("ValueError:", e)
''',
"time_strftime_virtual_clock": '''import time
print(time.strftime("%H:%M:%S") == time.strftime("%X"), len(time.strftime("%Y-%m-%d %H:%M:%S")))
''',
}
