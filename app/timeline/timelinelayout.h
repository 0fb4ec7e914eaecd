// The timeline's geometry, without pixels: lanes, segments, markers and wake arrows in timeline
// coordinates, built incrementally from the engine's append-only trace. The painter, the QML item
// and the exports all draw what this computes, so what people export is what they saw.
//
// Coordinates: y is a lane index. x depends on the axis mode:
//   Steps: one unit per loop step; step number n (1-based, as Engine::stepCount() counts them)
//          occupies [n-1, n). Everything the host code did before the first step sits at x = 0.
//   Time:  virtual seconds.
// A "cut" at step n shows exactly what the trace held after n steps (stepping back = cutting earlier).
#pragma once

#include "trace.h"

#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace loopscope {

enum class AxisMode : std::uint8_t { Steps, Time };

// Virtual nanoseconds as the seconds of the time axis.
inline double toSeconds(std::int64_t ns)
{
    return double(ns) * 1e-9;
}

enum class SegmentKind : std::uint8_t {
    Running, // the task's step is executing
    Ready, // queued in the ready queue, not yet run
    Waiting, // suspended on a future (labelled with what it awaits)
    Blocked, // still waiting when the loop deadlocked
};

enum class MarkerKind : std::uint8_t {
    Created,
    Await, // the task suspends
    Resume, // the task continues after a wakeup, a yield or a cancellation
    Print,
    Done,
    Cancelled,
    Raised,
    Deadlock,
    Livelock,
    Uncaught,
    ClockJump, // a blocking call (time.sleep) moved the clock forward
    Destroyed, // freed while still pending ("Task was destroyed but it is pending!")
};

enum class LaneKind : std::uint8_t { Clock, Task, Callbacks };

struct Lane {
    LaneKind kind = LaneKind::Task;
    std::uint32_t task = 0; // task id (0 for the clock and callbacks lanes)
    std::string name; // "Task-3 · fetch('notes.txt', 0.5)": the task's name now (set_name() renames it)
    std::string call; // "fetch('notes.txt', 0.5)"
    // Names it had before, each with the step that renamed it (see TimelineLayout::laneName).
    struct Rename {
        int step;
        std::string name;
    };
    std::vector<Rename> renames;
    std::string coroutine; // "fetch"
    int createdStep = -1; // 0-based step index that created the task (-1 = before the first step)
    int line = 0; // the line that created the task
    bool internal = false; // created by asyncio itself (shutdown_asyncgens...)
};

// Both coordinates of a position: the step axis and the time axis.
struct Span {
    double step0 = 0, step1 = 0; // step units
    std::int64_t time0 = 0, time1 = 0; // virtual ns
};

struct Segment {
    Span span;
    SegmentKind kind = SegmentKind::Running;
    int firstStep = 0; // 0-based index of the step in which it began (-1 = before the first step)
    int lastStep = 0; // step in which it ended (open segments: kOpen)
    std::uint32_t label = 0; // trace string index: what it awaits / the handle description
    std::uint32_t event = 0; // trace index of the event that began it
    int line = 0; // the script line to show when it is clicked
};

struct Marker {
    double step = 0;
    std::int64_t time = 0;
    MarkerKind kind = MarkerKind::Await;
    int ownerStep = 0; // visible once this step has run
    std::uint32_t event = 0; // trace index
    int line = 0;
};

// A wake-up: from the step that completed the awaited future to the step where the task resumed.
struct WakeArrow {
    int fromLane = 0, toLane = 0;
    int wakerStep = 0; // the step that woke it
    int resumeStep = -1; // the step where the wakee continued (-1 = not yet)
    std::uint32_t event = 0; // the Wake event
};

// Where a task stands between steps, once some steps ran (the dot by its name).
enum class TaskState : std::uint8_t { NotCreated, Ready, Waiting, Blocked, Done, Cancelled, Raised, Destroyed };

// One loop step (one handle run, or one clock advance).
struct StepInfo {
    std::uint32_t beginEvent = 0, endEvent = 0; // trace range [begin, end)
    int lane = 0;
    std::int64_t time0 = 0, time1 = 0; // virtual time at its start and end
    int line = 0; // the script line it ended at (0 = none)
    StepCause cause = StepCause::Callback;
};

// What a visible rectangle of the timeline looks like at one zoom level.
struct TimelineWindow {
    AxisMode mode = AxisMode::Steps;
    double x0 = 0; // left edge, in x units
    double unitsPerPixel = 1.0 / 24; // zoom
    double widthPx = 800;
    int firstLane = 0, lastLane = 0; // inclusive
    int cutStep = std::numeric_limits<int>::max(); // show steps [0, cutStep)
};

// Query results: already culled and merged, in pixels relative to the plot's left edge. Where
// kinds share a pixel column the merged item takes the one that says most (running first).
struct VisibleSegment {
    float x0, x1; // pixels
    int lane;
    SegmentKind kind;
    std::uint32_t label; // 0 when merged or unlabelled
    int firstStep;
};
struct VisibleMarker {
    float x;
    int lane;
    MarkerKind kind;
    int ownerStep;
};
struct VisibleArrow {
    float x0, x1;
    int fromLane, toLane;
    int resumeStep;
    std::uint32_t event; // the Wake event
    int wakerStep;
};
struct VisibleItems {
    std::vector<VisibleSegment> segments;
    std::vector<VisibleMarker> markers;
    std::vector<VisibleArrow> arrows;
    void clear()
    {
        segments.clear();
        markers.clear();
        arrows.clear();
    }
};

