// The `asyncio` module as scripts see it: Future and Task, sleep, gather, wait_for, create_task,
// the loop object, timeouts, and asyncio.run. Each follows CPython's code path, so the order of
// steps falls out of the same callbacks (rules C–J of the semantics page).
#include "engine.h"
#include "modules.h"
#include "primitives.h"
#include "script/stdlib.h"
#include "script/text.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace loopscope {

using script::CallArgs;
using script::ClassObject;
using script::CoroutineObject;
using script::Interpreter;
using script::ObjKind;
using script::ScriptError;
namespace exc = script::exc;
namespace args = script::args;

Value nativeCoroutine(Interpreter &in, std::string name, std::string description, CoroutineObject::Body body)
{
    auto coro = script::make<CoroutineObject>(
        std::move(name), [&in, body = std::move(body)] { return in.runNative(body); }, in.currentLine());
    coro->description = std::move(description);
    coro->warnsWhenDropped = &in;
    return Value(coro);
}

Ref<Future> newFuture(Engine &engine, std::string description)
{
    auto fut = script::make<Future>(engine);
    fut->description = std::move(description);
    return fut;
}

QCoro::Task<Value> awaitCatching(Engine &engine, Ref<Future> fut)
{
    Value error;
    try {
        co_await FutureAwaiter {engine, fut.get()};
    } catch (ScriptError &e) {
        error = e.exception;
    }
    co_return error;
}

Ref<Future> ensureFuture(Engine &engine, const Value &v)
{
    auto &in = engine.interpreter();
    if (v.is(ObjKind::Future))
        return Ref<Future>(v.as<Future>());
    if (v.is(ObjKind::Coroutine)) {
        auto t = engine.createTask(Ref<CoroutineObject>(v.as<CoroutineObject>()), Value(), true);
        return Ref<Future>(t.get());
    }
    in.raise(exc::typeError(), "An asyncio.Future, a coroutine or an awaitable is required");
}

namespace {

Engine &engineOf(Interpreter &in)
{
    return in.engine();
}

bool isCancelledError(Interpreter &in, const Value &v)
{
    return !v.isNone() && in.isInstance(v, exc::cancelledError());
}

std::string seconds(Interpreter &in, const Value &v)
{
    return in.repr(v);
}

void requireRunningLoop(Interpreter &in)
{
    if (!engineOf(in).loopRunning() && !engineOf(in).currentTask())
        in.raise(exc::runtimeError(), "no running event loop");
}

Value cancelledError(Interpreter &in, const Value &msg)
{
    return msg.isNone() ? in.makeException(exc::cancelledError(), std::vector<Value> {})
                        : in.makeException(exc::cancelledError(), std::vector<Value> {msg});
}

// TimeoutError raised `from` the CancelledError, as `raise TimeoutError from exc`.
[[noreturn]] void raiseTimeoutFrom(Interpreter &in, const Value &cause)
{
    Value e = in.makeException(exc::timeoutError(), std::vector<Value> {});
    auto *data = e.as<script::InstanceObject>()->exception.get();
    data->cause = cause;
    data->context = cause;
    data->suppressContext = true;
    throw ScriptError {e};
}

// ---- sleep (rule 16) --------------------------------------------------------------------------

QCoro::Task<Value> sleepBody(Engine &engine, double delay, Value result, std::string what)
{
    if (delay <= 0) {
        co_await FutureAwaiter {engine, nullptr}; // a bare yield: one iteration
        co_return result;
    }
    auto fut = newFuture(engine, what);
    auto when = engine.loop().deadlineAfter(delay);
    auto timer = engine.loop().callAt(when, [fut, result] {
        if (!fut->done())
            fut->setResult(result); // futures._set_result_unless_cancelled
    });
    timer->description = what + " timer";
    Task *task = engine.currentTask();
    timer->task = Ref<Task>(task);
    engine.trace().append(EventKind::TimerScheduled, when, timer->id, engine.taskIdOf(task), what);
    struct CancelTimer {
        Engine &engine;
        Ref<Handle> timer;
        ~CancelTimer()
        {
            if (timer->scheduled && !timer->cancelled) {
                timer->cancel();
                engine.trace().append(EventKind::TimerCancelled, engine.loop().now(), timer->id);
            }
        }
    } cancelTimer {engine, timer};
    co_return co_await FutureAwaiter {engine, fut.get()};
}

} // namespace

QCoro::Task<Value> sleepFor(Engine &engine, double delay, Value result, std::string what)
{
    return sleepBody(engine, delay, std::move(result), std::move(what));
}

namespace {

// ---- gather (rules 17-19) ---------------------------------------------------------------------

class GatheringFuture : public Future {
public:
    GatheringFuture(Engine &e, std::vector<Ref<Future>> c)
        : Future(e)
        , children(std::move(c))
    {
    }
    ClassObject *cls() const override
    {
        static ClassObject *c = [] {
            auto *c = new ClassObject("_GatheringFuture", Ref<ClassObject>(asyncioFutureClass()));
            ++c->m_refCount;
            c->module = "asyncio.tasks";
            return c;
        }();
        return c;
    }
    void clearRefs() override
    {
        Future::clearRefs();
        children.clear();
    }
    bool cancel(const Value &msg) override
    {
        if (done() || m_cancelling)
            return false;
        engine().interpreter().checkStack("while cancelling");
        m_cancelling = true;
        bool ret = false;
        try {
            for (auto &child : children)
                if (child->cancel(msg))
                    ret = true;
        } catch (...) {
            m_cancelling = false;
            throw;
        }
        m_cancelling = false;
        if (ret)
            cancelRequested = true;
        return ret;
    }
    bool m_cancelling = false; // a gather that (indirectly) contains itself is cancelled once
    std::vector<Ref<Future>> children;
};

} // namespace

