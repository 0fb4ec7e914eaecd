// Draws a TimelineLayout with QPainter on any paint device: the screen (TimelineView), a QImage
// (PNG, the benchmark, the tests), QSvgGenerator or QPdfWriter. It keeps no state between frames.
#pragma once

#include "paintgroups.h"
#include "timelinelayout.h"
#include "timelinetheme.h"

#include <QFont>
#include <QRectF>
#include <QSizeF>

#include <cmath>
#include <vector>

class QPainter;
class QPainterPath;

namespace loopscope {

// Where the timeline is looked at: the pixel mapping and what is shown. A plain value, so the view,
// the exports and the tests share one definition of "what is on screen".
struct TimelineViewport {
    QSizeF size {800, 400}; // the whole drawing, in device-independent pixels
    AxisMode mode = AxisMode::Steps;
    double x0 = 0; // x units at the plot's left edge
    double unitsPerPixel = 1.0 / 24; // zoom
    double laneScroll = 0; // pixels the lanes are scrolled up by
    int cutStep = TimelineLayout::kOpen; // steps shown (the current step)
    int selectedStep = -1; // 0-based step to highlight (-1 = none)
    // The step number the cursor's tag shows (-1 = the cut). A window whose own count differs
    // (finding a deadlock is a step of the session, not of the engine) passes its number here.
    int shownStep = -1;
    // The newest step's entrance: 0 = just begun, 1 = settled. Its segments grow, its markers pop
    // in, its wake arrow draws and the cursor glides from cursorFrom.
    double growth = 1;
    double cursorFrom = std::nan(""); // x units; NaN = no glide

    // Figures (exports). Lane -> row on the drawing (-1 = hidden), indexed by lane; empty = each
    // lane in its own row, in lane order. Hidden lanes leave no gap; a wake arrow from or to one is
    // a short stub pointing where that lane would be.
    std::vector<int> rows;
    int selectedSteps = 1; // steps highlighted from selectedStep on (a PDF build's iteration page)
    bool cursor = true; // the cursor and its tag (a finished figure has none)
    bool fillBackground = true; // false: the page stays transparent under the lanes (PNG)
};

class TimelinePainter {
public:
    // More visible wake arrows than this (zoomed far out) are drawn as plain straight strokes.
    static constexpr std::size_t kDenseArrows = 150;

    TimelinePainter(const TimelineLayout &layout, const TimelineTheme &theme, qreal fontScale = 1);

    // Geometry (pixels).
    qreal laneHeight() const { return m_laneHeight; }
    qreal nameWidth() const { return m_nameWidth; }
    qreal axisHeight() const { return m_axisHeight; }
    qreal legendHeight() const { return m_legendHeight; }
    QRectF plotRect(const QSizeF &size) const;
    // Height of all lanes once `cutStep` steps ran (for scrolling).
    qreal contentHeight(int cutStep = TimelineLayout::kOpen) const;
    // The lane under y (-1 = none); x units at a pixel column.
    int laneAt(const TimelineViewport &v, qreal y) const;
    double xAt(const TimelineViewport &v, qreal px) const;
    // Where the cursor is drawn: at the cut, or on its way there while the newest step animates.
    double cursorX(const TimelineViewport &v) const;
    qreal pxAt(const TimelineViewport &v, double x) const;
    // The layout query window for this viewport.
    TimelineWindow window(const TimelineViewport &v) const;
    // Zooms out until every step of the trace (or its whole virtual time) fits the plot, wherever
    // the cursor is.
    void fitAll(TimelineViewport &v) const;
    // Zooms so that x units [from, to] of v.mode fill the plot (with fitAll's margins): a figure's range.
    void fitRange(TimelineViewport &v, double from, double to) const;
    // Figure geometry: rows shrink to fit a page, the name column to leave the plot room, and a
    // figure may go without the legend band.
    void setLaneHeight(qreal px) { m_laneHeight = std::round(px); }
    void setNameWidth(qreal px) { m_nameWidth = std::round(px); }
    void setLegendVisible(bool on);
    // The row a lane is drawn in (-1 = hidden) and how many rows there are once `cutStep` steps ran.
    int rowOf(const TimelineViewport &v, int lane) const;
    int rowCount(const TimelineViewport &v) const;
    // What is under a point of the drawing.
    HitResult hitTest(const TimelineViewport &v, const QPointF &pos) const;

    void paint(QPainter &p, const TimelineViewport &v) const;
    // An SVG writer to tell where each lane (its segments, markers and name), the wake arrows,
    // the axis and the legend begin and end; lanes are then drawn one after the other, with the
    // arrows over them. Null (the default, the screen): layer by layer.
    void setGroups(PaintGroups *groups) { m_groups = groups; }
    // The legend alone, in a band of any width (a figure puts it under the timeline and the code).
    void paintLegend(QPainter &p, const QRectF &band) const;

private:
    void beginGroup(const QString &id, const QString &title, const QString &kind) const;
    void endGroup() const;
    void paintLaneGroups(
        QPainter &p, const TimelineViewport &v, const TimelineWindow &w, const VisibleItems &items) const;
    void paintLanes(QPainter &p, const TimelineViewport &v, const TimelineWindow &w) const;
    void paintGrid(QPainter &p, const TimelineViewport &v) const;
    // `onlyLane` >= 0: just that lane's (a lane group); `items` are then ordered by lane.
    void paintSegments(QPainter &p, const TimelineViewport &v, const VisibleItems &items, int onlyLane = -1) const;
    void paintArrows(QPainter &p, const TimelineViewport &v, const VisibleItems &items) const;
    // Where an arrow starts and ends; one to or from a lane out of view is a stub `stubLanes` long.
    bool arrowEnds(
        const TimelineViewport &v, const VisibleArrow &a, QPointF *start, QPointF *end, qreal stubLanes = 2.5) const;
    bool arrowPath(const TimelineViewport &v, const VisibleArrow &a, QPainterPath *path) const;
    void paintMarkers(QPainter &p, const TimelineViewport &v, const VisibleItems &items, int onlyLane = -1) const;
    void paintAxisAndCursor(QPainter &p, const TimelineViewport &v) const;
    void paintNames(QPainter &p, const TimelineViewport &v, const TimelineWindow &w, int onlyLane = -1) const;
    void paintNameColumn(QPainter &p, const TimelineViewport &v) const;
    void paintLegend(QPainter &p, const TimelineViewport &v) const;
    qreal paintLegendEntries(QPainter &p, const QRectF &band) const;
    void paintMarker(QPainter &p, MarkerKind kind, QPointF c, qreal r) const;
    void paintStateDot(QPainter &p, TaskState state, QPointF c) const;
    qreal laneTop(const TimelineViewport &v, int lane) const;
    qreal rowTop(const TimelineViewport &v, int row) const;
    // A lane's vertical middle; for a hidden lane, where it would be (`shown` says which).
    qreal laneMid(const TimelineViewport &v, int lane, bool *shown) const;
    QColor segmentColor(SegmentKind kind, int lane) const;
    double tickStep(const TimelineViewport &v) const;

    const TimelineLayout &m_layout;
    TimelineTheme m_theme;
    qreal m_scale; // theme size times font scale
    QFont m_font, m_smallFont, m_boldFont;
    qreal m_laneHeight, m_nameWidth, m_axisHeight, m_legendHeight;
    PaintGroups *m_groups = nullptr;
};

} // namespace loopscope
