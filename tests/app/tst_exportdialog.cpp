// The Export dialog: its controller turns the dialog's values into ExportOptions through the
// command line's parser (same names, same refusals), previews the figure off the GUI thread,
// exports on a worker with Cancel, remembers the last options; the real dialog opens in the
// window, warning-free, with its controls inside it.
#include "exportcontroller.h"
#include "playground.h"

#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using loopscope::AppSettings;
using loopscope::ExportController;
using loopscope::ExportFormat;
using loopscope::ExportOptions;
using loopscope::Playground;
using loopscope::Session;

namespace {

// A session on `scenario`, run to its end.
struct Finished {
    explicit Finished(const QString &scenario = QStringLiteral("gather"), bool persistent = false)
        : settings(persistent)
        , controller(&session, &settings)
    {
        session.loadScenario(scenario);
        session.runToEnd();
        session.finishPending();
        controller.snapshot();
    }
    Session session;
    AppSettings settings;
    ExportController controller;
};

QStringList filesIn(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

// Clicks a control the way a user does; false when it is missing, hidden or disabled.
bool click(QQuickWindow *w, const char *name)
{
    auto *control = w->findChild<QQuickItem *>(QString::fromLatin1(name));
    if (!control || !control->isEnabled() || !control->isVisible())
        return false;
    const QPointF centre = control->mapToScene(QPointF(control->width() / 2, control->height() / 2));
    QTest::mouseClick(w, Qt::LeftButton, Qt::NoModifier, centre.toPoint());
    return true;
}

// With LOOPSCOPE_TEST_SHOTS=DIR, saves what the window shows now as DIR/NAME.png (to look at).
void keepShot(QQuickWindow *w, const QString &name)
{
    const QString dir = qEnvironmentVariable("LOOPSCOPE_TEST_SHOTS");
    if (!dir.isEmpty())
        w->grabWindow().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

} // namespace

class TestExportDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { QTest::failOnWarning(QRegularExpression(QStringLiteral("."))); }

    void dialogValuesBecomeExportOptions()
    {
        Finished f;
        ExportController &c = f.controller;
        QVERIFY(c.setOption(QStringLiteral("format"), QStringLiteral("pdf")));
        QVERIFY(c.setOption(QStringLiteral("build"), QStringLiteral("step")));
        QVERIFY(c.setOption(QStringLiteral("theme"), QStringLiteral("dark")));
        QVERIFY(c.setOption(QStringLiteral("size"), QStringLiteral("1280x720")));
        c.setStepRange(2, 5);
        QVERIFY(c.setOption(QStringLiteral("font-scale"), QStringLiteral("1.5")));
        QVERIFY(c.setOption(QStringLiteral("title"), QStringLiteral("Three downloads")));
        QString problem;
        const ExportOptions o = c.options(&problem);
        QCOMPARE(problem, QString());
        QCOMPARE(o.format, ExportFormat::Pdf);
        QVERIFY(o.build);
        QCOMPARE(o.buildUnit, loopscope::BuildUnit::Step);
        QCOMPARE(o.theme, loopscope::TimelineTheme::Kind::Dark);
        QCOMPARE(o.size, QSize(1280, 720));
        QCOMPARE(o.stepFrom, 2);
        QCOMPARE(o.stepTo, 5);
        QCOMPARE(o.fontScale, 1.5);
        QCOMPARE(o.title, QStringLiteral("Three downloads"));
        QCOMPARE(o.out, QStringLiteral("gather.pdf"));
        QCOMPARE(c.rangeMode(), QStringLiteral("steps"));
        QCOMPARE(c.commandLine(),
            QStringLiteral("loopscope export gather --format pdf --steps 2:5 --theme dark --size 1280x720 "
                           "--title 'Three downloads' --font-scale 1.5 --build --out gather.pdf"));

        // A time range replaces the step range, as on the command line; "all" clears both.
        c.setTimeRange(0.5, 1.25);
        QCOMPARE(c.rangeMode(), QStringLiteral("time"));
        QCOMPARE(c.options().stepFrom, 0);
        QCOMPARE(c.options().timeTo, 1.25);
        QVERIFY(c.commandLine().contains(QStringLiteral(" --time 0.5:1.25 ")));
        QCOMPARE(c.previewCaption(), QStringLiteral("PDF \u00b7 one 1280 \u00d7 720 slide per step"));
        c.setRangeAll();
        QCOMPARE(c.rangeMode(), QStringLiteral("all"));
        QCOMPARE(c.previewCaption(), QStringLiteral("PDF \u00b7 22 slides of 1280 \u00d7 720, one per step"));
        QVERIFY(c.setOption(QStringLiteral("build"), QStringLiteral("iteration")));
        QVERIFY(c.commandLine().contains(QStringLiteral(" --build=iteration ")));
        QCOMPARE(c.values().value(QStringLiteral("size")).toString(), QStringLiteral("1280x720"));

        // Lanes: the run's tasks in creation order; hiding one lists the others, never none.
        // (Task-5 and Task-6 are asyncio.run's shutdown_asyncgens and shutdown_default_executor.)
        QCOMPARE(c.taskNames(), (QStringList {"Task-1", "Task-2", "Task-3", "Task-4", "Task-5", "Task-6"}));
        c.setTaskShown(QStringLiteral("Task-1"), false);
        QCOMPARE(c.options().tasks, (QStringList {"Task-2", "Task-3", "Task-4", "Task-5", "Task-6"}));
        QVERIFY(!c.taskShown(QStringLiteral("Task-1")));
        for (const char *t : {"Task-6", "Task-5", "Task-2", "Task-3", "Task-4"})
            c.setTaskShown(QLatin1String(t), false);
        QCOMPARE(c.options().tasks, QStringList {QStringLiteral("Task-4")});
        QVERIFY(c.failed());
        c.setTaskShown(QStringLiteral("Task-1"), true);
        QVERIFY(!c.failed());
        QVERIFY(c.commandLine().contains(QStringLiteral(" --tasks Task-1,Task-4 ")));
        // Data formats: the figure's options stay as set, disabled in the dialog.
        QVERIFY(c.setOption(QStringLiteral("format"), QStringLiteral("perfetto")));
        QVERIFY(!c.isFigure());
        QCOMPARE(c.suggestedName(), QStringLiteral("gather.perfetto.json"));
        QCOMPARE(c.previewCaption(), QStringLiteral("The first lines of gather.perfetto.json"));
        QVERIFY(c.setOption(QStringLiteral("format"), QStringLiteral("png")));
        QVERIFY(c.setOption(QStringLiteral("scale"), QStringLiteral("2")));
        QCOMPARE(c.previewCaption(), QStringLiteral("PNG \u00b7 1280 \u00d7 720 at 2\u00d7 = 2560 \u00d7 1440 pixels"));
    }

    void badValuesAreRefusedWithTheCommandLinesMessages()
    {
        Finished f;
        ExportController &c = f.controller;
        QVERIFY(c.setOption(QStringLiteral("theme"), QStringLiteral("light")));
        const QList<QPair<QString, QString>> bad {{"theme", "neon"}, {"size", "10x10"}, {"font-scale", "9"},
            {"scale", "3"}, {"steps", "9:2"}, {"time", "2:1"}, {"build", "page"}, {"colour", "red"}};
        for (const auto &[name, value] : bad) {
            ExportOptions direct;
            QString cliError;
            QVERIFY(!loopscope::setExportOption(&direct, name, value, &cliError));
            QVERIFY2(!c.setOption(name, value), qPrintable(name));
            QCOMPARE(c.status(), cliError);
            QVERIFY(c.failed());
        }
        QCOMPARE(c.values().value(QStringLiteral("theme")).toString(), QStringLiteral("light")); // kept
        // Values the parser takes but this run does not have.
        QVERIFY(c.setOption(QStringLiteral("steps"), QStringLiteral("50:60")));
        QCOMPARE(c.problem(),
            QStringLiteral("--steps 50:60: the run has only %1 steps; give a range within 1:%1").arg(c.stepCount()));
        c.setRangeAll();
        QCOMPARE(c.problem(), QString());
        QVERIFY(c.setOption(QStringLiteral("tasks"), QStringLiteral("Task-9")));
        QCOMPARE(c.problem(),
            QStringLiteral("--tasks: no task named 'Task-9' in this run; its tasks are Task-1, Task-2, "
                           "Task-3, Task-4, Task-5, Task-6 (and the loop's own lanes: clock, callbacks)"));
        // An export with a problem writes nothing and says why.
        QTemporaryDir dir;
        c.exportToPath(dir.filePath(QStringLiteral("g.svg")));
        QVERIFY(!c.busy());
        QCOMPARE(c.status(), c.problem());
        QVERIFY(filesIn(dir).isEmpty());
    }

    void previewChangesWithTheTheme()
    {
        Finished f;
        ExportController &c = f.controller;
        c.setPreviewSize(QSize(480, 270));
        QSignalSpy rendered(&c, &ExportController::previewChanged);
        QVERIFY(c.setOption(QStringLiteral("theme"), QStringLiteral("light")));
        QTRY_VERIFY(!c.previewImage().isNull());
        const QImage light = c.previewImage();
        QCOMPARE(light.size(), QSize(480, 270)); // 1920x1080 scaled to fit
        QVERIFY(c.setOption(QStringLiteral("theme"), QStringLiteral("dark")));
        QTRY_VERIFY(c.previewImage() != light);
        const QImage dark = c.previewImage();
        // Another page size: the preview takes its shape.
        QVERIFY(c.setOption(QStringLiteral("size"), QStringLiteral("1000x700")));
        QTRY_COMPARE(c.previewImage().size(), QSize(386, 270));
        QVERIFY(c.setOption(QStringLiteral("size"), QStringLiteral("1920x1080")));
        QTRY_COMPARE(c.previewImage().size(), QSize(480, 270));
        // The page's corner takes the theme's background: dark is darker.
        QVERIFY(qGray(dark.pixel(2, dark.height() - 3)) < qGray(light.pixel(2, light.height() - 3)));
        // A slide build previews the page after the chosen step.
        QVERIFY(c.setOption(QStringLiteral("format"), QStringLiteral("pdf")));
        QVERIFY(c.setOption(QStringLiteral("build"), QStringLiteral("step")));
        c.setPreviewStep(2);
        QTRY_VERIFY(c.previewImage() != dark);
        QCOMPARE(c.previewStep(), 2);
        // Data formats preview their first lines.
        QVERIFY(c.setOption(QStringLiteral("format"), QStringLiteral("trace")));
        QTRY_VERIFY(!c.previewText().isEmpty());
        QVERIFY(c.previewText().count(QLatin1Char('\n')) < ExportController::kPreviewLines);
        QVERIFY(rendered.count() >= 3);
    }

    void exportsOnAWorkerAndSaysWhatItWrote()
    {
        Finished f;
        ExportController &c = f.controller;
        QTemporaryDir dir;
        QSignalSpy done(&c, &ExportController::done);
        QVERIFY(c.setOption(QStringLiteral("format"), QStringLiteral("pdf")));
        const QString path = dir.filePath(QStringLiteral("gather.pdf"));
        c.exportToPath(path);
        QVERIFY(c.busy());
        QTRY_COMPARE(done.count(), 1);
        QVERIFY(!c.busy());
        const QString summary = done.first().first().toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^Exported gather\\.pdf \\(\\d+ pages?, \\d+ (KB|bytes)\\)$"))
                     .match(summary)
                     .hasMatch(),
            qPrintable(summary));
        QCOMPARE(c.status(), summary);
        QVERIFY(!c.failed());
        QCOMPARE(c.exportedPath(), QFileInfo(path).absoluteFilePath());
        c.copyPath();
        QCOMPARE(QGuiApplication::clipboard()->text(), c.exportedPath());
        c.copyCommandLine();
        QCOMPARE(QGuiApplication::clipboard()->text(),
            QStringLiteral("loopscope export gather --format pdf --out gather.pdf"));
        QCOMPARE(filesIn(dir), QStringList {QStringLiteral("gather.pdf")}); // no temporary file left
        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QCOMPARE(f.settings.exportFolder(), QFileInfo(path).absolutePath());
        QVERIFY(c.commandLine().endsWith(QStringLiteral("--out gather.pdf")));
        // Another script: the line about gather.pdf goes, the run's own options too.
        c.setTimeRange(0.5, 1.0);
        QVERIFY(f.session.loadScenario(QStringLiteral("deadlock")));
        QCOMPARE(c.status(), QString());
        QCOMPARE(c.rangeMode(), QStringLiteral("all"));
        QVERIFY(c.commandLine().endsWith(QStringLiteral("--out deadlock.pdf")));
        QVERIFY(f.session.loadScenario(QStringLiteral("gather")));
        f.session.runToEnd();
        f.session.finishPending();
        c.snapshot();

        // The session steps on meanwhile: the export has its own copy of the run.
        QVERIFY(c.setOption(QStringLiteral("format"), QStringLiteral("trace")));
        c.exportToPath(dir.filePath(QStringLiteral("gather.trace")));
        f.session.reset();
        QTRY_COMPARE(done.count(), 2);
        QVERIFY(QFileInfo(dir.filePath(QStringLiteral("gather.trace"))).size() > 100);
    }

