// The dataclasses module: @dataclass (init, repr, eq, order, frozen), field(), fields(), asdict().
//
// The generated methods are C++ natives owned by the class; __init__ binds its arguments through
// the interpreter's own binder (a stub function with the fields as parameters), so its TypeErrors
// read exactly as CPython's generated __init__'s.
#include "script/interpreter.h"

#include <algorithm>

namespace loopscope::script {

namespace {

ClassObject *fieldType()
{
    static ClassObject *c = immortalClass("Field");
    return c;
}

ClassObject *missingType()
{
    static ClassObject *c = immortalClass("_MISSING_TYPE");
    return c;
}

ClassObject *frozenInstanceError()
{
    static ClassObject *c = immortalClass("FrozenInstanceError", exc::attributeError());
    return c;
}

Value missing()
{
    static InstanceObject *m = [] {
        Heap *saved = Heap::current();
        Heap::setCurrent(nullptr);
        auto *o = new InstanceObject(Ref<ClassObject>(missingType()));
        ++o->m_refCount; // immortal sentinel
        Heap::setCurrent(saved);
        return o;
    }();
    return Value(Ref<InstanceObject>(m));
}

bool isMissing(const Value &v)
{
    return v.identical(missing());
}

bool isField(const Value &v)
{
    return v.is(ObjKind::Instance) && v.as<InstanceObject>()->klass.get() == fieldType();
}

Value fieldAttr(const Value &field, const char *name)
{
    const Value *v = field.as<InstanceObject>()->attrs->findStr(name);
    return v ? *v : Value();
}

Value makeField(Value dflt, Value factory, Value repr, Value compare)
{
    auto f = make<InstanceObject>(Ref<ClassObject>(fieldType()));
    f->attrs = make<DictObject>();
    f->attrs->set(str("name"), Value());
    f->attrs->set(str("default"), std::move(dflt));
    f->attrs->set(str("default_factory"), std::move(factory));
    f->attrs->set(str("repr"), std::move(repr));
    f->attrs->set(str("compare"), std::move(compare));
    return Value(f);
}

struct Options {
    bool init = true;
    bool repr = true;
    bool eq = true;
    bool order = false;
    bool frozen = false;
};

// The fields of a dataclass, in definition order (base classes' first).
std::vector<Value> fieldsOf(const ClassObject *cls)
{
    std::vector<Value> out;
    if (const Value *d = cls->lookup("__dataclass_fields__"); d && d->is(ObjKind::Dict))
        for (auto &e : d->as<DictObject>()->entries())
            if (e.live)
                out.push_back(e.value);
    return out;
}

std::string fieldName(const Value &field)
{
    return fieldAttr(field, "name").as<StrObject>()->value;
}

// The values of the fields that take part in comparisons, as a tuple.
Value compareTuple(Interpreter &in, const Value &obj)
{
    std::vector<Value> items;
    for (auto &f : fieldsOf(typeOf(obj)))
        if (in.truthy(fieldAttr(f, "compare")))
            items.push_back(in.getAttr(obj, fieldName(f)));
    return tuple(std::move(items));
}

void addMethod(ClassObject *cls, const std::string &name, NativeFunction fn)
{
    auto native = make<NativeObject>((cls->qualname.empty() ? cls->name : cls->qualname) + "." + name, std::move(fn));
    native->owner = cls;
    cls->dict->set(str(name), Value(native));
}

Value process(Interpreter &in, const Value &clsValue, const Options &opt)
{
    if (!clsValue.is(ObjKind::Class) || clsValue.as<ClassObject>()->builtin)
        in.raise(exc::typeError(), "dataclass() should be called on a class");
    ClassObject *cls = clsValue.as<ClassObject>();
    std::vector<Value> fields = cls->base ? fieldsOf(cls->base.get()) : std::vector<Value>();
    const Value *annotations = cls->dict->findStr("__annotations__");
    if (annotations && annotations->is(ObjKind::Dict)) {
        for (auto &entry : annotations->as<DictObject>()->entries()) {
            if (!entry.live)
                continue;
            const std::string &name = entry.key.as<StrObject>()->value;
            Value field;
            const Value *dflt = cls->dict->findStr(name);
            if (dflt && isField(*dflt)) {
                field = *dflt;
                if (isMissing(fieldAttr(field, "default")))
                    cls->dict->remove(str(name));
                else
                    cls->dict->set(str(name), fieldAttr(field, "default"));
            } else {
                field = makeField(dflt ? *dflt : missing(), missing(), Value::boolean(true), Value::boolean(true));
            }
            field.as<InstanceObject>()->attrs->set(str("name"), str(name));
            Value d = fieldAttr(field, "default");
            if (d.is(ObjKind::List) || d.is(ObjKind::Dict) || d.is(ObjKind::Set))
                in.raise(exc::valueError(),
                    "mutable default <class '" + in.typeName(d) + "'> for field " + name
                        + " is not allowed: use default_factory");
            auto same = std::find_if(fields.begin(), fields.end(), [&](const Value &f) { return fieldName(f) == name; });
            if (same != fields.end())
                *same = field;
            else
                fields.push_back(field);
        }
    }
    auto fieldDict = make<DictObject>();
    bool seenDefault = false;
    for (auto &f : fields) {
        const bool hasDefault
            = !isMissing(fieldAttr(f, "default")) || !isMissing(fieldAttr(f, "default_factory"));
        if (opt.init && seenDefault && !hasDefault)
            in.raise(exc::typeError(), "non-default argument '" + fieldName(f) + "' follows default argument");
        seenDefault |= hasDefault;
        fieldDict->set(str(fieldName(f)), f);
    }
    cls->dict->set(str("__dataclass_fields__"), Value(fieldDict));
    const std::string qualname = cls->qualname.empty() ? cls->name : cls->qualname;

    if (opt.init) {
        // A stub function whose parameters are (self, *fields): the binder gives CPython's errors.
        auto def = std::make_shared<FunctionDef>();
        def->name = "__init__";
        def->qualname = qualname + ".__init__";
        def->positional.push_back(Parameter {"self", nullptr, nullptr});
        def->localNames.push_back("self");
        auto stub = make<FunctionObject>();
        for (auto &f : fields) {
            def->positional.push_back(Parameter {fieldName(f), nullptr, nullptr});
            def->localNames.push_back(fieldName(f));
            Value d = fieldAttr(f, "default");
            if (!isMissing(d))
                stub->defaults.push_back(d);
            else if (!isMissing(fieldAttr(f, "default_factory")))
                stub->defaults.push_back(fieldAttr(f, "default_factory"));
        }
        stub->def = def;
        stub->globals = make<DictObject>();
        Ref<FunctionObject> keepStub = stub;
        addMethod(cls, "__init__", [keepStub, fields](Interpreter &in, const Value &self, CallArgs &a) -> Value {
            Frame frame;
            in.bindArguments(keepStub.get(), a, self, frame);
            auto *inst = self.as<InstanceObject>();
            if (!inst->attrs)
                inst->attrs = make<DictObject>();
            for (std::size_t i = 0; i < fields.size(); ++i) {
                Value v = frame.locals[i + 1];
                Value factory = fieldAttr(fields[i], "default_factory");
                if (!isMissing(factory) && v.identical(factory))
                    v = in.call(factory, std::vector<Value> {}); // a fresh default per instance
                inst->attrs->set(str(fieldName(fields[i])), v); // object.__setattr__: frozen too
            }
            if (auto post = in.userMethod(self, "__post_init__"))
                in.call(*post, std::vector<Value> {});
            return Value();
        });
    }
    if (opt.repr && !cls->dict->findStr("__repr__")) {
        addMethod(cls, "__repr__", [fields](Interpreter &in, const Value &self, CallArgs &) {
            ClassObject *c = typeOf(self);
            std::string out = (c->qualname.empty() ? c->name : c->qualname) + "(";
            bool first = true;
            for (auto &f : fields) {
                if (!in.truthy(fieldAttr(f, "repr")))
                    continue;
                out += (first ? "" : ", ") + fieldName(f) + "=" + in.repr(in.getAttr(self, fieldName(f)));
                first = false;
            }
            return str(out + ")");
        });
    }
    if (opt.eq && !cls->dict->findStr("__eq__")) {
        addMethod(cls, "__eq__", [](Interpreter &in, const Value &self, CallArgs &a) {
            args::expect(in, "__eq__", a, 1, 1);
            if (typeOf(a.args[0]) != typeOf(self))
                return notImplemented();
            return Value::boolean(in.equals(compareTuple(in, self), compareTuple(in, a.args[0])));
        });
    }
    if (opt.order) {
        const std::pair<const char *, CompareOp> ops[]
            = {{"__lt__", CompareOp::Lt}, {"__le__", CompareOp::LtE}, {"__gt__", CompareOp::Gt}, {"__ge__", CompareOp::GtE}};
        for (auto [name, op] : ops) {
            CompareOp compareOp = op;
            addMethod(cls, name, [compareOp](Interpreter &in, const Value &self, CallArgs &a) {
                args::expect(in, "comparison", a, 1, 1);
                if (typeOf(a.args[0]) != typeOf(self))
                    return notImplemented();
                return Value::boolean(in.compare(compareOp, compareTuple(in, self), compareTuple(in, a.args[0])));
            });
        }
    }
    const Value *ownHash = cls->dict->findStr("__hash__");
    const bool explicitHash = ownHash && !ownHash->isNone();
    if (opt.eq && opt.frozen && !explicitHash) {
        addMethod(cls, "__hash__", [](Interpreter &in, const Value &self, CallArgs &) {
            CallArgs a;
            a.args.push_back(compareTuple(in, self));
            return in.call(in.builtin("hash"), a);
        });
    } else if (opt.eq && !explicitHash) {
        cls->dict->set(str("__hash__"), Value()); // eq without frozen: unhashable, as CPython
    }
    if (opt.frozen) {
        addMethod(cls, "__setattr__", [](Interpreter &in, const Value &self, CallArgs &a) -> Value {
            args::expect(in, "__setattr__", a, 2, 2);
            in.raise(frozenInstanceError(), "cannot assign to field '" + in.toStr(a.args[0]) + "'");
            (void)self;
        });
    }
    return clsValue;
}

Options options(Interpreter &in, CallArgs &a)
{
    Options o;
    for (auto &[name, value] : a.kwargs) {
        bool b = in.truthy(value);
        if (name == "init")
            o.init = b;
        else if (name == "repr")
            o.repr = b;
        else if (name == "eq")
            o.eq = b;
        else if (name == "order")
            o.order = b;
        else if (name == "frozen")
            o.frozen = b;
        else if (name != "unsafe_hash" && name != "match_args" && name != "kw_only" && name != "slots")
            in.raise(exc::typeError(), "dataclass() got an unexpected keyword argument '" + name + "'");
    }
    if (o.order && !o.eq)
        in.raise(exc::valueError(), "eq must be true if order is true");
    return o;
}

Value asDict(Interpreter &in, const Value &v)
{
    if (v.is(ObjKind::Instance) && typeOf(v)->lookup("__dataclass_fields__")) {
        auto d = make<DictObject>();
        for (auto &f : fieldsOf(typeOf(v)))
            d->set(str(fieldName(f)), asDict(in, in.getAttr(v, fieldName(f))));
        return Value(d);
    }
    if (v.is(ObjKind::List) || v.is(ObjKind::Tuple)) {
        std::vector<Value> items;
        for (auto &x : in.toVector(v))
            items.push_back(asDict(in, x));
        return v.is(ObjKind::List) ? list(std::move(items)) : tuple(std::move(items));
    }
    return v;
}

} // namespace

Ref<ModuleObject> makeDataclassesModule(Interpreter &)
{
    auto mod = make<ModuleObject>("dataclasses");
    auto def = [&](const std::string &name, NativeFunction fn) {
        mod->dict->set(str(name), Value(make<NativeObject>("dataclasses." + name, std::move(fn))));
    };
    def("dataclass", [](Interpreter &in, const Value &, CallArgs &a) -> Value {
        Options opt = options(in, a);
        if (!a.args.empty())
            return process(in, a.args[0], opt);
        // @dataclass(order=True): a decorator with these options
        return Value(make<NativeObject>("dataclasses.dataclass", [opt](Interpreter &in, const Value &, CallArgs &b) {
            args::expect(in, "dataclass", b, 1, 1);
            return process(in, b.args[0], opt);
        }));
    });
    def("field", [](Interpreter &in, const Value &, CallArgs &a) -> Value {
        if (!a.args.empty())
            in.raise(exc::typeError(), "field() takes 0 positional arguments but " + std::to_string(a.args.size())
                    + " were given");
        Value dflt = missing(), factory = missing(), repr = Value::boolean(true), compare = Value::boolean(true);
        a.takeKeyword("default", dflt);
        a.takeKeyword("default_factory", factory);
        a.takeKeyword("repr", repr);
        a.takeKeyword("compare", compare);
        if (!isMissing(dflt) && !isMissing(factory))
            in.raise(exc::valueError(), "cannot specify both default and default_factory");
        return makeField(dflt, factory, repr, compare);
    });
    def("fields", [](Interpreter &in, const Value &, CallArgs &a) -> Value {
        args::expect(in, "fields", a, 1, 1);
        const ClassObject *c = a.args[0].is(ObjKind::Class) ? a.args[0].as<ClassObject>() : typeOf(a.args[0]);
        if (!c->lookup("__dataclass_fields__"))
            in.raise(exc::typeError(), "must be called with a dataclass type or instance");
        return tuple(fieldsOf(c));
    });
    def("asdict", [](Interpreter &in, const Value &, CallArgs &a) -> Value {
        args::expect(in, "asdict", a, 1, 1);
        if (!a.args[0].is(ObjKind::Instance) || !typeOf(a.args[0])->lookup("__dataclass_fields__"))
            in.raise(exc::typeError(), "asdict() should be called on dataclass instances");
        return asDict(in, a.args[0]);
    });
    def("is_dataclass", [](Interpreter &in, const Value &, CallArgs &a) -> Value {
        args::expect(in, "is_dataclass", a, 1, 1);
        const ClassObject *c = a.args[0].is(ObjKind::Class) ? a.args[0].as<ClassObject>() : typeOf(a.args[0]);
        return Value::boolean(c->lookup("__dataclass_fields__") != nullptr);
    });
    mod->dict->set(str("MISSING"), missing());
    mod->dict->set(str("FrozenInstanceError"), Value(Ref<ClassObject>(frozenInstanceError())));
    return mod;
}

} // namespace loopscope::script
