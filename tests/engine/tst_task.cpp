// Tests for tasks (semantics rules C8-C15): Task-N naming, cancellation (before the first
// step, with a message, cancelled()/cancelling()/uncancel(), awaiting a cancelled task),
// wake-up latencies measured in loop iterations, and a task awaiting itself.
//
// The k...Trace constants are what CPython 3.12.1 and 3.11.7 print for the script k... under
// the reference harness (PYTHONHASHSEED=0 ~/.pyenv/versions/3.12.1/bin/python3
// tests/conformance/harness/vloop.py SCRIPT.py); the engine's conformance trace must be
// identical under the matching profile.
#include "enginetest.h"

#include <QtTest>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

using namespace loopscope;
using namespace enginetest;

namespace {

const char *const kCancelBeforeFirstStep = R"py(import asyncio

# C12: a task cancelled before its first step never runs its body: no print, no finally.
# Its one step throws CancelledError(msg) in place of the first send; cancelled() is False
# until that step ends the coroutine.


async def body():
    try:
        print("body runs (never printed)")
        await asyncio.sleep(1)
    finally:
        print("finally (never printed)")


async def main():
    t = asyncio.create_task(body())
    print("cancel:", t.cancel("too early"), "cancelled():", t.cancelled(), "done():", t.done())
    print("cancelling():", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting it:", repr(e))
    print("cancelled():", t.cancelled(), "done():", t.done())


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kCancelBeforeFirstStepTrace = R"trace(0.000 Task-1 step
0.000 Task-1 print cancel: True cancelled(): False done(): False
0.000 Task-1 print cancelling(): 1
0.000 Task-2 step
0.000 Task-1 step
0.000 Task-1 print awaiting it: CancelledError('too early')
0.000 Task-1 print cancelled(): True done(): True
0.000 Task-3 step
0.000 Task-4 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kCancelBeforeFirstStepTrace311 = kCancelBeforeFirstStepTrace;

const char *const kCancelMessageAtAwait = R"py(import asyncio

# C12/C14: cancel(msg) on a task parked on a future cancels that future; the task resumes
# in the next iteration with CancelledError(msg) raised at its await. cancelled() stays
# False while the coroutine unwinds. Awaiting the cancelled task raises the original
# CancelledError('why') first; later result() calls raise a fresh CancelledError().


async def catcher():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("caught", repr(e), "cancelled():", me.cancelled(), "cancelling():", me.cancelling())
        await asyncio.sleep(0)
        print("still unwinding; cancelled():", me.cancelled())
        raise


async def main():
    c = asyncio.create_task(catcher())
    await asyncio.sleep(0)
    print("cancel:", c.cancel("why"), "cancelled():", c.cancelled())
    await asyncio.sleep(0)
    print("after one iteration: cancelled():", c.cancelled(), "done():", c.done())
    try:
        await c
    except asyncio.CancelledError as e:
        print("first await:", repr(e))
    for i in range(2):
        try:
            c.result()
        except asyncio.CancelledError as e:
            print("result() again:", repr(e))
    print("cancel() of a cancelled task:", c.cancel())


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kCancelMessageAtAwaitTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.000 Task-1 step
0.000 Task-1 print cancel: True cancelled(): False
0.000 Task-2 step
0.000 Task-2 print caught CancelledError('why') cancelled(): False cancelling(): 1
0.000 Task-1 step
0.000 Task-1 print after one iteration: cancelled(): False done(): False
0.000 Task-2 step
0.000 Task-2 print still unwinding; cancelled(): False
0.000 Task-1 step
0.000 Task-1 print first await: CancelledError('why')
0.000 Task-1 print result() again: CancelledError()
0.000 Task-1 print result() again: CancelledError()
0.000 Task-1 print cancel() of a cancelled task: False
0.000 Task-3 step
0.000 Task-4 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kCancelMessageAtAwaitTrace311 = kCancelMessageAtAwaitTrace;

const char *const kCancelPropagation = R"py(import asyncio

# C9/C12: a task that cancels itself and returns ends CANCELLED; an await of a done
# future does not deliver a pending cancel, the next real yield does. Cancelling a task
# that awaits another task cancels the inner one first; if the inner swallows it, the
# outer just gets the inner's value and carries on.


async def self_cancel():
    asyncio.current_task().cancel("self")
    print("cancelled myself, still running")
    return 5


async def self_cancel_then_await():
    asyncio.current_task().cancel("self2")
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(1)
    print("await of a done future:", await fut)
    await asyncio.sleep(0)
    print("never printed")


async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inner got", repr(e))
        raise


async def outer():
    try:
        await asyncio.create_task(inner())
    except asyncio.CancelledError as e:
        print("outer got", repr(e))
        raise


async def swallowing_inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("inner swallows")
    return "inner value"


async def carrying_outer():
    r = await asyncio.create_task(swallowing_inner())
    print("outer carries on with", r)
    return r


async def main():
    for coro in [self_cancel(), self_cancel_then_await()]:
        t = asyncio.create_task(coro)
        try:
            await t
        except asyncio.CancelledError as e:
            print(t.get_name(), repr(e), t.cancelled())
    o = asyncio.create_task(outer())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    o.cancel("stop")
    try:
        await o
    except asyncio.CancelledError as e:
        print("main got", repr(e))
    o2 = asyncio.create_task(carrying_outer())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("cancel:", o2.cancel())
    r = await o2
    print("result", r, o2.cancelled(), o2.cancelling())


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kCancelPropagationTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.000 Task-2 print cancelled myself, still running
0.000 Task-1 step
0.000 Task-1 print Task-2 CancelledError('self') True
0.000 Task-3 step
0.000 Task-3 print await of a done future: 1
0.000 Task-3 step
0.000 Task-1 step
0.000 Task-1 print Task-3 CancelledError('self2') True
0.000 Task-4 step
0.000 Task-1 step
0.000 Task-5 step
0.000 Task-1 step
0.000 Task-5 step
0.000 Task-5 print inner got CancelledError('stop')
0.000 Task-4 step
0.000 Task-4 print outer got CancelledError('stop')
0.000 Task-1 step
0.000 Task-1 print main got CancelledError('stop')
0.000 Task-6 step
0.000 Task-1 step
0.000 Task-7 step
0.000 Task-1 step
0.000 Task-1 print cancel: True
0.000 Task-7 step
0.000 Task-7 print inner swallows
0.000 Task-6 step
0.000 Task-6 print outer carries on with inner value
0.000 Task-1 step
0.000 Task-1 print result inner value False 1
0.000 Task-8 step
0.000 Task-9 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kCancelPropagationTrace311 = kCancelPropagationTrace;

const char *const kCancellingAndUncancel = R"py(import asyncio

# C12/C13: every cancel() counts in cancelling(), even a second one before the first is
# delivered (which delivers only the first message); uncancel() decrements and never goes
# below 0. A task that swallows the CancelledError goes on and can finish with a result.


async def stubborn():
    me = asyncio.current_task()
    for i in range(2):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError as e:
            print("swallowed", repr(e), "cancelling():", me.cancelling())
            print("uncancel() ->", me.uncancel())
    print("done; cancelling():", me.cancelling(), "uncancel():", me.uncancel(), me.uncancel())
    return "survived"


async def main():
    s = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    s.cancel("one")
    s.cancel("two")
    print("after two cancels: cancelling():", s.cancelling())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    s.cancel()
    r = await s
    print("result:", r, "cancelled():", s.cancelled(), "cancelling():", s.cancelling())


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kCancellingAndUncancelTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.000 Task-1 step
0.000 Task-1 print after two cancels: cancelling(): 2
0.000 Task-2 step
0.000 Task-2 print swallowed CancelledError('one') cancelling(): 2
0.000 Task-2 print uncancel() -> 1
0.000 Task-1 step
0.000 Task-1 step
0.000 Task-2 step
0.000 Task-2 print swallowed CancelledError() cancelling(): 2
0.000 Task-2 print uncancel() -> 1
0.000 Task-2 print done; cancelling(): 1 uncancel(): 0 0
0.000 Task-1 step
0.000 Task-1 print result: survived cancelled(): False cancelling(): 0
0.000 Task-3 step
0.000 Task-4 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kCancellingAndUncancelTrace311 = kCancellingAndUncancelTrace;

const char *const kLatencies = R"py(import asyncio

# C10/C11: wake-up latencies in loop iterations. sleep(0) +1; await a new task that ends
# in its first step +2; gather(coro) +3; sleep(d > 0): the timer fires in iteration k,
# the task resumes in k+1; an Event set by a callback: the waiter resumes one iteration
# after the set.


async def child():
    print("child runs")


def set_event(ev):
    print("callback sets the event")
    ev.set()


async def main():
    loop = asyncio.get_running_loop()
    print("A before sleep(0)")
    await asyncio.sleep(0)
    print("A after sleep(0)")
    t = asyncio.create_task(child())
    print("B awaiting a new task")
    await t
    print("B resumed")
    print("C awaiting gather")
    await asyncio.gather(child())
    print("C resumed")
    print("D sleeping")
    await asyncio.sleep(1)
    print("D resumed")
    ev = asyncio.Event()
    loop.call_soon(set_event, ev)
    print("E waiting")
    await ev.wait()
    print("E resumed")


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kLatenciesTrace = R"trace(0.000 Task-1 step
0.000 Task-1 print A before sleep(0)
0.000 Task-1 step
0.000 Task-1 print A after sleep(0)
0.000 Task-1 print B awaiting a new task
0.000 Task-2 step
0.000 Task-2 print child runs
0.000 Task-1 step
0.000 Task-1 print B resumed
0.000 Task-1 print C awaiting gather
0.000 Task-3 step
0.000 Task-3 print child runs
0.000 Task-1 step
0.000 Task-1 print C resumed
0.000 Task-1 print D sleeping
1.000 Task-1 step
1.000 Task-1 print D resumed
1.000 Task-1 print E waiting
1.000 - print callback sets the event
1.000 Task-1 step
1.000 Task-1 print E resumed
1.000 Task-4 step
1.000 Task-5 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kLatenciesTrace311 = kLatenciesTrace;

const char *const kTaskAwaitsItself = R"py(import asyncio

# C9: a task whose coroutine yields the task itself gets RuntimeError thrown in at its
# next step (call_soon(step, RuntimeError)).


async def self_await():
    try:
        await asyncio.current_task()
    except RuntimeError as e:
        print("RuntimeError:", str(e).startswith("Task cannot await on itself"))
        raise


async def main():
    t = asyncio.create_task(self_await())
    try:
        await t
    except RuntimeError:
        print("main sees the RuntimeError too")


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kTaskAwaitsItselfTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.000 Task-2 step
0.000 Task-2 print RuntimeError: True
0.000 Task-1 step
0.000 Task-1 print main sees the RuntimeError too
0.000 Task-3 step
0.000 Task-4 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kTaskAwaitsItselfTrace311 = kTaskAwaitsItselfTrace;

const char *const kTaskNumbering = R"py(import asyncio

# C15: names are "Task-%d" from one counter. asyncio.create_task(c, name=X) and
# ensure_future/gather use a number; loop.create_task(c, name=X) and Task(c, name=X) do
# not; asyncio.run uses main + 2 shutdown tasks, so a second run's main is 3 numbers
# after the last task of the first.


async def noop():
    return 1


async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.create_task(noop())
    b = asyncio.create_task(noop(), name="named")
    c = asyncio.create_task(noop())
    d = loop.create_task(noop(), name="loop-named")
    e = loop.create_task(noop())
    f = asyncio.Task(noop(), name="ctor-named")
    g = asyncio.ensure_future(noop())
    print(a.get_name(), b.get_name(), c.get_name(), d.get_name(), e.get_name(), f.get_name(), g.get_name())
    await asyncio.gather(noop(), noop())
    last = asyncio.create_task(noop())
    print("last:", last.get_name(), "main:", asyncio.current_task().get_name())
    await last


asyncio.run(main())
print("second run")
asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kTaskNumberingTrace = R"trace(0.000 Task-1 step
0.000 Task-1 print Task-2 named Task-4 loop-named Task-5 ctor-named Task-6
0.000 Task-2 step
0.000 named step
0.000 Task-4 step
0.000 loop-named step
0.000 Task-5 step
0.000 ctor-named step
0.000 Task-6 step
0.000 Task-7 step
0.000 Task-8 step
0.000 Task-1 step
0.000 Task-1 print last: Task-9 main: Task-1
0.000 Task-9 step
0.000 Task-1 step
0.000 Task-10 step
0.000 Task-11 step
0.000 - print second run
0.000 Task-12 step
0.000 Task-12 print Task-13 named Task-15 loop-named Task-16 ctor-named Task-17
0.000 Task-13 step
0.000 named step
0.000 Task-15 step
0.000 loop-named step
0.000 Task-16 step
0.000 ctor-named step
0.000 Task-17 step
0.000 Task-18 step
0.000 Task-19 step
0.000 Task-12 step
0.000 Task-12 print last: Task-20 main: Task-12
0.000 Task-20 step
0.000 Task-12 step
0.000 Task-21 step
0.000 Task-22 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kTaskNumberingTrace311 = kTaskNumberingTrace;

// ---- helpers ----------------------------------------------------------------------------------





// The iterations between two prints of one run (both must exist).
struct Latency {
    std::vector<int> iteration;
    const Engine *engine;
    int between(const std::string &from, const std::string &to) const
    {
        const int a = printIndex(*engine, from);
        const int b = printIndex(*engine, to);
        if (a < 0 || b < 0)
            return -1000;
        return iteration[std::size_t(b)] - iteration[std::size_t(a)];
    }
};

QStringList taskNames(const Engine &e)
{
    QStringList names;
    for (const auto &t : e.tasks())
        names.append(QString::fromStdString(t->name()));
    return names;
}

// The StepCause of every step of `task`, in order.
QList<int> stepCauses(const Engine &e, std::uint32_t task)
{
    QList<int> causes;
    for (const auto &ev : e.trace().events())
        if (ev.kind == EventKind::StepBegin && ev.subject == task)
            causes.append(ev.aux);
    return causes;
}

constexpr int First = int(StepCause::First);
constexpr int Wakeup = int(StepCause::Wakeup);
constexpr int Yield = int(StepCause::Yield);
constexpr int Cancel = int(StepCause::Cancel);

} // namespace

class TestTask : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void taskNumberingMatchesCPython();
    void createTaskWithNameConsumesANumberButLoopCreateTaskDoesNot();
    void secondAsyncioRunsMainIsThreeNumbersAfterTheLastTask();
    void cancelBeforeFirstStepMatchesCPython();
    void cancelBeforeFirstStepNeverRunsTheBody();
    void cancelMessageIsDeliveredAtTheAwait();
    void cancellingCountsRequestsAndUncancelDecrements();
    void cancellationPropagatesAsInCPython();
    void taskCannotAwaitItself();
    void awaitingARenamedTaskNamesItByItsNewName();
    void stepCausesNameFirstStepYieldWakeupAndCancel();
    void latenciesMatchCPython();
    void sleepZeroResumesOneIterationLater();
    void newTaskStartsInTheNextIterationAndItsAwaiterTwoLater();
    void gatherOfOneCoroutineResumesThreeIterationsLater();
    void sleepResumesOneIterationAfterItsTimerFires();
    void eventSetByACallbackResumesTheWaiterOneIterationLater();
    void wakeupComesOneIterationAfterTheFutureFinished();
};

