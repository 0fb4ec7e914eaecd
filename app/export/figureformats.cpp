#include "formats.h"

#include "svgdevice.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>

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
    QImage image((figure.size() * options.scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(options.scale);
    image.fill(Qt::transparent);
    {
        QPainter p(&image);
        p.setRenderHint(QPainter::Antialiasing);
        figure.paint(p);
    }
    if (!image.save(out, "PNG")) {
        *error = QStringLiteral("cannot encode the PNG");
        return false;
    }
    return true;
}

bool writePdf(const Figure &figure, const ExportOptions &options, QIODevice *out, int *pages, QString *error,
    const ExportProgress &progress)
{
    Q_UNUSED(options);
    Q_UNUSED(progress);
    QPdfWriter pdf(out);
    pdf.setResolution(96);
    pdf.setPageSize(QPageSize(figure.size(), QPageSize::Point));
    pdf.setPageMargins(QMarginsF());
    QPainter p;
    if (!p.begin(&pdf)) {
        *error = QStringLiteral("cannot draw the PDF");
        return false;
    }
    figure.paint(p);
    p.end();
    *pages = 1;
    return true;
}

} // namespace loopscope
