// A large, realistic trace without running a script: many tasks sleeping on timers and waking each
// other through a queue, as the engine would record them. For the benchmark and the culling tests.
#pragma once

#include "trace.h"

namespace loopscope {

// Appends about `events` events for `tasks` tasks (plus main) to `trace`; deterministic per seed.
void synthesizeTrace(Trace &trace, int tasks, std::size_t events, unsigned seed = 1);

} // namespace loopscope
