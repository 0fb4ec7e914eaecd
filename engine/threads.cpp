// Worker threads, simulated on the virtual clock: asyncio.to_thread, loop.run_in_executor,
// asyncio.run_coroutine_threadsafe and the concurrent.futures.Future they hand around.
//
// A worker thread runs in lockstep with the loop, as the reference harness drives CPython's
// real threads: it runs only inside a callback of the loop (its "turn"), the first one
// scheduled with call_soon when it starts. It runs until it ends or blocks. Blocking schedules
// the next turn: time.sleep(s) a timer s virtual seconds later (the loop goes on meanwhile),
// waiting on a concurrent.futures.Future a call_soon once that future is done (or a timer for
// the timeout). Its results reach the loop as call_soon_threadsafe callbacks.
//
// The thread's function runs in host mode (as module code does), so a call of time.sleep or of
// a concurrent future's result() in its body, or in the plain functions and methods it calls,
// suspends it. Inside lambdas and comprehensions time.sleep blocks the loop, as it does in a task.
#include "engine.h"
#include "modules.h"
#include "script/stdlib.h"
#include "task.h"

#include <cmath>
#include <optional>
#include <unordered_map>

namespace loopscope {

using script::CallArgs;
using script::ClassObject;
using script::Interpreter;
using script::ObjKind;
using script::ScriptError;
namespace exc = script::exc;
namespace args = script::args;

namespace {

class WorkerThread;

// concurrent.futures.Future: set by one side, waited on by the other.
class ConcurrentFuture : public script::Object {
public:
    enum class State : std::uint8_t { Pending, Running, Cancelled, Finished };
    ConcurrentFuture()
        : Object(ObjKind::Other)
    {
        track();
    }
    ClassObject *cls() const override;
    void clearRefs() override
    {
        result = Value();
        exception = Value();
        callbacks.clear();
        scriptCallbacks.clear();
    }
    bool done() const { return state == State::Cancelled || state == State::Finished; }

    // set_running_or_notify_cancel(): false when it was cancelled first.
    bool setRunning()
    {
        if (state == State::Cancelled)
            return false;
        state = State::Running;
        return true;
    }
    void finish(Interpreter &in, Value r, Value e)
    {
        if (done())
            return;
        result = std::move(r);
        exception = std::move(e);
        state = State::Finished;
        runCallbacks(in);
    }
    bool cancel(Interpreter &in)
    {
        if (state == State::Running || state == State::Finished)
            return false;
        if (state == State::Cancelled)
            return true;
        state = State::Cancelled;
        runCallbacks(in);
        return true;
    }
    void runCallbacks(Interpreter &in)
    {
        Ref<ConcurrentFuture> self(this);
        auto native = std::move(callbacks);
        auto script = std::move(scriptCallbacks);
        for (auto &cb : native)
            cb();
        // concurrent.futures logs an exception in a done callback and goes on.
        for (auto &cb : script)
            try {
                in.call(cb, std::vector<Value> {Value(self)});
            } catch (ScriptError &) {
            }
    }

    State state = State::Pending;
    Value result;
    Value exception;
    std::vector<std::function<void()>> callbacks;
    std::vector<Value> scriptCallbacks;
};

// What one engine's worker threads need: the running ones (finished at teardown) and whether
// the loop has a default executor (asyncio.run then shuts it down with a thread of its own).
struct Workers {
    std::vector<Ref<WorkerThread>> threads;
    bool defaultExecutor = false;
};

std::unordered_map<const Engine *, Workers> &registry()
{
    static std::unordered_map<const Engine *, Workers> r;
    return r;
}

WorkerThread *s_running = nullptr; // the worker whose turn it is

class WorkerThread : public script::Object {
public:
    using Body = std::function<QCoro::Task<Value>()>;
    WorkerThread(Engine &e, Body b, Ref<ConcurrentFuture> f)
        : Object(ObjKind::Other)
        , engine(e)
        , body(std::move(b))
        , future(std::move(f))
        , finished(script::make<ConcurrentFuture>())
    {
        track();
    }
    ClassObject *cls() const override
    {
        static ClassObject *c = script::newBuiltinClass("Thread", script::types::object(), "threading");
        return c;
    }
    void clearRefs() override
    {
        body = nullptr;
        future.reset();
        finished.reset();
    }

