#include "cli.h"

#include "engine.h"
#include "scenariolibrary.h"

#include <QFile>
#include <QFileInfo>

#include <climits>
#include <cstdio>
#include <limits>

namespace loopscope {

namespace {

// Bad arguments: one line on stderr and exit status 2.
int usageError(const QString &message)
{
    std::fprintf(stderr, "loopscope: %s (try 'loopscope help')\n", qPrintable(message));
    return 2;
}

void printHelp()
{
    std::printf("usage:\n"
                "  loopscope                      start the playground window\n"
                "  loopscope gui [--scenario NAME | --file SCRIPT]\n"
                "  loopscope gui --screenshot FILE.png [--scenario NAME] [--step N] [--size WxH] [--theme light|dark] [--axis steps|time]\n"
                "                                 render the window offscreen at step N into FILE.png\n"
                "  loopscope run SCRIPT [--trace conformance] [--python 3.11|3.12]\n"
                "                [--max-depth N] [--max-ops N] [--max-size N] [--max-steps N]\n"
                "                                 run a script headless; SCRIPT is a .py file or a built-in scenario\n"
                "                                 limits: nested calls (1000), operations per step without an await\n"
                "                                 (10000000), items per container or string (16777216), loop steps\n"
                "                                 (2000000)\n"
                "  loopscope list                 list the built-in scenarios\n");
}

// Loads SCRIPT: a file path, or the name of a built-in scenario.
bool loadScript(const QString &script, std::string *source, std::string *fileName, QString *error)
{
    QFileInfo info(script);
    if (info.exists()) {
        QFile f(script);
        if (!info.isFile() || !f.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read '%1'").arg(script);
            return false;
        }
        *source = f.readAll().toStdString();
        *fileName = script.toStdString();
        return true;
    }
    ScenarioInfo scenario;
    if (ScenarioLibrary::find(script, &scenario)) {
        *source = scenario.source.toStdString();
        *fileName = (scenario.name + QStringLiteral(".py")).toStdString();
        return true;
    }
    *error = QStringLiteral("no such file or built-in scenario: '%1'").arg(script);
    return false;
}

int runCommand(const QStringList &args)
{
    QString script;
    bool conformance = false;
    Profile profile = Profile::Py312;
    script::Limits limits;
    // A loop that never ends (tasks awaiting forever while the clock moves on, or a sleep(0)
    // spin with no timer pending) would run for ever, as under CPython; stop it and say so.
    qint64 maxSteps = 2'000'000;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        // --max-depth/--max-ops/--max-size/--max-steps N: a positive count.
        const bool isLimit = a == QLatin1String("--max-depth") || a == QLatin1String("--max-ops")
            || a == QLatin1String("--max-size") || a == QLatin1String("--max-steps");
        if (isLimit) {
            bool ok = false;
            const qint64 n = i + 1 < args.size() ? args[++i].toLongLong(&ok) : 0;
            const qint64 most = a == QLatin1String("--max-depth") ? 100000 : std::numeric_limits<qint64>::max();
            if (!ok || n <= 0 || n > most)
                return usageError(QStringLiteral("%1 needs a whole number from 1 to %2").arg(a).arg(most));
            if (a == QLatin1String("--max-depth"))
                limits.maxDepth = int(n);
            else if (a == QLatin1String("--max-ops"))
                limits.stepBudget = std::uint64_t(n);
            else if (a == QLatin1String("--max-size"))
                limits.maxSize = n;
            else
                maxSteps = n;
        } else if (a == QLatin1String("--trace")) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("--trace needs a value: conformance"));
            if (args[++i] != QLatin1String("conformance"))
                return usageError(QStringLiteral("unknown trace format '%1' (known: conformance)").arg(args[i]));
            conformance = true;
        } else if (a.startsWith(QLatin1String("--trace="))) {
            if (a.mid(8) != QLatin1String("conformance"))
                return usageError(QStringLiteral("unknown trace format '%1' (known: conformance)").arg(a.mid(8)));
            conformance = true;
        } else if (a == QLatin1String("--python") || a.startsWith(QLatin1String("--python="))) {
            QString v = a.contains(QLatin1Char('=')) ? a.section(QLatin1Char('='), 1)
                                                     : (i + 1 < args.size() ? args[++i] : QString());
            if (v == QLatin1String("3.11"))
                profile = Profile::Py311;
            else if (v == QLatin1String("3.12"))
                profile = Profile::Py312;
            else
                return usageError(QStringLiteral("unknown Python profile '%1' (known: 3.11, 3.12)").arg(v));
        } else if (a.startsWith(QLatin1String("-"))) {
            return usageError(QStringLiteral("unknown option '%1'").arg(a));
        } else if (script.isEmpty()) {
            script = a;
        } else {
            return usageError(QStringLiteral("unexpected argument '%1'").arg(a));
        }
    }
    if (script.isEmpty())
        return usageError(QStringLiteral("run needs a SCRIPT"));
    std::string source, fileName;
    QString error;
    if (!loadScript(script, &source, &fileName, &error))
        return usageError(error);

    Engine engine;
    engine.setProfile(profile);
    engine.setLimits(limits);
    if (!engine.load(source, fileName)) {
        std::fprintf(stderr, "%s\n", engine.loadError().formatted.c_str());
        return 1;
    }
    engine.runToEnd(int(std::min<qint64>(maxSteps, INT_MAX)));
    if (!engine.finished()) {
        if (conformance)
            std::fputs(engine.trace().conformanceText().c_str(), stdout);
        else
            std::fputs(engine.output().c_str(), stdout);
        std::fflush(stdout);
        std::fprintf(stderr,
            "loopscope: stopped after %d steps at t=%.3f: the event loop never finishes "
            "(tasks that keep awaiting for ever?); raise the limit with --max-steps\n",
            int(std::min<qint64>(maxSteps, INT_MAX)), engine.loop().time());
        return 1;
    }
    if (conformance) {
        std::fputs(engine.trace().conformanceText().c_str(), stdout);
    } else {
        std::fputs(engine.output().c_str(), stdout);
        std::fflush(stdout);
        std::fputs(engine.errors().c_str(), stderr);
        if (engine.outcome() == Outcome::Deadlock)
            std::fprintf(stderr, "%s", engine.deadlockReport().text.c_str());
        else if (engine.outcome() == Outcome::Livelock)
            std::fprintf(stderr, "livelock: more than 100000 loop iterations at t=%.3f while a timer waits\n",
                engine.loop().time());
    }
    return engine.exitStatus();
}

int listCommand(const QStringList &args)
{
    if (!args.isEmpty())
        return usageError(QStringLiteral("list takes no arguments"));
    for (const ScenarioInfo &s : ScenarioLibrary::all())
        std::printf("%-12s %s\n", qPrintable(s.name), qPrintable(s.title));
    return 0;
}

} // namespace

bool wantsGui(const QStringList &args)
{
    return args.isEmpty() || args.first() == QLatin1String("gui");
}

int runCli(const QStringList &args)
{
    const QString command = args.value(0);
    const QStringList rest = args.mid(1);
    if (command == QLatin1String("run"))
        return runCommand(rest);
    if (command == QLatin1String("list"))
        return listCommand(rest);
    if (command == QLatin1String("help") || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        printHelp();
        return 0;
    }
    return usageError(QStringLiteral("unknown command '%1'").arg(command));
}

} // namespace loopscope
