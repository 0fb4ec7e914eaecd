// Language tests of the scenario interpreter: a script prints exactly what CPython 3.12 prints.
//
// Every row below is a small script run through the whole engine (load, runToEnd) with CPython
// 3.12.1's own output as the expectation: the script was run as `python3 t.py` and its stdout,
// stderr and exit status recorded (as MicroPython's run-tests.py and Wren's golden tests do). So a
// failure means a divergence from Python, not just from an earlier version of the engine.
//
// Two things CPython prints are left out of the recorded stderr, because the engine deliberately
// does not print them: the caret lines under a traceback's source line (`^^^^`, `~~~^~~~`), and
// the frames inside asyncio's own files (runners.py, base_events.py) between `asyncio.run(...)`
// and the coroutine. Syntax errors keep their caret, collapsed to a single `^` at CPython's column.
//
// The few rows that are not CPython's output are marked as such: Loopscope's own contract for
// what it does not run (unsupported constructs, unavailable modules) and its limits (64-bit
// integers, the recursion limit, huge allocations).
#include "engine.h"

#include <QtTest>

#include <string>

using namespace loopscope;

namespace {

struct Run {
    bool loaded = false;
    Outcome outcome = Outcome::NotStarted;
    int exitStatus = -1;
    QString output;
    QString errors;
    QString errorText;
    LoadError loadError;
};

Run runScript(const QString &source)
{
    Run r;
    Engine e;
    r.loaded = e.load(source.toStdString(), "t.py");
    if (r.loaded)
        e.runToEnd();
    r.outcome = e.outcome();
    r.exitStatus = e.exitStatus();
    r.output = QString::fromStdString(e.output());
    r.errors = QString::fromStdString(e.errors());
    r.errorText = QString::fromStdString(e.errorText());
    r.loadError = e.loadError();
    return r;
}

const char *outcomeName(Outcome o)
{
    switch (o) {
    case Outcome::NotStarted:
        return "NotStarted";
    case Outcome::Running:
        return "Running";
    case Outcome::Finished:
        return "Finished";
    case Outcome::Uncaught:
        return "Uncaught";
    case Outcome::Deadlock:
        return "Deadlock";
    case Outcome::Livelock:
        return "Livelock";
    case Outcome::LoadError:
        return "LoadError";
    }
    return "?";
}

QString str(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

class TestInterpreter : public QObject {
    Q_OBJECT

private:
    // Columns of the CPython-checked rows: the script, CPython's stdout, CPython's stderr (carets
    // and asyncio-internal frames removed) and CPython's exit status.
    static void addScriptColumns()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expectedOutput");
        QTest::addColumn<QString>("expectedErrors");
        QTest::addColumn<int>("expectedExit");
    }

    static void checkScript()
    {
        QFETCH(QString, source);
        QFETCH(QString, expectedOutput);
        QFETCH(QString, expectedErrors);
        QFETCH(int, expectedExit);

        const Run r = runScript(source);
        QVERIFY2(r.loaded, qPrintable(str(r.loadError.formatted)));
        QCOMPARE(r.output, expectedOutput);
        QCOMPARE(r.errors, expectedErrors);
        QCOMPARE(r.exitStatus, expectedExit);
        if (expectedExit == 0) {
            QCOMPARE(outcomeName(r.outcome), outcomeName(Outcome::Finished));
            QVERIFY(r.errorText.isEmpty());
        } else {
            QCOMPARE(outcomeName(r.outcome), outcomeName(Outcome::Uncaught));
            QCOMPARE(r.errorText, expectedErrors);
        }
    }

private Q_SLOTS:
    void functions_data();
    void functions();
    void controlFlow_data();
    void controlFlow();
    void assignment_data();
    void assignment();
    void exceptions_data();
    void exceptions();
    void containers_data();
    void containers();
    void strings_data();
    void strings();
    void formatting_data();
    void formatting();
    void reprs_data();
    void reprs();
    void numbers_data();
    void numbers();
    void expressions_data();
    void expressions();
    void builtinsAndMessages_data();
    void builtinsAndMessages();
    void asyncBasics_data();
    void asyncBasics();
    void classes_data();
    void classes();
    void generatorsAndWith_data();
    void generatorsAndWith();
    void asyncGeneratorsAndAsyncWith_data();
    void asyncGeneratorsAndAsyncWith();
    void uncaughtErrors_data();
    void uncaughtErrors();

    void syntaxErrors_data();
    void syntaxErrors();
    void unsupportedConstructs_data();
    void unsupportedConstructs();
    void unavailableModules_data();
    void unavailableModules();
    void limits_data();
    void limits();
    void uncaughtRecursion();
    void recursionLimitAsCPython();
    void deepNestingDoesNotCrash();
    void outcomeAndStreams();
};

// Def/async def, defaults, keyword arguments, *args/**kwargs, keyword-only, closures, nonlocal, global, lambdas,
// await of coroutines, async with.
void TestInterpreter::functions_data()
{
    addScriptColumns();
    QTest::newRow("defaults") << QString::fromUtf8(R"py(def f(a, b=2, c="x"):
    return a, b, c
print(f(1))
print(f(1, 3))
print(f(1, c="y"))
print(f(a=5, b=6, c=7))
)py") << QString::fromUtf8(R"py((1, 2, 'x')
(1, 3, 'x')
(1, 2, 'y')
(5, 6, 7)
)py") << QString() << 0;
    QTest::newRow("keyword_args_order") << QString::fromUtf8(R"py(def f(a, b, c):
    print(a, b, c)
f(c=3, a=1, b=2)
f(1, c=3, b=2)
)py") << QString::fromUtf8(R"py(1 2 3
1 2 3
)py") << QString() << 0;
    QTest::newRow("star_args") << QString::fromUtf8(R"py(def f(*args):
    print(args, len(args), type(args).__name__)
f()
f(1)
f(1, "two", [3])
xs = [4, 5, 6]
f(*xs)
f(0, *xs, 7)
)py") << QString::fromUtf8(R"py(() 0 tuple
(1,) 1 tuple
(1, 'two', [3]) 3 tuple
(4, 5, 6) 3 tuple
(0, 4, 5, 6, 7) 5 tuple
)py") << QString() << 0;
    QTest::newRow("star_kwargs") << QString::fromUtf8(R"py(def f(**kwargs):
    for k, v in kwargs.items():
        print(k, "=", v)
    print(kwargs)
f(a=1, b=2)
f()
d = {"x": 1, "y": [2]}
f(**d)
f(z=0, **d)
)py") << QString::fromUtf8(R"py(a = 1
b = 2
{'a': 1, 'b': 2}
{}
x = 1
y = [2]
{'x': 1, 'y': [2]}
z = 0
x = 1
y = [2]
{'z': 0, 'x': 1, 'y': [2]}
)py") << QString() << 0;
    QTest::newRow("mixed_params") << QString::fromUtf8(R"py(def f(a, b=10, *args, c, d=4, **kw):
    print(a, b, args, c, d, kw)
f(1, c=3)
f(1, 2, 3, 4, c=5, e=6)
f(1, 2, c=3, d=None, z="z")
)py") << QString::fromUtf8(R"py(1 10 () 3 4 {}
1 2 (3, 4) 5 4 {'e': 6}
1 2 () 3 None {'z': 'z'}
)py") << QString() << 0;
    QTest::newRow("keyword_only_bare_star") << QString::fromUtf8(R"py(def f(a, *, key=None, reverse=False):
    return (a, key, reverse)
print(f(1))
print(f(1, reverse=True))
print(f(1, key="k", reverse=1))
)py") << QString::fromUtf8(R"py((1, None, False)
(1, None, True)
(1, 'k', 1)
)py") << QString() << 0;
    QTest::newRow("return_none_implicit") << QString::fromUtf8(R"py(def f():
    pass
def g():
    return
print(f(), g())
)py") << QString::fromUtf8(R"py(None None
)py") << QString() << 0;
    QTest::newRow("return_multiple") << QString::fromUtf8(R"py(def divmod2(a, b):
    return a // b, a % b
q, r = divmod2(17, 5)
print(q, r)
print(divmod2(-17, 5))
)py") << QString::fromUtf8(R"py(3 2
(-4, 3)
)py") << QString() << 0;
    QTest::newRow("recursion_fib") << QString::fromUtf8(R"py(def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print([fib(i) for i in range(15)])
)py") << QString::fromUtf8(R"py([0, 1, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377]
)py") << QString() << 0;
    QTest::newRow("recursion_factorial_big") << QString::fromUtf8(R"py(def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20))
)py") << QString::fromUtf8(R"py(2432902008176640000
)py") << QString() << 0;
    QTest::newRow("mutual_recursion") << QString::fromUtf8(R"py(def even(n):
    return True if n == 0 else odd(n - 1)
def odd(n):
    return False if n == 0 else even(n - 1)
print(even(10), odd(7), even(3))
)py") << QString::fromUtf8(R"py(True True False
)py") << QString() << 0;
    QTest::newRow("default_evaluated_once") << QString::fromUtf8(R"py(def f(x, acc=[]):
    acc.append(x)
    return acc
print(f(1))
print(f(2))
print(f(3, []))
print(f(4))
)py") << QString::fromUtf8(R"py([1]
[1, 2]
[3]
[1, 2, 4]
)py") << QString() << 0;
    QTest::newRow("default_from_variable") << QString::fromUtf8(R"py(n = 5
def f(x=n):
    return x
n = 6
print(f(), n)
)py") << QString::fromUtf8(R"py(5 6
)py") << QString() << 0;
    QTest::newRow("closure_reads_outer") << QString::fromUtf8(R"py(def outer():
    x = 10
    def inner():
        return x + 1
    return inner
print(outer()())
)py") << QString::fromUtf8(R"py(11
)py") << QString() << 0;
    QTest::newRow("closure_late_binding") << QString::fromUtf8(R"py(def make():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return fs
print([f() for f in make()])
)py") << QString::fromUtf8(R"py([2, 2, 2]
)py") << QString() << 0;
    QTest::newRow("closure_default_capture") << QString::fromUtf8(R"py(def make():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        fs.append(f)
    return fs
print([f() for f in make()])
)py") << QString::fromUtf8(R"py([0, 1, 2]
)py") << QString() << 0;
    QTest::newRow("nonlocal_counter") << QString::fromUtf8(R"py(def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc
c = counter()
c()
c()
print(c(10))
d = counter()
print(d(), c())
)py") << QString::fromUtf8(R"py(12
1 13
)py") << QString() << 0;
    QTest::newRow("nonlocal_nested_two_levels") << QString::fromUtf8(R"py(def a():
    x = "a"
    def b():
        def c():
            nonlocal x
            x = x + "c"
        c()
        return x
    return b()
print(a())
)py") << QString::fromUtf8(R"py(ac
)py") << QString() << 0;
    QTest::newRow("global_statement") << QString::fromUtf8(R"py(count = 0
def bump():
    global count
    count += 1
for _ in range(5):
    bump()
print(count)
)py") << QString::fromUtf8(R"py(5
)py") << QString() << 0;
    QTest::newRow("global_creates") << QString::fromUtf8(R"py(def setup():
    global created
    created = "yes"
setup()
print(created)
)py") << QString::fromUtf8(R"py(yes
)py") << QString() << 0;
    QTest::newRow("lambda_basic") << QString::fromUtf8(R"py(sq = lambda x: x * x
add = lambda a, b=1: a + b
print(sq(7), add(2), add(2, 3))
print((lambda: "nothing")())
)py") << QString::fromUtf8(R"py(49 3 5
nothing
)py") << QString() << 0;
    QTest::newRow("lambda_closure") << QString::fromUtf8(R"py(def adder(n):
    return lambda x: x + n
add5 = adder(5)
print(add5(10), adder(-1)(1))
)py") << QString::fromUtf8(R"py(15 0
)py") << QString() << 0;
    QTest::newRow("lambda_sort_key") << QString::fromUtf8(R"py(pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: -p[0]))
)py") << QString::fromUtf8(R"py([(3, 'a'), (1, 'b'), (2, 'c')]
[(3, 'a'), (2, 'c'), (1, 'b')]
)py") << QString() << 0;
    QTest::newRow("lambda_varargs") << QString::fromUtf8(R"py(f = lambda *a, **k: (a, k)
print(f(1, 2, x=3))
)py") << QString::fromUtf8(R"py(((1, 2), {'x': 3})
)py") << QString() << 0;
    QTest::newRow("function_as_value") << QString::fromUtf8(R"py(def shout(s):
    return s.upper() + "!"
def apply(fn, v):
    return fn(v)
print(apply(shout, "hey"))
fns = {"s": shout, "l": lambda s: s.lower()}
print(fns["s"]("a"), fns["l"]("ABC"))
)py") << QString::fromUtf8(R"py(HEY!
A! abc
)py") << QString() << 0;
    QTest::newRow("function_name_attr") << QString::fromUtf8(R"py(def my_func():
    pass
async def co():
    pass
print(my_func.__name__, co.__name__)
print((lambda: 0).__name__)
)py") << QString::fromUtf8(R"py(my_func co
<lambda>
)py") << QString() << 0;
    QTest::newRow("nested_def_name") << QString::fromUtf8(R"py(def outer():
    def inner():
        pass
    return inner
print(outer().__name__)
)py") << QString::fromUtf8(R"py(inner
)py") << QString() << 0;
    QTest::newRow("early_return_in_loop") << QString::fromUtf8(R"py(def find(xs, t):
    for i, x in enumerate(xs):
        if x == t:
            return i
    return -1
print(find([3, 4, 5], 5), find([3, 4, 5], 9))
)py") << QString::fromUtf8(R"py(2 -1
)py") << QString() << 0;
    QTest::newRow("async_def_defaults_kwargs") << QString::fromUtf8(R"py(import asyncio
async def work(name, delay=0, *, label="w"):
    await asyncio.sleep(delay)
    return f"{label}:{name}"
async def main():
    print(await work("a"))
    print(await work("b", 0.1, label="L"))
    r = await asyncio.gather(work("x"), work("y", label="z"))
    print(r)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(w:a
L:b
['w:x', 'z:y']
)py") << QString() << 0;
    QTest::newRow("await_runs_inline") << QString::fromUtf8(R"py(import asyncio
async def inner(n):
    print("inner", n)
    return n * 2
async def main():
    print("before")
    v = await inner(3)
    print("after", v)
    v2 = await inner(await inner(1))
    print(v2)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(before
inner 3
after 6
inner 1
inner 2
4
)py") << QString() << 0;
    QTest::newRow("await_coroutine_return_none") << QString::fromUtf8(R"py(import asyncio
async def nothing():
    pass
async def main():
    r = await nothing()
    print(r)
asyncio.run(main())
print("done")
)py") << QString::fromUtf8(R"py(None
done
)py") << QString() << 0;
    QTest::newRow("asyncio_run_returns_value") << QString::fromUtf8(R"py(import asyncio
async def main():
    return 42
print(asyncio.run(main()))
)py") << QString::fromUtf8(R"py(42
)py") << QString() << 0;
    QTest::newRow("async_with_lock") << QString::fromUtf8(R"py(import asyncio
lock = None
async def worker(name, log):
    async with lock:
        log.append(name + " in")
        await asyncio.sleep(0.01)
        log.append(name + " out")
async def main():
    global lock
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(worker("a", log), worker("b", log), worker("c", log))
    print(log)
    print(lock.locked())
asyncio.run(main())
)py") << QString::fromUtf8(R"py(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']
False
)py") << QString() << 0;
    QTest::newRow("async_with_as_and_exception") << QString::fromUtf8(R"py(import asyncio
async def main():
    lock = asyncio.Lock()
    try:
        async with lock:
            print("got", lock.locked())
            raise ValueError("inside")
    except ValueError as e:
        print("caught", e, lock.locked())
asyncio.run(main())
)py") << QString::fromUtf8(R"py(got True
caught inside False
)py") << QString() << 0;
    QTest::newRow("async_closure_and_loop") << QString::fromUtf8(R"py(import asyncio
async def main():
    results = []
    async def job(i):
        await asyncio.sleep(0.01 * (3 - i))
        results.append(i)
    await asyncio.gather(*[job(i) for i in range(3)])
    print(results)
asyncio.run(main())
)py") << QString::fromUtf8(R"py([2, 1, 0]
)py") << QString() << 0;
    QTest::newRow("module_code_without_asyncio") << QString::fromUtf8(R"py(print(1 + 1)
)py") << QString::fromUtf8(R"py(2
)py") << QString() << 0;
    QTest::newRow("module_code_after_asyncio_run") << QString::fromUtf8(R"py(import asyncio
async def main():
    print("in main")
print("start")
asyncio.run(main())
print("end")
asyncio.run(main())
)py") << QString::fromUtf8(R"py(start
in main
end
in main
)py") << QString() << 0;
    QTest::newRow("free_variable_not_yet_assigned")
        << QString::fromUtf8(R"py(def outer():
    def inner():
        return x
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    x = 1
    return inner()
print(outer())
)py")
        << QString::fromUtf8(
               R"py(NameError cannot access free variable 'x' where it is not associated with a value in enclosing scope
1
)py") << QString()
        << 0;
    QTest::newRow("class_less_shadowing_builtins") << QString::fromUtf8(R"py(list = [1, 2]
print(list)
del list
print(list("ab"))
def len(x):
    return 42
print(len([]))
)py") << QString::fromUtf8(R"py([1, 2]
['a', 'b']
42
)py") << QString() << 0;
    QTest::newRow("function_redefinition") << QString::fromUtf8(R"py(def f():
    return 1
g = f
def f():
    return 2
print(f(), g())
)py") << QString::fromUtf8(R"py(2 1
)py") << QString() << 0;
    QTest::newRow("conditional_function_definition") << QString::fromUtf8(R"py(flag = True
if flag:
    def h():
        return "yes"
else:
    def h():
        return "no"
print(h())
)py") << QString::fromUtf8(R"py(yes
)py") << QString() << 0;
    QTest::newRow("recursive_closure") << QString::fromUtf8(R"py(def outer(n):
    def fact(k):
        return 1 if k <= 1 else k * fact(k - 1)
    return fact(n)
print(outer(10))
)py") << QString::fromUtf8(R"py(3628800
)py") << QString() << 0;
    QTest::newRow("nonlocal_shared_between_closures") << QString::fromUtf8(R"py(def make():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_
get, set_ = make()
set_(5)
print(get())
)py") << QString::fromUtf8(R"py(5
)py") << QString() << 0;
    QTest::newRow("global_in_loop_function") << QString::fromUtf8(R"py(results = []
def record(x):
    global results
    results = results + [x]
for i in range(3):
    record(i)
print(results)
)py") << QString::fromUtf8(R"py([0, 1, 2]
)py") << QString() << 0;
    QTest::newRow("closure_in_async") << QString::fromUtf8(R"py(import asyncio
def make_worker(name):
    async def worker():
        await asyncio.sleep(0)
        return name.upper()
    return worker
async def main():
    ws = [make_worker(n) for n in ["a", "b"]]
    print([await w() for w in ws] if False else "skip")
    out = []
    for w in ws:
        out.append(await w())
    print(out)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(skip
['A', 'B']
)py") << QString() << 0;
    QTest::newRow("name_resolution_order") << QString::fromUtf8(R"py(x = "global"
def f():
    x = "enclosing"
    def g():
        return x
    return g()
def h():
    return x
print(f(), h())
)py") << QString::fromUtf8(R"py(enclosing global
)py") << QString() << 0;
    QTest::newRow("unbound_local_in_branch") << QString::fromUtf8(R"py(def f(flag):
    if flag:
        y = 1
    return y
print(f(True))
try:
    f(False)
except UnboundLocalError as e:
    print(e)
)py") << QString::fromUtf8(R"py(1
cannot access local variable 'y' where it is not associated with a value
)py") << QString() << 0;
}

void TestInterpreter::functions()
{
    checkScript();
}

// If/elif/else, while/else, for over ranges/lists/strings/dicts, break/continue, conditional expressions,
// comparisons, walrus, del, assert.
void TestInterpreter::controlFlow_data()
{
    addScriptColumns();
    QTest::newRow("if_elif_else") << QString::fromUtf8(R"py(def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
for n in (-5, 0, 3, 99):
    print(n, classify(n))
)py") << QString::fromUtf8(R"py(-5 neg
0 zero
3 small
99 big
)py") << QString() << 0;
    QTest::newRow("truthiness") << QString::fromUtf8(
        R"py(for v in [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {"a": 1}, None, True, False]:
    if v:
        print(repr(v), "truthy")
    else:
        print(repr(v), "falsy")
)py") << QString::fromUtf8(R"py(0 falsy
1 truthy
-1 truthy
0.0 falsy
0.5 truthy
'' falsy
'a' truthy
[] falsy
[0] truthy
() falsy
(0,) truthy
{} falsy
{'a': 1} truthy
None falsy
True truthy
False falsy
)py") << QString() << 0;
    QTest::newRow("while_else") << QString::fromUtf8(R"py(i = 0
while i < 3:
    print("i", i)
    i += 1
else:
    print("else ran", i)
j = 0
while j < 10:
    if j == 2:
        break
    j += 1
else:
    print("never")
print("j", j)
)py") << QString::fromUtf8(R"py(i 0
i 1
i 2
else ran 3
j 2
)py") << QString() << 0;
    QTest::newRow("for_else") << QString::fromUtf8(R"py(for x in [1, 2, 3]:
    if x == 5:
        break
else:
    print("no 5")
for x in [4, 5, 6]:
    if x == 5:
        print("found 5")
        break
else:
    print("no 5")
for x in []:
    pass
else:
    print("empty else")
)py") << QString::fromUtf8(R"py(no 5
found 5
empty else
)py") << QString() << 0;
    QTest::newRow("for_range_forms") << QString::fromUtf8(R"py(print(list(range(5)))
print(list(range(2, 8)))
print(list(range(10, 0, -3)))
print(list(range(0, 10, 4)))
print(list(range(5, 5)))
print(list(range(-3, 3)))
r = range(1, 10, 2)
print(r, len(r), r[2], r[-1], 7 in r, 8 in r)
)py") << QString::fromUtf8(R"py([0, 1, 2, 3, 4]
[2, 3, 4, 5, 6, 7]
[10, 7, 4, 1]
[0, 4, 8]
[]
[-3, -2, -1, 0, 1, 2]
range(1, 10, 2) 5 5 9 True False
)py") << QString() << 0;
    QTest::newRow("for_over_list_tuple_string") << QString::fromUtf8(R"py(for x in [1, "a", None]:
    print(x)
for x in (1.5, True):
    print(x)
for ch in "héllo":
    print(ch, end="|")
print()
)py") << QString::fromUtf8(R"py(1
a
None
1.5
True
h|é|l|l|o|
)py") << QString() << 0;
    QTest::newRow("for_over_dict_and_items") << QString::fromUtf8(R"py(d = {"b": 2, "a": 1, "c": 3}
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, v)
for k in d.keys():
    print(k, end=" ")
print()
for v in d.values():
    print(v, end=" ")
print()
)py") << QString::fromUtf8(R"py(b 2
a 1
c 3
b 2
a 1
c 3
b a c 
2 1 3 
)py") << QString() << 0;
    QTest::newRow("break_continue") << QString::fromUtf8(R"py(out = []
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    out.append(i)
print(out)
n = 0
while True:
    n += 1
    if n < 3:
        continue
    break
print(n)
)py") << QString::fromUtf8(R"py([1, 3, 5, 7]
3
)py") << QString() << 0;
    QTest::newRow("nested_loops_break") << QString::fromUtf8(R"py(for i in range(3):
    for j in range(3):
        if j == i:
            break
        print(i, j)
)py") << QString::fromUtf8(R"py(1 0
2 0
2 1
)py") << QString() << 0;
    QTest::newRow("enumerate_zip") << QString::fromUtf8(R"py(names = ["ann", "bob", "cy"]
ages = [31, 25]
for i, name in enumerate(names):
    print(i, name)
for i, name in enumerate(names, 1):
    print(i, name)
for n, a in zip(names, ages):
    print(n, a)
print(list(zip(names, ages, "xyz")))
print(list(enumerate("ab", start=10)))
)py") << QString::fromUtf8(R"py(0 ann
1 bob
2 cy
1 ann
2 bob
3 cy
ann 31
bob 25
[('ann', 31, 'x'), ('bob', 25, 'y')]
[(10, 'a'), (11, 'b')]
)py") << QString() << 0;
    QTest::newRow("tuple_unpack_in_for") << QString::fromUtf8(R"py(pts = [(1, 2), (3, 4)]
for x, y in pts:
    print(x + y)
for i, (x, y) in enumerate(pts):
    print(i, x, y)
)py") << QString::fromUtf8(R"py(3
7
0 1 2
1 3 4
)py") << QString() << 0;
    QTest::newRow("pass_statement") << QString::fromUtf8(R"py(def f():
    pass
if True:
    pass
for _ in range(2):
    pass
print("ok")
)py") << QString::fromUtf8(R"py(ok
)py") << QString() << 0;
    QTest::newRow("conditional_expression") << QString::fromUtf8(R"py(for n in range(4):
    print("even" if n % 2 == 0 else "odd", "zero" if n == 0 else "pos" if n > 0 else "neg")
)py") << QString::fromUtf8(R"py(even zero
odd pos
even pos
odd pos
)py") << QString() << 0;
    QTest::newRow("chained_comparison") << QString::fromUtf8(R"py(x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, 1 == 1 < 2, 3 > 2 > 1 > 0)
def v(n):
    print("eval", n)
    return n
print(v(1) < v(2) < v(0) < v(3))
)py") << QString::fromUtf8(R"py(True False True True True
eval 1
eval 2
eval 0
False
)py") << QString() << 0;
    QTest::newRow("boolean_ops_short_circuit") << QString::fromUtf8(R"py(def t(v):
    print("t", v)
    return v
print(t(0) or t("") or t("x") or t("never"))
print(t(1) and t([]) and t("never"))
print(not 0, not "a", not None)
print(0 or None, 1 and 2, [] and 1, "" or [])
)py") << QString::fromUtf8(R"py(t 0
t 
t x
x
t 1
t []
[]
True False True
None 2 [] []
)py") << QString() << 0;
    QTest::newRow("in_not_in_is") << QString::fromUtf8(R"py(xs = [1, 2, 3]
print(2 in xs, 5 in xs, 5 not in xs)
print("ell" in "hello", "z" not in "hello")
print("a" in {"a": 1}, 1 in {"a": 1})
print(3 in (1, 2, 3), 3 in range(4))
a = [1]
b = a
c = [1]
print(a is b, a is c, a is not c, a == c)
print(None is None, None is not None)
)py") << QString::fromUtf8(R"py(True False True
True True
True False
True True
True False True True
True False
)py") << QString() << 0;
    QTest::newRow("walrus") << QString::fromUtf8(R"py(data = [1, 5, 12, 3]
if (n := len(data)) > 3:
    print("long", n)
out = [y for x in data if (y := x * 2) > 5]
print(out, y)
)py") << QString::fromUtf8(R"py(long 4
[10, 24, 6] 6
)py") << QString() << 0;
    QTest::newRow("del_statement") << QString::fromUtf8(R"py(d = {"a": 1, "b": 2}
del d["a"]
print(d)
xs = [0, 1, 2, 3, 4]
del xs[1]
print(xs)
del xs[-1]
print(xs)
x = 5
del x
try:
    print(x)
except NameError as e:
    print(e)
)py") << QString::fromUtf8(R"py({'b': 2}
[0, 2, 3, 4]
[0, 2, 3]
name 'x' is not defined
)py") << QString() << 0;
    QTest::newRow("assert_statement") << QString::fromUtf8(R"py(assert 1 + 1 == 2
try:
    assert 1 > 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print(repr(e))
)py") << QString::fromUtf8(R"py(AssertionError: math is broken
AssertionError()
)py") << QString() << 0;
    QTest::newRow("while_with_complex_condition") << QString::fromUtf8(R"py(a, b = 0, 10
while a < b and b - a > 2:
    a += 1
    b -= 1
print(a, b)
)py") << QString::fromUtf8(R"py(4 6
)py") << QString() << 0;
}

void TestInterpreter::controlFlow()
{
    checkScript();
}

// Tuple and starred unpacking, chained and augmented assignment on names, subscripts and attributes, slice
// assignment.
void TestInterpreter::assignment_data()
{
    addScriptColumns();
    QTest::newRow("tuple_unpacking") << QString::fromUtf8(R"py(a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
x, = [9]
print(x)
)py") << QString::fromUtf8(R"py(2 1
3 4 5
x y
9
)py") << QString() << 0;
    QTest::newRow("starred_unpacking") << QString::fromUtf8(R"py(first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
a, *mid, z = range(5)
print(a, mid, z)
a, *mid, z = (1, 2)
print(a, mid, z)
)py") << QString::fromUtf8(R"py(1 [2, 3, 4]
['a', 'b'] c
0 [1, 2, 3] 4
1 [] 2
)py") << QString() << 0;
    QTest::newRow("starred_in_literals") << QString::fromUtf8(R"py(xs = [1, 2]
ys = (3, 4)
print([*xs, *ys, 5])
print((*xs, 0))
d1 = {"a": 1}
d2 = {"b": 2, "a": 3}
print({**d1, **d2, "c": 4})
)py") << QString::fromUtf8(R"py([1, 2, 3, 4, 5]
(1, 2, 0)
{'a': 3, 'b': 2, 'c': 4}
)py") << QString() << 0;
    QTest::newRow("chained_assignment") << QString::fromUtf8(R"py(a = b = c = 1
print(a, b, c)
x = y = []
x.append(1)
print(y, x is y)
i = j = 0
i += 1
print(i, j)
)py") << QString::fromUtf8(R"py(1 1 1
[1] True
1 0
)py") << QString() << 0;
    QTest::newRow("augmented_on_names") << QString::fromUtf8(R"py(n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 2; print(n)
n /= 4; print(n)
n = 17
n //= 5; print(n)
n %= 2; print(n)
n = 3
n **= 4; print(n)
s = "ab"
s += "cd"
s *= 2
print(s)
l = [1]
l += [2, 3]
l *= 2
print(l)
)py") << QString::fromUtf8(R"py(15
12
24
6.0
3
1
81
abcdabcd
[1, 2, 3, 1, 2, 3]
)py") << QString() << 0;
    QTest::newRow("augmented_on_subscripts") << QString::fromUtf8(R"py(d = {"a": 1}
d["a"] += 10
d.setdefault("b", 0)
d["b"] -= 1
print(d)
xs = [1, 2, 3]
xs[0] *= 5
xs[-1] **= 2
xs[1] //= 2
print(xs)
m = [[1, 2], [3, 4]]
m[1][0] += 100
print(m)
)py") << QString::fromUtf8(R"py({'a': 11, 'b': -1}
[5, 1, 9]
[[1, 2], [103, 4]]
)py") << QString() << 0;
    QTest::newRow("augmented_on_attributes") << QString::fromUtf8(R"py(import asyncio
async def main():
    e = asyncio.Event()
    ex = ValueError("a")
    ex.args = ex.args + ("b",)
    print(ex.args)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(('a', 'b')
)py") << QString() << 0;
    QTest::newRow("augmented_list_alias") << QString::fromUtf8(R"py(t = (1,)
u = t
t += (2,)
print(u, t)
)py") << QString::fromUtf8(R"py((1,) (1, 2)
)py") << QString() << 0;
    QTest::newRow("augmented_float_int") << QString::fromUtf8(R"py(x = 5
x /= 2
print(x, type(x).__name__)
y = 7
y //= 2.0
print(y)
z = -7
z %= 3
print(z)
)py") << QString::fromUtf8(R"py(2.5 float
3.0
2
)py") << QString() << 0;
    QTest::newRow("swap_list_elements") << QString::fromUtf8(R"py(xs = [1, 2, 3]
xs[0], xs[2] = xs[2], xs[0]
print(xs)
)py") << QString::fromUtf8(R"py([3, 2, 1]
)py") << QString() << 0;
    QTest::newRow("unpack_errors") << QString::fromUtf8(R"py(try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
)py") << QString::fromUtf8(R"py(too many values to unpack (expected 2)
not enough values to unpack (expected 3, got 2)
not enough values to unpack (expected at least 2, got 1)
)py") << QString() << 0;
    QTest::newRow("slice_assignment") << QString::fromUtf8(R"py(xs = [0, 1, 2, 3, 4, 5]
xs[1:3] = ["a", "b", "c"]
print(xs)
xs[:2] = []
print(xs)
xs[-1:] = [99]
print(xs)
del xs[::2]
print(xs)
)py") << QString::fromUtf8(R"py([0, 'a', 'b', 'c', 3, 4, 5]
['b', 'c', 3, 4, 5]
['b', 'c', 3, 4, 99]
['c', 4]
)py") << QString() << 0;
    QTest::newRow("multiple_targets_subscript") << QString::fromUtf8(R"py(d = {}
d["x"] = d["y"] = 0
print(d)
)py") << QString::fromUtf8(R"py({'x': 0, 'y': 0}
)py") << QString() << 0;
    QTest::newRow("annotated_assignment") << QString::fromUtf8(R"py(x: int = 5
y: list = []
print(x, y)
def f(a: int, b: str = "s") -> str:
    return b * a
print(f(2))
)py") << QString::fromUtf8(R"py(5 []
ss
)py") << QString() << 0;
}

void TestInterpreter::assignment()
{
    checkScript();
}

// Try/except/else/finally, except tuples, raise, bare raise, raise from, __context__/__cause__, str/repr of
// exceptions.
void TestInterpreter::exceptions_data()
{
    addScriptColumns();
    QTest::newRow("try_except_as") << QString::fromUtf8(R"py(try:
    int("x")
except ValueError as e:
    print("caught:", e)
    print(type(e).__name__, e.args)
)py") << QString::fromUtf8(R"py(caught: invalid literal for int() with base 10: 'x'
ValueError ("invalid literal for int() with base 10: 'x'",)
)py") << QString() << 0;
    QTest::newRow("try_else_finally") << QString::fromUtf8(R"py(def f(fail):
    try:
        print("body")
        if fail:
            raise KeyError("k")
    except KeyError as e:
        print("except", repr(e))
    else:
        print("else")
    finally:
        print("finally")
f(False)
f(True)
)py") << QString::fromUtf8(R"py(body
else
finally
body
except KeyError('k')
finally
)py") << QString() << 0;
    QTest::newRow("except_tuple") << QString::fromUtf8(R"py(for exc in (ValueError("v"), TypeError("t"), KeyError("k")):
    try:
        raise exc
    except (ValueError, TypeError) as e:
        print("first", type(e).__name__, e)
    except Exception as e:
        print("second", type(e).__name__, e)
)py") << QString::fromUtf8(R"py(first ValueError v
first TypeError t
second KeyError 'k'
)py") << QString() << 0;
    QTest::newRow("except_order_and_base") << QString::fromUtf8(R"py(try:
    [][1]
except LookupError as e:
    print("LookupError caught", type(e).__name__, e)
try:
    {}["missing"]
except LookupError as e:
    print("LookupError caught", type(e).__name__, e)
try:
    1 / 0
except ArithmeticError as e:
    print(type(e).__name__, e)
)py") << QString::fromUtf8(R"py(LookupError caught IndexError list index out of range
LookupError caught KeyError 'missing'
ZeroDivisionError division by zero
)py") << QString() << 0;
    QTest::newRow("bare_except") << QString::fromUtf8(R"py(try:
    undefined_name
except:
    print("bare except")
)py") << QString::fromUtf8(R"py(bare except
)py") << QString() << 0;
    QTest::newRow("finally_on_return") << QString::fromUtf8(R"py(def f():
    try:
        return "from try"
    finally:
        print("finally runs")
print(f())
)py") << QString::fromUtf8(R"py(finally runs
from try
)py") << QString() << 0;
    QTest::newRow("finally_on_break_continue") << QString::fromUtf8(R"py(for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)
print("after")
)py") << QString::fromUtf8(R"py(finally 0
body 1
finally 1
finally 2
after
)py") << QString() << 0;
    QTest::newRow("return_in_finally_overrides") << QString::fromUtf8(R"py(def f():
    try:
        return 1
    finally:
        return 2
print(f())
def g():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(g())
)py") << QString::fromUtf8(R"py(2
swallowed
)py") << QString() << 0;
    QTest::newRow("finally_return_value_evaluated_before") << QString::fromUtf8(R"py(def f():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("x now", x)
print(f())
)py") << QString::fromUtf8(R"py(x now 2
1
)py") << QString() << 0;
    QTest::newRow("raise_reraise_bare") << QString::fromUtf8(R"py(def f():
    try:
        raise ValueError("orig")
    except ValueError:
        print("handling")
        raise
try:
    f()
except ValueError as e:
    print("outer got", e)
)py") << QString::fromUtf8(R"py(handling
outer got orig
)py") << QString() << 0;
    QTest::newRow("raise_class_not_instance") << QString::fromUtf8(R"py(try:
    raise KeyError
except KeyError as e:
    print(repr(e), e.args, str(e) == "")
)py") << QString::fromUtf8(R"py(KeyError() () True
)py") << QString() << 0;
    QTest::newRow("raise_from") << QString::fromUtf8(R"py(try:
    try:
        {}["a"]
    except KeyError as e:
        raise ValueError("bad key") from e
except ValueError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)
    print(repr(e.__context__))
)py") << QString::fromUtf8(R"py(bad key KeyError('a') True
KeyError('a')
)py") << QString() << 0;
    QTest::newRow("raise_from_none") << QString::fromUtf8(R"py(try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("hidden") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))
)py") << QString::fromUtf8(R"py(None True ZeroDivisionError('division by zero')
)py") << QString() << 0;
    QTest::newRow("exception_context_implicit") << QString::fromUtf8(R"py(try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
)py") << QString::fromUtf8(R"py(TypeError('second') ValueError('first') None
)py") << QString() << 0;
    QTest::newRow("nested_try_rethrow_different") << QString::fromUtf8(R"py(def risky(n):
    if n == 1:
        raise ValueError("one")
    if n == 2:
        raise KeyError("two")
    return n
for n in range(4):
    try:
        try:
            print("ok", risky(n))
        except ValueError as e:
            print("inner", e)
    except KeyError as e:
        print("outer", e)
)py") << QString::fromUtf8(R"py(ok 0
inner one
outer 'two'
ok 3
)py") << QString() << 0;
    QTest::newRow("exception_args_and_str") << QString::fromUtf8(R"py(e1 = ValueError("x")
e2 = ValueError("x", 2)
e3 = ValueError()
e4 = KeyError("k")
e5 = KeyError("k", "j")
for e in (e1, e2, e3, e4, e5):
    print(str(e), "|", repr(e), "|", e.args)
)py") << QString::fromUtf8(R"py(x | ValueError('x') | ('x',)
('x', 2) | ValueError('x', 2) | ('x', 2)
 | ValueError() | ()
'k' | KeyError('k') | ('k',)
('k', 'j') | KeyError('k', 'j') | ('k', 'j')
)py") << QString() << 0;
    QTest::newRow("exception_str_of_nonstring") << QString::fromUtf8(
        R"py(print(str(ValueError(42)), repr(ValueError(42)))
print(str(KeyError(1)), str(KeyError(None)))
print(repr(RuntimeError("it's")), repr(Exception('say "hi"')))
)py") << QString::fromUtf8(R"py(42 ValueError(42)
1 None
RuntimeError("it's") Exception('say "hi"')
)py") << QString() << 0;
    QTest::newRow("exception_isinstance") << QString::fromUtf8(R"py(e = ZeroDivisionError("z")
print(isinstance(e, ArithmeticError), isinstance(e, Exception), isinstance(e, BaseException), isinstance(e, ValueError))
print(isinstance(KeyError(), LookupError), isinstance(UnboundLocalError(), NameError))
print(isinstance(TimeoutError(), OSError), isinstance(NotImplementedError(), RuntimeError))
)py") << QString::fromUtf8(R"py(True True True False
True True
True True
)py") << QString() << 0;
    QTest::newRow("exception_in_except_handler_traceback_value") << QString::fromUtf8(R"py(try:
    try:
        raise ValueError(1)
    finally:
        print("cleanup")
except ValueError as e:
    print("got", e)
)py") << QString::fromUtf8(R"py(cleanup
got 1
)py") << QString() << 0;
    QTest::newRow("try_in_loop_with_continue") << QString::fromUtf8(R"py(total = 0
for s in ["1", "x", "3", "", "5"]:
    try:
        total += int(s)
    except ValueError:
        continue
print(total)
)py") << QString::fromUtf8(R"py(9
)py") << QString() << 0;
    QTest::newRow("catch_and_return_value") << QString::fromUtf8(R"py(def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf")
print(safe_div(1, 2), safe_div(1, 0))
)py") << QString::fromUtf8(R"py(0.5 inf
)py") << QString() << 0;
    QTest::newRow("exception_type_name") << QString::fromUtf8(
        R"py(for f in (lambda: 1 / 0, lambda: [][0], lambda: {}["k"], lambda: int("q"), lambda: None + 1, lambda: undefined):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
)py") << QString::fromUtf8(R"py(ZeroDivisionError: division by zero
IndexError: list index out of range
KeyError: 'k'
ValueError: invalid literal for int() with base 10: 'q'
TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'
NameError: name 'undefined' is not defined
)py") << QString() << 0;
    QTest::newRow("except_then_finally_order") << QString::fromUtf8(R"py(def f():
    try:
        try:
            raise ValueError("v")
        finally:
            print("inner finally")
    except ValueError:
        print("handler")
        return "ret"
    finally:
        print("outer finally")
print(f())
)py") << QString::fromUtf8(R"py(inner finally
handler
outer finally
ret
)py") << QString() << 0;
    QTest::newRow("sys_exit_like_base_exception") << QString::fromUtf8(R"py(try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("base", type(e).__name__)
)py") << QString::fromUtf8(R"py(base KeyboardInterrupt
)py") << QString() << 0;
    QTest::newRow("oserror_str") << QString::fromUtf8(R"py(print(str(OSError("plain")), repr(OSError("plain")))
print(str(TimeoutError()), repr(TimeoutError("t")), str(ConnectionError("c")))
)py") << QString::fromUtf8(R"py(plain OSError('plain')
 TimeoutError('t') c
)py") << QString() << 0;
    QTest::newRow("exception_equality_identity") << QString::fromUtf8(R"py(a = ValueError("x")
b = ValueError("x")
print(a == b, a == a, a is a)
)py") << QString::fromUtf8(R"py(False True True
)py") << QString() << 0;
    QTest::newRow("raise_same_instance_twice") << QString::fromUtf8(R"py(err = ValueError("again")
for i in range(2):
    try:
        raise err
    except ValueError as e:
        print(i, e is err)
)py") << QString::fromUtf8(R"py(0 True
1 True
)py") << QString() << 0;
    QTest::newRow("exception_args_mutation") << QString::fromUtf8(R"py(e = ValueError("a", "b")
print(e.args[1], len(e.args))
)py") << QString::fromUtf8(R"py(b 2
)py") << QString() << 0;
    QTest::newRow("stopiteration_from_next") << QString::fromUtf8(R"py(it = iter([1])
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e))
)py") << QString::fromUtf8(R"py(1
StopIteration StopIteration()
)py") << QString() << 0;
    QTest::newRow("except_star_like_manual") << QString::fromUtf8(R"py(errors = []
for f in (lambda: 1 / 0, lambda: int("x"), lambda: [][1]):
    try:
        f()
    except (ZeroDivisionError, ValueError, IndexError) as e:
        errors.append(type(e).__name__)
print(errors)
)py") << QString::fromUtf8(R"py(['ZeroDivisionError', 'ValueError', 'IndexError']
)py") << QString() << 0;
    QTest::newRow("else_raises_not_caught_by_same_try") << QString::fromUtf8(R"py(try:
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise ValueError("from else")
except ValueError as e:
    print("outer caught", e)
)py") << QString::fromUtf8(R"py(outer caught from else
)py") << QString() << 0;
    QTest::newRow("finally_with_continue_in_while") << QString::fromUtf8(R"py(i = 0
while i < 3:
    i += 1
    try:
        if i == 2:
            continue
        print("body", i)
    finally:
        print("finally", i)
)py") << QString::fromUtf8(R"py(body 1
finally 1
finally 2
body 3
finally 3
)py") << QString() << 0;
    QTest::newRow("exception_in_finally_replaces") << QString::fromUtf8(R"py(def f():
    try:
        raise ValueError("first")
    finally:
        try:
            raise TypeError("second")
        except TypeError as e:
            print("inner handled", e)
try:
    f()
except ValueError as e:
    print("outer got", e)
)py") << QString::fromUtf8(R"py(inner handled second
outer got first
)py") << QString() << 0;
    QTest::newRow("handler_variable_shadowing") << QString::fromUtf8(R"py(e = "before"
try:
    raise ValueError("x")
except ValueError as e:
    pass
print("e" in dir() if False else "skip")
)py") << QString::fromUtf8(R"py(skip
)py") << QString() << 0;
    QTest::newRow("raise_in_nested_function_caught_outer") << QString::fromUtf8(R"py(def a():
    def b():
        raise LookupError("from b")
    return b()
try:
    a()
except LookupError as err:
    print(type(err).__name__, err)
)py") << QString::fromUtf8(R"py(LookupError from b
)py") << QString() << 0;
    QTest::newRow("context_is_set_on_raise_in_handler") << QString::fromUtf8(R"py(try:
    try:
        [][0]
    except IndexError as first:
        raise KeyError("k")
except KeyError as second:
    print(type(second.__context__).__name__, second.__context__ is not None, second.__cause__)
)py") << QString::fromUtf8(R"py(IndexError True None
)py") << QString() << 0;
    QTest::newRow("bare_raise_inside_nested_handler") << QString::fromUtf8(R"py(try:
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise TypeError("inner")
        except TypeError:
            pass
        raise
except ValueError as e:
    print("reraised", e)
)py") << QString::fromUtf8(R"py(reraised outer
)py") << QString() << 0;
    QTest::newRow("cancellederror_is_baseexception") << QString::fromUtf8(R"py(import asyncio
try:
    raise asyncio.CancelledError("c")
except Exception:
    print("caught as Exception")
except BaseException as e:
    print("caught as BaseException", repr(e))
)py") << QString::fromUtf8(R"py(caught as BaseException CancelledError('c')
)py") << QString() << 0;
    QTest::newRow("keyboard_interrupt_not_exception") << QString::fromUtf8(
        R"py(print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException), issubclass(GeneratorExit, Exception))
)py") << QString::fromUtf8(R"py(False True False
)py") << QString() << 0;
    QTest::newRow("exception_class_repr_and_name") << QString::fromUtf8(
        R"py(print(ValueError, ValueError.__name__, type(ValueError("x")), KeyError.__mro__ if False else "skip")
)py") << QString::fromUtf8(R"py(<class 'ValueError'> ValueError <class 'ValueError'> skip
)py") << QString() << 0;
    QTest::newRow("engine_raised_exception_args") << QString::fromUtf8(
        R"py(for f in (lambda: 1 / 0, lambda: {}["k"], lambda: [][0], lambda: int("x"), lambda: None.x, lambda: undefined_q, lambda: 1 + "a"):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e.args, repr(e))
)py") << QString::fromUtf8(R"py(ZeroDivisionError ('division by zero',) ZeroDivisionError('division by zero')
KeyError ('k',) KeyError('k')
IndexError ('list index out of range',) IndexError('list index out of range')
ValueError ("invalid literal for int() with base 10: 'x'",) ValueError("invalid literal for int() with base 10: 'x'")
AttributeError ("'NoneType' object has no attribute 'x'",) AttributeError("'NoneType' object has no attribute 'x'")
NameError ("name 'undefined_q' is not defined",) NameError("name 'undefined_q' is not defined")
TypeError ("unsupported operand type(s) for +: 'int' and 'str'",) TypeError("unsupported operand type(s) for +: 'int' and 'str'")
)py") << QString() << 0;
    QTest::newRow("unbound_local_message_and_type")
        << QString::fromUtf8(R"py(def f():
    print(v)
    v = 1
try:
    f()
except NameError as e:
    print(type(e).__name__, isinstance(e, UnboundLocalError), e)
)py")
        << QString::fromUtf8(
               R"py(UnboundLocalError True cannot access local variable 'v' where it is not associated with a value
)py") << QString()
        << 0;
    QTest::newRow("keyerror_of_tuple_and_int") << QString::fromUtf8(R"py(for k in [(1, 2), 0, "", None]:
    try:
        {}[k]
    except KeyError as e:
        print(repr(e), "|", str(e), "|", e.args)
)py") << QString::fromUtf8(R"py(KeyError((1, 2)) | (1, 2) | ((1, 2),)
KeyError(0) | 0 | (0,)
KeyError('') | '' | ('',)
KeyError(None) | None | (None,)
)py") << QString() << 0;
    QTest::newRow("attribute_error_args") << QString::fromUtf8(R"py(try:
    [].nope
except AttributeError as e:
    print(e.args)
)py") << QString::fromUtf8(R"py(("'list' object has no attribute 'nope'",)
)py") << QString() << 0;
}

