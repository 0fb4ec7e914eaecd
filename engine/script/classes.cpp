// User classes: the class statement, instances, property/staticmethod/classmethod, super() and
// the dunder methods the object protocol (objects.cpp) dispatches to.
#include "script/interpreter.h"

#include <algorithm>
#include <set>
#include <type_traits>
#include <typeinfo>

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
class DescriptorObject final : public Object {
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

// `v` as a T, one of the final classes here, else null: a dynamic_cast that compares the type
// alone instead of searching the hierarchy (every attribute of a builtin object asks).
template<typename T> T *exactly(const Value &v)
{
    static_assert(std::is_final_v<T>);
    return v.is(ObjKind::Other) && typeid(*v.obj()) == typeid(T) ? static_cast<T *>(v.obj()) : nullptr;
}

DescriptorObject *descriptor(const Value &v)
{
    return exactly<DescriptorObject>(v);
}

ClassObject *memberType();

// What __slots__ puts in the class for each name: `Point.x` is <member 'x' of 'Point' objects>.
// The value itself stays in the instance's attributes, as the engine keeps every attribute.
class MemberObject final : public Object {
public:
    MemberObject(std::string n, std::string owner)
        : Object(ObjKind::Other)
        , name(std::move(n))
        , ownerName(std::move(owner))
    {
        track();
    }
    ClassObject *cls() const override { return memberType(); }
    std::string name;
    std::string ownerName;
    Ref<ClassObject> owner; // set by the class statement (__objclass__)
    void clearRefs() override { owner.reset(); }
};

MemberObject *member(const Value &v)
{
    return exactly<MemberObject>(v);
}

ClassObject *memberType()
{
    static ClassObject *c = [] {
        ClassObject *c = immortalClass("member_descriptor");
        c->addMethod("__repr__", [](Interpreter &, const Value &s, CallArgs &) {
            return str("<member '" + member(s)->name + "' of '" + member(s)->ownerName + "' objects>");
        });
        // The slot of `obj`: AttributeError while it is unset.
        auto read = [](Interpreter &in, MemberObject *m, const Value &obj) {
            auto v = in.findAttr(obj, m->name);
            if (!v)
                in.raise(exc::attributeError(), "'" + in.typeName(obj) + "' object has no attribute '" + m->name + "'");
            return *v;
        };
        c->addMethod("__get__", [read](Interpreter &in, const Value &s, CallArgs &a) {
            args::expect(in, "__get__", a, 1, 2);
            return a.args[0].isNone() ? s : read(in, member(s), a.args[0]);
        });
        c->addMethod("__set__", [](Interpreter &in, const Value &s, CallArgs &a) {
            args::expect(in, "__set__", a, 2, 2);
            in.setAttr(a.args[0], member(s)->name, a.args[1]);
            return Value();
        });
        c->properties["__name__"] = [](Interpreter &, const Value &s) { return str(member(s)->name); };
        c->properties["__qualname__"]
            = [](Interpreter &, const Value &s) { return str(member(s)->ownerName + "." + member(s)->name); };
        c->properties["__objclass__"]
            = [](Interpreter &, const Value &s) { return member(s)->owner ? Value(member(s)->owner) : Value(); };
        return c;
    }();
    return c;
}

// super(): attribute lookup that starts after `start` in the class chain of `self`.
class SuperObject final : public Object {
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
    if (!v.isObj())
        return false;
    if (v.obj()->m_subclassed)
        return true;
    return v.is(ObjKind::Instance) && !v.as<InstanceObject>()->klass->builtin;
}

// Does the user class `c` itself (not a base shared with `base`) define `name`?
bool overrides(const ClassObject *c, const ClassObject *base, const std::string &name)
{
    for (const ClassObject *k : mroOf(c)) {
        if (k == base || (base && base->isSubclassOf(k)))
            break;
        if (!k->builtin && k->dict->findStr(name))
            return true;
    }
    return false;
}

// The builtin class whose objects carry a script subclass's instances (list for class Stack(list),
// asyncio.Queue for class JobQueue(asyncio.Queue), a namedtuple class); null for plain instances
// and exceptions.
ClassObject *builtinLayout(const ClassObject *c)
{
    for (ClassObject *k : mroOf(c))
        if ((k->builtin && k != types::object() && !k->isException) || (!k->builtin && k->construct))
            return k;
    return nullptr;
}

// Classes whose instances are stored inline in a Value, or which CPython refuses as a base.
void checkAcceptableBase(Interpreter &in, const ClassObject *base)
{
    if (!base->builtin || base->isException || base == types::object())
        return;
    const std::string &n = base->name;
    if (n == "int" || n == "float" || n == "type" || n == "complex")
        in.raise(exc::notImplementedError(), "subclassing the builtin type '" + n + "' is not supported yet");
    if (!base->construct || n == "bool" || n == "range" || n == "slice" || n == "NoneType" || n == "function"
        || n == "memoryview")
        in.raise(exc::typeError(), "type '" + n + "' is not an acceptable base type");
}

// CPython's C3 linearization (typeobject.c mro_implementation): the class, then a merge of its
// bases' MROs and the list of bases, always taking the first head that is in no other list's tail.
// False when there is no consistent order; `stuck` then holds the heads left, as CPython names them.
bool linearize(ClassObject *cls, const std::vector<ClassObject *> &bases, std::vector<ClassObject *> &result,
    std::vector<ClassObject *> &stuck)
{
    std::vector<std::vector<ClassObject *>> toMerge;
    for (ClassObject *b : bases)
        toMerge.push_back(mroOf(b));
    toMerge.push_back(bases);
    std::vector<std::size_t> heads(toMerge.size(), 0);
    result = {cls};
    auto inTail = [&](ClassObject *c) {
        for (std::size_t i = 0; i < toMerge.size(); ++i)
            for (std::size_t j = heads[i] + 1; j < toMerge[i].size(); ++j)
                if (toMerge[i][j] == c)
                    return true;
        return false;
    };
    for (;;) {
        ClassObject *next = nullptr;
        bool empty = true;
        for (std::size_t i = 0; i < toMerge.size() && !next; ++i) {
            if (heads[i] >= toMerge[i].size())
                continue;
            empty = false;
            if (!inTail(toMerge[i][heads[i]]))
                next = toMerge[i][heads[i]];
        }
        if (empty)
            return true;
        if (!next) {
            for (std::size_t i = 0; i < toMerge.size(); ++i)
                if (heads[i] < toMerge[i].size()
                    && std::find(stuck.begin(), stuck.end(), toMerge[i][heads[i]]) == stuck.end())
                    stuck.push_back(toMerge[i][heads[i]]);
            return false;
        }
        result.push_back(next);
        for (std::size_t i = 0; i < toMerge.size(); ++i)
            if (heads[i] < toMerge[i].size() && toMerge[i][heads[i]] == next)
                ++heads[i];
    }
}

// A fresh builtin object of `layout` for an instance of the script class `cls`. Immutable types
// take the call's arguments here (str.__new__); mutable ones start empty unless the class has no
// __init__ of its own, when the builtin constructor takes them.
Value newSubclassInstance(Interpreter &in, ClassObject *layout, ClassObject *cls, CallArgs a, bool scriptInit)
{
    const bool immutable
        = layout == types::strType() || layout == types::tupleType() || layout == types::frozensetType();
    CallArgs none;
    Value made = layout->construct(in, Value(Ref<ClassObject>(layout)), immutable || !scriptInit ? a : none);
    // Immutable constructors may hand back their argument or a shared constant: copy.
    const bool shared = made.isObj() && made.obj()->m_refCount != 1;
    if (shared && made.is(ObjKind::Str))
        made = Value(make<StrObject>(made.as<StrObject>()->value));
    else if (shared && made.is(ObjKind::Tuple) && typeOf(made) == types::tupleType())
        made = Value(make<TupleObject>(made.as<TupleObject>()->items));
    else if (shared && made.is(ObjKind::Set) && made.as<SetObject>()->frozen) {
        auto copy = make<SetObject>(true);
        copy->merge(*made.as<SetObject>());
        made = Value(copy);
    }
    if (!made.isObj() || made.obj()->m_subclassed || made.obj()->m_refCount != 1)
        in.raise(
            exc::notImplementedError(), "subclassing the builtin type '" + layout->name + "' is not supported yet");
    makeSubclassInstance(made.obj(), Ref<ClassObject>(cls));
    return made;
}

// The next protocol call on `self` acts as its builtin type does, skipping script overrides.
void builtinOnly(Interpreter &in, const Value &self)
{
    if (self.isObj() && self.obj()->m_subclassed)
        in.skipOverrides();
}

// What a builtin method reached through super() does for the dunders the builtin classes keep no
// method for (the object protocol implements them): the protocol, told to skip script overrides.
// With `owner` (dict.__getitem__ read off the class), the method is unbound.
std::optional<Value> builtinDunder(const Value &self, const std::string &name, ClassObject *owner = nullptr)
{
    using Op = Value (*)(Interpreter &, const Value &, CallArgs &);
    static const std::unordered_map<std::string, Op> ops = {
        {"__getitem__",
            [](Interpreter &in, const Value &s, CallArgs &a) {
                args::expect(in, "__getitem__", a, 1, 1);
                builtinOnly(in, s);
                return in.getItem(s, a.args[0]);
            }},
        {"__setitem__",
            [](Interpreter &in, const Value &s, CallArgs &a) {
                args::expect(in, "__setitem__", a, 2, 2);
                builtinOnly(in, s);
                in.setItem(s, a.args[0], a.args[1]);
                return Value();
            }},
        {"__delitem__",
            [](Interpreter &in, const Value &s, CallArgs &a) {
                args::expect(in, "__delitem__", a, 1, 1);
                builtinOnly(in, s);
                in.delItem(s, a.args[0]);
                return Value();
            }},
        {"__contains__",
            [](Interpreter &in, const Value &s, CallArgs &a) {
                args::expect(in, "__contains__", a, 1, 1);
                builtinOnly(in, s);
                return Value::boolean(in.contains(s, a.args[0]));
            }},
        {"__len__",
            [](Interpreter &in, const Value &s, CallArgs &a) {
                args::expect(in, "__len__", a, 0, 0);
                builtinOnly(in, s);
                return Value::integer(in.length(s));
            }},
        {"__iter__",
            [](Interpreter &in, const Value &s, CallArgs &a) {
                args::expect(in, "__iter__", a, 0, 0);
                builtinOnly(in, s);
                return in.iter(s);
            }},
        {"__repr__",
            [](Interpreter &in, const Value &s, CallArgs &a) {
                args::expect(in, "__repr__", a, 0, 0);
                builtinOnly(in, s);
                return str(in.repr(s));
            }},
        {"__eq__",
            [](Interpreter &in, const Value &s, CallArgs &a) {
                args::expect(in, "__eq__", a, 1, 1);
                builtinOnly(in, s);
                return Value::boolean(in.equals(s, a.args[0]));
            }},
        {"__hash__",
            [](Interpreter &in, const Value &s, CallArgs &a) {
                args::expect(in, "__hash__", a, 0, 0);
                if (!isHashable(s))
                    in.raise(exc::typeError(), "unhashable type: '" + in.typeName(s) + "'");
                return Value::integer(pyHash(s));
            }},
        {"__str__",
            [](Interpreter &in, const Value &s, CallArgs &a) {
                args::expect(in, "__str__", a, 0, 0);
                builtinOnly(in, s);
                return str(in.toStr(s));
            }},
    };
    auto it = ops.find(name);
    if (it == ops.end())
        return std::nullopt;
    if (owner) {
        auto method = make<NativeObject>(owner->name + "." + name, it->second);
        method->owner = owner;
        return Value(method);
    }
    if (!self.isObj() || !self.obj()->m_subclassed)
        return std::nullopt;
    const std::string qualname = typeOf(self)->name + "." + name;
    return Value(make<NativeObject>(qualname, it->second, self));
}

// The names a __slots__ declaration lists: one string or an iterable of them.
std::set<std::string> slotNames(Interpreter &in, const Value &slots)
{
    std::set<std::string> names;
    for (const Value &v : slots.is(ObjKind::Str) ? std::vector<Value> {slots} : in.toVector(slots)) {
        if (!v.is(ObjKind::Str))
            in.raise(exc::typeError(), "__slots__ items must be strings, not '" + in.typeName(v) + "'");
        names.insert(v.as<StrObject>()->value);
    }
    return names;
}

} // namespace

