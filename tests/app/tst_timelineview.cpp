// The timeline item inside a real Qt Quick scene (tests/qml/TimelineDemo.qml): clicks select a
// step and name its line, hovering fills the tooltip, the keyboard, wheel and drag zoom and pan,
// and stepping animates the newest step.
#include "engine.h"
#include "scenariolibrary.h"
#include "timelinepainter.h"
#include "timelineview.h"

#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickView>
#include <QSignalSpy>
#include <QTest>

using namespace loopscope;

class TestTimelineView : public QObject {
    Q_OBJECT

    std::unique_ptr<Engine> m_engine;
    std::string m_source;
    std::unique_ptr<QQuickView> m_view;
    TimelineView *m_timeline = nullptr;

    // Where the middle of step n's column in a lane is, in scene coordinates.
    QPoint at(double x, int lane) const
    {
        TimelinePainter painter(m_timeline->layout(), TimelineTheme::light(), m_timeline->fontScale());
        const TimelineViewport v = m_timeline->viewport();
        return QPoint(
            int(painter.pxAt(v, x)), int(painter.axisHeight() + painter.laneHeight() * (lane + 0.5) - v.laneScroll));
    }

private Q_SLOTS:
    void initTestCase()
    {
        registerTimelineTypes();
        ScenarioInfo info;
        QVERIFY(ScenarioLibrary::find(QStringLiteral("gather"), &info));
        m_source = info.source.toStdString();
        m_engine = std::make_unique<Engine>();
        QVERIFY(m_engine->load(m_source, "gather.py"));
    }

    void init()
    {
        m_view = std::make_unique<QQuickView>();
        m_view->setSource(QUrl::fromLocalFile(QStringLiteral(LOOPSCOPE_SOURCE_DIR "/tests/qml/TimelineDemo.qml")));
        QVERIFY2(m_view->status() == QQuickView::Ready, qPrintable(m_view->errors().value(0).toString()));
        m_view->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
        m_timeline = m_view->rootObject()->findChild<TimelineView *>(QStringLiteral("timeline"));
        QVERIFY(m_timeline);
        m_engine->reset();
        m_timeline->setTrace(&m_engine->trace(), m_source);
        while (m_engine->step())
            m_timeline->traceGrew();
        m_timeline->traceGrew();
        m_timeline->setReduceMotion(true);
        m_timeline->setCurrentStep(m_engine->stepCount());
        m_timeline->setZoom(40); // 40 px per step
        m_timeline->setViewStart(0);
    }

    void cleanup() { m_view.reset(); }

