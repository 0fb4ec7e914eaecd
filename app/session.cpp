#include "session.h"

#include "inspect.h"
#include "scenariolibrary.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

#include <algorithm>

namespace loopscope {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

bool writeAtomically(const QString &path, const QString &text)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(text.toUtf8());
    return f.commit();
}

QList<QVariantMap> waiterRows(const Trace &trace, const std::vector<WaiterEntry> &waiters)
{
    QList<QVariantMap> rows;
    for (const auto &w : waiters)
        rows.append({{QStringLiteral("task"), int(w.task)},
            {QStringLiteral("name"), w.task ? qs(trace.taskName(w.task)) : QStringLiteral("a future")},
            {QStringLiteral("what"), qs(w.what)}});
    return rows;
}

QVariantList toList(const QList<QVariantMap> &rows)
{
    QVariantList out;
    for (const auto &r : rows)
        out.append(r);
    return out;
}

} // namespace

Session::Session(QObject *parent)
    : QObject(parent)
    , m_tasks({QStringLiteral("taskId"), QStringLiteral("name"), QStringLiteral("coroutine"), QStringLiteral("label"),
          QStringLiteral("taskState"), QStringLiteral("stateText"), QStringLiteral("awaiting"),
          QStringLiteral("result"), QStringLiteral("line"), QStringLiteral("taskColor"), QStringLiteral("internal"),
          QStringLiteral("current")})
    , m_ready({QStringLiteral("position"), QStringLiteral("taskId"), QStringLiteral("description"),
          QStringLiteral("taskColor")})
    , m_timers({QStringLiteral("when"), QStringLiteral("whenText"), QStringLiteral("taskId"),
          QStringLiteral("description"), QStringLiteral("taskColor")})
    , m_primitives({QStringLiteral("primitiveId"), QStringLiteral("kind"), QStringLiteral("label"),
          QStringLiteral("primitiveState"), QStringLiteral("items"), QStringLiteral("waiters"),
          QStringLiteral("putters"), QStringLiteral("joiners"), QStringLiteral("owner")})
    , m_console({QStringLiteral("text"), QStringLiteral("step"), QStringLiteral("taskId"), QStringLiteral("kind"),
          QStringLiteral("taskColor")})
{
    m_ticker.setSingleShot(true);
    connect(&m_ticker, &QTimer::timeout, this, &Session::tick);
    m_autosaveTimer.setSingleShot(true);
    m_autosaveTimer.setInterval(3000);
    connect(&m_autosaveTimer, &QTimer::timeout, this, &Session::saveEditsNow);
    // The engine watches every executed statement for the breakpoint lines.
    connect(this, &Session::breakpointsChanged, this,
        [this] { m_engine.setBreakpoints(std::vector<int>(m_breakpoints.begin(), m_breakpoints.end())); });
    // A step that never awaits keeps the window answering (see pulse()).
    m_engine.setPulse([this] { pulse(); });
}

Session::~Session()
{
    saveEditsNow();
}

QString Session::taskColor(int taskId)
{
    // Calm, distinguishable hues that read on light and dark backgrounds alike.
    static const char *const palette[] = {"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#b07aa1", "#edc948",
        "#ff9da7", "#9c755f", "#8cd17d", "#86bcb6", "#d4a6c8"};
    if (taskId <= 0)
        return QStringLiteral("#8a8f98");
    return QString::fromLatin1(palette[(taskId - 1) % int(std::size(palette))]);
}

QString Session::clockText() const
{
    return TraceDigest::formatTime(m_engine.loop().now());
}

QString Session::outcome() const
{
    switch (m_engine.outcome()) {
    case Outcome::NotStarted: return QStringLiteral("ready");
    case Outcome::Running: return QStringLiteral("running");
    case Outcome::Finished: return QStringLiteral("finished");
    case Outcome::Uncaught: return QStringLiteral("uncaught");
    case Outcome::Deadlock: return QStringLiteral("deadlock");
    case Outcome::Livelock: return QStringLiteral("livelock");
    case Outcome::LoadError: return QStringLiteral("load error");
    }
    return {};
}

