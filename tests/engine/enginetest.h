// Helpers shared by the engine tests: run a script, compare texts line by line, and read the
// trace (which iteration an event happened in, where a print is).
#pragma once

#include "engine.h"

#include <QTest>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace QTest {
template<> inline char *toString(const std::string &s)
{
    return qstrdup(s.c_str());
}
} // namespace QTest

namespace enginetest {

using namespace loopscope;

inline std::unique_ptr<Engine> runScript(
    const char *script, Profile profile = Profile::Py312, const script::Limits &limits = {})
{
    auto e = std::make_unique<Engine>();
    e->setProfile(profile);
    e->setLimits(limits);
    if (!e->load(script, "t.py"))
        qWarning("load error: %s", e->errorText().c_str());
    e->runToEnd();
    return e;
}

// The recorded CPython rows (tst_regressions, tst_stdlib; written by tests/engine/regressions/
// record.py): a script, CPython 3.12's stdout and stderr, and its exit status.
inline void addRecordedColumns()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("expectedOutput");
    QTest::addColumn<QString>("expectedErrors");
    QTest::addColumn<int>("expectedExit");
}

// Runs the current recorded row and compares everything CPython printed.
inline void compareRecordedRow()
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

// Empty when equal; else the first differing line of two multi-line texts.
inline QByteArray firstDifference(const std::string &actual, const std::string &expected)
{
    if (actual == expected)
        return {};
    const QStringList a = QString::fromStdString(actual).split('\n');
    const QStringList b = QString::fromStdString(expected).split('\n');
    for (qsizetype i = 0; i < std::max(a.size(), b.size()); ++i) {
        const QString x = i < a.size() ? a[i] : QStringLiteral("<end>");
        const QString y = i < b.size() ? b[i] : QStringLiteral("<end>");
        if (x != y)
            return QStringLiteral("line %1 differs:\n   actual: %2\n expected: %3").arg(i + 1).arg(x, y).toUtf8();
    }
    return "texts differ";
}

inline int countKind(const Engine &e, EventKind kind)
{
    const auto &ev = e.trace().events();
    return int(std::count_if(ev.begin(), ev.end(), [kind](const TraceEvent &x) { return x.kind == kind; }));
}

// Runs the engine to its end one loop iteration at a time; element i is the iteration
// (1, 2, ...) in which trace event i was recorded (0: module code before the loop ran).
inline std::vector<int> iterationOfEvents(Engine &e)
{
    e.start();
    std::vector<int> iteration(e.trace().size(), 0);
    int n = 0;
    bool more = true;
    while (more) {
        more = e.runIteration();
        iteration.resize(e.trace().size(), ++n);
    }
    return iteration;
}

// Index of the first Print event with exactly this text, or -1.
inline int printIndex(const Engine &e, const std::string &text)
{
    const auto &ev = e.trace().events();
    for (std::size_t i = 0; i < ev.size(); ++i)
        if (ev[i].kind == EventKind::Print && e.trace().text(ev[i].text) == text)
            return int(i);
    return -1;
}

} // namespace enginetest

#define COMPARE_TEXT(actual, expected)                                                                                 \
    do {                                                                                                               \
        const QByteArray diff_ = enginetest::firstDifference((actual), (expected));                                    \
        if (!diff_.isEmpty())                                                                                          \
            QFAIL(diff_.constData());                                                                                  \
    } while (false)

// The engine's conformance trace equals CPython's (kNAME, kNAMETrace, kNAMETrace311), under both profiles.
#define COMPARE_WITH_CPYTHON(name)                                                                                     \
    do {                                                                                                               \
        COMPARE_TEXT(                                                                                                  \
            enginetest::runScript(k##name, Profile::Py312)->trace().conformanceText(), std::string(k##name##Trace));   \
        COMPARE_TEXT(enginetest::runScript(k##name, Profile::Py311)->trace().conformanceText(),                        \
            std::string(k##name##Trace311));                                                                           \
    } while (false)
