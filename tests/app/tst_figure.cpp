// Figures for slides: PNG sizes and backgrounds, PDF pages (one, or one per step or loop iteration
// in build mode), ranges and lane choices, the options' problems, and the six design scenarios
// compared with reference images (LOOPSCOPE_UPDATE_REFERENCES=1 rewrites them).
#include "engine.h"
#include "exporter.h"
#include "figure.h"
#include "formats.h"
#include "scenariorun.h"
#include "svgdevice.h"

#include <QBuffer>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QTest>

#include <memory>

using namespace loopscope;

namespace {

ExportOptions options(const QStringList &settings = {})
{
    ExportOptions o;
    o.size = QSize(1280, 720);
    for (const QString &s : settings) {
        const int eq = s.indexOf(QLatin1Char('='));
        QString error;
        if (!setExportOption(&o, s.left(eq), s.mid(eq + 1), &error))
            qFatal("%s", qPrintable(error));
    }
    return o;
}

QByteArray write(const ScenarioRun &run, const ExportOptions &o, int *pages = nullptr)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    int count = 0;
    const Figure figure(run.input, o);
    bool ok = false;
    switch (o.format) {
    case ExportFormat::Png: ok = writePng(figure, o, &buffer, &error); break;
    case ExportFormat::Pdf: ok = writePdf(figure, o, &buffer, &count, &error); break;
    case ExportFormat::Svg: ok = writeSvg(figure, &buffer, &error); break;
    default: break;
    }
    if (!ok)
        qWarning("export failed: %s", qPrintable(error));
    if (pages)
        *pages = count;
    return buffer.data();
}

QImage png(const ScenarioRun &run, const ExportOptions &o)
{
    ExportOptions p = o;
    p.format = ExportFormat::Png;
    return QImage::fromData(write(run, p), "PNG");
}

// With LOOPSCOPE_FIGURE_DIR set, figures are kept there to look at.
void keep(const QImage &image, const QString &name)
{
    if (qEnvironmentVariableIsSet("LOOPSCOPE_FIGURE_DIR"))
        image.save(qEnvironmentVariable("LOOPSCOPE_FIGURE_DIR") + QLatin1Char('/') + name + QStringLiteral(".png"));
}

// The page count a PDF's page tree declares: "/Type /Pages /Kids [...] /Count N".
int pdfPageCount(const QByteArray &pdf)
{
    static const QRegularExpression pages(QStringLiteral("/Type\\s*/Pages\\b[^>]*?/Count\\s+(\\d+)"),
        QRegularExpression::DotMatchesEverythingOption);
    const auto m = pages.match(QString::fromLatin1(pdf));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// Pixels whose channels differ by more than `threshold` somewhere, as a fraction of all pixels;
// `diff` gets them in red over a faded copy of the expected image.
double differingFraction(const QImage &expected, const QImage &actual, int threshold, QImage *diff)
{
    if (expected.size() != actual.size())
        return 1;
    const QImage a = expected.convertToFormat(QImage::Format_ARGB32);
    const QImage b = actual.convertToFormat(QImage::Format_ARGB32);
    *diff = QImage(a.size(), QImage::Format_ARGB32);
    qint64 differing = 0;
    for (int y = 0; y < a.height(); ++y) {
        const auto *ra = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const auto *rb = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        auto *rd = reinterpret_cast<QRgb *>(diff->scanLine(y));
        for (int x = 0; x < a.width(); ++x) {
            const int d = std::max({std::abs(qRed(ra[x]) - qRed(rb[x])), std::abs(qGreen(ra[x]) - qGreen(rb[x])),
                std::abs(qBlue(ra[x]) - qBlue(rb[x])), std::abs(qAlpha(ra[x]) - qAlpha(rb[x]))});
            const int grey = 255 - (255 - qGray(ra[x])) / 4;
            rd[x] = d > threshold ? qRgb(230, 0, 0) : qRgb(grey, grey, grey);
            differing += d > threshold;
        }
    }
    return double(differing) / double(qint64(a.width()) * a.height());
}

// Within tolerance: antialiasing and font jitter pass, a moved lane or another look does not.
constexpr int kChannelThreshold = 40;
constexpr double kMaxDiffering = 0.004;

const QStringList kDesignScenarios = {QStringLiteral("gather"), QStringLiteral("queue"), QStringLiteral("semaphore"),
    QStringLiteral("timeout"), QStringLiteral("cancel"), QStringLiteral("deadlock")};

} // namespace

