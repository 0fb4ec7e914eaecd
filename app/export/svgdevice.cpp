#include "svgdevice.h"

#include <QBuffer>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QHash>
#include <QIODevice>
#include <QImage>
#include <QPaintEngine>
#include <QPainterPath>
#include <QPixmap>
#include <QSet>
#include <QTextItem>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <vector>

namespace loopscope {

namespace {

// Every coordinate is rounded once to hundredths of a pixel; path deltas are taken between
// rounded points, so relative commands never drift.
qint64 hundredths(qreal v)
{
    return std::llround(v * 100);
}

void appendHundredths(QByteArray &out, qint64 v)
{
    if (v < 0) {
        out += '-';
        v = -v;
    }
    char buf[24];
    const auto end = std::to_chars(buf, buf + sizeof buf, v / 100).ptr;
    out.append(buf, int(end - buf));
    const int frac = int(v % 100);
    if (frac) {
        out += '.';
        out += char('0' + frac / 10);
        if (frac % 10)
            out += char('0' + frac % 10);
    }
}

QByteArray number(qreal v)
{
    QByteArray out;
    appendHundredths(out, hundredths(v));
    return out;
}

// Text and attribute values: XML-escaped, without the characters XML 1.0 cannot hold.
void appendEscaped(QByteArray &out, const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            clean += c;
            clean += text[++i];
            continue;
        }
        if (c.isSurrogate() || c == QChar(0xFFFE) || c == QChar(0xFFFF)
            || (c.unicode() < 0x20 && c != u'\t' && c != u'\n' && c != u'\r'))
            continue;
        switch (c.unicode()) {
        case '&': clean += u"&amp;"; break;
        case '<': clean += u"&lt;"; break;
        case '>': clean += u"&gt;"; break;
        case '"': clean += u"&quot;"; break;
        default: clean += c;
        }
    }
    out += clean.toUtf8();
}

QByteArray escaped(const QString &text)
{
    QByteArray out;
    appendEscaped(out, text);
    return out;
}

QByteArray colorHex(const QColor &color)
{
    const QColor c = color.toRgb();
    const int r = c.red(), g = c.green(), b = c.blue();
    static const char digits[] = "0123456789abcdef";
    QByteArray out("#");
    if (r % 17 == 0 && g % 17 == 0 && b % 17 == 0) {
        for (int v : {r, g, b})
            out += digits[v / 17];
    } else {
        for (int v : {r, g, b}) {
            out += digits[v >> 4];
            out += digits[v & 15];
        }
    }
    return out;
}

void appendOpacity(QByteArray &out, const char *name, qreal alpha)
{
    if (alpha >= 0.995)
        return;
    out += ' ';
    out += name;
    out += "=\"";
    appendHundredths(out, hundredths(std::max<qreal>(0, alpha)));
    out += '"';
}

// One XML name for an id or a class: letters, digits, '-', '_' and '.', not starting with a digit,
// '-' or '.'; anything else becomes '_'.
QString xmlName(const QString &text)
{
    QString out;
    out.reserve(text.size() + 1);
    for (const QChar c : text)
        out += c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u'.' ? c : QChar(u'_');
    if (out.isEmpty() || !(out[0].isLetter() || out[0] == u'_'))
        out.prepend(u'_');
    return out;
}

// A shape in device coordinates, as the path commands it is written with.
struct Geometry {
    enum Op : quint8 { Move, Line, Curve, Arc, ArcCcw, Close };
    std::vector<Op> ops;
    std::vector<QPointF> pts; // Move, Line: the point; Curve: 3; Arc: the radii, the end point
    int subpaths = 0;
    bool openSubpath = false; // some subpath is not closed: its ends get caps
    bool joins = false; // some subpath has a corner
    // A single convex outline fills the same under either fill rule; one orientation (the sign
    // of its area) lets overlapping ones share a nonzero path.
    bool convex = false;
    int orientation = 0;
    QRectF bounds;

    void moveTo(QPointF p)
    {
        endSubpath();
        m_arcStart.reset();
        ops.push_back(Move);
        pts.push_back(p);
        ++subpaths;
        m_start = pts.size() - 1;
        m_segments = 0;
    }
    void lineTo(QPointF p)
    {
        m_arcStart.reset();
        ops.push_back(Line);
        pts.push_back(p);
        ++m_segments;
    }
    void curveTo(QPointF c1, QPointF c2, QPointF e)
    {
        // Rounded corners and ellipses come as Bézier quarter arcs: an arc command is shorter.
        QPointF radii;
        bool clockwise = false;
        if (quarterArc(pts.back(), c1, c2, e, &radii, &clockwise)) {
            arcTo(radii, e, clockwise);
            extend(c1); // the handles bound the bulge
            extend(c2);
            return;
        }
        ops.push_back(Curve);
        pts.insert(pts.end(), {c1, c2, e});
        ++m_segments;
    }
    void arcTo(QPointF radii, QPointF e, bool clockwise = true)
    {
        const Op op = clockwise ? Arc : ArcCcw;
        // Two quarters of one ellipse that make a half are written as one arc.
        if (!ops.empty() && ops.back() == op && m_arcStart && pts[pts.size() - 2] == radii) {
            const QPointF chord = e - *m_arcStart;
            if ((std::abs(chord.y()) < 1e-6 && std::abs(std::abs(chord.x()) - 2 * radii.x()) < 1e-6)
                || (std::abs(chord.x()) < 1e-6 && std::abs(std::abs(chord.y()) - 2 * radii.y()) < 1e-6)) {
                pts.back() = e;
                m_arcStart.reset();
                return;
            }
        }
        m_arcStart = pts.back();
        ops.push_back(op);
        pts.insert(pts.end(), {radii, e});
        ++m_segments;
    }
    void close()
    {
        m_arcStart.reset();
        if (ops.empty() || ops.back() == Close)
            return;
        ops.push_back(Close);
        joins = true;
    }
    // Ends the open subpath: one that returns to its start is closed (QPainter strokes it so).
    void endSubpath()
    {
        if (ops.empty() || ops.back() == Close)
            return;
        const QPointF start = pts[m_start], end = pts.back();
        if (m_segments >= 2 && hundredths(start.x()) == hundredths(end.x())
            && hundredths(start.y()) == hundredths(end.y())) {
            if (ops.back() == Line) { // the closing line is implied
                ops.back() = Close;
                pts.pop_back();
            } else {
                ops.push_back(Close);
            }
            joins = true;
        } else {
            openSubpath = true;
            joins = joins || m_segments >= 2;
        }
    }
    // Points the outline passes near without them being in `pts`: where an arc bulges.
    void extend(QPointF p) { m_bulges.push_back(p); }

