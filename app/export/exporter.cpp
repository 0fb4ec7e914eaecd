#include "exporter.h"

#include "trace.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace loopscope {

namespace {

QString seconds(std::int64_t ns)
{
    return QString::number(toSeconds(ns), 'g', 6);
}

// "Task-1, Task-2, Task-3, ... (40 in all)"
QString someNames(const QStringList &names)
{
    constexpr int kShown = 8;
    if (names.size() <= kShown)
        return names.join(QStringLiteral(", "));
    return names.mid(0, kShown).join(QStringLiteral(", ")) + QStringLiteral(", ... (%1 in all)").arg(names.size());
}

// The names a lane answers to: the task's name now, and the one it had when created.
QStringList laneNames(const Trace &trace, const Lane &lane)
{
    const QString created = QString::fromStdString(lane.name.substr(0, lane.name.find(" \u00b7 ")));
    const QString now = QString::fromStdString(trace.taskName(lane.task));
    return now.isEmpty() || now == created ? QStringList {created} : QStringList {now, created};
}

QString stepRangeProblem(const TimelineLayout &layout, const ExportOptions &o)
{
    const int count = layout.stepCount();
    const QString asked = exportOptionValue(o, QStringLiteral("steps"));
    if (count == 0)
        return QStringLiteral("--steps %1: the run has no loop steps; leave --steps out").arg(asked);
    if (o.stepFrom > count)
        return QStringLiteral("--steps %1: the run has only %2 step%3; give a range within 1:%2")
            .arg(asked)
            .arg(count)
            .arg(count == 1 ? "" : "s");
    return {};
}

QString timeRangeProblem(const TimelineLayout &layout, const ExportOptions &o)
{
    const double from = std::isnan(o.timeFrom) ? 0 : o.timeFrom;
    const double to = std::isnan(o.timeTo) ? std::numeric_limits<double>::infinity() : o.timeTo;
    for (const StepInfo &s : layout.steps())
        if (toSeconds(s.time0) >= from && toSeconds(s.time0) <= to)
            return {};
    const QString asked = exportOptionValue(o, QStringLiteral("time"));
    const auto &steps = layout.steps();
    if (steps.empty())
        return QStringLiteral("--time %1: the run has no loop steps; leave --time out").arg(asked);
    if (toSeconds(steps.back().time0) < from)
        return QStringLiteral("--time %1: the run's last step starts at %2 s; give a range within 0:%2")
            .arg(asked, seconds(steps.back().time0));
    // A gap between two steps: say where the nearest ones are.
    std::int64_t before = steps.front().time0, after = steps.back().time0;
    for (const StepInfo &s : steps)
        if (toSeconds(s.time0) < from)
            before = s.time0;
        else if (toSeconds(s.time0) > to) {
            after = s.time0;
            break;
        }
    return QStringLiteral("--time %1: no step starts in that span (the nearest start at %2 s and %3 s); widen it, "
                          "e.g. --time %2:%3")
        .arg(asked, seconds(before), seconds(after));
}

QString taskProblem(const TimelineLayout &layout, const Trace &trace, const ExportOptions &o)
{
    QStringList known;
    for (const Lane &lane : layout.lanes())
        if (lane.kind == LaneKind::Task)
            known << laneNames(trace, lane);
    for (const QString &task : o.tasks)
        if (!known.contains(task))
            return QStringLiteral("--tasks: no task named '%1' in this run; its tasks are %2")
                .arg(task, known.isEmpty() ? QStringLiteral("none") : someNames(known));
    return {};
}

} // namespace

QString ExportReport::summary() const
{
    QString size = bytes >= 1024 * 1024 ? QStringLiteral("%1 MB").arg(double(bytes) / (1024 * 1024), 0, 'f', 1)
        : bytes >= 1024                  ? QStringLiteral("%1 KB").arg((bytes + 512) / 1024)
                                         : QStringLiteral("%1 bytes").arg(bytes);
    if (pages > 0)
        size = QStringLiteral("%1 page%2, %3").arg(pages).arg(pages == 1 ? "" : "s", size);
    return QStringLiteral("wrote %1 (%2)").arg(path, size);
}

