// Tests for the Engine API: determinism, reset(), step()/runIteration()/runUntil()/runToEnd(),
// module code around asyncio.run, and the trace events a small script records (their
// subject, other, text, line and time).
//
// The k...Trace constants are what CPython 3.12.1 and 3.11.7 print for the script k... under
// the reference harness (PYTHONHASHSEED=0 ~/.pyenv/versions/3.12.1/bin/python3
// tests/conformance/harness/vloop.py SCRIPT.py); the engine's conformance trace must be
// identical under the matching profile.
#include "enginetest.h"

#include <QtTest>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

using namespace loopscope;
using namespace enginetest;

namespace {

const char *const kHostCodeAndTwoRuns = R"py(import asyncio

# H35-37: module code runs outside any task ('-'); asyncio.run can be called twice; the
# second run starts its clock where the first left it (one virtual clock per engine).


async def main(tag, delay):
    print(tag, "main starts at", asyncio.get_running_loop().time())
    await asyncio.sleep(delay)
    print(tag, "main ends")
    return tag + " result"


print("module before")
r = asyncio.run(main("first", 0.5))
print("module between:", r)
for i in range(2):
    print("module loop", i)
r = asyncio.run(main("second", 0.25))
print("module after:", r)
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kHostCodeAndTwoRunsTrace = R"trace(0.000 - print module before
0.000 Task-1 step
0.000 Task-1 print first main starts at 0.0
0.500 Task-1 step
0.500 Task-1 print first main ends
0.500 Task-2 step
0.500 Task-3 step
0.500 - print module between: first result
0.500 - print module loop 0
0.500 - print module loop 1
0.500 Task-4 step
0.500 Task-4 print second main starts at 0.5
0.750 Task-4 step
0.750 Task-4 print second main ends
0.750 Task-5 step
0.750 Task-6 step
0.750 - print module after: second result
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kHostCodeAndTwoRunsTrace311 = kHostCodeAndTwoRunsTrace;

const char *const kMixedScript = R"py(import asyncio

# A bit of everything, for the trace and stepping tests: module code before and after
# asyncio.run, tasks, a timer, a lock, a queue, a semaphore, an event, a failing task
# and a cancelled sleep.

lock = asyncio.Lock()
sem = asyncio.Semaphore(2)
ev = asyncio.Event()


async def worker(q):
    await asyncio.sleep(1)
    async with lock:
        await q.put("item")
    ev.set()
    return 7


async def failer():
    raise ValueError("bad")


async def main():
    q = asyncio.Queue()
    t = asyncio.create_task(worker(q))
    f = asyncio.create_task(failer())
    async with sem:
        item = await q.get()
    print("got", item)
    await ev.wait()
    s = asyncio.create_task(asyncio.sleep(5))
    await asyncio.sleep(0)
    s.cancel()
    try:
        await f
    except ValueError as e:
        print("failer raised", e)
    return await t


print("before")
print("main returned", asyncio.run(main()))
print("after")
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kMixedScriptTrace = R"trace(0.000 - print before
0.000 Task-1 step
0.000 Task-2 step
0.000 Task-3 step
1.000 Task-2 step
1.000 Task-1 step
1.000 Task-1 print got item
1.000 Task-4 step
1.000 Task-1 step
1.000 Task-1 print failer raised bad
1.000 Task-4 step
1.000 Task-5 step
1.000 Task-6 step
1.000 - print main returned 7
1.000 - print after
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kMixedScriptTrace311 = kMixedScriptTrace;

// ---- helpers ----------------------------------------------------------------------------------



std::vector<TraceEvent> eventsOf(const Engine &e, EventKind kind)
{
    std::vector<TraceEvent> out;
    for (const auto &ev : e.trace().events())
        if (ev.kind == kind)
            out.push_back(ev);
    return out;
}

// The one event of kind `k` whose text is `t`; fails the test if there is not exactly one.
#define FIND_ONE(var, en, k, t)                                                                                        \
    TraceEvent var {};                                                                                                 \
    do {                                                                                                               \
        int found_ = 0;                                                                                                \
        for (const auto &ev_ : (en).trace().events())                                                                  \
            if (ev_.kind == (k) && (en).trace().text(ev_.text) == (t)) {                                               \
                var = ev_;                                                                                             \
                ++found_;                                                                                              \
            }                                                                                                          \
        QVERIFY2(found_ == 1,                                                                                          \
            qPrintable(QStringLiteral("%1 events \"%2\" of kind %3")                                                   \
                           .arg(found_)                                                                                \
                           .arg(QString::fromStdString(t))                                                             \
                           .arg(QString::fromLatin1(Trace::kindName(k)))));                                            \
    } while (false)

bool mentions(const std::string &haystack, const std::string &needle)
{
    return haystack.find(needle) != std::string::npos;
}

// Everything observable about a finished run, to compare two runs.
struct RunRecord {
    std::string dump;
    std::string conformance;
    std::string output;
    std::string errors;
    Outcome outcome;
    int steps;
};

RunRecord record(const Engine &e)
{
    return {e.trace().dump(), e.trace().conformanceText(), e.output(), e.errors(), e.outcome(), e.stepCount()};
}

#define COMPARE_RUNS(a, b)                                                                                             \
    do {                                                                                                               \
        COMPARE_TEXT((a).dump, (b).dump);                                                                              \
        QCOMPARE((a).conformance, (b).conformance);                                                                    \
        QCOMPARE((a).output, (b).output);                                                                              \
        QCOMPARE((a).errors, (b).errors);                                                                              \
        QCOMPARE((a).outcome, (b).outcome);                                                                            \
        QCOMPARE((a).steps, (b).steps);                                                                                \
    } while (false)

const char *const kDeadlock = R"py(import asyncio


async def main():
    ev = asyncio.Event()
    print("waiting forever")
    await ev.wait()


asyncio.run(main())
)py";