void TestTask::taskNumberingMatchesCPython()
{
    COMPARE_WITH_CPYTHON(TaskNumbering);
}

void TestTask::createTaskWithNameConsumesANumberButLoopCreateTaskDoesNot()
{
    auto e = runScript(kTaskNumbering);
    QCOMPARE(e->outcome(), Outcome::Finished);
    const QStringList names = taskNames(*e);
    QVERIFY(names.size() >= 11);
    // main, create_task, create_task(name=) [uses 3], create_task, loop.create_task(name=)
    // [uses none], loop.create_task, Task(name=) [none], ensure_future, gather's two.
    QCOMPARE(names.mid(0, 11),
        (QStringList {"Task-1", "Task-2", "named", "Task-4", "loop-named", "Task-5", "ctor-named", "Task-6", "Task-7",
            "Task-8", "Task-9"}));
}

void TestTask::secondAsyncioRunsMainIsThreeNumbersAfterTheLastTask()
{
    auto e = runScript(kTaskNumbering);
    const QStringList names = taskNames(*e);
    // First run: last script task Task-9, then the two shutdown helpers Task-10 and Task-11.
    const auto second = names.indexOf("Task-12");
    QVERIFY(second > 0);
    QCOMPARE(names[second - 1], QStringLiteral("Task-11"));
    QCOMPARE(names[second - 3], QStringLiteral("Task-9"));
    QVERIFY(e->tasks()[std::size_t(second - 1)]->internal());
    QVERIFY(e->tasks()[std::size_t(second - 2)]->internal());
    QVERIFY(!e->tasks()[std::size_t(second)]->internal());
    QVERIFY(e->output().find("last: Task-20 main: Task-12\n") != std::string::npos);
}

