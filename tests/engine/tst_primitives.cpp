// Tests for asyncio's synchronization primitives (semantics rules E23-F30) through scripts:
// Queue (FIFO, no handoff, bounded puts, task_done/join, nowait errors), Lock (FIFO, no
// barging, release errors), Event (set wakes all, clear), Semaphore (strict FIFO handoff,
// BoundedSemaphore) and `async with` cleanup.
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

const char *const kAsyncWithCleanup = R"py(import asyncio

# F27/F30: `async with lock:` / `async with sem:` run __aexit__ (release) when the body
# raises and when the task is cancelled inside the body; a waiter gets it next.


async def failing(prim, name):
    async with prim:
        print(name, "inside; raising")
        raise ValueError(name)


async def sleeper(prim, name):
    try:
        async with prim:
            print(name, "inside; sleeping")
            await asyncio.sleep(5)
            print("never")
    finally:
        print(name, "finally")


async def waiter(prim, name):
    async with prim:
        print(name, "got in at", asyncio.get_running_loop().time())


async def main():
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(1)
    for prim, name in [(lock, "lock"), (sem, "sem")]:
        try:
            await failing(prim, name)
        except ValueError as e:
            print("body raised", repr(e), "locked:", prim.locked())
        s = asyncio.create_task(sleeper(prim, name))
        await asyncio.sleep(0)
        w = asyncio.create_task(waiter(prim, name + " waiter"))
        await asyncio.sleep(1)
        s.cancel()
        try:
            await s
        except asyncio.CancelledError:
            print(name, "sleeper cancelled; locked:", prim.locked())
        await w
        print(name, "locked after all:", prim.locked())


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kAsyncWithCleanupTrace = R"trace(0.000 Task-1 step
0.000 Task-1 print lock inside; raising
0.000 Task-1 print body raised ValueError('lock') locked: False
0.000 Task-2 step
0.000 Task-2 print lock inside; sleeping
0.000 Task-1 step
0.000 Task-3 step
1.000 Task-1 step
1.000 Task-2 step
1.000 Task-2 print lock finally
1.000 Task-3 step
1.000 Task-3 print lock waiter got in at 1.0
1.000 Task-1 step
1.000 Task-1 print lock sleeper cancelled; locked: False
1.000 Task-1 print lock locked after all: False
1.000 Task-1 print sem inside; raising
1.000 Task-1 print body raised ValueError('sem') locked: False
1.000 Task-4 step
1.000 Task-4 print sem inside; sleeping
1.000 Task-1 step
1.000 Task-5 step
2.000 Task-1 step
2.000 Task-4 step
2.000 Task-4 print sem finally
2.000 Task-5 step
2.000 Task-5 print sem waiter got in at 2.0
2.000 Task-1 step
2.000 Task-1 print sem sleeper cancelled; locked: False
2.000 Task-1 print sem locked after all: False
2.000 Task-6 step
2.000 Task-7 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kAsyncWithCleanupTrace311 = kAsyncWithCleanupTrace;

const char *const kBoundedQueue = R"py(import asyncio

# E23/E24/E26: put() on a full queue blocks; each get wakes ONE putter, in the order they
# blocked. task_done()/join(): join waits until every item put was marked done; join with
# nothing unfinished and the fast paths of put/get do not yield.


async def producer(q, name, items):
    for it in items:
        print(name, "puts", it, "qsize", q.qsize(), "full", q.full())
        await q.put(it)
        print(name, "put", it)