Value gather(Engine &engine, const std::vector<Value> &aws, bool returnExceptions)
{
    auto &in = engine.interpreter();
    if (aws.empty()) {
        auto outer = newFuture(engine, "gather()");
        outer->setResult(script::list({}));
        return Value(outer);
    }
    struct State {
        std::size_t nfuts = 0;
        std::size_t nfinished = 0;
        Ref<GatheringFuture> outer;
        bool returnExceptions = false;
    };
    auto state = std::make_shared<State>();
    state->returnExceptions = returnExceptions;
    std::vector<Ref<Future>> children;
    // arg_to_fut: a repeated argument (the same object) reuses its future.
    std::unordered_map<const script::Object *, Ref<Future>> seen;
    std::vector<Ref<Future>> doneFutures;
    const bool eagerDone = engine.profile() == Profile::Py312; // J: 3.12 handles done children at once

    auto doneCallback = [&engine, state](const Ref<Future> &fut) {
        auto &in = engine.interpreter();
        ++state->nfinished;
        Ref<GatheringFuture> outer = state->outer;
        if (!outer || outer->done()) {
            if (!fut->cancelled())
                fut->exception(); // mark retrieved
            return;
        }
        if (!state->returnExceptions) {
            if (fut->cancelled()) {
                outer->setException(fut->makeCancelledError());
                return;
            }
            Value e = fut->exception();
            if (!e.isNone()) {
                outer->setException(e);
                return;
            }
        }
        if (state->nfinished == state->nfuts) {
            std::vector<Value> results;
            for (auto &child : outer->children) {
                if (child->cancelled()) {
                    results.push_back(
                        cancelledError(in, child->cancelMessage().isNone() ? script::str("") : child->cancelMessage()));
                } else {
                    Value e = child->exception();
                    results.push_back(e.isNone() ? child->result() : e);
                }
            }
            if (outer->cancelRequested)
                outer->setException(fut->makeCancelledError());
            else
                outer->setResult(script::list(std::move(results)));
        }
    };
    for (auto &arg : aws) {
        Ref<Future> fut;
        if (auto it = seen.find(arg.obj()); arg.isObj() && it != seen.end())
            fut = it->second;
        if (!fut) {
            fut = ensureFuture(engine, arg);
            ++state->nfuts;
            if (arg.isObj())
                seen.emplace(arg.obj(), fut);
            if (eagerDone && fut->done()) {
                doneFutures.push_back(fut);
            } else {
                DoneCallback cb;
                cb.fn = doneCallback;
                // (the narration and the callbacks lane say which child finished)
                const std::string child = fut->isTask() ? static_cast<Task &>(*fut).name() : fut->description;
                cb.description = "gather callback: " + child + " is done";
                fut->addDoneCallback(std::move(cb));
            }
        }
        children.push_back(fut);
    }
    auto outer = script::make<GatheringFuture>(engine, children);
    outer->description = "gather(" + std::to_string(state->nfuts) + (state->nfuts == 1 ? " task)" : " tasks)");
    state->outer = outer;
    for (auto &f : doneFutures)
        doneCallback(f);
    (void)in;
    return Value(outer);
}

namespace {

// ---- wait_for (rule 20 for 3.11, section J for 3.12) ------------------------------------------

// _cancel_and_wait: cancel fut, then wait on a separate waiter until fut is done.
QCoro::Task<void> cancelAndWait(Engine &engine, Ref<Future> fut)
{
    auto waiter = newFuture(engine, "cancellation of " + fut->description);
    std::string tag = "cancel_and_wait#" + std::to_string(waiter->id());
    DoneCallback cb;
    cb.fn = [waiter](const Ref<Future> &) {
        if (!waiter->done())
            waiter->setResult(Value());
    };
    cb.description = tag;
    fut->addDoneCallback(std::move(cb));
    struct Remove {
        Ref<Future> fut;
        std::string tag;
        ~Remove() { fut->removeNativeCallbacks(HandleKind::Callback, tag); }
    } remove {fut, tag};
    fut->cancel();
    co_await FutureAwaiter {engine, waiter.get()};
}

// After cancelling the inner future: its result if it swallowed the cancellation, else
// `raise TimeoutError from exc`.
Value resultOrTimeout(Interpreter &in, const Ref<Future> &fut)
{
    Value cancelled;
    try {
        return fut->result();
    } catch (ScriptError &e) {
        if (!isCancelledError(in, e.exception))
            throw;
        cancelled = e.exception;
    }
    raiseTimeoutFrom(in, cancelled);
}

QCoro::Task<Value> waitForTimeoutZero(Engine &engine, Value aw)
{
    auto &in = engine.interpreter();
    Ref<Future> fut = ensureFuture(engine, aw);
    if (fut->done())
        co_return fut->result();
    co_await cancelAndWait(engine, fut);
    co_return resultOrTimeout(in, fut);
}

QCoro::Task<Value> waitFor311(Engine &engine, Value aw, double timeout, std::string what)
{
    auto &in = engine.interpreter();
    auto waiter = newFuture(engine, what);
    auto releaseWaiter = [waiter] {
        if (!waiter->done())
            waiter->setResult(Value());
    };
    auto timer = engine.loop().callAt(engine.loop().deadlineAfter(timeout), releaseWaiter);
    timer->description = what + " timer";
    engine.trace().append(
        EventKind::TimerScheduled, timer->when, timer->id, engine.taskIdOf(engine.currentTask()), what);
    struct CancelTimer {
        Ref<Handle> timer;
        ~CancelTimer() { timer->cancel(); }
    } cancelTimer {timer};

    Ref<Future> fut = ensureFuture(engine, aw);
    std::string tag = "release_waiter#" + std::to_string(waiter->id());
    DoneCallback cb;
    cb.fn = [releaseWaiter](const Ref<Future> &) { releaseWaiter(); };
    cb.description = tag;
    fut->addDoneCallback(std::move(cb));

    Value error = co_await awaitCatching(engine, waiter);
    if (!error.isNone()) {
        if (!isCancelledError(in, error))
            throw ScriptError {error};
        if (fut->done())
            co_return fut->result();
        fut->removeNativeCallbacks(HandleKind::Callback, tag);
        co_await cancelAndWait(engine, fut);
        throw ScriptError {error};
    }
    if (fut->done())
        co_return fut->result();
    fut->removeNativeCallbacks(HandleKind::Callback, tag);
    co_await cancelAndWait(engine, fut);
    co_return resultOrTimeout(in, fut);
}

// ---- asyncio.timeout (rule 34) ----------------------------------------------------------------

class TimeoutObject : public script::Object {
public:
    enum class State { Created, Entered, Expiring, Expired, Exited };
    TimeoutObject(Engine &e, std::optional<double> w)
        : Object(ObjKind::Other)
        , engine(e)
        , when(w)
    {
        track();
    }
    ClassObject *cls() const override;
    void clearRefs() override
    {
        task.reset();
        handler.reset();
    }

    void reschedule()
    {
        if (handler)
            handler->cancel();
        handler.reset();
        if (!when)
            return;
        Ref<TimeoutObject> self(this);
        auto onTimeout = [self] {
            self->task->cancel();
            self->state = State::Expiring;
            self->handler.reset();
        };
        if (*when <= engine.loop().time()) {
            handler = engine.loop().callSoon(onTimeout);
        } else {
            handler = engine.loop().callAt(EventLoop::toNanoseconds(*when), onTimeout);
            engine.trace().append(
                EventKind::TimerScheduled, handler->when, handler->id, engine.taskIdOf(task.get()), "timeout");
        }
        handler->description = "timeout";
    }

