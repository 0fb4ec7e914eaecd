// Generators and async generators: function bodies that suspend at every `yield`.
//
// The body runs as a chain of QCoro tasks under a driver coroutine that starts suspended. A
// `yield` parks the innermost frame of the chain (YieldAwaiter) and transfers control to the
// consumer: the coroutine that resumed the body (async generators), or back to the plain C++
// caller of resume() (generators). Because the transfer is symmetric, an async generator's body
// can also park its task on a future between two yields: the task resumes it later, and its next
// yield continues the consumer in that task, as CPython's async generators do.
#include "script/interpreter.h"

#include "engine.h"

#include <algorithm>

namespace loopscope::script {

namespace {

ClassObject *generatorType()
{
    static ClassObject *c = immortalClass("generator");
    return c;
}

ClassObject *asyncGeneratorType()
{
    static ClassObject *c = immortalClass("async_generator");
    return c;
}

std::coroutine_handle<> takeConsumer(GeneratorObject &gen)
{
    auto next = gen.consumer;
    gen.consumer = {};
    return next ? next : std::noop_coroutine();
}

// Runs a generator's body and, when it ends, hands control to the consumer. It catches everything
// the body throws: the consumer re-raises it (finishResume). The suspended machinery finds its
// generator through the body's frame (Frame::generator), so that a dropped async generator can
// hand its suspended body to an heir that is closed later (~GeneratorObject).
struct GeneratorDriver {
    struct promise_type {
        promise_type(Interpreter &, Frame *f)
            : frame(f)
        {
        }
        Frame *frame;
        GeneratorDriver get_return_object()
        {
            return GeneratorDriver {std::coroutine_handle<promise_type>::from_promise(*this)};
        }
        std::suspend_always initial_suspend() noexcept { return {}; }
        struct FinalAwaiter {
            bool await_ready() const noexcept { return false; }
            std::coroutine_handle<> await_suspend(std::coroutine_handle<promise_type> h) noexcept
            {
                return takeConsumer(*h.promise().frame->generator);
            }
            void await_resume() const noexcept { }
        };
        FinalAwaiter final_suspend() noexcept { return {}; }
        void return_void() { }
        void unhandled_exception() { std::terminate(); } // drive() lets nothing escape
    };
    std::coroutine_handle<promise_type> handle;
};

GeneratorDriver drive(Interpreter &in, Frame *frame)
{
    try {
        Ref<FunctionObject> fn = frame->generator->function;
        Value result = co_await in.runGeneratorBody(fn, frame->generator);
        frame->generator->returnValue = std::move(result);
    } catch (...) {
        frame->generator->error = std::current_exception();
    }
    frame->generator->state = GeneratorObject::State::Finished;
    in.generatorLeave(*frame->generator);
}

// `yield`: parks the body and continues the consumer; resumed, returns the sent value or raises
// what was thrown in.
struct YieldAwaiter {
    Interpreter *in;
    Frame *frame;
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> h)
    {
        GeneratorObject *gen = frame->generator;
        gen->resumePoint = h;
        gen->state = GeneratorObject::State::Suspended;
        in->generatorLeave(*gen);
        return takeConsumer(*gen);
    }
    Value await_resume()
    {
        GeneratorObject *gen = frame->generator;
        auto how = gen->throwKind;
        gen->throwKind = GeneratorObject::Throw::None;
        switch (how) {
        case GeneratorObject::Throw::None: break;
        case GeneratorObject::Throw::Teardown: throw TeardownSignal {};
        case GeneratorObject::Throw::Close: in->raise(in->makeException(exc::generatorExit(), std::vector<Value> {}));
        case GeneratorObject::Throw::Exception: {
            Value e = std::move(gen->thrown);
            gen->thrown = Value();
            in->raise(std::move(e));
        }
        }
        Value sent = std::move(gen->transfer);
        gen->transfer = Value();
        return sent;
    }
};

// Resuming an async generator from a coroutine: the body runs, in this task, until its next
// yield or its end, which resume the awaiting coroutine.
struct AsyncResumeAwaiter {
    Interpreter *in;
    GeneratorObject *gen;
    bool await_ready() const noexcept { return false; }
    std::coroutine_handle<> await_suspend(std::coroutine_handle<> h)
    {
        gen->consumer = h;
        in->generatorEnter(*gen);
        auto next = gen->resumePoint;
        gen->resumePoint = {};
        return next;
    }
    void await_resume() const noexcept { }
};

// gen.throw(exc) / athrow(exc): an exception class is instantiated, as CPython does.
Value thrownException(Interpreter &in, const CallArgs &a, const char *method)
{
    args::expect(in, method, a, 1, 3);
    Value e = a.args[0];
    if (e.is(ObjKind::Class) && e.as<ClassObject>()->isException)
        e = in.call(e, std::vector<Value> {});
    if (!e.is(ObjKind::Instance) || !e.as<InstanceObject>()->exception)
        in.raise(exc::typeError(), "exceptions must be classes or instances deriving from BaseException, not "
                + in.typeName(e));
    return e;
}

GeneratorObject &self(const Value &v)
{
    return *v.as<GeneratorObject>();
}

// StopIteration(value) for the end of a generator that returned `value`.
[[noreturn]] void raiseStop(Interpreter &in, GeneratorObject &gen)
{
    Value r = std::move(gen.returnValue);
    gen.returnValue = Value();
    std::vector<Value> args;
    if (!r.isNone())
        args.push_back(r);
    in.raise(in.makeException(exc::stopIteration(), std::move(args)));
}

void installGeneratorMethods()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    ClassObject *g = generatorType();
    g->addMethod("__iter__", [](Interpreter &, const Value &s, CallArgs &) { return s; });
    g->addMethod("__next__", [](Interpreter &in, const Value &s, CallArgs &a) {
        args::expect(in, "__next__", a, 0, 0);
        Ref<GeneratorObject> keep(&self(s));
        Value out;
        if (!in.resumeGenerator(*keep, Value(), out))
            raiseStop(in, *keep);
        return out;
    });
    g->addMethod("send", [](Interpreter &in, const Value &s, CallArgs &a) {
        args::expect(in, "send", a, 1, 1);
        Ref<GeneratorObject> keep(&self(s));
        Value out;
        if (!in.resumeGenerator(*keep, a.args[0], out))
            raiseStop(in, *keep);
        return out;
    });
    g->addMethod("throw", [](Interpreter &in, const Value &s, CallArgs &a) {
        Ref<GeneratorObject> keep(&self(s));
        Value e = thrownException(in, a, "throw");
        if (keep->state == GeneratorObject::State::Created || keep->state == GeneratorObject::State::Finished) {
            in.closeGenerator(*keep, GeneratorObject::Throw::Close);
            in.raise(e); // never started (or over): raised right here
        }
        keep->throwKind = GeneratorObject::Throw::Exception;
        keep->thrown = e;
        Value out;
        if (!in.resumeGenerator(*keep, Value(), out))
            raiseStop(in, *keep);
        return out;
    });
    g->addMethod("close", [](Interpreter &in, const Value &s, CallArgs &a) {
        args::expect(in, "close", a, 0, 0);
        Ref<GeneratorObject> keep(&self(s));
        in.closeGenerator(*keep, GeneratorObject::Throw::Close);
        return Value();
    });

