#include "formats.h"

#include "trace.h"

#include <QIODevice>

namespace loopscope {

bool writePerfetto(const FigureInput &, const ExportOptions &, QIODevice *, QString *error, const ExportProgress &)
{
    *error = QStringLiteral("the Perfetto export is not built yet");
    return false;
}

bool writeConformanceTrace(const FigureInput &input, QIODevice *out, QString *error)
{
    const std::string text = input.trace->conformanceText();
    if (out->write(text.data(), qint64(text.size())) != qint64(text.size())) {
        *error = QStringLiteral("cannot write the trace: %1").arg(out->errorString());
        return false;
    }
    return true;
}

bool writeEventJson(const FigureInput &, const ExportOptions &, QIODevice *, QString *error, const ExportProgress &)
{
    *error = QStringLiteral("the event log export is not built yet");
    return false;
}

} // namespace loopscope