async def consumer(q, n):
    for i in range(n):
        item = await q.get()
        print("got", item, "qsize", q.qsize())
        await asyncio.sleep(0.1)
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    print("empty", q.empty(), "full", q.full(), "qsize", q.qsize())
    asyncio.create_task(producer(q, "p1", ["a", "b", "c"]))
    asyncio.create_task(producer(q, "p2", ["x", "y"]))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("both producers blocked: qsize", q.qsize(), "full", q.full())
    c = asyncio.create_task(consumer(q, 5))
    await q.join()
    print("joined at", asyncio.get_running_loop().time(), "empty", q.empty())
    await q.join()
    print("second join did not yield")
    await c


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kBoundedQueueTrace = R"trace(0.000 Task-1 step
0.000 Task-1 print empty True full False qsize 0
0.000 Task-2 step
0.000 Task-2 print p1 puts a qsize 0 full False
0.000 Task-2 print p1 put a
0.000 Task-2 print p1 puts b qsize 1 full False
0.000 Task-2 print p1 put b
0.000 Task-2 print p1 puts c qsize 2 full True
0.000 Task-3 step
0.000 Task-3 print p2 puts x qsize 2 full True
0.000 Task-1 step
0.000 Task-1 step
0.000 Task-1 print both producers blocked: qsize 2 full True
0.000 Task-4 step
0.000 Task-4 print got a qsize 1
0.000 Task-2 step
0.000 Task-2 print p1 put c
0.100 Task-4 step
0.100 Task-4 print got b qsize 1
0.100 Task-3 step
0.100 Task-3 print p2 put x
0.100 Task-3 print p2 puts y qsize 2 full True
0.200 Task-4 step
0.200 Task-4 print got c qsize 1
0.200 Task-3 step
0.200 Task-3 print p2 put y
0.300 Task-4 step
0.300 Task-4 print got x qsize 1
0.400 Task-4 step
0.400 Task-4 print got y qsize 0
0.500 Task-4 step
0.500 Task-1 step
0.500 Task-1 print joined at 0.5 empty True
0.500 Task-1 print second join did not yield
0.500 Task-5 step
0.500 Task-6 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kBoundedQueueTrace311 = kBoundedQueueTrace;

const char *const kEventSetClear = R"py(import asyncio

# F28: set() wakes every waiter, FIFO, one iteration later; clear() right after set()
# does not un-wake them (they see is_set() False); wait() on a set event does not yield.


async def waiter(ev, name):
    print(name, "waits")
    r = await ev.wait()
    print(name, "woke", r, "is_set", ev.is_set())


async def main():
    ev = asyncio.Event()
    ts = []
    for name in ["w1", "w2", "w3"]:
        ts.append(asyncio.create_task(waiter(ev, name)))
    await asyncio.sleep(0)
    print("set twice, then clear")
    ev.set()
    ev.set()
    ev.clear()
    print("is_set", ev.is_set())
    await asyncio.gather(*ts)
    late = asyncio.create_task(waiter(ev, "late"))
    await asyncio.sleep(0.5)
    ev.set()
    await late
    print("wait on a set event:", await ev.wait())


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kEventSetClearTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.000 Task-2 print w1 waits
0.000 Task-3 step
0.000 Task-3 print w2 waits
0.000 Task-4 step
0.000 Task-4 print w3 waits
0.000 Task-1 step
0.000 Task-1 print set twice, then clear
0.000 Task-1 print is_set False
0.000 Task-2 step
0.000 Task-2 print w1 woke True is_set False
0.000 Task-3 step
0.000 Task-3 print w2 woke True is_set False
0.000 Task-4 step
0.000 Task-4 print w3 woke True is_set False
0.000 Task-1 step
0.000 Task-5 step
0.000 Task-5 print late waits
0.500 Task-1 step
0.500 Task-5 step
0.500 Task-5 print late woke True is_set True
0.500 Task-1 step
0.500 Task-1 print wait on a set event: True
0.500 Task-6 step
0.500 Task-7 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kEventSetClearTrace311 = kEventSetClearTrace;

const char *const kLockFifo = R"py(import asyncio

# F27: Lock is FIFO with no barging: a task that releases and at once re-acquires queues
# behind the waiters that were already there; release() of an unlocked lock raises.


async def user(lock, name, hold):
    print(name, "wants the lock; locked:", lock.locked())
    await lock.acquire()
    print(name, "acquired")
    await asyncio.sleep(hold)
    lock.release()
    print(name, "released")


async def greedy(lock):
    async with lock:
        print("greedy has it")
        await asyncio.sleep(0.1)
    print("greedy released; re-acquires at once")
    async with lock:
        print("greedy again, after u1 and u2")


