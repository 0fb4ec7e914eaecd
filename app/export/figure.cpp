#include "figure.h"

#include "trace.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

namespace loopscope {

namespace {

// Seconds as options are typed: "1.5".
QString plainSeconds(std::int64_t ns)
{
    return QString::number(toSeconds(ns), 'g', 6);
}

// "Task-1, Task-2, Task-3, ... (40 in all)"
QString someNames(const QStringList &names)
{
    constexpr int kShown = 8;
    if (names.size() <= kShown)
        return names.join(QStringLiteral(", "));
    return names.mid(0, kShown).join(QStringLiteral(", ")) + QStringLiteral(", ... (%1 in all)").arg(names.size());
}

// The names a lane answers to: the task's name now, and the one it had when created.
QStringList laneNames(const Lane &lane)
{
    if (lane.kind == LaneKind::Clock)
        return {QStringLiteral("clock")};
    if (lane.kind == LaneKind::Callbacks)
        return {QStringLiteral("callbacks")};
    const auto bare = [](const std::string &full) { return QString::fromStdString(full.substr(0, full.find(" \u00b7 "))); };
    const QString now = bare(lane.name);
    const QString created = lane.renames.empty() ? now : bare(lane.renames.front().name);
    return now == created ? QStringList {created} : QStringList {now, created};
}

QString stepRangeProblem(const TimelineLayout &layout, const ExportOptions &o)
{
    const int count = layout.stepCount();
    const QString asked = exportOptionValue(o, QStringLiteral("steps"));
    if (count == 0)
        return QStringLiteral("--steps %1: the run has no loop steps; leave --steps out").arg(asked);
    if (o.stepFrom > count)
        return QStringLiteral("--steps %1: the run has only %2 step%3; give a range within 1:%2")
            .arg(asked)
            .arg(count)
            .arg(count == 1 ? "" : "s");
    return {};
}

QString timeRangeProblem(const TimelineLayout &layout, const ExportOptions &o)
{
    const double from = std::isnan(o.timeFrom) ? 0 : o.timeFrom;
    const double to = std::isnan(o.timeTo) ? std::numeric_limits<double>::infinity() : o.timeTo;
    for (const StepInfo &s : layout.steps())
        if (toSeconds(s.time0) >= from && toSeconds(s.time0) <= to)
            return {};
    const QString asked = exportOptionValue(o, QStringLiteral("time"));
    const auto &steps = layout.steps();
    if (steps.empty())
        return QStringLiteral("--time %1: the run has no loop steps; leave --time out").arg(asked);
    if (toSeconds(steps.back().time0) < from)
        return QStringLiteral("--time %1: the run's last step starts at %2 s; give a range within 0:%2")
            .arg(asked, plainSeconds(steps.back().time0));
    // A gap between two steps: say where the nearest ones are.
    std::int64_t before = steps.front().time0, after = steps.back().time0;
    for (const StepInfo &s : steps)
        if (toSeconds(s.time0) < from)
            before = s.time0;
        else if (toSeconds(s.time0) > to) {
            after = s.time0;
            break;
        }
    return QStringLiteral("--time %1: no step starts in that span (the nearest start at %2 s and %3 s); widen it, "
                          "e.g. --time %2:%3")
        .arg(asked, plainSeconds(before), plainSeconds(after));
}

QString taskProblem(const TimelineLayout &layout, const ExportOptions &o)
{
    QStringList known, tasks;
    for (const Lane &lane : layout.lanes()) {
        const QStringList names = laneNames(lane);
        known << names;
        if (lane.kind == LaneKind::Task)
            tasks << names.first();
    }
    for (const QString &task : o.tasks)
        if (!known.contains(task))
            return QStringLiteral("--tasks: no task named '%1' in this run; its tasks are %2 (and the loop's own "
                                  "lanes: clock, callbacks)")
                .arg(task, tasks.isEmpty() ? QStringLiteral("none") : someNames(tasks));
    return {};
}


QString seconds(std::int64_t ns)
{
    return QString::fromStdString(TimelineLayout::formatTime(ns));
}

// "photo.jpg: 1.5 s later, data arrived" as a quote that fits a caption.
QString quoted(const std::string &text, int max = 48)
{
    QString s = QString::fromStdString(text).simplified();
    if (s.size() > max)
        s = s.left(max - 1) + QStringLiteral("…");
    return QStringLiteral("“%1”").arg(s);
}

// "a, b and c"
QString joined(const QStringList &parts)
{
    if (parts.size() <= 1)
        return parts.value(0);
    return parts.mid(0, parts.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") + parts.back();
}

// Python's keywords (the code view's highlighter lives in the GUI library; a figure needs only these).
bool isKeyword(const QString &word)
{
    static const QStringList words = QStringLiteral(
        "False None True and as assert async await break class continue def del elif else except finally for "
        "from global if import in is lambda nonlocal not or pass raise return try while with yield")
                                         .split(QLatin1Char(' '));
    return words.contains(word);
}

// A line of Python cut into runs of one kind, for the code excerpt's colours.
enum class Token { Plain, Keyword, String, Comment };
std::vector<std::pair<Token, QString>> tokens(const QString &line)
{
    std::vector<std::pair<Token, QString>> out;
    auto add = [&out](Token t, const QString &text) {
        if (!out.empty() && out.back().first == t)
            out.back().second += text;
        else
            out.emplace_back(t, text);
    };
    for (int i = 0; i < line.size();) {
        const QChar c = line[i];
        if (c == QLatin1Char('#')) {
            add(Token::Comment, line.mid(i));
            break;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            int j = i + 1;
            while (j < line.size() && line[j] != c)
                j += line[j] == QLatin1Char('\\') ? 2 : 1;
            j = std::min<int>(j + 1, int(line.size()));
            // An f/r/b prefix belongs to its string.
            if (!out.empty() && out.back().first == Token::Plain && out.back().second.size() > 0) {
                QString &prev = out.back().second;
                const QChar p = prev.back().toLower();
                if ((p == QLatin1Char('f') || p == QLatin1Char('r') || p == QLatin1Char('b'))
                    && (prev.size() == 1 || !prev[prev.size() - 2].isLetterOrNumber())) {
                    prev.chop(1);
                    add(Token::String, QString(line[i - 1]));
                }
            }
            add(Token::String, line.mid(i, j - i));
            i = j;
            continue;
        }
        if (c.isLetter() || c == QLatin1Char('_')) {
            int j = i;
            while (j < line.size() && (line[j].isLetterOrNumber() || line[j] == QLatin1Char('_')))
                ++j;
            const QString word = line.mid(i, j - i);
            add(isKeyword(word) ? Token::Keyword : Token::Plain, word);
            i = j;
            continue;
        }
        add(Token::Plain, QString(c));
        ++i;
    }
    return out;
}

} // namespace

// Where things go on one page.
struct Figure::Frame {
    qreal pad = 0, base = 0; // margin; body text size (px)
    QString title, subtitle;
    QFont titleFont, subtitleFont;
    QRectF titleRect, subtitleRect;
    QRectF timeline; // the painter's drawing, in page coordinates
    QRectF code; // empty: no code excerpt
    QRectF footer; // empty: no footer
    QRectF legend; // empty: no legend
    qreal painterScale = 1, laneHeight = 0, nameWidth = 0;
    std::vector<int> rows; // lane -> row, with the lanes that did not fit hidden
    int more = 0; // lanes that did not fit
    CodeView codeView;
};

Figure::Figure(const FigureInput &input, const ExportOptions &options)
    : m_input(input)
    , m_options(options)
    , m_layout(input.trace, input.source)
    , m_theme(TimelineTheme::forKind(options.theme))
{
    m_layout.update();
    const QSizeF page = size();
    m_k = std::clamp(std::min(page.width() / 1280, page.height() / 720), 0.4, 4.0);
    chooseRange();
    chooseLanes();
}

QSizeF Figure::size() const
{
    return QSizeF(std::max(m_options.size.width(), 16), std::max(m_options.size.height(), 16));
}

// ---- range and lanes ----------------------------------------------------------------------------

void Figure::chooseRange()
{
    const int n = stepCount();
    const auto &steps = m_layout.steps();
    m_first = 0;
    m_last = n - 1;
    if (m_options.hasStepRange()) {
        m_first = m_options.stepFrom > 0 ? m_options.stepFrom - 1 : 0;
        m_last = m_options.stepTo > 0 ? std::min(m_options.stepTo, n) - 1 : n - 1;
    } else if (m_options.hasTimeRange()) {
        const double from = std::isnan(m_options.timeFrom) ? -1 : m_options.timeFrom * 1e9;
        const double to = std::isnan(m_options.timeTo) ? 1e300 : m_options.timeTo * 1e9;
        m_first = n;
        for (int i = 0; i < n && m_first == n; ++i)
            if (double(steps[std::size_t(i)].time1) >= from - 0.5)
                m_first = i;
        m_last = m_first - 1;
        // On the step axis a clock advance is where the clock lands; on the time axis one that
        // leaves the range is kept, so what waits goes on to the range's end.
        auto begins = [&steps, this](int i) {
            const StepInfo &s = steps[std::size_t(i)];
            return double(s.cause == StepCause::ClockAdvance && m_options.axis == AxisMode::Steps ? s.time1 : s.time0);
        };
        for (int i = m_first; i < n && begins(i) <= to + 0.5; ++i)
            m_last = i;
    }
    m_first = std::min(m_first, n);
    m_last = std::max(m_last, m_first - 1);

    const AxisMode mode = m_options.axis;
    const bool toEnd = m_last >= n - 1 && !(m_options.hasTimeRange() && !std::isnan(m_options.timeTo));
    if (mode == AxisMode::Steps) {
        m_x0 = m_first;
        m_x1 = toEnd ? m_layout.xEnd(mode) : m_last + 1;
        // A run that ended stuck shows one more column: the tasks that wait there forever.
        const auto &clock = m_layout.markers(TimelineLayout::clockLane());
        if (toEnd && !clock.empty() && clock.back().kind == MarkerKind::Deadlock)
            m_x1 += 1;
    } else if (m_options.hasTimeRange()) {
        m_x0 = std::isnan(m_options.timeFrom) ? 0 : m_options.timeFrom;
        m_x1 = std::isnan(m_options.timeTo) ? m_layout.xEnd(mode) : m_options.timeTo;
    } else {
        m_x0 = m_first > 0 && m_first < n ? toSeconds(steps[std::size_t(m_first)].time0) : 0;
        m_x1 = toEnd ? m_layout.xEnd(mode) : toSeconds(steps[std::size_t(std::max(m_last, 0))].time1);
    }
    if (!(m_x1 > m_x0))
        m_x1 = m_x0 + (mode == AxisMode::Steps ? 1 : std::max(1e-3, std::abs(m_x0) * 0.1));

    // The script lines that ran in the range: steps, awaits, prints, tasks made there.
    std::set<int> lines;
    for (int i = m_first; i <= m_last; ++i)
        if (steps[std::size_t(i)].line > 0)
            lines.insert(steps[std::size_t(i)].line);
    for (int lane = 0; lane < int(m_layout.lanes().size()); ++lane)
        for (const Marker &m : m_layout.markers(lane))
            if (m.line > 0 && m.ownerStep >= m_first && m.ownerStep <= m_last)
                lines.insert(m.line);
    m_codeLines.assign(lines.begin(), lines.end());
}

int Figure::rangeCut() const
{
    return m_last >= stepCount() - 1 ? TimelineLayout::kOpen : m_last + 1;
}

bool Figure::laneHasItems(int lane) const
{
    const double s0 = m_first, s1 = m_last + 1;
    for (const Segment &s : m_layout.segments(lane))
        if (s.span.step1 > s.span.step0 && s.span.step0 < s1 && s.span.step1 > s0 && s.firstStep <= m_last)
            return true;
    for (const Marker &m : m_layout.markers(lane))
        if (m.step >= s0 && m.step <= s1 && m.ownerStep <= m_last)
            return true;
    return false;
}

void Figure::chooseLanes()
{
    const int lanes = int(m_layout.lanes().size());
    const QStringList &wanted = m_options.tasks;
    const bool namesLoopLane = wanted.contains(QStringLiteral("clock")) || wanted.contains(QStringLiteral("callbacks"));
    m_rows.assign(std::size_t(lanes), -1);
    int row = 0;
    for (int lane = 0; lane < lanes; ++lane) {
        const bool task = m_layout.lanes()[std::size_t(lane)].kind == LaneKind::Task;
        bool show = laneHasItems(lane);
        if (!wanted.isEmpty() && (task || namesLoopLane)) {
            show = false;
            for (const QString &name : laneNames(m_layout.lanes()[std::size_t(lane)]))
                show = show || wanted.contains(name);
        }
        if (show)
            m_rows[std::size_t(lane)] = row++;
    }
}

QStringList Figure::shownLanes() const
{
    const Frame f = frame(false);
    std::vector<std::pair<int, QString>> byRow;
    for (std::size_t lane = 0; lane < f.rows.size(); ++lane)
        if (f.rows[lane] >= 0)
            byRow.emplace_back(f.rows[lane], QString::fromStdString(m_layout.lanes()[lane].name));
    std::sort(byRow.begin(), byRow.end());
    QStringList out;
    for (const auto &r : byRow)
        out << r.second;
    return out;
}

int Figure::moreLanes() const
{
    return frame(false).more;
}

QString runProblem(const TimelineLayout &layout, const ExportOptions &options)
{
    QString problem;
    if (options.hasStepRange())
        problem = stepRangeProblem(layout, options);
    else if (options.hasTimeRange())
        problem = timeRangeProblem(layout, options);
    return problem.isEmpty() ? taskProblem(layout, options) : problem;
}

QString Figure::problem() const
{
    if (!m_input.trace)
        return QStringLiteral("there is no run to draw");
    const QString problem = runProblem(m_layout, m_options);
    if (problem.isEmpty() && m_options.build && m_last < m_first)
        return QStringLiteral("--build: the range has no step to make pages from; widen --steps or --time");
    return problem;
}

// ---- iterations and captions --------------------------------------------------------------------

std::vector<int> Figure::iterationStarts() const
{
    std::vector<int> starts;
    if (!m_input.trace)
        return starts;
    std::unordered_map<std::uint32_t, int> readyAt; // task -> the step that made it ready
    int step = -1, lastClock = -1, lastEnd = -1, begin = -1;
    bool beganByClock = false;
    for (const TraceEvent &e : m_input.trace->events()) {
        switch (e.kind) {
        case EventKind::TaskCreated: readyAt[e.subject] = step; break;
        case EventKind::Wake: readyAt[e.other] = step; break;
        case EventKind::Await:
            if (!e.other) // a bare yield: ready again at once
                readyAt[e.subject] = step;
            break;
        case EventKind::TaskDone:
        case EventKind::TaskRaised:
        case EventKind::TaskCancelled: lastEnd = step; break;
        case EventKind::HostStep: begin = -1; break; // asyncio.run starts the loop again
        case EventKind::StepBegin: {
            ++step;
            const auto cause = StepCause(e.aux);
            if (cause == StepCause::ClockAdvance) {
                starts.push_back(step);
                begin = lastClock = step;
                beganByClock = true;
                break;
            }
            // When the handle was scheduled (-1: unknown, taken as before the iteration began).
            int scheduled = -1;
            if (e.subject) {
                auto it = readyAt.find(e.subject);
                scheduled = it == readyAt.end() ? -1 : it->second;
            } else if (cause == StepCause::Timer) {
                scheduled = lastClock; // due timers join the ready queue as an iteration begins
            } else if (e.other) {
                // A done-callback, queued when its future ended. The trace names the future, not
                // the task it may be: taken as queued when the latest task ended.
                scheduled = lastEnd;
            }
            if (begin < 0 || scheduled > begin || (scheduled == begin && !beganByClock)) {
                starts.push_back(step);
                begin = step;
                beganByClock = false;
            }
            break;
        }
        default: break;
        }
    }
    return starts;
}

namespace {
// Captions of every step, read from the trace in one pass.
std::vector<QString> stepCaptions(const TimelineLayout &layout, const Trace &trace)
{
    std::vector<QString> out;
    std::unordered_map<std::uint32_t, std::string> awaiting; // task -> what it last awaited
    int cut = 0; // steps before the caption's: tasks go by the names they had as it began
    auto name = [&](std::uint32_t task) {
        const int lane = layout.laneOfTask(task);
        const std::string n = lane < 0 ? trace.taskName(task) : layout.laneName(lane, cut);
        return n.empty() ? QStringLiteral("Task #%1").arg(task) : QString::fromStdString(n.substr(0, n.find(" \u00b7 ")));
    };
    for (const StepInfo &step : layout.steps()) {
        const TraceEvent &b = trace[step.beginEvent];
        const std::uint32_t task = b.subject;
        const QString desc = QString::fromStdString(trace.text(b.text));
        const QString who = name(task);
        QString lead;
        switch (step.cause) {
        case StepCause::ClockAdvance: lead = QStringLiteral("Nothing is ready: the clock jumps to ") + seconds(step.time1); break;
        case StepCause::Timer:
            lead = QStringLiteral("A timer fires") + (desc.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(desc));
            break;
        case StepCause::Callback:
            lead = QStringLiteral("The loop runs a callback") + (desc.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(desc));
            break;
        case StepCause::First: {
            const std::string &call = trace.taskCall(task);
            lead = who + QStringLiteral(" starts") + (call.empty() ? QString() : QStringLiteral(" ") + QString::fromStdString(call));
            break;
        }
        case StepCause::Wakeup:
        case StepCause::Yield: {
            const auto it = awaiting.find(task);
            lead = who + QStringLiteral(" resumes after ")
                + (it == awaiting.end() || it->second.empty() ? QStringLiteral("its await") : QString::fromStdString(it->second));
            break;
        }
        case StepCause::Cancel: lead = who + QStringLiteral(" resumes with CancelledError thrown in"); break;
        }
        QStringList prints, created, wakes, others;
        QString then;
        for (std::uint32_t i = step.beginEvent; i < step.endEvent && i < trace.size(); ++i) {
            const TraceEvent &e = trace[i];
            switch (e.kind) {
            case EventKind::Print: prints << quoted(trace.text(e.text)); break;
            case EventKind::TaskCreated: created << name(e.subject); break;
            case EventKind::Wake:
                if (e.other != task && !wakes.contains(name(e.other)))
                    wakes << name(e.other);
                break;
            case EventKind::Await:
                awaiting[e.subject] = trace.text(e.text);
                if (e.subject == task && task)
                    then = QStringLiteral("awaits ") + QString::fromStdString(trace.text(e.text));
                break;
            case EventKind::TaskDone:
            case EventKind::TaskRaised:
            case EventKind::TaskCancelled: {
                const QString how = e.kind == EventKind::TaskDone ? QStringLiteral("finishes")
                    : e.kind == EventKind::TaskRaised
                    ? QStringLiteral("raises ") + QString::fromStdString(trace.text(e.text)).section(QLatin1Char(':'), 0, 0)
                    : QStringLiteral("is cancelled");
                if (e.subject == task && task)
                    then = how;
                else
                    others << name(e.subject) + QLatin1Char(' ') + how;
                break;
            }
            default: break;
            }
        }
        QStringList parts;
        if (!prints.isEmpty())
            parts << QStringLiteral("prints ") + prints.front()
                    + (prints.size() > 1 ? QStringLiteral(" (+%1 more)").arg(prints.size() - 1) : QString());
        if (!created.isEmpty())
            parts << QStringLiteral("creates ") + joined(created);
        if (!wakes.isEmpty())
            parts << QStringLiteral("wakes ") + joined(wakes);
        if (!then.isEmpty())
            parts << then;
        QString text = lead;
        if (!parts.isEmpty())
            text += (parts.size() == 1 ? QStringLiteral(" and ") : QStringLiteral(", ")) + joined(parts);
        if (!others.isEmpty())
            text += QStringLiteral("; ") + joined(others);
        out.push_back(text);
        ++cut;
    }
    return out;
}
} // namespace

QString Figure::stepCaption(int index) const
{
    if (!m_input.trace || index < 0 || index >= stepCount())
        return {};
    return stepCaptions(m_layout, *m_input.trace)[std::size_t(index)];
}

std::vector<Figure::Page> Figure::buildPages(BuildUnit unit) const
{
    std::vector<Page> pages;
    if (!m_input.trace || m_last < m_first)
        return pages;
    const std::vector<QString> captions = stepCaptions(m_layout, *m_input.trace);
    const auto &steps = m_layout.steps();
    auto lead = [&](int first, int count) {
        return QStringLiteral("%1 · %2 · ")
            .arg(count == 1 ? QStringLiteral("Step %1").arg(first + 1) : QStringLiteral("Steps %1–%2").arg(first + 1).arg(first + count),
                seconds(steps[std::size_t(first)].time0));
    };
    if (unit == BuildUnit::Step) {
        for (int s = m_first; s <= m_last; ++s)
            pages.push_back(Page {s + 1, s, 1, lead(s, 1) + captions[std::size_t(s)]});
        return pages;
    }
    std::vector<int> starts = iterationStarts();
    starts.push_back(stepCount());
    for (std::size_t i = 0; i + 1 < starts.size(); ++i) {
        const int first = std::max(starts[i], m_first), last = std::min(starts[i + 1] - 1, m_last);
        if (first > last)
            continue;
        QStringList what;
        for (int s = first; s <= last; ++s)
            what << captions[std::size_t(s)];
        pages.push_back(Page {last + 1, first, last - first + 1,
            QStringLiteral("Iteration %1 · ").arg(i + 1) + lead(first, last - first + 1) + what.join(QStringLiteral("; "))});
    }
    return pages;
}

// ---- layout -------------------------------------------------------------------------------------

Figure::Frame Figure::frame(bool footer) const
{
    Frame f;
    const QSizeF page = size();
    const qreal fs = std::clamp(m_options.fontScale, 0.5, 4.0);
    f.painterScale = fs * m_k;
    f.base = m_theme.fontPx * f.painterScale;
    f.pad = std::round(30 * m_k);
    qreal y = f.pad * 0.9;
    const qreal width = page.width() - 2 * f.pad;

    f.title = title();
    f.subtitle = m_options.subtitle;
    f.titleFont = QFont(m_theme.fontFamily);
    f.titleFont.setPixelSize(std::max(8, int(std::lround(f.base * 1.75))));
    f.titleFont.setWeight(QFont::Bold);
    f.subtitleFont = QFont(m_theme.fontFamily);
    f.subtitleFont.setPixelSize(std::max(7, int(std::lround(f.base * 1.1))));
    if (!f.title.isEmpty()) {
        const qreal h = QFontMetricsF(f.titleFont).height();
        f.titleRect = QRectF(f.pad, y, width, h);
        y += h;
    }
    if (!f.subtitle.isEmpty()) {
        const qreal h = QFontMetricsF(f.subtitleFont).height();
        f.subtitleRect = QRectF(f.pad, y + f.base * 0.15, width, h);
        y += h + f.base * 0.15;
    }
    if (!f.title.isEmpty() || !f.subtitle.isEmpty())
        y += f.base * 0.9;

    qreal bottom = page.height() - f.pad;
    if (footer) {
        const qreal h = std::round(f.base * 2.4);
        f.footer = QRectF(0, page.height() - h, page.width(), h);
        bottom = f.footer.top() - f.base * 0.6;
    }
    QRectF body(f.pad, y, width, std::max(1.0, bottom - y));
    if (m_options.code) {
        const qreal w = std::round(body.width() * 0.36);
        f.code = QRectF(body.right() - w, body.top(), w, body.height());
        body.setRight(f.code.left() - f.pad * 0.7);
    }

    // Rows share the height: they grow up to 1.6 lanes, shrink to a legible minimum, and past that
    // the last ones give way to a "+ N more lanes" row.
    TimelinePainter painter(m_layout, m_theme, f.painterScale);
    // The legend runs under the timeline and the code excerpt, the page's width.
    if (m_options.legend) {
        const qreal h = painter.legendHeight();
        f.legend = QRectF(f.pad, body.bottom() - h, page.width() - 2 * f.pad, h);
        body.setBottom(f.legend.top());
        if (!f.code.isEmpty())
            f.code.setBottom(body.bottom() - f.base * 0.6);
    }
    painter.setLegendVisible(false);
    f.nameWidth = std::min(painter.nameWidth(), std::round(body.width() * 0.3));
    const qreal fixed = painter.axisHeight();
    const qreal avail = std::max(1.0, body.height() - fixed);
    const int rows = m_rows.empty() ? 0 : std::max(0, *std::max_element(m_rows.begin(), m_rows.end()) + 1);
    const qreal lane = painter.laneHeight();
    const qreal minLane = std::max(lane * 0.62, f.base * 1.25);
    f.rows = m_rows;
    int drawn = rows;
    if (rows == 0) {
        f.laneHeight = lane;
    } else if (rows * minLane <= avail) {
        f.laneHeight = std::min(lane * 2.0, avail / rows);
    } else {
        const int fit = std::max(2, int(std::floor(avail / minLane)));
        drawn = fit; // the shown rows and the note's row
        f.laneHeight = avail / fit;
        for (int &r : f.rows)
            if (r >= fit - 1) {
                r = -1;
                ++f.more;
            }
    }
    f.laneHeight = std::floor(f.laneHeight);
    f.timeline = QRectF(body.left(), body.top(), body.width(), fixed + drawn * f.laneHeight);
    // The timeline and the code side by side, as high as the taller, a little above the middle
    // of the room they have.
    qreal height = f.timeline.height();
    if (!f.code.isEmpty()) {
        f.codeView = codeView(f.code);
        f.code.setHeight(std::min(f.code.height(), std::max(height, f.codeView.height)));
        // Beside a taller excerpt the rows grow (up to three lanes) to match it.
        if (f.more == 0 && drawn > 0 && f.code.height() > height) {
            f.laneHeight = std::max(f.laneHeight, std::floor(std::min(lane * 3, (f.code.height() - fixed) / drawn)));
            f.timeline.setHeight(fixed + drawn * f.laneHeight);
            height = f.timeline.height();
        }
        height = std::max(height, f.code.height());
    }
    if (!f.code.isEmpty() && f.code.height() > f.timeline.height())
        height += f.base * 0.6; // the code's panel keeps off the legend
    const qreal drop = std::clamp((body.height() - height) * 0.4, 0.0, f.base * 1.5);
    f.timeline.translate(0, drop);
    f.code.translate(0, drop);
    if (!f.legend.isEmpty())
        f.legend.moveTop(std::min(f.legend.top(), body.top() + drop + height));
    return f;
}

// ---- painting -----------------------------------------------------------------------------------

void Figure::paint(QPainter &p, int cutStep, int highlightStep, PaintGroups *groups) const
{
    const int cut = cutStep == TimelineLayout::kOpen ? rangeCut() : std::min(cutStep, rangeCut());
    paintFrame(p, frame(false), cut, highlightStep, 1, groups);
}

void Figure::paintPage(QPainter &p, const Page &page, int number, int total) const
{
    const Frame f = frame(true);
    paintFrame(p, f, page.cutStep, page.first, page.count, nullptr);
    paintFooter(p, f.footer, page.caption, number, total);
}

void Figure::paintFrame(
    QPainter &p, const Frame &f, int cutStep, int highlightFirst, int highlightCount, PaintGroups *groups) const
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    if (!m_options.transparent)
        p.fillRect(QRectF(QPointF(0, 0), size()), m_theme.background);
    // Each part of the figure is a group of its own in an SVG, so people can restyle or drop it.
    const auto grouped = [groups](const char *id, const QString &title, auto &&draw) {
        if (groups)
            groups->beginGroup(QLatin1String(id), title, QLatin1String(id));
        draw();
        if (groups)
            groups->endGroup();
    };
    grouped("header", QStringLiteral("Title"), [&] { paintHeader(p, f); });

