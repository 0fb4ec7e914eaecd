// How compact and how fast is the trace? Prints bytes per event (target: at most 32) and events
// recorded per second, for raw appends and for a whole scenario-like workload run by the engine.
#include "engine.h"

#include <chrono>
#include <cstdio>
#include <string>

using namespace loopscope;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

// Raw appends with a realistic mix: steps, awaits with repeated descriptions, prints with
// mostly distinct text.
void rawAppends()
{
    Trace trace;
    const int n = 2'000'000;
    auto t0 = Clock::now();
    for (int i = 0; i < n; ++i) {
        std::uint32_t task = std::uint32_t(i % 1000 + 1);
        switch (i % 5) {
        case 0: trace.append(EventKind::StepBegin, i, task, 0, {}, 0, 0); break;
        case 1: trace.append(EventKind::Await, i, task, 7, "asyncio.sleep(0.5)", 12); break;
        case 2: trace.append(EventKind::Wake, i, 0, task, "asyncio.sleep(0.5)"); break;
        case 3: trace.append(EventKind::Print, i, task, 0, "worker " + std::to_string(i % 5000) + " done", 14); break;
        default: trace.append(EventKind::StepEnd, i, task); break;
        }
    }
    auto t1 = Clock::now();
    std::printf("raw appends:      %9zu events  %6.1f bytes/event  %6.2f M events/s\n", trace.size(),
                double(trace.byteSize()) / double(trace.size()), double(trace.size()) / seconds(t0, t1) / 1e6);
}

// A workload in the scenario language: many tasks, sleeps, a queue and a lock.
void engineWorkload()
{
    const std::string script = R"(
import asyncio

async def worker(i, q, lock):
    for round in range(20):
        await asyncio.sleep(0.001 * (i % 7 + 1))
        async with lock:
            await q.put((i, round))
        if round % 5 == 0:
            print(f"worker {i} round {round}")

async def drain(q, n):
    for _ in range(n):
        await q.get()
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=50)
    lock = asyncio.Lock()
    workers = [asyncio.create_task(worker(i, q, lock)) for i in range(500)]
    await asyncio.gather(drain(q, 500 * 20), *workers)

asyncio.run(main())
)";
    Engine engine;
    if (!engine.load(script, "bench.py")) {
        std::printf("load failed: %s\n", engine.loadError().formatted.c_str());
        return;
    }
    auto t0 = Clock::now();
    engine.runToEnd();
    auto t1 = Clock::now();
    const auto &trace = engine.trace();
    std::printf("engine workload:  %9zu events  %6.1f bytes/event  %6.2f M events/s  (%d steps, %.2f s)\n", trace.size(),
                double(trace.byteSize()) / double(trace.size()), double(trace.size()) / seconds(t0, t1) / 1e6, engine.stepCount(),
                seconds(t0, t1));
}

} // namespace

int main()
{
    std::printf("trace event record: %zu bytes (target for all-in bytes/event: <= 32)\n", sizeof(TraceEvent));
    rawAppends();
    engineWorkload();
    return 0;
}