    void enter()
    {
        auto &in = engine.interpreter();
        if (state != State::Created)
            in.raise(exc::runtimeError(), "Timeout has already been entered");
        Task *t = engine.currentTask();
        if (!t)
            in.raise(exc::runtimeError(), "Timeout should be used inside a task");
        state = State::Entered;
        task = Ref<Task>(t);
        cancelling = t->cancelling();
        reschedule();
    }

    // Returns normally, or raises TimeoutError from the CancelledError.
    void exit(const Value &excValue)
    {
        auto &in = engine.interpreter();
        if (handler) {
            handler->cancel();
            handler.reset();
        }
        if (state == State::Expiring) {
            state = State::Expired;
            if (task->uncancel() <= cancelling && isCancelledError(in, excValue))
                raiseTimeoutFrom(in, excValue);
        } else if (state == State::Entered) {
            state = State::Exited;
        }
    }

    Engine &engine;
    std::optional<double> when;
    State state = State::Created;
    Ref<Task> task;
    Ref<Handle> handler;
    int cancelling = 0;
};

QCoro::Task<Value> timeoutEnter(Ref<TimeoutObject> t)
{
    t->enter();
    co_return Value(t);
}

QCoro::Task<Value> timeoutExit(Ref<TimeoutObject> t, Value excValue)
{
    t->exit(excValue);
    co_return Value();
}

ClassObject *timeoutClass()
{
    static ClassObject *c = [] {
        auto *c = new ClassObject("Timeout", Ref<ClassObject>(script::types::object()));
        ++c->m_refCount;
        c->module = "asyncio.timeouts";
        c->addMethod("__aenter__", [](Interpreter &in, const Value &s, CallArgs &) {
            Ref<TimeoutObject> t(s.as<TimeoutObject>());
            return nativeCoroutine(in, "Timeout.__aenter__", "timeout", [t] { return timeoutEnter(t); });
        });
        c->addMethod("__aexit__", [](Interpreter &in, const Value &s, CallArgs &a) {
            Ref<TimeoutObject> t(s.as<TimeoutObject>());
            Value excValue = a.args.size() > 1 ? a.args[1] : Value();
            return nativeCoroutine(
                in, "Timeout.__aexit__", "timeout", [t, excValue] { return timeoutExit(t, excValue); });
        });
        c->addMethod("expired", [](Interpreter &, const Value &s, CallArgs &) {
            auto st = s.as<TimeoutObject>()->state;
            return Value::boolean(st == TimeoutObject::State::Expiring || st == TimeoutObject::State::Expired);
        });
        c->addMethod("when", [](Interpreter &, const Value &s, CallArgs &) {
            auto w = s.as<TimeoutObject>()->when;
            return w ? Value::real(*w) : Value();
        });
        c->addMethod("reschedule", [](Interpreter &in, const Value &s, CallArgs &a) {
            args::expect(in, "reschedule", a, 1, 1);
            auto *t = s.as<TimeoutObject>();
            if (t->state != TimeoutObject::State::Entered)
                in.raise(exc::runtimeError(), "Timeout has not been entered");
            t->when = a.args[0].isNone() ? std::nullopt : std::optional<double>(args::toFloat(in, a.args[0], "when"));
            t->reschedule();
            return Value();
        });
        return c;
    }();
    return c;
}
ClassObject *TimeoutObject::cls() const
{
    return timeoutClass();
}

QCoro::Task<Value> waitFor312(Engine &engine, Value aw, std::optional<double> timeout)
{
    auto t = script::make<TimeoutObject>(
        engine, timeout ? std::optional<double>(engine.loop().time() + *timeout) : std::nullopt);
    t->enter();
    Value result;
    Value error;
    try {
        result = co_await engine.interpreter().await(aw);
    } catch (ScriptError &e) {
        error = e.exception;
    }
    t->exit(error);
    if (!error.isNone())
        throw ScriptError {error};
    co_return result;
}

// ---- the loop object --------------------------------------------------------------------------

class LoopObject : public script::Object {
public:
    explicit LoopObject(Engine &e)
        : Object(ObjKind::Other)
        , engine(e)
    {
        track();
    }
    ClassObject *cls() const override;
    void clearRefs() override { exceptionHandler = Value(); }
    Engine &engine;
    Value exceptionHandler; // loop.set_exception_handler(); None: the default handler
    bool closed = false; // loop.close(); new_event_loop() and asyncio.run() start a fresh one
};

// One loop object per run, so that `get_running_loop() is loop` holds as in CPython.
Value theLoop(Interpreter &in)
{
    auto &dict = *engineOf(in).asyncioModule()->dict;
    if (const Value *loop = dict.findStr("_loop_object"))
        return *loop;
    Value loop(Ref<script::Object>(new LoopObject(engineOf(in))));
    dict.set(script::str("_loop_object"), loop);
    return loop;
}

Value callbackHandle(Engine &engine, const Ref<Handle> &h)
{
    return Value(h);
    (void)engine;
}

// format_helpers._format_callback_source: "bad(1, 'x') at t.py:2".
std::string callbackSource(Interpreter &in, const Value &fn, const std::vector<Value> &cbArgs)
{
    std::string name;
    if (fn.is(ObjKind::Function))
        name = fn.as<script::FunctionObject>()->def->name;
    else if (auto n = in.findAttr(fn, "__name__"); n && n->is(ObjKind::Str))
        name = n->as<script::StrObject>()->value;
    else
        name = in.repr(fn);
    std::string out = name + "(";
    for (std::size_t i = 0; i < cbArgs.size(); ++i)
        out += (i ? ", " : "") + in.repr(cbArgs[i]);
    out += ")";
    if (fn.is(ObjKind::Function) && in.module())
        out += " at " + in.module()->fileName + ":" + std::to_string(fn.as<script::FunctionObject>()->def->pos.line);
    return out;
}

// ---- the loop's exception handler (base_events.call_exception_handler) ----

bool isInterrupt(Interpreter &in, const Value &e)
{
    return in.isInstance(e, exc::byName("SystemExit")) || in.isInstance(e, exc::byName("KeyboardInterrupt"));
}

// base_events.default_exception_handler: the message, then "key: repr(value)" for the other
// keys in sorted order, then the exception's traceback; logged on stderr.
void defaultExceptionHandler(Engine &engine, const Value &context)
{
    auto &in = engine.interpreter();
    if (!context.is(ObjKind::Dict))
        in.raise(exc::typeError(), "'" + in.typeName(context) + "' object is not subscriptable");
    auto *d = context.as<script::DictObject>();
    std::string message = "Unhandled exception in event loop";
    if (const Value *m = d->findStr("message"); m && in.truthy(*m))
        message = in.toStr(*m);
    std::vector<std::string> keys;
    for (auto &entry : d->entries())
        if (entry.live && entry.key.is(ObjKind::Str))
            keys.push_back(entry.key.as<script::StrObject>()->value);
    std::sort(keys.begin(), keys.end());
    std::string text = message;
    for (const auto &key : keys)
        if (key != "message" && key != "exception")
            text += "\n" + key + ": " + in.repr(*d->findStr(key));
    const Value *exception = d->findStr("exception");
    if (exception && in.isInstance(*exception, exc::baseException()))
        text += "\n" + in.formatException(*exception);
    // The garbage collector's log of a task shows in the conformance trace (see Engine::warn).
    engine.warn(text, message == "Task exception was never retrieved");
}

// call_exception_handler(context): the custom handler if one is set, else the default one. A
// failing custom handler is reported through the default one, as CPython does.
void callExceptionHandler(Engine &engine, const Value &loop, const Value &context)
{
    auto &in = engine.interpreter();
    const Value handler = loop.as<LoopObject>()->exceptionHandler;
    if (handler.isNone()) {
        try {
            defaultExceptionHandler(engine, context);
        } catch (ScriptError &e) {
            if (isInterrupt(in, e.exception))
                throw;
            engine.warn("Exception in default exception handler\n" + in.formatException(e.exception));
        }
        return;
    }
    try {
        in.call(handler, std::vector<Value> {loop, context});
    } catch (ScriptError &e) {
        if (isInterrupt(in, e.exception))
            throw;
        auto report = script::make<script::DictObject>();
        report->set(script::str("message"), script::str("Unhandled error in exception handler"));
        report->set(script::str("exception"), e.exception);
        report->set(script::str("context"), context);
        defaultExceptionHandler(engine, Value(report));
    }
}

Value context(std::initializer_list<std::pair<const char *, Value>> items)
{
    auto d = script::make<script::DictObject>();
    for (auto &[key, value] : items)
        d->set(script::str(key), value);
    return Value(d);
}

// Handle._run: an exception in a callback is logged (as the loop's default exception handler
// does) and the loop goes on; SystemExit and KeyboardInterrupt still leave the loop.
void runCallback(
    Engine &engine, const Value &fn, const std::vector<Value> &cbArgs, std::int64_t whenNs, const Handle *self = nullptr)
{
    auto &in = engine.interpreter();
    try {
        in.call(fn, cbArgs);
    } catch (ScriptError &e) {
        if (isInterrupt(in, e.exception))
            throw;
        const std::string source = callbackSource(in, fn, cbArgs);
        const Value loop = theLoop(in);
        if (!loop.as<LoopObject>()->exceptionHandler.isNone()) {
            Value handle = self ? Value(Ref<Handle>(const_cast<Handle *>(self))) : Value();
            callExceptionHandler(engine, loop,
                context({{"message", script::str("Exception in callback " + source)}, {"exception", e.exception},
                    {"handle", handle}}));
            return;
        }
        const std::string handle = whenNs >= 0
            ? "<TimerHandle when=" + in.repr(Value::real(double(whenNs) / 1e9)) + " " + source + ">"
            : "<Handle " + source + ">";
        engine.warn("Exception in callback " + source + "\nhandle: " + handle + "\n" + in.formatException(e.exception));
    }
}

// call_soon/call_later callbacks: the callable with its arguments.
// `self` is filled in once the handle exists (the context of the exception handler names it).
std::function<void()> scriptCallback(Engine &engine, const Value &fn, const std::vector<Value> &cbArgs,
    std::int64_t whenNs, std::shared_ptr<const Handle *> self = nullptr)
{
    return [&engine, fn, cbArgs, whenNs, self]() { runCallback(engine, fn, cbArgs, whenNs, self ? *self : nullptr); };
}

ClassObject *loopClass()
{
    static ClassObject *c = [] {
        auto *c = new ClassObject("_UnixSelectorEventLoop", Ref<ClassObject>(script::types::object()));
        ++c->m_refCount;
        c->addMethod(
            "time", [](Interpreter &in, const Value &, CallArgs &) { return Value::real(engineOf(in).loop().time()); });
        c->addMethod("create_future",
            [](Interpreter &in, const Value &, CallArgs &) { return Value(newFuture(engineOf(in), "future")); });
        c->addMethod("create_task", [](Interpreter &in, const Value &, CallArgs &a) {
            Value name;
            a.takeKeyword("name", name);
            Value context;
            a.takeKeyword("context", context);
            args::expect(in, "create_task", a, 1, 1);
            if (!a.args[0].is(ObjKind::Coroutine))
                in.raise(exc::typeError(), "a coroutine was expected, got " + in.repr(a.args[0]));
            // rule 15: loop.create_task(c, name=X) does not consume a Task-N number
            return Value(engineOf(in).createTask(Ref<CoroutineObject>(a.args[0].as<CoroutineObject>()), name, false));
        });
        auto schedule = [](Interpreter &in, CallArgs &a, bool later, bool at) {
            Engine &engine = engineOf(in);
            Value context;
            a.takeKeyword("context", context);
            std::size_t first = (later || at) ? 1 : 0;
            if (a.args.size() < first + 1)
                in.raise(exc::typeError(), "missing callback");
            Value fn = a.args[first];
            std::vector<Value> cbArgs(a.args.begin() + std::ptrdiff_t(first) + 1, a.args.end());
            std::string what = callbackSource(in, fn, cbArgs);
            Ref<Handle> h;
            auto self = std::make_shared<const Handle *>(nullptr); // a handle runs while it is alive
            if (!later && !at) {
                h = engine.loop().callSoon(scriptCallback(engine, fn, cbArgs, -1, self));
            } else {
                double t = args::toFloat(in, a.args[0], at ? "when" : "delay");
                std::int64_t when = at ? EventLoop::toNanoseconds(t) : engine.loop().deadlineAfter(t);
                h = engine.loop().callAt(when, scriptCallback(engine, fn, cbArgs, when, self));
                engine.trace().append(
                    EventKind::TimerScheduled, when, h->id, engine.taskIdOf(engine.currentTask()), what);
            }
            h->description = what;
            *self = h.get();
            return callbackHandle(engine, h);
        };
        c->addMethod("call_soon",
            [schedule](Interpreter &in, const Value &, CallArgs &a) { return schedule(in, a, false, false); });
        c->addMethod("call_later",
            [schedule](Interpreter &in, const Value &, CallArgs &a) { return schedule(in, a, true, false); });
        c->addMethod("call_at",
            [schedule](Interpreter &in, const Value &, CallArgs &a) { return schedule(in, a, false, true); });
        // From a worker thread, whose turn is a callback of this loop: as call_soon.
        c->addMethod("call_soon_threadsafe",
            [schedule](Interpreter &in, const Value &, CallArgs &a) { return schedule(in, a, false, false); });
        c->addMethod(
            "run_in_executor", [](Interpreter &in, const Value &, CallArgs &a) { return runInExecutor(in, a); });
        c->addMethod("is_running",
            [](Interpreter &in, const Value &, CallArgs &) { return Value::boolean(engineOf(in).loopRunning()); });
        c->addMethod("is_closed",
            [](Interpreter &, const Value &s, CallArgs &) { return Value::boolean(s.as<LoopObject>()->closed); });
        c->addMethod("set_task_factory", [](Interpreter &in, const Value &, CallArgs &a) {
            args::expect(in, "set_task_factory", a, 1, 1);
            const Value &factory = a.args[0];
            if (!factory.isNone() && !in.truthy(in.call(in.builtin("callable"), std::vector<Value> {factory})))
                in.raise(exc::typeError(), "task factory must be a callable or None");
            engineOf(in).taskFactory = factory;
            return Value();
        });
        c->addMethod("get_task_factory", [](Interpreter &in, const Value &, CallArgs &a) {
            args::expect(in, "get_task_factory", a, 0, 0);
            return engineOf(in).taskFactory;
        });
        c->addMethod("set_exception_handler", [](Interpreter &in, const Value &s, CallArgs &a) {
            args::expect(in, "set_exception_handler", a, 1, 1);
            const Value &handler = a.args[0];
            if (!handler.isNone() && !in.truthy(in.call(in.builtin("callable"), std::vector<Value> {handler})))
                in.raise(exc::typeError(), "A callable object or None is expected, got " + in.repr(handler));
            s.as<LoopObject>()->exceptionHandler = handler;
            return Value();
        });
        c->addMethod("get_exception_handler",
            [](Interpreter &, const Value &s, CallArgs &) { return s.as<LoopObject>()->exceptionHandler; });
        c->addMethod("default_exception_handler", [](Interpreter &in, const Value &, CallArgs &a) {
            args::expect(in, "default_exception_handler", a, 1, 1);
            defaultExceptionHandler(engineOf(in), a.args[0]);
            return Value();
        });
        c->addMethod("call_exception_handler", [](Interpreter &in, const Value &s, CallArgs &a) {
            args::expect(in, "call_exception_handler", a, 1, 1);
            callExceptionHandler(engineOf(in), s, a.args[0]);
            return Value();
        });
        c->addMethod("close", [](Interpreter &in, const Value &s, CallArgs &a) {
            args::expect(in, "close", a, 0, 0);
            Engine &engine = engineOf(in);
            if (engine.loopRunning())
                in.raise(exc::runtimeError(), "Cannot close a running event loop");
            auto *loop = s.as<LoopObject>();
            if (!loop->closed) {
                loop->closed = true;
                engine.closeLoop();
            }
            return Value();
        });
        c->addMethod("stop", [](Interpreter &in, const Value &, CallArgs &) {
            engineOf(in).stop();
            return Value();
        });
        auto runUntilComplete = script::make<script::NativeObject>(
            "_UnixSelectorEventLoop.run_until_complete", [](Interpreter &in, const Value &, CallArgs &) -> Value {
                in.raise(exc::runtimeError(),
                    "loop.run_until_complete() can only be called from module-level code in Loopscope");
            });
        runUntilComplete->runsLoop = true;
        c->setAttr("run_until_complete", Value(runUntilComplete));
        auto runForever = script::make<script::NativeObject>(
            "_UnixSelectorEventLoop.run_forever", [](Interpreter &in, const Value &, CallArgs &) -> Value {
                in.raise(
                    exc::runtimeError(), "loop.run_forever() can only be called from module-level code in Loopscope");
            });
        runForever->runsLoop = true;
        c->setAttr("run_forever", Value(runForever));
        return c;
    }();
    return c;
}
ClassObject *LoopObject::cls() const
{
    return loopClass();
}

} // namespace