    // Bounds and convexity, once the shape is complete.
    void finish()
    {
        endSubpath();
        qreal x0 = qInf(), y0 = qInf(), x1 = -qInf(), y1 = -qInf();
        std::vector<QPointF> outline;
        std::size_t i = 0;
        for (Op op : ops) {
            const int n = op == Move || op == Line ? 1 : op == Curve ? 3 : op == Arc || op == ArcCcw ? 2 : 0;
            for (int k = 0; k < n; ++k, ++i) {
                if ((op == Arc || op == ArcCcw) && k == 0)
                    continue; // the radii
                const QPointF &p = pts[i];
                x0 = std::min(x0, p.x());
                y0 = std::min(y0, p.y());
                x1 = std::max(x1, p.x());
                y1 = std::max(y1, p.y());
                if (outline.empty() || outline.back() != p)
                    outline.push_back(p);
            }
        }
        for (const QPointF &p : m_bulges) {
            x0 = std::min(x0, p.x());
            y0 = std::min(y0, p.y());
            x1 = std::max(x1, p.x());
            y1 = std::max(y1, p.y());
        }
        bounds = x0 <= x1 ? QRectF(QPointF(x0, y0), QPointF(x1, y1)) : QRectF();
        if (subpaths != 1 || convex)
            return;
        if (outline.size() > 1 && outline.front() == outline.back())
            outline.pop_back();
        const std::size_t n = outline.size();
        if (n < 3)
            return;
        int sign = 0;
        qreal area = 0;
        for (std::size_t k = 0; k < n; ++k) {
            const QPointF a = outline[k], b = outline[(k + 1) % n], c = outline[(k + 2) % n];
            const qreal cross = (b.x() - a.x()) * (c.y() - b.y()) - (b.y() - a.y()) * (c.x() - b.x());
            if (std::abs(cross) > 1e-9) {
                const int s = cross > 0 ? 1 : -1;
                if (sign && s != sign)
                    return;
                sign = s;
            }
            area += a.x() * b.y() - b.x() * a.y();
        }
        // Turning one way all along can still wind twice (a star): a convex outline goes around once.
        if (sign == 0 || std::abs(std::abs(area) / 2 - polygonHullArea(outline)) > 0.01 * std::abs(area) + 1e-6)
            return;
        orientation = area > 0 ? 1 : -1;
        // An arc bulging against the outline's turn is a dent.
        for (Op op : ops)
            if ((op == Arc && orientation != 1) || (op == ArcCcw && orientation != -1)) {
                orientation = 0;
                return;
            }
        convex = true;
    }

private:
    // Whether a cubic from p0 is (within a hundredth) the quarter of an axis-aligned ellipse
    // that QPainterPath makes of arcs: tangents along the axes, handles 0.5523 of the radii.
    static bool quarterArc(QPointF p0, QPointF c1, QPointF c2, QPointF p3, QPointF *radii, bool *clockwise)
    {
        constexpr qreal k = 0.5522847498, eps = 0.01;
        const QPointF d = p3 - p0;
        if (std::abs(d.x()) < 0.5 || std::abs(d.y()) < 0.5)
            return false;
        const auto near = [](qreal a, qreal b) { return std::abs(a - b) <= eps; };
        QPointF t; // the start tangent
        if (near(c1.y(), p0.y()) && near(c2.x(), p3.x())) { // leaves horizontally, arrives vertically
            if (!near(c1.x() - p0.x(), k * d.x()) || !near(p3.y() - c2.y(), k * d.y()))
                return false;
            t = QPointF(d.x(), 0);
        } else if (near(c1.x(), p0.x()) && near(c2.y(), p3.y())) {
            if (!near(c1.y() - p0.y(), k * d.y()) || !near(p3.x() - c2.x(), k * d.x()))
                return false;
            t = QPointF(0, d.y());
        } else {
            return false;
        }
        *radii = QPointF(std::abs(d.x()), std::abs(d.y()));
        *clockwise = t.x() * d.y() - t.y() * d.x() > 0; // y points down
        return true;
    }

    static qreal polygonHullArea(std::vector<QPointF> p)
    {
        // Andrew's monotone chain; the area of the convex hull.
        std::sort(p.begin(), p.end(),
            [](QPointF a, QPointF b) { return a.x() < b.x() || (a.x() == b.x() && a.y() < b.y()); });
        std::vector<QPointF> h(2 * p.size());
        std::size_t k = 0;
        const auto cross = [](QPointF o, QPointF a, QPointF b) {
            return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
        };
        for (std::size_t i = 0; i < p.size(); ++i) {
            while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0)
                --k;
            h[k++] = p[i];
        }
        for (std::size_t i = p.size() - 1, t = k + 1; i-- > 0;) {
            while (k >= t && cross(h[k - 2], h[k - 1], p[i]) <= 0)
                --k;
            h[k++] = p[i];
        }
        qreal area = 0;
        for (std::size_t i = 0; i + 1 < k; ++i)
            area += h[i].x() * h[i + 1].y() - h[i + 1].x() * h[i].y();
        return std::abs(area) / 2;
    }

    std::size_t m_start = 0;
    int m_segments = 0;
    std::optional<QPointF> m_arcStart; // where the last arc began, while it may grow
    std::vector<QPointF> m_bulges;
};

