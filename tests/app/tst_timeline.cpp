// The timeline: its layout for real scenario runs (lanes, segments, markers, wake arrows), the cut
// at a step, culling and per-pixel merging, hit testing, and pixels of the rendered picture.
#include "engine.h"
#include "scenariorun.h"
#include "synthetictrace.h"
#include "timelinelayout.h"
#include "timelinepainter.h"
#include "timelineview.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSignalSpy>
#include <QTest>
#ifdef LOOPSCOPE_HAVE_SVG
#include <QSvgGenerator>
#endif

#include <cmath>
#include <set>
#include <tuple>

using namespace loopscope;

namespace {

int laneNamed(const TimelineLayout &layout, const std::string &prefix)
{
    for (std::size_t i = 0; i < layout.lanes().size(); ++i)
        if (layout.lanes()[i].name.starts_with(prefix))
            return int(i);
    return -1;
}

// The segments of a lane as "kind[x0,x1) label" in steps, for readable comparisons.
QStringList segmentsOf(const TimelineLayout &layout, int lane)
{
    QStringList out;
    for (const auto &s : layout.segments(lane)) {
        if (s.span.step1 <= s.span.step0)
            continue; // zero-width: became ready and ran at once
        static const char *names[] = {"running", "ready", "waiting", "blocked"};
        QString text = QStringLiteral("%1[%2,%3)")
                           .arg(QLatin1String(names[int(s.kind)]))
                           .arg(s.span.step0)
                           .arg(std::isinf(s.span.step1) ? QStringLiteral("open") : QString::number(s.span.step1));
        if (s.kind == SegmentKind::Waiting || s.kind == SegmentKind::Blocked)
            text += QLatin1Char(' ') + QString::fromStdString(layout.label(s.label));
        out << text;
    }
    return out;
}

QList<MarkerKind> markerKinds(const TimelineLayout &layout, int lane)
{
    QList<MarkerKind> out;
    for (const auto &m : layout.markers(lane))
        if (m.kind != MarkerKind::Print)
            out << m.kind;
    return out;
}

// A copy of the first `count` events of a trace, with the task namings made among them.
void truncatedCopy(const Trace &from, std::size_t count, Trace &to)
{
    to.clear();
    std::size_t naming = 0;
    const auto &namings = from.namings();
    for (std::size_t i = 0; i <= count; ++i) {
        for (; naming < namings.size() && namings[naming].event <= i; ++naming)
            to.setTaskName(namings[naming].task, from.text(namings[naming].name));
        if (i == count)
            break;
        const auto &e = from[i];
        to.append(e.kind, e.time, e.subject, e.other, from.text(e.text), e.line, e.aux);
    }
}

TimelineWindow fullWindow(const TimelineLayout &layout, AxisMode mode, double widthPx, int cut = TimelineLayout::kOpen)
{
    TimelineWindow w;
    w.mode = mode;
    w.x0 = 0;
    w.widthPx = widthPx;
    w.unitsPerPixel = std::max(layout.xEnd(mode, cut), 1e-9) / widthPx;
    w.firstLane = 0;
    w.lastLane = 1 << 20;
    w.cutStep = cut;
    return w;
}

QString savePng(const QImage &image, const QString &name)
{
    const QString path = QStringLiteral("/tmp/loopscope-timeline-") + name + QStringLiteral(".png");
    image.save(path);
    return path;
}

// A scenario's run, laid out and fitted into a drawing of `size` (light theme).
struct Drawing {
    ScenarioRun run;
    std::unique_ptr<TimelineLayout> layout;
    std::unique_ptr<TimelinePainter> painter;
    TimelineViewport viewport;
};

std::unique_ptr<Drawing> drawing(const QString &scenario, QSizeF size)
{
    auto d = std::make_unique<Drawing>();
    d->run = runScenario(scenario);
    d->layout = std::make_unique<TimelineLayout>(&d->run.engine->trace(), d->run.input.source);
    d->painter = std::make_unique<TimelinePainter>(*d->layout, TimelineTheme::light());
    d->viewport.size = size;
    d->painter->fitAll(d->viewport);
    return d;
}

QImage render(const TimelineLayout &layout, TimelineViewport v, const TimelineTheme &theme, qreal fontScale = 1)
{
    TimelinePainter painter(layout, theme, fontScale);
    if (v.unitsPerPixel <= 0)
        painter.fitAll(v);
    QImage image(v.size.toSize(), QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    painter.paint(p, v);
    return image;
}

} // namespace

class TestTimeline : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void gatherLanesInCreationOrderWithTheirCalls()
    {
        ScenarioRun run = runScenario(QStringLiteral("gather"));
        TimelineLayout layout(&run.engine->trace(), run.input.source);
        QStringList names;
        for (const auto &l : layout.lanes())
            names << QString::fromStdString(l.name);
        QCOMPARE(names,
            QStringList({QStringLiteral("clock · timers"), QStringLiteral("callbacks"),
                QStringLiteral("Task-1 · main()"), QStringLiteral("Task-2 · fetch('photo.jpg', 1.5)"),
                QStringLiteral("Task-3 · fetch('notes.txt', 0.5)"),
                QStringLiteral("Task-4 · fetch('song.mp3', 1.0)"),
                QStringLiteral("Task-5 · loop.shutdown_asyncgens()"),
                QStringLiteral("Task-6 · loop.shutdown_default_executor()")}));
        QCOMPARE(layout.stepCount(), run.engine->stepCount());
        QVERIFY(layout.lanes()[6].internal);
    }

