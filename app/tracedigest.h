// What the trace says about the run so far, read incrementally, step by step: each task's state,
// the console lines (each linked to the step that printed it) and a plain-words narration of one
// step. Pure C++ over the trace, so the models and the tests read the same facts.
#pragma once

#include "trace.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

namespace loopscope {

struct TaskInfo {
    std::uint32_t id = 0;
    QString name; // "Task-2" or the name given to create_task
    QString coroutine; // "fetch_data"
    QString call; // the call that made it, with its arguments' values: "fetch_data('url2')"
    std::uint32_t parent = 0;
    bool internal = false; // asyncio.run's shutdown helpers
    // Destroyed: freed while still pending ("Task was destroyed but it is pending!").
    enum class State { Ready, Running, Waiting, Done, Failed, Cancelled, Destroyed } state = State::Ready;
    QString awaiting; // what it waits for ("asyncio.sleep(1)")
    int line = 0; // line of that await (or the last line it ran)
    QString resumedFrom; // what it waited for before its latest step
    QString wokenBy; // what made it ready
    QString result; // repr of the result, the exception, or the cancel message
    int createdStep = 0;

    QString label() const; // "Task-2 fetch_data('url2')"
    QString stateName() const; // "waiting"
    QString stateText() const; // "waiting for asyncio.sleep(1)"
};

struct ConsoleLine {
    enum class Kind { Output, Error, Info };
    QString text;
    int step = 0;
    std::uint32_t task = 0;
    Kind kind = Kind::Output;
};

class TraceDigest {
public:
    void clear();
    // Reads the events appended since the last call; they belong to step `step`. `errorText`
    // is the engine's traceback text, used when the step ends in an uncaught exception.
    void feed(const Trace &trace, int step, const std::string &errorText = {});
    std::size_t eventsRead() const { return m_read; }
    // A script that cannot be parsed: its error, as the console's first lines.
    void addLoadError(const QString &formatted) { addConsole(formatted, 0, 0, ConsoleLine::Kind::Error); }

    const std::vector<TaskInfo> &tasks() const { return m_tasks; }
    const TaskInfo *task(std::uint32_t id) const;
    const std::vector<ConsoleLine> &console() const { return m_console; }

    // One sentence for the events [begin, end) of step `step` at time `time`:
    // "Step 12 · t=1.000 · Task-3 fetch resumes because ...".
    QString narrate(const Trace &trace, std::size_t begin, std::size_t end, int step) const;
    // The last script line the events [begin, end) touched (a print, an await), or 0.
    static int lastLine(const Trace &trace, std::size_t begin, std::size_t end);
    static QString formatTime(std::int64_t ns); // "1.000"

private:
    TaskInfo &taskRef(std::uint32_t id);
    void addConsole(const QString &text, int step, std::uint32_t task, ConsoleLine::Kind kind);

    std::size_t m_read = 0;
    std::size_t m_namings = 0; // Trace::namingCount() when the names were last read
    std::vector<TaskInfo> m_tasks; // by id - 1
    std::vector<ConsoleLine> m_console;
    struct PendingTimer {
        std::int64_t when;
        std::uint32_t task;
        QString what;
    };
    std::map<std::uint32_t, PendingTimer> m_timers; // by timer id, until it is due or cancelled
    QStringList m_due; // the timers that became due at event m_dueAt
    std::size_t m_dueAt = std::size_t(-1);
};

} // namespace loopscope
