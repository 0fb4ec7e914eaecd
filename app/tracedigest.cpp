#include "tracedigest.h"

#include <QStringList>

#include <map>

namespace loopscope {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// "a", "a and b", "a, b and c"
QString joinWords(const QStringList &items)
{
    if (items.size() <= 1)
        return items.value(0);
    return QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")) + QStringLiteral(" and ")
        + items.last();
}

QString quoted(const QString &text)
{
    constexpr int kMax = 60;
    const QString t = text.size() > kMax ? text.left(kMax - 1) + QChar(0x2026) : text;
    return QLatin1Char('\'') + t + QLatin1Char('\'');
}

} // namespace

QString TaskInfo::label() const
{
    if (!call.isEmpty()) // a task named after its coroutine is just the call
        return coroutine == name ? call : name + QLatin1Char(' ') + call;
    return coroutine.isEmpty() || coroutine == name ? name : name + QLatin1Char(' ') + coroutine;
}

QString TaskInfo::stateName() const
{
    switch (state) {
    case State::Ready: return QStringLiteral("ready");
    case State::Running: return QStringLiteral("running");
    case State::Waiting: return QStringLiteral("waiting");
    case State::Done: return QStringLiteral("done");
    case State::Failed: return QStringLiteral("failed");
    case State::Cancelled: return QStringLiteral("cancelled");
    case State::Destroyed: return QStringLiteral("destroyed");
    }
    return {};
}

QString TaskInfo::stateText() const
{
    switch (state) {
    case State::Ready: return wokenBy.isEmpty() ? QStringLiteral("ready") : QStringLiteral("ready: ") + wokenBy;
    case State::Running: return QStringLiteral("running");
    case State::Waiting: return QStringLiteral("waiting for ") + awaiting;
    case State::Done: return QStringLiteral("returned ") + result;
    case State::Failed: return QStringLiteral("raised ") + result;
    case State::Cancelled:
        return result.isEmpty() ? QStringLiteral("cancelled") : QStringLiteral("cancelled (%1)").arg(result);
    case State::Destroyed:
        return awaiting.isEmpty() ? QStringLiteral("destroyed while pending")
                                  : QStringLiteral("destroyed while waiting for ") + awaiting;
    }
    return {};
}

void TraceDigest::clear()
{
    m_read = 0;
    m_namings = 0;
    m_timers.clear();
    m_due.clear();
    m_dueAt = std::size_t(-1);
    m_tasks.clear();
    m_console.clear();
}

const TaskInfo *TraceDigest::task(std::uint32_t id) const
{
    return id >= 1 && id <= m_tasks.size() ? &m_tasks[id - 1] : nullptr;
}

TaskInfo &TraceDigest::taskRef(std::uint32_t id)
{
    if (m_tasks.size() < id)
        m_tasks.resize(id);
    TaskInfo &t = m_tasks[id - 1];
    t.id = id;
    return t;
}

void TraceDigest::addConsole(const QString &text, int step, std::uint32_t task, ConsoleLine::Kind kind)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    if (lines.size() > 1 && lines.last().isEmpty())
        lines.removeLast();
    for (const QString &l : lines)
        m_console.push_back(ConsoleLine {l, step, task, kind});
}

