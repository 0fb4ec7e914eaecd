// The built-in scenarios, compiled into the executable as resources (:/scenarios/*.py).
#pragma once

#include <QList>
#include <QString>

namespace loopscope {

struct ScenarioInfo {
    QString name; // file name without .py: "gather"
    QString title; // from the docstring header
    QString summary;
    QString notice;
    QString group; // "Basics", "Synchronization", ... (the header's Group: line)
    QString source; // the script
};

class ScenarioLibrary {
public:
    // Every built-in scenario, sorted by name.
    static QList<ScenarioInfo> all();
    // A scenario by name; false when there is none.
    static bool find(const QString &name, ScenarioInfo *out);
    static QString defaultName() { return QStringLiteral("gather"); }
    // The library's groups in the order the sidebar shows them; unknown groups come after.
    static QStringList groupOrder();
    // Reads the "Title:/Group:/Summary:/Notice:" header of a scenario's docstring.
    static ScenarioInfo parseHeader(const QString &name, const QString &source);
};

} // namespace loopscope
