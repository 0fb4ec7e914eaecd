// asyncio's synchronization primitives (semantics rules E23–F30): Queue, Lock, Event, Semaphore.
// Each is a script-visible object; their blocking methods are native coroutines that park the
// calling task on a waiter future, exactly as CPython's queues.py and locks.py do.
#pragma once

#include "task.h"

#include <deque>

namespace loopscope {

class Primitive : public script::Object {
public:
    Primitive(Engine &engine, const char *kind);
    void adoptName(const std::string &n) override;
    void clearRefs() override;
    // "lock_a" when the script assigned it to a variable, else "Lock#2".
    std::string label() const;
    // Records the primitive's state in the trace (queue size, counter, flag, owner).
    void traceState(std::int64_t value);
    // A waiter future described as "<label>.<what>".
    Ref<Future> newWaiter(const std::string &what);

    Engine &engine;
    std::string kindName;
    std::string name;
    std::uint32_t id;
};

class EventPrimitive : public Primitive {
public:
    explicit EventPrimitive(Engine &e)
        : Primitive(e, "Event")
    {
    }
    script::ClassObject *cls() const override;
    void clearRefs() override;
    void set();
    void clear()
    {
        value = false;
        traceState(0);
    }
    bool value = false;
    std::deque<Ref<Future>> waiters;
};

class LockPrimitive : public Primitive {
public:
    explicit LockPrimitive(Engine &e)
        : Primitive(e, "Lock")
    {
    }
    script::ClassObject *cls() const override;
    void clearRefs() override;
    void release();
    void wakeUpFirst();
    bool locked = false;
    std::uint32_t owner = 0; // task that holds it (not in CPython; for the deadlock report)
    std::deque<Ref<Future>> waiters;
};

// Condition (rule 29): its own Lock, or the one it was given.
class ConditionPrimitive : public Primitive {
public:
    ConditionPrimitive(Engine &e, Ref<LockPrimitive> l)
        : Primitive(e, "Condition")
        , lock(std::move(l))
    {
    }
    script::ClassObject *cls() const override;
    void clearRefs() override;
    void notify(std::int64_t n);
    Ref<LockPrimitive> lock;
    std::deque<Ref<Future>> waiters;
};

// Barrier (3.11+): a Condition and CPython's filling/draining/resetting/broken states.
class BarrierPrimitive : public Primitive {
public:
    enum class State { Filling, Draining, Resetting, Broken };
    BarrierPrimitive(Engine &e, std::int64_t parties);
    script::ClassObject *cls() const override;
    void clearRefs() override { cond.reset(); }
    // _exit: the last task out ends draining or resetting and wakes the ones waiting for that.
    void exitBarrier();
    Ref<ConditionPrimitive> cond;
    std::int64_t parties;
    std::int64_t count = 0;
    State state = State::Filling;
};

class SemaphorePrimitive : public Primitive {
public:
    SemaphorePrimitive(Engine &e, std::int64_t v, bool bounded)
        : Primitive(e, bounded ? "BoundedSemaphore" : "Semaphore")
        , value(v)
        , initial(v)
        , isBounded(bounded)
    {
    }
    script::ClassObject *cls() const override;
    void clearRefs() override;
    bool isLocked() const;
    void release();
    void wakeUpNext();
    std::int64_t value;
    std::int64_t initial;
    bool isBounded;
    std::deque<Ref<Future>> waiters;
};

class QueuePrimitive : public Primitive {
public:
    enum class Order { Fifo, Lifo, Priority };
    QueuePrimitive(Engine &e, std::int64_t maxsize, Order order);
    script::ClassObject *cls() const override;
    void clearRefs() override;
    bool full() const { return maxsize > 0 && std::int64_t(items.size()) >= maxsize; }
    void putNowait(const Value &item);
    Value getNowait();
    static void wakeupNext(std::deque<Ref<Future>> &waiters);
    void heapSiftDown(std::size_t start, std::size_t pos);
    void heapSiftUp(std::size_t pos);

    std::int64_t maxsize;
    Order order;
    std::deque<Value> items;
    std::deque<Ref<Future>> getters;
    std::deque<Ref<Future>> putters;
    std::int64_t unfinished = 0;
    Ref<EventPrimitive> finished;
};

// The script classes, with their methods.
script::ClassObject *queueClass(QueuePrimitive::Order order);
script::ClassObject *lockClass();
script::ClassObject *eventClass();
script::ClassObject *conditionClass();
script::ClassObject *barrierClass();
script::ClassObject *semaphoreClass(bool bounded);

} // namespace loopscope
