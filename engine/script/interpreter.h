// The tree-walking interpreter of the scenario language.
//
// Every statement and expression has two evaluators: a plain one, and a coroutine one
// (QCoro::Task) used only for subtrees that can suspend. In an `async def` body a subtree
// suspends when it contains `await`; at module level ("host mode") it suspends when it contains a
// call, because a call may reach asyncio.run(), which parks the module's code while the engine
// steps the loop. Everything else runs on the fast path.
#pragma once

#include "script/ast.h"
#include "script/value.h"

#include <QCoro/QCoroTask>

#include <algorithm>
#include <coroutine>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace loopscope {
class Engine;
}

namespace loopscope::script {

class Interpreter;
class GeneratorObject;
class ExceptStar;

// A Python exception in flight, carried through C++ as a C++ exception.
struct ScriptError {
    Value exception; // an InstanceObject of an exception class
};

// Thrown when one step runs more statements than any scenario needs without giving control back
// to the loop: an endless loop. Script handlers cannot catch it (finally blocks still run); the
// engine ends the run with an explanation instead of hanging.
struct StepBudgetExceeded {
    int line;
};

// What a script may use before the engine stops it (configurable: Engine::setLimits, and the
// CLI's --max-depth, --max-ops and --max-size).
struct Limits {
    // Nested calls: one more is a RecursionError (CPython's default recursion limit).
    int maxDepth = 1000;
    // Operations (statements, loop iterations inside builtins) one task step, or the module code
    // between two loop runs, may execute without awaiting: past it the run ends with
    // "... blocks the event loop".
    std::uint64_t stepBudget = 10'000'000;
    // Items in one list, tuple, dict or set, or characters in one string: more is a MemoryError.
    std::int64_t maxSize = std::int64_t(1) << 24;
};

// Thrown into suspended coroutines when the engine is torn down (as CPython's coroutine.close()
// throws GeneratorExit), so every frame finishes and nothing leaks.
struct TeardownSignal { };

// The variables of one running function or of the module.
struct Frame {
    const FunctionDef *def = nullptr; // null at module level
    // "<module>" or the function's name, for tracebacks: a view of the FunctionDef's name (the
    // frame's def outlives it) or of a literal, so a call copies no string.
    std::string_view name;
    std::vector<Value> locals;
    std::vector<Ref<CellObject>> cells; // cellNames then freeNames
    Ref<DictObject> globals;
    int line = 0; // line of the statement being executed
    Value returnValue;
    // A native coroutine's frame (asyncio.sleep, wait_for...): like CPython's own asyncio frames,
    // it is in no traceback (see Interpreter::runNative).
    bool hidden = false;
    Ref<DictObject> classNamespace; // a class body's namespace (names with Scope::ClassLocal)
    GeneratorObject *generator = nullptr; // the generator this frame runs in, for `yield`
};

// What the interpreter tracks per thread of execution (each task, and the module code): the
// innermost frame, the call depth and the exceptions being handled. Tasks swap it in and out.
struct ExecState {
    Frame *frame = nullptr;
    int depth = 0;
    std::vector<Value> handling;
};

class FunctionObject : public Object {
public:
    FunctionObject()
        : Object(ObjKind::Function)
    {
        track();
    }
    ClassObject *cls() const override { return types::functionType(); }
    void clearRefs() override;

    std::shared_ptr<FunctionDef> def;
    std::shared_ptr<Module> module; // keeps the tree alive
    Ref<DictObject> globals;
    std::vector<Value> defaults; // for the trailing positional parameters
    std::vector<std::optional<Value>> kwDefaults; // aligned with def->kwonly
    std::vector<Ref<CellObject>> closure; // aligned with def->freeNames
    Ref<DictObject> attrs; // attributes set on the function (functools.wraps: __name__, __wrapped__)
    // __qualname__, as functools.wraps may have changed it: coroutines take their name from it.
    std::string qualname() const;
};

class BoundMethodObject : public Object {
public:
    BoundMethodObject(Value s, Value f)
        : Object(ObjKind::BoundMethod)
        , self(std::move(s))
        , function(std::move(f))
    {
        track();
    }
    ClassObject *cls() const override { return types::methodType(); }
    void clearRefs() override
    {
        self = Value();
        function = Value();
    }
    Value self;
    Value function;
};

// A coroutine object: what calling an `async def` (or asyncio.sleep, queue.get(), ...) returns.
// Nothing runs until it is awaited or wrapped in a task.
class CoroutineObject : public Object {
public:
    using Body = std::function<QCoro::Task<Value>()>;
    CoroutineObject(std::string n, Body b, int line)
        : Object(ObjKind::Coroutine)
        , name(std::move(n))
        , body(std::move(b))
        , createdLine(line)
    {
        track();
    }
    ~CoroutineObject() override;
    ClassObject *cls() const override { return types::coroutineType(); }
    void clearRefs() override
    {
        body = nullptr;
        frame.reset();
        yieldResult = Value();
    }
    // Runs the coroutine inline in the awaiting coroutine (await coro).
    QCoro::Task<Value> run(Interpreter &in);
    // Marks a bare-yield coroutine as awaited (or raises as run() does); false for any other.
    bool startBareYield(Interpreter &in);

