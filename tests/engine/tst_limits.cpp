// The three limits that keep a bad script from freezing or crashing the app (script::Limits):
// recursion depth, operations per step without an await, and the size of containers and strings.
// Each is configurable, and each ends the run cleanly with the trace intact up to that point.
#include "enginetest.h"

using namespace enginetest;

namespace {

std::unique_ptr<Engine> runWithLimits(const char *script, const script::Limits &limits)
{
    return runScript(script, Profile::Py312, limits);
}

const char *kRecursion = "import asyncio\n"
                         "def down(n):\n"
                         "    return 0 if n == 0 else 1 + down(n - 1)\n"
                         "async def main():\n"
                         "    for n in (30, 60):\n"
                         "        try:\n"
                         "            print(n, down(n))\n"
                         "        except RecursionError as e:\n"
                         "            print(n, type(e).__name__, e)\n"
                         "asyncio.run(main())\n";

const char *kSpin = "import asyncio\n"
                    "async def spin():\n"
                    "    print('spinning')\n"
                    "    x = 0\n"
                    "    while True:\n"
                    "        x += 1\n"
                    "async def tick():\n"
                    "    await asyncio.sleep(0)\n"
                    "    print('never')\n"
                    "async def main():\n"
                    "    await asyncio.gather(spin(), tick())\n"
                    "asyncio.run(main())\n";

} // namespace

