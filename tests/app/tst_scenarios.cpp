// The six design scenarios: each is listed with its header, and runs to its expected end.
#include "engine.h"
#include "scenariolibrary.h"

#include <QTest>

using namespace loopscope;

class TestScenarios : public QObject {
    Q_OBJECT

    static std::unique_ptr<Engine> run(const QString &name, Profile profile = Profile::Py312)
    {
        ScenarioInfo info;
        if (!ScenarioLibrary::find(name, &info))
            return nullptr;
        auto engine = std::make_unique<Engine>();
        engine->setProfile(profile);
        if (!engine->load(info.source.toStdString(), (name + QStringLiteral(".py")).toStdString()))
            return engine;
        engine->runToEnd(1000000);
        return engine;
    }

private Q_SLOTS:
    void everyScenarioHasAHeader()
    {
        const auto all = ScenarioLibrary::all();
        QStringList names;
        for (const auto &s : all) {
            names << s.name;
            QVERIFY2(!s.title.isEmpty() && s.title != s.name, qPrintable(s.name));
            QVERIFY2(!s.summary.isEmpty(), qPrintable(s.name));
            QVERIFY2(!s.notice.isEmpty(), qPrintable(s.name));
        }
        for (const char *n : {"cancel", "deadlock", "gather", "queue", "semaphore", "timeout"})
            QVERIFY2(names.contains(QLatin1String(n)), n);
        QVERIFY(names.contains(ScenarioLibrary::defaultName()));
    }

    void unknownScenarioIsNotFound()
    {
        ScenarioInfo info;
        QVERIFY(!ScenarioLibrary::find(QStringLiteral("nope"), &info));
        QVERIFY(!ScenarioLibrary::find(QStringLiteral("../CMakeLists"), &info));
    }

    void runsToItsExpectedEnd_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("profile");
        QTest::addColumn<QString>("lastLine");
        QTest::addColumn<double>("endTime");
        for (int p : {int(Profile::Py312), int(Profile::Py311)}) {
            const char *tag = p == int(Profile::Py312) ? "@3.12" : "@3.11";
            QTest::newRow(qPrintable(QStringLiteral("gather") + QLatin1String(tag)))
                << "gather" << p << "all done after 1.5 s (one after another would take 3.0 s)" << 1.5;
            QTest::newRow(qPrintable(QStringLiteral("queue") + QLatin1String(tag)))
                << "queue" << p << "main: consumer stopped, cancelled = True" << 2.5;
            QTest::newRow(qPrintable(QStringLiteral("semaphore") + QLatin1String(tag)))
                << "semaphore" << p << "all workers finished at 1.75 s" << 1.75;
            QTest::newRow(qPrintable(QStringLiteral("timeout") + QLatin1String(tag)))
                << "timeout" << p << "main: done either way" << 1.0;
            QTest::newRow(qPrintable(QStringLiteral("cancel") + QLatin1String(tag)))
                << "cancel" << p << "main: now cancelled() = True" << -1.0;
        }
    }

    void runsToItsExpectedEnd()
    {
        QFETCH(QString, name);
        QFETCH(int, profile);
        QFETCH(QString, lastLine);
        QFETCH(double, endTime);
        auto engine = run(name, Profile(profile));
        QVERIFY(engine);
        QCOMPARE(int(engine->outcome()), int(Outcome::Finished));
        QCOMPARE(engine->exitStatus(), 0);
        const QStringList lines = QString::fromStdString(engine->output()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 4);
        QCOMPARE(lines.last(), lastLine);
        if (endTime >= 0)
            QCOMPARE(engine->loop().time(), endTime);
        QCOMPARE(engine->errors(), std::string());
    }

    void deadlockScenarioEndsInADeadlockReportNamingBothLocks()
    {
        for (Profile p : {Profile::Py312, Profile::Py311}) {
            auto engine = run(QStringLiteral("deadlock"), p);
            QVERIFY(engine);
            QCOMPARE(int(engine->outcome()), int(Outcome::Deadlock));
            QCOMPARE(engine->exitStatus(), 0);
            const DeadlockReport &report = engine->deadlockReport();
            QCOMPARE(engine->loop().time(), 0.1);
            // alice waits for lock_b held by bob; bob waits for lock_a held by alice.
            std::map<std::string, const DeadlockReport::Blocked *> byCoroutine;
            for (const auto &b : report.blocked)
                byCoroutine[b.coroutine] = &b;
            QVERIFY(byCoroutine.count("alice") && byCoroutine.count("bob") && byCoroutine.count("main"));
            QCOMPARE(byCoroutine["alice"]->primitive, std::string("lock_b"));
            QCOMPARE(byCoroutine["bob"]->primitive, std::string("lock_a"));
            QCOMPARE(byCoroutine["alice"]->heldBy, byCoroutine["bob"]->task);
            QCOMPARE(byCoroutine["bob"]->heldBy, byCoroutine["alice"]->task);
            QCOMPARE(byCoroutine["main"]->waitsFor, std::string("gather(2 tasks)"));
            QCOMPARE(report.cycle.size(), std::size_t(3));
            QCOMPARE(report.cycle.front(), report.cycle.back());
            QVERIFY(report.text.find("lock_a") != std::string::npos);
            QVERIFY(report.text.find("lock_b") != std::string::npos);
            QVERIFY(report.text.find("wait-for cycle") != std::string::npos);
            QVERIFY(engine->output().find("got both locks") == std::string::npos);
        }
    }
};

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
