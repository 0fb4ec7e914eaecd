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
// `progress` hears the writer's progress and, just before the file is committed, done == total == 1:
// returning false at any point cancels the export (error "export cancelled").
bool exportRun(const FigureInput &input, const ExportOptions &options, ExportReport *report, QString *error,
    const ExportProgress &progress = {});

// Why options.out cannot be written (no such folder, a folder, not writable), or empty. What to do
// is part of the message: "cannot write 'x/a.svg': the folder 'x' does not exist; create it first".
QString outputProblem(const ExportOptions &options);
// Why the options do not fit the run: a step or time range with no step in it, a task name that is
// not in the run; empty when they fit. exportRun checks both before it writes anything.
QString runProblem(const FigureInput &input, const ExportOptions &options);

} // namespace loopscope
