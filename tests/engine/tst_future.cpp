// Tests for futures (semantics rules B6-B7): done-callbacks through the ready queue, the
// one-shot state machine and its errors, and awaiting done and pending futures, both on the
// C++ Future and from scripts.
//
// The k...Trace constants are what CPython 3.12.1 and 3.11.7 print for the script k... under
// the reference harness (PYTHONHASHSEED=0 ~/.pyenv/versions/3.12.1/bin/python3
// tests/conformance/harness/vloop.py SCRIPT.py); the engine's conformance trace must be
// identical under the matching profile.
#include "enginetest.h"
#include "engine/task.h"

#include <QtTest>

#include <algorithm>
#include <memory>
#include <string>

using namespace loopscope;
using namespace enginetest;

namespace {

const char *const kAddDoneCallbackOnDoneFuture = R"py(import asyncio

# B6: add_done_callback() on a future that is already done call_soon()s the callback at
# once: it runs in the next iteration, in the order the callbacks were added, never
# synchronously inside add_done_callback().


def make(name):
    def cb(fut):
        print("cb", name, fut.done(), fut.cancelled())
    return cb


async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result(None)
    done.add_done_callback(make("first"))
    print("added first")
    cancelled = loop.create_future()
    cancelled.cancel()
    cancelled.add_done_callback(make("on cancelled"))
    done.add_done_callback(make("second"))
    print("added all; none ran yet")
    await asyncio.sleep(0)
    print("main after one iteration")


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kAddDoneCallbackOnDoneFutureTrace = R"trace(0.000 Task-1 step
0.000 Task-1 print added first
0.000 Task-1 print added all; none ran yet
0.000 - print cb first True False
0.000 - print cb on cancelled True True
0.000 - print cb second True False
0.000 Task-1 step
0.000 Task-1 print main after one iteration
0.000 Task-2 step
0.000 Task-3 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kAddDoneCallbackOnDoneFutureTrace311 = kAddDoneCallbackOnDoneFutureTrace;

const char *const kAwaitDoneFutureNoYield = R"py(import asyncio

# B7: awaiting a done future returns (or raises) at once, without yielding: main keeps
# running, the ticker does not get a turn. Awaiting a pending future yields, and the task
# resumes one iteration after the future was finished (by a call_soon callback here).


async def ticker():
    for i in range(4):
        print("tick", i)
        await asyncio.sleep(0)


async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    done = loop.create_future()
    done.set_result("ready")
    print("awaited done future:", await done)
    print("again:", await done)
    failed = loop.create_future()
    failed.set_exception(ValueError("boom"))
    try:
        await failed
    except ValueError as e:
        print("raised without yielding:", e)
    pending = loop.create_future()
    loop.call_soon(pending.set_result, "later")
    print("awaited pending future:", await pending)
    await t


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kAwaitDoneFutureNoYieldTrace = R"trace(0.000 Task-1 step
0.000 Task-1 print awaited done future: ready
0.000 Task-1 print again: ready
0.000 Task-1 print raised without yielding: boom
0.000 Task-2 step
0.000 Task-2 print tick 0
0.000 Task-2 step
0.000 Task-2 print tick 1
0.000 Task-1 step
0.000 Task-1 print awaited pending future: later
0.000 Task-2 step
0.000 Task-2 print tick 2
0.000 Task-2 step
0.000 Task-2 print tick 3
0.000 Task-2 step
0.000 Task-1 step
0.000 Task-3 step
0.000 Task-4 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kAwaitDoneFutureNoYieldTrace311 = kAwaitDoneFutureNoYieldTrace;

const char *const kCancelledFutureWaiters = R"py(import asyncio

# B6: cancel(msg) runs the done-callbacks like set_result: every waiter resumes one
# iteration later with CancelledError(msg), callbacks interleaved in registration order;
# an exception in a callback is logged and the loop goes on.


def make(name):
    def cb(fut):
        print("cb", name, fut.cancelled())
    return cb


def bad(fut):
    print("bad callback raises")
    raise ValueError("in callback")


async def waiter(fut, name):
    try:
        await fut
    except asyncio.CancelledError as e:
        print(name, "got", repr(e))


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(make("first"))
    w1 = asyncio.create_task(waiter(fut, "w1"))
    await asyncio.sleep(0)
    fut.add_done_callback(bad)
    fut.add_done_callback(make("after w1"))
    removed = make("removed")
    fut.add_done_callback(removed)
    fut.add_done_callback(removed)
    print("remove_done_callback:", fut.remove_done_callback(removed))
    w2 = asyncio.create_task(waiter(fut, "w2"))
    await asyncio.sleep(0)
    print("cancel:", fut.cancel("gone"))
    await asyncio.gather(w1, w2)
    try:
        fut.exception()
    except asyncio.CancelledError as e:
        print("exception() of cancelled:", repr(e))


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kCancelledFutureWaitersTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.000 Task-1 step
0.000 Task-1 print remove_done_callback: 2
0.000 Task-3 step
0.000 Task-1 step
0.000 Task-1 print cancel: True
0.000 - print cb first True
0.000 Task-2 step
0.000 Task-2 print w1 got CancelledError('gone')
0.000 - print bad callback raises
0.000 - print cb after w1 True
0.000 Task-3 step
0.000 Task-3 print w2 got CancelledError('gone')
0.000 Task-1 step
0.000 Task-1 print exception() of cancelled: CancelledError('gone')
0.000 Task-4 step
0.000 Task-5 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kCancelledFutureWaitersTrace311 = kCancelledFutureWaitersTrace;

const char *const kDoneCallbacksOrder = R"py(import asyncio

# B6: set_result() call_soon()s every done-callback, in registration order, after what
# is already ready (here: the new task's first step); the callbacks run outside any task.
# A task awaiting the future registered its wakeup in between, so it runs in between.


def make(name):
    def cb(fut):
        print("cb", name, fut.result())
    return cb


async def other():
    print("other task: first step")


async def waiter(fut):
    print("waiter resumed with", await fut)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(make("a"))
    asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    fut.add_done_callback(make("b"))
    fut.add_done_callback(make("c"))
    asyncio.create_task(other())
    fut.set_result(42)
    print("set_result returned; no callback has run yet")
    await asyncio.sleep(0)
    print("main: one iteration later")


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kDoneCallbacksOrderTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.000 Task-1 step
0.000 Task-1 print set_result returned; no callback has run yet
0.000 Task-3 step
0.000 Task-3 print other task: first step
0.000 - print cb a 42
0.000 Task-2 step
0.000 Task-2 print waiter resumed with 42
0.000 - print cb b 42
0.000 - print cb c 42
0.000 Task-1 step
0.000 Task-1 print main: one iteration later
0.000 Task-4 step
0.000 Task-5 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kDoneCallbacksOrderTrace311 = kDoneCallbacksOrderTrace;

const char *const kInvalidState = R"py(import asyncio

# B6/B7: a future finishes once. set_result/set_exception on a done future raise
# InvalidStateError; result()/exception() of a pending one too; cancel() of a done
# future returns False and changes nothing; a cancelled future's result() raises
# CancelledError with the cancel message.


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print("second set_result:", type(e).__name__, e)
    try:
        fut.set_exception(ValueError("late"))
    except asyncio.InvalidStateError as e:
        print("set_exception after set_result:", type(e).__name__, e)
    print("result kept:", fut.result())
    print("cancel of done:", fut.cancel(), fut.cancelled(), fut.result())
    pending = loop.create_future()
    try:
        pending.result()
    except asyncio.InvalidStateError as e:
        print("result() of pending:", type(e).__name__)
    try:
        pending.exception()
    except asyncio.InvalidStateError as e:
        print("exception() of pending:", type(e).__name__, e)
    print("cancel of pending:", pending.cancel("gone"), pending.cancelled(), pending.done())
    print("cancel again:", pending.cancel())
    try:
        pending.result()
    except asyncio.CancelledError as e:
        print("result() of cancelled:", repr(e))
    try:
        pending.set_result(3)
    except asyncio.InvalidStateError as e:
        print("set_result on cancelled:", type(e).__name__, e)
    failed = loop.create_future()
    failed.set_exception(KeyError("k"))
    print("exception():", repr(failed.exception()))
    try:
        failed.result()
    except KeyError as e:
        print("result() raises", repr(e))


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kInvalidStateTrace = R"trace(0.000 Task-1 step
0.000 Task-1 print second set_result: InvalidStateError invalid state
0.000 Task-1 print set_exception after set_result: InvalidStateError invalid state
0.000 Task-1 print result kept: 1
0.000 Task-1 print cancel of done: False False 1
0.000 Task-1 print result() of pending: InvalidStateError
0.000 Task-1 print exception() of pending: InvalidStateError Exception is not set.
0.000 Task-1 print cancel of pending: True True True
0.000 Task-1 print cancel again: False
0.000 Task-1 print result() of cancelled: CancelledError('gone')
0.000 Task-1 print set_result on cancelled: InvalidStateError invalid state
0.000 Task-1 print exception(): KeyError('k')
0.000 Task-1 print result() raises KeyError('k')
0.000 Task-2 step
0.000 Task-3 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kInvalidStateTrace311 = kInvalidStateTrace;

// ---- helpers ----------------------------------------------------------------------------------



// An engine with an (empty) script loaded, for driving futures from C++.
std::unique_ptr<Engine> idleEngine()
{
    auto e = std::make_unique<Engine>();
    e->load("", "t.py");
    return e;
}

// A native done-callback that appends `label` to `log`.
DoneCallback logTo(QList<int> &log, int label)
{
    DoneCallback cb;
    cb.fn = [&log, label](const Ref<Future> &) { log.append(label); };
    cb.description = "callback " + std::to_string(label);
    return cb;
}

int runReady(EventLoop &loop)
{
    int n = 0;
    while (loop.hasReady()) {
        auto h = loop.popReady();
        if (!h->cancelled && h->callback) {
            h->callback();
            ++n;
        }
    }
    return n;
}

// The Python exception type a ScriptError carries.
std::string errorType(Engine &e, const script::ScriptError &err)
{
    return e.interpreter().typeName(err.exception);
}

int stepsOf(const Engine &e, std::uint32_t task)
{
    const auto &ev = e.trace().events();
    return int(std::count_if(ev.begin(), ev.end(),
        [task](const TraceEvent &x) { return x.kind == EventKind::StepBegin && x.subject == task; }));
}

int awaitsOf(const Engine &e, std::uint32_t task)
{
    const auto &ev = e.trace().events();
    return int(std::count_if(
        ev.begin(), ev.end(), [task](const TraceEvent &x) { return x.kind == EventKind::Await && x.subject == task; }));
}



} // namespace