class TestLimits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreCPythonsRecursionLimitAndTenMillionOperations()
    {
        const script::Limits limits;
        QCOMPARE(limits.maxDepth, 1000);
        QCOMPARE(limits.stepBudget, std::uint64_t(10'000'000));
        auto e = runScript("import asyncio\n"
                           "def down(n):\n"
                           "    return 0 if n == 0 else 1 + down(n - 1)\n"
                           "async def main():\n"
                           "    print(down(900))\n"
                           "    try:\n"
                           "        down(1000)\n"
                           "    except RecursionError as e:\n"
                           "        print(e)\n"
                           "asyncio.run(main())\n");
        QCOMPARE(e->output(), std::string("900\nmaximum recursion depth exceeded\n"));
    }

    void recursionDepthIsConfigurable()
    {
        script::Limits limits;
        limits.maxDepth = 50;
        auto e = runWithLimits(kRecursion, limits);
        QCOMPARE(e->outcome(), Outcome::Finished);
        QCOMPARE(e->output(), std::string("30 30\n60 RecursionError maximum recursion depth exceeded\n"));
    }

    void aStepThatNeverAwaitsEndsTheRunNamingTaskAndLine()
    {
        script::Limits limits;
        limits.stepBudget = 20000;
        auto e = runWithLimits(kSpin, limits);
        QVERIFY(e->finished());
        QCOMPARE(e->outcome(), Outcome::Uncaught);
        QCOMPARE(e->exitStatus(), 1);
        const std::string error = e->errorText();
        QVERIFY2(error.find("Task-2 (spin) blocks the event loop") != std::string::npos, error.c_str());
        QVERIFY2(error.find("20000 operations") != std::string::npos, error.c_str());
        QVERIFY2(error.find("near line 6") != std::string::npos, error.c_str());
        // The trace holds everything up to that point, and ends with the error.
        QVERIFY(printIndex(*e, "spinning") >= 0);
        QCOMPARE(printIndex(*e, "never"), -1);
        QCOMPARE(e->trace().events().back().kind, EventKind::Uncaught);
        QVERIFY(e->trace().text(e->trace().events().back().text).find("blocks the event loop") != std::string::npos);
    }

    void theModuleCodeHasTheSameBudget()
    {
        script::Limits limits;
        limits.stepBudget = 5000;
        auto e = runWithLimits("print('start')\n"
                               "n = 0\n"
                               "while n >= 0:\n"
                               "    n += 1\n",
            limits);
        QCOMPARE(e->outcome(), Outcome::Uncaught);
        QVERIFY2(e->errorText().find("the module code blocks the event loop") != std::string::npos,
            e->errorText().c_str());
        QVERIFY(e->errorText().find("near line 4") != std::string::npos);
        QCOMPARE(e->output(), std::string("start\n"));
    }

    void aLargerBudgetLetsALongStepFinish()
    {
        const char *script = "import asyncio\n"
                             "async def main():\n"
                             "    total = 0\n"
                             "    for i in range(3000):\n"
                             "        total += i\n"
                             "    print(total)\n"
                             "asyncio.run(main())\n";
        script::Limits tight;
        tight.stepBudget = 1000;
        QCOMPARE(runWithLimits(script, tight)->outcome(), Outcome::Uncaught);
        script::Limits roomy;
        roomy.stepBudget = 100000;
        auto e = runWithLimits(script, roomy);
        QCOMPARE(e->outcome(), Outcome::Finished);
        QCOMPARE(e->output(), std::string("4498500\n"));
    }

    void containersAndStringsPastTheSizeCapRaiseMemoryError_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::newRow("append") << "xs = []\n    for i in range(200):\n        xs.append(i)";
        QTest::newRow("extend") << "xs = list(range(60))\n    xs.extend(range(60))";
        QTest::newRow("insert") << "xs = list(range(100))\n    xs.insert(0, 1)";
        QTest::newRow("list +") << "xs = list(range(60)) + list(range(60))";
        QTest::newRow("list +=") << "xs = list(range(60))\n    xs += range(60)";
        QTest::newRow("list *") << "xs = [0] * 101";
        QTest::newRow("tuple +") << "xs = tuple(range(60)) + tuple(range(60))";
        QTest::newRow("str +") << "s = 'x' * 60\n    s = s + s";
        QTest::newRow("str *") << "s = 'ab' * 51";
        QTest::newRow("str.join") << "s = ','.join(['abc'] * 40)";
        QTest::newRow("list(range)") << "xs = list(range(101))";
        QTest::newRow("dict []=") << "d = {}\n    for i in range(200):\n        d[i] = i";
        QTest::newRow("dict comprehension") << "d = {i: i for i in range(101)}";
        QTest::newRow("dict(zip)") << "d = dict(zip(range(101), range(101)))";
        QTest::newRow("dict.update") << "d = {i: i for i in range(60)}\n    d.update({-i: i for i in range(1, 60)})";
        QTest::newRow("set.add") << "s = set()\n    for i in range(200):\n        s.add(i)";
        QTest::newRow("set comprehension") << "s = {i for i in range(101)}";
        QTest::newRow("set(range)") << "s = set(range(101))";
        QTest::newRow("set |") << "s = set(range(60)) | set(range(60, 120))";
    }

    void containersAndStringsPastTheSizeCapRaiseMemoryError()
    {
        QFETCH(QString, statement);
        const std::string script = "import asyncio\n"
                                   "async def main():\n"
                                   "    print('before')\n"
                                   "    try:\n"
                                   "        "
            + QString(statement).replace(QStringLiteral("\n    "), QStringLiteral("\n        ")).toStdString()
            + "\n"
              "    except MemoryError as e:\n"
              "        print('caught', type(e).__name__)\n"
              "asyncio.run(main())\n";
        script::Limits limits;
        limits.maxSize = 100;
        auto e = runWithLimits(script.c_str(), limits);
        QCOMPARE(e->output(), std::string("before\ncaught MemoryError\n"));
        QCOMPARE(e->outcome(), Outcome::Finished);
        // Under the default cap the same code runs.
        auto roomy = runScript(script.c_str());
        QCOMPARE(roomy->output(), std::string("before\n"));
    }

    void anUncaughtMemoryErrorEndsTheRunWithItsTraceback()
    {
        script::Limits limits;
        limits.maxSize = 1000;
        auto e = runWithLimits("import asyncio\n"
                               "async def grow():\n"
                               "    s = 'x'\n"
                               "    while True:\n"
                               "        await asyncio.sleep(0)\n"
                               "        s = s + s\n"
                               "async def main():\n"
                               "    await asyncio.create_task(grow())\n"
                               "asyncio.run(main())\n",
            limits);
        QCOMPARE(e->outcome(), Outcome::Uncaught);
        QVERIFY2(e->errorText().find("line 6, in grow") != std::string::npos, e->errorText().c_str());
        QVERIFY(e->errorText().ends_with("MemoryError\n"));
        QCOMPARE(countKind(*e, EventKind::TaskRaised), 2); // grow, then main awaiting it
    }
};

QTEST_GUILESS_MAIN(TestLimits)
#include "tst_limits.moc"
