#include "timelinelayout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_set>

namespace loopscope {

namespace {
constexpr double kOpenX = std::numeric_limits<double>::infinity();
constexpr std::int64_t kOpenTime = std::numeric_limits<std::int64_t>::max();
// A running step is never thinner than this on screen, so work at one instant stays visible.
constexpr float kMinRunningPx = 2.0f;

// When segments of different kinds share a pixel column, the one that says most wins.
int priority(SegmentKind k)
{
    switch (k) {
    case SegmentKind::Running: return 4;
    case SegmentKind::Blocked: return 3;
    case SegmentKind::Ready: return 2;
    case SegmentKind::Waiting: return 1;
    }
    return 0;
}

int priority(MarkerKind k)
{
    switch (k) {
    case MarkerKind::Deadlock:
    case MarkerKind::Livelock:
    case MarkerKind::Uncaught: return 9;
    case MarkerKind::Raised: return 8;
    case MarkerKind::Cancelled: return 7;
    case MarkerKind::Done:
    case MarkerKind::Destroyed: return 6;
    case MarkerKind::Resume: return 5;
    case MarkerKind::Await: return 4;
    case MarkerKind::ClockJump: return 3;
    case MarkerKind::Print: return 2;
    case MarkerKind::Created: return 1;
    }
    return 0;
}

std::string stepName(int index)
{
    return "step " + std::to_string(index + 1);
}
} // namespace

TimelineLayout::TimelineLayout(const Trace *trace, std::string source)
{
    reset(trace, std::move(source));
}

void TimelineLayout::reset(const Trace *trace, std::string source)
{
    m_trace = trace;
    m_source = std::move(source);
    m_sourceLines.clear();
    for (std::size_t pos = 0; pos <= m_source.size();) {
        auto nl = m_source.find('\n', pos);
        if (nl == std::string::npos)
            nl = m_source.size();
        m_sourceLines.push_back(m_source.substr(pos, nl - pos));
        pos = nl + 1;
    }
    m_processed = 0;
    m_namings = 0;
    m_hasDestroyed = false;
    m_lanes.clear();
    m_segments.clear();
    m_markers.clear();
    m_state.clear();
    m_arrows.clear();
    m_steps.clear();
    m_taskLane.clear();
    m_currentStep = -1;
    m_inStep = false;
    m_now = 0;
    m_maxArrowSpan = 0;
    addLane(LaneKind::Clock, 0, "clock · timers");
    addLane(LaneKind::Callbacks, 0, "callbacks");
    update();
}

bool TimelineLayout::stale() const
{
    // A trace that shrank, or whose last seen event changed, was cleared and refilled.
    const auto same = [](const TraceEvent &a, const TraceEvent &b) {
        return a.kind == b.kind && a.time == b.time && a.subject == b.subject && a.other == b.other && a.text == b.text;
    };
    return m_trace
        && (m_trace->size() < m_processed || (m_processed > 0 && !same((*m_trace)[m_processed - 1], m_lastSeen)));
}

bool TimelineLayout::update()
{
    if (!m_trace)
        return false;
    if (stale()) {
        reset(m_trace, std::move(m_source));
        return true;
    }
    if (m_trace->size() == m_processed)
        return false;
    for (std::size_t i = m_processed; i < m_trace->size(); ++i) {
        applyNamings(i);
        process(i);
    }
    m_processed = m_trace->size();
    m_lastSeen = (*m_trace)[m_processed - 1];
    applyNamings(m_processed);
    return true;
}

// Renamings (set_name(), a task factory's late name) recorded before event `before`: the lane
// goes by the new name from the step that renamed the task.
void TimelineLayout::applyNamings(std::size_t before)
{
    const auto &namings = m_trace->namings();
    for (; m_namings < namings.size() && namings[m_namings].event <= before; ++m_namings) {
        const Trace::Naming &n = namings[m_namings];
        if (n.task >= m_taskLane.size() || m_taskLane[n.task] < 0)
            continue; // the name it is created with
        Lane &lane = m_lanes[std::size_t(m_taskLane[n.task])];
        std::string name = m_trace->text(n.name);
        if (!lane.call.empty())
            name += " · " + lane.call;
        if (name == lane.name)
            continue;
        const int step = std::max(m_currentStep, lane.createdStep);
        if (!lane.renames.empty() && lane.renames.back().step == step)
            lane.renames.pop_back(); // renamed twice in one step: the last name holds
        lane.renames.push_back({step, lane.name});
        lane.name = std::move(name);
    }
}

const std::string &TimelineLayout::laneName(int lane, int cutStep) const
{
    const Lane &l = m_lanes[std::size_t(lane)];
    // renames[i] = {the step that renamed it, the name it had until then}
    for (const Lane::Rename &r : l.renames)
        if (r.step >= cutStep)
            return r.name;
    return l.name;
}

int TimelineLayout::addLane(LaneKind kind, std::uint32_t task, std::string name)
{
    Lane lane;
    lane.kind = kind;
    lane.task = task;
    lane.name = std::move(name);
    lane.createdStep = m_currentStep;
    m_lanes.push_back(std::move(lane));
    m_segments.emplace_back();
    m_markers.emplace_back();
    m_state.emplace_back();
    return int(m_lanes.size()) - 1;
}

int TimelineLayout::laneOfTask(std::uint32_t task) const
{
    return task < m_taskLane.size() ? m_taskLane[task] : -1;
}

int TimelineLayout::laneCount(int cutStep) const
{
    // Lanes are created in step order: the visible ones are a prefix.
    auto it = std::partition_point(
        m_lanes.begin(), m_lanes.end(), [cutStep](const Lane &l) { return l.createdStep < cutStep; });
    return int(it - m_lanes.begin());
}

int TimelineLayout::laneForStep(const TraceEvent &e) const
{
    if (e.subject) {
        int lane = laneOfTask(e.subject);
        return lane >= 0 ? lane : callbacksLane();
    }
    const auto cause = StepCause(e.aux);
    return cause == StepCause::ClockAdvance || cause == StepCause::Timer ? clockLane() : callbacksLane();
}

Segment *TimelineLayout::openSegmentOf(int lane)
{
    auto &segs = m_segments[std::size_t(lane)];
    return !segs.empty() && segs.back().lastStep == kOpen ? &segs.back() : nullptr;
}

void TimelineLayout::openSegment(
    int lane, SegmentKind kind, double x, std::int64_t time, std::uint32_t label, std::uint32_t event, int line)
{
    Segment s;
    s.span = Span {x, kOpenX, time, kOpenTime};
    s.kind = kind;
    s.firstStep = m_currentStep;
    s.lastStep = kOpen;
    s.label = label;
    s.event = event;
    s.line = line;
    m_segments[std::size_t(lane)].push_back(s);
}

void TimelineLayout::closeSegment(int lane, double x, std::int64_t time)
{
    if (Segment *s = openSegmentOf(lane)) {
        s->span.step1 = x;
        s->span.time1 = time;
        s->lastStep = m_currentStep;
    }
}

void TimelineLayout::addMarker(
    int lane, MarkerKind kind, double x, std::int64_t time, int owner, std::uint32_t event, int line)
{
    m_markers[std::size_t(lane)].push_back(Marker {x, time, kind, owner, event, line});
}

// The call that created a task, read from the script: `fetch('notes.txt', 0.5)`. The trace only
// names the coroutine; the k-th task created by one statement is the k-th call of it there.
std::string TimelineLayout::callText(int line, const std::string &coroutine, int occurrence) const
{
    std::string fallback = coroutine + "()";
    if (line <= 0 || std::size_t(line) > m_sourceLines.size() || coroutine.empty())
        return fallback;
    std::string text;
    const std::size_t last = std::min(m_sourceLines.size(), std::size_t(line) + 20);
    for (std::size_t i = std::size_t(line) - 1; i < last; ++i) {
        std::string l = m_sourceLines[i];
        auto hash = l.find('#');
        if (hash != std::string::npos && l.find_first_of("'\"") > hash)
            l.resize(hash); // a comment (strings with '#' before it are kept whole)
        text += l;
        text += ' ';
    }
    std::vector<std::string> calls;
    for (std::size_t pos = text.find(coroutine + '('); pos != std::string::npos;
         pos = text.find(coroutine + '(', pos + 1)) {
        if (pos > 0 && (std::isalnum(static_cast<unsigned char>(text[pos - 1])) || text[pos - 1] == '_'))
            continue;
        int depth = 0;
        std::size_t end = pos + coroutine.size();
        char quote = 0;
        for (; end < text.size(); ++end) {
            const char c = text[end];
            if (quote) {
                if (c == quote)
                    quote = 0;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                ++depth;
            } else if (c == ')' && --depth == 0) {
                break;
            }
        }
        if (end == text.size())
            break;
        std::string call;
        for (std::size_t k = pos; k <= end; ++k) // collapse the line breaks and indentation
            if (!(text[k] == ' ' && (call.empty() || call.back() == ' ' || call.back() == '(')))
                call += text[k];
        calls.push_back(call);
    }
    if (calls.empty())
        return fallback;
    std::string call = calls[std::size_t(std::min<int>(occurrence, int(calls.size()) - 1))];
    if (call.size() > 48)
        call = call.substr(0, 46) + "…)";
    return call;
}

void TimelineLayout::process(std::size_t index)
{
    const TraceEvent &e = (*m_trace)[index];
    const auto idx = std::uint32_t(index);
    const double stepEndX = m_currentStep + 1; // the boundary after the current step
    switch (e.kind) {
    case EventKind::TaskCreated: {
        // "name\tcoroutine\tcall": the call with its arguments' values, fetch_data('url2')
        const std::string &text = m_trace->text(e.text);
        const auto tab = text.find('\t');
        const auto tab2 = tab == std::string::npos ? tab : text.find('\t', tab + 1);
        const std::string name = text.substr(0, tab);
        const std::string coroutine = tab == std::string::npos ? std::string() : text.substr(tab + 1, tab2 - tab - 1);
        std::string call = tab2 == std::string::npos ? std::string() : text.substr(tab2 + 1);
        if (e.aux && coroutine.starts_with("BaseEventLoop.")) {
            // asyncio.run's own shutdown tasks read as the calls the runner makes: loop.shutdown_asyncgens().
            call = "loop." + coroutine.substr(14) + "()";
        } else if (call.empty()) { // a trace without calls (synthetic ones): read it from the script
            int occurrence = 0;
            for (auto l = m_lanes.rbegin(); l != m_lanes.rend() && l->createdStep == m_currentStep; ++l)
                if (l->kind == LaneKind::Task && l->line == e.line && l->coroutine == coroutine)
                    ++occurrence;
            call = callText(e.line, coroutine, occurrence);
        }
        const int lane = addLane(LaneKind::Task, e.subject, name + " · " + call);
        m_lanes.back().call = call;
        m_lanes.back().line = e.line;
        m_lanes.back().internal = e.aux != 0;
        m_lanes.back().coroutine = coroutine;
        if (m_taskLane.size() <= e.subject)
            m_taskLane.resize(e.subject + 1, -1);
        m_taskLane[e.subject] = lane;
        openSegment(lane, SegmentKind::Ready, stepEndX, e.time, 0, idx, e.line);
        addMarker(lane, MarkerKind::Created, stepEndX, e.time, m_currentStep, idx, e.line);
        break;
    }
    case EventKind::StepBegin: {
        ++m_currentStep;
        m_inStep = true;
        const int lane = laneForStep(e);
        StepInfo step;
        step.beginEvent = step.endEvent = idx;
        step.lane = lane;
        step.time0 = step.time1 = e.time;
        step.cause = StepCause(e.aux);
        m_steps.push_back(step);
        const double x = m_currentStep;
        if (m_lanes[std::size_t(lane)].kind == LaneKind::Task) {
            auto &st = m_state[std::size_t(lane)];
            closeSegment(lane, x, e.time);
            if (step.cause != StepCause::First)
                addMarker(lane, MarkerKind::Resume, x, e.time, m_currentStep, idx, st.resumeLine);
            if (st.pendingWake >= 0) {
                auto &arrow = m_arrows[std::size_t(st.pendingWake)];
                arrow.resumeStep = m_currentStep;
                m_maxArrowSpan = std::max(m_maxArrowSpan, arrow.resumeStep - arrow.wakerStep);
                st.pendingWake = -1;
            }
            st.after = SegmentKind::Ready; // unless it awaits something or finishes
            st.afterLabel = 0;
            st.afterEvent = idx;
            st.afterLine = st.resumeLine;
        }
        openSegment(lane, SegmentKind::Running, x, e.time, e.text, idx, 0);
        break;
    }
    case EventKind::StepEnd: {
        if (!m_inStep)
            break;
        StepInfo &step = m_steps.back();
        step.endEvent = idx + 1;
        step.time1 = e.time;
        if (Segment *running = openSegmentOf(step.lane))
            running->line = step.line;
        closeSegment(step.lane, stepEndX, e.time);
        auto &st = m_state[std::size_t(step.lane)];
        if (e.other) { // cut short by an eager task's first step: it waits inside create_task
            st.after = SegmentKind::Waiting;
            st.afterLabel = e.text;
            st.afterEvent = idx;
        }
        if (m_lanes[std::size_t(step.lane)].kind == LaneKind::Task && !st.done)
            openSegment(step.lane, st.after, stepEndX, e.time, st.afterLabel, st.afterEvent, st.afterLine);
        m_inStep = false;
        break;
    }
    case EventKind::Await: {
        const int lane = laneOfTask(e.subject);
        if (lane < 0)
            break;
        auto &st = m_state[std::size_t(lane)];
        st.after = e.other ? SegmentKind::Waiting : SegmentKind::Ready; // other = 0: a bare yield
        st.afterLabel = e.text;
        st.afterEvent = idx;
        st.afterLine = e.line;
        st.resumeLine = e.line;
        addMarker(lane, MarkerKind::Await, stepEndX, e.time, m_currentStep, idx, e.line);
        if (m_inStep && e.line)
            m_steps.back().line = e.line;
        break;
    }
    case EventKind::Wake: {
        const int wakee = laneOfTask(e.other);
        if (wakee < 0)
            break;
        auto &st = m_state[std::size_t(wakee)];
        WakeArrow arrow;
        arrow.fromLane = m_inStep ? m_steps.back().lane : clockLane();
        arrow.toLane = wakee;
        arrow.wakerStep = m_currentStep;
        arrow.event = idx;
        st.pendingWake = int(m_arrows.size());
        m_arrows.push_back(arrow);
        if (m_inStep && m_steps.back().lane == wakee) {
            // The future was already done when the task awaited it: ready again at once.
            st.after = SegmentKind::Ready;
            st.afterEvent = idx;
        } else if (Segment *open = openSegmentOf(wakee); open && open->kind != SegmentKind::Ready) {
            closeSegment(wakee, stepEndX, e.time);
            openSegment(wakee, SegmentKind::Ready, stepEndX, e.time, e.text, idx, st.resumeLine);
        }
        break;
    }
    case EventKind::TaskDone:
    case EventKind::TaskRaised:
    case EventKind::TaskCancelled: {
        const int lane = laneOfTask(e.subject);
        if (lane < 0)
            break;
        m_state[std::size_t(lane)].done = true;
        if (!m_inStep || m_steps.back().lane != lane)
            closeSegment(lane, stepEndX, e.time);
        const MarkerKind kind = e.kind == EventKind::TaskDone ? MarkerKind::Done
            : e.kind == EventKind::TaskRaised                 ? MarkerKind::Raised
                                                              : MarkerKind::Cancelled;
        addMarker(lane, kind, stepEndX, e.time, m_currentStep, idx, e.line);
        break;
    }
    case EventKind::Print: {
        int lane = e.subject ? laneOfTask(e.subject) : -1;
        if (lane < 0)
            lane = m_inStep ? m_steps.back().lane : callbacksLane();
        addMarker(
            lane, MarkerKind::Print, m_inStep ? m_currentStep + 0.5 : stepEndX, e.time, m_currentStep, idx, e.line);
        if (m_inStep && e.line)
            m_steps.back().line = e.line;
        break;
    }
    case EventKind::ClockAdvanced:
        m_now = std::max(m_now, e.time);
        // The clock lane's own steps say where the clock went; a blocking call is marked.
        if (e.subject)
            addMarker(clockLane(), MarkerKind::ClockJump, m_inStep ? m_currentStep + 0.5 : stepEndX, e.time,
                m_currentStep, idx);
        break;
    case EventKind::Deadlock: {
        // Every task still waiting is stuck for good: its waiting segment turns "blocked" once the
        // deadlock is visible (query() shows it as waiting under an earlier cut).
        addMarker(clockLane(), MarkerKind::Deadlock, stepEndX, e.time, m_currentStep, idx);
        for (int lane = 0; lane < int(m_lanes.size()); ++lane) {
            Segment *open = openSegmentOf(lane);
            if (!open || open->kind != SegmentKind::Waiting)
                continue;
            open->kind = SegmentKind::Blocked;
            open->lastStep = m_currentStep; // stays open to the right: it waits forever
            addMarker(lane, MarkerKind::Deadlock, stepEndX, e.time, m_currentStep, idx, open->line);
        }
        break;
    }
    case EventKind::Warning: {
        // "Task was destroyed but it is pending!": the task's lane ends where it was freed.
        const int lane = e.other ? laneOfTask(e.other) : -1;
        if (lane < 0 || m_state[std::size_t(lane)].done)
            break;
        m_state[std::size_t(lane)].done = true;
        m_hasDestroyed = true;
        closeSegment(lane, m_inStep ? m_currentStep + 0.5 : stepEndX, e.time);
        addMarker(lane, MarkerKind::Destroyed, m_inStep ? m_currentStep + 0.5 : stepEndX, e.time, m_currentStep, idx);
        break;
    }
    case EventKind::Livelock:
    case EventKind::Uncaught:
        addMarker(clockLane(), e.kind == EventKind::Livelock ? MarkerKind::Livelock : MarkerKind::Uncaught, stepEndX,
            e.time, m_currentStep, idx);
        break;
    default: break;
    }
}

// ---- coordinates ------------------------------------------------------------------------------

std::int64_t TimelineLayout::stepTime(int index) const
{
    if (m_steps.empty() || index < 0)
        return 0;
    return m_steps[std::size_t(std::min(index, stepCount() - 1))].time0;
}

double TimelineLayout::cursorX(AxisMode mode, int steps) const
{
    steps = std::clamp(steps, 0, stepCount());
    if (mode == AxisMode::Steps)
        return steps;
    if (steps == 0)
        return 0;
    return toSeconds(m_steps[std::size_t(steps - 1)].time1);
}

double TimelineLayout::xEnd(AxisMode mode, int cutStep) const
{
    return cursorX(mode, cutStep);
}

int TimelineLayout::stepAt(AxisMode mode, double x) const
{
    if (m_steps.empty())
        return -1;
    if (mode == AxisMode::Steps)
        return std::clamp(int(std::floor(x)), 0, stepCount() - 1);
    const auto ns = std::int64_t(std::llround(x * 1e9));
    auto it = std::upper_bound(
        m_steps.begin(), m_steps.end(), ns, [](std::int64_t t, const StepInfo &s) { return t < s.time0; });
    return std::max(0, int(it - m_steps.begin()) - 1);
}

TaskState TimelineLayout::taskState(int lane, int cutStep, std::string *what) const
{
    const Lane &l = m_lanes[std::size_t(lane)];
    if (l.kind != LaneKind::Task || l.createdStep >= cutStep)
        return TaskState::NotCreated;
    const auto &marks = m_markers[std::size_t(lane)];
    for (auto it = marks.rbegin(); it != marks.rend(); ++it) {
        if (it->ownerStep >= cutStep)
            continue;
        if (it->kind == MarkerKind::Done)
            return TaskState::Done;
        if (it->kind == MarkerKind::Cancelled)
            return TaskState::Cancelled;
        if (it->kind == MarkerKind::Raised)
            return TaskState::Raised;
        if (it->kind == MarkerKind::Destroyed)
            return TaskState::Destroyed;
        break; // the newest visible marker is not an end
    }
    const auto &segs = m_segments[std::size_t(lane)];
    auto it
        = std::partition_point(segs.begin(), segs.end(), [cutStep](const Segment &s) { return s.firstStep < cutStep; });
    if (it == segs.begin())
        return TaskState::Ready;
    --it;
    if (what && it->label)
        *what = label(it->label);
    switch (it->kind) {
    case SegmentKind::Waiting: return TaskState::Waiting;
    case SegmentKind::Blocked: return it->lastStep < cutStep ? TaskState::Blocked : TaskState::Waiting;
    default: return TaskState::Ready;
    }
}

// ---- query ------------------------------------------------------------------------------------

void TimelineLayout::query(const TimelineWindow &w, VisibleItems &out) const
{
    out.clear();
    const double upp = w.unitsPerPixel;
    const double left = w.x0;
    const double right = w.x0 + w.widthPx * upp;
    const int cut = std::min(w.cutStep, stepCount());
    const double cutX = cursorX(w.mode, cut);
    const int firstLane = std::max(0, w.firstLane);
    const int lastLane = std::min(w.lastLane, laneCount(cut) - 1);
    const auto toPx = [&](double x) { return float(std::clamp((x - left) / upp, -4.0, w.widthPx + 4.0)); };

    for (int lane = firstLane; lane <= lastLane; ++lane) {
        const auto &segs = m_segments[std::size_t(lane)];
        auto it = std::partition_point(
            segs.begin(), segs.end(), [&](const Segment &s) { return spanX1(s.span, w.mode) < left; });
        bool pending = false;
        VisibleSegment cur {};
        for (; it != segs.end() && it->firstStep < cut; ++it) {
            const double x0 = spanX0(it->span, w.mode);
            if (x0 > right || x0 > cutX)
                break;
            const bool forever = it->kind == SegmentKind::Blocked && it->lastStep < cut;
            const double x1 = forever ? spanX1(it->span, w.mode) : std::min(spanX1(it->span, w.mode), cutX);
            const bool running = it->kind == SegmentKind::Running;
            if (x1 <= x0 && !running)
                continue;
            float a = toPx(x0);
            float b = std::max(toPx(x1), running ? a + kMinRunningPx : a);
            SegmentKind kind = it->kind;
            if (kind == SegmentKind::Blocked && it->lastStep >= cut)
                kind = SegmentKind::Waiting; // the deadlock lies beyond the cut
            // A running step widened to its minimum width may overlap what follows: that starts
            // after it, or joins it when nothing is left.
            if (pending && a < cur.x1)
                a = std::min(cur.x1, b);
            // Merge per pixel column: a sliver joins the item whose last pixel column it starts in.
            if (pending && a < std::floor(cur.x1) + 1 && (b - a < 1 || cur.x1 - cur.x0 < 1)) {
                cur.x1 = std::max(cur.x1, b);
                if (kind != cur.kind || it->label != cur.label)
                    cur.label = 0;
                if (priority(kind) > priority(cur.kind))
                    cur.kind = kind;
                continue;
            }
            if (pending)
                out.segments.push_back(cur);
            cur = VisibleSegment {a, b, lane, kind, it->label, it->firstStep};
            pending = true;
        }
        if (pending)
            out.segments.push_back(cur);

        const auto &marks = m_markers[std::size_t(lane)];
        const auto markX = [&](const Marker &m) { return w.mode == AxisMode::Steps ? m.step : toSeconds(m.time); };
        auto mit = std::partition_point(marks.begin(), marks.end(), [&](const Marker &m) { return markX(m) < left; });
        const std::size_t firstMarker = out.markers.size();
        for (; mit != marks.end(); ++mit) {
            const double x = markX(*mit);
            if (x > right)
                break;
            if (mit->ownerStep >= cut)
                continue;
            const float px = toPx(x);
            if (out.markers.size() > firstMarker && std::floor(out.markers.back().x) == std::floor(px)) {
                if (priority(mit->kind) > priority(out.markers.back().kind))
                    out.markers.back() = VisibleMarker {px, lane, mit->kind, mit->ownerStep};
                continue;
            }
            out.markers.push_back(VisibleMarker {px, lane, mit->kind, mit->ownerStep});
        }
    }

    // Wake arrows, merged per pixel like segments: one arrow per start column, end column and pair
    // of lanes (a lane out of view counts as the edge it lies beyond, where its stub is drawn).
    if (m_arrows.empty() || stepCount() == 0)
        return;
    const int stepLeft = stepAt(w.mode, left);
    std::unordered_set<std::uint64_t> drawn;
    const auto edge = [&](int lane) { return std::clamp(lane, firstLane - 1, lastLane + 1) - (firstLane - 1); };
    auto ait = std::partition_point(m_arrows.begin(), m_arrows.end(),
        [&](const WakeArrow &a) { return a.wakerStep < stepLeft - m_maxArrowSpan - 1; });
    for (; ait != m_arrows.end() && ait->wakerStep < cut; ++ait) {
        if (ait->resumeStep < 0 || ait->resumeStep >= cut)
            continue;
        const double x0 = w.mode == AxisMode::Steps ? ait->wakerStep + 1.0 : toSeconds((*m_trace)[ait->event].time);
        const double x1 = w.mode == AxisMode::Steps ? double(ait->resumeStep)
                                                    : toSeconds(m_steps[std::size_t(ait->resumeStep)].time0);
        if (x0 > right)
            break;
        if (x1 < left || std::max(ait->fromLane, ait->toLane) < firstLane
            || std::min(ait->fromLane, ait->toLane) > lastLane)
            continue;
        VisibleArrow a {toPx(x0), toPx(x1), ait->fromLane, ait->toLane, ait->resumeStep, ait->event, ait->wakerStep};
        const auto column = [](float px) { return std::uint64_t(std::uint16_t(int(std::floor(px)) + 8)); };
        const std::uint64_t key = column(a.x0) << 48 | column(a.x1) << 32
            | std::uint64_t(std::uint16_t(edge(a.fromLane))) << 16 | std::uint16_t(edge(a.toLane));
        if (!drawn.insert(key).second)
            continue;
        out.arrows.push_back(a);
    }
}

// ---- hit testing and words --------------------------------------------------------------------

HitResult TimelineLayout::hitTest(const TimelineWindow &w, double xPx, int lane, double tolerancePx) const
{
    HitResult r;
    const int cut = std::min(w.cutStep, stepCount());
    if (lane < 0 || lane >= laneCount(cut))
        return r;
    r.lane = lane;
    const double x = w.x0 + xPx * w.unitsPerPixel;
    const double tol = tolerancePx * w.unitsPerPixel;
    const double cutX = cursorX(w.mode, cut);

    const Marker *best = nullptr;
    double bestDistance = tol;
    for (const auto &m : m_markers[std::size_t(lane)]) {
        const double mx = w.mode == AxisMode::Steps ? m.step : toSeconds(m.time);
        const double d = std::abs(mx - x);
        if (m.ownerStep < cut && d <= bestDistance
            && (!best || d < bestDistance || priority(m.kind) > priority(best->kind))) {
            best = &m;
            bestDistance = d;
        }
    }
    if (best) {
        r.hit = true;
        r.step = best->ownerStep;
        r.line = best->line;
        r.text = describeMarker(lane, *best);
        return r;
    }
    const auto &segs = m_segments[std::size_t(lane)];
    auto it = std::partition_point(
        segs.begin(), segs.end(), [&](const Segment &s) { return spanX1(s.span, w.mode) < x - tol; });
    const Segment *found = nullptr;
    for (; it != segs.end() && it->firstStep < cut; ++it) {
        const double x0 = spanX0(it->span, w.mode);
        const bool forever = it->kind == SegmentKind::Blocked && it->lastStep < cut;
        const double x1 = forever ? spanX1(it->span, w.mode) : std::min(spanX1(it->span, w.mode), cutX);
        if (x0 > x + tol)
            break;
        if (x1 < x - tol)
            continue;
        if (!found || (x0 <= x && x <= x1))
            found = &*it;
    }
    if (!found)
        return r;
    r.hit = true;
    r.step = found->firstStep;
    r.line = found->kind == SegmentKind::Running && found->firstStep >= 0 ? m_steps[std::size_t(found->firstStep)].line
                                                                          : found->line;
    // Described as it stands at the cut: what ends later is still going on.
    Segment seen = *found;
    if (seen.lastStep >= cut) {
        if (seen.kind == SegmentKind::Blocked)
            seen.kind = SegmentKind::Waiting;
        seen.lastStep = kOpen;
    }
    r.text = describeSegment(lane, seen);
    return r;
}

std::string TimelineLayout::formatTime(std::int64_t ns)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f s", double(ns) / 1e9);
    return buf;
}