    void clickSelectsTheStepAndItsLine()
    {
        QSignalSpy clicked(m_timeline, &TimelineView::stepClicked);
        // Task-3 (lane 4) runs in step 3 and ran to the await on line 13.
        QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, at(2.3, 4));
        QCOMPARE(clicked.count(), 1);
        QCOMPARE(clicked[0][0].toInt(), 3);
        QCOMPARE(clicked[0][1].toInt(), 13);
        QCOMPARE(m_timeline->selectedStep(), 3);
        // The name column and empty space select nothing.
        QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, QPoint(m_view->width() - 5, 300));
        QCOMPARE(clicked.count(), 1);
    }

    void hoverFillsTheTooltip()
    {
        QTest::mouseMove(m_view.get(), at(4.5, 4));
        QTRY_VERIFY(m_timeline->hoverText().contains(QStringLiteral("waiting for sleep(0.5)")));
        auto *tooltip = m_view->rootObject()->findChild<QQuickItem *>(QStringLiteral("tooltip"));
        QVERIFY(tooltip && tooltip->isVisible());
        m_view->grabWindow().save(QStringLiteral("/tmp/loopscope-timeline-tooltip.png"));
        QTest::mouseMove(m_view.get(), QPoint(m_view->width() - 5, 300));
        QTRY_VERIFY(m_timeline->hoverText().isEmpty());
    }

    void keyboardWheelAndDragZoomAndPan()
    {
        m_timeline->forceActiveFocus();
        const double zoom = m_timeline->zoom();
        QTest::keyClick(m_view.get(), Qt::Key_Plus);
        QVERIFY(m_timeline->zoom() > zoom);
        QTest::keyClick(m_view.get(), Qt::Key_Minus);
        QVERIFY(std::abs(m_timeline->zoom() - zoom) < 1e-9);
        const double start = m_timeline->viewStart();
        QTest::keyClick(m_view.get(), Qt::Key_Right);
        QVERIFY(m_timeline->viewStart() > start);

        // Ctrl+wheel zooms at the pointer; the step under it stays put.
        const QPoint p = at(6.5, 3);
        QWheelEvent wheel(p, m_view->mapToGlobal(p), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::ControlModifier,
            Qt::NoScrollPhase, false);
        const double before = m_timeline->zoom();
        QCoreApplication::sendEvent(m_view.get(), &wheel);
        QVERIFY(m_timeline->zoom() > before);
        QCOMPARE(at(6.5, 3).x(), p.x());
        QVERIFY(!m_timeline->autoFit());
        // All the lanes fit: a plain wheel has nothing to scroll, so it zooms too.
        QWheelEvent plain(p, m_view->mapToGlobal(p), QPoint(), QPoint(0, -120), Qt::NoButton, Qt::NoModifier,
            Qt::NoScrollPhase, false);
        const double zoomed = m_timeline->zoom();
        QCoreApplication::sendEvent(m_view.get(), &plain);
        QVERIFY(m_timeline->zoom() < zoomed);
        QCOMPARE(at(6.5, 3).x(), p.x());

        // Dragging pans.
        const double x0 = m_timeline->viewStart();
        QTest::mousePress(m_view.get(), Qt::LeftButton, {}, p);
        QTest::mouseMove(m_view.get(), p - QPoint(60, 0));
        QTest::mouseMove(m_view.get(), p - QPoint(120, 0));
        QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, p - QPoint(120, 0));
        QVERIFY(m_timeline->viewStart() > x0);

        QTest::keyClick(m_view.get(), Qt::Key_0);
        QVERIFY(m_timeline->autoFit());

        // The QML side sees the enums: the demo's T and D keys.
        QTest::keyClick(m_view.get(), Qt::Key_T);
        QCOMPARE(m_timeline->axisMode(), TimelineView::Time);
        QTest::keyClick(m_view.get(), Qt::Key_D);
        QVERIFY(m_timeline->dark());
        m_view->grabWindow().save(QStringLiteral("/tmp/loopscope-timeline-qml-time-dark.png"));
    }

    void steppingAnimatesTheNewestStepUnlessMotionIsReduced()
    {
        m_timeline->setReduceMotion(false);
        m_timeline->setCurrentStep(5);
        QTest::qWait(m_timeline->animationDuration() + 20);
        m_timeline->setCurrentStep(6);
        QVERIFY(m_timeline->animating());
        QTest::qWait(m_timeline->animationDuration() / 3);
        const QImage mid = m_view->grabWindow(); // a frame mid-animation, to look at
        QVERIFY(!mid.isNull());
        mid.save(QStringLiteral("/tmp/loopscope-timeline-animating.png"));
        // Requested sooner than the animation lasts: the next step shows at once. (A long animation
        // makes "sooner" hold however loaded the machine is.)
        const int duration = m_timeline->animationDuration();
        m_timeline->setAnimationDuration(60000);
        m_timeline->setCurrentStep(7);
        QVERIFY(!m_timeline->animating());
        QCOMPARE(m_timeline->viewport().growth, 1.0);
        m_timeline->setAnimationDuration(duration);
        QTest::qWait(m_timeline->animationDuration() + 20);
        m_timeline->setCurrentStep(8);
        QVERIFY(m_timeline->animating());
        QTRY_VERIFY_WITH_TIMEOUT(!m_timeline->animating(), 2000);
        m_timeline->setReduceMotion(true);
        QTest::qWait(m_timeline->animationDuration() + 20);
        m_timeline->setCurrentStep(9);
        QVERIFY(!m_timeline->animating());
        // Stepping back jumps.
        m_timeline->setReduceMotion(false);
        QTest::qWait(m_timeline->animationDuration() + 20);
        m_timeline->setCurrentStep(3);
        QVERIFY(!m_timeline->animating());
        QCOMPARE(m_timeline->laneCount(), 6);
    }
};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QGuiApplication app(argc, argv);
    TestTimelineView test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_timelineview.moc"