void TestInterpreter::exceptions()
{
    checkScript();
}

// Lists, tuples and dicts and their methods, slicing, comprehensions, min/max/sum/sorted/any/all.
void TestInterpreter::containers_data()
{
    addScriptColumns();
    QTest::newRow("list_methods") << QString::fromUtf8(R"py(xs = [3, 1, 2]
xs.append(4)
xs.extend([5, 6])
xs.extend((7,))
xs.insert(0, 0)
xs.insert(-1, "x")
xs.insert(100, "end")
print(xs)
print(xs.pop(), xs.pop(0), xs.pop(-2))
xs.remove("x")
print(xs, xs.index(2), xs.count(1))
xs.reverse()
print(xs)
ys = xs.copy()
ys.clear()
print(xs, ys)
)py") << QString::fromUtf8(R"py([0, 3, 1, 2, 4, 5, 6, 'x', 7, 'end']
end 0 x
)py") << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 10, in <module>
    xs.remove("x")
ValueError: list.remove(x): x not in list
)py") << 1;
    QTest::newRow("list_sort") << QString::fromUtf8(R"py(xs = [5, 2, 8, 1]
xs.sort()
print(xs)
xs.sort(reverse=True)
print(xs)
words = ["banana", "Apple", "cherry", "date"]
words.sort(key=len)
print(words)
words.sort(key=lambda w: w.lower())
print(words)
words.sort(key=lambda w: w[-1], reverse=True)
print(words)
print(sorted("hello"), sorted([3, 1, 2], reverse=True))
)py") << QString::fromUtf8(R"py([1, 2, 5, 8]
[8, 5, 2, 1]
['date', 'Apple', 'banana', 'cherry']
['Apple', 'banana', 'cherry', 'date']
['cherry', 'Apple', 'date', 'banana']
['e', 'h', 'l', 'l', 'o'] [3, 2, 1]
)py") << QString() << 0;
    QTest::newRow("sort_stable") << QString::fromUtf8(R"py(recs = [("a", 2), ("b", 1), ("c", 2), ("d", 1)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
)py") << QString::fromUtf8(R"py([('b', 1), ('d', 1), ('a', 2), ('c', 2)]
[('a', 2), ('c', 2), ('b', 1), ('d', 1)]
)py") << QString() << 0;
    QTest::newRow("list_index_slicing") << QString::fromUtf8(R"py(xs = list(range(10))
print(xs[-1], xs[-3], xs[2:5], xs[:3], xs[7:])
print(xs[::2], xs[1::3], xs[::-1], xs[-2::-2], xs[8:2:-2])
print(xs[-3:-1], xs[5:2], xs[100:], xs[-100:2])
s = "abcdef"
print(s[::-1], s[-2:], s[1:-1], s[::3])
t = (1, 2, 3, 4)
print(t[1:3], t[::-1])
)py") << QString::fromUtf8(R"py(9 7 [2, 3, 4] [0, 1, 2] [7, 8, 9]
[0, 2, 4, 6, 8] [1, 4, 7] [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] [8, 6, 4, 2, 0] [8, 6, 4]
[7, 8] [] [] [0, 1]
fedcba ef bcde ad
(2, 3) (4, 3, 2, 1)
)py") << QString() << 0;
    QTest::newRow("list_ops") << QString::fromUtf8(R"py(a = [1, 2]
b = [3]
print(a + b, a * 3, 3 * b, [0] * 0)
print(a == [1, 2], a != b, a < [1, 3], [1, 2, 3] > [1, 2], [] < [0])
print(len(a), min(a + b), max(a + b), sum(a + b))
)py") << QString::fromUtf8(R"py([1, 2, 3] [1, 2, 1, 2, 1, 2] [3, 3, 3] []
True True True True True
2 1 3 6
)py") << QString() << 0;
    QTest::newRow("list_nested_repr") << QString::fromUtf8(R"py(print([1, [2, [3, []]], (4,), {"k": [5]}])
print([None, True, 1.0, "s", 'q"uote'])
)py") << QString::fromUtf8(R"py([1, [2, [3, []]], (4,), {'k': [5]}]
[None, True, 1.0, 's', 'q"uote']
)py") << QString() << 0;
    QTest::newRow("list_errors") << QString::fromUtf8(R"py(xs = [1, 2]
for op in (lambda: xs.pop(5), lambda: xs.remove(9), lambda: xs.index(9), lambda: [].pop(), lambda: xs[2]):
    try:
        op()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
)py") << QString::fromUtf8(R"py(IndexError pop index out of range
ValueError list.remove(x): x not in list
ValueError 9 is not in list
IndexError pop from empty list
IndexError list index out of range
)py") << QString() << 0;
    QTest::newRow("tuple_basics") << QString::fromUtf8(R"py(t = (1, "a", None)
print(t, len(t), t[0], t[-1], t.index("a"), t.count(1))
print((), (1,), tuple([1, 2]), tuple("ab"))
print((1, 2) + (3,), (1,) * 3)
print((1, 2) < (1, 3), (2,) > (1, 9))
a, b, c = t
print(a, b, c)
)py") << QString::fromUtf8(R"py((1, 'a', None) 3 1 None 1 1
() (1,) (1, 2) ('a', 'b')
(1, 2, 3) (1, 1, 1)
True True
1 a None
)py") << QString() << 0;
    QTest::newRow("dict_basics") << QString::fromUtf8(R"py(d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"])
