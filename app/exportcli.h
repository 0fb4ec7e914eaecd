// `loopscope export SCRIPT --format svg|png|pdf|perfetto|trace|json --out PATH [options]`: runs
// the script headless to its end and exports its timeline through exportRun().
#pragma once

#include <QStringList>

namespace loopscope {

// `args` excludes "export". Needs a QGuiApplication (main() makes one on the offscreen platform).
// Exit status: 0 when the file was written (also after a script error or a deadlock, which it
// reports on stderr), 1 when the script does not load, 2 for bad arguments (nothing written).
int exportCommand(const QStringList &args);

} // namespace loopscope
