#include "formats.h"

#include "svgdevice.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

namespace loopscope {

bool writeSvg(const Figure &figure, QIODevice *out, QString *error)
{
    SvgDevice svg(out, figure.size());
    svg.setDescription(QStringLiteral("An asyncio timeline drawn by Loopscope"));
    QPainter p;
    if (!p.begin(&svg)) {
        *error = QStringLiteral("cannot draw the SVG");
        return false;
    }
    figure.paint(p, TimelineLayout::kOpen, -1, &svg);
    if (!p.end()) {
        *error = QStringLiteral("cannot write the SVG: %1").arg(out->errorString());
        return false;
    }
    return true;
}

bool writePng(const Figure &figure, const ExportOptions &options, QIODevice *out, QString *error)
{
    const int scale = std::clamp(options.scale, 1, 8);
    const QSize pixels = (figure.size() * scale).toSize();
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull()) {
        *error = QStringLiteral("the PNG is too large (%1x%2 pixels)").arg(pixels.width()).arg(pixels.height());
        return false;
    }
    image.setDevicePixelRatio(scale);
    image.fill(Qt::transparent); // a solid figure paints its own page
    {
        QPainter p(&image);
        figure.paint(p);
    }
    if (!image.save(out, "PNG")) {
        *error = QStringLiteral("cannot encode the PNG");
        return false;
    }
    return true;
}

// One PDF page per figure pixel at 72 dpi: a 1920x1080 figure is a 1920x1080 pt page, its text
// kept as text and its shapes as vectors.
bool writePdf(const Figure &figure, const ExportOptions &options, QIODevice *out, int *pages, QString *error,
    const ExportProgress &progress)
{
    *pages = 0;
    QPdfWriter pdf(out);
    pdf.setResolution(72);
    pdf.setPageLayout(QPageLayout(QPageSize(figure.size(), QPageSize::Point), QPageLayout::Portrait, QMarginsF()));
    pdf.setCreator(QStringLiteral("Loopscope"));
    pdf.setTitle(figure.title());
    const std::vector<Figure::Page> build
        = options.build ? figure.buildPages(options.buildUnit) : std::vector<Figure::Page> {};
    if (options.build && build.empty()) {
        *error = QStringLiteral("the range has no step to build pages from");
        return false;
    }
    const int total = options.build ? int(build.size()) : 1;
    QPainter p;
    if (!p.begin(&pdf)) {
        *error = QStringLiteral("cannot draw the PDF");
        return false;
    }
    for (int i = 0; i < total; ++i) {
        if (progress && !progress(i, total)) {
            p.end();
            *error = QStringLiteral("cancelled");
            return false;
        }
        if (i > 0)
            pdf.newPage();
        if (options.build)
            figure.paintPage(p, build[std::size_t(i)], i + 1, total);
        else
            figure.paint(p);
    }
    if (progress)
        progress(total, total);
    p.end();
    *pages = total;
    return true;
}

} // namespace loopscope