void TestTask::cancelBeforeFirstStepMatchesCPython()
{
    COMPARE_WITH_CPYTHON(CancelBeforeFirstStep);
}

void TestTask::cancelBeforeFirstStepNeverRunsTheBody()
{
    auto e = runScript(kCancelBeforeFirstStep);
    QVERIFY(e->output().find("never printed") == std::string::npos);
    // Task-2 took exactly one step, which threw the cancellation in, and ended cancelled.
    QCOMPARE(stepCauses(*e, 2), (QList<int> {Cancel}));
    bool cancelled = false;
    for (const auto &ev : e->trace().events()) {
        QVERIFY(!(ev.subject == 2 && (ev.kind == EventKind::Print || ev.kind == EventKind::Await)));
        if (ev.kind == EventKind::TaskCancelled && ev.subject == 2) {
            cancelled = true;
            QCOMPARE(e->trace().text(ev.text), std::string("too early"));
        }
    }
    QVERIFY(cancelled);
    QVERIFY(e->tasks()[1]->cancelled());
}

void TestTask::cancelMessageIsDeliveredAtTheAwait()
{
    COMPARE_WITH_CPYTHON(CancelMessageAtAwait);
}

void TestTask::cancellingCountsRequestsAndUncancelDecrements()
{
    COMPARE_WITH_CPYTHON(CancellingAndUncancel);
}

