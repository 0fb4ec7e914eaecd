// The script-visible modules the engine provides (asyncio, and the small builtin ones).
#pragma once

#include "script/interpreter.h"

namespace loopscope {

class Engine;
class Future;

script::ClassObject *asyncioFutureClass();
script::ClassObject *asyncioTaskClass();
Ref<script::ModuleObject> makeAsyncioModule(script::Interpreter &in);

// asyncio.gather(*aws, return_exceptions=...) (rules 17-19); returns the outer future.
Value gather(Engine &engine, const std::vector<Value> &aws, bool returnExceptions);

// A coroutine object whose body is C++ (asyncio.sleep(), queue.get()...): nothing runs until it
// is awaited or wrapped in a task, as in CPython. `description` is what a task awaiting it waits
// for, in words.
Value nativeCoroutine(
    script::Interpreter &in, std::string name, std::string description, script::CoroutineObject::Body body);
// tasks.ensure_future: futures pass through, coroutines become tasks (consuming a number).
Ref<Future> ensureFuture(Engine &engine, const Value &v);
// A set of futures (what wait() and all_tasks() return): tasks iterate in creation order.
Value makeTaskSet(const std::vector<Ref<Future>> &futures);
// asyncio.wait, as_completed, shield (waiting.cpp) and TaskGroup (taskgroup.cpp).
void addWaitFunctions(script::DictObject &asyncio);
void addTaskGroup(script::DictObject &asyncio);
// Awaits `fut` from a native coroutine; returns the exception the await raised, or None.
QCoro::Task<Value> awaitCatching(Engine &engine, Ref<Future> fut);
// asyncio.sleep(delay, result)'s body: waits `delay` virtual seconds; `what` names the wait (the
// UI shows it). Also the I/O wait of a simulated aiohttp request.
QCoro::Task<Value> sleepFor(Engine &engine, double delay, Value result, std::string what);
// A pending future of the running engine.
Ref<Future> newFuture(Engine &engine, std::string description);

// Worker threads (threads.cpp): asyncio.to_thread and run_coroutine_threadsafe; the loop's
// run_in_executor(None, func, *args); asyncio.run's shutdown_default_executor step; finishing
// blocked workers at teardown.
void addThreadFunctions(script::DictObject &asyncio);
Value runInExecutor(script::Interpreter &in, script::CallArgs &args);
QCoro::Task<Value> shutdownDefaultExecutor(Engine &engine);
void closeWorkerThreads(Engine &engine);
// time.sleep and concurrent.futures.Future.result/exception: a worker thread waits there on the
// virtual clock (called from runLoopCall, the host-mode call of a runsLoop native).
bool isWorkerCall(const script::NativeObject &native);
QCoro::Task<Value> workerCall(script::Interpreter &in, Value callee, script::CallArgs args);

// loop.call_exception_handler with {'message', 'exception', key: value} when the script set a
// handler with loop.set_exception_handler(); false (nothing done) when it did not.
bool customExceptionHandler(
    Engine &engine, const std::string &message, const Value &exception, const char *key, const Value &value);

// The loop object asyncio's functions return (one per engine: get_running_loop() is loop).
Value loopObject(script::Interpreter &in);

// What a waiter future belongs to, for the deadlock report.
struct WaitInfo {
    std::string primitive; // e.g. "lock_b"
    std::uint32_t heldBy = 0; // task holding it (locks), or the task awaited
};
WaitInfo describeWaiter(Engine &engine, const Future &waiter);

} // namespace loopscope

namespace loopscope::script {
// A module other than asyncio by name (time, random...), or null when there is none.
Ref<ModuleObject> makeBuiltinModule(Interpreter &in, const std::string &name);
// Calls asyncio.run / loop.run_until_complete from module code: parks the module while the loop runs.
QCoro::Task<Value> runLoopCall(Interpreter &in, const Value &callee, CallArgs &args);
} // namespace loopscope::script