bool customExceptionHandler(Engine &engine, const std::string &message, const Value &exception, const char *key,
    const Value &value)
{
    auto &in = engine.interpreter();
    const Value loop = theLoop(in);
    if (loop.as<LoopObject>()->exceptionHandler.isNone())
        return false;
    // Task.__del__'s context for a pending task has no exception.
    Value ctx = exception.isNone()
        ? context({{"message", script::str(message)}, {key, value}})
        : context({{"message", script::str(message)}, {"exception", exception}, {key, value}});
    callExceptionHandler(engine, loop, ctx);
    return true;
}

Value loopObject(Interpreter &in)
{
    return theLoop(in);
}

namespace {

ClassObject *handleClassMethods()
{
    ClassObject *c = script::types::handleType();
    static bool done = false;
    if (!done) {
        done = true;
        c->addMethod("cancel", [](Interpreter &in, const Value &s, CallArgs &) {
            auto *h = s.as<Handle>();
            if (!h->cancelled && h->when >= 0)
                engineOf(in).trace().append(EventKind::TimerCancelled, engineOf(in).loop().now(), h->id);
            h->cancel();
            return Value();
        });
        c->addMethod("cancelled",
            [](Interpreter &, const Value &s, CallArgs &) { return Value::boolean(s.as<Handle>()->cancelled); });
        c->addMethod("when",
            [](Interpreter &, const Value &s, CallArgs &) { return Value::real(double(s.as<Handle>()->when) / 1e9); });
    }
    return c;
}

// ---- Future and Task classes ------------------------------------------------------------------

void addFutureMethods(ClassObject *c)
{
    c->addMethod(
        "done", [](Interpreter &, const Value &s, CallArgs &) { return Value::boolean(s.as<Future>()->done()); });
    c->addMethod("cancelled",
        [](Interpreter &, const Value &s, CallArgs &) { return Value::boolean(s.as<Future>()->cancelled()); });
    c->addMethod("result", [](Interpreter &, const Value &s, CallArgs &) { return s.as<Future>()->result(); });
    c->addMethod("exception", [](Interpreter &, const Value &s, CallArgs &) { return s.as<Future>()->exception(); });
    c->addMethod("cancel", [](Interpreter &in, const Value &s, CallArgs &a) {
        Value msg = a.args.empty() ? Value() : a.args[0];
        a.takeKeyword("msg", msg);
        (void)in;
        return Value::boolean(s.as<Future>()->cancel(msg));
    });
    c->addMethod("add_done_callback", [](Interpreter &in, const Value &s, CallArgs &a) {
        Value context;
        a.takeKeyword("context", context);
        args::expect(in, "add_done_callback", a, 1, 1);
        Value fn = a.args[0];
        Engine *engine = &engineOf(in);
        DoneCallback cb;
        cb.fn = [engine, fn](const Ref<Future> &f) { runCallback(*engine, fn, std::vector<Value> {Value(f)}, -1); };
        cb.scriptCallable = fn;
        cb.description = callbackSource(in, fn, {});
        s.as<Future>()->addDoneCallback(std::move(cb));
        return Value();
    });
    c->addMethod("remove_done_callback", [](Interpreter &in, const Value &s, CallArgs &a) {
        args::expect(in, "remove_done_callback", a, 1, 1);
        return Value::integer(std::int64_t(s.as<Future>()->removeDoneCallback(a.args[0])));
    });
    c->addMethod("get_loop", [](Interpreter &in, const Value &, CallArgs &) { return theLoop(in); });
}

// base_futures._future_repr_info and base_tasks._task_repr_info: state, name, coro, wait_for,
// result or exception, callbacks.
std::string futureRepr(Interpreter &in, Future *f)
{
    std::string out = "<" + in.typeName(Value(Ref<Future>(f))) + " ";
    out += f->cancelled() ? "cancelled" : f->done() ? "finished" : "pending";
    if (f->isTask()) {
        auto *t = static_cast<Task *>(f);
        out += " name=" + in.repr(script::str(t->name()));
        // coroutines._format_coroutine
        const std::string file = in.module() ? in.module()->fileName : std::string("<script>");
        int line = t->suspended() && t->awaitLine ? t->awaitLine : t->coroDefLine();
        if (t == engineOf(in).currentTask())
            line = in.currentLine();
        if (t->coroDefLine() == 0)
            out += " coro=<" + t->coroName() + "()>";
        else if (f->done())
            out += " coro=<" + t->coroName() + "() done, defined at " + file + ":" + std::to_string(t->coroDefLine())
                + ">";
        else
            out += " coro=<" + t->coroName() + "() running at " + file + ":" + std::to_string(line) + ">";
        if (t->waitingOn())
            out += " wait_for=" + futureRepr(in, t->waitingOn().get());
    }
    if (f->state() == Future::State::Finished) {
        if (!f->exceptionValue().isNone())
            out += " exception=" + in.repr(f->exceptionValue());
        else
            out += " result=" + in.repr(f->resultValue());
    }
    // base_futures._format_callbacks
    const auto &cbs = f->callbacks();
    auto source = [&](const DoneCallback &cb) {
        if (cb.wakee)
            return std::string("Task.task_wakeup()");
        if (!cb.scriptCallable.isNone())
            return callbackSource(in, cb.scriptCallable, {});
        return cb.description + "()";
    };
    if (cbs.size() == 1)
        out += " cb=[" + source(cbs[0]) + "]";
    else if (cbs.size() == 2)
        out += " cb=[" + source(cbs[0]) + ", " + source(cbs[1]) + "]";
    else if (cbs.size() > 2)
        out += " cb=[" + source(cbs[0]) + ", <" + std::to_string(cbs.size() - 2) + " more>, " + source(cbs.back())
            + "]";
    return out + ">";
}

} // namespace

