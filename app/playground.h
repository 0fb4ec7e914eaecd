// The window put together: the session, the settings, the scenario library and the QML engine
// that shows them. main() and the end-to-end test both build the window through this.
#pragma once

#include "appsettings.h"
#include "exportcontroller.h"
#include "scenariomodel.h"
#include "session.h"

#include <QQmlApplicationEngine>

class QQuickWindow;

namespace loopscope {

class Playground : public QObject {
    Q_OBJECT

public:
    struct Options {
        QString scenario; // a built-in scenario; empty: the default (gather)
        QString file; // a script file instead of a scenario
        bool persistent = true; // read and write QSettings and autosave edits
        bool dark = false; // the theme when not persistent
    };
    explicit Playground(const Options &options, QObject *parent = nullptr);
    ~Playground() override;

    // Loads the window's QML; false (and the reasons on stderr) when it fails.
    bool createWindow();
    QQuickWindow *window() const;
    Session &session() { return m_session; }
    AppSettings &settings() { return m_settings; }
    ScenarioModel &library() { return m_library; }
    ExportController &exporter() { return m_exporter; }
    QQmlApplicationEngine &qml() { return m_qml; }
    // QML warnings seen so far (the tests fail on any).
    const QStringList &warnings() const { return m_warnings; }

    static void registerTypes();
    static QString autosaveDirectory();

private:
    Options m_options;
    AppSettings m_settings;
    Session m_session;
    ScenarioModel m_library;
    ExportController m_exporter;
    QQmlApplicationEngine m_qml;
    QStringList m_warnings;
};

} // namespace loopscope
