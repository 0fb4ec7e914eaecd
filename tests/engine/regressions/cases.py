"""Scripts where Loopscope once differed from CPython 3.12: name -> source.

record.py runs each with CPython and writes the expectations into tests/engine/tst_regressions.cpp.
Add a case here when a difference is fixed, then re-record.
"""
CASES = {
"unbound_builtin_methods": '''print(str.lower("ABC"))
print(sorted(["b", "A", "c"], key=str.lower))
f = str.upper
print(f("a"), list.append, dict.get({1: 2}, 1))
xs = []
list.append(xs, 1)
print(xs)
try:
    str.lower(5)
except TypeError as e:
    print(e)
''',
"deep_structures_free_and_fail_cleanly": '''x = []
for i in range(100000):
    x = [x]
y = x
x = None
print("dropped")
try:
    s = str(y)
except RecursionError as e:
    print(e)
z = []
for i in range(100000):
    z = [z]
try:
    print(y == z)
except RecursionError as e:
    print(e)
''',
"inplace_list_operators": '''a = [1]
b = a
a += [2]
a += (3, 4)
print(b, a is b)
c = [0]
d = c
c *= 3
print(d)
def f(acc):
    acc += [1]
l = []
f(l)
print(l)
m = {"k": []}
x = m["k"]
m["k"] += [5]
print(x)
t = (1,)
u = t
t += (2,)
print(u, t)
''',
"lambdas_in_comprehensions_see_the_loop_variable": '''fs = [lambda: i for i in range(3)]
print([f() for f in fs])
print([(lambda: i)() for i in range(3)])
print({k: (lambda: k)() for k in "ab"})
def g():
    fs = [lambda x=i: x * 10 + i for i in range(3)]
    return [f() for f in fs]
print(g())
i = "outer"
print([i for i in range(2)], i)
print([[j for j in range(i)] for i in range(4)])
''',
"except_name_is_deleted_after_the_handler": '''try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print(err)
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        pass
    return "e" in dir() if False else "ok"
print(f())
''',
"async_with_binds_none": '''import asyncio
async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(1)
    async with lock as got:
        print(got, lock.locked())
    async with sem as s:
        print(s, sem.locked())
    print(await lock.acquire(), await sem.acquire())
asyncio.run(main())
''',
"ellipsis": '''print(..., repr(...), ... is Ellipsis)
''',
"round": '''print(round(15, -1), round(25, -1), round(-25, -1), round(1234, -2), round(5, -1), round(123, 0))
print(round(2.675, 2), round(0.5), round(1.5), round(-0.5), round(2.5), round(-1.25, 1), round(1e20, -19))
''',
"percent_format_errors": '''for fmt, v in [("%d", float("inf")), ("%x", 3.5), ("%d", float("nan")), ("%c", "h"), ("%c", 65), ("%d", 3.9), ("%c", 1.5)]:
    try:
        print(fmt % v)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
''',
"float_power_overflow": '''try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError", e)
print(2.0 ** 0.5, (-8.0) ** 3, 10 ** -2)
''',
"sum_of_floats_is_compensated": '''print(sum([0.1] * 10), sum([0.1, 0.2, 0.3]), sum([1, 2.5, 3]), sum([0.1] * 10, 1), sum(range(5)), sum([1e100, 1.0, -1e100]))
''',
"index_with_start_and_stop": '''print([1, 2, 1].index(1, 1), (1, 2, 1).index(1, 1), [5, 6, 7, 5].index(5, -2))
try:
    [1, 2, 3].index(3, 0, 2)
except ValueError as e:
    print(e)
''',
"zip_strict": '''print(list(zip([1, 2], "ab", strict=True)))
for a, b in [([1], [3, 4]), ([1, 2], [3]), ([1, 2], [3, 4, 5])]:
    try:
        print(list(zip(a, b, strict=True)))
    except ValueError as e:
        print(e)
try:
    list(zip([1], [1], [1, 2], strict=True))
except ValueError as e:
    print(e)
''',
"ascii": '''print(ascii("é"), ascii(["é", 1]), f"{'é'!a}", "%a" % "ü", ascii("plain"))
''',
"traceback_of_a_cause_shows_where_it_was_caught": '''def load():
    try:
        {}["cfg"]
    except KeyError as e:
        raise RuntimeError("no config") from e

def main():
    load()

main()
''',
"traceback_line_is_where_the_exception_happened": '''def check():
    try:
        raise ValueError("first")
    finally:
        pass

check()
''',
"bare_raise_keeps_the_original_line": '''def f():
    raise KeyError("k")

try:
    f()
except KeyError:
    print("again")
    raise
''',
"exception_in_finally_has_context": '''def g():
    try:
        raise ValueError("a")
    finally:
        raise KeyError("b")
try:
    g()
except KeyError as e:
    print(repr(e.__context__))
g()
''',
"recursion_traceback_is_summarised": '''def f(n):
    return f(n + 1)
f(0)
''',
"system_exit_with_code": '''print("bye")
raise SystemExit(3)
''',
"system_exit_with_message": '''raise SystemExit("stopping here")
''',
"system_exit_bare": '''raise SystemExit
''',
"system_exit_in_a_task": '''import asyncio
async def t():
    try:
        await asyncio.sleep(1)
    finally:
        print("t cleaned up")
async def main():
    asyncio.create_task(t())
    await asyncio.sleep(0)
    raise SystemExit(4)
asyncio.run(main())
''',
}
CASES.update({
"hint_name_error_did_you_mean": '''def f():
    counter = 1
    return countr + 1
f()
''',
"hint_builtin_typo": '''prnt("x")
''',
"hint_attribute_typo": '''xs = []
xs.apend(1)
''',
"hint_module_attribute_typo": '''import asyncio
asyncio.sleeep(1)
''',
"hint_forgot_import": '''async def main():
    pass
asyncio.run(main())
''',
"hint_both": '''randm = 1
print(random)
''',
"await_in_comprehensions": '''import asyncio
async def v(i):
    await asyncio.sleep(0.1)
    return i * 2
async def main():
    print([await v(i) for i in range(3)])
    print({i: await v(i) for i in range(3) if await v(i) > 0})
    print([await v(i + j) for i in range(2) for j in range(2)])
asyncio.run(main())
''',
"extended_slice_assignment": '''ys = list(range(6))
ys[::2] = ["a", "b", "c"]
print(ys)
ys[::-3] = [1, 2]
print(ys)
try:
    ys[1::2] = [9]
except ValueError as e:
    print(e)
''',
"messages_for_common_type_errors": '''for src in ['"a" * "b"', '[1] * 1.5', '3 in 3', 'dict([(1, 2, 3)])']:
    try:
        eval(src) if False else None
    except Exception as e:
        print(e)
def mul():
    return "a" * "b"
def contains():
    return 3 in 3
def unpack():
    a, b = 5
for fn in (mul, contains, unpack):
    try:
        fn()
    except TypeError as e:
        print(e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print(e)
try:
    print(sep=1)
except TypeError as e:
    print(e)
''',
"priority_queue_heap_order": '''import asyncio
async def main():
    q = asyncio.PriorityQueue()
    for item in [2, 1.0, 1, True, 0, 1.0, 3, 1]:
        q.put_nowait(item)
    print([q.get_nowait() for _ in range(q.qsize())], q.maxsize)
asyncio.run(main())
''',
"dict_and_range_extras": '''d = {"a": 1, "b": 2}
print(d.popitem(), d, dict.fromkeys("ab", 0), range(10).index(3), range(0, 10, 2).count(4))
print("a\\tb".expandtabs(), "x".isprintable(), hash(5), hash(True), hash(-1))
''',
})
CASES.update({
"fstrings_reuse_their_quotes_pep701": '''d = {"k": 1, "name": "x"}
print(f"{d["k"]} {d['name']!r:>6} {'a' + "b"}")
print(f"{f"{d["k"]}"}", f'{"nested " + f"{1 + 1}"}')
print(f"{3.14159:{'>'}10.2f}|{'x':'^5}|{{literal}} {{{d["k"]}}}")
items = ["a", "b"]
print(f"joined: {", ".join(items)}")
print(f"{"\\n".join(items)}|{'\\t'!r}")
print(f"""triple {d["k"]
} ok""")
''',
})
CASES.update({
"traceback_names_the_line_inside_a_multiline_expression": '''data = {"a": 1}
def f():
    total = (
        data["a"]
        + data["b"]
    )
def g():
    x = max(
        1,
        int("x"),
    )
for fn in (f, g):
    try:
        fn()
    except (KeyError, ValueError) as e:
        print(type(e).__name__)
f()
''',
"load_time_scope_errors_are_runtime_free": '''def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner()
c = 0
def inc():
    global c
    c += 1
inc()
print(outer(), c)
''',
"class_call_errors_name_the_qualname": """class Worker:
    def __init__(self, name, *, retries):
        self.name = name
    def run(self, job):
        return job
w = Worker("a", retries=1)
for call in (lambda: Worker("b"), lambda: w.run(), lambda: w.run(1, 2), lambda: Worker("c", 1, retries=2)):
    try:
        call()
    except TypeError as e:
        print(e)
try:
    w.runn
except AttributeError as e:
    print(e)
w.nam
""",
"class_eq_without_hash_is_unhashable": """class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return self.k == other.k
print(Key(1) == Key(1), Key(1) != Key(2))
d = {}
d[Key(1)] = 1
""",
"with_on_object_without_protocol": """class OnlyEnter:
    def __enter__(self):
        return self
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print(e)
with object():
    pass
""",
"generator_stopiteration_becomes_runtimeerror": """def gen():
    yield 1
    next(iter([]))
for x in gen():
    print(x)
""",
"async_for_over_a_plain_list": """import asyncio
async def main():
    async for x in [1, 2]:
        print(x)
asyncio.run(main())
""",
"exception_group_traceback_box_art": """def f():
    raise ValueError("boom")
def g():
    try:
        f()
    except ValueError as e:
        raise ExceptionGroup("outer", [e, ExceptionGroup("inner", [TypeError("t"), KeyError("k")])])
g()
""",
"exception_group_reprs_and_split": """eg = ExceptionGroup("m", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(eg.message, eg.exceptions, eg.args)
print(repr(eg.subgroup(ValueError)), eg.split(KeyError))
print(eg.subgroup(lambda e: isinstance(e, KeyError)), eg.subgroup(Exception) is eg)
print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), issubclass(ExceptionGroup, Exception))
print(BaseExceptionGroup("b", [ValueError()]).__class__.__name__, BaseExceptionGroup("b", [KeyboardInterrupt()]).__class__.__name__)
for bad in [lambda: ExceptionGroup("x", []), lambda: ExceptionGroup("x", [KeyboardInterrupt()]), lambda: eg.split(1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
""",
"except_star_uncaught_rest": """try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
except* ValueError as g:
    print("handled", repr(g))
except* TypeError:
    raise RuntimeError("while handling")
""",
"unawaited_coroutine_warning": """import asyncio
async def notify():
    print("never runs")
async def main():
    notify()
    for i in range(3):
        notify()
    await asyncio.sleep(0)
    print("main done")
asyncio.run(main())
""",
"task_exception_never_retrieved_at_exit": """import asyncio
async def boom():
    raise ValueError("lost")
async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0.1)
    print("main done")
asyncio.run(main())
""",
"callback_exception_logged": """import asyncio
def bad(*args):
    raise ValueError("from callback")
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad, 1, "x")
    f = loop.create_future()
    f.add_done_callback(bad)
    f.set_result(7)
    await asyncio.sleep(0.1)
    print("loop went on")
asyncio.run(main())
""",
"get_event_loop_deprecation_warning": """import asyncio
async def main():
    print("inside", asyncio.get_event_loop() is asyncio.get_running_loop())
loop = asyncio.get_event_loop()
loop.run_until_complete(main())
print(asyncio.get_event_loop() is loop)
""",
"functools_wraps_names_the_coroutine": """import asyncio
import functools


def logged(fn):
    @functools.wraps(fn)
    async def wrapper(*args):
        return await fn(*args)
    return wrapper


@logged
async def notify(x):
    return x


async def main():
    notify(1)
    t = asyncio.create_task(notify(2))
    print(t.get_coro().__qualname__, t.get_coro().__name__, notify.__wrapped__.__qualname__)
    print(await t)


asyncio.run(main())
""",
"evaluator_fast_paths": """print(-7 % 3, 7 % -3, -7 // 2, 7 // -2, 0 % 5, -6 // 3, 7 // 2)
x = 10
x %= -4
print(x)
y = 5
y //= 2
y -= 10
y *= -3
print(y)
print(True + True, True & True, 5 & 3, 5 | 3, 5 ^ 3, 1 < 2 < 3, 3 == 3.0, 2 != 2, 2 <= 2 > 1)
try:
    print(1 % 0)
except ZeroDivisionError as e:
    print(e)
try:
    print(1 // 0)
except ZeroDivisionError as e:
    print(e)


class Shadow:
    def greet(self):
        return "method"


s = Shadow()
print(s.greet())
s.greet = lambda: "instance attribute"
print(s.greet())
del s.greet
print(s.greet())
Shadow.greet = lambda self: "replaced on the class"
print(s.greet())


class Prop:
    @property
    def size(self):
        return lambda: "from property"


print(Prop().size())


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        print("hash", self.n)
        return 7

    def __eq__(self, other):
        print("eq", self.n, other.n)
        return self.n == other.n


d = {}
d[Key(1)] = "a"
d[Key(2)] = "b"
d[Key(3)] = "c"
print(d[Key(3)])
print(d.get(Key(1)), len(d))
del d[Key(2)]
print(len(d), d.get(Key(3)))

d = {}
for i in range(100):
    d[i] = i
for i in range(0, 100, 2):
    del d[i]
d[0] = "back"
print(list(d)[:5], list(d)[-3:], len(d))
print(d.get(3), d.get(4, "gone"), 5 in d, 6 in d)
words = {"alpha": 1, "beta": 2}
words["gamma"] = 3
del words["alpha"]
words["alpha"] = 4
print(words, words.get("beta"), {1: "int", 1.0: "float", True: "bool"})
lst = [3, 1, 2]
lst.sort()
lst.append(4)
print(lst, "abc".upper(), (1, 2).count(1), {1, 2}.issubset({1, 2, 3}))
try:
    [].nosuch()
except AttributeError as e:
    print(e)
""",
})