    std::string name; // qualified name, as in <coroutine object main at 0x...>
    Body body;
    int createdLine = 0;
    int defLine = 0; // line of the `async def` (0 for native coroutines)
    // An `async def`'s frame with its arguments bound (null for native coroutines): the window
    // names a task after the call that made it, `fetch('url2')` (see inspect.h, callLabel).
    std::shared_ptr<const Frame> frame;
    bool started = false;
    std::string description; // what a task awaiting it waits for, in words ("asyncio.sleep(1)")
    // asyncio.sleep(0): a native coroutine whose whole body is one bare yield to the loop, then
    // `return yieldResult` (CPython's `await __sleep0(); return result`). It has no body: awaiting
    // it parks the awaiting task directly, without frames of its own (Interpreter::await).
    bool bareYield = false;
    Value yieldResult;
    // Set for coroutines the script can see: dropped without ever running, it warns as CPython.
    Interpreter *warnsWhenDropped = nullptr;
};

// A simple Python-level iterator over a C++ producer.
class IteratorObject : public Object {
public:
    using Next = std::function<bool(Value &)>;
    explicit IteratorObject(Next n)
        : Object(ObjKind::Iterator)
        , next(std::move(n))
    {
        track();
    }
    ClassObject *cls() const override { return types::iteratorType(); }
    void clearRefs() override { next = nullptr; }
    Next next;
};

// A generator or async generator: a function body that suspends at every `yield`. The body runs
// as a chain of QCoro tasks under a small driver coroutine; `yield` parks the chain and transfers
// control to whoever resumed it (next() for generators, the awaiting coroutine of __anext__ for
// async generators), so an async generator can also park its task on a future in between.
// A suspended body is always finished by throwing into it (close, teardown), never destroyed
// while suspended.
class GeneratorObject : public Object {
public:
    enum class State : std::uint8_t { Created, Running, Suspended, Finished };
    // What the next resumption raises at the `yield` instead of returning the sent value.
    enum class Throw : std::uint8_t { None, Exception, Close, Teardown };

    GeneratorObject(Interpreter &in, Ref<FunctionObject> fn, std::shared_ptr<Frame> frame, bool isAsync);
    ~GeneratorObject() override;
    ClassObject *cls() const override;
    void clearRefs() override;

    Interpreter &interpreter;
    Ref<FunctionObject> function;
    std::shared_ptr<Frame> frame;
    bool isAsync;
    State state = State::Created;
    std::coroutine_handle<> driver; // the driver coroutine, destroyed once finished
    std::coroutine_handle<> resumePoint; // where the body continues
    std::coroutine_handle<> consumer; // resumed at the next yield (null: return to the caller)
    Value transfer; // the value yielded (out) or sent (in)
    Throw throwKind = Throw::None;
    Value thrown;
    std::exception_ptr error; // how the body ended, if it raised
    Value returnValue;
    // The consumer's interpreter state, restored when the body yields or ends.
    Frame *savedFrame = nullptr;
    int savedDepth = 0;
    std::size_t savedHandling = 0;
    std::vector<Value> handling; // exceptions the body was handling when it yielded
    // An asynchronous generator expression: its comprehension, and the iterator of its first
    // iterable (evaluated where the expression stands).
    const Expr *expression = nullptr;
    Value firstIterator;
    bool hooksInited = false; // asyncio's firstiter hook ran (or had no loop to run for)
    bool onLoop = false; // in the loop's set of async generators (Interpreter::asyncgenFirstIter)
};

enum class Flow : std::uint8_t { Normal, Break, Continue, Return };

// What suspends in a coroutine evaluator: `await` in task mode, asyncio.run() in host mode.
enum class Mode : std::uint8_t { Task, Host };

class Interpreter {
public:
    explicit Interpreter(Engine &engine);
    ~Interpreter();
    Interpreter(const Interpreter &) = delete;
    Interpreter &operator=(const Interpreter &) = delete;

