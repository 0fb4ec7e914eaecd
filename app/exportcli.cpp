#include "exportcli.h"

#include "cli.h"
#include "exporter.h"

#include <QFileInfo>

#include <climits>
#include <csignal>
#include <cstdio>

namespace loopscope {

namespace {

// Ctrl-C or a build system's kill during an export: the exporter cancels its QSaveFile, so the
// half-written temporary file goes and an existing file at --out stays as it was.
volatile std::sig_atomic_t g_interrupted = 0;

void onInterrupt(int)
{
    g_interrupted = 1;
}

// The format a file name asks for: "x.perfetto.json" -> perfetto, "x.svg" -> svg.
bool formatFromName(const QString &out, ExportFormat *format)
{
    for (ExportFormat f : {ExportFormat::Perfetto, ExportFormat::Svg, ExportFormat::Png, ExportFormat::Pdf,
             ExportFormat::Trace, ExportFormat::Json})
        if (out.endsWith(QLatin1Char('.') + formatSuffix(f), Qt::CaseInsensitive)) {
            *format = f;
            return true;
        }
    return false;
}

// What stopped the run early, for stderr; empty when the script ran to its end.
QString runNote(Engine &engine, int maxSteps)
{
    const QString at = QStringLiteral("at t=%1").arg(engine.loop().time(), 0, 'f', 3);
    switch (engine.outcome()) {
    case Outcome::Uncaught: {
        // The traceback's last line: "ValueError: boom".
        QString last = QString::fromStdString(engine.errors()).trimmed();
        last = last.mid(last.lastIndexOf(QLatin1Char('\n')) + 1);
        return QStringLiteral("the script raised %1 %2").arg(last, at);
    }
    case Outcome::Deadlock: return QStringLiteral("the script deadlocked %1").arg(at);
    case Outcome::Livelock:
        return QStringLiteral("the script livelocked %1 (more than 100000 loop iterations while a timer waits)").arg(at);
    case Outcome::Finished: return {};
    default: return stoppedMessage(engine, maxSteps);
    }
}

} // namespace

int exportCommand(const QStringList &args)
{
    QString script, error;
    RunSettings run;
    ExportOptions options;
    bool formatGiven = false, stepsGiven = false, timeGiven = false;
    const QStringList names = exportOptionNames();
    for (int i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const OptionMatch match = takeRunOption(args, &i, &run, &error);
        if (match == OptionMatch::Bad)
            return usageError(error);
        if (match == OptionMatch::Taken)
            continue;
        if (!a.startsWith(QLatin1String("--"))) {
            if (a.startsWith(QLatin1Char('-')) && a.size() > 1)
                return usageError(QStringLiteral("unknown option '%1'").arg(a));
            if (!script.isEmpty())
                return usageError(QStringLiteral("unexpected argument '%1': export takes one SCRIPT").arg(a));
            script = a;
            continue;
        }
        const int eq = a.indexOf(QLatin1Char('='));
        const QString name = a.mid(2, eq < 0 ? -1 : eq - 2);
        if (!names.contains(name))
            return usageError(QStringLiteral("unknown export option '%1'").arg(eq < 0 ? a : a.left(eq)));
        QString value;
        if (eq >= 0) {
            value = a.mid(eq + 1);
        } else if (name == QLatin1String("build")) {
            // `--build` alone builds step by step; a following step/iteration/on/off is its value.
            static const QStringList buildValues {QStringLiteral("step"), QStringLiteral("iteration"),
                QStringLiteral("on"), QStringLiteral("off")};
            value = i + 1 < args.size() && buildValues.contains(args[i + 1]) ? args[++i] : QStringLiteral("step");
        } else if (i + 1 < args.size()) {
            value = args[++i];
        } else {
            return usageError(QStringLiteral("--%1 needs a value").arg(name));
        }
        if (!setExportOption(&options, name, value, &error))
            return usageError(error);
        formatGiven |= name == QLatin1String("format");
        stepsGiven |= name == QLatin1String("steps") && options.hasStepRange();
        timeGiven |= name == QLatin1String("time") && options.hasTimeRange();
    }
    if (script.isEmpty())
        return usageError(QStringLiteral("export needs a SCRIPT: a .py file or a built-in scenario"));
    if (stepsGiven && timeGiven)
        return usageError(QStringLiteral("give a range with --steps or with --time, not both"));
    if (!formatGiven && !options.out.isEmpty() && !QFileInfo(options.out).isDir()
        && !formatFromName(options.out, &options.format))
        return usageError(QStringLiteral("--out '%1' does not say which format to write: add --format (%2)")
                              .arg(options.out, exportFormatNames().join(QLatin1Char('|'))));
    if (options.build && options.format != ExportFormat::Pdf)
        return usageError(QStringLiteral("--build makes one PDF page per step: add --format pdf, or leave --build out"));

    std::string source, fileName;
    QString title;
    if (!loadScript(script, &source, &fileName, &error, &title))
        return usageError(error);
    if (options.out.isEmpty()) // gather -> ./gather.svg; scripts/fan_out.py -> ./fan_out.pdf
        options.out = QFileInfo(QString::fromStdString(fileName)).completeBaseName() + QLatin1Char('.')
            + formatSuffix(options.format);
    // A path that cannot be written fails before the run, not after it.
    if (const QString problem = outputProblem(options); !problem.isEmpty()) {
        std::fprintf(stderr, "loopscope: %s\n", qPrintable(problem));
        return 2;
    }

    Engine engine;
    engine.setProfile(run.profile);
    engine.setLimits(run.limits);
    if (!engine.load(source, fileName)) {
        std::fprintf(stderr, "%s\n", engine.loadError().formatted.c_str());
        std::fprintf(stderr, "loopscope: the script does not load; nothing exported\n");
        return 1;
    }
    const int maxSteps = int(std::min<qint64>(run.maxSteps, INT_MAX));
    engine.runToEnd(maxSteps);

    const FigureInput input {&engine.trace(), source, title};
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    ExportReport report;
    const bool ok = exportRun(input, options, &report, &error, [](int, int) { return !g_interrupted; });
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    if (!ok) {
        std::fprintf(stderr, "loopscope: %s\n", qPrintable(error));
        return g_interrupted ? 130 : 2;
    }
    if (const QString note = runNote(engine, maxSteps); !note.isEmpty())
        std::fprintf(stderr, "loopscope: %s; the export shows the timeline up to there\n", qPrintable(note));
    report.path = options.out; // as the user wrote it
    std::printf("%s\n", qPrintable(report.summary()));
    return 0;
}

} // namespace loopscope
