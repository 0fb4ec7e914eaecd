// The command line as users meet it: `loopscope run`, `loopscope list`, `loopscope export`, bad arguments.
#include <QCryptographicHash>
#include <QDir>
#include <QImage>
#include <QJsonDocument>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include "engine.h"
#include "exporter.h"
#include "scenariolibrary.h"

#include <unistd.h>

class TestCli : public QObject {
    Q_OBJECT

    struct Result {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Result loopscope(const QStringList &args, const QString &workingDirectory = {})
    {
        QProcess p;
        p.setWorkingDirectory(workingDirectory);
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

    // --- loopscope export ---------------------------------------------------------------------

    static QByteArray readAll(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // The number of pages a PDF says it has: the page tree root's /Count (the largest one).
    static int pdfPageCount(const QByteArray &pdf)
    {
        int pages = 0;
        static const QRegularExpression count(QStringLiteral("/Count (\\d+)"));
        for (auto m = count.globalMatch(QString::fromLatin1(pdf)); m.hasNext();)
            pages = std::max(pages, m.next().captured(1).toInt());
        return pages;
    }

    // The name of the document's root element, or empty when it is not well-formed XML.
    static QString xmlRoot(const QByteArray &xml)
    {
        QXmlStreamReader r(xml);
        QString root;
        while (!r.atEnd())
            if (r.readNext() == QXmlStreamReader::StartElement && root.isEmpty())
                root = r.name().toString();
        return r.hasError() ? QString() : root;
    }

    // Until the data helper's writers are merged, the Perfetto and event-log formats say so.
    // "wrote PATH (SIZE)" or "wrote PATH (N pages, SIZE)" and nothing else on stdout.
    static void checkWroteLine(const Result &r, const QString &path, qint64 bytes)
    {
        static const QRegularExpression line(
            QStringLiteral("^wrote (.+) \\((?:(\\d+) pages?, )?(\\d+ bytes|\\d+ KB|\\d+\\.\\d MB)\\)\\n$"));
        const auto m = line.match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        QCOMPARE(m.captured(1), path);
        const QString size = m.captured(3);
        if (size.endsWith(QLatin1String(" bytes")))
            QCOMPARE(size.section(QLatin1Char(' '), 0, 0).toLongLong(), bytes);
        else if (size.endsWith(QLatin1String(" KB")))
            QCOMPARE(size.section(QLatin1Char(' '), 0, 0).toLongLong(), (bytes + 512) / 1024);
    }

    void exportWritesEachFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("fileName");
        for (const char *f : {"svg", "png", "pdf", "perfetto", "trace", "json"})
            QTest::newRow(f) << QString::fromLatin1(f) << QStringLiteral("gather-%1.out").arg(QLatin1String(f));
    }

    void exportWritesEachFormat()
    {
        QFETCH(QString, format);
        QFETCH(QString, fileName);
        const QString out = m_dir.filePath(fileName);
        QFile::remove(out);
        auto r = loopscope({QStringLiteral("export"), QStringLiteral("gather"), QStringLiteral("--format"), format,
            QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());
        const QByteArray data = readAll(out);
        QVERIFY(!data.isEmpty());
        checkWroteLine(r, out, data.size());
        if (format == QLatin1String("svg")) {
            QCOMPARE(xmlRoot(data), QStringLiteral("svg"));
        } else if (format == QLatin1String("png")) {
            QVERIFY(data.startsWith("\x89PNG\r\n\x1a\n"));
            QCOMPARE(QImage::fromData(data, "PNG").size(), QSize(1920, 1080));
        } else if (format == QLatin1String("pdf")) {
            QVERIFY(data.startsWith("%PDF-"));
            QCOMPARE(pdfPageCount(data), 1);
            QVERIFY(r.out.contains(QStringLiteral(" (1 page, ")));
        } else if (format == QLatin1String("trace")) {
            // The conformance trace, exactly as `loopscope run --trace conformance` prints it.
            auto run = loopscope({QStringLiteral("run"), QStringLiteral("gather"), QStringLiteral("--trace"),
                QStringLiteral("conformance")});
            QCOMPARE(QString::fromUtf8(data), run.out);
        } else {
            QJsonParseError error;
            QJsonDocument::fromJson(data, &error);
            QCOMPARE(error.error, QJsonParseError::NoError);
        }
    }

    void exportPngHasTheRequestedSizeAndScale()
    {
        const QString out = m_dir.filePath(QStringLiteral("scaled.png"));
        auto r = loopscope({QStringLiteral("export"), QStringLiteral("gather"), QStringLiteral("--out=") + out,
            QStringLiteral("--size=1280x720"), QStringLiteral("--scale"), QStringLiteral("2"),
            QStringLiteral("--background"), QStringLiteral("transparent")});
        QCOMPARE(r.exitCode, 0); // the format comes from the file's ending
        const QImage image = QImage::fromData(readAll(out), "PNG");
        QCOMPARE(image.size(), QSize(2560, 1440));
        QVERIFY(image.hasAlphaChannel());
    }

    void exportNamesTheFileAfterTheScriptByDefault()
    {
        QTemporaryDir here;
        auto r = loopscope({QStringLiteral("export"), QStringLiteral("gather"), QStringLiteral("--format"),
                               QStringLiteral("pdf")},
            here.path());
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFile::exists(here.filePath(QStringLiteral("gather.pdf"))));
        checkWroteLine(r, QStringLiteral("gather.pdf"), QFileInfo(here.filePath(QStringLiteral("gather.pdf"))).size());

        const QString script = write(QStringLiteral("fan_out.py"),
            "import asyncio\n"
            "async def main():\n"
            "    await asyncio.sleep(0.5)\n"
            "asyncio.run(main())\n");
        auto s = loopscope({QStringLiteral("export"), script}, here.path());
        QCOMPARE(s.exitCode, 0);
        QCOMPARE(s.out.section(QLatin1Char(' '), 0, 1), QStringLiteral("wrote fan_out.svg"));
        QCOMPARE(xmlRoot(readAll(here.filePath(QStringLiteral("fan_out.svg")))), QStringLiteral("svg"));
    }

