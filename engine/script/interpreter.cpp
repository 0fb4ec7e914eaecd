// Statements and expressions: the plain evaluator, the coroutine evaluator, calls and frames.
#include "script/interpreter.h"
#include "script/setops.h"

#include "script/exception_groups.h"

#include "engine.h"
#include "modules.h"
#include "script/resolver.h"
#include "script/suggestions.h"
#include "script/text.h"

#include <cmath>
#include <sys/resource.h>

namespace loopscope::script {

// Python's default recursion limit.

void FunctionObject::clearRefs()
{
    attrs.reset();
    globals.reset();
    defaults.clear();
    kwDefaults.clear();
    closure.clear();
}

std::string FunctionObject::qualname() const
{
    if (attrs)
        if (const Value *v = attrs->findStr("__qualname__"); v && v->is(ObjKind::Str))
            return v->as<StrObject>()->value;
    return def->qualname;
}

CoroutineObject::~CoroutineObject()
{
    if (!started && warnsWhenDropped)
        warnsWhenDropped->coroutineNeverAwaited(*this);
}

namespace {
void startCoroutine(Interpreter &in, CoroutineObject &coro)
{
    if (coro.started)
        in.raise(exc::runtimeError(), "cannot reuse already awaited coroutine");
    coro.started = true;
}

// A bare-yield coroutine (asyncio.sleep(0)) run on its own, as a task's coroutine.
QCoro::Task<Value> yieldOnce(Engine &engine, Value result)
{
    co_await FutureAwaiter {engine, nullptr};
    co_return result;
}

// Emptied vectors of values, kept for reuse: a call's arguments and a plain function's locals take
// one instead of allocating, so a loop of calls allocates nothing for them. One list for the
// process: script code runs on one thread (worker threads are simulated, see threads.cpp). Never
// destroyed, so no interpreter outlives it.
std::vector<std::vector<Value>> &spareVectors = *new std::vector<std::vector<Value>>();

// Gives `v` a spare buffer and takes it back when its scope ends: clears it (releasing the values
// then, as its destruction would) and keeps it for the next one. (A native that keeps its
// arguments leaves an empty vector: nothing comes back.)
struct SpareVector {
    explicit SpareVector(std::vector<Value> &vector)
        : v(vector)
    {
        if (!spareVectors.empty()) {
            v.swap(spareVectors.back());
            spareVectors.pop_back();
        }
    }
    SpareVector(const SpareVector &) = delete;
    SpareVector &operator=(const SpareVector &) = delete;
    ~SpareVector()
    {
        v.clear();
        if (v.capacity() != 0 && spareVectors.size() < 64)
            spareVectors.push_back(std::move(v));
    }
    std::vector<Value> &v;
};
} // namespace

QCoro::Task<Value> CoroutineObject::run(Interpreter &in)
{
    startCoroutine(in, *this);
    if (bareYield)
        return yieldOnce(in.engine(), yieldResult);
    // The body starts now (QCoro tasks start eagerly) and keeps its own copy of what it needs.
    return body();
}

bool CoroutineObject::startBareYield(Interpreter &in)
{
    if (!bareYield)
        return false;
    startCoroutine(in, *this);
    return true;
}

Interpreter::Interpreter(Engine &engine)
    : m_engine(engine)
{
    HeapScope scope(m_heap);
    m_heap.maxItems = m_limits.maxSize;
    m_builtins = make<DictObject>();
    installBuiltins(*this, *m_builtins);
    installClassBuiltins(*this, *m_builtins);
    m_globals = make<DictObject>();
    m_globals->set(str("__name__"), str("__main__"));
}

Interpreter::~Interpreter()
{
    m_dying = true;
    HeapScope scope(m_heap);
    closeGenerators();
    m_state = ExecState {};
    m_constants.clear();
    m_modules.clear();
    m_globals.reset();
    m_builtins.reset();
    m_heap.clearAll();
}

void Interpreter::markStackBase()
{
    // Only the address is kept, as a reference point for checkStack(); it is never dereferenced.
    char here;
    m_stackBase = reinterpret_cast<std::uintptr_t>(&here);
    if (!m_stackBudget) {
        // Use three quarters of the thread's stack limit (8 MB by default), at most 256 MB.
        rlimit limit {};
        std::size_t size = 8u << 20;
        if (getrlimit(RLIMIT_STACK, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
            size = std::size_t(limit.rlim_cur);
        m_stackBudget = std::min<std::size_t>(size, 256u << 20) / 4 * 3;
    }
    m_stackLimit = m_stackBase > m_stackBudget ? m_stackBase - m_stackBudget : 0;
}

void Interpreter::stackExhausted(const char *where)
{
    raise(exc::recursionError(),
        std::string("maximum recursion depth exceeded") + (where ? std::string(" ") + where : ""));
}

void Interpreter::checkSize(std::int64_t items)
{
    if (items > m_limits.maxSize)
        raise(makeException(exc::byName("MemoryError"), std::vector<Value> {}));
}

NestingGuard::NestingGuard(Interpreter &in, const char *where)
    : m_in(in)
{
    if (in.m_state.depth >= in.m_limits.maxDepth)
        in.raise(exc::recursionError(), std::string("maximum recursion depth exceeded ") + where);
    in.checkStack(where);
    ++in.m_state.depth;
}

NestingGuard::~NestingGuard()
{
    --m_in.m_state.depth;
}

void Interpreter::load(std::shared_ptr<Module> module)
{
    resolveModule(*module);
    m_module = std::move(module);
    if (!m_module->docstring.empty())
        m_globals->set(str("__doc__"), str(m_module->docstring));
    m_globals->set(str("__file__"), str(m_module->fileName));
}

QCoro::Task<void> Interpreter::runModule()
{
    auto module = m_module;
    Frame frame;
    frame.name = "<module>";
    frame.globals = m_globals;
    FrameScope scope(*this, frame);
    ++m_state.depth; // the module's frame counts towards the recursion limit, as in CPython
    co_await execBlockAsync(module->body, frame, Mode::Host);
    --m_state.depth;
}

// ---- exceptions -------------------------------------------------------------------------------

Value Interpreter::makeException(ClassObject *cls, std::vector<Value> a)
{
    auto inst = make<InstanceObject>(Ref<ClassObject>(cls));
    inst->exception = std::make_unique<ExceptionData>();
    inst->exception->args = std::move(a);
    return Value(inst);
}

Value Interpreter::makeException(ClassObject *cls, const std::string &message)
{
    return makeException(cls, std::vector<Value> {str(message)});
}

// Python's warnings module with the "default" filter: FILE:LINE: Category: message and the
// source line, once per message and line. Stderr only; the trace records a Warning event.
void Interpreter::warn(const std::string &category, const std::string &message, const std::string &extra)
{
    if (m_dying)
        return;
    const int line = currentLine();
    const bool inScript = m_module && line >= 1 && std::size_t(line) <= m_module->lines.size();
    std::string text = (inScript ? m_module->fileName + ":" + std::to_string(line) : std::string("sys:1")) + ": "
        + category + ": " + message + "\n";
    if (std::find(m_warnedAt.begin(), m_warnedAt.end(), text) != m_warnedAt.end())
        return;
    m_warnedAt.push_back(text);
    if (inScript) {
        auto source = text::strip(m_module->lines[std::size_t(line) - 1]);
        if (!source.empty())
            text += "  " + source + "\n";
    }
    m_engine.warn(text + extra);
}

void Interpreter::coroutineNeverAwaited(const CoroutineObject &coro)
{
    warn("RuntimeWarning", "coroutine '" + coro.name + "' was never awaited",
        "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
}

void Interpreter::raise(ClassObject *cls, const std::string &message)
{
    raise(makeException(cls, message));
}

// Tracebacks are built as CPython builds them: the frame that raises adds its line, and every
// frame the exception then leaves adds the line of the call it is in (addTraceback). A bare
// `raise` re-raises without adding anything.
void Interpreter::raise(Value exception)
{
    auto *inst = exception.as<InstanceObject>();
    if (inst && inst->exception) {
        if (inst->exception->context.isNone() && !m_state.handling.empty()
            && !m_state.handling.back().identical(exception))
            inst->exception->context = m_state.handling.back();
        if (m_state.frame && !m_state.frame->hidden)
            inst->exception->traceback.push_back({std::string(m_state.frame->name), m_state.frame->line});
    }
    throw ScriptError {std::move(exception)};
}

// CPython 3.11 runs a list, set or dict comprehension as a function of its own (3.12 inlines it,
// PEP 709): its tracebacks show a <listcomp> frame at the comprehension's line.
void Interpreter::addComprehensionFrame(ScriptError &err, const Expr &e, const Frame &f)
{
    if (m_engine.profile() != Profile::Py311 || f.hidden || e.kind == ExprKind::GeneratorExp)
        return;
    const char *name = e.kind == ExprKind::ListComp ? "<listcomp>"
        : e.kind == ExprKind::SetComp               ? "<setcomp>"
                                                    : "<dictcomp>";
    if (auto *inst = err.exception.as<InstanceObject>(); inst && inst->exception) {
        // The enclosing frame's line is already there (added where the exception left the call
        // or the raise): the comprehension's frame goes just inside it.
        auto &tb = inst->exception->traceback;
        if (!tb.empty() && tb.back().function == f.name)
            tb.insert(tb.end() - 1, {name, tb.back().line});
        else
            tb.push_back({name, f.line});
    }
}

void Interpreter::addTraceback(ScriptError &e, const Frame *caller)
{
    if (!caller || caller->hidden)
        return; // a task's outermost coroutine (the task boundary), or called by a native coroutine
    if (auto *inst = e.exception.as<InstanceObject>(); inst && inst->exception)
        inst->exception->traceback.push_back({std::string(caller->name), caller->line});
}

// The native coroutine sits between the frame awaiting it and the script functions it awaits in
// turn, as asyncio's Python frames do in CPython: an exception leaving such a function adds no
// line (the hidden frame is its caller), and one leaving the native adds the awaiting frame's line.
// So `await wait_for(slow(), 1)` reports the CancelledError in slow() alone and the TimeoutError
// at the await, as CPython does.
QCoro::Task<Value> Interpreter::runNative(std::function<QCoro::Task<Value>()> body)
{
    Frame *awaiter = m_state.frame;
    Frame hidden;
    hidden.hidden = true;
    if (awaiter) {
        hidden.name = awaiter->name;
        hidden.line = awaiter->line; // what the native creates (tasks, timers) is at the await's line
    }
    FrameScope scope(*this, hidden);
    try {
        Value result = co_await body();
        co_return result;
    } catch (ScriptError &e) {
        addTraceback(e, awaiter);
        throw;
    }
}

std::string Interpreter::exceptionMessage(const Value &exception)
{
    auto *inst = exception.as<InstanceObject>();
    if (!inst || !inst->exception)
        return toStr(exception);
    if (auto m = userMethod(exception, "__str__")) {
        Value r = call(*m, std::vector<Value> {});
        if (!r.is(ObjKind::Str))
            raise(exc::typeError(), "__str__ returned non-string (type " + typeName(r) + ")");
        return r.as<StrObject>()->value;
    }
    if (isExceptionGroup(exception))
        return groupMessage(*this, exception);
    auto &args = inst->exception->args;
    if (args.empty())
        return "";
    if (inst->klass->isSubclassOf(exc::keyError()) && args.size() == 1)
        return repr(args[0]); // KeyError shows repr of its key
    if (args.size() == 1)
        return toStr(args[0]);
    return repr(tuple(args));
}

std::string Interpreter::exceptionLine(const Value &exception)
{
    std::string msg = exceptionMessage(exception);
    std::string name = typeName(exception);
    return msg.empty() ? name : name + ": " + msg;
}

// The whole report, as CPython prints it: the chain of causes and contexts first (oldest first,
// each exception once even if the chain loops), then this exception; groups in box art.
std::string Interpreter::formatException(const Value &exception)
{
    return formatExceptionTree(*this, exception);
}

// One exception's traceback and its "Type: message" line.
std::string Interpreter::formatOneException(const Value &exception)
{
    std::string out;
    auto *inst = exception.as<InstanceObject>();
    if (inst && inst->exception) {
        auto &data = *inst->exception;
        if (!data.traceback.empty()) {
            out += "Traceback (most recent call last):\n";
            // As CPython: the same entry more than three times in a row is summarised.
            const TracebackEntry *last = nullptr;
            int repeats = 0;
            auto flushRepeats = [&] {
                if (repeats > 3)
                    out += "  [Previous line repeated " + std::to_string(repeats - 3) + " more time"
                        + (repeats - 3 == 1 ? "" : "s") + "]\n";
            };
            for (auto it = data.traceback.rbegin(); it != data.traceback.rend(); ++it) {
                if (last && last->line == it->line && last->function == it->function) {
                    if (++repeats > 3)
                        continue;
                } else {
                    flushRepeats();
                    repeats = 1;
                }
                last = &*it;
                out += "  File \"" + (m_module ? m_module->fileName : std::string("<script>")) + "\", line "
                    + std::to_string(it->line) + ", in " + it->function + "\n";
                if (m_module && it->line >= 1 && std::size_t(it->line) <= m_module->lines.size()) {
                    auto l = text::strip(m_module->lines[std::size_t(it->line) - 1]);
                    if (!l.empty())
                        out += "    " + l + "\n";
                }
            }
            flushRepeats();
        }
    }
    std::string line;
    try {
        line = exceptionLine(exception);
    } catch (const ScriptError &) {
        line = typeName(exception) + ": <exception str() failed>"; // as CPython's traceback module
    }
    // CPython's printer names the class's module first unless it is builtins or __main__.
    const ClassObject *c = typeOf(exception);
    if (c->builtin && c->module != "builtins" && c->module != "__main__")
        line = c->module + "." + line;
    out += line;
    if (inst && inst->exception)
        out += inst->exception->hint;
    return out + "\n";
}

bool Interpreter::exceptionMatches(const Value &e, const Value &spec)
{
    if (spec.is(ObjKind::Class))
        return isInstance(e, spec.as<ClassObject>());
    if (spec.is(ObjKind::Tuple)) {
        for (auto &s : spec.as<TupleObject>()->items)
            if (exceptionMatches(e, s))
                return true;
        return false;
    }
    raise(exc::typeError(), "catching classes that do not inherit from BaseException is not allowed");
}

Value Interpreter::makeRaise(const Stmt &s, const Value &excValue, const Value &cause, bool hasCause, Frame &)
{
    (void)s;
    Value e = excValue;
    if (e.is(ObjKind::Class) && e.as<ClassObject>()->isException)
        e = call(e, std::vector<Value> {});
    if (!e.is(ObjKind::Instance) || !e.as<InstanceObject>()->exception)
        raise(exc::typeError(), "exceptions must derive from BaseException");
    if (hasCause) {
        Value c = cause;
        if (c.is(ObjKind::Class) && c.as<ClassObject>()->isException)
            c = call(c, std::vector<Value> {});
        if (!c.isNone() && !(c.is(ObjKind::Instance) && c.as<InstanceObject>()->exception))
            raise(exc::typeError(), "exception causes must derive from BaseException");
        e.as<InstanceObject>()->exception->cause = c;
        e.as<InstanceObject>()->exception->suppressContext = true;
    }
    return e;
}

// ---- names ------------------------------------------------------------------------------------

namespace {
// Where a global (or builtin) name was last found, for the Name node `site`: the index of its entry
// in the dict. A hint only, checked against the entry's key (a dict's keys are unique), so it is
// never wrong and, when right, saves hashing and probing. Direct-mapped by the node's address.
struct NameHint {
    const Expr *site = nullptr;
    std::size_t index = 0;
};
NameHint globalHints[256], builtinHints[256];

const Value *findName(const DictObject &dict, const Expr &site, NameHint *hints)
{
    NameHint &hint = hints[(reinterpret_cast<std::uintptr_t>(&site) * 0x9E3779B97F4A7C15ull) >> 56];
    const auto &entries = dict.entries();
    if (hint.site == &site && hint.index < entries.size()) {
        const DictObject::Entry &entry = entries[hint.index];
        if (entry.live && entry.key.is(ObjKind::Str) && entry.key.as<StrObject>()->value == site.id)
            return &entry.value;
    }
    const Value *v = dict.findStr(site.id);
    if (v) {
        hint.site = &site;
        hint.index = std::size_t(reinterpret_cast<const char *>(v) - reinterpret_cast<const char *>(&entries[0].value))
            / sizeof(DictObject::Entry);
    }
    return v;
}
} // namespace

Value Interpreter::loadName(const Expr &e, Frame &f)
{
    switch (e.scope) {
    case Expr::Scope::Local: {
        const Value &v = f.locals[std::size_t(e.slot)];
        if (v.isUnbound())
            raise(exc::unboundLocalError(),
                "cannot access local variable '" + e.id + "' where it is not associated with a value");
        return v;
    }
    case Expr::Scope::Cell:
    case Expr::Scope::Free: {
        auto &cell = f.cells[std::size_t(e.slot)];
        if (!cell->bound) {
            if (e.scope == Expr::Scope::Free)
                raise(exc::nameError(),
                    "cannot access free variable '" + e.id
                        + "' where it is not associated with a value in enclosing scope");
            raise(exc::unboundLocalError(),
                "cannot access local variable '" + e.id + "' where it is not associated with a value");
        }
        return cell->value;
    }
    case Expr::Scope::ClassLocal:
        if (const Value *v = f.classNamespace->findStr(e.id))
            return *v;
        [[fallthrough]];
    default: {
        if (const Value *v = findName(*f.globals, e, globalHints))
            return *v;
        if (const Value *v = findName(*m_builtins, e, builtinHints))
            return *v;
        raiseNameError(e.id, f);
    }
    }
}

// NameError with CPython's hint: the closest bound local, global or builtin, or a reminder to
// import a standard module (3.12).
void Interpreter::raiseNameError(const std::string &id, Frame &f)
{
    std::vector<std::string> candidates;
    if (f.def) {
        for (std::size_t i = 0; i < f.def->localNames.size(); ++i)
            if (!f.locals[i].isUnbound() && f.def->localNames[i].find('@') == std::string::npos)
                candidates.push_back(f.def->localNames[i]);
    }
    for (auto *dict : {f.globals.get(), m_builtins.get()})
        for (auto &entry : dict->entries())
            if (entry.live && entry.key.is(ObjKind::Str)
                && entry.key.as<StrObject>()->value.find('@') == std::string::npos)
                candidates.push_back(entry.key.as<StrObject>()->value);
    Value e = makeException(exc::nameError(), "name '" + id + "' is not defined");
    std::string suggestion = closestName(id, candidates);
    if (m_engine.profile() == Profile::Py312 && f.def) {
        // 3.12: in a method, an attribute of `self` with that name comes first
        auto &names = f.def->localNames;
        auto self = std::find(names.begin(), names.end(), "self");
        if (self != names.end()) {
            const Value &v = f.locals[std::size_t(self - names.begin())];
            if (!v.isUnbound() && findAttr(v, id))
                suggestion = "self." + id;
        }
    }
    std::string &hint = e.as<InstanceObject>()->exception->hint;
    if (!suggestion.empty())
        hint = ". Did you mean: '" + suggestion + "'?";
    if (m_engine.profile() == Profile::Py312 && isStdlibModuleName(id))
        hint += suggestion.empty() ? ". Did you forget to import '" + id + "'?"
                                   : " Or did you forget to import '" + id + "'?";
    raise(e);
}

void Interpreter::storeName(const std::string &id, Expr::Scope scope, int slot, Frame &f, Value v)
{
    if (v.is(ObjKind::Other))
        v.obj()->adoptName(id);
    switch (scope) {
    case Expr::Scope::Local: f.locals[std::size_t(slot)] = std::move(v); return;
    case Expr::Scope::Cell:
    case Expr::Scope::Free: {
        auto &cell = f.cells[std::size_t(slot)];
        cell->value = std::move(v);
        cell->bound = true;
        return;
    }
    case Expr::Scope::ClassLocal: f.classNamespace->set(str(id), std::move(v)); return;
    default: f.globals->set(str(id), std::move(v)); return;
    }
}

void Interpreter::assign(const Expr &target, Value v, Frame &f)
{
    switch (target.kind) {
    case ExprKind::Name: storeName(target.id, target.scope, target.slot, f, std::move(v)); return;
    case ExprKind::Attribute: storeAttribute(eval(*target.left, f), target, std::move(v)); return;
    case ExprKind::Subscript: {
        Value obj = eval(*target.left, f);
        Value index = eval(*target.right, f);
        setItem(obj, index, std::move(v));
        return;
    }
    case ExprKind::Tuple:
    case ExprKind::List: {
        if (!v.isObj()
            || (!v.is(ObjKind::List) && !v.is(ObjKind::Tuple) && !v.is(ObjKind::Str) && !v.is(ObjKind::Dict)
                && !v.is(ObjKind::Range) && !v.is(ObjKind::Iterator) && !v.is(ObjKind::DictView)
                && !findAttr(v, "__iter__")))
            raise(exc::typeError(), "cannot unpack non-iterable " + typeName(v) + " object");
        std::vector<Value> items = toVector(v);
        std::size_t n = target.elements.size();
        std::size_t star = n;
        for (std::size_t i = 0; i < n; ++i)
            if (target.elements[i]->kind == ExprKind::Starred)
                star = i;
        if (star == n) {
            if (items.size() > n)
                raise(exc::valueError(), "too many values to unpack (expected " + std::to_string(n) + ")");
            if (items.size() < n)
                raise(exc::valueError(),
                    "not enough values to unpack (expected " + std::to_string(n) + ", got "
                        + std::to_string(items.size()) + ")");
            for (std::size_t i = 0; i < n; ++i)
                assign(*target.elements[i], std::move(items[i]), f);
            return;
        }
        if (items.size() < n - 1)
            raise(exc::valueError(),
                "not enough values to unpack (expected at least " + std::to_string(n - 1) + ", got "
                    + std::to_string(items.size()) + ")");
        std::size_t after = n - star - 1;
        for (std::size_t i = 0; i < star; ++i)
            assign(*target.elements[i], items[i], f);
        std::vector<Value> rest(items.begin() + std::ptrdiff_t(star), items.end() - std::ptrdiff_t(after));
        assign(*target.elements[star]->left, list(std::move(rest)), f);
        for (std::size_t i = 0; i < after; ++i)
            assign(*target.elements[star + 1 + i], items[items.size() - after + i], f);
        return;
    }
    case ExprKind::Starred: raise(exc::syntaxError(), "starred assignment target must be in a list or tuple");
    default: raise(exc::syntaxError(), "cannot assign to expression");
    }
}

void Interpreter::deleteTarget(const Expr &target, Frame &f)
{
    switch (target.kind) {
    case ExprKind::Name:
        if (target.scope == Expr::Scope::Local) {
            if (f.locals[std::size_t(target.slot)].isUnbound())
                raise(exc::unboundLocalError(),
                    "cannot access local variable '" + target.id + "' where it is not associated with a value");
            f.locals[std::size_t(target.slot)] = Value::unbound();
        } else if (target.scope == Expr::Scope::Global || target.scope == Expr::Scope::ClassLocal) {
            auto &dict = target.scope == Expr::Scope::Global ? f.globals : f.classNamespace;
            if (!dict->remove(str(target.id)))
                raise(exc::nameError(), "name '" + target.id + "' is not defined");
        } else {
            f.cells[std::size_t(target.slot)]->bound = false;
        }
        return;
    case ExprKind::Subscript: delItem(eval(*target.left, f), eval(*target.right, f)); return;
    case ExprKind::Attribute: {
        Value obj = eval(*target.left, f);
        f.line = target.pos.line;
        if (auto hook = userMethod(obj, "__delattr__")) {
            call(*hook, std::vector<Value> {str(target.id)});
            return;
        }
        auto *attrs = obj.is(ObjKind::Instance)                         ? obj.as<InstanceObject>()->attrs.get()
            : obj.is(ObjKind::Class) && !obj.as<ClassObject>()->builtin ? obj.as<ClassObject>()->dict.get()
            : obj.isObj() && obj.obj()->m_subclassed                    ? subclassData(obj.obj())->attrs.get()
                                                                        : nullptr;
        if (!attrs || !attrs->remove(str(target.id))) {
            if (obj.is(ObjKind::Class))
                raise(exc::attributeError(),
                    "type object '" + obj.as<ClassObject>()->name + "' has no attribute '" + target.id + "'");
            raise(exc::attributeError(), "'" + typeName(obj) + "' object has no attribute '" + target.id + "'");
        }
        return;
    }
    case ExprKind::Tuple:
    case ExprKind::List:
        for (auto &e : target.elements)
            deleteTarget(*e, f);
        return;
    default: raise(exc::syntaxError(), "cannot delete expression");
    }
}

// ---- functions --------------------------------------------------------------------------------

Value Interpreter::makeFunction(const std::shared_ptr<FunctionDef> &def, Frame &f)
{
    auto fn = make<FunctionObject>();
    fn->def = def;
    fn->module = m_module;
    fn->globals = f.globals;
    for (auto &p : def->positional)
        if (p.defaultValue)
            fn->defaults.push_back(eval(*p.defaultValue, f));
    for (auto &p : def->kwonly)
        fn->kwDefaults.push_back(p.defaultValue ? std::optional<Value>(eval(*p.defaultValue, f)) : std::nullopt);
    fn->closure = captureClosure(*def, f);
    return Value(fn);
}

// The cells of the enclosing frame `f` that a new function (or class body) reads.
std::vector<Ref<CellObject>> Interpreter::captureClosure(const FunctionDef &def, Frame &f)
{
    std::vector<Ref<CellObject>> closure;
    for (auto &name : def.freeNames) {
        Ref<CellObject> cell;
        if (f.def) {
            auto &cells = f.def->cellNames;
            auto &frees = f.def->freeNames;
            if (auto it = std::find(cells.begin(), cells.end(), name); it != cells.end())
                cell = f.cells[std::size_t(it - cells.begin())];
            else if (auto jt = std::find(frees.begin(), frees.end(), name); jt != frees.end())
                cell = f.cells[cells.size() + std::size_t(jt - frees.begin())];
        }
        closure.push_back(cell ? cell : make<CellObject>());
    }
    return closure;
}

namespace {
// Whether a call of `fn` with `given` positional arguments (self included) and no keywords binds
// them as they are: positional parameters, enough arguments and not too many, no cells (the
// common call). Then the locals are built in one pass: the arguments, finishLocals().
[[gnu::always_inline]] inline bool bindsPlainly(const FunctionObject &fn, std::size_t given)
{
    const FunctionDef &def = *fn.def;
    if (!def.varargs.empty() || !def.kwargs.empty() || !def.kwonly.empty() || !def.cellNames.empty())
        return false;
    const std::size_t npos = def.positional.size();
    return given <= npos && given >= npos - fn.defaults.size();
}

// After the arguments of a call that binds plainly: the defaults of the parameters left, then the
// other variables unbound.
[[gnu::always_inline]] inline void finishLocals(const FunctionObject &fn, std::vector<Value> &locals)
{
    const FunctionDef &def = *fn.def;
    const std::size_t firstDefault = def.positional.size() - fn.defaults.size();
    for (std::size_t i = locals.size(); i < def.positional.size(); ++i)
        locals.push_back(fn.defaults[i - firstDefault]);
    while (locals.size() < def.localNames.size())
        locals.push_back(Value::unbound());
}

// Makes room for a frame's locals in one go (a spare vector mostly has room already).
[[gnu::always_inline]] inline void reserveLocals(const FunctionDef &def, std::vector<Value> &locals)
{
    if (locals.capacity() < def.localNames.size())
        locals.reserve(def.localNames.size());
}

// The common call of bindArguments, without its checks. False, with `locals` (empty) untouched,
// for any other call.
bool bindPositional(const FunctionObject &fn, const CallArgs &a, const Value &self, std::vector<Value> &locals)
{
    if (!a.kwargs.empty() || !bindsPlainly(fn, a.args.size() + (self.isNone() ? 0 : 1)))
        return false;
    reserveLocals(*fn.def, locals);
    if (!self.isNone())
        locals.push_back(self);
    for (const Value &v : a.args)
        locals.push_back(v);
    finishLocals(fn, locals);
    return true;
}

// A running function's frame lets go of its cells first, then of its locals, as when the frame
// itself is destroyed (the locals go back to the spare vectors first).
struct CellsGo {
    Frame &f;
    ~CellsGo() { f.cells.clear(); }
};

// The value of the local variable `e` reads, when it is one and bound, else null: the commonest
// argument, read without a call of eval().
inline const Value *boundLocal(const Expr &e, const Frame &f)
{
    if (e.kind != ExprKind::Name || e.scope != Expr::Scope::Local)
        return nullptr;
    const Value &v = f.locals[std::size_t(e.slot)];
    return v.isUnbound() ? nullptr : &v;
}
} // namespace

void Interpreter::bindArguments(FunctionObject *fn, CallArgs &a, const Value &self, Frame &frame)
{
    const FunctionDef &def = *fn->def;
    frame.def = &def;
    frame.name = def.name;
    frame.globals = fn->globals;
    frame.locals.clear();
    if (bindPositional(*fn, a, self, frame.locals)) {
        if (!fn->closure.empty()) // (copying even an empty vector is a call)
            frame.cells = fn->closure;
        return;
    }
    frame.locals.assign(def.localNames.size(), Value::unbound());
    const std::size_t npos = def.positional.size();
    std::size_t given = 0;
    // Fills the next positional parameter; false once they are all taken (extra arguments).
    auto place = [&](Value v) {
        if (given >= npos)
            return false;
        frame.locals[given++] = std::move(v);
        return true;
    };
    std::vector<Value> extra;
    if (!self.isNone()) {
        if (!place(self))
            extra.push_back(self);
    }
    for (auto &v : a.args)
        if (!place(v))
            extra.push_back(v);
    std::size_t varargsSlot = npos;
    if (!def.varargs.empty()) {
        frame.locals[varargsSlot] = tuple(std::move(extra));
    } else if (!extra.empty()) {
        std::size_t total = given + extra.size();
        std::size_t required = npos - fn->defaults.size();
        std::string takes = required == npos ? std::to_string(npos)
                                             : "from " + std::to_string(required) + " to " + std::to_string(npos);
        std::size_t kwonlyGiven = 0;
        for (auto &kw : a.kwargs)
            for (auto &p : def.kwonly)
                kwonlyGiven += p.name == kw.first;
        std::string kwonlyNote = kwonlyGiven == 0 ? std::string()
                                                  : std::string(" positional argument") + (total != 1 ? "s" : "")
                + " (and " + std::to_string(kwonlyGiven) + " keyword-only argument" + (kwonlyGiven != 1 ? "s" : "")
                + ")";
        raise(exc::typeError(),
            def.qualname + "() takes " + takes + " positional argument" + (npos == 1 && required == npos ? "" : "s")
                + " but " + std::to_string(total) + kwonlyNote + (total == 1 && !kwonlyGiven ? " was" : " were")
                + " given");
    }
    std::size_t kwonlyBase = npos + (def.varargs.empty() ? 0 : 1);
    Ref<DictObject> kwargsDict;
    if (!def.kwargs.empty())
        kwargsDict = make<DictObject>();
    for (auto &[name, value] : a.kwargs) {
        bool matched = false;
        for (std::size_t i = std::size_t(def.positionalOnlyCount); i < npos; ++i) {
            if (def.positional[i].name == name) {
                if (!frame.locals[i].isUnbound())
                    raise(exc::typeError(), def.qualname + "() got multiple values for argument '" + name + "'");
                frame.locals[i] = value;
                matched = true;
                break;
            }
        }
        for (std::size_t i = 0; !matched && i < def.kwonly.size(); ++i) {
            if (def.kwonly[i].name == name) {
                frame.locals[kwonlyBase + i] = value;
                matched = true;
            }
        }
        if (!matched) {
            if (!kwargsDict)
                raise(exc::typeError(), def.qualname + "() got an unexpected keyword argument '" + name + "'");
            kwargsDict->set(str(name), value);
        }
    }
    // Defaults and missing arguments.
    std::size_t firstDefault = npos - fn->defaults.size();
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < npos; ++i) {
        if (!frame.locals[i].isUnbound())
            continue;
        if (i >= firstDefault)
            frame.locals[i] = fn->defaults[i - firstDefault];
        else
            missing.push_back(def.positional[i].name);
    }
    if (!missing.empty()) {
        std::string names;
        for (std::size_t i = 0; i < missing.size(); ++i) {
            if (i)
                names += missing.size() == 2 ? " and " : (i + 1 == missing.size() ? ", and " : ", ");
            names += "'" + missing[i] + "'";
        }
        raise(exc::typeError(),
            def.qualname + "() missing " + std::to_string(missing.size()) + " required positional argument"
                + (missing.size() == 1 ? "" : "s") + ": " + names);
    }
    for (std::size_t i = 0; i < def.kwonly.size(); ++i) {
        auto &slot = frame.locals[kwonlyBase + i];
        if (!slot.isUnbound())
            continue;
        if (fn->kwDefaults[i])
            slot = *fn->kwDefaults[i];
        else
            raise(exc::typeError(),
                def.qualname + "() missing 1 required keyword-only argument: '" + def.kwonly[i].name + "'");
    }
    if (kwargsDict)
        frame.locals[kwonlyBase + def.kwonly.size()] = Value(kwargsDict);
    // Cells: captured locals live in cells; parameters among them start with their value.
    frame.cells.clear();
    for (auto &name : def.cellNames) {
        auto cell = make<CellObject>();
        auto it = std::find(def.localNames.begin(), def.localNames.end(), name);
        if (it != def.localNames.end()) {
            auto &v = frame.locals[std::size_t(it - def.localNames.begin())];
            if (!v.isUnbound()) {
                cell->value = v;
                cell->bound = true;
            }
        }
        frame.cells.push_back(cell);
    }
    for (auto &c : fn->closure)
        frame.cells.push_back(c);
}

Value Interpreter::callFunction(FunctionObject *fn, CallArgs &a, const Value &self)
{
    Ref<FunctionObject> keep(fn);
    if (fn->def->isGenerator) {
        auto frame = std::make_shared<Frame>();
        bindArguments(fn, a, self, *frame);
        return makeGenerator(fn, std::move(frame));
    }
    if (fn->def->isAsync) {
        auto frame = std::make_shared<Frame>();
        bindArguments(fn, a, self, *frame);
        int line = currentLine();
        auto coro = make<CoroutineObject>(
            fn->qualname(), [this, keep, frame]() { return runFunctionBody(keep, frame, Mode::Task); }, line);
        coro->warnsWhenDropped = this;
        coro->defLine = fn->def->pos.line;
        coro->frame = frame;
        return Value(coro);
    }
    if (m_state.depth >= m_limits.maxDepth)
        raise(exc::recursionError(), "maximum recursion depth exceeded");
    checkStack();
    Frame frame;
    SpareVector locals(frame.locals);
    CellsGo cellsGo {frame};
    bindArguments(fn, a, self, frame);
    return runFrame(fn, frame);
}

std::optional<Value> Interpreter::callDirectly(const Expr &e, FunctionObject *fn, const Value &self, Frame &f)
{
    const FunctionDef &def = *fn->def;
    if (def.isAsync || def.isGenerator || !e.keywords.empty()
        || !bindsPlainly(*fn, e.args.size() + (self.isNone() ? 0 : 1)))
        return std::nullopt;
    for (auto &x : e.args)
        if (x->kind == ExprKind::Starred)
            return std::nullopt;
    Ref<FunctionObject> keep(fn);
    Frame frame;
    SpareVector locals(frame.locals);
    CellsGo cellsGo {frame};
    reserveLocals(def, frame.locals);
    if (!self.isNone())
        frame.locals.push_back(self);
    for (auto &x : e.args) {
        if (const Value *v = boundLocal(*x, f))
            frame.locals.push_back(*v);
        else
            frame.locals.push_back(eval(*x, f));
    }
    f.line = e.pos.line; // tracebacks name the line of the call, as CPython's locations do
    // (what callFunction does from here, with the arguments bound already)
    if (m_state.depth >= m_limits.maxDepth)
        raise(exc::recursionError(), "maximum recursion depth exceeded");
    checkStack();
    finishLocals(*fn, frame.locals);
    frame.def = &def;
    frame.name = def.name;
    frame.globals = fn->globals;
    if (!fn->closure.empty())
        frame.cells = fn->closure;
    return runFrame(fn, frame);
}

Value Interpreter::runFrame(FunctionObject *fn, Frame &frame)
{
    frame.line = fn->def->pos.line;
    Frame *caller = m_state.frame;
    FrameScope scope(*this, frame);
    ++m_state.depth;
    try {
        Flow flow = execBlock(fn->def->body, frame);
        --m_state.depth;
        return flow == Flow::Return ? std::move(frame.returnValue) : Value();
    } catch (ScriptError &e) {
        --m_state.depth;
        addTraceback(e, caller);
        throw;
    } catch (...) {
        --m_state.depth;
        throw;
    }
}

QCoro::Task<Value> Interpreter::callFunctionHost(FunctionObject *fn, CallArgs a, Value self)
{
    Ref<FunctionObject> keep(fn);
    if (fn->def->isAsync || fn->def->isGenerator)
        co_return callFunction(fn, a, self);
    auto frame = std::make_shared<Frame>();
    bindArguments(fn, a, self, *frame);
    co_return co_await runFunctionBody(keep, frame, Mode::Host);
}

QCoro::Task<Value> Interpreter::callInHostMode(Value callee, CallArgs a)
{
    if (callee.is(ObjKind::Function) && !callee.as<FunctionObject>()->def->isAsync) {
        Value noSelf;
        Value result = co_await callFunctionHost(callee.as<FunctionObject>(), std::move(a), noSelf);
        co_return result;
    }
    if (FunctionObject *method = plainMethod(callee)) {
        Value self = callee.as<BoundMethodObject>()->self;
        Value result = co_await callFunctionHost(method, std::move(a), self);
        co_return result;
    }
    co_return call(callee, a);
}

// A bound method whose function is a plain (not async, not generator) script function: host
// mode runs its body too, so a method may call asyncio.run (App().run()) or time.sleep in a
// worker thread.
FunctionObject *Interpreter::plainMethod(const Value &callee)
{
    if (!callee.is(ObjKind::BoundMethod))
        return nullptr;
    const Value &fn = callee.as<BoundMethodObject>()->function;
    if (!fn.is(ObjKind::Function) || fn.as<FunctionObject>()->def->isAsync || fn.as<FunctionObject>()->def->isGenerator)
        return nullptr;
    return fn.as<FunctionObject>();
}

QCoro::Task<Value> Interpreter::runFunctionBody(Ref<FunctionObject> fn, std::shared_ptr<Frame> frame, Mode mode)
{
    if (m_state.depth >= m_limits.maxDepth)
        raise(exc::recursionError(), "maximum recursion depth exceeded");
    checkStack();
    frame->line = fn->def->pos.line;
    Frame *caller = m_state.frame;
    FrameScope scope(*this, *frame);
    ++m_state.depth;
    struct DepthGuard {
        Interpreter &in;
        ~DepthGuard() { --in.m_state.depth; }
    } guard {*this};
    try {
        Flow flow = co_await execBlockAsync(fn->def->body, *frame, mode);
        Value result = flow == Flow::Return ? std::move(frame->returnValue) : Value();
        // A returning frame lets go of its variables at once, as CPython clears it: whatever
        // they alone kept alive is freed now (a task nobody else references logs then).
        frame->locals.clear();
        co_return result;
    } catch (ScriptError &e) {
        addTraceback(e, caller);
        throw;
    }
}

void Interpreter::collectCallArgs(const Expr &e, const std::vector<Value> &vals, CallArgs &out)
{
    std::size_t k = 0;
    for (auto &arg : e.args) {
        const Value &v = vals[k++];
        if (arg->kind == ExprKind::Starred) {
            for (auto &x : toVector(v))
                out.args.push_back(x);
        } else {
            out.args.push_back(v);
        }
    }
    for (auto &kw : e.keywords) {
        const Value &v = vals[k++];
        if (kw.name.empty()) {
            if (!v.is(ObjKind::Dict))
                raise(exc::typeError(), "argument after ** must be a mapping, not " + typeName(v));
            for (auto &entry : v.as<DictObject>()->entries())
                if (entry.live) {
                    if (!entry.key.is(ObjKind::Str))
                        raise(exc::typeError(), "keywords must be strings");
                    out.kwargs.emplace_back(entry.key.as<StrObject>()->value, entry.value);
                }
        } else {
            out.kwargs.emplace_back(kw.name, v);
        }
    }
}

Value Interpreter::call(const Value &callee, std::vector<Value> a)
{
    CallArgs args;
    args.args = std::move(a);
    return call(callee, args);
}

Value Interpreter::call(const Value &callee, CallArgs &a)
{
    if (!callee.isObj())
        raise(exc::typeError(), "'" + typeName(callee) + "' object is not callable");
    switch (callee.obj()->kind()) {
    case ObjKind::Function: return callFunction(callee.as<FunctionObject>(), a, Value());
    case ObjKind::Native: {
        auto *n = callee.as<NativeObject>();
        if (n->owner && n->self.isNone()) {
            // An unbound method of a builtin class, called through the class: str.lower("A").
            const std::string method = n->name.substr(n->name.rfind('.') + 1);
            if (a.args.empty())
                raise(exc::typeError(), "unbound method " + n->owner->name + "." + method + "() needs an argument");
            Value self = a.args.front();
            if (!typeOf(self)->isSubclassOf(n->owner))
                raise(exc::typeError(),
                    "descriptor '" + method + "' for '" + n->owner->name + "' objects doesn't apply to a '"
                        + typeName(self) + "' object");
            a.args.erase(a.args.begin());
            Value bound(make<NativeObject>(n->name, n->fn, self));
            return call(bound, a);
        }
        return callNative(n, n->self, a);
    }
    case ObjKind::BoundMethod: {
        auto *m = callee.as<BoundMethodObject>();
        if (m->function.is(ObjKind::Function))
            return callFunction(m->function.as<FunctionObject>(), a, m->self);
        a.args.insert(a.args.begin(), m->self);
        return call(m->function, a);
    }
    case ObjKind::Class: {
        auto *c = callee.as<ClassObject>();
        if (!c->builtin && !c->construct) // a script's class (namedtuple classes construct natively)
            return instantiate(c, a);
        if (c->construct)
            return c->construct(*this, callee, a);
        if (c->isException) {
            if (!a.kwargs.empty())
                raise(exc::typeError(), c->name + "() takes no keyword arguments");
            return makeException(c, std::move(a.args));
        }
        raise(exc::typeError(), "cannot create '" + c->name + "' instances");
    }
    case ObjKind::Instance:
        if (auto m = userMethod(callee, "__call__"))
            return call(*m, a);
        break;
    default: break;
    }
    raise(exc::typeError(), "'" + typeName(callee) + "' object is not callable");
}

// The arguments of a call, evaluated left to right: plain positional ones straight into
// `a.args`, the others (*args, keywords, **kwargs) evaluated first and then unpacked.
void Interpreter::evalCallArgs(const Expr &e, Frame &f, CallArgs &a)
{
    bool plain = e.keywords.empty();
    for (auto &x : e.args)
        plain = plain && x->kind != ExprKind::Starred;
    if (plain) {
        a.args.reserve(e.args.size());
        for (auto &x : e.args) {
            if (const Value *v = boundLocal(*x, f))
                a.args.push_back(*v);
            else
                a.args.push_back(eval(*x, f));
        }
        return;
    }
    std::vector<Value> vals;
    vals.reserve(e.args.size() + e.keywords.size());
    for (auto &x : e.args)
        vals.push_back(eval(x->kind == ExprKind::Starred ? *x->left : *x, f));
    for (auto &k : e.keywords)
        vals.push_back(eval(*k.value, f));
    collectCallArgs(e, vals, a);
}

// A native function or method (self: the receiver, or None), its C++ errors as Python's.
Value Interpreter::callNative(NativeObject *n, const Value &self, CallArgs &a)
{
    try {
        return n->fn(*this, self, a);
    } catch (const text::FormatError &e) {
        ClassObject *cls = exc::byName(e.type);
        raise(cls ? cls : exc::valueError(), e.message);
    } catch (const std::bad_alloc &) {
        raise(makeException(exc::byName("MemoryError"), std::vector<Value> {}));
    } catch (const std::length_error &) {
        raise(makeException(exc::byName("MemoryError"), std::vector<Value> {}));
    }
}

Value Interpreter::finishCall(const Expr &e, const Value &callee, std::vector<Value> &vals, Frame &)
{
    CallArgs a;
    collectCallArgs(e, vals, a);
    return call(callee, a);
}

// ---- constants and f-strings ------------------------------------------------------------------

Value Interpreter::evalConstant(const Expr &e)
{
    const Constant &c = e.constant;
    switch (c.kind) {
    case Constant::Kind::None: return Value();
    case Constant::Kind::True: return Value::boolean(true);
    case Constant::Kind::False: return Value::boolean(false);
    case Constant::Kind::Int: return Value::integer(c.intValue);
    case Constant::Kind::Float: return Value::real(c.floatValue);
    case Constant::Kind::Ellipsis: return builtin("Ellipsis");
    case Constant::Kind::Str: {
        auto it = m_constants.find(&e);
        if (it != m_constants.end())
            return it->second;
        Value v = str(c.strValue);
        m_constants.emplace(&e, v);
        return v;
    }
    }
    return Value();
}

std::string Interpreter::fstringFormat(const Value &v, char conversion, const std::string &spec)
{
    if (conversion == 'r')
        return format(str(repr(v)), spec);
    if (conversion == 'a')
        return format(str(ascii(v)), spec);
    if (conversion == 's')
        return format(str(toStr(v)), spec);
    return format(v, spec);
}

// Fields were evaluated in order into `values` (one per field, nested spec fields included,
// depth-first); this builds the text.
Value Interpreter::buildFString(const Expr &e, std::vector<Value> &values)
{
    std::size_t k = 0;
    std::function<std::string(const std::vector<FStringPart> &)> build = [&](const std::vector<FStringPart> &parts) {
        std::string out;
        for (auto &p : parts) {
            if (!p.expr) {
                out += p.literal;
                continue;
            }
            const Value &v = values[k++];
            std::string spec = build(p.formatSpec);
            if (p.selfDocumenting)
                out += p.exprText;
            out += fstringFormat(v, p.conversion, spec);
        }
        return out;
    };
    return str(build(e.fstringParts));
}

namespace {
// `x op y` for two ints when the result is an int of 64 bits: the arithmetic of loops, without
// the general protocol. False for everything else (other operators, overflow, a divisor <= 0):
// binary() then decides and raises as before (ZeroDivisionError, Loopscope's OverflowError).
// Bools are not ints here (True & True is a bool): only Tag::Int operands come this way.
inline bool intArithmetic(BinaryOp op, std::int64_t x, std::int64_t y, std::int64_t &r)
{
    switch (op) {
    case BinaryOp::Add: return !__builtin_add_overflow(x, y, &r);
    case BinaryOp::Sub: return !__builtin_sub_overflow(x, y, &r);
    case BinaryOp::Mul: return !__builtin_mul_overflow(x, y, &r);
    case BinaryOp::Mod: // Python's modulo takes the sign of the divisor
        if (y <= 0)
            return false;
        r = x % y;
        if (r < 0)
            r += y;
        return true;
    case BinaryOp::FloorDiv: // rounds towards minus infinity
        if (y <= 0)
            return false;
        r = x / y - (x % y < 0 ? 1 : 0);
        return true;
    case BinaryOp::BitAnd: r = x & y; return true;
    case BinaryOp::BitOr: r = x | y; return true;
    case BinaryOp::BitXor: r = x ^ y; return true;
    default: return false;
    }
}

// `x op y` for two ints: their order by value, as compare() would give it. False for `is`, `in`
// and their negations (compare() decides those).
inline bool intComparison(CompareOp op, std::int64_t x, std::int64_t y, bool &r)
{
    switch (op) {
    case CompareOp::Eq: r = x == y; return true;
    case CompareOp::NotEq: r = x != y; return true;
    case CompareOp::Lt: r = x < y; return true;
    case CompareOp::LtE: r = x <= y; return true;
    case CompareOp::Gt: r = x > y; return true;
    case CompareOp::GtE: r = x >= y; return true;
    default: return false;
    }
}

// truthy(v), with the answer for a bool (what comparisons give an `if` or `while`) inline.
inline bool isTrue(Interpreter &in, const Value &v)
{
    return v.isBool() ? v.asBool() : in.truthy(v);
}

// `name = v` for a local variable, inline: what storeName does for one (only ObjKind::Other
// values adopt the name). False, with v untouched, for every other target.
inline bool storeLocal(const Expr &target, Value &v, Frame &f)
{
    if (target.kind != ExprKind::Name || target.scope != Expr::Scope::Local || v.is(ObjKind::Other))
        return false;
    f.locals[std::size_t(target.slot)] = std::move(v);
    return true;
}

void collectFStringExprs(const std::vector<FStringPart> &parts, std::vector<const Expr *> &out)
{
    for (auto &p : parts) {
        if (!p.expr)
            continue;
        out.push_back(p.expr.get());
        collectFStringExprs(p.formatSpec, out);
    }
}
} // namespace

// ---- the plain evaluator ----------------------------------------------------------------------

// The entry of the plain evaluator: the leaves most expressions end in (local variables, int
// constants) in a function that needs no stack frame; arithmetic in evalOperation, the rest in
// evalCompound, each a larger frame only the nodes it handles pay for.
Value Interpreter::eval(const Expr &e, Frame &f)
{
    if (e.kind == ExprKind::Name && e.scope == Expr::Scope::Local) {
        const Value &v = f.locals[std::size_t(e.slot)];
        if (!v.isUnbound()) // (loadName raises for an unbound one)
            return v;
    } else if (e.kind == ExprKind::Constant && e.constant.kind == Constant::Kind::Int) {
        return Value::integer(e.constant.intValue);
    } else if (e.kind == ExprKind::Attribute && e.left->kind == ExprKind::Name && e.left->scope == Expr::Scope::Local) {
        const Value &obj = f.locals[std::size_t(e.left->slot)]; // `self.x`: straight to the attribute site
        if (!obj.isUnbound()) {
            f.line = e.pos.line;
            return loadAttribute(obj, e);
        }
    }
    return evalOperation(e, f);
}

Value Interpreter::evalOperation(const Expr &e, Frame &f)
{
    switch (e.kind) {
    case ExprKind::Name: return loadName(e, f);
    case ExprKind::Constant: return evalConstant(e);
    case ExprKind::BinOp: {
        checkStack(); // compound expressions nest; names and constants do not
        Value a = eval(*e.left, f);
        Value b = eval(*e.right, f);
        f.line = e.pos.line;
        std::int64_t r;
        if (a.isInt() && b.isInt() && intArithmetic(e.binaryOp, a.asInt(), b.asInt(), r))
            return Value::integer(r);
        return binary(e.binaryOp, a, b);
    }
    case ExprKind::Compare: {
        checkStack();
        Value left = eval(*e.left, f);
        for (std::size_t i = 0; i < e.compareOps.size(); ++i) {
            Value right = eval(*e.args[i], f);
            bool holds;
            if (!(left.isInt() && right.isInt() && intComparison(e.compareOps[i], left.asInt(), right.asInt(), holds)))
                holds = compare(e.compareOps[i], left, right);
            if (!holds)
                return Value::boolean(false);
            left = std::move(right);
        }
        return Value::boolean(true);
    }
    case ExprKind::Call: return evalCall(e, f);
    default: return evalCompound(e, f);
    }
}

Value Interpreter::evalCompound(const Expr &e, Frame &f)
{
    checkStack(); // compound expressions nest; names and constants do not
    switch (e.kind) {
    case ExprKind::FString: {
        std::vector<const Expr *> exprs;
        collectFStringExprs(e.fstringParts, exprs);
        std::vector<Value> values;
        values.reserve(exprs.size());
        for (auto *x : exprs)
            values.push_back(eval(*x, f));
        return buildFString(e, values);
    }
    case ExprKind::List:
    case ExprKind::Set:
    case ExprKind::Tuple: {
        std::vector<Value> items;
        items.reserve(e.elements.size());
        for (auto &x : e.elements) {
            if (x->kind == ExprKind::Starred && e.kind == ExprKind::Set) {
                items.push_back(eval(*x->left, f)); // the set display unpacks it (set_update)
            } else if (x->kind == ExprKind::Starred) {
                for (auto &v : toVector(eval(*x->left, f)))
                    items.push_back(v);
            } else {
                items.push_back(eval(*x, f));
            }
        }
        if (e.kind == ExprKind::Set)
            return setops::fromDisplay(*this, e, items);
        return e.kind == ExprKind::List ? list(std::move(items)) : tuple(std::move(items));
    }
    case ExprKind::Dict: {
        auto d = make<DictObject>();
        for (std::size_t i = 0; i < e.elements.size(); ++i) {
            if (!e.keys[i]) {
                Value other = eval(*e.elements[i], f);
                if (!other.is(ObjKind::Dict))
                    raise(exc::typeError(), "'" + typeName(other) + "' object is not a mapping");
                for (auto &entry : other.as<DictObject>()->entries())
                    if (entry.live)
                        d->set(entry.key, entry.value);
                continue;
            }
            Value k = eval(*e.keys[i], f);
            Value v = eval(*e.elements[i], f);
            setItem(Value(d), k, std::move(v));
        }
        return Value(d);
    }
    case ExprKind::UnaryOp: return unary(e.unaryOp, eval(*e.left, f));
    case ExprKind::BoolOp: {
        Value v;
        for (auto &x : e.elements) {
            v = eval(*x, f);
            bool t = truthy(v);
            if (e.boolOp == BoolOperator::And ? !t : t)
                return v;
        }
        return v;
    }
    case ExprKind::Call: return evalCall(e, f);
    case ExprKind::Attribute: {
        Value obj = eval(*e.left, f);
        f.line = e.pos.line;
        return loadAttribute(obj, e);
    }
    case ExprKind::Subscript: {
        Value obj = eval(*e.left, f);
        Value index = eval(*e.right, f);
        f.line = e.pos.line;
        return getItem(obj, index);
    }
    case ExprKind::Slice:
        return Value(make<SliceObject>(e.left ? eval(*e.left, f) : Value(), e.right ? eval(*e.right, f) : Value(),
            e.third ? eval(*e.third, f) : Value()));
    case ExprKind::IfExp: return truthy(eval(*e.left, f)) ? eval(*e.right, f) : eval(*e.third, f);
    case ExprKind::NamedExpr: {
        Value v = eval(*e.right, f);
        storeName(e.id, e.scope, e.slot, f, v);
        return v;
    }
    case ExprKind::Lambda: return makeFunction(e.lambda, f);
    case ExprKind::GeneratorExp: return generatorExpression(e, f, eval(*e.generators[0].iter, f));
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp: {
        Value result = e.kind == ExprKind::DictComp ? Value(make<DictObject>()) : list({});
        bool inside = false; // past the first iterable, which runs in the enclosing scope
        std::function<void(std::size_t)> loop = [&](std::size_t level) {
            if (level == e.generators.size()) {
                if (e.kind == ExprKind::DictComp) {
                    Value k = eval(*e.left, f);
                    setItem(result, k, eval(*e.right, f));
                } else {
                    result.as<ListObject>()->items.push_back(eval(*e.left, f));
                }
                return;
            }
            auto &g = e.generators[level];
            Value it = iter(eval(*g.iter, f));
            inside = true;
            Value item;
            while (next(it, item)) {
                assign(*g.target, item, f);
                bool ok = true;
                for (auto &cond : g.ifs)
                    if (!truthy(eval(*cond, f))) {
                        ok = false;
                        break;
                    }
                if (ok)
                    loop(level + 1);
            }
        };
        try {
            loop(0);
        } catch (ScriptError &err) {
            if (inside)
                addComprehensionFrame(err, e, f);
            throw;
        }
        if (e.kind == ExprKind::SetComp)
            return setops::fromItems(*this, result.as<ListObject>()->items);
        return result;
    }
    case ExprKind::Name:
    case ExprKind::Constant:
    case ExprKind::BinOp:
    case ExprKind::Compare: return evalOperation(e, f);
    case ExprKind::Await: raise(exc::syntaxError(), "'await' outside async function");
    case ExprKind::Starred: raise(exc::syntaxError(), "can't use starred expression here");
    case ExprKind::Yield:
    case ExprKind::YieldFrom: raise(exc::notImplementedError(), "this expression is not supported yet");
    }
    return Value();
}

// A call, in a function of its own: the commonest compound expression does not pay for the
// larger frame of evalCompound.
Value Interpreter::evalCall(const Expr &e, Frame &f)
{
    checkStack();
    // `obj.name(...)`: the attribute is looked up first, as CPython's LOAD_ATTR, but a method
    // findMethod() finds is called with obj as self, without making a bound method object.
    const bool onAttribute = e.left->kind == ExprKind::Attribute;
    Value self = onAttribute ? eval(*e.left->left, f) : Value();
    Value method;
    Value callee = onAttribute ? Value() : eval(*e.left, f);
    if (onAttribute) {
        const Expr &attr = *e.left;
        f.line = attr.pos.line;
        if (!findMethodAt(self, attr, method))
            callee = loadAttribute(self, attr);
    }
    // A plain function's arguments go straight into its frame.
    if (method.is(ObjKind::Function)) {
        if (auto result = callDirectly(e, method.as<FunctionObject>(), self, f))
            return std::move(*result);
    } else if (callee.is(ObjKind::Function)) {
        if (auto result = callDirectly(e, callee.as<FunctionObject>(), Value(), f))
            return std::move(*result);
    }
    CallArgs a;
    SpareVector args(a.args);
    evalCallArgs(e, f, a);
    f.line = e.pos.line; // tracebacks name the line of the call, as CPython's locations do
    if (method.is(ObjKind::Native))
        return callNative(method.as<NativeObject>(), self, a);
    if (method.is(ObjKind::Function))
        return callFunction(method.as<FunctionObject>(), a, self);
    return call(callee, a);
}

// (x for x in xs): lazy, as in CPython. The first iterable is evaluated now, everything else one
// item per next(), so any()/all()/next() stop early. The expression runs in its own frame named
// <genexpr> (tracebacks show it), a copy of the enclosing one: the comprehension's variables
// (renamed slots of the enclosing scope) are private to it, closures share their cells, and the
// generator stays valid after the enclosing function returns.
Value Interpreter::generatorExpression(const Expr &e, Frame &f, const Value &iterable)
{
    if (e.isAsyncGenerator)
        return asyncGeneratorExpression(e, f, iterable);
    Value first = iter(iterable);
    auto frame = std::make_shared<Frame>(f);
    frame->name = "<genexpr>";
    frame->line = e.pos.line;
    frame->generator = nullptr;
    frame->hidden = false;
    struct State {
        std::vector<Value> iterators;
        std::size_t level = 0;
        bool finished = false;
    };
    auto state = std::make_shared<State>();
    state->iterators.resize(e.generators.size());
    state->iterators[0] = first;
    const Expr *expr = &e;
    return Value(make<IteratorObject>([this, expr, frame, state](Value &out) -> bool {
        if (state->finished)
            return false;
        Frame *caller = m_state.frame;
        FrameScope scope(*this, *frame);
        try {
            const auto &gens = expr->generators;
            for (;;) {
                const Comprehension &g = gens[state->level];
                Value item;
                frame->line = expr->pos.line;
                if (!next(state->iterators[state->level], item)) {
                    if (state->level == 0) {
                        state->finished = true;
                        state->iterators.clear();
                        return false;
                    }
                    --state->level;
                    continue;
                }
                assign(*g.target, item, *frame);
                bool keep = true;
                for (auto &cond : g.ifs)
                    if (!truthy(eval(*cond, *frame))) {
                        keep = false;
                        break;
                    }
                if (!keep)
                    continue;
                if (state->level + 1 < gens.size()) {
                    ++state->level;
                    state->iterators[state->level] = iter(eval(*gens[state->level].iter, *frame));
                    continue;
                }
                out = eval(*expr->left, *frame);
                return true;
            }
        } catch (ScriptError &err) {
            state->finished = true;
            state->iterators.clear();
            addTraceback(err, caller);
            throw;
        }
    }));
}

// The script exception inside an exception_ptr, or None for anything else.
Value Interpreter::scriptErrorOf(const std::exception_ptr &p)
{
    if (!p)
        return Value();
    try {
        std::rethrow_exception(p);
    } catch (const ScriptError &e) {
        return e.exception;
    } catch (...) {
    }
    return Value();
}

// The first handler of a try statement that matches `caught`: its `as` name is bound and the
// exception is being handled (bare raise, __context__) until leaveHandler(). Returns null when
// none matches; `pending` then holds what to re-raise.
const ExceptHandler *Interpreter::enterHandler(
    const Stmt &s, const Value &caught, Frame &f, std::exception_ptr &pending)
{
    const int line = f.line; // where the exception left the try body
    try {
        for (auto &h : s.handlers) {
            if (h.type && !exceptionMatches(caught, eval(*h.type, f)))
                continue;
            if (auto *inst = caught.as<InstanceObject>(); caught.is(ObjKind::Instance) && inst->exception) {
                inst->exception->handledIn = f.name;
                inst->exception->handledLine = line;
            }
            if (!h.name.empty())
                storeName(h.name, h.nameScope, h.nameSlot, f, caught);
            m_state.handling.push_back(caught);
            return &h;
        }
        pending = std::make_exception_ptr(ScriptError {caught});
    } catch (...) {
        pending = std::current_exception();
    }
    return nullptr;
}

// except* (PEP 654): handler i takes the part of what is left that it matches, bound to its
// `as` name and being handled until leaveHandler(). Null when it matches nothing.
const ExceptHandler *Interpreter::enterStarHandler(
    const Stmt &s, std::size_t i, ExceptStar &star, Frame &f, std::exception_ptr &pending)
{
    const ExceptHandler &h = s.handlers[i];
    try {
        Value matched = star.match(eval(*h.type, f));
        if (matched.isNone())
            return nullptr;
        if (!h.name.empty())
            storeName(h.name, h.nameScope, h.nameSlot, f, matched);
        m_state.handling.push_back(matched);
        return &h;
    } catch (...) {
        pending = std::current_exception();
    }
    return nullptr;
}

// What a try/except* statement raises once its handlers ran.
std::exception_ptr Interpreter::finishStar(ExceptStar &star)
{
    Value result = star.result();
    if (result.isNone())
        return nullptr;
    // As CPython re-raises it: a group made here has no traceback entry for this line.
    return std::make_exception_ptr(ScriptError {result});
}

// Python deletes the `as` name when the handler ends.
void Interpreter::leaveHandler(const ExceptHandler &h, Frame &f)
{
    m_state.handling.pop_back();
    if (h.name.empty())
        return;
    switch (h.nameScope) {
    case Expr::Scope::Local: f.locals[std::size_t(h.nameSlot)] = Value::unbound(); break;
    case Expr::Scope::Cell:
    case Expr::Scope::Free: f.cells[std::size_t(h.nameSlot)]->bound = false; break;
    case Expr::Scope::ClassLocal: f.classNamespace->remove(str(h.name)); break;
    default: f.globals->remove(str(h.name)); break;
    }
}

Flow Interpreter::execBlock(const StmtList &body, Frame &f)
{
    for (auto &s : body) {
        Flow flow = exec(*s, f);
        if (flow != Flow::Normal)
            return flow;
    }
    return Flow::Normal;
}

Flow Interpreter::exec(const Stmt &s, Frame &f)
{
    f.line = s.pos.line;
    noteLine(s.pos.line);
    if (++m_ops > m_opsCheck)
        opsCheckpoint(s.pos.line);
    switch (s.kind) {
    case StmtKind::Expr: eval(*s.value, f); return Flow::Normal;
    case StmtKind::Assign: {
        Value v = eval(*s.value, f);
        if (s.targets.size() == 1 && storeLocal(*s.targets[0], v, f))
            return Flow::Normal;
        for (auto &t : s.targets)
            assign(*t, v, f);
        return Flow::Normal;
    }
    case StmtKind::AugAssign: {
        const Expr &t = *s.target;
        if (t.kind == ExprKind::Name) {
            Value cur = eval(t, f); // (loadName, with a local's fast path)
            Value rhs = eval(*s.value, f);
            std::int64_t r;
            if (cur.isInt() && rhs.isInt() && intArithmetic(s.augOp, cur.asInt(), rhs.asInt(), r)) {
                Value result = Value::integer(r); // ints have no in-place form
                if (!storeLocal(t, result, f))
                    storeName(t.id, t.scope, t.slot, f, std::move(result));
            } else {
                storeName(t.id, t.scope, t.slot, f, inplace(s.augOp, cur, rhs));
            }
        } else if (t.kind == ExprKind::Attribute) {
            Value obj = eval(*t.left, f);
            Value cur = loadAttribute(obj, t);
            Value rhs = eval(*s.value, f);
            std::int64_t r;
            if (cur.isInt() && rhs.isInt() && intArithmetic(s.augOp, cur.asInt(), rhs.asInt(), r))
                storeAttribute(obj, t, Value::integer(r)); // (self.count += n)
            else
                storeAttribute(obj, t, inplace(s.augOp, cur, rhs));
        } else if (t.kind == ExprKind::Subscript) {
            Value obj = eval(*t.left, f);
            Value index = eval(*t.right, f);
            Value cur = getItem(obj, index);
            setItem(obj, index, inplace(s.augOp, cur, eval(*s.value, f)));
        } else {
            raise(exc::syntaxError(), "illegal expression for augmented assignment");
        }
        return Flow::Normal;
    }
    case StmtKind::Pass:
    case StmtKind::Global:
    case StmtKind::Nonlocal: return Flow::Normal;
    case StmtKind::Break: return Flow::Break;
    case StmtKind::Continue: return Flow::Continue;
    case StmtKind::Return: f.returnValue = s.value ? eval(*s.value, f) : Value(); return Flow::Return;
    case StmtKind::If:
        if (isTrue(*this, eval(*s.test, f)))
            return execBlock(s.body, f);
        return execBlock(s.orelse, f);
    default: return execCompound(s, f);
    }
}

// The statements exec() leaves to a function of its own (loops, try, definitions...), so that the
// common ones do not pay for their larger frame.
Flow Interpreter::execCompound(const Stmt &s, Frame &f)
{
    switch (s.kind) {
    case StmtKind::AnnAssign:
        if (s.value)
            assign(*s.target, eval(*s.value, f), f);
        if (f.classNamespace && s.target->kind == ExprKind::Name && s.test) {
            // a class body keeps its annotations, in order (dataclasses read them)
            Value annotation = eval(*s.test, f);
            const Value *existing = f.classNamespace->findStr("__annotations__");
            Value annotations = existing ? *existing : Value(make<DictObject>());
            if (!existing)
                f.classNamespace->set(str("__annotations__"), annotations);
            setItem(annotations, str(s.target->id), annotation);
        }
        return Flow::Normal;
    case StmtKind::While:
        while (isTrue(*this, eval(*s.test, f))) {
            Flow flow = execBlock(s.body, f);
            if (flow == Flow::Break)
                return Flow::Normal;
            if (flow == Flow::Return)
                return flow;
            f.line = s.pos.line;
        }
        return execBlock(s.orelse, f);
    case StmtKind::For: {
        Value it = iter(eval(*s.test, f));
        Value item;
        for (;;) {
            f.line = s.pos.line; // a generator failing in next() reports the `for` line
            if (!next(it, item))
                break;
            if (!storeLocal(*s.target, item, f))
                assign(*s.target, std::move(item), f);
            Flow flow = execBlock(s.body, f);
            if (flow == Flow::Break)
                return Flow::Normal;
            if (flow == Flow::Return)
                return flow;
        }
        return execBlock(s.orelse, f);
    }
    case StmtKind::Try: {
        // The plain evaluator has no suspension points, so C++ try/catch maps directly.
        Flow flow = Flow::Normal;
        std::exception_ptr pending;
        bool raised = false;
        Value caught;
        try {
            flow = execBlock(s.body, f);
        } catch (ScriptError &e) {
            raised = true;
            caught = e.exception;
        } catch (...) {
            pending = std::current_exception();
        }
        if (raised && s.isStar) {
            ExceptStar star(*this, caught);
            for (std::size_t i = 0; i < s.handlers.size() && !pending && !star.everythingMatched(); ++i) {
                const ExceptHandler *handler = enterStarHandler(s, i, star, f, pending);
                if (!handler)
                    continue;
                try {
                    flow = execBlock(handler->body, f);
                } catch (ScriptError &e) {
                    star.handlerRaised(e.exception);
                } catch (...) {
                    pending = std::current_exception();
                }
                leaveHandler(*handler, f);
            }
            if (!pending)
                pending = finishStar(star);
        } else if (raised) {
            if (const ExceptHandler *handler = enterHandler(s, caught, f, pending)) {
                try {
                    flow = execBlock(handler->body, f);
                } catch (...) {
                    pending = std::current_exception();
                }
                leaveHandler(*handler, f);
            }
        } else if (!pending && flow == Flow::Normal) {
            try {
                flow = execBlock(s.orelse, f);
            } catch (...) {
                pending = std::current_exception();
            }
        }
        if (!s.finalbody.empty()) {
            Value savedReturn = f.returnValue;
            // While the finally block runs, the exception on its way out is being handled: one
            // raised in the block gets it as __context__.
            Value propagating = scriptErrorOf(pending);
            if (!propagating.isNone())
                m_state.handling.push_back(propagating);
            Flow fin = Flow::Normal;
            try {
                fin = execBlock(s.finalbody, f);
            } catch (...) {
                if (!propagating.isNone())
                    m_state.handling.pop_back();
                throw;
            }
            if (!propagating.isNone())
                m_state.handling.pop_back();
            if (fin != Flow::Normal)
                return fin; // break/continue/return in finally discards the pending exception
            f.returnValue = savedReturn;
        }
        if (pending)
            std::rethrow_exception(pending);
        return flow;
    }
    case StmtKind::Raise: {
        if (!s.value) {
            if (m_state.handling.empty())
                raise(exc::runtimeError(), "No active exception to reraise");
            throw ScriptError {m_state.handling.back()};
        }
        Value e = eval(*s.value, f);
        Value cause = s.test ? eval(*s.test, f) : Value();
        raise(makeRaise(s, e, cause, bool(s.test), f));
    }
    case StmtKind::FunctionDef: {
        Value fn = makeFunction(s.function, f);
        for (auto it = s.function->decorators.rbegin(); it != s.function->decorators.rend(); ++it)
            fn = call(eval(**it, f), std::vector<Value> {fn});
        storeName(s.function->name, s.bindings[0].scope, s.bindings[0].slot, f, fn);
        return Flow::Normal;
    }
    case StmtKind::Import:
    case StmtKind::ImportFrom: bindImport(s, f); return Flow::Normal;
    case StmtKind::Assert:
        if (!truthy(eval(*s.test, f))) {
            if (s.value)
                raise(makeException(exc::assertionError(), std::vector<Value> {eval(*s.value, f)}));
            raise(makeException(exc::assertionError(), std::vector<Value> {}));
        }
        return Flow::Normal;
    case StmtKind::Delete:
        for (auto &t : s.targets)
            deleteTarget(*t, f);
        return Flow::Normal;
    case StmtKind::With:
        if (s.isAsync)
            raise(exc::syntaxError(), "'async with' outside async function");
        return execWith(s, 0, f);
    case StmtKind::ClassDef: execClassDef(s, f); return Flow::Normal;
    default: break; // (exec's)
    }
    return Flow::Normal;
}

void Interpreter::bindImport(const Stmt &s, Frame &f)
{
    if (s.kind == StmtKind::Import) {
        for (std::size_t i = 0; i < s.aliases.size(); ++i) {
            auto &a = s.aliases[i];
            auto mod = importModule(a.name, s.pos.line);
            std::string bound = a.asName.empty() ? a.name.substr(0, a.name.find('.')) : a.asName;
            storeName(bound, s.bindings[i].scope, s.bindings[i].slot, f, Value(mod));
        }
        return;
    }
    auto mod = importModule(s.module, s.pos.line);
    for (std::size_t i = 0; i < s.aliases.size(); ++i) {
        auto &a = s.aliases[i];
        if (a.name == "*")
            raise(exc::notImplementedError(), "`from " + s.module + " import *` is not supported yet");
        const Value *v = mod->dict->findStr(a.name);
        if (!v)
            raise(exc::importError(), "cannot import name '" + a.name + "' from '" + s.module + "'");
        storeName(a.asName.empty() ? a.name : a.asName, s.bindings[i].scope, s.bindings[i].slot, f, *v);
    }
}

Ref<ModuleObject> Interpreter::importModule(const std::string &name, int)
{
    auto it = m_modules.find(name);
    if (it != m_modules.end())
        return it->second;
    Ref<ModuleObject> mod;
    if (name == "asyncio")
        mod = m_engine.asyncioModule();
    else if (name == "dataclasses")
        mod = makeDataclassesModule(*this);
    else
        mod = makeBuiltinModule(*this, name);
    if (!mod)
        raise(exc::moduleNotFoundError(), "module '" + name + "' is not available in Loopscope scripts");
    m_modules.emplace(name, mod);
    return mod;
}

Value Interpreter::builtin(const std::string &name)
{
    const Value *v = m_builtins->findStr(name);
    return v ? *v : Value();
}

// ---- the coroutine evaluator ------------------------------------------------------------------

namespace {
// `await v` where v needs no coroutine frame of its own: a future (Future.__await__ parks the
// task on it) or a bare-yield coroutine (asyncio.sleep(0): CPython's __sleep0 yields straight
// up to Task.__step, then `return result`). The evaluator parks on it in its own frame, so a
// cancellation thrown in is raised at the await with that frame's line, as through await().
// Plain pointers (see FutureAwaiter): the caller keeps `v` alive.
struct DirectAwaiter {
    FutureAwaiter inner; // future null: a bare yield
    const CoroutineObject *bareYield;
    bool await_ready() const { return inner.await_ready(); }
    bool await_suspend(std::coroutine_handle<> h) { return inner.await_suspend(h); }
    Value await_resume()
    {
        Value result = inner.await_resume();
        return bareYield ? bareYield->yieldResult : result;
    }
};

// Empty when `v` needs await() (a coroutine with a body, or anything await() rejects). Starts a
// bare-yield coroutine (raising, as run() does, when it was awaited before).
std::optional<DirectAwaiter> directAwaiter(Interpreter &in, const Value &v, bool closingGenerator)
{
    if (closingGenerator)
        return std::nullopt; // await() raises
    if (v.is(ObjKind::Future))
        return DirectAwaiter {FutureAwaiter {in.engine(), v.as<Future>()}, nullptr};
    if (v.is(ObjKind::Coroutine) && v.as<CoroutineObject>()->startBareYield(in))
        return DirectAwaiter {FutureAwaiter {in.engine(), nullptr}, v.as<CoroutineObject>()};
    return std::nullopt;
}
} // namespace

QCoro::Task<Value> Interpreter::await(Value awaitable)
{
    if (m_closingGenerator)
        raise(exc::runtimeError(), "Loopscope closes this generator outside of any task: it cannot await here");
    if (awaitable.is(ObjKind::Coroutine))
        co_return co_await awaitable.as<CoroutineObject>()->run(*this);
    if (awaitable.is(ObjKind::Future)) {
        Ref<Future> fut(awaitable.as<Future>());
        co_return co_await FutureAwaiter {m_engine, fut.get()};
    }
    // A builtin awaitable (aiohttp's request): its __await__ gives the coroutine to run.
    if (awaitable.is(ObjKind::Other))
        if (auto method = findAttr(awaitable, "__await__")) {
            Value inner = call(*method, std::vector<Value> {});
            if (inner.is(ObjKind::Coroutine)) {
                Value result = co_await inner.as<CoroutineObject>()->run(*this);
                co_return result;
            }
        }
    raise(exc::typeError(), "object " + typeName(awaitable) + " can't be used in 'await' expression");
}

QCoro::Task<Value> Interpreter::evalAsync(const Expr &e, Frame &f, Mode mode)
{
    if (!suspends(e, mode))
        co_return eval(e, f);
    switch (e.kind) {
    case ExprKind::Await: {
        Value v;
        if (suspends(*e.left, mode))
            v = co_await evalAsync(*e.left, f, mode);
        else
            v = eval(*e.left, f); // `await f(x)`: no coroutine frame for an operand that cannot suspend
        f.line = e.pos.line; // tracebacks name the line of the call, as CPython's locations do
        if (auto direct = directAwaiter(*this, v, m_closingGenerator)) {
            Value result = co_await *direct;
            co_return result;
        }
        Value result = co_await await(std::move(v));
        co_return result;
    }
    case ExprKind::Yield:
    case ExprKind::YieldFrom: co_return co_await evalYield(e, f, mode);
    case ExprKind::Call: {
        Value callee = co_await evalAsync(*e.left, f, mode);
        std::vector<Value> vals;
        for (auto &x : e.args) {
            const Expr &arg = x->kind == ExprKind::Starred ? *x->left : *x;
            Value v = co_await evalAsync(arg, f, mode);
            vals.push_back(std::move(v));
        }
        for (auto &k : e.keywords) {
            Value v = co_await evalAsync(*k.value, f, mode);
            vals.push_back(std::move(v));
        }
        f.line = e.pos.line; // tracebacks name the line of the call, as CPython's locations do
        if (mode == Mode::Host) {
            // In module code, a call may run the loop (asyncio.run) or reach a function that does.
            if (callee.is(ObjKind::Native) && callee.as<NativeObject>()->runsLoop) {
                CallArgs a;
                collectCallArgs(e, vals, a);
                co_return co_await runLoopCall(*this, callee, a);
            }
            if (callee.is(ObjKind::Function) && !callee.as<FunctionObject>()->def->isAsync) {
                CallArgs a;
                collectCallArgs(e, vals, a);
                Value noSelf;
                co_return co_await callFunctionHost(callee.as<FunctionObject>(), std::move(a), noSelf);
            }
            if (FunctionObject *method = plainMethod(callee)) {
                CallArgs a;
                collectCallArgs(e, vals, a);
                Value self = callee.as<BoundMethodObject>()->self;
                Value result = co_await callFunctionHost(method, std::move(a), self);
                co_return result;
            }
        }
        co_return finishCall(e, callee, vals, f);
    }
    case ExprKind::List:
    case ExprKind::Set:
    case ExprKind::Tuple: {
        std::vector<Value> items;
        for (auto &x : e.elements) {
            if (x->kind == ExprKind::Starred) {
                Value seq = co_await evalAsync(*x->left, f, mode);
                if (e.kind == ExprKind::Set) {
                    items.push_back(seq); // the set display unpacks it (set_update)
                    continue;
                }
                for (auto &v : toVector(seq))
                    items.push_back(v);
            } else {
                Value v = co_await evalAsync(*x, f, mode);
                items.push_back(std::move(v));
            }
        }
        if (e.kind == ExprKind::Set)
            co_return setops::fromDisplay(*this, e, items);
        co_return e.kind == ExprKind::List ? list(std::move(items)) : tuple(std::move(items));
    }
    case ExprKind::Dict: {
        auto d = make<DictObject>();
        for (std::size_t i = 0; i < e.elements.size(); ++i) {
            if (!e.keys[i]) {
                Value other = co_await evalAsync(*e.elements[i], f, mode);
                if (!other.is(ObjKind::Dict))
                    raise(exc::typeError(), "'" + typeName(other) + "' object is not a mapping");
                for (auto &entry : other.as<DictObject>()->entries())
                    if (entry.live)
                        d->set(entry.key, entry.value);
                continue;
            }
            Value k = co_await evalAsync(*e.keys[i], f, mode);
            Value v = co_await evalAsync(*e.elements[i], f, mode);
            setItem(Value(d), k, std::move(v));
        }
        co_return Value(d);
    }
    case ExprKind::FString: {
        std::vector<const Expr *> exprs;
        collectFStringExprs(e.fstringParts, exprs);
        std::vector<Value> values;
        for (auto *x : exprs) {
            Value v = co_await evalAsync(*x, f, mode);
            values.push_back(std::move(v));
        }
        co_return buildFString(e, values);
    }
    case ExprKind::BinOp: {
        Value a = co_await evalAsync(*e.left, f, mode);
        Value b = co_await evalAsync(*e.right, f, mode);
        f.line = e.pos.line;
        co_return binary(e.binaryOp, a, b);
    }
    case ExprKind::UnaryOp: {
        Value v = co_await evalAsync(*e.left, f, mode);
        co_return unary(e.unaryOp, v);
    }
    case ExprKind::BoolOp: {
        Value v;
        for (auto &x : e.elements) {
            v = co_await evalAsync(*x, f, mode);
            bool t = truthy(v);
            if (e.boolOp == BoolOperator::And ? !t : t)
                co_return v;
        }
        co_return v;
    }
    case ExprKind::Compare: {
        Value left = co_await evalAsync(*e.left, f, mode);
        for (std::size_t i = 0; i < e.compareOps.size(); ++i) {
            Value right = co_await evalAsync(*e.args[i], f, mode);
            if (!compare(e.compareOps[i], left, right))
                co_return Value::boolean(false);
            left = std::move(right);
        }
        co_return Value::boolean(true);
    }
    case ExprKind::Attribute: {
        Value v = co_await evalAsync(*e.left, f, mode);
        f.line = e.pos.line;
        co_return loadAttribute(v, e);
    }
    case ExprKind::Subscript: {
        Value obj = co_await evalAsync(*e.left, f, mode);
        Value index = co_await evalAsync(*e.right, f, mode);
        f.line = e.pos.line;
        co_return getItem(obj, index);
    }
    case ExprKind::IfExp: {
        Value test = co_await evalAsync(*e.left, f, mode);
        if (truthy(test))
            co_return co_await evalAsync(*e.right, f, mode);
        co_return co_await evalAsync(*e.third, f, mode);
    }
    case ExprKind::NamedExpr: {
        Value v = co_await evalAsync(*e.right, f, mode);
        storeName(e.id, e.scope, e.slot, f, v);
        co_return v;
    }
    case ExprKind::Slice: {
        Value a, b, c;
        if (e.left)
            a = co_await evalAsync(*e.left, f, mode);
        if (e.right)
            b = co_await evalAsync(*e.right, f, mode);
        if (e.third)
            c = co_await evalAsync(*e.third, f, mode);
        co_return Value(make<SliceObject>(a, b, c));
    }
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
        if (mode == Mode::Host)
            co_return eval(e, f); // no loop runs inside a comprehension at module level
        co_return co_await evalComprehensionAsync(e, f, mode);
    case ExprKind::GeneratorExp: { // its first iterable awaits
        Value iterable = co_await evalAsync(*e.generators[0].iter, f, mode);
        co_return generatorExpression(e, f, iterable);
    }
    default:
        if (mode == Mode::Host)
            co_return eval(e, f); // lambdas, generator expressions: no loop runs in there
        raise(exc::notImplementedError(), "`await` inside this kind of expression is not supported yet");
    }
}

QCoro::Task<Value> Interpreter::evalYield(const Expr &e, Frame &f, Mode mode)
{
    Value v;
    if (e.left)
        v = co_await evalAsync(*e.left, f, mode);
    f.line = e.pos.line;
    if (e.kind == ExprKind::YieldFrom)
        co_return co_await yieldFrom(std::move(v), f);
    co_return co_await yieldValue(std::move(v), f);
}

// A list or dict comprehension whose parts may await (or iterate asynchronously): its loops run
// iteratively, one iterator per `for` clause. (Kept out of evalAsync, whose stack frame every
// nested call level pays for.)
QCoro::Task<Value> Interpreter::evalComprehensionAsync(const Expr &e, Frame &f, Mode mode)
{
    // The comprehension's loops, iteratively (one iterator per `for` clause), so that any
    // part may await.
    Value result = e.kind == ExprKind::DictComp ? Value(make<DictObject>()) : list({});
    const std::size_t levels = e.generators.size();
    std::vector<Value> iterators(levels);
    if (e.kind == ExprKind::GeneratorExp) { // the body of an async generator expression
        iterators[0] = std::move(f.generator->firstIterator);
    } else {
        Value firstIterable = co_await evalAsync(*e.generators[0].iter, f, mode);
        iterators[0] = e.generators[0].isAsync ? asyncIter(firstIterable) : iter(firstIterable);
    }
    try {
        std::size_t level = 0;
        for (;;) {
            const Comprehension &g = e.generators[level];
            Value item;
            bool more = false;
            if (g.isAsync)
                more = co_await asyncNext(iterators[level], &item);
            else
                more = next(iterators[level], item);
            if (!more) {
                if (level == 0)
                    break;
                --level;
                continue;
            }
            assign(*g.target, item, f);
            bool keep = true;
            for (auto &cond : g.ifs) {
                Value c = co_await evalAsync(*cond, f, mode);
                if (!truthy(c)) {
                    keep = false;
                    break;
                }
            }
            if (!keep)
                continue;
            if (level + 1 < levels) {
                ++level;
                Value iterable = co_await evalAsync(*e.generators[level].iter, f, mode);
                iterators[level] = e.generators[level].isAsync ? asyncIter(iterable) : iter(iterable);
                continue;
            }
            if (e.kind == ExprKind::DictComp) {
                Value k = co_await evalAsync(*e.left, f, mode);
                Value v = co_await evalAsync(*e.right, f, mode);
                setItem(result, k, v);
            } else if (e.kind == ExprKind::GeneratorExp) {
                Value v = co_await evalAsync(*e.left, f, mode);
                [[maybe_unused]] Value sent = co_await yieldValue(std::move(v), f);
            } else {
                Value v = co_await evalAsync(*e.left, f, mode);
                result.as<ListObject>()->items.push_back(v);
            }
        }
    } catch (ScriptError &err) {
        addComprehensionFrame(err, e, f);
        throw;
    }
    if (e.kind == ExprKind::SetComp)
        co_return setops::fromItems(*this, result.as<ListObject>()->items);
    co_return result;
}

// `for` (and `async for`) whose body or iteration suspends, and `while` whose body suspends but
// whose test cannot. (Kept out of execAsync, whose stack frame every nested call level pays for.)
QCoro::Task<Flow> Interpreter::execForAsync(const Stmt &s, Frame &f, Mode mode)
{
    Value it;
    Value item;
    // The step to the next iteration, when it cannot suspend: then the body repeats inside one
    // execBlockAsync frame.
    std::function<bool()> again;
    if (s.kind == StmtKind::While) {
        again = [&] {
            f.line = s.pos.line;
            return truthy(eval(*s.test, f));
        };
    } else {
        Value iterable = co_await evalAsync(*s.test, f, mode);
        it = s.isAsync ? asyncIter(iterable) : iter(iterable);
        if (!s.isAsync) {
            again = [&] {
                f.line = s.pos.line;
                if (!next(it, item))
                    return false;
                if (!storeLocal(*s.target, item, f))
                    assign(*s.target, std::move(item), f);
                return true;
            };
        }
    }
    if (again) {
        Flow flow = Flow::Normal;
        if (again())
            flow = co_await execBlockAsync(s.body, f, mode, &again);
        if (flow == Flow::Break)
            co_return Flow::Normal;
        if (flow == Flow::Return)
            co_return flow;
        Flow rest = co_await execBlockAsync(s.orelse, f, mode);
        co_return rest;
    }
    for (;;) {
        f.line = s.pos.line;
        bool more = co_await asyncNext(it, &item);
        if (!more)
            break;
        if (!storeLocal(*s.target, item, f))
            assign(*s.target, std::move(item), f);
        Flow flow = co_await execBlockAsync(s.body, f, mode);
        if (flow == Flow::Break)
            co_return Flow::Normal;
        if (flow == Flow::Return)
            co_return flow;
    }
    co_return co_await execBlockAsync(s.orelse, f, mode);
}

// Runs what of `s` can run without a coroutine frame: the whole statement when it cannot
// suspend; for an `if` whose test cannot suspend, the test, and the chosen branch too unless it
// can suspend (then `rest` is that branch, for the caller to run on the coroutine path). False
// when nothing ran: the statement goes through execAsync. The order of effects (line, breakpoint,
// op budget, test, branch) is execAsync's.
bool Interpreter::execPlainly(const Stmt &s, Frame &f, Mode mode, Flow &flow, const StmtList *&rest)
{
    if (!suspends(s, mode)) {
        flow = exec(s, f);
        return true;
    }
    if (s.kind != StmtKind::If || suspends(*s.test, mode))
        return false;
    startStatement(s, f);
    const StmtList &branch = isTrue(*this, eval(*s.test, f)) ? s.body : s.orelse;
    for (auto &stmt : branch)
        if (suspends(*stmt, mode)) {
            rest = &branch;
            return true;
        }
    flow = execBlock(branch, f);
    return true;
}

// Runs `body` once; with `again` (a loop whose next-iteration step cannot suspend), runs it again
// in this same frame while again() says so: one coroutine frame per loop, not per iteration. A
// `continue` then ends just the pass; `break` and `return` come back as Flow::Break/Return.
QCoro::Task<Flow> Interpreter::execBlockAsync(
    const StmtList &body, Frame &f, Mode mode, const std::function<bool()> *again)
{
    for (;;) {
        Flow flow = Flow::Normal;
        for (auto &s : body) {
            const StmtList *rest = nullptr;
            if (execPlainly(*s, f, mode, flow, rest)) {
                if (rest)
                    flow = co_await execBlockAsync(*rest, f, mode);
            } else if ((s->kind == StmtKind::Expr || s->kind == StmtKind::Assign)
                && s->value->kind == ExprKind::Await && !suspends(*s->value->left, mode)) {
                // `await x` or `targets = await x` as a statement: x is awaited in this frame when
                // it is a future or asyncio.sleep(0), else through await(); no execAsync and
                // evalAsync frames (the same steps as theirs).
                startStatement(*s, f);
                Value v = eval(*s->value->left, f);
                f.line = s->value->pos.line;
                Value result;
                auto direct = directAwaiter(*this, v, m_closingGenerator);
                if (direct) {
                    result = co_await *direct;
                } else {
                    result = co_await await(std::move(v));
                }
                for (auto &t : s->targets) // none for an expression statement
                    assign(*t, result, f);
            } else {
                flow = co_await execAsync(*s, f, mode);
            }
            if (flow != Flow::Normal)
                break;
        }
        if (again && flow == Flow::Continue)
            flow = Flow::Normal;
        if (flow != Flow::Normal || !again || !(*again)())
            co_return flow;
    }
}

QCoro::Task<Flow> Interpreter::execAsync(const Stmt &s, Frame &f, Mode mode)
{
    if (!suspends(s, mode))
        co_return exec(s, f);
    startStatement(s, f);
    switch (s.kind) {
    case StmtKind::Expr: co_await evalAsync(*s.value, f, mode); co_return Flow::Normal;
    case StmtKind::Assign: {
        Value v = co_await evalAsync(*s.value, f, mode);
        for (auto &t : s.targets)
            assign(*t, v, f);
        co_return Flow::Normal;
    }
    case StmtKind::AnnAssign:
        if (s.value) {
            Value v = co_await evalAsync(*s.value, f, mode);
            assign(*s.target, v, f);
        }
        co_return Flow::Normal;
    case StmtKind::AugAssign: {
        const Expr &t = *s.target;
        if (t.kind == ExprKind::Name) {
            Value cur = loadName(t, f);
            Value rhs = co_await evalAsync(*s.value, f, mode);
            storeName(t.id, t.scope, t.slot, f, inplace(s.augOp, cur, rhs));
        } else if (t.kind == ExprKind::Attribute) {
            Value obj = eval(*t.left, f);
            Value cur = loadAttribute(obj, t);
            Value rhs = co_await evalAsync(*s.value, f, mode);
            storeAttribute(obj, t, inplace(s.augOp, cur, rhs));
        } else {
            Value obj = eval(*t.left, f);
            Value index = eval(*t.right, f);
            Value cur = getItem(obj, index);
            Value rhs = co_await evalAsync(*s.value, f, mode);
            setItem(obj, index, inplace(s.augOp, cur, rhs));
        }
        co_return Flow::Normal;
    }
    case StmtKind::Return: {
        Value v;
        if (s.value)
            v = co_await evalAsync(*s.value, f, mode);
        f.returnValue = std::move(v);
        co_return Flow::Return;
    }
    case StmtKind::If: {
        Value test = co_await evalAsync(*s.test, f, mode);
        if (truthy(test))
            co_return co_await execBlockAsync(s.body, f, mode);
        co_return co_await execBlockAsync(s.orelse, f, mode);
    }
    case StmtKind::While:
        if (!suspends(*s.test, mode))
            co_return co_await execForAsync(s, f, mode);
        for (;;) {
            Value test = co_await evalAsync(*s.test, f, mode);
            if (!truthy(test))
                break;
            Flow flow = co_await execBlockAsync(s.body, f, mode);
            if (flow == Flow::Break)
                co_return Flow::Normal;
            if (flow == Flow::Return)
                co_return flow;
            f.line = s.pos.line;
        }
        co_return co_await execBlockAsync(s.orelse, f, mode);
    case StmtKind::For: co_return co_await execForAsync(s, f, mode);
    case StmtKind::Try: {
        // C++ forbids co_await inside a catch block: catch, remember, then act outside it.
        Flow flow = Flow::Normal;
        std::exception_ptr pending;
        bool raised = false;
        Value caught;
        try {
            flow = co_await execBlockAsync(s.body, f, mode);
        } catch (ScriptError &e) {
            raised = true;
            caught = e.exception;
        } catch (...) {
            pending = std::current_exception();
        }
        if (raised && s.isStar) {
            ExceptStar star(*this, caught);
            for (std::size_t i = 0; i < s.handlers.size() && !pending && !star.everythingMatched(); ++i) {
                const ExceptHandler *handler = enterStarHandler(s, i, star, f, pending);
                if (!handler)
                    continue;
                Value raisedInHandler;
                try {
                    flow = co_await execBlockAsync(handler->body, f, mode);
                } catch (ScriptError &e) {
                    raisedInHandler = e.exception;
                } catch (...) {
                    pending = std::current_exception();
                }
                if (!raisedInHandler.isNone())
                    star.handlerRaised(raisedInHandler);
                leaveHandler(*handler, f);
            }
            if (!pending)
                pending = finishStar(star);
        } else if (raised) {
            if (const ExceptHandler *handler = enterHandler(s, caught, f, pending)) {
                try {
                    flow = co_await execBlockAsync(handler->body, f, mode);
                } catch (...) {
                    pending = std::current_exception();
                }
                leaveHandler(*handler, f);
            }
        } else if (!pending && flow == Flow::Normal) {
            try {
                flow = co_await execBlockAsync(s.orelse, f, mode);
            } catch (...) {
                pending = std::current_exception();
            }
        }
        if (!s.finalbody.empty()) {
            Value savedReturn = f.returnValue;
            Value propagating = scriptErrorOf(pending);
            if (!propagating.isNone())
                m_state.handling.push_back(propagating);
            Flow fin = Flow::Normal;
            std::exception_ptr fromFinally;
            try {
                fin = co_await execBlockAsync(s.finalbody, f, mode);
            } catch (...) {
                fromFinally = std::current_exception();
            }
            if (!propagating.isNone())
                m_state.handling.pop_back();
            if (fromFinally)
                std::rethrow_exception(fromFinally);
            if (fin != Flow::Normal)
                co_return fin;
            f.returnValue = savedReturn;
        }
        if (pending)
            std::rethrow_exception(pending);
        co_return flow;
    }
    case StmtKind::Raise: {
        Value e = co_await evalAsync(*s.value, f, mode);
        Value cause;
        if (s.test)
            cause = co_await evalAsync(*s.test, f, mode);
        raise(makeRaise(s, e, cause, bool(s.test), f));
    }
    case StmtKind::With: co_return co_await execAsyncWith(s, 0, f, mode);
    case StmtKind::Assert: {
        Value test = co_await evalAsync(*s.test, f, mode);
        if (!truthy(test)) {
            Value msg;
            if (s.value)
                msg = co_await evalAsync(*s.value, f, mode);
            std::vector<Value> assertArgs;
            if (s.value)
                assertArgs.push_back(msg);
            raise(makeException(exc::assertionError(), std::move(assertArgs)));
        }
        co_return Flow::Normal;
    }
    default: co_return exec(s, f);
    }
}

namespace {
// The context manager protocol's two methods, or CPython's TypeError.
std::pair<Value, Value> contextMethods(Interpreter &in, const Value &manager, bool isAsync)
{
    // looked up on the type, as CPython does: a class itself is no context manager
    std::optional<Value> enter, exit;
    if (!manager.is(ObjKind::Class)) {
        enter = in.findAttr(manager, isAsync ? "__aenter__" : "__enter__");
        exit = in.findAttr(manager, isAsync ? "__aexit__" : "__exit__");
    }
    if (!enter || !exit) {
        std::string what = isAsync ? "asynchronous context manager" : "context manager";
        std::string missing = !enter ? (isAsync ? "__aenter__" : "__enter__") : (isAsync ? "__aexit__" : "__exit__");
        in.raise(exc::typeError(),
            "'" + in.typeName(manager) + "' object does not support the " + what + " protocol"
                + (enter ? " (missed " + missing + " method)" : ""));
    }
    return {*enter, *exit};
}

// __exit__(type, exception, traceback): Loopscope has no traceback objects, so the third argument
// is an opaque stand-in that is not None, as CPython's is.
std::vector<Value> exitArguments(const Value &caught)
{
    static ClassObject *tracebackType = immortalClass("traceback");
    std::vector<Value> args;
    args.push_back(Value(Ref<ClassObject>(typeOf(caught))));
    args.push_back(caught);
    args.push_back(Value(make<InstanceObject>(Ref<ClassObject>(tracebackType))));
    return args;
}
} // namespace

// `with a as x, b as y:` — one item at a time, as nested withs (plain evaluator).
Flow Interpreter::execWith(const Stmt &s, std::size_t item, Frame &f)
{
    if (item == s.items.size())
        return execBlock(s.body, f);
    const WithItem &w = s.items[item];
    Value manager = eval(*w.context, f);
    f.line = s.pos.line;
    auto [enter, exit] = contextMethods(*this, manager, false);
    Value entered = call(enter, std::vector<Value>());
    if (w.target)
        assign(*w.target, entered, f);
    Flow flow = Flow::Normal;
    try {
        flow = execWith(s, item + 1, f);
    } catch (ScriptError &e) {
        Value caught = e.exception;
        m_state.handling.push_back(caught);
        Value suppress;
        try {
            f.line = s.pos.line;
            suppress = call(exit, exitArguments(caught));
        } catch (...) {
            m_state.handling.pop_back();
            throw;
        }
        m_state.handling.pop_back();
        if (!truthy(suppress))
            throw;
        return Flow::Normal;
    }
    f.line = s.pos.line;
    call(exit, std::vector<Value>(3));
    return flow;
}

// `async with` (and a plain `with` whose body suspends) — one item at a time, as nested withs.
QCoro::Task<Flow> Interpreter::execAsyncWith(const Stmt &s, std::size_t item, Frame &f, Mode mode)
{
    if (item == s.items.size())
        co_return co_await execBlockAsync(s.body, f, mode);
    const WithItem &w = s.items[item];
    Value manager = co_await evalAsync(*w.context, f, mode);
    f.line = s.pos.line;
    auto methods = contextMethods(*this, manager, s.isAsync);
    Value exit = methods.second;
    // (GCC 12 miscompiles braced initializer lists inside co_await expressions: build arguments first.)
    Value entered = call(methods.first, std::vector<Value>());
    if (s.isAsync)
        entered = co_await await(entered);
    if (w.target)
        assign(*w.target, entered, f);
    Flow flow = Flow::Normal;
    bool raised = false;
    Value caught;
    std::exception_ptr other;
    try {
        flow = co_await execAsyncWith(s, item + 1, f, mode);
    } catch (ScriptError &e) {
        raised = true;
        caught = e.exception;
    } catch (...) {
        other = std::current_exception();
    }
    f.line = s.pos.line; // __aexit__ runs on the line of the `async with`
    if (raised) {
        m_state.handling.push_back(caught);
        Value suppress;
        std::exception_ptr fromExit;
        try {
            suppress = call(exit, exitArguments(caught));
            if (s.isAsync)
                suppress = co_await await(suppress);
        } catch (...) {
            fromExit = std::current_exception();
        }
        m_state.handling.pop_back();
        if (fromExit)
            std::rethrow_exception(fromExit);
        if (!truthy(suppress))
            throw ScriptError {caught};
        co_return Flow::Normal;
    }
    std::vector<Value> noException(3);
    Value exitResult = call(exit, std::move(noException));
    if (s.isAsync)
        co_await await(exitResult);
    if (other)
        std::rethrow_exception(other);
    co_return flow;
}

} // namespace loopscope::script
