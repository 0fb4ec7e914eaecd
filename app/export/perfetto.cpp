// The Perfetto / Chrome trace event JSON export (docs/trace-json.md, "Perfetto"): one thread track
// per timeline lane, running steps as complete slices, waits as slices between them, awaits and
// prints as instants, wake-ups as flow arrows, the ready queue and each primitive as counters.
// Everything is read from the TimelineLayout, so ui.perfetto.dev shows what the screen shows.
#include "formats.h"
#include "jsonsink.h"
#include "timelinelayout.h"
#include "trace.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace loopscope {

namespace {

// A step that takes no virtual time still gets this width (1 µs), so none is hidden; see placeSteps().
constexpr std::int64_t kStepWidthNs = 1000;
constexpr int kPid = 1;

const char *causeText(StepCause cause)
{
    switch (cause) {
    case StepCause::First: return "first step";
    case StepCause::Wakeup: return "wakeup";
    case StepCause::Yield: return "after yield";
    case StepCause::Cancel: return "cancel";
    case StepCause::Timer: return "timer";
    case StepCause::Callback: return "callback";
    case StepCause::ClockAdvance: return "clock advance";
    }
    return "?";
}

const char *markerText(MarkerKind kind)
{
    switch (kind) {
    case MarkerKind::Created: return "created";
    case MarkerKind::Await: return "await";
    case MarkerKind::Resume: return "resume";
    case MarkerKind::Print: return "print";
    case MarkerKind::Done: return "done";
    case MarkerKind::Cancelled: return "cancelled";
    case MarkerKind::Raised: return "raised";
    case MarkerKind::Deadlock: return "deadlock";
    case MarkerKind::Livelock: return "livelock";
    case MarkerKind::Uncaught: return "uncaught";
    case MarkerKind::ClockJump: return "clock jump";
    case MarkerKind::Destroyed: return "destroyed";
    }
    return "?";
}

// Virtual nanoseconds as the format's microseconds, exactly: "1500000.001".
std::string micros(std::int64_t ns)
{
    std::string out = std::to_string(ns / 1000);
    const int frac = int(ns % 1000);
    if (frac) {
        char buf[8];
        std::snprintf(buf, sizeof buf, ".%03d", frac);
        out += buf;
    }
    return out;
}

class PerfettoExport {
public:
    PerfettoExport(const FigureInput &input, const ExportOptions &options, JsonSink &sink)
        : m_input(input)
        , m_options(options)
        , m_layout(input.trace, input.source)
        , m_sink(sink)
    {
    }
    bool run(QString *error);

private:
    // One trace event waiting in the arena for the final sort by time.
    struct Record {
        std::int64_t ts;
        std::uint32_t offset, length;
    };

    void placeSteps();
    bool chooseRange(QString *error);
    bool chooseLanes(QString *error);
    std::int64_t eventTs(std::uint32_t event) const;
    // Where a segment edge at timeline x (a step boundary) lies, `step` being the step it touches.
    std::int64_t boundaryTs(double x, int step) const;
    int tid(int lane) const { return lane + 1; }
    bool inRange(std::int64_t ts) const { return ts >= m_rangeStart && ts <= m_rangeEnd; }

    // Starts a record: {"ph":..,"ts":..,"pid":1,"tid":..; the caller adds fields, then end().
    JsonWriter &begin(char phase, std::int64_t ts, int lane);
    void end();

    // Each adds its records; false once the export was cancelled or the device failed.
    bool addSteps();
    bool addWaits();
    bool addMarkers();
    bool addFlows();
    bool addCounters();
    void addCounter(std::int64_t ts, std::string_view name, std::string_view key, std::int64_t value);
    bool write();
    bool tick(std::uint32_t eventsDone) { return m_sink.advance(int(eventsDone), &m_error); }

    const FigureInput &m_input;
    const ExportOptions &m_options;
    TimelineLayout m_layout;
    JsonSink &m_sink;

    std::vector<std::int64_t> m_start, m_end; // per step: where its slice lies (ns)
    std::int64_t m_last = 0; // where the trace ends
    int m_firstStep = 0, m_lastStep = -1; // the steps exported (0-based, inclusive)
    std::int64_t m_rangeStart = 0, m_rangeEnd = 0;
    std::vector<bool> m_laneShown;