// Trace texts as the timeline shows them: "asyncio.sleep(1.5)" reads "sleep(1.5)".
std::string TimelineLayout::label(std::uint32_t textIndex) const
{
    if (!m_trace || !textIndex)
        return {};
    const std::string &text = m_trace->text(textIndex);
    return text.starts_with("asyncio.") ? text.substr(8) : text;
}

std::string TimelineLayout::describeSegment(int lane, const Segment &s) const
{
    const Lane &l = m_lanes[std::size_t(lane)];
    std::string text = l.name + '\n';
    const bool open = s.lastStep == kOpen || s.kind == SegmentKind::Blocked;
    const std::string from = s.firstStep < 0 ? std::string("the start") : stepName(s.firstStep);
    const std::string until = open ? std::string("now") : stepName(s.lastStep);
    std::string times = formatTime(s.span.time0) + " → " + (open ? std::string("…") : formatTime(s.span.time1));
    switch (s.kind) {
    case SegmentKind::Running:
        text += (l.kind == LaneKind::Task ? "running in " : "runs ") + (s.label ? label(s.label) + " · " : "")
            + stepName(s.firstStep) + " at " + formatTime(s.span.time0);
        if (!open && s.span.time1 > s.span.time0)
            text += "\nblocks the loop for " + formatTime(s.span.time1 - s.span.time0);
        break;
    case SegmentKind::Ready: {
        text += "ready (queued, not yet running) from " + from + " until " + until + "\n";
        const TraceEvent &e = (*m_trace)[s.event];
        if (e.kind == EventKind::Wake) {
            const int wakerStep = s.firstStep;
            std::string waker = e.subject ? m_trace->taskName(e.subject)
                : wakerStep >= 0          ? m_lanes[std::size_t(m_steps[std::size_t(wakerStep)].lane)].name
                                          : std::string("the module code");
            const bool cancelled = s.lastStep != kOpen && s.lastStep >= 0 && s.lastStep < stepCount()
                && m_steps[std::size_t(s.lastStep)].cause == StepCause::Cancel;
            text += (cancelled ? "cancelled by " : "woken by ") + waker + " through " + label(e.text);
        } else if (e.kind == EventKind::TaskCreated) {
            text += "created, waiting for its first step";
        } else if (e.kind == EventKind::Await) {
            text += "yielded (" + label(e.text) + ")";
        } else {
            text += "rescheduled";
        }
        break;
    }
    case SegmentKind::Waiting:
        text += "waiting for " + label(s.label) + " from " + from + " until " + until + "\n" + times;
        break;
    case SegmentKind::Blocked:
        text += "deadlocked: waits for " + label(s.label) + " forever (since " + from + ")\n" + times;
        break;
    }
    if (s.line)
        text += "\nline " + std::to_string(s.line);
    return text;
}