const char *const kUncaught = R"py(import asyncio


async def main():
    await asyncio.sleep(0.25)
    raise KeyError("boom")


print("before")
asyncio.run(main())
print("never printed")
)py";

} // namespace

class TestStepping : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // ---- determinism and reset ----
    void sameScriptGivesAnIdenticalTraceOnTwoEngines();
    void resetReturnsToStepZero();
    void rerunAfterResetReproducesEverything();
    void resetMidRunThenRerunReproducesTheFullRun();
    void resetKeepsTheProfile();
    void defaultReprsPrintTheSameEveryRun();

    // ---- stepping ----
    void firstStepRunsModuleCodeThenMainsFirstStep();
    void steppingOneHandleAtATimeGivesTheSameTraceAsRunToEnd();
    void runIterationByIterationGivesTheSameTraceAsRunToEnd();
    void runIterationFromTheMiddleFinishesTheCurrentIteration();
    void runUntilStopsAsSoonAsThePredicateHolds();
    void runUntilRespectsMaxSteps();
    void runUntilTakesNoStepWhenThePredicateAlreadyHolds();
    void runUntilCountsTheStepThatEndsTheRun();
    void runToEndWithMaxStepsStopsEarly();
    void stepAfterTheEndReturnsFalseAndChangesNothing();
    void loadErrorIsAnOutcomeAndNothingRuns();

    // ---- module code and asyncio.run ----
    void conformanceTraceOfAMixedScriptMatchesCPython();
    void moduleCodeBeforeAndAfterAsyncioRunPrintsOutsideAnyTask();
    void hostStepPrecedesModuleCodeAfterTheLoop();
    void secondAsyncioRunInTheSameScriptWorks();

    // ---- trace events ----
    void traceRecordsTaskCreatedWithParentCoroutineAndCall();
    void traceRecordsAwaitWithWhatAndLine();
    void traceRecordsWakeFromWakerToWakee();
    void traceRecordsPrintWithTaskLineAndTime();
    void traceRecordsTaskDoneRaisedAndCancelled();
    void traceRecordsTimerScheduledAndCancelled();
    void traceRecordsClockAdvanced();
    void traceRecordsPrimitiveState();
    void traceRecordsDeadlockWithTheReport();
    void traceRecordsUncaughtException();
};

// ---- determinism and reset --------------------------------------------------------------------

