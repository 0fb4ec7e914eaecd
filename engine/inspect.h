// Read-only views of a paused engine for the playground's inspector: what is ready to run, which
// timers wait, and each primitive with its waiters. Nothing here runs script code or changes state.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace loopscope {

class Engine;
namespace script {
class CoroutineObject;
class Interpreter;
}

// One handle of the ready queue, in the order the loop will run them.
struct ReadyEntry {
    std::string description; // "Task-2 (fetch) step", "sleep(1) timer"...
    std::uint32_t task = 0; // the task the handle steps or wakes (0: a plain callback)
    bool firstStep = false;
    bool wakeup = false;
};

// A pending timer, sorted by deadline (then scheduling order).
struct TimerEntry {
    std::int64_t when = 0; // ns
    std::string description;
    std::uint32_t task = 0; // the task that sleeps on it (0: none)
};

struct WaiterEntry {
    std::uint32_t task = 0; // 0: a future nobody steps for
    std::string what; // "queue.get()", "lock_a.acquire()"
};

struct PrimitiveEntry {
    std::uint32_t id = 0;
    std::string kind; // "Lock", "Queue", "Semaphore", "BoundedSemaphore", "Event", ...
    std::string label; // "lock_a"
    std::string state; // "locked by Task-2", "2 of 2 items", "value 0", "set"
    std::vector<std::string> items; // a queue's items (repr), front first
    std::vector<WaiterEntry> waiters; // in wake-up order (a queue: getters)
    std::vector<WaiterEntry> putters; // a queue's blocked putters
    std::vector<WaiterEntry> joiners; // tasks in a queue's join()
    std::uint32_t owner = 0; // a lock's holder
};

// The call that made a coroutine, with its arguments' values: `fetch_data('url2', delay=0.5)`.
// Each argument's repr is cut to kArgChars with "…", the whole to kCallChars; values whose repr
// would run script code show as <Type object>; a lock or queue as its variable, a task as its name. A native coroutine shows what it does
// ("asyncio.sleep(5)").
std::string callLabel(script::Interpreter &in, const script::CoroutineObject &coro);
constexpr std::size_t kArgChars = 24;
constexpr std::size_t kCallChars = 64;

std::vector<ReadyEntry> readyQueue(Engine &engine);
std::vector<TimerEntry> pendingTimers(Engine &engine);
// Every live primitive, by creation order.
std::vector<PrimitiveEntry> primitives(Engine &engine);

} // namespace loopscope
