#include "trace.h"

#include <cctype>
#include <cstdio>

namespace loopscope {

Trace::Trace()
{
    clear();
}

void Trace::clear()
{
    m_events.clear();
    m_strings.assign(1, std::string());
    m_stringIndex.clear();
    m_stringIndex.emplace(std::string(), 0);
    m_recent.fill(0);
    m_taskNames.assign(1, std::string("-"));
    m_taskCalls.clear();
    m_namings.clear();
}

std::uint32_t Trace::intern(std::string_view s)
{
    if (s.empty())
        return 0;
    auto &recent = m_recent[(s.size() * 31 + std::uint8_t(s.front()) * 7 + std::uint8_t(s.back())) % m_recent.size()];
    if (recent && m_strings[recent] == s)
        return recent;
    auto it = m_stringIndex.find(s);
    if (it != m_stringIndex.end()) {
        recent = it->second;
        return it->second;
    }
    auto index = std::uint32_t(m_strings.size());
    m_strings.emplace_back(s);
    m_stringIndex.emplace(std::string(s), index);
    recent = index;
    return index;
}

std::size_t Trace::append(EventKind kind, std::int64_t time, std::uint32_t subject, std::uint32_t other,
    std::string_view text, int line, std::uint8_t aux)
{
    TraceEvent e;
    e.time = time;
    e.subject = subject;
    e.other = other;
    e.text = intern(text);
    e.line = std::uint16_t(line < 0 ? 0 : line > 65535 ? 65535 : line);
    e.kind = kind;
    e.aux = aux;
    m_events.push_back(e);
    return m_events.size() - 1;
}

std::size_t Trace::byteSize() const
{
    std::size_t bytes = m_events.size() * sizeof(TraceEvent);
    for (const auto &s : m_strings)
        bytes += s.size() + sizeof(std::uint32_t); // text plus its offset in a packed table
    return bytes;
}

void Trace::setTaskName(std::uint32_t task, const std::string &name)
{
    if (m_taskNames.size() <= task)
        m_taskNames.resize(task + 1);
    m_taskNames[task] = name;
    m_namings.push_back({m_events.size(), task, intern(name)});
}

const std::string &Trace::taskName(std::uint32_t task) const
{
    static const std::string unknown = "?";
    return task < m_taskNames.size() ? m_taskNames[task] : unknown;
}

void Trace::setTaskCall(std::uint32_t task, std::string_view call)
{
    if (m_taskCalls.size() <= task)
        m_taskCalls.resize(task + 1);
    m_taskCalls[task] = intern(call);
}

const std::string &Trace::taskCall(std::uint32_t task) const
{
    return text(task < m_taskCalls.size() ? m_taskCalls[task] : 0);
}

namespace {
std::string seconds(std::int64_t ns)
{
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.3f", double(ns) / 1e9);
    return buf;
}

// print text in the conformance trace: '\' -> '\\', newline -> '\n'.
std::string escaped(const std::string &s)
{
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

// Memory addresses in default reprs differ between runs (and from CPython's): in the
// conformance trace " at 0x7f..." reads " at 0x...", as the reference harness prints it.
std::string withoutAddresses(std::string s)
{
    static const std::string marker = " at 0x";
    for (std::size_t at = s.find(marker); at != std::string::npos; at = s.find(marker, at + 1)) {
        std::size_t digits = at + marker.size(), end = digits;
        while (end < s.size() && std::isxdigit(static_cast<unsigned char>(s[end]))
            && !std::isupper(static_cast<unsigned char>(s[end])))
            ++end;
        if (end > digits)
            s.replace(digits, end - digits, "...");
    }
    return s;
}
} // namespace

std::string Trace::conformanceText() const
{
    std::string out;
    // Tasks as they were named at each event (the harness prints get_name() at the time).
    std::vector<std::string_view> names(m_taskNames.size());
    names[0] = m_taskNames[0];
    std::size_t naming = 0;
    auto taskName = [&](std::uint32_t task) { return std::string(task < names.size() ? names[task] : "?"); };
    for (std::size_t i = 0; i < m_events.size(); ++i) {
        for (; naming < m_namings.size() && m_namings[naming].event <= i; ++naming)
            names[m_namings[naming].task] = m_strings[m_namings[naming].name];
        const auto &e = m_events[i];
        switch (e.kind) {
        case EventKind::StepBegin:
            if (e.subject != 0
                && (e.aux == std::uint8_t(StepCause::First) || e.aux == std::uint8_t(StepCause::Wakeup)
                    || e.aux == std::uint8_t(StepCause::Yield) || e.aux == std::uint8_t(StepCause::Cancel)))
                out += seconds(e.time) + ' ' + taskName(e.subject) + " step\n";
            break;
        case EventKind::Print:
            out += seconds(e.time) + ' ' + taskName(e.subject) + " print "
                + escaped(withoutAddresses(m_strings[e.text])) + '\n';
            break;
        case EventKind::Warning:
            // asyncio's log when the garbage collector frees a task mid-run: its first line.
            if (e.aux == 1)
                out += seconds(e.time) + " - log " + m_strings[e.text].substr(0, m_strings[e.text].find('\n')) + '\n';
            break;
        case EventKind::Deadlock: out += seconds(e.time) + " - deadlock\n"; break;
        case EventKind::Livelock: out += seconds(e.time) + " - livelock\n"; break;
        case EventKind::Uncaught: {
            std::string msg = m_strings[e.text];
            std::string flat;
            for (char c : msg)
                flat += c == '\n' ? std::string("\\n") : std::string(1, c);
            out += seconds(e.time) + " - uncaught " + flat + '\n';
            break;
        }
        default: break;
        }
    }
    return out;
}

const char *Trace::kindName(EventKind kind)
{
    switch (kind) {
    case EventKind::TaskCreated: return "task-created";
    case EventKind::StepBegin: return "step-begin";
    case EventKind::StepEnd: return "step-end";
    case EventKind::Await: return "await";
    case EventKind::Wake: return "wake";
    case EventKind::Print: return "print";
    case EventKind::TaskDone: return "task-done";
    case EventKind::TaskRaised: return "task-raised";
    case EventKind::TaskCancelled: return "task-cancelled";
    case EventKind::TimerScheduled: return "timer-scheduled";
    case EventKind::TimerCancelled: return "timer-cancelled";
    case EventKind::ClockAdvanced: return "clock-advanced";
    case EventKind::PrimitiveState: return "primitive-state";
    case EventKind::Deadlock: return "deadlock";
    case EventKind::Livelock: return "livelock";
    case EventKind::Uncaught: return "uncaught";
    case EventKind::HostStep: return "host-step";
    case EventKind::Warning: return "warning";
    }
    return "?";
}

std::string Trace::dump() const
{
    std::string out;
    for (const auto &e : m_events) {
        // The subject is a task, except for timers and primitives, which have ids of their own.
        const bool taskSubject = e.kind != EventKind::TimerScheduled && e.kind != EventKind::TimerCancelled
            && e.kind != EventKind::PrimitiveState;
        out += seconds(e.time) + ' ' + kindName(e.kind) + ' '
            + (taskSubject ? taskName(e.subject) : '#' + std::to_string(e.subject));
        if (e.other)
            out += " other=" + std::to_string(e.other);
        if (e.aux)
            out += " aux=" + std::to_string(e.aux);
        if (e.line)
            out += " line=" + std::to_string(e.line);
        if (e.text)
            out += " \"" + escaped(m_strings[e.text]) + '"';
        out += '\n';
    }
    return out;
}

} // namespace loopscope
