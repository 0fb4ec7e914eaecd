// The SVG export: Loopscope's own SVG writer (SvgDevice) draws what the painter draws (checked by
// rendering the SVG back and comparing it with the same figure painted straight into an image),
// keeps text as text, wraps each lane in <g id="Task-2" class="lane"> with its full name as the
// title, makes ids unique and valid, escapes what it must, and stays small for a huge trace.
#include "engine.h"
#include "figure.h"
#include "formats.h"
#include "scenariorun.h"
#include "svgdevice.h"
#include "synthetictrace.h"
#include "timelinepainter.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTest>
#include <QXmlStreamReader>

#include <cmath>
#include <memory>

using namespace loopscope;

namespace {

QByteArray svgOf(const Figure &figure)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString error;
    if (!writeSvg(figure, &buffer, &error))
        qWarning("writeSvg: %s", qPrintable(error));
    return buffer.data();
}

// Groups heard but not written: the painter draws in the SVG's order (lane by lane, the arrows
// over them), so a direct painting and the SVG's rendering can be compared pixel by pixel.
class SilentGroups : public PaintGroups {
public:
    void beginGroup(const QString &, const QString &, const QString &) override { }
    void endGroup() override { }
};

QImage directImage(const Figure &figure)
{
    QImage image(figure.size().toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    SilentGroups groups;
    figure.paint(p, TimelineLayout::kOpen, -1, &groups);
    return image;
}

QImage renderedSvg(const QByteArray &svg, const QSize &size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QSvgRenderer renderer(svg);
    if (!renderer.isValid())
        return QImage();
    QPainter p(&image);
    renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(size)));
    return image;
}

struct Difference {
    double mean = 0; // mean absolute channel difference, 0..255
    double badShare = 0; // share of pixels off by more than 96 in some channel
    double coarseMax = 0; // the largest channel difference after averaging 8x8 blocks
};

// Anti-aliasing and text rasterisation differ at edges; misplaced or miscoloured shapes do not
// hide in the 8x8 block averages.
Difference compare(const QImage &a, const QImage &b)
{
    Difference d;
    const int w = a.width(), h = a.height();
    const int bw = (w + 7) / 8, bh = (h + 7) / 8;
    std::vector<std::array<double, 4>> blocksA(std::size_t(bw * bh)), blocksB(std::size_t(bw * bh));
    double sum = 0;
    qint64 bad = 0;
    for (int y = 0; y < h; ++y) {
        const QRgb *ra = reinterpret_cast<const QRgb *>(a.constScanLine(y));
        const QRgb *rb = reinterpret_cast<const QRgb *>(b.constScanLine(y));
        for (int x = 0; x < w; ++x) {
            const int ca[4] = {qRed(ra[x]), qGreen(ra[x]), qBlue(ra[x]), qAlpha(ra[x])};
            const int cb[4] = {qRed(rb[x]), qGreen(rb[x]), qBlue(rb[x]), qAlpha(rb[x])};
            int worst = 0;
            auto &blockA = blocksA[std::size_t(y / 8 * bw + x / 8)];
            auto &blockB = blocksB[std::size_t(y / 8 * bw + x / 8)];
            for (int c = 0; c < 4; ++c) {
                worst = std::max(worst, std::abs(ca[c] - cb[c]));
                sum += std::abs(ca[c] - cb[c]);
                blockA[std::size_t(c)] += ca[c];
                blockB[std::size_t(c)] += cb[c];
            }
            bad += worst > 96;
        }
    }
    d.mean = sum / (double(w) * h * 4);
    d.badShare = double(bad) / (double(w) * h);
    for (std::size_t i = 0; i < blocksA.size(); ++i)
        for (int c = 0; c < 4; ++c)
            d.coarseMax = std::max(d.coarseMax, std::abs(blocksA[i][std::size_t(c)] - blocksB[i][std::size_t(c)]) / 64);
    return d;
}

struct Group {
    QString id, kind, title;
    int texts = 0; // <text> elements inside, at any depth
    QStringList words; // their contents
};

