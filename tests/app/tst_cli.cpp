// The command line as users meet it: `loopscope run`, `loopscope list`, bad arguments.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCli : public QObject {
    Q_OBJECT

    struct Result {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Result loopscope(const QStringList &args)
    {
        QProcess p;
        p.start(QStringLiteral(LOOPSCOPE_BINARY), args);
        Result r;
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &source)
    {
        QFile f(m_dir.filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(source);
        return f.fileName();
    }

private Q_SLOTS:
    void listPrintsEveryBuiltInScenario()
    {
        auto r = loopscope({QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        for (const char *name : {"gather", "queue", "semaphore", "timeout", "cancel", "deadlock"})
            QVERIFY2(r.out.contains(QRegularExpression(
                         QStringLiteral("^%1\\s+\\S").arg(QLatin1String(name)), QRegularExpression::MultilineOption)),
                name);
        QVERIFY(r.out.contains(QStringLiteral("Gather three downloads")));
    }

    void runPrintsTheScriptsOwnOutput()
    {
        QString path = write(QStringLiteral("hello.py"),
            "import asyncio\n"
            "async def main():\n"
            "    await asyncio.sleep(1)\n"
            "    print('slept', asyncio.get_running_loop().time())\n"
            "print('start')\n"
            "asyncio.run(main())\n");
        auto r = loopscope({QStringLiteral("run"), path});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("start\nslept 1.0\n"));
        QCOMPARE(r.err, QString());
    }

    void runAcceptsABuiltInScenarioName()
    {
        auto r = loopscope({QStringLiteral("run"), QStringLiteral("gather")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("starting three downloads at once\n")));
    }

    void conformanceTraceAndProfile()
    {
        QString path = write(QStringLiteral("wf.py"),
            "import asyncio\n"
            "async def slow():\n"
            "    await asyncio.sleep(1)\n"
            "async def main():\n"
            "    try:\n"
            "        await asyncio.wait_for(slow(), 0.5)\n"
            "    except TimeoutError:\n"
            "        print('timed out')\n"
            "asyncio.run(main())\n");
        auto r312 = loopscope({QStringLiteral("run"), path, QStringLiteral("--trace"), QStringLiteral("conformance")});
        auto r311 = loopscope({QStringLiteral("run"), path, QStringLiteral("--trace"), QStringLiteral("conformance"),
            QStringLiteral("--python"), QStringLiteral("3.11")});
        QCOMPARE(r312.exitCode, 0);
        QCOMPARE(r311.exitCode, 0);
        // 3.12 runs the coroutine inline in Task-1; 3.11 wraps it in a new task (Task-2).
        QVERIFY(!r312.out.contains(QStringLiteral("0.000 Task-2 step\n")));
        QVERIFY(r311.out.contains(QStringLiteral("0.000 Task-2 step\n")));
        QVERIFY(r312.out.contains(QStringLiteral("0.500 Task-1 print timed out\n")));
        QVERIFY(r311.out.contains(QStringLiteral("0.500 Task-1 print timed out\n")));
    }

    void uncaughtExceptionExitsOneWithATraceback()
    {
        QString path = write(QStringLiteral("boom.py"),
            "import asyncio\n"
            "async def main():\n"
            "    raise ValueError('boom')\n"
            "asyncio.run(main())\n");
        auto r = loopscope({QStringLiteral("run"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QStringLiteral("Traceback (most recent call last):")));
        QVERIFY(r.err.contains(QStringLiteral("line 3, in main")));
        QVERIFY(r.err.trimmed().endsWith(QStringLiteral("ValueError: boom")));
        auto t = loopscope({QStringLiteral("run"), path, QStringLiteral("--trace"), QStringLiteral("conformance")});
        QCOMPARE(t.exitCode, 1);
        QVERIFY(t.out.endsWith(QStringLiteral("0.000 - uncaught ValueError: boom\n")));
    }

    void syntaxErrorShowsFileLineAndCaret()
    {
        QString path = write(QStringLiteral("bad.py"), "x = 1\nif x\n    print(x)\n");
        auto r = loopscope({QStringLiteral("run"), path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("line 2")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("    if x\n")));
        QVERIFY(r.err.contains(QLatin1Char('^')));
        QVERIFY(r.err.contains(QStringLiteral("SyntaxError: expected ':'")));
    }

    void deadlockIsReportedAndExitsZero()
    {
        auto r = loopscope({QStringLiteral("run"), QStringLiteral("deadlock")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(
            r.err.contains(QStringLiteral("lock_a")) && r.err.contains(QStringLiteral("lock_b")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("wait-for cycle")));
    }

    void limitsAreSetOnTheCommandLine()
    {
        QString path = write(QStringLiteral("spin.py"),
            "import asyncio\n"
            "async def spin():\n"
            "    n = 0\n"
            "    while True:\n"
            "        n += 1\n"
            "async def main():\n"
            "    print('go')\n"
            "    await spin()\n"
            "asyncio.run(main())\n");
        auto r = loopscope({QStringLiteral("run"), path, QStringLiteral("--max-ops"), QStringLiteral("5000")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QStringLiteral("go\n"));
        QVERIFY2(r.err.contains(QStringLiteral("Task-1 (main) blocks the event loop: 5000 operations")), qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("near line 5")));

        QString deep = write(QStringLiteral("deep.py"),
            "def f(n):\n"
            "    return 0 if n == 0 else f(n - 1)\n"
            "print(f(1500))\n");
        QCOMPARE(loopscope({QStringLiteral("run"), deep}).exitCode, 1); // past CPython's 1000
        auto d = loopscope({QStringLiteral("run"), deep, QStringLiteral("--max-depth"), QStringLiteral("2000")});
        QCOMPARE(d.exitCode, 0);
        QCOMPARE(d.out, QStringLiteral("0\n"));

        QString big = write(QStringLiteral("big.py"), "print(len('ab' * 600))\n");
        QCOMPARE(loopscope({QStringLiteral("run"), big}).out, QStringLiteral("1200\n"));
        auto b = loopscope({QStringLiteral("run"), big, QStringLiteral("--max-size"), QStringLiteral("1000")});
        QCOMPARE(b.exitCode, 1);
        QVERIFY(b.err.trimmed().endsWith(QStringLiteral("MemoryError")));

        QString forever = write(QStringLiteral("forever.py"),
            "import asyncio\n"
            "async def main():\n"
            "    while True:\n"
            "        await asyncio.sleep(1)\n"
            "asyncio.run(main())\n");
        auto f = loopscope({QStringLiteral("run"), forever, QStringLiteral("--max-steps"), QStringLiteral("50")});
        QCOMPARE(f.exitCode, 1);
        QVERIFY2(f.err.contains(QStringLiteral("stopped after 50 steps")), qPrintable(f.err));
    }

    void badArgumentsGiveOneLineAndStatusTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown command") << QStringList {QStringLiteral("frobnicate")};
        QTest::newRow("run without script") << QStringList {QStringLiteral("run")};
        QTest::newRow("missing file") << QStringList {QStringLiteral("run"), QStringLiteral("/nonexistent/x.py")};
        QTest::newRow("unknown trace") << QStringList {
            QStringLiteral("run"), QStringLiteral("gather"), QStringLiteral("--trace"), QStringLiteral("json")};
        QTest::newRow("unknown python") << QStringList {
            QStringLiteral("run"), QStringLiteral("gather"), QStringLiteral("--python"), QStringLiteral("2.7")};
        QTest::newRow("unknown option") << QStringList {
            QStringLiteral("run"), QStringLiteral("gather"), QStringLiteral("--fast")};
        QTest::newRow("list with argument") << QStringList {QStringLiteral("list"), QStringLiteral("x")};
        QTest::newRow("directory") << QStringList {QStringLiteral("run"), QStringLiteral("/tmp")};
        QTest::newRow("limit without value") << QStringList {
            QStringLiteral("run"), QStringLiteral("gather"), QStringLiteral("--max-ops")};
        QTest::newRow("negative limit") << QStringList {
            QStringLiteral("run"), QStringLiteral("gather"), QStringLiteral("--max-size"), QStringLiteral("-3")};
        QTest::newRow("depth too large") << QStringList {
            QStringLiteral("run"), QStringLiteral("gather"), QStringLiteral("--max-depth"), QStringLiteral("10000000")};
        QTest::newRow("limit not a number") << QStringList {
            QStringLiteral("run"), QStringLiteral("gather"), QStringLiteral("--max-steps"), QStringLiteral("lots")};
    }

    void badArgumentsGiveOneLineAndStatusTwo()
    {
        QFETCH(QStringList, args);
        auto r = loopscope(args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY(r.err.startsWith(QStringLiteral("loopscope: ")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
