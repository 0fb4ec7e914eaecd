// User classes: the class statement, instances, property/staticmethod/classmethod, super() and
// the dunder methods the object protocol (objects.cpp) dispatches to.
#include "script/interpreter.h"

#include <algorithm>

namespace loopscope::script {

ClassObject *immortalClass(const char *name, ClassObject *base)
{
    Heap *saved = Heap::current();
    Heap::setCurrent(nullptr);
    auto *c = new ClassObject(name, Ref<ClassObject>(base ? base : types::object()));
    ++c->m_refCount; // process-wide, like the other builtin classes
    Heap::setCurrent(saved);
    return c;
}

namespace {

ClassObject *propertyType()
{
    static ClassObject *c = immortalClass("property");
    return c;
}
ClassObject *staticMethodType()
{
    static ClassObject *c = immortalClass("staticmethod");
    return c;
}
ClassObject *classMethodType()
{
    static ClassObject *c = immortalClass("classmethod");
    return c;
}
ClassObject *superType()
{
    static ClassObject *c = immortalClass("super");
    return c;
}
ClassObject *notImplementedType()
{
    static ClassObject *c = immortalClass("NotImplementedType");
    return c;
}

// property, staticmethod and classmethod objects: what a decorator leaves in the class namespace.
class DescriptorObject : public Object {
public:
    enum class Which : std::uint8_t { Property, StaticMethod, ClassMethod };
    DescriptorObject(Which w, Value f)
        : Object(ObjKind::Other)
        , which(w)
        , function(std::move(f))
    {
        track();
    }
    ClassObject *cls() const override
    {
        switch (which) {
        case Which::Property: return propertyType();
        case Which::StaticMethod: return staticMethodType();
        case Which::ClassMethod: break;
        }
        return classMethodType();
    }
    void clearRefs() override
    {
        function = Value();
        setter = Value();
        deleter = Value();
    }
    Which which;
    Value function; // the getter of a property
    Value setter;
    Value deleter;
};

DescriptorObject *descriptor(const Value &v)
{
    return v.is(ObjKind::Other) ? dynamic_cast<DescriptorObject *>(v.obj()) : nullptr;
}

// super(): attribute lookup that starts after `start` in the class chain of `self`.
class SuperObject : public Object {
public:
    SuperObject(Ref<ClassObject> s, Value o)
        : Object(ObjKind::Other)
        , start(std::move(s))
        , self(std::move(o))
    {
        track();
    }
    ClassObject *cls() const override { return superType(); }
    void clearRefs() override
    {
        start.reset();
        self = Value();
    }
    Ref<ClassObject> start;
    Value self;
};

const char *dunderName(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Add: return "add";
    case BinaryOp::Sub: return "sub";
    case BinaryOp::Mul: return "mul";
    case BinaryOp::MatMul: return "matmul";
    case BinaryOp::Div: return "truediv";
    case BinaryOp::FloorDiv: return "floordiv";
    case BinaryOp::Mod: return "mod";
    case BinaryOp::Pow: return "pow";
    case BinaryOp::LShift: return "lshift";
    case BinaryOp::RShift: return "rshift";
    case BinaryOp::BitOr: return "or";
    case BinaryOp::BitXor: return "xor";
    case BinaryOp::BitAnd: return "and";
    }
    return "?";
}

bool isNotImplemented(const Value &v)
{
    return v.is(ObjKind::Instance) && v.as<InstanceObject>()->klass.get() == notImplementedType();
}

bool isUserInstance(const Value &v)
{
    return v.is(ObjKind::Instance) && !v.as<InstanceObject>()->klass->builtin;
}

// Does the user class `c` itself (not a base shared with `base`) define `name`?
bool overrides(const ClassObject *c, const ClassObject *base, const std::string &name)
{
    for (const ClassObject *k = c; k && k != base && !k->builtin; k = k->base.get())
        if (k->dict->findStr(name))
            return true;
    return false;
}

} // namespace