class TestFuture : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // ---- the C++ Future ----
    void setResultQueuesDoneCallbacksInRegistrationOrder();
    void callbacksDoNotRunInsideSetResult();
    void addDoneCallbackOnADoneFutureQueuesItAtOnce();
    void cancelQueuesDoneCallbacksLikeSetResult();
    void setResultTwiceRaisesInvalidStateError();
    void resultOfAPendingFutureRaisesInvalidStateError();
    void cancelOfADoneFutureReturnsFalse();
    void removeNativeCallbacksDropsOnlyMatchingOnes();

    // ---- futures seen from scripts ----
    void doneCallbacksRunInRegistrationOrderAfterReadyHandles();
    void addDoneCallbackOnADoneFutureSchedulesAtOnce();
    void invalidStateErrorsMatchCPython();
    void resultOfPendingFutureSaysResultIsNotSet();
    void awaitingADoneFutureDoesNotYield();
    void awaitingADoneFutureRecordsNoStepAndNoAwait();
    void awaitingAPendingFutureResumesOneIterationAfterItFinished();
    void cancelledFutureWakesEveryWaiterWithItsMessage();
    void exceptionInADoneCallbackIsLoggedAndTheLoopGoesOn();
};

// ---- the C++ Future ---------------------------------------------------------------------------

