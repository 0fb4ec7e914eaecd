// The window end to end, offscreen: the real QML over the real session. Each design scenario is
// stepped to its end and back to the start through the window's own buttons, and the inspector,
// console and narration are checked at chosen steps. Any QML warning fails the test.
#include "playground.h"
#include "timelineview.h"

#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QNativeGestureEvent>
#include <QPointingDevice>
#include <QPointer>
#include <QProcess>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <QTimer>

using loopscope::Playground;
using loopscope::Session;

namespace {

QQuickItem *item(QQuickWindow *w, const char *name)
{
    // The window's items by objectName, looked up once per window (the tree is large).
    static QHash<QPair<QQuickWindow *, QByteArray>, QPointer<QQuickItem>> cache;
    auto &found = cache[qMakePair(w, QByteArray(name))];
    if (!found)
        found = w->findChild<QQuickItem *>(QString::fromLatin1(name));
    return found;
}

// Clicks a toolbar button the way a user does; false when it is missing or disabled.
bool click(QQuickWindow *w, const char *name)
{
    QQuickItem *button = item(w, name);
    if (!button || !button->isEnabled() || !button->isVisible())
        return false;
    const QPointF centre = button->mapToScene(QPointF(button->width() / 2, button->height() / 2));
    QTest::mouseClick(w, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    return true;
}

// How many delegates a Repeater inside the inspector shows.
int rows(QQuickWindow *w, const char *repeater)
{
    QQuickItem *inspector = item(w, "inspector");
    QObject *r = inspector ? inspector->findChild<QObject *>(QString::fromLatin1(repeater)) : nullptr;
    return r ? r->property("count").toInt() : -1;
}

// With LOOPSCOPE_TEST_SHOTS=DIR, saves what the window shows now as DIR/NAME.png (to look at).
void keepShot(QQuickWindow *w, const char *name)
{
    const QString dir = qEnvironmentVariable("LOOPSCOPE_TEST_SHOTS");
    if (!dir.isEmpty())
        w->grabWindow().save(dir + QLatin1Char('/') + QLatin1String(name) + QStringLiteral(".png"));
}

// The playground's window at 1400x900, shown (nullptr when it cannot be).
QQuickWindow *shownWindow(Playground &pg)
{
    if (!pg.createWindow())
        return nullptr;
    QQuickWindow *w = pg.window();
    w->resize(1400, 900);
    return QTest::qWaitForWindowExposed(w) ? w : nullptr;
}

QString text(QQuickWindow *w, const char *name)
{
    QQuickItem *i = item(w, name);
    return i ? i->property("text").toString() : QString();
}

} // namespace

class TestWindow : public QObject {
    Q_OBJECT

    static int runGui(const QStringList &args, QString *err = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(LOOPSCOPE_BINARY), QStringList {QStringLiteral("gui")} + args);
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        // Everything on stderr except the platform's note about XDG_RUNTIME_DIR.
        QStringList lines = QString::fromUtf8(p.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        lines.removeIf([](const QString &l) { return l.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR")); });
        const QString errors = lines.join(QLatin1Char('\n'));
        if (err)
            *err = errors;
        else if (!errors.isEmpty())
            qInfo("stderr: %s", qPrintable(errors));
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private Q_SLOTS:
    // Any warning fails the test: QML warnings, and also Qt's font engine failing to shape
    // garbage text (how a timeline drawing a stale trace showed up).
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral("."))); }