    void gatherSegmentsMarkersAndWakeArrows()
    {
        ScenarioRun run = runScenario(QStringLiteral("gather"));
        TimelineLayout layout(&run.engine->trace(), run.input.source);
        const int main = laneNamed(layout, "Task-1");
        const int notes = laneNamed(layout, "Task-3");
        // Step 1 runs main, which creates the three tasks; notes.txt runs in step 3, sleeps, its
        // timer fires in step 6 and it finishes in step 7.
        QCOMPARE(segmentsOf(layout, notes),
            QStringList({"ready[1,2)", "running[2,3)", "waiting[3,6) sleep(0.5)", "running[6,7)"}));
        QCOMPARE(markerKinds(layout, notes),
            QList<MarkerKind>({MarkerKind::Created, MarkerKind::Await, MarkerKind::Resume, MarkerKind::Done}));
        QCOMPARE(
            segmentsOf(layout, main), QStringList({"running[0,1)", "waiting[1,16) gather(3 tasks)", "running[16,17)"}));
        // Time axis: the sleep lasts exactly its 0.5 s.
        const Segment &wait = layout.segments(notes)[2];
        QCOMPARE(wait.kind, SegmentKind::Waiting);
        QCOMPARE(wait.span.time0, 0);
        QCOMPARE(wait.span.time1, 500000000);
        QCOMPARE(wait.line, 13); // gather.py: await asyncio.sleep(seconds)

        // Wake arrows: the timer step (clock lane) wakes notes.txt; gather's callback wakes main.
        bool timerWake = false, gatherWake = false;
        for (const auto &a : layout.arrows()) {
            if (a.toLane == notes) {
                QCOMPARE(a.fromLane, TimelineLayout::clockLane());
                QCOMPARE(a.wakerStep, 5);
                QCOMPARE(a.resumeStep, 6);
                timerWake = true;
            }
            if (a.toLane == main) {
                QCOMPARE(a.fromLane, layout.callbacksLane());
                QCOMPARE(a.wakerStep, 15);
                QCOMPARE(a.resumeStep, 16);
                gatherWake = true;
            }
        }
        QVERIFY(timerWake && gatherWake);

        // Where each task stands between steps: after step 5 notes.txt sleeps, after step 7 it is done.
        std::string what;
        QCOMPARE(layout.taskState(notes, 0), TaskState::NotCreated);
        QCOMPARE(layout.taskState(notes, 1), TaskState::Ready);
        QCOMPARE(layout.taskState(notes, 5, &what), TaskState::Waiting);
        QCOMPARE(what, std::string("sleep(0.5)"));
        QCOMPARE(layout.taskState(notes, 6), TaskState::Ready); // its timer fired in step 6
        QCOMPARE(layout.taskState(notes, 7), TaskState::Done);
        QCOMPARE(layout.taskState(main, 7), TaskState::Waiting);
        QCOMPARE(layout.steps()[5].lane, TimelineLayout::clockLane());
        QCOMPARE(layout.steps()[7].lane, layout.callbacksLane()); // gather's done-callback
    }

    void deadlockMarksTheBlockedTasks()
    {
        ScenarioRun run = runScenario(QStringLiteral("deadlock"));
        TimelineLayout layout(&run.engine->trace(), run.input.source);
        const int alice = laneNamed(layout, "Task-2 · alice()");
        const int bob = laneNamed(layout, "Task-3 · bob()");
        const int main = laneNamed(layout, "Task-1 · main()");
        QVERIFY(alice > 0 && bob > 0 && main > 0);
        // The deadlock comes after the last step; the blocked tasks wait forever (open to the right).
        QCOMPARE(segmentsOf(layout, alice).last(), QStringLiteral("blocked[7,open) lock_b.acquire()"));
        QCOMPARE(segmentsOf(layout, bob).last(), QStringLiteral("blocked[8,open) lock_a.acquire()"));
        QCOMPARE(segmentsOf(layout, main).last(), QStringLiteral("blocked[1,open) gather(2 tasks)"));
        QCOMPARE(markerKinds(layout, alice).last(), MarkerKind::Deadlock);
        QCOMPARE(markerKinds(layout, bob).last(), MarkerKind::Deadlock);
        QCOMPARE(markerKinds(layout, main).last(), MarkerKind::Deadlock);
        QCOMPARE(markerKinds(layout, TimelineLayout::clockLane()).last(), MarkerKind::Deadlock);
        QCOMPARE(layout.taskState(alice, layout.stepCount()), TaskState::Blocked);
        QCOMPARE(layout.taskState(alice, layout.stepCount() - 1), TaskState::Waiting);

        // Under a cut before the end, the deadlock has not happened yet: alice just waits.
        VisibleItems items;
        auto kindAt = [&](int cut, int lane) {
            layout.query(fullWindow(layout, AxisMode::Steps, 1000, cut), items);
            SegmentKind last = SegmentKind::Running; // main's lane always ends waiting or blocked
            for (const auto &s : items.segments)
                if (s.lane == lane)
                    last = s.kind;
            return last;
        };
        QCOMPARE(kindAt(layout.stepCount(), main), SegmentKind::Blocked);
        QCOMPARE(kindAt(layout.stepCount() - 1, main), SegmentKind::Waiting);
    }