    QString m_error;
    std::string m_arena; // records' JSON text
    JsonWriter m_writer {&m_arena};
    std::vector<Record> m_records;
    std::int64_t m_recordTs = 0;
    std::size_t m_recordStart = 0;
};

// Steps run in zero virtual time, so many share one instant. Each step gets its own slice: it
// starts at its virtual time or, if the step before it still "runs" there, right after it, and
// ends at its virtual end (a clock advance's jump, a blocking time.sleep), but lasts at least
// kStepWidthNs. Slices never overlap and keep the loop's order; a step lags virtual time by 1 µs
// per step before it at the same instant, and the lag ends with the next jump of the clock.
void PerfettoExport::placeSteps()
{
    const auto &steps = m_layout.steps();
    m_start.resize(steps.size());
    m_end.resize(steps.size());
    std::int64_t cursor = 0;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        m_start[i] = std::max(steps[i].time0, cursor);
        m_end[i] = std::max(m_start[i] + kStepWidthNs, steps[i].time1);
        cursor = m_end[i];
    }
    const auto &events = m_input.trace->events();
    // Events after the last step (a deadlock report, module code after asyncio.run) sit after it.
    m_last = std::max(cursor, events.empty() ? 0 : events.back().time);
}

std::int64_t PerfettoExport::eventTs(std::uint32_t event) const
{
    const auto &steps = m_layout.steps();
    auto it = std::upper_bound(
        steps.begin(), steps.end(), event, [](std::uint32_t e, const StepInfo &s) { return e < s.beginEvent; });
    if (it == steps.begin())
        return std::min(m_last, (*m_input.trace)[event].time); // before the first step
    const std::size_t step = std::size_t(it - steps.begin()) - 1;
    const StepInfo &s = steps[step];
    if (event >= s.endEvent)
        return step + 1 < steps.size() ? m_end[step] : std::max(m_end[step], (*m_input.trace)[event].time);
    // Inside the step: spread its events evenly over its slice, strictly inside it.
    const std::int64_t span = m_end[step] - m_start[step];
    return m_start[step] + span * std::int64_t(event - s.beginEvent) / std::int64_t(s.endEvent - s.beginEvent);
}

std::int64_t PerfettoExport::boundaryTs(double x, int step) const
{
    if (std::isinf(x))
        return m_last;
    if (step < 0)
        return 0;
    if (step >= int(m_start.size()))
        return m_last;
    return x > step ? m_end[std::size_t(step)] : m_start[std::size_t(step)];
}

bool PerfettoExport::chooseRange(QString *error)
{
    const auto &steps = m_layout.steps();
    m_firstStep = 0;
    m_lastStep = int(steps.size()) - 1;
    if (m_options.hasStepRange()) {
        if (m_options.stepFrom > 0)
            m_firstStep = std::max(m_firstStep, m_options.stepFrom - 1);
        if (m_options.stepTo > 0)
            m_lastStep = std::min(m_lastStep, m_options.stepTo - 1);
    }
    if (m_options.hasTimeRange()) {
        const auto ns = [](double seconds) { return std::int64_t(std::llround(seconds * 1e9)); };
        while (m_firstStep <= m_lastStep && !std::isnan(m_options.timeFrom)
            && steps[std::size_t(m_firstStep)].time0 < ns(m_options.timeFrom))
            ++m_firstStep;
        while (m_lastStep >= m_firstStep && !std::isnan(m_options.timeTo)
            && steps[std::size_t(m_lastStep)].time0 > ns(m_options.timeTo))
            --m_lastStep;
    }
    if (!m_options.hasStepRange() && !m_options.hasTimeRange()) {
        m_rangeStart = 0;
        m_rangeEnd = m_last;
        return true;
    }
    if (m_firstStep > m_lastStep) {
        *error = QStringLiteral("the range holds no steps (the run has %1)").arg(steps.size());
        return false;
    }
    m_rangeStart = m_start[std::size_t(m_firstStep)];
    m_rangeEnd = m_end[std::size_t(m_lastStep)];
    return true;
}

bool PerfettoExport::chooseLanes(QString *error)
{
    const auto &lanes = m_layout.lanes();
    m_laneShown.assign(lanes.size(), m_options.tasks.isEmpty());
    for (const QString &name : m_options.tasks) {
        const std::string wanted = name.toStdString();
        bool found = false;
        for (std::size_t i = 0; i < lanes.size(); ++i) {
            const Lane &l = lanes[i];
            const std::string laneName = l.kind == LaneKind::Task ? m_input.trace->taskName(l.task)
                : l.kind == LaneKind::Clock                       ? std::string("clock")
                                                                  : std::string("callbacks");
            if (laneName == wanted) {
                m_laneShown[i] = true;
                found = true;
            }
        }
        if (!found) {
            *error = QStringLiteral("no task named '%1' in this run").arg(name);
            return false;
        }
    }
    return true;
}

