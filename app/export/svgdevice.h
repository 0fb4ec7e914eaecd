// Loopscope's own SVG writer: a paint device whose engine writes compact, restylable SVG 1.1.
// Text stays <text>, transforms are folded into the coordinates, consecutive shapes of one style
// become one <path> where that draws the same, clip rects are shared <clipPath>s, and the
// painter's groups (PaintGroups: one per lane, the arrows, the axis...) become <g id class>.
#pragma once

#include "paintgroups.h"

#include <QPaintDevice>
#include <QSizeF>
#include <QString>

#include <memory>

class QIODevice;

namespace loopscope {

class SvgPaintEngine;

class SvgDevice : public QPaintDevice, public PaintGroups {
public:
    // The document is written to `out` when the painter ends (QPainter::end returns false when
    // that write fails).
    SvgDevice(QIODevice *out, const QSizeF &size);
    ~SvgDevice() override;

    // The document's <title>; empty (the default) takes the first text drawn, a figure's title.
    void setTitle(const QString &title);
    void setDescription(const QString &description);
    QSizeF size() const { return m_size; }

    QPaintEngine *paintEngine() const override;

    // PaintGroups. Ids are made XML-valid and unique ("Task-2" stays "Task-2", "my task" becomes
    // "my_task", a second "Task-2" becomes "Task-2-2"); groups nest.
    void beginGroup(const QString &id, const QString &title, const QString &kind) override;
    void endGroup() override;

protected:
    int metric(PaintDeviceMetric metric) const override;

private:
    QSizeF m_size;
    std::unique_ptr<SvgPaintEngine> m_engine;
};

} // namespace loopscope