    void queueWakesThroughPutAndGetAndCancels()
    {
        ScenarioRun run = runScenario(QStringLiteral("queue"));
        TimelineLayout layout(&run.engine->trace(), run.input.source);
        const int main = laneNamed(layout, "Task-1 · main()");
        const int consumer = laneNamed(layout, "consumer · consumer(queue)");
        QVERIFY2(consumer > main && main > 0, qPrintable(QString::fromStdString(layout.lanes().back().name)));
        QStringList labels;
        for (const auto &s : layout.segments(main))
            if (s.kind == SegmentKind::Waiting)
                labels << QString::fromStdString(layout.label(s.label));
        QVERIFY(labels.contains(QStringLiteral("queue.put()")));
        QVERIFY(labels.contains(QStringLiteral("queue.join()")));
        QVERIFY(labels.contains(QStringLiteral("sleep(0.1)")));
        // The producer (main) blocked on put() is woken by the consumer's get().
        bool putWake = false, cancelWake = false;
        for (const auto &a : layout.arrows()) {
            const auto &wake = run.engine->trace()[a.event];
            const std::string through = run.engine->trace().text(wake.text);
            if (a.fromLane == consumer && a.toLane == main && through == "queue.put()")
                putWake = true;
            // main cancels the consumer waiting in get(): the consumer resumes with CancelledError.
            if (a.fromLane == main && a.toLane == consumer && through == "queue.get()") {
                QCOMPARE(layout.steps()[std::size_t(a.resumeStep)].cause, StepCause::Cancel);
                for (const auto &seg : layout.segments(consumer))
                    if (seg.event == a.event) {
                        const std::string text = layout.describeSegment(consumer, seg);
                        QVERIFY2(
                            text.find("cancelled by Task-1 through queue.get()") != std::string::npos, text.c_str());
                        cancelWake = true;
                    }
            }
        }
        QVERIFY(putWake && cancelWake);
        QCOMPARE(markerKinds(layout, consumer).last(), MarkerKind::Cancelled);
        QCOMPARE(layout.taskState(consumer, layout.stepCount()), TaskState::Cancelled);
    }

    // Built step by step as the window does, the layout counts steps as the engine does and ends
    // up identical to one built from the whole trace.
    void growsIncrementallyInStepWithTheEngine()
    {
        for (const char *name : {"gather", "deadlock", "queue", "cancel", "semaphore", "timeout"}) {
            ScenarioInfo info;
            QVERIFY(ScenarioLibrary::find(QLatin1String(name), &info));
            Engine engine;
            engine.load(info.source.toStdString(), std::string(name) + ".py");
            TimelineLayout live(&engine.trace(), info.source.toStdString());
            while (engine.step()) {
                live.update();
                QCOMPARE(live.stepCount(), engine.stepCount());
            }
            live.update();
            QCOMPARE(live.stepCount(), engine.stepCount());
            TimelineLayout whole(&engine.trace(), info.source.toStdString());
            QCOMPARE(live.lanes().size(), whole.lanes().size());
            for (int lane = 0; lane < int(whole.lanes().size()); ++lane) {
                QCOMPARE(segmentsOf(live, lane), segmentsOf(whole, lane));
                QCOMPARE(markerKinds(live, lane), markerKinds(whole, lane));
            }
            // A cleared trace (Engine::reset) starts the layout over, even when it has grown again;
            // until update() the layout says it is stale, so nobody reads its old indices.
            QVERIFY(!live.stale());
            engine.reset();
            QVERIFY(live.stale());
            engine.step();
            QVERIFY(live.stale());
            engine.reset();
            QVERIFY(live.update());
            QVERIFY(!live.stale());
            QCOMPARE(live.stepCount(), 0);
            QCOMPARE(int(live.lanes().size()), 2);
        }
        // Another script loaded into the same engine: its trace may already be longer than the
        // old one when the layout looks again.
        ScenarioInfo gather, queue;
        QVERIFY(ScenarioLibrary::find(QStringLiteral("gather"), &gather));
        QVERIFY(ScenarioLibrary::find(QStringLiteral("queue"), &queue));
        Engine engine;
        engine.load(gather.source.toStdString(), "gather.py");
        TimelineLayout live(&engine.trace());
        for (int i = 0; i < 5; ++i) {
            engine.step();
            live.update();
        }
        engine.load(queue.source.toStdString(), "queue.py");
        engine.runToEnd(100000);
        QVERIFY(live.update());
        TimelineLayout whole(&engine.trace());
        QCOMPARE(live.stepCount(), whole.stepCount());
        QCOMPARE(live.lanes().size(), whole.lanes().size());
        for (int lane = 0; lane < int(whole.lanes().size()); ++lane)
            QCOMPARE(segmentsOf(live, lane), segmentsOf(whole, lane));
    }