// Can an instance of the slotted class `cls` take the attribute `name`?
bool slotAllows(Interpreter &in, const ClassObject *cls, const std::string &name)
{
    for (const ClassObject *k : mroOf(cls))
        if (const Value *slots = k->builtin ? nullptr : k->dict->findStr("__slots__"))
            if (slotNames(in, *slots).contains(name))
                return true;
    return false;
}

// An instance's __dict__: its attributes, less those a base class's __slots__ hold (CPython keeps
// them in the slots; the dict is then a copy).
Value instanceDict(Interpreter &in, const ClassObject *cls, const Ref<DictObject> &attrs)
{
    std::set<std::string> slots;
    for (const ClassObject *k : cls->mro)
        if (const Value *declared = k->builtin ? nullptr : k->dict->findStr("__slots__"))
            slots.merge(slotNames(in, *declared));
    if (slots.empty())
        return Value(attrs);
    auto copy = make<DictObject>();
    for (auto &e : attrs->entries())
        if (e.live && !(e.key.is(ObjKind::Str) && slots.contains(e.key.as<StrObject>()->value)))
            copy->set(e.key, e.value);
    return Value(copy);
}

std::vector<ClassObject *> mroOf(const ClassObject *c)
{
    if (!c->mro.empty())
        return c->mro;
    auto *self = const_cast<ClassObject *>(c);
    std::vector<ClassObject *> result, stuck;
    if (c->secondBase && c->base) { // ExceptionGroup: also an Exception
        linearize(self, {c->base.get(), c->secondBase}, result, stuck);
        return result;
    }
    for (ClassObject *k = self; k; k = k->base.get())
        result.push_back(k);
    return result;
}