Value notImplemented()
{
    static InstanceObject *singleton = [] {
        Heap *saved = Heap::current();
        Heap::setCurrent(nullptr);
        auto *o = new InstanceObject(Ref<ClassObject>(notImplementedType()));
        ++o->m_refCount; // immortal, as CPython's singleton
        Heap::setCurrent(saved);
        return o;
    }();
    return Value(Ref<InstanceObject>(singleton));
}

// ---- the class statement ----------------------------------------------------------------------

void Interpreter::execClassDef(const Stmt &s, Frame &f)
{
    const ClassDef &cd = *s.classDef;
    std::vector<Value> decorators;
    for (auto &d : cd.decorators)
        decorators.push_back(eval(*d, f));
    std::vector<Value> bases;
    for (auto &b : cd.bases) {
        if (b->kind == ExprKind::Starred)
            raise(exc::notImplementedError(), "`*bases` in a class statement is not supported yet");
        bases.push_back(eval(*b, f));
    }
    f.line = s.pos.line;
    if (!cd.keywords.empty())
        raise(exc::notImplementedError(), "class keywords (metaclass=...) are not supported yet");
    Ref<ClassObject> base(types::object());
    if (bases.size() > 1)
        raise(exc::notImplementedError(), "multiple inheritance is not supported yet");
    if (bases.size() == 1) {
        if (!bases[0].is(ObjKind::Class))
            raise(exc::typeError(), "bases must be types");
        base = Ref<ClassObject>(bases[0].as<ClassObject>());
        if (base->builtin && !base->isException && base.get() != types::object())
            raise(exc::notImplementedError(), "subclassing the builtin type '" + base->name + "' is not supported yet");
    }

    // The body runs as a frame of its own, its names going to the namespace.
    const FunctionDef &scope = *cd.scope;
    Frame body;
    body.def = &scope;
    body.name = cd.name;
    body.globals = f.globals;
    body.classNamespace = make<DictObject>();
    body.classNamespace->set(str("__module__"), str("__main__"));
    body.classNamespace->set(str("__qualname__"), str(scope.qualname));
    if (!cd.docstring.empty())
        body.classNamespace->set(str("__doc__"), str(cd.docstring));
    for (std::size_t i = 0; i < scope.cellNames.size(); ++i)
        body.cells.push_back(make<CellObject>());
    for (auto &c : captureClosure(scope, f))
        body.cells.push_back(c);
    body.line = s.pos.line;
    {
        NestingGuard depth(*this, "while calling a Python object");
        FrameScope frameScope(*this, body);
        try {
            execBlock(cd.body, body);
        } catch (ScriptError &e) {
            addTraceback(e, &f);
            throw;
        }
    }

    auto cls = make<ClassObject>(cd.name, base, false);
    cls->qualname = scope.qualname;
    cls->module = "__main__";
    bool definesEq = false, definesHash = false;
    for (auto &entry : body.classNamespace->entries()) {
        if (!entry.live)
            continue;
        const std::string &name = entry.key.as<StrObject>()->value;
        if (name.find('@') != std::string::npos)
            continue; // a comprehension's hidden loop variable
        definesEq |= name == "__eq__";
        definesHash |= name == "__hash__";
        cls->dict->set(entry.key, entry.value);
    }
    if (definesEq && !definesHash)
        cls->dict->set(str("__hash__"), Value());
    // super() and __class__ in the methods read the class from this cell.
    auto it = std::find(scope.cellNames.begin(), scope.cellNames.end(), "__class__");
    if (it != scope.cellNames.end()) {
        auto &cell = body.cells[std::size_t(it - scope.cellNames.begin())];
        cell->value = Value(cls);
        cell->bound = true;
    }
    Value result(cls);
    for (auto d = decorators.rbegin(); d != decorators.rend(); ++d)
        result = call(*d, std::vector<Value> {result});
    storeName(cd.name, s.bindings[0].scope, s.bindings[0].slot, f, result);
}

