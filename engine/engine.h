// The engine: runs one scenario script on the deterministic, steppable event loop and records
// everything in the trace.
//
// The script's module code runs as a coroutine too ("the host"): when it calls asyncio.run() the
// host parks, and each step() then runs exactly one ready handle. When the loop stops, the host
// resumes within that same step (shutdown, code after asyncio.run, a second asyncio.run...).
#pragma once

#include "eventloop.h"
#include "script/interpreter.h"
#include "task.h"
#include "trace.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace loopscope {

enum class Profile : std::uint8_t { Py311, Py312 };

enum class Outcome : std::uint8_t {
    NotStarted,
    Running,
    Finished, // the module ran to its end
    Uncaught, // an exception escaped the module (exit status 1)
    Deadlock, // nothing ready, no timers, the run not finished
    Livelock, // more than 100000 iterations at one instant while a timer waits
    LoadError, // the script could not be parsed or uses something unsupported
};

struct LoadError {
    std::string type; // "SyntaxError", "IndentationError", ...
    std::string message;
    std::string fileName;
    int line = 0;
    int column = 0;
    std::string formatted; // file, line, the line and a caret, and "Type: message"
};

// Why the loop is stuck, in words and as a structure the UI can draw.
struct DeadlockReport {
    struct Blocked {
        std::uint32_t task;
        std::string taskName; // "Task-2"
        std::string coroutine; // "alice"
        std::string waitsFor; // "lock_b.acquire()"
        std::string primitive; // "lock_b" (empty when not a primitive)
        std::uint32_t heldBy = 0; // task holding that primitive (a lock), or the awaited task
        int line = 0;
    };
    std::vector<Blocked> blocked;
    std::vector<std::uint32_t> cycle; // task ids around the wait-for cycle, first repeated at the end
    std::string text;
};

class Engine {
public:
    Engine();
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    void setProfile(Profile p) { m_profile = p; }
    // Recursion depth, operations per step and container size a script may use (from the next load()).
    void setLimits(const script::Limits &limits) { m_limits = limits; }
    const script::Limits &limits() const { return m_limits; }
    // Breakpoint lines: breakpointHit() says whether a statement on one of them ran in the last step.
    void setBreakpoints(const std::vector<int> &lines);
    bool breakpointHit() const { return m_interp && m_interp->breakHit(); }
    // Called every few thousand operations inside a long step (Interpreter::setPulse), so the
    // window can answer while a step that never awaits runs. It must not touch the engine.
    void setPulse(std::function<void()> pulse);
    Profile profile() const { return m_profile; }

    // Parses the script; on failure the outcome is LoadError and loadError() says why.
    bool load(const std::string &source, const std::string &fileName);
    const LoadError &loadError() const { return m_loadError; }
    const std::string &fileName() const { return m_fileName; }
    const std::string &source() const { return m_source; }

    // Runs the module code up to its first asyncio.run() (or to its end). Called by step() if needed.
    void start();
    // One visible step: one ready handle, or advancing the clock to the next timer. Returns false
    // when the run is over (see outcome()).
    bool step();
    // Steps to the end of the current loop iteration.
    bool runIteration();
    // Steps until pred() is true or maxSteps steps ran; returns the number of steps taken.
    int runUntil(const std::function<bool(const Engine &)> &pred, int maxSteps);
    // Steps until the run is over (or maxSteps).
    void runToEnd(int maxSteps = -1);
    // Back to the state right after load(): same script, same profile, nothing run.
    void reset();

    Outcome outcome() const { return m_outcome; }
    bool finished() const { return m_outcome != Outcome::Running && m_outcome != Outcome::NotStarted; }
    // Exit status of `loopscope run`: 1 for an uncaught exception or a load error, else 0.
    int exitStatus() const;
    const DeadlockReport &deadlockReport() const { return m_deadlock; }
    // The uncaught exception's traceback, or the load error.
    const std::string &errorText() const { return m_errorText; }
    int stepCount() const { return m_steps; }
    // Whether handles taken by the current loop iteration are still waiting to run (rule A2e).
    bool inIteration() const { return m_inIteration; }

    const Trace &trace() const { return m_trace; }
    Trace &trace() { return m_trace; }
    EventLoop &loop() { return m_loop; }
    script::Interpreter &interpreter() { return *m_interp; }
    const std::string &output() const { return m_output; } // the script's stdout
    const std::string &errors() const { return m_errors; } // warnings and tracebacks (stderr)