    // Async generators: each method returns an awaitable that resumes the body.
    ClassObject *ag = asyncGeneratorType();
    auto awaitable = [](Interpreter &in, const Value &s, const char *name, Value sent, GeneratorObject::Throw how) {
        Ref<GeneratorObject> gen(&self(s));
        in.asyncgenFirstIter(*gen);
        auto body = [&in, gen, sent, how]() { return in.resumeAsyncGenerator(gen, sent, how); };
        return Value(make<CoroutineObject>(gen->function->def->qualname + "." + name, body, in.currentLine()));
    };
    ag->addMethod("__aiter__", [](Interpreter &, const Value &s, CallArgs &) { return s; });
    ag->addMethod("__anext__", [awaitable](Interpreter &in, const Value &s, CallArgs &a) {
        args::expect(in, "__anext__", a, 0, 0);
        return awaitable(in, s, "__anext__", Value(), GeneratorObject::Throw::None);
    });
    ag->addMethod("asend", [awaitable](Interpreter &in, const Value &s, CallArgs &a) {
        args::expect(in, "asend", a, 1, 1);
        return awaitable(in, s, "asend", a.args[0], GeneratorObject::Throw::None);
    });
    ag->addMethod("athrow", [awaitable](Interpreter &in, const Value &s, CallArgs &a) {
        return awaitable(in, s, "athrow", thrownException(in, a, "athrow"), GeneratorObject::Throw::Exception);
    });
    ag->addMethod("aclose", [awaitable](Interpreter &in, const Value &s, CallArgs &a) {
        args::expect(in, "aclose", a, 0, 0);
        return awaitable(in, s, "aclose", Value(), GeneratorObject::Throw::Close);
    });
}

} // namespace

