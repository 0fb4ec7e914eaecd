// Loopscope: the playground window, or a headless command (see cli.h).
#include "cli.h"
#include "engine.h"
#include "scenariolibrary.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <QUrl>

#include <cstdio>

namespace {

int runGui(int argc, char **argv, const QStringList &args)
{
    QString scenarioName = loopscope::ScenarioLibrary::defaultName();
    QString screenshot;
    QSize size;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--scenario") && i + 1 < args.size()) {
            scenarioName = args[++i];
        } else if (args[i] == QLatin1String("--screenshot") && i + 1 < args.size()) {
            screenshot = args[++i];
        } else if (args[i] == QLatin1String("--size") && i + 1 < args.size()) {
            const QStringList wh = args[++i].split(QLatin1Char('x'));
            size = wh.size() == 2 ? QSize(wh[0].toInt(), wh[1].toInt()) : QSize();
            if (size.width() <= 0 || size.height() <= 0) {
                std::fprintf(stderr, "loopscope: --size wants WIDTHxHEIGHT, e.g. 1280x800\n");
                return 2;
            }
        } else {
            std::fprintf(stderr, "loopscope: unknown gui option '%s' (try 'loopscope help')\n", qPrintable(args[i]));
            return 2;
        }
    }
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Loopscope"));
    QGuiApplication::setOrganizationName(QStringLiteral("Loopscope"));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

    loopscope::ScenarioInfo scenario;
    if (!loopscope::ScenarioLibrary::find(scenarioName, &scenario)) {
        std::fprintf(
            stderr, "loopscope: no built-in scenario named '%s' (see 'loopscope list')\n", qPrintable(scenarioName));
        return 2;
    }
    // Until the stepping UI lands, the window shows the script and the trace of a full run.
    loopscope::Engine run;
    QString traceText;
    if (run.load(scenario.source.toStdString(), (scenario.name + QStringLiteral(".py")).toStdString())) {
        run.runToEnd(1000000);
        traceText = QString::fromStdString(run.trace().conformanceText());
    } else {
        traceText = QString::fromStdString(run.loadError().formatted);
    }
    QQmlApplicationEngine engine;
    engine.rootContext()->setContextProperty(QStringLiteral("scenarioSource"), scenario.source);
    engine.rootContext()->setContextProperty(QStringLiteral("scenarioTrace"), traceText);
    engine.rootContext()->setContextProperty(QStringLiteral("scenarioName"), scenario.name);
    engine.rootContext()->setContextProperty(QStringLiteral("scenarioTitle"), scenario.title);
    engine.rootContext()->setContextProperty(QStringLiteral("scenarioSummary"), scenario.summary);
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/qml/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    auto *window = qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (window && size.isValid())
        window->resize(size);
    if (window && !screenshot.isEmpty()) {
        // Render the real window, save it, and quit: for the README and for tests.
        QTimer::singleShot(300, window, [window, screenshot] {
            const QImage image = window->grabWindow();
            if (image.isNull() || !image.save(screenshot)) {
                std::fprintf(stderr, "loopscope: could not write screenshot '%s'\n", qPrintable(screenshot));
                QCoreApplication::exit(2);
                return;
            }
            std::printf("wrote %s (%dx%d)\n", qPrintable(screenshot), image.width(), image.height());
            QCoreApplication::exit(0);
        });
    }
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (loopscope::wantsGui(args))
        return runGui(argc, argv, args);
    QCoreApplication app(argc, argv); // resources and QFile need an application object
    return loopscope::runCli(args);
}
