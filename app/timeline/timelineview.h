// The timeline as a Qt Quick item: one QQuickPaintedItem drawn by TimelinePainter from a
// TimelineLayout. Register it with loopscope::registerTimelineTypes() and
// `import Loopscope.Timeline` in QML.
//
// Feeding it (C++, from the window that owns the Engine):
//     view->setTrace(&engine.trace(), engine.source());   // after Engine::load() / reset()
//     engine.step(); view->traceGrew();                      // after every step (extends, never rebuilds)
//     view->setCurrentStep(engine.stepCount());              // or bind currentStep in QML
// The trace must outlive the view or be replaced with setTrace(nullptr). When the engine clears
// its trace (load/reset), traceGrew() notices and rebuilds; calling setTrace() again is just as
// good. Until currentStep is set, the view shows every step of the trace. A window that runs the
// whole script first may keep the trace and only move currentStep: stepping back cuts earlier.
//
// Step numbers in this API are 1-based, as Engine::stepCount() counts them: currentStep = n shows
// the first n steps; stepClicked(n, line) asks to show step n (and scroll the code to `line`);
// selectedStep = 0 selects nothing. Each new step scrolls its lane into view; one step forward
// animates for animationDuration ms unless reduceMotion is set or steps come faster.
//
// Input: Ctrl+wheel or a trackpad's pinch zooms at the pointer; the wheel
// scrolls the lanes (and zooms when they all fit); a trackpad pans both ways; Shift+wheel pans
// horizontally; drag pans; click selects a step; dragging on the axis strip or the cursor scrubs
// (scrubbed(n) asks for step n, past the last step too: the run goes on); keys (when it has the
// focus, before the window's shortcuts): + and - zoom, arrows pan, Home/End go to the
// start/cursor, 0 fits everything.
#pragma once

#include "timelinelayout.h"
#include "timelinepainter.h"
#include "timelinetheme.h"

#include <QElapsedTimer>
#include <QImage>
#include <QQuickPaintedItem>
#include <QVariantAnimation>

#include <memory>

namespace loopscope {

class TimelineView : public QQuickPaintedItem {
    Q_OBJECT
    Q_PROPERTY(AxisMode axisMode READ axisMode WRITE setAxisMode NOTIFY axisModeChanged)
    Q_PROPERTY(int currentStep READ currentStep WRITE setCurrentStep NOTIFY currentStepChanged)
    Q_PROPERTY(int stepCount READ stepCount NOTIFY traceChanged)
    Q_PROPERTY(int laneCount READ laneCount NOTIFY traceChanged)
    Q_PROPERTY(int selectedStep READ selectedStep WRITE setSelectedStep NOTIFY selectedStepChanged)
    // The number the cursor's tag shows (-1, the default: currentStep).
    Q_PROPERTY(int shownStep READ shownStep WRITE setShownStep NOTIFY shownStepChanged)
    Q_PROPERTY(Theme theme READ theme WRITE setTheme NOTIFY themeChanged)
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY themeChanged)
    Q_PROPERTY(qreal fontScale READ fontScale WRITE setFontScale NOTIFY fontScaleChanged)
    Q_PROPERTY(bool reduceMotion READ reduceMotion WRITE setReduceMotion NOTIFY reduceMotionChanged)
    Q_PROPERTY(int animationDuration READ animationDuration WRITE setAnimationDuration NOTIFY animationDurationChanged)
    // Zoom and pan: the x unit (step or second) at the plot's left edge, pixels per x unit, and
    // how far the lanes are scrolled. autoFit keeps everything in view until the user zooms or pans.
    Q_PROPERTY(double viewStart READ viewStart WRITE setViewStart NOTIFY viewChanged)
    Q_PROPERTY(double zoom READ zoom WRITE setZoom NOTIFY viewChanged)
    Q_PROPERTY(double laneScroll READ laneScroll WRITE setLaneScroll NOTIFY viewChanged)
    Q_PROPERTY(bool autoFit READ autoFit WRITE setAutoFit NOTIFY viewChanged)
    // The full event under the pointer ("" when nothing is), for a ToolTip.
    Q_PROPERTY(QString hoverText READ hoverText NOTIFY hoverChanged)
    Q_PROPERTY(QPointF hoverPosition READ hoverPosition NOTIFY hoverChanged)
    Q_PROPERTY(bool animating READ animating NOTIFY animatingChanged)

public:
    enum AxisMode { Steps, Time };
    Q_ENUM(AxisMode)
    enum Theme { Light, Dark, Slides };
    Q_ENUM(Theme)

    explicit TimelineView(QQuickItem *parent = nullptr);
    ~TimelineView() override;

