#include "timelineview.h"

#include <QCursor>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QQmlEngine>

#include <algorithm>
#include <cmath>

namespace loopscope {

namespace {
// How far one can zoom: a step column from a thousandth of a pixel to 400 pixels wide; time from
// 10 ns to a day per pixel.
double clampUnitsPerPixel(loopscope::AxisMode mode, double upp)
{
    if (mode == loopscope::AxisMode::Steps)
        return std::clamp(upp, 1.0 / 400, 1000.0);
    return std::clamp(upp, 1e-8, 86400.0);
}
} // namespace

TimelineView::TimelineView(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAcceptedMouseButtons(Qt::LeftButton);
    setAcceptHoverEvents(true);
    setFlag(ItemAcceptsInputMethod, false);
    setActiveFocusOnTab(true);
    setOpaquePainting(true);
    setAntialiasing(true);
    setFillColor(m_theme.background);
    m_animation.setStartValue(0.0);
    m_animation.setEndValue(1.0);
    connect(&m_animation, &QVariantAnimation::valueChanged, this, [this](const QVariant &v) {
        m_viewport.growth = v.toDouble();
        update();
    });
    connect(&m_animation, &QVariantAnimation::stateChanged, this, [this] { Q_EMIT animatingChanged(); });
    m_sinceLastStep.start();
}

TimelineView::~TimelineView() = default;

TimelinePainter TimelineView::painter() const
{
    return TimelinePainter(m_layout, m_theme, m_fontScale);
}

void TimelineView::setTrace(const Trace *trace, const std::string &source)
{
    m_animation.stop();
    m_trace = trace;
    m_layout.reset(trace, source);
    m_viewport.growth = 1;
    m_viewport.cursorFrom = std::nan("");
    m_viewport.selectedStep = -1;
    if (m_autoFit)
        fitAll();
    Q_EMIT traceChanged();
    Q_EMIT currentStepChanged();
    Q_EMIT selectedStepChanged();
    update();
}

void TimelineView::traceGrew()
{
    // (A trace cleared and rebuilt is the same run replayed: the selected step stays selected.)
    if (!m_layout.update())
        return;
    if (m_autoFit) {
        painter().fitAll(m_viewport);
        Q_EMIT viewChanged();
    }
    Q_EMIT traceChanged();
    if (m_viewport.cutStep == TimelineLayout::kOpen)
        Q_EMIT currentStepChanged();
    update();
}

int TimelineView::laneCount() const
{
    return m_layout.laneCount(m_viewport.cutStep);
}

int TimelineView::currentStep() const
{
    return std::min(m_viewport.cutStep, m_layout.stepCount());
}

// One step forward animates (unless motion is reduced or steps come faster than the animation);
// anything else, stepping back included, jumps.
void TimelineView::setCurrentStep(int step)
{
    step = std::max(0, step);
    const int old = currentStep();
    if (step == old && m_viewport.cutStep != TimelineLayout::kOpen)
        return;
    const bool animate = !m_reduceMotion && m_animationDuration > 0 && step == old + 1
        && m_sinceLastStep.elapsed() >= m_animationDuration;
    m_sinceLastStep.restart();
    m_animation.stop();
    m_viewport.cursorFrom = m_layout.cursorX(m_viewport.mode, old);
    m_viewport.cutStep = step;
    if (animate) {
        m_viewport.growth = 0;
        m_animation.setDuration(m_animationDuration);
        m_animation.start();
    } else {
        m_viewport.growth = 1;
    }
    if (!m_autoFit)
        keepCursorInView();
    keepNewestLaneInView();
    Q_EMIT currentStepChanged();
    Q_EMIT traceChanged(); // laneCount depends on the cut
    update();
}

bool TimelineView::animating() const
{
    return m_animation.state() == QAbstractAnimation::Running;
}

void TimelineView::setSelectedStep(int step)
{
    const int index = std::max(-1, step - 1);
    if (index == m_viewport.selectedStep)
        return;
    m_viewport.selectedStep = index;
    Q_EMIT selectedStepChanged();
    update();
}

void TimelineView::setShownStep(int step)
{
    if (step == m_viewport.shownStep)
        return;
    m_viewport.shownStep = step;
    Q_EMIT shownStepChanged();
    update();
}

void TimelineView::setAxisMode(AxisMode mode)
{
    const auto m = mode == Steps ? loopscope::AxisMode::Steps : loopscope::AxisMode::Time;
    if (m == m_viewport.mode)
        return;
    // Keep the same steps in view: map the visible range through step numbers.
    const TimelinePainter p = painter();
    const double width = p.plotRect(m_viewport.size).width();
    const int first = m_layout.stepAt(m_viewport.mode, m_viewport.x0);
    const int last = m_layout.stepAt(m_viewport.mode, m_viewport.x0 + width * m_viewport.unitsPerPixel);
    m_viewport.mode = m;
    m_viewport.cursorFrom = std::nan("");
    if (m_autoFit || first < 0) {
        p.fitAll(m_viewport);
    } else {
        const double a = m == loopscope::AxisMode::Steps ? first : toSeconds(m_layout.stepTime(first));
        double b = m == loopscope::AxisMode::Steps ? last + 1 : m_layout.cursorX(m, last + 1);
        if (b <= a)
            b = a + (m == loopscope::AxisMode::Steps ? 8 : 0.1);
        m_viewport.x0 = a;
        m_viewport.unitsPerPixel = clampUnitsPerPixel(m, (b - a) / std::max(1.0, width));
    }
    Q_EMIT axisModeChanged();
    Q_EMIT viewChanged();
    update();
}

void TimelineView::setTheme(Theme theme)
{
    if (theme == m_themeKind)
        return;
    m_themeKind = theme;
    m_theme = TimelineTheme::forKind(theme == Dark ? TimelineTheme::Kind::Dark
            : theme == Slides                      ? TimelineTheme::Kind::Slides
                                                   : TimelineTheme::Kind::Light);
    setFillColor(m_theme.background);
    if (m_autoFit)
        painter().fitAll(m_viewport);
    Q_EMIT themeChanged();
    update();
}

void TimelineView::setFontScale(qreal scale)
{
    scale = std::clamp(scale, 0.5, 4.0);
    if (qFuzzyCompare(scale, m_fontScale))
        return;
    m_fontScale = scale;
    if (m_autoFit)
        painter().fitAll(m_viewport);
    clampView();
    Q_EMIT fontScaleChanged();
    update();
}

void TimelineView::setReduceMotion(bool reduce)
{
    if (reduce == m_reduceMotion)
        return;
    m_reduceMotion = reduce;
    if (reduce && animating()) {
        m_animation.stop();
        m_viewport.growth = 1;
        update();
    }
    Q_EMIT reduceMotionChanged();
}

void TimelineView::setAnimationDuration(int ms)
{
    if (ms == m_animationDuration)
        return;
    m_animationDuration = std::max(0, ms);
    Q_EMIT animationDurationChanged();
}

void TimelineView::setViewStart(double x)
{
    if (x == m_viewport.x0)
        return;
    m_viewport.x0 = x;
    userMovedView();
}

void TimelineView::setZoom(double pixelsPerUnit)
{
    if (pixelsPerUnit <= 0)
        return;
    m_viewport.unitsPerPixel = clampUnitsPerPixel(m_viewport.mode, 1 / pixelsPerUnit);
    userMovedView();
}

void TimelineView::setLaneScroll(double px)
{
    m_viewport.laneScroll = px;
    clampView();
    Q_EMIT viewChanged();
    update();
}

void TimelineView::setAutoFit(bool on)
{
    if (on == m_autoFit)
        return;
    m_autoFit = on;
    if (on)
        painter().fitAll(m_viewport);
    Q_EMIT viewChanged();
    update();
}

void TimelineView::fitAll()
{
    m_autoFit = true;
    painter().fitAll(m_viewport);
    m_viewport.laneScroll = 0;
    Q_EMIT viewChanged();
    update();
}

void TimelineView::zoomBy(double factor, double anchorPx)
{
    if (factor <= 0)
        return;
    const TimelinePainter p = painter();
    const QRectF plot = p.plotRect(m_viewport.size);
    if (anchorPx < plot.left() || anchorPx > plot.right())
        anchorPx = plot.center().x();
    const double anchorX = p.xAt(m_viewport, anchorPx);
    m_viewport.unitsPerPixel = clampUnitsPerPixel(m_viewport.mode, m_viewport.unitsPerPixel / factor);
    m_viewport.x0 = anchorX - (anchorPx - plot.left()) * m_viewport.unitsPerPixel;
    userMovedView();
}

void TimelineView::panBy(double dxPx, double dyPx)
{
    m_viewport.x0 += dxPx * m_viewport.unitsPerPixel;
    m_viewport.laneScroll += dyPx;
    userMovedView();
}

void TimelineView::scrollToStep(int step)
{
    const TimelinePainter p = painter();
    const double width = p.plotRect(m_viewport.size).width() * m_viewport.unitsPerPixel;
    const int index = std::clamp(step - 1, 0, std::max(0, m_layout.stepCount() - 1));
    const double x = m_viewport.mode == loopscope::AxisMode::Steps ? index + 0.5 : toSeconds(m_layout.stepTime(index));
    if (x < m_viewport.x0 || x > m_viewport.x0 + width) {
        m_viewport.x0 = x - width / 2;
        m_autoFit = false;
        clampView();
        Q_EMIT viewChanged();
        update();
    }
}

void TimelineView::userMovedView()
{
    m_autoFit = false;
    clampView();
    Q_EMIT viewChanged();
    update();
}

// The view may not wander off: some of the run stays visible, and the lanes don't scroll past
// their end.
void TimelineView::clampView()
{
    const TimelinePainter p = painter();
    const QRectF plot = p.plotRect(m_viewport.size);
    const double span = plot.width() * m_viewport.unitsPerPixel;
    const double end
        = std::max(m_layout.xEnd(m_viewport.mode), m_viewport.mode == loopscope::AxisMode::Steps ? 1.0 : 0.001);
    m_viewport.x0 = std::clamp(m_viewport.x0, -span * 0.9, end - span * 0.1);
    const double maxScroll = std::max(0.0, p.contentHeight(m_viewport.cutStep) - plot.height());
    m_viewport.laneScroll = std::clamp(m_viewport.laneScroll, 0.0, maxScroll);
}

void TimelineView::keepCursorInView()
{
    const TimelinePainter p = painter();
    const QRectF plot = p.plotRect(m_viewport.size);
    const double span = plot.width() * m_viewport.unitsPerPixel;
    const double x = m_layout.cursorX(m_viewport.mode, currentStep());
    if (x < m_viewport.x0 || x > m_viewport.x0 + span * 0.95) {
        m_viewport.x0 = x - span * 0.8;
        clampView();
        Q_EMIT viewChanged();
    }
}

// With many tasks, the lane whose step just ran is scrolled into view (the least distance).
void TimelineView::keepNewestLaneInView()
{
    const int cut = currentStep();
    if (cut <= 0)
        return;
    const int lane = m_layout.steps()[std::size_t(cut - 1)].lane;
    const TimelinePainter p = painter();
    const QRectF plot = p.plotRect(m_viewport.size);
    const double top = lane * p.laneHeight();
    const double before = m_viewport.laneScroll;
    if (top < m_viewport.laneScroll)
        m_viewport.laneScroll = top;
    else if (top + p.laneHeight() > m_viewport.laneScroll + plot.height())
        m_viewport.laneScroll = top + p.laneHeight() - plot.height();
    if (m_viewport.laneScroll != before) {
        clampView();
        Q_EMIT viewChanged();
    }
}

TimelineViewport TimelineView::viewport() const
{
    return m_viewport;
}

QImage TimelineView::renderImage(QSize size, qreal devicePixelRatio) const
{
    if (size.isEmpty())
        size = QSize(int(width()), int(height()));
    QImage image(size * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    TimelineViewport v = m_viewport;
    v.size = size;
    v.growth = 1;
    const TimelinePainter timeline = painter();
    if (m_autoFit)
        timeline.fitAll(v); // an export of "everything" at another size shows everything too
    QPainter p(&image);
    p.setRenderHint(QPainter::TextAntialiasing);
    timeline.paint(p, v);
    return image;
}

bool TimelineView::saveImage(const QString &fileName, QSize size) const
{
    return renderImage(size).save(fileName);
}

QString TimelineView::textAt(QPointF pos) const
{
    const HitResult hit = painter().hitTest(m_viewport, pos);
    return hit.hit ? QString::fromStdString(hit.text) : QString();
}

int TimelineView::stepAt(QPointF pos) const
{
    const HitResult hit = painter().hitTest(m_viewport, pos);
    return hit.hit && hit.step >= 0 ? hit.step + 1 : 0;
}

void TimelineView::paint(QPainter *p)
{
    if (m_layout.stale()) {
        // The engine replays (Back, Reset) and has not said so yet: draw when it has.
        QMetaObject::invokeMethod(this, &TimelineView::traceGrew, Qt::QueuedConnection);
        return;
    }
    p->setRenderHint(QPainter::TextAntialiasing);
    painter().paint(*p, m_viewport);
}

void TimelineView::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    m_viewport.size = newGeometry.size();
    if (m_autoFit)
        painter().fitAll(m_viewport);
    clampView();
    update();
}

// ---- input ------------------------------------------------------------------------------------

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint pixels = event->pixelDelta();
    const QPoint angle = event->angleDelta();
    const TimelinePainter p = painter();
    // A mouse wheel scrolls the lanes; when they all fit there is nothing to scroll, so it zooms.
    const bool lanesFit = p.contentHeight(m_viewport.cutStep) <= p.plotRect(m_viewport.size).height();
    const bool plainWheel = pixels.isNull() && angle.x() == 0 && event->modifiers() == Qt::NoModifier;
    if (event->modifiers() & (Qt::ControlModifier | Qt::MetaModifier) || (plainWheel && lanesFit)) {
        const double steps = !pixels.isNull() ? pixels.y() / 40.0 : angle.y() / 120.0;
        zoomBy(std::pow(1.25, steps), event->position().x());
    } else if (!pixels.isNull()) { // a trackpad: both directions pan
        panBy(-pixels.x(), -pixels.y());
    } else if (event->modifiers() & Qt::ShiftModifier) {
        const int d = angle.x() ? angle.x() : angle.y();
        panBy(-d / 120.0 * 60, 0);
    } else {
        panBy(-angle.x() / 120.0 * 60, -angle.y() / 120.0 * p.laneHeight() * 3);
    }
    event->accept();
}