    Engine &engine() { return m_engine; }
    Heap &heap() { return m_heap; }

    // Loads a parsed module: resolves scopes and reports unsupported constructs (as SyntaxError).
    void load(std::shared_ptr<Module> module);
    const Module *module() const { return m_module.get(); }
    // Runs the module body; suspends while asyncio.run() drives the loop.
    QCoro::Task<void> runModule();

    // ---- the object protocol, shared by both evaluators and the builtins ----
    Value call(const Value &callee, CallArgs &args);
    Value call(const Value &callee, std::vector<Value> args);
    Value getAttr(const Value &obj, const std::string &name);
    // getAttr/setAttr of the attribute site `site` (an Attribute node): instances of script classes
    // go through the site's cache (AttributeCache), everything else through the general protocol.
    Value loadAttribute(const Value &obj, const Expr &site);
    void storeAttribute(const Value &obj, const Expr &site, Value v);
    std::optional<Value> findAttr(const Value &obj, const std::string &name);
    std::vector<std::string> attributeNames(const Value &obj);
    void setAttr(const Value &obj, const std::string &name, Value v);
    Value getItem(const Value &obj, const Value &index);
    void setItem(const Value &obj, const Value &index, Value v);
    void delItem(const Value &obj, const Value &index);
    Value binary(BinaryOp op, const Value &a, const Value &b);
    Value unary(UnaryOperator op, const Value &a);
    Value inplace(BinaryOp op, const Value &a, const Value &b);
    bool compare(CompareOp op, const Value &a, const Value &b);
    bool equals(const Value &a, const Value &b);
    bool equalsImpl(const Value &a, const Value &b);
    bool lessThan(const Value &a, const Value &b);
    bool contains(const Value &container, const Value &item);
    bool truthy(const Value &v);
    std::int64_t length(const Value &v);
    Value iter(const Value &v);
    // Advances an iterator from iter(); false when exhausted.
    bool next(const Value &iterator, Value &out);
    std::vector<Value> toVector(const Value &iterable);
    std::string repr(const Value &v);
    std::string toStr(const Value &v);
    std::string ascii(const Value &v);
    std::string format(const Value &v, const std::string &spec);
    // printf-style `template % values`.
    Value percentFormat(const std::string &tmpl, const Value &values);
    std::string typeName(const Value &v) { return typeOf(v)->name; }
    std::string fakeAddress(Object *o);

    // ---- exceptions ----
    Value makeException(ClassObject *cls, std::vector<Value> args);
    Value makeException(ClassObject *cls, const std::string &message);
    [[noreturn]] void raise(ClassObject *cls, const std::string &message);
    [[noreturn]] void raise(Value exception);
    bool isInstance(const Value &v, ClassObject *cls) { return typeOf(v)->isSubclassOf(cls); }
    // Python-style traceback text plus the final "Type: message" line.
    std::string formatException(const Value &exception);
    std::string formatOneException(const Value &exception);
    // "Type: message" or "Type" when there is no message.
    std::string exceptionLine(const Value &exception);
    std::string exceptionMessage(const Value &exception); // str(exc)

    // ---- host of the coroutine evaluators, used by the asyncio module ----
    // The frame currently executing (innermost), for line numbers.
    Frame *currentFrame() const { return m_state.frame; }
    int currentLine() const { return m_state.frame ? m_state.frame->line : 0; }
    // Runs the body of a native coroutine in a hidden frame (for nativeCoroutine()).
    QCoro::Task<Value> runNative(std::function<QCoro::Task<Value>()> body);
    // Exchanges the execution state with `other` (a task switching in or out).
    void swapState(ExecState &other) { std::swap(m_state, other); }
    Value builtin(const std::string &name);
    Ref<ModuleObject> importModule(const std::string &name, int line);
    // Awaits an awaitable value: a coroutine runs inline, a future parks the running task.
    QCoro::Task<Value> await(Value awaitable);
    // Calls `callee` as module code does: a plain function's body runs in host mode, where the
    // call of a runsLoop native may suspend (a worker thread's time.sleep). Others: call().
    QCoro::Task<Value> callInHostMode(Value callee, CallArgs args);

