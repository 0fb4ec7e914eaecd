// The window's settings, kept in QSettings: theme, font size, speed, recent files, the window's
// geometry and its panels' sizes. A non-persistent instance (tests, screenshots) reads and
// writes nothing.
#pragma once

#include "rowmodel.h"

#include <QMap>
#include <QObject>
#include <QRect>

class QWindow;

namespace loopscope {

class AppSettings : public QObject {
    Q_OBJECT
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY changed)
    Q_PROPERTY(int fontSize READ fontSize WRITE setFontSize NOTIFY changed)
    Q_PROPERTY(int speed READ speed WRITE setSpeed NOTIFY changed)
    Q_PROPERTY(QString python READ python WRITE setPython NOTIFY changed)
    // The timeline skips its step animations; its x axis is proportional virtual time, not steps.
    Q_PROPERTY(bool reduceMotion READ reduceMotion WRITE setReduceMotion NOTIFY changed)
    Q_PROPERTY(bool timeAxis READ timeAxis WRITE setTimeAxis NOTIFY changed)
    // The panels' sizes (SplitView.saveState()); undefined until first saved.
    Q_PROPERTY(QVariant splitState READ splitState WRITE setSplitState NOTIFY changed)
    Q_PROPERTY(loopscope::RowModel *recentFiles READ recentFiles CONSTANT)

public:
    static constexpr int kMaxRecent = 8;
    explicit AppSettings(bool persistent, QObject *parent = nullptr);

    bool dark() const { return m_dark; }
    void setDark(bool dark);
    int fontSize() const { return m_fontSize; }
    void setFontSize(int size);
    int speed() const { return m_speed; }
    void setSpeed(int speed);
    QString python() const { return m_python; } // "3.12" or "3.11"
    void setPython(const QString &version);
    bool reduceMotion() const { return m_reduceMotion; }
    void setReduceMotion(bool on) { setFlag(m_reduceMotion, on, QStringLiteral("view/reduceMotion")); }
    bool timeAxis() const { return m_timeAxis; }
    void setTimeAxis(bool on) { setFlag(m_timeAxis, on, QStringLiteral("view/timeAxis")); }
    QVariant splitState() const { return m_splitState.isEmpty() ? QVariant() : QVariant(m_splitState); }
    void setSplitState(const QVariant &state);
    RowModel *recentFiles() { return &m_recent; }

    // The Export dialog's last options (group "export/": option name -> value as the command line
    // spells it) and the folder it last wrote to.
    QMap<QString, QString> exportOptions() const { return m_export; }
    void setExportOptions(const QMap<QString, QString> &values);
    QString exportFolder() const { return m_exportFolder; }
    void setExportFolder(const QString &folder);

    Q_INVOKABLE void addRecentFile(const QString &path);
    Q_INVOKABLE void clearRecentFiles();
    void restoreWindow(QWindow *window) const;
    void saveWindow(const QWindow *window);

Q_SIGNALS:
    void changed();

private:
    void setRecent(const QStringList &paths);
    void write(const QString &key, const QVariant &value);
    void setFlag(bool &flag, bool on, const QString &key);

    bool m_persistent;
    bool m_dark = false;
    bool m_reduceMotion = false;
    bool m_timeAxis = false;
    int m_fontSize = 13;
    int m_speed = 4;
    QString m_python = QStringLiteral("3.12");
    QByteArray m_splitState;
    QStringList m_recentPaths;
    QMap<QString, QString> m_export;
    QString m_exportFolder;
    RowModel m_recent;
};

} // namespace loopscope
