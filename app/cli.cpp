#include "cli.h"

#include "engine.h"
#include "exportcli.h"
#include "exportoptions.h"
#include "scenariolibrary.h"

#include <QFile>
#include <QFileInfo>

#include <climits>
#include <cstdio>
#include <limits>

namespace loopscope {

namespace {

void printHelp()
{
    std::printf("usage:\n"
                "  loopscope                      start the playground window\n"
                "  loopscope gui [--scenario NAME | --file SCRIPT]\n"
                "  loopscope gui --screenshot FILE.png [--scenario NAME] [--step N] [--size WxH] [--theme light|dark] [--axis steps|time]\n"
                "                                 render the window offscreen at step N into FILE.png\n"
                "  loopscope run SCRIPT [--trace conformance] [RUN OPTIONS]\n"
                "                                 run a script headless; SCRIPT is a .py file or a built-in scenario\n"
                "  loopscope export SCRIPT [--format FORMAT] [--out PATH] [EXPORT OPTIONS] [RUN OPTIONS]\n"
                "                                 run a script headless to its end and export its timeline\n"
                "  loopscope list                 list the built-in scenarios\n"
                "\n"
                "run options:\n"
                "%s"
                "\n"
                "export options (--name value or --name=value):\n"
                "%s",
        runOptionsHelp(), qPrintable(exportOptionsHelp()));
}

// "--name=value" or "--name value": the value of option `name` at args[*i], moving *i past it.
bool optionValue(const QStringList &args, int *i, const QString &name, QString *value, QString *error)
{
    const QString &a = args[*i];
    if (a.size() > name.size() && a.startsWith(name) && a[name.size()] == QLatin1Char('=')) {
        *value = a.mid(name.size() + 1);
        return true;
    }
    if (*i + 1 >= args.size()) {
        *error = QStringLiteral("%1 needs a value").arg(name);
        return false;
    }
    *value = args[++*i];
    return true;
}

// Whether args[i] is option `name`, alone or as "--name=value".
bool isOption(const QString &arg, const char *name)
{
    const QLatin1String n(name);
    return arg == n || (arg.startsWith(n) && arg.size() > n.size() && arg[n.size()] == QLatin1Char('='));
}

} // namespace

int usageError(const QString &message)
{
    std::fprintf(stderr, "loopscope: %s (try 'loopscope help')\n", qPrintable(message));
    return 2;
}

bool loadScript(const QString &script, std::string *source, std::string *fileName, QString *error, QString *title)
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
        if (title) {
            *title = ScenarioLibrary::parseHeader(info.completeBaseName(), QString::fromStdString(*source)).title;
            if (title->isEmpty())
                *title = info.fileName();
        }
        return true;
    }
    ScenarioInfo scenario;
    if (ScenarioLibrary::find(script, &scenario)) {
        *source = scenario.source.toStdString();
        *fileName = (scenario.name + QStringLiteral(".py")).toStdString();
        if (title)
            *title = scenario.title;
        return true;
    }
    *error = QStringLiteral("no such file or built-in scenario: '%1'").arg(script);
    return false;
}

OptionMatch takeRunOption(const QStringList &args, int *i, RunSettings *settings, QString *error)
{
    const QString &a = args[*i];
    for (const char *limit : {"--max-depth", "--max-ops", "--max-size", "--max-steps"}) {
        if (!isOption(a, limit))
            continue;
        // A positive count.
        QString v;
        if (!optionValue(args, i, QLatin1String(limit), &v, error))
            return OptionMatch::Bad;
        bool ok = false;
        const qint64 n = v.toLongLong(&ok);
        const bool depth = limit == std::string_view("--max-depth");
        const qint64 most = depth ? 100000 : std::numeric_limits<qint64>::max();
        if (!ok || n <= 0 || n > most) {
            *error = QStringLiteral("%1 needs a whole number from 1 to %2").arg(QLatin1String(limit)).arg(most);
            return OptionMatch::Bad;
        }
        if (depth)
            settings->limits.maxDepth = int(n);
        else if (limit == std::string_view("--max-ops"))
            settings->limits.stepBudget = std::uint64_t(n);
        else if (limit == std::string_view("--max-size"))
            settings->limits.maxSize = n;
        else
            settings->maxSteps = n;
        return OptionMatch::Taken;
    }
    if (!isOption(a, "--python"))
        return OptionMatch::NotMine;
    QString v;
    if (!optionValue(args, i, QStringLiteral("--python"), &v, error))
        return OptionMatch::Bad;
    if (v == QLatin1String("3.11")) {
        settings->profile = Profile::Py311;
    } else if (v == QLatin1String("3.12")) {
        settings->profile = Profile::Py312;
    } else {
        *error = QStringLiteral("unknown Python profile '%1' (known: 3.11, 3.12)").arg(v);
        return OptionMatch::Bad;
    }
    return OptionMatch::Taken;
}

QString stoppedMessage(Engine &engine, int maxSteps)
{
    return QStringLiteral("stopped after %1 steps at t=%2: the event loop never finishes "
                          "(tasks that keep awaiting for ever?); raise the limit with --max-steps")
        .arg(maxSteps)
        .arg(engine.loop().time(), 0, 'f', 3);
}

const char *runOptionsHelp()
{
    return "  --python 3.11|3.12             the CPython version to behave as (3.12)\n"
           "  --max-depth N                  nested calls (1000)\n"
           "  --max-ops N                    operations per step without an await (10000000)\n"
           "  --max-size N                   items per container or string (16777216)\n"
           "  --max-steps N                  loop steps before the run is stopped (2000000)\n";
}

namespace {

int runCommand(const QStringList &args)
{
    QString script;
    bool conformance = false;
    RunSettings run;
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        QString error;
        const OptionMatch match = takeRunOption(args, &i, &run, &error);
        if (match == OptionMatch::Bad)
            return usageError(error);
        if (match == OptionMatch::Taken)
            continue;
        if (isOption(a, "--trace")) {
            QString v;
            if (!optionValue(args, &i, QStringLiteral("--trace"), &v, &error))
                return usageError(QStringLiteral("--trace needs a value: conformance"));
            if (v != QLatin1String("conformance"))
                return usageError(QStringLiteral("unknown trace format '%1' (known: conformance)").arg(v));
            conformance = true;
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
    engine.setProfile(run.profile);
    engine.setLimits(run.limits);
    if (!engine.load(source, fileName)) {
        std::fprintf(stderr, "%s\n", engine.loadError().formatted.c_str());
        return 1;
    }
    const int maxSteps = int(std::min<qint64>(run.maxSteps, INT_MAX));
    engine.runToEnd(maxSteps);
    if (!engine.finished()) {
        if (conformance)
            std::fputs(engine.trace().conformanceText().c_str(), stdout);
        else
            std::fputs(engine.output().c_str(), stdout);
        std::fflush(stdout);
        std::fprintf(stderr, "loopscope: %s\n", qPrintable(stoppedMessage(engine, maxSteps)));
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
    if (command == QLatin1String("export"))
        return exportCommand(rest);
    if (command == QLatin1String("list"))
        return listCommand(rest);
    if (command == QLatin1String("help") || command == QLatin1String("--help") || command == QLatin1String("-h")) {
        printHelp();
        return 0;
    }
    return usageError(QStringLiteral("unknown command '%1'").arg(command));
}

} // namespace loopscope