std::optional<Value> Interpreter::overridden(const Value &obj, const char *name)
{
    if (std::exchange(m_skipOverrides, false))
        return std::nullopt;
    return userMethod(obj, name);
}

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
    std::vector<ClassObject *> baseClasses;
    for (auto &b : bases) {
        if (!b.is(ObjKind::Class))
            raise(exc::typeError(), "bases must be types");
        auto *c = b.as<ClassObject>();
        if (std::find(baseClasses.begin(), baseClasses.end(), c) != baseClasses.end())
            raise(exc::typeError(), "duplicate base class " + c->name);
        checkAcceptableBase(*this, c);
        baseClasses.push_back(c);
    }
    if (baseClasses.empty())
        baseClasses.push_back(types::object());
    // Two builtin layouts neither of which extends the other cannot share one object.
    ClassObject *layout = nullptr;
    for (ClassObject *b : baseClasses)
        if (ClassObject *l = builtinLayout(b)) {
            if (layout && !layout->isSubclassOf(l) && !l->isSubclassOf(layout))
                raise(exc::typeError(), "multiple bases have instance lay-out conflict");
            if (!layout || l->isSubclassOf(layout))
                layout = l;
        }
    std::vector<ClassObject *> mro, stuck;
    if (!linearize(nullptr, baseClasses, mro, stuck)) {
        std::string message = "Cannot create a consistent method resolution\norder (MRO) for bases";
        for (std::size_t i = 0; i < stuck.size(); ++i)
            message += (i ? ", " : " ") + stuck[i]->name;
        raise(exc::typeError(), message);
    }
    Ref<ClassObject> base(baseClasses[0]);

    // The body runs as a frame of its own, its names going to the namespace.
    const FunctionDef &scope = *cd.scope;
    Frame body;
    body.def = &scope;
    body.name = cd.name;
    body.globals = f.globals;
    body.classNamespace = make<DictObject>();
    body.classNamespace->set(str("__module__"), str("__main__"));
    body.classNamespace->set(str("__qualname__"), str(scope.qualname));
    body.classNamespace->set(str("__doc__"), cd.docstring.empty() ? Value() : str(cd.docstring));
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
    for (ClassObject *b : baseClasses) {
        cls->bases.push_back(Ref<ClassObject>(b));
        cls->isException |= b->isException;
    }
    mro[0] = cls.get();
    cls->mro = std::move(mro);
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
    if (const Value *slots = cls->dict->findStr("__slots__")) {
        const std::set<std::string> names = slotNames(*this, *slots);
        cls->slotted = !names.contains("__dict__");
        for (ClassObject *b : baseClasses)
            cls->slotted &= b == types::object() || (!b->builtin && b->slotted);
        for (const std::string &name : names) {
            if (name == "__dict__" || name == "__weakref__")
                continue;
            if (cls->dict->findStr(name))
                raise(exc::valueError(), "'" + name + "' in __slots__ conflicts with class variable");
            auto m = make<MemberObject>(name, cd.name);
            m->owner = Ref<ClassObject>(cls);
            cls->dict->set(str(name), Value(m));
        }
    }
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

