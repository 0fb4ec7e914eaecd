// Qt Quick Test of the window's QML components (tests/qml/tst_*.qml), offscreen. Any QML
// warning fails the run.
#include "playground.h"

#include <QQmlEngine>
#include <QtQuickTest>

#include <cstdio>

namespace {

bool g_warned = false;
QtMessageHandler g_previous = nullptr;

void failOnWarnings(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    // The platform's note about a missing XDG_RUNTIME_DIR is the environment's, not ours.
    const bool environment = message.startsWith(QLatin1String("QStandardPaths: XDG_RUNTIME_DIR"));
    if ((type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg) && !environment)
        g_warned = true;
    g_previous(type, context, message);
}

class Setup : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void applicationAvailable() { loopscope::Playground::registerTypes(); }
};

} // namespace

int main(int argc, char **argv)
{
    g_previous = qInstallMessageHandler(failOnWarnings);
    Setup setup;
    const int status = quick_test_main_with_setup(argc, argv, "tst_qml", QUICK_TEST_SOURCE_DIR, &setup);
    if (g_warned) {
        std::fprintf(stderr, "FAIL: warnings were printed (see above)\n");
        return status ? status : 1;
    }
    return status;
}

#include "tst_qml.moc"