void TestStepping::sameScriptGivesAnIdenticalTraceOnTwoEngines()
{
    auto a = runScript(kMixedScript);
    auto b = runScript(kMixedScript);
    QCOMPARE(a->outcome(), Outcome::Finished);
    QVERIFY(a->trace().size() > 50);
    COMPARE_RUNS(record(*a), record(*b));
}

// Addresses in default reprs (<function f at 0x...>) and id() are per run, not per process: a
// second engine, or a reset, prints exactly the same text.
void TestStepping::defaultReprsPrintTheSameEveryRun()
{
    const char *script = "import asyncio\n"
                         "def f(): pass\n"
                         "async def main():\n"
                         "    c = main\n"
                         "    print(f, c, id(f), id(asyncio.current_task()))\n"
                         "print(f)\n"
                         "asyncio.run(main())\n";
    auto first = runScript(script);
    auto other = runScript("def g(): pass\nprint(g, g, [g])\n"); // another engine in between
    auto second = runScript(script);
    QVERIFY(first->output().find("<function f at 0x") != std::string::npos);
    QCOMPARE(second->output(), first->output());
    first->reset();
    first->runToEnd();
    QCOMPARE(first->output(), second->output());
    QVERIFY(!other->output().empty());
}

void TestStepping::resetReturnsToStepZero()
{
    Engine e;
    QVERIFY(e.load(kMixedScript, "t.py"));
    e.runToEnd();
    QVERIFY(e.stepCount() > 0);
    e.reset();
    QCOMPARE(e.stepCount(), 0);
    QCOMPARE(e.outcome(), Outcome::NotStarted);
    QCOMPARE(e.output(), std::string());
    QCOMPARE(e.errors(), std::string());
    QCOMPARE(e.trace().size(), std::size_t(0));
    QCOMPARE(e.loop().now(), std::int64_t(0));
    QVERIFY(!e.loop().hasReady());
    QCOMPARE(e.loop().timerCount(), std::size_t(0));
    QVERIFY(e.tasks().empty());
    QVERIFY(!e.finished());
    QCOMPARE(e.source(), std::string(kMixedScript));
}

void TestStepping::rerunAfterResetReproducesEverything()
{
    Engine e;
    QVERIFY(e.load(kMixedScript, "t.py"));
    e.runToEnd();
    const RunRecord first = record(e);
    for (int i = 0; i < 2; ++i) {
        e.reset();
        e.runToEnd();
        COMPARE_RUNS(record(e), first);
    }
}

void TestStepping::resetMidRunThenRerunReproducesTheFullRun()
{
    auto fresh = runScript(kMixedScript);
    Engine e;
    QVERIFY(e.load(kMixedScript, "t.py"));
    for (int i = 0; i < 6; ++i)
        QVERIFY(e.step());
    QVERIFY(!e.output().empty());
    e.reset();
    e.runToEnd();
    COMPARE_RUNS(record(e), record(*fresh));
    // The same with a deadlocked run (reset after the end).
    auto deadlocked = runScript(kDeadlock);
    Engine d;
    QVERIFY(d.load(kDeadlock, "t.py"));
    d.runToEnd();
    d.reset();
    d.runToEnd();
    COMPARE_RUNS(record(d), record(*deadlocked));
    QCOMPARE(d.deadlockReport().text, deadlocked->deadlockReport().text);
}

void TestStepping::resetKeepsTheProfile()
{
    // wait_for with a timeout makes a task under 3.11 only (section J): Task-2 steps.
    const char *script = R"py(import asyncio


async def work():
    return 1


async def main():
    print(await asyncio.wait_for(work(), 5))


asyncio.run(main())
)py";
    Engine e;
    e.setProfile(Profile::Py311);
    QVERIFY(e.load(script, "t.py"));
    e.runToEnd();
    const std::string first = e.trace().conformanceText();
    QVERIFY(mentions(first, "0.000 Task-2 step\n0.000 Task-1 step\n0.000 Task-1 print 1\n"));
    e.reset();
    QCOMPARE(e.profile(), Profile::Py311);
    e.runToEnd();
    QCOMPARE(e.trace().conformanceText(), first);
}