Value Interpreter::instantiate(ClassObject *c, CallArgs &a)
{
    Ref<ClassObject> keep(c);
    Value inst;
    if (c->isException)
        inst = makeException(c, a.args); // BaseException.__new__ keeps the positional arguments
    else
        inst = Value(make<InstanceObject>(keep));
    const Value *init = c->lookup("__init__");
    const bool inherited = !init
        || (init->is(ObjKind::Native) && (!init->as<NativeObject>()->owner || init->as<NativeObject>()->owner->builtin));
    if (inherited) {
        // object.__init__ / BaseException.__init__: nothing more to do, but no stray arguments
        if (c->isException) {
            if (!a.kwargs.empty())
                raise(exc::typeError(), c->name + "() takes no keyword arguments");
        } else if (!a.args.empty() || !a.kwargs.empty()) {
            raise(exc::typeError(), c->name + "() takes no arguments");
        }
        return inst;
    }
    // (A plain __init__ is called with the instance as self, without making a bound method.)
    Value result = init->is(ObjKind::Function) ? callFunction(init->as<FunctionObject>(), a, inst)
                                               : call(bindAttribute(*init, inst, c), a);
    if (!result.isNone())
        raise(exc::typeError(), "__init__() should return None, not '" + typeName(result) + "'");
    return inst;
}

// ---- attributes -------------------------------------------------------------------------------

std::optional<Value> Interpreter::userMethod(const Value &obj, const char *name)
{
    if (!isUserInstance(obj))
        return std::nullopt;
    ClassObject *cls = obj.as<InstanceObject>()->klass.get();
    for (ClassObject *k = cls; k && !k->builtin; k = k->base.get())
        if (const Value *v = k->dict->findStr(name)) {
            if (v->isNone())
                return std::nullopt; // __hash__ = None
            return bindAttribute(*v, obj, cls);
        }
    return std::nullopt;
}

Value Interpreter::bindAttribute(const Value &attr, const Value &obj, ClassObject *owner)
{
    const bool throughClass = obj.is(ObjKind::Class);
    if (attr.is(ObjKind::Function))
        return throughClass ? attr : Value(make<BoundMethodObject>(obj, attr));
    if (attr.is(ObjKind::Native) && attr.as<NativeObject>()->owner && !throughClass) {
        // a method made in C++ for a user class (dataclasses)
        auto *n = attr.as<NativeObject>();
        return Value(make<NativeObject>(n->name, n->fn, obj));
    }
    if (auto *d = descriptor(attr)) {
        switch (d->which) {
        case DescriptorObject::Which::StaticMethod: return d->function;
        case DescriptorObject::Which::ClassMethod:
            return Value(make<BoundMethodObject>(throughClass ? obj : Value(Ref<ClassObject>(owner)), d->function));
        case DescriptorObject::Which::Property:
            if (throughClass)
                return attr;
            return call(d->function, std::vector<Value> {obj});
        }
    }
    return attr;
}

