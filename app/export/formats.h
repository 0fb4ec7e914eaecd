// The writers behind each export format. Each writes one document to `out` (the exporter hands
// them a QSaveFile, so a failed export never leaves half a file) and returns false with a
// one-line `error` when it cannot.
#pragma once

#include "exportoptions.h"
#include "figure.h"

#include <functional>

class QIODevice;

namespace loopscope {

// Called as a long export goes: pages or events done of total; return false to cancel.
using ExportProgress = std::function<bool(int done, int total)>;

// Figures: app/export/figureformats.cpp.
bool writeSvg(const Figure &figure, QIODevice *out, QString *error);
bool writePng(const Figure &figure, const ExportOptions &options, QIODevice *out, QString *error);
// `pages` gets the number of pages written (1, or one per step/iteration in build mode).
bool writePdf(const Figure &figure, const ExportOptions &options, QIODevice *out, int *pages, QString *error,
    const ExportProgress &progress = {});

// Data: app/export/dataformats.cpp.
bool writePerfetto(const FigureInput &input, const ExportOptions &options, QIODevice *out, QString *error,
    const ExportProgress &progress = {});
bool writeConformanceTrace(const FigureInput &input, QIODevice *out, QString *error);
bool writeEventJson(const FigureInput &input, const ExportOptions &options, QIODevice *out, QString *error,
    const ExportProgress &progress = {});

} // namespace loopscope