    void exportBuildMakesOnePagePerStep()
    {
        const QString out = m_dir.filePath(QStringLiteral("build.pdf"));
        auto r = loopscope({QStringLiteral("export"), QStringLiteral("gather"), QStringLiteral("--format"),
            QStringLiteral("pdf"), QStringLiteral("--build"), QStringLiteral("--theme"), QStringLiteral("slides"),
            QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 0);
        const int pages = pdfPageCount(readAll(out));
        QVERIFY2(pages > 1, qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral(" (%1 pages, ").arg(pages)), qPrintable(r.out));
        // One page per loop iteration: fewer pages than one per step.
        r = loopscope({QStringLiteral("export"), QStringLiteral("gather"), QStringLiteral("--format"),
            QStringLiteral("pdf"), QStringLiteral("--build=iteration"), QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 0);
        const int iterations = pdfPageCount(readAll(out));
        QVERIFY2(iterations > 1 && iterations < pages, qPrintable(r.out));
    }

    void exportTakesBothOptionSpellings()
    {
        const QString a = m_dir.filePath(QStringLiteral("spaced.trace")), b = m_dir.filePath(QStringLiteral("equals.trace"));
        auto r1 = loopscope({QStringLiteral("export"), QStringLiteral("gather"), QStringLiteral("--format"),
            QStringLiteral("trace"), QStringLiteral("--steps"), QStringLiteral("2:5"), QStringLiteral("--python"),
            QStringLiteral("3.11"), QStringLiteral("--out"), a});
        auto r2 = loopscope({QStringLiteral("export"), QStringLiteral("gather"), QStringLiteral("--format=trace"),
            QStringLiteral("--steps=2:5"), QStringLiteral("--python=3.11"), QStringLiteral("--out=") + b});
        QCOMPARE(r1.exitCode, 0);
        QCOMPARE(r2.exitCode, 0);
        QCOMPARE(readAll(a), readAll(b));
        QVERIFY(readAll(a).contains("Task-2 step")); // 3.11: asyncio.run wraps main in a task
    }

    void exportAfterAScriptErrorOrDeadlockStillWrites()
    {
        const QString script = write(QStringLiteral("late_boom.py"),
            "import asyncio\n"
            "async def main():\n"
            "    await asyncio.sleep(1)\n"
            "    raise ValueError('boom')\n"
            "asyncio.run(main())\n");
        const QString out = m_dir.filePath(QStringLiteral("late_boom.svg"));
        auto r = loopscope({QStringLiteral("export"), script, QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("raised ValueError: boom at t=1.000")), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QCOMPARE(xmlRoot(readAll(out)), QStringLiteral("svg"));

        const QString dead = m_dir.filePath(QStringLiteral("deadlock.svg"));
        auto d = loopscope({QStringLiteral("export"), QStringLiteral("deadlock"), QStringLiteral("--out"), dead});
        QCOMPARE(d.exitCode, 0);
        QVERIFY2(d.err.startsWith(QStringLiteral("loopscope: the script deadlocked at t=")), qPrintable(d.err));
        QCOMPARE(xmlRoot(readAll(dead)), QStringLiteral("svg"));

        const QString forever = write(QStringLiteral("ticks.py"),
            "import asyncio\n"
            "async def main():\n"
            "    while True:\n"
            "        await asyncio.sleep(1)\n"
            "asyncio.run(main())\n");
        const QString ticks = m_dir.filePath(QStringLiteral("ticks.trace"));
        auto t = loopscope({QStringLiteral("export"), forever, QStringLiteral("--max-steps=30"), QStringLiteral("--out"), ticks});
        QCOMPARE(t.exitCode, 0);
        QVERIFY2(t.err.startsWith(QStringLiteral("loopscope: stopped after 30 steps at t=")), qPrintable(t.err));
        QVERIFY(t.err.endsWith(QStringLiteral("; the export shows the timeline up to there\n")));
        QVERIFY(readAll(ticks).contains("Task-1 step"));

        const QString bad = write(QStringLiteral("bad_syntax.py"), "x = 1\nif x\n    print(x)\n");
        const QString none = m_dir.filePath(QStringLiteral("bad_syntax.svg"));
        auto s = loopscope({QStringLiteral("export"), bad, QStringLiteral("--out"), none});
        QCOMPARE(s.exitCode, 1);
        QVERIFY(s.err.contains(QStringLiteral("SyntaxError: expected ':'")));
        QVERIFY(!QFile::exists(none));
    }

    void exportBadInputExitsTwoAndWritesNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const QString existing = QStringLiteral("EXISTING"); // replaced by the existing file's path
        auto row = [&](const char *name, QStringList args, const char *message) {
            QTest::newRow(name) << (QStringList {QStringLiteral("export")} + args) << QString::fromUtf8(message);
        };
        const QString gather = QStringLiteral("gather");
        const QString out = QStringLiteral("--out=") + existing;
        row("unknown option", {gather, out, QStringLiteral("--colour"), QStringLiteral("red")},
            "unknown export option '--colour'");
        row("unknown format", {gather, out, QStringLiteral("--format"), QStringLiteral("gif")},
            "--format 'gif': known formats: svg, png, pdf, perfetto, trace, json");
        row("unknown theme", {gather, out, QStringLiteral("--theme=neon")}, "known themes: slides, light, dark");
        row("bad size", {gather, out, QStringLiteral("--size"), QStringLiteral("huge")}, "--size 'huge'");
        row("bad scale", {gather, out, QStringLiteral("--scale"), QStringLiteral("3")}, "give 1, 2 or 4");
        row("bad build", {gather, out, QStringLiteral("--build=page")}, "give step, iteration or off");
        row("build without pdf", {gather, out, QStringLiteral("--build")}, "--build makes one PDF page per step");
        row("value missing", {gather, out, QStringLiteral("--title")}, "--title needs a value");
        row("missing script", {out, QStringLiteral("--format"), QStringLiteral("svg")}, "export needs a SCRIPT");
        row("no such script", {QStringLiteral("no_such_scenario"), out}, "no such file or built-in scenario");
        row("two scripts", {gather, QStringLiteral("queue"), out}, "unexpected argument 'queue'");
        row("bad python", {gather, out, QStringLiteral("--python"), QStringLiteral("2.7")}, "unknown Python profile");
        row("bad limit", {gather, out, QStringLiteral("--max-steps=0")}, "--max-steps needs a whole number");
        row("folder does not exist", {gather, QStringLiteral("--out"), QStringLiteral("NOFOLDER/x.svg")},
            "the folder 'NOFOLDER' does not exist");
        row("out is a folder", {gather, QStringLiteral("--out"), QStringLiteral("FOLDER")}, "is a folder");
        row("unwritable folder", {gather, QStringLiteral("--out"), QStringLiteral("UNWRITABLE/x.svg")},
            "cannot write");
        row("steps past the end", {gather, out, QStringLiteral("--steps"), QStringLiteral("500:600")},
            "--steps 500:600: the run has only");
        row("steps from after to", {gather, out, QStringLiteral("--steps"), QStringLiteral("40:10")},
            "the range is empty");
        row("step zero", {gather, out, QStringLiteral("--steps"), QStringLiteral("0:10")}, "steps count from 1");
        row("time past the end", {gather, out, QStringLiteral("--time"), QStringLiteral("100:200")},
            "--time 100:200: the run's last step starts at 1.5 s; give a range within 0:1.5");
        row("time with no step", {gather, out, QStringLiteral("--time=0.2:0.3")},
            "no step starts in that span (the nearest start at 0 s and 0.5 s)");
        row("time from after to", {gather, out, QStringLiteral("--time"), QStringLiteral("2:1")}, "the range is empty");
        row("steps and time", {gather, out, QStringLiteral("--steps=1:5"), QStringLiteral("--time=0:1")},
            "not both");
        row("unknown task", {gather, out, QStringLiteral("--tasks"), QStringLiteral("Task-2,Task-99")},
            "no task named 'Task-99' in this run; its tasks are Task-1, Task-2");
        row("out without a known ending", {gather, QStringLiteral("--out"), QStringLiteral("EXISTING.figure")},
            "does not say which format to write");
    }

    void exportBadInputExitsTwoAndWritesNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QByteArray original = "<svg>the slide from last week</svg>\n";
        const QString existing = dir.filePath(QStringLiteral("existing.svg"));
        {
            QFile f(existing);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(original);
        }
        QFile::copy(existing, existing.chopped(4) + QStringLiteral(".figure"));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder")));
        // A folder without write permission; root writes in any folder whatever its permissions,
        // but sysfs refuses new files even to root.
        const QString readonly = dir.filePath(QStringLiteral("readonly"));
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("readonly")));
        QFile::setPermissions(readonly, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        const auto restore = qScopeGuard([&] {
            QFile::setPermissions(readonly, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        });
        const QString unwritable = geteuid() == 0 ? QStringLiteral("/sys") : readonly;
        for (QString &a : args) {
            a.replace(QStringLiteral("EXISTING"), existing.chopped(4) + (a.endsWith(QLatin1String("EXISTING")) ? ".svg" : ""));
            a.replace(QStringLiteral("NOFOLDER"), dir.filePath(QStringLiteral("nofolder")));
            a.replace(QStringLiteral("UNWRITABLE"), unwritable);
            a.replace(QStringLiteral("FOLDER"), dir.filePath(QStringLiteral("folder")));
            message.replace(QStringLiteral("NOFOLDER"), dir.filePath(QStringLiteral("nofolder")));
        }
        const QStringList before = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        auto r = loopscope(args, dir.path());
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(r.err.startsWith(QStringLiteral("loopscope: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QCOMPARE(readAll(existing), original);
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), before);
        QVERIFY(QDir(dir.filePath(QStringLiteral("folder"))).isEmpty());
    }

    void helpListsExportAndItsOptions()
    {
        auto r = loopscope({QStringLiteral("help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("loopscope export SCRIPT")));
        for (const char *option : {"--format svg|png|pdf|perfetto|trace|json", "--out PATH", "--steps FIRST:LAST",
                 "--time START:END", "--tasks NAME,NAME", "--axis steps|time", "--theme slides|light|dark",
                 "--size 1920x1080|1280x720|4:3|WxH", "--title TEXT", "--subtitle TEXT", "--legend on|off",
                 "--code on|off", "--font-scale F", "--scale 1|2|4", "--background transparent|solid",
                 "--build[=step|iteration]", "--python 3.11|3.12", "--max-steps N"})
            QVERIFY2(r.out.contains(QLatin1String(option)), option);
    }

    void exportCancelledBeforeCommitLeavesTheOldFile()
    {
        // Ctrl-C during `loopscope export` makes the progress callback say no: even a writer that
        // never asks is cancelled before the file is committed.
        loopscope::ScenarioInfo gather;
        QVERIFY(loopscope::ScenarioLibrary::find(QStringLiteral("gather"), &gather));
        loopscope::Engine engine;
        QVERIFY(engine.load(gather.source.toStdString(), "gather.py"));
        engine.runToEnd();
        QTemporaryDir dir;
        loopscope::ExportOptions options;
        options.format = loopscope::ExportFormat::Trace;
        options.out = dir.filePath(QStringLiteral("gather.trace"));
        QFile old(options.out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("last week's trace\n");
        old.close();
        const loopscope::FigureInput input {&engine.trace(), gather.source.toStdString(), gather.title};
        loopscope::ExportReport report;
        QString error;
        QVERIFY(!loopscope::exportRun(input, options, &report, &error, [](int, int) { return false; }));
        QCOMPARE(error, QStringLiteral("export cancelled; '%1' was not written").arg(options.out));
        QCOMPARE(readAll(options.out), QByteArray("last week's trace\n"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("gather.trace")});

        QVERIFY2(loopscope::exportRun(input, options, &report, &error, [](int, int) { return true; }), qPrintable(error));
        QCOMPARE(readAll(options.out), QByteArray::fromStdString(engine.trace().conformanceText()));
        QCOMPARE(report.path, QFileInfo(options.out).absoluteFilePath());
        QCOMPARE(report.bytes, QFileInfo(options.out).size());
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
