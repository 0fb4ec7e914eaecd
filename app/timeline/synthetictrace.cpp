#include "synthetictrace.h"

#include <deque>
#include <queue>
#include <string>
#include <vector>

namespace loopscope {

namespace {
struct Random {
    std::uint64_t state;
    std::uint32_t next()
    {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return std::uint32_t(state >> 33);
    }
    bool chance(int percent) { return int(next() % 100) < percent; }
};

struct Timer {
    std::int64_t when;
    std::uint32_t task;
    std::string what;
    bool operator>(const Timer &o) const { return when != o.when ? when > o.when : task > o.task; }
};
} // namespace

void synthesizeTrace(Trace &trace, int tasks, std::size_t events, unsigned seed)
{
    Random rng {seed * 2654435761ULL + 1};
    std::int64_t now = 0;
    std::deque<std::pair<std::uint32_t, StepCause>> ready;
    std::priority_queue<Timer, std::vector<Timer>, std::greater<>> timers;
    std::vector<std::uint32_t> onQueue; // tasks waiting in queue.get()
    std::vector<int> runs(std::size_t(tasks) + 2, 0);
    std::uint32_t nextTimer = 1;

    trace.append(EventKind::HostStep, 0);
    trace.setTaskName(1, "Task-1");
    trace.append(EventKind::TaskCreated, 0, 1, 0, "Task-1\tmain", 40);
    trace.append(EventKind::StepBegin, 0, 1, 0, {}, 0, std::uint8_t(StepCause::First));
    for (int i = 0; i < tasks; ++i) {
        const auto id = std::uint32_t(i + 2);
        const std::string name = "Task-" + std::to_string(id);
        trace.setTaskName(id, name);
        trace.append(EventKind::TaskCreated, 0, id, 1, name + "\tworker", 30);
        ready.emplace_back(id, StepCause::First);
    }
    trace.append(EventKind::Await, 0, 1, 1, "gather(" + std::to_string(tasks) + " tasks)", 31);
    trace.append(EventKind::StepEnd, 0, 1);

    while (trace.size() < events) {
        if (ready.empty()) {
            if (timers.empty() && onQueue.empty())
                break; // every task finished
            if (timers.empty()) { // everyone waits on the queue: a callback puts an item
                trace.append(EventKind::StepBegin, now, 0, 0, "put_nowait", 0, std::uint8_t(StepCause::Callback));
                const auto t = onQueue.back();
                onQueue.pop_back();
                trace.append(EventKind::Wake, now, 0, t, "queue.get()");
                ready.emplace_back(t, StepCause::Wakeup);
                trace.append(EventKind::StepEnd, now);
                continue;
            }
            trace.append(EventKind::StepBegin, now, 0, 0, "advance clock", 0, std::uint8_t(StepCause::ClockAdvance));
            now = timers.top().when;
            trace.append(EventKind::ClockAdvanced, now);
            trace.append(EventKind::StepEnd, now);
            while (!timers.empty() && timers.top().when <= now) {
                const Timer t = timers.top();
                timers.pop();
                trace.append(EventKind::StepBegin, now, 0, 0, t.what + " timer", 0, std::uint8_t(StepCause::Timer));
                trace.append(EventKind::Wake, now, 0, t.task, t.what);
                trace.append(EventKind::StepEnd, now);
                ready.emplace_back(t.task, StepCause::Wakeup);
            }
            continue;
        }
        const auto [task, cause] = ready.front();
        ready.pop_front();
        trace.append(EventKind::StepBegin, now, task, 0, {}, 0, std::uint8_t(cause));
        if (rng.chance(30))
            trace.append(EventKind::Print, now, task, 0, "item " + std::to_string(runs[task]), 33);
        if (!onQueue.empty() && rng.chance(30)) { // a put wakes a getter
            const auto wakee = onQueue.front();
            onQueue.erase(onQueue.begin());
            trace.append(EventKind::Wake, now, task, wakee, "queue.get()");
            ready.emplace_back(wakee, StepCause::Wakeup);
        }
        if (++runs[task] > 40 && rng.chance(20)) {
            trace.append(EventKind::TaskDone, now, task, 0, "None");
        } else if (rng.chance(75)) {
            const int ms = 10 + int(rng.next() % 990);
            const std::string what = "asyncio.sleep(" + std::to_string(ms / 1000.0).substr(0, 5) + ")";
            timers.push(Timer {now + std::int64_t(ms) * 1000000, task, what});
            trace.append(EventKind::TimerScheduled, now + std::int64_t(ms) * 1000000, nextTimer++, task, what);
            trace.append(EventKind::Await, now, task, nextTimer, what, 34);
        } else {
            onQueue.push_back(task);
            trace.append(EventKind::Await, now, task, nextTimer++, "queue.get()", 35);
        }
        trace.append(EventKind::StepEnd, now, task);
    }
}

} // namespace loopscope