void TestTask::cancellationPropagatesAsInCPython()
{
    COMPARE_WITH_CPYTHON(CancelPropagation);
}

void TestTask::taskCannotAwaitItself()
{
    COMPARE_WITH_CPYTHON(TaskAwaitsItself);
    auto e = runScript(kTaskAwaitsItself);
    // The yield of itself is answered by a step that throws RuntimeError in.
    QCOMPARE(stepCauses(*e, 2).size(), 2);
    bool raised = false;
    for (const auto &ev : e->trace().events())
        if (ev.kind == EventKind::TaskRaised && ev.subject == 2) {
            raised = true;
            QVERIFY(e->trace().text(ev.text).starts_with("RuntimeError: Task cannot await on itself"));
        }
    QVERIFY(raised);
}

void TestTask::stepCausesNameFirstStepYieldWakeupAndCancel()
{
    auto e = runScript(R"py(import asyncio


async def sleeper():
    await asyncio.sleep(10)


async def yielder():
    await asyncio.sleep(0)
    await asyncio.sleep(0)


async def main():
    s = asyncio.create_task(sleeper())
    y = asyncio.create_task(yielder())
    await asyncio.sleep(0)
    s.cancel()
    y.cancel()
    await asyncio.gather(s, y, return_exceptions=True)


asyncio.run(main())
)py");
    QCOMPARE(e->outcome(), Outcome::Finished);
    QCOMPARE(stepCauses(*e, 1), (QList<int> {First, Yield, Wakeup}));
    // s was parked on its sleep future: the cancel arrives through the wakeup.
    QCOMPARE(stepCauses(*e, 2), (QList<int> {First, Cancel}));
    // y had yielded: the cancel is thrown in at its next step (_must_cancel).
    QCOMPARE(stepCauses(*e, 3), (QList<int> {First, Cancel}));
}