print(d.get("four"), d.get("four", 4), d.get("one", 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print("one" in d, "1" in d)
print(type(d.keys()).__name__ if False else 'x')
)py") << QString::fromUtf8(R"py({'one': 1, 'two': 2, 'three': 3} 3 2
None 4 1
['one', 'two', 'three'] [1, 2, 3] [('one', 1), ('two', 2), ('three', 3)]
True False
x
)py") << QString() << 0;
    QTest::newRow("dict_methods") << QString::fromUtf8(R"py(d = {"a": 1}
print(d.setdefault("a", 9), d.setdefault("b", 2), d)
d.update({"c": 3, "a": 10})
d.update(d2=4)
print(d)
print(d.pop("a"), d.pop("zz", "default"), d)
e = d.copy()
e.clear()
print(d, e)
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}))
)py") << QString::fromUtf8(R"py(1 2 {'a': 1, 'b': 2}
{'a': 10, 'b': 2, 'c': 3, 'd2': 4}
10 default {'b': 2, 'c': 3, 'd2': 4}
{'b': 2, 'c': 3, 'd2': 4} {}
{'a': 1, 'b': 2} {'x': 1, 'y': 2} {'k': 'v'}
)py") << QString() << 0;
    QTest::newRow("dict_insertion_order") << QString::fromUtf8(R"py(d = {}
for k in ["z", "a", "m"]:
    d[k] = len(d)
d["a"] = 99
print(d)
del d["z"]
d["z"] = 0
print(d)
)py") << QString::fromUtf8(R"py({'z': 0, 'a': 99, 'm': 2}
{'a': 99, 'm': 2, 'z': 0}
)py") << QString() << 0;
    QTest::newRow("dict_nonstring_keys") << QString::fromUtf8(
        R"py(d = {1: "int", 1.5: "float", (1, 2): "tuple", None: "none", True: "bool?"}
print(d)
print(d[1], d[(1, 2)], d[None])
)py") << QString::fromUtf8(R"py({1: 'bool?', 1.5: 'float', (1, 2): 'tuple', None: 'none'}
bool? tuple none
)py") << QString() << 0;
    QTest::newRow("dict_key_error") << QString::fromUtf8(R"py(d = {"a": 1}
try:
    d["b"]
except KeyError as e:
    print("KeyError", e, repr(e))
try:
    d.pop("b")
except KeyError as e:
    print("KeyError", e)
try:
    d[[1]] = 2
except TypeError as e:
    print(e)
)py") << QString::fromUtf8(R"py(KeyError 'b' KeyError('b')
KeyError 'b'
unhashable type: 'list'
)py") << QString() << 0;
    QTest::newRow("dict_iteration_mutation_safe") << QString::fromUtf8(R"py(d = {"a": 1, "b": 2, "c": 3}
for k in list(d):
    if d[k] % 2:
        del d[k]
print(d)
)py") << QString::fromUtf8(R"py({'b': 2}
)py") << QString() << 0;
    QTest::newRow("dict_equality") << QString::fromUtf8(
        R"py(print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2}, {} == {})
)py") << QString::fromUtf8(R"py(True True True
)py") << QString() << 0;
    QTest::newRow("list_comprehension") << QString::fromUtf8(R"py(print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in "ab"])
print([[j for j in range(i)] for i in range(4)])
print([c.upper() for c in "hey"])
)py") << QString::fromUtf8(R"py([0, 1, 4, 9, 16, 25]
[0, 6, 12, 18]
[(0, 'a'), (0, 'b'), (1, 'a'), (1, 'b'), (2, 'a'), (2, 'b')]
[[], [0], [0, 1], [0, 1, 2]]
['H', 'E', 'Y']
)py") << QString() << 0;
    QTest::newRow("dict_comprehension") << QString::fromUtf8(R"py(print({k: v for k, v in [("a", 1), ("b", 2)]})
print({x: x ** 2 for x in range(5) if x != 2})
d = {"x": 1, "y": 2}
print({v: k for k, v in d.items()})
)py") << QString::fromUtf8(R"py({'a': 1, 'b': 2}
{0: 0, 1: 1, 3: 9, 4: 16}
{1: 'x', 2: 'y'}
)py") << QString() << 0;
    QTest::newRow("comprehension_scope") << QString::fromUtf8(R"py(x = "outer"
ys = [x for x in range(3)]
print(x, ys)
def f():
    n = 10
    return [n + i for i in range(3)]
print(f())
)py") << QString::fromUtf8(R"py(outer [0, 1, 2]
[10, 11, 12]
)py") << QString() << 0;
    QTest::newRow("nested_data_structures") << QString::fromUtf8(R"py(inventory = {"apples": [3, 4], "pears": []}
inventory["pears"].append(7)
inventory.setdefault("plums", []).append(1)
for fruit, counts in sorted(inventory.items()):
    print(f"{fruit:<8}{sum(counts):>4}")
)py") << QString::fromUtf8(R"py(apples     7
pears      7
plums      1
)py") << QString() << 0;
    QTest::newRow("len_builtins") << QString::fromUtf8(
        R"py(print(len("héllo"), len([1, 2]), len(()), len({"a": 1}), len(range(0, 10, 3)))
)py") << QString::fromUtf8(R"py(5 2 0 1 4
)py") << QString() << 0;
    QTest::newRow("min_max_sum_sorted") << QString::fromUtf8(R"py(xs = [4, -2, 9, 0]
print(min(xs), max(xs), min(3, 1, 2), max("abc", "b"), sum(xs), sum(xs, 100), sum([0.1] * 3))
print(min(["bb", "a", "ccc"], key=len), max(["bb", "a", "ccc"], key=len))
print(min([], default="none"), sorted(xs, key=abs))
)py") << QString::fromUtf8(R"py(-2 9 1 b 11 111 0.30000000000000004
a ccc
none [0, -2, 4, 9]
)py") << QString() << 0;
    QTest::newRow("any_all") << QString::fromUtf8(
        R"py(print(any([]), all([]), any([0, "", 1]), all([1, "a", 0]), any(x > 3 for x in range(5)), all(x < 5 for x in range(5)))
)py") << QString::fromUtf8(R"py(False True True False True True
)py") << QString() << 0;
    QTest::newRow("list_constructor") << QString::fromUtf8(
        R"py(print(list(), list("abc"), list((1, 2)), list({"a": 1, "b": 2}), list(range(3)))
print(list(reversed([1, 2, 3])), list(reversed("ab")))
)py") << QString::fromUtf8(R"py([] ['a', 'b', 'c'] [1, 2] ['a', 'b'] [0, 1, 2]
[3, 2, 1] ['b', 'a']
)py") << QString() << 0;
    QTest::newRow("identity_and_copy") << QString::fromUtf8(R"py(a = [1, [2]]
b = a.copy()
b[1].append(3)
b[0] = 9
print(a, b)
c = list(a)
print(c == a, c is a)
)py") << QString::fromUtf8(R"py([1, [2, 3]] [9, [2, 3]]
True False
)py") << QString() << 0;
    QTest::newRow("generator_expression_in_calls") << QString::fromUtf8(R"py(print(sum(x * x for x in range(4)))
print(list(x for x in "ab"))
print(", ".join(str(n) for n in [1, 2, 3]))
print(max((len(w), w) for w in ["aa", "b", "cc"]))
)py") << QString::fromUtf8(R"py(14
['a', 'b']
1, 2, 3
(2, 'cc')
)py") << QString() << 0;
}

void TestInterpreter::containers()
{
    checkScript();
}