bool TimelineView::scrubsAt(QPointF pos) const
{
    const TimelinePainter p = painter();
    if (pos.x() < p.nameWidth())
        return false;
    return pos.y() < p.axisHeight() || std::abs(pos.x() - p.pxAt(m_viewport, p.cursorX(m_viewport))) <= 5;
}

int TimelineView::scrubStepAt(QPointF pos) const
{
    const double x = painter().xAt(m_viewport, pos.x());
    const int steps = m_layout.stepCount();
    if (m_viewport.mode == loopscope::AxisMode::Steps)
        return std::clamp(int(std::lround(x)), 0, steps + 1000); // past the end: the run goes on
    if (x >= m_layout.cursorX(m_viewport.mode, steps))
        return steps + (x > m_layout.cursorX(m_viewport.mode, steps) ? 1 : 0);
    return steps ? m_layout.stepAt(m_viewport.mode, x) + 1 : 0;
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    forceActiveFocus(Qt::MouseFocusReason);
    m_pressPos = m_lastDragPos = event->position();
    m_dragging = false;
    m_scrubbing = scrubsAt(m_pressPos);
    m_scrubStep = -1;
    if (m_scrubbing) {
        setAutoFit(false); // the axis stays put under the pointer while the cut moves
        m_scrubStep = scrubStepAt(m_pressPos);
        Q_EMIT scrubbed(m_scrubStep);
    }
    event->accept();
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const QPointF pos = event->position();
    if (m_scrubbing) {
        const int step = scrubStepAt(pos);
        if (step != m_scrubStep) {
            m_scrubStep = step;
            Q_EMIT scrubbed(step);
        }
        event->accept();
        return;
    }
    if (!m_dragging && (pos - m_pressPos).manhattanLength() > 4)
        m_dragging = true;
    if (m_dragging) {
        const QPointF d = pos - m_lastDragPos;
        panBy(-d.x(), -d.y());
        m_lastDragPos = pos;
    }
    event->accept();
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_scrubbing) {
        m_scrubbing = false;
    } else if (!m_dragging) {
        const HitResult hit = painter().hitTest(m_viewport, event->position());
        if (hit.hit && hit.step >= 0) {
            setSelectedStep(hit.step + 1);
            Q_EMIT stepClicked(hit.step + 1, hit.line);
        }
    }
    m_dragging = false;
    event->accept();
}

