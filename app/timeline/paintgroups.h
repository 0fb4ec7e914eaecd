// Structure for vector exports: the painter announces the groups it draws (one per lane, the
// arrows, the axis...) so an SVG writer can wrap them in <g id=... ><title>...</title>. Devices
// that have no groups (the screen, PNG, PDF) pass none.
#pragma once

#include <QString>

namespace loopscope {

class PaintGroups {
public:
    virtual ~PaintGroups() = default;
    // Opens a group: `id` is unique in the document ("Task-2"), `title` says what it is
    // ("Task-2 · fetch('a', 1)"), `kind` is a class for styling ("lane", "arrows", "axis").
    virtual void beginGroup(const QString &id, const QString &title, const QString &kind) = 0;
    virtual void endGroup() = 0;
};

} // namespace loopscope
