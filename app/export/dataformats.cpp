// The data exports that are not Perfetto's (that one is perfetto.cpp): the conformance trace and
// the engine's event log as JSON, whose schema docs/trace-json.md describes.
#include "formats.h"
#include "jsonsink.h"
#include "trace.h"

#include <QIODevice>

namespace loopscope {

namespace {

// docs/trace-json.md: bump when a field changes meaning or goes away (adding one does not).
constexpr int kEventLogSchema = 1;

constexpr EventKind kLastKind = EventKind::Warning;
constexpr StepCause kLastCause = StepCause::ClockAdvance;

const char *causeName(StepCause cause)
{
    switch (cause) {
    case StepCause::First: return "first";
    case StepCause::Wakeup: return "wakeup";
    case StepCause::Yield: return "yield";
    case StepCause::Cancel: return "cancel";
    case StepCause::Timer: return "timer";
    case StepCause::Callback: return "callback";
    case StepCause::ClockAdvance: return "clock-advance";
    }
    return "?";
}

void writeTasks(JsonWriter &w, const Trace &trace)
{
    w.lineBreak();
    w.key("tasks");
    w.beginArray();
    for (std::uint32_t i = 0; i < trace.size(); ++i) {
        const TraceEvent &e = trace[i];
        if (e.kind != EventKind::TaskCreated)
            continue;
        // The event's text is "name\tcoroutine\tcall".
        const std::string &text = trace.text(e.text);
        const auto tab = text.find('\t');
        const auto tab2 = tab == std::string::npos ? tab : text.find('\t', tab + 1);
        w.lineBreak();
        w.beginObject();
        w.field("id", e.subject);
        w.field("name", trace.taskName(e.subject));
        w.field("coroutine", tab == std::string::npos ? std::string() : text.substr(tab + 1, tab2 - tab - 1));
        w.field("call", trace.taskCall(e.subject));
        w.field("parent", e.other);
        w.field("line", int(e.line));
        w.field("createdAt", i);
        w.field("internal", e.aux != 0);
        w.endObject();
    }
    w.endArray();
}

} // namespace

bool writeConformanceTrace(const FigureInput &input, QIODevice *out, QString *error)
{
    const std::string text = input.trace->conformanceText();
    if (out->write(text.data(), qint64(text.size())) != qint64(text.size())) {
        *error = QStringLiteral("cannot write the trace: %1").arg(out->errorString());
        return false;
    }
    return true;
}

// The whole log, whatever range or lanes the options name: it is raw material for other tools.
bool writeEventJson(
    const FigureInput &input, const ExportOptions &, QIODevice *out, QString *error, const ExportProgress &progress)
{
    const Trace &trace = *input.trace;
    JsonSink sink(out, progress, int(trace.size()));
    JsonWriter &w = sink.writer();
    w.beginObject();
    w.field("format", "loopscope-event-log");
    w.field("schemaVersion", kEventLogSchema);
    w.field("script", input.scriptTitle.toStdString());
    w.field("timeUnit", "ns");
    w.lineBreak();
    w.key("kinds");
    w.beginArray();
    for (int k = 0; k <= int(kLastKind); ++k)
        w.value(Trace::kindName(EventKind(k)));
    w.endArray();
    w.lineBreak();
    w.key("causes");
    w.beginArray();
    for (int c = 0; c <= int(kLastCause); ++c)
        w.value(causeName(StepCause(c)));
    w.endArray();
    writeTasks(w, trace);
    w.lineBreak();
    w.field("eventCount", std::uint64_t(trace.size()));
    w.key("events");
    w.beginArray();
    for (std::uint32_t i = 0; i < trace.size(); ++i) {
        const TraceEvent &e = trace[i];
        w.lineBreak();
        w.beginObject();
        w.field("kind", Trace::kindName(e.kind));
        w.field("time", std::int64_t(e.time));
        w.field("subject", e.subject);
        w.field("other", e.other);
        w.field("line", int(e.line));
        w.field("aux", int(e.aux));
        w.field("text", trace.text(e.text));
        if (e.kind == EventKind::StepBegin)
            w.field("cause", causeName(StepCause(e.aux)));
        w.endObject();
        if (!sink.advance(int(i + 1), error))
            return false;
    }
    w.lineBreak();
    w.endArray();
    w.endObject();
    w.lineBreak();
    if (!sink.finish(error))
        return false;
    sink.done();
    return true;
}

} // namespace loopscope
