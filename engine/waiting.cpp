// asyncio.wait, as_completed and shield (semantics rules 21-22), following tasks.py: the same
// waiter futures, done-callbacks and internal Queue, so the order of steps is CPython's.
#include "engine.h"
#include "modules.h"
#include "primitives.h"

#include <algorithm>
#include <unordered_set>

namespace loopscope {

using script::CallArgs;
using script::ClassObject;
using script::Interpreter;
using script::ObjKind;
using script::ScriptError;
namespace exc = script::exc;
namespace args = script::args;

// ---- the set of futures wait() returns --------------------------------------------------------

namespace {
// Where a future goes in wait()'s and as_completed()'s order: tasks by creation, then the rest.
std::int64_t creationKey(const Future &f)
{
    return f.isTask() ? static_cast<const Task &>(f).creationOrder() : INT32_MAX;
}

// Tasks by creation order, then other futures in their given order (a stable sort).
void sortByCreation(std::vector<Ref<Future>> &futures)
{
    std::stable_sort(futures.begin(), futures.end(),
        [](const Ref<Future> &a, const Ref<Future> &b) { return creationKey(*a) < creationKey(*b); });
}
} // namespace

// A real set (set.cpp) that iterates tasks in creation order, then other futures as inserted
// (section I: real CPython iterates in address order; the harness pins creation order).
Value makeTaskSet(const std::vector<Ref<Future>> &futures)
{
    std::vector<Value> items;
    items.reserve(futures.size());
    for (const auto &f : futures)
        items.emplace_back(f);
    auto set = script::makeSet(items);
    set->iterationKey = [](const Value &v) -> std::int64_t {
        return v.is(ObjKind::Future) ? creationKey(*v.as<Future>()) : INT32_MAX;
    };
    return Value(set);
}

namespace {

Engine &engineOf(Interpreter &in)
{
    return in.engine();
}

void releaseWaiter(const Ref<Future> &waiter)
{
    if (!waiter->done())
        waiter->setResult(Value());
}

Ref<Handle> callLater(Engine &engine, double delay, std::function<void()> fn, const std::string &what)
{
    auto h = engine.loop().callAt(engine.loop().deadlineAfter(delay), std::move(fn));
    h->description = what;
    engine.trace().append(EventKind::TimerScheduled, h->when, h->id, engine.taskIdOf(engine.currentTask()), what);
    return h;
}

// ---- wait (rule 21) ---------------------------------------------------------------------------

enum class ReturnWhen { FirstCompleted, FirstException, AllCompleted };

// tasks._wait
QCoro::Task<Value> waitBody(Engine &engine, std::vector<Ref<Future>> fs, std::optional<double> timeout, ReturnWhen when)
{
    auto waiter = newFuture(engine, "asyncio.wait()");
    Ref<Handle> timeoutHandle;
    if (timeout)
        timeoutHandle = callLater(
            engine, *timeout, [waiter] { releaseWaiter(waiter); }, "asyncio.wait() timeout");
    auto counter = std::make_shared<std::size_t>(fs.size());
    const std::string tag = "wait#" + std::to_string(waiter->id());
    for (auto &f : fs) {
        DoneCallback cb;
        cb.fn = [counter, when, timeoutHandle, waiter](const Ref<Future> &done) {
            --*counter;
            if (*counter == 0 || when == ReturnWhen::FirstCompleted
                || (when == ReturnWhen::FirstException && !done->cancelled() && !done->exception().isNone())) {
                if (timeoutHandle)
                    timeoutHandle->cancel();
                releaseWaiter(waiter);
            }
        };
        cb.description = tag;
        f->addDoneCallback(std::move(cb));
    }
    Value error = co_await awaitCatching(engine, waiter);
    if (timeoutHandle)
        timeoutHandle->cancel();
    for (auto &f : fs)
        f->removeNativeCallbacks(HandleKind::Callback, tag);
    if (!error.isNone())
        throw ScriptError {error};
    std::vector<Ref<Future>> done, pending;
    for (auto &f : fs)
        (f->done() ? done : pending).push_back(f);
    co_return script::tuple({makeTaskSet(done), makeTaskSet(pending)});
}

// Rejects what CPython rejects before its set(fs): a single future or coroutine.
void rejectSingleAwaitable(Interpreter &in, const Value &fs, const char *what)
{
    if (fs.is(ObjKind::Future) || fs.is(ObjKind::Coroutine))
        in.raise(exc::typeError(), std::string("expect ") + what + ", not " + in.typeName(fs));
}

// set(fs): each object once, tasks in creation order.
std::vector<Value> distinct(Interpreter &in, const Value &iterable)
{
    std::vector<Value> out;
    std::unordered_set<const script::Object *> seen; // futures and coroutines: equal means identical
    for (auto &v : in.toVector(iterable)) {
        if (!script::isHashable(v))
            in.raise(exc::typeError(), "unhashable type: '" + in.typeName(v) + "'");
        if (!v.isObj() || seen.insert(v.obj()).second)
            out.push_back(v);
    }
    return out;
}

QCoro::Task<Value> waitStart(Engine *engine, Value fsArg, std::optional<double> t, Value returnWhen);

Value asyncioWait(Interpreter &in, const Value &, CallArgs &a)
{
    Value timeout, returnWhen = script::str("ALL_COMPLETED");
    a.takeKeyword("timeout", timeout);
    a.takeKeyword("return_when", returnWhen);
    args::expect(in, "wait", a, 1, 1);
    Engine *engine = &engineOf(in);
    Value fsArg = a.args[0];
    std::optional<double> t;
    if (!timeout.isNone())
        t = args::toFloat(in, timeout, "timeout");
    // The checks run when the coroutine starts, as in CPython's `async def wait`.
    return nativeCoroutine(in, "wait", "asyncio.wait()",
        [engine, fsArg, t, returnWhen] { return waitStart(engine, fsArg, t, returnWhen); });
}

QCoro::Task<Value> waitStart(Engine *engine, Value fsArg, std::optional<double> t, Value returnWhen)
{
    auto &in = engine->interpreter();
    rejectSingleAwaitable(in, fsArg, "a list of futures");
    std::vector<Value> items = in.toVector(fsArg);
    if (items.empty())
        in.raise(exc::valueError(), "Set of Tasks/Futures is empty.");
    std::string rw = returnWhen.is(ObjKind::Str) ? returnWhen.as<script::StrObject>()->value : "";
    ReturnWhen when = rw == "FIRST_COMPLETED" ? ReturnWhen::FirstCompleted
        : rw == "FIRST_EXCEPTION"             ? ReturnWhen::FirstException
                                              : ReturnWhen::AllCompleted;
    if (rw != "FIRST_COMPLETED" && rw != "FIRST_EXCEPTION" && rw != "ALL_COMPLETED")
        in.raise(exc::valueError(), "Invalid return_when value: " + in.toStr(returnWhen));
    std::vector<Ref<Future>> fs;
    for (auto &v : distinct(in, fsArg)) {
        if (v.is(ObjKind::Coroutine))
            in.raise(exc::typeError(), "Passing coroutines is forbidden, use tasks explicitly.");
        fs.push_back(ensureFuture(*engine, v));
    }
    sortByCreation(fs);
    Value result = co_await waitBody(*engine, std::move(fs), t, when);
    co_return result;
}

// ---- as_completed (rule 21) -------------------------------------------------------------------

struct AsCompletedState {
    Engine *engine = nullptr;
    std::vector<Ref<Future>> todo;
    Value done; // the internal asyncio.Queue
    Ref<Handle> timeoutHandle;
    std::string tag;
    bool started = false;
    std::size_t remaining = 0; // coroutines still to yield
};

// _wait_for_one(): the next finished future's result, or TimeoutError for a dummy None.
QCoro::Task<Value> waitForOne(std::shared_ptr<AsCompletedState> state)
{
    auto &in = state->engine->interpreter();
    Value getCoro = in.call(in.getAttr(state->done, "get"), std::vector<Value> {});
    Value f = co_await in.await(getCoro);
    if (f.isNone())
        in.raise(in.makeException(exc::timeoutError(), std::vector<Value> {}));
    co_return f.as<Future>()->result();
}

void startAsCompleted(
    const std::shared_ptr<AsCompletedState> &state, const std::vector<Value> &fs, std::optional<double> timeout)
{
    Engine &engine = *state->engine;
    auto &in = engine.interpreter();
    state->done = in.call(Value(Ref<ClassObject>(queueClass(QueuePrimitive::Order::Fifo))), std::vector<Value> {});
    // The harness wraps the inputs in tasks in argument order (section I).
    for (auto &v : fs)
        state->todo.push_back(ensureFuture(engine, v));
    state->tag = "as_completed#" + std::to_string(state->todo.empty() ? 0 : state->todo.front()->id());
    for (auto &f : state->todo) {
        DoneCallback cb;
        cb.fn = [state](const Ref<Future> &f) {
            auto &todo = state->todo;
            if (todo.empty())
                return; // _on_timeout() was here first
            std::erase(todo, f);
            auto *queue = state->done.as<QueuePrimitive>();
            queue->putNowait(Value(f));
            if (todo.empty() && state->timeoutHandle)
                state->timeoutHandle->cancel();
        };
        cb.description = state->tag;
        f->addDoneCallback(std::move(cb));
    }
    if (!state->todo.empty() && timeout) {
        state->timeoutHandle = callLater(
            engine, *timeout,
            [state] {
                for (auto &f : state->todo) {
                    f->removeNativeCallbacks(HandleKind::Callback, state->tag);
                    state->done.as<QueuePrimitive>()->putNowait(Value());
                }
                state->todo.clear();
            },
            "as_completed() timeout");
    }
    state->remaining = state->todo.size();
}

Value asCompleted(Interpreter &in, const Value &, CallArgs &a)
{
    Value timeout;
    a.takeKeyword("timeout", timeout);
    args::expect(in, "as_completed", a, 1, 1);
    std::optional<double> t;
    if (!timeout.isNone())
        t = args::toFloat(in, timeout, "timeout");
    auto state = std::make_shared<AsCompletedState>();
    state->engine = &engineOf(in);
    Value fsArg = a.args[0];
    // A generator: nothing happens before the first next().
    return Value(script::make<script::IteratorObject>([state, fsArg, t](Value &out) mutable {
        auto &in = state->engine->interpreter();
        if (!state->started) {
            state->started = true;
            rejectSingleAwaitable(in, fsArg, "an iterable of futures");
            startAsCompleted(state, distinct(in, fsArg), t);
            fsArg = Value();
        }
        if (state->remaining == 0)
            return false;
        --state->remaining;
        out = nativeCoroutine(
            in, "as_completed.<locals>._wait_for_one", "as_completed()", [state] { return waitForOne(state); });
        return true;
    }));
}

// ---- shield (rule 22) -------------------------------------------------------------------------

Value shield(Interpreter &in, const Value &, CallArgs &a)
{
    args::expect(in, "shield", a, 1, 1);
    Engine &engine = engineOf(in);
    Ref<Future> inner = ensureFuture(engine, a.args[0]);
    if (inner->done())
        return Value(inner);
    Ref<Future> outer = newFuture(engine, "shield(" + inner->description + ")");
    const std::string tag = "shield#" + std::to_string(outer->id());
    DoneCallback innerDone;
    innerDone.fn = [outer](const Ref<Future> &inner) {
        if (outer->cancelled()) {
            if (!inner->cancelled())
                inner->exception(); // mark the result as retrieved
            return;
        }
        if (inner->cancelled()) {
            outer->cancel();
        } else {
            Value e = inner->exception();
            if (!e.isNone())
                outer->setException(e);
            else
                outer->setResult(inner->result());
        }
    };
    innerDone.description = tag;
    inner->addDoneCallback(std::move(innerDone));
    DoneCallback outerDone;
    outerDone.fn = [inner, tag](const Ref<Future> &) {
        if (!inner->done())
            inner->removeNativeCallbacks(HandleKind::Callback, tag);
    };
    outerDone.description = "shield outer";
    outer->addDoneCallback(std::move(outerDone));
    return Value(outer);
}

} // namespace

void addWaitFunctions(script::DictObject &asyncio)
{
    auto def = [&](const std::string &name, script::NativeFunction fn) {
        asyncio.set(script::str(name), Value(script::make<script::NativeObject>("asyncio." + name, std::move(fn))));
    };
    def("wait", asyncioWait);
    def("as_completed", asCompleted);
    def("shield", shield);
}

} // namespace loopscope