// ---- stepping ---------------------------------------------------------------------------------

void TestStepping::firstStepRunsModuleCodeThenMainsFirstStep()
{
    Engine e;
    QVERIFY(e.load(kMixedScript, "t.py"));
    QCOMPARE(e.outcome(), Outcome::NotStarted);
    QVERIFY(e.step());
    QCOMPARE(e.stepCount(), 1);
    QCOMPARE(e.outcome(), Outcome::Running);
    QCOMPARE(e.output(), std::string("before\n"));
    const auto steps = eventsOf(e, EventKind::StepBegin);
    QCOMPARE(steps.size(), std::size_t(1));
    QCOMPARE(steps[0].subject, 1u);
    QCOMPARE(steps[0].aux, std::uint8_t(StepCause::First));
    // main created its two tasks; their first steps are queued, not run.
    QCOMPARE(e.tasks().size(), std::size_t(3));
    QVERIFY(!e.tasks()[1]->started());
    QCOMPARE(e.loop().readyCount(), std::size_t(2));
}

void TestStepping::steppingOneHandleAtATimeGivesTheSameTraceAsRunToEnd()
{
    auto whole = runScript(kMixedScript);
    Engine e;
    QVERIFY(e.load(kMixedScript, "t.py"));
    int calls = 0;
    while (e.step())
        ++calls;
    QCOMPARE(e.outcome(), Outcome::Finished);
    QCOMPARE(calls + 1, e.stepCount()); // the last step ended the run and returned false
    COMPARE_RUNS(record(e), record(*whole));
}

void TestStepping::runIterationByIterationGivesTheSameTraceAsRunToEnd()
{
    auto whole = runScript(kMixedScript);
    Engine e;
    QVERIFY(e.load(kMixedScript, "t.py"));
    int iterations = 0;
    while (e.runIteration())
        ++iterations;
    QVERIFY(iterations > 5);
    QVERIFY(iterations < e.stepCount());
    COMPARE_RUNS(record(e), record(*whole));
}

void TestStepping::runIterationFromTheMiddleFinishesTheCurrentIteration()
{
    Engine e;
    QVERIFY(e.load(kMixedScript, "t.py"));
    e.start();
    while (e.loop().readyCount() < 2)
        QVERIFY(e.runIteration());
    // An iteration of two handles (the first steps of worker and failer): run one by
    // hand, then runIteration() runs only the rest of this iteration.
    const std::vector<Ref<Handle>> iteration(e.loop().ready().begin(), e.loop().ready().end());
    QCOMPARE(iteration.size(), std::size_t(2));
    QVERIFY(e.step());
    const std::size_t mark = e.trace().size();
    QVERIFY(e.runIteration());
    int ran = 0;
    for (std::size_t i = mark; i < e.trace().size(); ++i)
        if (e.trace()[i].kind == EventKind::StepBegin) {
            ++ran;
            QCOMPARE(e.trace()[i].subject, iteration[1]->task->taskId());
        }
    QCOMPARE(ran, 1);
    for (const auto &h : e.loop().ready())
        QVERIFY(std::find(iteration.begin(), iteration.end(), h) == iteration.end());
}

void TestStepping::runUntilStopsAsSoonAsThePredicateHolds()
{
    const auto gotItem = [](const Engine &en) { return mentions(en.output(), "got item"); };
    Engine e;
    QVERIFY(e.load(kMixedScript, "t.py"));
    const int n = e.runUntil(gotItem, 1000);
    QVERIFY(n > 1);
    QCOMPARE(e.stepCount(), n);
    QVERIFY(gotItem(e));
    QCOMPARE(e.outcome(), Outcome::Running);
    QCOMPARE(e.loop().now(), std::int64_t(1000000000));
    // One step fewer and it does not hold yet: runUntil stopped at the first such step.
    e.reset();
    QCOMPARE(e.runUntil(gotItem, n - 1), n - 1);
    QVERIFY(!gotItem(e));
    QVERIFY(e.step());
    QVERIFY(gotItem(e));
}