QString Session::outcomeText() const
{
    switch (m_engine.outcome()) {
    case Outcome::NotStarted: return tr("Ready to step");
    case Outcome::Running: return tr("Paused");
    case Outcome::Finished: return tr("Finished (exit status %1)").arg(m_engine.exitStatus());
    case Outcome::Uncaught: return tr("Uncaught exception");
    case Outcome::Deadlock: return tr("Deadlock");
    case Outcome::Livelock: return tr("Livelock");
    case Outcome::LoadError: return tr("Cannot load the script");
    }
    return {};
}

QString Session::busyKind() const
{
    switch (m_goal) {
    case Goal::None: return {};
    case Goal::Run: return QStringLiteral("run");
    case Goal::RunToEnd: return QStringLiteral("end");
    case Goal::NextTimer: return QStringLiteral("timer");
    case Goal::Iteration: return QStringLiteral("iteration");
    case Goal::Replay: return QStringLiteral("replay");
    }
    return {};
}

QString Session::steppingText() const
{
    if (!m_stepping)
        return {};
    const QString text = m_goal == Goal::Replay
        ? tr("Replaying step %1 of %2\u2026").arg(m_step + 1).arg(m_replayTarget)
        : tr("Running step %1\u2026 no await yet (line %2)").arg(m_step + 1).arg(m_steppingLine);
    return m_pauseAfterStep ? text + tr(" \u00b7 pausing after this step") : text;
}

QVariantList Session::breakpoints() const
{
    QList<int> lines(m_breakpoints.begin(), m_breakpoints.end());
    std::sort(lines.begin(), lines.end());
    QVariantList out;
    for (int l : lines)
        out.append(l);
    return out;
}

void Session::setSpeed(int stepsPerSecond)
{
    stepsPerSecond = std::clamp(stepsPerSecond, 1, kMaxSpeed);
    if (stepsPerSecond == m_speed)
        return;
    m_speed = stepsPerSecond;
    Q_EMIT speedChanged();
}

QString Session::python() const
{
    return m_engine.profile() == Profile::Py311 ? QStringLiteral("3.11") : QStringLiteral("3.12");
}

void Session::setPython(const QString &version)
{
    const Profile p = version == QLatin1String("3.11") ? Profile::Py311 : Profile::Py312;
    if (p == m_engine.profile() || deferWhileStepping([this, version] { setPython(version); }))
        return;
    m_engine.setProfile(p);
    Q_EMIT scriptChanged();
    loadEngine();
}

// ---- the script --------------------------------------------------------------------------------

bool Session::loadScenario(const QString &name)
{
    ScenarioInfo info;
    if (!ScenarioLibrary::find(name, &info))
        return false;
    if (deferWhileStepping([this, name] { loadScenario(name); }))
        return true;
    saveEditsNow();
    m_scenarioName = info.name;
    m_title = info.title;
    m_summary = info.summary;
    m_notice = info.notice;
    m_filePath.clear();
    setScript(info.source, info.source, info.name + QStringLiteral(".py"));
    return true;
}

bool Session::openFile(const QUrl &url)
{
    return openPath(url.isLocalFile() ? url.toLocalFile() : url.toString());
}

bool Session::openPath(const QString &path)
{
    if (deferWhileStepping([this, path] { openPath(path); }))
        return QFileInfo(path).isReadable();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        Q_EMIT message(tr("Cannot open %1: %2").arg(path, f.errorString()));
        return false;
    }
    saveEditsNow();
    const QString text = QString::fromUtf8(f.readAll());
    const QFileInfo fi(path);
    const ScenarioInfo info = ScenarioLibrary::parseHeader(fi.completeBaseName(), text);
    m_scenarioName.clear();
    m_title = info.title;
    m_summary = info.summary;
    m_notice = info.notice;
    m_filePath = fi.absoluteFilePath();
    setScript(text, text, fi.fileName());
    Q_EMIT fileOpened(m_filePath);
    return true;
}

bool Session::save()
{
    if (m_filePath.isEmpty() || !writeAtomically(m_filePath, m_source))
        return false;
    m_original = m_source;
    saveEditsNow(); // drops the autosave: the file holds the edits now
    Q_EMIT sourceChanged();
    return true;
}