GeneratorObject::GeneratorObject(Interpreter &in, Ref<FunctionObject> fn, std::shared_ptr<Frame> f, bool async)
    : Object(ObjKind::Generator)
    , interpreter(in)
    , function(std::move(fn))
    , frame(std::move(f))
    , isAsync(async)
{
    track();
    installGeneratorMethods();
}

ClassObject *GeneratorObject::cls() const
{
    return isAsync ? asyncGeneratorType() : generatorType();
}

// A generator dropped while suspended is closed, as CPython does when its last reference goes:
// GeneratorExit at the yield, so its finally blocks run now.
GeneratorObject::~GeneratorObject()
{
    if (onLoop) // freed: gone from the loop's weak set
        std::erase(interpreter.m_loopAsyncgens, this);
    if (state == State::Suspended && isAsync) {
        // CPython's asyncio finalizer hook: the loop runs agen.aclose() in a new task, soon. The
        // body cannot run from here (the consumer that dropped it may be in the middle of a
        // transfer out of it): an heir takes the suspended body over.
        auto heir = make<GeneratorObject>(interpreter, function, frame, true);
        heir->state = State::Suspended;
        heir->hooksInited = true; // the finalizer hook took it: the loop's set no longer holds it
        heir->driver = driver;
        heir->resumePoint = resumePoint;
        heir->handling = std::move(handling);
        frame->generator = heir.get();
        driver = {};
        resumePoint = {};
        state = State::Finished;
        interpreter.adoptGenerator(this, heir);
        return;
    }
    if (state == State::Suspended) {
        ++m_refCount; // alive while its body finishes
        try {
            interpreter.closeGenerator(*this, Throw::Close);
        } catch (...) {
            // CPython reports errors of a finalizer as "Exception ignored" and goes on
        }
        for (int i = 0; i < 100 && state == State::Suspended; ++i) {
            try {
                interpreter.closeGenerator(*this, Throw::Teardown);
            } catch (...) {
            }
        }
        --m_refCount;
    }
    if (state != State::Suspended && driver)
        driver.destroy();
}

void GeneratorObject::clearRefs()
{
    if (state == State::Running || state == State::Suspended)
        return; // finished first by Interpreter::closeGenerators()
    function.reset();
    if (frame) {
        frame->locals.clear();
        frame->cells.clear();
        frame->returnValue = Value();
    }
    transfer = Value();
    thrown = Value();
    returnValue = Value();
    firstIterator = Value();
    handling.clear();
}

// `(await f(x) for x in xs)`, `(x async for x in agen())`: an async generator named <genexpr>
// whose body is the comprehension's loops (evalComprehensionAsync), run in a copy of the frame.
Value Interpreter::asyncGeneratorExpression(const Expr &e, Frame &f, const Value &iterable)
{
    std::shared_ptr<FunctionDef> &def = m_genexprDefs[&e];
    if (!def) {
        def = std::make_shared<FunctionDef>();
        def->name = "<genexpr>";
        def->qualname = f.def && !f.classNamespace ? f.def->qualname + ".<locals>.<genexpr>" : "<genexpr>";
        def->pos = e.pos;
        def->isAsync = def->isGenerator = true;
    }
    auto fn = make<FunctionObject>();
    fn->def = def;
    fn->module = m_module;
    fn->globals = f.globals;
    auto frame = std::make_shared<Frame>(f);
    frame->name = "<genexpr>";
    frame->line = e.pos.line;
    frame->hidden = false;
    frame->returnValue = Value();
    Value first = e.generators[0].isAsync ? asyncIter(iterable) : iter(iterable);
    Value gen = makeGenerator(fn.get(), frame);
    gen.as<GeneratorObject>()->expression = &e;
    gen.as<GeneratorObject>()->firstIterator = std::move(first);
    return gen;
}

Value Interpreter::makeGenerator(FunctionObject *fn, std::shared_ptr<Frame> frame)
{
    auto gen = make<GeneratorObject>(*this, Ref<FunctionObject>(fn), frame, fn->def->isAsync);
    frame->generator = gen.get();
    GeneratorDriver d = drive(*this, frame.get());
    gen->driver = d.handle;
    gen->resumePoint = d.handle;
    return Value(gen);
}