void TraceDigest::feed(const Trace &trace, int step, const std::string &errorText)
{
    for (; m_read < trace.size(); ++m_read) {
        const TraceEvent &e = trace[m_read];
        const QString text = qs(trace.text(e.text));
        switch (e.kind) {
        case EventKind::TaskCreated: {
            TaskInfo &t = taskRef(e.subject);
            const QStringList fields = text.split(QLatin1Char('\t')); // name, coroutine, call
            t.name = fields.value(0);
            t.coroutine = fields.value(1);
            t.call = fields.value(2);
            t.parent = e.other;
            t.internal = e.aux != 0;
            t.createdStep = step;
            t.wokenBy = QStringLiteral("first step scheduled");
            break;
        }
        case EventKind::StepBegin:
            if (e.subject) {
                TaskInfo &t = taskRef(e.subject);
                t.resumedFrom = t.awaiting; // kept while it was woken, until this step
                t.state = TaskInfo::State::Running;
                t.awaiting.clear();
                t.wokenBy.clear();
            }
            break;
        case EventKind::StepEnd:
            if (e.subject) {
                TaskInfo &t = taskRef(e.subject);
                if (t.state == TaskInfo::State::Running) {
                    t.state = TaskInfo::State::Ready; // a bare yield: it runs again next iteration
                    t.wokenBy = QStringLiteral("yielded");
                }
            }
            break;
        case EventKind::Await: {
            TaskInfo &t = taskRef(e.subject);
            t.state = TaskInfo::State::Waiting;
            t.awaiting = text;
            t.line = e.line;
            break;
        }
        case EventKind::Wake: {
            TaskInfo &t = taskRef(e.other);
            if (t.state == TaskInfo::State::Waiting) {
                t.state = TaskInfo::State::Ready;
                t.wokenBy = t.awaiting + QStringLiteral(" is done");
            }
            break;
        }
        case EventKind::Print:
            if (e.subject && e.line)
                taskRef(e.subject).line = e.line;
            addConsole(text, step, e.subject, ConsoleLine::Kind::Output);
            break;
        case EventKind::TaskDone:
            taskRef(e.subject).state = TaskInfo::State::Done;
            taskRef(e.subject).result = text;
            break;
        case EventKind::TaskRaised:
            taskRef(e.subject).state = TaskInfo::State::Failed;
            taskRef(e.subject).result = text;
            break;
        case EventKind::TaskCancelled:
            taskRef(e.subject).state = TaskInfo::State::Cancelled;
            taskRef(e.subject).result = text;
            break;
        case EventKind::TimerScheduled: m_timers[e.subject] = {e.time, e.other, text}; break;
        case EventKind::TimerCancelled: m_timers.erase(e.subject); break;
        case EventKind::ClockAdvanced: {
            // The timers that become ready now, for the narration (in deadline order).
            std::vector<std::pair<std::int64_t, QString>> due;
            for (auto it = m_timers.begin(); it != m_timers.end();) {
                if (it->second.when <= e.time) {
                    const TaskInfo *t = task(it->second.task);
                    due.emplace_back(
                        it->second.when, t ? t->name + QStringLiteral("'s ") + it->second.what : it->second.what);
                    it = m_timers.erase(it);
                } else {
                    ++it;
                }
            }
            std::stable_sort(due.begin(), due.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
            m_due.clear();
            for (const auto &d : due)
                m_due << d.second;
            m_dueAt = m_read;
            break;
        }
        case EventKind::Warning:
            addConsole(text, step, e.subject, ConsoleLine::Kind::Error);
            if (e.other) // freed while pending: it never runs again
                taskRef(e.other).state = TaskInfo::State::Destroyed;
            break;
        case EventKind::Uncaught:
            addConsole(errorText.empty() ? text : qs(errorText), step, 0, ConsoleLine::Kind::Error);
            break;
        case EventKind::Deadlock: addConsole(text, step, 0, ConsoleLine::Kind::Info); break;
        case EventKind::Livelock:
            addConsole(QStringLiteral("livelock: the loop keeps running at one instant while a timer waits"), step, 0,
                ConsoleLine::Kind::Info);
            break;
        default: break;
        }
    }
    // A task renamed with set_name() (or named late by a task factory) shows its name as of now.
    if (trace.namingCount() != m_namings) {
        m_namings = trace.namingCount();
        for (TaskInfo &t : m_tasks)
            if (t.id && trace.taskName(t.id) != "?")
                t.name = qs(trace.taskName(t.id));
    }
}

QString TraceDigest::formatTime(std::int64_t ns)
{
    return QString::number(double(ns) / 1e9, 'f', 3);
}

int TraceDigest::lastLine(const Trace &trace, std::size_t begin, std::size_t end)
{
    int line = 0;
    for (std::size_t i = begin; i < end && i < trace.size(); ++i)
        if (trace[i].line && trace[i].kind != EventKind::TaskCreated)
            line = trace[i].line;
    return line;
}

QString TraceDigest::narrate(const Trace &trace, std::size_t begin, std::size_t end, int step) const
{
    end = std::min(end, trace.size());
    auto label = [this](std::uint32_t id) {
        const TaskInfo *t = task(id);
        return t ? t->label() : QStringLiteral("Task #%1").arg(id);
    };
    std::int64_t time = 0;
    QString lead;
    std::uint32_t actor = 0; // the task whose step this is
    QStringList created, prints, wakes, others;
    QString awaitText, ending, tail;
    bool hostResumed = false;
    // How a task ended: part of the actor's sentence, or a clause of its own.
    auto ends = [&](std::uint32_t who, const QString &how) {
        if (who == actor)
            ending = how;
        else
            others << label(who) + QLatin1Char(' ') + how;
    };
    for (std::size_t i = begin; i < end; ++i) {
        const TraceEvent &e = trace[i];
        const QString text = qs(trace.text(e.text));
        time = e.time;
        switch (e.kind) {
        case EventKind::HostStep:
            if (i == 0)
                lead = QStringLiteral("The module code runs up to asyncio.run()");
            else
                hostResumed = true;
            break;
        case EventKind::StepBegin: {
            const auto cause = StepCause(e.aux);
            actor = e.subject;
            const TaskInfo *t = task(e.subject);
            const QString from = t && !t->resumedFrom.isEmpty() ? t->resumedFrom : QStringLiteral("its await");
            QString what;
            switch (cause) {
            case StepCause::First: what = label(actor) + QStringLiteral(" runs its first step"); break;
            case StepCause::Wakeup:
                what = label(actor) + QStringLiteral(" resumes because ") + from
                    + (from.startsWith(QLatin1String("asyncio.sleep")) ? QStringLiteral(" is over")
                                                                       : QStringLiteral(" is done"));
                break;
            case StepCause::Yield:
                what = label(actor) + QStringLiteral(" resumes after yielding to the loop (asyncio.sleep(0))");
                break;
            case StepCause::Cancel:
                what = label(actor) + QStringLiteral(" resumes with CancelledError thrown in");
                if (t && !t->resumedFrom.isEmpty())
                    what += QStringLiteral(" at ") + t->resumedFrom;
                break;
            case StepCause::Timer: what = QStringLiteral("The ") + text + QStringLiteral(" fires"); break;
            case StepCause::Callback:
                what = QStringLiteral("The loop runs a callback")
                    + (text.isEmpty() ? QString() : QStringLiteral(" (") + text + QLatin1Char(')'));
                break;
            case StepCause::ClockAdvance: what = QStringLiteral("Nothing is ready, so the clock"); break;
            }
            lead = lead.isEmpty() ? what : lead + QStringLiteral("; ") + what;
            break;
        }
        case EventKind::ClockAdvanced: {
            lead += QStringLiteral(" jumps to the next timer at t=") + formatTime(e.time);
            const QStringList due = i == m_dueAt ? m_due : QStringList();
            if (!due.isEmpty())
                lead += QStringLiteral("; ") + joinWords(due)
                    + (due.size() == 1 ? QStringLiteral(" is due") : QStringLiteral(" are due"));
            break;
        }
        case EventKind::TaskCreated:
            if (e.aux)
                break; // asyncio.run's shutdown helpers
            if (!actor && !lead.isEmpty())
                lead += QStringLiteral(", which creates ") + label(e.subject); // asyncio.run's main task
            else
                created << label(e.subject);
            break;
        case EventKind::Print: prints << quoted(text); break;
        case EventKind::Await:
            if (e.subject == actor || !actor)
                awaitText = QStringLiteral("awaits ") + text
                    + (e.line ? QStringLiteral(" (line %1)").arg(e.line) : QString());
            break;
        case EventKind::TaskDone: ends(e.subject, QStringLiteral("returns ") + text); break;
        case EventKind::TaskRaised: ends(e.subject, QStringLiteral("raises ") + text); break;
        case EventKind::TaskCancelled: ends(e.subject, QStringLiteral("ends cancelled")); break;
        case EventKind::Wake: {
            // "(through what)", unless the sentence already says it (a timer firing).
            const bool said = text.isEmpty() || lead.contains(text);
            wakes << label(e.other) + (said ? QString() : QStringLiteral(" (") + text + QLatin1Char(')'));
            break;
        }
        case EventKind::Deadlock: {
            const QString first = text.section(QLatin1Char('\n'), 0, 0);
            tail = QStringLiteral("Deadlock: ") + first.mid(first.indexOf(QLatin1Char(':')) + 2);
            break;
        }
        case EventKind::Livelock:
            tail = QStringLiteral("Livelock: the loop spins at one instant while a timer waits; the run stops");
            break;
        case EventKind::Uncaught: tail = QStringLiteral("The exception escapes asyncio.run(): ") + text; break;
        case EventKind::Warning: others << QStringLiteral("a warning is logged"); break;
        default: break;
        }
    }
    QStringList actions;
    if (!created.isEmpty())
        actions << QStringLiteral("creates ") + joinWords(created);
    if (prints.size() > 2)
        actions << QStringLiteral("prints %1 lines").arg(prints.size());
    else if (!prints.isEmpty())
        actions << QStringLiteral("prints ") + joinWords(prints);
    if (!awaitText.isEmpty())
        actions << awaitText;
    if (!ending.isEmpty())
        actions << ending;
    QStringList parts;
    if (!lead.isEmpty())
        parts << lead;
    if (!actions.isEmpty())
        parts << joinWords(actions);
    if (!wakes.isEmpty())
        parts << QStringLiteral("this wakes ") + joinWords(wakes);
    parts << others;
    if (hostResumed)
        parts << QStringLiteral("the loop stops and the module code resumes after asyncio.run()");
    if (parts.isEmpty() && tail.isEmpty())
        parts << (step == 0 ? QStringLiteral("Ready: press Step to run the first callback")
                            : QStringLiteral("Nothing visible happens"));
    QString sentence = parts.join(QStringLiteral("; "));
    if (!tail.isEmpty())
        sentence += (sentence.isEmpty() ? QString() : QStringLiteral(". ")) + tail;
    return QStringLiteral("Step %1 \u00b7 t=%2 \u00b7 ").arg(step).arg(formatTime(time)) + sentence;
}

} // namespace loopscope
