// asyncio.TaskGroup (semantics rules 31-33), following taskgroups.py line by line: the abort
// order, the parent's cancellation count and the ExceptionGroup it raises are CPython's.
#include "engine.h"
#include "modules.h"
#include "script/exception_groups.h"

#include <algorithm>

namespace loopscope {

using script::CallArgs;
using script::ClassObject;
using script::Interpreter;
using script::ObjKind;
using script::ScriptError;
namespace exc = script::exc;
namespace args = script::args;

class TaskGroupObject : public script::Object {
public:
    explicit TaskGroupObject(Engine &e)
        : Object(ObjKind::Other)
        , engine(e)
    {
        track();
    }
    ClassObject *cls() const override;
    void clearRefs() override
    {
        parent.reset();
        tasks.clear();
        errors.clear();
        baseError = Value();
        onCompletedFut.reset();
    }

    std::string repr() const
    {
        std::string info;
        if (!tasks.empty())
            info += " tasks=" + std::to_string(tasks.size());
        if (!errors.empty())
            info += " errors=" + std::to_string(errors.size());
        if (aborting)
            info += " cancelling";
        else if (entered)
            info += " entered";
        return "<TaskGroup" + info + ">";
    }

    bool isBaseError(const Value &e)
    {
        auto &in = engine.interpreter();
        return in.isInstance(e, exc::byName("SystemExit")) || in.isInstance(e, exc::byName("KeyboardInterrupt"));
    }

    // _abort: cancel every unfinished task, in set order (creation order, section I).
    void abort()
    {
        aborting = true;
        auto snapshot = tasks;
        for (auto &t : snapshot)
            if (!t->done())
                t->cancel();
    }

    // _on_task_done
    void onTaskDone(const Ref<Future> &fut)
    {
        std::erase_if(tasks, [&](const Ref<Task> &t) { return t.get() == fut.get(); });
        if (onCompletedFut && tasks.empty() && !onCompletedFut->done())
            onCompletedFut->setResult(Value::boolean(true));
        if (fut->cancelled())
            return;
        Value e = fut->exception();
        if (e.isNone())
            return;
        errors.push_back(e);
        if (isBaseError(e) && baseError.isNone())
            baseError = e;
        auto &in = engine.interpreter();
        if (parent->done()) {
            engine.warn("Task " + in.repr(Value(fut)) + " has errored out but its parent task " + in.repr(Value(parent))
                + " is already completed\n" + in.formatException(e));
            return;
        }
        if (!aborting && !parentCancelRequested) {
            abort();
            parentCancelRequested = true;
            parent->cancel();
        }
    }