    TimelinePainter painter(m_layout, m_theme, f.painterScale);
    painter.setLegendVisible(false);
    painter.setLaneHeight(f.laneHeight);
    painter.setNameWidth(f.nameWidth);
    painter.setGroups(groups);
    TimelineViewport v;
    v.size = f.timeline.size();
    v.mode = m_options.axis;
    v.cutStep = cutStep;
    v.selectedStep = highlightFirst;
    v.selectedSteps = highlightCount;
    v.rows = f.rows;
    v.cursor = cutStep != rangeCut() || highlightFirst >= 0;
    v.fillBackground = !m_options.transparent;
    painter.fitRange(v, m_x0, m_x1);
    p.save();
    p.translate(f.timeline.topLeft());
    p.setClipRect(QRectF(QPointF(0, 0), v.size));
    painter.paint(p, v);
    if (f.more > 0) {
        // The row under the last lane says what did not fit.
        int lastRow = -1;
        for (int r : f.rows)
            lastRow = std::max(lastRow, r);
        const QRectF note(f.pad * 0.4, painter.axisHeight() + (lastRow + 1) * f.laneHeight, v.size.width(), f.laneHeight);
        QFont font(m_theme.fontFamily);
        font.setPixelSize(std::max(7, int(std::lround(f.base * 0.85))));
        font.setItalic(true);
        p.setFont(font);
        p.setPen(m_theme.textDim);
        p.drawText(note, Qt::AlignVCenter | Qt::AlignLeft,
            QStringLiteral("+ %1 more lane%2").arg(f.more).arg(f.more == 1 ? "" : "s"));
    }
    p.restore();

