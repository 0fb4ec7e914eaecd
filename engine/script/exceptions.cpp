// The builtin exception hierarchy, as much of CPython's as scripts meet.
#include "script/exception_groups.h"
#include "script/interpreter.h"

#include <unordered_map>

namespace loopscope::script::exc {

namespace {
struct Hierarchy {
    std::vector<ClassObject *> all;
    std::unordered_map<std::string, ClassObject *> byName;

    ClassObject *add(const char *name, ClassObject *base)
    {
        auto *c = new ClassObject(name, Ref<ClassObject>(base));
        ++c->m_refCount; // process-wide, immortal
        c->isException = true;
        all.push_back(c);
        byName.emplace(name, c);
        return c;
    }

    Hierarchy()
    {
        ClassObject *base = add("BaseException", types::object());
        add("GeneratorExit", base);
        add("KeyboardInterrupt", base);
        add("SystemExit", base);
        add("CancelledError", base); // asyncio.CancelledError is a BaseException since 3.8
        ClassObject *exception = add("Exception", base);
        ClassObject *group = add("BaseExceptionGroup", base);
        ClassObject *exceptionGroup = add("ExceptionGroup", group);
        exceptionGroup->secondBase = exception;
        installExceptionGroupMethods(group, exceptionGroup);
        ClassObject *arithmetic = add("ArithmeticError", exception);
        add("ZeroDivisionError", arithmetic);
        add("OverflowError", arithmetic);
        add("FloatingPointError", arithmetic);
        add("AssertionError", exception);
        add("AttributeError", exception);
        add("EOFError", exception);
        ClassObject *import = add("ImportError", exception);
        add("ModuleNotFoundError", import);
        ClassObject *lookup = add("LookupError", exception);
        add("IndexError", lookup);
        add("KeyError", lookup);
        add("MemoryError", exception);
        ClassObject *name = add("NameError", exception);
        add("UnboundLocalError", name);
        ClassObject *os = add("OSError", exception);
        ClassObject *connection = add("ConnectionError", os);
        add("ConnectionRefusedError", connection);
        add("ConnectionResetError", connection);
        add("ConnectionAbortedError", connection);
        add("BrokenPipeError", connection);
        add("TimeoutError", os);
        add("FileNotFoundError", os);
        ClassObject *runtime = add("RuntimeError", exception);
        add("NotImplementedError", runtime);
        add("RecursionError", runtime);
        add("StopIteration", exception);
        add("StopAsyncIteration", exception);
        ClassObject *syntax = add("SyntaxError", exception);
        add("IndentationError", syntax);
        add("TypeError", exception);
        ClassObject *value = add("ValueError", exception);
        add("UnicodeError", value);
        ClassObject *warning = add("Warning", exception);
        add("RuntimeWarning", warning);
        add("DeprecationWarning", warning);
        add("UserWarning", warning);
        // asyncio's own
        byName["CancelledError"]->module = "asyncio.exceptions";
        add("InvalidStateError", exception)->module = "asyncio.exceptions";
        add("QueueEmpty", exception)->module = "asyncio.queues";
        add("QueueFull", exception)->module = "asyncio.queues";
        add("BrokenBarrierError", runtime)->module = "asyncio.exceptions";
    }
};

Hierarchy &hierarchy()
{
    static Hierarchy *h = new Hierarchy; // immortal, like the other builtin classes
    return *h;
}

ClassObject *get(const char *name)
{
    return hierarchy().byName.at(name);
}
} // namespace

ClassObject *byName(const std::string &name)
{
    auto &h = hierarchy();
    auto it = h.byName.find(name);
    return it == h.byName.end() ? nullptr : it->second;
}

const std::vector<ClassObject *> &all()
{
    return hierarchy().all;
}

ClassObject *baseException()
{
    return get("BaseException");
}
ClassObject *exception()
{
    return get("Exception");
}
ClassObject *baseExceptionGroup()
{
    return get("BaseExceptionGroup");
}
ClassObject *exceptionGroup()
{
    return get("ExceptionGroup");
}
ClassObject *typeError()
{
    return get("TypeError");
}
ClassObject *valueError()
{
    return get("ValueError");
}
ClassObject *keyError()
{
    return get("KeyError");
}
ClassObject *indexError()
{
    return get("IndexError");
}
ClassObject *attributeError()
{
    return get("AttributeError");
}
ClassObject *nameError()
{
    return get("NameError");
}
ClassObject *unboundLocalError()
{
    return get("UnboundLocalError");
}
ClassObject *zeroDivisionError()
{
    return get("ZeroDivisionError");
}
ClassObject *runtimeError()
{
    return get("RuntimeError");
}
ClassObject *stopIteration()
{
    return get("StopIteration");
}
ClassObject *overflowError()
{
    return get("OverflowError");
}
ClassObject *notImplementedError()
{
    return get("NotImplementedError");
}
ClassObject *assertionError()
{
    return get("AssertionError");
}
ClassObject *recursionError()
{
    return get("RecursionError");
}
ClassObject *timeoutError()
{
    return get("TimeoutError");
}
ClassObject *cancelledError()
{
    return get("CancelledError");
}
ClassObject *invalidStateError()
{
    return get("InvalidStateError");
}
ClassObject *queueEmpty()
{
    return get("QueueEmpty");
}
ClassObject *queueFull()
{
    return get("QueueFull");
}
ClassObject *generatorExit()
{
    return get("GeneratorExit");
}
ClassObject *importError()
{
    return get("ImportError");
}
ClassObject *moduleNotFoundError()
{
    return get("ModuleNotFoundError");
}
ClassObject *syntaxError()
{
    return get("SyntaxError");
}
ClassObject *stopAsyncIteration()
{
    return get("StopAsyncIteration");
}

} // namespace loopscope::script::exc