void TestStepping::runUntilRespectsMaxSteps()
{
    Engine e;
    QVERIFY(e.load(kMixedScript, "t.py"));
    QCOMPARE(e.runUntil([](const Engine &) { return false; }, 3), 3);
    QCOMPARE(e.stepCount(), 3);
    QCOMPARE(e.outcome(), Outcome::Running);
    QCOMPARE(e.runUntil([](const Engine &) { return false; }, 2), 2);
    QCOMPARE(e.stepCount(), 5);
}

void TestStepping::runUntilTakesNoStepWhenThePredicateAlreadyHolds()
{
    Engine e;
    QVERIFY(e.load(kMixedScript, "t.py"));
    QVERIFY(e.step());
    QCOMPARE(e.runUntil([](const Engine &en) { return en.stepCount() >= 1; }, 100), 0);
    QCOMPARE(e.stepCount(), 1);
}

void TestStepping::runUntilCountsTheStepThatEndsTheRun()
{
    Engine e;
    QVERIFY(e.load(kMixedScript, "t.py"));
    const int n = e.runUntil([](const Engine &) { return false; }, 1000);
    QCOMPARE(e.outcome(), Outcome::Finished);
    QCOMPARE(n, e.stepCount());
}

void TestStepping::runToEndWithMaxStepsStopsEarly()
{
    Engine e;
    QVERIFY(e.load(kMixedScript, "t.py"));
    e.runToEnd(4);
    QCOMPARE(e.stepCount(), 4);
    QCOMPARE(e.outcome(), Outcome::Running);
    e.runToEnd();
    QCOMPARE(e.outcome(), Outcome::Finished);
    COMPARE_RUNS(record(e), record(*runScript(kMixedScript)));
}

void TestStepping::stepAfterTheEndReturnsFalseAndChangesNothing()
{
    Engine e;
    QVERIFY(e.load(kMixedScript, "t.py"));
    e.runToEnd();
    const RunRecord done = record(e);
    QVERIFY(!e.step());
    QVERIFY(!e.runIteration());
    QCOMPARE(e.runUntil([](const Engine &) { return false; }, 10), 0);
    e.runToEnd();
    COMPARE_RUNS(record(e), done);
}

void TestStepping::loadErrorIsAnOutcomeAndNothingRuns()
{
    Engine e;
    QVERIFY(!e.load("import asyncio\n\nasync def main(:\n    pass\n", "bad.py"));
    QCOMPARE(e.outcome(), Outcome::LoadError);
    QCOMPARE(e.loadError().type, std::string("SyntaxError"));
    QCOMPARE(e.loadError().line, 3);
    QCOMPARE(e.exitStatus(), 1);
    QVERIFY(e.finished());
    QVERIFY(!e.step());
    QCOMPARE(e.stepCount(), 0);
    QCOMPARE(e.trace().size(), std::size_t(0));
    // A later load of a good script runs normally.
    QVERIFY(e.load(kMixedScript, "t.py"));
    e.runToEnd();
    QCOMPARE(e.outcome(), Outcome::Finished);
}

// ---- module code and asyncio.run --------------------------------------------------------------

void TestStepping::conformanceTraceOfAMixedScriptMatchesCPython()
{
    COMPARE_WITH_CPYTHON(MixedScript);
}

void TestStepping::moduleCodeBeforeAndAfterAsyncioRunPrintsOutsideAnyTask()
{
    auto e = runScript(kMixedScript);
    FIND_ONE(before, *e, EventKind::Print, std::string("before"));
    QCOMPARE(before.subject, 0u);
    QCOMPARE(int(before.line), 42);
    FIND_ONE(returned, *e, EventKind::Print, std::string("main returned 7"));
    QCOMPARE(returned.subject, 0u);
    QCOMPARE(int(returned.line), 43);
    QCOMPARE(returned.time, std::int64_t(1000000000));
    FIND_ONE(after, *e, EventKind::Print, std::string("after"));
    QCOMPARE(after.subject, 0u);
    QCOMPARE(int(after.line), 44);
    const std::string text = e->trace().conformanceText();
    QVERIFY(text.starts_with("0.000 - print before\n0.000 Task-1 step\n"));
    QVERIFY(text.ends_with("1.000 - print main returned 7\n1.000 - print after\n"));
    QCOMPARE(e->output(), std::string("before\ngot item\nfailer raised bad\nmain returned 7\nafter\n"));
}

