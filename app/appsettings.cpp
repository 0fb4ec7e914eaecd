#include "appsettings.h"

#include <QFileInfo>
#include <QSettings>
#include <QWindow>

namespace loopscope {

AppSettings::AppSettings(bool persistent, QObject *parent)
    : QObject(parent)
    , m_persistent(persistent)
    , m_recent({QStringLiteral("path"), QStringLiteral("name"), QStringLiteral("folder")})
{
    if (!m_persistent)
        return;
    QSettings s;
    m_dark = s.value(QStringLiteral("view/dark"), false).toBool();
    m_reduceMotion = s.value(QStringLiteral("view/reduceMotion"), false).toBool();
    m_timeAxis = s.value(QStringLiteral("view/timeAxis"), false).toBool();
    m_fontSize = std::clamp(s.value(QStringLiteral("view/fontSize"), 13).toInt(), 9, 28);
    m_speed = s.value(QStringLiteral("run/speed"), 4).toInt();
    m_python = s.value(QStringLiteral("run/python"), m_python).toString();
    m_splitState = s.value(QStringLiteral("window/splitState")).toByteArray();
    setRecent(s.value(QStringLiteral("session/recentFiles")).toStringList());
    s.beginGroup(QStringLiteral("export"));
    m_exportFolder = s.value(QStringLiteral("folder")).toString();
    s.beginGroup(QStringLiteral("options"));
    for (const QString &name : s.childKeys())
        m_export.insert(name, s.value(name).toString());
}

void AppSettings::write(const QString &key, const QVariant &value)
{
    if (m_persistent)
        QSettings().setValue(key, value);
    Q_EMIT changed();
}

void AppSettings::setFlag(bool &flag, bool on, const QString &key)
{
    if (on != flag) {
        flag = on;
        write(key, on);
    }
}

void AppSettings::setDark(bool dark)
{
    setFlag(m_dark, dark, QStringLiteral("view/dark"));
}

void AppSettings::setFontSize(int size)
{
    size = std::clamp(size, 9, 28);
    if (size != m_fontSize) {
        m_fontSize = size;
        write(QStringLiteral("view/fontSize"), size);
    }
}

void AppSettings::setSpeed(int speed)
{
    if (speed != m_speed) {
        m_speed = speed;
        write(QStringLiteral("run/speed"), speed);
    }
}

void AppSettings::setPython(const QString &version)
{
    if (version != m_python) {
        m_python = version;
        write(QStringLiteral("run/python"), version);
    }
}

void AppSettings::setSplitState(const QVariant &state)
{
    const QByteArray bytes = state.toByteArray();
    if (bytes != m_splitState) {
        m_splitState = bytes;
        write(QStringLiteral("window/splitState"), bytes);
    }
}

void AppSettings::setRecent(const QStringList &paths)
{
    m_recentPaths = paths.mid(0, kMaxRecent);
    QList<QVariantMap> rows;
    for (const QString &p : m_recentPaths) {
        const QFileInfo fi(p);
        rows.append({{QStringLiteral("path"), p}, {QStringLiteral("name"), fi.fileName()},
            {QStringLiteral("folder"), fi.absolutePath()}});
    }
    m_recent.setRows(rows);
}

void AppSettings::addRecentFile(const QString &path)
{
    QStringList paths = m_recentPaths;
    paths.removeAll(path);
    paths.prepend(path);
    setRecent(paths);
    write(QStringLiteral("session/recentFiles"), m_recentPaths);
}

void AppSettings::clearRecentFiles()
{
    setRecent({});
    write(QStringLiteral("session/recentFiles"), QStringList());
}

void AppSettings::setExportOptions(const QMap<QString, QString> &values)
{
    if (values == m_export)
        return;
    m_export = values;
    if (m_persistent) {
        QSettings s;
        s.remove(QStringLiteral("export/options"));
        for (auto it = values.begin(); it != values.end(); ++it)
            s.setValue(QStringLiteral("export/options/") + it.key(), it.value());
    }
    Q_EMIT changed();
}

void AppSettings::setExportFolder(const QString &folder)
{
    if (folder != m_exportFolder) {
        m_exportFolder = folder;
        write(QStringLiteral("export/folder"), folder);
    }
}

void AppSettings::restoreWindow(QWindow *window) const
{
    if (!m_persistent || !window)
        return;
    QSettings s;
    const QRect r = s.value(QStringLiteral("window/geometry")).toRect();
    if (r.isValid() && r.width() > 400 && r.height() > 300)
        window->setGeometry(r);
    if (s.value(QStringLiteral("window/maximized"), false).toBool())
        window->showMaximized();
}

void AppSettings::saveWindow(const QWindow *window)
{
    if (!m_persistent || !window)
        return;
    QSettings s;
    const bool maximized = window->windowStates() & Qt::WindowMaximized;
    s.setValue(QStringLiteral("window/maximized"), maximized);
    if (!maximized)
        s.setValue(QStringLiteral("window/geometry"), window->geometry());
}

} // namespace loopscope