// Str methods, escapes, unicode, conversions.
void TestInterpreter::strings_data()
{
    addScriptColumns();
    QTest::newRow("str_join_split") << QString::fromUtf8(
        R"py(print(", ".join(["a", "b", "c"]), "".join("xyz"), "-".join([]))
print("a b  c".split(), "a,b,,c".split(","), "a b c".split(" ", 1), "  x  ".split())
print("a-b-c".rsplit("-", 1), "line1\nline2\n".splitlines(), "k=v".partition("="))
)py") << QString::fromUtf8(R"py(a, b, c xyz 
['a', 'b', 'c'] ['a', 'b', '', 'c'] ['a', 'b c'] ['x']
['a-b', 'c'] ['line1', 'line2'] ('k', '=', 'v')
)py") << QString() << 0;
    QTest::newRow("str_strip") << QString::fromUtf8(R"py(s = "  hi there \n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "..a..".lstrip("."), "abcba".rstrip("ab"))
)py") << QString::fromUtf8(R"py('hi there' 'hi there \n' '  hi there'
hi a.. abc
)py") << QString() << 0;
    QTest::newRow("str_case") << QString::fromUtf8(
        R"py(print("Hello World".upper(), "Hello World".lower(), "hello world".title(), "hello".capitalize(), "HeLLo".swapcase())
print("ß".upper(), "İ".lower() == "i̇", "ÉCOLE".lower())
)py") << QString::fromUtf8(R"py(HELLO WORLD hello world Hello World Hello hEllO
SS True école
)py") << QString() << 0;
    QTest::newRow("str_startswith_endswith") << QString::fromUtf8(R"py(s = "filename.py"
print(s.startswith("file"), s.endswith(".py"), s.endswith((".txt", ".py")), s.startswith("name", 4), s.startswith("x"))
)py") << QString::fromUtf8(R"py(True True True True False
)py") << QString() << 0;
    QTest::newRow("str_replace_find_count") << QString::fromUtf8(R"py(s = "the cat sat on the mat"
print(s.replace("at", "og"), s.replace("the", "a", 1))
print(s.find("at"), s.find("at", 6), s.find("dog"), s.rfind("at"), s.index("sat"))
print(s.count("at"), s.count("the"), "aaaa".count("aa"), s.count(""))
try:
    s.index("dog")
except ValueError as e:
    print(e)
)py") << QString::fromUtf8(R"py(the cog sog on the mog a cat sat on the mat
5 9 -1 20 8
3 2 2 23
substring not found
)py") << QString() << 0;
    QTest::newRow("str_format_method") << QString::fromUtf8(R"py(print("{} and {}".format("a", "b"))
print("{1} {0} {1}".format("x", "y"))
print("{name} is {age}".format(name="Ann", age=30))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:.3f} {:05d} {:,} {:x}".format(3.14159, 42, 1234567, 255))
print("{{literal}} {}".format(1))
print("{0[1]} {1[k]}".format([1, 2], {"k": "v"}))
)py") << QString::fromUtf8(R"py(a and b
y x y
Ann is 30
     r|l     |  c   |
3.142 00042 1,234,567 ff
{literal} 1
2 v
)py") << QString() << 0;
    QTest::newRow("str_predicates") << QString::fromUtf8(R"py(for s in ["abc", "ABC", "123", "a1", "", " ", "Abc Def"]:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isupper(), s.islower(), s.isspace(), s.istitle())
)py") << QString::fromUtf8(R"py('abc' True False True False True False False
'ABC' True False True True False False False
'123' False True True False False False False
'a1' False False True False True False False
'' False False False False False False False
' ' False False False False False True False
'Abc Def' False False False False False False True
)py") << QString() << 0;
    QTest::newRow("str_ops") << QString::fromUtf8(R"py(s = "abc"
print(s + "def", s * 2, 2 * s, "b" in s, s < "abd", s == "abc", len(s), s[1], s[-1])
print(ord("a"), chr(97), ord("é"), chr(0x263A))
print("a" < "B", "Z" < "a", "10" < "9")
)py") << QString::fromUtf8(R"py(abcdef abcabc abcabc True True True 3 b c
97 a 233 ☺
False True True
)py") << QString() << 0;
    QTest::newRow("str_center_ljust_zfill") << QString::fromUtf8(
        R"py(print("[" + "ab".center(6) + "]", "[" + "ab".center(7, "*") + "]", "[" + "ab".ljust(5, ".") + "]", "[" + "ab".rjust(5) + "]")
print("42".zfill(5), "-42".zfill(5), "abc".zfill(2))
)py") << QString::fromUtf8(R"py([  ab  ] [***ab**] [ab...] [   ab]
00042 -0042 abc
)py") << QString() << 0;
    QTest::newRow("str_escapes") << QString::fromUtf8(R"py(s = "tab\there\nnewline \\ backslash \"quote\" 'single'"
print(s)
print(repr(s))
print(len("\x41\u00e9\U0001F600"), "\x41\u00e9\U0001F600")
print(r"raw\n", len(r"\n"))
)py") << QString::fromUtf8(R"py(tab	here
newline \ backslash "quote" 'single'
'tab\there\nnewline \\ backslash "quote" \'single\''
3 Aé😀
raw\n 2
)py") << QString() << 0;
    QTest::newRow("str_multiline") << QString::fromUtf8(R"py(s = """line one
  line two
line three"""
print(s)
print(len(s.splitlines()))
print('''single 'quoted' "mixed"''')
)py") << QString::fromUtf8(R"py(line one
  line two
line three
3
single 'quoted' "mixed"
)py") << QString() << 0;
    QTest::newRow("str_implicit_concat") << QString::fromUtf8(R"py(s = ("abc"
     "def"
     'ghi')
print(s)
)py") << QString::fromUtf8(R"py(abcdefghi
)py") << QString() << 0;
    QTest::newRow("str_immutability_error") << QString::fromUtf8(R"py(s = "abc"
try:
    s[0] = "x"
except TypeError as e:
    print(e)
)py") << QString::fromUtf8(R"py('str' object does not support item assignment
)py") << QString() << 0;
    QTest::newRow("str_iteration_unicode") << QString::fromUtf8(R"py(for ch in "añ😀":
    print(ch, ord(ch), len(ch))
print("añ😀"[::-1], "añ😀"[1])
)py") << QString::fromUtf8(R"py(a 97 1
ñ 241 1
😀 128512 1
😀ña ñ
)py") << QString() << 0;
    QTest::newRow("str_conversions") << QString::fromUtf8(
        R"py(print(str(12), str(-1.5), str(True), str(None), str([1, "a"]), str((1,)), str({"a": "b"}))
print(int("42"), int("  -7 "), int("0x1f", 16), int("ff", 16), int("101", 2), int(3.99), int(-3.99), int(True))
print(float("1.5"), float("  -2 "), float("inf"), float("-inf"), float("1e3"), float(7))
print(bool(""), bool("0"), bool(0), bool([]), bool(None), bool(0.0), bool("False"))
)py") << QString::fromUtf8(R"py(12 -1.5 True None [1, 'a'] (1,) {'a': 'b'}
42 -7 31 255 5 3 -3 1
1.5 -2.0 inf -inf 1000.0 7.0
False True False False False False True
)py") << QString() << 0;
    QTest::newRow("str_multiply_edge") << QString::fromUtf8(R"py(print("ab" * 0, "ab" * -1, repr("" * 5))
)py") << QString::fromUtf8(R"py(  ''
)py") << QString() << 0;
    QTest::newRow("str_comparisons_sorting") << QString::fromUtf8(R"py(print(sorted(["b", "A", "a", "B", "10", "9"]))
print(max("apple", "Apple"), min("x", "xy"))
)py") << QString::fromUtf8(R"py(['10', '9', 'A', 'B', 'a', 'b']
apple x
)py") << QString() << 0;
    QTest::newRow("str_in_conditions") << QString::fromUtf8(R"py(name = ""
print(name or "anonymous")
s = "hello"
print("yes" if "ell" in s else "no", s.find("l") != -1)
)py") << QString::fromUtf8(R"py(anonymous
yes True
)py") << QString() << 0;
}

void TestInterpreter::strings()
{
    checkScript();
}

// F-strings with format specs, conversions, = and nested specs; str.format; %-formatting; print(sep=, end=).
void TestInterpreter::formatting_data()
{
    addScriptColumns();
    QTest::newRow("fstring_basic_specs") << QString::fromUtf8(R"py(x = 3.14159
n = 42
s = "ab"
print(f"{x:.2f}|{n:>8}|{s:<6}|{x:08.3f}|{1234567:,}|{255:x}|{0.256:%}|{s!r}")
)py") << QString::fromUtf8(R"py(3.14|      42|ab    |0003.142|1,234,567|ff|25.600000%|'ab'
)py") << QString() << 0;
    QTest::newRow("fstring_more_specs") << QString::fromUtf8(
        R"py(print(f"{255:X} {255:o} {255:b} {255:#x} {255:#b} {255:08b}")
print(f"{-5:+d} {5:+d} {5: d} {-5: d}")
print(f"{1234567.891:,.2f} {1234567:_} {0.5:.0%} {0.12345:.1%}")
print(f"{12345.678:e} {12345.678:.2e} {0.000123:g} {123456789.0:g} {1e20:g}")
print(f"{'c':^7}|{'c':*^7}|{'c':-<5}|{'c':>3}")
print(f"{42:^9}|{-42:=8}|{42:<5}|")
print(f"{3.0:g} {3.5:.0f} {2.5:.0f} {0.125:.2f} {0.375:.2f}")
)py") << QString::fromUtf8(R"py(FF 377 11111111 0xff 0b11111111 11111111
-5 +5  5 -5
1,234,567.89 1_234_567 50% 12.3%
1.234568e+04 1.23e+04 0.000123 1.23457e+08 1e+20
   c   |***c***|c----|  c
   42    |-     42|42   |
3 4 2 0.12 0.38
)py") << QString() << 0;
    QTest::newRow("fstring_conversions") << QString::fromUtf8(R"py(s = "it's"
print(f"{s!r} {s!s} {s!a}")
print(f"{'e'!a} {[1, 'x']!r}")
)py") << QString::fromUtf8(R"py("it's" it's "it's"
'e' [1, 'x']
)py") << QString() << 0;
    QTest::newRow("fstring_debug_equals") << QString::fromUtf8(R"py(x = 10
name = "Bo"
print(f"{x=}")
print(f"{x*2=}")
print(f"{name=!s} {name=}")
print(f"{x=:>5}")
print(f"{3.14159=:.2f}")
)py") << QString::fromUtf8(R"py(x=10
x*2=20
name=Bo name='Bo'
x=   10
3.14159=3.14
)py") << QString() << 0;
    QTest::newRow("fstring_nested_spec") << QString::fromUtf8(R"py(w = 8
p = 3
x = 2.718281828
print(f"[{x:{w}}]")
print(f"[{x:{w}.{p}f}]")
print(f"[{'hi':>{w}}]")
print(f"[{'hi':{'^'}{w}}]")
)py") << QString::fromUtf8(R"py([2.718281828]
[   2.718]
[      hi]
[   hi   ]
)py") << QString() << 0;
    QTest::newRow("fstring_expressions") << QString::fromUtf8(R"py(d = {"k": [1, 2]}
xs = [1, 2, 3]
print(f"{d['k'][1]} {len(xs)} {xs[-1] * 2} {'yes' if xs else 'no'} {sum(xs) / len(xs):.1f}")
print(f"{{braces}} {{{xs[0]}}}")
print(f"{'nested ' + f'{xs[0]}'}")
)py") << QString::fromUtf8(R"py(2 3 6 yes 2.0
{braces} {1}
nested 1
)py") << QString() << 0;
    QTest::newRow("fstring_multiline_and_quotes") << QString::fromUtf8(R"py(a = 1
print(f'''multi
{a} line''')
print(f"{'single' + 'double'}")
)py") << QString::fromUtf8(R"py(multi
1 line
singledouble
)py") << QString() << 0;
    QTest::newRow("fstring_none_bool_list") << QString::fromUtf8(
        R"py(print(f"{None} {True} {False} {[1, 'a']} {(1,)} {{}}")
print(f"{None!r:>6}|{True:>6}|{1.5!s:>6}")
)py") << QString::fromUtf8(R"py(None True False [1, 'a'] (1,) {}
  None|     1|   1.5
)py") << QString() << 0;
    QTest::newRow("fstring_int_float_formats") << QString::fromUtf8(R"py(for v in [0, 7, -7, 1000000, 2 ** 40]:
    print(f"{v:d}|{v:,}|{v:>12,}|{v:e}")
for v in [0.0, -0.0, 1.5, -2.25, 1e-7, 123456789.125, float("inf"), float("nan")]:
    print(f"{v}|{v:.3f}|{v:10.2e}|{v:g}|{v:%}")
)py") << QString::fromUtf8(R"py(0|0|           0|0.000000e+00
7|7|           7|7.000000e+00
-7|-7|          -7|-7.000000e+00
1000000|1,000,000|   1,000,000|1.000000e+06
1099511627776|1,099,511,627,776|1,099,511,627,776|1.099512e+12
0.0|0.000|  0.00e+00|0|0.000000%
-0.0|-0.000| -0.00e+00|-0|-0.000000%
1.5|1.500|  1.50e+00|1.5|150.000000%
-2.25|-2.250| -2.25e+00|-2.25|-225.000000%
1e-07|0.000|  1.00e-07|1e-07|0.000010%
123456789.125|123456789.125|  1.23e+08|1.23457e+08|12345678912.500000%
inf|inf|       inf|inf|inf%
nan|nan|       nan|nan|nan%
)py") << QString() << 0;
    QTest::newRow("format_builtin") << QString::fromUtf8(
        R"py(print(format(3.14159, ".3f"), format(42, "05d"), format("x", "^5"), format(1234, ","), format(0.5), format(7))
)py") << QString::fromUtf8(R"py(3.142 00042   x   1,234 0.5 7
)py") << QString() << 0;
    QTest::newRow("percent_format") << QString::fromUtf8(R"py(name = "Ann"
print("Hello %s!" % name)
print("%d items, %.2f each, %5.1f%%" % (3, 1.5, 99.5))
print("%s %r %s" % ("s", "s", [1, "a"]))
print("%05d|%-5d|%+d|%x|%X|%o|%e|%g" % (42, 42, 42, 255, 255, 8, 12345.678, 0.0001))
print("%(a)s and %(b)d" % {"a": "x", "b": 2})
print("%c" % 105)
print("%10s|%-10s|" % ("right", "left"))
print("%.3s" % "abcdef")
print("%s" % (1,), "%s" % [1, 2])
)py") << QString::fromUtf8(R"py(Hello Ann!
3 items, 1.50 each,  99.5%
s 's' [1, 'a']
00042|42   |+42|ff|FF|10|1.234568e+04|0.0001
x and 2
i
     right|left      |
abc
1 [1, 2]
)py") << QString() << 0;
    QTest::newRow("percent_format_errors") << QString::fromUtf8(R"py(for args in [(1,), (1, 2, 3)]:
    try:
        print("%s %s" % args)
    except TypeError as e:
        print(e)
try:
    print("%d" % "x")
except TypeError as e:
    print(e)
)py") << QString::fromUtf8(R"py(not enough arguments for format string
not all arguments converted during string formatting
%d format: a real number is required, not str
)py") << QString() << 0;
    QTest::newRow("print_sep_end") << QString::fromUtf8(R"py(print(1, 2, 3, sep="-")
print("a", "b", sep="")
print("no newline", end="")
print(" continued")
print("x", "y", sep=", ", end="!\n")
print()
print(*[1, 2, 3])
print(*"abc", sep="|")
print("end", end="\n\n")
print("after blank")
print(None, sep=None, end=None)
)py") << QString::fromUtf8(R"py(1-2-3
ab
no newline continued
x, y!

1 2 3
a|b|c
end

after blank
None
)py") << QString() << 0;
    QTest::newRow("print_various_types") << QString::fromUtf8(
        R"py(print(1, 1.0, "s", None, True, [1], (1,), {"a": 1}, -0.0, 1e100)
)py") << QString::fromUtf8(R"py(1 1.0 s None True [1] (1,) {'a': 1} -0.0 1e+100
)py") << QString() << 0;
    QTest::newRow("str_format_alignment_table") << QString::fromUtf8(
        R"py(rows = [("alice", 3, 1.5), ("bob", 12, 22.25), ("carolina", 100, 0.0)]
print(f"{'name':<10}{'n':>5}{'val':>8}")
for name, n, v in rows:
    print(f"{name:<10}{n:>5}{v:>8.2f}")
print("-" * 23)
)py") << QString::fromUtf8(R"py(name          n     val
alice         3    1.50
bob          12   22.25
carolina    100    0.00
-----------------------
)py") << QString() << 0;
    QTest::newRow("format_errors") << QString::fromUtf8(R"py(try:
    f"{'x':d}"
except ValueError as e:
    print(e)
try:
    f"{1.5:d}"
except ValueError as e:
    print(e)
try:
    "{} {}".format(1)
except IndexError as e:
    print(e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print(repr(e))
)py") << QString::fromUtf8(R"py(Unknown format code 'd' for object of type 'str'
Unknown format code 'd' for object of type 'float'
Replacement index 1 out of range for positional args tuple
KeyError('x')
)py") << QString() << 0;
}

void TestInterpreter::formatting()
{
    checkScript();
}

// Str() and repr() of floats (shortest round trip), ints, strings, containers, exceptions, None/True/False.
void TestInterpreter::reprs_data()
{
    addScriptColumns();
    QTest::newRow("float_repr_shortest") << QString::fromUtf8(
        R"py(for v in [0.1 + 0.2, 1e16, 1e-5, -0.0, 3.0, 2.5e-7, float("inf"), float("-inf"), float("nan"), 0.1, 1 / 3, 2 / 3, 1e15, 123456789012345.6, 1e-4, 0.0001234, 5e-324, 1.7976931348623157e308, 100.0, 1e22, 1.5e300 * 1e10]:
    print(repr(v), str(v))
)py") << QString::fromUtf8(R"py(0.30000000000000004 0.30000000000000004
1e+16 1e+16
1e-05 1e-05
-0.0 -0.0
3.0 3.0
2.5e-07 2.5e-07
inf inf
-inf -inf
nan nan
0.1 0.1
0.3333333333333333 0.3333333333333333
0.6666666666666666 0.6666666666666666
1000000000000000.0 1000000000000000.0
123456789012345.6 123456789012345.6
0.0001 0.0001
0.0001234 0.0001234
5e-324 5e-324
1.7976931348623157e+308 1.7976931348623157e+308
100.0 100.0
1e+22 1e+22
inf inf
)py") << QString() << 0;
    QTest::newRow("float_arith_repr")
        << QString::fromUtf8(
               R"py(print(0.1 * 3, 1.1 + 2.2, 3 * 1.1, 10 / 3, 2 ** 0.5, 1 / 7, 1e10 * 1e10, 7.0 // 2, 7.5 % 2)
print(round(2.675, 2), round(0.5), round(1.5), round(2.5), round(-0.5), round(3.14159, 3), round(1234.5, -2), round(7))
)py")
        << QString::fromUtf8(
               R"py(0.30000000000000004 3.3000000000000003 3.3000000000000003 3.3333333333333335 1.4142135623730951 0.14285714285714285 1e+20 3.0 1.5
2.67 0 2 2 0 3.142 1200.0 7
)py") << QString()
        << 0;
    QTest::newRow("int_repr") << QString::fromUtf8(
        R"py(print(0, -1, 10 ** 18, -(2 ** 62) * 2, (2 ** 62 - 1) + 2 ** 62, 0x10, 0o17, 0b101, 1_000_000)
)py") << QString::fromUtf8(R"py(0 -1 1000000000000000000 -9223372036854775808 9223372036854775807 16 15 5 1000000
)py") << QString() << 0;
    QTest::newRow("string_repr_quotes") << QString::fromUtf8(
        R"py(for s in ["plain", "it's", 'say "hi"', "both ' and \"", "", "\\", "\n\t\r", "\x00\x7f", "é", "日本", "😀", "\u200b", "\x1b[0m"]:
    print(repr(s))
)py") << QString::fromUtf8(R"py('plain'
"it's"
'say "hi"'
'both \' and "'
''
'\\'
'\n\t\r'
'\x00\x7f'
'é'
'日本'
'😀'
'\u200b'
'\x1b[0m'
)py") << QString() << 0;
    QTest::newRow("nested_container_repr") << QString::fromUtf8(
        R"py(print(repr([1, "a", [2.5, None], (True,), {"k": ("v", [])}]))
print(repr(()), repr((1,)), repr((1, 2)), repr([]), repr({}), repr([[]]), repr(((),)))
print(str(["it's"]), str({"a": 'b"c'}))
)py") << QString::fromUtf8(R"py([1, 'a', [2.5, None], (True,), {'k': ('v', [])}]
() (1,) (1, 2) [] {} [[]] ((),)
["it's"] {'a': 'b"c'}
)py") << QString() << 0;
    QTest::newRow("exception_repr") << QString::fromUtf8(R"py(print(repr(ValueError("x")), str(ValueError("x")))
print(repr(KeyError("k")), str(KeyError("k")))
print(repr(ValueError()), repr(str(ValueError())))
print(repr(TypeError("a", "b")), str(TypeError("a", "b")))
print([ValueError("in list")])
print(repr(KeyError()), repr(str(KeyError())))
print(str(KeyError("a", "b")))
)py") << QString::fromUtf8(R"py(ValueError('x') x
KeyError('k') 'k'
ValueError() ''
TypeError('a', 'b') ('a', 'b')
[ValueError('in list')]
KeyError() ''
('a', 'b')
)py") << QString() << 0;
    QTest::newRow("none_bool_repr") << QString::fromUtf8(
        R"py(print(repr(None), repr(True), repr(False), str(None), [None, True])
print(True + True, True * 3, False - 1, -True)
)py") << QString::fromUtf8(R"py(None True False None [None, True]
2 3 -1 -1
)py") << QString() << 0;
    QTest::newRow("function_repr_prefix") << QString::fromUtf8(R"py(def f():
    pass
print(repr(f).startswith("<function f at 0x"), str(f).startswith("<function f at 0x"))
print(repr(len), repr(print))
)py") << QString::fromUtf8(R"py(True True
<built-in function len> <built-in function print>
)py") << QString() << 0;
    QTest::newRow("type_repr")
        << QString::fromUtf8(R"py(print(int, str, float, list, dict, tuple, bool, type(None), ValueError, Exception)
print(type(1).__name__, type("").__name__, type([]).__name__, type({}).__name__, type(None).__name__, type(1.5).__name__, type(True).__name__, type(()).__name__)
)py")
        << QString::fromUtf8(
               R"py(<class 'int'> <class 'str'> <class 'float'> <class 'list'> <class 'dict'> <class 'tuple'> <class 'bool'> <class 'NoneType'> <class 'ValueError'> <class 'Exception'>
int str list dict NoneType float bool tuple
)py") << QString()
        << 0;
    QTest::newRow("range_repr") << QString::fromUtf8(
        R"py(print(range(5), range(1, 5), range(0, 10, 2), repr(range(-1, -5, -1)))
)py") << QString::fromUtf8(R"py(range(0, 5) range(1, 5) range(0, 10, 2) range(-1, -5, -1)
)py") << QString() << 0;
    QTest::newRow("self_referencing_list") << QString::fromUtf8(R"py(a = [1]
a.append(a)
print(a)
d = {}
d["self"] = d
print(d)
)py") << QString::fromUtf8(R"py([1, [...]]
{'self': {...}}
)py") << QString() << 0;
    QTest::newRow("bool_int_equality") << QString::fromUtf8(
        R"py(print(1 == 1.0, True == 1, False == 0, 0 == -0.0, hash(1) == hash(1.0), {1: "a", 1.0: "b"}, {True: "t", 1: "one"})
)py") << QString::fromUtf8(R"py(True True True True True {1: 'b'} {True: 'one'}
)py") << QString() << 0;
}

void TestInterpreter::reprs()
{
    checkScript();
}

// Integer and float arithmetic, floor division and modulo of negatives, round, divmod, conversions,
// ZeroDivisionError.
void TestInterpreter::numbers_data()
{
    addScriptColumns();
    QTest::newRow("int_div_mod_negatives") << QString::fromUtf8(
        R"py(for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3)]:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
)py") << QString::fromUtf8(R"py(7 2 3 1 (3, 1) 3.5
-7 2 -4 1 (-4, 1) -3.5
7 -2 -4 -1 (-4, -1) -3.5
-7 -2 3 -1 (3, -1) 3.5
0 3 0 0 (0, 0) 0.0
6 3 2 0 (2, 0) 2.0
)py") << QString() << 0;
    QTest::newRow("float_div_mod_negatives") << QString::fromUtf8(
        R"py(for a, b in [(7.5, 2), (-7.5, 2), (7.5, -2), (-0.0, 1), (5, 0.5)]:
    print(a, b, a // b, a % b, divmod(a, b))
)py") << QString::fromUtf8(R"py(7.5 2 3.0 1.5 (3.0, 1.5)
-7.5 2 -4.0 0.5 (-4.0, 0.5)
7.5 -2 -4.0 -0.5 (-4.0, -0.5)
-0.0 1 -0.0 0.0 (-0.0, 0.0)
5 0.5 10.0 0.0 (10.0, 0.0)
)py") << QString() << 0;
    QTest::newRow("power") << QString::fromUtf8(
        R"py(print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 2 ** 0.5, 4 ** 0.5, 0 ** 0, 10 ** -2, pow(2, 8), pow(3, 4, 5), (-8) ** (1 / 3) if False else "skip")
)py") << QString::fromUtf8(R"py(1024 0.5 -8 -4 1.4142135623730951 2.0 1 0.01 256 1 skip
)py") << QString() << 0;
    QTest::newRow("int_float_mixing") << QString::fromUtf8(
        R"py(print(1 + 2.0, 3 * 0.5, 7 / 7, 10 / 4, 10 // 4.0, type(10 / 5).__name__, 1 - True, 2.0 == 2)
)py") << QString::fromUtf8(R"py(3.0 1.5 1.0 2.5 2.0 float 0 True
)py") << QString() << 0;
    QTest::newRow("abs_round_divmod") << QString::fromUtf8(R"py(print(abs(-5), abs(3.5), abs(-0.0), abs(True))
print(round(3.7), round(-3.7), round(0.125, 2), round(0.375, 2), round(1.005, 2), type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
)py") << QString::fromUtf8(R"py(5 3.5 0.0 1
4 -4 0.12 0.38 1.0 int float
(3, 2) (-4, 3) (3.0, 2.5)
)py") << QString() << 0;
    QTest::newRow("int_conversions") << QString::fromUtf8(
        R"py(print(int("0"), int("-0"), int("+5"), int("1_000"), int(" 12\n"), int(2.9e3), int(-0.5))
for s in ["x", "1.5", "", "12a", " "]:
    try:
        int(s)
    except ValueError as e:
        print(e)
)py") << QString::fromUtf8(R"py(0 0 5 1000 12 2900 0
invalid literal for int() with base 10: 'x'
invalid literal for int() with base 10: '1.5'
invalid literal for int() with base 10: ''
invalid literal for int() with base 10: '12a'
invalid literal for int() with base 10: ' '
)py") << QString() << 0;
    QTest::newRow("float_conversions") << QString::fromUtf8(
        R"py(print(float("3"), float(".5"), float("5."), float("-1e-3"), float("nan"), float("-inf"), float("1_0.5"))
for s in ["x", "", "1..2"]:
    try:
        float(s)
    except ValueError as e:
        print(e)
)py") << QString::fromUtf8(R"py(3.0 0.5 5.0 -0.001 nan -inf 10.5
could not convert string to float: 'x'
could not convert string to float: ''
could not convert string to float: '1..2'
)py") << QString() << 0;
    QTest::newRow("float_special_values") << QString::fromUtf8(R"py(inf = float("inf")
nan = float("nan")
print(inf > 1e308, -inf < 0, inf + 1, inf - inf, nan == nan, nan != nan, inf * 0, 1 / inf, min(inf, 3))
)py") << QString::fromUtf8(R"py(True True inf nan False True nan 0.0 3
)py") << QString() << 0;
    QTest::newRow("comparisons_mixed") << QString::fromUtf8(
        R"py(print(1 < 2.5, 2 == 2.0, 3 >= 3, "a" != "b", [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), None == None, None == 0)
try:
    print(1 < "a")
except TypeError as e:
    print(e)
try:
    print([1] < (1,))
except TypeError as e:
    print(e)
try:
    print(None < 1)
except TypeError as e:
    print(e)
)py") << QString::fromUtf8(R"py(True True True True True True True False
'<' not supported between instances of 'int' and 'str'
'<' not supported between instances of 'list' and 'tuple'
'<' not supported between instances of 'NoneType' and 'int'
)py") << QString() << 0;
    QTest::newRow("integer_bit_ops") << QString::fromUtf8(
        R"py(print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -16 >> 2, 0xff & 0x0f)
)py") << QString::fromUtf8(R"py(1 7 6 -6 1024 128 -4 15
)py") << QString() << 0;
    QTest::newRow("hex_oct_bin_builtins") << QString::fromUtf8(
        R"py(print(hex(255), hex(-1), oct(8), bin(5), bin(-5), hex(0))
)py") << QString::fromUtf8(R"py(0xff -0x1 0o10 0b101 -0b101 0x0
)py") << QString() << 0;
    QTest::newRow("big_values_within_64bit") << QString::fromUtf8(R"py(x = 2 ** 62
print(x, x - 1 + x, -x - x)
print(9223372036854775807, -9223372036854775807 - 1)
print(3037000499 * 3037000499)
)py") << QString::fromUtf8(R"py(4611686018427387904 9223372036854775807 -9223372036854775808
9223372036854775807 -9223372036854775808
9223372030926249001
)py") << QString() << 0;
    QTest::newRow("zero_division_messages") << QString::fromUtf8(
        R"py(for f in (lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 1.5 // 0.0, lambda: 5 % 0.0, lambda: divmod(1, 0), lambda: 0 ** -1):
    try:
        f()
    except ZeroDivisionError as e:
        print(e)
)py") << QString::fromUtf8(R"py(division by zero
integer division or modulo by zero
integer modulo by zero
float division by zero
float floor division by zero
float modulo
integer division or modulo by zero
0.0 cannot be raised to a negative power
)py") << QString() << 0;
    QTest::newRow("sum_floats_precision") << QString::fromUtf8(
        R"py(print(sum([0.5] * 10), 0.1 * 10, sum([1, 2.5]), sum([]), sum([[1], [2]], []))
)py") << QString::fromUtf8(R"py(5.0 1.0 3.5 0 [1, 2]
)py") << QString() << 0;
    QTest::newRow("number_formatting_str") << QString::fromUtf8(
        R"py(print(str(1e16), str(1e15), str(123456789.0), str(0.000012), str(-1.0), str(1.0e-10), str(12345678901234567890.0))
)py") << QString::fromUtf8(R"py(1e+16 1000000000000000.0 123456789.0 1.2e-05 -1.0 1e-10 1.2345678901234567e+19
)py") << QString() << 0;
    QTest::newRow("int_float_truthiness_and_bool_arith") << QString::fromUtf8(
        R"py(print(bool(0.0), bool(-0.0), bool(1e-300), int(False), float(True), True / 2)
)py") << QString::fromUtf8(R"py(False False True 0 1.0 0.5
)py") << QString() << 0;
    QTest::newRow("augmented_floats") << QString::fromUtf8(R"py(x = 0.0
for _ in range(10):
    x += 0.1
print(x, round(x, 10), x == 1.0)
)py") << QString::fromUtf8(R"py(0.9999999999999999 1.0 False
)py") << QString() << 0;
    QTest::newRow("increment_counter_idioms") << QString::fromUtf8(R"py(counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
)py") << QString::fromUtf8(R"py({'a': 3, 'b': 2, 'c': 1}
[('a', 3), ('b', 2), ('c', 1)]
)py") << QString() << 0;
}

void TestInterpreter::numbers()
{
    checkScript();
}

// Precedence, literals, scoping, evaluation order, decorators, bound methods, call forms.
void TestInterpreter::expressions_data()
{
    addScriptColumns();
    QTest::newRow("operator_precedence") << QString::fromUtf8(
        R"py(print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2, 2 * 3 + 4, 2 + 3 * 4, (2 + 3) * 4, 10 - 2 - 3, 100 / 10 / 5, 2 ** -1)
print(not 1 == 2, not (1 == 2), 1 + 2 == 3, 3 & 5 | 2, 1 | 2 ^ 3 & 4, 1 << 2 + 1, -5 // 2 * 2)
print(True or False and False, (True or False) and False, not True or True, 1 if 0 else 2 if 0 else 3)
)py") << QString::fromUtf8(R"py(-4 4 512 10 14 20 5 2.0 0.5
True True True 3 3 8 -6
True False True 3
)py") << QString() << 0;
    QTest::newRow("numeric_literals") << QString::fromUtf8(
        R"py(print(1e3, .5, 5., 1_0.0_1, 0xFF, 0o777, 0b1111, 1E-2, 0.0, 00, 1_000_000.5, 0x_ff)
)py") << QString::fromUtf8(R"py(1000.0 0.5 5.0 10.01 255 511 15 0.01 0.0 0 1000000.5 255
)py") << QString() << 0;
    QTest::newRow("int_float_dict_keys_merge") << QString::fromUtf8(R"py(d = {}
d[1] = "int"
d[1.0] = "float"
d[True] = "bool"
print(d, len(d))
)py") << QString::fromUtf8(R"py({1: 'bool'} 1
)py") << QString() << 0;
    QTest::newRow("string_bool_multiplication") << QString::fromUtf8(
        R"py(print("ab" * True, "ab" * False, [1] * True, 3 * True)
)py") << QString::fromUtf8(R"py(ab  [1] 3
)py") << QString() << 0;
    QTest::newRow("compare_mixed_sort") << QString::fromUtf8(R"py(print(sorted([3, 1.5, True, 0, -2.5]))
print(max(1, 1.0), min(1.0, 1), max(True, 1))
)py") << QString::fromUtf8(R"py([-2.5, 0, True, 1.5, 3]
1 1.0 True
)py") << QString() << 0;
    QTest::newRow("nested_ternary_and_lambda") << QString::fromUtf8(
        R"py(f = lambda x: "neg" if x < 0 else "zero" if x == 0 else "pos"
print([f(x) for x in (-1, 0, 1)])
)py") << QString::fromUtf8(R"py(['neg', 'zero', 'pos']
)py") << QString() << 0;
    QTest::newRow("not_in_chains") << QString::fromUtf8(R"py(xs = [1, 2]
print(1 in xs in [[1, 2]], 3 not in xs, not 3 in xs, 1 < 2 in [True])
)py") << QString::fromUtf8(R"py(True True True False
)py") << QString() << 0;
    QTest::newRow("global_nested_function") << QString::fromUtf8(R"py(total = 0
def outer():
    def inner():
        global total
        total += 10
    inner()
    inner()
outer()
print(total)
)py") << QString::fromUtf8(R"py(20
)py") << QString() << 0;
    QTest::newRow("global_del") << QString::fromUtf8(R"py(x = 1
def f():
    global x
    del x
f()
try:
    x
except NameError as e:
    print(e)
)py") << QString::fromUtf8(R"py(name 'x' is not defined
)py") << QString() << 0;
    QTest::newRow("nonlocal_loop_accumulate") << QString::fromUtf8(R"py(def run():
    seen = []
    count = 0
    def visit(v):
        nonlocal count
        count += 1
        seen.append(v)
    for v in "abc":
        visit(v)
    return count, seen
print(run())
)py") << QString::fromUtf8(R"py((3, ['a', 'b', 'c'])
)py") << QString() << 0;
    QTest::newRow("closure_over_loop_var_after_loop") << QString::fromUtf8(R"py(def f():
    fns = []
    for i in range(3):
        fns.append(lambda: i * 10)
    i = 100
    return [g() for g in fns]
print(f())
)py") << QString::fromUtf8(R"py([1000, 1000, 1000]
)py") << QString() << 0;
    QTest::newRow("closure_counter_factory_independent") << QString::fromUtf8(R"py(def make(start):
    n = start
    def step():
        nonlocal n
        n += 1
        return n
    def peek():
        return n
    return step, peek
s1, p1 = make(0)
s2, p2 = make(100)
s1(); s1(); s2()
print(p1(), p2())
)py") << QString::fromUtf8(R"py(2 101
)py") << QString() << 0;
    QTest::newRow("function_attributes_defaults_repr") << QString::fromUtf8(R"py(def f(a, b=[1], *, c={"k": 2}):
    return a
print(f.__defaults__ if False else "skip", f(0))
)py") << QString::fromUtf8(R"py(skip 0
)py") << QString() << 0;
    QTest::newRow("recursion_with_memo_dict") << QString::fromUtf8(R"py(memo = {}
def fib(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r
print(fib(90))
)py") << QString::fromUtf8(R"py(2880067194370816120
)py") << QString() << 0;
    QTest::newRow("string_escape_sequences") << QString::fromUtf8(
        R"py(print("a\tb\\n", 'it\'s', "\"q\"", "\x41\101\u0042", "\0" == "\x00", len("\r\n"))
print("col1\tcol2")
print("bell\a".endswith("\a"), "\\N")
)py") << QString::fromUtf8(R"py(a	b\n it's "q" AAB True 2
col1	col2
True \N
)py") << QString() << 0;
    QTest::newRow("fstring_with_dict_and_method") << QString::fromUtf8(R"py(user = {"name": "ann", "langs": ["py", "c"]}
print(f"{user['name'].title()} knows {', '.join(user['langs'])} ({len(user['langs'])})")
)py") << QString::fromUtf8(R"py(Ann knows py, c (2)
)py") << QString() << 0;
    QTest::newRow("fstring_width_from_len") << QString::fromUtf8(R"py(items = ["a", "bbb", "cc"]
w = max(len(i) for i in items)
for i in items:
    print(f"|{i:>{w}}|{i:^{w + 2}}|")
)py") << QString::fromUtf8(R"py(|  a|  a  |
|bbb| bbb |
| cc| cc  |
)py") << QString() << 0;
    QTest::newRow("print_returns_none") << QString::fromUtf8(R"py(r = print("x")
print(r)
)py") << QString::fromUtf8(R"py(x
None
)py") << QString() << 0;
    QTest::newRow("multiple_assignment_evaluation_order") << QString::fromUtf8(R"py(i = 0
xs = [0, 0, 0]
i, xs[i] = 1, 5
print(i, xs)
)py") << QString::fromUtf8(R"py(1 [0, 5, 0]
)py") << QString() << 0;
    QTest::newRow("augmented_assignment_evaluation_once") << QString::fromUtf8(R"py(calls = []
def key():
    calls.append(1)
    return "k"
d = {"k": 1}
d[key()] += 1
print(d, len(calls))
)py") << QString::fromUtf8(R"py({'k': 2} 1
)py") << QString() << 0;
    QTest::newRow("tuple_comparison_and_sorting_mixed") << QString::fromUtf8(
        R"py(pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
pairs.sort()
print(pairs)
print(sorted(pairs, key=lambda p: p[1]))
)py") << QString::fromUtf8(R"py([(1, 'a'), (1, 'z'), (2, 'a'), (2, 'b')]
[(1, 'a'), (2, 'a'), (2, 'b'), (1, 'z')]
)py") << QString() << 0;
    QTest::newRow("empty_collections_falsy_checks") << QString::fromUtf8(R"py(for c in ([], (), {}, "", range(0)):
    print(type(c).__name__, not c, len(c))
)py") << QString::fromUtf8(R"py(list True 0
tuple True 0
dict True 0
str True 0
range True 0
)py") << QString() << 0;
    QTest::newRow("int_str_roundtrip") << QString::fromUtf8(R"py(for n in [0, 7, -13, 10 ** 15]:
    s = str(n)
    print(s, int(s) == n, len(s))
)py") << QString::fromUtf8(R"py(0 True 1
7 True 1
-13 True 3
1000000000000000 True 16
)py") << QString() << 0;
    QTest::newRow("float_str_roundtrip") << QString::fromUtf8(R"py(for x in [0.1, 1 / 3, 2.5e-7, 1e16, 123.456]:
    print(x, float(str(x)) == x, float(repr(x)) == x)
)py") << QString::fromUtf8(R"py(0.1 True True
0.3333333333333333 True True
2.5e-07 True True
1e+16 True True
123.456 True True
)py") << QString() << 0;
    QTest::newRow("call_multiple_values_via_kwargs_unpack") << QString::fromUtf8(R"py(def f(a, b=0):
    return a + b
try:
    f(1, **{"a": 2})
except TypeError as e:
    print(e)
)py") << QString::fromUtf8(R"py(f() got multiple values for argument 'a'
)py") << QString() << 0;
    QTest::newRow("call_star_non_iterable") << QString::fromUtf8(R"py(def f(*a, **k):
    return a, k
print(f(*"ab", **{"k": 1}))
)py") << QString::fromUtf8(R"py((('a', 'b'), {'k': 1})
)py") << QString() << 0;
    QTest::newRow("positional_only_params") << QString::fromUtf8(R"py(def f(a, b, /, c, *, d=4):
    return a, b, c, d
print(f(1, 2, 3), f(1, 2, c=3, d=5))
)py") << QString::fromUtf8(R"py((1, 2, 3, 4) (1, 2, 3, 5)
)py") << QString() << 0;
    QTest::newRow("decorators") << QString::fromUtf8(R"py(def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    return wrapper
def repeat(n):
    def deco(fn):
        def wrapper(x):
            return [fn(x) for _ in range(n)]
        return wrapper
    return deco
@shout
def greet(name):
    return f"hi {name}"
@repeat(3)
def ident(x):
    return x
print(greet("bo"), ident(7), greet.__name__)
)py") << QString::fromUtf8(R"py(HI BO [7, 7, 7] wrapper
)py") << QString() << 0;
    QTest::newRow("async_decorator") << QString::fromUtf8(R"py(import asyncio
def logged(fn):
    async def wrapper(*a):
        print("calling", fn.__name__)
        r = await fn(*a)
        print("returned", r)
        return r
    return wrapper
@logged
async def double(x):
    await asyncio.sleep(0)
    return 2 * x
asyncio.run(double(21))
)py") << QString::fromUtf8(R"py(calling double
returned 42
)py") << QString() << 0;
    QTest::newRow("bound_methods_as_values") << QString::fromUtf8(R"py(xs = []
push = xs.append
push(1)
push(2)
up = "abc".upper
d = {"a": 1}
get = d.get
print(xs, up(), get("a"), get("z", 0))
)py") << QString::fromUtf8(R"py([1, 2] ABC 1 0
)py") << QString() << 0;
    QTest::newRow("chained_method_calls") << QString::fromUtf8(
        R"py(print("a b c".split()[1].upper().center(5, "*"), " x ".strip().join(["<", ">"]))
)py") << QString::fromUtf8(R"py(**B** <x>
)py") << QString() << 0;
    QTest::newRow("list_assignment_index_errors") << QString::fromUtf8(R"py(xs = [1, 2]
try:
    xs[5] = 0
except IndexError as e:
    print(e)
try:
    del xs[5]
except IndexError as e:
    print(e)
try:
    (1, 2)[0] = 5
except TypeError as e:
    print(e)
)py") << QString::fromUtf8(R"py(list assignment index out of range
list assignment index out of range
'tuple' object does not support item assignment
)py") << QString() << 0;
    QTest::newRow("unbound_local_after_del") << QString::fromUtf8(R"py(def f():
    x = 1
    del x
    return x
try:
    f()
except UnboundLocalError as e:
    print(e)
)py") << QString::fromUtf8(R"py(cannot access local variable 'x' where it is not associated with a value
)py") << QString() << 0;
    QTest::newRow("global_declared_never_assigned") << QString::fromUtf8(R"py(def f():
    global never_set
    return never_set
try:
    f()
except NameError as e:
    print(type(e).__name__, e)
)py") << QString::fromUtf8(R"py(NameError name 'never_set' is not defined
)py") << QString() << 0;
    QTest::newRow("loop_variable_leaks") << QString::fromUtf8(R"py(for i in range(3):
    pass
print(i)
for j in []:
    pass
try:
    print(j)
except NameError as e:
    print(e)
)py") << QString::fromUtf8(R"py(2
name 'j' is not defined
)py") << QString() << 0;
    QTest::newRow("comprehension_variable_does_not_leak") << QString::fromUtf8(R"py([k for k in range(3)]
try:
    print(k)
except NameError as e:
    print(e)
)py") << QString::fromUtf8(R"py(name 'k' is not defined
)py") << QString() << 0;
    QTest::newRow("star_in_return_and_for") << QString::fromUtf8(R"py(def f(a):
    return *a, "end"
print(f([1, 2]))
for x in *[1, 2], 3:
    print(x, end=" ")
print()
)py") << QString::fromUtf8(R"py((1, 2, 'end')
1 2 3 
)py") << QString() << 0;
    QTest::newRow("if_name_main") << QString::fromUtf8(R"py(def main():
    print("main ran", __name__)
if __name__ == "__main__":
    main()
)py") << QString::fromUtf8(R"py(main ran __main__
)py") << QString() << 0;
    QTest::newRow("print_flush_kwarg") << QString::fromUtf8(R"py(print("flushed", flush=True)
print("a", "b", sep="", end="\n", flush=False)
)py") << QString::fromUtf8(R"py(flushed
ab
)py") << QString() << 0;
    QTest::newRow("raise_with_class_cause") << QString::fromUtf8(R"py(try:
    raise RuntimeError("x") from ValueError
except RuntimeError as e:
    print(repr(e.__cause__))
)py") << QString::fromUtf8(R"py(ValueError()
)py") << QString() << 0;
    QTest::newRow("exception_raised_in_sort_key") << QString::fromUtf8(R"py(def key(v):
    if v == 2:
        raise ValueError("bad key")
    return v
try:
    sorted([3, 2, 1], key=key)
except ValueError as e:
    print("caught", e)
)py") << QString::fromUtf8(R"py(caught bad key
)py") << QString() << 0;
    QTest::newRow("min_max_ties_first") << QString::fromUtf8(R"py(pairs = [("a", 1), ("b", 1), ("c", 0), ("d", 0)]
print(min(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: p[1]))
print(sorted(pairs, key=lambda p: p[1], reverse=True))
)py") << QString::fromUtf8(R"py(('c', 0) ('a', 1)
[('a', 1), ('b', 1), ('c', 0), ('d', 0)]
)py") << QString() << 0;
    QTest::newRow("sort_reverse_stable") << QString::fromUtf8(R"py(xs = [(1, "a"), (0, "b"), (1, "c"), (0, "d")]
xs.sort(key=lambda t: t[0], reverse=True)
print(xs)
)py") << QString::fromUtf8(R"py([(1, 'a'), (1, 'c'), (0, 'b'), (0, 'd')]
)py") << QString() << 0;
    QTest::newRow("str_in_empty_and_edge") << QString::fromUtf8(
        R"py(print("" in "abc", "" in "", "abc" in "ab", "a" * 0 == "")
print("abc".split("abc"), "".split(","), "".split(), ",".split(","))
)py") << QString::fromUtf8(R"py(True True False True
['', ''] [''] [] ['', '']
)py") << QString() << 0;
    QTest::newRow("nested_fstrings_quotes") << QString::fromUtf8(R"py(name = "x"
print(f"{f'{name!r}':>6}|{'{'}|{'}'}")
)py") << QString::fromUtf8(R"py(   'x'|{|}
)py") << QString() << 0;
    QTest::newRow("exception_str_in_fstring") << QString::fromUtf8(R"py(try:
    {}["key"]
except KeyError as e:
    print(f"missing {e}", f"{e!r}", f"{e.args[0]}")
)py") << QString::fromUtf8(R"py(missing 'key' KeyError('key') key
)py") << QString() << 0;
    QTest::newRow("try_except_in_while_else") << QString::fromUtf8(R"py(n = 0
while n < 3:
    try:
        n += 1
        if n == 5:
            break
    except Exception:
        pass
else:
    print("while else", n)
)py") << QString::fromUtf8(R"py(while else 3
)py") << QString() << 0;
    QTest::newRow("multiple_handlers_same_name") << QString::fromUtf8(R"py(def f(x):
    try:
        if x:
            raise ValueError("v")
        raise TypeError("t")
    except ValueError as e:
        return "V:" + str(e)
    except TypeError as e:
        return "T:" + str(e)
print(f(1), f(0))
)py") << QString::fromUtf8(R"py(V:v T:t
)py") << QString() << 0;
    QTest::newRow("dict_get_in_fstring_nested") << QString::fromUtf8(R"py(d = {"a": {"b": [10, 20]}}
print(f"{d['a']['b'][-1]:05d} {d.get('z', {}).get('q', 'none')}")
)py") << QString::fromUtf8(R"py(00020 none
)py") << QString() << 0;
    QTest::newRow("int_base_parsing") << QString::fromUtf8(
        R"py(print(int("0x1A", 0), int("1a", 16), int("Z", 36), int("-0b11", 0), int("  +7  "))
for s, b in [("12", 1), ("1__0", 10), ("08", 0), ("9", 8)]:
    try:
        print(int(s, b))
    except ValueError as e:
        print(e)
)py") << QString::fromUtf8(R"py(26 26 35 -3 7
int() base must be >= 2 and <= 36, or 0
invalid literal for int() with base 10: '1__0'
invalid literal for int() with base 0: '08'
invalid literal for int() with base 8: '9'
)py") << QString() << 0;
    QTest::newRow("string_repr_in_containers_with_quotes") << QString::fromUtf8(
        R"py(print(["a'b", 'a"b', "a'\"b", "\\"])
print({"k'": "v\"", 1: "\n"})
)py") << QString::fromUtf8(R"py(["a'b", 'a"b', 'a\'"b', '\\']
{"k'": 'v"', 1: '\n'}
)py") << QString() << 0;
    QTest::newRow("type_comparisons") << QString::fromUtf8(
        R"py(print(type(1) == type(2), type(1) is type(1.0), type("a") == str, type(None) is type(None))
print(str(type(ValueError("x"))), str(type(1)))
)py") << QString::fromUtf8(R"py(True False True True
<class 'ValueError'> <class 'int'>
)py") << QString() << 0;
    QTest::newRow("none_comparisons") << QString::fromUtf8(R"py(x = None
print(x is None, x == None, x != 0, not x, [None] * 2)
)py") << QString::fromUtf8(R"py(True True True True [None, None]
)py") << QString() << 0;
    QTest::newRow("assert_with_expression_message") << QString::fromUtf8(R"py(try:
    assert [] , "empty list"
except AssertionError as e:
    print("AssertionError", e, e.args)
)py") << QString::fromUtf8(R"py(AssertionError empty list ('empty list',)
)py") << QString() << 0;
    QTest::newRow("return_tuple_parenthesized") << QString::fromUtf8(R"py(def f():
    return (1, 2), [3]
(a, b), [c] = f()
print(a, b, c)
)py") << QString::fromUtf8(R"py(1 2 3
)py") << QString() << 0;
    QTest::newRow("deeply_nested_data_access") << QString::fromUtf8(
        R"py(cfg = {"servers": [{"name": "a", "ports": [80, 443]}, {"name": "b", "ports": []}]}
for s in cfg["servers"]:
    print(s["name"], len(s["ports"]), s["ports"][0] if s["ports"] else None)
cfg["servers"][1]["ports"].append(8080)
print(cfg)
)py") << QString::fromUtf8(R"py(a 2 80
b 0 None
{'servers': [{'name': 'a', 'ports': [80, 443]}, {'name': 'b', 'ports': [8080]}]}
)py") << QString() << 0;
    QTest::newRow("string_prefixes") << QString::fromUtf8(R"py(print(Rf"{1}\n", fR"\t{2}", u"uni", r"a\b", F"{3}")
)py") << QString::fromUtf8(R"py(1\n \t2 uni a\b 3
)py") << QString() << 0;
    QTest::newRow("numeric_underscores_exponent") << QString::fromUtf8(
        R"py(print(1e1_0, 0_0, 1_2.3_4e-1_0, 0x_F_F, 0b_1_0)
)py") << QString::fromUtf8(R"py(10000000000.0 0 1.234e-09 255 2
)py") << QString() << 0;
    QTest::newRow("unary_chains") << QString::fromUtf8(R"py(x = 5
print(not not x, - - x, ~~x, -+-x, not -x)
)py") << QString::fromUtf8(R"py(True 5 5 5 False
)py") << QString() << 0;
    QTest::newRow("subscript_tuple_keys") << QString::fromUtf8(R"py(d = {}
d[1, 2] = "pair"
d["a", ] = "single"
print(d, d[(1, 2)], d[1, 2])
)py") << QString::fromUtf8(R"py({(1, 2): 'pair', ('a',): 'single'} pair pair
)py") << QString() << 0;
    QTest::newRow("for_target_forms") << QString::fromUtf8(R"py(for (i, j) in [(1, 2)]:
    print(i, j)
for [a, [b, c]] in [[1, [2, 3]]]:
    print(a, b, c)
for i, in [(7,)]:
    print(i)
)py") << QString::fromUtf8(R"py(1 2
1 2 3
7
)py") << QString() << 0;
    QTest::newRow("del_multiple_targets") << QString::fromUtf8(R"py(a, b, c = 1, 2, 3
xs = [1, 2, 3]
del (a), [b], xs[0]
print(c, xs)
)py") << QString::fromUtf8(R"py(3 [2, 3]
)py") << QString() << 0;
    QTest::newRow("lambda_forms") << QString::fromUtf8(R"py(f = lambda *, k=1: k
g = lambda a, *r, **kw: (a, r, kw)
h = lambda: (yield_ := 5)
print(f(), f(k=2), g(1, 2, x=3), h())
)py") << QString::fromUtf8(R"py(1 2 (1, (2,), {'x': 3}) 5
)py") << QString() << 0;
    QTest::newRow("comments_everywhere") << QString::fromUtf8(R"py(xs = [  # open
    1,  # one
    # a full-line comment
    2,
]  # close
s = "not # a comment"
print(xs, s)  # trailing
)py") << QString::fromUtf8(R"py([1, 2] not # a comment
)py") << QString() << 0;
    QTest::newRow("walrus_in_conditions") << QString::fromUtf8(R"py(if (a := 1) and (b := a + 1):
    print(a, b)
while (n := (n if "n" in dir() else 3) - 1) > 0 if False else False:
    pass
print([y for x in range(5) if (y := x * x) % 2])
)py") << QString::fromUtf8(R"py(1 2
[1, 9]
)py") << QString() << 0;
    QTest::newRow("conditional_in_default_and_call") << QString::fromUtf8(
        R"py(def f(x=1 if True else 2, *, y=[] or None):
    return x, y
print(f(), f(0 if False else 9))
)py") << QString::fromUtf8(R"py((1, None) (9, None)
)py") << QString() << 0;
    QTest::newRow("multi_statement_lines") << QString::fromUtf8(R"py(a = 1; b = 2
if a: print("a"); print("b")
for i in range(2): print(i); print("-")
)py") << QString::fromUtf8(R"py(a
b
0
-
1
-
)py") << QString() << 0;
    QTest::newRow("nested_brackets_across_lines") << QString::fromUtf8(R"py(result = {
    "k": [
        (1,
         2),
        {"n": [
            3]}
    ]
}
print(result)
)py") << QString::fromUtf8(R"py({'k': [(1, 2), {'n': [3]}]}
)py") << QString() << 0;
    QTest::newRow("keyword_names_as_attributes_and_kwargs") << QString::fromUtf8(R"py(def f(**kw):
    return sorted(kw)
print(f(match=1, case=2, type=3, _=4))
match = 5
case = 6
type_ = 7
print(match + case + type_)
)py") << QString::fromUtf8(R"py(['_', 'case', 'match', 'type']
18
)py") << QString() << 0;
    QTest::newRow("parenthesized_with_like_tuple_return") << QString::fromUtf8(R"py(def f():
    return (
        1,
        2,
    )
print(f())
)py") << QString::fromUtf8(R"py((1, 2)
)py") << QString() << 0;
    QTest::newRow("docstrings_ignored") << QString::fromUtf8(R"py(def f():
    """A docstring."""
    return 1
"""module-level string"""
print(f(), f.__doc__)
)py") << QString::fromUtf8(R"py(1 A docstring.
)py") << QString() << 0;
    QTest::newRow("ellipsis_body") << QString::fromUtf8(R"py(def todo():
    ...
print(todo())
)py") << QString::fromUtf8(R"py(None
)py") << QString() << 0;
    QTest::newRow("if_else_expression_precedence_lambda") << QString::fromUtf8(R"py(f = lambda x: x if x else -1
print(f(0), f(3), (lambda: 1 if False else 2)())
)py") << QString::fromUtf8(R"py(-1 3 2
)py") << QString() << 0;
    QTest::newRow("chained_assignment_with_unpack") << QString::fromUtf8(R"py(a = b, c = 1, 2
print(a, b, c)
)py") << QString::fromUtf8(R"py((1, 2) 1 2
)py") << QString() << 0;
    QTest::newRow("global_at_module_level") << QString::fromUtf8(R"py(global g
g = 1
print(g)
)py") << QString::fromUtf8(R"py(1
)py") << QString() << 0;
}

void TestInterpreter::expressions()
{
    checkScript();
}

// Builtins, and CPython's exact error messages caught and printed.
void TestInterpreter::builtinsAndMessages_data()
{
    addScriptColumns();
    QTest::newRow("is_with_small_values") << QString::fromUtf8(R"py(a = 300
b = 300
print(a == b, None is None, True is True, [] is [], () == ())
)py") << QString::fromUtf8(R"py(True True True False True
)py") << QString() << 0;
    QTest::newRow("string_methods_more") << QString::fromUtf8(
        R"py(print("a,b".split(",", maxsplit=1), "  a  ".strip() or "empty", "x".join("abc"))
print("Hello".index("l"), "Hello".rindex("l"), "hello world".title(), "tEST".capitalize())
print("%s=%s" % ("k", "v"), "abc".removeprefix("a"), "abc".removesuffix("c"))
)py") << QString::fromUtf8(R"py(['a', 'b'] a axbxc
2 3 Hello World Test
k=v bc ab
)py") << QString() << 0;
    QTest::newRow("str_format_on_objects") << QString::fromUtf8(
        R"py(print("{!r:>10}".format("x"), "{:>5}".format(None) if False else "", "{0:{1}}".format(3.5, 8))
)py") << QString::fromUtf8(R"py(       'x'       3.5
)py") << QString() << 0;
    QTest::newRow("print_to_file_none") << QString::fromUtf8(R"py(print("x", file=None)
)py") << QString::fromUtf8(R"py(x
)py") << QString() << 0;
    QTest::newRow("nested_function_recursion_closure") << QString::fromUtf8(R"py(def outer(n):
    def rec(k):
        if k == 0:
            return []
        return rec(k - 1) + [k * n]
    return rec(3)
print(outer(2))
)py") << QString::fromUtf8(R"py([2, 4, 6]
)py") << QString() << 0;
    QTest::newRow("closure_cell_modified_after") << QString::fromUtf8(R"py(def f():
    x = 1
    def g():
        return x
    x = 2
    return g()
print(f())
)py") << QString::fromUtf8(R"py(2
)py") << QString() << 0;
    QTest::newRow("global_and_local_same_name") << QString::fromUtf8(R"py(x = "global"
def f():
    x = "local"
    return x
def g():
    return x
print(f(), g(), x)
)py") << QString::fromUtf8(R"py(local global global
)py") << QString() << 0;
    QTest::newRow("unbound_local_caught") << QString::fromUtf8(R"py(count = 0
def inc():
    try:
        count += 1
    except UnboundLocalError as e:
        print(e)
inc()
)py") << QString::fromUtf8(R"py(cannot access local variable 'count' where it is not associated with a value
)py") << QString() << 0;
    QTest::newRow("name_error_messages") << QString::fromUtf8(R"py(try:
    print(undefined_x)
except NameError as e:
    print(e)
def f():
    return also_missing
try:
    f()
except NameError as e:
    print(e)
)py") << QString::fromUtf8(R"py(name 'undefined_x' is not defined
name 'also_missing' is not defined
)py") << QString() << 0;
    QTest::newRow("type_error_messages") << QString::fromUtf8(R"py(cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: None + 1,
    lambda: -"a",
    lambda: len(5),
    lambda: [None][0][0],
    lambda: [5][0][0],
    lambda: [None][0](),
    lambda: ["abc"][0](1),
    lambda: {}[[1]],
    lambda: int(None),
    lambda: "a" < 1,
    lambda: sum(["a", "b"]),
    lambda: (1, 2)[0:1:0],
    lambda: "x".join([1, 2]),
    lambda: abs("x"),
    lambda: [].append(),
    lambda: len(),
]
for c in cases:
    try:
        c()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
)py") << QString::fromUtf8(R"py(TypeError: unsupported operand type(s) for +: 'int' and 'str'
TypeError: can only concatenate str (not "int") to str
TypeError: can only concatenate list (not "tuple") to list
TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'
TypeError: bad operand type for unary -: 'str'
TypeError: object of type 'int' has no len()
TypeError: 'NoneType' object is not subscriptable
TypeError: 'int' object is not subscriptable
TypeError: 'NoneType' object is not callable
TypeError: 'str' object is not callable
TypeError: unhashable type: 'list'
TypeError: int() argument must be a string, a bytes-like object or a real number, not 'NoneType'
TypeError: '<' not supported between instances of 'str' and 'int'
TypeError: unsupported operand type(s) for +: 'int' and 'str'
ValueError: slice step cannot be zero
TypeError: sequence item 0: expected str instance, int found
TypeError: bad operand type for abs(): 'str'
TypeError: list.append() takes exactly one argument (0 given)
TypeError: len() takes exactly one argument (0 given)
)py") << QString() << 0;
    QTest::newRow("attribute_error_messages") << QString::fromUtf8(
        R"py(for obj, name in [(5, "foo"), ("s", "bar"), ([], "push"), ({}, "has_key"), (None, "x")]:
    try:
        getattr(obj, name)
    except AttributeError as e:
        print(e)
try:
    (5).foo
except AttributeError as e:
    print(e)
)py") << QString::fromUtf8(R"py('int' object has no attribute 'foo'
'str' object has no attribute 'bar'
'list' object has no attribute 'push'
'dict' object has no attribute 'has_key'
'NoneType' object has no attribute 'x'
'int' object has no attribute 'foo'
)py") << QString() << 0;
    QTest::newRow("call_argument_errors") << QString::fromUtf8(R"py(def f(a, b, c=3):
    pass
def g(*, k):
    pass
def h():
    pass
calls = [lambda: f(), lambda: f(1), lambda: f(1, 2, 3, 4), lambda: f(1, 2, d=4), lambda: f(1, 2, a=1), lambda: g(1), lambda: g(), lambda: h(1), lambda: h(x=1)]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
)py") << QString::fromUtf8(R"py(f() missing 2 required positional arguments: 'a' and 'b'
f() missing 1 required positional argument: 'b'
f() takes from 2 to 3 positional arguments but 4 were given
f() got an unexpected keyword argument 'd'
f() got multiple values for argument 'a'
g() takes 0 positional arguments but 1 was given
g() missing 1 required keyword-only argument: 'k'
h() takes 0 positional arguments but 1 was given
h() got an unexpected keyword argument 'x'
)py") << QString() << 0;
    QTest::newRow("builtin_argument_errors") << QString::fromUtf8(
        R"py(for c in [lambda: len(1, 2), lambda: range(), lambda: range(1, 2, 0)]:
    try:
        c()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
)py") << QString::fromUtf8(R"py(TypeError: len() takes exactly one argument (2 given)
TypeError: range expected at least 1 argument, got 0
ValueError: range() arg 3 must not be zero
)py") << QString() << 0;
    QTest::newRow("index_error_messages") << QString::fromUtf8(
        R"py(for c in [lambda: [][0], lambda: [1][-2], lambda: "ab"[5], lambda: (1,)[3], lambda: [].pop(), lambda: range(3)[5]]:
    try:
        c()
    except IndexError as e:
        print(e)
)py") << QString::fromUtf8(R"py(list index out of range
list index out of range
string index out of range
tuple index out of range
pop from empty list
range object index out of range
)py") << QString() << 0;
    QTest::newRow("key_error_messages") << QString::fromUtf8(R"py(d = {"a": 1}
for k in ["b", 1, (1, 2), None, ""]:
    try:
        d[k]
    except KeyError as e:
        print(repr(e), str(e))
)py") << QString::fromUtf8(R"py(KeyError('b') 'b'
KeyError(1) 1
KeyError((1, 2)) (1, 2)
KeyError(None) None
KeyError('') ''
)py") << QString() << 0;
    QTest::newRow("value_error_messages") << QString::fromUtf8(
        R"py(for c in [lambda: int("x"), lambda: int("1.5"), lambda: float("abc"), lambda: [1].index(2), lambda: "abc".index("z"), lambda: [].remove(1), lambda: int("99", 8), lambda: "a b".split(""), lambda: max([]), lambda: min([])]:
    try:
        c()
    except ValueError as e:
        print(e)
)py") << QString::fromUtf8(R"py(invalid literal for int() with base 10: 'x'
invalid literal for int() with base 10: '1.5'
could not convert string to float: 'abc'
2 is not in list
substring not found
list.remove(x): x not in list
invalid literal for int() with base 8: '99'
empty separator
max() iterable argument is empty
min() iterable argument is empty
)py") << QString() << 0;
    QTest::newRow("return_in_loop_in_try_finally") << QString::fromUtf8(R"py(def f():
    for i in range(5):
        try:
            if i == 2:
                return i
        finally:
            print("fin", i)
print(f())
)py") << QString::fromUtf8(R"py(fin 0
fin 1
fin 2
2
)py") << QString() << 0;
    QTest::newRow("break_in_finally_swallows") << QString::fromUtf8(R"py(def f():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return "swallowed"
print(f())
)py") << QString::fromUtf8(R"py(swallowed
)py") << QString() << 0;
    QTest::newRow("continue_in_finally") << QString::fromUtf8(R"py(for i in range(3):
    try:
        if i == 1:
            raise ValueError("x")
    finally:
        continue
print("done")
)py") << QString::fromUtf8(R"py(done
)py") << QString() << 0;
    QTest::newRow("nested_finally_order") << QString::fromUtf8(R"py(def f():
    try:
        try:
            return "a"
        finally:
            print("inner")
    finally:
        print("outer")
print(f())
)py") << QString::fromUtf8(R"py(inner
outer
a
)py") << QString() << 0;
    QTest::newRow("while_true_break_return") << QString::fromUtf8(R"py(def first_square_over(n):
    i = 0
    while True:
        i += 1
        if i * i > n:
            return i
print(first_square_over(50))
)py") << QString::fromUtf8(R"py(8
)py") << QString() << 0;
    QTest::newRow("lambda_in_comprehension_default") << QString::fromUtf8(R"py(fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
)py") << QString::fromUtf8(R"py([0, 1, 2]
)py") << QString() << 0;
    QTest::newRow("sorted_with_tuple_keys") << QString::fromUtf8(
        R"py(people = [("bob", 25), ("alice", 30), ("carol", 25)]
print(sorted(people, key=lambda p: (p[1], p[0])))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(min(people, key=lambda p: p[1]), max(people, key=lambda p: p[1]))
)py") << QString::fromUtf8(R"py([('bob', 25), ('carol', 25), ('alice', 30)]
[('alice', 30), ('bob', 25), ('carol', 25)]
('bob', 25) ('alice', 30)
)py") << QString() << 0;
    QTest::newRow("enumerate_zip_dict_build") << QString::fromUtf8(R"py(keys = ["a", "b", "c"]
vals = [1, 2, 3]
print(dict(zip(keys, vals)))
print({k: i for i, k in enumerate(keys)})
print(list(zip(*[(1, "a"), (2, "b")])))
)py") << QString::fromUtf8(R"py({'a': 1, 'b': 2, 'c': 3}
{'a': 0, 'b': 1, 'c': 2}
[(1, 2), ('a', 'b')]
)py") << QString() << 0;
    QTest::newRow("conditional_import_asyncio_attributes") << QString::fromUtf8(R"py(import asyncio
print(asyncio.Lock.__name__, asyncio.CancelledError.__name__, issubclass(asyncio.CancelledError, BaseException), asyncio.TimeoutError is TimeoutError)
)py") << QString::fromUtf8(R"py(Lock CancelledError True True
)py") << QString() << 0;
    QTest::newRow("issubclass_checks") << QString::fromUtf8(
        R"py(print(issubclass(KeyError, LookupError), issubclass(ValueError, KeyError), issubclass(bool, int), issubclass(int, object))
)py") << QString::fromUtf8(R"py(True False True True
)py") << QString() << 0;
    QTest::newRow("isinstance_tuple_of_types") << QString::fromUtf8(R"py(for v in [1, "s", 1.5, None, [1], True]:
    print(isinstance(v, (int, float)), isinstance(v, str), type(v) is int)
)py") << QString::fromUtf8(R"py(True False True
False True False
True False False
False False False
False False False
True False False
)py") << QString() << 0;
    QTest::newRow("string_building_loop") << QString::fromUtf8(R"py(out = ""
for i in range(5):
    out += str(i) * i
print(out, len(out))
)py") << QString::fromUtf8(R"py(1223334444 10
)py") << QString() << 0;
    QTest::newRow("deep_recursion_ok") << QString::fromUtf8(R"py(def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(300))
)py") << QString::fromUtf8(R"py(300
)py") << QString() << 0;
    QTest::newRow("semicolons_and_one_line_blocks") << QString::fromUtf8(R"py(x = 1; y = 2; print(x + y)
if x: print("one-line if")
for i in range(2): print(i)
while x < 3: x += 1
print(x)
def f(): return "inline"
print(f())
)py") << QString::fromUtf8(R"py(3
one-line if
0
1
3
inline
)py") << QString() << 0;
    QTest::newRow("comments_and_blank_lines") << QString::fromUtf8(R"py(# leading comment

x = 1  # trailing comment


def f():
    # inside
    return x  # ret

print(f())
)py") << QString::fromUtf8(R"py(1
)py") << QString() << 0;
    QTest::newRow("line_continuation") << QString::fromUtf8(R"py(total = 1 + \
    2 + \
    3
items = [
    1,
    2,
]
print(total, items, (
    "paren"
))
)py") << QString::fromUtf8(R"py(6 [1, 2] paren
)py") << QString() << 0;
    QTest::newRow("unicode_identifiers_and_strings") << QString::fromUtf8(R"py(café = "naïve"
print(café, len(café), café.upper())
)py") << QString::fromUtf8(R"py(naïve 5 NAÏVE
)py") << QString() << 0;
    QTest::newRow("list_of_dicts_processing") << QString::fromUtf8(
        R"py(rows = [{"name": "a", "score": 3}, {"name": "b", "score": 9}, {"name": "c", "score": 5}]
best = max(rows, key=lambda r: r["score"])
print(best["name"], sum(r["score"] for r in rows) / len(rows))
print([r["name"] for r in sorted(rows, key=lambda r: r["score"], reverse=True)])
)py") << QString::fromUtf8(R"py(b 5.666666666666667
['b', 'c', 'a']
)py") << QString() << 0;
}

void TestInterpreter::builtinsAndMessages()
{
    checkScript();
}

// Await runs coroutines inline, exceptions crossing await boundaries, async with on Lock/Semaphore, gather,
// tasks.
void TestInterpreter::asyncBasics_data()
{
    addScriptColumns();
    QTest::newRow("await_chain_values") << QString::fromUtf8(R"py(import asyncio
async def add(a, b):
    await asyncio.sleep(0)
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, await add(3, 4))
    print(x, y)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(3 10
)py") << QString() << 0;
    QTest::newRow("exception_crosses_await") << QString::fromUtf8(R"py(import asyncio
async def level3():
    await asyncio.sleep(0.01)
    raise KeyError("deep key")
async def level2():
    try:
        await level3()
    finally:
        print("level2 finally")
async def level1():
    try:
        await level2()
    except KeyError as e:
        print("level1 caught", repr(e))
        return "recovered"
async def main():
    print(await level1())
asyncio.run(main())
)py") << QString::fromUtf8(R"py(level2 finally
level1 caught KeyError('deep key')
recovered
)py") << QString() << 0;
    QTest::newRow("exception_from_task_awaited") << QString::fromUtf8(R"py(import asyncio
async def fail(n):
    await asyncio.sleep(n / 100)
    raise ValueError(f"fail {n}")
async def main():
    tasks = [asyncio.create_task(fail(i)) for i in range(3)]
    for t in tasks:
        try:
            await t
        except ValueError as e:
            print("caught", e, t.done())
asyncio.run(main())
)py") << QString::fromUtf8(R"py(caught fail 0 True
caught fail 1 True
caught fail 2 True
)py") << QString() << 0;
    QTest::newRow("gather_return_exceptions") << QString::fromUtf8(R"py(import asyncio
async def ok(v):
    await asyncio.sleep(0)
    return v
async def bad(v):
    raise RuntimeError(v)
async def main():
    res = await asyncio.gather(ok(1), bad("x"), ok(3), return_exceptions=True)
    print(res)
    print([type(r).__name__ for r in res])
asyncio.run(main())
)py") << QString::fromUtf8(R"py([1, RuntimeError('x'), 3]
['int', 'RuntimeError', 'int']
)py") << QString() << 0;
    QTest::newRow("async_function_not_awaited_is_coroutine") << QString::fromUtf8(R"py(import asyncio
async def c():
    return 1
async def main():
    co = c()
    print(type(co).__name__)
    print(await co)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(coroutine
1
)py") << QString() << 0;
    QTest::newRow("async_try_finally_return") << QString::fromUtf8(R"py(import asyncio
async def f():
    try:
        await asyncio.sleep(0)
        return "body"
    finally:
        print("cleanup")
async def main():
    print(await f())
asyncio.run(main())
)py") << QString::fromUtf8(R"py(cleanup
body
)py") << QString() << 0;
    QTest::newRow("async_loop_with_sleep_and_time") << QString::fromUtf8(R"py(import asyncio
async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    for i in range(3):
        await asyncio.sleep(0.5)
        print(i, round(loop.time() - start, 2))
asyncio.run(main())
)py") << QString::fromUtf8(R"py(0 0.5
1 1.0
2 1.5
)py") << QString() << 0;
    QTest::newRow("async_with_lock_exception_releases") << QString::fromUtf8(R"py(import asyncio
async def main():
    lock = asyncio.Lock()
    for i in range(2):
        try:
            async with lock:
                print("locked", lock.locked())
                if i == 0:
                    raise ValueError("first")
        except ValueError as e:
            print("caught", e, "locked after:", lock.locked())
    print("end", lock.locked())
asyncio.run(main())
)py") << QString::fromUtf8(R"py(locked True
caught first locked after: False
locked True
end False
)py") << QString() << 0;
    QTest::newRow("async_with_semaphore") << QString::fromUtf8(R"py(import asyncio
async def worker(sem, i, log):
    async with sem:
        log.append(("start", i))
        await asyncio.sleep(0.1)
        log.append(("end", i))
async def main():
    sem = asyncio.Semaphore(2)
    log = []
    await asyncio.gather(*(worker(sem, i, log) for i in range(4)))
    for entry in log:
        print(*entry)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(start 0
start 1
end 0
end 1
start 2
start 3
end 2
end 3
)py") << QString() << 0;
    QTest::newRow("async_recursion") << QString::fromUtf8(R"py(import asyncio
async def countdown(n):
    if n == 0:
        return "liftoff"
    await asyncio.sleep(0)
    return await countdown(n - 1)
async def main():
    print(await countdown(50))
asyncio.run(main())
)py") << QString::fromUtf8(R"py(liftoff
)py") << QString() << 0;
    QTest::newRow("async_nonlocal_closure") << QString::fromUtf8(R"py(import asyncio
async def main():
    total = 0
    async def add(n):
        nonlocal total
        await asyncio.sleep(0)
        total += n
    await asyncio.gather(*[add(i) for i in range(5)])
    print(total)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(10
)py") << QString() << 0;
    QTest::newRow("async_exception_context_across_await") << QString::fromUtf8(R"py(import asyncio
async def cleanup():
    await asyncio.sleep(0)
    raise RuntimeError("cleanup failed")
async def main():
    try:
        try:
            raise ValueError("original")
        except ValueError:
            await cleanup()
    except RuntimeError as e:
        print(repr(e), repr(e.__context__))
asyncio.run(main())
)py") << QString::fromUtf8(R"py(RuntimeError('cleanup failed') ValueError('original')
)py") << QString() << 0;
    QTest::newRow("await_in_expressions") << QString::fromUtf8(R"py(import asyncio
async def v(x):
    return x
async def main():
    print(await v(1) + await v(2), [await v(3), await v(4)], {"k": await v(5)}, f"{await v(6)}")
    if await v(True):
        print("if await")
    while not await v(True):
        pass
    print(await v(7) if await v(False) else "cond")
asyncio.run(main())
)py") << QString::fromUtf8(R"py(3 [3, 4] {'k': 5} 6
if await
cond
)py") << QString() << 0;
    QTest::newRow("uncaught_in_module_after_asyncio") << QString::fromUtf8(R"py(import asyncio
async def main():
    return 5
r = asyncio.run(main())
print(r)
raise ValueError(r)
)py") << QString::fromUtf8(R"py(5
)py") << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 6, in <module>
    raise ValueError(r)
ValueError: 5
)py") << 1;
    QTest::newRow("wait_for_timeout") << QString::fromUtf8(R"py(import asyncio
async def slow():
    await asyncio.sleep(10)
async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.5)
    except TimeoutError as e:
        print("timeout", type(e).__name__, repr(e))
    except asyncio.TimeoutError:
        print("asyncio timeout")
asyncio.run(main())
)py") << QString::fromUtf8(R"py(timeout TimeoutError TimeoutError()
)py") << QString() << 0;
    QTest::newRow("cancel_task_catch") << QString::fromUtf8(R"py(import asyncio
async def sleeper():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("cancelled inside")
        raise
async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main saw cancel", t.cancelled())
asyncio.run(main())
)py") << QString::fromUtf8(R"py(cancelled inside
main saw cancel True
)py") << QString() << 0;
    QTest::newRow("async_with_return_break_continue_release") << QString::fromUtf8(R"py(import asyncio
async def get(lock):
    async with lock:
        return lock.locked()
async def main():
    lock = asyncio.Lock()
    print(await get(lock), lock.locked())
    for i in range(3):
        async with lock:
            if i == 0:
                continue
            if i == 1:
                break
    print("after loop", lock.locked())
asyncio.run(main())
)py") << QString::fromUtf8(R"py(True False
after loop False
)py") << QString() << 0;
    QTest::newRow("await_in_finally") << QString::fromUtf8(R"py(import asyncio
async def main():
    try:
        try:
            raise ValueError("body")
        finally:
            await asyncio.sleep(0.1)
            print("finally awaited")
    except ValueError as e:
        print("caught", e)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(finally awaited
caught body
)py") << QString() << 0;
    QTest::newRow("await_in_except_and_else") << QString::fromUtf8(R"py(import asyncio
async def v(x):
    await asyncio.sleep(0)
    return x
async def main():
    for fail in (True, False):
        try:
            if fail:
                raise KeyError("k")
        except KeyError as e:
            print("except", await v(str(e)))
        else:
            print("else", await v("ok"))
        finally:
            print("finally", await v(fail))
asyncio.run(main())
)py") << QString::fromUtf8(R"py(except 'k'
finally True
else ok
finally False
)py") << QString() << 0;
    QTest::newRow("nested_async_with_two_locks") << QString::fromUtf8(R"py(import asyncio
async def main():
    a = asyncio.Lock()
    b = asyncio.Lock()
    async with a, b:
        print(a.locked(), b.locked())
    print(a.locked(), b.locked())
asyncio.run(main())
)py") << QString::fromUtf8(R"py(True True
False False
)py") << QString() << 0;
    QTest::newRow("async_while_loop_with_await_condition") << QString::fromUtf8(R"py(import asyncio
async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    total = 0
    while not q.empty():
        total += await q.get()
    print(total)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(3
)py") << QString() << 0;
    QTest::newRow("async_lambda_returning_coroutine") << QString::fromUtf8(R"py(import asyncio
async def double(x):
    return 2 * x
async def main():
    f = lambda x: double(x)
    print(await f(4))
    fs = [double, lambda y: double(y + 1)]
    print([await g(1) for g in fs] if False else "skip")
    results = []
    for g in fs:
        results.append(await g(1))
    print(results)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(8
skip
[2, 4]
)py") << QString() << 0;
    QTest::newRow("async_exception_in_gather_traceback_caught") << QString::fromUtf8(R"py(import asyncio
async def a():
    await asyncio.sleep(0.01)
    return "a"
async def b():
    await asyncio.sleep(0.02)
    raise ValueError("b failed")
async def main():
    try:
        await asyncio.gather(a(), b())
    except ValueError as e:
        print("gather raised", e)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(gather raised b failed
)py") << QString() << 0;
    QTest::newRow("async_global_state") << QString::fromUtf8(R"py(import asyncio
counter = 0
async def inc():
    global counter
    for _ in range(3):
        counter += 1
        await asyncio.sleep(0)
async def main():
    await asyncio.gather(inc(), inc())
    print(counter)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(6
)py") << QString() << 0;
    QTest::newRow("async_return_in_try_except_finally") << QString::fromUtf8(R"py(import asyncio
async def f(n):
    try:
        await asyncio.sleep(0)
        if n:
            raise ValueError(n)
        return "ok"
    except ValueError as e:
        return f"err {e}"
    finally:
        print("finally", n)
async def main():
    print(await f(0))
    print(await f(1))
asyncio.run(main())
)py") << QString::fromUtf8(R"py(finally 0
ok
finally 1
err 1
)py") << QString() << 0;
    QTest::newRow("asyncio_run_twice_with_state") << QString::fromUtf8(R"py(import asyncio
log = []
async def step(n):
    await asyncio.sleep(0)
    log.append(n)
asyncio.run(step(1))
asyncio.run(step(2))
print(log)
)py") << QString::fromUtf8(R"py([1, 2]
)py") << QString() << 0;
}

void TestInterpreter::asyncBasics()
{
    checkScript();
}

// An exception escaping the script: Outcome::Uncaught, exit status 1 and the traceback.
void TestInterpreter::uncaughtErrors_data()
{
    addScriptColumns();
    QTest::newRow("tb_simple_module") << QString::fromUtf8(R"py(print("before")
raise ValueError("boom")
)py") << QString::fromUtf8(R"py(before
)py") << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    raise ValueError("boom")
ValueError: boom
)py") << 1;
    QTest::newRow("tb_nested_functions") << QString::fromUtf8(R"py(def a():
    b()
def b():
    c(1)
def c(x):
    raise ValueError("boom")
a()
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 7, in <module>
    a()
  File "t.py", line 2, in a
    b()
  File "t.py", line 4, in b
    c(1)
  File "t.py", line 6, in c
    raise ValueError("boom")
ValueError: boom
)py") << 1;
    QTest::newRow("tb_zero_division") << QString::fromUtf8(R"py(def f(n):
    return 10 // n
print(f(2))
print(f(0))
)py") << QString::fromUtf8(R"py(5
)py") << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 4, in <module>
    print(f(0))
  File "t.py", line 2, in f
    return 10 // n
ZeroDivisionError: integer division or modulo by zero
)py") << 1;
    QTest::newRow("tb_key_error") << QString::fromUtf8(R"py(d = {"a": 1}
print(d["b"])
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    print(d["b"])
KeyError: 'b'
)py") << 1;
    QTest::newRow("tb_name_error") << QString::fromUtf8(R"py(def f():
    return undefined_thing + 1
f()
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in <module>
    f()
  File "t.py", line 2, in f
    return undefined_thing + 1
NameError: name 'undefined_thing' is not defined
)py") << 1;
    QTest::newRow("tb_attribute_error") << QString::fromUtf8(R"py(x = 5
x.foo
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x.foo
AttributeError: 'int' object has no attribute 'foo'
)py") << 1;
    QTest::newRow("tb_index_error") << QString::fromUtf8(R"py(xs = [1, 2]
xs[5]
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    xs[5]
IndexError: list index out of range
)py") << 1;
    QTest::newRow("tb_none_subscript") << QString::fromUtf8(R"py(def get():
    return None
v = get()
print(v[0])
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 4, in <module>
    print(v[0])
TypeError: 'NoneType' object is not subscriptable
)py") << 1;
    QTest::newRow("tb_type_error_add") << QString::fromUtf8(R"py(print(1 + "a")
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 1, in <module>
    print(1 + "a")
TypeError: unsupported operand type(s) for +: 'int' and 'str'
)py") << 1;
    QTest::newRow("tb_str_concat") << QString::fromUtf8(R"py(print("a" + 1)
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 1, in <module>
    print("a" + 1)
TypeError: can only concatenate str (not "int") to str
)py") << 1;
    QTest::newRow("tb_int_parse") << QString::fromUtf8(R"py(int("abc")
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 1, in <module>
    int("abc")
ValueError: invalid literal for int() with base 10: 'abc'
)py") << 1;
    QTest::newRow("tb_unbound_local") << QString::fromUtf8(R"py(x = 1
def f():
    print(x)
    x = 2
f()
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 5, in <module>
    f()
  File "t.py", line 3, in f
    print(x)
UnboundLocalError: cannot access local variable 'x' where it is not associated with a value
)py") << 1;
    QTest::newRow("tb_missing_argument") << QString::fromUtf8(R"py(def f(a, b):
    return a + b
f(1)
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in <module>
    f(1)
TypeError: f() missing 1 required positional argument: 'b'
)py") << 1;
    QTest::newRow("tb_extra_argument") << QString::fromUtf8(R"py(def f(a):
    return a
f(1, 2)
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in <module>
    f(1, 2)
TypeError: f() takes 1 positional argument but 2 were given
)py") << 1;
    QTest::newRow("tb_unexpected_keyword") << QString::fromUtf8(R"py(def f(a):
    return a
f(a=1, b=2)
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in <module>
    f(a=1, b=2)
TypeError: f() got an unexpected keyword argument 'b'
)py") << 1;
    QTest::newRow("tb_multiple_values") << QString::fromUtf8(R"py(def f(a, b=1):
    return a
f(1, a=2)
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in <module>
    f(1, a=2)
TypeError: f() got multiple values for argument 'a'
)py") << 1;
    QTest::newRow("tb_missing_kwonly") << QString::fromUtf8(R"py(def f(*, key):
    return key
f()
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in <module>
    f()
TypeError: f() missing 1 required keyword-only argument: 'key'
)py") << 1;
    QTest::newRow("tb_raise_from_none") << QString::fromUtf8(R"py(try:
    1 / 0
except ZeroDivisionError:
    raise ValueError("clean") from None
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 4, in <module>
    raise ValueError("clean") from None
ValueError: clean
)py") << 1;
    QTest::newRow("tb_exception_no_message") << QString::fromUtf8(R"py(raise RuntimeError
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 1, in <module>
    raise RuntimeError
RuntimeError
)py") << 1;
    QTest::newRow("tb_exception_multi_args") << QString::fromUtf8(R"py(raise ValueError("a", 1)
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 1, in <module>
    raise ValueError("a", 1)
ValueError: ('a', 1)
)py") << 1;
    QTest::newRow("tb_key_error_repr") << QString::fromUtf8(R"py(raise KeyError("it's")
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 1, in <module>
    raise KeyError("it's")
KeyError: "it's"
)py") << 1;
    QTest::newRow("tb_in_lambda") << QString::fromUtf8(R"py(f = lambda x: x / 0
f(1)
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    f(1)
  File "t.py", line 1, in <lambda>
    f = lambda x: x / 0
ZeroDivisionError: division by zero
)py") << 1;
    QTest::newRow("tb_in_comprehension") << QString::fromUtf8(R"py(xs = [1, 0]
print([10 // x for x in xs])
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    print([10 // x for x in xs])
ZeroDivisionError: integer division or modulo by zero
)py") << 1;
    QTest::newRow("tb_async_chain") << QString::fromUtf8(R"py(import asyncio
async def leaf():
    await asyncio.sleep(0)
    raise ValueError("deep")
async def middle():
    await leaf()
async def main():
    await middle()
asyncio.run(main())
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 9, in <module>
    asyncio.run(main())
  File "t.py", line 8, in main
    await middle()
  File "t.py", line 6, in middle
    await leaf()
  File "t.py", line 4, in leaf
    raise ValueError("deep")
ValueError: deep
)py") << 1;
    QTest::newRow("tb_async_task_exception") << QString::fromUtf8(R"py(import asyncio
async def worker():
    await asyncio.sleep(0.1)
    raise RuntimeError("task failed")
async def main():
    t = asyncio.create_task(worker())
    await t
asyncio.run(main())
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 8, in <module>
    asyncio.run(main())
  File "t.py", line 7, in main
    await t
  File "t.py", line 4, in worker
    raise RuntimeError("task failed")
RuntimeError: task failed
)py") << 1;
    QTest::newRow("tb_async_caught_across_await") << QString::fromUtf8(R"py(import asyncio
async def leaf(n):
    await asyncio.sleep(0)
    if n:
        raise ValueError(f"leaf {n}")
    return "fine"
async def main():
    for n in range(3):
        try:
            print(await leaf(n))
        except ValueError as e:
            print("caught", e)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(fine
caught leaf 1
caught leaf 2
)py") << QString() << 0;
    QTest::newRow("tb_async_gather") << QString::fromUtf8(R"py(import asyncio
async def bad():
    raise TypeError("in gather")
async def main():
    await asyncio.gather(bad())
asyncio.run(main())
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 6, in <module>
    asyncio.run(main())
  File "t.py", line 5, in main
    await asyncio.gather(bad())
  File "t.py", line 3, in bad
    raise TypeError("in gather")
TypeError: in gather
)py") << 1;
    QTest::newRow("recursion_caught") << QString::fromUtf8(R"py(def f(n):
    return f(n + 1)
try:
    f(0)
except RecursionError as e:
    print("RecursionError:", e)
)py") << QString::fromUtf8(R"py(RecursionError: maximum recursion depth exceeded
)py") << QString() << 0;
    QTest::newRow("tb_not_callable") << QString::fromUtf8(R"py(x = 5
x()
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    x()
TypeError: 'int' object is not callable
)py") << 1;
    QTest::newRow("tb_output_before_error") << QString::fromUtf8(R"py(for i in range(3):
    print(i)
    if i == 1:
        raise SystemError("stop") if False else ValueError("stop at 1")
)py") << QString::fromUtf8(R"py(0
1
)py") << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 4, in <module>
    raise SystemError("stop") if False else ValueError("stop at 1")
ValueError: stop at 1
)py") << 1;
    QTest::newRow("tb_multiline_call") << QString::fromUtf8(R"py(def bar():
    raise ValueError("in bar")
def foo(*a):
    return a
x = foo(
    1,
    bar(),
)
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 7, in <module>
    bar(),
  File "t.py", line 2, in bar
    raise ValueError("in bar")
ValueError: in bar
)py") << 1;
    QTest::newRow("tb_method_call_error") << QString::fromUtf8(R"py(items = [3, 1, 2]
items.remove(5)
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    items.remove(5)
ValueError: list.remove(x): x not in list
)py") << 1;
    QTest::newRow("tb_error_in_default_arg_call") << QString::fromUtf8(R"py(def f(a, b=len(5)):
    pass
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 1, in <module>
    def f(a, b=len(5)):
TypeError: object of type 'int' has no len()
)py") << 1;
    QTest::newRow("tb_kwargs_call_error") << QString::fromUtf8(R"py(def f(**kw):
    return kw["missing"]
f(a=1)
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in <module>
    f(a=1)
  File "t.py", line 2, in f
    return kw["missing"]
KeyError: 'missing'
)py") << 1;
    QTest::newRow("tb_lambda_frame_name") << QString::fromUtf8(R"py(g = lambda: 1 / 0
def h():
    return g()
h()
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 4, in <module>
    h()
  File "t.py", line 3, in h
    return g()
  File "t.py", line 1, in <lambda>
    g = lambda: 1 / 0
ZeroDivisionError: division by zero
)py") << 1;
    QTest::newRow("tb_nested_closure_names") << QString::fromUtf8(R"py(def outer():
    def middle():
        def inner():
            raise KeyError("x")
        inner()
    middle()
outer()
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 7, in <module>
    outer()
  File "t.py", line 6, in outer
    middle()
  File "t.py", line 5, in middle
    inner()
  File "t.py", line 4, in inner
    raise KeyError("x")
KeyError: 'x'
)py") << 1;
    QTest::newRow("tb_error_in_loop_body") << QString::fromUtf8(R"py(for i in range(5):
    if i == 3:
        int("three")
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in <module>
    int("three")
ValueError: invalid literal for int() with base 10: 'three'
)py") << 1;
    QTest::newRow("tb_error_in_while_condition") << QString::fromUtf8(R"py(def check(n):
    if n > 2:
        raise RuntimeError("stop")
    return True
n = 0
while check(n):
    n += 1
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 6, in <module>
    while check(n):
  File "t.py", line 3, in check
    raise RuntimeError("stop")
RuntimeError: stop
)py") << 1;
    QTest::newRow("tb_error_in_if_condition") << QString::fromUtf8(R"py(x = None
if x.attr:
    pass
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    if x.attr:
AttributeError: 'NoneType' object has no attribute 'attr'
)py") << 1;
    QTest::newRow("tb_error_in_return_expression") << QString::fromUtf8(R"py(def f(d):
    return d["k"] + 1
f({"k": "s"})
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in <module>
    f({"k": "s"})
  File "t.py", line 2, in f
    return d["k"] + 1
TypeError: can only concatenate str (not "int") to str
)py") << 1;
    QTest::newRow("tb_error_in_fstring") << QString::fromUtf8(R"py(v = None
print(f"{v:.2f}")
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    print(f"{v:.2f}")
TypeError: unsupported format string passed to NoneType.__format__
)py") << 1;
    QTest::newRow("tb_exception_with_newline_message") << QString::fromUtf8(R"py(raise ValueError("line one\nline two")
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 1, in <module>
    raise ValueError("line one\nline two")
ValueError: line one
line two
)py") << 1;
    QTest::newRow("tb_exception_empty_string") << QString::fromUtf8(R"py(raise ValueError("")
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 1, in <module>
    raise ValueError("")
ValueError
)py") << 1;
    QTest::newRow("tb_keyerror_tuple") << QString::fromUtf8(R"py(d = {}
d[(1, "a")]
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    d[(1, "a")]
KeyError: (1, 'a')
)py") << 1;
    QTest::newRow("tb_custom_args") << QString::fromUtf8(R"py(raise RuntimeError(1, 2, "three")
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 1, in <module>
    raise RuntimeError(1, 2, "three")
RuntimeError: (1, 2, 'three')
)py") << 1;
    QTest::newRow("tb_assert_message") << QString::fromUtf8(R"py(x = 5
assert x < 0, f"x is {x}"
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 2, in <module>
    assert x < 0, f"x is {x}"
AssertionError: x is 5
)py") << 1;
    QTest::newRow("tb_assert_no_message") << QString::fromUtf8(R"py(assert 1 == 2
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 1, in <module>
    assert 1 == 2
AssertionError
)py") << 1;
    QTest::newRow("tb_raise_instance_variable") << QString::fromUtf8(R"py(err = TypeError("stored")
def f():
    raise err
f()
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 4, in <module>
    f()
  File "t.py", line 3, in f
    raise err
TypeError: stored
)py") << 1;
    QTest::newRow("tb_exception_args_none") << QString::fromUtf8(R"py(raise KeyError(None)
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 1, in <module>
    raise KeyError(None)
KeyError: None
)py") << 1;
    QTest::newRow("tb_async_three_levels") << QString::fromUtf8(R"py(import asyncio
async def c():
    await asyncio.sleep(0.1)
    {}["nope"]
async def b():
    return await c()
async def a():
    x = await b()
    return x
asyncio.run(a())
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 10, in <module>
    asyncio.run(a())
  File "t.py", line 8, in a
    x = await b()
  File "t.py", line 6, in b
    return await c()
  File "t.py", line 4, in c
    {}["nope"]
KeyError: 'nope'
)py") << 1;
    QTest::newRow("tb_async_error_before_await") << QString::fromUtf8(R"py(import asyncio
async def main():
    print("start")
    raise ValueError("early")
asyncio.run(main())
)py") << QString::fromUtf8(R"py(start
)py") << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 5, in <module>
    asyncio.run(main())
  File "t.py", line 4, in main
    raise ValueError("early")
ValueError: early
)py") << 1;
    QTest::newRow("tb_async_after_gather") << QString::fromUtf8(R"py(import asyncio
async def work(i):
    await asyncio.sleep(i / 10)
    if i == 2:
        raise IndexError(f"bad {i}")
    return i
async def main():
    results = await asyncio.gather(work(1), work(2), work(3))
    print(results)
asyncio.run(main())
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 10, in <module>
    asyncio.run(main())
  File "t.py", line 8, in main
    results = await asyncio.gather(work(1), work(2), work(3))
  File "t.py", line 5, in work
    raise IndexError(f"bad {i}")
IndexError: bad 2
)py") << 1;
    QTest::newRow("tb_async_caught_then_reraised_different") << QString::fromUtf8(R"py(import asyncio
async def fetch():
    await asyncio.sleep(0)
    raise OSError("disk")
async def main():
    try:
        await fetch()
    except OSError:
        print("retry failed")
    raise RuntimeError("gave up")
asyncio.run(main())
)py") << QString::fromUtf8(R"py(retry failed
)py") << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 11, in <module>
    asyncio.run(main())
  File "t.py", line 10, in main
    raise RuntimeError("gave up")
RuntimeError: gave up
)py") << 1;
    QTest::newRow("tb_unbound_local_in_async") << QString::fromUtf8(R"py(import asyncio
async def main():
    if False:
        value = 1
    print(value)
asyncio.run(main())
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 6, in <module>
    asyncio.run(main())
  File "t.py", line 5, in main
    print(value)
UnboundLocalError: cannot access local variable 'value' where it is not associated with a value
)py") << 1;
    QTest::newRow("tb_exit_code_and_output_order") << QString::fromUtf8(R"py(print("one")
print("two", end="")
raise SystemError("x") if False else KeyError("final")
)py") << QString::fromUtf8(R"py(one
two)py") << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in <module>
    raise SystemError("x") if False else KeyError("final")
KeyError: 'final'
)py") << 1;
    QTest::newRow("tb_nameerror_no_suggestion") << QString::fromUtf8(R"py(zzzzqqq
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 1, in <module>
    zzzzqqq
NameError: name 'zzzzqqq' is not defined
)py") << 1;
    QTest::newRow("tb_through_decorator") << QString::fromUtf8(R"py(def deco(fn):
    def wrapper(*a):
        return fn(*a)
    return wrapper
@deco
def boom(x):
    return x[5]
boom([1])
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 8, in <module>
    boom([1])
  File "t.py", line 3, in wrapper
    return fn(*a)
  File "t.py", line 7, in boom
    return x[5]
IndexError: list index out of range
)py") << 1;
    QTest::newRow("tb_multiline_call_args") << QString::fromUtf8(R"py(def f(a, b):
    return a / b
result = f(
    1,
    0,
)
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in <module>
    result = f(
  File "t.py", line 2, in f
    return a / b
ZeroDivisionError: division by zero
)py") << 1;
    QTest::newRow("tb_method_on_result") << QString::fromUtf8(R"py(def get():
    return None
get().strip()
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 3, in <module>
    get().strip()
AttributeError: 'NoneType' object has no attribute 'strip'
)py") << 1;
    QTest::newRow("tb_in_nested_comprehension_call") << QString::fromUtf8(R"py(def check(v):
    if v > 1:
        raise ValueError(f"too big: {v}")
    return v
print([[check(j) for j in range(i)] for i in range(4)])
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 5, in <module>
    print([[check(j) for j in range(i)] for i in range(4)])
  File "t.py", line 3, in check
    raise ValueError(f"too big: {v}")
ValueError: too big: 2
)py") << 1;
    QTest::newRow("tb_async_in_task_with_name") << QString::fromUtf8(R"py(import asyncio
async def worker(n):
    await asyncio.sleep(n)
    raise LookupError(f"worker {n}")
async def main():
    t1 = asyncio.create_task(worker(1), name="w1")
    await t1
asyncio.run(main())
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 8, in <module>
    asyncio.run(main())
  File "t.py", line 7, in main
    await t1
  File "t.py", line 4, in worker
    raise LookupError(f"worker {n}")
LookupError: worker 1
)py") << 1;
    QTest::newRow("tb_async_coroutine_calling_sync") << QString::fromUtf8(R"py(import asyncio
def helper(d):
    return d["missing"]
async def main():
    await asyncio.sleep(0)
    helper({})
asyncio.run(main())
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 7, in <module>
    asyncio.run(main())
  File "t.py", line 6, in main
    helper({})
  File "t.py", line 3, in helper
    return d["missing"]
KeyError: 'missing'
)py") << 1;
}

void TestInterpreter::uncaughtErrors()
{
    checkScript();
}

// Scripts CPython refuses to compile: type, message, line and column as CPython's SyntaxError
// has them (compile() run in the script's directory), and the formatted text as CPython prints
// it with its caret run collapsed to one `^`. Rows with an empty type compile in CPython.
void TestInterpreter::syntaxErrors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("formatted");
    QTest::newRow("se_nonlocal_without_binding") << QString::fromUtf8("def f():\n    nonlocal q\n    q = 1\n")
                                                 << QString::fromUtf8("SyntaxError")
                                                 << QString::fromUtf8("no binding for nonlocal 'q' found") << 2 << 5
                                                 << QString::fromUtf8("  File \"t.py\", line 2\n    nonlocal q\n    ^\n"
                                                                      "SyntaxError: no binding for nonlocal 'q' found");
    QTest::newRow("se_global_after_assignment") << QString::fromUtf8("x = 0\ndef f():\n    x = 1\n    global x\n")
                                                << QString::fromUtf8("SyntaxError")
                                                << QString::fromUtf8("name 'x' is assigned to before global declaration") << 4 << 5
                                                << QString::fromUtf8("  File \"t.py\", line 4\n    global x\n    ^\n"
                                                                     "SyntaxError: name 'x' is assigned to before global declaration");
    QTest::newRow("se_unclosed_paren") << QString::fromUtf8(R"py(x = (1,
print(x)
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                       << QString::fromUtf8(R"py('(' was never closed)py") << 1 << 5
                                       << QString::fromUtf8(R"py(  File "t.py", line 1
    x = (1,
        ^
SyntaxError: '(' was never closed)py");
    QTest::newRow("se_missing_colon") << QString::fromUtf8(R"py(if True
    print(1)
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                      << QString::fromUtf8(R"py(expected ':')py") << 1 << 8
                                      << QString::fromUtf8(R"py(  File "t.py", line 1
    if True
           ^
SyntaxError: expected ':')py");
    QTest::newRow("se_bad_indent") << QString::fromUtf8(R"py(def f():
print(1)
)py") << QString::fromUtf8(R"py(IndentationError)py")
                                   << QString::fromUtf8(
                                          R"py(expected an indented block after function definition on line 1)py")
                                   << 2 << 1 << QString::fromUtf8(R"py(  File "t.py", line 2
    print(1)
    ^
IndentationError: expected an indented block after function definition on line 1)py");
    QTest::newRow("se_unexpected_indent")
        << QString::fromUtf8(R"py(x = 1
    y = 2
)py") << QString::fromUtf8(R"py(IndentationError)py")
        << QString::fromUtf8(R"py(unexpected indent)py") << 2 << 4 << QString::fromUtf8(R"py(  File "t.py", line 2
    y = 2
IndentationError: unexpected indent)py");
    QTest::newRow("se_unindent_mismatch")
        << QString::fromUtf8(R"py(if True:
        x = 1
    y = 2
)py") << QString::fromUtf8(R"py(IndentationError)py")
        << QString::fromUtf8(R"py(unindent does not match any outer indentation level)py") << 3 << 10
        << QString::fromUtf8(R"py(  File "t.py", line 3
    y = 2
         ^
IndentationError: unindent does not match any outer indentation level)py");
    QTest::newRow("se_invalid_syntax") << QString::fromUtf8(R"py(x = 1 +
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                       << QString::fromUtf8(R"py(invalid syntax)py") << 1 << 8
                                       << QString::fromUtf8(R"py(  File "t.py", line 1
    x = 1 +
           ^
SyntaxError: invalid syntax)py");
    QTest::newRow("se_assign_to_literal")
        << QString::fromUtf8(R"py(1 = x
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(cannot assign to literal here. Maybe you meant '==' instead of '='?)py") << 1 << 1
        << QString::fromUtf8(R"py(  File "t.py", line 1
    1 = x
    ^
SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?)py");
    QTest::newRow("se_unterminated_string")
        << QString::fromUtf8(R"py(s = "abc
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(unterminated string literal (detected at line 1))py") << 1 << 5
        << QString::fromUtf8(R"py(  File "t.py", line 1
    s = "abc
        ^
SyntaxError: unterminated string literal (detected at line 1))py");
    QTest::newRow("se_return_outside") << QString::fromUtf8(R"py(return 5
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                       << QString::fromUtf8(R"py('return' outside function)py") << 1 << 1
                                       << QString::fromUtf8(R"py(  File "t.py", line 1
    return 5
    ^
SyntaxError: 'return' outside function)py");
    QTest::newRow("se_break_outside") << QString::fromUtf8(R"py(break
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                      << QString::fromUtf8(R"py('break' outside loop)py") << 1 << 1
                                      << QString::fromUtf8(R"py(  File "t.py", line 1
    break
    ^
SyntaxError: 'break' outside loop)py");
    QTest::newRow("se_await_outside_async") << QString::fromUtf8(R"py(def f():
    await g()
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                            << QString::fromUtf8(R"py('await' outside async function)py") << 2 << 5
                                            << QString::fromUtf8(R"py(  File "t.py", line 2
    await g()
    ^
SyntaxError: 'await' outside async function)py");
    QTest::newRow("se_nonlocal_at_module")
        << QString::fromUtf8(R"py(nonlocal x
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(nonlocal declaration not allowed at module level)py") << 1 << 1
        << QString::fromUtf8(R"py(  File "t.py", line 1
    nonlocal x
    ^
SyntaxError: nonlocal declaration not allowed at module level)py");
    QTest::newRow("se_keyword_repeat") << QString::fromUtf8(R"py(f(a=1, a=2)
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                       << QString::fromUtf8(R"py(keyword argument repeated: a)py") << 1 << 8
                                       << QString::fromUtf8(R"py(  File "t.py", line 1
    f(a=1, a=2)
           ^
SyntaxError: keyword argument repeated: a)py");
    QTest::newRow("se_positional_after_keyword")
        << QString::fromUtf8(R"py(f(a=1, 2)
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(positional argument follows keyword argument)py") << 1 << 9
        << QString::fromUtf8(R"py(  File "t.py", line 1
    f(a=1, 2)
            ^
SyntaxError: positional argument follows keyword argument)py");
    QTest::newRow("se_missing_comma_hint") << QString::fromUtf8(R"py(print("a" "b" x)
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                           << QString::fromUtf8(R"py(invalid syntax. Perhaps you forgot a comma?)py")
                                           << 1 << 7 << QString::fromUtf8(R"py(  File "t.py", line 1
    print("a" "b" x)
          ^
SyntaxError: invalid syntax. Perhaps you forgot a comma?)py");
    QTest::newRow("se_invalid_character")
        << QString::fromUtf8(R"py(x = 5 $ 3
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(invalid syntax)py") << 1 << 7 << QString::fromUtf8(R"py(  File "t.py", line 1
    x = 5 $ 3
          ^
SyntaxError: invalid syntax)py");
    QTest::newRow("se_unmatched_bracket")
        << QString::fromUtf8(R"py(x = [1, 2)
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(closing parenthesis ')' does not match opening parenthesis '[')py") << 1 << 10
        << QString::fromUtf8(R"py(  File "t.py", line 1
    x = [1, 2)
             ^
SyntaxError: closing parenthesis ')' does not match opening parenthesis '[')py");
    QTest::newRow("se_unclosed_triple") << QString::fromUtf8(R"py(s = """abc
def
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                        << QString::fromUtf8(
                                               R"py(unterminated triple-quoted string literal (detected at line 2))py")
                                        << 1 << 5 << QString::fromUtf8(R"py(  File "t.py", line 1
    s = """abc
        ^
SyntaxError: unterminated triple-quoted string literal (detected at line 2))py");
    QTest::newRow("se_mixed_ok_then_error")
        << QString::fromUtf8(R"py(print("this line does not run")
def f(:
    pass
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(invalid syntax)py") << 2 << 7 << QString::fromUtf8(R"py(  File "t.py", line 2
    def f(:
          ^
SyntaxError: invalid syntax)py");
    QTest::newRow("se_tab_error") << QString::fromUtf8(R"py(if True:
	x = 1
        y = 2
)py") << QString::fromUtf8(R"py(TabError)py")
                                  << QString::fromUtf8(R"py(inconsistent use of tabs and spaces in indentation)py") << 3
                                  << 1 << QString::fromUtf8(R"py(  File "t.py", line 3
    y = 2
TabError: inconsistent use of tabs and spaces in indentation)py");
    QTest::newRow("se_default_before_nondefault")
        << QString::fromUtf8(R"py(def f(a=1, b):
    pass
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(parameter without a default follows parameter with a default)py") << 1 << 12
        << QString::fromUtf8(R"py(  File "t.py", line 1
    def f(a=1, b):
               ^
SyntaxError: parameter without a default follows parameter with a default)py");
    QTest::newRow("se_star_assign_alone")
        << QString::fromUtf8(R"py(*a = [1]
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(starred assignment target must be in a list or tuple)py") << 1 << 1
        << QString::fromUtf8(R"py(  File "t.py", line 1
    *a = [1]
    ^
SyntaxError: starred assignment target must be in a list or tuple)py");
    QTest::newRow("se_lambda_statement") << QString::fromUtf8(R"py(f = lambda: return 1
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                         << QString::fromUtf8(R"py(invalid syntax)py") << 1 << 13
                                         << QString::fromUtf8(R"py(  File "t.py", line 1
    f = lambda: return 1
                ^
SyntaxError: invalid syntax)py");
    QTest::newRow("se_else_without_if") << QString::fromUtf8(R"py(else:
    pass
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                        << QString::fromUtf8(R"py(invalid syntax)py") << 1 << 1
                                        << QString::fromUtf8(R"py(  File "t.py", line 1
    else:
    ^
SyntaxError: invalid syntax)py");
    QTest::newRow("se_dict_bad") << QString::fromUtf8(R"py(d = {"a": 1, "b"}
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                 << QString::fromUtf8(R"py(':' expected after dictionary key)py") << 1 << 16
                                 << QString::fromUtf8(R"py(  File "t.py", line 1
    d = {"a": 1, "b"}
                   ^
SyntaxError: ':' expected after dictionary key)py");
    QTest::newRow("se_del_literal") << QString::fromUtf8(R"py(del 1
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                    << QString::fromUtf8(R"py(cannot delete literal)py") << 1 << 5
                                    << QString::fromUtf8(R"py(  File "t.py", line 1
    del 1
        ^
SyntaxError: cannot delete literal)py");
    QTest::newRow("se_double_equals_assign")
        << QString::fromUtf8(R"py(x = = 1
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(invalid syntax)py") << 1 << 5 << QString::fromUtf8(R"py(  File "t.py", line 1
    x = = 1
        ^
SyntaxError: invalid syntax)py");
    QTest::newRow("se_for_missing_iter") << QString::fromUtf8(R"py(for x in :
    pass
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                         << QString::fromUtf8(R"py(invalid syntax)py") << 1 << 10
                                         << QString::fromUtf8(R"py(  File "t.py", line 1
    for x in :
             ^
SyntaxError: invalid syntax)py");
    QTest::newRow("se_duplicate_param") << QString::fromUtf8(R"py(def f(a, a):
    pass
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                        << QString::fromUtf8(R"py(duplicate argument 'a' in function definition)py")
                                        << 1 << 10 << QString::fromUtf8(R"py(  File "t.py", line 1
    def f(a, a):
             ^
SyntaxError: duplicate argument 'a' in function definition)py");
    QTest::newRow("se_print_statement")
        << QString::fromUtf8(R"py(print "hi"
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(Missing parentheses in call to 'print'. Did you mean print(...)?)py") << 1 << 1
        << QString::fromUtf8(R"py(  File "t.py", line 1
    print "hi"
    ^
SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?)py");
    QTest::newRow("se_if_assign") << QString::fromUtf8(R"py(if x = 1:
    pass
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                  << QString::fromUtf8(
                                         R"py(invalid syntax. Maybe you meant '==' or ':=' instead of '='?)py")
                                  << 1 << 4 << QString::fromUtf8(R"py(  File "t.py", line 1
    if x = 1:
       ^
SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?)py");
    QTest::newRow("se_try_without_except") << QString::fromUtf8(R"py(try:
    x = 1
print(x)
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                           << QString::fromUtf8(R"py(expected 'except' or 'finally' block)py") << 3 << 1
                                           << QString::fromUtf8(R"py(  File "t.py", line 3
    print(x)
    ^
SyntaxError: expected 'except' or 'finally' block)py");
    QTest::newRow("se_elif_after_else") << QString::fromUtf8(R"py(if x:
    pass
else:
    pass
elif y:
    pass
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                        << QString::fromUtf8(R"py(invalid syntax)py") << 5 << 1
                                        << QString::fromUtf8(R"py(  File "t.py", line 5
    elif y:
    ^
SyntaxError: invalid syntax)py");
    QTest::newRow("se_unclosed_brace_eof")
        << QString::fromUtf8(R"py(d = {
    "a": 1,
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py('{' was never closed)py") << 1 << 5 << QString::fromUtf8(R"py(  File "t.py", line 1
    d = {
        ^
SyntaxError: '{' was never closed)py");
    QTest::newRow("se_invalid_decimal") << QString::fromUtf8(R"py(x = 1_000_
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                        << QString::fromUtf8(R"py(invalid decimal literal)py") << 1 << 10
                                        << QString::fromUtf8(R"py(  File "t.py", line 1
    x = 1_000_
             ^
SyntaxError: invalid decimal literal)py");
    QTest::newRow("se_leading_zeros")
        << QString::fromUtf8(R"py(x = 0777
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(
               R"py(leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)py")
        << 1 << 5 << QString::fromUtf8(R"py(  File "t.py", line 1
    x = 0777
        ^
SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)py");
    QTest::newRow("se_continue_outside") << QString::fromUtf8(R"py(continue
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                         << QString::fromUtf8(R"py('continue' not properly in loop)py") << 1 << 1
                                         << QString::fromUtf8(R"py(  File "t.py", line 1
    continue
    ^
SyntaxError: 'continue' not properly in loop)py");
    QTest::newRow("se_yield_outside") << QString::fromUtf8(R"py(yield 1
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                      << QString::fromUtf8(R"py('yield' outside function)py") << 1 << 1
                                      << QString::fromUtf8(R"py(  File "t.py", line 1
    yield 1
    ^
SyntaxError: 'yield' outside function)py");
    QTest::newRow("se_assign_to_call")
        << QString::fromUtf8(R"py(f() = 1
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(cannot assign to function call here. Maybe you meant '==' instead of '='?)py") << 1
        << 1 << QString::fromUtf8(R"py(  File "t.py", line 1
    f() = 1
    ^
SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?)py");
    QTest::newRow("se_augassign_to_tuple")
        << QString::fromUtf8(R"py(a, b += 1
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py('tuple' is an illegal expression for augmented assignment)py") << 1 << 1
        << QString::fromUtf8(R"py(  File "t.py", line 1
    a, b += 1
    ^
SyntaxError: 'tuple' is an illegal expression for augmented assignment)py");
    QTest::newRow("se_walrus_bad_target")
        << QString::fromUtf8(R"py((a.b := 1)
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(cannot use assignment expressions with attribute)py") << 1 << 2
        << QString::fromUtf8(R"py(  File "t.py", line 1
    (a.b := 1)
     ^
SyntaxError: cannot use assignment expressions with attribute)py");
    QTest::newRow("se_star_expr_in_index") << QString::fromUtf8(R"py(x = *a
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                           << QString::fromUtf8(R"py(can't use starred expression here)py") << 1 << 5
                                           << QString::fromUtf8(R"py(  File "t.py", line 1
    x = *a
        ^
SyntaxError: can't use starred expression here)py");
    QTest::newRow("se_missing_paren_call_kw") << QString::fromUtf8(R"py(f(x for x in y, 1)
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                              << QString::fromUtf8(R"py(Generator expression must be parenthesized)py")
                                              << 1 << 3 << QString::fromUtf8(R"py(  File "t.py", line 1
    f(x for x in y, 1)
      ^
SyntaxError: Generator expression must be parenthesized)py");
    QTest::newRow("se_unmatched_close") << QString::fromUtf8(R"py(x = 1)
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                        << QString::fromUtf8(R"py(unmatched ')')py") << 1 << 6
                                        << QString::fromUtf8(R"py(  File "t.py", line 1
    x = 1)
         ^
SyntaxError: unmatched ')')py");
    QTest::newRow("se_bad_dedent_in_block")
        << QString::fromUtf8(R"py(for i in range(3):
    if i:
        pass
      print(i)
)py") << QString::fromUtf8(R"py(IndentationError)py")
        << QString::fromUtf8(R"py(unindent does not match any outer indentation level)py") << 4 << 15
        << QString::fromUtf8(R"py(  File "t.py", line 4
    print(i)
            ^
IndentationError: unindent does not match any outer indentation level)py");
    QTest::newRow("se_empty_file_ok") << QString::fromUtf8(R"py(
)py") << QString() << QString() << 0 << 0
                                      << QString();
    QTest::newRow("se_only_comment_ok") << QString::fromUtf8(R"py(# just a comment
)py") << QString() << QString() << 0 << 0
                                        << QString();
    QTest::newRow("se_return_with_value_async_ok") << QString::fromUtf8(R"py(async def f():
    return 1
)py") << QString() << QString() << 0 << 0 << QString();
    QTest::newRow("se_invalid_escape_ok") << QString::fromUtf8(R"py(s = "\d"
)py") << QString() << QString() << 0 << 0 << QString();
    QTest::newRow("se_async_comprehension_outside")
        << QString::fromUtf8(R"py(def f():
    return [x async for x in y]
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(asynchronous comprehension outside of an asynchronous function)py") << 2 << 12
        << QString::fromUtf8(R"py(  File "t.py", line 2
    return [x async for x in y]
           ^
SyntaxError: asynchronous comprehension outside of an asynchronous function)py");
    QTest::newRow("se_await_in_module") << QString::fromUtf8(R"py(await x
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                        << QString::fromUtf8(R"py('await' outside function)py") << 1 << 1
                                        << QString::fromUtf8(R"py(  File "t.py", line 1
    await x
    ^
SyntaxError: 'await' outside function)py");
    QTest::newRow("se_bad_token_unicode") << QString::fromUtf8(R"py(x = 1 → 2
)py") << QString::fromUtf8(R"py(SyntaxError)py")
                                          << QString::fromUtf8(R"py(invalid character '→' (U+2192))py") << 1 << 7
                                          << QString::fromUtf8(R"py(  File "t.py", line 1
    x = 1 → 2
          ^
SyntaxError: invalid character '→' (U+2192))py");
    QTest::newRow("se_lambda_default_order")
        << QString::fromUtf8(R"py(f = lambda a=1, b: 0
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(parameter without a default follows parameter with a default)py") << 1 << 17
        << QString::fromUtf8(R"py(  File "t.py", line 1
    f = lambda a=1, b: 0
                    ^
SyntaxError: parameter without a default follows parameter with a default)py");
    QTest::newRow("se_kwarg_after_unpack")
        << QString::fromUtf8(R"py(f(**k, *a)
)py") << QString::fromUtf8(R"py(SyntaxError)py")
        << QString::fromUtf8(R"py(iterable argument unpacking follows keyword argument unpacking)py") << 1 << 8
        << QString::fromUtf8(R"py(  File "t.py", line 1
    f(**k, *a)
           ^
SyntaxError: iterable argument unpacking follows keyword argument unpacking)py");
}

void TestInterpreter::syntaxErrors()
{
    QFETCH(QString, source);
    QFETCH(QString, type);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, formatted);

    const Run r = runScript(source);
    if (type.isEmpty()) {
        QVERIFY2(r.loaded, qPrintable(str(r.loadError.formatted)));
        return;
    }
    QVERIFY(!r.loaded);
    QCOMPARE(outcomeName(r.outcome), outcomeName(Outcome::LoadError));
    QCOMPARE(r.exitStatus, 1);
    QCOMPARE(str(r.loadError.type), type);
    QCOMPARE(str(r.loadError.message), message);
    QCOMPARE(r.loadError.line, line);
    QCOMPARE(r.loadError.column, column);
    QCOMPARE(str(r.loadError.fileName), QStringLiteral("t.py"));
    QString text = str(r.loadError.formatted);
    while (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    QCOMPARE(text, formatted);
    QVERIFY(r.output.isEmpty());
}

// Classes: __init__, methods, class attributes, inheritance and super(), property/staticmethod/
// classmethod, dunder methods (repr/str, comparisons, hashing, containers, iteration, operators,
// __call__, __getattr__), user exceptions, and CPython's messages for their mistakes. Where a row
// prints default reprs, CPython's addresses are replaced by Loopscope's deterministic stand-ins
// (numbered in order of first use).
void TestInterpreter::classes_data()
{
    addScriptColumns();
    QTest::newRow("basics_init_methods_attributes") << QString::fromUtf8(R"py(class Counter:
    count = 0
    def __init__(self, name, start=0):
        self.name = name
        self.value = start
        Counter.count += 1
    def inc(self, by=1):
        self.value += by
        return self
c = Counter("a")
c.inc().inc(5)
d = Counter("b", 3)
print(c.value, d.value, Counter.count, c.count, d.name)
print(type(c).__name__, c.__class__.__name__, isinstance(c, Counter), Counter.__qualname__, Counter.__module__)
c.count = 99
print(c.count, Counter.count)
del c.count
print(c.count)
print(vars(d), d.__dict__ is vars(d))
)py") << QString::fromUtf8(R"py(6 3 2 2 b
Counter Counter True Counter __main__
99 2
2
{'name': 'b', 'value': 3} True
)py") << QString() << 0;
    QTest::newRow("default_reprs") << QString::fromUtf8(R"py(class Plain:
    def method(self):
        pass
p = Plain()
q = Plain()
print(p)
print(q, p)
print(Plain, p.method)
print(Plain.method)
def outer():
    class Local:
        pass
    return Local
L = outer()
print(L, L.__qualname__, L())
)py") << QString::fromUtf8(R"py(<__main__.Plain object at 0x7f0000001040>
<__main__.Plain object at 0x7f0000001080> <__main__.Plain object at 0x7f0000001040>
<class '__main__.Plain'> <bound method Plain.method of <__main__.Plain object at 0x7f0000001040>>
<function Plain.method at 0x7f00000010c0>
<class '__main__.outer.<locals>.Local'> outer.<locals>.Local <__main__.outer.<locals>.Local object at 0x7f0000001100>
)py") << QString() << 0;
    QTest::newRow("repr_str_dunders") << QString::fromUtf8(R"py(class Money:
    def __init__(self, amount, currency="EUR"):
        self.amount = amount
        self.currency = currency
    def __repr__(self):
        return f"Money({self.amount!r}, {self.currency!r})"
    def __str__(self):
        return f"{self.amount:.2f} {self.currency}"
m = Money(3.5)
print(m, repr(m), [m], f"{m}", f"{m!r}", str(m), "%s / %r" % (m, m))
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
print(OnlyRepr(), str(OnlyRepr()), {1: OnlyRepr()})
)py") << QString::fromUtf8(R"py(3.50 EUR Money(3.5, 'EUR') [Money(3.5, 'EUR')] 3.50 EUR Money(3.5, 'EUR') 3.50 EUR 3.50 EUR / Money(3.5, 'EUR')
<OnlyRepr> <OnlyRepr> {1: <OnlyRepr>}
)py") << QString() << 0;
    QTest::newRow("comparisons_sorted_min_max") << QString::fromUtf8(R"py(class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor
    def __eq__(self, other):
        if not isinstance(other, Version):
            return NotImplemented
        return (self.major, self.minor) == (other.major, other.minor)
    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)
    def __le__(self, other):
        return self == other or self < other
    def __repr__(self):
        return f"v{self.major}.{self.minor}"
vs = [Version(1, 2), Version(0, 9), Version(1, 0)]
print(sorted(vs), min(vs), max(vs), sorted(vs, reverse=True))
print(Version(1, 0) == Version(1, 0), Version(1, 0) != Version(1, 1), Version(1, 0) == "1.0")
print(Version(2, 0) > Version(1, 0), Version(1, 0) >= Version(1, 0), Version(0, 1) in vs, Version(1, 2) in vs)
print(vs.index(Version(1, 0)), vs.count(Version(0, 9)))
try:
    hash(Version(1, 0))
except TypeError as e:
    print(e)
class Plain:
    pass
try:
    Plain() < Plain()
except TypeError as e:
    print(e)
a = Plain()
print(a == a, a == Plain(), a != Plain())
)py") << QString::fromUtf8(R"py([v0.9, v1.0, v1.2] v0.9 v1.2 [v1.2, v1.0, v0.9]
True True False
True True False True
2 1
unhashable type: 'Version'
'<' not supported between instances of 'Plain' and 'Plain'
True False True
)py") << QString() << 0;
    QTest::newRow("hash_and_dict_keys") << QString::fromUtf8(R"py(class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x}, {self.y})"
d = {Point(1, 2): "a"}
d[Point(1, 2)] = "b"
d[Point(0, 0)] = "c"
print(d, Point(1, 2) in d, d[Point(0, 0)], len(d), hash(Point(1, 2)) == hash(Point(1, 2)))
class Ident:
    pass
i = Ident()
print({i: 1}[i], hash(i) == hash(i))
)py") << QString::fromUtf8(R"py({P(1, 2): 'b', P(0, 0): 'c'} True c 2 True
1 True
)py") << QString() << 0;
    QTest::newRow("containers_protocol") << QString::fromUtf8(R"py(class Deck:
    def __init__(self, cards):
        self.cards = list(cards)
    def __len__(self):
        return len(self.cards)
    def __getitem__(self, i):
        return self.cards[i]
    def __setitem__(self, i, v):
        self.cards[i] = v
    def __delitem__(self, i):
        del self.cards[i]
    def __contains__(self, c):
        return c in self.cards
    def __iter__(self):
        return iter(self.cards)
    def __bool__(self):
        return len(self.cards) > 0
d = Deck("abcd")
d[0] = "A"
del d[1]
print(len(d), d[0], d[-1], d[1:], "c" in d, "b" in d, list(d), bool(d), bool(Deck([])))
for card in d:
    print(card, end=" ")
print()
a, b, c = d
print(a, b, c, sorted(d, reverse=True), "".join(d))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(Seq()), 20 in Seq())
class Sized:
    def __len__(self):
        return 0
print(bool(Sized()), not Sized())
)py") << QString::fromUtf8(R"py(3 A d ['c', 'd'] True False ['A', 'c', 'd'] True False
A c d 
A c d ['d', 'c', 'A'] Acd
[0, 10, 20] True
False True
)py") << QString() << 0;
    QTest::newRow("iterator_protocol") << QString::fromUtf8(R"py(class CountUp:
    def __init__(self, stop):
        self.i = 0
        self.stop = stop
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.stop:
            raise StopIteration
        self.i += 1
        return self.i
print(list(CountUp(3)), sum(CountUp(4)), next(CountUp(5)), max(CountUp(3)))
it = CountUp(2)
print(next(it), next(it), next(it, "end"))
for x, y in zip(CountUp(3), "ab"):
    print(x, y)
class Bad:
    def __iter__(self):
        return [1]
try:
    iter(Bad())
except TypeError as e:
    print(e)
)py") << QString::fromUtf8(R"py([1, 2, 3] 10 1 3
1 2 end
1 a
2 b
iter() returned non-iterator of type 'list'
)py") << QString() << 0;
    QTest::newRow("arithmetic_dunders") << QString::fromUtf8(R"py(class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if not isinstance(k, (int, float)):
            return NotImplemented
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
v = Vec(1, 2) + Vec(3, 4)
v -= Vec(1, 1)
print(v, v * 2, 3 * v, -v, v * 0.5)
try:
    v * v
except TypeError as e:
    print(e)
try:
    v / 2
except TypeError as e:
    print(e)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
a = Acc()
b = a
a += 1
a += 2
print(a is b, b.items)
)py") << QString::fromUtf8(R"py(Vec(3, 5) Vec(6, 10) Vec(9, 15) Vec(-3, -5) Vec(1.5, 2.5)
unsupported operand type(s) for *: 'Vec' and 'Vec'
unsupported operand type(s) for /: 'Vec' and 'int'
True [1, 2]
)py") << QString() << 0;
    QTest::newRow("callable_and_getattr") << QString::fromUtf8(R"py(class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x * self.k
double = Multiplier(2)
print(double(21), list(map(double, [1, 2])), callable(double), callable(Multiplier), callable(3))
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        print("forwarding", name)
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.append(0)
print(p._target, hasattr(p, "nope"))
try:
    Multiplier(1)(1, 2)
except TypeError as e:
    print(e)
)py") << QString::fromUtf8(R"py(42 [2, 4] True True False
forwarding append
forwarding nope
[3, 1, 2, 0] False
Multiplier.__call__() takes 2 positional arguments but 3 were given
)py") << QString() << 0;
    QTest::newRow("inheritance_super_classmethod_staticmethod_property") << QString::fromUtf8(R"py(class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def describe(self):
        return f"{self.kind}: {self.speak()}"
    @classmethod
    def create(cls, name):
        return cls(name)
    @staticmethod
    def legs():
        return 4
    @property
    def title(self):
        return self.name.title()
class Dog(Animal):
    kind = "dog"
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return super().speak().replace("makes a sound", "barks")
class Puppy(Dog):
    def speak(self):
        return "tiny " + super().speak()
d = Dog("rex", "lab")
p = Puppy("bit", "pug")
print(d.describe(), "|", p.describe(), "|", p.title, p.legs(), Animal.legs())
print(isinstance(p, Animal), issubclass(Puppy, Animal), issubclass(Animal, Dog), Puppy.__base__, Dog.__bases__)
print(type(Animal.create("cat")).__name__, Animal.create("x").name)
try:
    Dog.create("solo")
except TypeError as e:
    print(e)
print(Dog.speak(d), Animal.speak(d), Puppy.__mro__)
class Temperature:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._c = value
    @property
    def kelvin(self):
        return self._c + 273.15
t = Temperature()
t.celsius = 25
print(t.celsius, t.kelvin)
for bad in (-300,):
    try:
        t.celsius = bad
    except ValueError as e:
        print(e)
try:
    t.kelvin = 0
except AttributeError as e:
    print(e)
print(type(Temperature.celsius).__name__)
)py") << QString::fromUtf8(R"py(dog: rex barks | dog: tiny bit barks | Bit 4 4
True True False <class '__main__.Dog'> (<class '__main__.Animal'>,)
Animal x
Dog.__init__() missing 1 required positional argument: 'breed'
rex barks rex makes a sound (<class '__main__.Puppy'>, <class '__main__.Dog'>, <class '__main__.Animal'>, <class 'object'>)
25 298.15
below absolute zero
property 'kelvin' of 'Temperature' object has no setter
property
)py") << QString() << 0;
    QTest::newRow("user_exceptions") << QString::fromUtf8(R"py(class AppError(Exception):
    """Base of this app's errors."""
class NotFound(AppError):
    def __init__(self, what):
        super().__init__(f"{what} not found")
        self.what = what
class Invalid(AppError):
    def __init__(self, field, reason):
        self.field = field
        self.reason = reason
    def __str__(self):
        return f"{self.field}: {self.reason}"
for exc in (NotFound("user"), Invalid("age", "negative"), AppError("generic")):
    try:
        raise exc
    except NotFound as e:
        print("not found:", e, e.what, e.args)
    except AppError as e:
        print(type(e).__name__, "-", e, "-", repr(e), e.args)
try:
    raise Invalid
except TypeError as e:
    print(e)
try:
    try:
        raise NotFound("file")
    except NotFound as e:
        raise AppError("wrapped") from e
except AppError as e:
    print(e, "<-", repr(e.__cause__))
print(issubclass(NotFound, Exception), AppError.__doc__, NotFound.__mro__)
class E(Exception):
    def __init__(self, code):
        self.code = code
e = E(404)
print(e.args, str(e), repr(e), e.code)
)py") << QString::fromUtf8(R"py(not found: user not found user ('user not found',)
Invalid - age: negative - Invalid('age', 'negative') ('age', 'negative')
AppError - generic - AppError('generic') ('generic',)
Invalid.__init__() missing 2 required positional arguments: 'field' and 'reason'
wrapped <- NotFound('file not found')
True Base of this app's errors. (<class '__main__.NotFound'>, <class '__main__.AppError'>, <class 'Exception'>, <class 'BaseException'>, <class 'object'>)
(404,) 404 E(404) 404
)py") << QString() << 0;
    QTest::newRow("uncaught_user_exception") << QString::fromUtf8(R"py(class PaymentError(Exception):
    def __init__(self, amount):
        super().__init__(f"cannot pay {amount}")
        self.amount = amount
class Wallet:
    def __init__(self, balance):
        self.balance = balance
    def pay(self, amount):
        if amount > self.balance:
            raise PaymentError(amount)
        self.balance -= amount
w = Wallet(10)
w.pay(3)
print(w.balance)
w.pay(30)
)py") << QString::fromUtf8(R"py(7
)py") << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 15, in <module>
    w.pay(30)
  File "t.py", line 10, in pay
    raise PaymentError(amount)
PaymentError: cannot pay 30
)py") << 1;
    QTest::newRow("attribute_errors") << QString::fromUtf8(R"py(class Config:
    def __init__(self):
        self.timeout = 5
        self.retries = 3
c = Config()
for name in ("timout", "retry", "missing"):
    try:
        getattr(c, name)
    except AttributeError as e:
        print(e)
try:
    Config.timeout
except AttributeError as e:
    print(e)
print(getattr(c, "timeout"), getattr(c, "x", "dflt"), hasattr(c, "retries"))
setattr(c, "x", 1)
print(c.x)
c.timout
)py") << QString::fromUtf8(R"py('Config' object has no attribute 'timout'
'Config' object has no attribute 'retry'
'Config' object has no attribute 'missing'
type object 'Config' has no attribute 'timeout'
5 dflt True
1
)py") << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 18, in <module>
    c.timout
