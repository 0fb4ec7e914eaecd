#include "inspect.h"

#include "engine.h"
#include "primitives.h"

#include <algorithm>

namespace loopscope {

namespace {

std::string taskLabel(const Trace &trace, const Task &t)
{
    // "Task-2 fetch('url2')", or just "download('x')" when the task is named after its coroutine
    const std::string &call = trace.taskCall(t.taskId());
    const bool plain = !t.coro() || t.coro()->name == t.name();
    if (!call.empty())
        return plain ? call : t.name() + " " + call;
    return plain ? t.name() : t.name() + " " + t.coro()->name;
}

// A repr that cannot run script code: plain values only; anything else by its type.
std::string safeRepr(script::Interpreter &in, const Value &v)
{
    if (!v.isObj())
        return in.repr(v);
    switch (v.obj()->kind()) {
    case script::ObjKind::Str: return in.repr(v);
    case script::ObjKind::Tuple:
    case script::ObjKind::List: {
        const auto &items = v.obj()->kind() == script::ObjKind::List ? v.as<script::ListObject>()->items
                                                                     : v.as<script::TupleObject>()->items;
        const bool plain = std::all_of(items.begin(), items.end(),
            [](const Value &item) { return !item.isObj() || item.obj()->kind() == script::ObjKind::Str; });
        return plain ? in.repr(v) : "<" + in.typeName(v) + " object>";
    }
    default: return "<" + in.typeName(v) + " object>";
    }
}

// Cuts a UTF-8 text to at most `max` characters (code points), ending it with "…" when cut.
std::string shortened(const std::string &text, std::size_t max)
{
    std::size_t chars = 0, cut = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80)
            continue;
        if (chars == max - 1)
            cut = i;
        if (++chars > max)
            return text.substr(0, cut) + "\u2026";
    }
    return text;
}

} // namespace

std::string callLabel(script::Interpreter &in, const script::CoroutineObject &coro)
{
    std::string name = coro.name;
    if (const auto locals = name.rfind("<locals>."); locals != std::string::npos)
        name = name.substr(locals + 9); // main.<locals>.fetch reads as fetch
    const script::Frame *frame = coro.frame.get();
    if (name.starts_with("BaseEventLoop.")) // asyncio.run's helpers, as the runner calls them
        return "loop." + name.substr(14) + "()";
    if (!frame || !frame->def) // native: asyncio.sleep(5), wait_for 2.0s...
        return coro.description.empty() ? name + "()" : shortened(coro.description, kCallChars);
    const script::FunctionDef &def = *frame->def;
    std::vector<std::string> args;
    auto add = [&](const std::string &prefix, const Value &v) {
        if (v.isUnbound())
            return;
        // A lock or queue reads as the variable it was assigned to (lock_a), a task as its name.
        const auto *primitive = v.isObj() ? dynamic_cast<const Primitive *>(v.obj()) : nullptr;
        const auto *task = v.isObj() ? dynamic_cast<const Task *>(v.obj()) : nullptr;
        const std::string text = primitive ? primitive->label() : task ? task->name() : safeRepr(in, v);
        args.push_back(prefix + shortened(text, kArgChars));
    };
    const std::size_t npos = def.positional.size();
    const bool method = name.find('.') != std::string::npos && npos > 0
        && (def.positional[0].name == "self" || def.positional[0].name == "cls");
    for (std::size_t i = method ? 1 : 0; i < npos && i < frame->locals.size(); ++i)
        add({}, frame->locals[i]);
    std::size_t slot = npos;
    if (!def.varargs.empty() && slot < frame->locals.size()) {
        const Value &rest = frame->locals[slot++];
        if (rest.isObj() && rest.obj()->kind() == script::ObjKind::Tuple)
            for (const Value &v : rest.as<script::TupleObject>()->items)
                add({}, v);
    }
    for (std::size_t i = 0; i < def.kwonly.size() && slot < frame->locals.size(); ++i)
        add(def.kwonly[i].name + "=", frame->locals[slot++]);
    if (!def.kwargs.empty() && slot < frame->locals.size()) {
        const Value &extra = frame->locals[slot];
        if (extra.isObj() && extra.obj()->kind() == script::ObjKind::Dict)
            for (const auto &entry : extra.as<script::DictObject>()->entries())
                if (entry.live)
                    add(in.toStr(entry.key) + "=", entry.value);
    }
    std::string joined;
    for (std::size_t i = 0; i < args.size(); ++i)
        joined += (i ? ", " : "") + args[i];
    const std::size_t room = kCallChars > name.size() + 3 ? kCallChars - name.size() - 2 : 1;
    return name + "(" + shortened(joined, room) + ")";
}