    void opensOnGatherReadyToStep()
    {
        Playground pg({QString(), QString(), false, false});
        QVERIFY(pg.createWindow());
        QQuickWindow *w = pg.window();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QCOMPARE(pg.session().scenarioName(), QStringLiteral("gather"));
        QCOMPARE(text(w, "stepCounter"), QStringLiteral("Step 0"));
        QCOMPARE(text(w, "scriptTitle"), QStringLiteral("Gather three downloads"));
        QVERIFY(item(w, "timelineArea"));
        // The keyboard: Space and Right step, Left goes back, Ctrl+T jumps to the next timer.
        QTest::keyClick(w, Qt::Key_Space);
        QCOMPARE(pg.session().step(), 1);
        QTest::keyClick(w, Qt::Key_Right);
        QCOMPARE(pg.session().step(), 2);
        QCOMPARE(text(w, "stepCounter"), QStringLiteral("Step 2"));
        QTest::keyClick(w, Qt::Key_Left);
        QTRY_COMPARE(pg.session().step(), 1);
        // Typing in the code, then pressing Step: Space steps again instead of typing.
        QQuickItem *editor = item(w, "codeEditor");
        QVERIFY(editor);
        editor->forceActiveFocus();
        QTest::keyClick(w, Qt::Key_End, Qt::ControlModifier); // a trailing space changes nothing
        QTest::keyClick(w, Qt::Key_Space);
        QVERIFY(pg.session().stale());
        QVERIFY(click(w, "stepButton")); // re-parses the edited code: step 1 of the new run
        QCOMPARE(pg.session().step(), 1);
        QVERIFY(!editor->hasActiveFocus());
        QTest::keyClick(w, Qt::Key_Space);
        QCOMPARE(pg.session().step(), 2);
        QTest::keyClick(w, Qt::Key_Left);
        QTRY_COMPARE(pg.session().step(), 1);
        QTest::keyClick(w, Qt::Key_T, Qt::ControlModifier);
        QTRY_COMPARE(pg.session().clockText(), QStringLiteral("0.500"));
        QCOMPARE(text(w, "toolbarClock"), QStringLiteral("t = 0.500 s"));
        QVERIFY(pg.warnings().isEmpty());
    }

    // A click on a line number in the real window sets a breakpoint there (and leaves the scenario alone); Run stops on it.
    void clickingTheGutterSetsABreakpoint()
    {
        Playground pg({QString(), QString(), false, false});
        QVERIFY(pg.createWindow());
        QQuickWindow *w = pg.window();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QQuickItem *gutter = item(w, "gutterArea");
        QQuickItem *editor = item(w, "codeEditor");
        QVERIFY(gutter && editor);
        const qreal lineHeight = editor->property("contentHeight").toReal() / editor->property("lineCount").toReal();
        const qreal topPadding = editor->property("topPadding").toReal();
        const QPointF at = gutter->mapToScene(QPointF(gutter->width() / 2, topPadding + lineHeight * 13.5)); // line 14
        QTest::mouseClick(w, Qt::LeftButton, Qt::NoModifier, at.toPoint());
        QCOMPARE(pg.session().scenarioName(), QStringLiteral("gather"));
        QCOMPARE(pg.session().breakpoints(), QVariantList({14}));
        QVERIFY(click(w, "runButton"));
        QTRY_VERIFY(!pg.session().busy());
        QVERIFY(!pg.session().atEnd()); // stopped at the breakpoint, not at the end
        QVERIFY(pg.warnings().isEmpty());
    }

    // The inspector never cuts a row off on the right: a long task name or primitive label is
    // elided so "line 17" and "value 0 of 2" stay readable (semaphore at step 10 has both).
    void inspectorRowsFitTheirPanel()
    {
        Playground pg({QStringLiteral("semaphore"), QString(), false, false});
        QQuickWindow *w = shownWindow(pg);
        QVERIFY(w);
        while (pg.session().step() < 10)
            QVERIFY(click(w, "stepButton"));
        QQuickItem *inspector = item(w, "inspector");
        QVERIFY(inspector);
        const qreal right = inspector->mapToScene(QPointF(inspector->width(), 0)).x();
        // Delegates are found through the item tree (they are not QObject children of the panel).
        QList<QQuickItem *> rowsSeen;
        std::function<void(QQuickItem *)> collect = [&](QQuickItem *i) {
            if (i->objectName() == QLatin1String("taskHeader") || i->objectName() == QLatin1String("primitiveHeader"))
                rowsSeen.append(i);
            for (QQuickItem *c : i->childItems())
                collect(c);
        };
        collect(inspector);
        int checked = 0;
        {
            for (QQuickItem *row : std::as_const(rowsSeen)) {
                if (!row->isVisible())
                    continue;
                for (QQuickItem *child : row->childItems()) {
                    if (!child->isVisible() || child->width() <= 0)
                        continue;
                    const qreal end = child->mapToScene(QPointF(child->width(), 0)).x();
                    QVERIFY2(end <= right + 1, qPrintable(QStringLiteral("%1 ends at %2, the panel at %3")
                        .arg(child->property("text").toString()).arg(end).arg(right)));
                    ++checked;
                }
            }
        }
        QVERIFY2(checked >= 10, qPrintable(QString::number(checked))); // the tasks and the semaphore
        keepShot(w, "inspector-semaphore-10");
        QVERIFY(pg.warnings().isEmpty());
    }

