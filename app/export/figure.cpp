#include "figure.h"

#include "trace.h"

#include <QFontMetricsF>
#include <QPainter>

namespace loopscope {

Figure::Figure(const FigureInput &input, const ExportOptions &options)
    : m_input(input)
    , m_options(options)
    , m_layout(input.trace, input.source)
    , m_theme(TimelineTheme::forKind(options.theme))
{
    m_layout.update();
}

QSizeF Figure::size() const
{
    return QSizeF(m_options.size);
}

void Figure::paint(QPainter &p, int cutStep, int highlightStep, PaintGroups *groups) const
{
    const QSizeF page = size();
    p.fillRect(QRectF(QPointF(0, 0), page), m_theme.background);
    const QString title = m_options.title.isEmpty() ? m_input.scriptTitle : m_options.title;
    QFont font(m_theme.fontFamily);
    font.setPixelSize(int(28 * m_options.fontScale));
    p.setFont(font);
    p.setPen(m_theme.text);
    const qreal titleHeight = QFontMetricsF(font).height() * 1.6;
    p.drawText(QRectF(24, 0, page.width() - 48, titleHeight), Qt::AlignLeft | Qt::AlignVCenter, title);

    TimelinePainter painter(m_layout, m_theme, m_options.fontScale);
    painter.setGroups(groups);
    TimelineViewport v;
    v.size = QSizeF(page.width(), page.height() - titleHeight);
    v.mode = m_options.axis;
    v.cutStep = cutStep;
    v.selectedStep = highlightStep;
    painter.fitAll(v);
    p.save();
    p.translate(0, titleHeight);
    painter.paint(p, v);
    p.restore();
}

} // namespace loopscope
