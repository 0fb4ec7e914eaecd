// The event loop's core: a virtual clock, the ready queue and the timer heap (semantics rules A1–A5).
#pragma once

#include "script/value.h"

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

namespace loopscope {

class Task;
class Future;
using script::Ref;
using script::Value;

enum class HandleKind : std::uint8_t {
    TaskStep, // Task.__step (first step, bare yield, cancellation)
    TaskWakeup, // Task.__wakeup(future)
    Timer, // a TimerHandle's callback
    Callback, // any other callback (done-callbacks, call_soon)
};

// A callback queued on the loop (asyncio.Handle); a TimerHandle when `when >= 0`.
class Handle : public script::Object {
public:
    Handle()
        : Object(script::ObjKind::Handle)
    {
        track();
    }
    script::ClassObject *cls() const override;
    void clearRefs() override;
    void cancel()
    {
        cancelled = true;
        callback = nullptr;
    }

    std::function<void()> callback;
    bool cancelled = false;
    HandleKind kind = HandleKind::Callback;
    std::uint32_t id = 0;
    Ref<Task> task; // the task whose step/wakeup this is
    Ref<Future> source; // the future whose done-callback this is
    std::string description; // "sleep(1) timer", "gather callback", ...
    bool scheduled = false; // a timer still in the heap
    std::int64_t when = -1; // deadline in ns (timers)
    std::uint64_t seq = 0; // scheduling order (timers)
};

class EventLoop {
public:
    std::int64_t now() const { return m_now; }
    double time() const { return double(m_now) / 1e9; }
    void setNow(std::int64_t ns) { m_now = ns; }

    Ref<Handle> callSoon(std::function<void()> fn, HandleKind kind = HandleKind::Callback);
    Ref<Handle> callAt(std::int64_t whenNs, std::function<void()> fn);
    // Deadline computed as CPython does: when = time() + delay in doubles, then rounded to ns (rule A4).
    std::int64_t deadlineAfter(double delaySeconds) const;
    // A deadline in seconds as the clock's nanoseconds (rounded as CPython; clamped to int64).
    static std::int64_t toNanoseconds(double seconds);

    bool hasReady() const { return !m_ready.empty(); }
    std::size_t readyCount() const { return m_ready.size(); }
    const std::deque<Ref<Handle>> &ready() const { return m_ready; }
    // Live timers in firing order.
    std::vector<Ref<Handle>> timers() const;
    bool hasTimers();
    // Drops cancelled timers at the head of the heap (rule A2a); returns the next deadline or -1.
    std::int64_t nextDeadline();
    // Appends every due timer (when <= now) to the ready queue in heap order (rule A2d).
    void moveDueTimers();
    Ref<Handle> popReady();
    void clear();
    // loop.close(): the timers go (the ready queue is emptied handle by handle by the caller).
    void dropTimers() { m_scheduled.clear(); }
    std::size_t timerCount() const { return m_scheduled.size(); }

private:
    static bool later(const Ref<Handle> &a, const Ref<Handle> &b);
    std::int64_t m_now = 0;
    std::deque<Ref<Handle>> m_ready;
    std::vector<Ref<Handle>> m_scheduled; // a binary min-heap on (when, seq)
    std::uint64_t m_seq = 0;
    std::uint32_t m_nextHandleId = 1;
};

} // namespace loopscope