void TimelineView::setHover(const QString &text, QPointF pos)
{
    if (text == m_hoverText && pos == m_hoverPosition)
        return;
    m_hoverText = text;
    m_hoverPosition = pos;
    Q_EMIT hoverChanged();
}

void TimelineView::hoverMoveEvent(QHoverEvent *event)
{
    setHover(textAt(event->position()), event->position());
    setCursor(scrubsAt(event->position()) ? Qt::SizeHorCursor : Qt::ArrowCursor);
}

void TimelineView::hoverLeaveEvent(QHoverEvent *)
{
    setHover(QString(), QPointF());
}

// With the focus, the timeline's own keys come before the window's shortcuts (arrows step there).
bool TimelineView::event(QEvent *event)
{
    if (event->type() == QEvent::NativeGesture) { // a trackpad's pinch zooms at the fingers
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(1 + gesture->value(), gesture->position().x());
            event->accept();
            return true;
        }
    }
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        static const int own[] = {Qt::Key_Plus, Qt::Key_Equal, Qt::Key_Minus, Qt::Key_Left, Qt::Key_Right, Qt::Key_Up,
            Qt::Key_Down, Qt::Key_Home, Qt::Key_End, Qt::Key_0};
        if ((key->modifiers() & ~(Qt::KeypadModifier | Qt::ShiftModifier)) == 0
            && std::find(std::begin(own), std::end(own), key->key()) != std::end(own)) {
            event->accept();
            return true;
        }
    }
    return QQuickPaintedItem::event(event);
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    const double page = painter().plotRect(m_viewport.size).width() * 0.15;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(1.5); break;
    case Qt::Key_Minus: zoomBy(1 / 1.5); break;
    case Qt::Key_Left: panBy(-page, 0); break;
    case Qt::Key_Right: panBy(page, 0); break;
    case Qt::Key_Up: panBy(0, -painter().laneHeight()); break;
    case Qt::Key_Down: panBy(0, painter().laneHeight()); break;
    case Qt::Key_Home:
        m_viewport.x0 = 0;
        userMovedView();
        break;
    case Qt::Key_End:
        m_autoFit = false;
        m_viewport.x0 = -1e300; // keepCursorInView moves it to the cursor
        keepCursorInView();
        update();
        break;
    case Qt::Key_0: fitAll(); break;
    default: QQuickPaintedItem::keyPressEvent(event); return;
    }
    event->accept();
}

void registerTimelineTypes()
{
    qmlRegisterType<TimelineView>("Loopscope.Timeline", 1, 0, "TimelineView");
}

} // namespace loopscope