// Consecutive drawing calls of one style, written as one element.
struct Run {
    enum Kind { None, Path, Text } kind = None;
    QByteArray attrs; // the style, as attributes
    QByteArray body; // path data, or the <text> elements
    int count = 0;
    QRectF bounds;
    bool opaque = true, fill = false, stroke = false, evenOdd = false;
    bool allConvex = true;
    int orientation = 0; // of the convex outlines; 2 = mixed
    bool wrap = false; // a text carries its own transform: the style goes on a <g>
    // Path data writer state (hundredths).
    qint64 cx = 0, cy = 0, sx = 0, sy = 0;
    char last = 0;
    bool sep = false;
};

// What a shape's style allows when it joins a run.
struct ShapeStyle {
    bool fill = false, stroke = false, opaque = true, evenOdd = false;
};

} // namespace

class SvgPaintEngine : public QPaintEngine {
public:
    SvgPaintEngine(QIODevice *out, const QSizeF &size)
        : QPaintEngine(QPaintEngine::AllFeatures)
        , m_out(out)
        , m_size(size)
    {
    }

    QString title, description;

    bool begin(QPaintDevice *) override
    {
        // Each painting is one document.
        m_body.clear();
        m_defs.clear();
        m_runs.clear();
        m_clipIds.clear();
        m_patternIds.clear();
        m_ids.clear();
        m_depth = 0;
        m_firstText.clear();
        m_pen = QPen();
        m_brush = QBrush();
        setTransform(QTransform());
        m_clipEnabled = m_hasClip = false;
        m_clip = QPainterPath();
        m_clipIsRect = false;
        m_clipAttr.clear();
        m_opacity = 1;
        return true;
    }

    bool end() override
    {
        flush();
        while (m_depth > 0)
            endGroup();
        QByteArray head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\""
                          " version=\"1.1\" width=\"";
        head += number(m_size.width()) + "\" height=\"" + number(m_size.height()) + "\" viewBox=\"0 0 "
            + number(m_size.width()) + ' ' + number(m_size.height()) + "\" xml:space=\"preserve\">\n<title>";
        appendEscaped(head, title.isEmpty() ? m_firstText : title);
        head += "</title>\n<desc>";
        appendEscaped(head, description.isEmpty() ? QStringLiteral("Generated by Loopscope") : description);
        head += "</desc>\n"
                "<style>text{white-space:pre}</style>\n";
        if (!m_defs.isEmpty())
            head += "<defs>\n" + m_defs + "</defs>\n";
        const bool ok = m_out->write(head) == head.size() && m_out->write(m_body) == m_body.size()
            && m_out->write("</svg>\n") == 7;
        m_body.clear();
        m_defs.clear();
        return ok;
    }

    Type type() const override { return QPaintEngine::User; }

    void updateState(const QPaintEngineState &state) override
    {
        const DirtyFlags flags = state.state();
        if (flags & DirtyPen)
            m_pen = state.pen();
        if (flags & DirtyBrush)
            m_brush = state.brush();
        if (flags & DirtyTransform)
            setTransform(state.transform());
        if (flags & DirtyOpacity)
            m_opacity = state.opacity();
        // A clip arrives in the coordinates of the moment it was set: keep it in device pixels.
        if (flags & DirtyClipPath)
            setClip(state.clipPath(), state.clipOperation());
        else if (flags & DirtyClipRegion) {
            QPainterPath path;
            path.addRegion(state.clipRegion());
            setClip(path, state.clipOperation());
        }
        // Qt's default state says "clip enabled" with no clip set (a restore() back to the
        // unclipped start sends exactly that): only a clip that was set can be on.
        if (flags & DirtyClipEnabled)
            m_clipEnabled = state.isClipEnabled() && m_hasClip;
    }

    void drawRects(const QRectF *rects, int count) override
    {
        for (int i = 0; i < count; ++i) {
            const QRectF rect = rects[i].normalized();
            if (m_axisAligned && hatchLines(m_brush.style())) {
                drawHatch(m_transform.mapRect(rect));
                if (!hasStroke())
                    continue;
                const QBrush brush = m_brush;
                m_brush = QBrush();
                Geometry g;
                addRect(g, rect);
                drawGeometry(g, true, Qt::WindingFill);
                m_brush = brush;
                continue;
            }
            Geometry g;
            if (m_axisAligned && m_clipEnabled && m_clipIsRect && !hasStroke()) {
                // A filled rectangle is clipped exactly, here: renderers without clip paths agree.
                const QRectF r = m_transform.mapRect(rect) & m_clipBox;
                if (r.isEmpty())
                    continue;
                addDeviceRect(g, r);
            } else {
                addRect(g, rect);
            }
            drawGeometry(g, true, Qt::WindingFill);
        }
    }

    void drawLines(const QLineF *lines, int count) override
    {
        if (!hasStroke())
            return;
        Geometry g;
        for (int i = 0; i < count; ++i) {
            QLineF line(map(lines[i].p1()), map(lines[i].p2()));
            if (m_clipEnabled && m_clipIsRect && !clipLine(&line, m_clipBox))
                continue;
            g.moveTo(line.p1());
            g.lineTo(line.p2());
        }
        drawGeometry(g, false, Qt::WindingFill);
    }

    void drawEllipse(const QRectF &rect) override
    {
        const auto source = [&] {
            QPainterPath path;
            path.addEllipse(rect);
            return path;
        };
        Geometry g;
        if (m_axisAligned) {
            const QRectF r = m_transform.mapRect(rect.normalized());
            const QPointF radii(r.width() / 2, r.height() / 2);
            if (radii.x() <= 0 || radii.y() <= 0)
                return;
            g.moveTo(QPointF(r.left(), r.center().y()));
            g.arcTo(radii, QPointF(r.right(), r.center().y()));
            g.arcTo(radii, QPointF(r.left(), r.center().y()));
            g.close();
            g.extend(r.topLeft());
            g.extend(r.bottomRight());
            g.convex = true;
            g.orientation = 1;
            g.joins = false; // no corner
        } else {
            addPath(g, source());
        }
        drawGeometry(g, true, Qt::WindingFill, source);
    }

    void drawPath(const QPainterPath &path) override
    {
        Geometry g;
        addPath(g, path);
        drawGeometry(g, true, path.fillRule(), [&] { return path; });
    }

