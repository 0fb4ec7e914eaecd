// Regressions: behaviours where Loopscope once differed from CPython 3.12, each pinned with
// CPython's own output (stdout, stderr without carets or asyncio-internal frames, exit status),
// recorded by running the script with CPython 3.12.1.
#include "engine.h"

#include <QtTest>

using namespace loopscope;

class TestRegressions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesCPython_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expectedOutput");
        QTest::addColumn<QString>("expectedErrors");
        QTest::addColumn<int>("expectedExit");
    QTest::newRow("unbound_builtin_methods") << QString::fromUtf8(R"py(print(str.lower("ABC"))
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
)py")
        << QString::fromUtf8(R"py(abc
['A', 'b', 'c']
A <method 'append' of 'list' objects> 2
[1]
descriptor 'lower' for 'str' objects doesn't apply to a 'int' object
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("deep_structures_free_and_fail_cleanly") << QString::fromUtf8(R"py(x = []
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
)py")
        << QString::fromUtf8(R"py(dropped
maximum recursion depth exceeded while getting the repr of an object
maximum recursion depth exceeded in comparison
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("inplace_list_operators") << QString::fromUtf8(R"py(a = [1]
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
)py")
        << QString::fromUtf8(R"py([1, 2, 3, 4] True
[0, 0, 0]
[1]
[5]
(1,) (1, 2)
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("lambdas_in_comprehensions_see_the_loop_variable") << QString::fromUtf8(R"py(fs = [lambda: i for i in range(3)]
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
)py")
        << QString::fromUtf8(R"py([2, 2, 2]
[0, 1, 2]
{'a': 'a', 'b': 'b'}
[2, 12, 22]
[0, 1] outer
[[], [0], [0, 1], [0, 1, 2]]
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("except_name_is_deleted_after_the_handler") << QString::fromUtf8(R"py(try:
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
)py")
        << QString::fromUtf8(R"py(name 'e' is not defined
ok
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("async_with_binds_none") << QString::fromUtf8(R"py(import asyncio
async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(1)
    async with lock as got:
        print(got, lock.locked())
    async with sem as s:
        print(s, sem.locked())
    print(await lock.acquire(), await sem.acquire())
asyncio.run(main())
)py")
        << QString::fromUtf8(R"py(None True
None True
True True
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("ellipsis") << QString::fromUtf8(R"py(print(..., repr(...), ... is Ellipsis)
)py")
        << QString::fromUtf8(R"py(Ellipsis Ellipsis True
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("round") << QString::fromUtf8(R"py(print(round(15, -1), round(25, -1), round(-25, -1), round(1234, -2), round(5, -1), round(123, 0))
print(round(2.675, 2), round(0.5), round(1.5), round(-0.5), round(2.5), round(-1.25, 1), round(1e20, -19))
)py")
        << QString::fromUtf8(R"py(20 20 -20 1200 0 123
2.67 0 2 0 2 -1.2 1e+20
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("percent_format_errors") << QString::fromUtf8(R"py(for fmt, v in [("%d", float("inf")), ("%x", 3.5), ("%d", float("nan")), ("%c", "h"), ("%c", 65), ("%d", 3.9), ("%c", 1.5)]:
    try:
        print(fmt % v)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
)py")
        << QString::fromUtf8(R"py(OverflowError cannot convert float infinity to integer
TypeError %x format: an integer is required, not float
ValueError cannot convert float NaN to integer
h
A
3
TypeError %c requires int or char
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("float_power_overflow") << QString::fromUtf8(R"py(try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError", e)
print(2.0 ** 0.5, (-8.0) ** 3, 10 ** -2)
)py")
        << QString::fromUtf8(R"py(OverflowError (34, 'Numerical result out of range')
1.4142135623730951 -512.0 0.01
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("sum_of_floats_is_compensated") << QString::fromUtf8(R"py(print(sum([0.1] * 10), sum([0.1, 0.2, 0.3]), sum([1, 2.5, 3]), sum([0.1] * 10, 1), sum(range(5)), sum([1e100, 1.0, -1e100]))
)py")
        << QString::fromUtf8(R"py(1.0 0.6 6.5 2.0 10 1.0
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("index_with_start_and_stop") << QString::fromUtf8(R"py(print([1, 2, 1].index(1, 1), (1, 2, 1).index(1, 1), [5, 6, 7, 5].index(5, -2))
try:
    [1, 2, 3].index(3, 0, 2)
except ValueError as e:
    print(e)
)py")
        << QString::fromUtf8(R"py(2 2 3
3 is not in list
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("zip_strict") << QString::fromUtf8(R"py(print(list(zip([1, 2], "ab", strict=True)))
for a, b in [([1], [3, 4]), ([1, 2], [3]), ([1, 2], [3, 4, 5])]:
    try:
        print(list(zip(a, b, strict=True)))
    except ValueError as e:
        print(e)
try:
    list(zip([1], [1], [1, 2], strict=True))
except ValueError as e:
    print(e)
)py")
        << QString::fromUtf8(R"py([(1, 'a'), (2, 'b')]
zip() argument 2 is longer than argument 1
zip() argument 2 is shorter than argument 1
zip() argument 2 is longer than argument 1
zip() argument 3 is longer than arguments 1-2
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("ascii") << QString::fromUtf8(R"py(print(ascii("é"), ascii(["é", 1]), f"{'é'!a}", "%a" % "ü", ascii("plain"))
)py")
        << QString::fromUtf8(R"py('\xe9' ['\xe9', 1] '\xe9' '\xfc' 'plain'
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("traceback_of_a_cause_shows_where_it_was_caught") << QString::fromUtf8(R"py(def load():
    try:
        {}["cfg"]
    except KeyError as e:
        raise RuntimeError("no config") from e

def main():
    load()

main()
)py")
        << QString::fromUtf8(R"py()py")
        << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in load
    {}["cfg"]
KeyError: 'cfg'

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "t.py", line 10, in <module>
    main()
  File "t.py", line 8, in main
    load()
  File "t.py", line 5, in load
    raise RuntimeError("no config") from e
RuntimeError: no config
)py") << 1;
    QTest::newRow("traceback_line_is_where_the_exception_happened") << QString::fromUtf8(R"py(def check():
    try:
        raise ValueError("first")
    finally:
        pass

check()
)py")
        << QString::fromUtf8(R"py()py")
        << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 7, in <module>
    check()
  File "t.py", line 3, in check
    raise ValueError("first")
ValueError: first
)py") << 1;
    QTest::newRow("bare_raise_keeps_the_original_line") << QString::fromUtf8(R"py(def f():
    raise KeyError("k")

try:
    f()
except KeyError:
    print("again")
    raise
)py")
        << QString::fromUtf8(R"py(again
)py")
        << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 5, in <module>
    f()
  File "t.py", line 2, in f
    raise KeyError("k")
KeyError: 'k'
)py") << 1;
    QTest::newRow("exception_in_finally_has_context") << QString::fromUtf8(R"py(def g():
    try:
        raise ValueError("a")
    finally:
        raise KeyError("b")
try:
    g()
except KeyError as e:
    print(repr(e.__context__))
g()
)py")
        << QString::fromUtf8(R"py(ValueError('a')
)py")
        << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in g
    raise ValueError("a")
ValueError: a

During handling of the above exception, another exception occurred:

Traceback (most recent call last):
  File "t.py", line 10, in <module>
    g()
  File "t.py", line 5, in g
    raise KeyError("b")
KeyError: 'b'
)py") << 1;
    QTest::newRow("recursion_traceback_is_summarised") << QString::fromUtf8(R"py(def f(n):
    return f(n + 1)
f(0)
)py")
        << QString::fromUtf8(R"py()py")
        << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in <module>
    f(0)
  File "t.py", line 2, in f
    return f(n + 1)
  File "t.py", line 2, in f
    return f(n + 1)
  File "t.py", line 2, in f
    return f(n + 1)
  [Previous line repeated 996 more times]
RecursionError: maximum recursion depth exceeded
)py") << 1;
    QTest::newRow("system_exit_with_code") << QString::fromUtf8(R"py(print("bye")
raise SystemExit(3)
)py")
        << QString::fromUtf8(R"py(bye
)py")
        << QString::fromUtf8(R"py()py") << 3;
    QTest::newRow("system_exit_with_message") << QString::fromUtf8(R"py(raise SystemExit("stopping here")
)py")
        << QString::fromUtf8(R"py()py")
        << QString::fromUtf8(R"py(stopping here
)py") << 1;
    QTest::newRow("system_exit_bare") << QString::fromUtf8(R"py(raise SystemExit
)py")
        << QString::fromUtf8(R"py()py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("system_exit_in_a_task") << QString::fromUtf8(R"py(import asyncio
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
)py")
        << QString::fromUtf8(R"py(t cleaned up
)py")
        << QString::fromUtf8(R"py()py") << 4;
    QTest::newRow("hint_name_error_did_you_mean") << QString::fromUtf8(R"py(def f():
    counter = 1
    return countr + 1
f()
)py")
        << QString::fromUtf8(R"py()py")
        << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 4, in <module>
    f()
  File "t.py", line 3, in f
    return countr + 1
NameError: name 'countr' is not defined. Did you mean: 'counter'?
)py") << 1;
    QTest::newRow("hint_builtin_typo") << QString::fromUtf8(R"py(prnt("x")
)py")
        << QString::fromUtf8(R"py()py")
        << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 1, in <module>
    prnt("x")
NameError: name 'prnt' is not defined. Did you mean: 'print'?
)py") << 1;
    QTest::newRow("hint_attribute_typo") << QString::fromUtf8(R"py(xs = []
xs.apend(1)
)py")
        << QString::fromUtf8(R"py()py")
        << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    xs.apend(1)
AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?
)py") << 1;
    QTest::newRow("hint_module_attribute_typo") << QString::fromUtf8(R"py(import asyncio
asyncio.sleeep(1)
)py")
        << QString::fromUtf8(R"py()py")
        << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    asyncio.sleeep(1)
AttributeError: module 'asyncio' has no attribute 'sleeep'. Did you mean: 'sleep'?
)py") << 1;
    QTest::newRow("hint_forgot_import") << QString::fromUtf8(R"py(async def main():
    pass
asyncio.run(main())
)py")
        << QString::fromUtf8(R"py()py")
        << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in <module>
    asyncio.run(main())
NameError: name 'asyncio' is not defined. Did you forget to import 'asyncio'?
)py") << 1;
    QTest::newRow("hint_both") << QString::fromUtf8(R"py(randm = 1
print(random)
)py")
        << QString::fromUtf8(R"py()py")
        << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    print(random)
NameError: name 'random' is not defined. Did you mean: 'randm'? Or did you forget to import 'random'?
)py") << 1;
    QTest::newRow("await_in_comprehensions") << QString::fromUtf8(R"py(import asyncio
async def v(i):
    await asyncio.sleep(0.1)
    return i * 2
async def main():
    print([await v(i) for i in range(3)])
    print({i: await v(i) for i in range(3) if await v(i) > 0})
    print([await v(i + j) for i in range(2) for j in range(2)])
asyncio.run(main())
)py")
        << QString::fromUtf8(R"py([0, 2, 4]
{1: 2, 2: 4}
[0, 2, 2, 4]
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("extended_slice_assignment") << QString::fromUtf8(R"py(ys = list(range(6))
ys[::2] = ["a", "b", "c"]
print(ys)
ys[::-3] = [1, 2]
print(ys)
try:
    ys[1::2] = [9]
except ValueError as e:
    print(e)
)py")
        << QString::fromUtf8(R"py(['a', 1, 'b', 3, 'c', 5]
['a', 1, 2, 3, 'c', 1]
attempt to assign sequence of size 1 to extended slice of size 3
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("messages_for_common_type_errors") << QString::fromUtf8(R"py(for src in ['"a" * "b"', '[1] * 1.5', '3 in 3', 'dict([(1, 2, 3)])']:
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
)py")
        << QString::fromUtf8(R"py(can't multiply sequence by non-int of type 'str'
argument of type 'int' is not iterable
cannot unpack non-iterable int object
dictionary update sequence element #0 has length 3; 2 is required
sep must be None or a string, not int
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("priority_queue_heap_order") << QString::fromUtf8(R"py(import asyncio
async def main():
    q = asyncio.PriorityQueue()
    for item in [2, 1.0, 1, True, 0, 1.0, 3, 1]:
        q.put_nowait(item)
    print([q.get_nowait() for _ in range(q.qsize())], q.maxsize)
asyncio.run(main())
)py")
        << QString::fromUtf8(R"py([0, 1, 1.0, 1.0, True, 1, 2, 3] 0
)py")
        << QString::fromUtf8(R"py()py") << 0;
    QTest::newRow("dict_and_range_extras") << QString::fromUtf8(R"py(d = {"a": 1, "b": 2}
print(d.popitem(), d, dict.fromkeys("ab", 0), range(10).index(3), range(0, 10, 2).count(4))
print("a\tb".expandtabs(), "x".isprintable(), hash(5), hash(True), hash(-1))
)py")
        << QString::fromUtf8(R"py(('b', 2) {'a': 1} {'a': 0, 'b': 0} 3 1
a       b True 5 1 -2
)py")
        << QString::fromUtf8(R"py()py") << 0;
    }

    void matchesCPython()
    {
        QFETCH(QString, source);
        QFETCH(QString, expectedOutput);
        QFETCH(QString, expectedErrors);
        QFETCH(int, expectedExit);
        Engine e;
        QVERIFY2(e.load(source.toStdString(), "t.py"), e.loadError().formatted.c_str());
        e.runToEnd();
        QCOMPARE(QString::fromStdString(e.output()), expectedOutput);
        QCOMPARE(QString::fromStdString(e.errors()), expectedErrors);
        QCOMPARE(e.exitStatus(), expectedExit);
    }
};

QTEST_GUILESS_MAIN(TestRegressions)
#include "tst_regressions.moc"