    Engine &engine;
    bool entered = false;
    bool exiting = false;
    bool aborting = false;
    bool parentCancelRequested = false;
    Ref<Task> parent;
    std::vector<Ref<Task>> tasks; // creation order
    std::vector<Value> errors;
    Value baseError;
    Ref<Future> onCompletedFut;
};

namespace {

TaskGroupObject *group(const Value &v)
{
    return v.as<TaskGroupObject>();
}

QCoro::Task<Value> taskGroupEnter(Ref<TaskGroupObject> tg)
{
    auto &engine = tg->engine;
    auto &in = engine.interpreter();
    if (tg->entered)
        in.raise(exc::runtimeError(), "TaskGroup " + tg->repr() + " has already been entered");
    Task *parent = engine.currentTask();
    if (!parent)
        in.raise(exc::runtimeError(), "TaskGroup " + tg->repr() + " cannot determine the parent task");
    tg->parent = Ref<Task>(parent);
    tg->entered = true;
    co_return Value(tg);
}

QCoro::Task<Value> taskGroupExit(Ref<TaskGroupObject> tg, Value excValue)
{
    auto &engine = tg->engine;
    auto &in = engine.interpreter();
    tg->exiting = true;
    const bool raised = !excValue.isNone();
    const bool exactlyCancelled = raised && script::typeOf(excValue) == exc::cancelledError();
    if (raised && tg->isBaseError(excValue) && tg->baseError.isNone())
        tg->baseError = excValue;
    Value propagateCancellation = exactlyCancelled ? excValue : Value();
    // rule 33: the parent's uncancel() happens here only, before waiting for the children.
    if (tg->parentCancelRequested && tg->parent->uncancel() == 0)
        propagateCancellation = Value();
    if (raised && !tg->aborting)
        tg->abort();
    while (!tg->tasks.empty()) {
        if (!tg->onCompletedFut)
            tg->onCompletedFut = newFuture(engine, "TaskGroup: all tasks done");
        Ref<Future> waiter = tg->onCompletedFut;
        Value error = co_await awaitCatching(engine, waiter);
        if (!error.isNone()) {
            if (!in.isInstance(error, exc::cancelledError()))
                throw ScriptError {error};
            if (!tg->aborting) {
                propagateCancellation = error;
                tg->abort();
            }
        }
        tg->onCompletedFut.reset();
    }
    if (!tg->baseError.isNone())
        throw ScriptError {tg->baseError};
    if (!propagateCancellation.isNone() && tg->errors.empty())
        throw ScriptError {propagateCancellation};
    if (raised && !exactlyCancelled)
        tg->errors.push_back(excValue);
    if (!tg->errors.empty()) {
        std::vector<Value> errors = std::move(tg->errors);
        tg->errors.clear();
        Value group = script::makeExceptionGroup(in, "unhandled errors in a TaskGroup", std::move(errors), false);
        auto *data = group.as<script::InstanceObject>()->exception.get();
        data->suppressContext = true; // raise ... from None
        in.raise(group);
    }
    co_return Value();
}

ClassObject *taskGroupClass()
{
    static ClassObject *c = [] {
        auto *c = new ClassObject("TaskGroup", Ref<ClassObject>(script::types::object()));
        ++c->m_refCount;
        c->module = "asyncio.taskgroups";
        c->construct = [](Interpreter &in, const Value &, CallArgs &a) -> Value {
            args::expect(in, "TaskGroup", a, 0, 0);
            return Value(script::make<TaskGroupObject>(in.engine()));
        };
        c->addMethod("__aenter__", [](Interpreter &in, const Value &s, CallArgs &) {
            Ref<TaskGroupObject> tg(group(s));
            return nativeCoroutine(in, "TaskGroup.__aenter__", "TaskGroup", [tg] { return taskGroupEnter(tg); });
        });
        c->addMethod("__aexit__", [](Interpreter &in, const Value &s, CallArgs &a) {
            Ref<TaskGroupObject> tg(group(s));
            Value excValue = a.args.size() > 1 ? a.args[1] : Value();
            return nativeCoroutine(in, "TaskGroup.__aexit__", "TaskGroup: all tasks done",
                [tg, excValue] { return taskGroupExit(tg, excValue); });
        });
        c->addMethod("create_task", [](Interpreter &in, const Value &s, CallArgs &a) {
            Value name, context;
            a.takeKeyword("name", name);
            a.takeKeyword("context", context);
            args::expect(in, "create_task", a, 1, 1);
            Ref<TaskGroupObject> tg(group(s));
            if (!tg->entered)
                in.raise(exc::runtimeError(), "TaskGroup " + tg->repr() + " has not been entered");
            if (tg->exiting && tg->tasks.empty())
                in.raise(exc::runtimeError(), "TaskGroup " + tg->repr() + " is finished");
            if (tg->aborting)
                in.raise(exc::runtimeError(), "TaskGroup " + tg->repr() + " is shutting down");
            if (!a.args[0].is(ObjKind::Coroutine))
                in.raise(exc::typeError(), "a coroutine was expected, got " + in.repr(a.args[0]));
            // rule 15: loop.create_task(coro) numbers the task, then it is renamed.
            Ref<Task> task = tg->engine.createTask(
                Ref<script::CoroutineObject>(a.args[0].as<script::CoroutineObject>()), Value(), true);
            if (!name.isNone())
                task->setName(in.toStr(name));
            tg->tasks.push_back(task);
            DoneCallback cb;
            cb.fn = [tg](const Ref<Future> &f) { tg->onTaskDone(f); };
            cb.description = "TaskGroup._on_task_done";
            task->addDoneCallback(std::move(cb));
            return Value(task);
        });
        c->addMethod(
            "__repr__", [](Interpreter &, const Value &s, CallArgs &) { return script::str(group(s)->repr()); });
        return c;
    }();
    return c;
}

} // namespace

ClassObject *TaskGroupObject::cls() const
{
    return taskGroupClass();
}

void addTaskGroup(script::DictObject &asyncio)
{
    asyncio.set(script::str("TaskGroup"), Value(Ref<ClassObject>(taskGroupClass())));
}

} // namespace loopscope