bool Session::saveAs(const QUrl &url)
{
    if (deferWhileStepping([this, url] { saveAs(url); }))
        return true;
    const QString path = url.isLocalFile() ? url.toLocalFile() : url.toString();
    if (!writeAtomically(path, m_source)) {
        Q_EMIT message(tr("Cannot save %1").arg(path));
        return false;
    }
    return openPath(path);
}

void Session::revert()
{
    if (deferWhileStepping([this] { revert(); }))
        return;
    m_source = m_original;
    saveEditsNow();
    loadEngine();
    Q_EMIT sourceChanged();
}

QString Session::autosaveFile() const
{
    if (m_autosaveDir.isEmpty())
        return {};
    if (!m_scenarioName.isEmpty())
        return m_autosaveDir + QStringLiteral("/scenario-") + m_scenarioName + QStringLiteral(".py");
    if (m_filePath.isEmpty())
        return {};
    const QByteArray hash = QCryptographicHash::hash(m_filePath.toUtf8(), QCryptographicHash::Sha1).toHex().left(16);
    return m_autosaveDir + QStringLiteral("/file-") + QString::fromLatin1(hash) + QStringLiteral(".py");
}

void Session::saveEditsNow()
{
    m_autosaveTimer.stop();
    const QString file = autosaveFile();
    if (file.isEmpty())
        return;
    if (!edited()) {
        QFile::remove(file);
        return;
    }
    QDir().mkpath(m_autosaveDir);
    if (!writeAtomically(file, m_source))
        Q_EMIT message(tr("Could not autosave to %1").arg(file));
}

void Session::setScript(const QString &text, const QString &original, const QString &fileName)
{
    m_original = original;
    m_fileName = fileName;
    m_source = text;
    // Edits made earlier come back (autosaved every few seconds and on quit).
    const QString saved = autosaveFile();
    QFile f(saved);
    if (!saved.isEmpty() && f.open(QIODevice::ReadOnly))
        m_source = QString::fromUtf8(f.readAll());
    m_breakpoints.clear();
    Q_EMIT scriptChanged();
    Q_EMIT breakpointsChanged();
    loadEngine();
    Q_EMIT sourceChanged();
}

void Session::setSource(const QString &text)
{
    if (text == m_source)
        return;
    m_source = text;
    if (!m_autosaveDir.isEmpty())
        m_autosaveTimer.start();
    Q_EMIT sourceChanged();
}

// Parses the editor's text and goes back to step 0.
void Session::loadEngine()
{
    stop();
    m_loaded = m_source;
    m_engine.load(m_loaded.toStdString(), m_fileName.toStdString());
    clearDigest();
    if (m_engine.outcome() == Outcome::LoadError)
        m_digest.addLoadError(qs(m_engine.loadError().formatted));
    Q_EMIT loaded();
    refresh();
}

// Back to step 0 of what the engine holds: the derived state and the console start over.
void Session::clearDigest()
{
    m_step = 0;
    m_stepBegin = 0;
    m_engineSteps = {0};
    m_digest.clear();
    m_console.clear();
    m_consoleShown = 0;
}

void Session::ensureCurrent()
{
    if (stale()) {
        loadEngine();
        Q_EMIT sourceChanged();
    }
}

// ---- stepping ----------------------------------------------------------------------------------

// One engine step; the session's step count is the number of these since load (so replaying N
// of them rebuilds step N exactly).
bool Session::advance()
{
    if (m_engine.finished())
        return false;
    m_stepBegin = m_engine.trace().size();
    m_inStep = true;
    m_pulseClock.start();
    try {
        m_engine.step();
    } catch (...) {
        m_inStep = false;
        throw;
    }
    m_inStep = false;
    m_pauseAfterStep = false;
    if (m_stepping) {
        m_stepping = false;
        Q_EMIT steppingChanged();
    }
    ++m_step;
    m_engineSteps.append(m_engine.stepCount());
    m_digest.feed(m_engine.trace(), m_step, m_engine.errorText());
    if (m_deferred) // a request made during the step runs once this action is over
        QTimer::singleShot(0, this, std::exchange(m_deferred, {}));
    return true;
}