// object.__new__ and the builtin types' __new__: a new instance of `cls` (a builtin object for a
// subclass of a builtin type), not yet initialised.
static Value newInstance(Interpreter &in, ClassObject *cls, CallArgs &a, bool scriptInit)
{
    if (ClassObject *layout = builtinLayout(cls))
        return newSubclassInstance(in, layout, cls, a, scriptInit);
    if (cls->isException)
        return in.makeException(cls, a.args); // BaseException.__new__ keeps the positional arguments
    if (cls->builtin && cls->construct && cls != types::object())
        return cls->construct(in, Value(Ref<ClassObject>(cls)), a);
    return Value(make<InstanceObject>(Ref<ClassObject>(cls)));
}

// dict.__getitem__, list.__len__...: the container types' dunders read off the class, unbound
// (`__getattr__ = dict.__getitem__` in a class body).
std::optional<Value> builtinUnboundDunder(ClassObject *cls, const std::string &name)
{
    for (ClassObject *t : {types::listType(), types::dictType(), types::strType(), types::setType(), types::tupleType(),
             types::frozensetType()})
        if (cls == t)
            return builtinDunder(Value(), name, cls);
    return std::nullopt;
}

// What `X.__new__` and `super().__new__` find when no script class defines it.
Value builtinNew(const std::string &owner)
{
    return Value(make<NativeObject>(owner + ".__new__", [owner](Interpreter &in, const Value &, CallArgs &a) {
        if (a.args.empty())
            in.raise(exc::typeError(), owner + ".__new__(): not enough arguments");
        if (!a.args[0].is(ObjKind::Class))
            in.raise(exc::typeError(), owner + ".__new__(X): X is not a type object (" + in.typeName(a.args[0]) + ")");
        CallArgs rest;
        rest.args.assign(a.args.begin() + 1, a.args.end());
        rest.kwargs = a.kwargs;
        return newInstance(in, a.args[0].as<ClassObject>(), rest, true);
    }));
}

