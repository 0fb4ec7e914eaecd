// Tests for deadlock detection: nothing ready, no timer pending and the run not finished
// ends with Outcome::Deadlock; deadlockReport() says which task waits for what (by the
// script's variable names) and finds the wait-for cycle when there is one.
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

const char *const kEventNeverSet = R"py(import asyncio

# Deadlock without a cycle: main waits for an Event nobody sets; the helper's timer
# keeps the loop alive until it fires, then nothing is left.


async def helper(ev):
    await asyncio.sleep(1.5)
    print("helper ends without setting the event")


async def main():
    ev = asyncio.Event()
    asyncio.create_task(helper(ev))
    print("main waits")
    await ev.wait()
    print("never printed")


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kEventNeverSetTrace = R"trace(0.000 Task-1 step
0.000 Task-1 print main waits
0.000 Task-2 step
1.500 Task-2 step
1.500 Task-2 print helper ends without setting the event
1.500 - deadlock
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kEventNeverSetTrace311 = kEventNeverSetTrace;

const char *const kFutureAndParent = R"py(import asyncio

# Deadlocks through futures and tasks: a child awaits its parent while the parent awaits
# the child (a cycle of two tasks), and a third task waits on a future nobody sets.


async def child(parent):
    print("child awaits its parent")
    await parent


async def orphan(fut):
    await fut


async def main():
    fut = asyncio.get_running_loop().create_future()
    asyncio.create_task(orphan(fut))
    t = asyncio.create_task(child(asyncio.current_task()))
    await t


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kFutureAndParentTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.000 Task-3 step
0.000 Task-3 print child awaits its parent
0.000 - deadlock
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kFutureAndParentTrace311 = kFutureAndParentTrace;

const char *const kMainFinishesFirst = R"py(import asyncio

# No deadlock: main returns while a task still waits for an event. asyncio.run's
# shutdown cancels that task (its finally runs) and the module goes on.


async def forever(ev):
    try:
        await ev.wait()
    finally:
        print("forever: finally runs at shutdown")


async def main():
    ev = asyncio.Event()
    asyncio.create_task(forever(ev))
    await asyncio.sleep(0.5)
    print("main ends while a task still waits")


asyncio.run(main())
print("after asyncio.run")
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kMainFinishesFirstTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.500 Task-1 step
0.500 Task-1 print main ends while a task still waits
0.500 Task-2 step
0.500 Task-2 print forever: finally runs at shutdown
0.500 Task-3 step
0.500 Task-4 step
0.500 - print after asyncio.run
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kMainFinishesFirstTrace311 = kMainFinishesFirstTrace;

const char *const kQueueGetForever = R"py(import asyncio

# Deadlock without a cycle: the consumer waits on q.get() forever once the producer is
# done, and main waits for the consumer.


async def producer(q):
    for i in range(2):
        await asyncio.sleep(0.5)
        await q.put(i)


async def consumer(q):
    while True:
        item = await q.get()
        print("got", item)


async def main():
    q = asyncio.Queue()
    p = asyncio.create_task(producer(q))
    c = asyncio.create_task(consumer(q))
    await p
    print("producer done")
    await c


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kQueueGetForeverTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.000 Task-3 step
0.500 Task-2 step
0.500 Task-3 step
0.500 Task-3 print got 0
1.000 Task-2 step
1.000 Task-3 step
1.000 Task-3 print got 1
1.000 Task-1 step
1.000 Task-1 print producer done
1.000 - deadlock
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kQueueGetForeverTrace311 = kQueueGetForeverTrace;

const char *const kSemaphoreAndFullQueue = R"py(import asyncio

# Deadlock without a cycle: a semaphore acquired and never released, and a put() on a
# full queue. Neither has an owner task, so there is no wait-for edge.


async def user(sem, name):
    await sem.acquire()
    print(name, "acquired and never releases")


async def main():
    sem = asyncio.Semaphore(1)
    q = asyncio.Queue(maxsize=1)
    await q.put(0)
    await asyncio.gather(user(sem, "a"), user(sem, "b"), q.put(1))


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kSemaphoreAndFullQueueTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.000 Task-2 print a acquired and never releases
0.000 Task-3 step
0.000 Task-4 step
0.000 - deadlock
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kSemaphoreAndFullQueueTrace311 = kSemaphoreAndFullQueueTrace;

