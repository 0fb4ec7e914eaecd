#include "eventloop.h"

#include "task.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace loopscope {

script::ClassObject *Handle::cls() const
{
    return script::types::handleType();
}

void Handle::clearRefs()
{
    callback = nullptr;
    task.reset();
    source.reset();
}

Ref<Handle> EventLoop::callSoon(std::function<void()> fn, HandleKind kind)
{
    auto h = script::make<Handle>();
    h->callback = std::move(fn);
    h->kind = kind;
    h->id = m_nextHandleId++;
    m_ready.push_back(h);
    return h;
}

// The heap orders by (when, seq): equal deadlines fire in scheduling order (rule A4).
bool EventLoop::later(const Ref<Handle> &a, const Ref<Handle> &b)
{
    return a->when != b->when ? a->when > b->when : a->seq > b->seq;
}

Ref<Handle> EventLoop::callAt(std::int64_t whenNs, std::function<void()> fn)
{
    auto h = script::make<Handle>();
    h->callback = std::move(fn);
    h->kind = HandleKind::Timer;
    h->id = m_nextHandleId++;
    h->when = whenNs;
    h->seq = m_seq++;
    h->scheduled = true;
    m_scheduled.push_back(h);
    std::push_heap(m_scheduled.begin(), m_scheduled.end(), later);
    return h;
}

std::int64_t EventLoop::deadlineAfter(double delaySeconds) const
{
    return toNanoseconds(time() + delaySeconds);
}

std::int64_t EventLoop::toNanoseconds(double seconds)
{
    // Python's round(): halves go to even. Past what int64 nanoseconds hold (~292 years) a
    // deadline is as good as never: it waits at the end of time.
    const double ns = std::nearbyint(seconds * 1e9);
    if (!(ns < 9.2e18))
        return std::numeric_limits<std::int64_t>::max();
    if (ns < -9.2e18)
        return -std::numeric_limits<std::int64_t>::max(); // a deadline long past: due at once
    return std::int64_t(ns);
}

std::vector<Ref<Handle>> EventLoop::timers() const
{
    std::vector<Ref<Handle>> live;
    for (const auto &h : m_scheduled)
        if (!h->cancelled)
            live.push_back(h);
    std::sort(live.begin(), live.end(), [](const Ref<Handle> &a, const Ref<Handle> &b) { return later(b, a); });
    return live;
}

bool EventLoop::hasTimers()
{
    return nextDeadline() >= 0;
}

std::int64_t EventLoop::nextDeadline()
{
    while (!m_scheduled.empty() && m_scheduled.front()->cancelled) {
        std::pop_heap(m_scheduled.begin(), m_scheduled.end(), later);
        m_scheduled.back()->scheduled = false;
        m_scheduled.pop_back();
    }
    return m_scheduled.empty() ? -1 : m_scheduled.front()->when;
}

void EventLoop::moveDueTimers()
{
    while (!m_scheduled.empty() && m_scheduled.front()->when <= m_now) {
        std::pop_heap(m_scheduled.begin(), m_scheduled.end(), later);
        Ref<Handle> h = std::move(m_scheduled.back());
        m_scheduled.pop_back();
        h->scheduled = false;
        if (!h->cancelled)
            m_ready.push_back(std::move(h));
    }
}

Ref<Handle> EventLoop::popReady()
{
    Ref<Handle> h = std::move(m_ready.front());
    m_ready.pop_front();
    return h;
}

void EventLoop::clear()
{
    m_ready.clear();
    m_scheduled.clear();
    m_now = 0;
    m_seq = 0;
    m_nextHandleId = 1;
}

} // namespace loopscope