    void drawPolygon(const QPointF *points, int count, PolygonDrawMode mode) override
    {
        if (count < 2)
            return;
        Geometry g;
        g.moveTo(map(points[0]));
        for (int i = 1; i < count; ++i)
            g.lineTo(map(points[i]));
        if (mode != PolylineMode)
            g.close();
        const Qt::FillRule rule = mode == OddEvenMode ? Qt::OddEvenFill : Qt::WindingFill;
        drawGeometry(g, mode != PolylineMode, rule, [&] {
            QPainterPath path;
            path.addPolygon(QPolygonF(QList<QPointF>(points, points + count)));
            path.closeSubpath();
            path.setFillRule(rule);
            return path;
        });
    }

    // A point is the pen's cap: a square or a disc of the pen's width, in the pen's colour.
    void drawPoints(const QPointF *points, int count) override
    {
        if (!hasStroke())
            return;
        const QPen pen = m_pen;
        const QBrush brush = m_brush;
        const qreal w = penWidth() / m_scale;
        m_brush = QBrush(pen.color());
        m_pen = QPen(Qt::NoPen);
        for (int i = 0; i < count; ++i) {
            const QRectF r(points[i] - QPointF(w / 2, w / 2), QSizeF(w, w));
            if (pen.capStyle() == Qt::RoundCap)
                drawEllipse(r);
            else
                drawRects(&r, 1);
        }
        m_pen = pen;
        m_brush = brush;
    }

    void drawPixmap(const QRectF &r, const QPixmap &pm, const QRectF &sr) override
    {
        drawImage(r, pm.toImage(), sr, Qt::AutoColor);
    }

    void drawImage(const QRectF &r, const QImage &image, const QRectF &sr, Qt::ImageConversionFlags) override
    {
        const QImage part = sr == QRectF(image.rect()) ? image : image.copy(sr.toAlignedRect());
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        if (!part.save(&buffer, "PNG"))
            return;
        const QRectF target = m_transform.mapRect(r);
        QByteArray clip;
        if (!clipFor(target, &clip))
            return;
        flush();
        m_body += "<image x=\"" + number(target.x()) + "\" y=\"" + number(target.y()) + "\" width=\""
            + number(target.width()) + "\" height=\"" + number(target.height()) + "\" preserveAspectRatio=\"none\""
            + clip;
        appendOpacity(m_body, "opacity", m_opacity);
        m_body += " xlink:href=\"data:image/png;base64," + png.toBase64() + "\"/>\n";
    }

    void drawTextItem(const QPointF &pos, const QTextItem &item) override
    {
        const QString text = item.text();
        if (text.isEmpty() || m_pen.style() == Qt::NoPen)
            return;
        if (m_firstText.isEmpty())
            m_firstText = text.trimmed();
        const QFont font = item.font();
        const qreal px = font.pixelSize() > 0 ? font.pixelSize() : font.pointSizeF() * 96 / 72;
        // Upright text at one scale is folded into the coordinates; anything else keeps a transform.
        const bool fold = m_axisAligned && m_transform.m11() > 0
            && std::abs(m_transform.m11() - m_transform.m22()) < 1e-6 * m_transform.m11();
        const qreal k = fold ? m_transform.m11() : 1;
        const QFontMetricsF fm(font);
        const QRectF local(pos.x(), pos.y() - fm.ascent(), fm.horizontalAdvance(text), fm.ascent() + fm.descent());
        QByteArray clip;
        if (!clipFor(m_transform.mapRect(local), &clip))
            return;

        QByteArray attrs = " font-family=\"" + fontFamily(font) + "\" font-size=\"" + number(px * k) + '"';
        if (font.weight() != QFont::Normal)
            attrs += " font-weight=\"" + QByteArray::number(font.weight()) + '"';
        if (font.style() != QFont::StyleNormal)
            attrs += " font-style=\"italic\"";
        if (font.underline())
            attrs += " text-decoration=\"underline\"";
        const QColor ink = m_pen.color();
        if (ink.rgb() != qRgb(0, 0, 0))
            attrs += " fill=\"" + colorHex(ink) + '"';
        appendOpacity(attrs, "fill-opacity", ink.alphaF() * m_opacity);
        attrs += clip;

        const QRectF bounds = m_transform.mapRect(local).adjusted(-1, -1, 1, 1); // with overhangs
        Run *run = runFor(Run::Text, attrs, bounds, [](const Run &) { return true; });
        if (!run)
            run = &openRun(Run::Text, attrs);
        run->bounds |= bounds;
        QByteArray &out = run->body;
        out += "<text";
        const QPointF at = fold ? map(pos) : pos;
        if (!fold) {
            const QTransform &t = m_transform;
            out += " transform=\"matrix(";
            for (qreal v : {t.m11(), t.m12(), t.m21(), t.m22()}) {
                out += QByteArray::number(v, 'g', 6);
                out += ' ';
            }
            out += number(t.dx()) + ' ' + number(t.dy()) + ")\"";
            run->wrap = true;
        }
        out += " x=\"" + number(at.x()) + "\" y=\"" + number(at.y()) + "\">";
        appendEscaped(out, text);
        out += "</text>\n";
        ++run->count;
    }

    void beginGroup(const QString &id, const QString &title, const QString &kind)
    {
        flush();
        QString unique = xmlName(id);
        if (m_ids.contains(unique)) {
            int n = 2;
            while (m_ids.contains(unique + u'-' + QString::number(n)))
                ++n;
            unique += u'-' + QString::number(n);
        }
        m_ids.insert(unique);
        m_body += "<g id=\"" + escaped(unique) + '"';
        if (!kind.isEmpty())
            m_body += " class=\"" + escaped(xmlName(kind)) + '"';
        m_body += '>';
        if (!title.isEmpty()) {
            m_body += "<title>";
            appendEscaped(m_body, title);
            m_body += "</title>";
        }
        m_body += '\n';
        ++m_depth;
    }