QCoro::Task<Value> Interpreter::runGeneratorBody(Ref<FunctionObject> fn, GeneratorObject *gen)
{
    Frame &frame = *gen->frame;
    frame.line = fn->def->pos.line;
    if (gen->expression) {
        Value none = co_await evalComprehensionAsync(*gen->expression, frame, Mode::Task);
        co_return none;
    }
    Flow flow = co_await execBlockAsync(fn->def->body, frame, Mode::Task);
    co_return flow == Flow::Return ? std::move(frame.returnValue) : Value();
}

QCoro::Task<Value> Interpreter::yieldValue(Value v, Frame &f)
{
    f.generator->transfer = std::move(v);
    Value sent = co_await YieldAwaiter {this, &f};
    co_return sent;
}

// `yield from`: every value of the subiterator passes through; sent values go to a subgenerator.
QCoro::Task<Value> Interpreter::yieldFrom(Value iterable, Frame &f)
{
    Value it = iter(iterable);
    Value sent;
    for (;;) {
        Value item;
        bool more = false;
        if (it.is(ObjKind::Generator)) {
            Ref<GeneratorObject> sub(it.as<GeneratorObject>());
            more = resumeGenerator(*sub, sent, item);
            if (!more) {
                Value result = std::move(sub->returnValue);
                sub->returnValue = Value();
                co_return result;
            }
        } else if (!next(it, item)) {
            co_return Value();
        }
        Value received = co_await yieldValue(std::move(item), f);
        sent = std::move(received);
    }
}

void Interpreter::generatorEnter(GeneratorObject &gen)
{
    if (gen.state == GeneratorObject::State::Created)
        m_generators.push_back(&gen);
    gen.state = GeneratorObject::State::Running;
    gen.savedFrame = m_state.frame;
    gen.savedDepth = m_state.depth;
    gen.savedHandling = m_state.handling.size();
    for (auto &h : gen.handling)
        m_state.handling.push_back(h);
    gen.handling.clear();
    m_state.frame = gen.frame.get();
    ++m_state.depth;
}

void Interpreter::generatorLeave(GeneratorObject &gen)
{
    if (m_state.handling.size() > gen.savedHandling) {
        gen.handling.assign(m_state.handling.begin() + std::ptrdiff_t(gen.savedHandling), m_state.handling.end());
        m_state.handling.resize(gen.savedHandling);
    }
    m_state.frame = gen.savedFrame;
    m_state.depth = gen.savedDepth;
}

bool Interpreter::finishResume(GeneratorObject &gen, Value &out)
{
    if (gen.state == GeneratorObject::State::Suspended) {
        out = std::move(gen.transfer);
        gen.transfer = Value();
        return true;
    }
    // The body ended: its frames are gone, only the driver waits at its final suspension.
    if (gen.driver) {
        gen.driver.destroy();
        gen.driver = {};
    }
    m_generators.erase(std::remove(m_generators.begin(), m_generators.end(), &gen), m_generators.end());
    gen.handling.clear();
    if (gen.frame) {
        gen.frame->locals.clear();
        gen.frame->cells.clear();
    }
    if (!gen.error)
        return false;
    std::exception_ptr error = gen.error;
    gen.error = nullptr;
    try {
        std::rethrow_exception(error);
    } catch (ScriptError &e) {
        // PEP 479: a StopIteration (or StopAsyncIteration) leaking out of the body is a bug.
        ClassObject *leaked = isInstance(e.exception, exc::stopIteration()) ? exc::stopIteration()
            : gen.isAsync && isInstance(e.exception, exc::stopAsyncIteration()) ? exc::stopAsyncIteration()
                                                                                   : nullptr;
        if (leaked) {
            Value err = makeException(exc::runtimeError(),
                std::string(gen.isAsync ? "async generator" : "generator") + " raised " + leaked->name);
            err.as<InstanceObject>()->exception->cause = e.exception;
            err.as<InstanceObject>()->exception->suppressContext = true;
            err.as<InstanceObject>()->exception->context = e.exception;
            e.exception = err;
        }
        addTraceback(e, m_state.frame);
        throw;
    }
}