ClassObject *asyncioFutureClass()
{
    static ClassObject *c = [] {
        auto *c = new ClassObject("Future", Ref<ClassObject>(script::types::object()));
        ++c->m_refCount;
        c->module = "_asyncio";
        addFutureMethods(c);
        c->addMethod("set_result", [](Interpreter &in, const Value &s, CallArgs &a) {
            args::expect(in, "set_result", a, 1, 1);
            s.as<Future>()->setResult(a.args[0]);
            return Value();
        });
        c->addMethod("set_exception", [](Interpreter &in, const Value &s, CallArgs &a) {
            args::expect(in, "set_exception", a, 1, 1);
            s.as<Future>()->setException(a.args[0]);
            return Value();
        });
        c->addMethod("__repr__",
            [](Interpreter &in, const Value &s, CallArgs &) { return script::str(futureRepr(in, s.as<Future>())); });
        c->construct = [](Interpreter &in, const Value &, CallArgs &) -> Value {
            return Value(newFuture(engineOf(in), "future"));
        };
        return c;
    }();
    return c;
}

ClassObject *asyncioTaskClass()
{
    static ClassObject *c = [] {
        auto *c = new ClassObject("Task", Ref<ClassObject>(asyncioFutureClass()));
        ++c->m_refCount;
        c->module = "_asyncio";
        addFutureMethods(c);
        c->addMethod("set_result", [](Interpreter &in, const Value &, CallArgs &) -> Value {
            in.raise(exc::runtimeError(), "Task does not support set_result operation");
        });
        c->addMethod("set_exception", [](Interpreter &in, const Value &, CallArgs &) -> Value {
            in.raise(exc::runtimeError(), "Task does not support set_exception operation");
        });
        c->addMethod(
            "get_name", [](Interpreter &, const Value &s, CallArgs &) { return script::str(s.as<Task>()->name()); });
        c->addMethod("set_name", [](Interpreter &in, const Value &s, CallArgs &a) {
            args::expect(in, "set_name", a, 1, 1);
            s.as<Task>()->setName(in.toStr(a.args[0]));
            return Value();
        });
        c->addMethod("get_coro", [](Interpreter &, const Value &s, CallArgs &) { return Value(s.as<Task>()->coro()); });
        c->addMethod("cancelling",
            [](Interpreter &, const Value &s, CallArgs &) { return Value::integer(s.as<Task>()->cancelling()); });
        c->addMethod("uncancel",
            [](Interpreter &, const Value &s, CallArgs &) { return Value::integer(s.as<Task>()->uncancel()); });
        c->addMethod("__repr__",
            [](Interpreter &in, const Value &s, CallArgs &) { return script::str(futureRepr(in, s.as<Future>())); });
        c->construct = [](Interpreter &in, const Value &, CallArgs &a) -> Value {
            Value name;
            a.takeKeyword("name", name);
            Value loop, context, eager;
            a.takeKeyword("loop", loop);
            a.takeKeyword("context", context);
            if (a.takeKeyword("eager_start", eager) && engineOf(in).profile() == Profile::Py311)
                in.raise(exc::typeError(), "'eager_start' is an invalid keyword argument for Task()");
            args::expect(in, "Task", a, 1, 1);
            if (!a.args[0].is(ObjKind::Coroutine))
                in.raise(exc::typeError(), "a coroutine was expected, got " + in.repr(a.args[0]));
            return Value(engineOf(in).constructTask(
                Ref<CoroutineObject>(a.args[0].as<CoroutineObject>()), name, in.truthy(eager)));
        };
        return c;
    }();
    return c;
}

