// The playground's session controller: owns one Engine, steps it on the GUI thread (long runs in
// time slices, so Pause answers at once), goes back by deterministic replay from the start, and
// keeps the inspector models in sync with the trace after every action.
//
// For the timeline: trace() is the whole run so far (the same Trace object for the session's
// lifetime; it is cleared and regrown on load, Reset and Back), stepTraceBegin() is where the
// current step's events start. stateChanged() is emitted after every action. step() counts the
// session's steps (engine step() calls, so a deadlock's detection is a step of its own);
// engineStep() is Engine::stepCount() at this point, the numbering the TimelineView uses, and
// goToEngineStep() goes back to one of those.
#pragma once

#include "engine.h"
#include "rowmodel.h"
#include "tracedigest.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <QVariantList>

#include <functional>

namespace loopscope {

class Session : public QObject {
    Q_OBJECT
    // where the run is
    Q_PROPERTY(int step READ step NOTIFY stateChanged)
    Q_PROPERTY(double clock READ clock NOTIFY stateChanged)
    Q_PROPERTY(QString clockText READ clockText NOTIFY stateChanged)
    Q_PROPERTY(QString outcome READ outcome NOTIFY stateChanged)
    Q_PROPERTY(QString outcomeText READ outcomeText NOTIFY stateChanged)
    Q_PROPERTY(bool atEnd READ atEnd NOTIFY stateChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString busyKind READ busyKind NOTIFY busyChanged)
    // A single step has run long enough that the window kept its events going inside it (a loop
    // that never awaits): requests made now wait for the step's end, Pause stops right after it.
    Q_PROPERTY(bool stepping READ stepping NOTIFY steppingChanged)
    Q_PROPERTY(QString steppingText READ steppingText NOTIFY steppingChanged)
    Q_PROPERTY(int steppingLine READ steppingLine NOTIFY steppingChanged)
    Q_PROPERTY(QString narration READ narration NOTIFY stateChanged)
    Q_PROPERTY(int executedLine READ executedLine NOTIFY stateChanged)
    Q_PROPERTY(int currentTask READ currentTask NOTIFY stateChanged)
    Q_PROPERTY(QString currentTaskColor READ currentTaskColor NOTIFY stateChanged)
    Q_PROPERTY(QVariantList taskLines READ taskLines NOTIFY stateChanged)
    Q_PROPERTY(int engineStep READ engineStep NOTIFY stateChanged)
    Q_PROPERTY(int traceEnd READ traceEnd NOTIFY stateChanged)
    Q_PROPERTY(int stepTraceBegin READ stepTraceBegin NOTIFY stateChanged)
    Q_PROPERTY(int errorLine READ errorLine NOTIFY stateChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY stateChanged)
    Q_PROPERTY(QString deadlockText READ deadlockText NOTIFY stateChanged)
    Q_PROPERTY(QVariantList deadlockNodes READ deadlockNodes NOTIFY stateChanged)
    Q_PROPERTY(QVariantList deadlockEdges READ deadlockEdges NOTIFY stateChanged)
    // the script
    Q_PROPERTY(QString scenarioName READ scenarioName NOTIFY scriptChanged)
    Q_PROPERTY(QString title READ title NOTIFY scriptChanged)
    Q_PROPERTY(QString summary READ summary NOTIFY scriptChanged)
    Q_PROPERTY(QString notice READ notice NOTIFY scriptChanged)
    Q_PROPERTY(QString filePath READ filePath NOTIFY scriptChanged)
    Q_PROPERTY(QString fileName READ fileName NOTIFY scriptChanged)
    Q_PROPERTY(QString source READ source WRITE setSource NOTIFY sourceChanged)
    Q_PROPERTY(bool edited READ edited NOTIFY sourceChanged)
    Q_PROPERTY(bool stale READ stale NOTIFY sourceChanged)
    Q_PROPERTY(QVariantList breakpoints READ breakpoints NOTIFY breakpointsChanged)
    Q_PROPERTY(int speed READ speed WRITE setSpeed NOTIFY speedChanged)
    // Which CPython the run follows: "3.12" (default) or "3.11". Changing it starts over.
    Q_PROPERTY(QString python READ python WRITE setPython NOTIFY scriptChanged)
    Q_PROPERTY(int maxSpeed READ maxSpeed CONSTANT)
    // the inspector
    Q_PROPERTY(loopscope::RowModel *tasks READ tasks CONSTANT)
    Q_PROPERTY(loopscope::RowModel *ready READ ready CONSTANT)
    Q_PROPERTY(loopscope::RowModel *timers READ timers CONSTANT)
    Q_PROPERTY(loopscope::RowModel *primitives READ primitives CONSTANT)
    Q_PROPERTY(loopscope::RowModel *console READ console CONSTANT)

public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    // Steps per second while running; maxSpeed() means as fast as the machine goes.
    static constexpr int kMaxSpeed = 60;
    // How long one slice of a long run may keep the GUI thread (Pause answers within 100 ms).
    static constexpr int kSliceMs = 20;
    // How often a long step lets the window handle its events (Engine::setPulse).
    static constexpr int kPulseMs = 10;

