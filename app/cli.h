// The command line: `loopscope run`, `loopscope list`, `loopscope gui`.
#pragma once

#include <QStringList>

namespace loopscope {

// Runs a headless command; returns the process exit status. `args` excludes the program name.
int runCli(const QStringList &args);
// Whether these arguments ask for the window rather than a headless command.
bool wantsGui(const QStringList &args);

} // namespace loopscope