// Attributes of the objects defined here (super(), property), and of bound methods.
std::optional<Value> findSpecialAttr(Interpreter &in, const Value &obj, const std::string &name)
{
    if (obj.is(ObjKind::BoundMethod)) {
        auto *m = obj.as<BoundMethodObject>();
        if (name == "__self__")
            return m->self;
        if (name == "__func__")
            return m->function;
        if (name == "__name__" || name == "__qualname__" || name == "__doc__" || name == "__module__")
            return in.findAttr(m->function, name);
        return std::nullopt;
    }
    if (!obj.is(ObjKind::Other))
        return std::nullopt;
    if (auto *sup = dynamic_cast<SuperObject *>(obj.obj())) {
        const ClassObject *selfClass = sup->self.is(ObjKind::Class) ? sup->self.as<ClassObject>() : typeOf(sup->self);
        bool after = false;
        for (const ClassObject *k = selfClass; k; k = k->base.get()) {
            if (!after) {
                after = k == sup->start.get();
                continue;
            }
            if (const Value *v = k->dict->findStr(name)) {
                if (v->is(ObjKind::Native))
                    return Value(make<NativeObject>(v->as<NativeObject>()->name, v->as<NativeObject>()->fn, sup->self));
                return in.bindAttribute(*v, sup->self, const_cast<ClassObject *>(selfClass));
            }
            if (k == types::object() && !sup->self.is(ObjKind::Class)) {
                // object's own methods, as a subclass reaches them through super()
                Value self = sup->self;
                if (name == "__init__")
                    return Value(make<NativeObject>("object.__init__", [](Interpreter &, const Value &, CallArgs &) {
                        return Value();
                    }));
                if (name == "__setattr__")
                    return Value(make<NativeObject>("object.__setattr__", [self](Interpreter &in, const Value &, CallArgs &a) {
                        args::expect(in, "__setattr__", a, 2, 2);
                        auto *inst = self.is(ObjKind::Instance) ? self.as<InstanceObject>() : nullptr;
                        if (!inst || !a.args[0].is(ObjKind::Str))
                            in.raise(exc::typeError(), "object.__setattr__() needs an instance and a name");
                        if (!inst->attrs)
                            inst->attrs = make<DictObject>();
                        inst->attrs->set(a.args[0], a.args[1]);
                        return Value();
                    }));
                if (name == "__repr__" || name == "__str__")
                    return Value(make<NativeObject>("object." + name, [self](Interpreter &in, const Value &, CallArgs &) {
                        return str(in.defaultRepr(self));
                    }));
            }
        }
        return std::nullopt;
    }
    if (auto *d = descriptor(obj); d && d->which == DescriptorObject::Which::Property) {
        Ref<DescriptorObject> keep(d);
        auto copyWith = [keep](int which) {
            return [keep, which](Interpreter &, const Value &, CallArgs &a) -> Value {
                auto p = make<DescriptorObject>(DescriptorObject::Which::Property, keep->function);
                p->setter = keep->setter;
                p->deleter = keep->deleter;
                Value f = a.args.empty() ? Value() : a.args[0];
                (which == 0 ? p->function : which == 1 ? p->setter : p->deleter) = f;
                return Value(p);
            };
        };
        if (name == "getter" || name == "setter" || name == "deleter")
            return Value(make<NativeObject>("property." + name, copyWith(name == "getter" ? 0 : name == "setter" ? 1 : 2)));
        if (name == "fget")
            return d->function;
        if (name == "fset")
            return d->setter;
        if (name == "__doc__")
            return in.findAttr(d->function, "__doc__");
    }
    if (auto *d = descriptor(obj); d && name == "__func__")
        return d->function;
    return std::nullopt;
}

// A property's setter, when `obj`'s class has a property `name`; false if it has none.
bool setThroughProperty(Interpreter &in, const Value &obj, const std::string &name, const Value &v)
{
    auto *inst = obj.as<InstanceObject>();
    if (inst->klass->builtin)
        return false;
    const Value *attr = inst->klass->lookup(name);
    auto *d = attr ? descriptor(*attr) : nullptr;
    if (!d || d->which != DescriptorObject::Which::Property)
        return false;
    if (d->setter.isNone())
        in.raise(exc::attributeError(), "property '" + name + "' of '" + inst->klass->name + "' object has no setter");
    in.call(d->setter, std::vector<Value> {obj, v});
    return true;
}

bool isPropertyAttribute(const Value &attr)
{
    auto *d = descriptor(attr);
    return d && d->which == DescriptorObject::Which::Property;
}

std::string Interpreter::defaultRepr(const Value &v)
{
    ClassObject *cls = typeOf(v);
    std::string name = cls->builtin ? cls->name : "__main__." + (cls->qualname.empty() ? cls->name : cls->qualname);
    return "<" + name + " object at " + fakeAddress(v.obj()) + ">";
}

// ---- operators --------------------------------------------------------------------------------

