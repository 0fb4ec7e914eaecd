// The session controller and its models: stepping, Back by replay, the inspector's contents,
// console links, narration, the deadlock graph, breakpoints, Pause, edits and autosave.
// Script output expectations are CPython 3.12's (run the scripts under pyenv to check).
#include "pythonhighlighter.h"
#include "scenariomodel.h"
#include "session.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <ctime>

using loopscope::Session;

namespace {

// Everything the window shows about one moment of the run.
struct Snapshot {
    int step;
    QString clock, outcome, narration, deadlock;
    int executedLine, errorLine;
    QVariantList taskLines;
    QList<QVariantMap> tasks, ready, timers, primitives, console;
    bool operator==(const Snapshot &) const = default;
};

Snapshot snapshot(const Session &s)
{
    auto &m = const_cast<Session &>(s);
    return {s.step(), s.clockText(), s.outcome(), s.narration(), s.deadlockText(), s.executedLine(), s.errorLine(),
        s.taskLines(), m.tasks()->rows(), m.ready()->rows(), m.timers()->rows(), m.primitives()->rows(),
        m.console()->rows()};
}

QStringList consoleTexts(Session &s, const QString &kind = QStringLiteral("output"))
{
    QStringList out;
    for (const auto &row : s.console()->rows())
        if (row.value(QStringLiteral("kind")).toString() == kind)
            out << row.value(QStringLiteral("text")).toString();
    return out;
}

QVariantMap taskNamed(Session &s, const QString &name)
{
    for (const auto &row : s.tasks()->rows())
        if (row.value(QStringLiteral("name")).toString() == name)
            return row;
    return {};
}

void stepToEnd(Session &s)
{
    while (!s.atEnd())
        s.stepOnce();
}

// One step of millions of operations before the first await (CPython prints the same).
const char kLongStep[] = R"(import asyncio


async def main():
    print("counting")
    total = 0
    for i in range(3_000_000):
        total += i
    print("counted", total)
    await asyncio.sleep(0)
    print("after")


asyncio.run(main())
)";

const char *const kScenarios[] = {"gather", "cancel", "timeout", "queue", "semaphore", "deadlock"};

// Every event kind the trace has: a task that raises, a failing callback, a timeout that
// cancels a timer, an event, and an uncaught exception at the end.
const char kEveryKind[] = R"(import asyncio


async def boom():
    await asyncio.sleep(0)
    raise ValueError("boom")


async def waiter(ev):
    await ev.wait()
    print("event seen")


def bad():
    raise RuntimeError("in a callback")


async def main():
    asyncio.get_running_loop().call_soon(bad)
    ev = asyncio.Event()
    t = asyncio.create_task(boom(), name="boom")
    w = asyncio.create_task(waiter(ev), name="waiter")
    try:
        await asyncio.wait_for(asyncio.sleep(5), timeout=0.5)
    except asyncio.TimeoutError:
        print("timed out")
    ev.set()
    await asyncio.sleep(0)
    try:
        await t
    except ValueError as e:
        print("caught", e)
    raise KeyError("last")


asyncio.run(main())
)";

} // namespace