AttributeError: 'Config' object has no attribute 'timout'. Did you mean: 'timeout'?
)py") << 1;
    QTest::newRow("name_error_self_hint") << QString::fromUtf8(R"py(class Job:
    def __init__(self):
        self.status = "new"
    def show(self):
        return status
Job().show()
)py") << QString() << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 6, in <module>
    Job().show()
  File "t.py", line 5, in show
    return status
NameError: name 'status' is not defined. Did you mean: 'self.status'?
)py") << 1;
    QTest::newRow("init_errors") << QString::fromUtf8(R"py(class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(e)
class Two:
    def __init__(self, a, b):
        self.a = a
try:
    Two(1)
except TypeError as e:
    print(e)
try:
    Two(1, 2, 3)
except TypeError as e:
    print(e)
try:
    Two(1, c=2)
except TypeError as e:
    print(e)
class Ret:
    def __init__(self):
        return 1
try:
    Ret()
except TypeError as e:
    print(e)
try:
    Two(1, 2).method()
except AttributeError as e:
    print(e)
)py") << QString::fromUtf8(R"py(NoInit() takes no arguments
Two.__init__() missing 1 required positional argument: 'b'
Two.__init__() takes 3 positional arguments but 4 were given
Two.__init__() got an unexpected keyword argument 'c'
__init__() should return None, not 'int'
'Two' object has no attribute 'method'
)py") << QString() << 0;
    QTest::newRow("class_body_scope") << QString::fromUtf8(R"py(x = "global"
class Scoped:
    x = "class"
    y = x + "!"
    squares = [i * i for i in range(3)]
    def get_x(self):
        return x
    for n in range(2):
        pass
print(Scoped.x, Scoped.y, Scoped.squares, Scoped().get_x(), Scoped.n)
def factory(prefix):
    class Tagged:
        tag = prefix
        def label(self, s):
            return prefix + s
    return Tagged
T = factory("pre-")
print(T.tag, T().label("x"), T.__qualname__)
class Outer:
    class Inner:
        pass
print(Outer.Inner, Outer.Inner.__qualname__)
class WithClass:
    def me(self):
        return __class__
print(WithClass().me())
)py") << QString::fromUtf8(R"py(class class! [0, 1, 4] global 1
pre- pre-x factory.<locals>.Tagged
<class '__main__.Outer.Inner'> Outer.Inner
<class '__main__.WithClass'>
)py") << QString() << 0;
    QTest::newRow("decorated_class_and_methods") << QString::fromUtf8(R"py(registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    return wrapper
@register
class Greeter:
    def __init__(self, name):
        self.name = name
    @shout
    def greet(self, greeting="hello"):
        return f"{greeting} {self.name}"
print(registry, Greeter("ann").greet(), Greeter("bo").greet(greeting="hi"))
)py") << QString::fromUtf8(R"py(['Greeter'] HELLO ANN HI BO
)py") << QString() << 0;
    QTest::newRow("dataclass_basics") << QString::fromUtf8(R"py(from dataclasses import dataclass, field, fields, asdict
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1)
q = Point(1, 2, ["a"])
p.tags.append("t")
print(p, q, Point(1) == Point(1), Point(1) == Point(2), p == (1, 0))
print(Point.__annotations__, [f.name for f in fields(p)], asdict(q))
print(Point(3).tags, Point.y, Point.__init__.__qualname__)
for args in ((), (1, 2, 3, 4)):
    try:
        Point(*args)
    except TypeError as e:
        print(e)