std::optional<Value> Interpreter::binaryDunder(BinaryOp op, const Value &a, const Value &b, bool inplace)
{
    const std::string name = dunderName(op);
    if (inplace)
        if (auto m = userMethod(a, ("__i" + name + "__").c_str())) {
            Value r = call(*m, std::vector<Value> {b});
            if (!isNotImplemented(r))
                return r;
        }
    ClassObject *ta = typeOf(a), *tb = typeOf(b);
    const std::string forward = "__" + name + "__", reflected = "__r" + name + "__";
    // A subclass that overrides the reflected method gets the first word, as in CPython.
    const bool reflectedFirst = ta != tb && tb->isSubclassOf(ta) && overrides(tb, ta, reflected);
    auto tryReflected = [&]() -> std::optional<Value> {
        if (ta == tb)
            return std::nullopt;
        if (auto m = userMethod(b, reflected.c_str())) {
            Value r = call(*m, std::vector<Value> {a});
            if (!isNotImplemented(r))
                return r;
        }
        return std::nullopt;
    };
    if (reflectedFirst)
        if (auto r = tryReflected())
            return r;
    if (auto m = userMethod(a, forward.c_str())) {
        Value r = call(*m, std::vector<Value> {b});
        if (!isNotImplemented(r))
            return r;
    }
    if (!reflectedFirst)
        return tryReflected();
    return std::nullopt;
}

std::optional<bool> Interpreter::compareDunder(CompareOp op, const Value &a, const Value &b)
{
    const char *forward = nullptr;
    const char *reflected = nullptr;
    switch (op) {
    case CompareOp::Eq: forward = reflected = "__eq__"; break;
    case CompareOp::NotEq: forward = reflected = "__ne__"; break;
    case CompareOp::Lt: forward = "__lt__", reflected = "__gt__"; break;
    case CompareOp::LtE: forward = "__le__", reflected = "__ge__"; break;
    case CompareOp::Gt: forward = "__gt__", reflected = "__lt__"; break;
    case CompareOp::GtE: forward = "__ge__", reflected = "__le__"; break;
    default: return std::nullopt;
    }
    // `!=` without a __ne__ of its own is the negation of __eq__ (object.__ne__).
    auto attempt = [&](const Value &x, const char *method, const Value &y) -> std::optional<bool> {
        if (auto m = userMethod(x, method)) {
            Value r = call(*m, std::vector<Value> {y});
            if (!isNotImplemented(r))
                return truthy(r);
        } else if (op == CompareOp::NotEq) {
            if (auto eq = userMethod(x, "__eq__")) {
                Value r = call(*eq, std::vector<Value> {y});
                if (!isNotImplemented(r))
                    return !truthy(r);
            }
        }
        return std::nullopt;
    };
    ClassObject *ta = typeOf(a), *tb = typeOf(b);
    const bool reflectedFirst = ta != tb && tb->isSubclassOf(ta) && overrides(tb, ta, reflected);
    if (reflectedFirst)
        if (auto r = attempt(b, reflected, a))
            return r;
    if (auto r = attempt(a, forward, b))
        return r;
    if (!reflectedFirst)
        if (auto r = attempt(b, reflected, a))
            return r;
    if (op == CompareOp::Eq)
        return a.identical(b);
    if (op == CompareOp::NotEq)
        return !a.identical(b);
    return std::nullopt;
}

// ---- builtins ---------------------------------------------------------------------------------