JsonWriter &PerfettoExport::begin(char phase, std::int64_t ts, int lane)
{
    m_recordTs = ts;
    m_recordStart = m_arena.size();
    m_writer.beginObject();
    m_writer.field("ph", std::string_view(&phase, 1));
    m_writer.key("ts");
    m_writer.raw(micros(ts));
    m_writer.field("pid", kPid);
    m_writer.field("tid", tid(lane));
    return m_writer;
}

void PerfettoExport::end()
{
    m_writer.endObject();
    m_records.push_back(
        Record {m_recordTs, std::uint32_t(m_recordStart), std::uint32_t(m_arena.size() - m_recordStart)});
}

bool PerfettoExport::addSteps()
{
    const auto &steps = m_layout.steps();
    const Trace &trace = *m_input.trace;
    for (int i = m_firstStep; i <= m_lastStep; ++i) {
        const StepInfo &s = steps[std::size_t(i)];
        if (!m_laneShown[std::size_t(s.lane)])
            continue;
        const Lane &lane = m_layout.lanes()[std::size_t(s.lane)];
        const TraceEvent &e = trace[s.beginEvent];
        const std::string handle = m_layout.label(e.text);
        std::string name;
        if (lane.kind == LaneKind::Task)
            name = (lane.coroutine.empty() ? trace.taskName(lane.task) : lane.coroutine) + " (" + causeText(s.cause)
                + ")";
        else if (s.cause == StepCause::ClockAdvance)
            name = "clock → " + TimelineLayout::formatTime(s.time1);
        else
            name = handle.empty() ? std::string(causeText(s.cause)) : handle;
        JsonWriter &w = begin('X', m_start[std::size_t(i)], s.lane);
        w.key("dur");
        w.raw(micros(m_end[std::size_t(i)] - m_start[std::size_t(i)]));
        w.field("name", name);
        w.field("cat", "step");
        w.key("args");
        w.beginObject();
        w.field("step", i + 1);
        w.field("cause", causeText(s.cause));
        w.field("virtual time", TimelineLayout::formatTime(s.time0));
        if (s.line)
            w.field("line", s.line);
        if (!handle.empty())
            w.field("handle", handle);
        w.endObject();
        end();
        if (!tick(s.endEvent))
            return false;
    }
    return true;
}

// Waits: what a task does between its steps, as slices on its track ("waiting: sleep(1)").
bool PerfettoExport::addWaits()
{
    const auto &lanes = m_layout.lanes();
    for (std::size_t lane = 0; lane < lanes.size(); ++lane) {
        if (!m_laneShown[lane] || lanes[lane].kind != LaneKind::Task)
            continue;
        for (const Segment &seg : m_layout.segments(int(lane))) {
            if (seg.kind == SegmentKind::Running)
                continue; // the step's own slice
            const std::int64_t t0 = std::max(m_rangeStart, boundaryTs(seg.span.step0, seg.firstStep));
            const int lastStep = seg.lastStep == TimelineLayout::kOpen ? -1 : seg.lastStep;
            const bool open = seg.lastStep == TimelineLayout::kOpen || std::isinf(seg.span.step1);
            const std::int64_t t1 = std::min(m_rangeEnd, open ? m_last : boundaryTs(seg.span.step1, lastStep));
            if (t1 <= t0)
                continue;
            const std::string what = m_layout.label(seg.label);
            std::string name;
            switch (seg.kind) {
            case SegmentKind::Waiting: name = "waiting: " + what; break;
            case SegmentKind::Blocked: name = "blocked: " + what; break;
            default: name = "ready"; break;
            }
            JsonWriter &w = begin('X', t0, int(lane));
            w.key("dur");
            w.raw(micros(t1 - t0));
            w.field("name", name);
            w.field("cat", seg.kind == SegmentKind::Ready ? "ready" : "wait");
            w.key("args");
            w.beginObject();
            if (!what.empty())
                w.field(seg.kind == SegmentKind::Ready ? "woken through" : "awaits", what);
            if (seg.line)
                w.field("line", seg.line);
            w.field("details", m_layout.describeSegment(int(lane), seg));
            w.endObject();
            end();
        }
    }
    return tick(std::uint32_t(m_input.trace->size()));
}

