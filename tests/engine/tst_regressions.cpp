// Regressions: behaviours where Loopscope once differed from CPython 3.12, each pinned with
// CPython's own output (stdout, stderr without carets or asyncio-internal frames, exit status).
// The cases live in tests/engine/regressions/cases.py; record.py there re-records the rows below
// with a live CPython 3.12.
#include "enginetest.h"

#include <QtTest>

using namespace loopscope;

class TestRegressions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void matchesCPython_data()
    {
        enginetest::addRecordedColumns();
        // BEGIN RECORDED ROWS (tests/engine/regressions/record.py)
        QTest::newRow("unbound_builtin_methods") << QString::fromUtf8("print(str.lower(\"ABC\"))\n"
            "print(sorted([\"b\", \"A\", \"c\"], key=str.lower))\n"
            "f = str.upper\n"
            "print(f(\"a\"), list.append, dict.get({1: 2}, 1))\n"
            "xs = []\n"
            "list.append(xs, 1)\n"
            "print(xs)\n"
            "try:\n"
            "    str.lower(5)\n"
            "except TypeError as e:\n"
            "    print(e)\n"
            "")
            << QString::fromUtf8("abc\n"
            "['A', 'b', 'c']\n"
            "A <method 'append' of 'list' objects> 2\n"
            "[1]\n"
            "descriptor 'lower' for 'str' objects doesn't apply to a 'int' object\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("deep_structures_free_and_fail_cleanly") << QString::fromUtf8("x = []\n"
            "for i in range(100000):\n"
            "    x = [x]\n"
            "y = x\n"
            "x = None\n"
            "print(\"dropped\")\n"
            "try:\n"
            "    s = str(y)\n"
            "except RecursionError as e:\n"
            "    print(e)\n"
            "z = []\n"
            "for i in range(100000):\n"
            "    z = [z]\n"
            "try:\n"
            "    print(y == z)\n"
            "except RecursionError as e:\n"
            "    print(e)\n"
            "")
            << QString::fromUtf8("dropped\n"
            "maximum recursion depth exceeded while getting the repr of an object\n"
            "maximum recursion depth exceeded in comparison\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("inplace_list_operators") << QString::fromUtf8("a = [1]\n"
            "b = a\n"
            "a += [2]\n"
            "a += (3, 4)\n"
            "print(b, a is b)\n"
            "c = [0]\n"
            "d = c\n"
            "c *= 3\n"
            "print(d)\n"
            "def f(acc):\n"
            "    acc += [1]\n"
            "l = []\n"
            "f(l)\n"
            "print(l)\n"
            "m = {\"k\": []}\n"
            "x = m[\"k\"]\n"
            "m[\"k\"] += [5]\n"
            "print(x)\n"
            "t = (1,)\n"
            "u = t\n"
            "t += (2,)\n"
            "print(u, t)\n"
            "")
            << QString::fromUtf8("[1, 2, 3, 4] True\n"
            "[0, 0, 0]\n"
            "[1]\n"
            "[5]\n"
            "(1,) (1, 2)\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("lambdas_in_comprehensions_see_the_loop_variable") << QString::fromUtf8("fs = [lambda: i for i in range(3)]\n"
            "print([f() for f in fs])\n"
            "print([(lambda: i)() for i in range(3)])\n"
            "print({k: (lambda: k)() for k in \"ab\"})\n"
            "def g():\n"
            "    fs = [lambda x=i: x * 10 + i for i in range(3)]\n"
            "    return [f() for f in fs]\n"
            "print(g())\n"
            "i = \"outer\"\n"
            "print([i for i in range(2)], i)\n"
            "print([[j for j in range(i)] for i in range(4)])\n"
            "")
            << QString::fromUtf8("[2, 2, 2]\n"
            "[0, 1, 2]\n"
            "{'a': 'a', 'b': 'b'}\n"
            "[2, 12, 22]\n"
            "[0, 1] outer\n"
            "[[], [0], [0, 1], [0, 1, 2]]\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("except_name_is_deleted_after_the_handler") << QString::fromUtf8("try:\n"
            "    raise ValueError(\"x\")\n"
            "except ValueError as e:\n"
            "    pass\n"
            "try:\n"
            "    print(e)\n"
            "except NameError as err:\n"
            "    print(err)\n"
            "def f():\n"
            "    try:\n"
            "        1 / 0\n"
            "    except ZeroDivisionError as e:\n"
            "        pass\n"
            "    return \"e\" in dir() if False else \"ok\"\n"
            "print(f())\n"
            "")
            << QString::fromUtf8("name 'e' is not defined\n"
            "ok\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("async_with_binds_none") << QString::fromUtf8("import asyncio\n"
            "async def main():\n"
            "    lock = asyncio.Lock()\n"
            "    sem = asyncio.Semaphore(1)\n"
            "    async with lock as got:\n"
            "        print(got, lock.locked())\n"
            "    async with sem as s:\n"
            "        print(s, sem.locked())\n"
            "    print(await lock.acquire(), await sem.acquire())\n"
            "asyncio.run(main())\n"
            "")
            << QString::fromUtf8("None True\n"
            "None True\n"
            "True True\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("ellipsis") << QString::fromUtf8("print(..., repr(...), ... is Ellipsis)\n"
            "")
            << QString::fromUtf8("Ellipsis Ellipsis True\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("round") << QString::fromUtf8("print(round(15, -1), round(25, -1), round(-25, -1), round(1234, -2), round(5, -1), round(123, 0))\n"
            "print(round(2.675, 2), round(0.5), round(1.5), round(-0.5), round(2.5), round(-1.25, 1), round(1e20, -19))\n"
            "")
            << QString::fromUtf8("20 20 -20 1200 0 123\n"
            "2.67 0 2 0 2 -1.2 1e+20\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("percent_format_errors") << QString::fromUtf8("for fmt, v in [(\"%d\", float(\"inf\")), (\"%x\", 3.5), (\"%d\", float(\"nan\")), (\"%c\", \"h\"), (\"%c\", 65), (\"%d\", 3.9), (\"%c\", 1.5)]:\n"
            "    try:\n"
            "        print(fmt % v)\n"
            "    except (TypeError, ValueError, OverflowError) as e:\n"
            "        print(type(e).__name__, e)\n"
            "")
            << QString::fromUtf8("OverflowError cannot convert float infinity to integer\n"
            "TypeError %x format: an integer is required, not float\n"
            "ValueError cannot convert float NaN to integer\n"
            "h\n"
            "A\n"
            "3\n"
            "TypeError %c requires int or char\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("float_power_overflow") << QString::fromUtf8("try:\n"
            "    print(10.0 ** 400)\n"
            "except OverflowError as e:\n"
            "    print(\"OverflowError\", e)\n"
            "print(2.0 ** 0.5, (-8.0) ** 3, 10 ** -2)\n"
            "")
            << QString::fromUtf8("OverflowError (34, 'Numerical result out of range')\n"
            "1.4142135623730951 -512.0 0.01\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("sum_of_floats_is_compensated") << QString::fromUtf8("print(sum([0.1] * 10), sum([0.1, 0.2, 0.3]), sum([1, 2.5, 3]), sum([0.1] * 10, 1), sum(range(5)), sum([1e100, 1.0, -1e100]))\n"
            "")
            << QString::fromUtf8("1.0 0.6 6.5 2.0 10 1.0\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("index_with_start_and_stop") << QString::fromUtf8("print([1, 2, 1].index(1, 1), (1, 2, 1).index(1, 1), [5, 6, 7, 5].index(5, -2))\n"
            "try:\n"
            "    [1, 2, 3].index(3, 0, 2)\n"
            "except ValueError as e:\n"
            "    print(e)\n"
            "")
            << QString::fromUtf8("2 2 3\n"
            "3 is not in list\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("zip_strict") << QString::fromUtf8("print(list(zip([1, 2], \"ab\", strict=True)))\n"
            "for a, b in [([1], [3, 4]), ([1, 2], [3]), ([1, 2], [3, 4, 5])]:\n"
            "    try:\n"
            "        print(list(zip(a, b, strict=True)))\n"
            "    except ValueError as e:\n"
            "        print(e)\n"
            "try:\n"
            "    list(zip([1], [1], [1, 2], strict=True))\n"
            "except ValueError as e:\n"
            "    print(e)\n"
            "")
            << QString::fromUtf8("[(1, 'a'), (2, 'b')]\n"
            "zip() argument 2 is longer than argument 1\n"
            "zip() argument 2 is shorter than argument 1\n"
            "zip() argument 2 is longer than argument 1\n"
            "zip() argument 3 is longer than arguments 1-2\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("ascii") << QString::fromUtf8("print(ascii(\"é\"), ascii([\"é\", 1]), f\"{'é'!a}\", \"%a\" % \"ü\", ascii(\"plain\"))\n"
            "")
            << QString::fromUtf8("'\\xe9' ['\\xe9', 1] '\\xe9' '\\xfc' 'plain'\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("traceback_of_a_cause_shows_where_it_was_caught") << QString::fromUtf8("def load():\n"
            "    try:\n"
            "        {}[\"cfg\"]\n"
            "    except KeyError as e:\n"
            "        raise RuntimeError(\"no config\") from e\n"
            "\n"
            "def main():\n"
            "    load()\n"
            "\n"
            "main()\n"
            "")
            << QString::fromUtf8("")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 3, in load\n"
            "    {}[\"cfg\"]\n"
            "KeyError: 'cfg'\n"
            "\n"
            "The above exception was the direct cause of the following exception:\n"
            "\n"
            "Traceback (most recent call last):\n"
            "  File \"t.py\", line 10, in <module>\n"
            "    main()\n"
            "  File \"t.py\", line 8, in main\n"
            "    load()\n"
            "  File \"t.py\", line 5, in load\n"
            "    raise RuntimeError(\"no config\") from e\n"
            "RuntimeError: no config\n"
            "") << 1;
        QTest::newRow("traceback_line_is_where_the_exception_happened") << QString::fromUtf8("def check():\n"
            "    try:\n"
            "        raise ValueError(\"first\")\n"
            "    finally:\n"
            "        pass\n"
            "\n"
            "check()\n"
            "")
            << QString::fromUtf8("")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 7, in <module>\n"
            "    check()\n"
            "  File \"t.py\", line 3, in check\n"
            "    raise ValueError(\"first\")\n"
            "ValueError: first\n"
            "") << 1;
        QTest::newRow("bare_raise_keeps_the_original_line") << QString::fromUtf8("def f():\n"
            "    raise KeyError(\"k\")\n"
            "\n"
            "try:\n"
            "    f()\n"
            "except KeyError:\n"
            "    print(\"again\")\n"
            "    raise\n"
            "")
            << QString::fromUtf8("again\n"
            "")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 5, in <module>\n"
            "    f()\n"
            "  File \"t.py\", line 2, in f\n"
            "    raise KeyError(\"k\")\n"
            "KeyError: 'k'\n"
            "") << 1;
        QTest::newRow("exception_in_finally_has_context") << QString::fromUtf8("def g():\n"
            "    try:\n"
            "        raise ValueError(\"a\")\n"
            "    finally:\n"
            "        raise KeyError(\"b\")\n"
            "try:\n"
            "    g()\n"
            "except KeyError as e:\n"
            "    print(repr(e.__context__))\n"
            "g()\n"
            "")
            << QString::fromUtf8("ValueError('a')\n"
            "")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 3, in g\n"
            "    raise ValueError(\"a\")\n"
            "ValueError: a\n"
            "\n"
            "During handling of the above exception, another exception occurred:\n"
            "\n"
            "Traceback (most recent call last):\n"
            "  File \"t.py\", line 10, in <module>\n"
            "    g()\n"
            "  File \"t.py\", line 5, in g\n"
            "    raise KeyError(\"b\")\n"
            "KeyError: 'b'\n"
            "") << 1;
        QTest::newRow("recursion_traceback_is_summarised") << QString::fromUtf8("def f(n):\n"
            "    return f(n + 1)\n"
            "f(0)\n"
            "")
            << QString::fromUtf8("")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 3, in <module>\n"
            "    f(0)\n"
            "  File \"t.py\", line 2, in f\n"
            "    return f(n + 1)\n"
            "  File \"t.py\", line 2, in f\n"
            "    return f(n + 1)\n"
            "  File \"t.py\", line 2, in f\n"
            "    return f(n + 1)\n"
            "  [Previous line repeated 996 more times]\n"
            "RecursionError: maximum recursion depth exceeded\n"
            "") << 1;
        QTest::newRow("system_exit_with_code") << QString::fromUtf8("print(\"bye\")\n"
            "raise SystemExit(3)\n"
            "")
            << QString::fromUtf8("bye\n"
            "")
            << QString::fromUtf8("") << 3;
        QTest::newRow("system_exit_with_message") << QString::fromUtf8("raise SystemExit(\"stopping here\")\n"
            "")
            << QString::fromUtf8("")
            << QString::fromUtf8("stopping here\n"
            "") << 1;
        QTest::newRow("system_exit_bare") << QString::fromUtf8("raise SystemExit\n"
            "")
            << QString::fromUtf8("")
            << QString::fromUtf8("") << 0;
        QTest::newRow("system_exit_in_a_task") << QString::fromUtf8("import asyncio\n"
            "async def t():\n"
            "    try:\n"
            "        await asyncio.sleep(1)\n"
            "    finally:\n"
            "        print(\"t cleaned up\")\n"
            "async def main():\n"
            "    asyncio.create_task(t())\n"
            "    await asyncio.sleep(0)\n"
            "    raise SystemExit(4)\n"
            "asyncio.run(main())\n"
            "")
            << QString::fromUtf8("t cleaned up\n"
            "")
            << QString::fromUtf8("") << 4;
        QTest::newRow("hint_name_error_did_you_mean") << QString::fromUtf8("def f():\n"
            "    counter = 1\n"
            "    return countr + 1\n"
            "f()\n"
            "")
            << QString::fromUtf8("")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 4, in <module>\n"
            "    f()\n"
            "  File \"t.py\", line 3, in f\n"
            "    return countr + 1\n"
            "NameError: name 'countr' is not defined. Did you mean: 'counter'?\n"
            "") << 1;
        QTest::newRow("hint_builtin_typo") << QString::fromUtf8("prnt(\"x\")\n"
            "")
            << QString::fromUtf8("")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 1, in <module>\n"
            "    prnt(\"x\")\n"
            "NameError: name 'prnt' is not defined. Did you mean: 'print'?\n"
            "") << 1;
        QTest::newRow("hint_attribute_typo") << QString::fromUtf8("xs = []\n"
            "xs.apend(1)\n"
            "")
            << QString::fromUtf8("")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 2, in <module>\n"
            "    xs.apend(1)\n"
            "AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?\n"
            "") << 1;
        QTest::newRow("hint_module_attribute_typo") << QString::fromUtf8("import asyncio\n"
            "asyncio.sleeep(1)\n"
            "")
            << QString::fromUtf8("")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 2, in <module>\n"
            "    asyncio.sleeep(1)\n"
            "AttributeError: module 'asyncio' has no attribute 'sleeep'. Did you mean: 'sleep'?\n"
            "") << 1;
        QTest::newRow("hint_forgot_import") << QString::fromUtf8("async def main():\n"
            "    pass\n"
            "asyncio.run(main())\n"
            "")
            << QString::fromUtf8("")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 3, in <module>\n"
            "    asyncio.run(main())\n"
            "NameError: name 'asyncio' is not defined. Did you forget to import 'asyncio'?\n"
            "") << 1;
        QTest::newRow("hint_both") << QString::fromUtf8("randm = 1\n"
            "print(random)\n"
            "")
            << QString::fromUtf8("")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 2, in <module>\n"
            "    print(random)\n"
            "NameError: name 'random' is not defined. Did you mean: 'randm'? Or did you forget to import 'random'?\n"
            "") << 1;
        QTest::newRow("await_in_comprehensions") << QString::fromUtf8("import asyncio\n"
            "async def v(i):\n"
            "    await asyncio.sleep(0.1)\n"
            "    return i * 2\n"
            "async def main():\n"
            "    print([await v(i) for i in range(3)])\n"
            "    print({i: await v(i) for i in range(3) if await v(i) > 0})\n"
            "    print([await v(i + j) for i in range(2) for j in range(2)])\n"
            "asyncio.run(main())\n"
            "")
            << QString::fromUtf8("[0, 2, 4]\n"
            "{1: 2, 2: 4}\n"
            "[0, 2, 2, 4]\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("extended_slice_assignment") << QString::fromUtf8("ys = list(range(6))\n"
            "ys[::2] = [\"a\", \"b\", \"c\"]\n"
            "print(ys)\n"
            "ys[::-3] = [1, 2]\n"
            "print(ys)\n"
            "try:\n"
            "    ys[1::2] = [9]\n"
            "except ValueError as e:\n"
            "    print(e)\n"
            "")
            << QString::fromUtf8("['a', 1, 'b', 3, 'c', 5]\n"
            "['a', 1, 2, 3, 'c', 1]\n"
            "attempt to assign sequence of size 1 to extended slice of size 3\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("messages_for_common_type_errors") << QString::fromUtf8("for src in ['\"a\" * \"b\"', '[1] * 1.5', '3 in 3', 'dict([(1, 2, 3)])']:\n"
            "    try:\n"
            "        eval(src) if False else None\n"
            "    except Exception as e:\n"
            "        print(e)\n"
            "def mul():\n"
            "    return \"a\" * \"b\"\n"
            "def contains():\n"
            "    return 3 in 3\n"
            "def unpack():\n"
            "    a, b = 5\n"
            "for fn in (mul, contains, unpack):\n"
            "    try:\n"
            "        fn()\n"
            "    except TypeError as e:\n"
            "        print(e)\n"
            "try:\n"
            "    dict([(1, 2, 3)])\n"
            "except ValueError as e:\n"
            "    print(e)\n"
            "try:\n"
            "    print(sep=1)\n"
            "except TypeError as e:\n"
            "    print(e)\n"
            "")
            << QString::fromUtf8("can't multiply sequence by non-int of type 'str'\n"
            "argument of type 'int' is not iterable\n"
            "cannot unpack non-iterable int object\n"
            "dictionary update sequence element #0 has length 3; 2 is required\n"
            "sep must be None or a string, not int\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("priority_queue_heap_order") << QString::fromUtf8("import asyncio\n"
            "async def main():\n"
            "    q = asyncio.PriorityQueue()\n"
            "    for item in [2, 1.0, 1, True, 0, 1.0, 3, 1]:\n"
            "        q.put_nowait(item)\n"
            "    print([q.get_nowait() for _ in range(q.qsize())], q.maxsize)\n"
            "asyncio.run(main())\n"
            "")
            << QString::fromUtf8("[0, 1, 1.0, 1.0, True, 1, 2, 3] 0\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("dict_and_range_extras") << QString::fromUtf8("d = {\"a\": 1, \"b\": 2}\n"
            "print(d.popitem(), d, dict.fromkeys(\"ab\", 0), range(10).index(3), range(0, 10, 2).count(4))\n"
            "print(\"a\\tb\".expandtabs(), \"x\".isprintable(), hash(5), hash(True), hash(-1))\n"
            "")
            << QString::fromUtf8("('b', 2) {'a': 1} {'a': 0, 'b': 0} 3 1\n"
            "a       b True 5 1 -2\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("fstrings_reuse_their_quotes_pep701") << QString::fromUtf8("d = {\"k\": 1, \"name\": \"x\"}\n"
            "print(f\"{d[\"k\"]} {d['name']!r:>6} {'a' + \"b\"}\")\n"
            "print(f\"{f\"{d[\"k\"]}\"}\", f'{\"nested \" + f\"{1 + 1}\"}')\n"
            "print(f\"{3.14159:{'>'}10.2f}|{'x':'^5}|{{literal}} {{{d[\"k\"]}}}\")\n"
            "items = [\"a\", \"b\"]\n"
            "print(f\"joined: {\", \".join(items)}\")\n"
            "print(f\"{\"\\n\".join(items)}|{'\\t'!r}\")\n"
            "print(f\"\"\"triple {d[\"k\"]\n"
            "} ok\"\"\")\n"
            "")
            << QString::fromUtf8("1    'x' ab\n"
            "1 nested 2\n"
            "      3.14|''x''|{literal} {1}\n"
            "joined: a, b\n"
            "a\n"
            "b|'\\t'\n"
            "triple 1 ok\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("traceback_names_the_line_inside_a_multiline_expression") << QString::fromUtf8("data = {\"a\": 1}\n"
            "def f():\n"
            "    total = (\n"
            "        data[\"a\"]\n"
            "        + data[\"b\"]\n"
            "    )\n"
            "def g():\n"
            "    x = max(\n"
            "        1,\n"
            "        int(\"x\"),\n"
            "    )\n"
            "for fn in (f, g):\n"
            "    try:\n"
            "        fn()\n"
            "    except (KeyError, ValueError) as e:\n"
            "        print(type(e).__name__)\n"
            "f()\n"
            "")
            << QString::fromUtf8("KeyError\n"
            "ValueError\n"
            "")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 17, in <module>\n"
            "    f()\n"
            "  File \"t.py\", line 5, in f\n"
            "    + data[\"b\"]\n"
            "KeyError: 'b'\n"
            "") << 1;
        QTest::newRow("load_time_scope_errors_are_runtime_free") << QString::fromUtf8("def outer():\n"
            "    x = 1\n"
            "    def inner():\n"
            "        nonlocal x\n"
            "        x += 1\n"
            "        return x\n"
            "    return inner()\n"
            "c = 0\n"
            "def inc():\n"
            "    global c\n"
            "    c += 1\n"
            "inc()\n"
            "print(outer(), c)\n"
            "")
            << QString::fromUtf8("2 1\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("class_call_errors_name_the_qualname") << QString::fromUtf8("class Worker:\n"
            "    def __init__(self, name, *, retries):\n"
            "        self.name = name\n"
            "    def run(self, job):\n"
            "        return job\n"
            "w = Worker(\"a\", retries=1)\n"
            "for call in (lambda: Worker(\"b\"), lambda: w.run(), lambda: w.run(1, 2), lambda: Worker(\"c\", 1, retries=2)):\n"
            "    try:\n"
            "        call()\n"
            "    except TypeError as e:\n"
            "        print(e)\n"
            "try:\n"
            "    w.runn\n"
            "except AttributeError as e:\n"
            "    print(e)\n"
            "w.nam\n"
            "")
            << QString::fromUtf8("Worker.__init__() missing 1 required keyword-only argument: 'retries'\n"
            "Worker.run() missing 1 required positional argument: 'job'\n"
            "Worker.run() takes 2 positional arguments but 3 were given\n"
            "Worker.__init__() takes 2 positional arguments but 3 positional arguments (and 1 keyword-only argument) were given\n"
            "'Worker' object has no attribute 'runn'\n"
            "")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 16, in <module>\n"
            "    w.nam\n"
            "AttributeError: 'Worker' object has no attribute 'nam'. Did you mean: 'name'?\n"
            "") << 1;
        QTest::newRow("class_eq_without_hash_is_unhashable") << QString::fromUtf8("class Key:\n"
            "    def __init__(self, k):\n"
            "        self.k = k\n"
            "    def __eq__(self, other):\n"
            "        return self.k == other.k\n"
            "print(Key(1) == Key(1), Key(1) != Key(2))\n"
            "d = {}\n"
            "d[Key(1)] = 1\n"
            "")
            << QString::fromUtf8("True True\n"
            "")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 8, in <module>\n"
            "    d[Key(1)] = 1\n"
            "TypeError: unhashable type: 'Key'\n"
            "") << 1;
        QTest::newRow("with_on_object_without_protocol") << QString::fromUtf8("class OnlyEnter:\n"
            "    def __enter__(self):\n"
            "        return self\n"
            "try:\n"
            "    with OnlyEnter():\n"
            "        pass\n"
            "except TypeError as e:\n"
            "    print(e)\n"
            "with object():\n"
            "    pass\n"
            "")
            << QString::fromUtf8("'OnlyEnter' object does not support the context manager protocol (missed __exit__ method)\n"
            "")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 9, in <module>\n"
            "    with object():\n"
            "TypeError: 'object' object does not support the context manager protocol\n"
            "") << 1;
        QTest::newRow("generator_stopiteration_becomes_runtimeerror") << QString::fromUtf8("def gen():\n"
            "    yield 1\n"
            "    next(iter([]))\n"
            "for x in gen():\n"
            "    print(x)\n"
            "")
            << QString::fromUtf8("1\n"
            "")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 3, in gen\n"
            "    next(iter([]))\n"
            "StopIteration\n"
            "\n"
            "The above exception was the direct cause of the following exception:\n"
            "\n"
            "Traceback (most recent call last):\n"
            "  File \"t.py\", line 4, in <module>\n"
            "    for x in gen():\n"
            "RuntimeError: generator raised StopIteration\n"
            "") << 1;
        QTest::newRow("async_for_over_a_plain_list") << QString::fromUtf8("import asyncio\n"
            "async def main():\n"
            "    async for x in [1, 2]:\n"
            "        print(x)\n"
            "asyncio.run(main())\n"
            "")
            << QString::fromUtf8("")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 5, in <module>\n"
            "    asyncio.run(main())\n"
            "  File \"t.py\", line 3, in main\n"
            "    async for x in [1, 2]:\n"
            "TypeError: 'async for' requires an object with __aiter__ method, got list\n"
            "") << 1;
        QTest::newRow("exception_group_traceback_box_art") << QString::fromUtf8("def f():\n"
            "    raise ValueError(\"boom\")\n"
            "def g():\n"
            "    try:\n"
            "        f()\n"
            "    except ValueError as e:\n"
            "        raise ExceptionGroup(\"outer\", [e, ExceptionGroup(\"inner\", [TypeError(\"t\"), KeyError(\"k\")])])\n"
            "g()\n"
            "")
            << QString::fromUtf8("")
            << QString::fromUtf8("Traceback (most recent call last):\n"
            "  File \"t.py\", line 5, in g\n"
            "    f()\n"
            "  File \"t.py\", line 2, in f\n"
            "    raise ValueError(\"boom\")\n"
            "ValueError: boom\n"
            "\n"
            "During handling of the above exception, another exception occurred:\n"
            "\n"
            "  + Exception Group Traceback (most recent call last):\n"
            "  |   File \"t.py\", line 8, in <module>\n"
            "  |     g()\n"
            "  |   File \"t.py\", line 7, in g\n"
            "  |     raise ExceptionGroup(\"outer\", [e, ExceptionGroup(\"inner\", [TypeError(\"t\"), KeyError(\"k\")])])\n"
            "  | ExceptionGroup: outer (2 sub-exceptions)\n"
            "  +-+---------------- 1 ----------------\n"
            "    | Traceback (most recent call last):\n"
            "    |   File \"t.py\", line 5, in g\n"
            "    |     f()\n"
            "    |   File \"t.py\", line 2, in f\n"
            "    |     raise ValueError(\"boom\")\n"
            "    | ValueError: boom\n"
            "    +---------------- 2 ----------------\n"
            "    | ExceptionGroup: inner (2 sub-exceptions)\n"
            "    +-+---------------- 1 ----------------\n"
            "      | TypeError: t\n"
            "      +---------------- 2 ----------------\n"
            "      | KeyError: 'k'\n"
            "      +------------------------------------\n"
            "") << 1;
        QTest::newRow("exception_group_reprs_and_split") << QString::fromUtf8("eg = ExceptionGroup(\"m\", [ValueError(1), TypeError(2), ExceptionGroup(\"inner\", [ValueError(3), KeyError(4)])])\n"
            "print(eg.message, eg.exceptions, eg.args)\n"
            "print(repr(eg.subgroup(ValueError)), eg.split(KeyError))\n"
            "print(eg.subgroup(lambda e: isinstance(e, KeyError)), eg.subgroup(Exception) is eg)\n"
            "print(isinstance(eg, Exception), isinstance(eg, BaseExceptionGroup), issubclass(ExceptionGroup, Exception))\n"
            "print(BaseExceptionGroup(\"b\", [ValueError()]).__class__.__name__, BaseExceptionGroup(\"b\", [KeyboardInterrupt()]).__class__.__name__)\n"
            "for bad in [lambda: ExceptionGroup(\"x\", []), lambda: ExceptionGroup(\"x\", [KeyboardInterrupt()]), lambda: eg.split(1)]:\n"
            "    try:\n"
            "        bad()\n"
            "    except (TypeError, ValueError) as e:\n"
            "        print(type(e).__name__, e)\n"
            "")
            << QString::fromUtf8("m (ValueError(1), TypeError(2), ExceptionGroup('inner', [ValueError(3), KeyError(4)])) ('m', [ValueError(1), TypeError(2), ExceptionGroup('inner', [ValueError(3), KeyError(4)])])\n"
            "ExceptionGroup('m', [ValueError(1), ExceptionGroup('inner', [ValueError(3)])]) (ExceptionGroup('m', [ExceptionGroup('inner', [KeyError(4)])]), ExceptionGroup('m', [ValueError(1), TypeError(2), ExceptionGroup('inner', [ValueError(3)])]))\n"
            "m (1 sub-exception) True\n"
            "True True True\n"
            "ExceptionGroup BaseExceptionGroup\n"
            "ValueError second argument (exceptions) must be a non-empty sequence\n"
            "TypeError Cannot nest BaseExceptions in an ExceptionGroup\n"
            "TypeError expected a function, exception type or tuple of exception types\n"
            "")
            << QString::fromUtf8("") << 0;
        QTest::newRow("except_star_uncaught_rest") << QString::fromUtf8("try:\n"
            "    raise ExceptionGroup(\"eg\", [ValueError(1), TypeError(2), KeyError(3)])\n"
            "except* ValueError as g:\n"
            "    print(\"handled\", repr(g))\n"
            "except* TypeError:\n"
            "    raise RuntimeError(\"while handling\")\n"
            "")
            << QString::fromUtf8("handled ExceptionGroup('eg', [ValueError(1)])\n"
            "")
            << QString::fromUtf8("  | ExceptionGroup:  (2 sub-exceptions)\n"
            "  +-+---------------- 1 ----------------\n"
            "    | Exception Group Traceback (most recent call last):\n"
            "    |   File \"t.py\", line 2, in <module>\n"
            "    |     raise ExceptionGroup(\"eg\", [ValueError(1), TypeError(2), KeyError(3)])\n"
            "    | ExceptionGroup: eg (1 sub-exception)\n"
            "    +-+---------------- 1 ----------------\n"
            "      | TypeError: 2\n"
            "      +------------------------------------\n"
            "    | \n"
            "    | During handling of the above exception, another exception occurred:\n"
            "    | \n"
            "    | Traceback (most recent call last):\n"
            "    |   File \"t.py\", line 6, in <module>\n"
            "    |     raise RuntimeError(\"while handling\")\n"
            "    | RuntimeError: while handling\n"
            "    +---------------- 2 ----------------\n"
            "    | Exception Group Traceback (most recent call last):\n"
            "    |   File \"t.py\", line 2, in <module>\n"
            "    |     raise ExceptionGroup(\"eg\", [ValueError(1), TypeError(2), KeyError(3)])\n"
            "    | ExceptionGroup: eg (1 sub-exception)\n"
            "    +-+---------------- 1 ----------------\n"
            "      | KeyError: 3\n"
            "      +------------------------------------\n"
            "") << 1;
        QTest::newRow("unawaited_coroutine_warning") << QString::fromUtf8("import asyncio\n"
            "async def notify():\n"
            "    print(\"never runs\")\n"
            "async def main():\n"
            "    notify()\n"
            "    for i in range(3):\n"
            "        notify()\n"
            "    await asyncio.sleep(0)\n"
            "    print(\"main done\")\n"
            "asyncio.run(main())\n"
            "")
            << QString::fromUtf8("main done\n"
            "")
            << QString::fromUtf8("t.py:5: RuntimeWarning: coroutine 'notify' was never awaited\n"
            "  notify()\n"
            "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
            "t.py:7: RuntimeWarning: coroutine 'notify' was never awaited\n"
            "  notify()\n"
            "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
            "") << 0;
        QTest::newRow("task_exception_never_retrieved_at_exit") << QString::fromUtf8("import asyncio\n"
            "async def boom():\n"
            "    raise ValueError(\"lost\")\n"
            "async def main():\n"
            "    asyncio.create_task(boom())\n"
            "    await asyncio.sleep(0.1)\n"
            "    print(\"main done\")\n"
            "asyncio.run(main())\n"
            "")
            << QString::fromUtf8("main done\n"
            "")
            << QString::fromUtf8("Task exception was never retrieved\n"
            "future: <Task finished name='Task-2' coro=<boom() done, defined at t.py:2> exception=ValueError('lost')>\n"
            "Traceback (most recent call last):\n"
            "  File \"t.py\", line 3, in boom\n"
            "    raise ValueError(\"lost\")\n"
            "ValueError: lost\n"
            "") << 0;
        QTest::newRow("callback_exception_logged") << QString::fromUtf8("import asyncio\n"
            "def bad(*args):\n"
            "    raise ValueError(\"from callback\")\n"
            "async def main():\n"
            "    loop = asyncio.get_running_loop()\n"
            "    loop.call_soon(bad, 1, \"x\")\n"
            "    f = loop.create_future()\n"
            "    f.add_done_callback(bad)\n"
            "    f.set_result(7)\n"
            "    await asyncio.sleep(0.1)\n"
            "    print(\"loop went on\")\n"
            "asyncio.run(main())\n"
            "")
            << QString::fromUtf8("loop went on\n"
            "")
            << QString::fromUtf8("Exception in callback bad(1, 'x') at t.py:2\n"
            "handle: <Handle bad(1, 'x') at t.py:2>\n"
            "Traceback (most recent call last):\n"
            "  File \"t.py\", line 3, in bad\n"
            "    raise ValueError(\"from callback\")\n"
            "ValueError: from callback\n"
            "Exception in callback bad(<Future finished result=7>) at t.py:2\n"
            "handle: <Handle bad(<Future finished result=7>) at t.py:2>\n"
            "Traceback (most recent call last):\n"
            "  File \"t.py\", line 3, in bad\n"
            "    raise ValueError(\"from callback\")\n"
            "ValueError: from callback\n"
            "") << 0;
        QTest::newRow("get_event_loop_deprecation_warning") << QString::fromUtf8("import asyncio\n"
            "async def main():\n"
            "    print(\"inside\", asyncio.get_event_loop() is asyncio.get_running_loop())\n"
            "loop = asyncio.get_event_loop()\n"
            "loop.run_until_complete(main())\n"
            "print(asyncio.get_event_loop() is loop)\n"
            "")
            << QString::fromUtf8("inside True\n"
            "True\n"
            "")
            << QString::fromUtf8("t.py:4: DeprecationWarning: There is no current event loop\n"
            "  loop = asyncio.get_event_loop()\n"
            "") << 0;
        QTest::newRow("functools_wraps_names_the_coroutine") << QString::fromUtf8("import asyncio\n"
            "import functools\n"
            "\n"
            "\n"
            "def logged(fn):\n"
            "    @functools.wraps(fn)\n"
            "    async def wrapper(*args):\n"
            "        return await fn(*args)\n"
            "    return wrapper\n"
            "\n"
            "\n"
            "@logged\n"
            "async def notify(x):\n"
            "    return x\n"
            "\n"
            "\n"
            "async def main():\n"
            "    notify(1)\n"
            "    t = asyncio.create_task(notify(2))\n"
            "    print(t.get_coro().__qualname__, t.get_coro().__name__, notify.__wrapped__.__qualname__)\n"
            "    print(await t)\n"
            "\n"
            "\n"
            "asyncio.run(main())\n"
            "")
            << QString::fromUtf8("notify notify notify\n"
            "2\n"
            "")
            << QString::fromUtf8("t.py:18: RuntimeWarning: coroutine 'notify' was never awaited\n"
            "  notify(1)\n"
            "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
            "") << 0;
        // END RECORDED ROWS
    }

    void matchesCPython() { enginetest::compareRecordedRow(); }
};

QTEST_GUILESS_MAIN(TestRegressions)
#include "tst_regressions.moc"