void installClassBuiltins(Interpreter &in, DictObject &b)
{
    auto def = [&](const std::string &name, NativeFunction fn) {
        b.set(str(name), Value(make<NativeObject>(name, std::move(fn))));
    };
    in.heap().owner = &in;
    instanceKeyHooks.hash = [](Interpreter &in, const Value &v, std::int64_t &out) {
        auto m = in.userMethod(v, "__hash__");
        if (!m)
            return false;
        Value h = in.call(*m, std::vector<Value> {});
        if (!h.isIntLike())
            in.raise(exc::typeError(), "__hash__ method should return an integer");
        out = h.asInt() == -1 ? -2 : h.asInt();
        return true;
    };
    instanceKeyHooks.equals = [](Interpreter &in, const Value &a, const Value &b) { return in.equals(a, b); };
    def("aiter", [](Interpreter &in, const Value &, CallArgs &a) {
        args::expect(in, "aiter", a, 1, 1);
        return in.asyncIter(a.args[0]);
    });
    def("anext", [](Interpreter &in, const Value &, CallArgs &a) -> Value {
        args::expect(in, "anext", a, 1, 1);
        auto m = in.findAttr(a.args[0], "__anext__");
        if (!m)
            in.raise(exc::typeError(), "'" + in.typeName(a.args[0]) + "' object is not an async iterator");
        return in.call(*m, std::vector<Value> {});
    });
    for (auto *cls : {propertyType(), staticMethodType(), classMethodType(), superType()})
        b.set(str(cls->name), Value(Ref<ClassObject>(cls)));
    b.set(str("NotImplemented"), notImplemented());
    def("vars", [](Interpreter &in, const Value &, CallArgs &a) -> Value {
        args::expect(in, "vars", a, 1, 1);
        auto v = in.findAttr(a.args[0], "__dict__");
        if (!v)
            in.raise(exc::typeError(), "vars() argument must have __dict__ attribute");
        return *v;
    });

    // The builtin classes are process-wide: their constructors and methods are installed once.
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    auto wrapper = [](DescriptorObject::Which which, const char *name) {
        return [which, name](Interpreter &in, const Value &, CallArgs &a) -> Value {
            args::expect(in, name, a, 1, 1);
            return Value(make<DescriptorObject>(which, a.args[0]));
        };
    };
    propertyType()->construct = [](Interpreter &in, const Value &, CallArgs &a) -> Value {
        Value getter, setter, deleter;
        a.takeKeyword("fget", getter);
        a.takeKeyword("fset", setter);
        a.takeKeyword("fdel", deleter);
        args::expect(in, "property", a, 0, 4);
        if (!a.args.empty())
            getter = a.args[0];
        if (a.args.size() > 1)
            setter = a.args[1];
        if (a.args.size() > 2)
            deleter = a.args[2];
        auto p = make<DescriptorObject>(DescriptorObject::Which::Property, getter);
        p->setter = setter;
        p->deleter = deleter;
        return Value(p);
    };
    staticMethodType()->construct = wrapper(DescriptorObject::Which::StaticMethod, "staticmethod");
    classMethodType()->construct = wrapper(DescriptorObject::Which::ClassMethod, "classmethod");
    superType()->construct = [](Interpreter &in, const Value &, CallArgs &a) -> Value {
        if (a.args.size() == 2) {
            if (!a.args[0].is(ObjKind::Class))
                in.raise(exc::typeError(), "super() argument 1 must be a type, not " + in.typeName(a.args[0]));
            return Value(make<SuperObject>(Ref<ClassObject>(a.args[0].as<ClassObject>()), a.args[1]));
        }
        // Zero-argument form: the calling method's class (its __class__ cell) and first argument.
        Frame *f = in.currentFrame();
        if (!f || !f->def || f->def->positional.empty())
            in.raise(exc::runtimeError(), "super(): no arguments");
        auto &frees = f->def->freeNames;
        auto it = std::find(frees.begin(), frees.end(), "__class__");
        if (it == frees.end())
            in.raise(exc::runtimeError(), "super(): __class__ cell not found");
        auto &cell = f->cells[f->def->cellNames.size() + std::size_t(it - frees.begin())];
        if (!cell->bound || !cell->value.is(ObjKind::Class))
            in.raise(exc::runtimeError(), "super(): empty __class__ cell");
        Value self = f->locals.empty() ? Value() : f->locals[0];
        if (self.isUnbound())
            in.raise(exc::runtimeError(), "super(): arg[0] deleted");
        return Value(make<SuperObject>(Ref<ClassObject>(cell->value.as<ClassObject>()), self));
    };
    notImplementedType()->addMethod("__repr__", [](Interpreter &, const Value &, CallArgs &) {
        return str("NotImplemented");
    });
    // BaseException.__init__, for super().__init__(message) in user exceptions.
    exc::baseException()->addMethod("__init__", [](Interpreter &in, const Value &self, CallArgs &a) {
        if (!self.is(ObjKind::Instance) || !self.as<InstanceObject>()->exception)
            in.raise(exc::typeError(), "descriptor '__init__' requires a 'BaseException' object");
        if (!a.kwargs.empty())
            in.raise(exc::typeError(), in.typeName(self) + "() takes no keyword arguments");
        self.as<InstanceObject>()->exception->args = a.args;
        return Value();
    });
}

} // namespace loopscope::script