// The document's groups in order, with what they hold; false on any XML error.
bool readGroups(const QByteArray &svg, QList<Group> *groups, QString *error)
{
    QXmlStreamReader xml(svg);
    QList<int> open; // indexes into groups of the <g> elements being read (-1: a style group)
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("g")) {
            const auto attrs = xml.attributes();
            if (attrs.hasAttribute(QLatin1String("id"))) {
                groups->append(Group {attrs.value(QLatin1String("id")).toString(),
                    attrs.value(QLatin1String("class")).toString(), QString(), 0, {}});
                open << int(groups->size() - 1);
            } else {
                open << -1;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("g")) {
            open.removeLast();
        } else if (xml.isStartElement() && xml.name() == QLatin1String("title") && !open.isEmpty()
            && open.last() >= 0) {
            (*groups)[open.last()].title = xml.readElementText();
        } else if (xml.isStartElement() && xml.name() == QLatin1String("text")) {
            const QString text = xml.readElementText();
            for (int i : open)
                if (i >= 0) {
                    ++(*groups)[i].texts;
                    (*groups)[i].words << text;
                }
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return !xml.hasError();
}

QString savePng(const QImage &image, const QString &name)
{
    const QString path = QStringLiteral("/tmp/loopscope-svg-") + name + QStringLiteral(".png");
    image.save(path);
    return path;
}

void saveSvg(const QByteArray &svg, const QString &name)
{
    QFile file(QStringLiteral("/tmp/loopscope-svg-") + name + QStringLiteral(".svg"));
    if (file.open(QIODevice::WriteOnly))
        file.write(svg);
}

} // namespace

class TestSvgExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void documentParsesAndRenders()
    {
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        ExportOptions options;
        const QByteArray svg = svgOf(Figure(run.input, options));
        QXmlStreamReader xml(svg);
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name(), QLatin1String("svg"));
        QCOMPARE(xml.namespaceUri(), QLatin1String("http://www.w3.org/2000/svg"));
        QCOMPARE(xml.attributes().value(QLatin1String("width")), QLatin1String("1920"));
        QCOMPARE(xml.attributes().value(QLatin1String("height")), QLatin1String("1080"));
        QCOMPARE(xml.attributes().value(QLatin1String("viewBox")), QLatin1String("0 0 1920 1080"));
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name(), QLatin1String("title"));
        QCOMPARE(xml.readElementText(), run.input.scriptTitle); // the figure's title names the document
        QVERIFY(xml.readNextStartElement());
        QCOMPARE(xml.name(), QLatin1String("desc"));
        QVERIFY(xml.readElementText().contains(QLatin1String("Loopscope")));
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QSvgRenderer renderer(svg);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBoxF(), QRectF(0, 0, 1920, 1080));

        // Compact: at most two decimals, no attribute that says the default.
        QString markup = QString::fromUtf8(svg); // without the texts ("step 22 · 1.500 s")
        markup.remove(QRegularExpression(QStringLiteral(">[^<]*<")));
        QVERIFY(!markup.contains(QRegularExpression(QStringLiteral("\\d\\.\\d{3}"))));
        for (const char *needless : {"stroke-width=\"1\"", "opacity=\"1\"", "fill=\"#000\"", "stroke-linecap=\"butt\"",
                 "stroke-linejoin=\"miter\"", "fill-rule=\"nonzero\""})
            QVERIFY2(!svg.contains(needless), needless);
    }

    // The paint engine's fidelity: colours, positions, clipping, text placement.
    void renderingMatchesTheDirectPainting_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("theme");
        QTest::addColumn<QString>("axis");
        QTest::newRow("gather-slides") << "gather"
                                       << "slides"
                                       << "steps";
        QTest::newRow("semaphore-light") << "semaphore"
                                         << "light"
                                         << "steps";
        QTest::newRow("deadlock-dark") << "deadlock"
                                       << "dark"
                                       << "steps";
        QTest::newRow("crawl-light-time") << "crawl"
                                          << "light"
                                          << "time";
    }

    void renderingMatchesTheDirectPainting()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, theme);
        QFETCH(QString, axis);
        const ScenarioRun run = runScenario(scenario);
        ExportOptions options;
        QString error;
        QVERIFY(setExportOption(&options, QStringLiteral("theme"), theme, &error));
        QVERIFY(setExportOption(&options, QStringLiteral("axis"), axis, &error));
        QVERIFY(setExportOption(&options, QStringLiteral("size"), QStringLiteral("1280x720"), &error));
        const Figure figure(run.input, options);
        const QByteArray svg = svgOf(figure);
        const QImage direct = directImage(figure);
        const QImage back = renderedSvg(svg, direct.size());
        QVERIFY(!back.isNull());
        const QString name = scenario + u'-' + theme + u'-' + axis;
        savePng(direct, name + QStringLiteral("-direct"));
        savePng(back, name + QStringLiteral("-svg"));
        saveSvg(svg, name);
        const Difference d = compare(direct, back);
        qInfo("%s: mean %.2f, bad %.3f%%, coarse max %.1f", qPrintable(name), d.mean, d.badShare * 100, d.coarseMax);
        QVERIFY2(d.mean < 2.0, qPrintable(QString::number(d.mean)));
        QVERIFY2(d.badShare < 0.01, qPrintable(QString::number(d.badShare)));
        QVERIFY2(d.coarseMax < 60, qPrintable(QString::number(d.coarseMax)));
    }

    // Primitives the timeline uses rarely or not at all, on the device directly.
    void primitivesRenderLikeTheRasterEngine()
    {
        const QSize size(400, 300);
        const auto scene = [](QPainter &p) {
            p.setRenderHint(QPainter::Antialiasing);
            p.fillRect(QRectF(0, 0, 400, 300), QColor(0xfa, 0xfa, 0xf5));
            p.save();
            p.translate(20, 30);
            p.scale(2, 2);
            p.fillRect(QRectF(0, 0, 30, 10), QColor(0x20, 0x60, 0xd0)); // (20,30) 60x20
            p.setPen(QPen(Qt::darkRed, 1.5, Qt::DashLine, Qt::FlatCap));
            p.drawLine(QPointF(0, 20), QPointF(60, 20));
            p.restore();
            p.setClipRect(QRectF(100, 20, 80, 60));
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0, 150, 80));
            p.drawEllipse(QPointF(100, 50), 40, 40); // half of it clipped away
            p.setClipping(false);
            p.setBrush(QColor(200, 40, 40, 128)); // translucent: overlapping ones blend twice
            p.drawRect(QRectF(200, 20, 60, 40));
            p.drawRect(QRectF(230, 40, 60, 40));
            p.setPen(QPen(Qt::black, 3, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.setBrush(Qt::NoBrush);
            QPainterPath curve(QPointF(20, 150));
            curve.cubicTo(QPointF(60, 100), QPointF(120, 200), QPointF(160, 150));
            p.drawPath(curve);
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(240, 160, 0));
            p.drawPolygon(QPolygonF({QPointF(200, 120), QPointF(260, 180), QPointF(200, 180)}));
            p.setBrush(QBrush(QColor(120, 0, 160), Qt::BDiagPattern));
            p.drawRect(QRectF(300, 120, 80, 60));
            QImage tile(8, 8, QImage::Format_ARGB32);
            tile.fill(QColor(10, 200, 200));
            p.drawImage(QRectF(20, 220, 40, 40), tile);
            QFont font(QStringLiteral("DejaVu Sans"));
            font.setPixelSize(18);
            p.setFont(font);
            p.setPen(QColor(30, 30, 30));
            p.drawText(QPointF(100, 250), QStringLiteral("a  <b> & \"c\""));
        };
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        {
            SvgDevice device(&buffer, QSizeF(size));
            QPainter p(&device);
            scene(p);
        }
        const QByteArray svg = buffer.data();
        QImage direct(size, QImage::Format_ARGB32_Premultiplied);
        direct.fill(Qt::transparent);
        {
            QPainter p(&direct);
            scene(p);
        }
        const QImage back = renderedSvg(svg, size);
        QVERIFY(!back.isNull());
        savePng(direct, QStringLiteral("primitives-direct"));
        savePng(back, QStringLiteral("primitives-svg"));
        const Difference d = compare(direct, back);
        qInfo("primitives: mean %.2f, bad %.3f%%, coarse max %.1f", d.mean, d.badShare * 100, d.coarseMax);
        QVERIFY2(d.mean < 2.0, qPrintable(QString::number(d.mean)));
        QVERIFY2(d.coarseMax < 60, qPrintable(QString::number(d.coarseMax)));

        // The scaled rectangle's coordinates are folded into device pixels; spaces are kept.
        QVERIFY2(svg.contains("M20 30h60v20h-60z"), svg.constData());
        QVERIFY(svg.contains("<text"));
        QVERIFY(svg.contains("a  &lt;b&gt; &amp; &quot;c&quot;"));
        QVERIFY(svg.contains("xml:space=\"preserve\""));
        QVERIFY(svg.contains("stroke-dasharray"));
        QVERIFY(!svg.contains("<clipPath")); // the clipped disc was cut here, exactly
        QVERIFY(svg.contains("<image") && svg.contains("data:image/png;base64,"));
        QCOMPARE(svg.count("<title>"), 1);
        QVERIFY(svg.contains("<title>a  &lt;b&gt;")); // no title set: the first text
    }

    // Fills are clipped exactly in the coordinates; what cannot be (text, strokes crossing the
    // edge) refers to one <clipPath> per clip rectangle.
    void clipsAreExactOrShared()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        {
            SvgDevice device(&buffer, QSizeF(200, 100));
            QPainter p(&device);
            p.setClipRect(QRectF(10, 10, 100, 50));
            p.fillRect(QRectF(0, 0, 50, 30), Qt::blue); // cut to 10,10 40x20
            p.fillRect(QRectF(150, 0, 20, 20), Qt::red); // outside: not written
            p.drawText(QPointF(90, 40), QStringLiteral("crosses the edge"));
            p.setClipping(false);
            p.drawText(QPointF(90, 80), QStringLiteral("free"));
            p.setClipRect(QRectF(10, 10, 100, 50)); // the same rectangle again
            p.setPen(QPen(Qt::black, 2));
            p.drawLine(QPointF(0, 30), QPointF(150, 30)); // cut to the clip, caps still clipped
        }
        const QByteArray svg = buffer.data();
        QVERIFY2(svg.contains("fill=\"#00f\" d=\"M10 10h40v20h-40z\""), svg.constData());
        QVERIFY(!svg.contains("#f00"));
        QCOMPARE(svg.count("<clipPath"), 1);
        QCOMPARE(svg.count("clip-path=\"url(#c1)\""), 2);
        QVERIFY(svg.contains("d=\"M10 30h100\""));
        QVERIFY(QSvgRenderer(svg).isValid());
    }

    void textStaysText()
    {
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        ExportOptions options;
        options.title = QStringLiteral("Three downloads & one gather");
        const QByteArray svg = svgOf(Figure(run.input, options));
        QList<Group> groups;
        QString error;
        QVERIFY2(readGroups(svg, &groups, &error), qPrintable(error));
        QXmlStreamReader xml(svg);
        QStringList texts;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == QLatin1String("text"))
                texts << xml.readElementText();
        }
        QVERIFY(texts.contains(QStringLiteral("Three downloads & one gather")));
        QVERIFY(texts.contains(QStringLiteral("Task-2")));
        QVERIFY(texts.contains(QStringLiteral("running"))); // the legend
        QVERIFY(svg.contains("font-family=\"DejaVu Sans, sans-serif\""));
        QCOMPARE(svg.count("<text"), texts.size());
    }

    void oneGroupPerLane_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("aTask"); // a lane's id
        QTest::newRow("gather") << "gather"
                                << "Task-2";
        QTest::newRow("semaphore") << "semaphore"
                                   << "worker-3"; // create_task(..., name=f"worker-{i}")
    }

    void oneGroupPerLane()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, aTask);
        const ScenarioRun run = runScenario(scenario);
        ExportOptions options;
        const Figure figure(run.input, options);
        const QByteArray svg = svgOf(figure);
        QList<Group> groups;
        QString error;
        QVERIFY2(readGroups(svg, &groups, &error), qPrintable(error));

        QStringList expectedIds, expectedTitles;
        const auto &lanes = figure.layout().lanes();
        for (std::size_t i = 0; i < lanes.size(); ++i) {
            const QString full = QString::fromStdString(lanes[i].name);
            expectedTitles << full;
            if (int(i) == TimelineLayout::clockLane())
                expectedIds << QStringLiteral("clock");
            else if (int(i) == figure.layout().callbacksLane())
                expectedIds << QStringLiteral("callbacks");
            else
                expectedIds << full.left(full.indexOf(QStringLiteral(" · ")));
        }
        QStringList ids, titles, all;
        for (const Group &g : std::as_const(groups)) {
            all << g.id;
            if (g.kind != QLatin1String("lane"))
                continue;
            ids << g.id;
            titles << g.title;
            QVERIFY2(g.texts >= 1, qPrintable(g.id)); // its name label
        }
        QCOMPARE(ids, expectedIds);
        QCOMPARE(titles, expectedTitles);
        QVERIFY(ids.contains(aTask));
        QVERIFY(ids.contains(QStringLiteral("Task-1"))); // main()
        QCOMPARE(ids.first(), QStringLiteral("clock"));
        QCOMPARE(ids[1], QStringLiteral("callbacks"));
        for (const char *id : {"wake-arrows", "axis", "legend"})
            QVERIFY2(all.contains(QLatin1String(id)), id);
        QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), all.size()); // unique
        // A lane's title is the full name: "Task-3 · fetch('notes.txt', 0.5)".
        QVERIFY(titles.contains(QStringLiteral("Task-1 · main()")));
    }

    void idsAreValidAndUnique()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        {
            SvgDevice device(&buffer, QSizeF(100, 50));
            device.setTitle(QStringLiteral("ids <&>"));
            QPainter p(&device);
            const QStringList names {QStringLiteral("Task-2"), QStringLiteral("Task-2"), QStringLiteral("my task"),
                QStringLiteral("2nd"), QStringLiteral("a<b>&\"c\""), QString(), QStringLiteral("Task-2-2"),
                QStringLiteral("crème brûlée")};
            for (const QString &name : names) {
                device.beginGroup(name, name + QStringLiteral(" · title <&>"), QStringLiteral("lane kind"));
                device.beginGroup(QStringLiteral("inner"), QString(), QStringLiteral("nested"));
                p.fillRect(QRectF(0, 0, 10, 10), Qt::red);
                device.endGroup();
                device.endGroup();
            }
        }
        QList<Group> groups;
        QString error;
        QVERIFY2(readGroups(buffer.data(), &groups, &error), qPrintable(error));
        QStringList ids;
        for (const Group &g : std::as_const(groups))
            ids << g.id;
        QCOMPARE(ids,
            QStringList({"Task-2", "inner", "Task-2-2", "inner-2", "my_task", "inner-3", "_2nd", "inner-4", "a_b___c_",
                "inner-5", "_", "inner-6", "Task-2-2-2", "inner-7", "crème_brûlée", "inner-8"}));
        QCOMPARE(groups[0].kind, QStringLiteral("lane_kind"));
        QCOMPARE(groups[8].title, QStringLiteral("a<b>&\"c\" · title <&>"));
        QVERIFY(buffer.data().contains("<title>ids &lt;&amp;&gt;</title>"));
    }

    // Task names with spaces and markup characters: escaped text, valid ids, the full name kept
    // in the lane's title.
    void oddTaskNamesAreEscaped()
    {
        const ScenarioRun run = runScript("import asyncio\n"
                                  "\n"
                                  "async def work(n):\n"
                                  "    await asyncio.sleep(n)\n"
                                  "    print(\"<done> & \\\"ok\\\"\", n)\n"
                                  "\n"
                                  "async def main():\n"
                                  "    a = asyncio.create_task(work(1), name=\"fetch <a&b>\")\n"
                                  "    b = asyncio.create_task(work(2), name=\"my worker\")\n"
                                  "    c = asyncio.create_task(work(3), name=\"my worker\")\n"
                                  "    await asyncio.gather(a, b, c)\n"
                                  "\n"
                                  "asyncio.run(main())\n"
                                  "",
            QStringLiteral("Odd <names> & \"quotes\""));
        ExportOptions options;
        const QByteArray svg = svgOf(Figure(run.input, options));
        QList<Group> groups;
        QString error;
        QVERIFY2(readGroups(svg, &groups, &error), qPrintable(error));
        QStringList ids, titles;
        for (const Group &g : std::as_const(groups))
            if (g.kind == QLatin1String("lane")) {
                ids << g.id;
                titles << g.title;
            }
        QVERIFY2(ids.contains(QStringLiteral("fetch__a_b_")), qPrintable(ids.join(u' ')));
        QVERIFY(ids.contains(QStringLiteral("my_worker")));
        QVERIFY(ids.contains(QStringLiteral("my_worker-2")));
        QVERIFY2(titles.contains(QStringLiteral("fetch <a&b> · work(1)")), qPrintable(titles.join(u'|')));
        QVERIFY(svg.contains("<title>Odd &lt;names&gt; &amp; &quot;quotes&quot;</title>"));
        QVERIFY(QSvgRenderer(svg).isValid());
    }

    // 1,000 tasks and 100,000 events at 1920x1080: merged paths keep the file small.
    void aHugeTraceStaysCompact()
    {
        Trace trace;
        synthesizeTrace(trace, 1000, 100000, 1);
        FigureInput input {&trace, std::string(), QStringLiteral("Synthetic")};
        ExportOptions options;
        QElapsedTimer timer;
        timer.start();
        const Figure figure(input, options);
        const QByteArray svg = svgOf(figure);
        const qint64 ms = timer.elapsed();
        qInfo("synthetic: %lld bytes, %d paths, %lld ms", qint64(svg.size()), int(svg.count("<path")), ms);
        QVERIFY2(svg.size() < 5 * 1000 * 1000, qPrintable(QString::number(svg.size())));
        QVERIFY(svg.size() > 10000);
        saveSvg(svg, QStringLiteral("synthetic"));
        QVERIFY2(ms < 10000, qPrintable(QString::number(ms))); // well under 2 s on an idle machine
        QXmlStreamReader xml(svg);
        while (!xml.atEnd())
            xml.readNext();
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    }

    // The worst case for the writer: all 1,000 lanes and every event drawn, one group per lane.
    void everyLaneOfAHugeTraceStaysCompact()
    {
        Trace trace;
        synthesizeTrace(trace, 1000, 100000, 1);
        TimelineLayout layout(&trace);
        layout.update();
        TimelinePainter painter(layout, TimelineTheme::light());
        TimelineViewport v;
        v.size = QSizeF(1920, painter.axisHeight() + painter.contentHeight() + painter.legendHeight());
        painter.fitAll(v);
        QElapsedTimer timer;
        timer.start();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        {
            SvgDevice device(&buffer, v.size);
            painter.setGroups(&device);
            QPainter p(&device);
            painter.paint(p, v);
        }
        const qint64 ms = timer.elapsed();
        const QByteArray svg = buffer.data();
        qInfo("every lane: %lld bytes, %d paths, %d texts, %lld ms", qint64(svg.size()), int(svg.count("<path")),
            int(svg.count("<text")), ms);
        QCOMPARE(int(svg.count("class=\"lane\"")), layout.laneCount());
        QVERIFY2(svg.size() < 5 * 1000 * 1000, qPrintable(QString::number(svg.size())));
        QVERIFY2(ms < 10000, qPrintable(QString::number(ms)));
    }
};

QTEST_MAIN(TestSvgExport)
#include "tst_svgexport.moc"