for kwargs in ({"x": 1, "z": 2}, {"y": 1}):
    try:
        Point(**kwargs)
    except TypeError as e:
        print(e)
try:
    hash(p)
except TypeError as e:
    print(e)
)py") << QString::fromUtf8(R"py(Point(x=1, y=0, tags=['t']) Point(x=1, y=2, tags=['a']) True False False
{'x': <class 'int'>, 'y': <class 'int'>, 'tags': <class 'list'>} ['x', 'y', 'tags'] {'x': 1, 'y': 2, 'tags': ['a']}
[] 0 Point.__init__
Point.__init__() missing 1 required positional argument: 'x'
Point.__init__() takes from 2 to 4 positional arguments but 5 were given
Point.__init__() got an unexpected keyword argument 'z'
Point.__init__() missing 1 required positional argument: 'x'
unhashable type: 'Point'
)py") << QString() << 0;
    QTest::newRow("dataclass_order_frozen_post_init") << QString::fromUtf8(R"py(from dataclasses import dataclass, field, FrozenInstanceError
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False, repr=False)
vs = [Version(1, 2, "x"), Version(0, 5), Version(1, 0)]
print(sorted(vs), max(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 9))
try:
    Version(1) < 3
except TypeError as e:
    print(e)
@dataclass(frozen=True)
class Key:
    name: str
    n: int = 1