const char *const kThreeLockCycle = R"py(import asyncio

# Deadlock with a cycle of three tasks (x -> y -> z -> x); main waits for x outside the
# cycle, and an idle task that already finished is not part of the report.

a = asyncio.Lock()
b = asyncio.Lock()
c = asyncio.Lock()


async def philosopher(first, second):
    async with first:
        await asyncio.sleep(0.1)
        async with second:
            print("never")


async def idle():
    await asyncio.sleep(0.05)


async def main():
    asyncio.create_task(idle())
    x = asyncio.create_task(philosopher(a, b))
    asyncio.create_task(philosopher(b, c))
    asyncio.create_task(philosopher(c, a))
    await x


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kThreeLockCycleTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.000 Task-3 step
0.000 Task-4 step
0.000 Task-5 step
0.050 Task-2 step
0.100 Task-3 step
0.100 Task-4 step
0.100 Task-5 step
0.100 - deadlock
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kThreeLockCycleTrace311 = kThreeLockCycleTrace;

const char *const kTwoLocks = R"py(import asyncio

# Deadlock: alice holds lock_a and wants lock_b, bob holds lock_b and wants lock_a.
# Nothing is ready, no timer is pending and main is unfinished: '- deadlock', after
# which nothing runs (no finally, no shutdown, no module code).

lock_a = asyncio.Lock()
lock_b = asyncio.Lock()


async def alice():
    async with lock_a:
        await asyncio.sleep(0.1)
        try:
            async with lock_b:
                print("alice never gets here")
        finally:
            print("alice finally (never printed)")


async def bob():
    async with lock_b:
        await asyncio.sleep(0.2)
        async with lock_a:
            print("bob never gets here")


async def main():
    a = asyncio.create_task(alice())
    b = asyncio.create_task(bob())
    await a
    await b


asyncio.run(main())
print("never printed")
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kTwoLocksTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.000 Task-3 step
0.100 Task-2 step
0.200 Task-3 step
0.200 - deadlock
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kTwoLocksTrace311 = kTwoLocksTrace;

// ---- helpers ----------------------------------------------------------------------------------



bool mentions(const std::string &haystack, const std::string &needle)
{
    return haystack.find(needle) != std::string::npos;
}

// The report's entry for a task, or null.
const DeadlockReport::Blocked *blockedTask(const DeadlockReport &r, std::uint32_t task)
{
    const auto it = std::find_if(r.blocked.begin(), r.blocked.end(), [task](const auto &b) { return b.task == task; });
    return it == r.blocked.end() ? nullptr : &*it;
}

QList<std::uint32_t> cycleOf(const DeadlockReport &r)
{
    return QList<std::uint32_t>(r.cycle.begin(), r.cycle.end());
}

#define VERIFY_BLOCKED(report, id, name, coro, what, prim, holder, atLine)                                             \
    do {                                                                                                               \
        const DeadlockReport::Blocked *b_ = blockedTask((report), (id));                                               \
        QVERIFY2(b_, "task not in the deadlock report");                                                               \
        QCOMPARE(b_->taskName, std::string(name));                                                                     \
        QCOMPARE(b_->coroutine, std::string(coro));                                                                    \
        QCOMPARE(b_->waitsFor, std::string(what));                                                                     \
        QCOMPARE(b_->primitive, std::string(prim));                                                                    \
        QCOMPARE(b_->heldBy, std::uint32_t(holder));                                                                   \
        QCOMPARE(b_->line, (atLine));                                                                                  \
    } while (false)

} // namespace

class TestDeadlock : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void twoLockDeadlockMatchesCPython();
    void deadlockIsAnOutcomeWithExitStatusZero();
    void nothingRunsAfterADeadlock();
    void reportListsEachBlockedTaskWithWhatItAwaits();
    void twoLockDeadlockHasTheWaitForCycle();
    void threeLockCycleLeavesOutTasksOutsideIt();
    void eventNeverSetIsADeadlockWithoutACycle();
    void queueGetForeverIsADeadlockWithoutACycle();
    void semaphoreAndFullQueueAreDeadlocksWithoutACycle();
    void taskAwaitingItsAwaiterIsACycle();
    void noDeadlockOnceMainFinished();
    void deadlockReportMatchesTheTraceEvent();
};