    // Theme, text size, motion, the timeline's axis, the window's size, recent files and edits come back on the next start (the test's
    // XDG_CONFIG_HOME and XDG_DATA_HOME are temporary folders, see main()).
    void settingsAndEditsSurviveARestart()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("mine.py"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("import asyncio\n\nasync def main():\n    print('hi')\n\nasyncio.run(main())\n");
        f.close();
        QString edited;
        {
            Playground pg({QString(), QString(), true, false});
            QVERIFY(pg.createWindow());
            QCOMPARE(pg.session().scenarioName(), QStringLiteral("gather"));
            pg.settings().setDark(true);
            pg.settings().setFontSize(16);
            pg.settings().setReduceMotion(true);
            pg.settings().setTimeAxis(true);
            pg.window()->resize(1111, 777);
            pg.session().setPython(QStringLiteral("3.11"));
            QVERIFY(pg.session().openPath(script));
            QVERIFY(pg.session().loadScenario(QStringLiteral("gather")));
            edited = pg.session().source() + QStringLiteral("# a note\n");
            pg.session().setSource(edited);
        }
        Playground pg({QString(), QString(), true, false});
        QVERIFY(pg.createWindow());
        QVERIFY(pg.settings().dark());
        QCOMPARE(pg.settings().fontSize(), 16);
        QVERIFY(pg.settings().reduceMotion());
        QVERIFY(pg.settings().timeAxis());
        auto *tv = pg.window()->findChild<loopscope::TimelineView *>(QStringLiteral("timelineView"));
        QVERIFY(tv && tv->reduceMotion() && tv->axisMode() == loopscope::TimelineView::Time);
        QCOMPARE(pg.window()->size(), QSize(1111, 777)); // the window's geometry too
        QCOMPARE(pg.session().python(), QStringLiteral("3.11"));
        QCOMPARE(pg.settings().recentFiles()->column(QStringLiteral("path")), QVariantList {script});
        QCOMPARE(pg.session().source(), edited);
        QVERIFY(pg.session().edited());
        pg.session().revert();
        pg.settings().setDark(false);
        pg.settings().setFontSize(13);
        pg.settings().setReduceMotion(false);
        pg.settings().setTimeAxis(false);
        pg.session().setPython(QStringLiteral("3.12"));
        pg.settings().clearRecentFiles();
    }