std::string TimelineLayout::describeWake(const VisibleArrow &a) const
{
    const TraceEvent &e = (*m_trace)[a.event];
    const auto &resume = m_steps[std::size_t(a.resumeStep)];
    const bool cancel = resume.cause == StepCause::Cancel;
    return "wake-up: " + m_lanes[std::size_t(a.fromLane)].name + (cancel ? " cancels " : " wakes ")
        + m_lanes[std::size_t(a.toLane)].name + "\nthrough " + label(e.text) + " in " + stepName(a.wakerStep)
        + "; it resumes in " + stepName(a.resumeStep) + " · " + formatTime(resume.time0);
}

std::string TimelineLayout::describeMarker(int lane, const Marker &m) const
{
    const Lane &l = m_lanes[std::size_t(lane)];
    const TraceEvent &e = (*m_trace)[m.event];
    const std::string at
        = (m.ownerStep < 0 ? std::string("before the first step") : stepName(m.ownerStep)) + " · " + formatTime(m.time);
    std::string text = l.name + '\n';
    switch (m.kind) {
    case MarkerKind::Created:
        text += "created" + (e.other ? " by " + m_trace->taskName(e.other) : std::string()) + ", " + at;
        break;
    case MarkerKind::Await: text += "awaits " + label(e.text) + ", " + at; break;
    case MarkerKind::Resume: {
        const auto cause = m_steps[std::size_t(m.ownerStep)].cause;
        text += std::string(cause == StepCause::Cancel ? "resumes with CancelledError"
                        : cause == StepCause::Yield    ? "resumes after yielding"
                                                       : "resumes")
            + ", " + at;
        break;
    }
    case MarkerKind::Print: text += "print: " + label(e.text) + "\n" + at; break;
    case MarkerKind::Done: text += "done, returned " + label(e.text) + "\n" + at; break;
    case MarkerKind::Cancelled:
        text += "cancelled" + (e.text ? ": " + label(e.text) : std::string()) + "\n" + at;
        break;
    case MarkerKind::Raised: text += "raised " + label(e.text) + "\n" + at; break;
    case MarkerKind::Deadlock: text += label(e.text) + at; break;
    case MarkerKind::Livelock: text += "livelock: the loop never lets the clock advance\n" + at; break;
    case MarkerKind::Uncaught: text += "uncaught " + label(e.text) + "\n" + at; break;
    case MarkerKind::Destroyed:
        text += "destroyed while pending: nothing referred to it any more, so it never finished (keep a "
                "reference to a task until it is done)\n"
            + at;
        break;
    case MarkerKind::ClockJump:
        text += (e.subject ? m_trace->taskName(e.subject) + " blocks in time.sleep; clock at "
                           : std::string("clock advances to "))
            + formatTime(e.time) + "\n" + at;
        break;
    }
    if (m.line)
        text += "\nline " + std::to_string(m.line);
    return text;
}

} // namespace loopscope