bool Interpreter::resumeGenerator(GeneratorObject &gen, const Value &sent, Value &out)
{
    Ref<GeneratorObject> keep(&gen);
    if (gen.isAsync)
        raise(exc::typeError(), "'async_generator' object is not an iterator");
    if (gen.state == GeneratorObject::State::Running)
        raise(exc::valueError(), "generator already executing");
    if (gen.state == GeneratorObject::State::Finished)
        return false;
    if (gen.state == GeneratorObject::State::Created && !sent.isNone())
        raise(exc::typeError(), "can't send non-None value to a just-started generator");
    gen.transfer = sent;
    gen.consumer = {};
    generatorEnter(gen);
    auto resumePoint = gen.resumePoint;
    gen.resumePoint = {};
    resumePoint.resume();
    return finishResume(gen, out);
}

// (Coroutine parameters live until the coroutine frame is destroyed, after the awaiting coroutine
// has gone on; locals end at co_return. The generator is held by a local, so that dropping it
// happens when CPython drops it.)
QCoro::Task<Value> Interpreter::resumeAsyncGenerator(Ref<GeneratorObject> target, Value sent, GeneratorObject::Throw how)
{
    Ref<GeneratorObject> gen = std::move(target);
    if (gen->state == GeneratorObject::State::Running)
        raise(exc::runtimeError(), "anext(): asynchronous generator is already running");
    const bool closing = how == GeneratorObject::Throw::Close;
    if (gen->state == GeneratorObject::State::Created && how != GeneratorObject::Throw::None) {
        // thrown into a generator that never ran: it is over before it starts
        closeGenerator(*gen, GeneratorObject::Throw::Close);
        if (!closing)
            raise(sent);
    }
    if (gen->state == GeneratorObject::State::Finished) {
        if (closing)
            co_return Value();
        raise(makeException(exc::stopAsyncIteration(), std::vector<Value> {}));
    }
    if (gen->state == GeneratorObject::State::Created && !sent.isNone())
        raise(exc::typeError(), "can't send non-None value to a just-started async generator");
    gen->throwKind = how;
    if (how == GeneratorObject::Throw::Exception)
        gen->thrown = sent;
    else
        gen->transfer = sent;
    co_await AsyncResumeAwaiter {this, gen.get()};
    Value out;
    bool yielded = false;
    std::exception_ptr error;
    try {
        yielded = finishResume(*gen, out);
    } catch (ScriptError &e) {
        // aclose(): the GeneratorExit coming back out means the generator closed properly
        if (!closing || !isInstance(e.exception, exc::generatorExit()))
            error = std::current_exception();
    }
    if (error)
        std::rethrow_exception(error);
    if (closing) {
        if (yielded)
            raise(exc::runtimeError(), "async generator ignored GeneratorExit");
        co_return Value();
    }
    if (!yielded)
        raise(makeException(exc::stopAsyncIteration(), std::vector<Value> {}));
    co_return out;
}

void Interpreter::closeGenerator(GeneratorObject &gen, GeneratorObject::Throw how)
{
    Ref<GeneratorObject> keep(&gen);
    switch (gen.state) {
    case GeneratorObject::State::Created:
        gen.state = GeneratorObject::State::Finished;
        if (gen.driver) {
            gen.driver.destroy();
            gen.driver = {};
        }
        return;
    case GeneratorObject::State::Finished: return;
    case GeneratorObject::State::Running: raise(exc::valueError(), "generator already executing");
    case GeneratorObject::State::Suspended: break;
    }
    gen.throwKind = how;
    gen.consumer = {};
    // Outside of its task an async generator cannot await: its cleanup code raises if it tries.
    const bool savedClosing = m_closingGenerator;
    m_closingGenerator = gen.isAsync || how == GeneratorObject::Throw::Teardown;
    generatorEnter(gen);
    auto resumePoint = gen.resumePoint;
    gen.resumePoint = {};
    resumePoint.resume();
    m_closingGenerator = savedClosing;
    Value out;
    try {
        if (finishResume(gen, out)) {
            if (how == GeneratorObject::Throw::Teardown)
                return; // yielded again: the caller tries once more
            raise(exc::runtimeError(), std::string(gen.isAsync ? "async generator" : "generator") + " ignored GeneratorExit");
        }
    } catch (ScriptError &e) {
        if (how == GeneratorObject::Throw::Teardown || isInstance(e.exception, exc::generatorExit())
            || isInstance(e.exception, exc::stopIteration()))
            return;
        throw;
    } catch (TeardownSignal &) {
        if (how != GeneratorObject::Throw::Teardown)
            throw;
    }
}