// Inside a long step (every Interpreter::kPulseOps operations): lets the window paint and answer,
// at most every kPulseMs. Whatever the window asks for meanwhile waits for the step's end
// (deferWhileStepping), except Pause, which takes effect right after it.
void Session::pulse()
{
    if (!m_inStep || m_pulseClock.elapsed() < kPulseMs)
        return;
    const int line = m_engine.interpreter().currentLine(); // a plain read: where the step is
    if (!m_stepping || line != m_steppingLine) {
        m_stepping = true;
        m_steppingLine = line;
        Q_EMIT steppingChanged();
    }
    QCoreApplication::processEvents();
    m_pulseClock.start();
}

// Steps are atomic: a request that would touch the engine during one is kept (the latest wins)
// and made when the step ends.
bool Session::deferWhileStepping(std::function<void()> request)
{
    if (!m_inStep)
        return false;
    m_deferred = std::move(request);
    return true;
}

// Any statement on a breakpoint line ran in the last step (the engine watches them all, not only
// the awaits and prints the trace records).
bool Session::hitBreakpoint() const
{
    return !m_breakpoints.isEmpty() && m_engine.breakpointHit();
}

bool Session::reachedGoal(std::size_t stepBegin)
{
    const Trace &trace = m_engine.trace();
    switch (m_goal) {
    case Goal::Run: return hitBreakpoint();
    case Goal::NextTimer:
        for (std::size_t i = stepBegin; i < trace.size(); ++i)
            if (trace[i].kind == EventKind::StepBegin && trace[i].aux == std::uint8_t(StepCause::ClockAdvance))
                return true;
        return false;
    case Goal::Iteration: return !m_engine.inIteration();
    case Goal::Replay: return m_step >= m_replayTarget;
    default: return false;
    }
}

void Session::start(Goal goal)
{
    ensureCurrent();
    if (m_engine.finished() && goal != Goal::Replay)
        return;
    const bool was = busy();
    m_goal = goal;
    if (!was)
        Q_EMIT busyChanged();
    m_ticker.start(0);
}

void Session::stop()
{
    m_ticker.stop();
    if (m_goal == Goal::None)
        return;
    m_goal = Goal::None;
    Q_EMIT busyChanged();
}

// One slice: steps until the goal, the end, or the slice's time is up. Running at a set speed
// takes one step per tick.
void Session::tick()
{
    if (m_inStep)
        return;
    QElapsedTimer clock;
    clock.start();
    const bool paced = m_goal == Goal::Run && m_speed < kMaxSpeed;
    bool done = false;
    do {
        if (m_goal == Goal::Replay && m_step >= m_replayTarget) {
            done = true;
            break;
        }
        if (!advance() || reachedGoal(m_stepBegin) || m_engine.finished() || m_goal == Goal::None) {
            done = true; // (no goal: paused during a long step)
            break;
        }
    } while (!paced && clock.elapsed() < kSliceMs);
    if (done)
        stop();
    else
        m_ticker.start(paced ? 1000 / m_speed : 0);
    if (done || m_goal != Goal::Replay)
        refresh();
}

void Session::finishPending()
{
    while (busy()) {
        m_ticker.stop();
        tick();
    }
}

void Session::stepOnce()
{
    if (deferWhileStepping([this] { stepOnce(); }))
        return;
    stop();
    ensureCurrent();
    if (advance())
        refresh();
}

void Session::stepIteration()
{
    if (deferWhileStepping([this] { stepIteration(); }))
        return;
    stop();
    start(Goal::Iteration);
}

void Session::nextTimer()
{
    if (deferWhileStepping([this] { nextTimer(); }))
        return;
    stop();
    start(Goal::NextTimer);
}

void Session::run()
{
    if (m_goal == Goal::Run || deferWhileStepping([this] { run(); }))
        return;
    stop();
    start(Goal::Run);
}

void Session::pause()
{
    m_deferred = {};
    if (!busy())
        return;
    if (m_inStep) { // steps are atomic: the run stops right after this one
        m_pauseAfterStep = true;
        Q_EMIT steppingChanged();
    }
    const bool replaying = m_goal == Goal::Replay;
    stop();
    if (replaying && !m_inStep) // (during a step, the step's end refreshes)
        refresh();
}

void Session::toggleRun()
{
    if (m_goal == Goal::Run)
        pause();
    else
        run();
}

