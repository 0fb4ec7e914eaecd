// The window end to end, offscreen: the real QML over the real session. Each design scenario is
// stepped to its end and back to the start through the window's own buttons, and the inspector,
// console and narration are checked at chosen steps. Any QML warning fails the test.
#include "playground.h"

#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QMimeData>
#include <QPointer>
#include <QProcess>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using loopscope::Playground;

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

    // Theme, text size, recent files and edits come back on the next start (the test's
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
        QCOMPARE(pg.session().python(), QStringLiteral("3.11"));
        QCOMPARE(pg.settings().recentFiles()->column(QStringLiteral("path")), QVariantList {script});
        QCOMPARE(pg.session().source(), edited);
        QVERIFY(pg.session().edited());
        pg.session().revert();
        pg.settings().setDark(false);
        pg.settings().setFontSize(13);
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
        QVERIFY(pg.createWindow());
        QQuickWindow *w = pg.window();
        w->resize(1400, 900);
        QVERIFY(QTest::qWaitForWindowExposed(w));
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
                            QStringLiteral("40"), QStringLiteral("--theme"), QStringLiteral("dark")},
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
