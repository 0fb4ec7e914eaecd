// One call that exports a run to a file in any format: checks the options against the run, writes
// atomically (QSaveFile) and says what it wrote. Shared by `loopscope export` and the Export dialog.
#pragma once

#include "exportoptions.h"
#include "figure.h"
#include "formats.h"

namespace loopscope {

struct ExportReport {
    QString path; // the file written (absolute)
    qint64 bytes = 0;
    int pages = 0; // PDF pages (0 for other formats)
    // "wrote gather.pdf (23 pages, 412 KB)"
    QString summary() const;
};

// Writes the export; false with a one-line `error` (nothing written, an existing file untouched).
bool exportRun(const FigureInput &input, const ExportOptions &options, ExportReport *report, QString *error,
    const ExportProgress &progress = {});

} // namespace loopscope