void Session::runToEnd()
{
    if (deferWhileStepping([this] { runToEnd(); }))
        return;
    stop();
    start(Goal::RunToEnd);
}

void Session::back()
{
    if (deferWhileStepping([this] { back(); }))
        return;
    if (m_step > 0 && !stale())
        goToStep(m_step - 1);
}

void Session::reset()
{
    if (deferWhileStepping([this] { reset(); }))
        return;
    stop();
    if (stale()) {
        ensureCurrent();
        return;
    }
    goToStep(0);
}

void Session::goToStep(int n)
{
    if (deferWhileStepping([this, n] { goToStep(n); }))
        return;
    stop();
    if (stale())
        return;
    n = std::max(0, n);
    if (n < m_step) {
        m_engine.reset();
        clearDigest();
    }
    m_replayTarget = n;
    if (m_step >= n || m_engine.finished()) {
        refresh();
        return;
    }
    start(Goal::Replay);
}

void Session::goToEngineStep(int n)
{
    if (deferWhileStepping([this, n] { goToEngineStep(n); }))
        return;
    const auto at = std::lower_bound(m_engineSteps.begin(), m_engineSteps.end(), n);
    if (at != m_engineSteps.end())
        goToStep(int(at - m_engineSteps.begin()));
    else if (!m_engine.finished()) // past the last step (scrubbing forward): the run goes on
        goToStep(m_step + n - m_engineSteps.last());
}

void Session::toggleBreakpoint(int line)
{
    if (line <= 0)
        return;
    if (!m_breakpoints.remove(line))
        m_breakpoints.insert(line);
    Q_EMIT breakpointsChanged();
}

void Session::clearBreakpoints()
{
    m_breakpoints.clear();
    Q_EMIT breakpointsChanged();
}

// ---- the models --------------------------------------------------------------------------------

void Session::refresh()
{
    const Trace &trace = m_engine.trace();
    const std::size_t end = trace.size();
    const std::size_t begin = m_step ? m_stepBegin : end; // the current step's events
    const LoadError &loadError = m_engine.loadError();
    m_narration = m_engine.outcome() == Outcome::LoadError ? tr("The script cannot run: %1, line %2: %3: %4")
                                                                 .arg(qs(loadError.fileName))
                                                                 .arg(loadError.line)
                                                                 .arg(qs(loadError.type), qs(loadError.message))
                                                           : m_digest.narrate(trace, begin, end, m_step);
    m_executedLine = TraceDigest::lastLine(trace, begin, end);
    m_currentTask = 0;
    for (std::size_t i = begin; i < end && !m_currentTask; ++i)
        if (trace[i].kind == EventKind::StepBegin)
            m_currentTask = int(trace[i].subject);
    refreshTasks();
    refreshLoopState();
    refreshConsole();
    refreshErrors();
    refreshDeadlock();
    if (!m_deadlockText.isEmpty() && begin < end && trace[end - 1].kind == EventKind::Deadlock)
        m_narration += QStringLiteral(": ") + m_deadlockText; // the step that found it says who waits for whom
    if (m_engine.outcome() == Outcome::Finished && m_step > 0)
        m_narration += tr(". The module code ends: the run is over (exit status %1)").arg(m_engine.exitStatus());
    Q_EMIT stateChanged();
}

// The tasks table and each live task's line in the code view, from the trace.
void Session::refreshTasks()
{
    QList<QVariantMap> taskRows;
    m_taskLines.clear();
    for (const TaskInfo &t : m_digest.tasks()) {
        if (!t.id)
            continue;
        const QString color = taskColor(int(t.id));
        taskRows.append({{QStringLiteral("taskId"), int(t.id)}, {QStringLiteral("name"), t.name},
            {QStringLiteral("coroutine"), t.coroutine}, {QStringLiteral("label"), t.label()},
            {QStringLiteral("taskState"), t.stateName()}, {QStringLiteral("stateText"), t.stateText()},
            {QStringLiteral("awaiting"), t.awaiting}, {QStringLiteral("result"), t.result},
            {QStringLiteral("line"), t.line}, {QStringLiteral("taskColor"), color},
            {QStringLiteral("internal"), t.internal}, {QStringLiteral("current"), int(t.id) == m_currentTask}});
        const bool live = t.state == TaskInfo::State::Waiting || t.state == TaskInfo::State::Ready
            || t.state == TaskInfo::State::Running;
        if (live && t.line > 0 && !t.internal)
            m_taskLines.append(QVariantMap {{QStringLiteral("line"), t.line}, {QStringLiteral("taskColor"), color},
                {QStringLiteral("name"), t.name}, {QStringLiteral("taskId"), int(t.id)}});
    }
    m_tasks.setRows(taskRows);
}

