// Tests for TaskGroup, wait(), as_completed(), shield(), Condition, exception groups and the
// warnings CPython logs (semantics rules D21-D22, F29, G31-G33). Expected texts are what
// CPython 3.12.1 prints for the same script: stdout as under the reference harness (sets of
// tasks in creation order), stderr as plain CPython prints it, minus the frames of asyncio's
// own files and with the script's path as t.py.
#include "enginetest.h"

#include <QtTest>

using namespace loopscope;
using namespace enginetest;

class TestTaskGroup : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void abortCancelsSiblingsInCreationOrder();
    void parentCancellingStaysOneWhenAChildFailsDuringAexit();
    void exceptionGroupEscapingRunIsPrintedInBoxArt();
    void exceptStarSplitsAGroupBetweenHandlers();
    void waitReturnsSetsThatIterateInCreationOrder();
    void asCompletedDoesNothingBeforeTheFirstNext();
    void shieldedTaskSurvivesTheCancelledWaiter();
    void conditionWakesWaitersInFifoOrder();
    void unawaitedCoroutineWarnsOncePerLineAndRecordsAWarningEvent();
    void lostTasksAreReportedWhenTheScriptEnds();
    void futureAndTaskReprsShowStateCoroutineAndCallbacks();
    void barrierReleasesAllPartiesWithTheirArrivalIndex();
};

void TestTaskGroup::abortCancelsSiblingsInCreationOrder()
{
    auto e = runScript(R"py(import asyncio
async def sleeper(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
async def fail():
    await asyncio.sleep(0.5)
    raise ValueError("x")
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for n in ["a", "b", "c"]:
                tg.create_task(sleeper(n))
            tg.create_task(fail())
    except ExceptionGroup as eg:
        print(eg, eg.exceptions)
asyncio.run(main())
)py");
    QCOMPARE(e->output(),
        std::string("a cancelled\nb cancelled\nc cancelled\n"
                    "unhandled errors in a TaskGroup (1 sub-exception) (ValueError('x'),)\n"));
}

void TestTaskGroup::parentCancellingStaysOneWhenAChildFailsDuringAexit()
{
    auto e = runScript(R"py(import asyncio
async def fail():
    await asyncio.sleep(0.1)
    raise ValueError(1)
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
    except* ValueError:
        pass
    print(asyncio.current_task().cancelling())
asyncio.run(main())
)py");
    QCOMPARE(e->output(), std::string("1\n"));
}

void TestTaskGroup::exceptionGroupEscapingRunIsPrintedInBoxArt()
{
    auto e = runScript(R"py(import asyncio
async def fail():
    raise ValueError("boom")
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail())
asyncio.run(main())
)py");
    QCOMPARE(e->exitStatus(), 1);
    // CPython's text, minus the frames inside asyncio's own files.
    const std::string expected = "  + Exception Group Traceback (most recent call last):\n"
                                 "  |   File \"t.py\", line 7, in <module>\n"
                                 "  |     asyncio.run(main())\n"
                                 "  |   File \"t.py\", line 5, in main\n"
                                 "  |     async with asyncio.TaskGroup() as tg:\n"
                                 "  | ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)\n"
                                 "  +-+---------------- 1 ----------------\n"
                                 "    | Traceback (most recent call last):\n"
                                 "    |   File \"t.py\", line 3, in fail\n"
                                 "    |     raise ValueError(\"boom\")\n"
                                 "    | ValueError: boom\n"
                                 "    +------------------------------------\n";
    const QByteArray diff = firstDifference(e->errors(), expected);
    QVERIFY2(diff.isEmpty(), diff.constData());
}

void TestTaskGroup::exceptStarSplitsAGroupBetweenHandlers()
{
    auto e = runScript(R"py(import asyncio
async def main():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as g:
        print("V", repr(g))
        await asyncio.sleep(0)
    except* TypeError as g:
        print("T", repr(g))
asyncio.run(main())
)py");
    QCOMPARE(e->output(),
        std::string("V ExceptionGroup('eg', [ValueError(1), ValueError(3)])\n"
                    "T ExceptionGroup('eg', [TypeError(2)])\n"));
}

void TestTaskGroup::waitReturnsSetsThatIterateInCreationOrder()
{
    auto e = runScript(R"py(import asyncio
async def main():
    ts = [asyncio.create_task(asyncio.sleep(d, d)) for d in (0.3, 0.1, 0.2)]
    done, pending = await asyncio.wait(ts, timeout=0.25)
    print([t.result() for t in done], len(pending), bool(pending), ts[0] in pending)
    done, pending = await asyncio.wait(pending)
    print(len(done), len(pending), bool(pending))
asyncio.run(main())
)py");
    QCOMPARE(e->output(), std::string("[0.1, 0.2] 1 True True\n1 0 False\n"));
}

void TestTaskGroup::asCompletedDoesNothingBeforeTheFirstNext()
{
    auto e = runScript(R"py(import asyncio
async def v(x):
    return x
async def main():
    it = asyncio.as_completed([v(1), v(2)])
    print(asyncio.create_task(v(0)).get_name())
    print([await c for c in it])
asyncio.run(main())
)py");
    QCOMPARE(e->output(), std::string("Task-2\n[1, 2]\n"));
}