class TestSession : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString writeScript(const QString &name, const QByteArray &text)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(text);
        return path;
    }

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral("."))); }

    void opensReadyToStep()
    {
        Session s;
        QVERIFY(s.loadScenario(QStringLiteral("gather")));
        QCOMPARE(s.step(), 0);
        QCOMPARE(s.outcome(), QStringLiteral("ready"));
        QCOMPARE(s.clockText(), QStringLiteral("0.000"));
        QCOMPARE(s.tasks()->count(), 0);
        QVERIFY(s.narration().startsWith(QStringLiteral("Step 0 \u00b7 t=0.000 \u00b7 ")));
    }

    // Back rebuilds the earlier state exactly: the state at step N equals the state after Back
    // from N+1, for every step of the six design scenarios.
    void backEqualsForward_data()
    {
        QTest::addColumn<QString>("scenario");
        for (const char *name : kScenarios)
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void backEqualsForward()
    {
        QFETCH(QString, scenario);
        Session s;
        QVERIFY(s.loadScenario(scenario));
        QList<Snapshot> forward {snapshot(s)};
        while (!s.atEnd()) {
            s.stepOnce();
            forward << snapshot(s);
            QCOMPARE(s.step(), forward.size() - 1);
        }
        QVERIFY(forward.size() > 5);
        while (s.step() > 0) {
            s.back();
            s.finishPending();
            const Snapshot now = snapshot(s);
            QCOMPARE(now.step, forward[s.step()].step);
            QCOMPARE(now.narration, forward[s.step()].narration);
            QCOMPARE(now.tasks, forward[s.step()].tasks);
            QCOMPARE(now.ready, forward[s.step()].ready);
            QCOMPARE(now.timers, forward[s.step()].timers);
            QCOMPARE(now.primitives, forward[s.step()].primitives);
            QCOMPARE(now.console, forward[s.step()].console);
            QVERIFY(now == forward[s.step()]);
        }
    }

    // The timeline counts steps as Engine::stepCount(); a click there lands on that step.
    void engineStepsMapToSessionSteps()
    {
        Session s;
        QVERIFY(s.loadScenario(QStringLiteral("deadlock")));
        stepToEnd(s);
        QCOMPARE(s.engineStep(), s.engine().stepCount());
        QCOMPARE(s.engineStep(), s.step() - 1); // finding the deadlock is a session step of its own
        s.goToEngineStep(3);
        s.finishPending();
        QCOMPARE(s.step(), 3);
        QCOMPARE(s.engineStep(), 3);
        QCOMPARE(s.stepTraceBegin() < s.traceEnd(), true);
    }

    // "Task was destroyed but it is pending!": the task table says so, not "waiting" or "ready".
    void aTaskFreedWhilePendingShowsAsDestroyed()
    {
        Session s;
        QVERIFY(s.openPath(QStringLiteral(LOOPSCOPE_SOURCE_DIR "/tests/conformance/task_destroyed_pending_loop_close.py")));
        stepToEnd(s);
        QStringList destroyed;
        for (const auto &row : s.tasks()->rows())
            if (row.value(QStringLiteral("taskState")).toString() == QLatin1String("destroyed"))
                destroyed << row.value(QStringLiteral("name")).toString();
        QVERIFY2(!destroyed.isEmpty(), "a spinner freed by loop.close()");
        const QStringList errors = consoleTexts(s, QStringLiteral("error"));
        int warnings = 0;
        for (const QString &e : errors)
            warnings += e.startsWith(QStringLiteral("Task was destroyed but it is pending!"));
        QVERIFY(warnings >= destroyed.size());
    }

    // set_name() renames the task in the table from the step that called it on.
    void aRenamedTaskShowsItsNewName()
    {
        Session s;
        QVERIFY(s.openPath(writeScript(QStringLiteral("rename.py"), R"PY(import asyncio


async def worker():
    asyncio.current_task().set_name("downloader")
    await asyncio.sleep(1)


async def main():
    await asyncio.create_task(worker())


asyncio.run(main())
)PY")));
        QStringList names;
        while (!s.atEnd()) {
            s.stepOnce();
            for (const auto &row : s.tasks()->rows())
                names << row.value(QStringLiteral("name")).toString();
        }
        QVERIFY2(names.contains(QStringLiteral("Task-2")), "named Task-2 before its first step");
        QVERIFY(!taskNamed(s, QStringLiteral("downloader")).isEmpty());
        QVERIFY(taskNamed(s, QStringLiteral("Task-2")).isEmpty());
        // Back to before the rename: the replayed run names it Task-2 again.
        while (s.step() > 1) { // step 1 creates Task-2; its own first step renames it
            s.back();
            s.finishPending();
        }
        QVERIFY(!taskNamed(s, QStringLiteral("Task-2")).isEmpty());
        QVERIFY(taskNamed(s, QStringLiteral("downloader")).isEmpty());
    }

    void everyEventKindReachesTheModels()
    {
        Session s;
        QVERIFY(s.openPath(writeScript(QStringLiteral("kinds.py"), kEveryKind)));
        QSet<QString> states, timers, primitiveStates;
        bool sawClockAdvance = false, sawHostResume = false;
        while (!s.atEnd()) {
            s.stepOnce();
            for (const auto &t : s.tasks()->rows())
                states << t.value(QStringLiteral("taskState")).toString();
            for (const auto &t : s.timers()->rows())
                timers << t.value(QStringLiteral("description")).toString();
            for (const auto &p : s.primitives()->rows())
                primitiveStates << p.value(QStringLiteral("label")).toString() + QLatin1Char(' ')
                        + p.value(QStringLiteral("primitiveState")).toString();
            sawClockAdvance |= s.narration().contains(QStringLiteral("the clock jumps to the next timer at t=0.500"));
            sawHostResume |= s.narration().contains(QStringLiteral("module code resumes after asyncio.run()"));
        }
        // CPython 3.12's stdout, line by line.
        QCOMPARE(consoleTexts(s), (QStringList {"timed out", "event seen", "caught boom"}));
        const QStringList errors = consoleTexts(s, QStringLiteral("error"));
        QVERIFY(!errors.isEmpty());
        // CPython: "Exception in callback bad() at kinds.py:15"; the engine names the callback its own way.
        QVERIFY2(errors.first().startsWith(QStringLiteral("Exception in callback ")), qPrintable(errors.first()));
        QCOMPARE(errors.last(), QStringLiteral("KeyError: 'last'"));
        QVERIFY(errors.contains(QStringLiteral("RuntimeError: in a callback")));
        // TaskCreated, StepBegin/StepEnd, Await, Wake, TaskDone, TaskRaised, TaskCancelled.
        QCOMPARE(taskNamed(s, QStringLiteral("boom")).value(QStringLiteral("taskState")).toString(),
            QStringLiteral("failed"));
        QCOMPARE(taskNamed(s, QStringLiteral("boom")).value(QStringLiteral("result")).toString(),
            QStringLiteral("ValueError: boom"));
        QCOMPARE(taskNamed(s, QStringLiteral("waiter")).value(QStringLiteral("taskState")).toString(),
            QStringLiteral("done"));
        QCOMPARE(taskNamed(s, QStringLiteral("Task-1")).value(QStringLiteral("taskState")).toString(),
            QStringLiteral("failed"));
        QVERIFY(states.contains(QStringLiteral("waiting")));
        QVERIFY(states.contains(QStringLiteral("ready")));
        // TimerScheduled, TimerCancelled (the 5 s sleep's timer goes away at the timeout), ClockAdvanced.
        QVERIFY2(
            std::any_of(timers.begin(), timers.end(), [](const QString &t) { return t.contains(QLatin1String("5")); }),
            qPrintable(QStringList(timers.values()).join(QLatin1Char('|'))));
        QCOMPARE(s.timers()->count(), 0);
        QVERIFY(sawClockAdvance);
        QCOMPARE(s.clockText(), QStringLiteral("0.500"));
        // PrimitiveState: the event, unset then set.
        QVERIFY(primitiveStates.contains(QStringLiteral("ev not set")));
        QVERIFY(primitiveStates.contains(QStringLiteral("ev set")));
        // HostStep, Uncaught: the traceback's line in the script (CPython: line 33, in main).
        QVERIFY(sawHostResume);
        QCOMPARE(s.outcome(), QStringLiteral("uncaught"));
        QCOMPARE(s.errorLine(), 33);
        QVERIFY(s.narration().contains(QStringLiteral("The exception escapes asyncio.run(): KeyError: 'last'")));
    }

    void cancelledTasksShowTheirMessage()
    {
        Session s;
        QVERIFY(s.loadScenario(QStringLiteral("cancel")));
        while (!consoleTexts(s).contains(QStringLiteral("main: right after cancel(): cancelled() = False")))
            s.stepOnce();
        // cancel() cancelled the sleep the download waits on: its wakeup throws CancelledError in.
        QCOMPARE(s.ready()->get(0).value(QStringLiteral("description")).toString(),
            QStringLiteral("download() wakes up: asyncio.sleep(0.4) was cancelled (CancelledError thrown in)"));
        stepToEnd(s);
        QCOMPARE(taskNamed(s, QStringLiteral("download")).value(QStringLiteral("taskState")).toString(),
            QStringLiteral("cancelled"));
        // CPython 3.12's output of the scenario.
        QCOMPARE(consoleTexts(s),
            (QStringList {"download: part 1 of 5", "download: part 2 of 5", "download: part 3 of 5",
                "main: cancelling the download", "main: right after cancel(): cancelled() = False",
                "download: cancelled (user pressed stop)", "download: deleting the partial file",
                "main: the download ended", "main: now cancelled() = True"}));
    }

    // Python 3.11's wait_for wraps the coroutine in a task of its own; 3.12's does not.
    void python311Profile()
    {
        Session s;
        QVERIFY(s.loadScenario(QStringLiteral("timeout")));
        QCOMPARE(s.python(), QStringLiteral("3.12"));
        stepToEnd(s);
        QVERIFY(taskNamed(s, QStringLiteral("Task-2")).value(QStringLiteral("coroutine")).toString()
            != QStringLiteral("slow_request"));
        s.setPython(QStringLiteral("3.11"));
        QCOMPARE(s.step(), 0);
        stepToEnd(s);
        QCOMPARE(taskNamed(s, QStringLiteral("Task-2")).value(QStringLiteral("coroutine")).toString(),
            QStringLiteral("slow_request"));
        QCOMPARE(taskNamed(s, QStringLiteral("Task-2")).value(QStringLiteral("taskState")).toString(),
            QStringLiteral("cancelled"));
        // CPython 3.11 (the clock reading aside: the harness's virtual clock says 1.0).
        QCOMPARE(consoleTexts(s),
            (QStringList {"request: sent, the server takes 3 s to answer", "request: cancelled by the timeout",
                "request: closing the connection", "main: gave up after 1.0 s", "main: done either way"}));
    }

    void livelockAndDeadlockReachTheConsole()
    {
        Session s;
        QVERIFY(s.openPath(QStringLiteral(LOOPSCOPE_SOURCE_DIR "/tests/conformance/livelock_sleep0_chain.py")));
        s.setSpeed(Session::kMaxSpeed);
        s.runToEnd();
        s.finishPending();
        QCOMPARE(s.outcome(), QStringLiteral("livelock"));
        // CPython's output up to the point the harness reports the livelock.
        QCOMPARE(consoleTexts(s).mid(0, 3), (QStringList {"main sleeps 1 s", "spun 25000", "spun 50000"}));
        QVERIFY(consoleTexts(s, QStringLiteral("info")).join(QLatin1Char('\n')).contains(QStringLiteral("livelock")));

        QVERIFY(s.loadScenario(QStringLiteral("deadlock")));
        s.runToEnd();
        s.finishPending();
        QVERIFY(consoleTexts(s, QStringLiteral("info")).first().startsWith(QStringLiteral("deadlock:")));
    }

    // Each console line is linked to the step that printed it.
    void consoleLinesKnowTheirStep()
    {
        Session s;
        QVERIFY(s.loadScenario(QStringLiteral("gather")));
        stepToEnd(s);
        const QList<QVariantMap> lines = s.console()->rows();
        QCOMPARE(lines.size(), 9);
        for (int i = 0; i < lines.size(); ++i) {
            const int step = lines[i].value(QStringLiteral("step")).toInt();
            const QString text = lines[i].value(QStringLiteral("text")).toString();
            s.goToStep(step - 1);
            s.finishPending();
            QVERIFY(s.console()->count() <= i);
            s.goToStep(step);
            s.finishPending();
            QVERIFY(s.console()->count() > i);
            QCOMPARE(s.console()->rows()[i].value(QStringLiteral("text")).toString(), text);
            // The narration of that step mentions the print.
            QVERIFY2(s.narration().contains(QStringLiteral("prints")), qPrintable(s.narration()));
        }
        QCOMPARE(
            lines.first().value(QStringLiteral("text")).toString(), QStringLiteral("starting three downloads at once"));
    }

    void narrationOfKnownSteps()
    {
        Session s;
        QVERIFY(s.loadScenario(QStringLiteral("gather")));
        QStringList said;
        while (!s.atEnd()) {
            s.stepOnce();
            said << s.narration();
        }
        QCOMPARE(said.value(0),
            QStringLiteral(
                "Step 1 \u00b7 t=0.000 \u00b7 The module code runs up to asyncio.run(), which creates Task-1 main(); "
                "Task-1 main() runs its "
                "first step; creates Task-2 fetch('photo.jpg', 1.5), Task-3 fetch('notes.txt', 0.5) and Task-4 fetch('song.mp3', 1.0), prints 'starting three "
                "downloads at once' and awaits gather(3 tasks) (line 26)"));
        QCOMPARE(said.value(1),
            QStringLiteral("Step 2 \u00b7 t=0.000 \u00b7 Task-2 fetch('photo.jpg', 1.5) runs its first step; prints 'photo.jpg: request "
                           "sent' and awaits asyncio.sleep(1.5) (line 13)"));
        const int wake = int(said.indexOf(QRegularExpression(QStringLiteral("^Step \\d+ .*Task-3 fetch\\('notes.txt', 0.5\\) resumes.*"))));
        QVERIFY(wake > 0);
        QCOMPARE(said[wake].section(QStringLiteral(" \u00b7 "), 1),
            QStringLiteral("t=0.500 \u00b7 Task-3 fetch('notes.txt', 0.5) resumes because asyncio.sleep(0.5) is over; prints 'notes.txt: "
                           "0.5 s later, data arrived' and returns 'notes.txt (0.5 s)'"));
        // gather's done-callback runs as a step of its own.
        QCOMPARE(said[wake + 1].section(QStringLiteral(" \u00b7 "), 2),
            QStringLiteral("The loop runs a callback (gather callback: Task-3 is done)"));
        QVERIFY(said[wake - 1].contains(QStringLiteral("fires; this wakes Task-3 fetch('notes.txt', 0.5)")));
        QVERIFY(said[wake - 2].contains(
            QStringLiteral("Nothing is ready, so the clock jumps to the next timer at t=0.500")));
        QVERIFY2(said.last().endsWith(QStringLiteral("The module code ends: the run is over (exit status 0)")),
            qPrintable(said.last()));
    }

    void deadlockCycle()
    {
        Session s;
        QVERIFY(s.loadScenario(QStringLiteral("deadlock")));
        s.runToEnd();
        s.finishPending();
        QCOMPARE(s.outcome(), QStringLiteral("deadlock"));
        QCOMPARE(s.deadlockText(),
            QStringLiteral("alice holds lock_a, waits for lock_b held by bob; bob holds lock_b, waits for lock_a held "
                           "by alice"));
        int inCycle = 0;
        QStringList labels;
        for (const QVariant &e : s.deadlockEdges()) {
            const QVariantMap edge = e.toMap();
            inCycle += edge.value(QStringLiteral("inCycle")).toBool();
            labels << edge.value(QStringLiteral("label")).toString();
        }
        QCOMPARE(inCycle, 2);
        QVERIFY(labels.contains(QStringLiteral("lock_a")) && labels.contains(QStringLiteral("lock_b")));
        QVERIFY(s.narration().contains(QStringLiteral("Deadlock")));
        // Both locks are held, each with one waiter.
        QCOMPARE(s.primitives()->count(), 2);
        for (const auto &p : s.primitives()->rows()) {
            QVERIFY(p.value(QStringLiteral("primitiveState")).toString().startsWith(QStringLiteral("locked by Task-")));
            QCOMPARE(p.value(QStringLiteral("waiters")).toList().size(), 1);
        }
    }

    void queueShowsItemsAndBlockedPutters()
    {
        Session s;
        QVERIFY(s.loadScenario(QStringLiteral("queue")));
        bool seen = false;
        while (!s.atEnd() && !seen) {
            s.stepOnce();
            for (const auto &p : s.primitives()->rows())
                if (!p.value(QStringLiteral("putters")).toList().isEmpty()) {
                    seen = true;
                    QCOMPARE(p.value(QStringLiteral("kind")).toString(), QStringLiteral("Queue"));
                    QCOMPARE(p.value(QStringLiteral("items")).toStringList().size(), 2);
                    QCOMPARE(p.value(QStringLiteral("putters")).toList().first().toMap().value(QStringLiteral("name")),
                        QVariant(QStringLiteral("Task-1")));
                }
        }
        QVERIFY(seen);
        // Later main waits in queue.join() until the consumer's last task_done().
        bool joined = false;
        while (!s.atEnd() && !joined) {
            s.stepOnce();
            for (const auto &p : s.primitives()->rows())
                joined |= !p.value(QStringLiteral("joiners")).toList().isEmpty();
        }
        QVERIFY(joined);
        QVERIFY2(s.narration().contains(QStringLiteral("awaits queue.join()")), qPrintable(s.narration()));
    }

    void readyQueueAndTimersInOrder()
    {
        Session s;
        QVERIFY(s.loadScenario(QStringLiteral("gather")));
        s.stepOnce(); // main created three tasks: they run next, in creation order
        QCOMPARE(s.ready()->column(QStringLiteral("taskId")), (QVariantList {2, 3, 4}));
        QCOMPARE(s.ready()->get(0).value(QStringLiteral("description")).toString(),
            QStringLiteral("Task-2 fetch('photo.jpg', 1.5) first step"));
        for (int i = 0; i < 3; ++i)
            s.stepOnce();
        // Timers sorted by deadline: notes (0.5), song (1.0), photo (1.5).
        QCOMPARE(s.timers()->column(QStringLiteral("whenText")), (QVariantList {"0.500", "1.000", "1.500"}));
        QCOMPARE(s.timers()->column(QStringLiteral("taskId")), (QVariantList {3, 4, 2}));
    }

    void iterationAndNextTimer()
    {
        Session s;
        QVERIFY(s.loadScenario(QStringLiteral("gather")));
        s.stepIteration();
        s.finishPending();
        QCOMPARE(s.step(), 1); // the first iteration runs main's first step only
        s.stepIteration();
        s.finishPending();
        QCOMPARE(s.step(), 4); // Task-2, Task-3, Task-4
        s.nextTimer();
        s.finishPending();
        QCOMPARE(s.clockText(), QStringLiteral("0.500"));
        QVERIFY(s.narration().contains(QStringLiteral("clock jumps")));
    }

    void breakpointStopsTheRun()
    {
        Session s;
        QVERIFY(s.loadScenario(QStringLiteral("gather")));
        s.setSpeed(Session::kMaxSpeed);
        s.toggleBreakpoint(14); // print(f"{name}: {seconds} s later, data arrived")
        QCOMPARE(s.breakpoints(), (QVariantList {14}));
        s.run();
        QTRY_VERIFY(!s.busy());
        QCOMPARE(s.clockText(), QStringLiteral("0.500"));
        QCOMPARE(s.executedLine(), 14);
        QVERIFY(s.narration().contains(QStringLiteral("notes.txt: 0.5 s later")));
        s.toggleBreakpoint(14);
        QVERIFY(s.breakpoints().isEmpty());
    }

    // A breakpoint on a line with neither await nor print: the engine watches every statement.
    void breakpointOnAPlainStatementStopsTheRun()
    {
        Session s;
        QVERIFY(s.loadScenario(QStringLiteral("gather")));
        s.setSource(QStringLiteral("import asyncio\n"
                                   "\n"
                                   "async def count(name, n):\n"
                                   "    total = 0\n"
                                   "    for i in range(n):\n"
                                   "        await asyncio.sleep(1)\n"
                                   "        total += i\n"
                                   "    return total\n"
                                   "\n"
                                   "async def main():\n"
                                   "    print(await asyncio.gather(count('a', 2), count('b', 3)))\n"
                                   "\n"
                                   "asyncio.run(main())\n"));
        s.setSpeed(Session::kMaxSpeed);
        s.toggleBreakpoint(7);
        s.run();
        QTRY_VERIFY(!s.busy());
        QCOMPARE(s.clockText(), QStringLiteral("1.000"));
        QVERIFY(consoleTexts(s).isEmpty());
        s.toggleBreakpoint(7);
        s.run();
        QTRY_VERIFY(!s.busy());
        QCOMPARE(consoleTexts(s), QStringList {QStringLiteral("[1, 3]")});
    }

    // A script that never ends never freezes the window: runs go in slices, and Pause answers
    // at once.
    void pauseAnswersDuringARunawayRun()
    {
        Session s;
        QVERIFY(s.openPath(writeScript(QStringLiteral("spin.py"),
            "import asyncio\n\nasync def spin():\n    while True:\n        await "
            "asyncio.sleep(0)\n\nasyncio.run(spin())\n")));
        s.setSpeed(Session::kMaxSpeed);
        s.run();
        QVERIFY(s.busy());
        // The GUI thread's CPU time between two ticks of a 5 ms timer: how long one slice held the
        // thread (CPU time, so that a busy machine does not make the test flaky).
        auto cpuMs = [] {
            timespec t {};
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
            return qint64(t.tv_sec) * 1000 + t.tv_nsec / 1000000;
        };
        qint64 last = cpuMs(), longestGap = 0;
        QTimer probe;
        connect(&probe, &QTimer::timeout, this, [&] {
            longestGap = std::max(longestGap, cpuMs() - last);
            last = cpuMs();
        });
        probe.start(5);
        QTest::qWait(400);
        QVERIFY2(longestGap < 100, qPrintable(QString::number(longestGap)));
        const int before = s.step();
        QVERIFY(before > 100);
        s.pause();
        QVERIFY(!s.busy());
        QTest::qWait(50);
        QCOMPARE(s.step(), before);
        QCOMPARE(s.outcome(), QStringLiteral("running"));
    }

    // A single step that never awaits for a long while (millions of operations): the window's
    // events go on inside it, requests made meanwhile wait for its end, and Pause pressed during
    // it stops the run right after it (steps are atomic).
    void longStepKeepsTheWindowAnsweringAndPauseStopsAfterIt()
    {
        Session s;
        QVERIFY(s.openPath(writeScript(QStringLiteral("count.py"), kLongStep)));
        s.setSpeed(Session::kMaxSpeed);
        QSignalSpy stepping(&s, &Session::steppingChanged);
        bool firedInStep = false, busyAfterPause = true;
        int stepWhenFired = -1;
        QString steppingText;
        QTimer::singleShot(30, this, [&] {
            firedInStep = s.inStep();
            stepWhenFired = s.step();
            s.stepOnce(); // waits for the step's end, and Pause drops it
            s.pause();
            busyAfterPause = s.busy();
            steppingText = s.steppingText();
        });
        s.run();
        QTRY_VERIFY_WITH_TIMEOUT(!s.busy() && !s.inStep(), 60000);
        QVERIFY2(firedInStep, "no event was handled during the long step");
        QCOMPARE(stepWhenFired, 0);
        QVERIFY(!busyAfterPause); // the window shows "Run" again at once
        QVERIFY2(steppingText.contains(QStringLiteral("pausing after this step")), qPrintable(steppingText));
        QVERIFY2(steppingText.contains(QStringLiteral("(line 7)")) || steppingText.contains(QStringLiteral("(line 8)")),
            qPrintable(steppingText)); // inside the loop
        QVERIFY(stepping.count() >= 2); // "running step 1…", then done
        QVERIFY(!s.stepping());
        QTest::qWait(50);
        QCOMPARE(s.step(), 1); // the long step ended; nothing ran after it
        QCOMPARE(s.outcome(), QStringLiteral("running"));
        QCOMPARE(consoleTexts(s), (QStringList {"counting", "counted 4499998500000"}));
        s.stepOnce();
        QCOMPARE(consoleTexts(s).last(), QStringLiteral("after"));
    }

    // Back from the end of a long run (300,000 steps: several slices even on a fast machine)
    // replays it from the start in slices: the window keeps handling its events, and Pause would
    // answer.
    void backOfALongRunReplaysInSlices()
    {
        Session s;
        QVERIFY(s.openPath(writeScript(QStringLiteral("spin2.py"),
            "import asyncio\n\nasync def spin():\n    for i in range(300000):\n        await asyncio.sleep(0)\n\n"
            "asyncio.run(spin())\n")));
        s.runToEnd();
        s.finishPending();
        const int end = s.step();
        QVERIFY(end > 300000);
        QCOMPARE(s.outcome(), QStringLiteral("finished"));
        int ticks = 0;
        QTimer probe;
        connect(&probe, &QTimer::timeout, this, [&] { ticks += s.busy(); });
        probe.start(0); // at each turn of the event loop
        s.back();
        QVERIFY(s.busy()); // not done at once: the replay goes on in slices
        QCOMPARE(s.busyKind(), QStringLiteral("replay"));
        QTRY_VERIFY_WITH_TIMEOUT(!s.busy(), 60000);
        QCOMPARE(s.step(), end - 1);
        QVERIFY2(ticks >= 2, qPrintable(QString::number(ticks))); // the loop turned between slices
    }

    // What the window asks for during a long step is done once the step is over (the latest
    // request wins); nothing runs inside the step.
    void requestsDuringALongStepWaitForItsEnd()
    {
        Session s;
        QVERIFY(s.openPath(writeScript(QStringLiteral("count.py"), kLongStep)));
        int stepWhenFired = -1;
        QTimer::singleShot(30, this, [&] {
            stepWhenFired = s.inStep() ? s.step() : -2;
            s.back(); // superseded by the next request
            s.stepOnce();
        });
        s.stepOnce();
        QCOMPARE(stepWhenFired, 0);
        QCOMPARE(s.step(), 1);
        QTRY_COMPARE(s.step(), 2);
        QCOMPARE(consoleTexts(s).last(), QStringLiteral("after"));
        // Back replays the long step too, without freezing: events are handled during it.
        bool firedInReplay = false;
        QTimer::singleShot(30, this, [&] { firedInReplay = s.inStep(); });
        s.back();
        QVERIFY(s.busy());
        QTRY_VERIFY_WITH_TIMEOUT(!s.busy(), 60000);
        QVERIFY(firedInReplay);
        QCOMPARE(s.step(), 1);
        QCOMPARE(consoleTexts(s).last(), QStringLiteral("counted 4499998500000"));
    }

    // A step that never awaits at all ends the run after the operation budget, with CPython-like
    // words in the console and the narration, and the line marked.
    void endlessStepEndsTheRunCleanly()
    {
        Session s;
        QVERIFY(s.openPath(writeScript(QStringLiteral("endless.py"),
            "import asyncio\n\nasync def spin():\n    x = 0\n    while True:\n        x += 1\n\n"
            "asyncio.run(spin())\n")));
        bool answered = false;
        QTimer::singleShot(30, this, [&] { answered = s.inStep(); });
        s.stepOnce();
        QVERIFY(answered);
        QVERIFY(s.atEnd());
        const QString errors = consoleTexts(s, QStringLiteral("error")).join(QLatin1Char('\n'));
        QVERIFY2(errors.contains(QStringLiteral("Task-1 (spin) blocks the event loop")), qPrintable(errors));
        QVERIFY2(s.narration().contains(QStringLiteral("blocks the event loop")), qPrintable(s.narration()));
        QCOMPARE(s.errorLine(), 6);
        QVERIFY(s.errorMessage().contains(QStringLiteral("blocks the event loop")));
    }

    void editsReparseOnStepAndShowLoadErrors()
    {
        Session s;
        QVERIFY(s.loadScenario(QStringLiteral("gather")));
        s.stepOnce();
        QString text = s.source();
        text.replace(QStringLiteral("fetch(\"notes.txt\", 0.5)"), QStringLiteral("fetch(\"notes.txt\", 0.25)"));
        s.setSource(text);
        QVERIFY(s.edited());
        QVERIFY(s.stale());
        s.runToEnd();
        s.finishPending();
        QVERIFY(!s.stale());
        QVERIFY(consoleTexts(s).contains(QStringLiteral("notes.txt: 0.25 s later, data arrived")));

        s.setSource(QStringLiteral("import asyncio\n\nasync def main(:\n    pass\n"));
        s.stepOnce();
        QCOMPARE(s.outcome(), QStringLiteral("load error"));
        QCOMPARE(s.errorLine(), 3);
        QVERIFY2(s.errorMessage().startsWith(QStringLiteral("SyntaxError: ")), qPrintable(s.errorMessage()));
        QVERIFY2(s.narration().startsWith(QStringLiteral("The script cannot run: gather.py, line 3: SyntaxError: ")),
            qPrintable(s.narration()));
        // The console shows the error as CPython prints it: file, line, the line, a caret.
        QVERIFY2(
            consoleTexts(s, QStringLiteral("error")).first().contains(QStringLiteral("File \"gather.py\", line 3")),
            qPrintable(consoleTexts(s, QStringLiteral("error")).join(QLatin1Char('|'))));
        s.revert();
        QVERIFY(!s.edited());
        QCOMPARE(s.outcome(), QStringLiteral("ready"));
    }

    void editsAreAutosavedAndComeBack()
    {
        QTemporaryDir dir;
        QString edited;
        {
            Session s;
            s.setAutosaveDirectory(dir.path());
            QVERIFY(s.loadScenario(QStringLiteral("cancel")));
            edited = s.source() + QStringLiteral("# my note\n");
            s.setSource(edited);
        } // quitting saves
        {
            Session s;
            s.setAutosaveDirectory(dir.path());
            QVERIFY(s.loadScenario(QStringLiteral("cancel")));
            QCOMPARE(s.source(), edited);
            QVERIFY(s.edited());
            s.revert();
            QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("scenario-cancel.py"))));
        }
        Session s;
        s.setAutosaveDirectory(dir.path());
        QVERIFY(s.loadScenario(QStringLiteral("cancel")));
        QVERIFY(!s.edited());
    }

    void saveWritesTheFile()
    {
        const QString path = writeScript(QStringLiteral("saved.py"), "print('a')\n");
        Session s;
        QVERIFY(s.openPath(path));
        s.setSource(QStringLiteral("print('b')\n"));
        QVERIFY(s.save());
        QVERIFY(!s.edited());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("print('b')\n"));
        s.stepOnce();
        QCOMPARE(consoleTexts(s), QStringList {"b"});
    }

    void libraryIsGroupedAndSearchable()
    {
        loopscope::ScenarioModel m;
        QCOMPARE(m.count(), 7);
        QStringList groups;
        for (int i = 0; i < m.count(); ++i)
            if (groups.isEmpty() || groups.last() != m.get(i).value(QStringLiteral("group")).toString())
                groups << m.get(i).value(QStringLiteral("group")).toString();
        QCOMPARE(groups, (QStringList {"Basics", "Synchronization", "Cancellation & timeouts", "Pitfalls"}));
        m.setFilter(QStringLiteral("LOCKS"));
        QCOMPARE(m.count(), 1);
        QCOMPARE(m.get(0).value(QStringLiteral("name")).toString(), QStringLiteral("deadlock"));
        m.setFilter(QStringLiteral("timeout"));
        QCOMPARE(m.count(), 2); // by group name as well
        m.setFilter(QString());
        QCOMPARE(m.count(), 7);
        QCOMPARE(m.indexOf(QStringLiteral("gather")), 0);
    }

    void highlighterKnowsPython()
    {
        using loopscope::PythonHighlighter;
        const QString line = QStringLiteral("    await asyncio.sleep(1.5)  # wait");
        QCOMPARE(PythonHighlighter::classify(line, 4), QStringLiteral("keyword"));
        QCOMPARE(PythonHighlighter::classify(line, 10), QStringLiteral("builtin"));
        QCOMPARE(PythonHighlighter::classify(line, 24), QStringLiteral("number"));
        QCOMPARE(PythonHighlighter::classify(line, 32), QStringLiteral("comment"));
        QCOMPARE(
            PythonHighlighter::classify(QStringLiteral("x = f\"{a} # not a comment\""), 12), QStringLiteral("string"));
        QCOMPARE(
            PythonHighlighter::classify(QStringLiteral("async def fetch(name):"), 10), QStringLiteral("definition"));
        QCOMPARE(PythonHighlighter::classify(QStringLiteral("format = 1"), 1), QStringLiteral("plain"));
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
