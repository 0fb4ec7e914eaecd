#include "task.h"

#include "engine.h"
#include "modules.h"

namespace loopscope {

using script::ScriptError;
namespace exc = script::exc;

namespace {
bool isCancelledError(script::Interpreter &in, const Value &v)
{
    return !v.isNone() && in.isInstance(v, exc::cancelledError());
}
} // namespace

// ---- Future -----------------------------------------------------------------------------------

Future::Future(Engine &engine)
    : Object(script::ObjKind::Future)
    , m_engine(engine)
    , m_id(engine.nextFutureId())
{
    track();
}

script::ClassObject *Future::cls() const
{
    return asyncioFutureClass();
}

void Future::clearRefs()
{
    m_result = Value();
    m_exception = Value();
    m_cancelMessage = Value();
    m_cancelledExc = Value();
    m_callbacks.clear();
    owner.reset();
}

// Queues one done-callback with call_soon. The handle holds the future (and the task to wake),
// so the callables capture plain pointers: a task's wakeup fits std::function's inline storage.
void Future::callSoonCallback(DoneCallback &cb)
{
    std::function<void()> fn;
    if (cb.wakee)
        fn = [task = cb.wakee.get(), fut = this] { task->wakeup(Ref<Future>(fut)); };
    else
        fn = [done = std::move(cb.fn), fut = this] { done(Ref<Future>(fut)); };
    auto h = m_engine.loop().callSoon(std::move(fn), cb.kind);
    h->task = cb.wakee;
    h->source = Ref<Future>(this);
    h->description = cb.description;
}

// rule 6: every done-callback goes through call_soon, in registration order.
void Future::scheduleCallbacks()
{
    std::vector<DoneCallback> callbacks;
    callbacks.swap(m_callbacks);
    for (auto &cb : callbacks) {
        callSoonCallback(cb);
        if (cb.wakee) {
            Task *waker = m_engine.currentTask();
            m_engine.trace().append(
                EventKind::Wake, m_engine.loop().now(), m_engine.taskIdOf(waker), cb.wakee->taskId(), description);
        }
    }
}

bool Future::cancel(const Value &msg)
{
    logTraceback = false;
    if (m_state != State::Pending)
        return false;
    m_state = State::Cancelled;
    m_cancelMessage = msg;
    scheduleCallbacks();
    return true;
}

void Future::setResult(Value v)
{
    auto &in = m_engine.interpreter();
    if (m_state != State::Pending)
        in.raise(exc::invalidStateError(), "invalid state");
    m_result = std::move(v);
    m_state = State::Finished;
    scheduleCallbacks();
}

void Future::setException(Value e)
{
    auto &in = m_engine.interpreter();
    if (m_state != State::Pending)
        in.raise(exc::invalidStateError(), "invalid state");
    if (e.is(script::ObjKind::Class))
        e = in.call(e, std::vector<Value> {});
    m_exception = std::move(e);
    m_state = State::Finished;
    scheduleCallbacks();
    logTraceback = true;
}

Value Future::makeCancelledError()
{
    if (!m_cancelledExc.isNone()) {
        Value e = std::move(m_cancelledExc);
        m_cancelledExc = Value();
        return e;
    }
    auto &in = m_engine.interpreter();
    if (m_cancelMessage.isNone())
        return in.makeException(exc::cancelledError(), std::vector<Value> {});
    return in.makeException(exc::cancelledError(), std::vector<Value> {m_cancelMessage});
}

Value Future::result()
{
    auto &in = m_engine.interpreter();
    if (m_state == State::Cancelled)
        in.raise(makeCancelledError());
    if (m_state != State::Finished)
        in.raise(exc::invalidStateError(), "Result is not set.");
    logTraceback = false;
    if (!m_exception.isNone())
        in.raise(m_exception);
    return m_result;
}

Value Future::exception()
{
    auto &in = m_engine.interpreter();
    if (m_state == State::Cancelled)
        in.raise(makeCancelledError());
    if (m_state != State::Finished)
        in.raise(exc::invalidStateError(), "Exception is not set.");
    logTraceback = false;
    return m_exception;
}

void Future::addDoneCallback(DoneCallback cb)
{
    if (m_state != State::Pending) {
        callSoonCallback(cb);
        return;
    }
    m_callbacks.push_back(std::move(cb));
}

std::size_t Future::removeDoneCallback(const Value &callable)
{
    std::size_t before = m_callbacks.size();
    std::erase_if(m_callbacks, [&](const DoneCallback &cb) {
        return !cb.scriptCallable.isNone() && m_engine.interpreter().equals(cb.scriptCallable, callable);
    });
    return before - m_callbacks.size();
}

void Future::removeNativeCallbacks(HandleKind kind, const std::string &what)
{
    std::erase_if(m_callbacks, [&](const DoneCallback &cb) {
        return cb.scriptCallable.isNone() && cb.kind == kind && cb.description == what;
    });
}

// ---- Task -------------------------------------------------------------------------------------

Task::Task(Engine &engine, Ref<script::CoroutineObject> coro, std::string name, bool internal, bool eager)
    : Future(engine)
    , m_coro(std::move(coro))
    , m_coroName(m_coro ? m_coro->name : std::string())
    , m_coroDefLine(m_coro ? m_coro->defLine : 0)
    , m_name(std::move(name))
    , m_internal(internal)
    , m_taskId(std::uint32_t(engine.tasks().size() + 1))
{
    description = m_name + " (" + m_coroName + ")";
    // rule 8: the constructor schedules the first step (an eager task takes it at once).
    if (!eager)
        scheduleStep(Value(), HandleKind::TaskStep);
    // In CPython a task's coroutine runs below the loop's own Python frames (asyncio.run,
    // run_forever, _run_once, Handle._run, Task.__step...), which count towards the recursion limit.
    m_exec.depth = engine.profile() == Profile::Py311 ? 9 : 7;
}

Task::~Task() = default;

script::ClassObject *Task::cls() const
{
    return asyncioTaskClass();
}

void Task::clearRefs()
{
    Future::clearRefs();
    m_coro.reset();
    m_futWaiter.reset();
    m_yielded.reset();
    m_pendingThrow = Value();
    m_bodyResult = Value();
    m_bodyException = Value();
}

void Task::setName(std::string n)
{
    m_name = std::move(n);
    description = m_name + " (" + m_coroName + ")"; // what awaiting it reads from now on
    m_engine.trace().setTaskName(m_taskId, m_name);
}

void Task::scheduleStep(Value exc, HandleKind kind)
{
    // The handle holds the task; a step with nothing to throw in (the usual case) captures just
    // the pointer, which std::function keeps inline.
    std::function<void()> fn;
    if (exc.isNone())
        fn = [task = this] { task->step(); };
    else
        fn = [task = this, exc] { task->step(exc); };
    auto h = m_engine.loop().callSoon(std::move(fn), kind);
    h->task = Ref<Task>(this);
}

bool Task::cancel(const Value &msg)
{
    logTraceback = false;
    if (done())
        return false;
    ++m_numCancelsRequested;
    // rule 12: cancel what the task waits on; the CancelledError arrives through wakeup. Tasks
    // that wait on each other in a circle would recurse forever: the second visit stops there,
    // and a very long chain ends in RecursionError rather than a crash.
    if (m_futWaiter && !m_cancelling) {
        m_engine.interpreter().checkStack("while cancelling");
        m_cancelling = true;
        bool accepted = false;
        try {
            accepted = m_futWaiter->cancel(msg);
        } catch (...) {
            m_cancelling = false;
            throw;
        }
        m_cancelling = false;
        if (accepted)
            return true;
    }
    m_mustCancel = true;
    m_cancelMessage = msg;
    return true;
}

int Task::uncancel()
{
    if (m_numCancelsRequested > 0)
        --m_numCancelsRequested;
    return m_numCancelsRequested;
}

QCoro::Task<void> Task::drive()
{
    Ref<Task> self(this);
    try {
        Value v = co_await m_coro->run(m_engine.interpreter());
        m_bodyResult = std::move(v);
    } catch (ScriptError &e) {
        m_bodyException = std::move(e.exception);
        m_bodyRaised = true;
    } catch (script::TeardownSignal &) {
    } catch (const script::StepBudgetExceeded &e) {
        m_engine.abortRun("RuntimeError: " + m_name + " (" + m_coro->name + ") blocks the event loop: "
            + std::to_string(m_engine.interpreter().limits().stepBudget)
            + " operations in one step without an await, near line " + std::to_string(e.line)
            + ". Add an await inside the loop (e.g. await asyncio.sleep(0)), or raise the limit with --max-ops.");
    } catch (const std::bad_alloc &) {
        m_bodyException = m_engine.interpreter().makeException(exc::byName("MemoryError"), std::vector<Value> {});
        m_bodyRaised = true;
    } catch (const std::exception &e) {
        // Not a script error: an engine bug. Surface it as a RuntimeError rather than losing the task.
        m_bodyException
            = m_engine.interpreter().makeException(exc::runtimeError(), std::string("internal error: ") + e.what());
        m_bodyRaised = true;
    }
    m_bodyFinished = true;
}

void Task::park(Ref<Future> fut, std::coroutine_handle<> resumePoint)
{
    m_parked = true;
    m_yielded = std::move(fut);
    m_resumePoint = resumePoint;
    awaitLine = m_engine.interpreter().currentLine();
}

bool Task::takePendingThrow(Value &out)
{
    if (!m_hasPendingThrow)
        return false;
    out = std::move(m_pendingThrow);
    m_pendingThrow = Value();
    m_hasPendingThrow = false;
    return true;
}

// rule 9
void Task::step(Value exc)
{
    if (done())
        return;
    auto &in = m_engine.interpreter();
    Ref<Task> self(this);
    if (m_mustCancel) {
        if (!isCancelledError(in, exc))
            exc = makeCancelledError();
        m_mustCancel = false;
    }
    m_futWaiter.reset();

    Task *previous = m_engine.currentTask();
    m_engine.setCurrentTask(this);
    in.swapState(m_exec);
    m_parked = false;
    m_yielded.reset();
    if (!m_started) {
        m_started = true;
        if (!exc.isNone()) {
            // Throwing into a coroutine that never ran: its body never starts (rule 12).
            m_coro->started = true;
            m_bodyFinished = true;
            m_bodyRaised = true;
            m_bodyException = exc;
        } else {
            m_body.emplace(drive());
        }
    } else {
        if (!exc.isNone()) {
            m_pendingThrow = exc;
            m_hasPendingThrow = true;
        }
        auto resumePoint = m_resumePoint;
        m_resumePoint = {};
        resumePoint.resume();
    }
    in.swapState(m_exec);
    m_engine.setCurrentTask(previous);

    auto &trace = m_engine.trace();
    const auto now = m_engine.loop().now();
    if (m_bodyFinished) {
        m_body.reset();
        if (m_bodyRaised) {
            if (isCancelledError(in, m_bodyException)) {
                m_cancelledExc = m_bodyException;
                trace.append(EventKind::TaskCancelled, now, m_taskId, 0, in.exceptionMessage(m_bodyException));
                Future::cancel();
            } else {
                trace.append(EventKind::TaskRaised, now, m_taskId, 0, in.exceptionLine(m_bodyException));
                Future::setException(m_bodyException);
                if (in.isInstance(m_bodyException, exc::byName("SystemExit"))
                    || in.isInstance(m_bodyException, exc::byName("KeyboardInterrupt")))
                    m_engine.interruptLoop(m_bodyException);
            }
        } else if (m_mustCancel) {
            // The coroutine returned, but a cancel() arrived during this step.
            m_mustCancel = false;
            trace.append(EventKind::TaskCancelled, now, m_taskId, 0, in.toStr(m_cancelMessage));
            Future::cancel(m_cancelMessage);
        } else {
            trace.append(EventKind::TaskDone, now, m_taskId, 0, in.repr(m_bodyResult));
            Future::setResult(m_bodyResult);
        }
        m_bodyResult = Value();
        m_bodyException = Value();
        m_coro.reset();
        return;
    }
    if (!m_parked)
        return;
    if (!m_yielded) {
        // A bare yield gives up the rest of this iteration (rule 9).
        trace.append(EventKind::Await, now, m_taskId, 0, "yield (sleep 0)", awaitLine);
        scheduleStep(Value(), HandleKind::TaskStep);
        return;
    }
    if (m_yielded.get() == this) {
        Value err = in.makeException(exc::runtimeError(), "Task cannot await on itself: <Task " + m_name + ">");
        scheduleStep(err, HandleKind::TaskStep);
        return;
    }
    trace.append(EventKind::Await, now, m_taskId, m_yielded->id(), m_yielded->description, awaitLine);
    DoneCallback cb; // no fn: a callback with a wakee is that task's wakeup (callSoonCallback)
    cb.kind = HandleKind::TaskWakeup;
    cb.wakee = self;
    m_yielded->addDoneCallback(std::move(cb));
    m_futWaiter = m_yielded;
    m_yielded.reset();
    if (m_mustCancel && m_futWaiter->cancel(m_cancelMessage))
        m_mustCancel = false;
}

// rule 10: wakeup steps directly, so the task resumes one iteration after the future finished.
void Task::wakeup(const Ref<Future> &fut)
{
    Value exc;
    try {
        fut->result();
    } catch (ScriptError &e) {
        exc = std::move(e.exception);
    }
    step(std::move(exc));
}

void Task::close()
{
    if (!suspended() || !m_resumePoint)
        return;
    m_tearingDown = true;
    Task *previous = m_engine.currentTask();
    m_engine.setCurrentTask(this);
    m_engine.interpreter().swapState(m_exec);
    auto resumePoint = m_resumePoint;
    m_resumePoint = {};
    resumePoint.resume();
    m_engine.interpreter().swapState(m_exec);
    m_engine.setCurrentTask(previous);
    m_body.reset();
}

void Task::destroyPending()
{
    m_destroyed = true;
    if (!suspended() || !m_resumePoint) {
        // Never started: the coroutine is freed unstarted ("was never awaited").
        m_started = true;
        m_bodyFinished = true;
        m_coro.reset();
        return;
    }
    // The coroutine's finalizer: close() throws GeneratorExit at the await it is parked at. Its
    // finally blocks run outside any task (Engine::print shows a destroyed task as '-').
    auto &in = m_engine.interpreter();
    m_pendingThrow = in.makeException(exc::generatorExit(), std::vector<Value> {});
    m_hasPendingThrow = true;
    Task *previous = m_engine.currentTask();
    m_engine.setCurrentTask(this);
    in.swapState(m_exec);
    auto resumePoint = m_resumePoint;
    m_resumePoint = {};
    m_parked = false;
    resumePoint.resume();
    in.swapState(m_exec);
    m_engine.setCurrentTask(previous);
    if (!m_bodyFinished) {
        // It awaited again: CPython reports the RuntimeError and gives up on the frame.
        m_engine.warn("Exception ignored in: <coroutine object " + m_coroName
            + " at 0x...>\nRuntimeError: coroutine ignored GeneratorExit");
        close();
    } else if (m_bodyRaised && !in.isInstance(m_bodyException, exc::generatorExit())) {
        m_engine.warn("Exception ignored in: <coroutine object " + m_coroName + " at 0x...>\n"
            + in.formatException(m_bodyException));
    }
    m_body.reset();
    m_bodyResult = Value();
    m_bodyException = Value();
    m_futWaiter.reset();
    m_yielded.reset();
    m_coro.reset();
}

// ---- awaiting ---------------------------------------------------------------------------------

bool FutureAwaiter::await_suspend(std::coroutine_handle<> h)
{
    Task *task = engine.currentTask();
    if (!task)
        engine.interpreter().raise(exc::runtimeError(), "await outside of a running task");
    // While the engine tears down, a coroutine that awaits again is resumed at once and gets
    // another TeardownSignal, so every frame runs to its end.
    if (task->tearingDown())
        return false;
    task->park(Ref<Future>(future), h);
    return true;
}

Value FutureAwaiter::await_resume()
{
    Task *task = engine.currentTask();
    if (task) {
        if (task->tearingDown())
            throw script::TeardownSignal {};
        Value exc;
        if (task->takePendingThrow(exc))
            engine.interpreter().raise(std::move(exc)); // raised at the await, in the awaiting frame
    }
    if (!future)
        return Value();
    if (!future->done())
        engine.interpreter().raise(exc::runtimeError(), "await wasn't used with future");
    return future->result();
}

} // namespace loopscope