    void endGroup()
    {
        if (m_depth == 0)
            return;
        flush();
        m_body += "</g>\n";
        --m_depth;
    }

private:
    // The family and a generic one after it, so a viewer without the font keeps its kind.
    QByteArray fontFamily(const QFont &font)
    {
        QByteArray &value = m_families[font.family()];
        if (value.isEmpty()) {
            const QString family = font.family();
            const bool plain = std::all_of(
                family.begin(), family.end(), [](QChar c) { return c.isLetter() || c == u' ' || c == u'-'; });
            value = escaped(plain ? family : u'\'' + QString(family).remove(u'\'') + u'\'');
            value += QFontInfo(font).fixedPitch()  ? ", monospace"
                : font.styleHint() == QFont::Serif ? ", serif"
                                                   : ", sans-serif";
        }
        return value;
    }

    void setTransform(const QTransform &t)
    {
        m_transform = t;
        m_identity = t.isIdentity();
        m_axisAligned = t.type() <= QTransform::TxScale;
        m_scale = std::sqrt(std::abs(t.determinant()));
    }

    QPointF map(const QPointF &p) const { return m_identity ? p : m_transform.map(p); }

    static void addDeviceRect(Geometry &g, const QRectF &r)
    {
        g.moveTo(r.topLeft());
        g.lineTo(r.topRight());
        g.lineTo(r.bottomRight());
        g.lineTo(r.bottomLeft());
        g.close();
    }

    // Liang-Barsky: the part of a segment inside a rectangle; false when none is.
    static bool clipLine(QLineF *line, const QRectF &r)
    {
        const QPointF p = line->p1(), d = line->p2() - line->p1();
        qreal t0 = 0, t1 = 1;
        const qreal ps[4] = {-d.x(), d.x(), -d.y(), d.y()};
        const qreal qs[4] = {p.x() - r.left(), r.right() - p.x(), p.y() - r.top(), r.bottom() - p.y()};
        for (int i = 0; i < 4; ++i) {
            if (ps[i] == 0) {
                if (qs[i] < 0)
                    return false;
                continue;
            }
            const qreal t = qs[i] / ps[i];
            if (ps[i] < 0)
                t0 = std::max(t0, t);
            else
                t1 = std::min(t1, t);
        }
        if (t0 > t1)
            return false;
        *line = QLineF(p + d * t0, p + d * t1);
        return true;
    }

    // Qt's hatch brushes that are drawn here as lines (QSvgRenderer has no <pattern>): 1 for
    // lines going up to the right, 2 down, 3 both; 0 for the rest.
    static int hatchLines(Qt::BrushStyle style)
    {
        return style == Qt::BDiagPattern ? 1 : style == Qt::FDiagPattern ? 2 : style == Qt::DiagCrossPattern ? 3 : 0;
    }

    // Hatch lines over a device rectangle, on the pixels Qt's raster engine sets: centres where
    // x + y (or x - y) is a multiple of 8 after the painter's translation.
    void drawHatch(QRectF r)
    {
        if (m_clipEnabled && m_clipIsRect)
            r &= m_clipBox;
        if (r.isEmpty())
            return;
        const int lines = hatchLines(m_brush.style());
        Geometry g;
        const auto first = [](qreal from, qreal offset) { return std::ceil((from - offset) / 8) * 8 + offset; };
        if (lines & 1) {
            const qreal offset = std::fmod(m_transform.dx() + m_transform.dy(), 8);
            for (qreal c = first(r.left() + r.top(), offset); c <= r.right() + r.bottom(); c += 8) {
                const qreal x0 = std::max(r.left(), c - r.bottom()), x1 = std::min(r.right(), c - r.top());
                if (x1 > x0) {
                    g.moveTo(QPointF(x0, c - x0));
                    g.lineTo(QPointF(x1, c - x1));
                }
            }
        }
        if (lines & 2) {
            const qreal offset = std::fmod(m_transform.dx() - m_transform.dy(), 8);
            for (qreal c = first(r.left() - r.bottom(), offset); c <= r.right() - r.top(); c += 8) {
                const qreal x0 = std::max(r.left(), c + r.top()), x1 = std::min(r.right(), c + r.bottom());
                if (x1 > x0) {
                    g.moveTo(QPointF(x0, x0 - c));
                    g.lineTo(QPointF(x1, x1 - c));
                }
            }
        }
        const QPen pen = m_pen;
        const QBrush brush = m_brush;
        m_pen = QPen(brush.color(), 0, Qt::SolidLine, Qt::FlatCap);
        m_brush = QBrush();
        const bool clip = m_clipEnabled;
        m_clipEnabled = false; // the lines lie inside
        drawGeometry(g, false, Qt::WindingFill);
        m_clipEnabled = clip;
        m_pen = pen;
        m_brush = brush;
    }

    void addRect(Geometry &g, const QRectF &rect) const
    {
        if (m_axisAligned) {
            const QRectF r = m_transform.mapRect(rect);
            g.moveTo(r.topLeft());
            g.lineTo(r.topRight());
            g.lineTo(r.bottomRight());
            g.lineTo(r.bottomLeft());
        } else {
            g.moveTo(map(rect.topLeft()));
            g.lineTo(map(rect.topRight()));
            g.lineTo(map(rect.bottomRight()));
            g.lineTo(map(rect.bottomLeft()));
        }
        g.close();
    }

    void addPath(Geometry &g, const QPainterPath &path) const
    {
        for (int i = 0; i < path.elementCount(); ++i) {
            const QPainterPath::Element &e = path.elementAt(i);
            switch (e.type) {
            case QPainterPath::MoveToElement: g.moveTo(map(e)); break;
            case QPainterPath::LineToElement: g.lineTo(map(e)); break;
            case QPainterPath::CurveToElement:
                g.curveTo(map(e), map(path.elementAt(i + 1)), map(path.elementAt(i + 2)));
                i += 2;
                break;
            case QPainterPath::CurveToDataElement: break;
            }
        }
    }