void TestTask::latenciesMatchCPython()
{
    COMPARE_WITH_CPYTHON(Latencies);
}

void TestTask::sleepZeroResumesOneIterationLater()
{
    Engine e;
    QVERIFY(e.load(kLatencies, "t.py"));
    const Latency l {iterationOfEvents(e), &e};
    QCOMPARE(l.between("A before sleep(0)", "A after sleep(0)"), 1);
}

void TestTask::newTaskStartsInTheNextIterationAndItsAwaiterTwoLater()
{
    for (Profile p : {Profile::Py312, Profile::Py311}) {
        Engine e;
        e.setProfile(p);
        QVERIFY(e.load(kLatencies, "t.py"));
        const Latency l {iterationOfEvents(e), &e};
        QCOMPARE(l.between("B awaiting a new task", "child runs"), 1);
        QCOMPARE(l.between("B awaiting a new task", "B resumed"), 2);
    }
}

void TestTask::gatherOfOneCoroutineResumesThreeIterationsLater()
{
    for (Profile p : {Profile::Py312, Profile::Py311}) {
        Engine e;
        e.setProfile(p);
        QVERIFY(e.load(kLatencies, "t.py"));
        const Latency l {iterationOfEvents(e), &e};
        // child step, gather's done-callback, main's wakeup
        QCOMPARE(l.between("C awaiting gather", "C resumed"), 3);
    }
}