    // Thread.start(): the first turn comes in a callback.
    void start()
    {
        registry()[&engine].threads.push_back(Ref<WorkerThread>(this));
        scheduleTurnSoon();
    }
    void scheduleTurnSoon()
    {
        Ref<WorkerThread> self(this);
        auto h = engine.loop().callSoon([self] { self->turn(); });
        h->description = "worker thread";
    }
    void scheduleTurnAt(std::int64_t when)
    {
        Ref<WorkerThread> self(this);
        auto h = engine.loop().callAt(when, [self] { self->turn(); });
        h->description = "worker thread: time.sleep";
    }

    // The thread runs until it ends or blocks, while the loop waits.
    void turn()
    {
        if (done || (started && !resumePoint))
            return;
        Ref<WorkerThread> self(this);
        auto &in = engine.interpreter();
        Task *task = engine.currentTask();
        engine.setCurrentTask(nullptr);
        in.swapState(exec);
        WorkerThread *previous = s_running;
        s_running = this;
        if (!started) {
            started = true;
            driver.emplace(drive());
        } else {
            auto h = resumePoint;
            resumePoint = {};
            h.resume();
        }
        s_running = previous;
        in.swapState(exec);
        engine.setCurrentTask(task);
        if (done)
            driver.reset();
    }

    // Engine teardown: a blocked thread is finished by throwing TeardownSignal into it.
    void close()
    {
        if (!started || done || !resumePoint)
            return;
        tearingDown = true;
        turn();
    }

    QCoro::Task<void> drive()
    {
        auto &in = engine.interpreter();
        Value result;
        Value error;
        try {
            Value v = co_await body();
            result = std::move(v);
        } catch (ScriptError &e) {
            error = std::move(e.exception);
        } catch (script::TeardownSignal &) {
        } catch (const script::StepBudgetExceeded &e) {
            engine.abortRun("RuntimeError: a worker thread blocks the event loop: "
                + std::to_string(in.limits().stepBudget) + " operations without blocking, near line "
                + std::to_string(e.line) + ". Raise the limit with --max-ops if it is not an endless loop.");
        }
        done = true;
        if (!tearingDown) {
            if (future && future->setRunning())
                future->finish(in, result, error);
            finished->finish(in, Value(), Value());
        }
    }

