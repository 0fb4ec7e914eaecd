#include "exporter.h"

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

bool exportRun(const FigureInput &input, const ExportOptions &options, ExportReport *report, QString *error,
    const ExportProgress &progress)
{
    QSaveFile file(options.out);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write '%1': %2").arg(options.out, file.errorString());
        return false;
    }
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
        ok = writePdf(Figure(input, options), options, &file, &pages, error, progress);
        break;
    case ExportFormat::Perfetto:
        ok = writePerfetto(input, options, &file, error, progress);
        break;
    case ExportFormat::Trace:
        ok = writeConformanceTrace(input, &file, error);
        break;
    case ExportFormat::Json:
        ok = writeEventJson(input, options, &file, error, progress);
        break;
    }
    if (!ok) {
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        *error = QStringLiteral("cannot write '%1': %2").arg(options.out, file.errorString());
        return false;
    }
    report->path = QFileInfo(options.out).absoluteFilePath();
    report->bytes = QFileInfo(options.out).size();
    report->pages = pages;
    return true;
}

} // namespace loopscope