QString outputProblem(const ExportOptions &options)
{
    const QString &out = options.out;
    if (out.isEmpty())
        return QStringLiteral("no file to write: give --out PATH");
    const QFileInfo file(out);
    if (file.isDir())
        return QStringLiteral("--out '%1' is a folder; give a file in it, e.g. --out %2")
            .arg(out, QDir(out).filePath(QStringLiteral("figure.") + formatSuffix(options.format)));
    const QFileInfo folder(file.absolutePath());
    if (!folder.exists())
        return QStringLiteral("cannot write '%1': the folder '%2' does not exist; create it first or give another --out")
            .arg(out, QDir::toNativeSeparators(file.path()));
    if (!folder.isDir())
        return QStringLiteral("cannot write '%1': '%2' is not a folder; give another --out").arg(out, file.path());
    if (!folder.isWritable())
        return QStringLiteral("cannot write '%1': the folder '%2' is not writable; give an --out in a folder you can "
                              "write to")
            .arg(out, file.path());
    return {};
}

QString runProblem(const TimelineLayout &layout, const Trace &trace, const ExportOptions &options)
{
    QString problem;
    if (options.hasStepRange())
        problem = stepRangeProblem(layout, options);
    else if (options.hasTimeRange())
        problem = timeRangeProblem(layout, options);
    return problem.isEmpty() ? taskProblem(layout, trace, options) : problem;
}

QString runProblem(const FigureInput &input, const ExportOptions &options)
{
    if (!input.trace)
        return QStringLiteral("nothing to export: no run");
    if (!options.hasStepRange() && !options.hasTimeRange() && options.tasks.isEmpty())
        return {};
    TimelineLayout layout(input.trace, input.source);
    layout.update();
    return runProblem(layout, *input.trace, options);
}

bool exportRun(const FigureInput &input, const ExportOptions &options, ExportReport *report, QString *error,
    const ExportProgress &progress)
{
    *error = outputProblem(options);
    if (error->isEmpty())
        *error = runProblem(input, options);
    if (!error->isEmpty())
        return false;

    QSaveFile file(options.out);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write '%1': %2; give an --out in a folder you can write to")
                     .arg(options.out, file.errorString());
        return false;
    }
    bool cancelled = false;
    const ExportProgress watched = [&](int done, int total) {
        cancelled = cancelled || (progress && !progress(done, total));
        return !cancelled;
    };
    int pages = 0;
    bool ok = false;
    switch (options.format) {
    case ExportFormat::Svg:
        ok = writeSvg(Figure(input, options), &file, error);
        break;
    case ExportFormat::Png:
        ok = writePng(Figure(input, options), options, &file, error);
        break;
    case ExportFormat::Pdf:
        ok = writePdf(Figure(input, options), options, &file, &pages, error, watched);
        break;
    case ExportFormat::Perfetto:
        ok = writePerfetto(input, options, &file, error, watched);
        break;
    case ExportFormat::Trace:
        ok = writeConformanceTrace(input, &file, error);
        break;
    case ExportFormat::Json:
        ok = writeEventJson(input, options, &file, error, watched);
        break;
    }
    // A writer that reports no progress is still cancelled here, before anything is committed.
    if (ok && !watched(1, 1))
        ok = false;
    if (!ok || cancelled) {
        file.cancelWriting(); // the temporary file goes; an existing file at `out` stays as it was
        if (cancelled)
            *error = QStringLiteral("export cancelled; '%1' was not written").arg(options.out);
        else if (error->isEmpty())
            *error = QStringLiteral("cannot write '%1': %2").arg(options.out, file.errorString());
        return false;
    }
    if (!file.commit()) {
        *error = QStringLiteral("cannot write '%1': %2").arg(options.out, file.errorString());
        return false;
    }
    const QFileInfo written(options.out);
    report->path = written.absoluteFilePath();
    report->bytes = written.size();
    report->pages = pages;
    return true;
}

} // namespace loopscope
