// Futures and tasks with CPython's state machine (semantics rules B6–C15).
#pragma once

#include "eventloop.h"
#include "script/interpreter.h"

#include <coroutine>
#include <optional>

namespace loopscope {

class Engine;

// A done-callback. Native callbacks are C++; script callbacks hold the callable (so that
// remove_done_callback can find them).
struct DoneCallback {
    std::function<void(const Ref<Future> &)> fn; // empty for a task's wakeup (wakee)
    Value scriptCallable;
    HandleKind kind = HandleKind::Callback;
    Ref<Task> wakee; // for a task's wakeup
    std::string description;
};

class Future : public script::Object {
public:
    enum class State : std::uint8_t { Pending, Finished, Cancelled };

    explicit Future(Engine &engine);
    script::ClassObject *cls() const override;
    void clearRefs() override;

    bool done() const { return m_state != State::Pending; }
    bool cancelled() const { return m_state == State::Cancelled; }
    State state() const { return m_state; }
    virtual bool isTask() const { return false; }

    virtual bool cancel(const Value &msg = Value());
    void setResult(Value v);
    void setException(Value exc);
    // result(): the value, or raises the exception / CancelledError (rule 14).
    Value result();
    // exception(): the exception or None; raises CancelledError if cancelled.
    Value exception();
    // The exception result() would raise for a cancelled future (consumes the saved one, rule 14).
    Value makeCancelledError();
    void addDoneCallback(DoneCallback cb);
    const std::vector<DoneCallback> &callbacks() const { return m_callbacks; }
    std::size_t removeDoneCallback(const Value &callable);
    void removeNativeCallbacks(HandleKind kind, const std::string &description);

    const Value &resultValue() const { return m_result; }
    const Value &exceptionValue() const { return m_exception; }
    const Value &cancelMessage() const { return m_cancelMessage; }
    bool cancelRequested = false; // gather's outer future (rule 19)
    bool logTraceback = false; // an exception nobody retrieved

    std::uint32_t id() const { return m_id; }
    // What this future stands for, in words (the await description).
    std::string description;
    // The primitive (lock, queue, event...) this future is a waiter of, if any.
    Ref<script::Object> owner;
    Engine &engine() const { return m_engine; }

protected:
    void scheduleCallbacks();
    void callSoonCallback(DoneCallback &cb);
    Engine &m_engine;
    State m_state = State::Pending;
    Value m_result;
    Value m_exception;
    Value m_cancelMessage;
    Value m_cancelledExc;
    std::vector<DoneCallback> m_callbacks;
    std::uint32_t m_id;
};

class Task : public Future {
public:
    // `eager`: the first step runs in Engine::createTask instead of through call_soon (3.12's
    // eager_start, section J).
    Task(Engine &engine, Ref<script::CoroutineObject> coro, std::string name, bool internal, bool eager = false);
    ~Task() override;
    script::ClassObject *cls() const override;
    void clearRefs() override;
    bool isTask() const override { return true; }

    bool cancel(const Value &msg = Value()) override;
    int cancelling() const { return m_numCancelsRequested; }
    int uncancel();

    const std::string &name() const { return m_name; }
    void setName(std::string n);
    const Ref<script::CoroutineObject> &coro() const { return m_coro; }
    // The coroutine's name and `async def` line, kept after the coroutine is released (reprs).
    const std::string &coroName() const { return m_coroName; }
    int coroDefLine() const { return m_coroDefLine; }
    const Ref<Future> &waitingOn() const { return m_futWaiter; }
    bool started() const { return m_started; }
    // A cancel() waits to be thrown in at the next step (rule 12).
    bool cancelPending() const { return m_mustCancel; }
    bool internal() const { return m_internal; } // asyncio.run's shutdown helpers
    std::uint32_t taskId() const { return m_taskId; }
    int creationOrder() const { return int(m_taskId); }
    // Tasks hash to their creation index from 0, as the reference harness's tasks do, so a set
    // of tasks iterates in the same order.
    bool fixedHash(std::int64_t &h) const override
    {
        h = std::int64_t(m_taskId) - 1;
        return true;
    }

    // Task.__step (rule 9): runs the coroutine until it awaits a pending future or ends.
    void step(Value exc = Value());
    // Task.__wakeup (rule 10).
    void wakeup(const Ref<Future> &fut);
    // Used by the awaiters: the coroutine parked on `fut` (null: bare yield) at `resumePoint`.
    void park(Ref<Future> fut, std::coroutine_handle<> resumePoint);
    // An exception to raise at the await when the coroutine resumes (cancellation, teardown).
    bool takePendingThrow(Value &out);
    bool tearingDown() const { return m_tearingDown; }
    // Finishes a suspended coroutine by throwing GeneratorExit into it (teardown).
    void close();
    bool suspended() const { return m_started && !m_bodyFinished; }
    // Freed while pending (loop.close() dropped its step): logged, and its coroutine closed with
    // GeneratorExit, as Task.__del__ and the coroutine's finalizer do. It stays pending.
    void destroyPending();
    bool destroyed() const { return m_destroyed; }
    int awaitLine = 0; // line of the await the task is parked at

private:
    QCoro::Task<void> drive();
    void scheduleStep(Value exc, HandleKind kind);

    Ref<script::CoroutineObject> m_coro;
    std::string m_coroName;
    int m_coroDefLine = 0;
    std::string m_name;
    bool m_internal;
    std::uint32_t m_taskId;
    bool m_mustCancel = false;
    bool m_cancelling = false; // inside cancel(): cycles of tasks awaiting each other stop here
    int m_numCancelsRequested = 0;
    Ref<Future> m_futWaiter;

    // The C++ coroutine chain that runs the script coroutine.
    std::optional<QCoro::Task<void>> m_body;
    std::coroutine_handle<> m_resumePoint;
    bool m_started = false;
    bool m_bodyFinished = false;
    bool m_parked = false;
    Ref<Future> m_yielded;
    Value m_pendingThrow;
    bool m_hasPendingThrow = false;
    bool m_tearingDown = false;
    bool m_destroyed = false;
    // What the body produced when it finished.
    Value m_bodyResult;
    Value m_bodyException;
    bool m_bodyRaised = false;
    // The interpreter's per-task state (innermost frame, depth, exceptions being handled).
    script::ExecState m_exec;
};

// Awaiting a future from a task's coroutine (Future.__await__, rule 7): no suspension if done.
// It holds a plain pointer on purpose: GCC 12 may destroy temporaries in a co_await expression
// twice, so awaiters stay trivially destructible and the caller keeps the future alive.
struct FutureAwaiter {
    Engine &engine;
    Future *future; // null: a bare yield (sleep(0))
    bool await_ready() const { return future && future->done(); }
    bool await_suspend(std::coroutine_handle<> h);
    Value await_resume();
};

} // namespace loopscope