k = Key("a")
print(k, {k: 1}[Key("a")], hash(k) == hash(Key("a")))
try:
    k.n = 2
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
@dataclass
class Account:
    owner: str
    balance: float = 0.0
    history: list = field(default_factory=list)
    def __post_init__(self):
        if self.balance < 0:
            raise ValueError("negative balance")
        self.history.append(("open", self.balance))
    def deposit(self, amount):
        self.balance += amount
        self.history.append(("deposit", amount))
a = Account("ann", 10)
a.deposit(5)
print(a)
try:
    Account("bob", -1)
except ValueError as e:
    print(e)
@dataclass
class Savings(Account):
    rate: float = 0.02
print(Savings("cy", 1.0), Savings.__mro__[1].__name__)
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print(e)
try:
    @dataclass
    class Mutable:
        items: list = []
except ValueError as e:
    print(e)
)py") << QString::fromUtf8(R"py([Version(major=0, minor=5), Version(major=1, minor=0), Version(major=1, minor=2)] Version(major=1, minor=2) True True
'<' not supported between instances of 'Version' and 'int'
Key(name='a', n=1) 1 True
FrozenInstanceError cannot assign to field 'n' True
Account(owner='ann', balance=15, history=[('open', 10), ('deposit', 5)])
negative balance
Savings(owner='cy', balance=1.0, history=[('open', 1.0)], rate=0.02) Account
non-default argument 'b' follows default argument
mutable default <class 'list'> for field items is not allowed: use default_factory
)py") << QString() << 0;
}