class TestFigure : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void pngHasTheRequestedPixelSize_data()
    {
        QTest::addColumn<int>("scale");
        QTest::newRow("1x") << 1;
        QTest::newRow("2x") << 2;
        QTest::newRow("4x") << 4;
    }
    void pngHasTheRequestedPixelSize()
    {
        QFETCH(int, scale);
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        ExportOptions o = options({QStringLiteral("size=800x450")});
        o.scale = scale;
        const QImage image = png(run, o);
        QCOMPARE(image.size(), QSize(800 * scale, 450 * scale));
    }

    void pngBackgroundIsTransparentOrSolid()
    {
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        const QImage solid = png(run, options({QStringLiteral("size=640x360"), QStringLiteral("background=solid")}));
        const QImage clear
            = png(run, options({QStringLiteral("size=640x360"), QStringLiteral("background=transparent")}));
        for (const QPoint corner : {QPoint(0, 0), QPoint(639, 0), QPoint(0, 359), QPoint(639, 359)}) {
            QCOMPARE(qAlpha(solid.pixel(corner)), 255);
            QCOMPARE(qAlpha(clear.pixel(corner)), 0);
        }
        QCOMPARE(solid.pixel(0, 0), qRgb(255, 255, 255)); // slides: a white page
        // The timeline itself is drawn on both.
        QCOMPARE(clear.size(), solid.size());
        int opaque = 0;
        for (int x = 0; x < 640; x += 4)
            opaque += qAlpha(clear.pixel(x, 200)) == 255;
        QVERIFY2(opaque > 40, qPrintable(QString::number(opaque)));
    }

    void pdfIsOnePageOrOnePerStep()
    {
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        const int steps = run.engine->trace().size() ? Figure(run.input, options()).stepCount() : 0;
        QVERIFY(steps > 10);
        int pages = 0;
        QByteArray pdf = write(run, options({QStringLiteral("format=pdf")}), &pages);
        QVERIFY(pdf.startsWith("%PDF"));
        QCOMPARE(pages, 1);
        QCOMPARE(pdfPageCount(pdf), 1);
        // Text stays text: the title is in the PDF's text, not only drawn.
        QVERIFY(pdf.contains("/FontFile") || pdf.contains("/FontDescriptor"));

        pdf = write(run, options({QStringLiteral("format=pdf"), QStringLiteral("build=step")}), &pages);
        QCOMPARE(pages, steps);
        QCOMPARE(pdfPageCount(pdf), steps);

        pdf = write(run, options({QStringLiteral("format=pdf"), QStringLiteral("build=step"), QStringLiteral("steps=3:9")}),
            &pages);
        QCOMPARE(pages, 7);
        QCOMPARE(pdfPageCount(pdf), 7);

        // Per loop iteration: fewer pages (gather starts its three downloads in one iteration).
        pdf = write(run, options({QStringLiteral("format=pdf"), QStringLiteral("build=iteration")}), &pages);
        QCOMPARE(pdfPageCount(pdf), pages);
        QVERIFY2(pages < steps, qPrintable(QStringLiteral("%1 iterations, %2 steps").arg(pages).arg(steps)));
        QCOMPARE(pages, int(run.iterationStarts.size()));
    }

    void buildPagesAreCancellable()
    {
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        const ExportOptions o = options({QStringLiteral("format=pdf"), QStringLiteral("build=step")});
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString error;
        int pages = 0, calls = 0;
        const bool ok = writePdf(Figure(run.input, o), o, &buffer, &pages, &error, [&](int done, int total) {
            ++calls;
            Q_UNUSED(total);
            return done < 3;
        });
        QVERIFY(!ok);
        QCOMPARE(error, QStringLiteral("cancelled"));
        QCOMPARE(calls, 4);
    }

    // The figure's iterations are the engine's: read back from the trace alone.
    void iterationsMatchTheEngine_data()
    {
        QTest::addColumn<QString>("scenario");
        for (const QString &s : kDesignScenarios + QStringList {QStringLiteral("crawl")})
            QTest::newRow(qPrintable(s)) << s;
    }
    void iterationsMatchTheEngine()
    {
        QFETCH(QString, scenario);
        const ScenarioRun run = runScenario(scenario);
        const Figure figure(run.input, options());
        if (figure.iterationStarts() != run.iterationStarts)
            qDebug().noquote() << QString::fromStdString(run.engine->trace().dump());
        QCOMPARE(figure.iterationStarts(), run.iterationStarts);
    }

    void buildCaptionsSayWhatEachStepDid()
    {
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        const Figure figure(run.input, options());
        const auto pages = figure.buildPages(BuildUnit::Step);
        QCOMPARE(int(pages.size()), figure.stepCount());
        QVERIFY2(pages[0].caption.startsWith(QStringLiteral("Step 1 · 0.000 s · Task-1 starts main()")),
            qPrintable(pages[0].caption));
        bool resumes = false;
        for (const auto &page : pages)
            resumes |= page.caption.contains(QStringLiteral("resumes after asyncio.sleep(0.5)"));
        QVERIFY(resumes);
        const auto iterations = figure.buildPages(BuildUnit::Iteration);
        QVERIFY(iterations[0].caption.startsWith(QStringLiteral("Iteration 1 · Step")));
        int covered = 0;
        for (const auto &page : iterations)
            covered += page.count;
        QCOMPARE(covered, figure.stepCount());
    }

    // A build page's cursor tag ("step 3 · 0.000 s") sits on the axis: the tick labels it would
    // cover give way to it instead of peeking out from under it, and come back once it moves on.
    void axisLabelsGiveWayToTheCursorTag()
    {
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        const Figure figure(run.input, options());
        const auto pages = figure.buildPages(BuildUnit::Step);
        const auto textsOn = [&](std::size_t index) {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            SvgDevice device(&buffer, figure.size());
            QPainter p(&device);
            figure.paintPage(p, pages[index], int(index) + 1, int(pages.size()));
            p.end();
            QXmlStreamReader xml(buffer.data());
            QStringList texts;
            while (!xml.atEnd())
                if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == QLatin1String("text"))
                    texts << xml.readElementText();
            return texts;
        };
        const QStringList nearStart = textsOn(2); // the tag at step 3 reaches over step 1's "0.0 s"
        QVERIFY2(nearStart.contains(QStringLiteral("step 3 · 0.000 s")), qPrintable(nearStart.join(u'|')));
        QVERIFY(!nearStart.contains(QStringLiteral("0.0 s")));
        QVERIFY(nearStart.contains(QStringLiteral("1"))); // the step numbers above it stay
        const QStringList atEnd = textsOn(pages.size() - 1);
        QVERIFY(atEnd.contains(QStringLiteral("0.0 s")));
    }

    // A task renamed with set_name(): build captions name it as it was called at each step, the
    // lane shows its new name, and --tasks takes either name.
    void aRenamedTaskGoesByTheNameItHadAtEachStep()
    {
        const ScenarioRun run = runScript(kRenamingScript, QStringLiteral("rename"));
        const Figure figure(run.input, options());
        QStringList captions;
        for (const auto &page : figure.buildPages(BuildUnit::Step))
            captions << page.caption;
        const auto starts = captions.filter(QStringLiteral("starts worker()"));
        QCOMPARE(starts.size(), 1);
        QVERIFY2(starts[0].contains(QStringLiteral("· first starts")), qPrintable(starts[0]));
        const auto resumes = captions.filter(QStringLiteral("resumes after asyncio.sleep(0.1)"));
        QCOMPARE(resumes.size(), 2);
        QVERIFY2(resumes[0].contains(QStringLiteral("· first resumes")), qPrintable(resumes[0])); // renames itself in this step
        QVERIFY2(resumes[1].contains(QStringLiteral("· renamed resumes")), qPrintable(resumes[1]));
        QVERIFY(figure.shownLanes().contains(QStringLiteral("renamed · worker()")));
        for (const QString &name : {QStringLiteral("first"), QStringLiteral("renamed")}) {
            const Figure picked(run.input, options({QStringLiteral("tasks=") + name}));
            QCOMPARE(picked.problem(), QString());
            const QString lanes = picked.shownLanes().join(QStringLiteral(" / "));
            QVERIFY2(lanes.contains(QStringLiteral("renamed · worker()")) && !lanes.contains(QStringLiteral("main()")), qPrintable(lanes));
        }
    }

    void lanesPickTasksAndLeaveNoGap()
    {
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        const QStringList all = Figure(run.input, options()).shownLanes();
        QVERIFY2(all.size() >= 5, qPrintable(all.join(QLatin1Char('|'))));
        QVERIFY(all.first().startsWith(QStringLiteral("clock")));

        const Figure two(run.input, options({QStringLiteral("tasks=Task-3,Task-2")}));
        QCOMPARE(two.problem(), QString());
        const QStringList lanes = two.shownLanes();
        QCOMPARE(lanes.size(), 4); // the loop's lanes stay as context; rows in creation order
        QVERIFY(lanes[0].startsWith(QStringLiteral("clock")));
        QVERIFY(lanes[1].startsWith(QStringLiteral("callbacks")));
        QVERIFY(lanes[2].startsWith(QStringLiteral("Task-2 ·")));
        QVERIFY(lanes[3].startsWith(QStringLiteral("Task-3 ·")));
        // Naming a loop lane shows only the lanes named.
        const QStringList only
            = Figure(run.input, options({QStringLiteral("tasks=Task-4")})).shownLanes();
        QCOMPARE(only.size(), 3);
        const QStringList named = Figure(run.input, options({QStringLiteral("tasks=Task-4,callbacks")})).shownLanes();
        QCOMPARE(named.size(), 2);
        QVERIFY(named[0].startsWith(QStringLiteral("callbacks")));

        // A hidden lane's name is not in the drawing.
        const QByteArray svgAll = write(run, options({QStringLiteral("format=svg")}));
        const QByteArray svgTwo = write(run, options({QStringLiteral("format=svg"), QStringLiteral("tasks=Task-2,Task-3")}));
        QVERIFY(svgAll.contains("Task-4"));
        QVERIFY(svgTwo.contains("Task-3"));
        QVERIFY(!svgTwo.contains("Task-4"));
        // Fewer rows: the lanes grow, the picture changes.
        QVERIFY(png(run, options({QStringLiteral("tasks=Task-2,Task-3")})) != png(run, options()));
    }

    void rangesPickStepsAndTime()
    {
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        const Figure whole(run.input, options());
        QCOMPARE(whole.firstStep(), 0);
        QCOMPARE(whole.lastStep(), whole.stepCount() - 1);
        const Figure steps(run.input, options({QStringLiteral("steps=4:8")}));
        QCOMPARE(steps.firstStep(), 3);
        QCOMPARE(steps.lastStep(), 7);
        // Tasks finished before the range or made after it leave no row.
        const Figure late(run.input, options({QStringLiteral("steps=2:2")}));
        QVERIFY(late.shownLanes().size() < whole.shownLanes().size());
        // 0.5 s in gather: the clock jumps there, notes.txt arrives, nothing else.
        const Figure time(run.input, options({QStringLiteral("time=0.4:0.6")}));
        QVERIFY(time.firstStep() > 0);
        QVERIFY(time.lastStep() > time.firstStep());
        QVERIFY(time.lastStep() < whole.lastStep());
        for (int s = time.firstStep(); s <= time.lastStep(); ++s)
            QCOMPARE(whole.layout().steps()[std::size_t(s)].time1, std::int64_t(500000000));
        // Either axis: the drawing changes with the range.
        const QImage a = png(run, options({QStringLiteral("axis=time")}));
        const QImage b = png(run, options({QStringLiteral("axis=time"), QStringLiteral("time=0.4:1.2")}));
        const QImage c = png(run, options({QStringLiteral("steps=1:6")}));
        QVERIFY(a != b);
        keep(b, QStringLiteral("time-range"));
        keep(c, QStringLiteral("step-range"));
        QVERIFY(c != png(run, options()));
    }

    void problemsNameWhatIsWrong()
    {
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        const int n = Figure(run.input, options()).stepCount();
        QCOMPARE(Figure(run.input, options()).problem(), QString());
        QCOMPARE(Figure(run.input, options({QStringLiteral("tasks=Task-9")})).problem(),
            QStringLiteral("--tasks: no task named 'Task-9' in this run; its tasks are Task-1, Task-2, "
                           "Task-3, Task-4, Task-5, Task-6 (and the loop's own lanes: clock, callbacks)"));
        QCOMPARE(Figure(run.input, options({QStringLiteral("tasks=clock,Task-2")})).problem(), QString());
        QCOMPARE(Figure(run.input, options({QStringLiteral("steps=50:60")})).problem(),
            QStringLiteral("--steps 50:60: the run has only %1 steps; give a range within 1:%1").arg(n));
        QCOMPARE(Figure(run.input, options({QStringLiteral("time=5:6")})).problem(),
            QStringLiteral("--time 5:6: the run's last step starts at 1.5 s; give a range within 0:1.5"));
        QCOMPARE(Figure(run.input, options({QStringLiteral("steps=3:%1").arg(n)})).problem(), QString());
    }

    void manyLanesShrinkThenSayHowManyMore()
    {
        const ScenarioRun run = runScenario(QStringLiteral("crawl"));
        const Figure roomy(run.input, options({QStringLiteral("size=1920x1080"), QStringLiteral("theme=light")}));
        const Figure small(run.input, options({QStringLiteral("font-scale=2.5")}));
        QCOMPARE(roomy.moreLanes(), 0);
        QVERIFY(small.moreLanes() > 0);
        QCOMPARE(small.shownLanes().size() + small.moreLanes(), roomy.shownLanes().size());
        keep(png(run, options({QStringLiteral("font-scale=2.5")})), QStringLiteral("more-lanes"));
        keep(png(run, options({QStringLiteral("background=transparent"), QStringLiteral("theme=dark"),
                 QStringLiteral("tasks=Task-2,Task-3,Task-4")})),
            QStringLiteral("transparent"));
    }

    void codeExcerptShowsTheScript()
    {
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        const QByteArray svg = write(run, options({QStringLiteral("format=svg"), QStringLiteral("code=on")}));
        QVERIFY(svg.contains("gather"));
        QVERIFY(svg.contains("fetch"));
        QVERIFY(png(run, options({QStringLiteral("code=on")})) != png(run, options()));
    }

    void everyThemeAndPresetDraws_data()
    {
        QTest::addColumn<QString>("theme");
        QTest::addColumn<QString>("size");
        for (const QString &theme : {QStringLiteral("slides"), QStringLiteral("light"), QStringLiteral("dark")})
            for (const QString &size : {QStringLiteral("1920x1080"), QStringLiteral("1280x720"), QStringLiteral("4:3")})
                QTest::newRow(qPrintable(theme + QLatin1Char(' ') + size)) << theme << size;
    }
    void everyThemeAndPresetDraws()
    {
        QFETCH(QString, theme);
        QFETCH(QString, size);
        const ScenarioRun run = runScenario(QStringLiteral("deadlock"));
        const ExportOptions o = options({QStringLiteral("theme=") + theme, QStringLiteral("size=") + size,
            QStringLiteral("code=on"), QStringLiteral("subtitle=a subtitle")});
        const QImage image = png(run, o);
        QCOMPARE(image.size(), o.size);
        if (qEnvironmentVariableIsSet("LOOPSCOPE_FIGURE_DIR"))
            image.save(qEnvironmentVariable("LOOPSCOPE_FIGURE_DIR") + QStringLiteral("/%1-%2.png").arg(theme, size.replace(QLatin1Char(':'), QLatin1Char('x'))));
    }

    void referenceImages_data()
    {
        QTest::addColumn<QString>("scenario");
        for (const QString &s : kDesignScenarios)
            QTest::newRow(qPrintable(s)) << s;
    }
    void referenceImages()
    {
        QFETCH(QString, scenario);
        const ScenarioRun run = runScenario(scenario);
        const QImage actual = png(run, options({QStringLiteral("theme=slides"), QStringLiteral("size=1280x720")}));
        if (qEnvironmentVariableIsSet("LOOPSCOPE_FIGURE_DIR")) {
            const QString dir = qEnvironmentVariable("LOOPSCOPE_FIGURE_DIR");
            actual.save(dir + QStringLiteral("/ref-%1.png").arg(scenario));
            QFile pdf(dir + QStringLiteral("/build-%1.pdf").arg(scenario));
            if (pdf.open(QIODevice::WriteOnly))
                pdf.write(write(run, options({QStringLiteral("format=pdf"), QStringLiteral("build=step"), QStringLiteral("code=on")})));
        }
        const QString path = QStringLiteral(LOOPSCOPE_SOURCE_DIR "/tests/app/reference/%1.png").arg(scenario);
        if (qEnvironmentVariableIntValue("LOOPSCOPE_UPDATE_REFERENCES") == 1) {
            QDir().mkpath(QFileInfo(path).absolutePath());
            QVERIFY(actual.save(path));
            return;
        }
        const QImage expected(path);
        QVERIFY2(!expected.isNull(), qPrintable(QStringLiteral("no reference image %1 (LOOPSCOPE_UPDATE_REFERENCES=1 makes it)").arg(path)));
        QImage diff;
        const double fraction = differingFraction(expected, actual, kChannelThreshold, &diff);
        if (fraction > kMaxDiffering) {
            QTemporaryDir dir;
            dir.setAutoRemove(false);
            actual.save(dir.filePath(scenario + QStringLiteral("-actual.png")));
            diff.save(dir.filePath(scenario + QStringLiteral("-diff.png")));
            QFAIL(qPrintable(QStringLiteral("%1: %2% of the pixels differ from %3 (allowed %4%); actual and diff in %5")
                                 .arg(scenario)
                                 .arg(fraction * 100, 0, 'f', 2)
                                 .arg(path)
                                 .arg(kMaxDiffering * 100)
                                 .arg(dir.path())));
        }
    }

    // The tolerance means something: another theme, or every lane moved by a few pixels, fails it.
    void referenceToleranceCatchesRealChanges()
    {
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        const QImage slides = png(run, options({QStringLiteral("theme=slides")}));
        QImage diff;
        QCOMPARE(differingFraction(slides, png(run, options({QStringLiteral("theme=slides")})), kChannelThreshold, &diff),
            0.0);
        QVERIFY(differingFraction(slides, png(run, options({QStringLiteral("theme=light")})), kChannelThreshold, &diff)
            > kMaxDiffering);
        QImage moved(slides.size(), slides.format());
        moved.fill(Qt::white);
        {
            QPainter p(&moved);
            p.drawImage(QPoint(0, 6), slides);
        }
        QVERIFY(differingFraction(slides, moved, kChannelThreshold, &diff) > kMaxDiffering);
        QVERIFY(differingFraction(slides, png(run, options({QStringLiteral("title=Another title")})), kChannelThreshold,
                    &diff)
            > kMaxDiffering);
    }

    void exporterReportsPages()
    {
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        QTemporaryDir dir;
        ExportOptions o = options({QStringLiteral("format=pdf"), QStringLiteral("build=iteration")});
        o.out = dir.filePath(QStringLiteral("gather.pdf"));
        ExportReport report;
        QString error;
        QVERIFY2(exportRun(run.input, o, &report, &error), qPrintable(error));
        QCOMPARE(report.pages, int(run.iterationStarts.size()));
        QVERIFY(report.summary().contains(QStringLiteral("%1 pages").arg(report.pages)));
    }

};

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestFigure test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_figure.moc"