void TestStepping::hostStepPrecedesModuleCodeAfterTheLoop()
{
    // Module code that runs after the loop stopped is introduced by a HostStep event: going
    // back from each module-level print, a HostStep comes before any task step.
    auto e = runScript(kHostCodeAndTwoRuns);
    const auto &ev = e->trace().events();
    QCOMPARE(ev.front().kind, EventKind::HostStep);
    int hostPrints = 0;
    for (std::size_t i = 0; i < ev.size(); ++i) {
        if (ev[i].kind != EventKind::Print || ev[i].subject != 0)
            continue;
        ++hostPrints;
        std::size_t j = i;
        while (j > 0 && ev[j].kind != EventKind::HostStep && ev[j].kind != EventKind::StepBegin)
            --j;
        QCOMPARE(ev[j].kind, EventKind::HostStep);
    }
    QCOMPARE(hostPrints, 5);
}

void TestStepping::secondAsyncioRunInTheSameScriptWorks()
{
    COMPARE_WITH_CPYTHON(HostCodeAndTwoRuns);
    auto e = runScript(kHostCodeAndTwoRuns);
    QCOMPARE(e->outcome(), Outcome::Finished);
    QCOMPARE(e->output(),
        std::string("module before\n"
                    "first main starts at 0.0\n"
                    "first main ends\n"
                    "module between: first result\n"
                    "module loop 0\n"
                    "module loop 1\n"
                    "second main starts at 0.5\n"
                    "second main ends\n"
                    "module after: second result\n"));
    QCOMPARE(e->tasks().size(), std::size_t(6));
    QCOMPARE(e->tasks()[3]->name(), std::string("Task-4"));
}

// ---- trace events -----------------------------------------------------------------------------

void TestStepping::traceRecordsTaskCreatedWithParentCoroutineAndCall()
{
    auto e = runScript(kMixedScript);
    FIND_ONE(main, *e, EventKind::TaskCreated, std::string("Task-1\tmain\tmain()"));
    QCOMPARE(main.subject, 1u);
    QCOMPARE(main.other, 0u); // created by module code
    QCOMPARE(int(main.line), 43);
    FIND_ONE(worker, *e, EventKind::TaskCreated, std::string("Task-2\tworker\tworker(q)"));
    QCOMPARE(worker.subject, 2u);
    QCOMPARE(worker.other, 1u);
    QCOMPARE(int(worker.line), 26);
    FIND_ONE(failer, *e, EventKind::TaskCreated, std::string("Task-3\tfailer\tfailer()"));
    QCOMPARE(failer.other, 1u);
    QCOMPARE(int(failer.line), 27);
    FIND_ONE(sleeper, *e, EventKind::TaskCreated, std::string("Task-4\tsleep\tasyncio.sleep(5)"));
    QCOMPARE(sleeper.other, 1u);
    QCOMPARE(sleeper.time, std::int64_t(1000000000));
    QCOMPARE(e->trace().taskName(2), std::string("Task-2"));
}

void TestStepping::traceRecordsAwaitWithWhatAndLine()
{
    auto e = runScript(kMixedScript);
    FIND_ONE(get, *e, EventKind::Await, std::string("q.get()"));
    QCOMPARE(get.subject, 1u);
    QCOMPARE(int(get.line), 29);
    QVERIFY(get.other != 0); // the waiter future's id
    FIND_ONE(sleep, *e, EventKind::Await, std::string("asyncio.sleep(1)"));
    QCOMPARE(sleep.subject, 2u);
    QCOMPARE(int(sleep.line), 13);
    QCOMPARE(sleep.time, std::int64_t(0));
    FIND_ONE(yield, *e, EventKind::Await, std::string("yield (sleep 0)"));
    QCOMPARE(yield.subject, 1u);
    QCOMPARE(int(yield.line), 33);
    // The wake-up step of a task names the future it awaited.
    bool resumedFromGet = false;
    for (const auto &ev : e->trace().events())
        if (ev.kind == EventKind::StepBegin && ev.subject == 1 && ev.aux == std::uint8_t(StepCause::Wakeup))
            resumedFromGet = resumedFromGet || ev.other == get.other;
    QVERIFY(resumedFromGet);
}