void TestInterpreter::classes()
{
    checkScript();
}

// Generators (next, send, throw, close, yield from, StopIteration values, PEP 479) and the plain
// `with` statement.
void TestInterpreter::generatorsAndWith_data()
{
    addScriptColumns();
    QTest::newRow("generator_basics") << QString::fromUtf8(R"py(def count(n):
    print("start")
    for i in range(n):
        x = yield i
        if x:
            print("got", x)
    return "done"
g = count(3)
print(type(g).__name__, g.__name__ if hasattr(g, "__name__") else "-")
print(next(g), next(g))
print(g.send("hi"))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again", e.value, e.args)
print(list(count(4)), sum(count(5)), max(count(3)), sorted(count(3), reverse=True))
print(dict(enumerate(count(2))), [x * 2 for x in count(2)], tuple(count(1)))
)py") << QString::fromUtf8(R"py(generator count
start
0 1
got hi
2
stop done ('done',)
again None ()
start
start
start
start
[0, 1, 2, 3] 10 2 [2, 1, 0]
start
start
start
{0: 0, 1: 1} [0, 2] (0,)
)py") << QString() << 0;
    QTest::newRow("generator_infinite_and_zip") << QString::fromUtf8(R"py(def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
for i, f in zip(range(10), fib()):
    print(i, f, end="; ")
print()
gen = fib()
print([next(gen) for _ in range(5)], next(gen))
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
print(list(take(3, fib())), list(take(2, "abc")))
)py") << QString::fromUtf8(R"py(0 0; 1 1; 2 1; 3 2; 4 3; 5 5; 6 8; 7 13; 8 21; 9 34; 
[0, 1, 1, 2, 3] 5
[0, 1, 1] ['a', 'b']
)py") << QString() << 0;
    QTest::newRow("yield_from") << QString::fromUtf8(R"py(def sub():
    yield 1
    yield 2
    return "sub-done"
def chain(*its):
    for it in its:
        r = yield from it
        print("sub returned", r)
    return len(its)
print(list(chain(sub(), [3, 4], range(2))))
def flatten(xs):
    for x in xs:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def echo():
    while True:
        got = yield
        print("echo", got)
def relay():
    yield from echo()
r = relay()
next(r)
r.send("a")
r.send("b")
)py") << QString::fromUtf8(R"py(sub returned sub-done
sub returned None
sub returned None
[1, 2, 3, 4, 0, 1]
[1, 2, 3, 4, 5, 6]
echo a
echo b
)py") << QString() << 0;
    QTest::newRow("generator_close_and_finally") << QString::fromUtf8(R"py(def lines():
    try:
        yield 1
        yield 2
        yield 3
    finally:
        print("cleanup")
for v in lines():
    print("v", v)
    if v == 2:
        break
print("after break")
g = lines()
print(next(g))
g.close()
print("closed", list(g))
g2 = lines()
g2.close()
print("closed before start")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
s = stubborn()
next(s)
s.close()
def ignores():
    try:
        yield 1
    except GeneratorExit:
        yield 2
i = ignores()
next(i)
try:
    i.close()
except RuntimeError as e:
    print(e)
)py") << QString::fromUtf8(R"py(v 1
v 2
cleanup
after break
1
cleanup
closed []
closed before start
got GeneratorExit
generator ignored GeneratorExit
)py") << QString() << 0;
    QTest::newRow("generator_throw") << QString::fromUtf8(R"py(def worker():
    while True:
        try:
            job = yield
            print("job", job)
        except ValueError as e:
            print("recovered from", e)
            yield "recovered"
w = worker()
next(w)
w.send(1)
print(w.throw(ValueError("bad")))
next(w)
w.send(2)
try:
    w.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(w)
except StopIteration:
    print("finished")
)py") << QString::fromUtf8(R"py(job 1
recovered from bad
recovered
job 2
propagated KeyError('k')
finished
)py") << QString() << 0;
    QTest::newRow("generator_errors") << QString::fromUtf8(R"py(def bad():
    yield 1
    raise StopIteration("x")
try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
def fresh():
    yield 1
try:
    fresh().send(5)
except TypeError as e:
    print(e)
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print(e)
def err():
    yield 1
    return 1 / 0
def outer():
    for x in err():
        print(x)
outer()
)py") << QString::fromUtf8(R"py(RuntimeError generator raised StopIteration StopIteration('x')
can't send non-None value to a just-started generator
generator already executing
1
)py") << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 27, in <module>
    outer()
  File "t.py", line 25, in outer
    for x in err():
  File "t.py", line 23, in err
    return 1 / 0
ZeroDivisionError: division by zero
)py") << 1;
    QTest::newRow("generator_expressions_share_protocol") << QString::fromUtf8(R"py(squares = (x * x for x in range(5))
print(next(squares), list(squares))
def upper(s):
    yield from (c.upper() for c in s)
print("".join(upper("abc")), sum(x for x in range(4)), any(x > 2 for x in range(4)))
def pairs():
    yield "a", 1
    yield "b", 2
print(dict(pairs()), list(zip(*pairs())), [k for k, v in pairs()])
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t), 3 in t, sorted(t, reverse=True))
)py") << QString::fromUtf8(R"py(0 [1, 4, 9, 16]
ABC 6 True
{'a': 1, 'b': 2} [('a', 'b'), (1, 2)] ['a', 'b']
[1, 2, 3, 4] True [4, 3, 2, 1]
)py") << QString() << 0;
    QTest::newRow("with_statement") << QString::fromUtf8(R"py(class Managed:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type, exc, tb)
        return self.suppress
with Managed("a") as v:
    print("inside", v)
with Managed("b", suppress=True):
    raise ValueError("hidden")
print("after b")
try:
    with Managed("c"):
        raise KeyError("shown")
except KeyError as e:
    print("caught", repr(e))
with Managed("d") as x, Managed("e") as y:
    print(x, y)
def early():
    with Managed("f"):
        return "returned"
print(early())
for i in range(3):
    with Managed(f"loop{i}"):
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
try:
    with 42:
        pass
except TypeError as e:
    print(e)
class Half:
    def __enter__(self):
        return self
try:
    with Half():
        pass
except TypeError as e:
    print(e)
)py") << QString::fromUtf8(R"py(enter a
inside A
exit a None None None
enter b
exit b <class 'ValueError'> hidden <traceback object at 0x7f0000001040>
after b
enter c
exit c <class 'KeyError'> 'shown' <traceback object at 0x7f0000001080>
caught KeyError('shown')
enter d
enter e
D E
exit e None None None
exit d None None None
enter f
exit f None None None
returned
enter loop0
body 0
exit loop0 None None None
enter loop1
exit loop1 None None None
enter loop2
exit loop2 None None None
'int' object does not support the context manager protocol
'Half' object does not support the context manager protocol (missed __exit__ method)
)py") << QString() << 0;
    QTest::newRow("with_exit_raises") << QString::fromUtf8(R"py(class Failing:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        raise RuntimeError("exit failed")
try:
    with Failing():
        raise ValueError("body failed")
except RuntimeError as e:
    print(e, "context:", repr(e.__context__))
with Failing():
    pass
)py") << QString::fromUtf8(R"py(exit failed context: ValueError('body failed')
)py") << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 11, in <module>
    with Failing():
  File "t.py", line 5, in __exit__
    raise RuntimeError("exit failed")
RuntimeError: exit failed
)py") << 1;
}

void TestInterpreter::generatorsAndWith()
{
    checkScript();
}

// Async generators (async for, async comprehensions, asend/athrow/aclose), async iterator classes,
// async with on user classes and decorators returning async wrappers.
void TestInterpreter::asyncGeneratorsAndAsyncWith_data()
{
    addScriptColumns();
    QTest::newRow("async_generator_basics") << QString::fromUtf8(R"py(import asyncio
async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i
    print("ticker done")
async def main():
    agen = ticker(3)
    print(type(agen).__name__)
    async for t in agen:
        print("tick", t)
    print([x async for x in ticker(2)], {x: x * x async for x in ticker(2)})
    a = ticker(2)
    print(await a.__anext__(), await anext(a))
    try:
        await anext(a)
    except StopAsyncIteration:
        print("exhausted")
asyncio.run(main())
)py") << QString::fromUtf8(R"py(async_generator
tick 0
tick 1
tick 2
ticker done
ticker done
ticker done
[0, 1] {0: 0, 1: 1}
0 1
ticker done
exhausted
)py") << QString() << 0;
    QTest::newRow("async_generator_asend_athrow_aclose") << QString::fromUtf8(R"py(import asyncio
async def acc():
    total = 0
    try:
        while True:
            try:
                x = yield total
            except ValueError:
                print("reset")
                total = 0
                continue
            await asyncio.sleep(0)
            total += x
    finally:
        print("acc closed at", total)
async def main():
    a = acc()
    print(await a.asend(None))
    print(await a.asend(5), await a.asend(6))
    print(await a.athrow(ValueError))
    print(await a.asend(1))
    await a.aclose()
    try:
        await a.asend(1)
    except StopAsyncIteration:
        print("closed for good")
asyncio.run(main())
)py") << QString::fromUtf8(R"py(0
5 11
reset
0
1
acc closed at 1
closed for good
)py") << QString() << 0;
    QTest::newRow("async_iterator_class") << QString::fromUtf8(R"py(import asyncio
class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.1)
        self.n -= 1
        return self.n
async def main():
    async for c in Countdown(3):
        print("count", c)
    print([c async for c in Countdown(2)])
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print(e)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(count 2
count 1
count 0
[1, 0]
'async for' requires an object with __aiter__ method, got list
)py") << QString() << 0;
    QTest::newRow("async_generator_errors") << QString::fromUtf8(R"py(import asyncio
async def leaky():
    yield 1
    raise StopAsyncIteration
async def broken():
    yield 1
    raise KeyError("inside")
async def main():
    try:
        async for x in leaky():
            print(x)
    except RuntimeError as e:
        print(type(e).__name__, e)
    async for x in broken():
        print("got", x)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(1
RuntimeError async generator raised StopAsyncIteration
got 1
)py") << QString::fromUtf8(R"py(Traceback (most recent call last):
  File "t.py", line 16, in <module>
    asyncio.run(main())
  File "t.py", line 14, in main
    async for x in broken():
  File "t.py", line 7, in broken
    raise KeyError("inside")
KeyError: 'inside'
)py") << 1;
    QTest::newRow("async_with_user_class") << QString::fromUtf8(R"py(import asyncio
class Conn:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print("connected", self.name)
        return self
    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        print("disconnected", self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError
async def main():
    async with Conn("a") as c:
        print("using", c.name)
    async with Conn("b"):
        raise KeyError("swallowed")
    try:
        async with Conn("c"):
            raise ValueError("kept")
    except ValueError as e:
        print("caught", e)
    try:
        async with Conn:
            pass
    except TypeError as e:
        print(e)
    print("done")
asyncio.run(main())
)py") << QString::fromUtf8(R"py(connected a
using a
disconnected a None
connected b
disconnected b KeyError
connected c
disconnected c ValueError
caught kept
'type' object does not support the asynchronous context manager protocol
done
)py") << QString() << 0;
    QTest::newRow("async_decorator_wrapper") << QString::fromUtf8(R"py(import asyncio
def logged(fn):
    async def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args, kwargs)
        result = await fn(*args, **kwargs)
        print("result", result)
        return result
    return wrapper
@logged
async def add(a, b, *, delay=0.1):
    await asyncio.sleep(delay)
    return a + b
async def main():
    print(await add(1, 2), await add(3, 4, delay=0.2))
    print(add.__name__, asyncio.iscoroutinefunction(add) if hasattr(asyncio, "iscoroutinefunction") else True)
    results = await asyncio.gather(add(1, 1), add(2, 2))
    print(results)
asyncio.run(main())
)py") << QString::fromUtf8(R"py(calling add (1, 2) {}
result 3
calling add (3, 4) {'delay': 0.2}
result 7
3 7
wrapper True
calling add (1, 1) {}
calling add (2, 2) {}
result 2
result 4
[2, 4]
)py") << QString() << 0;
}

void TestInterpreter::asyncGeneratorsAndAsyncWith()
{
    checkScript();
}

// Loopscope's contract, not CPython's output: valid Python the engine does not run yet is refused
// at load time, naming the construct and its line.
void TestInterpreter::unsupportedConstructs_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");

    QTest::newRow("match") << QStringLiteral("x = 1\nmatch x:\n    case 1:\n        pass\n")
                           << QStringLiteral("match statements are not supported yet") << 2;
    QTest::newRow("bytes literal") << QStringLiteral("x = b\"abc\"\n")
                                   << QStringLiteral("bytes literals are not supported yet") << 1;
    QTest::newRow("complex literal") << QStringLiteral("x = 1j\n")
                                     << QStringLiteral("complex numbers are not supported yet") << 1;
    QTest::newRow("named escape") << QStringLiteral("print(\"\\N{BULLET}\")\n")
                                  << QStringLiteral("\\N{...} escapes are not supported yet") << 1;
    QTest::newRow("type alias") << QStringLiteral("type X = int\n")
                                << QStringLiteral("type alias statements are not supported yet") << 1;
    QTest::newRow("type parameters") << QStringLiteral("def f[T](x):\n    return x\n")
                                     << QStringLiteral("type parameters are not supported yet") << 1;
}

void TestInterpreter::unsupportedConstructs()
{
    QFETCH(QString, source);
    QFETCH(QString, message);
    QFETCH(int, line);

    const Run r = runScript(source);
    QVERIFY(!r.loaded);
    QCOMPARE(outcomeName(r.outcome), outcomeName(Outcome::LoadError));
    QCOMPARE(r.exitStatus, 1);
    QVERIFY(!r.loadError.type.empty());
    QCOMPARE(str(r.loadError.message), message);
    QCOMPARE(r.loadError.line, line);
    QVERIFY(r.loadError.column >= 1);
    QVERIFY2(str(r.loadError.formatted).contains(message), r.loadError.formatted.c_str());
    QVERIFY2(str(r.loadError.formatted).contains(QStringLiteral("line %1").arg(line)), r.loadError.formatted.c_str());
    QVERIFY(r.output.isEmpty()); // nothing runs, not even the lines before
}

// Loopscope's contract: importing a module scripts cannot use is a ModuleNotFoundError at the import.
void TestInterpreter::unavailableModules_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expectedOutput");
    QTest::addColumn<QString>("expectedErrors");

    QTest::newRow("import os") << QStringLiteral("print('before')\nimport os\n") << QStringLiteral("before\n")
                               << QStringLiteral(
                                      "Traceback (most recent call last):\n"
                                      "  File \"t.py\", line 2, in <module>\n"
                                      "    import os\n"
                                      "ModuleNotFoundError: module 'os' is not available in Loopscope scripts\n");
    QTest::newRow("from os import") << QStringLiteral("from os import path\n") << QString()
                                    << QStringLiteral(
                                           "Traceback (most recent call last):\n"
                                           "  File \"t.py\", line 1, in <module>\n"
                                           "    from os import path\n"
                                           "ModuleNotFoundError: module 'os' is not available in Loopscope scripts\n");
    QTest::newRow("import sys in a function")
        << QStringLiteral("def f():\n    import sys\nf()\n") << QString()
        << QStringLiteral("Traceback (most recent call last):\n"
                          "  File \"t.py\", line 3, in <module>\n"
                          "    f()\n"
                          "  File \"t.py\", line 2, in f\n"
                          "    import sys\n"
                          "ModuleNotFoundError: module 'sys' is not available in Loopscope scripts\n");
    // Loopscope's contract: scripts cannot read files, run code from strings or import around the
    // module list, so these builtins do not exist (CPython would run them).
    QTest::newRow("no open, eval, exec, compile, __import__, input")
        << QStringLiteral("for f in (lambda: open('x'), lambda: eval('1'), lambda: exec('x = 1'),\n"
                          "          lambda: compile('1', 'f', 'eval'), lambda: __import__('os'), lambda: input()):\n"
                          "    try:\n        f()\n    except NameError as e:\n        print(e)\n")
        << QStringLiteral("name 'open' is not defined\nname 'eval' is not defined\nname 'exec' is not defined\n"
                          "name 'compile' is not defined\nname '__import__' is not defined\n"
                          "name 'input' is not defined\n")
        << QString();
    QTest::newRow("caught") << QStringLiteral(
        "try:\n    import socket\nexcept ImportError as e:\n    print(type(e).__name__, e)\n")
                            << QStringLiteral(
                                   "ModuleNotFoundError module 'socket' is not available in Loopscope scripts\n")
                            << QString();
}

void TestInterpreter::unavailableModules()
{
    QFETCH(QString, source);
    QFETCH(QString, expectedOutput);
    QFETCH(QString, expectedErrors);

    const Run r = runScript(source);
    QVERIFY2(r.loaded, qPrintable(str(r.loadError.formatted)));
    QCOMPARE(r.output, expectedOutput);
    QCOMPARE(r.errorText, expectedErrors);
    QCOMPARE(r.exitStatus, expectedErrors.isEmpty() ? 0 : 1);
    QCOMPARE(outcomeName(r.outcome), outcomeName(expectedErrors.isEmpty() ? Outcome::Finished : Outcome::Uncaught));
}

// Loopscope's limits, where the output cannot be CPython's: integers are 64-bit, and a huge
// allocation is a MemoryError rather than an exhausted machine. Deep recursion is CPython's
// RecursionError, at CPython's message.
void TestInterpreter::limits_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expectedOutput");
    QTest::addColumn<QString>("expectedErrors");

    const QString overflow = QStringLiteral("integer overflow: Loopscope integers are 64-bit");
    QTest::newRow("multiplication overflows")
        << QStringLiteral("x = 2 ** 62\nprint(x)\ny = x * 4\nprint(y)\n") << QStringLiteral("4611686018427387904\n")
        << QStringLiteral("Traceback (most recent call last):\n"
                          "  File \"t.py\", line 3, in <module>\n"
                          "    y = x * 4\n"
                          "OverflowError: ")
            + overflow + QStringLiteral("\n");
    QTest::newRow("overflow caught")
        << QStringLiteral(
               "for f in (lambda: 2 ** 63, lambda: 2 ** 62 + 2 ** 62, lambda: -(2 ** 62) * 2 - 1, lambda: 1 << 64):\n"
               "    try:\n"
               "        print(f())\n"
               "    except OverflowError as e:\n"
               "        print(type(e).__name__, e)\n")
        << QStringLiteral("OverflowError %1\nOverflowError %1\nOverflowError %1\nOverflowError %1\n").arg(overflow)
        << QString();
    QTest::newRow("64-bit bounds") << QStringLiteral("print(2 ** 62 - 1 + 2 ** 62, -(2 ** 62) * 2, (-2) ** 63)\n")
                                   << QStringLiteral("9223372036854775807 -9223372036854775808 -9223372036854775808\n")
                                   << QString();
    QTest::newRow("recursion caught") << QStringLiteral(
        "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError as e:\n    print(type(e).__name__, "
        "e)\nprint('still running')\n")
                                      << QStringLiteral(
                                             "RecursionError maximum recursion depth exceeded\nstill running\n")
                                      << QString();
    QTest::newRow("async recursion caught")
        << QStringLiteral("import asyncio\n"
                          "async def r(n):\n"
                          "    return await r(n + 1)\n"
                          "async def main():\n"
                          "    try:\n"
                          "        await r(0)\n"
                          "    except RecursionError as e:\n"
                          "        print('RecursionError', e)\n"
                          "asyncio.run(main())\n")
        << QStringLiteral("RecursionError maximum recursion depth exceeded\n") << QString();
    QTest::newRow("huge repetition") << QStringLiteral(
        "for f in (lambda: 'a' * (10 ** 12), lambda: [0] * (10 ** 12)):\n"
        "    try:\n"
        "        f()\n"
        "    except MemoryError as e:\n"
        "        print(repr(e))\n") << QStringLiteral("MemoryError()\nMemoryError()\n")
                                     << QString();
}

void TestInterpreter::limits()
{
    QFETCH(QString, source);
    QFETCH(QString, expectedOutput);
    QFETCH(QString, expectedErrors);

    const Run r = runScript(source);
    QVERIFY2(r.loaded, qPrintable(str(r.loadError.formatted)));
    QCOMPARE(r.output, expectedOutput);
    QCOMPARE(r.errorText, expectedErrors);
    QCOMPARE(r.exitStatus, expectedErrors.isEmpty() ? 0 : 1);
}

// An uncaught RecursionError ends the run like any exception: the traceback starts at the module
// and ends with CPython's message (CPython collapses the repeated frames; the count is not pinned).
void TestInterpreter::uncaughtRecursion()
{
    const Run r = runScript(QStringLiteral("def f(n):\n    return f(n + 1)\nprint('start')\nf(0)\n"));
    QCOMPARE(outcomeName(r.outcome), outcomeName(Outcome::Uncaught));
    QCOMPARE(r.exitStatus, 1);
    QCOMPARE(r.output, QStringLiteral("start\n"));
    QVERIFY2(r.errorText.startsWith(QStringLiteral("Traceback (most recent call last):\n"
                                                   "  File \"t.py\", line 4, in <module>\n"
                                                   "    f(0)\n"
                                                   "  File \"t.py\", line 2, in f\n"
                                                   "    return f(n + 1)\n")),
        qPrintable(r.errorText.left(400)));
    QVERIFY(r.errorText.endsWith(QStringLiteral("\nRecursionError: maximum recursion depth exceeded\n")));
}

// CPython 3.12's limit of 1000 frames: a recursion 990 deep (below the module) runs, 1000 deep is a
// RecursionError. Sanitizer builds have larger C++ frames, so the engine's stack guard trips earlier.
void TestInterpreter::recursionLimitAsCPython()
{
#if defined(__SANITIZE_ADDRESS__)
    QSKIP("AddressSanitizer's larger stack frames lower the reachable recursion depth");
#endif
    const QString script = QStringLiteral("def depth(n):\n"
                                          "    return 0 if n == 0 else 1 + depth(n - 1)\n"
                                          "for n in (990, 997, 1000):\n"
                                          "    try:\n"
                                          "        print(depth(n))\n"
                                          "    except RecursionError as e:\n"
                                          "        print(n, e)\n");
    const Run r = runScript(script);
    QCOMPARE(r.output, QStringLiteral("990\n997\n1000 maximum recursion depth exceeded\n"));
}

// Hostile sources end in an error, never a crash: nesting deeper than the parser allows is a
// load error; nesting CPython accepts runs.
void TestInterpreter::deepNestingDoesNotCrash()
{
    {
        // As CPython: 200 nested parentheses are fine, the 201st is "too many" (line 1, column 205).
        const QString ok = QStringLiteral("x = ") + QString(200, QLatin1Char('(')) + QStringLiteral("1")
            + QString(200, QLatin1Char(')')) + QStringLiteral("\nprint(x)\n");
        const Run r = runScript(ok);
        QVERIFY2(r.loaded, qPrintable(str(r.loadError.formatted)));
        QCOMPARE(r.output, QStringLiteral("1\n"));
        const QString tooDeep = QStringLiteral("x = ") + QString(300, QLatin1Char('(')) + QStringLiteral("1")
            + QString(300, QLatin1Char(')')) + QStringLiteral("\nprint(x)\n");
        const Run r2 = runScript(tooDeep);
        QVERIFY(!r2.loaded);
        QCOMPARE(str(r2.loadError.type), QStringLiteral("SyntaxError"));
        QCOMPARE(str(r2.loadError.message), QStringLiteral("too many nested parentheses"));
        QCOMPARE(r2.loadError.line, 1);
        QCOMPARE(r2.loadError.column, 205);
    }
    {
        // CPython: RecursionError: maximum recursion depth exceeded during compilation.
        QStringList terms;
        for (int i = 0; i < 20000; ++i)
            terms << QStringLiteral("1");
        const Run r = runScript(QStringLiteral("x = ") + terms.join(QLatin1Char('+')) + QStringLiteral("\nprint(x)\n"));
        QVERIFY(!r.loaded);
        QCOMPARE(outcomeName(r.outcome), outcomeName(Outcome::LoadError));
        QCOMPARE(r.exitStatus, 1);
        QVERIFY(r.output.isEmpty());
    }
    {
        const Run r = runScript(QStringLiteral("x = 1\nfor i in range(200):\n    x = [x]\nprint(len(str(x)))\n"));
        QCOMPARE(r.output, QStringLiteral("401\n"));
    }
}

// What the engine reports around a script: stdout written before an uncaught exception is kept,
// a finished run has exit status 0 and no error text, a load error runs nothing.
void TestInterpreter::outcomeAndStreams()
{
    {
        const Run r
            = runScript(QStringLiteral("print('a')\nprint('b', end='')\nraise KeyError('k')\nprint('never')\n"));
        QCOMPARE(r.output, QStringLiteral("a\nb"));
        QCOMPARE(outcomeName(r.outcome), outcomeName(Outcome::Uncaught));
        QCOMPARE(r.exitStatus, 1);
        QCOMPARE(r.errorText,
            QStringLiteral("Traceback (most recent call last):\n"
                           "  File \"t.py\", line 3, in <module>\n"
                           "    raise KeyError('k')\n"
                           "KeyError: 'k'\n"));
    }
    {
        const Run r = runScript(QStringLiteral("print(1 + 1)\n"));
        QCOMPARE(r.output, QStringLiteral("2\n"));
        QCOMPARE(outcomeName(r.outcome), outcomeName(Outcome::Finished));
        QCOMPARE(r.exitStatus, 0);
        QVERIFY(r.errorText.isEmpty());
        QVERIFY(r.errors.isEmpty());
    }
    {
        const Run r = runScript(QString());
        QVERIFY(r.loaded);
        QCOMPARE(outcomeName(r.outcome), outcomeName(Outcome::Finished));
        QVERIFY(r.output.isEmpty());
    }
    {
        const Run r = runScript(QStringLiteral("print('not run')\nx = (\n"));
        QVERIFY(!r.loaded);
        QCOMPARE(outcomeName(r.outcome), outcomeName(Outcome::LoadError));
        QCOMPARE(r.exitStatus, 1);
        QVERIFY(r.output.isEmpty());
        QCOMPARE(str(r.loadError.type), QStringLiteral("SyntaxError"));
        QCOMPARE(str(r.loadError.message), QStringLiteral("'(' was never closed"));
        QCOMPARE(r.loadError.line, 2);
        QCOMPARE(r.loadError.column, 5);
    }
}

QTEST_GUILESS_MAIN(TestInterpreter)
#include "tst_interpreter.moc"