// Awaits, prints, creation and the ends of tasks, deadlocks: the timeline's markers as instants.
bool PerfettoExport::addMarkers()
{
    const auto &lanes = m_layout.lanes();
    for (std::size_t lane = 0; lane < lanes.size(); ++lane) {
        if (!m_laneShown[lane])
            continue;
        for (const Marker &m : m_layout.markers(int(lane))) {
            if (m.kind == MarkerKind::Resume)
                continue; // the resumed step's slice says it
            const std::int64_t ts = eventTs(m.event);
            if (!inRange(ts))
                continue;
            const TraceEvent &e = (*m_input.trace)[m.event];
            std::string name = markerText(m.kind);
            if (m.kind == MarkerKind::Await || m.kind == MarkerKind::Print || m.kind == MarkerKind::Raised)
                name += ": " + m_input.trace->text(e.text);
            JsonWriter &w = begin('i', ts, int(lane));
            w.field("s", "t");
            w.field("name", name);
            w.field("cat", markerText(m.kind));
            w.key("args");
            w.beginObject();
            if (m.line)
                w.field("line", m.line);
            if (m.kind == MarkerKind::Await && e.other)
                w.field("future", e.other);
            w.field("details", m_layout.describeMarker(int(lane), m));
            w.endObject();
            end();
        }
    }
    return true;
}

// Wake-ups as flow arrows, in the trace event format's v2 form: a slice with "bind_id" and
// "flow_out" where the arrow leaves, one with the same "bind_id" and "flow_in" where it lands.
// A slice binds one flow, and one step can wake many tasks (a gather finishing, Event.set()), so
// each end is a short slice of its own nested in the step's: "wakes Task-3" inside the waker's
// step, "woken through sleep(0.5)" inside the resumed step.
bool PerfettoExport::addFlows()
{
    const auto &lanes = m_layout.lanes();
    for (const WakeArrow &a : m_layout.arrows()) {
        if (a.resumeStep < 0 || a.wakerStep < 0 || a.wakerStep < m_firstStep || a.resumeStep > m_lastStep)
            continue;
        if (!m_laneShown[std::size_t(a.fromLane)] || !m_laneShown[std::size_t(a.toLane)])
            continue;
        const auto waker = std::size_t(a.wakerStep), resume = std::size_t(a.resumeStep);
        // The waker's end sits at the Wake event (a wake outside any step: the step's middle).
        std::int64_t out = eventTs(a.event);
        if (out <= m_start[waker] || out >= m_end[waker])
            out = (m_start[waker] + m_end[waker]) / 2;
        const std::int64_t in = (m_start[resume] + m_end[resume]) / 2;
        const std::string what = m_layout.label((*m_input.trace)[a.event].text);
        const std::string wakee = lanes[std::size_t(a.toLane)].name;
        for (const bool start : {true, false}) {
            const std::size_t step = start ? waker : resume;
            const std::int64_t ts = start ? out : in;
            JsonWriter &w = begin('X', ts, start ? a.fromLane : a.toLane);
            w.key("dur");
            w.raw(micros(std::max<std::int64_t>(1, (m_end[step] - ts) / 2)));
            w.field("name", start ? "wakes " + wakee.substr(0, wakee.find(" \u00b7 ")) : "woken through " + what);
            w.field("cat", "wake");
            w.field("bind_id", a.event);
            w.key(start ? "flow_out" : "flow_in");
            w.raw("true");
            w.key("args");
            w.beginObject();
            w.field("through", what);
            w.endObject();
            end();
        }
    }
    return true;
}

void PerfettoExport::addCounter(std::int64_t ts, std::string_view name, std::string_view key, std::int64_t value)
{
    JsonWriter &w = begin('C', ts, 0); // counters belong to the process; tid 1 is its first thread
    w.field("name", name);
    w.key("args");
    w.beginObject();
    w.field(key, value);
    w.endObject();
    end();
}