    // ---- used by tasks, futures and the asyncio module ----
    Task *currentTask() const { return m_currentTask; }
    void setCurrentTask(Task *t) { m_currentTask = t; }
    const std::vector<Ref<Task>> &tasks() const { return m_tasks; }
    // Creates a task (rule 8). `consumeNumber`: whether a Task-N number is used even when named
    // (rule 15).
    // The loop's task factory (loop.set_task_factory), used for every task but the engine's own.
    Ref<Task> createTask(
        Ref<script::CoroutineObject> coro, const Value &name, bool consumeNumber, bool internal = false);
    Value taskFactory; // None: tasks.Task; else a callable (loop, coro)
    // tasks.Task(coro, name=..., eager_start=...): no factory, no Task-N number when named. An
    // eager task's first step runs now, inside the caller's step, when the loop runs (3.12, J).
    Ref<Task> constructTask(Ref<script::CoroutineObject> coro, const Value &name, bool eagerStart);
    // loop.close(): drops what is ready and scheduled; a pending task nothing else refers to is
    // freed then, and logged (Task.__del__).
    void closeLoop();
    std::uint32_t nextFutureId() { return m_nextFutureId++; }
    std::uint32_t nextPrimitiveId() { return m_nextPrimitiveId++; }
    bool loopRunning() const { return m_loopRunning; }
    // asyncio.run(coro) and loop.run_until_complete(fut), from the module (host) code.
    QCoro::Task<Value> asyncioRun(Value coro);
    QCoro::Task<Value> runUntilComplete(Value awaitable);
    // loop.run_forever(): runs until loop.stop() (or a deadlock).
    QCoro::Task<void> runForever();
    void stop() { m_stopping = true; }
    // What goes to stderr (and a warning event in the trace). `collected`: asyncio's log of a
    // task the garbage collector frees mid-run, which the conformance trace shows.
    // `about`: the task a destroyed-while-pending warning is about (the trace's Warning.other).
    void warn(const std::string &text, bool collected = false, const Task *about = nullptr);
    // A task ended with SystemExit or KeyboardInterrupt: it leaves the loop at once (rule 9).
    void interruptLoop(const Value &exception) { m_interrupt = exception; }
    // Ends the run at once with an error that no script code may catch (an endless loop).
    void abortRun(const std::string &message);
    void print(const std::string &text);
    std::uint32_t taskIdOf(const Task *t) const { return t ? t->taskId() : 0; }
    // The object the asyncio module's functions hang off (one per engine).
    Ref<script::ModuleObject> asyncioModule();

private:
    friend struct HostRunAwaiter;
    void clearRun();
    static void checkUtf8(const std::string &source, const std::string &fileName);
    bool runHandle(const Ref<Handle> &h);
    void runStep(const Ref<Task> &task, StepCause cause, const std::function<void()> &fn, std::uint32_t other = 0,
        const std::string &description = {});
    Ref<Task> newTask(
        Ref<script::CoroutineObject> coro, const Value &name, bool consumeNumber, bool internal, bool eager);
    // The task whose code runs: none while a destroyed task's coroutine closes (loop.close()).
    Task *runningTask() const { return m_currentTask && !m_currentTask->destroyed() ? m_currentTask : nullptr; }
    bool beginIteration();
    void loopExited();
    void systemExit(const Value &exception);
    void finishIfAborted();
    void reportLostTasks();
    void logUnreachableTasks();
    void logNeverRetrieved(Task &task, bool collected);
    void logDestroyedPending(Task &task);
    void hostFinished();
    void buildDeadlockReport();
    void teardown();
    QCoro::Task<void> host();
    QCoro::Task<void> cancelAllTasks();
    Ref<Future> toFuture(const Value &awaitable);

    Profile m_profile = Profile::Py312;
    script::Limits m_limits;
    std::vector<bool> m_breakLines;
    std::function<void()> m_pulse;
    std::string m_source;
    std::string m_fileName;
    LoadError m_loadError;
    std::shared_ptr<script::Module> m_module;

    std::unique_ptr<script::Interpreter> m_interp;
    EventLoop m_loop;
    Trace m_trace;
    Outcome m_outcome = Outcome::NotStarted;
    std::string m_errorText;
    std::string m_output;
    std::string m_errors;
    DeadlockReport m_deadlock;

    std::vector<Ref<Task>> m_tasks;
    // Finished tasks whose exception nobody has retrieved yet, and pending tasks the closed loop
    // no longer holds, watched for their last reference.
    std::vector<Task *> m_unretrieved;
    Task *m_currentTask = nullptr;
    int m_taskCounter = 0;
    std::uint32_t m_nextTaskId = 1;
    std::uint32_t m_nextFutureId = 1;
    std::uint32_t m_nextPrimitiveId = 1;
    int m_steps = 0;

    // loop state between steps
    bool m_loopRunning = false;
    bool m_stopping = false;
    std::size_t m_runFirstTask = 0; // the first task of the running asyncio.run() (rule 37)
    std::size_t m_iterationLeft = 0; // handles left in the current iteration (rule A2e)
    bool m_inIteration = false;
    std::int64_t m_instant = -1; // the instant iterations are being counted at
    int m_iterationsAtInstant = 0;

    std::optional<QCoro::Task<void>> m_host;
    std::coroutine_handle<> m_hostResume;
    script::ExecState m_hostState; // the module code's interpreter state while it is parked
    bool m_hostDone = false;
    bool m_tearingDown = false;
    std::string m_abortMessage;
    Value m_interrupt; // SystemExit/KeyboardInterrupt on its way out of the loop
    int m_exitCode = 0;
    Ref<script::ModuleObject> m_asyncio;
};

} // namespace loopscope