// What is under a point: for tooltips and clicks.
struct HitResult {
    bool hit = false;
    int lane = -1;
    int step = -1; // 0-based step index to select (-1 = none)
    int line = 0; // script line to scroll to
    std::string text; // the tooltip: the full event
};

class TimelineLayout {
public:
    static constexpr int kOpen = std::numeric_limits<int>::max();

    explicit TimelineLayout(const Trace *trace = nullptr, std::string source = {});
    // A different trace (or the same one after Trace::clear()): start over.
    void reset(const Trace *trace, std::string source = {});
    // Extends the layout with the events appended since the last call. Rebuilds only when the
    // trace was cleared (Engine::load/reset), even if it has grown again since. Returns true when
    // anything changed.
    bool update();
    // True when the trace was cleared (and maybe refilled) since the last update(): until then
    // the layout's event and text indices do not belong to the trace and must not be read.
    bool stale() const;

    const Trace *trace() const { return m_trace; }
    const std::vector<Lane> &lanes() const { return m_lanes; }
    const std::vector<Segment> &segments(int lane) const { return m_segments[std::size_t(lane)]; }
    const std::vector<Marker> &markers(int lane) const { return m_markers[std::size_t(lane)]; }
    const std::vector<WakeArrow> &arrows() const { return m_arrows; }
    const std::vector<StepInfo> &steps() const { return m_steps; }
    int stepCount() const { return int(m_steps.size()); }
    int laneOfTask(std::uint32_t task) const;
    // Lanes that exist once `cutStep` steps ran (tasks appear in creation order).
    int laneCount(int cutStep = kOpen) const;
    // Whether a task was freed while pending (its lane ends with MarkerKind::Destroyed).
    bool hasDestroyedTasks() const { return m_hasDestroyed; }
    // A lane's name as the first `cutStep` steps left it (a task renamed later has its old name).
    const std::string &laneName(int lane, int cutStep = kOpen) const;
    static constexpr int clockLane() { return 0; }
    int callbacksLane() const { return 1; }

    // The extent of the x axis once `cutStep` steps ran.
    double xEnd(AxisMode mode, int cutStep = kOpen) const;
    // x of the boundary after `steps` steps (the cursor), in either mode.
    double cursorX(AxisMode mode, int steps) const;
    // Virtual time when step `index` (0-based) began.
    std::int64_t stepTime(int index) const;
    // The 0-based step whose column holds x (steps mode) or that ran at/just before x (time mode).
    int stepAt(AxisMode mode, double x) const;

    // The state of a task lane once `cutStep` steps ran; `what` (if given) gets what it waits for.
    TaskState taskState(int lane, int cutStep, std::string *what = nullptr) const;

    // Culled and merged to at most one segment and one marker per lane per pixel column.
    void query(const TimelineWindow &window, VisibleItems &out) const;
    // x in pixels from the plot's left edge, lane index; tolerance in pixels.
    HitResult hitTest(const TimelineWindow &window, double xPx, int lane, double tolerancePx = 4) const;

    // Text helpers (also used by the painter).
    std::string label(std::uint32_t textIndex) const;
    std::string describeSegment(int lane, const Segment &s) const;
    std::string describeMarker(int lane, const Marker &m) const;
    std::string describeWake(const VisibleArrow &a) const;
    static std::string formatTime(std::int64_t ns);

private:
    // Per lane: what the lane's task does once the current step ends.
    struct LaneState {
        bool done = false;
        SegmentKind after = SegmentKind::Ready; // what follows the running segment
        std::uint32_t afterLabel = 0;
        std::uint32_t afterEvent = 0;
        int afterLine = 0;
        int resumeLine = 0; // where the task will continue
        int pendingWake = -1; // index of its wake arrow awaiting a resume
    };
    void process(std::size_t index);
    int laneForStep(const TraceEvent &e) const;
    int addLane(LaneKind kind, std::uint32_t task, std::string name);
    void applyNamings(std::size_t before);
    void openSegment(
        int lane, SegmentKind kind, double x, std::int64_t time, std::uint32_t label, std::uint32_t event, int line);
    void closeSegment(int lane, double x, std::int64_t time);
    void addMarker(
        int lane, MarkerKind kind, double x, std::int64_t time, int owner, std::uint32_t event, int line = 0);
    Segment *openSegmentOf(int lane);
    std::string callText(int line, const std::string &coroutine, int occurrence) const;
    double spanX0(const Span &s, AxisMode mode) const { return mode == AxisMode::Steps ? s.step0 : toSeconds(s.time0); }
    double spanX1(const Span &s, AxisMode mode) const { return mode == AxisMode::Steps ? s.step1 : toSeconds(s.time1); }

    const Trace *m_trace = nullptr;
    std::string m_source;
    std::vector<std::string> m_sourceLines;
    std::size_t m_processed = 0;
    TraceEvent m_lastSeen {}; // the last event processed, to notice a trace cleared and refilled
    bool m_hasDestroyed = false;
    std::size_t m_namings = 0; // Trace::namings() applied to the lanes so far

    std::vector<Lane> m_lanes;
    std::vector<std::vector<Segment>> m_segments; // per lane, in x order, non-overlapping
    std::vector<std::vector<Marker>> m_markers; // per lane, in x order
    std::vector<WakeArrow> m_arrows; // in waker-step order
    std::vector<StepInfo> m_steps;
    std::vector<int> m_taskLane; // task id -> lane (-1 = none)
    std::vector<LaneState> m_state; // per lane
    int m_currentStep = -1; // the step being processed (-1 = host code before the first step)
    bool m_inStep = false;
    std::int64_t m_now = 0;
    int m_maxArrowSpan = 0; // the longest wake arrow in steps (for culling)
};

} // namespace loopscope