void TestTask::sleepResumesOneIterationAfterItsTimerFires()
{
    Engine e;
    QVERIFY(e.load(kLatencies, "t.py"));
    const auto iteration = iterationOfEvents(e);
    int timer = -1;
    const auto &ev = e.trace().events();
    for (std::size_t i = 0; i < ev.size(); ++i)
        if (ev[i].kind == EventKind::StepBegin && ev[i].aux == std::uint8_t(StepCause::Timer)
            && e.trace().text(ev[i].text) == "asyncio.sleep(1) timer")
            timer = int(i);
    QVERIFY(timer >= 0);
    const int resumed = printIndex(e, "D resumed");
    QVERIFY(resumed > timer);
    QCOMPARE(iteration[std::size_t(resumed)], iteration[std::size_t(timer)] + 1);
    QCOMPARE(ev[std::size_t(timer)].time, std::int64_t(1000000000));
}

void TestTask::eventSetByACallbackResumesTheWaiterOneIterationLater()
{
    Engine e;
    QVERIFY(e.load(kLatencies, "t.py"));
    const Latency l {iterationOfEvents(e), &e};
    QCOMPARE(l.between("E waiting", "callback sets the event"), 1);
    QCOMPARE(l.between("callback sets the event", "E resumed"), 1);
}

void TestTask::wakeupComesOneIterationAfterTheFutureFinished()
{
    // The setter finishes the waiter's future in its step (iteration k); the Wake event is
    // recorded right then, and the waiter's wakeup step runs in k+1.
    Engine e;
    QVERIFY(e.load(R"py(import asyncio


async def setter(fut):
    for i in range(3):
        await asyncio.sleep(0)
    print("setting")
    fut.set_result("value")
    print("set; waiter not resumed yet")


async def waiter(fut):
    print("waiting")
    print("waiter got", await fut)


async def main():
    fut = asyncio.get_running_loop().create_future()
    await asyncio.gather(waiter(fut), setter(fut))


asyncio.run(main())
)py",
        "t.py"));
    const auto iteration = iterationOfEvents(e);
    const int setting = printIndex(e, "setting");
    const int got = printIndex(e, "waiter got value");
    QVERIFY(setting >= 0 && got > setting);
    QCOMPARE(iteration[std::size_t(got)], iteration[std::size_t(setting)] + 1);
    int wake = -1;
    const auto &ev = e.trace().events();
    for (std::size_t i = 0; i < ev.size(); ++i)
        if (ev[i].kind == EventKind::Wake && ev[i].other == 2)
            wake = int(i);
    QVERIFY(wake > setting);
    QCOMPARE(ev[std::size_t(wake)].subject, 3u); // the setter task woke the waiter
    QCOMPARE(iteration[std::size_t(wake)], iteration[std::size_t(setting)]);
}

// The await a timeline labels reads the awaited task's name at the moment of the await: a task
// renamed with set_name() (or named by a task factory after its eager step) goes by its new name.
void TestTask::awaitingARenamedTaskNamesItByItsNewName()
{
    auto e = runScript(R"py(import asyncio


async def child():
    await asyncio.sleep(1)


async def main():
    u = asyncio.create_task(child())
    u.set_name("renamed")
    await u

asyncio.run(main())
)py");
    QCOMPARE(e->outcome(), Outcome::Finished);
    QStringList awaited;
    for (const auto &ev : e->trace().events())
        if (ev.kind == EventKind::Await && ev.subject == 1)
            awaited << QString::fromStdString(e->trace().text(ev.text));
    QVERIFY2(awaited.contains(QStringLiteral("renamed (child)")), qPrintable(awaited.join(u'|')));
    QVERIFY(!awaited.contains(QStringLiteral("Task-2 (child)")));
}

QTEST_GUILESS_MAIN(TestTask)
#include "tst_task.moc"