    Engine &engine;
    Body body;
    Ref<ConcurrentFuture> future; // what the thread's function returned or raised
    Ref<ConcurrentFuture> finished; // done when the thread has ended (executor.shutdown waits on it)
    script::ExecState exec;
    std::optional<QCoro::Task<void>> driver;
    std::coroutine_handle<> resumePoint;
    bool started = false;
    bool done = false;
    bool tearingDown = false;
};

// Parks the running worker's coroutine chain until its next turn.
struct WorkerPark {
    WorkerThread *worker;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept { worker->resumePoint = h; }
    void await_resume() const
    {
        if (worker->tearingDown)
            throw script::TeardownSignal {};
    }
};

// Gives the turn back until `fut` is done or `timeout` (seconds, < 0: none) has passed.
QCoro::Task<void> waitInWorker(WorkerThread *worker, Ref<ConcurrentFuture> fut, double timeout)
{
    if (fut->done())
        co_return;
    struct Resume {
        bool resumed = false;
        Ref<Handle> timer;
    };
    auto state = std::make_shared<Resume>();
    Ref<WorkerThread> self(worker);
    auto resume = [state, self] {
        if (state->resumed)
            return;
        state->resumed = true;
        if (state->timer)
            state->timer->cancel();
        self->turn();
    };
    Engine *engine = &worker->engine;
    fut->callbacks.push_back([engine, resume] { engine->loop().callSoon(resume)->description = "worker thread"; });
    if (timeout >= 0)
        state->timer = engine->loop().callAt(engine->loop().deadlineAfter(timeout), resume);
    co_await WorkerPark {worker};
}

// _chain_future(asyncio future <- concurrent future): the state is copied in a callback
// (call_soon_threadsafe), unless the asyncio future was cancelled meanwhile.
void chainToLoop(Engine &engine, Ref<ConcurrentFuture> from, Ref<Future> to)
{
    ConcurrentFuture *source = from.get();
    source->callbacks.push_back([&engine, source, to] {
        Ref<ConcurrentFuture> keep(source);
        engine.loop()
            .callSoon([keep, to] {
                if (to->done())
                    return;
                if (keep->state == ConcurrentFuture::State::Cancelled)
                    to->cancel();
                else if (!keep->exception.isNone())
                    to->setException(keep->exception);
                else
                    to->setResult(keep->result);
            })
            ->description
            = "_chain_future._set_state";
    });
}

Ref<WorkerThread> startWorker(Engine &engine, Value fn, CallArgs a, Ref<ConcurrentFuture> future)
{
    auto &in = engine.interpreter();
    auto worker = script::make<WorkerThread>(
        engine, [&in, fn, a]() { return in.callInHostMode(fn, a); }, std::move(future));
    worker->start();
    return worker;
}

std::string functionName(Interpreter &in, const Value &fn)
{
    if (fn.is(ObjKind::Function))
        return fn.as<script::FunctionObject>()->def->name;
    if (auto n = in.findAttr(fn, "__name__"); n && n->is(ObjKind::Str))
        return n->as<script::StrObject>()->value;
    return in.repr(fn);
}

// loop.run_in_executor(None, func, *args) without the argument checks: the asyncio future.
Ref<Future> submitToDefaultExecutor(Engine &engine, Value fn, CallArgs a)
{
    registry()[&engine].defaultExecutor = true;
    auto cf = script::make<ConcurrentFuture>();
    startWorker(engine, fn, std::move(a), cf);
    Ref<Future> fut = newFuture(engine, "worker thread: " + functionName(engine.interpreter(), fn) + "()");
    chainToLoop(engine, cf, fut);
    return fut;
}

QCoro::Task<Value> awaitFuture(Engine &engine, Ref<Future> fut)
{
    co_await FutureAwaiter {engine, fut.get()};
    co_return fut->result();
}

ConcurrentFuture *cfuture(const Value &v)
{
    return v.as<ConcurrentFuture>();
}

// result()/exception() of a done (or, after a timeout, still pending) concurrent future.
Value outcome(Interpreter &in, ConcurrentFuture &f, bool wantResult)
{
    if (f.state == ConcurrentFuture::State::Cancelled)
        in.raise(exc::cancelledError(), "");
    if (!f.done())
        in.raise(exc::timeoutError(), "");
    if (!wantResult)
        return f.exception;
    if (!f.exception.isNone())
        in.raise(f.exception);
    return f.result;
}

double timeoutArgument(Interpreter &in, CallArgs &a, const char *method)
{
    Value t;
    if (!a.takeKeyword("timeout", t) && !a.args.empty())
        t = a.args[0];
    args::expect(in, method, a, 0, 1);
    if (t.isNone())
        return -1;
    return std::max(0.0, args::toFloat(in, t, "timeout"));
}

ClassObject *concurrentFutureClass()
{
    static ClassObject *c = [] {
        auto *c = script::newBuiltinClass("Future", script::types::object(), "concurrent.futures._base");
        // result()/exception() called where nothing can wait (a task, a method): the future must be done.
        for (const char *name : {"result", "exception"}) {
            const bool wantResult = std::string(name) == "result";
            script::Heap *saved = script::Heap::current();
            script::Heap::setCurrent(nullptr);
            auto native = script::make<script::NativeObject>(std::string("concurrent.futures.Future.") + name,
                [wantResult, name](Interpreter &in, const Value &s, CallArgs &a) {
                    const double timeout = timeoutArgument(in, a, name);
                    if (!cfuture(s)->done() && timeout < 0)
                        in.raise(exc::runtimeError(),
                            "concurrent.futures.Future." + std::string(name)
                                + "() would block the event loop forever here; call it in a worker thread");
                    return outcome(in, *cfuture(s), wantResult);
                });
            native->owner = c;
            native->runsLoop = true; // a worker thread waits here (runLoopCall)
            c->setAttr(name, Value(native));
            script::Heap::setCurrent(saved);
        }
        c->addMethod(
            "done", [](Interpreter &, const Value &s, CallArgs &) { return Value::boolean(cfuture(s)->done()); });
        c->addMethod("running", [](Interpreter &, const Value &s, CallArgs &) {
            return Value::boolean(cfuture(s)->state == ConcurrentFuture::State::Running);
        });
        c->addMethod("cancelled", [](Interpreter &, const Value &s, CallArgs &) {
            return Value::boolean(cfuture(s)->state == ConcurrentFuture::State::Cancelled);
        });
        c->addMethod("cancel",
            [](Interpreter &in, const Value &s, CallArgs &) { return Value::boolean(cfuture(s)->cancel(in)); });
        c->addMethod("add_done_callback", [](Interpreter &in, const Value &s, CallArgs &a) {
            args::expect(in, "add_done_callback", a, 1, 1);
            if (cfuture(s)->done())
                in.call(a.args[0], std::vector<Value> {s});
            else
                cfuture(s)->scriptCallbacks.push_back(a.args[0]);
            return Value();
        });
        c->addMethod("__repr__", [](Interpreter &in, const Value &s, CallArgs &) {
            static const char *const states[] = {"pending", "running", "cancelled", "finished"};
            const auto *f = cfuture(s);
            std::string r = "<Future at " + in.fakeAddress(s.obj()) + " state=" + states[int(f->state)];
            if (f->state == ConcurrentFuture::State::Finished)
                r += f->exception.isNone() ? " returned " + in.typeName(f->result)
                                           : " raised " + in.typeName(f->exception);
            return script::str(r + ">");
        });
        return c;
    }();
    return c;
}

} // namespace

ClassObject *ConcurrentFuture::cls() const
{
    return concurrentFutureClass();
}

bool isWorkerCall(const script::NativeObject &native)
{
    return native.name == "time.sleep" || native.name == "concurrent.futures.Future.result"
        || native.name == "concurrent.futures.Future.exception";
}

QCoro::Task<Value> workerCall(Interpreter &in, Value callee, CallArgs a)
{
    auto *native = callee.as<script::NativeObject>();
    WorkerThread *worker = s_running;
    if (!worker)
        co_return in.call(callee, a);
    if (native->name == "time.sleep") {
        args::expect(in, "sleep", a, 1, 1);
        const double s = args::toFloat(in, a.args[0], "sleep length");
        if (s < 0)
            in.raise(exc::valueError(), "sleep length must be non-negative");
        if (!std::isfinite(s) || s > 1e9)
            in.raise(exc::overflowError(), "timestamp out of range for platform time_t");
        worker->scheduleTurnAt(worker->engine.loop().deadlineAfter(s));
        co_await WorkerPark {worker};
        co_return Value();
    }
    const bool wantResult = native->name.ends_with(".result");
    const double timeout = timeoutArgument(in, a, wantResult ? "result" : "exception");
    Ref<ConcurrentFuture> fut(cfuture(native->self));
    co_await waitInWorker(worker, fut, timeout);
    co_return outcome(in, *fut, wantResult);
}

void addThreadFunctions(script::DictObject &asyncio)
{
    auto def = [&](const char *name, script::NativeFunction fn) {
        asyncio.set(script::str(name),
            Value(script::make<script::NativeObject>(std::string("asyncio.") + name, std::move(fn))));
    };
    // asyncio.to_thread(func, /, *args, **kwargs): a coroutine awaiting run_in_executor's future.
    def("to_thread", [](Interpreter &in, const Value &, CallArgs &a) {
        if (a.args.empty())
            in.raise(exc::typeError(), "to_thread() missing 1 required positional argument: 'func'");
        Value fn = a.args[0];
        CallArgs rest;
        rest.args.assign(a.args.begin() + 1, a.args.end());
        rest.kwargs = a.kwargs;
        Engine *engine = &in.engine();
        const std::string what = "to_thread(" + functionName(in, fn) + ")";
        return nativeCoroutine(in, "to_thread", what, [engine, fn, rest]() {
            Ref<Future> fut = submitToDefaultExecutor(*engine, fn, rest);
            return awaitFuture(*engine, fut);
        });
    });
    // asyncio.run_coroutine_threadsafe(coro, loop): the task starts in a callback; a concurrent
    // future follows it (and cancels it when cancelled itself).
    def("run_coroutine_threadsafe", [](Interpreter &in, const Value &, CallArgs &a) {
        args::expect(in, "run_coroutine_threadsafe", a, 2, 2);
        if (!a.args[0].is(ObjKind::Coroutine))
            in.raise(exc::typeError(), "A coroutine object is required");
        Engine &engine = in.engine();
        auto cf = script::make<ConcurrentFuture>();
        Value coro = a.args[0];
        engine.loop()
            .callSoon([&engine, cf, coro] {
                Ref<Future> task = ensureFuture(engine, coro);
                ConcurrentFuture *target = cf.get();
                target->callbacks.push_back([&engine, target, task] {
                    if (target->state == ConcurrentFuture::State::Cancelled)
                        engine.loop().callSoon([task] { task->cancel(); })->description = "Task.cancel";
                });
                DoneCallback cb;
                cb.fn = [&engine, cf](const Ref<Future> &f) {
                    if (f->cancelled())
                        cf->cancel(engine.interpreter());
                    else if (cf->setRunning())
                        cf->finish(engine.interpreter(), f->resultValue(), f->exceptionValue());
                };
                cb.description = "_chain_future._call_set_state";
                task->addDoneCallback(std::move(cb));
            })
            ->description
            = "run_coroutine_threadsafe";
        return Value(cf);
    });
}

Value runInExecutor(Interpreter &in, CallArgs &a)
{
    if (a.args.size() < 2)
        in.raise(exc::typeError(), "run_in_executor() missing required positional arguments");
    if (!a.args[0].isNone())
        in.raise(exc::valueError(), "Loopscope runs functions only in the loop's default executor: pass None");
    CallArgs rest;
    rest.args.assign(a.args.begin() + 2, a.args.end());
    return Value(submitToDefaultExecutor(in.engine(), a.args[1], std::move(rest)));
}

// loop.shutdown_default_executor(): when the loop has a default executor, a thread waits for its
// workers and hands the result back through call_soon_threadsafe; the helper task awaits it.
QCoro::Task<Value> shutdownDefaultExecutor(Engine &engine)
{
    Workers &workers = registry()[&engine];
    if (!workers.defaultExecutor)
        co_return Value();
    workers.defaultExecutor = false;
    Ref<Future> fut = newFuture(engine, "shutdown_default_executor");
    std::vector<Ref<ConcurrentFuture>> running;
    for (auto &t : workers.threads)
        if (!t->done)
            running.push_back(t->finished);
    Engine *e = &engine;
    auto body = [e, fut, running]() -> QCoro::Task<Value> {
        for (auto &f : running) {
            Ref<ConcurrentFuture> each = f;
            co_await waitInWorker(s_running, each, -1);
        }
        e->loop()
            .callSoon([fut] {
                if (!fut->done())
                    fut->setResult(Value());
            })
            ->description
            = "_set_result_unless_cancelled";
        co_return Value();
    };
    auto thread = script::make<WorkerThread>(engine, body, Ref<ConcurrentFuture>());
    thread->start();
    Value done = co_await awaitFuture(engine, fut);
    co_return done;
}

void closeWorkerThreads(Engine &engine)
{
    auto it = registry().find(&engine);
    if (it == registry().end())
        return;
    auto threads = std::move(it->second.threads);
    registry().erase(it);
    for (auto &t : threads)
        t->close();
}

} // namespace loopscope