void TestStepping::traceRecordsWakeFromWakerToWakee()
{
    auto e = runScript(kMixedScript);
    // worker's put() wakes main's q.get(): waker Task-2, wakee Task-1.
    FIND_ONE(put, *e, EventKind::Wake, std::string("q.get()"));
    QCOMPARE(put.subject, 2u);
    QCOMPARE(put.other, 1u);
    QCOMPARE(put.time, std::int64_t(1000000000));
    // The sleep timer wakes worker: no waker task.
    FIND_ONE(timer, *e, EventKind::Wake, std::string("asyncio.sleep(1)"));
    QCOMPARE(timer.subject, 0u);
    QCOMPARE(timer.other, 2u);
    // main's s.cancel() cancels the sleep future of Task-4: waker Task-1.
    FIND_ONE(cancel, *e, EventKind::Wake, std::string("asyncio.sleep(5)"));
    QCOMPARE(cancel.subject, 1u);
    QCOMPARE(cancel.other, 4u);
}

void TestStepping::traceRecordsPrintWithTaskLineAndTime()
{
    auto e = runScript(kMixedScript);
    FIND_ONE(got, *e, EventKind::Print, std::string("got item"));
    QCOMPARE(got.subject, 1u);
    QCOMPARE(int(got.line), 30);
    QCOMPARE(got.time, std::int64_t(1000000000));
    FIND_ONE(raised, *e, EventKind::Print, std::string("failer raised bad"));
    QCOMPARE(raised.subject, 1u);
    QCOMPARE(int(raised.line), 38);
    QCOMPARE(eventsOf(*e, EventKind::Print).size(), std::size_t(5));
}

void TestStepping::traceRecordsTaskDoneRaisedAndCancelled()
{
    auto e = runScript(kMixedScript);
    const auto done = eventsOf(*e, EventKind::TaskDone);
    const auto raised = eventsOf(*e, EventKind::TaskRaised);
    const auto cancelled = eventsOf(*e, EventKind::TaskCancelled);
    QCOMPARE(raised.size(), std::size_t(1));
    QCOMPARE(raised[0].subject, 3u);
    QCOMPARE(e->trace().text(raised[0].text), std::string("ValueError: bad"));
    QCOMPARE(cancelled.size(), std::size_t(1));
    QCOMPARE(cancelled[0].subject, 4u);
    QCOMPARE(e->trace().text(cancelled[0].text), std::string()); // cancel() without a message
    // worker, main, and the two shutdown helpers
    QCOMPARE(done.size(), std::size_t(4));
    QCOMPARE(done[0].subject, 2u);
    QCOMPARE(e->trace().text(done[0].text), std::string("7"));
    QCOMPARE(done[1].subject, 1u);
    QCOMPARE(e->trace().text(done[1].text), std::string("7"));
    QCOMPARE(e->trace().text(done[2].text), std::string("None"));
    // Each outcome is recorded in the task's last step, before its StepEnd.
    const auto &ev = e->trace().events();
    const auto it
        = std::find_if(ev.begin(), ev.end(), [](const TraceEvent &x) { return x.kind == EventKind::TaskRaised; });
    QVERIFY(it != ev.end() && std::next(it) != ev.end());
    QCOMPARE(std::next(it)->kind, EventKind::StepEnd);
    QCOMPARE(std::next(it)->subject, 3u);
}