// Counters: the tasks in the ready queue (from the lanes' ready segments: plain callbacks are not
// in the trace until they run) and each primitive's value as PrimitiveState reports it.
bool PerfettoExport::addCounters()
{
    // The queue's length at each step boundary B (before step B runs): the ready segments
    // that began by then and end with step B or later. Most last no time at all (queued in one
    // step, run in the next), so they are counted by boundary, not by their width in time.
    const int steps = m_layout.stepCount();
    std::vector<int> delta(std::size_t(steps) + 2, 0);
    const auto &lanes = m_layout.lanes();
    for (std::size_t lane = 0; lane < lanes.size(); ++lane) {
        for (const Segment &seg : m_layout.segments(int(lane))) {
            if (seg.kind != SegmentKind::Ready)
                continue;
            const auto from = std::clamp<long>(std::lround(seg.span.step0), 0, steps);
            const auto to
                = std::isinf(seg.span.step1) ? steps : std::clamp<long>(std::lround(seg.span.step1), 0, steps);
            if (to < from)
                continue;
            ++delta[std::size_t(from)];
            --delta[std::size_t(to) + 1];
        }
    }
    int ready = 0, shown = -1;
    for (int b = 0; b <= steps; ++b) {
        ready += delta[std::size_t(b)];
        const std::int64_t ts = b < steps ? m_start[std::size_t(b)] : m_last;
        if (ready == shown || !inRange(ts))
            continue;
        shown = ready;
        addCounter(ts, "ready queue", "tasks", ready);
    }

    const Trace &trace = *m_input.trace;
    std::map<std::uint32_t, std::string> names; // primitive id -> counter name
    std::set<std::string> taken;
    for (std::uint32_t i = 0; i < trace.size(); ++i) {
        const TraceEvent &e = trace[i];
        if (e.kind != EventKind::PrimitiveState)
            continue;
        auto it = names.find(e.subject);
        if (it == names.end()) {
            std::string name = trace.text(e.text); // "Queue q"; two of one name get their ids
            if (!taken.insert(name).second)
                name += " #" + std::to_string(e.subject);
            it = names.emplace(e.subject, name).first;
        }
        const std::int64_t ts = eventTs(i);
        if (!inRange(ts))
            continue;
        addCounter(ts, it->second, "value", e.other);
    }
    return true;
}

bool PerfettoExport::write()
{
    JsonWriter &w = m_sink.writer();
    w.beginObject();
    w.key("traceEvents");
    w.beginArray();
    // Metadata first: the process, then one thread per lane in creation order.
    const auto metadata = [&](const char *name, int tid, const char *key, const auto &value) {
        w.lineBreak();
        w.beginObject();
        w.field("ph", "M");
        w.field("name", name);
        w.field("pid", kPid);
        w.field("tid", tid);
        w.key("args");
        w.beginObject();
        w.field(key, value);
        w.endObject();
        w.endObject();
    };
    const QString title = m_input.scriptTitle.isEmpty() ? QStringLiteral("script") : m_input.scriptTitle;
    metadata("process_name", tid(0), "name", "Loopscope: " + title.toStdString());
    const auto &lanes = m_layout.lanes();
    for (std::size_t lane = 0; lane < lanes.size(); ++lane) {
        if (!m_laneShown[lane])
            continue;
        metadata("thread_name", tid(int(lane)), "name", lanes[lane].name);
        metadata("thread_sort_index", tid(int(lane)), "sort_index", int(lane));
    }
    // Then every event by time (slices before what they enclose: they were added first).
    std::stable_sort(m_records.begin(), m_records.end(), [](const Record &a, const Record &b) { return a.ts < b.ts; });
    const std::size_t total = m_input.trace->size();
    for (std::size_t i = 0; i < m_records.size(); ++i) {
        w.lineBreak();
        w.raw(std::string_view(m_arena).substr(m_records[i].offset, m_records[i].length));
        if (i % 1024 == 0 && !m_sink.advance(int(total + total * i / m_records.size()), &m_error))
            return false;
    }
    w.lineBreak();
    w.endArray();
    w.field("displayTimeUnit", "ns"); // chrome://tracing rounds to it: our events lie fractions of a µs apart
    w.key("otherData");
    w.beginObject();
    w.field("generator", "Loopscope");
    w.field("script", title.toStdString());
    w.field("steps", int(m_layout.steps().size()));
    if (m_lastStep >= m_firstStep)
        w.field("exported steps", std::to_string(m_firstStep + 1) + ":" + std::to_string(m_lastStep + 1));
    w.field("time", "microseconds of virtual time; steps at one instant follow each other 1 us apart");
    w.endObject();
    w.endObject();
    w.lineBreak();
    return m_sink.finish(&m_error);
}

bool PerfettoExport::run(QString *error)
{
    placeSteps();
    bool ok = chooseRange(error) && chooseLanes(error);
    if (!ok)
        return false;
    ok = addSteps() && addWaits() && addMarkers() && addFlows() && addCounters() && write();
    if (!ok) {
        *error = m_error;
        return false;
    }
    m_sink.done();
    return true;
}

} // namespace

bool writePerfetto(const FigureInput &input, const ExportOptions &options, QIODevice *out, QString *error,
    const ExportProgress &progress)
{
    JsonSink sink(out, progress, 2 * int(input.trace->size()));
    PerfettoExport exporter(input, options, sink);
    return exporter.run(error);
}

} // namespace loopscope