async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print("release of unlocked:", repr(e))
    g = asyncio.create_task(greedy(lock))
    u1 = asyncio.create_task(user(lock, "u1", 0.1))
    u2 = asyncio.create_task(user(lock, "u2", 0))
    await asyncio.gather(g, u1, u2)
    print("locked at the end:", lock.locked())


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kLockFifoTrace = R"trace(0.000 Task-1 step
0.000 Task-1 print release of unlocked: RuntimeError('Lock is not acquired.')
0.000 Task-2 step
0.000 Task-2 print greedy has it
0.000 Task-3 step
0.000 Task-3 print u1 wants the lock; locked: True
0.000 Task-4 step
0.000 Task-4 print u2 wants the lock; locked: True
0.100 Task-2 step
0.100 Task-2 print greedy released; re-acquires at once
0.100 Task-3 step
0.100 Task-3 print u1 acquired
0.200 Task-3 step
0.200 Task-3 print u1 released
0.200 Task-4 step
0.200 Task-4 print u2 acquired
0.200 Task-4 step
0.200 Task-4 print u2 released
0.200 Task-2 step
0.200 Task-2 print greedy again, after u1 and u2
0.200 Task-1 step
0.200 Task-1 print locked at the end: False
0.200 Task-5 step
0.200 Task-6 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kLockFifoTrace311 = kLockFifoTrace;

const char *const kPriorityQueueTies = R"py(import asyncio

# E26: PriorityQueue is heapq on its items: items that compare equal come out in heap
# order, which is not insertion order (1.0, 1 and True are all equal).


async def main():
    q = asyncio.PriorityQueue()
    for item in [2, 1.0, 1, True, 0, 1.0, 3, 1]:
        q.put_nowait(item)
    out = []
    while not q.empty():
        out.append(q.get_nowait())
    print(out)


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kPriorityQueueTiesTrace = R"trace(0.000 Task-1 step
0.000 Task-1 print [0, 1, 1.0, 1.0, True, 1, 2, 3]
0.000 Task-2 step
0.000 Task-3 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kPriorityQueueTiesTrace311 = kPriorityQueueTiesTrace;

const char *const kQueueErrors = R"py(import asyncio

# E23/E24/E26: the nowait variants raise QueueEmpty / QueueFull instead of waiting;
# task_done() more often than put() raises ValueError; LifoQueue pops the newest item.


