#include "formats.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

namespace loopscope {

bool writeSvg(const Figure &figure, QIODevice *out, QString *error)
{
    QSvgGenerator svg;
    svg.setOutputDevice(out);
    svg.setSize(figure.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), figure.size()));
    QPainter p;
    if (!p.begin(&svg)) {
        *error = QStringLiteral("cannot draw the SVG");
        return false;
    }
    figure.paint(p);
    return p.end();
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