void TestFuture::setResultQueuesDoneCallbacksInRegistrationOrder()
{
    auto e = idleEngine();
    QList<int> ran;
    auto fut = script::make<Future>(*e);
    for (int i = 1; i <= 4; ++i)
        fut->addDoneCallback(logTo(ran, i));
    e->loop().callSoon([&ran] { ran.append(0); }); // already ready: runs first (rule B6)
    fut->setResult(Value::integer(7));
    QVERIFY(fut->done());
    QCOMPARE(e->loop().readyCount(), std::size_t(5));
    QCOMPARE(runReady(e->loop()), 5);
    QCOMPARE(ran, (QList<int> {0, 1, 2, 3, 4}));
    // The list was cleared: nothing runs twice.
    QCOMPARE(e->loop().readyCount(), std::size_t(0));
}

void TestFuture::callbacksDoNotRunInsideSetResult()
{
    auto e = idleEngine();
    QList<int> ran;
    auto fut = script::make<Future>(*e);
    fut->addDoneCallback(logTo(ran, 1));
    fut->setResult(Value());
    QVERIFY(ran.isEmpty());
    QCOMPARE(e->loop().readyCount(), std::size_t(1));
    QCOMPARE(e->loop().ready().front()->source.get(), fut.get());
}

void TestFuture::addDoneCallbackOnADoneFutureQueuesItAtOnce()
{
    auto e = idleEngine();
    QList<int> ran;
    auto fut = script::make<Future>(*e);
    fut->setResult(Value::integer(1));
    QCOMPARE(e->loop().readyCount(), std::size_t(0));
    fut->addDoneCallback(logTo(ran, 1));
    fut->addDoneCallback(logTo(ran, 2));
    QVERIFY(ran.isEmpty());
    QCOMPARE(e->loop().readyCount(), std::size_t(2));
    runReady(e->loop());
    QCOMPARE(ran, (QList<int> {1, 2}));
}

