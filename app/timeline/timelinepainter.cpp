#include "timelinepainter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPicture>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <span>

namespace loopscope {

namespace {
double easeOutCubic(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    return 1 - std::pow(1 - t, 3);
}

// Overshoots a little: markers "pop" in.
double easeOutBack(double t)
{
    t = std::clamp(t, 0.0, 1.0);
    constexpr double c1 = 1.70158, c3 = c1 + 1;
    return 1 + c3 * std::pow(t - 1, 3) + c1 * std::pow(t - 1, 2);
}

QString seconds(double s, int decimals = 3)
{
    return QString::number(s, 'f', decimals) + QStringLiteral(" s");
}

// 1, 2, 5, 10, 20, 50... : the smallest at least `min`.
double niceStep(double min)
{
    if (min <= 0)
        return 1;
    double base = std::pow(10.0, std::floor(std::log10(min)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (base * m >= min)
            return base * m;
    return base * 10;
}

// Lane `lane`'s items of a list ordered by lane; all of them for lane -1.
template<typename Item> std::span<const Item> itemsOfLane(const std::vector<Item> &all, int lane)
{
    if (lane < 0)
        return all;
    const auto from = std::partition_point(all.begin(), all.end(), [&](const Item &i) { return i.lane < lane; });
    const auto to = std::partition_point(from, all.end(), [&](const Item &i) { return i.lane <= lane; });
    return {from, to};
}

template<typename Item> bool byLane(const std::vector<Item> &all)
{
    return std::is_sorted(all.begin(), all.end(), [](const Item &a, const Item &b) { return a.lane < b.lane; });
}

bool isMinor(MarkerKind k)
{
    return k == MarkerKind::Await || k == MarkerKind::Resume || k == MarkerKind::Print || k == MarkerKind::Created
        || k == MarkerKind::ClockJump;
}
} // namespace

TimelinePainter::TimelinePainter(const TimelineLayout &layout, const TimelineTheme &theme, qreal fontScale)
    : m_layout(layout)
    , m_theme(theme)
{
    m_scale = theme.fontPx / 12.0 * std::clamp(fontScale, 0.5, 4.0);
    m_font = QFont(theme.fontFamily);
    m_font.setPixelSize(std::max(6, int(std::lround(12 * m_scale))));
    m_font.setHintingPreference(QFont::PreferNoHinting);
    m_smallFont = m_font;
    m_smallFont.setPixelSize(std::max(6, int(std::lround(10.5 * m_scale))));
    m_boldFont = m_font;
    m_boldFont.setWeight(QFont::DemiBold);
    m_laneHeight = std::round(28 * m_scale);
    m_nameWidth = std::round(260 * m_scale);
    m_axisHeight = std::round(44 * m_scale);
    m_legendHeight = std::round(32 * m_scale);
}

QRectF TimelinePainter::plotRect(const QSizeF &size) const
{
    return QRectF(m_nameWidth, m_axisHeight, std::max(1.0, size.width() - m_nameWidth),
        std::max(1.0, size.height() - m_axisHeight - m_legendHeight));
}

void TimelinePainter::setLegendVisible(bool on)
{
    m_legendHeight = on ? std::round(32 * m_scale) : 0;
}

qreal TimelinePainter::contentHeight(int cutStep) const
{
    return m_layout.laneCount(cutStep) * m_laneHeight;
}

int TimelinePainter::rowOf(const TimelineViewport &v, int lane) const
{
    if (v.rows.empty())
        return lane;
    return lane >= 0 && std::size_t(lane) < v.rows.size() ? v.rows[std::size_t(lane)] : -1;
}

int TimelinePainter::rowCount(const TimelineViewport &v) const
{
    if (v.rows.empty())
        return m_layout.laneCount(v.cutStep);
    return *std::max_element(v.rows.begin(), v.rows.end()) + 1;
}

qreal TimelinePainter::rowTop(const TimelineViewport &v, int row) const
{
    return m_axisHeight + row * m_laneHeight - v.laneScroll;
}

qreal TimelinePainter::laneTop(const TimelineViewport &v, int lane) const
{
    return rowTop(v, rowOf(v, lane));
}

qreal TimelinePainter::laneMid(const TimelineViewport &v, int lane, bool *shown) const
{
    const int row = rowOf(v, lane);
    *shown = row >= 0;
    if (row >= 0)
        return rowTop(v, row) + m_laneHeight / 2;
    // A hidden lane sits just above the first shown lane after it (the bottom if none).
    int next = rowCount(v);
    for (std::size_t l = std::size_t(lane) + 1; l < v.rows.size(); ++l)
        if (v.rows[l] >= 0) {
            next = v.rows[l];
            break;
        }
    return rowTop(v, next);
}

int TimelinePainter::laneAt(const TimelineViewport &v, qreal y) const
{
    const QRectF plot = plotRect(v.size);
    if (y < plot.top() || y >= plot.bottom())
        return -1;
    const int row = int(std::floor((y - plot.top() + v.laneScroll) / m_laneHeight));
    if (!v.rows.empty()) {
        auto it = std::find(v.rows.begin(), v.rows.end(), row);
        const int lane = it == v.rows.end() ? -1 : int(it - v.rows.begin());
        return lane < m_layout.laneCount(v.cutStep) ? lane : -1;
    }
    return row < m_layout.laneCount(v.cutStep) ? row : -1;
}

double TimelinePainter::xAt(const TimelineViewport &v, qreal px) const
{
    return v.x0 + (px - m_nameWidth) * v.unitsPerPixel;
}

qreal TimelinePainter::pxAt(const TimelineViewport &v, double x) const
{
    return m_nameWidth + (x - v.x0) / v.unitsPerPixel;
}

TimelineWindow TimelinePainter::window(const TimelineViewport &v) const
{
    const QRectF plot = plotRect(v.size);
    TimelineWindow w;
    w.mode = v.mode;
    w.x0 = v.x0;
    w.unitsPerPixel = v.unitsPerPixel;
    w.widthPx = plot.width();
    w.firstLane = std::max(0, int(std::floor(v.laneScroll / m_laneHeight)));
    w.lastLane = int(std::floor((v.laneScroll + plot.height()) / m_laneHeight));
    if (!v.rows.empty()) { // rows are not lanes: ask for every lane, the hidden ones are skipped
        w.firstLane = 0;
        w.lastLane = int(v.rows.size()) - 1;
    }
    w.cutStep = v.cutStep;
    return w;
}

void TimelinePainter::fitRange(TimelineViewport &v, double from, double to) const
{
    const QRectF plot = plotRect(v.size);
    const double span = to > from ? to - from : (v.mode == AxisMode::Steps ? 1.0 : 1e-3);
    const double before = 10 * m_scale, after = 24 * m_scale;
    v.unitsPerPixel = span / std::max(1.0, plot.width() - before - after);
    v.x0 = from - before * v.unitsPerPixel;
}

void TimelinePainter::fitAll(TimelineViewport &v) const
{
    const QRectF plot = plotRect(v.size);
    // The whole trace, not just up to the cursor: stepping back and forth keeps the scale.
    double end = m_layout.xEnd(v.mode);
    if (v.mode == AxisMode::Steps) {
        // A run that ended stuck shows one more column: the tasks that wait there forever.
        const auto &clock = m_layout.markers(TimelineLayout::clockLane());
        if (!clock.empty() && clock.back().kind == MarkerKind::Deadlock)
            end += 1;
        end = std::max(end, 8.0); // a short run keeps readable columns
    } else if (end <= 0)
        end = 1.0;
    Q_UNUSED(plot);
    fitRange(v, 0, end); // with room for the markers at both ends
}

HitResult TimelinePainter::hitTest(const TimelineViewport &v, const QPointF &pos) const
{
    const int lane = laneAt(v, pos.y());
    if (lane < 0)
        return {};
    if (pos.x() < m_nameWidth) {
        HitResult r;
        r.hit = true;
        r.lane = lane;
        const Lane &l = m_layout.lanes()[std::size_t(lane)];
        r.line = l.line;
        r.text = m_layout.laneName(lane, v.cutStep) + (l.line ? "\ncreated at line " + std::to_string(l.line) : std::string());
        std::string what;
        const int cut = std::min(v.cutStep, m_layout.stepCount());
        static const char *words[]
            = {"", "ready", "waiting", "deadlocked", "done", "cancelled", "raised", "destroyed while pending"};
        const TaskState state = m_layout.taskState(lane, cut, &what);
        const bool says = !what.empty() && state != TaskState::Ready && state != TaskState::Destroyed;
        if (state != TaskState::NotCreated)
            r.text += std::string("\n") + words[int(state)] + (says ? " for " + what : std::string()) + " after step "
                + std::to_string(cut);
        return r;
    }
    // A wake arrow under the pointer wins over the lane beneath it.
    thread_local VisibleItems items;
    m_layout.query(window(v), items);
    const qreal near = 4 * m_scale;
    for (const auto &a : items.arrows) {
        QPainterPath path;
        if (!arrowPath(v, a, &path) || !path.boundingRect().adjusted(-near, -near, near, near).contains(pos))
            continue;
        for (int i = 0; i <= 32; ++i) {
            const QPointF d = path.pointAtPercent(i / 32.0) - pos;
            if (std::hypot(d.x(), d.y()) <= near) {
                HitResult r;
                r.hit = true;
                r.lane = a.toLane;
                r.step = a.resumeStep;
                r.line = m_layout.steps()[std::size_t(a.resumeStep)].line;
                r.text = m_layout.describeWake(a);
                return r;
            }
        }
    }
    return m_layout.hitTest(window(v), pos.x() - m_nameWidth, lane, 5 * m_scale);
}

QColor TimelinePainter::segmentColor(SegmentKind kind, int lane) const
{
    switch (kind) {
    case SegmentKind::Running:
        if (lane == TimelineLayout::clockLane())
            return m_theme.clockStep;
        if (lane == m_layout.callbacksLane())
            return m_theme.callbackStep;
        return m_theme.running;
    case SegmentKind::Ready: return m_theme.ready;
    case SegmentKind::Waiting: return m_theme.waiting;
    case SegmentKind::Blocked: return m_theme.blocked;
    }
    return m_theme.running;
}

double TimelinePainter::tickStep(const TimelineViewport &v) const
{
    const double minSpacing = (v.mode == AxisMode::Steps ? 56 : 80) * m_scale;
    const double step = niceStep(minSpacing * v.unitsPerPixel);
    return v.mode == AxisMode::Steps ? std::max(1.0, step) : step;
}

double TimelinePainter::cursorX(const TimelineViewport &v) const
{
    const double x = m_layout.cursorX(v.mode, std::min(v.cutStep, m_layout.stepCount()));
    if (std::isnan(v.cursorFrom) || v.growth >= 1)
        return x;
    return v.cursorFrom + (x - v.cursorFrom) * easeOutCubic(v.growth);
}

// ---- painting ---------------------------------------------------------------------------------

void TimelinePainter::paint(QPainter &p, const TimelineViewport &v) const
{
    p.save();
    if (v.fillBackground)
        p.fillRect(QRectF(QPointF(0, 0), v.size), m_theme.background);
    const QRectF plot = plotRect(v.size);
    const TimelineWindow w = window(v);
    thread_local VisibleItems items; // reused between frames: no allocation in the steady state
    m_layout.query(w, items);

    p.setClipRect(plot);
    beginGroup(QStringLiteral("grid"), QStringLiteral("Lane stripes and step grid"), QStringLiteral("grid"));
    paintLanes(p, v, w);
    paintGrid(p, v);
    if (v.selectedStep >= 0 && v.selectedStep < v.cutStep && v.selectedStep < m_layout.stepCount()) {
        const int last = std::min({v.selectedStep + std::max(1, v.selectedSteps), v.cutStep, m_layout.stepCount()}) - 1;
        const double x0 = v.mode == AxisMode::Steps ? v.selectedStep : toSeconds(m_layout.stepTime(v.selectedStep));
        const double x1 = v.mode == AxisMode::Steps ? last + 1 : toSeconds(m_layout.steps()[std::size_t(last)].time1);
        const qreal a = pxAt(v, x0);
        const qreal b = std::max(pxAt(v, x1), a + 3 * m_scale);
        p.fillRect(QRectF(a, plot.top(), b - a, plot.height()), m_theme.selection);
    }
    endGroup();
    if (m_groups) {
        paintLaneGroups(p, v, w, items);
    } else {
        paintSegments(p, v, items);
        paintArrows(p, v, items);
        paintMarkers(p, v, items);
        p.setClipping(false);
        paintNames(p, v, w);
    }
    beginGroup(QStringLiteral("axis"), QStringLiteral("Axis and cursor"), QStringLiteral("axis"));
    paintAxisAndCursor(p, v);
    endGroup();
    if (m_legendHeight > 0) {
        beginGroup(QStringLiteral("legend"), QStringLiteral("Legend"), QStringLiteral("legend"));
        paintLegend(p, v);
        endGroup();
    }
    p.restore();
}

void TimelinePainter::beginGroup(const QString &id, const QString &title, const QString &kind) const
{
    if (m_groups)
        m_groups->beginGroup(id, title, kind);
}

void TimelinePainter::endGroup() const
{
    if (m_groups)
        m_groups->endGroup();
}

// For an SVG: each lane's segments, markers and name in one group named after its task, then
// the wake arrows over all lanes.
void TimelinePainter::paintLaneGroups(
    QPainter &p, const TimelineViewport &v, const TimelineWindow &w, const VisibleItems &items) const
{
    const QRectF plot = plotRect(v.size);
    // The query lists items lane by lane; a stable sort keeps each lane's order if ever not.
    VisibleItems sorted;
    const VisibleItems &byLanes = byLane(items.segments) && byLane(items.markers) ? items : sorted;
    if (&byLanes == &sorted) {
        sorted = items;
        const auto lanes = [](const auto &a, const auto &b) { return a.lane < b.lane; };
        std::stable_sort(sorted.segments.begin(), sorted.segments.end(), lanes);
        std::stable_sort(sorted.markers.begin(), sorted.markers.end(), lanes);
    }
    p.setClipping(false);
    paintNameColumn(p, v);
    const int last = std::min(w.lastLane, m_layout.laneCount(v.cutStep) - 1);
    for (int lane = w.firstLane; lane <= last; ++lane) {
        if (rowOf(v, lane) < 0)
            continue; // a lane the figure leaves out has no group
        const QString full = QString::fromStdString(m_layout.laneName(lane, v.cutStep));
        const QString id = lane == TimelineLayout::clockLane() ? QStringLiteral("clock")
            : lane == m_layout.callbacksLane()                 ? QStringLiteral("callbacks")
                                                               : full.left(full.indexOf(QStringLiteral(" · ")));
        beginGroup(id, full, QStringLiteral("lane"));
        p.setClipRect(plot);
        paintSegments(p, v, byLanes, lane);
        paintMarkers(p, v, byLanes, lane);
        p.setClipping(false);
        paintNames(p, v, w, lane);
        endGroup();
    }
    beginGroup(QStringLiteral("wake-arrows"), QStringLiteral("Wake-ups: who woke whom"), QStringLiteral("arrows"));
    p.setClipRect(plot);
    paintArrows(p, v, items);
    endGroup();
    p.setClipping(false);
}

void TimelinePainter::paintLanes(QPainter &p, const TimelineViewport &v, const TimelineWindow &w) const
{
    const QRectF plot = plotRect(v.size);
    const int rows = v.rows.empty() ? std::min(w.lastLane, m_layout.laneCount(v.cutStep) - 1) + 1 : rowCount(v);
    for (int row = v.rows.empty() ? w.firstLane : 0; row < rows; ++row)
        if (row % 2 == 1)
            p.fillRect(QRectF(plot.left(), rowTop(v, row), plot.width(), m_laneHeight), m_theme.laneAlt);
    // The clock and callbacks lanes are the loop's own: a line sets them apart from the tasks.
    int loopRows = 0;
    for (int lane = 0; lane < 2; ++lane)
        loopRows = std::max(loopRows, rowOf(v, lane) + 1);
    const qreal y = rowTop(v, loopRows);
    if (loopRows > 0 && y > plot.top() && y < plot.bottom()) {
        p.setPen(QPen(m_theme.grid, 1));
        p.drawLine(QPointF(0, y), QPointF(plot.right(), y));
    }
}

void TimelinePainter::paintGrid(QPainter &p, const TimelineViewport &v) const
{
    const QRectF plot = plotRect(v.size);
    const double left = v.x0;
    const double right = xAt(v, plot.right());
    const double tick = tickStep(v);
    p.setPen(QPen(m_theme.grid, 1));
    if (v.mode == AxisMode::Steps) {
        // Faint column boundaries once a step is wide enough to be a column of its own.
        const double pxPerStep = 1 / v.unitsPerPixel;
        const double every = pxPerStep >= 14 * m_scale ? 1 : tick;
        for (double x = std::floor(left / every) * every; x <= right; x += every) {
            const qreal px = std::round(pxAt(v, x)) + 0.5;
            p.drawLine(QPointF(px, plot.top()), QPointF(px, plot.bottom()));
        }
    } else {
        for (double x = std::floor(left / tick) * tick; x <= right; x += tick) {
            const qreal px = std::round(pxAt(v, x)) + 0.5;
            p.drawLine(QPointF(px, plot.top()), QPointF(px, plot.bottom()));
        }
    }
}

void TimelinePainter::paintSegments(
    QPainter &p, const TimelineViewport &v, const VisibleItems &items, int onlyLane) const
{
    const qreal barH = std::round(m_laneHeight * 0.62);
    const qreal radius = 3 * m_scale;
    const int newest = std::min(v.cutStep, m_layout.stepCount()) - 1;
    const qreal cursorPx = pxAt(v, cursorX(v));
    double deadlockPx = std::nan("");
    const auto &clockMarks = m_layout.markers(TimelineLayout::clockLane());
    if (!clockMarks.empty() && clockMarks.back().kind == MarkerKind::Deadlock
        && clockMarks.back().ownerStep < v.cutStep)
        deadlockPx = pxAt(v, v.mode == AxisMode::Steps ? clockMarks.back().step : toSeconds(clockMarks.back().time));
    const QFontMetricsF fm(m_smallFont);
    p.setFont(m_smallFont);
    const QRectF plot = plotRect(v.size);
    for (const auto &s : itemsOfLane(items.segments, onlyLane)) {
        if (rowOf(v, s.lane) < 0)
            continue;
        qreal x0 = plot.left() + s.x0;
        qreal x1 = plot.left() + s.x1;
        if (s.firstStep == newest && v.growth < 1)
            x1 = x0 + (x1 - x0) * easeOutCubic(v.growth);
        else if (v.growth < 1 && s.kind != SegmentKind::Blocked)
            x1 = std::max(x0, std::min(x1, cursorPx)); // what goes on grows with the gliding cursor
        const qreal y = std::round(laneTop(v, s.lane) + (m_laneHeight - barH) / 2);
        const QRectF r(x0, y, std::max<qreal>(x1 - x0, 1), barH);
        const QColor c = segmentColor(s.kind, s.lane);
        if (r.width() >= 2 * radius) {
            p.setRenderHint(QPainter::Antialiasing, true);
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawRoundedRect(r.adjusted(0.5, 0, -0.5, 0), radius, radius);
            p.setRenderHint(QPainter::Antialiasing, false);
        } else {
            p.fillRect(r, c);
        }
        if (s.kind == SegmentKind::Blocked) {
            QColor hatch = m_theme.deadlock;
            hatch.setAlphaF(0.45);
            p.fillRect(r, QBrush(hatch, Qt::BDiagPattern));
        }
        // Labels where they fit: what a task waits for, what a callback or timer step is.
        if (r.width() < 36 * m_scale)
            continue;
        std::string text;
        QColor ink = m_theme.waitingText;
        if (s.kind == SegmentKind::Waiting || s.kind == SegmentKind::Blocked) {
            text = m_layout.label(s.label);
        } else if (s.kind == SegmentKind::Ready && v.mode == AxisMode::Steps && 1 / v.unitsPerPixel >= 20 * m_scale) {
            text = "ready";
            ink = QColor(0x3A, 0x2A, 0x05);
        } else if (s.kind == SegmentKind::Running && s.lane < 2 && s.label && s.firstStep >= 0) {
            const StepInfo &step = m_layout.steps()[std::size_t(s.firstStep)];
            // A clock step says where the clock went.
            text = step.cause == StepCause::ClockAdvance
                ? "→ " + QString::number(toSeconds(step.time1), 'g', 9).toStdString() + " s"
                : m_layout.label(s.label);
            ink = Qt::white;
        } else if (s.kind == SegmentKind::Running && s.firstStep >= 0) {
            // A task's step during which virtual time went on (time.sleep): a blocking call.
            const StepInfo &step = m_layout.steps()[std::size_t(s.firstStep)];
            if (step.time1 > step.time0)
                text = "blocks the loop " + QString::number(toSeconds(step.time1 - step.time0), 'g', 9).toStdString()
                    + " s";
            ink = Qt::white;
        }
        if (text.empty())
            continue;
        QRectF tr = r.adjusted(6 * m_scale, 0, -4 * m_scale, 0).intersected(plot.adjusted(4, 0, 0, 0));
        if (s.kind == SegmentKind::Blocked && !std::isnan(deadlockPx)) // to the right of the stop sign
            tr.setLeft(std::max(tr.left(), deadlockPx + 10 * m_scale));
        const QString full = QString::fromStdString(text);
        const QString elided = fm.elidedText(full, Qt::ElideRight, tr.width());
        if (elided.size() < 4 || (s.kind == SegmentKind::Ready && elided != full))
            continue;
        if (s.kind == SegmentKind::Blocked) { // a quiet patch in the hatching keeps the words legible
            const QRectF under(
                tr.left() - 3 * m_scale, r.top() + 2, fm.horizontalAdvance(elided) + 6 * m_scale, r.height() - 4);
            p.fillRect(under, c);
            ink = m_theme.text;
        }
        p.setPen(ink);
        p.drawText(tr, Qt::AlignVCenter | Qt::AlignLeft, elided);
    }
}

// From the end of the waker's step to the start of the wakee's resume.
bool TimelinePainter::arrowEnds(
    const TimelineViewport &v, const VisibleArrow &a, QPointF *start, QPointF *end, qreal stubLanes) const
{
    const QRectF plot = plotRect(v.size);
    const qreal barH = std::round(m_laneHeight * 0.62);
    const qreal sx = plot.left() + a.x0;
    const qreal ex = plot.left() + a.x1;
    bool fromShown = true, toShown = true;
    const qreal fromMid = laneMid(v, a.fromLane, &fromShown);
    const qreal toMid = laneMid(v, a.toLane, &toShown);
    const qreal dir = toMid >= fromMid ? 1 : -1;
    // An arrow to or from a lane scrolled out of view (or hidden) is a short stub pointing that
    // way: antialiased strokes are costly, and a curve across the whole plot says no more.
    const bool fromSeen = fromShown && fromMid >= plot.top() && fromMid <= plot.bottom();
    const bool toSeen = toShown && toMid >= plot.top() && toMid <= plot.bottom();
    if (!fromSeen && !toSeen)
        return false;
    const qreal stub = stubLanes * m_laneHeight;
    *start = QPointF(sx, fromMid + dir * barH / 2);
    *end = QPointF(ex, toMid - dir * barH / 2);
    if (!fromSeen)
        start->setY(end->y() - dir * stub);
    if (!toSeen)
        end->setY(start->y() + dir * stub);
    return true;
}

// The arrow's curve, bending out of the lanes.
bool TimelinePainter::arrowPath(const TimelineViewport &v, const VisibleArrow &a, QPainterPath *path) const
{
    QPointF start, end;
    if (!arrowEnds(v, a, &start, &end))
        return false;
    const qreal dir = end.y() >= start.y() ? 1 : -1;
    const qreal sx = start.x(), ex = end.x();
    const qreal bend = std::max<qreal>(10 * m_scale, std::abs(ex - sx) * 0.5);
    *path = QPainterPath(start);
    path->cubicTo(QPointF(sx + bend * 0.5, start.y() + dir * bend * 0.3), QPointF(ex - bend, end.y()), end);
    return true;
}

void TimelinePainter::paintArrows(QPainter &p, const TimelineViewport &v, const VisibleItems &items) const
{
    if (items.arrows.empty())
        return;
    const int newest = std::min(v.cutStep, m_layout.stepCount()) - 1;
    p.setRenderHint(QPainter::Antialiasing, true);
    QColor c = m_theme.arrow;
    const QPen pen(c, 1.4 * m_theme.lineWidth * m_scale / (m_theme.fontPx / 12.0), Qt::SolidLine, Qt::RoundCap);
    if (items.arrows.size() > kDenseArrows) {
        // Zoomed far out: many arrows merged per pixel. Plain straight strokes in one call keep
        // them visible (who woke whom, and where the wake-ups cluster) at a small cost.
        std::vector<QLineF> lines;
        lines.reserve(items.arrows.size());
        QPointF start, end;
        for (const auto &a : items.arrows)
            if (arrowEnds(v, a, &start, &end, 0.6)) // short stubs: a wall of them would hide a lane
                lines.emplace_back(start, end);
        p.setRenderHint(QPainter::Antialiasing, false);
        c.setAlphaF(0.55f);
        p.setPen(QPen(c, std::max<qreal>(1, m_scale)));
        p.drawLines(lines.data(), int(lines.size()));
        return;
    }
    for (const auto &a : items.arrows) {
        QPainterPath path;
        if (!arrowPath(v, a, &path))
            continue;
        const QPointF start = path.pointAtPercent(0);
        const QPointF end = path.currentPosition();
        double t = a.resumeStep == newest ? easeOutCubic(v.growth) : 1.0;
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        QPointF tip = end;
        QPointF before = path.pointAtPercent(0.9);
        if (t < 1) {
            QPainterPath part(start);
            for (int i = 1; i <= 16; ++i)
                part.lineTo(path.pointAtPercent(t * i / 16));
            p.drawPath(part);
            tip = path.pointAtPercent(t);
            before = path.pointAtPercent(std::max(0.0, t - 0.1));
        } else {
            p.drawPath(path);
        }
        // The arrowhead, along the curve's last direction.
        const QPointF d = tip - before;
        const qreal len = std::hypot(d.x(), d.y());
        if (len < 0.01)
            continue;
        const QPointF u = d / len;
        const QPointF n(-u.y(), u.x());
        const qreal hs = 5 * m_scale;
        QPolygonF head;
        head << tip << tip - u * hs + n * hs * 0.55 << tip - u * hs - n * hs * 0.55;
        p.setPen(Qt::NoPen);
        p.setBrush(c);
        p.drawPolygon(head);
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(start, 1.5 * m_scale, 1.5 * m_scale);
    }
    p.setRenderHint(QPainter::Antialiasing, false);
}

void TimelinePainter::paintMarker(QPainter &p, MarkerKind kind, QPointF c, qreal r) const
{
    const qreal s = m_scale;
    auto disc = [&](const QColor &fill) {
        p.setPen(QPen(m_theme.background, 1.2 * s));
        p.setBrush(fill);
        p.drawEllipse(c, r, r);
    };
    const QPen ink(Qt::white, std::max<qreal>(1.2, 1.5 * s), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (kind) {
    case MarkerKind::Await:
        p.setPen(QPen(m_theme.running, 1.6 * s));
        p.setBrush(m_theme.background);
        p.drawEllipse(c, r * 0.62, r * 0.62);
        break;
    case MarkerKind::Resume: {
        QPolygonF tri;
        const qreal h = r * 0.7;
        tri << QPointF(c.x() + 1.5 * s, c.y() - h) << QPointF(c.x() + 1.5 * s + h * 1.3, c.y())
            << QPointF(c.x() + 1.5 * s, c.y() + h);
        p.setPen(Qt::NoPen);
        p.setBrush(m_theme.background);
        p.drawPolygon(tri);
        break;
    }
    case MarkerKind::Done:
        disc(m_theme.done);
        p.setPen(ink);
        p.drawPolyline(QPolygonF({QPointF(c.x() - r * 0.45, c.y()), QPointF(c.x() - r * 0.1, c.y() + r * 0.38),
            QPointF(c.x() + r * 0.48, c.y() - r * 0.38)}));
        break;
    case MarkerKind::Cancelled:
        disc(m_theme.cancelled);
        p.setPen(ink);
        p.drawLine(c + QPointF(-r * 0.4, -r * 0.4), c + QPointF(r * 0.4, r * 0.4));
        p.drawLine(c + QPointF(-r * 0.4, r * 0.4), c + QPointF(r * 0.4, -r * 0.4));
        break;
    case MarkerKind::Raised:
    case MarkerKind::Uncaught: {
        QPolygonF diamond;
        const qreal d = r * 1.2;
        diamond << c + QPointF(0, -d) << c + QPointF(d, 0) << c + QPointF(0, d) << c + QPointF(-d, 0);
        p.setPen(QPen(m_theme.background, 1.2 * s));
        p.setBrush(m_theme.raised);
        p.drawPolygon(diamond);
        p.setPen(ink);
        p.drawLine(c + QPointF(0, -d * 0.45), c + QPointF(0, d * 0.1));
        p.drawPoint(c + QPointF(0, d * 0.42));
        break;
    }
    case MarkerKind::Deadlock:
    case MarkerKind::Livelock: {
        QPolygonF oct; // a stop sign
        for (int i = 0; i < 8; ++i) {
            const double a = M_PI / 8 + i * M_PI / 4;
            oct << c + QPointF(std::cos(a) * r * 1.1, std::sin(a) * r * 1.1);
        }
        p.setPen(QPen(m_theme.background, 1.2 * s));
        p.setBrush(m_theme.deadlock);
        p.drawPolygon(oct);
        p.setPen(ink);
        p.drawLine(c + QPointF(-r * 0.45, 0), c + QPointF(r * 0.45, 0));
        break;
    }
    case MarkerKind::Destroyed: // a slashed disc: freed while pending
        disc(m_theme.textDim);
        p.setPen(ink);
        p.drawLine(c + QPointF(-r * 0.42, r * 0.42), c + QPointF(r * 0.42, -r * 0.42));
        break;
    case MarkerKind::Print:
        p.setPen(Qt::NoPen);
        p.setBrush(m_theme.print);
        p.drawEllipse(c, r * 0.32, r * 0.32);
        break;
    case MarkerKind::Created:
        p.setPen(QPen(m_theme.textDim, 1.4 * s, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(c + QPointF(0, -r), c + QPointF(0, r));
        break;
    case MarkerKind::ClockJump: {
        QPolygonF step; // a staircase: the clock jumps forward
        step << c + QPointF(-r * 0.8, r * 0.5) << c + QPointF(0, r * 0.5) << c + QPointF(0, -r * 0.5)
             << c + QPointF(r * 0.8, -r * 0.5);
        p.setPen(QPen(Qt::white, 1.4 * s, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(step);
        break;
    }
    }
}

void TimelinePainter::paintMarkers(
    QPainter &p, const TimelineViewport &v, const VisibleItems &items, int onlyLane) const
{
    const QRectF plot = plotRect(v.size);
    const int newest = std::min(v.cutStep, m_layout.stepCount()) - 1;
    // Dense views keep only the markers that end a task's story.
    const bool dense = double(items.markers.size()) > plot.width() / 5
        || (v.mode == AxisMode::Steps && 1 / v.unitsPerPixel < 7 * m_scale);
    const qreal r = 5.5 * m_scale;
    const qreal barH = std::round(m_laneHeight * 0.62);
    p.setRenderHint(QPainter::Antialiasing, true);
    for (const auto &m : itemsOfLane(items.markers, onlyLane)) {
        if ((dense && isMinor(m.kind)) || rowOf(v, m.lane) < 0)
            continue;
        qreal scale = 1;
        if (m.ownerStep == newest && v.growth < 1)
            scale = easeOutBack(v.growth);
        if (scale <= 0.01)
            continue;
        QPointF c(plot.left() + m.x, laneTop(v, m.lane) + m_laneHeight / 2);
        if (m.kind == MarkerKind::Print)
            c.ry() += barH / 2 + (m_laneHeight - barH) / 4; // under the bar
        paintMarker(p, m.kind, c, r * scale);
    }
    p.setRenderHint(QPainter::Antialiasing, false);
}

void TimelinePainter::paintStateDot(QPainter &p, TaskState state, QPointF c) const
{
    const qreal r = 3.5 * m_scale;
    p.setRenderHint(QPainter::Antialiasing, true);
    switch (state) {
    case TaskState::Waiting:
        p.setPen(QPen(m_theme.textDim, 1.3 * m_scale));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(c, r - 0.5, r - 0.5);
        break;
    case TaskState::NotCreated: break;
    default: {
        const QColor fill = state == TaskState::Ready ? m_theme.ready
            : state == TaskState::Blocked             ? m_theme.deadlock
            : state == TaskState::Done                ? m_theme.done
            : state == TaskState::Cancelled           ? m_theme.cancelled
            : state == TaskState::Destroyed           ? m_theme.textDim
                                                      : m_theme.raised;
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        p.drawEllipse(c, r, r);
    }
    }
    p.setRenderHint(QPainter::Antialiasing, false);
}

void TimelinePainter::paintNameColumn(QPainter &p, const TimelineViewport &v) const
{
    const QRectF plot = plotRect(v.size);
    p.fillRect(QRectF(0, plot.top(), m_nameWidth, plot.height()), m_theme.nameBackground);
    p.setPen(QPen(m_theme.grid, 1));
    p.drawLine(QPointF(m_nameWidth - 0.5, 0), QPointF(m_nameWidth - 0.5, v.size.height()));
}

void TimelinePainter::paintNames(QPainter &p, const TimelineViewport &v, const TimelineWindow &w, int onlyLane) const
{
    const QRectF plot = plotRect(v.size);
    const QRectF column(0, plot.top(), m_nameWidth, plot.height());
    if (onlyLane < 0)
        paintNameColumn(p, v);
    p.setClipRect(column);
    const int cut = std::min(v.cutStep, m_layout.stepCount());
    const int last = std::min(w.lastLane, m_layout.laneCount(v.cutStep) - 1);
    const QFontMetricsF bold(m_boldFont), normal(m_font);
    const qreal pad = 12 * m_scale;
    for (int row = 1; onlyLane < 0 && !v.rows.empty() && row < rowCount(v); row += 2) // rows of lanes yet to come too
        p.fillRect(QRectF(0, rowTop(v, row), m_nameWidth - 1, m_laneHeight), m_theme.laneAlt.darker(103));
    for (int lane = onlyLane >= 0 ? onlyLane : w.firstLane; lane <= (onlyLane >= 0 ? onlyLane : last); ++lane) {
        const int row = rowOf(v, lane);
        if (row < 0)
            continue;
        const Lane &l = m_layout.lanes()[std::size_t(lane)];
        const QRectF r(pad, rowTop(v, row), m_nameWidth - pad * 1.5, m_laneHeight);
        if (row % 2 == 1 && v.rows.empty())
            p.fillRect(QRectF(0, r.top(), m_nameWidth - 1, m_laneHeight), m_theme.laneAlt.darker(103));
        if (l.kind != LaneKind::Task) {
            const QColor chip = lane == TimelineLayout::clockLane() ? m_theme.clockStep : m_theme.callbackStep;
            p.setRenderHint(QPainter::Antialiasing, true);
            p.setPen(Qt::NoPen);
            p.setBrush(chip);
            const qreal d = 8 * m_scale;
            p.drawRoundedRect(QRectF(r.left(), r.center().y() - d / 2, d, d), 2 * m_scale, 2 * m_scale);
            p.setRenderHint(QPainter::Antialiasing, false);
            p.setFont(m_font);
            p.setPen(m_theme.textDim);
            const QRectF text = r.adjusted(d + 6 * m_scale, 0, 0, 0);
            p.drawText(text, Qt::AlignVCenter | Qt::AlignLeft,
                normal.elidedText(QString::fromStdString(l.name), Qt::ElideRight, text.width()));
            continue;
        }
        // A dot says where the task stands at the cursor; a finished task's name steps back, and
        // the task whose step just ran is in the running colour.
        const TaskState state = m_layout.taskState(lane, cut);
        const bool finished
            = l.internal || (state >= TaskState::Done && state <= TaskState::Destroyed);
        const bool justRan = cut > 0 && m_layout.steps()[std::size_t(cut - 1)].lane == lane;
        paintStateDot(p, state, QPointF(r.left() + 4 * m_scale, r.center().y()));
        const QRectF nameRect = r.adjusted(14 * m_scale, 0, 0, 0);
        const QString full = QString::fromStdString(m_layout.laneName(lane, cut));
        const auto dot = full.indexOf(QStringLiteral(" · "));
        const QString name = dot < 0 ? full : full.left(dot);
        const QString call = dot < 0 ? QString() : full.mid(dot);
        p.setFont(m_boldFont);
        p.setPen(justRan ? m_theme.running : finished ? m_theme.textDim : m_theme.text);
        const QString nameText = bold.elidedText(name, Qt::ElideRight, nameRect.width());
        p.drawText(nameRect, Qt::AlignVCenter | Qt::AlignLeft, nameText);
        const qreal used = bold.horizontalAdvance(nameText);
        if (!call.isEmpty() && used < nameRect.width() - 10) {
            p.setFont(m_font);
            p.setPen(m_theme.textDim);
            p.drawText(nameRect.adjusted(used, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
                normal.elidedText(call, Qt::ElideRight, nameRect.width() - used));
        }
    }
    p.setClipping(false);
}

void TimelinePainter::paintAxisAndCursor(QPainter &p, const TimelineViewport &v) const
{
    const QRectF plot = plotRect(v.size);
    // The axis: step numbers (or seconds) and, under them, the virtual time of those steps.
    if (v.fillBackground)
        p.fillRect(QRectF(0, 0, v.size.width(), m_axisHeight), m_theme.background);
    p.setPen(QPen(m_theme.grid, 1));
    p.drawLine(QPointF(0, m_axisHeight - 0.5), QPointF(v.size.width(), m_axisHeight - 0.5));
    p.setFont(m_smallFont);
    p.setPen(m_theme.textDim);
    const qreal pad = 12 * m_scale;
    const QRectF head(pad, 0, m_nameWidth - pad, m_axisHeight);
    p.drawText(head.adjusted(0, 0, 0, -m_axisHeight / 2), Qt::AlignBottom | Qt::AlignLeft,
        v.mode == AxisMode::Steps ? QStringLiteral("step") : QStringLiteral("virtual time"));
    p.drawText(head.adjusted(0, m_axisHeight / 2, 0, 0), Qt::AlignVCenter | Qt::AlignLeft,
        v.mode == AxisMode::Steps ? QStringLiteral("virtual time") : QString());

    p.setClipRect(QRectF(plot.left(), 0, plot.width(), m_axisHeight));
    const double tick = tickStep(v);
    const double right = xAt(v, plot.right());
    const int steps = m_layout.stepCount();
    const QFontMetricsF fm(m_smallFont);
    const qreal row1 = m_axisHeight * 0.30, row2 = m_axisHeight * 0.72;

    // The cursor's tag ("step 9 · 1.000 s") is placed first: the axis labels it would cover give
    // way to it.
    const int cut = std::min(v.cutStep, steps);
    const qreal px = std::round(pxAt(v, cursorX(v)));
    const bool cursor = v.cursor && px >= plot.left() - 1 && px <= plot.right() + 1;
    const std::int64_t now = cut > 0 ? std::int64_t(std::llround(m_layout.cursorX(AxisMode::Time, cut) * 1e9)) : 0;
    const QString tag = QStringLiteral("step %1 · %2").arg(v.shownStep >= 0 ? v.shownStep : cut).arg(seconds(toSeconds(now)));
    const qreal tw = fm.horizontalAdvance(tag) + 14 * m_scale;
    const qreal th = fm.height() + 4 * m_scale;
    QRectF pill(px - tw / 2, m_axisHeight - th - 2 * m_scale, tw, th);
    pill.moveLeft(std::clamp(pill.left(), plot.left() + 2, std::max(plot.left() + 2, plot.right() - tw - 2)));

    // Centred on its tick, but never cut by the plot's left edge nor under the cursor's tag.
    const auto axisLabel = [&](qreal cx, qreal cy, const QString &text) {
        if (cx < plot.left() - 0.5)
            return; // its tick is scrolled out
        const qreal w = fm.horizontalAdvance(text);
        const qreal left = std::max(cx - w / 2, plot.left() + 2);
        const QRectF box(left, cy - fm.height() / 2, w, fm.height());
        if (cursor && box.adjusted(-4 * m_scale, 0, 4 * m_scale, 0).intersects(pill))
            return;
        p.drawText(QPointF(left, cy + fm.ascent() / 2 - fm.descent() / 2), text);
    };
    if (v.mode == AxisMode::Steps) {
        std::int64_t lastTime = -1;
        // Step 1, then multiples of the tick.
        double n = std::max(1.0, std::floor(v.x0 / tick) * tick);
        for (; n <= right + 1 && n <= std::max(steps, 1); n = n == 1 && tick > 1 ? tick : n + tick) {
            if (tick > 1 && n == 1 && pxAt(v, tick - 0.5) - pxAt(v, 0.5) < 80 * m_scale)
                continue; // too close to the first multiple
            const qreal cx = pxAt(v, n - 0.5);
            p.setPen(m_theme.text);
            p.setFont(m_smallFont);
            axisLabel(cx, row1, QString::number(n));
            if (int(n) - 1 < steps) {
                const std::int64_t t = m_layout.stepTime(int(n) - 1);
                p.setPen(t == lastTime ? m_theme.grid : m_theme.textDim);
                axisLabel(cx, row2, t == lastTime ? QStringLiteral("·") : seconds(toSeconds(t), t % 1000000 ? 3 : 1));
                lastTime = t;
            }
        }
    } else {
        const int decimals = std::clamp(int(std::ceil(-std::log10(tick))), 0, 6);
        for (double t = std::floor(v.x0 / tick) * tick; t <= right; t += tick) {
            const qreal px = pxAt(v, t);
            p.setPen(m_theme.text);
            axisLabel(px, row1, seconds(std::abs(t) < tick / 2 ? 0.0 : t, decimals));
        }
    }

    // The cursor: where the run is now, gliding to a new step.
    p.setClipping(false);
    if (!cursor)
        return;
    p.setPen(QPen(m_theme.cursor, 1.5 * m_theme.lineWidth));
    p.drawLine(QPointF(px, m_axisHeight - 4 * m_scale), QPointF(px, plot.bottom()));
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    p.setBrush(m_theme.cursor);
    p.drawRoundedRect(pill, th / 2, th / 2);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(m_theme.background);
    p.setFont(m_smallFont);
    p.drawText(pill, Qt::AlignCenter, tag);
}

void TimelinePainter::paintLegend(QPainter &p, const TimelineViewport &v) const
{
    paintLegend(p, QRectF(0, v.size.height() - m_legendHeight, v.size.width(), m_legendHeight));
}

void TimelinePainter::paintLegend(QPainter &p, const QRectF &band) const
{
    p.fillRect(band, m_theme.nameBackground);
    p.setPen(QPen(m_theme.grid, 1));
    p.drawLine(band.topLeft() + QPointF(0, 0.5), band.topRight() + QPointF(0, 0.5));
    // Narrow drawings get a smaller legend rather than a cut one.
    QPicture measure; // (the entries drawn nowhere, for their width)
    QPainter dry(&measure);
    const qreal needed = paintLegendEntries(dry, band) - band.left();
    dry.end();
    if (needed > band.width()) {
        const qreal k = band.width() / needed;
        p.save();
        p.translate(band.left(), band.center().y());
        p.scale(k, k);
        p.translate(-band.left(), -band.center().y());
        paintLegendEntries(p, band);
        p.restore();
    } else {
        paintLegendEntries(p, band);
    }
}

// Returns where the entries end on the right.
qreal TimelinePainter::paintLegendEntries(QPainter &p, const QRectF &band) const
{
    p.setFont(m_smallFont);
    const QFontMetricsF fm(m_smallFont);
    qreal x = band.left() + 12 * m_scale;
    const qreal cy = band.center().y();
    const qreal gap = 16 * m_scale;
    auto label = [&](const QString &text) {
        p.setPen(m_theme.textDim);
        p.drawText(QPointF(x, cy + fm.ascent() / 2 - 1), text);
        x += fm.horizontalAdvance(text) + gap;
    };
    auto swatch = [&](SegmentKind kind, const QString &text) {
        const QRectF r(x, cy - 5 * m_scale, 18 * m_scale, 10 * m_scale);
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(Qt::NoPen);
        p.setBrush(segmentColor(kind, 2));
        p.drawRoundedRect(r, 2 * m_scale, 2 * m_scale);
        p.setRenderHint(QPainter::Antialiasing, false);
        if (kind == SegmentKind::Blocked)
            p.fillRect(r, QBrush(m_theme.deadlock, Qt::BDiagPattern));
        x += r.width() + 5 * m_scale;
        label(text);
    };
    auto marker = [&](MarkerKind kind, const QString &text) {
        p.setRenderHint(QPainter::Antialiasing, true);
        if (kind == MarkerKind::Resume) { // drawn on a running bar, as on the timeline
            p.setPen(Qt::NoPen);
            p.setBrush(m_theme.running);
            p.drawRoundedRect(QRectF(x, cy - 5 * m_scale, 14 * m_scale, 10 * m_scale), 2 * m_scale, 2 * m_scale);
            paintMarker(p, kind, QPointF(x + 2 * m_scale, cy), 5.5 * m_scale);
            x += 14 * m_scale;
        } else {
            paintMarker(p, kind, QPointF(x + 6 * m_scale, cy), 5.5 * m_scale);
            x += 12 * m_scale;
        }
        p.setRenderHint(QPainter::Antialiasing, false);
        x += 5 * m_scale;
        label(text);
    };
    swatch(SegmentKind::Running, QStringLiteral("running"));
    swatch(SegmentKind::Ready, QStringLiteral("ready"));
    swatch(SegmentKind::Waiting, QStringLiteral("waiting"));
    swatch(SegmentKind::Blocked, QStringLiteral("deadlocked"));
    x += gap;
    marker(MarkerKind::Await, QStringLiteral("await"));
    marker(MarkerKind::Resume, QStringLiteral("resume"));
    {
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(QPen(m_theme.arrow, 1.4 * m_scale));
        p.drawLine(QPointF(x, cy), QPointF(x + 16 * m_scale, cy));
        p.setPen(Qt::NoPen);
        p.setBrush(m_theme.arrow);
        const qreal hs = 5 * m_scale;
        p.drawPolygon(QPolygonF({QPointF(x + 20 * m_scale, cy), QPointF(x + 20 * m_scale - hs, cy - hs * 0.55),
            QPointF(x + 20 * m_scale - hs, cy + hs * 0.55)}));
        p.setRenderHint(QPainter::Antialiasing, false);
        x += 25 * m_scale;
        label(QStringLiteral("wake-up"));
    }
    marker(MarkerKind::Done, QStringLiteral("done"));
    marker(MarkerKind::Cancelled, QStringLiteral("cancelled"));
    marker(MarkerKind::Raised, QStringLiteral("exception"));
    marker(MarkerKind::Deadlock, QStringLiteral("deadlock"));
    if (m_layout.hasDestroyedTasks())
        marker(MarkerKind::Destroyed, QStringLiteral("destroyed"));
    marker(MarkerKind::Print, QStringLiteral("print"));
    return x - gap + 12 * m_scale;
}

} // namespace loopscope