    // Every conformance script (timeouts, cancellation chains, callbacks, errors...): the layout
    // keeps up step by step, and every cut, hover and drawing of it holds together.
    void everyConformanceScriptLaysOutAndDraws()
    {
        const QDir dir(QStringLiteral(LOOPSCOPE_SOURCE_DIR "/tests/conformance"));
        const QStringList scripts = dir.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
        QVERIFY(scripts.size() > 20);
        QImage image(640, 240, QImage::Format_ARGB32_Premultiplied);
        for (const QString &name : scripts) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const std::string source = file.readAll().toStdString();
            Engine engine;
            if (!engine.load(source, name.toStdString()))
                continue;
            TimelineLayout layout(&engine.trace(), source);
            for (int i = 0; i < 5000 && engine.step(); ++i)
                layout.update();
            layout.update();
            QVERIFY2(layout.stepCount() == engine.stepCount(), qPrintable(name));
            TimelinePainter painter(layout, TimelineTheme::light());
            for (int cut : {0, layout.stepCount() / 2, layout.stepCount()}) {
                for (AxisMode mode : {AxisMode::Steps, AxisMode::Time}) {
                    TimelineViewport v;
                    v.size = image.size();
                    v.mode = mode;
                    v.cutStep = cut;
                    painter.fitAll(v);
                    QPainter p(&image);
                    painter.paint(p, v);
                    for (int y = 50; y < 200; y += 9)
                        for (int x = 0; x < 640; x += 23)
                            painter.hitTest(v, QPointF(x, y));
                    for (int lane = 0; lane < layout.laneCount(cut); ++lane)
                        layout.taskState(lane, cut);
                }
            }
        }
    }

    // A task renamed with set_name() goes by its new name from the step that renamed it; cut
    // before that step, its lane has the old name.
    void aRenamedTasksLaneTakesItsNewNameFromThatStep()
    {
        const ScenarioRun run = runScript(kRenamingScript, QStringLiteral("rename"));
        const TimelineLayout layout(run.input.trace, run.input.source);
        const int lane = laneNamed(layout, "renamed");
        QVERIFY(lane >= 0);
        QCOMPARE(layout.lanes()[std::size_t(lane)].name, std::string("renamed · worker()"));
        QCOMPARE(laneNamed(layout, "first"), -1);
        int renamedIn = -1; // the worker's second step: it wakes from its sleep and renames itself
        int workerSteps = 0;
        for (std::size_t i = 0; i < layout.steps().size(); ++i)
            if (layout.steps()[i].lane == lane && ++workerSteps == 2)
                renamedIn = int(i);
        QVERIFY(renamedIn > 0);
        QCOMPARE(layout.laneName(lane, renamedIn), std::string("first · worker()"));
        QCOMPARE(layout.laneName(lane, renamedIn + 1), std::string("renamed · worker()"));
        QCOMPARE(layout.laneName(lane), std::string("renamed · worker()"));
        // A layout of the trace as it was before the renaming step agrees.
        Trace prefix;
        truncatedCopy(run.engine->trace(), run.traceSizeAfterStep[std::size_t(renamedIn)], prefix);
        const TimelineLayout before(&prefix, run.input.source);
        QCOMPARE(before.lanes()[std::size_t(lane)].name, std::string("first · worker()"));
        truncatedCopy(run.engine->trace(), run.traceSizeAfterStep[std::size_t(renamedIn + 1)], prefix);
        const TimelineLayout after(&prefix, run.input.source);
        QCOMPARE(after.lanes()[std::size_t(lane)].name, std::string("renamed · worker()"));
    }

    // Tasks freed while pending ("Task was destroyed but it is pending!") end their lanes with a
    // destroyed marker, ready or waiting until then.
    void aTaskFreedWhilePendingEndsWithADestroyedMarker()
    {
        QFile file(QStringLiteral(LOOPSCOPE_SOURCE_DIR "/tests/conformance/task_destroyed_pending_loop_close.py"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ScenarioRun run = runScript(file.readAll().toStdString(), QStringLiteral("destroyed"));
        const TimelineLayout layout(run.input.trace, run.input.source);
        QVERIFY(layout.hasDestroyedTasks());
        QStringList destroyed;
        for (int lane = 0; lane < int(layout.lanes().size()); ++lane) {
            const auto &marks = layout.markers(lane);
            if (marks.empty() || marks.back().kind != MarkerKind::Destroyed)
                continue;
            destroyed << QString::fromStdString(layout.lanes()[std::size_t(lane)].name);
            QCOMPARE(layout.taskState(lane, layout.stepCount() + 1), TaskState::Destroyed);
            const TaskState before = layout.taskState(lane, layout.stepCount() - 1);
            QVERIFY(before == TaskState::Ready || before == TaskState::Waiting);
            QVERIFY(QString::fromStdString(layout.describeMarker(lane, marks.back())).contains(QStringLiteral("destroyed while pending")));
            for (const Segment &seg : layout.segments(lane))
                QVERIFY(seg.lastStep != TimelineLayout::kOpen); // the lane ends
        }
        QCOMPARE(destroyed, (QStringList {QStringLiteral("Task-2 · spinner('a')"), QStringLiteral("Task-3 · spinner('b')"),
                                QStringLiteral("Task-4 · sleeper()")}));
        QVERIFY(!TimelineLayout(runScenario(QStringLiteral("gather")).input.trace, std::string()).hasDestroyedTasks());
    }

    // An eager task's first step (3.12's eager_task_factory) runs inside its creator's
    // create_task: the creator's lane waits for it there, labelled with it, instead of "ready".
    void aCreatorWaitsDuringAnEagerTasksFirstStep()
    {
        QFile file(QStringLiteral(LOOPSCOPE_SOURCE_DIR "/tests/conformance/eager_task_factory.py"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const ScenarioRun run = runScript(file.readAll().toStdString(), QStringLiteral("eager"));
        const TimelineLayout layout(run.input.trace, run.input.source);
        const int main = int(std::find_if(layout.lanes().begin(), layout.lanes().end(), [](const Lane &l) {
            return l.name.starts_with("Task-1 ");
        }) - layout.lanes().begin());
        QVERIFY(main < int(layout.lanes().size()));
        QStringList eagerWaits;
        for (const Segment &seg : layout.segments(main)) {
            if (seg.kind == SegmentKind::Waiting && layout.label(seg.label).ends_with("'s eager first step")) {
                eagerWaits << QString::fromStdString(layout.label(seg.label));
                // from main's step that called create_task, over the eager step, to its continuation
                QCOMPARE(seg.lastStep, seg.firstStep + 2);
                QCOMPARE(layout.steps()[std::size_t(seg.firstStep + 1)].cause, StepCause::First);
                QVERIFY(layout.steps()[std::size_t(seg.firstStep + 1)].lane != main);
                QVERIFY(QString::fromStdString(layout.describeSegment(main, seg)).contains(QStringLiteral("waiting for Task-")));
            }
        }
        // quick(1), slow(2), the two gather children, the two TaskGroup children, quick(7) (the
        // factory is reset before it: not eager) — six eager first steps.
        QCOMPARE(eagerWaits.size(), 6);
        QCOMPARE(eagerWaits.first(), QStringLiteral("Task-2's eager first step"));
    }

    // The cut at step n shows exactly what the trace held after n steps.
    void cutAtStepShowsTheTraceUpToThatStep()
    {
        for (const char *name : {"gather", "deadlock", "queue"}) {
            ScenarioRun run = runScenario(QLatin1String(name));
            TimelineLayout layout(&run.engine->trace(), run.input.source);
            for (AxisMode mode : {AxisMode::Steps, AxisMode::Time}) {
                for (int n = 0; n <= layout.stepCount(); ++n) {
                    Trace prefix;
                    truncatedCopy(run.engine->trace(), run.traceSizeAfterStep[std::size_t(n)], prefix);
                    TimelineLayout past(&prefix, run.input.source);
                    QCOMPARE(past.stepCount(), n);
                    QCOMPARE(layout.laneCount(n), past.laneCount());
                    TimelineWindow w = fullWindow(layout, mode, 1200);
                    VisibleItems cut, truth;
                    w.cutStep = n;
                    layout.query(w, cut);
                    w.cutStep = TimelineLayout::kOpen;
                    past.query(w, truth);
                    const QByteArray where = QByteArray(name) + " step " + QByteArray::number(n);
                    QCOMPARE_EQ(cut.segments.size(), truth.segments.size());
                    for (std::size_t i = 0; i < cut.segments.size(); ++i) {
                        const auto &a = cut.segments[i];
                        const auto &b = truth.segments[i];
                        QVERIFY2(a.x0 == b.x0 && a.x1 == b.x1 && a.lane == b.lane && a.kind == b.kind, where);
                    }
                    QCOMPARE_EQ(cut.markers.size(), truth.markers.size());
                    for (std::size_t i = 0; i < cut.markers.size(); ++i)
                        QVERIFY2(cut.markers[i].x == truth.markers[i].x && cut.markers[i].kind == truth.markers[i].kind,
                            where);
                    QCOMPARE_EQ(cut.arrows.size(), truth.arrows.size());
                }
            }
        }
    }

    // However many events, a lane yields at most about one segment and one marker per pixel column.
    void cullingAndMergingBoundTheItemsPerPixel()
    {
        Trace trace;
        synthesizeTrace(trace, 200, 40000, 7);
        TimelineLayout layout(&trace);
        QVERIFY(layout.stepCount() > 5000);
        for (AxisMode mode : {AxisMode::Steps, AxisMode::Time}) {
            const double width = 300;
            TimelineWindow w = fullWindow(layout, mode, width);
            VisibleItems items;
            layout.query(w, items);
            std::map<int, int> segs, marks;
            for (const auto &s : items.segments) {
                ++segs[s.lane];
                QVERIFY(s.x1 >= s.x0);
            }
            for (const auto &m : items.markers)
                ++marks[m.lane];
            for (const auto &[lane, n] : segs)
                QVERIFY2(n <= width + 2, qPrintable(QStringLiteral("lane %1: %2 segments").arg(lane).arg(n)));
            for (const auto &[lane, n] : marks)
                QVERIFY2(n <= width + 1, qPrintable(QStringLiteral("lane %1: %2 markers").arg(lane).arg(n)));
            // Wake arrows stay visible, merged per pixel: one per start column, end column and lanes.
            QVERIFY(!items.arrows.empty());
            QVERIFY(items.arrows.size() < layout.arrows().size());
            std::set<std::tuple<int, int, int, int>> arrowKeys;
            for (const auto &a : items.arrows)
                QVERIFY(arrowKeys.insert({int(std::floor(a.x0)), int(std::floor(a.x1)), a.fromLane, a.toLane}).second);
            // Within one lane, merged segments never overlap.
            for (std::size_t i = 1; i < items.segments.size(); ++i)
                if (items.segments[i].lane == items.segments[i - 1].lane)
                    QVERIFY(items.segments[i].x0 >= items.segments[i - 1].x1 - 1e-3);
            // Culling: only the lanes asked for.
            w.firstLane = 20;
            w.lastLane = 29;
            layout.query(w, items);
            for (const auto &s : items.segments)
                QVERIFY(s.lane >= 20 && s.lane <= 29);
        }
        // Zoomed in on 40 steps: arrows come back, and nothing lies outside the window.
        TimelineWindow w = fullWindow(layout, AxisMode::Steps, 800);
        w.x0 = 3000;
        w.unitsPerPixel = 40.0 / 800;
        VisibleItems items;
        layout.query(w, items);
        QVERIFY(!items.arrows.empty());
        for (const auto &s : items.segments)
            QVERIFY(s.x1 >= -4 && s.x0 <= 804);
    }

    // On the time axis a blocking call (time.sleep inside a task's step) shows its length: the
    // step's running segment is as wide as the virtual time it took, and says so.
    void timeAxisShowsABlockingCallsLength()
    {
        Engine engine;
        const std::string source = "import asyncio\nimport time\n\nasync def blocker():\n"
                                   "    await asyncio.sleep(0.05)\n    time.sleep(0.3)\n\nasyncio.run(blocker())\n";
        QVERIFY(engine.load(source, "blocking.py"));
        engine.runToEnd();
        TimelineLayout layout(&engine.trace(), source);
        const int lane = laneNamed(layout, "Task-1 · blocker()");
        QVERIFY(lane >= 0);
        const TimelineWindow w = fullWindow(layout, AxisMode::Time, 1000);
        VisibleItems items;
        layout.query(w, items);
        float widest = 0;
        for (const auto &seg : items.segments)
            if (seg.lane == lane && seg.kind == SegmentKind::Running)
                widest = std::max(widest, seg.x1 - seg.x0);
        QVERIFY2(std::abs(widest - 0.3 / w.unitsPerPixel) < 2, qPrintable(QString::number(widest)));
        QImage image(1000, 300, QImage::Format_ARGB32_Premultiplied);
        TimelinePainter painter(layout, TimelineTheme::light());
        TimelineViewport v;
        v.size = image.size();
        v.mode = AxisMode::Time;
        painter.fitAll(v);
        const HitResult hit = painter.hitTest(v, QPointF(painter.pxAt(v, 0.2),
            painter.plotRect(v.size).top() + (lane + 0.5) * painter.laneHeight()));
        QVERIFY2(hit.text.find("blocks the loop for 0.300") != std::string::npos, hit.text.c_str());
    }

    void hitTestingNamesTheEventAndItsStep()
    {
        ScenarioRun run = runScenario(QStringLiteral("gather"));
        TimelineLayout layout(&run.engine->trace(), run.input.source);
        const int notes = laneNamed(layout, "Task-3");
        TimelineWindow w = fullWindow(layout, AxisMode::Steps, 20 * 24);
        w.unitsPerPixel = 1.0 / 24; // 24 px per step
        // Inside the waiting segment [3,6): the step that awaited, and the await's line.
        HitResult hit = layout.hitTest(w, 4.5 * 24, notes);
        QVERIFY(hit.hit);
        QCOMPARE(hit.step, 2);
        QCOMPARE(hit.line, 13);
        QVERIFY2(
            hit.text.find("waiting for sleep(0.5) from step 3 until step 6") != std::string::npos, hit.text.c_str());
        QVERIFY(hit.text.starts_with("Task-3 · fetch('notes.txt', 0.5)"));
        // The running step 7 (index 6), between its markers: the line it ran to.
        hit = layout.hitTest(w, 6.2 * 24, notes);
        QCOMPARE(hit.step, 6);
        QCOMPARE(hit.line, 14);
        QVERIFY2(hit.text.find("running") != std::string::npos, hit.text.c_str());
        // The done marker at the end of step 7.
        hit = layout.hitTest(w, 7 * 24 + 1, notes);
        QVERIFY2(hit.text.find("done, returned 'notes.txt (0.5 s)'") != std::string::npos, hit.text.c_str());
        QCOMPARE(hit.step, 6);
        // Beyond the cut there is nothing.
        w.cutStep = 5;
        hit = layout.hitTest(w, 6.5 * 24, notes);
        QVERIFY(!hit.hit);
        hit = layout.hitTest(w, 4.5 * 24, notes);
        QVERIFY2(hit.text.find("until now") != std::string::npos, hit.text.c_str());
        // Time mode: 0.25 s into the half-second sleep.
        TimelineWindow t = fullWindow(layout, AxisMode::Time, 1500);
        hit = layout.hitTest(t, 0.25 / t.unitsPerPixel, notes);
        QVERIFY2(hit.text.find("0.000 s → 0.500 s") != std::string::npos, hit.text.c_str());
    }

    void rendersTheStatesInTheirColours()
    {
        ScenarioRun run = runScenario(QStringLiteral("gather"));
        TimelineLayout layout(&run.engine->trace(), run.input.source);
        const int notes = laneNamed(layout, "Task-3");
        for (const auto &theme : {TimelineTheme::light(), TimelineTheme::dark(), TimelineTheme::slides()}) {
            TimelinePainter painter(layout, theme);
            TimelineViewport v;
            v.size = QSizeF(1400, 44 * theme.fontPx / 12 + 8 * painter.laneHeight() + painter.legendHeight());
            v.unitsPerPixel = 1.0 / 48;
            v.cutStep = 12;
            v.selectedStep = 6;
            QImage image(v.size.toSize(), QImage::Format_ARGB32_Premultiplied);
            {
                QPainter p(&image);
                painter.paint(p, v);
            }
            const char *names[] = {"light", "dark", "slides"};
            savePng(image, QLatin1String(names[int(theme.kind)]));
            const qreal mid = painter.laneHeight() * (notes + 0.5) + painter.axisHeight();
            auto at = [&](double x) { return image.pixelColor(QPoint(int(painter.pxAt(v, x)), int(mid))); };
            QCOMPARE(at(2.5), theme.running); // step 3: notes.txt runs
            QCOMPARE(at(1.9), theme.ready); // created, not yet run
            QCOMPARE(at(5.7), theme.waiting); // sleeping (clear of the label)
            QCOMPARE(at(13.5), notes % 2 ? theme.laneAlt : theme.background); // past the cut: nothing
            QCOMPARE(image.pixelColor(5, 5), theme.background);
        }
    }

    void rendersSlideSizeAndLargeRunsToLookAt()
    {
        for (const char *name : {"deadlock", "queue", "gather"}) {
            ScenarioRun run = runScenario(QLatin1String(name));
            TimelineLayout layout(&run.engine->trace(), run.input.source);
            TimelineViewport v;
            v.size = QSizeF(1600, 520);
            v.unitsPerPixel = 0;
            savePng(render(layout, v, TimelineTheme::light()), QLatin1String(name) + QStringLiteral("-steps"));
            v.mode = AxisMode::Time;
            savePng(render(layout, v, TimelineTheme::dark()), QLatin1String(name) + QStringLiteral("-time-dark"));
            v.mode = AxisMode::Steps;
            v.size = QSizeF(1920, 1080);
            savePng(render(layout, v, TimelineTheme::slides(), 1.5), QLatin1String(name) + QStringLiteral("-slides"));
        }
        Trace trace;
        synthesizeTrace(trace, 1000, 100000, 1);
        TimelineLayout layout(&trace);
        TimelineViewport v;
        v.size = QSizeF(1920, 1080);
        v.unitsPerPixel = 0;
        QImage full = render(layout, v, TimelineTheme::light());
        savePng(full, QStringLiteral("synthetic-full"));
        QVERIFY(!full.isNull());
    }

    // In time mode a blocking call has its length: the step that ran time.sleep(0.5) lasts 0.5 s.
    void blockingCallsShowTheirLengthInTime()
    {
        const std::string source = "import asyncio, time\n"
                                   "\n"
                                   "async def main():\n"
                                   "    time.sleep(0.5)\n"
                                   "    await asyncio.sleep(0.25)\n"
                                   "\n"
                                   "asyncio.run(main())\n";
        Engine engine;
        QVERIFY(engine.load(source, "blocking.py"));
        engine.runToEnd(1000);
        TimelineLayout layout(&engine.trace(), source);
        const int main = laneNamed(layout, "Task-1 · main()");
        const Segment &first = layout.segments(main)[1]; // after the ready segment before step 1
        QCOMPARE(first.kind, SegmentKind::Running);
        QCOMPARE(first.span.time0, 0);
        QCOMPARE(first.span.time1, 500000000);
        QCOMPARE(first.span.step1 - first.span.step0, 1.0);
        QCOMPARE(layout.markers(TimelineLayout::clockLane()).front().kind, MarkerKind::ClockJump);
        TimelineWindow w = fullWindow(layout, AxisMode::Time, 750); // 0.75 s: 1000 px per second
        const HitResult hit = layout.hitTest(w, 250, main);
        QVERIFY2(hit.text.find("blocks the loop for 0.500 s") != std::string::npos, hit.text.c_str());
        QCOMPARE(hit.line, 5);
    }

    void exceptionsAndUncaughtErrorsAreMarked()
    {
        const std::string source = "import asyncio\n"
                                   "\n"
                                   "async def boom():\n"
                                   "    await asyncio.sleep(0.1)\n"
                                   "    raise ValueError('bad input')\n"
                                   "\n"
                                   "async def main():\n"
                                   "    t = asyncio.create_task(boom())\n"
                                   "    try:\n"
                                   "        await t\n"
                                   "    except ValueError as e:\n"
                                   "        print('caught', e)\n"
                                   "    raise RuntimeError('giving up')\n"
                                   "\n"
                                   "asyncio.run(main())\n";
        Engine engine;
        QVERIFY(engine.load(source, "raises.py"));
        engine.runToEnd(1000);
        TimelineLayout layout(&engine.trace(), source);
        const int boom = laneNamed(layout, "Task-2 · boom()");
        const int main = laneNamed(layout, "Task-1 · main()");
        QVERIFY(boom > main && main > 0);
        const Marker &raised = layout.markers(boom).back();
        QCOMPARE(raised.kind, MarkerKind::Raised);
        QVERIFY2(layout.describeMarker(boom, raised).find("raised ValueError: bad input") != std::string::npos,
            layout.describeMarker(boom, raised).c_str());
        QCOMPARE(markerKinds(layout, main).last(), MarkerKind::Raised);
        QCOMPARE(layout.taskState(boom, layout.stepCount()), TaskState::Raised);
        QCOMPARE(markerKinds(layout, TimelineLayout::clockLane()).last(), MarkerKind::Uncaught);
        // main awaited the task: boom's end wakes it.
        bool woke = false;
        for (const auto &a : layout.arrows())
            woke = woke || (a.fromLane == boom && a.toLane == main);
        QVERIFY(woke);
        TimelineViewport v;
        v.size = QSizeF(1000, 300);
        v.unitsPerPixel = 0;
        savePng(render(layout, v, TimelineTheme::light()), QStringLiteral("raises"));
    }

    // The same painter draws exports: a PDF page of the picture on screen.
    void paintsOnAPdfWriter()
    {
        const auto d = drawing(QStringLiteral("queue"), QSizeF(1200, 400));
        const TimelineViewport &v = d->viewport;
        const QString file = QStringLiteral("/tmp/loopscope-timeline-queue.pdf");
        {
            QPdfWriter pdf(file);
            pdf.setResolution(96); // one pixel of the viewport per device unit
            pdf.setPageSize(QPageSize(v.size * 72.0 / 96, QPageSize::Point));
            pdf.setPageMargins(QMarginsF());
            QPainter p(&pdf);
            d->painter->paint(p, v);
        }
        QFile pdf(file);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(4) == "%PDF");
        QVERIFY(pdf.size() > 5000);
    }

#ifdef LOOPSCOPE_HAVE_SVG
    void paintsOnAnSvgGenerator()
    {
        const auto d = drawing(QStringLiteral("deadlock"), QSizeF(1000, 320));
        const TimelineViewport &v = d->viewport;
        QBuffer buffer;
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(v.size.toSize());
        svg.setViewBox(QRectF(QPointF(), v.size));
        {
            QPainter p(&svg);
            d->painter->paint(p, v);
        }
        const QByteArray xml = buffer.data();
        QVERIFY(xml.contains("<svg"));
        QVERIFY(xml.contains("alice()")); // lane names are text, not pixels
        QVERIFY(xml.contains("lock_b.acquire()"));
    }
#endif

    void viewItemFollowsTheEngine()
    {
        {
            TimelineView empty; // nothing loaded yet: still draws the frame, the legend and the cursor
            empty.setSize(QSizeF(600, 200));
            QVERIFY(!empty.renderImage().isNull());
            QCOMPARE(empty.stepCount(), 0);
            QCOMPARE(empty.textAt(QPointF(300, 60)), QString());
        }
        ScenarioRun run = runScenario(QStringLiteral("gather"));
        TimelineView view;
        view.setSize(QSizeF(1200, 420));
        QSignalSpy traceChanged(&view, &TimelineView::traceChanged);
        view.setTrace(&run.engine->trace(), run.input.source);
        QCOMPARE(view.stepCount(), run.engine->stepCount());
        QCOMPARE(view.currentStep(), run.engine->stepCount());
        QVERIFY(traceChanged.count() >= 1);
        view.setReduceMotion(true);
        view.setCurrentStep(5);
        QCOMPARE(view.currentStep(), 5);
        QVERIFY(!view.animating());
        QCOMPARE(view.laneCount(), 6); // main's three tasks exist; the shutdown tasks do not yet
        view.setReduceMotion(false);
        QTest::qWait(view.animationDuration() + 20); // steps requested sooner than that jump
        view.setCurrentStep(6);
        QVERIFY(view.animating());
        QTRY_VERIFY_WITH_TIMEOUT(!view.animating(), 2000);
        view.setAxisMode(TimelineView::Time);
        QCOMPARE(view.axisMode(), TimelineView::Time);
        view.setAxisMode(TimelineView::Steps);
        view.setDark(true);
        QCOMPARE(view.theme(), TimelineView::Dark);
        view.setFontScale(1.25);
        const TimelineViewport v = view.viewport();
        TimelinePainter painter(view.layout(), TimelineTheme::dark(), 1.25);
        const int notes = laneNamed(view.layout(), "Task-3");
        const QPointF inWait(painter.pxAt(v, 4.5), painter.axisHeight() + painter.laneHeight() * (notes + 0.5));
        QVERIFY2(view.textAt(inWait).contains(QStringLiteral("sleep(0.5)")), qPrintable(view.textAt(inWait)));
        QCOMPARE(view.stepAt(inWait), 3);
        // Hovering the wake arrow from notes.txt's timer (end of step 6, clock lane) to its resume
        // in step 7, once step 7 is shown.
        view.setCurrentStep(7);
        const qreal clockBottom = painter.axisHeight() + painter.laneHeight() * 0.5 + painter.laneHeight() * 0.31;
        const QString wake = view.textAt(QPointF(painter.pxAt(view.viewport(), 6) + 1, clockBottom + 3));
        view.setCurrentStep(6);
        QVERIFY(!view.textAt(QPointF(painter.pxAt(view.viewport(), 6) + 1, clockBottom + 3))
                     .startsWith(QStringLiteral("wake-up")));
        QVERIFY2(wake.startsWith(QStringLiteral("wake-up: clock · timers wakes Task-3")), qPrintable(wake));
        QVERIFY2(wake.contains(QStringLiteral("through sleep(0.5) in step 6; it resumes in step 7")), qPrintable(wake));

        // Zoom keeps the x under the pointer.
        const double xBefore = painter.xAt(view.viewport(), 700);
        view.zoomBy(2, 700);
        QVERIFY(!view.autoFit());
        QVERIFY(std::abs(painter.xAt(view.viewport(), 700) - xBefore) < 1e-9);
        view.fitAll();
        QVERIFY(view.autoFit());
        // Stepping scrolls the lane whose step just ran into view.
        view.setSize(QSizeF(1200, painter.axisHeight() + painter.legendHeight() + 2 * painter.laneHeight()));
        view.setCurrentStep(3); // Task-3's first step
        QCOMPARE(view.viewport().laneScroll, (notes + 1 - 2) * painter.laneHeight());
        view.setSize(QSizeF(1200, 420));
        const QImage image = view.renderImage(QSize(900, 300), 2);
        QCOMPARE(image.size(), QSize(1800, 600));
        savePng(image, QStringLiteral("view-hidpi"));
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestTimeline test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_timeline.moc"