    // ---- classes (classes.cpp) ----
    // Calls a user class: a new instance, initialised by __init__.
    Value instantiate(ClassObject *cls, CallArgs &args);
    // The method `name` of a user-defined class of `obj`, bound to it; nullopt if the class (or
    // one of its user-defined bases) does not define it.
    std::optional<Value> userMethod(const Value &obj, const char *name);
    // The script's own method `name` of an instance of a subclass of a builtin type (Stack(list)
    // overriding __getitem__), unless skipOverrides() asked the next protocol call to skip it.
    std::optional<Value> overridden(const Value &obj, const char *name);
    // super().__getitem__(i) and friends: the next protocol call acts as the builtin type does.
    void skipOverrides() { m_skipOverrides = true; }
    // The instance attribute or class attribute `attr` (found on `owner`) as seen through `obj`:
    // functions bind, properties run, staticmethod/classmethod unwrap.
    Value bindAttribute(const Value &attr, const Value &obj, ClassObject *owner);
    // Operator dunders of user classes; nullopt when neither side implements the operator.
    std::optional<Value> binaryDunder(BinaryOp op, const Value &a, const Value &b, bool inplace);
    std::optional<bool> compareDunder(CompareOp op, const Value &a, const Value &b);
    std::string defaultRepr(const Value &v);
    // Binds a call's arguments to fn's parameters in `frame`, with CPython's TypeErrors.
    void bindArguments(FunctionObject *fn, CallArgs &args, const Value &self, Frame &frame);

    // ---- generators (generators.cpp) ----
    // Resumes a generator: sends `sent` (or throws what was set up) and runs it to its next yield.
    // False when it ended (its return value is in returnValue).
    bool resumeGenerator(GeneratorObject &gen, const Value &sent, Value &out);
    // gen.close(): GeneratorExit at the yield; Teardown: TeardownSignal, errors swallowed.
    void closeGenerator(GeneratorObject &gen, GeneratorObject::Throw how);
    // Finishes every suspended generator (engine teardown).
    void closeGenerators();
    // An async generator dropped while suspended: `heir` holds its body; the loop closes it soon.
    void adoptGenerator(GeneratorObject *dropped, const Ref<GeneratorObject> &heir);
    // asyncio's firstiter hook: an async generator first iterated while the loop runs is the
    // loop's until it is freed; shutdown_asyncgens() closes those still alive (rule 37).
    void asyncgenFirstIter(GeneratorObject &gen);
    std::vector<Value> takeLoopAsyncgens();
    // Resumes an async generator from a coroutine (__anext__, asend, athrow, aclose): its next
    // yielded value; StopAsyncIteration when it ended. `how` says what to throw in at the yield.
    QCoro::Task<Value> resumeAsyncGenerator(Ref<GeneratorObject> gen, Value sent, GeneratorObject::Throw how);
    // The body of a generator, run under its driver coroutine.
    QCoro::Task<Value> runGeneratorBody(Ref<FunctionObject> fn, GeneratorObject *gen);
    // Advances an async iterator (`async for`, async comprehensions); false when exhausted.
    QCoro::Task<bool> asyncNext(Value iterator, Value *out);
    Value asyncIter(const Value &iterable);
    // Bookkeeping of the generator machinery (the consumer's state while a body runs).
    void generatorEnter(GeneratorObject &gen);
    void generatorLeave(GeneratorObject &gen);