namespace {
// Whether calling `c` is only a new InstanceObject and then c's __init__, a script function: no
// __new__ of the script's, no builtin base to construct, not an exception.
void planInstantiation(ClassObject *c)
{
    auto &plan = c->instantiation;
    plan.epoch = classEpoch();
    plan.init = c->lookup("__init__");
    bool userNew = false;
    for (ClassObject *k : c->mro)
        userNew = userNew || (!k->builtin && k->dict->findStr("__new__"));
    plan.plainInit = plan.init && plan.init->is(ObjKind::Function) && !userNew && !c->isException && !builtinLayout(c);
}
} // namespace

Value Interpreter::instantiate(ClassObject *c, CallArgs &a)
{
    Ref<ClassObject> keep(c);
    if (c->instantiation.epoch != classEpoch())
        planInstantiation(c);
    if (c->instantiation.plainInit) {
        Value inst(make<InstanceObject>(keep));
        Value result = callFunction(c->instantiation.init->as<FunctionObject>(), a, inst);
        if (!result.isNone())
            raise(exc::typeError(), "__init__() should return None, not '" + typeName(result) + "'");
        return inst;
    }
    const Value *init = c->lookup("__init__");
    const bool inherited = !init
        || (init->is(ObjKind::Native) && (!init->as<NativeObject>()->owner || init->as<NativeObject>()->owner->builtin));
    Value inst;
    const Value *userNew = nullptr;
    for (ClassObject *k : c->mro)
        if (!k->builtin && (userNew = k->dict->findStr("__new__")))
            break;
    if (userNew) {
        // __new__(cls, *args) makes the object; __init__ runs only on an instance of the class
        CallArgs withClass = a;
        withClass.args.insert(withClass.args.begin(), Value(keep));
        inst = call(bindAttribute(*userNew, Value(keep), c), withClass);
        if (inherited || !isInstance(inst, c))
            return inst;
    } else if (ClassObject *layout = builtinLayout(c)) {
        inst = newSubclassInstance(*this, layout, c, a, !inherited);
        if (inherited)
            return inst; // the builtin constructor took the arguments
    } else {
        inst = newInstance(*this, c, a, !inherited);
    }
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
    ClassObject *cls = typeOf(obj);
    auto found = [&](ClassObject *k) -> const Value * { return k->builtin ? nullptr : k->dict->findStr(name); };
    const Value *v = nullptr;
    if (!cls->mro.empty()) {
        for (ClassObject *k : cls->mro)
            if ((v = found(k)))
                break;
    } else {
        for (ClassObject *k = cls; k && !v; k = k->base.get())
            v = found(k);
    }
    if (!v || v->isNone()) // __hash__ = None
        return std::nullopt;
    return bindAttribute(*v, obj, cls);
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
    if (auto *sup = exactly<SuperObject>(obj)) {
        const ClassObject *selfClass = sup->self.is(ObjKind::Class) ? sup->self.as<ClassObject>() : typeOf(sup->self);
        bool after = false;
        for (const ClassObject *k : mroOf(selfClass)) {
            if (!after) {
                after = k == sup->start.get();
                continue;
            }
            if (k->builtin && name == "__new__")
                return builtinNew(k->name);
            if (k->builtin && k != types::object())
                if (auto v = builtinDunder(sup->self, name); v && !k->dict->findStr(name))
                    return v;
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
                if (name == "__format__")
                    return Value(
                        make<NativeObject>("object.__format__", [self](Interpreter &in, const Value &, CallArgs &a) {
                            args::expect(in, "__format__", a, 1, 1);
                            const std::string &spec = args::toStr(in, a.args[0], "format_spec");
                            if (!spec.empty())
                                in.raise(exc::typeError(),
                                    "unsupported format string passed to " + in.typeName(self) + ".__format__");
                            return str(in.toStr(self));
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
    ClassObject *cls = typeOf(obj);
    if (cls->builtin)
        return false;
    const Value *attr = cls->lookup(name);
    auto *d = attr ? descriptor(*attr) : nullptr;
    if (!d || d->which != DescriptorObject::Which::Property)
        return false;
    if (d->setter.isNone())
        in.raise(exc::attributeError(), "property '" + name + "' of '" + cls->name + "' object has no setter");
    in.call(d->setter, std::vector<Value> {obj, v});
    return true;
}

// A slot's member descriptor: read through an instance, the slot is unset (the value would have
// been found among the instance's attributes first).
bool isMemberDescriptor(const Value &attr)
{
    return member(attr) != nullptr;
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
        // super().__eq__(other) in a subclass of a builtin type skips the override
        auto own = x.isObj() && x.obj()->m_subclassed ? overridden(x, method) : userMethod(x, method);
        if (auto m = own) {
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
    if ((a.isObj() && a.obj()->m_subclassed) || (b.isObj() && b.obj()->m_subclassed))
        return std::nullopt; // the builtin type compares
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
    // __init__ of the mutable builtin containers, for super().__init__(...) in their subclasses:
    // what the constructor would have built becomes the object's contents.
    types::listType()->addMethod("__init__", [](Interpreter &in, const Value &self, CallArgs &a) {
        Value made = types::listType()->construct(in, Value(), a);
        self.as<ListObject>()->items = std::move(made.as<ListObject>()->items);
        return Value();
    });
    types::dictType()->addMethod("__init__", [](Interpreter &in, const Value &self, CallArgs &a) {
        Value made = types::dictType()->construct(in, Value(), a);
        auto *d = self.as<DictObject>();
        d->clear();
        for (auto &e : made.as<DictObject>()->entries())
            if (e.live)
                d->set(e.key, e.value);
        return Value();
    });
    types::setType()->addMethod("__init__", [](Interpreter &in, const Value &self, CallArgs &a) {
        Value made = types::setType()->construct(in, Value(), a);
        self.as<SetObject>()->swapBodies(*made.as<SetObject>());
        return Value();
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