Ref<script::ModuleObject> makeAsyncioModule(Interpreter &in)
{
    auto mod = script::make<script::ModuleObject>("asyncio");
    auto &d = *mod->dict;
    auto def = [&](const std::string &name, script::NativeFunction fn) {
        d.set(script::str(name), Value(script::make<script::NativeObject>("asyncio." + name, std::move(fn))));
    };
    handleClassMethods();

    auto run
        = script::make<script::NativeObject>("asyncio.run", [](Interpreter &in, const Value &, CallArgs &) -> Value {
              if (engineOf(in).loopRunning())
                  in.raise(exc::runtimeError(), "asyncio.run() cannot be called from a running event loop");
              in.raise(exc::runtimeError(), "asyncio.run() can only be called from module-level code in Loopscope");
          });
    run->runsLoop = true;
    d.set(script::str("run"), Value(run));

    def("sleep", [](Interpreter &in, const Value &, CallArgs &a) {
        static const std::string sleepName = "sleep", delayName = "delay"; // built once, not per call
        Value result;
        a.takeKeyword("result", result);
        args::expect(in, sleepName, a, 1, 2);
        if (a.args.size() > 1)
            result = a.args[1];
        double delay = args::toFloat(in, a.args[0], delayName);
        if (delay <= 0) {
            // sleep(0) is `await __sleep0(); return result`: a coroutine that yields once, which
            // the awaiting evaluator runs without frames of its own (CoroutineObject::bareYield).
            auto coro = script::make<CoroutineObject>("sleep", nullptr, in.currentLine());
            coro->bareYield = true;
            coro->yieldResult = result;
            coro->warnsWhenDropped = &in;
            return Value(coro);
        }
        std::string what = "asyncio.sleep(" + seconds(in, a.args[0]) + ")";
        Engine *engine = &engineOf(in);
        return nativeCoroutine(
            in, "sleep", what, [engine, delay, result, what] { return sleepBody(*engine, delay, result, what); });
    });
    def("create_task", [](Interpreter &in, const Value &, CallArgs &a) {
        Value name, context;
        a.takeKeyword("name", name);
        a.takeKeyword("context", context);
        args::expect(in, "create_task", a, 1, 1);
        if (!a.args[0].is(ObjKind::Coroutine))
            in.raise(exc::typeError(), "a coroutine was expected, got " + in.repr(a.args[0]));
        requireRunningLoop(in);
        // rule 15: asyncio.create_task(c, name=X) consumes a number, then renames
        return Value(engineOf(in).createTask(Ref<CoroutineObject>(a.args[0].as<CoroutineObject>()), name, true));
    });
    if (engineOf(in).profile() == Profile::Py312) {
        // 3.12 (section J): tasks.create_eager_task_factory(Task) and its ready-made instance.
        auto eagerFactory = [](const Value &constructor) {
            return Value(script::make<script::NativeObject>("create_eager_task_factory.<locals>.factory",
                [constructor](Interpreter &in, const Value &, CallArgs &a) {
                    Value name, context;
                    a.takeKeyword("name", name);
                    a.takeKeyword("context", context);
                    args::expect(in, "factory", a, 2, 2);
                    if (constructor.isNone()) { // asyncio.Task itself
                        if (!a.args[1].is(ObjKind::Coroutine))
                            in.raise(exc::typeError(), "a coroutine was expected, got " + in.repr(a.args[1]));
                        return Value(engineOf(in).constructTask(
                            Ref<CoroutineObject>(a.args[1].as<CoroutineObject>()), name, true));
                    }
                    CallArgs call;
                    call.args = {a.args[1]};
                    call.kwargs = {{"loop", a.args[0]}, {"name", name}, {"context", context},
                        {"eager_start", Value::boolean(true)}};
                    return in.call(constructor, call);
                }));
        };
        d.set(script::str("eager_task_factory"), eagerFactory(Value()));
        def("create_eager_task_factory", [eagerFactory](Interpreter &in, const Value &, CallArgs &a) {
            args::expect(in, "create_eager_task_factory", a, 1, 1);
            const bool plainTask = a.args[0].is(ObjKind::Class) && a.args[0].as<ClassObject>() == asyncioTaskClass();
            return eagerFactory(plainTask ? Value() : a.args[0]);
        });
    }
    def("ensure_future", [](Interpreter &in, const Value &, CallArgs &a) {
        Value loop;
        a.takeKeyword("loop", loop);
        args::expect(in, "ensure_future", a, 1, 1);
        return Value(ensureFuture(engineOf(in), a.args[0]));
    });
    def("gather", [](Interpreter &in, const Value &, CallArgs &a) {
        Value re;
        a.takeKeyword("return_exceptions", re);
        if (!a.kwargs.empty())
            in.raise(exc::typeError(), "gather() got an unexpected keyword argument '" + a.kwargs[0].first + "'");
        return gather(engineOf(in), a.args, in.truthy(re));
    });
    def("wait_for", [](Interpreter &in, const Value &, CallArgs &a) {
        Value timeout;
        if (a.args.size() > 1)
            timeout = a.args[1];
        a.takeKeyword("timeout", timeout);
        if (a.args.empty())
            in.raise(exc::typeError(), "wait_for() missing 1 required positional argument: 'fut'");
        Value aw = a.args[0];
        Engine *engine = &engineOf(in);
        std::string what = "wait_for " + (timeout.isNone() ? std::string("None") : in.repr(timeout) + "s");
        if (timeout.isNone())
            return nativeCoroutine(in, "wait_for", what, [engine, aw]() { return engine->interpreter().await(aw); });
        double t = args::toFloat(in, timeout, "timeout");
        if (t <= 0)
            return nativeCoroutine(in, "wait_for", what, [engine, aw] { return waitForTimeoutZero(*engine, aw); });
        if (engine->profile() == Profile::Py311)
            return nativeCoroutine(
                in, "wait_for", what, [engine, aw, t, what] { return waitFor311(*engine, aw, t, what); });
        return nativeCoroutine(in, "wait_for", what, [engine, aw, t] { return waitFor312(*engine, aw, t); });
    });
    def("timeout", [](Interpreter &in, const Value &, CallArgs &a) {
        args::expect(in, "timeout", a, 1, 1);
        Engine &engine = engineOf(in);
        std::optional<double> when;
        if (!a.args[0].isNone())
            when = engine.loop().time() + args::toFloat(in, a.args[0], "delay");
        return Value(script::make<TimeoutObject>(engine, when));
    });
    def("timeout_at", [](Interpreter &in, const Value &, CallArgs &a) {
        args::expect(in, "timeout_at", a, 1, 1);
        std::optional<double> when;
        if (!a.args[0].isNone())
            when = args::toFloat(in, a.args[0], "when");
        return Value(script::make<TimeoutObject>(engineOf(in), when));
    });
    def("current_task", [](Interpreter &in, const Value &, CallArgs &) {
        Task *t = engineOf(in).currentTask();
        return t ? Value(Ref<Task>(t)) : Value();
    });
    def("all_tasks", [](Interpreter &in, const Value &, CallArgs &) {
        // A set, iterated in creation order (section I).
        std::vector<Ref<Future>> out;
        for (auto &t : engineOf(in).tasks())
            if (!t->done() && !t->internal())
                out.push_back(Ref<Future>(t.get()));
        return makeTaskSet(out);
    });
    auto loopObject = [](Interpreter &in, const Value &, CallArgs &) { return theLoop(in); };
    def("get_running_loop", [loopObject](Interpreter &in, const Value &s, CallArgs &a) {
        if (!engineOf(in).currentTask() && !engineOf(in).loopRunning())
            in.raise(exc::runtimeError(), "no running event loop");
        return loopObject(in, s, a);
    });
    // 3.12's policy warns when get_event_loop() has to make the loop itself (never set, none running).
    def("get_event_loop", [](Interpreter &in, const Value &, CallArgs &) {
        auto &dict = *engineOf(in).asyncioModule()->dict;
        const bool running = engineOf(in).currentTask() || engineOf(in).loopRunning();
        if (!running && !dict.findStr("_loop_set")) {
            if (engineOf(in).profile() == Profile::Py312)
                in.warn("DeprecationWarning", "There is no current event loop");
            dict.set(script::str("_loop_set"), Value::boolean(true));
        }
        return theLoop(in);
    });
    // The engine's one loop object stands for each new loop: open, with no task factory.
    def("new_event_loop", [](Interpreter &in, const Value &, CallArgs &) {
        Value loop = theLoop(in);
        loop.as<LoopObject>()->closed = false;
        engineOf(in).taskFactory = Value();
        return loop;
    });
    def("set_event_loop", [](Interpreter &in, const Value &, CallArgs &) {
        engineOf(in).asyncioModule()->dict->set(script::str("_loop_set"), Value::boolean(true));
        return Value();
    });
    def("iscoroutine", [](Interpreter &in, const Value &, CallArgs &a) {
        args::expect(in, "iscoroutine", a, 1, 1);
        return Value::boolean(a.args[0].is(ObjKind::Coroutine));
    });
    def("iscoroutinefunction", [](Interpreter &in, const Value &, CallArgs &a) {
        args::expect(in, "iscoroutinefunction", a, 1, 1);
        return Value::boolean(a.args[0].is(ObjKind::Function) && a.args[0].as<script::FunctionObject>()->def->isAsync);
    });
    def("isfuture", [](Interpreter &in, const Value &, CallArgs &a) {
        args::expect(in, "isfuture", a, 1, 1);
        return Value::boolean(a.args[0].is(ObjKind::Future));
    });

    auto cls = [&](const std::string &name, ClassObject *c) { d.set(script::str(name), Value(Ref<ClassObject>(c))); };
    cls("Future", asyncioFutureClass());
    cls("Task", asyncioTaskClass());
    cls("Queue", queueClass(QueuePrimitive::Order::Fifo));
    cls("LifoQueue", queueClass(QueuePrimitive::Order::Lifo));
    cls("PriorityQueue", queueClass(QueuePrimitive::Order::Priority));
    cls("Lock", lockClass());
    cls("Event", eventClass());
    cls("Condition", conditionClass());
    cls("Barrier", barrierClass());
    cls("Semaphore", semaphoreClass(false));
    cls("BoundedSemaphore", semaphoreClass(true));
    cls("Timeout", timeoutClass());
    for (const char *e :
        {"CancelledError", "TimeoutError", "InvalidStateError", "QueueEmpty", "QueueFull", "BrokenBarrierError"})
        cls(e, exc::byName(e));
    addWaitFunctions(d);
    addTaskGroup(d);
    addThreadFunctions(d);
    d.set(script::str("FIRST_COMPLETED"), script::str("FIRST_COMPLETED"));
    d.set(script::str("FIRST_EXCEPTION"), script::str("FIRST_EXCEPTION"));
    d.set(script::str("ALL_COMPLETED"), script::str("ALL_COMPLETED"));
    (void)in;
    return mod;
}

} // namespace loopscope

