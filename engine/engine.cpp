#include "engine.h"

#include "inspect.h"
#include "modules.h"
#include "script/parser.h"

#include <algorithm>
#include <unordered_set>

namespace loopscope {

using script::ScriptError;
namespace exc = script::exc;

// rule 36: a livelock is more than this many iterations at one instant while a timer waits.
constexpr int kLivelockIterations = 100000;

// Parks the module code while the loop runs (run_forever); resumed when the loop stops.
struct HostRunAwaiter {
    Engine &engine;
    bool await_ready() const { return false; }
    void await_suspend(std::coroutine_handle<> h)
    {
        engine.m_hostResume = h;
        engine.m_loopRunning = true;
        engine.m_interp->swapState(engine.m_hostState);
    }
    void await_resume()
    {
        engine.m_interp->swapState(engine.m_hostState);
        if (engine.m_tearingDown)
            throw script::TeardownSignal {};
        if (!engine.m_interrupt.isNone()) {
            Value e = std::move(engine.m_interrupt);
            engine.m_interrupt = Value();
            throw script::ScriptError {e};
        }
    }
};

Engine::Engine() = default;

Engine::~Engine()
{
    teardown();
}

// Scripts are UTF-8, as Python source without an encoding declaration must be.
void Engine::checkUtf8(const std::string &source, const std::string &fileName)
{
    int line = 1;
    for (std::size_t i = 0; i < source.size();) {
        const auto c = static_cast<unsigned char>(source[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xe ? 3 : (c >> 3) == 0x1e ? 4 : 0;
        bool ok = len != 0 && i + len <= source.size();
        for (std::size_t k = 1; ok && k < len; ++k)
            ok = (static_cast<unsigned char>(source[i + k]) & 0xc0) == 0x80;
        if (!ok) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", unsigned(c));
            script::SyntaxError e;
            e.message = std::string("Non-UTF-8 code starting with '") + hex + "' in file " + fileName + " on line "
                + std::to_string(line)
                + ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
            e.fileName = fileName;
            e.line = line;
            throw e;
        }
        if (c == '\n')
            ++line;
        i += len;
    }
}

bool Engine::load(const std::string &source, const std::string &fileName)
{
    teardown();
    m_source = source;
    m_fileName = fileName;
    m_loadError = LoadError {};
    m_module.reset();
    clearRun();
    try {
        checkUtf8(source, fileName);
        m_module = std::shared_ptr<script::Module>(script::parseModule(source, fileName).release());
        script::HeapScope heap(m_interp->heap());
        m_interp->load(m_module);
    } catch (const script::SyntaxError &e) {
        m_loadError = LoadError {e.type, e.message, e.fileName, e.line, e.column, e.format()};
        m_outcome = Outcome::LoadError;
        m_errorText = m_loadError.formatted;
        return false;
    }
    return true;
}

void Engine::clearRun()
{
    m_trace.clear();
    m_loop.clear();
    m_tasks.clear();
    m_unretrieved.clear();
    m_currentTask = nullptr;
    m_taskCounter = 0;
    m_runFirstTask = 0;
    m_nextFutureId = 1;
    m_nextPrimitiveId = 1;
    m_steps = 0;
    m_loopRunning = false;
    m_stopping = false;
    m_iterationLeft = 0;
    m_inIteration = false;
    m_instant = -1;
    m_iterationsAtInstant = 0;
    m_hostDone = false;
    m_interrupt = Value();
    m_exitCode = 0;
    m_outcome = Outcome::NotStarted;
    m_errorText.clear();
    m_output.clear();
    m_errors.clear();
    m_deadlock = DeadlockReport {};
    m_asyncio.reset();
    m_interp = std::make_unique<script::Interpreter>(*this);
    m_interp->setLimits(m_limits);
    m_interp->setBreakLines(m_breakLines);
    m_interp->setPulse(m_pulse);
    m_interp->onPrint = [this](const std::string &text) { print(text); };
    m_interp->onStatement = [this] { logUnreachableTasks(); };
}

void Engine::reset()
{
    teardown();
    if (m_outcome == Outcome::LoadError && !m_module)
        return;
    clearRun();
    if (m_module) {
        script::HeapScope heap(m_interp->heap());
        m_interp->load(m_module);
    }
}

// Finishes every suspended coroutine (as CPython closes them at garbage collection), then frees
// every object. No coroutine frame is destroyed while suspended.
void Engine::teardown()
{
    if (!m_interp)
        return;
    std::optional<script::HeapScope> heap(std::in_place, m_interp->heap());
    m_interp->markStackBase();
    m_tearingDown = true;
    closeWorkerThreads(*this);
    for (std::size_t i = 0; i < m_tasks.size(); ++i) {
        Ref<Task> t = m_tasks[i];
        t->close();
    }
    if (m_hostResume) {
        auto h = m_hostResume;
        m_hostResume = {};
        h.resume();
    }
    m_host.reset();
    m_loop.clear();
    m_tasks.clear();
    taskFactory = Value();
    m_asyncio.reset();
    heap.reset();
    m_interp.reset();
    m_tearingDown = false;
}

int Engine::exitStatus() const
{
    if (m_outcome == Outcome::Finished)
        return m_exitCode;
    return (m_outcome == Outcome::Uncaught || m_outcome == Outcome::LoadError) ? 1 : 0;
}

void Engine::print(const std::string &text)
{
    if (m_tearingDown)
        return;
    m_output += text;
    std::string t = text;
    if (!t.empty() && t.back() == '\n')
        t.pop_back(); // the trace keeps print()'s text minus one trailing newline
    m_trace.append(EventKind::Print, m_loop.now(), taskIdOf(runningTask()), 0, t, m_interp->currentLine());
}

void Engine::abortRun(const std::string &message)
{
    if (m_outcome == Outcome::Uncaught)
        return;
    m_abortMessage = message;
}

void Engine::warn(const std::string &text, bool collected, const Task *about)
{
    if (m_tearingDown)
        return;
    m_errors += text;
    if (text.empty() || text.back() != '\n')
        m_errors += '\n';
    m_trace.append(
        EventKind::Warning, m_loop.now(), taskIdOf(runningTask()), taskIdOf(about), text, 0, collected ? 1 : 0);
}

Ref<script::ModuleObject> Engine::asyncioModule()
{
    if (!m_asyncio)
        m_asyncio = makeAsyncioModule(*m_interp);
    return m_asyncio;
}

// base_events.create_task with a task factory: factory(loop, coro), then the name. A factory's
// task always takes a Task-N number first (rule 15 does not apply).
Ref<Task> Engine::createTask(Ref<script::CoroutineObject> coro, const Value &name, bool consumeNumber, bool internal)
{
    if (!taskFactory.isNone() && !internal) {
        Value factory = std::move(taskFactory); // the factory's own create_task calls make plain tasks
        Value made;
        try {
            made = m_interp->call(factory, std::vector<Value> {loopObject(*m_interp), Value(coro)});
        } catch (...) {
            taskFactory = std::move(factory);
            throw;
        }
        taskFactory = std::move(factory);
        if (!made.is(script::ObjKind::Future) || !made.as<Future>()->isTask())
            m_interp->raise(script::exc::typeError(),
                "Loopscope's task factories must return an asyncio.Task, got " + m_interp->repr(made));
        Ref<Task> task(made.as<Task>());
        if (!name.isNone())
            task->setName(m_interp->toStr(name));
        return task;
    }
    return newTask(std::move(coro), name, consumeNumber, internal, false);
}

Ref<Task> Engine::constructTask(Ref<script::CoroutineObject> coro, const Value &name, bool eagerStart)
{
    return newTask(std::move(coro), name, false, false, eagerStart && m_loopRunning);
}

Ref<Task> Engine::newTask(
    Ref<script::CoroutineObject> coro, const Value &name, bool consumeNumber, bool internal, bool eager)
{
    std::string taskName;
    if (name.isNone() || consumeNumber)
        taskName = "Task-" + std::to_string(++m_taskCounter);
    if (!name.isNone())
        taskName = m_interp->toStr(name);
    auto parent = m_currentTask;
    auto task = script::make<Task>(*this, coro, taskName, internal, eager);
    m_tasks.push_back(task);
    m_trace.setTaskName(task->taskId(), taskName);
    const std::string call = callLabel(*m_interp, *coro);
    m_trace.setTaskCall(task->taskId(), call);
    m_trace.append(EventKind::TaskCreated, m_loop.now(), task->taskId(), taskIdOf(parent),
        taskName + '\t' + coro->name + '\t' + call, m_interp->currentLine(), internal ? 1 : 0);
    if (eager) {
        // Steps do not nest in the trace: the creating step ends around the eager one and goes on
        // after it (a continuation, which the conformance trace does not show as a step).
        const std::uint32_t creator = taskIdOf(m_currentTask);
        m_trace.append(EventKind::StepEnd, m_loop.now(), creator, task->taskId(), taskName + "'s eager first step");
        runStep(task, StepCause::First, [&task] { task->step(); });
        // An exception raised in the eager step keeps the creator's frames in its traceback, a
        // cycle with the task that only the cyclic collector frees: logged at the end, if at all.
        std::erase(m_unretrieved, task.get());
        m_trace.append(EventKind::StepBegin, m_loop.now(), creator, 0, "after an eager task's first step", 0,
            std::uint8_t(StepCause::Callback));
        m_steps += 2; // the eager step and the creator's continuation are steps of the timeline
    }
    return task;
}

// ---- the host: module code and asyncio.run ----------------------------------------------------

void Engine::start()
{
    if (m_outcome != Outcome::NotStarted)
        return;
    script::HeapScope heap(m_interp->heap());
    m_interp->markStackBase();
    m_outcome = Outcome::Running;
    m_trace.append(EventKind::HostStep, 0, 0, 0, {}, 0, 0);
    m_interp->resetBudget();
    m_host.emplace(host());
}

QCoro::Task<void> Engine::host()
{
    try {
        co_await m_interp->runModule();
        m_outcome = Outcome::Finished;
    } catch (ScriptError &e) {
        if (m_interp->isInstance(e.exception, script::exc::byName("SystemExit"))) {
            systemExit(e.exception);
        } else {
            m_outcome = Outcome::Uncaught;
            m_errorText = m_interp->formatException(e.exception);
            m_errors += m_errorText;
            m_trace.append(EventKind::Uncaught, m_loop.now(), 0, 0, m_interp->exceptionLine(e.exception));
        }
    } catch (script::TeardownSignal &) {
    } catch (const script::StepBudgetExceeded &e) {
        abortRun("RuntimeError: the module code blocks the event loop: "
            + std::to_string(m_interp->limits().stepBudget)
            + " operations without reaching the event loop, near line " + std::to_string(e.line)
            + ". Is it an endless loop? Raise the limit with --max-ops if it is not.");
    } catch (const std::exception &e) {
        m_outcome = Outcome::Uncaught;
        const bool memory = dynamic_cast<const std::bad_alloc *>(&e) != nullptr;
        m_errorText = memory ? "MemoryError\n" : std::string("RuntimeError: internal error: ") + e.what() + "\n";
        m_errors += m_errorText;
        m_trace.append(
            EventKind::Uncaught, m_loop.now(), 0, 0, memory ? "MemoryError" : "RuntimeError: internal error");
    }
    if (m_outcome == Outcome::Finished || m_outcome == Outcome::Uncaught)
        reportLostTasks();
    m_hostDone = true;
    m_loopRunning = false;
    finishIfAborted();
}

namespace {
// The references to a task the engine itself holds: its list of tasks, and the driver of a
// suspended coroutine (Task::drive keeps its task alive).
std::uint32_t ownReferences(const Task &task)
{
    return task.suspended() ? 2 : 1;
}
} // namespace

// Rule 38: CPython frees a task the moment its last reference goes (a finished task holds no
// cycle), and a task whose exception nobody retrieved logs it then: right after its last step
// when nothing refers to it, or when the code holding the last reference drops it. Here the
// engine's own list of tasks holds one reference; when that is the only one left, no script
// object, handle or callback can reach the task any more. Checked after every handle, the
// moment CPython's loop drops the handle of the step that ran.
void Engine::logUnreachableTasks()
{
    // Logging runs script code (reprs): no statement may re-enter here meanwhile.
    m_interp->setWatchStatements(false);
    for (std::size_t i = 0; i < m_unretrieved.size();) {
        Task *t = m_unretrieved[i];
        const bool pending = !t->done() && !t->destroyed();
        if ((pending || t->logTraceback) && t->m_refCount > (pending ? ownReferences(*t) : 1)) {
            ++i;
            continue;
        }
        m_unretrieved.erase(m_unretrieved.begin() + std::ptrdiff_t(i));
        if (pending)
            logDestroyedPending(*t);
        else if (t->logTraceback)
            logNeverRetrieved(*t, true);
    }
    // A statement may drop the last reference too (del t, t = None, a local going out of
    // scope when its function returns): until then, check before every statement. With many
    // such tasks alive at once that would cost every statement dearly: then only handles check.
    constexpr std::size_t kWatchedPerStatement = 16;
    m_interp->setWatchStatements(!m_unretrieved.empty() && m_unretrieved.size() <= kWatchedPerStatement);
}

void Engine::logNeverRetrieved(Task &task, bool collected)
{
    task.logTraceback = false;
    Value v {Ref<Task>(&task)};
    // Task.__del__ calls the loop's exception handler; the default one logs.
    if (collected && customExceptionHandler(*this, "Task exception was never retrieved", task.exceptionValue(), "future", v))
        return;
    warn("Task exception was never retrieved\nfuture: " + m_interp->repr(v) + "\n"
            + m_interp->formatException(task.exceptionValue()),
        collected);
}

// base_events.close() clears the ready deque, freeing its handles first to last, then the timer
// heap. A pending task whose last reference was such a handle (a step queued by a bare yield, a
// wakeup, a first step) is freed on the spot: Task.__del__ logs it, then the coroutine's
// finalizer closes it (its finally blocks run, outside any task). A task parked on a future is
// in a cycle with it, which only the cyclic collector frees: reportLostTasks() at the end.
void Engine::closeLoop()
{
    while (m_loop.hasReady()) {
        Ref<Handle> h = m_loop.popReady();
        Ref<Task> task = h->task;
        h.reset();
        if (!task || task->done() || task->destroyed())
            continue;
        if (task->m_refCount == ownReferences(*task) + 1) // and `task`
            logDestroyedPending(*task);
        else if (std::find(m_unretrieved.begin(), m_unretrieved.end(), task.get()) == m_unretrieved.end())
            m_unretrieved.push_back(task.get()); // freed when the script drops it
    }
    m_loop.dropTimers();
    logUnreachableTasks();
}

void Engine::logDestroyedPending(Task &task)
{
    Value v {Ref<Task>(&task)};
    const std::string message = "Task was destroyed but it is pending!";
    if (!customExceptionHandler(*this, message, Value(), "task", v))
        warn(message + "\ntask: " + m_interp->repr(v), true, &task);
    task.destroyPending();
}

// What CPython's garbage collector logs when the process ends, for the tasks still referenced
// then (the reference harness exits first, so the conformance trace never shows these).
void Engine::reportLostTasks()
{
    for (const auto &t : m_tasks) {
        if (t->internal())
            continue;
        if (!t->done() && !t->destroyed())
            warn("Task was destroyed but it is pending!\ntask: " + m_interp->repr(Value(t)), false, t.get());
        else if (t->logTraceback && m_interp->isInstance(t->exceptionValue(), exc::exception())) // not SystemExit
            logNeverRetrieved(*t, false);
    }
}

// sys.exit(): no traceback; the exit status is the code (0 for None), or 1 after printing a
// message that isn't a number.
void Engine::systemExit(const Value &exception)
{
    m_outcome = Outcome::Finished;
    auto *inst = exception.as<script::InstanceObject>();
    const auto &args = inst->exception->args;
    Value code = args.empty() ? Value() : args.size() == 1 ? args[0] : script::tuple(args);
    if (code.isNone()) {
        m_exitCode = 0;
    } else if (code.isIntLike()) {
        m_exitCode = int(code.asInt());
    } else {
        m_errors += m_interp->toStr(code) + "\n";
        m_exitCode = 1;
    }
}

Ref<Future> Engine::toFuture(const Value &awaitable)
{
    if (awaitable.is(script::ObjKind::Future))
        return Ref<Future>(awaitable.as<Future>());
    if (awaitable.is(script::ObjKind::Coroutine))
        return createTask(Ref<script::CoroutineObject>(awaitable.as<script::CoroutineObject>()), Value(), true);
    m_interp->raise(exc::typeError(), "An asyncio.Future, a coroutine or an awaitable is required");
}

// base_events.run_until_complete: a done-callback stops the loop; the loop then runs until the end
// of that iteration (rule 36).
QCoro::Task<Value> Engine::runUntilComplete(Value awaitable)
{
    if (m_loopRunning)
        m_interp->raise(exc::runtimeError(), "This event loop is already running");
    Ref<Future> fut = toFuture(awaitable);
    DoneCallback cb;
    cb.fn = [this](const Ref<Future> &f) {
        // base_events._run_until_complete_cb: after SystemExit/KeyboardInterrupt the loop has
        // already been left; don't stop the next run.
        if (!f->cancelled() && !f->exceptionValue().isNone()
            && (m_interp->isInstance(f->exceptionValue(), script::exc::byName("SystemExit"))
                || m_interp->isInstance(f->exceptionValue(), script::exc::byName("KeyboardInterrupt"))))
            return;
        stop();
    };
    cb.description = "run_until_complete";
    fut->addDoneCallback(cb);
    co_await HostRunAwaiter {*this};
    fut->removeNativeCallbacks(HandleKind::Callback, "run_until_complete");
    if (!fut->done())
        m_interp->raise(exc::runtimeError(), "Event loop stopped before Future completed.");
    co_return fut->result();
}

QCoro::Task<void> Engine::runForever()
{
    if (m_loopRunning)
        m_interp->raise(exc::runtimeError(), "This event loop is already running");
    co_await HostRunAwaiter {*this};
}

// runners._cancel_all_tasks (rule 37): cancel what is left, in creation order, and let it finish.
QCoro::Task<void> Engine::cancelAllTasks()
{
    // Only this run's loop: tasks left pending by an earlier loop belong to that one.
    std::vector<Value> pending;
    for (std::size_t i = m_runFirstTask; i < m_tasks.size(); ++i)
        if (!m_tasks[i]->done())
            pending.push_back(Value(m_tasks[i]));
    if (pending.empty())
        co_return;
    for (auto &t : pending)
        t.as<Task>()->cancel();
    Value gathered = gather(*this, pending, true);
    co_await runUntilComplete(gathered);
}

// runners.run: main task, then shutdown (rule 37), then main's result or exception.
QCoro::Task<Value> Engine::asyncioRun(Value coro)
{
    if (m_loopRunning)
        m_interp->raise(exc::runtimeError(), "asyncio.run() cannot be called from a running event loop");
    if (!coro.is(script::ObjKind::Coroutine))
        m_interp->raise(exc::valueError(), "a coroutine was expected, got " + m_interp->repr(coro));
    m_runFirstTask = m_tasks.size();
    taskFactory = Value(); // a new loop
    Ref<Task> main = createTask(Ref<script::CoroutineObject>(coro.as<script::CoroutineObject>()), Value(), true);
    Value result;
    Value error;
    try {
        Value mainValue(main); // a named value: see FutureAwaiter on GCC 12 and co_await temporaries
        result = co_await runUntilComplete(mainValue);
    } catch (ScriptError &e) {
        error = std::move(e.exception);
    }
    co_await cancelAllTasks();
    // loop.shutdown_asyncgens() and loop.shutdown_default_executor(): one step each (two for the
    // executor's when a worker thread ran: it waits for a thread of its own). Async generators
    // the loop still holds are closed by aclose() tasks, gathered (a step more, and theirs).
    for (const char *helper : {"shutdown_asyncgens", "shutdown_default_executor"}) {
        const bool executor = std::string_view(helper) == "shutdown_default_executor";
        auto body = script::make<script::CoroutineObject>(
            std::string("BaseEventLoop.") + helper,
            [this, executor]() -> QCoro::Task<Value> {
                if (executor) {
                    Value done = co_await shutdownDefaultExecutor(*this);
                    co_return done;
                }
                std::vector<Value> closing;
                for (const Value &gen : m_interp->takeLoopAsyncgens())
                    closing.push_back(m_interp->call(*m_interp->findAttr(gen, "aclose"), std::vector<Value> {}));
                if (closing.empty())
                    co_return Value();
                Value gathered = gather(*this, closing, true);
                Value results = co_await m_interp->await(gathered);
                (void)results; // 3.12.1 zips its lists the wrong way round: no error is ever reported
                co_return Value();
            },
            0);
        Value task(createTask(body, Value(), true, true));
        co_await runUntilComplete(task);
    }
    // Runner.close(): the loop closes before main's outcome is returned or raised.
    closeLoop();
    if (!error.isNone())
        throw ScriptError {error};
    co_return result;
}

// ---- stepping ---------------------------------------------------------------------------------

void Engine::setBreakpoints(const std::vector<int> &lines)
{
    m_breakLines.clear();
    for (int line : lines) {
        if (line <= 0)
            continue;
        if (std::size_t(line) >= m_breakLines.size())
            m_breakLines.resize(std::size_t(line) + 1);
        m_breakLines[std::size_t(line)] = true;
    }
    if (m_interp)
        m_interp->setBreakLines(m_breakLines);
}

void Engine::setPulse(std::function<void()> pulse)
{
    m_pulse = std::move(pulse);
    if (m_interp)
        m_interp->setPulse(m_pulse);
}

bool Engine::step()
{
    if (!m_interp)
        return false;
    m_interp->clearBreakHit();
    script::HeapScope heap(m_interp->heap());
    m_interp->markStackBase();
    if (m_outcome == Outcome::NotStarted)
        start();
    // Loop until something visible happens: a handle runs, the clock advances, the module code
    // resumes, or the run ends. Cancelled handles are skipped silently, as CPython skips them.
    while (!finished() && m_loopRunning) {
        if (!m_inIteration && !beginIteration())
            return !finished(); // the clock advanced (a step of its own), or the run ended
        // rule A2e: run the handles that were ready when the iteration began, one per step.
        bool ran = false;
        while (m_iterationLeft > 0 && !ran) {
            --m_iterationLeft;
            Ref<Handle> h = m_loop.popReady();
            if (!h->cancelled)
                ran = runHandle(h);
        }
        if (ran && !m_unretrieved.empty())
            logUnreachableTasks();
        if (ran && !m_interrupt.isNone() && !finished()) {
            // SystemExit/KeyboardInterrupt leave _run_once at once; the rest stays ready.
            m_iterationLeft = 0;
            m_inIteration = false;
            loopExited();
            return !finished();
        }
        if (m_iterationLeft == 0) {
            m_inIteration = false;
            if (m_stopping && !finished()) {
                if (!ran)
                    ++m_steps; // resuming the module code is a step of its own
                loopExited();
                return !finished();
            }
        }
        if (ran)
            return !finished();
    }
    return !finished();
}

// Rule A2: starts an iteration. Returns false when that was a visible step of its own (the clock
// jumped to the next timer) or when the run ended (deadlock, livelock).
bool Engine::beginIteration()
{
    // Cancelled timers at the head are dropped first.
    std::int64_t next = m_loop.nextDeadline();
    // Rule A5: iterations that find something ready while a timer waits are counted per
    // instant; past the limit the timer would have fired in real time long ago.
    if ((m_loop.hasReady() || m_stopping) && next >= 0) {
        if (m_instant != m_loop.now()) {
            m_instant = m_loop.now();
            m_iterationsAtInstant = 0;
        }
        if (++m_iterationsAtInstant > kLivelockIterations) {
            m_outcome = Outcome::Livelock;
            m_trace.append(EventKind::Livelock, m_loop.now());
            return false;
        }
    }
    if (!m_loop.hasReady() && !m_stopping) {
        if (next < 0) {
            m_outcome = Outcome::Deadlock;
            buildDeadlockReport();
            m_trace.append(EventKind::Deadlock, m_loop.now(), 0, 0, m_deadlock.text);
            return false;
        }
        // Nothing is ready: the clock jumps to the next timer and the due timers become ready.
        ++m_steps;
        m_trace.append(
            EventKind::StepBegin, m_loop.now(), 0, 0, "advance clock", 0, std::uint8_t(StepCause::ClockAdvance));
        if (next > m_loop.now()) {
            m_loop.setNow(next);
            m_trace.append(EventKind::ClockAdvanced, next);
        }
        m_loop.moveDueTimers();
        m_iterationLeft = m_loop.readyCount();
        m_inIteration = true;
        m_trace.append(EventKind::StepEnd, m_loop.now());
        return false;
    }
    m_loop.moveDueTimers();
    m_iterationLeft = m_loop.readyCount();
    m_inIteration = true;
    return true;
}

bool Engine::runHandle(const Ref<Handle> &h)
{
    StepCause cause = StepCause::Callback;
    std::uint32_t subject = 0;
    std::uint32_t other = h->source ? h->source->id() : 0;
    if (h->kind == HandleKind::TaskWakeup) {
        cause = StepCause::Wakeup;
        subject = h->task->taskId();
    } else if (h->kind == HandleKind::TaskStep) {
        subject = h->task->taskId();
        cause = !h->task->started() ? StepCause::First : StepCause::Yield;
    }
    // A step that throws a cancellation into the coroutine says so.
    if (subject
        && ((h->kind == HandleKind::TaskWakeup && h->source && h->source->cancelled()) || h->task->cancelPending()))
        cause = StepCause::Cancel;
    else if (h->kind == HandleKind::Timer) {
        cause = StepCause::Timer;
    }
    // A task step that throws in a cancellation is marked as such.
    if (subject && h->task->done())
        return false; // CPython would raise InvalidStateError; a done task never steps again
    ++m_steps;
    m_interp->resetBudget();
    auto fn = std::move(h->callback);
    h->callback = nullptr;
    runStep(subject ? h->task : Ref<Task>(), cause, fn, other, h->description);
    finishIfAborted();
    return true;
}

// One step of a task (or one plain callback when `task` is null) between its trace events.
void Engine::runStep(const Ref<Task> &task, StepCause cause, const std::function<void()> &fn, std::uint32_t other,
    const std::string &description)
{
    const std::uint32_t subject = taskIdOf(task.get());
    m_trace.append(EventKind::StepBegin, m_loop.now(), subject, other, description, 0, std::uint8_t(cause));
    try {
        if (fn)
            fn();
    } catch (ScriptError &e) {
        // base_events: an exception in a callback is logged and the loop goes on.
        warn("Exception in callback " + description + "\n" + m_interp->formatException(e.exception));
    }
    m_trace.append(EventKind::StepEnd, m_loop.now(), subject);
    if (task && task->done() && task->logTraceback && !task->internal()
        && m_interp->isInstance(task->exceptionValue(), exc::exception()))
        m_unretrieved.push_back(task.get());
}

void Engine::finishIfAborted()
{
    if (m_abortMessage.empty())
        return;
    m_outcome = Outcome::Uncaught;
    m_errorText = m_abortMessage + "\n";
    m_errors += m_errorText;
    m_trace.append(EventKind::Uncaught, m_loop.now(), 0, 0, m_abortMessage);
    m_abortMessage.clear();
}

void Engine::loopExited()
{
    m_stopping = false;
    m_loopRunning = false;
    auto h = m_hostResume;
    m_hostResume = {};
    m_interp->resetBudget();
    if (h) {
        m_trace.append(EventKind::HostStep, m_loop.now(), 0, 0, {}, 0, 0);
        h.resume();
    }
}

bool Engine::runIteration()
{
    if (!step())
        return false;
    while (m_inIteration && !finished())
        if (!step())
            break;
    return !finished();
}

int Engine::runUntil(const std::function<bool(const Engine &)> &pred, int maxSteps)
{
    const int before = m_steps;
    while ((maxSteps < 0 || m_steps - before < maxSteps) && !pred(*this)) {
        if (!step())
            break;
    }
    return m_steps - before;
}

void Engine::runToEnd(int maxSteps)
{
    if (m_outcome == Outcome::NotStarted)
        start();
    int n = 0;
    while (!finished() && (maxSteps < 0 || n++ < maxSteps))
        step();
}

// ---- deadlock ---------------------------------------------------------------------------------

void Engine::buildDeadlockReport()
{
    DeadlockReport report;
    std::unordered_map<std::uint32_t, std::uint32_t> waitsOn; // task -> task it waits for
    for (const auto &t : m_tasks) {
        if (t->done() || t->internal())
            continue;
        DeadlockReport::Blocked b;
        b.task = t->taskId();
        b.taskName = t->name();
        b.coroutine = t->coro() ? t->coro()->name : std::string();
        b.line = t->awaitLine;
        const Ref<Future> &w = t->waitingOn();
        if (w) {
            b.waitsFor = w->description.empty() ? std::string("a future") : w->description;
            WaitInfo info = describeWaiter(*this, *w);
            b.primitive = info.primitive;
            b.heldBy = info.heldBy;
        } else {
            b.waitsFor = "nothing (never scheduled again)";
        }
        if (b.heldBy)
            waitsOn[b.task] = b.heldBy;
        report.blocked.push_back(b);
    }
    // Follow wait-for edges from each task; a revisit means a cycle.
    for (const auto &b : report.blocked) {
        std::vector<std::uint32_t> path;
        std::unordered_set<std::uint32_t> seen;
        std::uint32_t cur = b.task;
        while (cur && !seen.count(cur)) {
            seen.insert(cur);
            path.push_back(cur);
            auto it = waitsOn.find(cur);
            cur = it == waitsOn.end() ? 0 : it->second;
        }
        if (cur) {
            auto start = std::find(path.begin(), path.end(), cur);
            report.cycle.assign(start, path.end());
            report.cycle.push_back(cur);
            break;
        }
    }
    auto label = [this](std::uint32_t id) {
        const Task *t = m_tasks[id - 1].get();
        return t->name() + (t->coro() ? " " + t->coro()->name : std::string());
    };
    std::string text = "deadlock: nothing is ready and no timer is pending, but "
        + std::to_string(report.blocked.size()) + (report.blocked.size() == 1 ? " task is" : " tasks are")
        + " still waiting\n";
    for (const auto &b : report.blocked) {
        text += "  " + label(b.task) + " waits for " + b.waitsFor;
        if (b.heldBy && !b.primitive.empty()) // a lock: who holds it
            text += " (held by " + label(b.heldBy) + ")";
        if (b.line)
            text += " at line " + std::to_string(b.line);
        text += '\n';
    }
    if (!report.cycle.empty()) {
        text += "wait-for cycle:";
        for (std::size_t i = 0; i + 1 < report.cycle.size(); ++i) {
            const auto &b = *std::find_if(
                report.blocked.begin(), report.blocked.end(), [&](const auto &x) { return x.task == report.cycle[i]; });
            text += (i ? "; " : " ") + label(b.task) + " waits for "
                + (b.primitive.empty() ? label(report.cycle[i + 1])
                                       : b.primitive + " held by " + label(report.cycle[i + 1]));
        }
        text += '\n';
    }
    report.text = text;
    m_deadlock = std::move(report);
}

} // namespace loopscope