void TestFuture::cancelQueuesDoneCallbacksLikeSetResult()
{
    auto e = idleEngine();
    QList<int> ran;
    auto fut = script::make<Future>(*e);
    fut->addDoneCallback(logTo(ran, 1));
    fut->addDoneCallback(logTo(ran, 2));
    QVERIFY(fut->cancel(script::str("bye")));
    QVERIFY(fut->cancelled());
    QCOMPARE(e->loop().readyCount(), std::size_t(2));
    runReady(e->loop());
    QCOMPARE(ran, (QList<int> {1, 2}));
    QVERIFY(!fut->cancel());
}

void TestFuture::setResultTwiceRaisesInvalidStateError()
{
    auto e = idleEngine();
    auto fut = script::make<Future>(*e);
    fut->setResult(Value::integer(1));
    try {
        fut->setResult(Value::integer(2));
        QFAIL("set_result on a done future did not raise");
    } catch (const script::ScriptError &err) {
        QCOMPARE(errorType(*e, err), std::string("InvalidStateError"));
    }
    try {
        fut->setException(e->interpreter().makeException(script::exc::valueError(), "x"));
        QFAIL("set_exception on a done future did not raise");
    } catch (const script::ScriptError &err) {
        QCOMPARE(errorType(*e, err), std::string("InvalidStateError"));
    }
    QCOMPARE(fut->result().asInt(), std::int64_t(1));
}

void TestFuture::resultOfAPendingFutureRaisesInvalidStateError()
{
    auto e = idleEngine();
    auto fut = script::make<Future>(*e);
    try {
        fut->result();
        QFAIL("result() of a pending future did not raise");
    } catch (const script::ScriptError &err) {
        QCOMPARE(errorType(*e, err), std::string("InvalidStateError"));
    }
    try {
        fut->exception();
        QFAIL("exception() of a pending future did not raise");
    } catch (const script::ScriptError &err) {
        QCOMPARE(errorType(*e, err), std::string("InvalidStateError"));
        QCOMPARE(e->interpreter().exceptionMessage(err.exception), std::string("Exception is not set."));
    }
}

void TestFuture::cancelOfADoneFutureReturnsFalse()
{
    auto e = idleEngine();
    QList<int> ran;
    auto fut = script::make<Future>(*e);
    fut->setResult(Value::integer(3));
    fut->addDoneCallback(logTo(ran, 1));
    runReady(e->loop());
    QVERIFY(!fut->cancel());
    QVERIFY(!fut->cancelled());
    QCOMPARE(fut->state(), Future::State::Finished);
    QCOMPARE(fut->result().asInt(), std::int64_t(3));
    QCOMPARE(e->loop().readyCount(), std::size_t(0)); // no callback runs again
}

void TestFuture::removeNativeCallbacksDropsOnlyMatchingOnes()
{
    auto e = idleEngine();
    QList<int> ran;
    auto fut = script::make<Future>(*e);
    fut->addDoneCallback(logTo(ran, 1));
    fut->addDoneCallback(logTo(ran, 2));
    fut->addDoneCallback(logTo(ran, 1));
    fut->removeNativeCallbacks(HandleKind::Callback, "callback 1");
    fut->setResult(Value());
    runReady(e->loop());
    QCOMPARE(ran, (QList<int> {2}));
}

// ---- futures seen from scripts ----------------------------------------------------------------

void TestFuture::doneCallbacksRunInRegistrationOrderAfterReadyHandles()
{
    COMPARE_WITH_CPYTHON(DoneCallbacksOrder);
}