async def main():
    q = asyncio.Queue(maxsize=1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("get_nowait on empty:", type(e).__name__, repr(e))
    q.put_nowait("only")
    try:
        q.put_nowait("one too many")
    except asyncio.QueueFull as e:
        print("put_nowait on full:", type(e).__name__, repr(e))
    print("qsize", q.qsize(), "full", q.full(), "empty", q.empty())
    print("get_nowait:", q.get_nowait())
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("task_done too many:", e)
    lq = asyncio.LifoQueue()
    for i in range(3):
        lq.put_nowait(i)
    print("lifo:", lq.get_nowait(), lq.get_nowait(), lq.get_nowait())


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kQueueErrorsTrace = R"trace(0.000 Task-1 step
0.000 Task-1 print get_nowait on empty: QueueEmpty QueueEmpty()
0.000 Task-1 print put_nowait on full: QueueFull QueueFull()
0.000 Task-1 print qsize 1 full True empty False
0.000 Task-1 print get_nowait: only
0.000 Task-1 print task_done too many: task_done() called too many times
0.000 Task-1 print lifo: 2 1 0
0.000 Task-2 step
0.000 Task-3 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kQueueErrorsTrace311 = kQueueErrorsTrace;

const char *const kQueueNoHandoff = R"py(import asyncio

# E23-E25: put_nowait() wakes the first getter but does not hand it the item. Two getters
# wait; the first step of a barger is queued before the put, so it takes "x"; the woken getter
# g1 finds the queue empty and re-queues at the END, behind g2, who gets "y".


async def getter(q, name):
    print(name, "waits")
    item = await q.get()
    print(name, "got", item)


async def barger(q):
    item = await q.get()
    print("barger took", item)


async def main():
    q = asyncio.Queue()
    asyncio.create_task(getter(q, "g1"))
    asyncio.create_task(getter(q, "g2"))
    await asyncio.sleep(0)
    asyncio.create_task(barger(q))
    q.put_nowait("x")
    print("main put x")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    q.put_nowait("y")
    print("main put y")
    await asyncio.sleep(0)
    q.put_nowait("z")
    print("main put z")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("queue empty:", q.empty())


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kQueueNoHandoffTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.000 Task-2 print g1 waits
0.000 Task-3 step
0.000 Task-3 print g2 waits
0.000 Task-1 step
0.000 Task-1 print main put x
0.000 Task-4 step
0.000 Task-4 print barger took x
0.000 Task-2 step
0.000 Task-1 step
0.000 Task-1 step
0.000 Task-1 print main put y
0.000 Task-3 step
0.000 Task-3 print g2 got y
0.000 Task-1 step
0.000 Task-1 print main put z
0.000 Task-2 step
0.000 Task-2 print g1 got z
0.000 Task-1 step
0.000 Task-1 step
0.000 Task-1 print queue empty: True
0.000 Task-5 step
0.000 Task-6 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kQueueNoHandoffTrace311 = kQueueNoHandoffTrace;

const char *const kSemaphoreFifo = R"py(import asyncio

# F30: Semaphore hands a released slot straight to the first waiter (value stays 0), so
# a newcomer cannot barge in even right after a release; BoundedSemaphore refuses to go
# above its initial value.


async def worker(sem, name, hold):
    print(name, "wants; locked", sem.locked())
    async with sem:
        print(name, "in")
        await asyncio.sleep(hold)
    print(name, "out")


async def grab(sem, name):
    await sem.acquire()
    print(name, "acquired")


async def main():
    sem = asyncio.Semaphore(2)
    ts = []
    for i in range(4):
        ts.append(asyncio.create_task(worker(sem, "w" + str(i), 0.1 * (i + 1))))
    await asyncio.gather(*ts)
    s = asyncio.Semaphore(0)
    a = asyncio.create_task(grab(s, "a"))
    b = asyncio.create_task(grab(s, "b"))
    await asyncio.sleep(0)
    s.release()
    s.release()
    c = asyncio.create_task(grab(s, "c (newcomer)"))
    print("released twice; locked", s.locked())
    await asyncio.gather(a, b)
    s.release()
    await c
    bs = asyncio.BoundedSemaphore(2)
    await bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("over-release:", repr(e))


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kSemaphoreFifoTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.000 Task-2 print w0 wants; locked False
0.000 Task-2 print w0 in
0.000 Task-3 step
0.000 Task-3 print w1 wants; locked False
0.000 Task-3 print w1 in
0.000 Task-4 step
0.000 Task-4 print w2 wants; locked True
0.000 Task-5 step
0.000 Task-5 print w3 wants; locked True
0.100 Task-2 step
0.100 Task-2 print w0 out
0.100 Task-4 step
0.100 Task-4 print w2 in
0.200 Task-3 step
0.200 Task-3 print w1 out
0.200 Task-5 step
0.200 Task-5 print w3 in
0.400 Task-4 step
0.400 Task-4 print w2 out
0.600 Task-5 step
0.600 Task-5 print w3 out
0.600 Task-1 step
0.600 Task-6 step
0.600 Task-7 step
0.600 Task-1 step
0.600 Task-1 print released twice; locked True
0.600 Task-6 step
0.600 Task-6 print a acquired
0.600 Task-7 step
0.600 Task-7 print b acquired
0.600 Task-8 step
0.600 Task-1 step
0.600 Task-8 step
0.600 Task-8 print c (newcomer) acquired
0.600 Task-1 step
0.600 Task-1 print over-release: ValueError('BoundedSemaphore released too many times')
0.600 Task-9 step
0.600 Task-10 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kSemaphoreFifoTrace311 = kSemaphoreFifoTrace;

const char *const kWokenThenCancelled = R"py(import asyncio

# E24/F27/F30: a waiter that was woken and then cancelled before it ran passes its turn
# on: the queue item goes to the next getter, the lock to the next waiter, the semaphore
# slot to the next acquirer. A waiter cancelled before being woken just leaves.


async def qget(q, name):
    try:
        print(name, "got", await q.get())
    except asyncio.CancelledError:
        print(name, "cancelled; qsize", q.qsize())
        raise


async def lacq(lock, name):
    try:
        await lock.acquire()
        print(name, "acquired")
        lock.release()
    except asyncio.CancelledError:
        print(name, "cancelled; locked", lock.locked())
        raise


async def sacq(sem, name):
    try:
        await sem.acquire()
        print(name, "acquired")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(qget(q, "g1"))
    g2 = asyncio.create_task(qget(q, "g2"))
    await asyncio.sleep(0)
    q.put_nowait("item")
    g1.cancel()
    await asyncio.gather(g1, g2, return_exceptions=True)
    lock = asyncio.Lock()
    await lock.acquire()
    l1 = asyncio.create_task(lacq(lock, "l1"))
    l2 = asyncio.create_task(lacq(lock, "l2"))
    await asyncio.sleep(0)
    lock.release()
    l1.cancel()
    await asyncio.gather(l1, l2, return_exceptions=True)
    sem = asyncio.Semaphore(0)
    s1 = asyncio.create_task(sacq(sem, "s1"))
    s2 = asyncio.create_task(sacq(sem, "s2"))
    await asyncio.sleep(0)
    sem.release()
    s1.cancel()
    print(await asyncio.gather(s1, s2, return_exceptions=True), "locked", sem.locked())
    s3 = asyncio.create_task(sacq(sem, "s3"))
    await asyncio.sleep(0)
    s3.cancel()
    print(await asyncio.gather(s3, return_exceptions=True), "locked", sem.locked())


asyncio.run(main())
)py";