// The ready queue, the timers and the primitives: live engine state (after a replay it is
// exactly the state at this step).
void Session::refreshLoopState()
{
    const Trace &trace = m_engine.trace();
    const bool running = m_engine.outcome() == Outcome::Running;
    const bool stuck = m_engine.outcome() == Outcome::Deadlock;
    QList<QVariantMap> readyRows, timerRows, primitiveRows;
    int position = 1;
    for (const auto &r : running ? readyQueue(m_engine) : std::vector<ReadyEntry>())
        readyRows.append({{QStringLiteral("position"), position++}, {QStringLiteral("taskId"), int(r.task)},
            {QStringLiteral("description"), qs(r.description)}, {QStringLiteral("taskColor"), taskColor(int(r.task))}});
    for (const auto &t : running || stuck ? pendingTimers(m_engine) : std::vector<TimerEntry>())
        timerRows.append({{QStringLiteral("when"), double(t.when) / 1e9},
            {QStringLiteral("whenText"), TraceDigest::formatTime(t.when)}, {QStringLiteral("taskId"), int(t.task)},
            {QStringLiteral("description"), qs(t.description)}, {QStringLiteral("taskColor"), taskColor(int(t.task))}});
    for (const auto &p : running || stuck ? loopscope::primitives(m_engine) : std::vector<PrimitiveEntry>()) {
        QStringList items;
        for (const auto &i : p.items)
            items << qs(i);
        primitiveRows.append({{QStringLiteral("primitiveId"), int(p.id)}, {QStringLiteral("kind"), qs(p.kind)},
            {QStringLiteral("label"), qs(p.label)}, {QStringLiteral("primitiveState"), qs(p.state)},
            {QStringLiteral("items"), items}, {QStringLiteral("waiters"), toList(waiterRows(trace, p.waiters))},
            {QStringLiteral("putters"), toList(waiterRows(trace, p.putters))},
            {QStringLiteral("joiners"), toList(waiterRows(trace, p.joiners))},
            {QStringLiteral("owner"), int(p.owner)}});
    }
    m_ready.setRows(readyRows);
    m_timers.setRows(timerRows);
    m_primitives.setRows(primitiveRows);
}

// The console only grows between resets (clearDigest() empties it).
void Session::refreshConsole()
{
    static const QString kinds[] = {QStringLiteral("output"), QStringLiteral("error"), QStringLiteral("info")};
    const auto &lines = m_digest.console();
    QList<QVariantMap> added;
    for (std::size_t i = m_consoleShown; i < lines.size(); ++i) {
        const ConsoleLine &l = lines[i];
        added.append({{QStringLiteral("text"), l.text}, {QStringLiteral("step"), l.step},
            {QStringLiteral("taskId"), int(l.task)}, {QStringLiteral("kind"), kinds[int(l.kind)]},
            {QStringLiteral("taskColor"), taskColor(int(l.task))}});
    }
    m_consoleShown = lines.size();
    m_console.appendRows(added);
}

// Where the script failed to load, or where the uncaught exception was raised.
void Session::refreshErrors()
{
    m_errorLine = 0;
    m_errorMessage.clear();
    if (m_engine.outcome() == Outcome::LoadError) {
        const LoadError &e = m_engine.loadError();
        m_errorLine = e.line;
        m_errorMessage = qs(e.type) + QStringLiteral(": ") + qs(e.message);
    } else if (m_engine.outcome() == Outcome::Uncaught) {
        const QString text = qs(m_engine.errorText());
        static const QRegularExpression at(QStringLiteral("File \"([^\"]*)\", line (\\d+)"));
        auto it = at.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            if (m.captured(1) == m_fileName)
                m_errorLine = m.captured(2).toInt(); // the innermost frame in the script
        }
        // A step that never gave control back: "... blocks the event loop: ..., near line 6."
        static const QRegularExpression near(QStringLiteral("blocks the event loop: .*, near line (\\d+)"));
        if (const auto m = near.match(text); !m_errorLine && m.hasMatch())
            m_errorLine = m.captured(1).toInt();
        m_errorMessage = text.trimmed().section(QLatin1Char('\n'), -1);
    }
}