    if (!f.legend.isEmpty())
        grouped("legend", QStringLiteral("Legend"), [&] { painter.paintLegend(p, f.legend); });
    if (!f.code.isEmpty()) {
        int current = 0;
        if (highlightFirst >= 0 && highlightFirst < stepCount())
            current = m_layout.steps()[std::size_t(std::min(highlightFirst + highlightCount, stepCount()) - 1)].line;
        grouped("code", QStringLiteral("The script"), [&] { paintCode(p, f.code, f.codeView, current); });
    }
    p.restore();
}

void Figure::paintHeader(QPainter &p, const Frame &f) const
{
    if (!f.title.isEmpty()) {
        p.setFont(f.titleFont);
        p.setPen(m_theme.text);
        p.drawText(f.titleRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(f.titleFont).elidedText(f.title, Qt::ElideRight, f.titleRect.width()));
    }
    if (!f.subtitle.isEmpty()) {
        p.setFont(f.subtitleFont);
        p.setPen(m_theme.textDim);
        p.drawText(f.subtitleRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(f.subtitleFont).elidedText(f.subtitle, Qt::ElideRight, f.subtitleRect.width()));
    }
}

void Figure::paintFooter(QPainter &p, const QRectF &r, const QString &caption, int number, int total) const
{
    const qreal base = m_theme.fontPx * std::clamp(m_options.fontScale, 0.5, 4.0) * m_k;
    const qreal pad = std::round(30 * m_k);
    p.save();
    if (!m_options.transparent)
        p.fillRect(r, m_theme.nameBackground);
    p.setPen(QPen(m_theme.grid, std::max<qreal>(1, m_k)));
    p.drawLine(r.topLeft(), r.topRight());
    QFont font(m_theme.fontFamily);
    font.setPixelSize(std::max(7, int(std::lround(base * 1.0))));
    QFont dim = font;
    const QString count = QStringLiteral("%1 / %2").arg(number).arg(total);
    const qreal countWidth = QFontMetricsF(dim).horizontalAdvance(count) + pad;
    const QRectF text = r.adjusted(pad, 0, -pad - countWidth, 0);
    // "Step 7 · 1.000 s · " in bold, what happened after it.
    const int split = caption.lastIndexOf(QStringLiteral(" · ")) + 3;
    QFont bold = font;
    bold.setWeight(QFont::DemiBold);
    const QString head = caption.left(split), rest = caption.mid(split);
    const QFontMetricsF bm(bold), fm(font);
    p.setFont(bold);
    p.setPen(m_theme.text);
    const QString headText = bm.elidedText(head, Qt::ElideRight, text.width());
    p.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, headText);
    const qreal used = bm.horizontalAdvance(headText);
    p.setFont(font);
    p.drawText(text.adjusted(used, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
        fm.elidedText(rest, Qt::ElideRight, std::max(0.0, text.width() - used)));
    p.setFont(dim);
    p.setPen(m_theme.textDim);
    p.drawText(r.adjusted(pad, 0, -pad, 0), Qt::AlignRight | Qt::AlignVCenter, count);
    p.restore();
}

// What the code excerpt shows: the whole script (without its docstring) as large as fits, else
// the lines that ran in the range (and a little around them), shrunk down to a smallest size,
// else as many of those as fit from the first. The same on every page of a build.
Figure::CodeView Figure::codeView(const QRectF &r) const
{
    CodeView c;
    c.lines = QString::fromStdString(m_input.source).split(QLatin1Char('\n'));
    for (QString &l : c.lines)
        l.replace(QLatin1Char('\t'), QStringLiteral("    "));
    // The module docstring (a scenario's header) is not code to present.
    int start = 0;
    {
        const QString first = c.lines.value(0).trimmed();
        if (first.startsWith(QLatin1String("\"\"\"")) || first.startsWith(QLatin1String("\'\'\'"))) {
            const QString quote = first.left(3);
            int end = first.size() > 3 && first.indexOf(quote, 3) >= 0 ? 0 : -1;
            for (int i = 1; end < 0 && i < c.lines.size(); ++i)
                if (c.lines[i].contains(quote))
                    end = i;
            start = end + 1;
        }
    }
    int stop = int(c.lines.size()) - 1;
    while (start < stop && c.lines[start].trimmed().isEmpty())
        ++start;
    while (stop > start && c.lines[stop].trimmed().isEmpty())
        --stop;

    const qreal base = m_theme.fontPx * std::clamp(m_options.fontScale, 0.5, 4.0) * m_k;
    c.inset = std::round(base * 0.8);
    const QRectF inner = r.adjusted(c.inset, c.inset * 0.8, -c.inset, -c.inset * 0.8);
    const qreal largest = base * 0.95, smallest = std::max(7.0, base * 0.55);
    // Code (not its comments, which may elide) should fit the width, all but its longest lines.
    std::vector<int> widths;
    for (int i = start; i <= stop; ++i) {
        QString code = c.lines[i];
        const auto hash = code.trimmed().startsWith(QLatin1Char('#')) ? 0 : code.indexOf(QStringLiteral("  #"));
        if (hash >= 0)
            code.truncate(hash);
        if (!code.trimmed().isEmpty())
            widths.push_back(int(code.size()));
    }
    std::sort(widths.begin(), widths.end());
    const int widest = widths.empty() ? 1 : widths[std::size_t(double(widths.size() - 1) * 0.9)];
    const qreal digits = QString::number(stop + 1).size() + 1.5;
    const qreal byWidth = inner.width() / ((widest + digits) * 0.61);
    auto byHeight = [&](int count) { return inner.height() / (std::max(1, count) * 1.45); };
    c.from = start;
    c.to = stop;
    c.px = std::min({largest, byWidth, byHeight(stop - start + 1)});
    if (c.px < largest * 0.8 && !m_codeLines.empty()) {
        c.from = std::max(start, m_codeLines.front() - 3);
        c.to = std::min(stop, std::max(m_codeLines.back(), c.from));
        c.px = std::min({largest, byWidth, byHeight(c.to - c.from + 1)});
    }
    c.px = std::floor(std::max(c.px, smallest) * 2) / 2;
    c.lineHeight = std::round(c.px * 1.45);
    const int capacity = std::max(1, int(std::floor(inner.height() / c.lineHeight)));
    c.to = std::min(c.to, c.from + capacity - 1);
    c.height = (c.to - c.from + 1) * c.lineHeight + c.inset * 1.6;
    return c;
}

void Figure::paintCode(QPainter &p, const QRectF &r, const CodeView &c, int currentLine) const
{
    const qreal base = m_theme.fontPx * std::clamp(m_options.fontScale, 0.5, 4.0) * m_k;
    const QRectF inner = r.adjusted(c.inset, c.inset * 0.8, -c.inset, -c.inset * 0.8);
    const int from = c.from, to = c.to;
    const qreal px = c.px;
    const QStringList &lines = c.lines;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(Qt::NoPen);
    p.setBrush(m_theme.nameBackground);
    p.drawRoundedRect(r, base * 0.4, base * 0.4);
    QFont mono(QStringLiteral("DejaVu Sans Mono"));
    mono.setStyleHint(QFont::Monospace);
    mono.setPixelSize(std::max(6, int(std::lround(px))));
    QFont bold = mono;
    bold.setWeight(QFont::Bold);
    const QFontMetricsF fm(mono);
    const qreal lineH = c.lineHeight;
    const int digits = int(QString::number(to + 1).size());
    const qreal gutter = fm.horizontalAdvance(QString(digits, QLatin1Char('8'))) + fm.horizontalAdvance(QLatin1Char(' ')) * 1.5;
    const qreal charW = fm.horizontalAdvance(QLatin1Char('m'));
    const int maxChars = std::max(4, int(std::floor((inner.width() - gutter) / charW)));
    const std::set<int> ran(m_codeLines.begin(), m_codeLines.end());
    QColor ranBand = m_theme.running, currentBand = m_theme.running;
    ranBand.setAlphaF(m_theme.kind == TimelineTheme::Kind::Dark ? 0.16f : 0.10f);
    currentBand.setAlphaF(m_theme.kind == TimelineTheme::Kind::Dark ? 0.38f : 0.26f);
    QColor string = m_theme.done.darker(m_theme.kind == TimelineTheme::Kind::Dark ? 100 : 125);
    QColor keyword = m_theme.arrow.darker(m_theme.kind == TimelineTheme::Kind::Dark ? 100 : 115);
    qreal y = inner.top();
    for (int i = from; i <= to; ++i, y += lineH) {
        const int number = i + 1;
        const QRectF band(r.left(), y, r.width(), lineH);
        if (number == currentLine) {
            p.fillRect(band, currentBand);
            p.fillRect(QRectF(r.left(), y, std::max<qreal>(2, base * 0.22), lineH), m_theme.running);
        } else if (ran.count(number)) {
            p.fillRect(band, ranBand);
        }
        p.setFont(mono);
        p.setPen(ran.count(number) ? m_theme.running : m_theme.textDim);
        p.drawText(QRectF(inner.left(), y, gutter - charW, lineH), Qt::AlignRight | Qt::AlignVCenter, QString::number(number));
        QString text = lines[i];
        if (text.size() > maxChars)
            text = text.left(maxChars - 1) + QStringLiteral("…");
        qreal x = inner.left() + gutter;
        const qreal baseline = y + (lineH + fm.ascent() - fm.descent()) / 2;
        for (const auto &[kind, run] : tokens(text)) {
            p.setFont(kind == Token::Keyword ? bold : mono);
            p.setPen(kind == Token::Keyword ? keyword
                    : kind == Token::String ? string
                    : kind == Token::Comment ? m_theme.textDim
                                            : m_theme.text);
            p.drawText(QPointF(x, baseline), run);
            x += charW * run.size();
        }
    }
    p.restore();
}

} // namespace loopscope