// What CPython 3.12.1 prints for it under the reference harness.
const char *const kWokenThenCancelledTrace = R"trace(0.000 Task-1 step
0.000 Task-2 step
0.000 Task-3 step
0.000 Task-1 step
0.000 Task-2 step
0.000 Task-2 print g1 cancelled; qsize 1
0.000 Task-3 step
0.000 Task-3 print g2 got item
0.000 Task-1 step
0.000 Task-4 step
0.000 Task-5 step
0.000 Task-1 step
0.000 Task-4 step
0.000 Task-4 print l1 cancelled; locked False
0.000 Task-5 step
0.000 Task-5 print l2 acquired
0.000 Task-1 step
0.000 Task-6 step
0.000 Task-7 step
0.000 Task-1 step
0.000 Task-6 step
0.000 Task-6 print s1 cancelled
0.000 Task-7 step
0.000 Task-7 print s2 acquired
0.000 Task-1 step
0.000 Task-1 print [CancelledError(''), None] locked True
0.000 Task-8 step
0.000 Task-1 step
0.000 Task-8 step
0.000 Task-8 print s3 cancelled
0.000 Task-1 step
0.000 Task-1 print [CancelledError('')] locked True
0.000 Task-9 step
0.000 Task-10 step
)trace";
// CPython 3.11.7 prints the same trace.
const char *const kWokenThenCancelledTrace311 = kWokenThenCancelledTrace;

// ---- helpers ----------------------------------------------------------------------------------



bool mentions(const std::string &haystack, const std::string &needle)
{
    return haystack.find(needle) != std::string::npos;
}



// "<kind> <name>=<value>" for every PrimitiveState event of primitives labelled `label`.
QStringList statesOf(const Engine &e, const std::string &label)
{
    QStringList out;
    for (const auto &ev : e.trace().events()) {
        if (ev.kind != EventKind::PrimitiveState)
            continue;
        const std::string &text = e.trace().text(ev.text);
        if (text.ends_with(" " + label))
            out.append(QStringLiteral("%1=%2").arg(QString::fromStdString(text)).arg(ev.other));
    }
    return out;
}

} // namespace

class TestPrimitives : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // ---- Queue ----
    void queueHasNoHandoffABargerTakesTheItem();
    void boundedQueuePutBlocksAndWakesPuttersInOrder();
    void queueNowaitVariantsAndTaskDoneErrors();
    void queueFastPathsDoNotYield();
    void wokenThenCancelledWaitersPassTheirTurnOn();
    void priorityQueuePopsEqualItemsInHeapOrder();

    // ---- Lock ----
    void lockIsFifoWithoutBarging();
    void releaseOfAnUnlockedLockRaisesRuntimeError();
    void lockStateRecordsItsOwner();

    // ---- Event ----
    void eventSetWakesAllWaitersFifoAndClearOnlyResetsTheFlag();
    void eventSetWakesEveryWaiterInTheNextIteration();

    // ---- Semaphore ----
    void semaphoreHandsOffInStrictFifoOrder();
    void semaphoreReleaseToAWaiterKeepsTheValueAtZero();
    void boundedSemaphoreOverReleaseRaisesValueError();

    // ---- async with ----
    void asyncWithReleasesWhenTheBodyRaisesOrIsCancelled();
};

