// Hostile scripts found by fuzzing: each ends well (an exception, a report, or a bounded run),
// never a crash, a hang or a sanitizer report. Run under ASan/UBSan by the test command.
#include "enginetest.h"

using namespace loopscope;
using namespace enginetest;

class TestHostile : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void endsWithAClearError_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("lastErrorLine");
        QTest::newRow("exception cause cycle")
            << "a = ValueError('a')\nb = KeyError('b')\na.__cause__ = b\nb.__cause__ = a\nraise a\n"
            << "ValueError: a";
        QTest::newRow("very long exception chain")
            << "e = None\nfor i in range(100000):\n    try:\n        raise ValueError(i) from e\n    except ValueError "
               "as x:\n        e = x\nraise e\n"
            << "ValueError: 99999";
        QTest::newRow("str of deeply nested exceptions")
            << "e = ValueError()\nfor i in range(300000):\n    e = ValueError(e)\nprint(str(e))\n"
            << "RecursionError: maximum recursion depth exceeded while getting the str of an object";
        QTest::newRow("map over map over ...")
            << "m = [1]\nfor i in range(300000):\n    m = map(abs, m)\nprint(list(m))\n"
            << "RecursionError: maximum recursion depth exceeded";
        QTest::newRow("hash of deeply nested tuple")
            << "t = ()\nfor i in range(200000):\n    t = (t,)\nprint(hash(t))\n"
            << "RecursionError: maximum recursion depth exceeded";
        QTest::newRow("time.sleep past the end of time") << "import time\ntime.sleep(5e9)\ntime.sleep(5e9)\n"
                                                         << "OverflowError: timestamp out of range for platform time_t";
        QTest::newRow("time.sleep(inf)") << "import time\ntime.sleep(float('inf'))\n"
                                         << "OverflowError: timestamp out of range for platform time_t";
        QTest::newRow("huge percent width") << "print('%99999999999999999999d' % 1)\n"
                                            << "ValueError: width too big";
        QTest::newRow("enumerate past int64") << "print(list(enumerate([1, 2], 9223372036854775807)))\n"
                                              << "OverflowError: integer overflow: Loopscope integers are 64-bit";
        QTest::newRow("sum over a huge range") << "print(sum(range(10**18)))\n"
                                               << "MemoryError";
        QTest::newRow("gather chain cancelled") << "import asyncio\nasync def main():\n    g = asyncio.sleep(10)\n    "
                                                   "for i in range(100000):\n        g = asyncio.gather(g)\n"
                                                   "    await asyncio.sleep(0)\n    g.cancel()\nasyncio.run(main())\n"
                                                << "";
    }

    void endsWithAClearError()
    {
        QFETCH(QString, source);
        QFETCH(QString, lastErrorLine);
        auto e = runScript(source.toUtf8().constData());
        QVERIFY(e->finished());
        const QStringList lines = QString::fromStdString(e->errorText()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (lastErrorLine.isEmpty())
            QVERIFY(e->outcome() != Outcome::Uncaught || !lines.isEmpty());
        else
            QCOMPARE(lines.value(lines.size() - 1), lastErrorLine);
    }

    void numbersAtTheEdgesOfInt64()
    {
        auto e = runScript("print(len(range(-9223372036854775807-1, 0)))\n"
                           "print(5 in range(-9223372036854775807-1, 9223372036854775807))\n"
                           "print(round(1.5, -9223372036854775807-1), [] * 10**18, '' * 10**18)\n");
        QCOMPARE(e->output(), std::string("9223372036854775807\nTrue\n0.0 [] \n"));
    }

    void tasksAwaitingEachOtherDeadlockInsteadOfRecursing()
    {
        auto e = runScript("import asyncio\n"
                           "async def a():\n    await tb\n"
                           "async def b():\n    await ta\n"
                           "async def main():\n"
                           "    global ta, tb\n"
                           "    ta = asyncio.create_task(a())\n"
                           "    tb = asyncio.create_task(b())\n"
                           "    await asyncio.sleep(0)\n"
                           "    ta.cancel()\n"
                           "asyncio.run(main())\n");
        QCOMPARE(e->outcome(), Outcome::Deadlock);
        QCOMPARE(e->deadlockReport().cycle.size(), std::size_t(3));
        auto self = runScript("import asyncio\n"
                              "async def spin():\n    await asyncio.gather(asyncio.current_task())\n"
                              "async def main():\n    asyncio.create_task(spin())\n    await asyncio.sleep(0)\n"
                              "asyncio.run(main())\n");
        QVERIFY(self->finished());
    }

    void aLoopThatNeverEndsCanBeStopped()
    {
        // No timer waits, so this is not a livelock: it runs as long as it is stepped.
        Engine e;
        QVERIFY(e.load(
            "import asyncio\nasync def main():\n    while True:\n        await asyncio.sleep(0)\nasyncio.run(main())\n",
            "t.py"));
        e.runToEnd(10000);
        QVERIFY(!e.finished());
        QCOMPARE(e.stepCount(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