    void setClip(const QPainterPath &path, Qt::ClipOperation op)
    {
        m_clipAttr.clear();
        if (op == Qt::NoClip) {
            m_clipEnabled = m_hasClip = false;
            m_clip = QPainterPath();
            m_clipIsRect = false;
            return;
        }
        const QPainterPath device = m_identity ? path : m_transform.map(path);
        const bool rect = isRect(device);
        if (op == Qt::IntersectClip && m_clipEnabled && !m_clip.isEmpty()) {
            m_clipIsRect = m_clipIsRect && rect;
            m_clip = m_clipIsRect ? rectPath(m_clipBox & device.boundingRect()) : m_clip.intersected(device);
        } else {
            m_clipIsRect = rect;
            m_clip = device;
        }
        m_clipBox = m_clip.boundingRect();
        m_clipEnabled = m_hasClip = true;
    }

    static bool isRect(const QPainterPath &path)
    {
        const QRectF box = path.boundingRect();
        for (int i = 0; i < path.elementCount(); ++i) {
            const QPainterPath::Element &e = path.elementAt(i);
            if (e.type == QPainterPath::CurveToElement || (i > 0 && e.type == QPainterPath::MoveToElement)
                || (e.x != box.left() && e.x != box.right()) || (e.y != box.top() && e.y != box.bottom()))
                return false;
        }
        return path.elementCount() >= 4 && path.elementCount() <= 5;
    }

    static QPainterPath rectPath(const QRectF &r)
    {
        QPainterPath path;
        path.addRect(r.isValid() ? r : QRectF());
        return path;
    }

    // The clip-path attribute a drawing with these device bounds needs: none when it lies inside
    // the clip; false when it lies outside (nothing to draw).
    bool clipFor(const QRectF &bounds, QByteArray *attr)
    {
        if (!m_clipEnabled)
            return true;
        const QRectF &box = m_clipBox;
        if (bounds.right() < box.left() || bounds.left() > box.right() || bounds.bottom() < box.top()
            || bounds.top() > box.bottom())
            return false;
        if (m_clipIsRect && box.adjusted(-0.01, -0.01, 0.01, 0.01).contains(bounds))
            return true;
        if (m_clipAttr.isEmpty()) {
            QByteArray shape;
            if (m_clipIsRect) {
                shape = "<rect x=\"" + number(box.x()) + "\" y=\"" + number(box.y()) + "\" width=\""
                    + number(box.width()) + "\" height=\"" + number(box.height()) + "\"/>";
            } else {
                Geometry g;
                addPathRaw(g, m_clip);
                Run run;
                writeGeometry(run, g);
                shape = "<path d=\"" + run.body + '"'
                    + (m_clip.fillRule() == Qt::OddEvenFill ? " clip-rule=\"evenodd\"" : "") + "/>";
            }
            QByteArray &id = m_clipIds[shape];
            if (id.isEmpty()) {
                id = "c" + QByteArray::number(m_clipIds.size());
                m_defs += "<clipPath id=\"" + id + "\">" + shape + "</clipPath>\n";
            }
            m_clipAttr = " clip-path=\"url(#" + id + ")\"";
        }
        *attr = m_clipAttr;
        return true;
    }

    static void addPathRaw(Geometry &g, const QPainterPath &path)
    {
        for (int i = 0; i < path.elementCount(); ++i) {
            const QPainterPath::Element &e = path.elementAt(i);
            if (e.type == QPainterPath::MoveToElement)
                g.moveTo(e);
            else if (e.type == QPainterPath::LineToElement)
                g.lineTo(e);
            else if (e.type == QPainterPath::CurveToElement) {
                g.curveTo(e, path.elementAt(i + 1), path.elementAt(i + 2));
                i += 2;
            }
        }
        g.finish();
    }

    bool hasStroke() const { return m_pen.style() != Qt::NoPen && m_pen.brush().style() != Qt::NoBrush; }

    // The stroke's width in device pixels.
    qreal penWidth() const
    {
        if (m_pen.isCosmetic() || m_pen.widthF() == 0)
            return m_pen.widthF() == 0 ? 1 : m_pen.widthF();
        return m_pen.widthF() * m_scale;
    }

    QByteArray patternFill(const QBrush &brush)
    {
        // Qt's hatches: 8 px tiles in device pixels.
        static const char *lines[] = {
            nullptr, // unused styles map to a plain fill
            "M0 4.5h8", // Hor
            "M4.5 0v8", // Ver
            "M0 4.5h8M4.5 0v8", // Cross
            "M0 8L8 0M-1 1L1-1M7 9L9 7", // BDiag
            "M0 0L8 8M-1 7L1 9M7-1L9 1", // FDiag
            "M0 8L8 0M-1 1L1-1M7 9L9 7M0 0L8 8M-1 7L1 9M7-1L9 1", // DiagCross
        };
        int index = 0;
        switch (brush.style()) {
        case Qt::HorPattern: index = 1; break;
        case Qt::VerPattern: index = 2; break;
        case Qt::CrossPattern: index = 3; break;
        case Qt::BDiagPattern: index = 4; break;
        case Qt::FDiagPattern: index = 5; break;
        case Qt::DiagCrossPattern: index = 6; break;
        default: break;
        }
        if (!index)
            return QByteArray();
        QByteArray shape = QByteArray("<path d=\"") + lines[index] + "\" stroke=\"" + colorHex(brush.color()) + '"';
        appendOpacity(shape, "stroke-opacity", brush.color().alphaF());
        shape += "/>";
        QByteArray &id = m_patternIds[shape];
        if (id.isEmpty()) {
            id = "p" + QByteArray::number(m_patternIds.size());
            m_defs += "<pattern id=\"" + id + "\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\">" + shape
                + "</pattern>\n";
        }
        return id;
    }

