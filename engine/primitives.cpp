#include "primitives.h"

#include "engine.h"
#include "modules.h"

#include <algorithm>

namespace loopscope {

using script::CallArgs;
using script::ClassObject;
using script::Interpreter;
using script::ScriptError;
namespace exc = script::exc;
namespace args = script::args;

// ---- common -----------------------------------------------------------------------------------

Primitive::Primitive(Engine &e, const char *kind)
    : Object(script::ObjKind::Other)
    , engine(e)
    , kindName(kind)
    , id(e.nextPrimitiveId())
{
    track();
}

void Primitive::adoptName(const std::string &n)
{
    if (name.empty())
        name = n;
}

void Primitive::clearRefs() { }

std::string Primitive::label() const
{
    return name.empty() ? kindName + "#" + std::to_string(id) : name;
}

void Primitive::traceState(std::int64_t value)
{
    engine.trace().append(
        EventKind::PrimitiveState, engine.loop().now(), id, std::uint32_t(value), kindName + ' ' + label());
}

Ref<Future> Primitive::newWaiter(const std::string &what)
{
    auto fut = newFuture(engine, label() + "." + what);
    fut->owner = Ref<script::Object>(this);
    return fut;
}

namespace {
bool isCancelledError(Interpreter &in, const Value &v)
{
    return in.isInstance(v, exc::cancelledError());
}

void removeWaiter(std::deque<Ref<Future>> &waiters, const Ref<Future> &fut)
{
    auto it = std::find(waiters.begin(), waiters.end(), fut);
    if (it != waiters.end())
        waiters.erase(it);
}

template<typename T> T *self(const Value &v)
{
    return static_cast<T *>(v.obj());
}

// `waiters.append(fut); try: await fut; finally: waiters.remove(fut)` (locks.py). Returns the
// exception the await raised, or None.
QCoro::Task<Value> awaitAsWaiter(Engine &engine, std::deque<Ref<Future>> &waiters, Ref<Future> fut)
{
    waiters.push_back(fut);
    Value error;
    try {
        co_await FutureAwaiter {engine, fut.get()};
    } catch (ScriptError &e) {
        error = e.exception;
    }
    removeWaiter(waiters, fut);
    co_return error;
}

// A method returning a native coroutine over its primitive: what `lock.acquire()` returns.
template<typename P>
script::NativeFunction coroutineMethod(std::string qualName, std::string what, QCoro::Task<Value> (*body)(Ref<P>))
{
    return [qualName, what, body](Interpreter &in, const Value &s, CallArgs &) {
        Ref<P> primitive(self<P>(s));
        return nativeCoroutine(
            in, qualName, primitive->label() + "." + what, [primitive, body] { return body(primitive); });
    };
}

ClassObject *primitiveClass(const char *name)
{
    auto *c = new ClassObject(name, Ref<ClassObject>(script::types::object()));
    ++c->m_refCount; // process-wide, like every builtin class
    c->module = std::string_view(name).ends_with("Queue") ? "asyncio.queues" : "asyncio.locks";
    return c;
}

QCoro::Task<Value> awaitAndDiscard(Interpreter *in, Value awaitable)
{
    Value result = co_await in->await(std::move(awaitable));
    (void)result;
    co_return Value();
}

QCoro::Task<Value> callAndDiscard(Interpreter *in, Value method)
{
    in->call(method, std::vector<Value> {});
    co_return Value();
}

// `async with` on a script subclass that overrides acquire() or release() goes through them, as
// locks.py's __aenter__ (`await self.acquire()`) and __aexit__ (`self.release()`) do.
script::NativeFunction throughOverride(const char *method, std::string qualName, script::NativeFunction native)
{
    return [method, qualName, native](Interpreter &in, const Value &s, CallArgs &a) -> Value {
        if (s.isObj() && s.obj()->m_subclassed)
            if (auto m = in.userMethod(s, method)) {
                const std::string what = std::string(method) + "()";
                if (std::string_view(method) == "acquire") {
                    Value awaitable = in.call(*m, std::vector<Value> {});
                    return nativeCoroutine(
                        in, qualName, what, [&in, awaitable] { return awaitAndDiscard(&in, awaitable); });
                }
                Value release = *m;
                return nativeCoroutine(in, qualName, what, [&in, release] { return callAndDiscard(&in, release); });
            }
        return native(in, s, a);
    };
}

// __aenter__/__aexit__ of Lock, Condition and Semaphore (locks.py's _ContextManagerMixin).
template<typename P>
void addAsyncWith(
    ClassObject *c, const std::string &kind, QCoro::Task<Value> (*enter)(Ref<P>), QCoro::Task<Value> (*exit)(Ref<P>))
{
    c->addMethod("__aenter__",
        throughOverride("acquire", kind + ".__aenter__", coroutineMethod<P>(kind + ".__aenter__", "acquire()", enter)));
    c->addMethod("__aexit__",
        throughOverride("release", kind + ".__aexit__", coroutineMethod<P>(kind + ".__aexit__", "release()", exit)));
}

// __init__, for super().__init__(...) in a script subclass (class JobQueue(asyncio.Queue)): the
// object the constructor makes from the arguments lends its settings to the one being set up.
template<typename P> void addInit(ClassObject *c, void (*adopt)(P &self, P &made))
{
    c->addMethod("__init__", [c, adopt](Interpreter &in, const Value &s, CallArgs &a) {
        Value made = c->construct(in, Value(), a);
        adopt(*self<P>(s), *self<P>(made));
        return Value();
    });
}
} // namespace

// ---- Event (rule 28) --------------------------------------------------------------------------

void EventPrimitive::clearRefs()
{
    waiters.clear();
}

void EventPrimitive::set()
{
    if (value)
        return;
    value = true;
    traceState(1);
    for (auto &fut : waiters)
        if (!fut->done())
            fut->setResult(Value::boolean(true));
}

namespace {
QCoro::Task<Value> eventWait(Ref<EventPrimitive> ev)
{
    if (ev->value)
        co_return Value::boolean(true);
    auto fut = ev->newWaiter("wait()");
    ev->waiters.push_back(fut);
    struct Remove {
        Ref<EventPrimitive> ev;
        Ref<Future> fut;
        ~Remove() { removeWaiter(ev->waiters, fut); }
    } remove {ev, fut};
    co_await FutureAwaiter {ev->engine, fut.get()};
    co_return Value::boolean(true);
}
} // namespace

ClassObject *EventPrimitive::cls() const
{
    return eventClass();
}

ClassObject *eventClass()
{
    static ClassObject *c = [] {
        auto *c = primitiveClass("Event");
        c->construct = [](Interpreter &in, const Value &, CallArgs &a) -> Value {
            args::expect(in, "Event", a, 0, 0);
            return Value(script::make<EventPrimitive>(in.engine()));
        };
        addInit<EventPrimitive>(c, [](EventPrimitive &, EventPrimitive &) {});
        c->addMethod("set", [](Interpreter &, const Value &s, CallArgs &) {
            self<EventPrimitive>(s)->set();
            return Value();
        });
        c->addMethod("clear", [](Interpreter &, const Value &s, CallArgs &) {
            self<EventPrimitive>(s)->clear();
            return Value();
        });
        c->addMethod("is_set",
            [](Interpreter &, const Value &s, CallArgs &) { return Value::boolean(self<EventPrimitive>(s)->value); });
        c->addMethod("wait", coroutineMethod<EventPrimitive>("Event.wait", "wait()", eventWait));
        c->addMethod("__repr__", [](Interpreter &in, const Value &s, CallArgs &) {
            auto *ev = self<EventPrimitive>(s);
            std::string extra = ev->value ? "set" : "unset";
            if (!ev->waiters.empty())
                extra += ", waiters:" + std::to_string(ev->waiters.size());
            return script::str("<asyncio.locks.Event object at " + in.fakeAddress(s.obj()) + " [" + extra + "]>");
        });
        return c;
    }();
    return c;
}

// ---- Lock (rule 27) ---------------------------------------------------------------------------

void LockPrimitive::clearRefs()
{
    waiters.clear();
}

void LockPrimitive::wakeUpFirst()
{
    if (waiters.empty())
        return;
    auto fut = waiters.front();
    if (!fut->done())
        fut->setResult(Value::boolean(true));
}

void LockPrimitive::release()
{
    if (!locked)
        engine.interpreter().raise(exc::runtimeError(), "Lock is not acquired.");
    locked = false;
    owner = 0;
    traceState(0);
    wakeUpFirst();
}

namespace {
QCoro::Task<Value> lockAcquire(Ref<LockPrimitive> lock)
{
    Engine &engine = lock->engine;
    auto allCancelled = std::all_of(lock->waiters.begin(), lock->waiters.end(), [](auto &w) { return w->cancelled(); });
    if (!lock->locked && allCancelled) {
        lock->locked = true;
        lock->owner = engine.taskIdOf(engine.currentTask());
        lock->traceState(lock->owner ? lock->owner : 1);
        co_return Value::boolean(true);
    }
    auto fut = lock->newWaiter("acquire()");
    Value error = co_await awaitAsWaiter(engine, lock->waiters, fut);
    if (!error.isNone()) {
        if (isCancelledError(engine.interpreter(), error) && !lock->locked)
            lock->wakeUpFirst();
        throw ScriptError {error};
    }
    lock->locked = true;
    lock->owner = engine.taskIdOf(engine.currentTask());
    lock->traceState(lock->owner ? lock->owner : 1);
    co_return Value::boolean(true);
}

// `async with lock as x` binds None: __aenter__ acquires and returns nothing.
QCoro::Task<Value> lockEnter(Ref<LockPrimitive> lock)
{
    Value acquired = co_await lockAcquire(lock);
    (void)acquired;
    co_return Value();
}

QCoro::Task<Value> lockExit(Ref<LockPrimitive> lock)
{
    lock->release();
    co_return Value();
}
} // namespace

ClassObject *LockPrimitive::cls() const
{
    return lockClass();
}

ClassObject *lockClass()
{
    static ClassObject *c = [] {
        auto *c = primitiveClass("Lock");
        c->construct = [](Interpreter &in, const Value &, CallArgs &a) -> Value {
            args::expect(in, "Lock", a, 0, 0);
            return Value(script::make<LockPrimitive>(in.engine()));
        };
        addInit<LockPrimitive>(c, [](LockPrimitive &, LockPrimitive &) {});
        c->addMethod("acquire", coroutineMethod<LockPrimitive>("Lock.acquire", "acquire()", lockAcquire));
        addAsyncWith<LockPrimitive>(c, "Lock", lockEnter, lockExit);
        c->addMethod("release", [](Interpreter &, const Value &s, CallArgs &) {
            self<LockPrimitive>(s)->release();
            return Value();
        });
        c->addMethod("locked",
            [](Interpreter &, const Value &s, CallArgs &) { return Value::boolean(self<LockPrimitive>(s)->locked); });
        c->addMethod("__repr__", [](Interpreter &in, const Value &s, CallArgs &) {
            auto *l = self<LockPrimitive>(s);
            std::string extra = l->locked ? "locked" : "unlocked";
            if (!l->waiters.empty())
                extra += ", waiters:" + std::to_string(l->waiters.size());
            return script::str("<asyncio.locks.Lock object at " + in.fakeAddress(s.obj()) + " [" + extra + "]>");
        });
        return c;
    }();
    return c;
}

// ---- Condition (rule 29) ----------------------------------------------------------------------

void ConditionPrimitive::clearRefs()
{
    lock.reset();
    waiters.clear();
}

void ConditionPrimitive::notify(std::int64_t n)
{
    if (!lock->locked)
        engine.interpreter().raise(exc::runtimeError(), "cannot notify on un-acquired lock");
    std::int64_t woken = 0;
    auto snapshot = waiters;
    for (auto &fut : snapshot) {
        if (woken >= n)
            break;
        if (!fut->done()) {
            ++woken;
            fut->setResult(Value::boolean(false));
        }
    }
}

namespace {
// Condition.wait: release, wait for a notify, then re-acquire even through cancellations.
QCoro::Task<Value> conditionWait(Ref<ConditionPrimitive> cond)
{
    Engine &engine = cond->engine;
    auto &in = engine.interpreter();
    if (!cond->lock->locked)
        in.raise(exc::runtimeError(), "cannot wait on un-acquired lock");
    cond->lock->release();
    auto fut = cond->newWaiter("wait()");
    Value error = co_await awaitAsWaiter(engine, cond->waiters, fut);
    bool cancelled = false;
    while (true) {
        Value acquireError;
        try {
            Value acquired = co_await lockAcquire(cond->lock);
            (void)acquired;
        } catch (ScriptError &e) {
            acquireError = e.exception;
        }
        if (acquireError.isNone())
            break;
        if (!isCancelledError(in, acquireError))
            throw ScriptError {acquireError};
        cancelled = true;
    }
    if (cancelled)
        in.raise(in.makeException(exc::cancelledError(), std::vector<Value> {}));
    if (!error.isNone())
        throw ScriptError {error};
    co_return Value::boolean(true);
}

// wait_for with a C++ predicate (the Barrier's state tests).
QCoro::Task<void> conditionWaitUntil(Ref<ConditionPrimitive> cond, std::function<bool()> predicate)
{
    while (!predicate()) {
        Value woken = co_await conditionWait(cond);
        (void)woken;
    }
}

// Condition.wait_for(predicate): `while not predicate(): await self.wait()`.
QCoro::Task<Value> conditionWaitFor(Ref<ConditionPrimitive> cond, Value predicate)
{
    auto &in = cond->engine.interpreter();
    Value result = in.call(predicate, std::vector<Value> {});
    while (!in.truthy(result)) {
        Value woken = co_await conditionWait(cond);
        (void)woken;
        result = in.call(predicate, std::vector<Value> {});
    }
    co_return result;
}

QCoro::Task<Value> conditionEnter(Ref<ConditionPrimitive> cond)
{
    Value acquired = co_await lockAcquire(cond->lock);
    (void)acquired;
    co_return Value();
}

QCoro::Task<Value> conditionExit(Ref<ConditionPrimitive> cond)
{
    cond->lock->release();
    co_return Value();
}
} // namespace

ClassObject *ConditionPrimitive::cls() const
{
    return conditionClass();
}

ClassObject *conditionClass()
{
    static ClassObject *c = [] {
        auto *c = primitiveClass("Condition");
        c->construct = [](Interpreter &in, const Value &, CallArgs &a) -> Value {
            Value lock = a.args.empty() ? Value() : a.args[0];
            a.takeKeyword("lock", lock);
            args::expect(in, "Condition", a, 0, 1);
            if (lock.isNone())
                lock = Value(script::make<LockPrimitive>(in.engine()));
            else if (!(lock.isObj() && script::typeOf(lock)->isSubclassOf(lockClass())))
                in.raise(exc::typeError(), "Condition() needs an asyncio.Lock, got " + in.typeName(lock));
            return Value(script::make<ConditionPrimitive>(in.engine(), Ref<LockPrimitive>(lock.as<LockPrimitive>())));
        };
        addInit<ConditionPrimitive>(
            c, [](ConditionPrimitive &self, ConditionPrimitive &made) { self.lock = made.lock; });
        c->addMethod("wait", coroutineMethod<ConditionPrimitive>("Condition.wait", "wait()", conditionWait));
        c->addMethod("wait_for", [](Interpreter &in, const Value &s, CallArgs &a) {
            args::expect(in, "wait_for", a, 1, 1);
            Ref<ConditionPrimitive> cond(self<ConditionPrimitive>(s));
            Value predicate = a.args[0];
            return nativeCoroutine(in, "Condition.wait_for", cond->label() + ".wait_for()",
                [cond, predicate] { return conditionWaitFor(cond, predicate); });
        });
        c->addMethod("acquire", [](Interpreter &in, const Value &s, CallArgs &) {
            Ref<LockPrimitive> lock = self<ConditionPrimitive>(s)->lock;
            return nativeCoroutine(
                in, "Lock.acquire", lock->label() + ".acquire()", [lock] { return lockAcquire(lock); });
        });
        addAsyncWith<ConditionPrimitive>(c, "Condition", conditionEnter, conditionExit);
        c->addMethod("release", [](Interpreter &, const Value &s, CallArgs &) {
            self<ConditionPrimitive>(s)->lock->release();
            return Value();
        });
        c->addMethod("locked", [](Interpreter &, const Value &s, CallArgs &) {
            return Value::boolean(self<ConditionPrimitive>(s)->lock->locked);
        });
        c->addMethod("notify", [](Interpreter &in, const Value &s, CallArgs &a) {
            Value n = a.args.empty() ? Value::integer(1) : a.args[0];
            a.takeKeyword("n", n);
            self<ConditionPrimitive>(s)->notify(args::toInt(in, n, "n"));
            return Value();
        });
        c->addMethod("notify_all", [](Interpreter &, const Value &s, CallArgs &) {
            auto *cond = self<ConditionPrimitive>(s);
            cond->notify(std::int64_t(cond->waiters.size()));
            return Value();
        });
        c->addMethod("__repr__", [](Interpreter &in, const Value &s, CallArgs &) {
            auto *cond = self<ConditionPrimitive>(s);
            std::string extra = cond->lock->locked ? "locked" : "unlocked";
            if (!cond->waiters.empty())
                extra += ", waiters:" + std::to_string(cond->waiters.size());
            return script::str("<asyncio.locks.Condition object at " + in.fakeAddress(s.obj()) + " [" + extra + "]>");
        });
        return c;
    }();
    return c;
}

// ---- Barrier (locks.py, 3.11+) ----------------------------------------------------------------

BarrierPrimitive::BarrierPrimitive(Engine &e, std::int64_t n)
    : Primitive(e, "Barrier")
    , cond(script::make<ConditionPrimitive>(e, script::make<LockPrimitive>(e)))
    , parties(n)
{
}

void BarrierPrimitive::exitBarrier()
{
    if (count != 0)
        return;
    if (state == State::Resetting || state == State::Draining)
        state = State::Filling;
    cond->notify(std::int64_t(cond->waiters.size()));
}

namespace {
[[noreturn]] void raiseBroken(Interpreter &in, const char *message)
{
    in.raise(exc::byName("BrokenBarrierError"), message);
}

// The body of `async with self._cond:` in Barrier.wait: _block, then _release or _wait.
QCoro::Task<Value> barrierWaitLocked(Ref<BarrierPrimitive> b)
{
    auto &in = b->engine.interpreter();
    using State = BarrierPrimitive::State;
    // Named locals, not temporaries, around co_await (GCC 12, see HACKING.md).
    Ref<ConditionPrimitive> cond = b->cond;
    std::function<bool()> notDraining = [b] { return b->state != State::Draining && b->state != State::Resetting; };
    std::function<bool()> notFilling = [b] { return b->state != State::Filling; };
    co_await conditionWaitUntil(cond, notDraining);
    if (b->state == State::Broken)
        raiseBroken(in, "Barrier aborted");
    const std::int64_t index = b->count++;
    Value error;
    try {
        if (index + 1 == b->parties) {
            b->state = State::Draining; // _release: the others may go
            b->cond->notify(std::int64_t(b->cond->waiters.size()));
        } else {
            co_await conditionWaitUntil(cond, notFilling);
            if (b->state == State::Broken || b->state == State::Resetting)
                raiseBroken(in, "Abort or reset of barrier");
        }
    } catch (ScriptError &e) {
        error = e.exception;
    }
    --b->count;
    b->exitBarrier();
    if (!error.isNone())
        throw ScriptError {error};
    co_return Value::integer(index);
}

// `async with self._cond:` around a body, as the Condition's __aenter__/__aexit__ do.
QCoro::Task<Value> withBarrierLock(Ref<BarrierPrimitive> b, QCoro::Task<Value> (*body)(Ref<BarrierPrimitive>))
{
    Value acquired = co_await lockAcquire(b->cond->lock);
    (void)acquired;
    Value result;
    Value error;
    try {
        Value r = co_await body(b);
        result = r;
    } catch (ScriptError &e) {
        error = e.exception;
    }
    b->cond->lock->release();
    if (!error.isNone())
        throw ScriptError {error};
    co_return result;
}

QCoro::Task<Value> barrierWait(Ref<BarrierPrimitive> b)
{
    return withBarrierLock(std::move(b), barrierWaitLocked);
}

QCoro::Task<Value> barrierResetLocked(Ref<BarrierPrimitive> b)
{
    using State = BarrierPrimitive::State;
    if (b->count > 0)
        b->state = State::Resetting;
    else
        b->state = State::Filling;
    b->cond->notify(std::int64_t(b->cond->waiters.size()));
    co_return Value();
}

QCoro::Task<Value> barrierAbortLocked(Ref<BarrierPrimitive> b)
{
    b->state = BarrierPrimitive::State::Broken;
    b->cond->notify(std::int64_t(b->cond->waiters.size()));
    co_return Value();
}

QCoro::Task<Value> barrierReset(Ref<BarrierPrimitive> b)
{
    return withBarrierLock(std::move(b), barrierResetLocked);
}

QCoro::Task<Value> barrierAbort(Ref<BarrierPrimitive> b)
{
    return withBarrierLock(std::move(b), barrierAbortLocked);
}

QCoro::Task<Value> barrierExit(Ref<BarrierPrimitive>)
{
    co_return Value();
}
} // namespace

ClassObject *BarrierPrimitive::cls() const
{
    return barrierClass();
}

ClassObject *barrierClass()
{
    static ClassObject *c = [] {
        auto *c = primitiveClass("Barrier");
        c->construct = [](Interpreter &in, const Value &, CallArgs &a) -> Value {
            Value parties = a.args.empty() ? Value() : a.args[0];
            a.takeKeyword("parties", parties);
            args::expect(in, "Barrier", a, 0, 1);
            if (parties.isNone())
                in.raise(exc::typeError(), "Barrier.__init__() missing 1 required positional argument: 'parties'");
            std::int64_t n = args::toInt(in, parties, "parties");
            if (n < 1)
                in.raise(exc::valueError(), "parties must be > 0");
            return Value(script::make<BarrierPrimitive>(in.engine(), n));
        };
        c->addMethod("wait", coroutineMethod<BarrierPrimitive>("Barrier.wait", "wait()", barrierWait));
        c->addMethod("__aenter__", coroutineMethod<BarrierPrimitive>("Barrier.__aenter__", "wait()", barrierWait));
        c->addMethod("__aexit__", coroutineMethod<BarrierPrimitive>("Barrier.__aexit__", "exit", barrierExit));
        c->addMethod("reset", coroutineMethod<BarrierPrimitive>("Barrier.reset", "reset()", barrierReset));
        c->addMethod("abort", coroutineMethod<BarrierPrimitive>("Barrier.abort", "abort()", barrierAbort));
        c->properties["parties"]
            = [](Interpreter &, const Value &s) { return Value::integer(self<BarrierPrimitive>(s)->parties); };
        c->properties["n_waiting"] = [](Interpreter &, const Value &s) {
            auto *b = self<BarrierPrimitive>(s);
            return Value::integer(b->state == BarrierPrimitive::State::Filling ? b->count : 0);
        };
        c->properties["broken"] = [](Interpreter &, const Value &s) {
            return Value::boolean(self<BarrierPrimitive>(s)->state == BarrierPrimitive::State::Broken);
        };
        c->addMethod("__repr__", [](Interpreter &in, const Value &s, CallArgs &) {
            auto *b = self<BarrierPrimitive>(s);
            using State = BarrierPrimitive::State;
            std::string extra = b->state == State::Filling ? "filling"
                : b->state == State::Draining              ? "draining"
                : b->state == State::Resetting             ? "resetting"
                                                           : "broken";
            if (b->state != State::Broken)
                extra += ", waiters:" + std::to_string(b->state == State::Filling ? b->count : 0) + "/"
                    + std::to_string(b->parties);
            return script::str("<asyncio.locks.Barrier object at " + in.fakeAddress(s.obj()) + " [" + extra + "]>");
        });
        return c;
    }();
    return c;
}

// ---- Semaphore (rule 30) ----------------------------------------------------------------------

void SemaphorePrimitive::clearRefs()
{
    waiters.clear();
}

bool SemaphorePrimitive::isLocked() const
{
    return value == 0 || std::any_of(waiters.begin(), waiters.end(), [](auto &w) { return !w->cancelled(); });
}

void SemaphorePrimitive::wakeUpNext()
{
    for (auto &fut : waiters) {
        if (!fut->done()) {
            --value;
            traceState(value);
            fut->setResult(Value::boolean(true));
            return;
        }
    }
}

void SemaphorePrimitive::release()
{
    if (isBounded && value >= initial)
        engine.interpreter().raise(exc::valueError(), "BoundedSemaphore released too many times");
    ++value;
    traceState(value);
    wakeUpNext();
}

namespace {
QCoro::Task<Value> semaphoreAcquire(Ref<SemaphorePrimitive> sem)
{
    Engine &engine = sem->engine;
    if (!sem->isLocked()) {
        --sem->value;
        sem->traceState(sem->value);
        co_return Value::boolean(true);
    }
    auto fut = sem->newWaiter("acquire()");
    Value error = co_await awaitAsWaiter(engine, sem->waiters, fut);
    if (!error.isNone()) {
        if (isCancelledError(engine.interpreter(), error) && !fut->cancelled()) {
            ++sem->value; // woken, then cancelled: hand the slot on
            sem->wakeUpNext();
        }
        throw ScriptError {error};
    }
    if (sem->value > 0)
        sem->wakeUpNext();
    co_return Value::boolean(true);
}

QCoro::Task<Value> semaphoreEnter(Ref<SemaphorePrimitive> sem)
{
    Value acquired = co_await semaphoreAcquire(sem);
    (void)acquired;
    co_return Value();
}

QCoro::Task<Value> semaphoreExit(Ref<SemaphorePrimitive> sem)
{
    sem->release();
    co_return Value();
}

ClassObject *makeSemaphoreClass(bool bounded)
{
    auto *c = primitiveClass(bounded ? "BoundedSemaphore" : "Semaphore");
    c->construct = [bounded](Interpreter &in, const Value &, CallArgs &a) -> Value {
        script::Value v = a.args.empty() ? Value::integer(1) : a.args[0];
        a.takeKeyword("value", v);
        std::int64_t n = args::toInt(in, v, "value");
        if (n < 0)
            in.raise(exc::valueError(), "Semaphore initial value must be >= 0");
        return Value(script::make<SemaphorePrimitive>(in.engine(), n, bounded));
    };
    addInit<SemaphorePrimitive>(c, [](SemaphorePrimitive &self, SemaphorePrimitive &made) {
        self.value = made.value;
        self.initial = made.initial;
    });
    c->addMethod("acquire", coroutineMethod<SemaphorePrimitive>("Semaphore.acquire", "acquire()", semaphoreAcquire));
    addAsyncWith<SemaphorePrimitive>(c, "Semaphore", semaphoreEnter, semaphoreExit);
    c->addMethod("release", [](Interpreter &, const Value &s, CallArgs &) {
        self<SemaphorePrimitive>(s)->release();
        return Value();
    });
    c->addMethod("locked", [](Interpreter &, const Value &s, CallArgs &) {
        return Value::boolean(self<SemaphorePrimitive>(s)->isLocked());
    });
    c->addMethod("__repr__", [](Interpreter &in, const Value &s, CallArgs &) {
        auto *sem = self<SemaphorePrimitive>(s);
        std::string extra = sem->isLocked() ? "locked" : "unlocked, value:" + std::to_string(sem->value);
        if (!sem->waiters.empty())
            extra += ", waiters:" + std::to_string(sem->waiters.size());
        return script::str(
            "<asyncio.locks." + sem->kindName + " object at " + in.fakeAddress(s.obj()) + " [" + extra + "]>");
    });
    return c;
}
} // namespace

ClassObject *SemaphorePrimitive::cls() const
{
    return semaphoreClass(isBounded);
}

ClassObject *semaphoreClass(bool bounded)
{
    static ClassObject *plain = makeSemaphoreClass(false);
    static ClassObject *boundedClass = [] {
        auto *c = makeSemaphoreClass(true);
        c->base = Ref<ClassObject>(plain);
        return c;
    }();
    return bounded ? boundedClass : plain;
}

// ---- Queue (rules 23-26) ----------------------------------------------------------------------

QueuePrimitive::QueuePrimitive(Engine &e, std::int64_t m, Order o)
    : Primitive(e,
        o == Order::Fifo       ? "Queue"
            : o == Order::Lifo ? "LifoQueue"
                               : "PriorityQueue")
    , maxsize(m)
    , order(o)
    , finished(script::make<EventPrimitive>(e))
{
    finished->value = true;
}

void QueuePrimitive::clearRefs()
{
    items.clear();
    getters.clear();
    putters.clear();
    finished.reset();
}

void QueuePrimitive::wakeupNext(std::deque<Ref<Future>> &waiters)
{
    while (!waiters.empty()) {
        auto w = waiters.front();
        waiters.pop_front();
        if (!w->done()) {
            w->setResult(Value());
            break;
        }
    }
}

void QueuePrimitive::putNowait(const Value &item)
{
    auto &in = engine.interpreter();
    if (full())
        in.raise(in.makeException(exc::queueFull(), std::vector<Value> {}));
    if (order == Order::Priority) {
        items.push_back(item);
        heapSiftDown(0, items.size() - 1); // heapq.heappush
    } else {
        items.push_back(item);
    }
    ++unfinished;
    finished->value = false;
    traceState(std::int64_t(items.size()));
    wakeupNext(getters);
}

// heapq's _siftdown and _siftup, step for step, so equal items come out in CPython's order.
void QueuePrimitive::heapSiftDown(std::size_t start, std::size_t pos)
{
    auto &in = engine.interpreter();
    Value newItem = items[pos];
    while (pos > start) {
        std::size_t parent = (pos - 1) >> 1;
        if (!in.lessThan(newItem, items[parent]))
            break;
        items[pos] = items[parent];
        pos = parent;
    }
    items[pos] = newItem;
}

void QueuePrimitive::heapSiftUp(std::size_t pos)
{
    auto &in = engine.interpreter();
    const std::size_t end = items.size();
    const std::size_t start = pos;
    Value newItem = items[pos];
    std::size_t child = 2 * pos + 1;
    while (child < end) {
        std::size_t right = child + 1;
        if (right < end && !in.lessThan(items[child], items[right]))
            child = right;
        items[pos] = items[child];
        pos = child;
        child = 2 * pos + 1;
    }
    items[pos] = newItem;
    heapSiftDown(start, pos);
}

Value QueuePrimitive::getNowait()
{
    auto &in = engine.interpreter();
    if (items.empty())
        in.raise(in.makeException(exc::queueEmpty(), std::vector<Value> {}));
    Value item;
    if (order == Order::Lifo) {
        item = items.back();
        items.pop_back();
    } else if (order == Order::Priority) {
        // heapq.heappop: the last item moves to the root and sifts up.
        Value last = items.back();
        items.pop_back();
        if (items.empty()) {
            item = last;
        } else {
            item = items.front();
            items.front() = last;
            heapSiftUp(0);
        }
    } else {
        item = items.front();
        items.pop_front();
    }
    traceState(std::int64_t(items.size()));
    wakeupNext(putters);
    return item;
}

namespace {
// put/get: wait on a fresh future while full/empty; a woken waiter re-checks (no handoff, rule 25).
QCoro::Task<Value> queueWait(Ref<QueuePrimitive> q, bool isPut, Value item)
{
    Engine &engine = q->engine;
    auto &in = engine.interpreter();
    while (isPut ? q->full() : q->items.empty()) {
        auto &waiters = isPut ? q->putters : q->getters;
        auto fut = q->newWaiter(isPut ? "put()" : "get()");
        waiters.push_back(fut);
        Value error;
        try {
            co_await FutureAwaiter {engine, fut.get()};
        } catch (ScriptError &e) {
            error = e.exception;
        }
        if (!error.isNone()) {
            fut->cancel();
            removeWaiter(waiters, fut);
            if ((isPut ? !q->full() : !q->items.empty()) && !fut->cancelled())
                QueuePrimitive::wakeupNext(waiters);
            throw ScriptError {error};
        }
    }
    (void)in;
    if (isPut) {
        q->putNowait(item);
        co_return Value();
    }
    co_return q->getNowait();
}

QCoro::Task<Value> queueGet(Ref<QueuePrimitive> q)
{
    return queueWait(std::move(q), false, Value());
}

// join() is `await self._finished.wait()`: a waiter on the queue's internal event.
QCoro::Task<Value> queueJoin(Ref<QueuePrimitive> q)
{
    if (q->unfinished <= 0 || q->finished->value)
        co_return Value();
    auto fut = q->newWaiter("join()");
    Ref<EventPrimitive> ev = q->finished;
    ev->waiters.push_back(fut);
    struct Remove {
        Ref<EventPrimitive> ev;
        Ref<Future> fut;
        ~Remove() { removeWaiter(ev->waiters, fut); }
    } remove {ev, fut};
    co_await FutureAwaiter {q->engine, fut.get()};
    co_return Value();
}

ClassObject *makeQueueClass(QueuePrimitive::Order order)
{
    const char *name = order == QueuePrimitive::Order::Fifo ? "Queue"
        : order == QueuePrimitive::Order::Lifo              ? "LifoQueue"
                                                            : "PriorityQueue";
    auto *c = primitiveClass(name);
    c->construct = [order](Interpreter &in, const Value &, CallArgs &a) -> Value {
        Value m = a.args.empty() ? Value::integer(0) : a.args[0];
        a.takeKeyword("maxsize", m);
        return Value(script::make<QueuePrimitive>(in.engine(), args::toInt(in, m, "maxsize"), order));
    };
    addInit<QueuePrimitive>(c, [](QueuePrimitive &self, QueuePrimitive &made) { self.maxsize = made.maxsize; });
    c->addMethod("put", [](Interpreter &in, const Value &s, CallArgs &a) {
        args::expect(in, "put", a, 1, 1);
        Ref<QueuePrimitive> q(self<QueuePrimitive>(s));
        Value item = a.args[0];
        return nativeCoroutine(in, "Queue.put", q->label() + ".put()", [q, item] { return queueWait(q, true, item); });
    });
    c->addMethod("get", coroutineMethod<QueuePrimitive>("Queue.get", "get()", queueGet));
    c->addMethod("join", coroutineMethod<QueuePrimitive>("Queue.join", "join()", queueJoin));
    c->addMethod("put_nowait", [](Interpreter &in, const Value &s, CallArgs &a) {
        args::expect(in, "put_nowait", a, 1, 1);
        self<QueuePrimitive>(s)->putNowait(a.args[0]);
        return Value();
    });
    c->addMethod(
        "get_nowait", [](Interpreter &, const Value &s, CallArgs &) { return self<QueuePrimitive>(s)->getNowait(); });
    c->addMethod("task_done", [](Interpreter &in, const Value &s, CallArgs &) {
        auto *q = self<QueuePrimitive>(s);
        if (q->unfinished <= 0)
            in.raise(exc::valueError(), "task_done() called too many times");
        if (--q->unfinished == 0)
            q->finished->set();
        return Value();
    });
    c->addMethod("qsize", [](Interpreter &, const Value &s, CallArgs &) {
        return Value::integer(std::int64_t(self<QueuePrimitive>(s)->items.size()));
    });
    c->properties["maxsize"]
        = [](Interpreter &, const Value &s) { return Value::integer(self<QueuePrimitive>(s)->maxsize); };
    c->addMethod("empty", [](Interpreter &, const Value &s, CallArgs &) {
        return Value::boolean(self<QueuePrimitive>(s)->items.empty());
    });
    c->addMethod("full",
        [](Interpreter &, const Value &s, CallArgs &) { return Value::boolean(self<QueuePrimitive>(s)->full()); });
    c->addMethod("__repr__", [](Interpreter &in, const Value &s, CallArgs &) {
        auto *q = self<QueuePrimitive>(s);
        std::string out = "<" + q->kindName + " at 0x7f0000000000 maxsize=" + std::to_string(q->maxsize);
        if (!q->items.empty())
            out += " _queue=" + in.repr(script::list(std::vector<Value>(q->items.begin(), q->items.end())));
        if (!q->getters.empty())
            out += " _getters[" + std::to_string(q->getters.size()) + "]";
        if (!q->putters.empty())
            out += " _putters[" + std::to_string(q->putters.size()) + "]";
        if (q->unfinished)
            out += " tasks=" + std::to_string(q->unfinished);
        return script::str(out + ">");
    });
    return c;
}
} // namespace

ClassObject *QueuePrimitive::cls() const
{
    return queueClass(order);
}

ClassObject *queueClass(QueuePrimitive::Order order)
{
    static ClassObject *fifo = makeQueueClass(QueuePrimitive::Order::Fifo);
    static ClassObject *lifo = [] {
        auto *c = makeQueueClass(QueuePrimitive::Order::Lifo);
        c->base = Ref<ClassObject>(fifo);
        return c;
    }();
    static ClassObject *priority = [] {
        auto *c = makeQueueClass(QueuePrimitive::Order::Priority);
        c->base = Ref<ClassObject>(fifo);
        return c;
    }();
    switch (order) {
    case QueuePrimitive::Order::Lifo: return lifo;
    case QueuePrimitive::Order::Priority: return priority;
    default: return fifo;
    }
}

WaitInfo describeWaiter(Engine &, const Future &waiter)
{
    WaitInfo info;
    if (waiter.isTask()) {
        // Waiting for another task: an edge of the wait-for graph, but nothing is "held".
        info.heldBy = static_cast<const Task &>(waiter).taskId();
        return info;
    }
    if (auto *p = dynamic_cast<Primitive *>(waiter.owner.get())) {
        info.primitive = p->label();
        if (auto *lock = dynamic_cast<LockPrimitive *>(p))
            info.heldBy = lock->owner;
    }
    return info;
}

} // namespace loopscope