    // Where the C++ stack was when the engine entered the interpreter (see checkStack()).
    void markStackBase();
    // Raises RecursionError before the C++ stack runs out (deep recursion, deep nesting). Inline:
    // every compound expression checks.
    void checkStack(const char *where = nullptr)
    {
        if (reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0)) < m_stackLimit) [[unlikely]]
            stackExhausted(where);
    }

    // Lines whose statements stop a run when they execute (the window's breakpoints): index =
    // line. breakHit() says whether one ran since clearBreakHit().
    void setBreakLines(std::vector<bool> lines) { m_breakLines = std::move(lines); }
    bool breakHit() const { return m_breakHit; }
    void clearBreakHit() { m_breakHit = false; }
    const Limits &limits() const { return m_limits; }
    void setLimits(const Limits &limits)
    {
        m_limits = limits;
        m_heap.maxItems = limits.maxSize;
        armOpsCheck();
    }
    void resetBudget()
    {
        m_ops = 0;
        armOpsCheck();
    }
    // Called every kPulseOps operations while a step runs (never inside a step that awaits
    // sooner), so a host can keep its window alive through a long step. It must not touch the
    // engine. Empty: no pulse.
    static constexpr std::uint64_t kPulseOps = 16384;
    void setPulse(std::function<void()> pulse)
    {
        m_pulse = std::move(pulse);
        armOpsCheck();
    }
    // Raises MemoryError when a container or string would hold more than limits().maxSize items.
    void checkSize(std::int64_t items);

    // A warning as Python's warnings module prints it (default filter), at the current line;
    // `extra` follows the source line.
    void warn(const std::string &category, const std::string &message, const std::string &extra = {});
    // CPython's "RuntimeWarning: coroutine 'f' was never awaited", at the line that dropped it.
    void coroutineNeverAwaited(const CoroutineObject &coro);

    // Called before each statement while setWatchStatements(true): the engine watches for the
    // moment a statement dropped the last reference to a task (Engine::logUnreachableTasks).
    std::function<void()> onStatement;
    void setWatchStatements(bool on) { m_watchStatements = on && onStatement; }

    // Output of print() goes here (the engine records it in the trace).
    std::function<void(const std::string &text)> onPrint;