namespace loopscope::script {

namespace {

ClassObject *tracebackClass();
ClassObject *frameClass();
ClassObject *codeClass();

// tb.tb_frame as far as tutorials read it: f_lineno, f_code.co_name and co_filename. The frames
// themselves are gone, so a frame is its traceback entry (its line: where the exception passed,
// or the line running now for the frame that is still executing, as CPython's live frame says).
class FrameInfoObject : public Object {
public:
    FrameInfoObject(std::string fn, int l, bool code)
        : Object(ObjKind::Other)
        , function(std::move(fn))
        , line(l)
        , isCode(code)
    {
    }
    ClassObject *cls() const override { return isCode ? codeClass() : frameClass(); }
    std::string function;
    int line;
    bool isCode;
};

ClassObject *frameClass()
{
    static ClassObject *c = [] {
        ClassObject *c = immortalClass("frame");
        c->properties["f_lineno"]
            = [](Interpreter &, const Value &v) { return Value::integer(v.as<FrameInfoObject>()->line); };
        c->properties["f_code"] = [](Interpreter &, const Value &v) {
            auto *f = v.as<FrameInfoObject>();
            return Value(make<FrameInfoObject>(f->function, f->line, true));
        };
        return c;
    }();
    return c;
}

ClassObject *codeClass()
{
    static ClassObject *c = [] {
        ClassObject *c = immortalClass("code");
        c->properties["co_name"] = [](Interpreter &, const Value &v) { return str(v.as<FrameInfoObject>()->function); };
        c->properties["co_filename"] = [](Interpreter &in, const Value &) {
            return str(in.module() ? in.module()->fileName : std::string("<string>"));
        };
        return c;
    }();
    return c;
}

// One level of exc.__traceback__: the frames it went through, outermost first, and this one's place.
class TracebackObject : public Object {
public:
    TracebackObject(std::shared_ptr<const std::vector<TracebackEntry>> e, std::size_t i)
        : Object(ObjKind::Other)
        , entries(std::move(e))
        , index(i)
    {
    }
    ClassObject *cls() const override { return tracebackClass(); }
    std::shared_ptr<const std::vector<TracebackEntry>> entries;
    std::size_t index;
};

ClassObject *tracebackClass()
{
    static ClassObject *c = [] {
        ClassObject *c = immortalClass("traceback");
        auto level = [](const Value &v) { return v.as<TracebackObject>(); };
        c->properties["tb_lineno"] = [level](Interpreter &, const Value &v) {
            return Value::integer((*level(v)->entries)[level(v)->index].line);
        };
        c->properties["tb_frame"] = [level](Interpreter &in, const Value &v) {
            const TracebackEntry &entry = (*level(v)->entries)[level(v)->index];
            const Frame *running = in.currentFrame();
            const bool live = level(v)->index == 0 && running && running->name == entry.function;
            return Value(make<FrameInfoObject>(entry.function, live ? in.currentLine() : entry.line, false));
        };
        c->properties["tb_next"] = [level](Interpreter &, const Value &v) -> Value {
            auto *tb = level(v);
            if (tb->index + 1 >= tb->entries->size())
                return Value();
            return Value(make<TracebackObject>(tb->entries, tb->index + 1));
        };
        return c;
    }();
    return c;
}

} // namespace

Value tracebackOf(const ExceptionData &data)
{
    auto entries = std::make_shared<std::vector<TracebackEntry>>();
    if (data.traceback.empty() && data.handledLine) // caught where it was raised, by a native
        entries->push_back({data.handledIn, data.handledLine});
    for (auto it = data.traceback.rbegin(); it != data.traceback.rend(); ++it)
        entries->push_back(*it);
    if (entries->empty())
        return Value(); // never raised
    return Value(make<TracebackObject>(std::move(entries), 0));
}

} // namespace loopscope::script
