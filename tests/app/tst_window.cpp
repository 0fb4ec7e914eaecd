// The window starts, loads its QML and shows the default scenario (rendered offscreen).
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestWindow : public QObject {
    Q_OBJECT

    static int runGui(const QStringList &args, QString *err = nullptr)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(LOOPSCOPE_BINARY), QStringList {QStringLiteral("gui")} + args);
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        if (err)
            *err = QString::fromUtf8(p.readAllStandardError());
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private Q_SLOTS:
    void screenshotOfTheDefaultScenario()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("shot.png"));
        QCOMPARE(
            runGui({QStringLiteral("--screenshot"), file, QStringLiteral("--size"), QStringLiteral("900x600")}), 0);
        QImage image(file);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), QSize(900, 600));
        // Something was drawn: the window is not one flat colour.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 3);
    }

    void unknownScenarioIsRefused()
    {
        QString err;
        QCOMPARE(runGui({QStringLiteral("--scenario"), QStringLiteral("nope")}, &err), 2);
        QVERIFY(err.contains(QStringLiteral("nope")));
    }
};

QTEST_GUILESS_MAIN(TestWindow)
#include "tst_window.moc"