private:
    friend class FrameScope;
    friend class GeneratorObject; // leaves the loop's set of async generators when freed
    friend class NestingGuard;
    struct Context;

    // plain evaluators
    Flow exec(const Stmt &s, Frame &f);
    Flow execCompound(const Stmt &s, Frame &f);
    Flow execBlock(const StmtList &body, Frame &f);
    Value eval(const Expr &e, Frame &f);
    Value evalOperation(const Expr &e, Frame &f);
    Value evalCompound(const Expr &e, Frame &f);
    Value evalCall(const Expr &e, Frame &f);
    Value generatorExpression(const Expr &e, Frame &f, const Value &iterable);
    Value asyncGeneratorExpression(const Expr &e, Frame &f, const Value &iterable);
    // coroutine evaluators (only for subtrees that can suspend in this mode)
    QCoro::Task<Flow> execAsync(const Stmt &s, Frame &f, Mode mode);
    QCoro::Task<Flow> execBlockAsync(
        const StmtList &body, Frame &f, Mode mode, const std::function<bool()> *again = nullptr);
    QCoro::Task<Value> evalAsync(const Expr &e, Frame &f, Mode mode);
    QCoro::Task<Flow> execAsyncWith(const Stmt &s, std::size_t item, Frame &f, Mode mode);
    Flow execWith(const Stmt &s, std::size_t item, Frame &f);
    void execClassDef(const Stmt &s, Frame &f);
    std::vector<Ref<CellObject>> captureClosure(const FunctionDef &def, Frame &f);
    Value makeGenerator(FunctionObject *fn, std::shared_ptr<Frame> frame);
    QCoro::Task<Value> yieldValue(Value v, Frame &f);
    QCoro::Task<Value> evalYield(const Expr &e, Frame &f, Mode mode);
    QCoro::Task<Value> evalComprehensionAsync(const Expr &e, Frame &f, Mode mode);
    QCoro::Task<Flow> execForAsync(const Stmt &s, Frame &f, Mode mode);
    bool execPlainly(const Stmt &s, Frame &f, Mode mode, Flow &flow, const StmtList *&rest);
    QCoro::Task<Value> yieldFrom(Value iterable, Frame &f);
    // After a resumption: the yielded value (true), or the end of the body: its exception raised
    // in the consumer's frame, or false with the return value kept in returnValue.
    bool finishResume(GeneratorObject &gen, Value &out);
    bool suspends(const Stmt &s, Mode mode) const { return mode == Mode::Task ? s.hasAwait : s.hasCall; }
    bool suspends(const Expr &e, Mode mode) const { return mode == Mode::Task ? e.hasAwait : e.hasCall; }

    // pieces shared by both evaluators
    Value loadName(const Expr &e, Frame &f);
    [[noreturn]] void raiseNameError(const std::string &id, Frame &f);
    void storeName(const std::string &id, Expr::Scope scope, int slot, Frame &f, Value v);
    void assign(const Expr &target, Value v, Frame &f);
    void deleteTarget(const Expr &target, Frame &f);
    Value makeFunction(const std::shared_ptr<FunctionDef> &def, Frame &f);
    Value buildFString(const Expr &e, std::vector<Value> &fieldValues);
    Value evalConstant(const Expr &e);
    Value finishCall(const Expr &e, const Value &callee, std::vector<Value> &evaluatedArgs, Frame &f);
    void collectCallArgs(const Expr &e, const std::vector<Value> &vals, CallArgs &out);
    void evalCallArgs(const Expr &e, Frame &f, CallArgs &a);
    Value callNative(NativeObject *n, const Value &self, CallArgs &a);
    bool findMethod(const Value &obj, const std::string &name, Value &method);
    // findMethod(obj, site.id) through the site's cache.
    bool findMethodAt(const Value &obj, const Expr &site, Value &method);
    bool exceptionMatches(const Value &exc, const Value &spec);
    static Value scriptErrorOf(const std::exception_ptr &p);
    const ExceptHandler *enterHandler(const Stmt &s, const Value &caught, Frame &f, std::exception_ptr &pending);
    void leaveHandler(const ExceptHandler &h, Frame &f);
    const ExceptHandler *enterStarHandler(
        const Stmt &s, std::size_t i, ExceptStar &star, Frame &f, std::exception_ptr &pending);
    std::exception_ptr finishStar(ExceptStar &star);
    Value makeRaise(const Stmt &s, const Value &exc, const Value &cause, bool hasCause, Frame &f);
    Value doImport(const Stmt &s, Frame &f);
    void bindImport(const Stmt &s, Frame &f);
    Value callFunction(FunctionObject *fn, CallArgs &args, const Value &self);
    // The call `e` of a plain function (self: the receiver of a method, or None) whose
    // parameters take its positional arguments as they are: evaluated straight into the new
    // frame's locals. Null when the call is not such a call (nothing evaluated then).
    std::optional<Value> callDirectly(const Expr &e, FunctionObject *fn, const Value &self, Frame &f);
    // Runs the body of a plain function in `frame`, bound by the caller (the recursion limit,
    // the frame made current, the traceback line of the caller on the way out).
    Value runFrame(FunctionObject *fn, Frame &frame);
    QCoro::Task<Value> callFunctionHost(FunctionObject *fn, CallArgs args, Value self);
    static FunctionObject *plainMethod(const Value &callee);
    QCoro::Task<Value> runFunctionBody(Ref<FunctionObject> fn, std::shared_ptr<Frame> frame, Mode mode);
    void addTraceback(ScriptError &e, const Frame *caller);
    void addComprehensionFrame(ScriptError &err, const Expr &e, const Frame &f);
    Value sliceValue(const Value &obj, const SliceObject &slice);
    std::string fstringFormat(const Value &v, char conversion, const std::string &spec);

    Engine &m_engine;
    Heap m_heap;
    std::shared_ptr<Module> m_module;
    Ref<DictObject> m_globals;
    Ref<DictObject> m_builtins;
    std::unordered_map<std::string, Ref<ModuleObject>> m_modules;
    ExecState m_state;
    std::uint64_t m_ops = 0;
    // The hot path compares m_ops with this one number: the budget, or the next pulse before it.
    std::uint64_t m_opsCheck = Limits {}.stepBudget;
    std::function<void()> m_pulse;
    void armOpsCheck()
    {
        m_opsCheck = m_pulse ? std::min(m_limits.stepBudget, m_ops + kPulseOps) : m_limits.stepBudget;
    }
    // m_ops passed m_opsCheck: past the budget the step ends, else the pulse runs.
    void opsCheckpoint(int line)
    {
        if (m_ops > m_limits.stepBudget)
            throw StepBudgetExceeded {line};
        armOpsCheck();
        if (m_pulse)
            m_pulse();
    }
    Limits m_limits;
    std::vector<bool> m_breakLines;
    bool m_breakHit = false;
    bool m_watchStatements = false;
    void noteLine(int line)
    {
        if (!m_breakLines.empty() && std::size_t(line) < m_breakLines.size() && m_breakLines[std::size_t(line)])
            m_breakHit = true;
        if (m_watchStatements) [[unlikely]]
            onStatement();
    }
    // What the coroutine evaluator does first for each statement that can suspend.
    void startStatement(const Stmt &s, Frame &f)
    {
        f.line = s.pos.line;
        noteLine(s.pos.line);
        if (++m_ops > m_opsCheck)
            opsCheckpoint(s.pos.line);
    }
    std::uintptr_t m_stackBase = 0; // an address, only compared (see checkStack())
    std::size_t m_stackBudget = 0;
    std::uintptr_t m_stackLimit = 0; // m_stackBase - m_stackBudget: deeper than this is too deep
    [[noreturn]] void stackExhausted(const char *where);
    std::unordered_map<const Expr *, Value> m_constants; // string constants, built once
    std::vector<GeneratorObject *> m_generators; // started and not finished (closed at teardown)
    std::vector<Ref<GeneratorObject>> m_orphans; // dropped async generators waiting for teardown
    std::vector<GeneratorObject *> m_loopAsyncgens; // the loop's _asyncgens (a weak set)
    bool m_closingGenerator = false; // an await now raises (a generator closed outside its task)
    std::vector<std::string> m_warnedAt; // the "default" warnings filter: once per message and line
    bool m_dying = false;
    bool m_skipOverrides = false;
    std::unordered_map<const Expr *, std::shared_ptr<FunctionDef>> m_genexprDefs; // names async genexprs
};