    void cancelLeavesNoFileAndAnErrorLeavesTheOldOne()
    {
        Finished f;
        ExportController &c = f.controller;
        QTemporaryDir dir;
        QVERIFY(c.setOption(QStringLiteral("format"), QStringLiteral("pdf")));
        QVERIFY(c.setOption(QStringLiteral("build"), QStringLiteral("step")));
        c.exportToPath(dir.filePath(QStringLiteral("slides.pdf")));
        c.cancel();
        QTRY_VERIFY(!c.busy());
        QCOMPARE(c.status(), QStringLiteral("Export cancelled: nothing was written"));
        QVERIFY(c.failed());
        QCOMPARE(filesIn(dir), QStringList());

        // An unwritable folder: one line naming the file; nothing else changes.
        const QString nowhere = dir.filePath(QStringLiteral("missing/folder/slides.pdf"));
        c.exportToPath(nowhere);
        QTRY_VERIFY(!c.busy());
        QVERIFY2(c.status().startsWith(QStringLiteral("Export failed: cannot write '%1'").arg(nowhere)),
            qPrintable(c.status()));
        QVERIFY(!c.status().contains(QLatin1Char('\n')));

        // An existing file survives a cancelled export untouched.
        QFile old(dir.filePath(QStringLiteral("old.pdf")));
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("keep me");
        old.close();
        c.exportToPath(old.fileName());
        c.cancel();
        QTRY_VERIFY(!c.busy());
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("keep me"));
        QCOMPARE(filesIn(dir), QStringList {QStringLiteral("old.pdf")});
    }

    void lastOptionsAreRemembered()
    {
        QTemporaryDir dir;
        {
            Finished f(QStringLiteral("gather"), true);
            ExportController &c = f.controller;
            QVERIFY(c.setOption(QStringLiteral("format"), QStringLiteral("png")));
            QVERIFY(c.setOption(QStringLiteral("theme"), QStringLiteral("dark")));
            QVERIFY(c.setOption(QStringLiteral("scale"), QStringLiteral("2")));
            QVERIFY(c.setOption(QStringLiteral("background"), QStringLiteral("transparent")));
            QVERIFY(c.setOption(QStringLiteral("legend"), QStringLiteral("off")));
            QVERIFY(c.setOption(QStringLiteral("title"), QStringLiteral("Only for gather")));
            c.setStepRange(2, 4);
            f.settings.setExportFolder(dir.path());
        }
        AppSettings settings(true);
        QCOMPARE(settings.exportFolder(), dir.path());
        Session session;
        session.loadScenario(QStringLiteral("gather"));
        ExportController c(&session, &settings);
        const ExportOptions o = c.options();
        QCOMPARE(o.format, ExportFormat::Png);
        QCOMPARE(o.theme, loopscope::TimelineTheme::Kind::Dark);
        QCOMPARE(o.scale, 2);
        QVERIFY(o.transparent);
        QVERIFY(!o.legend);
        // What a figure shows belongs to one run: not remembered.
        QCOMPARE(o.title, QString());
        QVERIFY(!o.hasStepRange());
        QCOMPARE(c.folder(), QUrl::fromLocalFile(dir.path()));
        QCOMPARE(c.suggestedName(), QStringLiteral("gather.png"));
        c.resetOptions();
        QCOMPARE(AppSettings(true).exportOptions(), (QMap<QString, QString>()));
    }

    void dialogOffersToRunAStoppedRunToItsEnd()
    {
        Playground pg({QString(), QString(), false, false});
        pg.session().goToStep(3);
        pg.session().finishPending();
        QVERIFY(pg.createWindow());
        QQuickWindow *w = pg.window();
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QObject *dialog = w->findChild<QObject *>(QStringLiteral("exportDialog"));
        QMetaObject::invokeMethod(dialog, "open");
        QTRY_VERIFY(dialog->property("opened").toBool());
        QCOMPARE(pg.exporter().stepCount(), 3);
        QVERIFY(!pg.exporter().runFinished());
        // The window's stepping keys belong to the dialog while it is open.
        QTest::keyClick(w, Qt::Key_Space);
        QTest::keyClick(w, Qt::Key_Left);
        QTest::qWait(50);
        QCOMPARE(pg.session().step(), 3);
        QVERIFY(w->findChild<QQuickItem *>(QStringLiteral("unfinishedRow"))->isVisible());
        QVERIFY(click(w, "runToEndButton"));
        QTRY_VERIFY(pg.exporter().runFinished());
        QCOMPARE(pg.exporter().stepCount(), 22);
        QTRY_VERIFY(!w->findChild<QQuickItem *>(QStringLiteral("unfinishedRow"))->isVisible());
        QMetaObject::invokeMethod(dialog, "close");
        QVERIFY2(pg.warnings().isEmpty(), qPrintable(pg.warnings().join(QLatin1Char('\n'))));
    }

    void dialogOpensInTheWindowAndFits_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("dark");
        QTest::newRow("1400x900") << QSize(1400, 900) << false;
        QTest::newRow("smallest window, dark") << QSize(900, 560) << true;
    }

    void dialogOpensInTheWindowAndFits()
    {
        QFETCH(QSize, size);
        QFETCH(bool, dark);
        Playground pg({QString(), QString(), false, dark});
        pg.session().runToEnd();
        pg.session().finishPending();
        QVERIFY(pg.createWindow());
        QQuickWindow *w = pg.window();
        w->resize(size);
        QVERIFY(QTest::qWaitForWindowExposed(w));
        QObject *dialog = w->findChild<QObject *>(QStringLiteral("exportDialog"));
        QVERIFY(dialog);
        QTest::keyClick(w, Qt::Key_E, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(dialog->property("opened").toBool());
        QVERIFY(pg.exporter().active());
        auto *preview = w->findChild<QQuickItem *>(QStringLiteral("exportPreview"));
        QVERIFY(preview && preview->isVisible());
        QTRY_VERIFY(!pg.exporter().previewImage().isNull());

        // Every control sits inside the dialog, none squeezed to nothing; the options' form
        // scrolls, so its controls need only fit across.
        const QRectF box(dialog->property("x").toReal(), dialog->property("y").toReal(),
            dialog->property("width").toReal(), dialog->property("height").toReal());
        QVERIFY2(QRectF(0, 0, w->width(), w->height()).contains(box), "the dialog fits the window");
        const auto check = [&](const char *name, bool whole) {
            auto *control = w->findChild<QQuickItem *>(QString::fromLatin1(name));
            QVERIFY2(control && control->isVisible(), name);
            const QRectF r = control->mapRectToScene(QRectF(0, 0, control->width(), control->height()));
            const QString where = QStringLiteral("%1 at %2,%3 %4x%5 in a dialog at %6,%7 %8x%9")
                                      .arg(QLatin1String(name))
                                      .arg(r.x())
                                      .arg(r.y())
                                      .arg(r.width())
                                      .arg(r.height())
                                      .arg(box.x())
                                      .arg(box.y())
                                      .arg(box.width())
                                      .arg(box.height());
            QVERIFY2(r.width() >= 40 && r.height() >= 10, qPrintable(where));
            QVERIFY2(r.left() >= box.left() && r.right() <= box.right(), qPrintable(where));
            if (whole)
                QVERIFY2(r.top() >= box.top() && r.bottom() <= box.bottom(), qPrintable(where));
        };
        for (const char *name : {"formatBox", "themeBox", "sizeBox", "titleField", "buildBox", "laneList"})
            check(name, false);
        for (const char *name : {"exportOptions", "exportPreview", "commandLine", "copyCommandLine", "exportButton",
                 "closeExport", "exportStatus"})
            check(name, true);
        // PNG options are disabled, not hidden, for an SVG.
        auto *scale = w->findChild<QQuickItem *>(QStringLiteral("scaleBox"));
        QVERIFY(scale && scale->isVisible() && !scale->isEnabled());
        QVERIFY(pg.exporter().setOption(QStringLiteral("format"), QStringLiteral("png")));
        QTRY_VERIFY(scale->isEnabled());
        QCOMPARE(w->findChild<QQuickItem *>(QStringLiteral("commandLine"))->property("text").toString(),
            pg.exporter().commandLine());
        keepShot(w, QStringLiteral("export-dialog-%1x%2").arg(size.width()).arg(size.height()));
        // A time range shows seconds; an explicit size shows its width and height.
        pg.exporter().setTimeRange(0.5, 1.25);
        QTRY_VERIFY(w->findChild<QQuickItem *>(QStringLiteral("timeRange"))->isVisible());
        QVERIFY(!w->findChild<QQuickItem *>(QStringLiteral("stepRange"))->isVisible());
        auto *timeTo = w->findChild<QQuickItem *>(QStringLiteral("timeTo"));
        QCOMPARE(timeTo->property("displayText").toString(), QStringLiteral("1.250"));
        QVERIFY(pg.exporter().setOption(QStringLiteral("size"), QStringLiteral("1000x700")));
        auto *width = w->findChild<QQuickItem *>(QStringLiteral("sizeWidth"));
        QTRY_VERIFY(width->isVisible());
        QCOMPARE(width->property("displayText").toString(), QStringLiteral("1000"));
        keepShot(w, QStringLiteral("export-dialog-time-%1x%2").arg(size.width()).arg(size.height()));
        pg.exporter().setRangeAll();
        // Options the run cannot show: one red line, and no Export… until they are fixed.
        pg.exporter().setStepRange(30, 40);
        auto *status = w->findChild<QQuickItem *>(QStringLiteral("exportStatus"));
        QTRY_COMPARE(status->property("text").toString(), QStringLiteral("--steps 30:40: the run has only 22 steps; give a range within 1:22"));
        QVERIFY(!w->findChild<QQuickItem *>(QStringLiteral("exportButton"))->isEnabled());
        keepShot(w, QStringLiteral("export-dialog-problem-%1x%2").arg(size.width()).arg(size.height()));
        pg.exporter().setRangeAll();
        QTRY_VERIFY(w->findChild<QQuickItem *>(QStringLiteral("exportButton"))->isEnabled());
        QVERIFY(pg.exporter().setOption(QStringLiteral("format"), QStringLiteral("pdf")));
        QVERIFY(pg.exporter().setOption(QStringLiteral("build"), QStringLiteral("step")));
        QTRY_VERIFY(w->findChild<QQuickItem *>(QStringLiteral("pageSlider"))->isVisible());
        QTest::qWait(300);
        keepShot(w, QStringLiteral("export-dialog-build-%1x%2").arg(size.width()).arg(size.height()));
        pg.exporter().resetOptions();

        // Export… asks where, suggesting gather.svg in the last folder.
        QVERIFY(click(w, "exportButton"));
        QObject *files = w->findChild<QObject *>(QStringLiteral("exportFileDialog"));
        QVERIFY(files);
        QTRY_VERIFY(files->property("visible").toBool());
        QVERIFY(files->property("selectedFile").toUrl().toString().endsWith(QStringLiteral("/gather.svg")));
        QMetaObject::invokeMethod(files, "reject");
        QTRY_VERIFY(!files->property("visible").toBool());
        QTest::keyClick(w, Qt::Key_Return, Qt::ControlModifier); // the same from the keyboard
        QTRY_VERIFY(files->property("visible").toBool());
        QMetaObject::invokeMethod(files, "reject");
        QTRY_VERIFY(!files->property("visible").toBool());
        // What the dialog says once a file is written.
        QTemporaryDir dir;
        QVERIFY(pg.exporter().setOption(QStringLiteral("format"), QStringLiteral("trace")));
        pg.exporter().exportToPath(dir.filePath(QStringLiteral("gather.trace")));
        QTRY_VERIFY(!pg.exporter().busy());
        QTRY_VERIFY(w->findChild<QQuickItem *>(QStringLiteral("showInFolder"))->isVisible());
        QVERIFY(w->findChild<QQuickItem *>(QStringLiteral("copyPath"))->isVisible());
        QVERIFY(w->findChild<QQuickItem *>(QStringLiteral("exportStatus"))
                    ->property("text")
                    .toString()
                    .startsWith(QStringLiteral("Exported gather.trace (")));
        QTRY_VERIFY(!pg.exporter().previewText().isEmpty());
        keepShot(w, QStringLiteral("export-dialog-done-%1x%2").arg(size.width()).arg(size.height()));
        pg.exporter().resetOptions();

        QMetaObject::invokeMethod(dialog, "close");
        QTRY_VERIFY(!dialog->property("visible").toBool());
        QVERIFY(!pg.exporter().active());
        QVERIFY2(pg.warnings().isEmpty(), qPrintable(pg.warnings().join(QLatin1Char('\n'))));
    }
};

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir home; // settings of this run only
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("HOME", home.path().toLocal8Bit());
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("LoopscopeExportTest"));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    TestExportDialog test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_exportdialog.moc"
