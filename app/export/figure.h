// A timeline figure for slides and documents: title, subtitle, the timeline (range, lanes, axis,
// theme), legend and an optional code excerpt, drawn by the same TimelinePainter as the screen.
// The SVG, PNG and PDF exports and the Export dialog's preview all draw through this.
#pragma once

#include "exportoptions.h"
#include "paintgroups.h"
#include "timelinelayout.h"
#include "timelinepainter.h"

#include <QSizeF>
#include <QString>

#include <string>

class QPainter;

namespace loopscope {

class Trace;

// What a figure shows: a finished (or stopped) run.
struct FigureInput {
    const Trace *trace = nullptr;
    std::string source; // the script (for lane names and the code excerpt)
    QString scriptTitle; // the scenario's title or the file's name: the default figure title
};

class Figure {
public:
    Figure(const FigureInput &input, const ExportOptions &options);

    // The page size in device-independent pixels (options.size).
    QSizeF size() const;
    const TimelineLayout &layout() const { return m_layout; }
    // Steps in the trace (the last 1-based step number).
    int stepCount() const { return m_layout.stepCount(); }

    // Draws the whole figure, showing steps up to `cutStep` (1-based count; kOpen = all) with
    // `highlightStep` (0-based, -1 = none) marked as current: a PDF build page.
    // `groups` (an SVG writer) hears where each lane's drawing begins and ends.
    void paint(QPainter &p, int cutStep = TimelineLayout::kOpen, int highlightStep = -1,
        PaintGroups *groups = nullptr) const;

private:
    FigureInput m_input;
    ExportOptions m_options;
    TimelineLayout m_layout;
    TimelineTheme m_theme;
};

} // namespace loopscope