// The wait-for graph of a deadlock: who waits for what, held by whom; the cycle's edges marked.
void Session::refreshDeadlock()
{
    m_deadlockNodes.clear();
    m_deadlockEdges.clear();
    m_deadlockText.clear();
    if (m_engine.outcome() != Outcome::Deadlock)
        return;
    const DeadlockReport &report = m_engine.deadlockReport();
    auto nameOf = [&](std::uint32_t id) {
        for (const auto &b : report.blocked)
            if (b.task == id)
                return qs(b.coroutine.empty() ? b.taskName : b.coroutine);
        return qs(m_engine.trace().taskName(id));
    };
    auto inCycle = [&](std::uint32_t from, std::uint32_t to) {
        for (std::size_t i = 0; i + 1 < report.cycle.size(); ++i)
            if (report.cycle[i] == from && report.cycle[i + 1] == to)
                return true;
        return false;
    };
    for (const auto &b : report.blocked) {
        const bool cyc = std::find(report.cycle.begin(), report.cycle.end(), b.task) != report.cycle.end();
        m_deadlockNodes.append(
            QVariantMap {{QStringLiteral("taskId"), int(b.task)}, {QStringLiteral("name"), nameOf(b.task)},
                {QStringLiteral("taskName"), qs(b.taskName)}, {QStringLiteral("waitsFor"), qs(b.waitsFor)},
                {QStringLiteral("inCycle"), cyc}, {QStringLiteral("taskColor"), taskColor(int(b.task))}});
        if (!b.heldBy && b.waitsFor.rfind("gather(", 0) == 0) {
            // gather's outer future has no owner: draw its edges to the children it waits for.
            for (const auto &child : report.blocked) {
                const TaskInfo *info = m_digest.task(child.task);
                if (info && info->parent == b.task)
                    m_deadlockEdges.append(
                        QVariantMap {{QStringLiteral("from"), int(b.task)}, {QStringLiteral("to"), int(child.task)},
                            {QStringLiteral("label"), QStringLiteral("gather")}, {QStringLiteral("inCycle"), false}});
            }
        }
        if (b.heldBy)
            m_deadlockEdges.append(
                QVariantMap {{QStringLiteral("from"), int(b.task)}, {QStringLiteral("to"), int(b.heldBy)},
                    {QStringLiteral("label"), b.primitive.empty() ? QStringLiteral("awaits") : qs(b.primitive)},
                    {QStringLiteral("inCycle"), inCycle(b.task, b.heldBy)}});
    }
    if (report.cycle.empty()) {
        m_deadlockText = qs(report.text).trimmed();
        return;
    }
    // "alice holds lock_a, waits for lock_b held by bob; bob holds lock_b, waits for lock_a held by alice"
    QStringList sentences;
    for (std::size_t i = 0; i + 1 < report.cycle.size(); ++i) {
        const std::uint32_t who = report.cycle[i];
        const std::uint32_t next = report.cycle[i + 1];
        QStringList holds;
        for (const auto &b : report.blocked)
            if (b.heldBy == who && !b.primitive.empty() && !holds.contains(qs(b.primitive)))
                holds << qs(b.primitive);
        const auto blocked = std::find_if(
            report.blocked.begin(), report.blocked.end(), [who](const auto &b) { return b.task == who; });
        QString s = nameOf(who);
        if (!holds.isEmpty())
            s += QStringLiteral(" holds ") + holds.join(QStringLiteral(", ")) + QLatin1Char(',');
        if (blocked != report.blocked.end() && !blocked->primitive.empty())
            s += QStringLiteral(" waits for ") + qs(blocked->primitive) + QStringLiteral(" held by ") + nameOf(next);
        else
            s += QStringLiteral(" waits for ") + nameOf(next);
        sentences << s;
    }
    m_deadlockText = sentences.join(QStringLiteral("; "));
}

} // namespace loopscope