void TestFuture::addDoneCallbackOnADoneFutureSchedulesAtOnce()
{
    COMPARE_WITH_CPYTHON(AddDoneCallbackOnDoneFuture);
    // The callbacks ran in the iteration right after the one that added them.
    Engine e;
    QVERIFY(e.load(kAddDoneCallbackOnDoneFuture, "t.py"));
    const auto iteration = iterationOfEvents(e);
    const int added = printIndex(e, "added all; none ran yet");
    const int first = printIndex(e, "cb first True False");
    const int second = printIndex(e, "cb second True False");
    QVERIFY(added >= 0 && first > added && second > first);
    QCOMPARE(iteration[std::size_t(first)], iteration[std::size_t(added)] + 1);
    QCOMPARE(iteration[std::size_t(second)], iteration[std::size_t(added)] + 1);
}

void TestFuture::invalidStateErrorsMatchCPython()
{
    COMPARE_WITH_CPYTHON(InvalidState);
}

void TestFuture::resultOfPendingFutureSaysResultIsNotSet()
{
    // CPython's futures (the C _asyncio.Future and Task, 3.11 and 3.12):
    // InvalidStateError('Result is not set.').
    auto e = runScript(R"py(import asyncio


async def main():
    try:
        asyncio.get_running_loop().create_future().result()
    except asyncio.InvalidStateError as e:
        print(type(e).__name__)
        print(e)


asyncio.run(main())
)py");
    QCOMPARE(e->outcome(), Outcome::Finished);
    QVERIFY(e->output().starts_with("InvalidStateError\n"));
    QCOMPARE(e->output(), std::string("InvalidStateError\nResult is not set.\n"));
}

void TestFuture::awaitingADoneFutureDoesNotYield()
{
    COMPARE_WITH_CPYTHON(AwaitDoneFutureNoYield);
}

void TestFuture::awaitingADoneFutureRecordsNoStepAndNoAwait()
{
    auto e = runScript(R"py(import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.set_result(1)
    total = 0
    for i in range(5):
        total += await fut
    failed = loop.create_future()
    failed.set_exception(ValueError("x"))
    try:
        await failed
    except ValueError:
        total += 10
    print(total)


asyncio.run(main())
)py");
    QCOMPARE(e->output(), std::string("15\n"));
    QCOMPARE(stepsOf(*e, 1), 1); // main ran in one step
    QCOMPARE(awaitsOf(*e, 1), 0);
}

void TestFuture::awaitingAPendingFutureResumesOneIterationAfterItFinished()
{
    Engine e;
    QVERIFY(e.load(R"py(import asyncio


def finish(fut):
    print("finishing")
    fut.set_result("done")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(1, finish, fut)
    print("awaiting")
    print("got", await fut)


asyncio.run(main())
)py",
        "t.py"));
    const auto iteration = iterationOfEvents(e);
    const int awaiting = printIndex(e, "awaiting");
    const int finishing = printIndex(e, "finishing");
    const int got = printIndex(e, "got done");
    QVERIFY(awaiting >= 0 && finishing > awaiting && got > finishing);
    QCOMPARE(iteration[std::size_t(got)], iteration[std::size_t(finishing)] + 1);
    // main yielded the future: one Await naming it, and a second step through the wakeup.
    QCOMPARE(awaitsOf(e, 1), 1);
    QCOMPARE(stepsOf(e, 1), 2);
    bool wokeByFuture = false;
    for (const auto &ev : e.trace().events())
        if (ev.kind == EventKind::StepBegin && ev.subject == 1 && ev.aux == std::uint8_t(StepCause::Wakeup))
            wokeByFuture = true;
    QVERIFY(wokeByFuture);
}

void TestFuture::cancelledFutureWakesEveryWaiterWithItsMessage()
{
    COMPARE_WITH_CPYTHON(CancelledFutureWaiters);
}

void TestFuture::exceptionInADoneCallbackIsLoggedAndTheLoopGoesOn()
{
    auto e = runScript(kCancelledFutureWaiters);
    QCOMPARE(e->outcome(), Outcome::Finished);
    QCOMPARE(e->exitStatus(), 0);
    QVERIFY(e->errors().find("ValueError: in callback") != std::string::npos);
    int warnings = 0;
    for (const auto &ev : e->trace().events())
        if (ev.kind == EventKind::Warning)
            ++warnings;
    QCOMPARE(warnings, 1);
    QVERIFY(e->output().find("cb after w1 True\n") != std::string::npos);
}

QTEST_GUILESS_MAIN(TestFuture)
#include "tst_future.moc"
