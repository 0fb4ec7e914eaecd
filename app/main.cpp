// Loopscope: the playground window, or a headless command (see cli.h).
#include "cli.h"
#include "playground.h"
#include "scenariolibrary.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QTimer>
#include <QUrl>

#include <cstdio>

namespace {

// `loopscope export` prints one line on success; Qt's note that it made itself a runtime folder
// (XDG_RUNTIME_DIR unset, as under cron, CI and make) is not worth a second one.
QtMessageHandler g_qtHandler = nullptr;

void quietRuntimeDirNote(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR not set")))
        return;
    g_qtHandler(type, context, message);
}

int runGui(int argc, char **argv, const QStringList &args)
{
    loopscope::Playground::Options options;
    QString screenshot;
    QSize size;
    int step = -1;
    bool timeAxis = false;
    for (int i = 1; i < args.size(); ++i) {
        const bool hasValue = i + 1 < args.size();
        if (args[i] == QLatin1String("--scenario") && hasValue) {
            options.scenario = args[++i];
        } else if (args[i] == QLatin1String("--file") && hasValue) {
            options.file = args[++i];
        } else if (args[i] == QLatin1String("--screenshot") && hasValue) {
            screenshot = args[++i];
        } else if (args[i] == QLatin1String("--step") && hasValue) {
            bool ok = false;
            step = args[++i].toInt(&ok);
            if (!ok || step < 0) {
                std::fprintf(stderr, "loopscope: --step wants a step number, e.g. 5\n");
                return 2;
            }
        } else if (args[i] == QLatin1String("--theme") && hasValue) {
            const QString theme = args[++i];
            if (theme != QLatin1String("dark") && theme != QLatin1String("light")) {
                std::fprintf(stderr, "loopscope: --theme wants light or dark\n");
                return 2;
            }
            options.dark = theme == QLatin1String("dark");
        } else if (args[i] == QLatin1String("--axis") && hasValue) {
            const QString axis = args[++i];
            if (axis != QLatin1String("steps") && axis != QLatin1String("time")) {
                std::fprintf(stderr, "loopscope: --axis wants steps or time\n");
                return 2;
            }
            timeAxis = axis == QLatin1String("time");
        } else if (args[i] == QLatin1String("--size") && hasValue) {
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
    loopscope::ScenarioInfo scenario;
    if (!options.scenario.isEmpty() && !loopscope::ScenarioLibrary::find(options.scenario, &scenario)) {
        std::fprintf(stderr, "loopscope: no built-in scenario named '%s' (see 'loopscope list')\n",
            qPrintable(options.scenario));
        return 2;
    }
    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Loopscope"));
    QGuiApplication::setOrganizationName(QStringLiteral("Loopscope"));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

    // A screenshot shows exactly what was asked for: no saved settings, no autosaved edits.
    options.persistent = screenshot.isEmpty();
    if (!options.persistent && options.scenario.isEmpty() && options.file.isEmpty())
        options.scenario = loopscope::ScenarioLibrary::defaultName();
    loopscope::Playground playground(options);
    if (timeAxis)
        playground.settings().setTimeAxis(true);
    if (step >= 0) {
        playground.session().goToStep(step);
        playground.session().finishPending();
    }
    if (!playground.createWindow())
        return 1;
    QQuickWindow *window = playground.window();
    if (size.isValid())
        window->resize(size);
    if (!screenshot.isEmpty()) {
        // Render the real window, save it, and quit: for the README and for tests.
        QTimer::singleShot(400, window, [window, screenshot] {
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
    if (args.first() == QLatin1String("export")) {
        // Fonts and painting need a QGuiApplication; headless unless a platform was asked for.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        g_qtHandler = qInstallMessageHandler(quietRuntimeDirNote);
        QGuiApplication app(argc, argv);
        return loopscope::runCli(args);
    }
    QCoreApplication app(argc, argv); // resources and QFile need an application object
    return loopscope::runCli(args);
}