void TestDeadlock::twoLockDeadlockMatchesCPython()
{
    COMPARE_WITH_CPYTHON(TwoLocks);
}

void TestDeadlock::deadlockIsAnOutcomeWithExitStatusZero()
{
    auto e = runScript(kTwoLocks);
    QCOMPARE(e->outcome(), Outcome::Deadlock);
    QVERIFY(e->finished());
    QCOMPARE(e->exitStatus(), 0);
    QVERIFY(!e->loop().hasReady());
    QVERIFY(!e->loop().hasTimers());
    QVERIFY(std::any_of(e->tasks().begin(), e->tasks().end(), [](const auto &t) { return !t->done(); }));
    QCOMPARE(e->loop().now(), std::int64_t(200000000));
}

void TestDeadlock::nothingRunsAfterADeadlock()
{
    auto e = runScript(kTwoLocks);
    QCOMPARE(e->output(), std::string()); // no finally, no module code after asyncio.run
    QVERIFY(e->trace().conformanceText().ends_with("0.200 Task-3 step\n0.200 - deadlock\n"));
    const std::size_t events = e->trace().size();
    const int steps = e->stepCount();
    QVERIFY(!e->step());
    QVERIFY(!e->runIteration());
    e->runToEnd();
    QCOMPARE(e->trace().size(), events);
    QCOMPARE(e->stepCount(), steps);
    QCOMPARE(e->outcome(), Outcome::Deadlock);
}

void TestDeadlock::reportListsEachBlockedTaskWithWhatItAwaits()
{
    auto e = runScript(kTwoLocks);
    const DeadlockReport &r = e->deadlockReport();
    QCOMPARE(r.blocked.size(), std::size_t(3));
    VERIFY_BLOCKED(r, 2, "Task-2", "alice", "lock_b.acquire()", "lock_b", 3, 15);
    VERIFY_BLOCKED(r, 3, "Task-3", "bob", "lock_a.acquire()", "lock_a", 2, 24);
    const DeadlockReport::Blocked *main = blockedTask(r, 1);
    QVERIFY(main);
    QCOMPARE(main->coroutine, std::string("main"));
    QVERIFY(mentions(main->waitsFor, "Task-2"));
    QCOMPARE(main->heldBy, 2u); // main awaits alice's task
    QCOMPARE(main->line, 31);
}

void TestDeadlock::twoLockDeadlockHasTheWaitForCycle()
{
    auto e = runScript(kTwoLocks);
    const DeadlockReport &r = e->deadlockReport();
    // alice waits for lock_b held by bob, bob for lock_a held by alice; first repeated.
    QCOMPARE(cycleOf(r), (QList<std::uint32_t> {2, 3, 2}));
    for (const char *word : {"lock_a", "lock_b", "alice", "bob", "Task-2", "Task-3"})
        QVERIFY2(mentions(r.text, word), word);
}

void TestDeadlock::threeLockCycleLeavesOutTasksOutsideIt()
{
    COMPARE_WITH_CPYTHON(ThreeLockCycle);
    auto e = runScript(kThreeLockCycle);
    const DeadlockReport &r = e->deadlockReport();
    QCOMPARE(e->outcome(), Outcome::Deadlock);
    // main waits for x from outside the cycle; the idle task finished and is not listed.
    QCOMPARE(r.blocked.size(), std::size_t(4));
    QVERIFY(!blockedTask(r, 2));
    VERIFY_BLOCKED(r, 3, "Task-3", "philosopher", "b.acquire()", "b", 4, 14);
    VERIFY_BLOCKED(r, 4, "Task-4", "philosopher", "c.acquire()", "c", 5, 14);
    VERIFY_BLOCKED(r, 5, "Task-5", "philosopher", "a.acquire()", "a", 3, 14);
    QCOMPARE(cycleOf(r), (QList<std::uint32_t> {3, 4, 5, 3}));
}

void TestDeadlock::eventNeverSetIsADeadlockWithoutACycle()
{
    COMPARE_WITH_CPYTHON(EventNeverSet);
    auto e = runScript(kEventNeverSet);
    const DeadlockReport &r = e->deadlockReport();
    QCOMPARE(e->outcome(), Outcome::Deadlock);
    QCOMPARE(r.blocked.size(), std::size_t(1)); // the helper finished
    VERIFY_BLOCKED(r, 1, "Task-1", "main", "ev.wait()", "ev", 0, 16);
    QVERIFY(r.cycle.empty());
    QVERIFY(mentions(r.text, "ev.wait()"));
    QVERIFY(!mentions(r.text, "cycle"));
}