namespace {

// What running a ready handle will do, in words.
std::string describeHandle(const Trace &trace, const Handle &h)
{
    if (!h.task)
        return h.description.empty() ? std::string("callback") : h.description;
    const std::string task = taskLabel(trace, *h.task);
    if (h.kind == HandleKind::Timer)
        return h.description + " of " + task + " fires";
    if (h.kind == HandleKind::TaskWakeup) {
        const std::string what = h.source ? h.source->description : std::string("a future");
        if (h.source && h.source->cancelled())
            return task + " wakes up: " + what + " was cancelled (CancelledError thrown in)";
        return task + " wakes up: " + what + " is done";
    }
    if (!h.task->started())
        return task + " first step";
    return task + (h.task->cancelPending() ? " step (CancelledError thrown in)" : " step after yielding");
}

std::vector<WaiterEntry> waitersOf(const std::deque<Ref<Future>> &futures)
{
    std::vector<WaiterEntry> out;
    for (const auto &f : futures) {
        if (f->done())
            continue; // woken or cancelled, about to leave the deque
        WaiterEntry w;
        w.what = f->description;
        out.push_back(w);
    }
    return out;
}

} // namespace

std::vector<ReadyEntry> readyQueue(Engine &engine)
{
    std::vector<ReadyEntry> out;
    for (const auto &h : engine.loop().ready()) {
        if (h->cancelled)
            continue;
        ReadyEntry e;
        e.task = h->task ? h->task->taskId() : 0;
        e.wakeup = h->kind == HandleKind::TaskWakeup;
        e.firstStep = h->kind == HandleKind::TaskStep && h->task && !h->task->started();
        e.description = describeHandle(engine.trace(), *h);
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<TimerEntry> pendingTimers(Engine &engine)
{
    std::vector<TimerEntry> out;
    for (const auto &h : engine.loop().timers()) {
        if (h->cancelled)
            continue;
        TimerEntry e;
        e.when = h->when;
        e.description = h->description;
        e.task = h->task ? h->task->taskId() : 0;
        out.push_back(std::move(e));
    }
    return out;
}

std::vector<PrimitiveEntry> primitives(Engine &engine)
{
    script::Interpreter &in = engine.interpreter();
    script::HeapScope scope(in.heap());
    // Which task waits on which future: a waiter future knows its primitive, the task knows its future.
    auto waiterTask = [&engine](const Future *f) -> std::uint32_t {
        for (const auto &t : engine.tasks())
            if (!t->done() && t->waitingOn().get() == f)
                return t->taskId();
        return 0;
    };
    auto withTasks = [&](const std::deque<Ref<Future>> &futures) {
        std::vector<WaiterEntry> out = waitersOf(futures);
        std::size_t i = 0;
        for (const auto &f : futures)
            if (!f->done())
                out[i++].task = waiterTask(f.get());
        return out;
    };
    // A queue's join() event is the queue's business: it shows as the queue's unfinished count.
    std::vector<const EventPrimitive *> joinEvents;
    in.heap().forEach([&](script::Object *o) {
        if (auto *queue = dynamic_cast<QueuePrimitive *>(o))
            joinEvents.push_back(queue->finished.get());
    });
    std::vector<PrimitiveEntry> out;
    in.heap().forEach([&](script::Object *o) {
        auto *p = dynamic_cast<Primitive *>(o);
        if (!p || &p->engine != &engine)
            return;
        PrimitiveEntry e;
        e.id = p->id;
        e.kind = p->kindName;
        e.label = p->label();
        if (auto *lock = dynamic_cast<LockPrimitive *>(p)) {
            e.owner = lock->locked ? lock->owner : 0;
            e.state = !lock->locked ? "unlocked"
                : lock->owner       ? "locked by " + engine.trace().taskName(lock->owner)
                                    : "locked";
            e.waiters = withTasks(lock->waiters);
        } else if (auto *sem = dynamic_cast<SemaphorePrimitive *>(p)) {
            e.state = "value " + std::to_string(sem->value) + " of " + std::to_string(sem->initial);
            e.waiters = withTasks(sem->waiters);
        } else if (auto *event = dynamic_cast<EventPrimitive *>(p)) {
            if (std::find(joinEvents.begin(), joinEvents.end(), event) != joinEvents.end())
                return;
            e.state = event->value ? "set" : "not set";
            e.waiters = withTasks(event->waiters);
        } else if (auto *queue = dynamic_cast<QueuePrimitive *>(p)) {
            e.state = std::to_string(queue->items.size())
                + (queue->maxsize > 0 ? " of " + std::to_string(queue->maxsize) : std::string()) + " items, "
                + std::to_string(queue->unfinished) + " unfinished";
            for (const auto &item : queue->items)
                e.items.push_back(safeRepr(in, item));
            e.waiters = withTasks(queue->getters);
            e.putters = withTasks(queue->putters);
            if (queue->finished)
                e.joiners = withTasks(queue->finished->waiters);
        }
        out.push_back(std::move(e));
    });
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    return out;
}

} // namespace loopscope