    // The fill and stroke attributes of a shape drawn now.
    QByteArray styleAttributes(const Geometry &g, bool fillable, Qt::FillRule rule, ShapeStyle *s)
    {
        QByteArray a;
        s->fill = fillable && m_brush.style() != Qt::NoBrush;
        s->stroke = hasStroke();
        if (!s->fill) {
            a += " fill=\"none\"";
        } else {
            QColor color = m_brush.color();
            const QByteArray pattern = patternFill(m_brush);
            if (!pattern.isEmpty()) {
                a += " fill=\"url(#" + pattern + ")\"";
                s->opaque = false; // a pattern has holes: overlapping hatches are not one hatch
                color = Qt::black;
            } else if (const QGradient *gradient = m_brush.gradient(); gradient && !gradient->stops().isEmpty()) {
                color = gradient->stops().constFirst().second; // gradients are not used: a flat fill
            }
            if (pattern.isEmpty() && color.rgb() != qRgb(0, 0, 0))
                a += " fill=\"" + colorHex(color) + '"';
            appendOpacity(a, "fill-opacity", color.alphaF() * m_opacity);
            s->opaque = s->opaque && color.alpha() == 255 && m_opacity >= 0.995;
            s->evenOdd = rule == Qt::OddEvenFill && !g.convex;
            if (s->evenOdd)
                a += " fill-rule=\"evenodd\"";
        }
        if (s->stroke) {
            const QColor color = m_pen.color();
            a += " stroke=\"" + colorHex(color) + '"';
            const qreal w = penWidth();
            if (hundredths(w) != 100)
                a += " stroke-width=\"" + number(w) + '"';
            appendOpacity(a, "stroke-opacity", color.alphaF() * m_opacity);
            s->opaque = s->opaque && color.alpha() == 255 && m_opacity >= 0.995;
            if (g.openSubpath) {
                if (m_pen.capStyle() == Qt::SquareCap)
                    a += " stroke-linecap=\"square\"";
                else if (m_pen.capStyle() == Qt::RoundCap)
                    a += " stroke-linecap=\"round\"";
            }
            if (g.joins) {
                if (m_pen.joinStyle() == Qt::BevelJoin)
                    a += " stroke-linejoin=\"bevel\"";
                else if (m_pen.joinStyle() == Qt::RoundJoin)
                    a += " stroke-linejoin=\"round\"";
                else if (m_pen.miterLimit() != 4)
                    a += " stroke-miterlimit=\"" + number(m_pen.miterLimit()) + '"';
            }
            if (m_pen.style() != Qt::SolidLine) {
                const qreal unit = std::max<qreal>(1, w);
                a += " stroke-dasharray=\"";
                const QList<qreal> dashes = m_pen.dashPattern();
                for (qsizetype i = 0; i < dashes.size(); ++i) {
                    if (i)
                        a += ' ';
                    a += number(dashes[i] * unit);
                }
                a += '"';
                if (m_pen.dashOffset() != 0)
                    a += " stroke-dashoffset=\"" + number(m_pen.dashOffset() * unit) + '"';
            }
        }
        return a;
    }

    // `source` gives the shape in logical coordinates, for clipping a filled shape exactly.
    void drawGeometry(Geometry &g, bool fillable, Qt::FillRule rule, const std::function<QPainterPath()> &source = {})
    {
        g.finish();
        if (g.ops.empty())
            return;
        const bool fill = fillable && m_brush.style() != Qt::NoBrush;
        if (source && fill && !hasStroke() && m_clipEnabled && m_clipIsRect && !m_clipBox.contains(g.bounds)) {
            QPainterPath device = m_identity ? source() : m_transform.map(source());
            device.setFillRule(rule);
            const QPainterPath clipped = device.intersected(rectPath(m_clipBox));
            g = Geometry();
            addPathRaw(g, clipped);
            if (g.ops.empty())
                return;
            rule = clipped.fillRule();
        }
        ShapeStyle s;
        QByteArray attrs = styleAttributes(g, fillable, rule, &s);
        if (!s.fill && !s.stroke)
            return;
        QRectF bounds = g.bounds;
        if (s.stroke) {
            const qreal w = penWidth();
            const qreal reach
                = w / 2 * (m_pen.joinStyle() == Qt::MiterJoin ? std::max<qreal>(2, m_pen.miterLimit()) : 1.5);
            bounds.adjust(-reach, -reach, reach, reach);
        }
        QByteArray clip;
        if (!clipFor(bounds, &clip))
            return;
        attrs += clip;
        Run *run = runFor(Run::Path, attrs, bounds, [&](const Run &r) { return joins(r, bounds, g, s); });
        if (!run) {
            run = &openRun(Run::Path, attrs);
            run->opaque = s.opaque;
            run->fill = s.fill;
            run->stroke = s.stroke;
            run->evenOdd = s.evenOdd;
            run->bounds = bounds;
            run->allConvex = g.convex;
            run->orientation = g.orientation;
        } else {
            run->bounds |= bounds;
            run->allConvex = run->allConvex && g.convex;
            if (run->orientation != g.orientation)
                run->orientation = 2;
        }
        writeGeometry(*run, g);
        ++run->count;
    }

    // Whether a shape can join a path of its style without changing what is drawn: shapes that
    // do not overlap always can; overlapping opaque strokes are their union; overlapping opaque
    // fills are, when all are convex and turn the same way (nonzero winding never cancels).
    static bool joins(const Run &run, const QRectF &bounds, const Geometry &g, const ShapeStyle &s)
    {
        if (!run.bounds.intersects(bounds))
            return true;
        if (!s.opaque || (s.fill && s.stroke))
            return false;
        if (!s.fill)
            return true;
        return !s.evenOdd && run.allConvex && g.convex && run.orientation == g.orientation;
    }

    // The open run of this style a drawing can join: the newest that `accepts` it, provided the
    // drawing overlaps none of the runs above that one (it moves under them). Null: none can.
    Run *runFor(
        Run::Kind kind, const QByteArray &attrs, const QRectF &bounds, const std::function<bool(const Run &)> &accepts)
    {
        for (auto it = m_runs.rbegin(); it != m_runs.rend(); ++it) {
            if (it->kind == kind && it->attrs == attrs && accepts(*it))
                return &*it;
            if (it->bounds.intersects(bounds))
                return nullptr;
        }
        return nullptr;
    }

    // A new run on top. A few stay open so that a lane's alternating styles each make one path.
    Run &openRun(Run::Kind kind, const QByteArray &attrs)
    {
        constexpr std::size_t kOpenRuns = 16;
        if (m_runs.size() >= kOpenRuns) {
            writeRun(m_runs.front());
            m_runs.erase(m_runs.begin());
        }
        m_runs.emplace_back();
        m_runs.back().kind = kind;
        m_runs.back().attrs = attrs;
        return m_runs.back();
    }

