#include "playground.h"
#include "timeline/timelineview.h"

#include "pythonhighlighter.h"

#include <QGuiApplication>
#include <QQmlContext>
#include <QQuickWindow>
#include <QStandardPaths>

namespace loopscope {

void Playground::registerTypes()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    qmlRegisterType<PythonHighlighter>("Loopscope", 1, 0, "PythonHighlighter");
    qmlRegisterUncreatableType<RowModel>("Loopscope", 1, 0, "RowModel", QStringLiteral("provided by the session"));
    qmlRegisterType<ScenarioModel>("Loopscope", 1, 0, "ScenarioModel");
    qmlRegisterType<ExportPreview>("Loopscope", 1, 0, "ExportPreview");
    qmlRegisterUncreatableType<ExportController>(
        "Loopscope", 1, 0, "ExportController", QStringLiteral("provided by the playground"));
    registerTimelineTypes();
}

QString Playground::autosaveDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/autosave");
}

Playground::Playground(const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_settings(options.persistent)
    , m_exporter(&m_session, &m_settings)
{
    registerTypes();
    if (!options.persistent)
        m_settings.setDark(options.dark);
    m_session.setSpeed(m_settings.speed());
    m_session.setPython(m_settings.python());
    connect(&m_session, &Session::scriptChanged, this, [this] { m_settings.setPython(m_session.python()); });
    connect(&m_session, &Session::speedChanged, this, [this] { m_settings.setSpeed(m_session.speed()); });
    if (options.persistent) {
        m_session.setAutosaveDirectory(autosaveDirectory());
        connect(qApp, &QCoreApplication::aboutToQuit, &m_session, &Session::saveEditsNow);
    }
    connect(&m_session, &Session::fileOpened, &m_settings, &AppSettings::addRecentFile);
    connect(&m_qml, &QQmlEngine::warnings, this, [this](const QList<QQmlError> &warnings) {
        for (const auto &w : warnings)
            m_warnings << w.toString();
    });

    // The app opens on the gather scenario (with its autosaved edits, if any), ready to step.
    bool loaded = false;
    if (!options.file.isEmpty())
        loaded = m_session.openPath(options.file);
    if (!loaded && !options.scenario.isEmpty())
        loaded = m_session.loadScenario(options.scenario);
    if (!loaded)
        m_session.loadScenario(ScenarioLibrary::defaultName());
}

Playground::~Playground()
{
    if (auto *w = window())
        m_settings.saveWindow(w);
    m_session.saveEditsNow();
}

bool Playground::createWindow()
{
    QQmlContext *ctx = m_qml.rootContext();
    ctx->setContextProperty(QStringLiteral("session"), &m_session);
    ctx->setContextProperty(QStringLiteral("settings"), &m_settings);
    ctx->setContextProperty(QStringLiteral("library"), &m_library);
    ctx->setContextProperty(QStringLiteral("exporter"), &m_exporter);
    m_qml.load(QUrl(QStringLiteral("qrc:/qml/Main.qml")));
    auto *w = window();
    if (!w)
        return false;
    m_settings.restoreWindow(w);
    // The timeline paints the session's trace: handed over on every load, extended after every
    // change (Back and Reset clear the trace and regrow it; the view notices).
    if (auto *timeline = w->findChild<TimelineView *>(QStringLiteral("timelineView"))) {
        timeline->setTrace(&m_session.trace(), m_session.engine().source());
        connect(&m_session, &Session::loaded, timeline,
            [this, timeline] { timeline->setTrace(&m_session.trace(), m_session.engine().source()); });
        connect(&m_session, &Session::stateChanged, timeline, &TimelineView::traceGrew);
    }
    return true;
}

QQuickWindow *Playground::window() const
{
    const auto roots = m_qml.rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.first());
}

} // namespace loopscope