    // The trace to show and the script's source (for lane names: "Task-3 · fetch('url2')").
    void setTrace(const Trace *trace, const std::string &source = {});
    // The trace has new events: extend the layout (and the view, when autoFit is on).
    Q_INVOKABLE void traceGrew();
    const TimelineLayout &layout() const { return m_layout; }

    Q_INVOKABLE void fitAll();
    // Zooms by `factor` (> 1 zooms in) keeping the x under `anchorPx` (item x; < 0 = centre) fixed.
    Q_INVOKABLE void zoomBy(double factor, double anchorPx = -1);
    Q_INVOKABLE void panBy(double dxPx, double dyPx);
    // Scrolls so that step n (1-based) is in view.
    Q_INVOKABLE void scrollToStep(int step);
    // The timeline as it is shown now, rendered at `size` (item size when empty); with autoFit on,
    // fitted to that size.
    Q_INVOKABLE QImage renderImage(QSize size = QSize(), qreal devicePixelRatio = 1) const;
    Q_INVOKABLE bool saveImage(const QString &fileName, QSize size = QSize()) const;
    // The tooltip text at an item position (what hovering there shows).
    Q_INVOKABLE QString textAt(QPointF pos) const;
    // The 1-based step a click at this position selects (0 = none).
    Q_INVOKABLE int stepAt(QPointF pos) const;
    // Whether a press there scrubs (the axis strip, or the cursor line) and to which step.
    Q_INVOKABLE bool scrubsAt(QPointF pos) const;
    Q_INVOKABLE int scrubStepAt(QPointF pos) const;

    AxisMode axisMode() const { return m_viewport.mode == loopscope::AxisMode::Steps ? Steps : Time; }
    void setAxisMode(AxisMode mode);
    int currentStep() const;
    void setCurrentStep(int step);
    int stepCount() const { return m_layout.stepCount(); }
    int laneCount() const;
    int selectedStep() const { return m_viewport.selectedStep + 1; }
    void setSelectedStep(int step);
    int shownStep() const { return m_viewport.shownStep; }
    void setShownStep(int step);
    Theme theme() const { return m_themeKind; }
    void setTheme(Theme theme);
    bool dark() const { return m_themeKind == Dark; }
    void setDark(bool dark) { setTheme(dark ? Dark : Light); }
    qreal fontScale() const { return m_fontScale; }
    void setFontScale(qreal scale);
    bool reduceMotion() const { return m_reduceMotion; }
    void setReduceMotion(bool reduce);
    int animationDuration() const { return m_animationDuration; }
    void setAnimationDuration(int ms);
    double viewStart() const { return m_viewport.x0; }
    void setViewStart(double x);
    double zoom() const { return 1 / m_viewport.unitsPerPixel; }
    void setZoom(double pixelsPerUnit);
    double laneScroll() const { return m_viewport.laneScroll; }
    void setLaneScroll(double px);
    bool autoFit() const { return m_autoFit; }
    void setAutoFit(bool on);
    QString hoverText() const { return m_hoverText; }
    QPointF hoverPosition() const { return m_hoverPosition; }
    bool animating() const;
    // The viewport as painted (with the animation's progress), for exports and tests.
    TimelineViewport viewport() const;

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void axisModeChanged();
    void currentStepChanged();
    void traceChanged();
    void selectedStepChanged();
    void shownStepChanged();
    void themeChanged();
    void fontScaleChanged();
    void reduceMotionChanged();
    void animationDurationChanged();
    void viewChanged();
    void hoverChanged();
    void animatingChanged();
    // A click on the timeline asks to show step `step` (1-based) and its script line (0 = none).
    void stepClicked(int step, int line);
    // Dragging along the axis or the cursor asks to show the first `step` steps.
    void scrubbed(int step);

protected:
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void hoverMoveEvent(QHoverEvent *event) override;
    void hoverLeaveEvent(QHoverEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    TimelinePainter painter() const;
    void setHover(const QString &text, QPointF pos);
    void clampView();
    void userMovedView();
    void keepCursorInView();
    void keepNewestLaneInView();

    const Trace *m_trace = nullptr;
    TimelineLayout m_layout;
    TimelineViewport m_viewport;
    Theme m_themeKind = Light;
    TimelineTheme m_theme = TimelineTheme::light();
    qreal m_fontScale = 1;
    bool m_reduceMotion = false;
    bool m_autoFit = true;
    int m_animationDuration = 200;
    QVariantAnimation m_animation;
    QElapsedTimer m_sinceLastStep;
    QString m_hoverText;
    QPointF m_hoverPosition;
    QPointF m_pressPos, m_lastDragPos;
    bool m_dragging = false;
    bool m_scrubbing = false;
    int m_scrubStep = -1;
};

// Registers TimelineView as `TimelineView` in the QML module `Loopscope.Timeline` 1.0.
void registerTimelineTypes();

} // namespace loopscope
