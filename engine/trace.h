// The trace: an append-only log of everything the engine did, the one source of truth that the
// UI, the exports and the tests read. Events are fixed-size records (24 bytes); their text lives
// in an interned string table, so a print or an await description costs one index.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace loopscope {

enum class EventKind : std::uint8_t {
    TaskCreated, // subject = task, other = parent task (0 = none), line,
                 // text = "name\tcoroutine\tcall" (call: "fetch_data('url2')", the arguments' values)
    StepBegin, // subject = task (0 = plain callback), other = the future whose callback this is (0 = none),
               // aux = StepCause, text = handle description
    StepEnd, // subject = task (0 = plain callback); a step cut short by an eager task's first step
             // (3.12's eager_task_factory): other = that task, text = "Task-2's eager first step"
    Await, // subject = task, other = future id, text = what (e.g. "asyncio.sleep(1)"), line
    Wake, // subject = waker task (0 = timer or callback), other = wakee task, text = through what
    Print, // subject = task (0 = none), text = the printed text (without trailing newline)
    TaskDone, // subject = task, text = repr(result)
    TaskRaised, // subject = task, text = "Type: message"
    TaskCancelled, // subject = task, text = cancel message
    TimerScheduled, // subject = timer id, other = task (0 = none), time = deadline (ns), text = what
    TimerCancelled, // subject = timer id
    ClockAdvanced, // time = new time
    PrimitiveState, // subject = primitive id, other = value (size, counter, flag, owner task), text = "kind name"
    Deadlock, // text = the report
    Livelock,
    Uncaught, // text = "Type: message"
    HostStep, // module-level code started or resumed after a loop run (before/after asyncio.run)
    Warning, // text = warning text; aux = 1: asyncio logged it as the garbage collector freed a task;
             // other = the task a "Task was destroyed but it is pending!" is about (0 = none)
};

enum class StepCause : std::uint8_t {
    First, // a task's first step
    Wakeup, // a future the task awaited is done (other = that future)
    Yield, // the task yielded with a bare yield (sleep(0)) last time
    Cancel, // a cancellation is thrown in
    Timer, // a timer fired (plain callback)
    Callback, // a done-callback or call_soon callback
    ClockAdvance, // the clock moved to the next timer; due timers became ready
};

struct TraceEvent {
    std::int64_t time; // virtual ns when the event happened (deadline for TimerScheduled)
    std::uint32_t subject;
    std::uint32_t other;
    std::uint32_t text; // string table index (0 = empty)
    std::uint16_t line; // script line (0 = none; lines above 65535 are clamped)
    EventKind kind;
    std::uint8_t aux;
};
static_assert(sizeof(TraceEvent) == 24, "trace events must stay compact");

class Trace {
public:
    Trace();
    void clear();
    // Appends an event; returns its index.
    std::size_t append(EventKind kind, std::int64_t time, std::uint32_t subject = 0, std::uint32_t other = 0,
        std::string_view text = {}, int line = 0, std::uint8_t aux = 0);
    const std::vector<TraceEvent> &events() const { return m_events; }
    std::size_t size() const { return m_events.size(); }
    const TraceEvent &operator[](std::size_t i) const { return m_events[i]; }
    // The text of a string index; empty for an index this trace does not have (a stale reader).
    const std::string &text(std::uint32_t index) const
    {
        return index < m_strings.size() ? m_strings[index] : m_strings[0];
    }
    std::uint32_t intern(std::string_view s);
    // Bytes used: events plus the string table (for the benchmark).
    std::size_t byteSize() const;

    // Names of tasks by id (id 0 = no task).
    void setTaskName(std::uint32_t task, const std::string &name);
    const std::string &taskName(std::uint32_t task) const;
    // How many times tasks were named so far (creation and set_name()): readers that show names
    // refresh them when this grows.
    std::size_t namingCount() const { return m_namings.size(); }
    // Every naming and renaming, with the number of events before it: the conformance trace
    // names a task as it was called at each event (set_name(), a task factory's late name).
    struct Naming {
        std::size_t event;
        std::uint32_t task;
        std::uint32_t name; // string index
    };
    const std::vector<Naming> &namings() const { return m_namings; }
    // The call that made a task, with its arguments' values ("fetch('url2')"; empty if unknown).
    void setTaskCall(std::uint32_t task, std::string_view call);
    const std::string &taskCall(std::uint32_t task) const;

    // The conformance trace (format in shared/asyncio-semantics.md).
    std::string conformanceText() const;
    static const char *kindName(EventKind kind);
    // One line per event, for debugging and tests.
    std::string dump() const;

private:
    std::vector<TraceEvent> m_events;
    std::vector<std::string> m_strings;
    // Looked up by string_view (no temporary std::string per appended event).
    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view> {}(s); }
    };
    std::unordered_map<std::string, std::uint32_t, TextHash, std::equal_to<>> m_stringIndex;
    // Texts interned lately, by a cheap hash of their length and ends: most events repeat a few
    // texts ("yield (sleep 0)", a queue's wait), found here without hashing the whole string.
    std::array<std::uint32_t, 64> m_recent {};
    std::vector<std::string> m_taskNames;
    std::vector<Naming> m_namings;
    std::vector<std::uint32_t> m_taskCalls; // string indexes, by task id
};

} // namespace loopscope
