// The command line: `loopscope run`, `loopscope list`, `loopscope gui`; `loopscope export` is in
// exportcli.h (it needs the GUI libraries) and shares the script loading and run options here.
#pragma once

#include "engine.h"

#include <QStringList>

#include <string>

namespace loopscope {

// Runs a headless command; returns the process exit status. `args` excludes the program name.
int runCli(const QStringList &args);
// Whether these arguments ask for the window rather than a headless command.
bool wantsGui(const QStringList &args);

// Bad arguments: "loopscope: MESSAGE (try 'loopscope help')" on stderr; returns exit status 2.
int usageError(const QString &message);

// Loads SCRIPT: a file path, or the name of a built-in scenario. `title` (if given) gets the
// scenario's title, or the file's own "Title:" header, or its name.
bool loadScript(const QString &script, std::string *source, std::string *fileName, QString *error,
    QString *title = nullptr);

// How `loopscope run` and `loopscope export` run a script: the Python profile and the limits.
struct RunSettings {
    Profile profile = Profile::Py312;
    script::Limits limits;
    // A loop that never ends (tasks awaiting forever while the clock moves on, or a sleep(0)
    // spin with no timer pending) would run for ever, as under CPython; stop it and say so.
    qint64 maxSteps = 2'000'000;
};

enum class OptionMatch { NotMine, Taken, Bad };
// Reads the run option at args[*i] (--python, --max-depth, --max-ops, --max-size, --max-steps,
// as `--name value` or `--name=value`), moving *i past its value. Bad: `error` says why.
OptionMatch takeRunOption(const QStringList &args, int *i, RunSettings *settings, QString *error);
// "stopped after N steps at t=T: ...; raise the limit with --max-steps"
QString stoppedMessage(Engine &engine, int maxSteps);
// The usage lines of the run options, for `loopscope help`.
const char *runOptionsHelp();

} // namespace loopscope
