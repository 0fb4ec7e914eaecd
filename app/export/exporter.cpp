#include "exporter.h"

#include "trace.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace loopscope {


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

QString runProblem(const FigureInput &input, const ExportOptions &options)
{
    if (!input.trace)
        return QStringLiteral("nothing to export: no run");
    if (!options.hasStepRange() && !options.hasTimeRange() && options.tasks.isEmpty())
        return {};
    TimelineLayout layout(input.trace, input.source);
    layout.update();
    return runProblem(layout, options);
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
