#include "scenariolibrary.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace loopscope {

ScenarioInfo ScenarioLibrary::parseHeader(const QString &name, const QString &source)
{
    ScenarioInfo info;
    info.name = name;
    info.source = source;
    static const QRegularExpression docstring(
        QStringLiteral("^\\s*\"\"\"(.*?)\"\"\""), QRegularExpression::DotMatchesEverythingOption);
    const auto match = docstring.match(source);
    const QString header = match.hasMatch() ? match.captured(1) : QString();
    for (const QString &line : header.split(QLatin1Char('\n'))) {
        const QString l = line.trimmed();
        if (l.startsWith(QLatin1String("Title:")))
            info.title = l.mid(6).trimmed();
        else if (l.startsWith(QLatin1String("Summary:")))
            info.summary = l.mid(8).trimmed();
        else if (l.startsWith(QLatin1String("Group:")))
            info.group = l.mid(6).trimmed();
        else if (l.startsWith(QLatin1String("Notice:")))
            info.notice = l.mid(7).trimmed();
    }
    if (info.title.isEmpty())
        info.title = name;
    if (info.group.isEmpty())
        info.group = QStringLiteral("Other");
    return info;
}

QStringList ScenarioLibrary::groupOrder()
{
    return {QStringLiteral("Basics"), QStringLiteral("Synchronization"), QStringLiteral("Cancellation & timeouts"),
        QStringLiteral("Pitfalls"), QStringLiteral("Other")};
}

QList<ScenarioInfo> ScenarioLibrary::all()
{
    QList<ScenarioInfo> out;
    const QDir dir(QStringLiteral(":/scenarios"));
    for (const QString &file : dir.entryList({QStringLiteral("*.py")}, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        out.append(parseHeader(file.chopped(3), QString::fromUtf8(f.readAll())));
    }
    return out;
}

bool ScenarioLibrary::find(const QString &name, ScenarioInfo *out)
{
    QFile f(QStringLiteral(":/scenarios/%1.py").arg(name));
    if (name.isEmpty() || name.contains(QLatin1Char('/')) || !f.open(QIODevice::ReadOnly))
        return false;
    *out = parseHeader(name, QString::fromUtf8(f.readAll()));
    return true;
}

} // namespace loopscope