// ---- Queue ------------------------------------------------------------------------------------

void TestPrimitives::queueHasNoHandoffABargerTakesTheItem()
{
    COMPARE_WITH_CPYTHON(QueueNoHandoff);
    auto e = runScript(kQueueNoHandoff);
    QCOMPARE(e->output(),
        std::string("g1 waits\ng2 waits\nmain put x\nbarger took x\nmain put y\ng2 got y\n"
                    "main put z\ng1 got z\nqueue empty: True\n"));
}

void TestPrimitives::boundedQueuePutBlocksAndWakesPuttersInOrder()
{
    COMPARE_WITH_CPYTHON(BoundedQueue);
    auto e = runScript(kBoundedQueue);
    // Sizes recorded by the trace: never above maxsize 2.
    for (const QString &s : statesOf(*e, "q"))
        QVERIFY2(s.endsWith("=0") || s.endsWith("=1") || s.endsWith("=2"), qPrintable(s));
    QVERIFY(mentions(e->output(), "joined at 0.5 empty True\nsecond join did not yield\n"));
}

void TestPrimitives::queueNowaitVariantsAndTaskDoneErrors()
{
    COMPARE_WITH_CPYTHON(QueueErrors);
}

void TestPrimitives::queueFastPathsDoNotYield()
{
    // put() on a queue with room, get() on a non-empty one and join() with nothing
    // unfinished return without yielding: main runs in a single step and never awaits.
    auto e = runScript(R"py(import asyncio


async def main():
    q = asyncio.Queue(maxsize=3)
    for i in range(3):
        await q.put(i)
    total = 0
    for i in range(3):
        total += await q.get()
        q.task_done()
    await q.join()
    print("total", total, "qsize", q.qsize(), "empty", q.empty(), "full", q.full())


asyncio.run(main())
)py");
    QCOMPARE(e->output(), std::string("total 3 qsize 0 empty True full False\n"));
    int mainSteps = 0;
    for (const auto &ev : e->trace().events()) {
        QVERIFY(!(ev.kind == EventKind::Await && ev.subject == 1));
        mainSteps += ev.kind == EventKind::StepBegin && ev.subject == 1;
    }
    QCOMPARE(mainSteps, 1);
    QCOMPARE(statesOf(*e, "q"),
        (QStringList {"Queue q=1", "Queue q=2", "Queue q=3", "Queue q=2", "Queue q=1", "Queue q=0"}));
}

void TestPrimitives::wokenThenCancelledWaitersPassTheirTurnOn()
{
    COMPARE_WITH_CPYTHON(WokenThenCancelled);
}

void TestPrimitives::priorityQueuePopsEqualItemsInHeapOrder()
{
    auto e = runScript(kPriorityQueueTies);
    QCOMPARE(e->outcome(), Outcome::Finished);
    COMPARE_TEXT(e->trace().conformanceText(), std::string(kPriorityQueueTiesTrace));
}

// ---- Lock -------------------------------------------------------------------------------------

void TestPrimitives::lockIsFifoWithoutBarging()
{
    COMPARE_WITH_CPYTHON(LockFifo);
}

void TestPrimitives::releaseOfAnUnlockedLockRaisesRuntimeError()
{
    auto e = runScript(R"py(import asyncio


async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print(type(e).__name__, e, lock.locked())
    lock.release()


asyncio.run(main())
)py");
    QCOMPARE(e->output(), std::string("RuntimeError Lock is not acquired. False\n"));
    QCOMPARE(e->outcome(), Outcome::Uncaught);
    QCOMPARE(e->trace().events().back().kind, EventKind::Uncaught);
    QCOMPARE(e->trace().text(e->trace().events().back().text), std::string("RuntimeError: Lock is not acquired."));
}

