// The data exports: the JSON writer they share with the simulated aiohttp, the Perfetto trace
// event JSON (tracks, slices, flows, counters, filters) and the event log as JSON
// (docs/trace-json.md), for the six design scenarios and a large synthetic trace.
#include "engine.h"
#include "formats.h"
#include "jsonwriter.h"
#include "scenariorun.h"
#include "synthetictrace.h"
#include "timelinelayout.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <ctime>
#include <map>
#include <set>

using namespace loopscope;
using namespace std::string_literals;

namespace {

const char *const kScenarios[] = {"cancel", "deadlock", "gather", "queue", "semaphore", "timeout"};

std::string jsonOf(const std::function<void(JsonWriter &)> &write, JsonWriter::Style style = JsonWriter::Style::Compact)
{
    std::string out;
    JsonWriter w(&out, style);
    write(w);
    return out;
}

using Writer = bool (*)(const FigureInput &, const ExportOptions &, QIODevice *, QString *, const ExportProgress &);

// Exports into memory and parses it; an empty object (and `error`) when the writer refused.
QJsonObject exportJson(Writer writer, const FigureInput &input, const ExportOptions &options = {},
    QString *error = nullptr, const ExportProgress &progress = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QString message;
    if (!writer(input, options, &buffer, &message, progress)) {
        if (error)
            *error = message;
        return {};
    }
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(buffer.data(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        qWarning("does not parse: %s at %d", qPrintable(parseError.errorString()), parseError.offset);
    return doc.object();
}

QJsonObject perfetto(const FigureInput &input, const ExportOptions &options = {}, QString *error = nullptr)
{
    return exportJson(writePerfetto, input, options, error);
}

// The trace events by phase.
std::vector<QJsonObject> eventsOf(const QJsonObject &doc, const QString &phase = {})
{
    std::vector<QJsonObject> out;
    for (const QJsonValue &v : doc.value(QStringLiteral("traceEvents")).toArray())
        if (phase.isEmpty() || v.toObject().value(QStringLiteral("ph")).toString() == phase)
            out.push_back(v.toObject());
    return out;
}

// Timestamps in integer nanoseconds (the export writes microseconds with three decimals).
qint64 ns(const QJsonObject &e, const char *field = "ts")
{
    return qRound64(e.value(QLatin1String(field)).toDouble() * 1000);
}

// The thread names by tid.
std::map<int, QString> threadNames(const QJsonObject &doc)
{
    std::map<int, QString> names;
    for (const QJsonObject &m : eventsOf(doc, QStringLiteral("M")))
        if (m.value(QStringLiteral("name")).toString() == QLatin1String("thread_name"))
            names[m.value(QStringLiteral("tid")).toInt()]
                = m.value(QStringLiteral("args")).toObject().value(QStringLiteral("name")).toString();
    return names;
}

// The Wake events whose task resumed afterwards (before another wake): each needs an arrow.
std::set<qint64> wakesThatResumed(const Trace &trace)
{
    std::map<std::uint32_t, std::uint32_t> pending; // task -> its latest Wake event
    std::set<qint64> out;
    for (std::uint32_t i = 0; i < trace.size(); ++i) {
        const TraceEvent &e = trace[i];
        if (e.kind == EventKind::Wake) {
            pending[e.other] = i;
        } else if (e.kind == EventKind::StepBegin && e.subject && pending.count(e.subject)) {
            out.insert(pending[e.subject]);
            pending.erase(e.subject);
        }
    }
    return out;
}

} // namespace

namespace QTest {
template<> inline char *toString(const std::string &s)
{
    return qstrdup(s.c_str());
}
} // namespace QTest

class TestDataExport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // ---- the JSON writer ------------------------------------------------------------------------

    void writerNestsAndSeparates()
    {
        const auto doc = [](JsonWriter &w) {
            w.beginObject();
            w.field("a", 1);
            w.key("b");
            w.beginArray();
            w.value(true);
            w.null();
            w.beginObject();
            w.endObject();
            w.beginArray();
            w.endArray();
            w.endArray();
            w.field("c", "x");
            w.endObject();
        };
        QCOMPARE(jsonOf(doc), std::string(R"({"a":1,"b":[true,null,{},[]],"c":"x"})"));
        QCOMPARE(
            jsonOf(doc, JsonWriter::Style::Python), std::string(R"({"a": 1, "b": [true, null, {}, []], "c": "x"})"));
        // One record a line: the break comes after the comma, and before the closing bracket.
        const auto lines = [](JsonWriter &w) {
            w.beginArray();
            for (int i = 1; i <= 2; ++i) {
                w.lineBreak();
                w.beginObject();
                w.field("n", i);
                w.endObject();
            }
            w.lineBreak();
            w.endArray();
            w.lineBreak();
        };
        QCOMPARE(jsonOf(lines), std::string("[\n{\"n\":1},\n{\"n\":2}\n]\n"));
    }

    void writerEscapesStringsPerRfc8259()
    {
        std::string out;
        JsonWriter::appendString(out, "q\"b\\n\n r\r t\t b\b f\f nul\0 us\x1f del\x7f"s);
        QCOMPARE(out,
            std::string(R"("q\"b\\n\n r\r t\t b\b f\f nul\u0000 us\u001f del)"
                        "\x7f\""));
        out.clear();
        JsonWriter::appendString(out, "h\xc3\xa9llo \xe2\x98\x83 \xf0\x9f\x98\x80"); // héllo ☃ 😀 kept as UTF-8
        QCOMPARE(out, std::string("\"h\xc3\xa9llo \xe2\x98\x83 \xf0\x9f\x98\x80\""));
        out.clear();
        JsonWriter::appendString(out, "h\xc3\xa9llo \xe2\x98\x83 \xf0\x9f\x98\x80", true); // json.dumps's ensure_ascii
        QCOMPARE(out, std::string(R"("h\u00e9llo \u2603 \ud83d\ude00")"));
    }

    void writerReplacesInvalidUtf8()
    {
        // A stray continuation byte, a truncated sequence, an overlong form, a byte never valid,
        // and a lone surrogate as the interpreter stores '\ud800'.
        std::string out;
        JsonWriter::appendString(out,
            "a\x80"
            "b\xe2\x98"
            "c\xc0\xaf"
            "d\xff"
            "e\xed\xa0\x80");
        const std::string fffd = "\xef\xbf\xbd";
        QCOMPARE(out, "\"a" + fffd + "b" + fffd + fffd + "c" + fffd + fffd + "d" + fffd + "e" + fffd + "\"");
        QVERIFY(!QJsonDocument::fromJson(QByteArray::fromStdString("[" + out + "]")).isNull());
        out.clear();
        JsonWriter::appendString(out, "\xed\xa0\x80", true);
        QCOMPARE(out, std::string(R"("\ud800")")); // as json.dumps('\ud800') writes it
    }

    void writerNumbersIgnoreTheLocale()
    {
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::German));
        std::setlocale(LC_ALL, "de_DE.UTF-8");
        const auto numbers = [](JsonWriter &w) {
            w.beginArray();
            w.value(0.1);
            w.value(1.5e300);
            w.value(-0.0);
            w.value(3.0);
            w.value(std::numeric_limits<std::int64_t>::min());
            w.value(std::numeric_limits<std::int64_t>::max());
            w.value(std::numeric_limits<std::uint64_t>::max());
            w.value(std::nan(""));
            w.value(-std::numeric_limits<double>::infinity());
            w.endArray();
        };
        const std::string compact = jsonOf(numbers), python = jsonOf(numbers, JsonWriter::Style::Python);
        std::setlocale(LC_ALL, "C");
        QLocale::setDefault(before);
        QCOMPARE(compact,
            std::string("[0.1,1.5e+300,-0,3,-9223372036854775808,9223372036854775807,18446744073709551615,null,null]"));
        QCOMPARE(python,
            std::string("[0.1, 1.5e+300, -0, 3, -9223372036854775808, 9223372036854775807, 18446744073709551615, NaN, "
                        "-Infinity]"));
    }

    // The simulated aiohttp's response text is json.dumps of what simulate(json=) got: the
    // expected lines are CPython 3.12's, with the harness's simulated aiohttp.
    void aiohttpResponseTextIsJsonDumps()
    {
        Engine e;
        QVERIFY(e.load(
            "import aiohttp, asyncio\n"
            "aiohttp.simulate('https://api.test/a', json={'id': 7, 'tags': ['a', 'b'], 'ok': True, 'none': None, "
            "'pi': 3.25, 'big': 1e16})\n"
            "aiohttp.simulate('https://api.test/b', json=[1, -2, 0.5, (3, 4), {'nested': {'k': []}}, {}])\n"
            "aiohttp.simulate('https://api.test/c', json={'line': 'a\\nb\\t\"q\" \\\\ \\x01', 'accents': "
            "'h\u00e9llo \u2603 \U0001F600', 1: 'one', None: 'n', 2.5: 'f', False: 'b'})\n"
            "aiohttp.simulate('https://api.test/d', json={'inf': float('inf'), 'ninf': float('-inf')})\n"
            "async def main():\n"
            "    async with aiohttp.ClientSession() as s:\n"
            "        for u in 'abcd':\n"
            "            async with s.get('https://api.test/' + u) as r:\n"
            "                print(await r.text())\n"
            "asyncio.run(main())\n",
            "t.py"));
        e.runToEnd();
        QCOMPARE(e.errors(), std::string());
        QCOMPARE(e.output(),
            std::string(R"({"id": 7, "tags": ["a", "b"], "ok": true, "none": null, "pi": 3.25, "big": 1e+16})"
                        "\n"
                        R"([1, -2, 0.5, [3, 4], {"nested": {"k": []}}, {}])"
                        "\n"
                        "{\"line\": \"a\\nb\\t\\\"q\\\" \\\\ \\u0001\", \"accents\": \"h\\u00e9llo \\u2603 "
                        "\\ud83d\\ude00\", \"1\": \"one\", "
                        R"("null": "n", "2.5": "f", "false": "b"})"
                        "\n"
                        R"({"inf": Infinity, "ninf": -Infinity})"
                        "\n"));
    }

    // ---- Perfetto ----------------------------------------------------------------------------------

    void perfettoHasOneNamedTrackPerTaskInCreationOrder_data() { scenarios(); }
    void perfettoHasOneNamedTrackPerTaskInCreationOrder()
    {
        QFETCH(QString, name);
        const ScenarioRun run = runScenario(name);
        const QJsonObject doc = perfetto(run.input);
        QVERIFY(!doc.isEmpty());
        QCOMPARE(doc.value(QStringLiteral("displayTimeUnit")).toString(), QStringLiteral("ns"));
        const auto names = threadNames(doc);
        // Every task has one track named after it, and the tracks (tids, sort indices) follow
        // the order the tasks were created in, after the clock and callbacks tracks.
        QStringList expected {QStringLiteral("clock · timers"), QStringLiteral("callbacks")};
        for (const TraceEvent &e : run.input.trace->events())
            if (e.kind == EventKind::TaskCreated)
                expected << QString::fromStdString(run.input.trace->taskName(e.subject));
        QCOMPARE(int(names.size()), expected.size());
        int i = 0;
        for (const auto &[tid, track] : names) {
            QCOMPARE(tid, i + 1);
            QVERIFY2(track == expected[i] || track.startsWith(expected[i] + QStringLiteral(" · ")), qPrintable(track));
            ++i;
        }
        std::map<int, int> sortIndex;
        for (const QJsonObject &m : eventsOf(doc, QStringLiteral("M")))
            if (m.value(QStringLiteral("name")).toString() == QLatin1String("thread_sort_index"))
                sortIndex[m.value(QStringLiteral("tid")).toInt()]
                    = m.value(QStringLiteral("args")).toObject().value(QStringLiteral("sort_index")).toInt();
        QCOMPARE(sortIndex.size(), names.size());
        for (const auto &[tid, index] : sortIndex)
            QCOMPARE(index, tid - 1);
        const auto process = eventsOf(doc, QStringLiteral("M")).front();
        QCOMPARE(process.value(QStringLiteral("name")).toString(), QStringLiteral("process_name"));
    }

    void perfettoSlicesNeverOverlapOnATrack_data() { scenarios(); }
    void perfettoSlicesNeverOverlapOnATrack()
    {
        QFETCH(QString, name);
        const ScenarioRun run = runScenario(name);
        const QJsonObject doc = perfetto(run.input);
        std::map<int, std::vector<std::pair<qint64, qint64>>> slices; // tid -> [ts, end)
        std::map<int, qint64> lastTs;
        int steps = 0;
        for (const QJsonObject &e : eventsOf(doc)) {
            const QString ph = e.value(QStringLiteral("ph")).toString();
            QVERIFY2(ph != QLatin1String("B") && ph != QLatin1String("E"), "complete slices only");
            if (ph == QLatin1String("M"))
                continue;
            const int tid = e.value(QStringLiteral("tid")).toInt();
            // Timestamps never go back on a track, in file order.
            QVERIFY(ns(e) >= lastTs[tid]);
            lastTs[tid] = ns(e);
            if (ph != QLatin1String("X"))
                continue;
            QVERIFY2(ns(e, "dur") > 0, "no slice is hidden");
            if (e.value(QStringLiteral("cat")).toString() == QLatin1String("wake"))
                continue; // an arrow's end, nested in a step (perfettoHasAFlowPairPerWakeup)
            slices[tid].emplace_back(ns(e), ns(e) + ns(e, "dur"));
            if (e.value(QStringLiteral("cat")).toString() == QLatin1String("step"))
                ++steps;
        }
        QCOMPARE(steps, run.engine->stepCount());
        for (auto &[tid, list] : slices) {
            std::sort(list.begin(), list.end());
            for (std::size_t i = 1; i < list.size(); ++i)
                QVERIFY2(list[i].first >= list[i - 1].second,
                    qPrintable(QStringLiteral("tid %1: [%2, %3) overlaps [%4, %5)")
                                   .arg(tid)
                                   .arg(list[i].first)
                                   .arg(list[i].second)
                                   .arg(list[i - 1].first)
                                   .arg(list[i - 1].second)));
        }
        // Steps follow each other in the loop's order, each at or after its virtual time.
        std::vector<std::pair<int, qint64>> stepStarts;
        for (const QJsonObject &e : eventsOf(doc, QStringLiteral("X")))
            if (e.value(QStringLiteral("cat")).toString() == QLatin1String("step"))
                stepStarts.emplace_back(
                    e.value(QStringLiteral("args")).toObject().value(QStringLiteral("step")).toInt(), ns(e));
        std::sort(stepStarts.begin(), stepStarts.end());
        for (std::size_t i = 0; i < stepStarts.size(); ++i) {
            QCOMPARE(stepStarts[i].first, int(i) + 1);
            QVERIFY(stepStarts[i].second >= run.engine->trace()[0].time);
            if (i)
                QVERIFY(stepStarts[i].second > stepStarts[i - 1].second);
        }
    }

    // A step's slice starts at its virtual time, late by at most 1 µs for each step that ran
    // before it at the same instant: the lag never carries over a jump of the clock.
    void perfettoTimeIsVirtualTime_data() { scenarios(); }
    void perfettoTimeIsVirtualTime()
    {
        QFETCH(QString, name);
        const ScenarioRun run = runScenario(name);
        const TimelineLayout layout(run.input.trace);
        const auto &steps = layout.steps();
        for (const QJsonObject &e : eventsOf(perfetto(run.input), QStringLiteral("X"))) {
            if (e.value(QStringLiteral("cat")).toString() != QLatin1String("step"))
                continue;
            const int i = e.value(QStringLiteral("args")).toObject().value(QStringLiteral("step")).toInt() - 1;
            const qint64 time = steps[std::size_t(i)].time0;
            qint64 sameInstant = 0;
            for (int j = 0; j < i; ++j)
                sameInstant += steps[std::size_t(j)].time1 == time;
            QVERIFY2(ns(e) >= time && ns(e) <= time + 1000 * sameInstant,
                qPrintable(QStringLiteral("step %1 at %2 ns, virtual %3 ns").arg(i + 1).arg(ns(e)).arg(time)));
        }
    }

    void perfettoHasAFlowPairPerWakeup_data() { scenarios(); }
    void perfettoHasAFlowPairPerWakeup()
    {
        QFETCH(QString, name);
        const ScenarioRun run = runScenario(name);
        const QJsonObject doc = perfetto(run.input);
        std::map<qint64, int> starts, finishes;
        std::map<int, std::vector<std::pair<qint64, qint64>>> steps;
        for (const QJsonObject &e : eventsOf(doc, QStringLiteral("X")))
            if (e.value(QStringLiteral("cat")).toString() == QLatin1String("step"))
                steps[e.value(QStringLiteral("tid")).toInt()].emplace_back(ns(e), ns(e) + ns(e, "dur"));
        // Each end of an arrow is a slice of its own, nested in a step of its track.
        const auto nested = [&](const QJsonObject &e) {
            for (const auto &[t0, t1] : steps[e.value(QStringLiteral("tid")).toInt()])
                if (t0 <= ns(e) && ns(e) + ns(e, "dur") <= t1)
                    return true;
            return false;
        };
        for (const QJsonObject &e : eventsOf(doc, QStringLiteral("X"))) {
            if (e.value(QStringLiteral("cat")).toString() != QLatin1String("wake"))
                continue;
            QVERIFY(nested(e));
            const qint64 id = e.value(QStringLiteral("bind_id")).toInteger(-1);
            QVERIFY(id >= 0);
            const bool out = e.value(QStringLiteral("flow_out")).toBool(), in = e.value(QStringLiteral("flow_in")).toBool();
            QVERIFY2(out != in, "one end of one arrow");
            ++(out ? starts : finishes)[id];
        }
        QVERIFY(eventsOf(doc, QStringLiteral("s")).empty() && eventsOf(doc, QStringLiteral("f")).empty());
        const std::set<qint64> wakes = wakesThatResumed(*run.input.trace);
        QVERIFY(!wakes.empty());
        QCOMPARE(starts.size(), wakes.size());
        QCOMPARE(finishes.size(), wakes.size());
        for (const qint64 id : wakes) {
            QCOMPARE(starts[id], 1);
            QCOMPARE(finishes[id], 1);
        }
    }

    void perfettoShowsWaitsAndAwaits()
    {
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        const QJsonObject doc = perfetto(run.input);
        QStringList waits, awaits;
        for (const QJsonObject &e : eventsOf(doc, QStringLiteral("X")))
            if (e.value(QStringLiteral("cat")).toString() == QLatin1String("wait"))
                waits << e.value(QStringLiteral("name")).toString();
        for (const QJsonObject &e : eventsOf(doc, QStringLiteral("i"))) {
            QCOMPARE(e.value(QStringLiteral("s")).toString(), QStringLiteral("t"));
            if (e.value(QStringLiteral("cat")).toString() == QLatin1String("await"))
                awaits << e.value(QStringLiteral("name")).toString();
        }
        QVERIFY2(waits.contains(QStringLiteral("waiting: sleep(1.0)")), qPrintable(waits.join(QLatin1Char('|'))));
        QVERIFY2(
            awaits.contains(QStringLiteral("await: asyncio.sleep(1.0)")), qPrintable(awaits.join(QLatin1Char('|'))));
    }

    void perfettoCountsTheReadyQueueAndPrimitives()
    {
        // name -> the values in file order
        const auto countersOf = [](const QString &scenario) -> std::map<QString, QList<int>> {
            const ScenarioRun run = runScenario(scenario);
            std::map<QString, QList<int>> counters;
            for (const QJsonObject &e : eventsOf(perfetto(run.input), QStringLiteral("C"))) {
                const QJsonObject args = e.value(QStringLiteral("args")).toObject();
                if (args.size() != 1)
                    return {}; // one value per counter event
                counters[e.value(QStringLiteral("name")).toString()] << args.begin()->toInt();
            }
            return counters;
        };
        auto queue = countersOf(QStringLiteral("queue"));
        QVERIFY(queue[QStringLiteral("ready queue")].size() > 2);
        QStringList names;
        for (const auto &[name, values] : queue)
            names << name;
        QVERIFY2(names.contains(QStringLiteral("Queue queue")), qPrintable(names.join(QLatin1Char('|'))));
        QVERIFY(queue[QStringLiteral("Queue queue")].size() > 2);
        QVERIFY(
            *std::max_element(queue[QStringLiteral("Queue queue")].begin(), queue[QStringLiteral("Queue queue")].end())
            >= 2);
        // gather: main's first step creates three tasks, queued together; each runs in turn.
        auto gather = countersOf(QStringLiteral("gather"));
        QCOMPARE(gather[QStringLiteral("ready queue")].mid(0, 5), (QList<int> {1, 3, 2, 1, 0}));
    }

    void perfettoFiltersStepsTimeAndTasks()
    {
        const ScenarioRun run = runScenario(QStringLiteral("gather"));
        const auto stepNumbers = [](const QJsonObject &doc) {
            QList<int> out;
            for (const QJsonObject &e : eventsOf(doc, QStringLiteral("X")))
                if (e.value(QStringLiteral("cat")).toString() == QLatin1String("step"))
                    out << e.value(QStringLiteral("args")).toObject().value(QStringLiteral("step")).toInt();
            std::sort(out.begin(), out.end());
            return out;
        };
        ExportOptions options;
        options.stepFrom = 3;
        options.stepTo = 5;
        QCOMPARE(stepNumbers(perfetto(run.input, options)), (QList<int> {3, 4, 5}));

        // Time: the steps that began between 0.5 s and 1.2 s.
        options = {};
        options.timeFrom = 0.5;
        options.timeTo = 1.2;
        QList<int> expected;
        for (int i = 0; i < int(TimelineLayout(run.input.trace).steps().size()); ++i) {
            const auto t = TimelineLayout(run.input.trace).steps()[std::size_t(i)].time0;
            if (t >= 500'000'000 && t <= 1'200'000'000)
                expected << i + 1;
        }
        QVERIFY(!expected.isEmpty());
        const QJsonObject timed = perfetto(run.input, options);
        QCOMPARE(stepNumbers(timed), expected);
        for (const QJsonObject &e : eventsOf(timed))
            if (e.value(QStringLiteral("ph")).toString() != QLatin1String("M"))
                QVERIFY(ns(e) >= 500'000'000 && ns(e) <= 1'200'000'000 + 100'000);

        // Tasks: only their tracks.
        options = {};
        options.tasks = QStringList {QStringLiteral("Task-2"), QStringLiteral("Task-3")};
        const QJsonObject two = perfetto(run.input, options);
        QStringList tracks;
        for (const auto &[tid, track] : threadNames(two))
            tracks << track.section(QStringLiteral(" · "), 0, 0);
        QCOMPARE(tracks, (QStringList {QStringLiteral("Task-2"), QStringLiteral("Task-3")}));
        std::set<int> tids;
        for (const auto &[tid, track] : threadNames(two))
            tids.insert(tid);
        for (const QJsonObject &e : eventsOf(two))
            if (e.value(QStringLiteral("ph")).toString() != QLatin1String("M")
                && e.value(QStringLiteral("ph")).toString() != QLatin1String("C"))
                QVERIFY(tids.count(e.value(QStringLiteral("tid")).toInt()));

        // Nothing to show is an error, not an empty file.
        QString error;
        options = {};
        options.stepFrom = 500;
        QVERIFY(perfetto(run.input, options, &error).isEmpty());
        QVERIFY2(error.startsWith(QStringLiteral("the range holds no steps")), qPrintable(error));
        options = {};
        options.tasks = QStringList {QStringLiteral("Task-99")};
        QVERIFY(perfetto(run.input, options, &error).isEmpty());
        QCOMPARE(error, QStringLiteral("no task named 'Task-99' in this run"));
    }

    // ---- the event log ---------------------------------------------------------------------------

    void eventJsonRoundTrips_data() { scenarios(); }
    void eventJsonRoundTrips()
    {
        QFETCH(QString, name);
        const ScenarioRun run = runScenario(name);
        const Trace &trace = *run.input.trace;
        const QJsonObject doc = exportJson(writeEventJson, run.input);
        QCOMPARE(doc.value(QStringLiteral("format")).toString(), QStringLiteral("loopscope-event-log"));
        QCOMPARE(doc.value(QStringLiteral("schemaVersion")).toInt(), 1);
        const QJsonArray events = doc.value(QStringLiteral("events")).toArray();
        QCOMPARE(qsizetype(events.size()), qsizetype(trace.size()));
        QCOMPARE(doc.value(QStringLiteral("eventCount")).toInteger(), qint64(trace.size()));
        int tasks = 0;
        for (std::size_t i = 0; i < trace.size(); ++i) {
            const TraceEvent &e = trace[i];
            const QJsonObject j = events[qsizetype(i)].toObject();
            QCOMPARE(j.value(QStringLiteral("kind")).toString(), QLatin1String(Trace::kindName(e.kind)));
            QCOMPARE(j.value(QStringLiteral("text")).toString().toStdString(), trace.text(e.text));
            QCOMPARE(j.value(QStringLiteral("time")).toInteger(), qint64(e.time));
            QCOMPARE(j.value(QStringLiteral("subject")).toInteger(), qint64(e.subject));
            QCOMPARE(j.value(QStringLiteral("other")).toInteger(), qint64(e.other));
            QCOMPARE(j.value(QStringLiteral("line")).toInt(), int(e.line));
            QCOMPARE(j.value(QStringLiteral("aux")).toInt(), int(e.aux));
            // The kinds table maps the enum's numbers to the names.
            QCOMPARE(doc.value(QStringLiteral("kinds")).toArray().at(int(e.kind)).toString(),
                j.value(QStringLiteral("kind")).toString());
            if (e.kind == EventKind::StepBegin)
                QCOMPARE(j.value(QStringLiteral("cause")).toString(),
                    doc.value(QStringLiteral("causes")).toArray().at(e.aux).toString());
            tasks += e.kind == EventKind::TaskCreated;
        }
        const QJsonArray taskList = doc.value(QStringLiteral("tasks")).toArray();
        QCOMPARE(taskList.size(), tasks);
        for (const QJsonValue &t : taskList) {
            const auto id = std::uint32_t(t.toObject().value(QStringLiteral("id")).toInteger());
            QCOMPARE(t.toObject().value(QStringLiteral("name")).toString().toStdString(), trace.taskName(id));
            QCOMPARE(t.toObject().value(QStringLiteral("call")).toString().toStdString(), trace.taskCall(id));
        }
    }

    // Texts from the script reach both exports intact, whatever characters they hold.
    void scriptTextsSurviveBothExports()
    {
        Engine engine;
        QVERIFY(engine.load("import asyncio\n"
                            "async def main():\n"
                            "    print('tab\\there \"quoted\" back\\\\slash \\x01 caf\\u00e9 \\u2603 \\U0001F600')\n"
                            "    await asyncio.sleep(0)\n"
                            "asyncio.run(main())\n",
            "t.py"));
        engine.runToEnd();
        const QString printed
            = QStringLiteral("tab\there \"quoted\" back\\slash \x01 caf\u00e9 \u2603 ") + QChar(0xd83d) + QChar(0xde00);
        QCOMPARE(QString::fromStdString(engine.output()), printed + QLatin1Char('\n'));
        FigureInput input;
        input.trace = &engine.trace();
        input.scriptTitle = QStringLiteral("t.py");
        QStringList prints;
        for (const QJsonObject &e : eventsOf(perfetto(input), QStringLiteral("i")))
            if (e.value(QStringLiteral("cat")).toString() == QLatin1String("print"))
                prints << e.value(QStringLiteral("name")).toString();
        QCOMPARE(prints, QStringList {QStringLiteral("print: ") + printed});
        QStringList texts;
        for (const QJsonValue &e : exportJson(writeEventJson, input).value(QStringLiteral("events")).toArray())
            if (e.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("print"))
                texts << e.toObject().value(QStringLiteral("text")).toString();
        QCOMPARE(texts, QStringList {printed});
    }

    // A script that never ran a step (a syntax error) still exports: the tracks, no events.
    void emptyRunsExport()
    {
        Engine engine;
        QVERIFY(!engine.load("def (:\n", "broken.py"));
        FigureInput input;
        input.trace = &engine.trace();
        const QJsonObject doc = perfetto(input);
        QCOMPARE(threadNames(doc).size(), std::size_t(2)); // the clock and callbacks tracks
        QCOMPARE(eventsOf(doc, QStringLiteral("X")).size(), std::size_t(0));
        const QJsonObject log = exportJson(writeEventJson, input);
        QCOMPARE(log.value(QStringLiteral("eventCount")).toInteger(), qint64(engine.trace().size()));
        QCOMPARE(log.value(QStringLiteral("tasks")).toArray().size(), 0);
    }

    // ---- large traces ----------------------------------------------------------------------------

    void largeExportsReportProgressAndCancel_data()
    {
        QTest::addColumn<int>("format");
        QTest::newRow("perfetto") << int(ExportFormat::Perfetto);
        QTest::newRow("json") << int(ExportFormat::Json);
    }
    void largeExportsReportProgressAndCancel()
    {
        QFETCH(int, format);
        Trace trace;
        synthesizeTrace(trace, 1000, 100'000);
        FigureInput input;
        input.trace = &trace;
        input.scriptTitle = QStringLiteral("synthetic");
        const Writer writer = ExportFormat(format) == ExportFormat::Perfetto ? writePerfetto : writeEventJson;

        int calls = 0, lastDone = -1, total = 0;
        bool backwards = false;
        QElapsedTimer clock;
        clock.start();
        const std::clock_t cpu = std::clock();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QString error;
        QVERIFY(writer(input, {}, &buffer, &error, [&](int done, int of) {
            ++calls;
            backwards = backwards || done < lastDone;
            lastDone = done;
            total = of;
            return true;
        }));
        // Well under 2 s; the machine may be busy, so the CPU time says more than the clock.
        qInfo("%s of %zu events: %lld ms (%.0f ms CPU), %lld KB",
            ExportFormat(format) == ExportFormat::Perfetto ? "perfetto" : "json", trace.size(), qint64(clock.elapsed()),
            1000.0 * double(std::clock() - cpu) / CLOCKS_PER_SEC, buffer.size() / 1024);
        QVERIFY(!QJsonDocument::fromJson(buffer.data()).isNull());
        QVERIFY(!backwards);
        QVERIFY(calls >= 10);
        QCOMPARE(lastDone, total);

        calls = 0;
        QVERIFY(exportJson(writer, input, {}, &error, [&](int, int) { return ++calls < 3; }).isEmpty());
        QCOMPARE(error, QStringLiteral("cancelled"));
        QCOMPARE(calls, 3);
    }

private:
    void scenarios()
    {
        QTest::addColumn<QString>("name");
        for (const char *name : kScenarios)
            QTest::newRow(name) << QString::fromLatin1(name);
    }
};

QTEST_GUILESS_MAIN(TestDataExport)
#include "tst_dataexport.moc"