namespace loopscope::script {

QCoro::Task<Value> runLoopCall(Interpreter &in, const Value &callee, CallArgs &a)
{
    Engine &engine = in.engine();
    auto *native = callee.as<NativeObject>();
    if (isWorkerCall(*native))
        co_return co_await workerCall(in, callee, a);
    Value debug;
    a.takeKeyword("debug", debug);
    if (native->name == "_UnixSelectorEventLoop.run_forever") {
        args::expect(in, "run_forever", a, 0, 0);
        if (loopscope::theLoop(in).as<loopscope::LoopObject>()->closed)
            in.raise(exc::runtimeError(), "Event loop is closed");
        co_await engine.runForever();
        co_return Value();
    }
    Value arg = a.args.empty() ? Value() : a.args[0];
    if (a.args.size() != 1)
        in.raise(exc::typeError(), native->name.substr(native->name.rfind('.') + 1) + "() takes exactly one argument");
    auto *loop = loopscope::theLoop(in).as<loopscope::LoopObject>();
    if (native->name == "asyncio.run") {
        loop->closed = false; // its own new loop
        Value result = co_await engine.asyncioRun(arg);
        co_return result;
    }
    if (loop->closed)
        in.raise(exc::runtimeError(), "Event loop is closed");
    co_return co_await engine.runUntilComplete(arg);
}

Ref<ModuleObject> makeBuiltinModule(Interpreter &in, const std::string &name)
{
    if (name == "random")
        return makeRandomModule(in);
    if (name == "math")
        return makeMathModule(in);
    if (name == "itertools")
        return makeItertoolsModule(in);
    if (name == "collections")
        return makeCollectionsModule(in);
    if (name == "functools")
        return makeFunctoolsModule(in);
    if (name == "aiohttp")
        return makeAiohttpModule(in);
    if (name == "time")
        return makeTimeModule(in);
    if (name == "datetime")
        return makeDatetimeModule(in);
    return {};
}

} // namespace loopscope::script