void TestStepping::traceRecordsTimerScheduledAndCancelled()
{
    auto e = runScript(kMixedScript);
    FIND_ONE(one, *e, EventKind::TimerScheduled, std::string("asyncio.sleep(1)"));
    QCOMPARE(one.time, std::int64_t(1000000000)); // the deadline
    QCOMPARE(one.other, 2u); // scheduled by worker
    FIND_ONE(five, *e, EventKind::TimerScheduled, std::string("asyncio.sleep(5)"));
    QCOMPARE(five.time, std::int64_t(6000000000));
    QCOMPARE(five.other, 4u);
    QVERIFY(five.subject != one.subject);
    const auto cancelled = eventsOf(*e, EventKind::TimerCancelled);
    QCOMPARE(cancelled.size(), std::size_t(1)); // the 1 s timer fired; only the 5 s one was cancelled
    QCOMPARE(cancelled[0].subject, five.subject);
    QCOMPARE(cancelled[0].time, std::int64_t(1000000000));
}

void TestStepping::traceRecordsClockAdvanced()
{
    auto e = runScript(kMixedScript);
    const auto advanced = eventsOf(*e, EventKind::ClockAdvanced);
    QCOMPARE(advanced.size(), std::size_t(1));
    QCOMPARE(advanced[0].time, std::int64_t(1000000000));
    QCOMPARE(e->loop().now(), std::int64_t(1000000000)); // the cancelled 5 s timer never moved it
}

void TestStepping::traceRecordsPrimitiveState()
{
    auto e = runScript(kMixedScript);
    // (text, other) of every PrimitiveState event, in order; subjects per primitive.
    QStringList states;
    std::map<std::string, std::uint32_t> ids;
    for (const auto &ev : e->trace().events()) {
        if (ev.kind != EventKind::PrimitiveState)
            continue;
        const std::string &text = e->trace().text(ev.text);
        states.append(QStringLiteral("%1=%2").arg(QString::fromStdString(text)).arg(ev.other));
        const auto it = ids.emplace(text, ev.subject).first;
        QCOMPARE(ev.subject, it->second); // one primitive, one id
    }
    QCOMPARE(states,
        (QStringList {
            "Semaphore sem=1", // main acquires: value 2 -> 1
            "Lock lock=2", // worker (Task-2) owns the lock
            "Queue q=1", // one item queued
            "Lock lock=0", // released
            "Event ev=1", // set
            "Queue q=0", // main took the item
            "Semaphore sem=2", // main released
        }));
    QCOMPARE(ids.size(), std::size_t(4));
}

void TestStepping::traceRecordsDeadlockWithTheReport()
{
    auto e = runScript(kDeadlock);
    QCOMPARE(e->outcome(), Outcome::Deadlock);
    const auto deadlocks = eventsOf(*e, EventKind::Deadlock);
    QCOMPARE(deadlocks.size(), std::size_t(1));
    QCOMPARE(e->trace().text(deadlocks[0].text), e->deadlockReport().text);
    QVERIFY(mentions(e->deadlockReport().text, "ev.wait()"));
    QCOMPARE(e->trace().events().back().kind, EventKind::Deadlock);
    QCOMPARE(e->trace().conformanceText(),
        std::string("0.000 Task-1 step\n0.000 Task-1 print waiting forever\n"
                    "0.000 - deadlock\n"));
}

void TestStepping::traceRecordsUncaughtException()
{
    auto e = runScript(kUncaught);
    QCOMPARE(e->outcome(), Outcome::Uncaught);
    QCOMPARE(e->exitStatus(), 1);
    const auto uncaught = eventsOf(*e, EventKind::Uncaught);
    QCOMPARE(uncaught.size(), std::size_t(1));
    QCOMPARE(e->trace().text(uncaught[0].text), std::string("KeyError: 'boom'"));
    QCOMPARE(uncaught[0].time, std::int64_t(250000000));
    QVERIFY(mentions(e->errors(), "KeyError: 'boom'"));
    QVERIFY(mentions(e->errorText(), "line 6"));
    QVERIFY(!mentions(e->output(), "never printed"));
    // CPython 3.12: the shutdown helpers still step before the exception leaves asyncio.run.
    QCOMPARE(e->trace().conformanceText(),
        std::string("0.000 - print before\n"
                    "0.000 Task-1 step\n"
                    "0.250 Task-1 step\n"
                    "0.250 Task-2 step\n"
                    "0.250 Task-3 step\n"
                    "0.250 - uncaught KeyError: 'boom'\n"));
}

QTEST_GUILESS_MAIN(TestStepping)
#include "tst_stepping.moc"