    int step() const { return m_step; }
    double clock() const { return m_engine.loop().time(); }
    QString clockText() const;
    QString outcome() const;
    QString outcomeText() const;
    bool atEnd() const { return m_engine.finished(); }
    bool busy() const { return m_goal != Goal::None; }
    QString busyKind() const;
    bool stepping() const { return m_stepping; }
    // "Running step 5… no await yet (line 6)" (and "· pausing after this step"); empty when not stepping.
    QString steppingText() const;
    // The line a long step is running (0 when not stepping).
    int steppingLine() const { return m_stepping ? m_steppingLine : 0; }
    // Whether the engine is inside a step right now (true only for code the pulse runs).
    bool inStep() const { return m_inStep; }
    QString narration() const { return m_narration; }
    int executedLine() const { return m_executedLine; }
    // The task whose step the current step was (0: the clock, a plain callback, module code).
    int currentTask() const { return m_currentTask; }
    QString currentTaskColor() const { return taskColor(m_currentTask); }
    QVariantList taskLines() const { return m_taskLines; }
    int engineStep() const { return m_engine.stepCount(); }
    int traceEnd() const { return int(m_engine.trace().size()); }
    int stepTraceBegin() const { return int(m_stepBegin); }
    int errorLine() const { return m_errorLine; }
    QString errorMessage() const { return m_errorMessage; }
    QString deadlockText() const { return m_deadlockText; }
    QVariantList deadlockNodes() const { return m_deadlockNodes; }
    QVariantList deadlockEdges() const { return m_deadlockEdges; }

    QString scenarioName() const { return m_scenarioName; }
    QString title() const { return m_title; }
    QString summary() const { return m_summary; }
    QString notice() const { return m_notice; }
    QString filePath() const { return m_filePath; }
    QString fileName() const { return m_fileName; }
    QString source() const { return m_source; }
    void setSource(const QString &text);
    bool edited() const { return m_source != m_original; }
    bool stale() const { return m_source != m_loaded; }
    QVariantList breakpoints() const;
    int speed() const { return m_speed; }
    void setSpeed(int stepsPerSecond);
    int maxSpeed() const { return kMaxSpeed; }
    QString python() const;
    void setPython(const QString &version);

    RowModel *tasks() { return &m_tasks; }
    RowModel *ready() { return &m_ready; }
    RowModel *timers() { return &m_timers; }
    RowModel *primitives() { return &m_primitives; }
    RowModel *console() { return &m_console; }

    const Engine &engine() const { return m_engine; }
    const Trace &trace() const { return m_engine.trace(); }
    const TraceDigest &digest() const { return m_digest; }
    // A stable colour per task id (the code view, the tables and the timeline share it).
    Q_INVOKABLE static QString taskColor(int taskId);