void TestPrimitives::lockStateRecordsItsOwner()
{
    auto e = runScript(kLockFifo);
    // greedy (Task-2), u1 (Task-3), u2 (Task-4), greedy again; 0 = released.
    QCOMPARE(statesOf(*e, "lock"),
        (QStringList {"Lock lock=2", "Lock lock=0", "Lock lock=3", "Lock lock=0", "Lock lock=4", "Lock lock=0",
            "Lock lock=2", "Lock lock=0"}));
}

// ---- Event ------------------------------------------------------------------------------------

void TestPrimitives::eventSetWakesAllWaitersFifoAndClearOnlyResetsTheFlag()
{
    COMPARE_WITH_CPYTHON(EventSetClear);
}

void TestPrimitives::eventSetWakesEveryWaiterInTheNextIteration()
{
    Engine e;
    QVERIFY(e.load(kEventSetClear, "t.py"));
    const auto iteration = iterationOfEvents(e);
    const int set = printIndex(e, "set twice, then clear");
    QVERIFY(set >= 0);
    int previous = set;
    for (const char *woke : {"w1 woke True is_set False", "w2 woke True is_set False", "w3 woke True is_set False"}) {
        const int i = printIndex(e, woke);
        QVERIFY2(i > previous, woke); // FIFO
        QCOMPARE(iteration[std::size_t(i)], iteration[std::size_t(set)] + 1);
        previous = i;
    }
    QCOMPARE(statesOf(e, "ev"), (QStringList {"Event ev=1", "Event ev=0", "Event ev=1"})); // set() twice records once
}

// ---- Semaphore --------------------------------------------------------------------------------

void TestPrimitives::semaphoreHandsOffInStrictFifoOrder()
{
    COMPARE_WITH_CPYTHON(SemaphoreFifo);
}

void TestPrimitives::semaphoreReleaseToAWaiterKeepsTheValueAtZero()
{
    auto e = runScript(R"py(import asyncio


async def grab(s, name):
    await s.acquire()
    print(name, "acquired")


async def main():
    s = asyncio.Semaphore(0)
    t = asyncio.create_task(grab(s, "waiter"))
    await asyncio.sleep(0)
    s.release()
    print("released; locked", s.locked())
    barger = asyncio.create_task(grab(s, "barger"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("barger done?", barger.done())
    s.release()
    await barger


asyncio.run(main())
)py");
    QCOMPARE(e->output(), std::string("released; locked True\nwaiter acquired\nbarger done? False\nbarger acquired\n"));
    // release: value 1, handed to the waiter at once: 0; the second release goes to the barger.
    QCOMPARE(statesOf(*e, "s"), (QStringList {"Semaphore s=1", "Semaphore s=0", "Semaphore s=1", "Semaphore s=0"}));
}

void TestPrimitives::boundedSemaphoreOverReleaseRaisesValueError()
{
    auto e = runScript(kSemaphoreFifo);
    QVERIFY(mentions(e->output(), "over-release: ValueError('BoundedSemaphore released too many times')\n"));
    auto plain = runScript(R"py(import asyncio


async def main():
    s = asyncio.Semaphore(1)
    s.release()
    s.release()
    print("a plain Semaphore may go above its initial value:", s.locked())
    b = asyncio.BoundedSemaphore(1)
    try:
        b.release()
    except ValueError as e:
        print(type(e).__name__, e)


asyncio.run(main())
)py");
    QCOMPARE(plain->output(),
        std::string("a plain Semaphore may go above its initial value: False\n"
                    "ValueError BoundedSemaphore released too many times\n"));
}

// ---- async with -------------------------------------------------------------------------------

void TestPrimitives::asyncWithReleasesWhenTheBodyRaisesOrIsCancelled()
{
    COMPARE_WITH_CPYTHON(AsyncWithCleanup);
    auto e = runScript(kAsyncWithCleanup);
    QVERIFY(mentions(e->output(), "lock sleeper cancelled; locked: False\n"));
    QVERIFY(mentions(e->output(), "sem sleeper cancelled; locked: False\n"));
    QVERIFY(mentions(e->output(), "lock waiter got in at 1.0\n"));
    QVERIFY(mentions(e->output(), "sem waiter got in at 2.0\n"));
}

QTEST_GUILESS_MAIN(TestPrimitives)
#include "tst_primitives.moc"