    void openDialogAndHelpOpen()
    {
        Playground pg({QString(), QString(), false, false});
        QVERIFY(pg.createWindow());
        QQuickWindow *w = pg.window();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QVERIFY2(click(w, "openButton"), "the Open button");
        QObject *dialog = w->findChild<QObject *>(QStringLiteral("openDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->property("visible").toBool());
        QMetaObject::invokeMethod(dialog, "reject");
        QTRY_VERIFY(!dialog->property("visible").toBool());
        QObject *help = w->findChild<QObject *>(QStringLiteral("helpPopup"));
        QVERIFY(help);
        QMetaObject::invokeMethod(help, "open");
        QTRY_VERIFY(help->property("opened").toBool());
        QMetaObject::invokeMethod(help, "close");
        QVERIFY2(pg.warnings().isEmpty(), qPrintable(pg.warnings().join(QLatin1Char('\n'))));
    }

    void droppingAScriptOpensIt()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("dropped.py"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("print('dropped')\n");
        f.close();
        Playground pg({QString(), QString(), false, false});
        QVERIFY(pg.createWindow());
        QQuickWindow *w = pg.window();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(script)});
        const QPoint at(w->width() / 2, w->height() / 2);
        QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(w, &enter);
        QDragMoveEvent move(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(w, &move);
        QDropEvent drop(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(w, &drop);
        QTRY_COMPARE(pg.session().fileName(), QStringLiteral("dropped.py"));
        // A file that went away says so, and the script stays.
        QVERIFY(!pg.session().openPath(dir.filePath(QStringLiteral("gone.py"))));
        QObject *toast = w->findChild<QObject *>(QStringLiteral("toast"));
        QVERIFY(toast);
        QTRY_VERIFY(toast->property("opened").toBool());
        QVERIFY(text(w, "toastText").contains(QStringLiteral("gone.py")));
        QCOMPARE(pg.session().fileName(), QStringLiteral("dropped.py"));
        pg.session().stepOnce();
        QCOMPARE(pg.session().console()->column(QStringLiteral("text")), QVariantList {QStringLiteral("dropped")});
    }

    void stepsEveryScenarioToTheEndAndBack_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("checkStep");
        QTest::addColumn<int>("tasks"); // visible task rows at checkStep
        QTest::addColumn<int>("timers");
        QTest::addColumn<int>("primitives");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("gather") << "gather" << 4 << 4 << 3 << 0 << "finished";
        QTest::newRow("cancel") << "cancel" << 2 << 2 << 2 << 0 << "finished";
        QTest::newRow("timeout") << "timeout" << 1 << 1 << 2 << 0 << "finished"; // 3.12's wait_for makes no task
        QTest::newRow("queue") << "queue" << 3 << 2 << 1 << 1 << "finished";
        QTest::newRow("semaphore") << "semaphore" << 3 << 6 << 2 << 1 << "finished";
        QTest::newRow("deadlock") << "deadlock" << 3 << 3 << 2 << 2 << "deadlock";
    }
    void stepsEveryScenarioToTheEndAndBack()
    {
        QFETCH(QString, scenario);
        QFETCH(int, checkStep);
        QFETCH(int, tasks);
        QFETCH(int, timers);
        QFETCH(int, primitives);
        QFETCH(QString, outcome);
        Playground pg({scenario, QString(), false, false});
        QQuickWindow *w = shownWindow(pg);
        QVERIFY(w);
        loopscope::Session &s = pg.session();

        QString narrationAtCheck;
        while (!s.atEnd()) {
            QVERIFY2(click(w, "stepButton"), "the Step button");
            if (s.step() == checkStep) {
                QCOMPARE(text(w, "stepCounter"), QStringLiteral("Step %1").arg(checkStep));
                QCOMPARE(rows(w, "taskRows"), tasks);
                QCOMPARE(rows(w, "timerRows"), timers);
                QCOMPARE(rows(w, "primitiveRows"), primitives);
                narrationAtCheck = text(w, "narrationText");
                QVERIFY(!narrationAtCheck.isEmpty());
            }
            QVERIFY(s.step() < 2000);
        }
        QCOMPARE(s.outcome(), outcome);
        QVERIFY(s.step() > checkStep);
        // The timeline's cursor tag counts steps as the toolbar does (a deadlock's step included).
        QCOMPARE(item(w, "timelineView")->property("shownStep").toInt(), s.step());
        QVERIFY(item(w, "console")->findChild<QObject *>(QStringLiteral("consoleList"))->property("count").toInt() > 0);
        if (outcome == QLatin1String("deadlock")) {
            QVERIFY(item(w, "deadlockSection")->isVisible());
            QVERIFY(text(w, "deadlockText").contains(QStringLiteral("alice holds lock_a")));
        }
        // Back to the start, one step at a time.
        while (s.step() > 0) {
            const int before = s.step();
            QVERIFY2(click(w, "backButton"), "the Back button");
            QTRY_COMPARE(s.step(), before - 1);
            if (s.step() == checkStep) {
                QCOMPARE(rows(w, "taskRows"), tasks);
                QCOMPARE(rows(w, "timerRows"), timers);
                QCOMPARE(rows(w, "primitiveRows"), primitives);
                QCOMPARE(text(w, "narrationText"), narrationAtCheck);
            }
        }
        QCOMPARE(rows(w, "taskRows"), 0);
        QCOMPARE(text(w, "stepCounter"), QStringLiteral("Step 0"));
        QVERIFY2(pg.warnings().isEmpty(), qPrintable(pg.warnings().join(QLatin1Char('\n'))));
    }

    // The timeline by mouse and keyboard: dragging along its axis scrubs the current step, hovering
    // shows the full event, a click selects a step (and the code shows its line), the keys zoom and
    // pan once it has the focus, Ctrl+1/Ctrl+2 switch the x axis, and reduce motion stops the
    // step animation.
    void timelineScrubsHoversClicksAndKeys()
    {
        Playground pg({QStringLiteral("gather"), QString(), false, false});
        QQuickWindow *w = shownWindow(pg);
        QVERIFY(w);
        loopscope::Session &s = pg.session();
        auto *tv = w->findChild<loopscope::TimelineView *>(QStringLiteral("timelineView"));
        QVERIFY(tv);
        for (int i = 0; i < 10; ++i)
            s.stepOnce();
        QTRY_COMPARE(tv->stepCount(), 10);
        QTRY_VERIFY(!tv->animating());
        auto toScene = [&](QPointF p) { return tv->mapToScene(p).toPoint(); };
        // A point of the axis strip for each step the cursor can be put at.
        auto axisPointFor = [&](int step) {
            for (qreal x = 0; x < tv->width(); x += 1)
                if (tv->scrubsAt(QPointF(x, 4)) && tv->scrubStepAt(QPointF(x, 4)) == step)
                    return QPointF(x, 4);
            return QPointF(-1, -1);
        };
        const QPointF at4 = axisPointFor(4), at7 = axisPointFor(7);
        QVERIFY(at4.x() >= 0 && at7.x() > at4.x());
        QTest::mousePress(w, Qt::LeftButton, Qt::NoModifier, toScene(at4));
        QTRY_COMPARE(s.engineStep(), 4);
        QTest::mouseMove(w, toScene(at7));
        QTRY_COMPARE(s.engineStep(), 7);
        QTest::mouseRelease(w, Qt::LeftButton, Qt::NoModifier, toScene(at7));
        QCOMPARE(tv->currentStep(), 7);

        // Hover: the full event under the pointer, in the tooltip.
        QPointF onEvent(-1, -1);
        for (qreal y = tv->height() * 0.2; y < tv->height() * 0.8 && onEvent.x() < 0; y += 4)
            for (qreal x = tv->width() * 0.3; x < tv->width() && onEvent.x() < 0; x += 4)
                if (tv->textAt(QPointF(x, y)).contains(QStringLiteral("fetch('")))
                    onEvent = QPointF(x, y);
        QVERIFY(onEvent.x() >= 0);
        QTest::mouseMove(w, toScene(onEvent));
        QTRY_VERIFY(tv->hoverText().contains(QStringLiteral("fetch('")));
        auto *tip = tv->findChild<QObject *>(QStringLiteral("timelineToolTip"));
        QVERIFY(tip);
        QTRY_VERIFY(tip->property("opened").toBool());
        QCOMPARE(tip->property("text").toString(), tv->hoverText());
        // Next to the pointer, not over the timeline's header.
        const qreal tipX = tip->property("x").toReal();
        QVERIFY(tipX >= 0 && tipX + tip->property("width").toReal() <= tv->width() + 1);
        QVERIFY(tipX <= onEvent.x() + 20);
        QVERIFY(std::abs(tip->property("y").toReal() - onEvent.y()) < tip->property("height").toReal() + 30);
        keepShot(w, "timeline-hover");

        // Click: a step of the past becomes the current step, and its line the executed line.
        QPointF onStep(-1, -1);
        for (qreal y = tv->height() * 0.2; y < tv->height() * 0.8 && onStep.x() < 0; y += 4)
            for (qreal x = 0; x < tv->width() && onStep.x() < 0; x += 4)
                if (tv->stepAt(QPointF(x, y)) == 2 && !tv->scrubsAt(QPointF(x, y)))
                    onStep = QPointF(x, y);
        QVERIFY(onStep.x() >= 0);
        QTest::mouseClick(w, Qt::LeftButton, Qt::NoModifier, toScene(onStep));
        QTRY_COMPARE(s.engineStep(), 2);
        QCOMPARE(tv->selectedStep(), 2);
        QCOMPARE(s.executedLine(), 13); // fetch's await asyncio.sleep(seconds)

        // Keys: the window's shortcuts switch the axis; with the focus, arrows pan the timeline
        // instead of stepping, and + zooms.
        QTest::keyClick(w, Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(tv->axisMode(), loopscope::TimelineView::Time);
        QVERIFY(pg.settings().timeAxis());
        QTest::keyClick(w, Qt::Key_1, Qt::ControlModifier);
        QTRY_COMPARE(tv->axisMode(), loopscope::TimelineView::Steps);
        QTest::keyClick(w, Qt::Key_L, Qt::ControlModifier);
        QTRY_VERIFY(tv->hasActiveFocus());
        const double zoom = tv->zoom();
        QTest::keyClick(w, Qt::Key_Minus);
        QVERIFY(tv->zoom() < zoom);
        QTest::keyClick(w, Qt::Key_Plus);
        QCOMPARE(tv->zoom(), zoom);
        // A trackpad's pinch zooms too.
        const QPointF middle(tv->width() * 0.6, tv->height() / 2);
        QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, middle,
            tv->mapToScene(middle), tv->mapToGlobal(middle), -0.5, QPointF());
        QCoreApplication::sendEvent(tv, &pinch);
        QVERIFY(tv->zoom() < zoom);
        QTest::keyClick(w, Qt::Key_Plus);
        const double start = tv->viewStart();
        QTest::keyClick(w, Qt::Key_Right);
        QVERIFY(tv->viewStart() > start);
        QCOMPARE(s.engineStep(), 2); // the arrow panned, it did not step
        QTest::keyClick(w, Qt::Key_Space); // Space still steps
        QTRY_COMPARE(s.engineStep(), 3);
        QTest::keyClick(w, Qt::Key_0, Qt::ControlModifier); // fit everything
        QVERIFY(tv->autoFit());

        // Motion: a step after a pause animates for about 200 ms, unless reduce motion is on.
        QTest::qWait(250);
        s.stepOnce();
        QTRY_VERIFY(tv->animating() || tv->currentStep() == 4);
        QVERIFY(tv->animating());
        QTRY_VERIFY_WITH_TIMEOUT(!tv->animating(), 2000);
        pg.settings().setReduceMotion(true);
        QVERIFY(tv->reduceMotion());
        QTest::qWait(250);
        s.stepOnce();
        QTRY_COMPARE(tv->currentStep(), 5);
        QVERIFY(!tv->animating());
        pg.settings().setReduceMotion(false);
        pg.settings().setTimeAxis(false);
        QVERIFY2(pg.warnings().isEmpty(), qPrintable(pg.warnings().join(QLatin1Char('\n'))));
    }

    // Every action by keyboard: Ctrl+F finds a scenario and Return opens it, the arrows and Return
    // pick one in the list, and the console's lines go to their step with Return.
    void keyboardReachesTheLibraryAndTheConsole()
    {
        Playground pg({QStringLiteral("gather"), QString(), false, false});
        QQuickWindow *w = shownWindow(pg);
        QVERIFY(w);
        loopscope::Session &s = pg.session();
        // The speed slider's keys, and the menus' (Alt+R opens the Run menu).
        const int speed = s.speed();
        QTest::keyClick(w, Qt::Key_BracketRight, Qt::ControlModifier);
        QVERIFY(s.speed() > speed);
        QTest::keyClick(w, Qt::Key_BracketLeft, Qt::ControlModifier);
        QCOMPARE(s.speed(), speed);
        QTest::keyClick(w, Qt::Key_R, Qt::AltModifier);
        QObject *runMenu = nullptr;
        for (QObject *o : w->findChildren<QObject *>())
            if (o->inherits("QQuickMenu") && o->property("title").toString() == QStringLiteral("&Run"))
                runMenu = o;
        QVERIFY(runMenu);
        QTRY_VERIFY(runMenu->property("opened").toBool());
        QTest::keyClick(w, Qt::Key_Escape);
        QTRY_VERIFY(!runMenu->property("opened").toBool());
        QTest::keyClick(w, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(item(w, "librarySearch")->hasActiveFocus());
        for (const char c : {'d', 'e', 'a', 'd', 'l'})
            QTest::keyClick(w, c);
        QTest::keyClick(w, Qt::Key_Return);
        QTRY_COMPARE(s.scenarioName(), QStringLiteral("deadlock"));
        QTest::keyClick(w, Qt::Key_Escape); // clears the search and leaves it
        QTRY_VERIFY(!item(w, "librarySearch")->hasActiveFocus());
        QTest::keyClick(w, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(item(w, "librarySearch")->hasActiveFocus());
        QTest::keyClick(w, Qt::Key_Down);
        auto *list = item(w, "scenarioList");
        QTRY_VERIFY(list->hasActiveFocus());
        QTest::keyClick(w, Qt::Key_Down);
        const int index = list->property("currentIndex").toInt();
        QCOMPARE(index, 1);
        QTest::keyClick(w, Qt::Key_Return);
        QTRY_VERIFY(s.scenarioName() != QStringLiteral("deadlock"));
        // The console: F6 goes from panel to panel; in the console, the arrows pick a line and
        // Return goes to its step.
        for (int i = 0; i < 8; ++i)
            s.stepOnce();
        const int printed = s.console()->rows().first().value(QStringLiteral("step")).toInt();
        auto *console = item(w, "console")->findChild<QQuickItem *>(QStringLiteral("consoleList"));
        QVERIFY(console);
        for (int i = 0; i < 4 && !console->hasActiveFocus(); ++i)
            QTest::keyClick(w, Qt::Key_F6);
        QVERIFY(console->hasActiveFocus());
        for (int i = 0; i < 20; ++i)
            QTest::keyClick(w, Qt::Key_Up);
        QCOMPARE(console->property("currentIndex").toInt(), 0);
        QTest::keyClick(w, Qt::Key_Return);
        QTRY_COMPARE(s.step(), printed);
        QVERIFY2(pg.warnings().isEmpty(), qPrintable(pg.warnings().join(QLatin1Char('\n'))));
    }

    // A step that runs for long without awaiting: the window says so and keeps answering; the
    // Pause button answers at once and the run stops right after that step.
    void longStepShowsItselfAndPauseAnswers()
    {
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("count.py"));
        QFile f(script);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("import asyncio\n\nasync def main():\n    total = 0\n    for i in range(3_000_000):\n"
                "        total += i\n    print(total)\n    await asyncio.sleep(0)\n    print('after')\n\n"
                "asyncio.run(main())\n");
        f.close();
        Playground pg({QString(), script, false, false});
        QVERIFY(pg.createWindow());
        QQuickWindow *w = pg.window();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        loopscope::Session &s = pg.session();
        s.setSpeed(Session::kMaxSpeed);
        QString during, runText, afterPause, narrationDuring;
        int executedDuring = -1;
        bool labelShown = false;
        // Looked at when the session says a step is running long (from inside that step, as a
        // user's click would come in), not after a fixed delay: a fast machine may end the step
        // sooner.
        bool looked = false;
        connect(&s, &Session::steppingChanged, w, [&] {
            if (looked || !s.stepping())
                return;
            looked = true;
            labelShown = item(w, "steppingLabel")->isVisible();
            during = text(w, "steppingLabel");
            narrationDuring = text(w, "narrationText");
            executedDuring = item(w, "codeView")->property("executedLine").toInt();
            runText = text(w, "runButton");
            click(w, "runButton"); // Pause
            afterPause = text(w, "runButton");
            keepShot(w, "long-step-paused");
        });
        QVERIFY(click(w, "runButton"));
        QTRY_VERIFY_WITH_TIMEOUT(!during.isEmpty() && !s.inStep(), 60000);
        QVERIFY(labelShown);
        QVERIFY2(during.startsWith(QStringLiteral("Running step 1")), qPrintable(during));
        QVERIFY2(narrationDuring == during, qPrintable(narrationDuring)); // the narration says it too
        QVERIFY(executedDuring == 5 || executedDuring == 6); // the code shows where the step is
        QVERIFY2(runText.contains(QStringLiteral("Pause")), qPrintable(runText));
        QVERIFY2(afterPause.contains(QStringLiteral("Run")), qPrintable(afterPause));
        QTRY_VERIFY(!s.busy());
        QCOMPARE(s.step(), 1);
        QVERIFY(!item(w, "steppingLabel")->isVisible());
        QVERIFY2(pg.warnings().isEmpty(), qPrintable(pg.warnings().join(QLatin1Char('\n'))));
    }

    void screenshotAtAStep()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("shot.png"));
        QCOMPARE(runGui({QStringLiteral("--screenshot"), file, QStringLiteral("--size"), QStringLiteral("900x600"),
                     QStringLiteral("--step"), QStringLiteral("5")}),
            0);
        QImage image(file);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(900, 600));
        // Something was drawn: the window is not one flat colour.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 3);
    }

    void screenshotPrintsNoWarnings()
    {
        QTemporaryDir dir;
        QString err;
        QCOMPARE(runGui({QStringLiteral("--screenshot"), dir.filePath(QStringLiteral("d.png")),
                            QStringLiteral("--scenario"), QStringLiteral("deadlock"), QStringLiteral("--step"),
                            QStringLiteral("40"), QStringLiteral("--theme"), QStringLiteral("dark"),
                            QStringLiteral("--axis"), QStringLiteral("time")},
                     &err),
            0);
        QVERIFY2(err.isEmpty(), qPrintable(err));
    }

    void unknownScenarioIsRefused()
    {
        QString err;
        QCOMPARE(runGui({QStringLiteral("--scenario"), QStringLiteral("nope")}, &err), 2);
        QVERIFY(err.contains(QStringLiteral("nope")));
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir home; // settings and autosaves of this run only
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("LoopscopeTest"));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    TestWindow test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_window.moc"