    // Where edits are autosaved (empty: autosave off, e.g. in tests and screenshots).
    void setAutosaveDirectory(const QString &dir) { m_autosaveDir = dir; }
    QString autosaveDirectory() const { return m_autosaveDir; }

public Q_SLOTS:
    bool loadScenario(const QString &name);
    bool openFile(const QUrl &url);
    bool openPath(const QString &path);
    // Saves the script to its file (QSaveFile: all or nothing); false for a built-in scenario.
    bool save();
    bool saveAs(const QUrl &url);
    // Back to the scenario's or file's original text, dropping the autosaved edits.
    void revert();
    void saveEditsNow();

    void stepOnce();
    void stepIteration();
    void nextTimer();
    void run();
    void pause();
    void toggleRun();
    void runToEnd();
    void back();
    void reset();
    // Replays from the start to step n (Back, and clicks on console lines).
    void goToStep(int n);
    // Goes back to the first point where Engine::stepCount() reached n (a click on the timeline);
    // past the last step, steps on (scrubbing forward).
    void goToEngineStep(int n);
    void toggleBreakpoint(int line);
    void clearBreakpoints();
    // Runs synchronously until idle (tests and screenshots).
    void finishPending();

Q_SIGNALS:
    void stateChanged();
    void busyChanged();
    void steppingChanged();
    void scriptChanged();
    void sourceChanged();
    void breakpointsChanged();
    void speedChanged();
    // The engine (re)loaded a script: engine().source() changed and the trace starts empty.
    void loaded();
    void fileOpened(const QString &path);
    void message(const QString &text);

private:
    enum class Goal { None, Run, RunToEnd, NextTimer, Iteration, Replay };
    void setScript(const QString &text, const QString &original, const QString &fileName);
    void loadEngine();
    void ensureCurrent();
    void clearDigest();
    bool advance();
    void pulse();
    bool deferWhileStepping(std::function<void()> request);
    bool reachedGoal(std::size_t stepBegin);
    bool hitBreakpoint() const;
    void start(Goal goal);
    void stop();
    void tick();
    void refresh();
    void refreshTasks();
    void refreshLoopState();
    void refreshConsole();
    void refreshErrors();
    void refreshDeadlock();
    QString autosaveFile() const;

    mutable Engine m_engine; // mutable: its read-only accessors (loop(), inspect.h) are not const
    TraceDigest m_digest;
    int m_step = 0;
    QList<int> m_engineSteps; // Engine::stepCount() after each session step, from step 0
    std::size_t m_stepBegin = 0;
    Goal m_goal = Goal::None;
    int m_replayTarget = 0;
    QTimer m_ticker;
    bool m_inStep = false;
    bool m_stepping = false;
    bool m_pauseAfterStep = false; // Pause was pressed during this step
    int m_steppingLine = 0; // the line a long step was at when the window last looked
    QElapsedTimer m_pulseClock; // since the window last handled its events inside this step
    std::function<void()> m_deferred; // the latest request made during a long step
    int m_speed = 4;

    QString m_scenarioName, m_title, m_summary, m_notice, m_filePath, m_fileName;
    QString m_source; // the editor's text
    QString m_loaded; // what the engine runs
    QString m_original; // the scenario's or file's text
    QSet<int> m_breakpoints;
    QString m_autosaveDir;
    QTimer m_autosaveTimer;

    QString m_narration;
    int m_executedLine = 0;
    int m_currentTask = 0;
    QVariantList m_taskLines;
    int m_errorLine = 0;
    QString m_errorMessage;
    QString m_deadlockText;
    QVariantList m_deadlockNodes, m_deadlockEdges;
    std::size_t m_consoleShown = 0;

    RowModel m_tasks;
    RowModel m_ready;
    RowModel m_timers;
    RowModel m_primitives;
    RowModel m_console;
};

} // namespace loopscope
