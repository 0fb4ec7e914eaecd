// What an export makes: one set of options, with the same names in the Export dialog and on the
// command line (`loopscope export SCRIPT --format svg --steps 10:40 --theme slides ...`).
#pragma once

#include "timelinelayout.h"
#include "timelinetheme.h"

#include <QSize>
#include <QString>
#include <QStringList>

#include <cmath>

namespace loopscope {

enum class ExportFormat {
    Svg, // vector, text as text, one <g> per lane
    Png, // raster at 1x, 2x or 4x
    Pdf, // one page, or one page per step/iteration ("build" mode)
    Perfetto, // Chrome/Perfetto trace event JSON (ui.perfetto.dev)
    Trace, // the conformance trace (shared/asyncio-semantics.md)
    Json, // the engine's own event log (docs/trace-json.md)
};

// In a PDF build: what one page adds.
enum class BuildUnit { Step, Iteration };

struct ExportOptions {
    ExportFormat format = ExportFormat::Svg;
    QString out; // the file to write

    // Range: 1-based steps as the toolbar counts them, both ends included (0 = open end), or
    // virtual seconds (NaN = open end). At most one of the two is set.
    int stepFrom = 0, stepTo = 0; // --steps 10:40
    double timeFrom = std::nan(""), timeTo = std::nan(""); // --time 0:2.5
    // Lanes: task names ("Task-2", or the name= given to create_task); empty = every lane.
    QStringList tasks; // --tasks Task-2,Task-3
    AxisMode axis = AxisMode::Steps; // --axis steps|time

    // Figures (SVG, PNG, PDF).
    TimelineTheme::Kind theme = TimelineTheme::Kind::Slides; // --theme slides|light|dark
    QSize size {1920, 1080}; // --size 1920x1080|1280x720|4:3|WxH
    QString title, subtitle; // --title, --subtitle (empty title: the script's own title)
    bool legend = true; // --legend on|off
    bool code = false; // --code on|off: the script beside the timeline
    double fontScale = 1.0; // --font-scale 1.5
    int scale = 1; // PNG: --scale 1|2|4
    bool transparent = false; // PNG: --background transparent|solid
    bool build = false; // PDF: --build[=step|iteration]
    BuildUnit buildUnit = BuildUnit::Step;

    bool hasStepRange() const { return stepFrom > 0 || stepTo > 0; }
    bool hasTimeRange() const { return !std::isnan(timeFrom) || !std::isnan(timeTo); }
};

// One option by its name without the dashes ("steps", "theme", "font-scale") and its value as
// typed ("10:40", "slides", "1.5"). The command line and the Export dialog both set options
// through this, so they accept and reject the same things. Flags take "on"/"off" (build also
// "step"/"iteration"). False with a one-line `error` naming the option and what it accepts.
bool setExportOption(ExportOptions *options, const QString &name, const QString &value, QString *error);
// Every option's name, in the order `loopscope help` lists them.
QStringList exportOptionNames();
// The value of an option as setExportOption reads it back ("10:40", "slides", "1920x1080").
QString exportOptionValue(const ExportOptions &options, const QString &name);
// The options' usage lines for `loopscope help`: "  --steps FIRST:LAST   ..." one per line.
QString exportOptionsHelp();
QStringList exportFormatNames(); // "svg", "png", ... in the order of ExportFormat
QString formatName(ExportFormat format); // "svg", "png", "pdf", "perfetto", "trace", "json"
// The file name ending for a format: "svg", "png", "pdf", "json" (perfetto: "perfetto.json"), "trace".
QString formatSuffix(ExportFormat format);

} // namespace loopscope
