// Conformance: `loopscope run SCRIPT --trace conformance --python P` must print exactly the trace
// CPython printed under the reference harness (tests/conformance/expected/NAME.P.trace), and every
// script in tests/conformance/errors/ must fail as CPython fails (expected/errors/NAME.P.error: the
// traceback's frames in the script and its unindented lines; record.py's error_summary()).
#include <QDir>
#include <QRegularExpression>
#include <QFile>
#include <QProcess>
#include <QTest>

class TestConformance : public QObject {
    Q_OBJECT

private:
    static QString dir() { return QStringLiteral(LOOPSCOPE_CONFORMANCE_DIR); }

    // Runs the real executable, as a user would; returns its stdout (stderr into *errors).
    static QByteArray run(
        const QStringList &args, int *exitCode, QByteArray *errors = nullptr, const QString &workDir = dir())
    {
        QProcess p;
        p.setProgram(QStringLiteral(LOOPSCOPE_BINARY));
        p.setArguments(args);
        p.setWorkingDirectory(workDir);
        p.start();
        if (!p.waitForFinished(120000)) {
            p.kill();
            p.waitForFinished();
            *exitCode = -1;
            return "timed out";
        }
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        if (errors)
            *errors = p.readAllStandardError();
        return p.readAllStandardOutput();
    }

    // Fails with the first differing line, numbered, with both versions.
    static void compareTraces(const QByteArray &actual, const QByteArray &expected)
    {
        if (actual == expected)
            return;
        const QList<QByteArray> a = actual.split('\n');
        const QList<QByteArray> e = expected.split('\n');
        for (qsizetype i = 0; i < qMax(a.size(), e.size()); ++i) {
            const QByteArray x = a.value(i, "<end of output>");
            const QByteArray y = e.value(i, "<end of trace>");
            if (x != y)
                QFAIL(qPrintable(QStringLiteral("first difference at line %1\n   loopscope: %2\n   CPython:   %3")
                                     .arg(i + 1)
                                     .arg(QString::fromUtf8(x.left(300)), QString::fromUtf8(y.left(300)))));
        }
    }

    // The same digest of a traceback as record.py's error_summary().
    static QByteArray errorSummary(const QString &scriptName, const QByteArray &stderrText)
    {
        const QRegularExpression frame(QStringLiteral("^\\s*(File \"%1\", line \\d+(?:, in \\S+)?)$")
                                           .arg(QRegularExpression::escape(scriptName)));
        QStringList kept;
        for (const QString &line : QString::fromUtf8(stderrText).split(QLatin1Char('\n'))) {
            const QRegularExpressionMatch m = frame.match(line);
            if (m.hasMatch())
                kept << m.captured(1);
            else if (!line.trimmed().isEmpty() && !line.front().isSpace())
                kept << line;
        }
        QByteArray out;
        for (qsizetype i = 0; i < kept.size(); ++i) {
            const bool syntaxHeader = kept[i].startsWith(QLatin1String("Traceback")) && i + 1 < kept.size()
                && kept[i + 1].startsWith(QLatin1String("File ")) && !kept[i + 1].contains(QLatin1String(", in "));
            if (!syntaxHeader)
                out += kept[i].toUtf8() + '\n';
        }
        return out;
    }

    static void addRows(const QString &pattern)
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("expected");
        const QDir expected(dir() + QStringLiteral("/expected"));
        for (const QString &trace : expected.entryList({pattern}, QDir::Files, QDir::Name)) {
            // NAME.3.12.trace
            const QString stem = trace.chopped(6);
            const QString profile = stem.section(QLatin1Char('.'), -2);
            const QString name = stem.section(QLatin1Char('.'), 0, -3);
            QString script = dir() + QLatin1Char('/') + name + QStringLiteral(".py");
            if (name.startsWith(QLatin1String("scenario_")))
                script = name.mid(9); // a built-in scenario, by name
            QTest::newRow(qPrintable(name + QLatin1Char('@') + profile))
                << script << profile << expected.filePath(trace);
        }
    }

private Q_SLOTS:
    void matchesCPython_data() { addRows(QStringLiteral("*.trace")); }

    void matchesCPython()
    {
        QFETCH(QString, script);
        QFETCH(QString, profile);
        QFETCH(QString, expected);
        QFile f(expected);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray want = f.readAll();
        int exitCode = 0;
        const QByteArray got = run({QStringLiteral("run"), script, QStringLiteral("--trace"),
                                       QStringLiteral("conformance"), QStringLiteral("--python"), profile},
            &exitCode);
        compareTraces(got, want);
        // Exit status as the semantics page gives it: 1 after an uncaught exception, else 0.
        const bool uncaught = want.contains(" - uncaught ");
        QCOMPARE(exitCode, uncaught ? 1 : 0);
    }

    void failsAsCPython_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("expected");
        const QDir expected(dir() + QStringLiteral("/expected/errors"));
        for (const QString &file : expected.entryList({QStringLiteral("*.error")}, QDir::Files, QDir::Name)) {
            const QString stem = file.chopped(6); // NAME.3.12
            const QString profile = stem.section(QLatin1Char('.'), -2);
            const QString name = stem.section(QLatin1Char('.'), 0, -3);
            QTest::newRow(qPrintable(name + QLatin1Char('@') + profile))
                << name + QStringLiteral(".py") << profile << expected.filePath(file);
        }
    }

    void failsAsCPython()
    {
        QFETCH(QString, script);
        QFETCH(QString, profile);
        QFETCH(QString, expected);
        QFile f(expected);
        QVERIFY(f.open(QIODevice::ReadOnly));
        int exitCode = 0;
        QByteArray errors;
        // From the script's own folder, as record.py runs CPython, so tracebacks name it alike.
        run({QStringLiteral("run"), script, QStringLiteral("--python"), profile}, &exitCode, &errors,
            dir() + QStringLiteral("/errors"));
        QCOMPARE(exitCode, 1);
        compareTraces(errorSummary(script, errors), f.readAll());
    }

    void atLeastFortyScriptsPerProfile()
    {
        const QDir expected(dir() + QStringLiteral("/expected"));
        QVERIFY(expected.entryList({QStringLiteral("*.3.12.trace")}).size() >= 40);
        QVERIFY(expected.entryList({QStringLiteral("*.3.11.trace")}).size() >= 40);
        // every script has both recordings
        for (const QString &py : QDir(dir()).entryList({QStringLiteral("*.py")}, QDir::Files)) {
            const QString stem = py.chopped(3);
            QVERIFY2(expected.exists(stem + QStringLiteral(".3.12.trace")), qPrintable(stem));
            QVERIFY2(expected.exists(stem + QStringLiteral(".3.11.trace")), qPrintable(stem));
        }
        const QDir errors(dir() + QStringLiteral("/errors"));
        QVERIFY(errors.entryList({QStringLiteral("*.py")}).size() >= 20);
        for (const QString &py : errors.entryList({QStringLiteral("*.py")}, QDir::Files)) {
            const QString stem = py.chopped(3);
            QVERIFY2(expected.exists(QStringLiteral("errors/") + stem + QStringLiteral(".3.12.error")), qPrintable(stem));
            QVERIFY2(expected.exists(QStringLiteral("errors/") + stem + QStringLiteral(".3.11.error")), qPrintable(stem));
        }
    }
};

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