void Interpreter::adoptGenerator(GeneratorObject *dropped, const Ref<GeneratorObject> &heir)
{
    std::replace(m_generators.begin(), m_generators.end(), dropped, heir.get());
    m_orphans.push_back(heir); // until its aclose() task takes it, or teardown closes it
    if (!m_engine.loopRunning())
        return;
    GeneratorObject *raw = heir.get();
    Engine &engine = m_engine;
    engine.loop().callSoon([this, &engine, raw] {
        auto it = std::find_if(m_orphans.begin(), m_orphans.end(), [raw](auto &g) { return g.get() == raw; });
        if (it == m_orphans.end())
            return;
        Value gen(*it);
        m_orphans.erase(it);
        CallArgs none;
        Value coro = call(*findAttr(gen, "aclose"), none);
        engine.createTask(Ref<CoroutineObject>(coro.as<CoroutineObject>()), Value(), true);
    });
}

void Interpreter::asyncgenFirstIter(GeneratorObject &gen)
{
    if (gen.hooksInited)
        return;
    gen.hooksInited = true;
    // base_events installs its hooks only while the loop runs (run_forever).
    if (!m_engine.loopRunning())
        return;
    gen.onLoop = true;
    m_loopAsyncgens.push_back(&gen);
}

// shutdown_asyncgens(): every async generator the loop still holds, started or exhausted, in
// the order they were first iterated (CPython's weak set has no defined order).
std::vector<Value> Interpreter::takeLoopAsyncgens()
{
    std::vector<Value> gens;
    for (auto *g : m_loopAsyncgens) {
        g->onLoop = false;
        gens.emplace_back(Ref<GeneratorObject>(g));
    }
    m_loopAsyncgens.clear();
    return gens;
}

void Interpreter::closeGenerators()
{
    auto orphans = std::move(m_orphans); // released once they are closed below
    for (int round = 0; round < 100 && !m_generators.empty(); ++round) {
        std::vector<Ref<GeneratorObject>> live;
        for (auto *g : m_generators)
            if (g->state == GeneratorObject::State::Suspended)
                live.emplace_back(g);
        if (live.empty())
            return;
        for (auto &g : live) {
            try {
                closeGenerator(*g, GeneratorObject::Throw::Teardown);
            } catch (...) {
            }
        }
    }
}

Value Interpreter::asyncIter(const Value &iterable)
{
    if (iterable.is(ObjKind::Generator) && iterable.as<GeneratorObject>()->isAsync)
        return iterable;
    auto m = findAttr(iterable, "__aiter__");
    if (!m)
        raise(exc::typeError(), "'async for' requires an object with __aiter__ method, got " + typeName(iterable));
    Value it = call(*m, std::vector<Value> {});
    if (!findAttr(it, "__anext__"))
        raise(exc::typeError(),
            "'async for' received an object from __aiter__ that does not implement __anext__: " + typeName(it));
    return it;
}

QCoro::Task<bool> Interpreter::asyncNext(Value target, Value *out)
{
    Value iterator = std::move(target); // see resumeAsyncGenerator()
    if (iterator.is(ObjKind::Generator) && iterator.as<GeneratorObject>()->isAsync) {
        Ref<GeneratorObject> gen(iterator.as<GeneratorObject>());
        asyncgenFirstIter(*gen);
        if (gen->state == GeneratorObject::State::Finished)
            co_return false;
        if (gen->state == GeneratorObject::State::Running)
            raise(exc::runtimeError(), "anext(): asynchronous generator is already running");
        gen->transfer = Value();
        co_await AsyncResumeAwaiter {this, gen.get()};
        bool more = finishResume(*gen, *out);
        co_return more;
    }
    auto m = findAttr(iterator, "__anext__");
    if (!m)
        raise(exc::typeError(), "'async for' requires an iterator with __anext__ method, got " + typeName(iterator));
    Value awaitable = call(*m, std::vector<Value> {});
    Value item;
    bool stopped = false;
    try {
        item = co_await await(awaitable);
    } catch (ScriptError &e) {
        if (!isInstance(e.exception, exc::stopAsyncIteration()))
            throw;
        stopped = true;
    }
    if (stopped)
        co_return false;
    *out = std::move(item);
    co_return true;
}

} // namespace loopscope::script