void TestDeadlock::queueGetForeverIsADeadlockWithoutACycle()
{
    COMPARE_WITH_CPYTHON(QueueGetForever);
    auto e = runScript(kQueueGetForever);
    const DeadlockReport &r = e->deadlockReport();
    QCOMPARE(r.blocked.size(), std::size_t(2));
    VERIFY_BLOCKED(r, 3, "Task-3", "consumer", "q.get()", "q", 0, 15);
    QCOMPARE(blockedTask(r, 1)->heldBy, 3u); // main awaits the consumer
    QVERIFY(r.cycle.empty());
    QCOMPARE(e->loop().now(), std::int64_t(1000000000));
}

void TestDeadlock::semaphoreAndFullQueueAreDeadlocksWithoutACycle()
{
    COMPARE_WITH_CPYTHON(SemaphoreAndFullQueue);
    auto e = runScript(kSemaphoreAndFullQueue);
    const DeadlockReport &r = e->deadlockReport();
    // main (gather), b on the semaphore, the q.put(1) task; a finished.
    QCOMPARE(r.blocked.size(), std::size_t(3));
    VERIFY_BLOCKED(r, 3, "Task-3", "user", "sem.acquire()", "sem", 0, 8);
    const DeadlockReport::Blocked *put = blockedTask(r, 4);
    QVERIFY(put);
    QCOMPARE(put->waitsFor, std::string("q.put()"));
    QCOMPARE(put->primitive, std::string("q"));
    QVERIFY(!blockedTask(r, 2));
    QVERIFY(r.cycle.empty());
}

void TestDeadlock::taskAwaitingItsAwaiterIsACycle()
{
    COMPARE_WITH_CPYTHON(FutureAndParent);
    auto e = runScript(kFutureAndParent);
    const DeadlockReport &r = e->deadlockReport();
    QCOMPARE(r.blocked.size(), std::size_t(3));
    QCOMPARE(cycleOf(r), (QList<std::uint32_t> {1, 3, 1}));
    QCOMPARE(blockedTask(r, 1)->heldBy, 3u);
    QCOMPARE(blockedTask(r, 3)->heldBy, 1u);
    // The orphan waits on a plain future: no primitive, no holder.
    const DeadlockReport::Blocked *orphan = blockedTask(r, 2);
    QVERIFY(orphan);
    QCOMPARE(orphan->coroutine, std::string("orphan"));
    QCOMPARE(orphan->waitsFor, std::string("future"));
    QCOMPARE(orphan->primitive, std::string());
    QCOMPARE(orphan->heldBy, 0u);
    QCOMPARE(orphan->line, 13);
}

void TestDeadlock::noDeadlockOnceMainFinished()
{
    COMPARE_WITH_CPYTHON(MainFinishesFirst);
    auto e = runScript(kMainFinishesFirst);
    QCOMPARE(e->outcome(), Outcome::Finished);
    QVERIFY(e->deadlockReport().blocked.empty());
    QVERIFY(e->deadlockReport().cycle.empty());
    QCOMPARE(e->deadlockReport().text, std::string());
    QVERIFY(mentions(e->output(), "forever: finally runs at shutdown\nafter asyncio.run\n"));
    QVERIFY(e->tasks()[1]->cancelled());
}

void TestDeadlock::deadlockReportMatchesTheTraceEvent()
{
    auto e = runScript(kQueueGetForever);
    const auto &events = e->trace().events();
    QCOMPARE(events.back().kind, EventKind::Deadlock);
    QCOMPARE(events.back().time, std::int64_t(1000000000));
    QCOMPARE(e->trace().text(events.back().text), e->deadlockReport().text);
    for (const auto &b : e->deadlockReport().blocked) {
        QVERIFY(mentions(e->deadlockReport().text, b.taskName + " " + b.coroutine));
        QVERIFY(mentions(e->deadlockReport().text, b.waitsFor));
    }
}

QTEST_GUILESS_MAIN(TestDeadlock)
#include "tst_deadlock.moc"