// One level of C++ recursion on behalf of the script (repr of nested lists, comparisons): it
// counts towards the recursion limit like a call, and the C++ stack is checked.
class NestingGuard {
public:
    NestingGuard(Interpreter &in, const char *where);
    ~NestingGuard();

private:
    Interpreter &m_in;
};

// Makes a frame the current one for its lifetime (line numbers, tracebacks).
class FrameScope {
public:
    FrameScope(Interpreter &in, Frame &f)
        : m_in(in)
        , m_saved(in.m_state.frame)
    {
        in.m_state.frame = &f;
    }
    ~FrameScope() { m_in.m_state.frame = m_saved; }

private:
    Interpreter &m_in;
    Frame *m_saved;
};

// Helpers for native functions.
namespace args {
// Raises TypeError unless the count of positional arguments is within [min, max].
void expect(Interpreter &in, const std::string &fn, const CallArgs &a, std::size_t min, std::size_t max);
void noKeywords(Interpreter &in, const std::string &fn, const CallArgs &a);
std::int64_t toInt(Interpreter &in, const Value &v, const std::string &what);
double toFloat(Interpreter &in, const Value &v, const std::string &what);
const std::string &toStr(Interpreter &in, const Value &v, const std::string &what);
} // namespace args

// Registers the builtin functions, the methods of builtin types and the exception classes.
void installBuiltins(Interpreter &in, DictObject &builtins);
// property, staticmethod, classmethod, super, NotImplemented, aiter/anext and the generator types.
void installClassBuiltins(Interpreter &in, DictObject &builtins);
Value notImplemented();
// A process-wide builtin class made on first use, like the other builtin types (base: object).
ClassObject *immortalClass(const char *name, ClassObject *base = nullptr);
// exc.__traceback__: traceback objects (tb_lineno, tb_next) from the catching frame inwards, or None.
Value tracebackOf(const ExceptionData &data);
// The method resolution order of a class, the class first (C3 for script classes).
std::vector<ClassObject *> mroOf(const ClassObject *c);
// The dataclasses module (dataclasses.cpp).
Ref<ModuleObject> makeDataclassesModule(Interpreter &in);
// The exception classes, process-wide like the other builtin classes.
namespace exc {
ClassObject *baseException();
ClassObject *exception();
ClassObject *baseExceptionGroup();
ClassObject *exceptionGroup();
ClassObject *byName(const std::string &name); // nullptr if unknown
ClassObject *typeError();
ClassObject *valueError();
ClassObject *keyError();
ClassObject *indexError();
ClassObject *attributeError();
ClassObject *nameError();
ClassObject *unboundLocalError();
ClassObject *zeroDivisionError();
ClassObject *runtimeError();
ClassObject *stopIteration();
ClassObject *overflowError();
ClassObject *notImplementedError();
ClassObject *assertionError();
ClassObject *recursionError();
ClassObject *timeoutError();
ClassObject *cancelledError();
ClassObject *invalidStateError();
ClassObject *queueEmpty();
ClassObject *queueFull();
ClassObject *generatorExit();
ClassObject *importError();
ClassObject *moduleNotFoundError();
ClassObject *syntaxError();
ClassObject *stopAsyncIteration();
const std::vector<ClassObject *> &all();
} // namespace exc

} // namespace loopscope::script