    static void command(Run &r, char c)
    {
        if (r.last != c) {
            r.body += c;
            r.sep = false;
        }
        r.last = c == 'm' ? 'l' : c == 'M' ? 'L' : c;
    }

    static void coordinate(Run &r, qint64 v)
    {
        if (r.sep && v >= 0)
            r.body += ' ';
        appendHundredths(r.body, v);
        r.sep = true;
    }

    static void flag(Run &r, char f)
    {
        if (r.sep)
            r.body += ' ';
        r.body += f;
        r.sep = true;
    }

    // A point as the delta from the current point, which it becomes.
    static void advance(Run &r, qint64 x, qint64 y)
    {
        coordinate(r, x - r.cx);
        coordinate(r, y - r.cy);
        r.cx = x;
        r.cy = y;
    }

    static void writeGeometry(Run &r, const Geometry &g)
    {
        std::size_t i = 0;
        qint64 x = 0, y = 0;
        auto point = [&] {
            x = hundredths(g.pts[i].x());
            y = hundredths(g.pts[i].y());
            ++i;
        };
        for (Geometry::Op op : g.ops) {
            switch (op) {
            case Geometry::Move:
                point();
                if (r.body.isEmpty()) {
                    command(r, 'M');
                    coordinate(r, x);
                    coordinate(r, y);
                    r.cx = x;
                    r.cy = y;
                } else {
                    r.last = 0; // a move is always spelled out
                    command(r, 'm');
                    advance(r, x, y);
                }
                r.sx = x;
                r.sy = y;
                break;
            case Geometry::Line:
                point();
                if (x == r.cx && y == r.cy)
                    break;
                if (y == r.cy) {
                    command(r, 'h');
                    coordinate(r, x - r.cx);
                    r.cx = x;
                } else if (x == r.cx) {
                    command(r, 'v');
                    coordinate(r, y - r.cy);
                    r.cy = y;
                } else {
                    command(r, 'l');
                    advance(r, x, y);
                }
                break;
            case Geometry::Curve: {
                command(r, 'c');
                const qint64 cx = r.cx, cy = r.cy; // all three points are relative to the start
                for (int k = 0; k < 3; ++k) {
                    point();
                    coordinate(r, x - cx);
                    coordinate(r, y - cy);
                }
                r.cx = x;
                r.cy = y;
                break;
            }
            case Geometry::Arc:
            case Geometry::ArcCcw:
                command(r, 'a');
                point(); // the radii
                coordinate(r, x);
                coordinate(r, y);
                for (char f : {'0', '0', op == Geometry::Arc ? '1' : '0'})
                    flag(r, f);
                point();
                advance(r, x, y);
                break;
            case Geometry::Close:
                command(r, 'z');
                r.last = 0; // whatever follows is spelled out
                r.cx = r.sx;
                r.cy = r.sy;
                break;
            }
        }
    }

    void writeRun(Run &run)
    {
        switch (run.kind) {
        case Run::None: break;
        case Run::Path: m_body += "<path" + run.attrs + " d=\"" + run.body + "\"/>\n"; break;
        case Run::Text:
            if (run.count == 1 && !run.wrap)
                m_body += run.body.insert(5, run.attrs);
            else
                m_body += "<g" + run.attrs + ">\n" + run.body + "</g>\n";
            break;
        }
    }

    // Writes the open runs, bottom first.
    void flush()
    {
        for (Run &run : m_runs)
            writeRun(run);
        m_runs.clear();
    }

    QIODevice *m_out;
    QSizeF m_size;
    QByteArray m_body, m_defs;
    std::vector<Run> m_runs; // open, bottom first
    QHash<QByteArray, QByteArray> m_clipIds, m_patternIds;
    QSet<QString> m_ids;
    QHash<QString, QByteArray> m_families;
    int m_depth = 0;
    QString m_firstText;

    QPen m_pen;
    QBrush m_brush;
    QTransform m_transform;
    bool m_identity = true, m_axisAligned = true;
    qreal m_scale = 1;
    bool m_clipEnabled = false;
    bool m_hasClip = false; // a clip was set (and not cleared by Qt::NoClip)
    QPainterPath m_clip; // device pixels
    QRectF m_clipBox;
    bool m_clipIsRect = false;
    QByteArray m_clipAttr; // the clip-path attribute of the clip, once written
    qreal m_opacity = 1;
};

SvgDevice::SvgDevice(QIODevice *out, const QSizeF &size)
    : m_size(size)
    , m_engine(std::make_unique<SvgPaintEngine>(out, size))
{
}

SvgDevice::~SvgDevice() = default;

void SvgDevice::setTitle(const QString &title)
{
    m_engine->title = title;
}

void SvgDevice::setDescription(const QString &description)
{
    m_engine->description = description;
}

QPaintEngine *SvgDevice::paintEngine() const
{
    return m_engine.get();
}

void SvgDevice::beginGroup(const QString &id, const QString &title, const QString &kind)
{
    m_engine->beginGroup(id, title, kind);
}

void SvgDevice::endGroup()
{
    m_engine->endGroup();
}

int SvgDevice::metric(PaintDeviceMetric metric) const
{
    // One SVG user unit is one CSS pixel: 96 per inch.
    switch (metric) {
    case PdmWidth: return int(std::ceil(m_size.width()));
    case PdmHeight: return int(std::ceil(m_size.height()));
    case PdmWidthMM: return int(std::lround(m_size.width() * 25.4 / 96));
    case PdmHeightMM: return int(std::lround(m_size.height() * 25.4 / 96));
    case PdmNumColors: return std::numeric_limits<int>::max();
    case PdmDepth: return 32;
    case PdmDpiX:
    case PdmDpiY:
    case PdmPhysicalDpiX:
    case PdmPhysicalDpiY: return 96;
    case PdmDevicePixelRatio: return 1;
    case PdmDevicePixelRatioScaled: return int(QPaintDevice::devicePixelRatioFScale());
    default: return QPaintDevice::metric(metric);
    }
}

} // namespace loopscope