void TestTaskGroup::shieldedTaskSurvivesTheCancelledWaiter()
{
    auto e = runScript(R"py(import asyncio
async def inner():
    await asyncio.sleep(1)
    return "inner done"
async def main():
    t = asyncio.create_task(inner())
    w = asyncio.create_task(asyncio.wait_for(asyncio.shield(t), 0.5))
    try:
        await w
    except TimeoutError:
        print("timed out; inner cancelled:", t.cancelled())
    print(await t)
asyncio.run(main())
)py");
    QCOMPARE(e->output(), std::string("timed out; inner cancelled: False\ninner done\n"));
}

void TestTaskGroup::conditionWakesWaitersInFifoOrder()
{
    auto e = runScript(R"py(import asyncio
async def waiter(cond, n):
    async with cond:
        await cond.wait()
        print("woken", n)
async def main():
    cond = asyncio.Condition()
    ts = [asyncio.create_task(waiter(cond, n)) for n in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ts)
asyncio.run(main())
)py");
    QCOMPARE(e->output(), std::string("woken 0\nwoken 1\nwoken 2\n"));
}

void TestTaskGroup::unawaitedCoroutineWarnsOncePerLineAndRecordsAWarningEvent()
{
    auto e = runScript(R"py(import asyncio
async def notify():
    pass
async def main():
    for i in range(3):
        notify()
asyncio.run(main())
)py");
    QCOMPARE(e->errors(),
        std::string("t.py:6: RuntimeWarning: coroutine 'notify' was never awaited\n"
                    "  notify()\n"
                    "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"));
    QCOMPARE(countKind(*e, EventKind::Warning), 1);
}

void TestTaskGroup::lostTasksAreReportedWhenTheScriptEnds()
{
    auto e = runScript(R"py(import asyncio
async def boom():
    raise ValueError("lost")
async def main():
    asyncio.create_task(boom())
    await asyncio.sleep(0)
asyncio.run(main())
)py");
    const std::string expected = "Task exception was never retrieved\n"
                                 "future: <Task finished name='Task-2' coro=<boom() done, defined at t.py:2> "
                                 "exception=ValueError('lost')>\n"
                                 "Traceback (most recent call last):\n"
                                 "  File \"t.py\", line 3, in boom\n"
                                 "    raise ValueError(\"lost\")\n"
                                 "ValueError: lost\n";
    const QByteArray diff = firstDifference(e->errors(), expected);
    QVERIFY2(diff.isEmpty(), diff.constData());

    e = runScript(R"py(import asyncio
async def forever():
    await asyncio.sleep(3600)
async def main():
    await asyncio.sleep(0)
loop = asyncio.new_event_loop()
loop.create_task(forever())
loop.run_until_complete(main())
)py");
    QCOMPARE(e->errors(),
        std::string("Task was destroyed but it is pending!\n"
                    "task: <Task pending name='Task-1' coro=<forever() running at t.py:3> "
                    "wait_for=<Future pending cb=[Task.task_wakeup()]>>\n"));
}

void TestTaskGroup::futureAndTaskReprsShowStateCoroutineAndCallbacks()
{
    auto e = runScript(R"py(import asyncio
def report(f):
    pass
async def work():
    await asyncio.sleep(1)
    return 5
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(f)
    f.add_done_callback(report)
    print(f)
    f.add_done_callback(report)
    f.add_done_callback(report)
    print(f)
    t = asyncio.create_task(work())
    print(t)
    await asyncio.sleep(0)
    print(t)
    print(type(asyncio.gather(t)).__name__)
    await t
    print(t)
    f.set_result([1, 2])
    print(f)
    e = loop.create_future()
    e.set_exception(KeyError("k"))
    print(e, e.exception())
    e.cancel()
    c = loop.create_future()
    c.cancel()
    print(c)
asyncio.run(main())
)py");
    const std::string expected = "<Future pending>\n"
                                 "<Future pending cb=[report() at t.py:2]>\n"
                                 "<Future pending cb=[report() at t.py:2, <1 more>, report() at t.py:2]>\n"
                                 "<Task pending name='Task-2' coro=<work() running at t.py:4>>\n"
                                 "<Task pending name='Task-2' coro=<work() running at t.py:5> "
                                 "wait_for=<Future pending cb=[Task.task_wakeup()]>>\n"
                                 "_GatheringFuture\n"
                                 "<Task finished name='Task-2' coro=<work() done, defined at t.py:4> result=5>\n"
                                 "<Future finished result=[1, 2]>\n"
                                 "<Future finished exception=KeyError('k')> 'k'\n"
                                 "<Future cancelled>\n";
    const QByteArray diff = firstDifference(e->output(), expected);
    QVERIFY2(diff.isEmpty(), diff.constData());
}

void TestTaskGroup::barrierReleasesAllPartiesWithTheirArrivalIndex()
{
    auto e = runScript(R"py(import asyncio
async def w(b, d):
    await asyncio.sleep(d)
    return await b.wait()
async def main():
    b = asyncio.Barrier(2)
    print(await asyncio.gather(w(b, 0.2), w(b, 0.1)), b.n_waiting, b.broken)
    try:
        raise asyncio.BrokenBarrierError("x")
    except RuntimeError as e:
        print(type(e).__name__, e)
asyncio.run(main())
)py");
    QCOMPARE(e->output(), std::string("[1, 0] 0 False\nBrokenBarrierError x\n"));
}

QTEST_GUILESS_MAIN(TestTaskGroup)
#include "tst_taskgroup.moc"
