// The object protocol: attributes, items, operators, comparisons, iteration, repr and str.
#include "script/interpreter.h"
#include "script/setops.h"

#include "script/suggestions.h"
#include "script/text.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace loopscope::script {

// classes.cpp
std::optional<Value> findSpecialAttr(Interpreter &in, const Value &obj, const std::string &name);
bool setThroughProperty(Interpreter &in, const Value &obj, const std::string &name, const Value &v);
bool isPropertyAttribute(const Value &attr);
bool isMemberDescriptor(const Value &attr);
bool slotAllows(Interpreter &in, const ClassObject *cls, const std::string &name);
Value instanceDict(Interpreter &in, const ClassObject *cls, const Ref<DictObject> &attrs);
Value builtinNew(const std::string &owner);
std::optional<Value> builtinUnboundDunder(ClassObject *cls, const std::string &name);

namespace {

// A builtin object (list, str, Queue...) whose class is a script subclass: its own dunders first.
bool subclassed(const Value &v)
{
    return v.isObj() && v.obj()->m_subclassed;
}

// The first class along c's MRO for which fn returns true, or null (no allocation: attribute
// lookups of builtin objects walk the base chain).
template<typename F> const ClassObject *findInMro(const ClassObject *c, F &&fn)
{
    if (!c->mro.empty()) {
        for (const ClassObject *k : c->mro)
            if (fn(k))
                return k;
        return nullptr;
    }
    for (const ClassObject *k = c; k; k = k->base.get())
        if (fn(k))
            return k;
    return nullptr;
}

// Takes part in the dunder protocol: an instance of a script class.
bool hasDunders(const Value &v)
{
    return v.is(ObjKind::Instance) || subclassed(v);
}

[[noreturn]] void raiseFormatError(Interpreter &in, const text::FormatError &e)
{
    ClassObject *cls = exc::byName(e.type);
    in.raise(cls ? cls : exc::valueError(), e.message);
}

} // namespace

// A deterministic stand-in for an object's address in default reprs.
std::string Interpreter::fakeAddress(Object *o)
{
    if (!o->m_displayId)
        o->m_displayId = m_heap.nextDisplayId();
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x7f%010llx", 0x1000ull + 0x40ull * o->m_displayId);
    return buf;
}

namespace {

const char *opSymbol(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::MatMul: return "@";
    case BinaryOp::Div: return "/";
    case BinaryOp::FloorDiv: return "//";
    case BinaryOp::Mod: return "%";
    case BinaryOp::Pow: return "** or pow()";
    case BinaryOp::LShift: return "<<";
    case BinaryOp::RShift: return ">>";
    case BinaryOp::BitOr: return "|";
    case BinaryOp::BitXor: return "^";
    case BinaryOp::BitAnd: return "&";
    }
    return "?";
}

const char *compareSymbol(CompareOp op)
{
    switch (op) {
    case CompareOp::Lt: return "<";
    case CompareOp::LtE: return "<=";
    case CompareOp::Gt: return ">";
    case CompareOp::GtE: return ">=";
    default: return "==";
    }
}

// Normalises Python slice bounds for a sequence of length n (PySlice_AdjustIndices).
void adjustSlice(
    Interpreter &in, const SliceObject &s, std::int64_t n, std::int64_t &start, std::int64_t &stop, std::int64_t &step)
{
    step = s.step.isNone() ? 1 : args::toInt(in, s.step, "slice indices");
    if (step == 0)
        in.raise(exc::valueError(), "slice step cannot be zero");
    auto bound = [&](const Value &v, std::int64_t dflt) {
        if (v.isNone())
            return dflt;
        std::int64_t i = args::toInt(in, v, "slice indices");
        if (i < 0) {
            i += n;
            if (i < 0)
                i = step < 0 ? -1 : 0;
        } else if (i >= n) {
            i = step < 0 ? n - 1 : n;
        }
        return i;
    };
    start = bound(s.start, step < 0 ? n - 1 : 0);
    stop = bound(s.stop, step < 0 ? -1 : n);
}

// `seq * n` beyond what a scenario could sensibly hold is a MemoryError, as CPython raises one
// when the allocation fails, instead of exhausting this machine.
void checkRepeat(Interpreter &in, std::size_t itemSize, std::int64_t n)
{
    if (n > 0 && double(itemSize) * double(n) > double(in.limits().maxSize))
        in.raise(in.makeException(exc::byName("MemoryError"), std::vector<Value> {}));
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

std::int64_t floorMod(std::int64_t a, std::int64_t b)
{
    std::int64_t m = a % b;
    if (m != 0 && ((m < 0) != (b < 0)))
        m += b;
    return m;
}

} // namespace

// ---- attributes -------------------------------------------------------------------------------

std::optional<Value> Interpreter::findAttr(const Value &obj, const std::string &name)
{
    if (subclassed(obj)) {
        ClassObject *cls = typeOf(obj);
        if (const Value *v = cls->lookup(name); v && isPropertyAttribute(*v))
            return bindAttribute(*v, obj, cls); // a data descriptor wins
        SubclassData *data = subclassData(obj.obj());
        if (data->attrs)
            if (const Value *v = data->attrs->findStr(name))
                return *v;
        if (name == "__dict__") {
            if (!data->attrs)
                data->attrs = make<DictObject>();
            return Value(data->attrs);
        }
    }
    if (obj.isObj()) {
        Object *o = obj.obj();
        switch (o->kind()) {
        case ObjKind::Instance: {
            auto *inst = static_cast<InstanceObject *>(o);
            const std::int64_t hash = nameHash(name);
            if (!inst->klass->builtin)
                if (const Value *v = inst->klass->lookup(name, hash); v && isPropertyAttribute(*v))
                    return bindAttribute(*v, obj, inst->klass.get()); // a data descriptor wins
            if (inst->attrs)
                if (const Value *v = inst->attrs->findStr(name, hash))
                    return *v;
            if (name == "__dict__" && !inst->klass->builtin && !inst->klass->slotted) {
                if (!inst->attrs)
                    inst->attrs = make<DictObject>();
                return instanceDict(*this, inst->klass.get(), inst->attrs);
            }
            if (inst->exception) {
                auto &d = *inst->exception;
                if (name == "args")
                    return tuple(d.args);
                if (name == "__cause__")
                    return d.cause;
                if (name == "__context__")
                    return d.context;
                if (name == "__suppress_context__")
                    return Value::boolean(d.suppressContext);
                if (name == "__traceback__")
                    return tracebackOf(d);
                if (name == "value" && inst->klass->isSubclassOf(exc::stopIteration()))
                    return d.args.empty() ? Value() : d.args[0];
            }
            break;
        }
        case ObjKind::Module:
            if (const Value *v = static_cast<ModuleObject *>(o)->dict->findStr(name))
                return *v;
            if (name == "__name__")
                return str(static_cast<ModuleObject *>(o)->name);
            return std::nullopt;
        case ObjKind::Class: {
            auto *c = static_cast<ClassObject *>(o);
            if (name == "__name__")
                return str(c->name);
            if (name == "__qualname__")
                return str(c->qualname.empty() ? c->name : c->qualname);
            if (name == "__base__")
                return c->base ? Value(c->base) : Value();
            if (name == "__bases__") {
                if (!c->bases.empty())
                    return tuple(std::vector<Value>(c->bases.begin(), c->bases.end()));
                return c->base ? tuple({Value(c->base)}) : tuple({});
            }
            if (name == "__mro__") {
                std::vector<Value> mro;
                for (ClassObject *k : mroOf(c))
                    mro.push_back(Value(Ref<ClassObject>(k)));
                return tuple(std::move(mro));
            }
            if (const Value *v = c->lookup(name))
                return bindAttribute(*v, obj, c);
            if (name == "__new__")
                return builtinNew(c->builtin ? c->name : "object");
            if (auto v = builtinUnboundDunder(c, name))
                return v;
            break;
        }
        case ObjKind::Function: {
            auto *fn = static_cast<FunctionObject *>(o);
            if (fn->attrs)
                if (const Value *v = fn->attrs->findStr(name))
                    return *v;
            if (name == "__dict__") {
                if (!fn->attrs)
                    fn->attrs = make<DictObject>();
                return Value(fn->attrs);
            }
            if (name == "__name__")
                return str(fn->def->name);
            if (name == "__qualname__")
                return str(fn->def->qualname);
            if (name == "__module__")
                return str("__main__");
            if (name == "__doc__")
                return fn->def->docstring.empty() ? Value() : str(fn->def->docstring);
            break;
        }
        case ObjKind::Native:
            if (name == "__name__" || name == "__qualname__") {
                auto *n = static_cast<NativeObject *>(o);
                if (name == "__qualname__" && n->owner)
                    return str(n->name); // a method: "str.lower", "Point.__init__"
                return str(n->name.substr(n->name.rfind('.') + 1));
            }
            break;
        case ObjKind::Coroutine:
            if (name == "__name__" || name == "__qualname__")
                return str(static_cast<CoroutineObject *>(o)->name);
            break;
        case ObjKind::Generator:
            if (name == "__name__")
                return str(static_cast<GeneratorObject *>(o)->function->def->name);
            if (name == "__qualname__")
                return str(static_cast<GeneratorObject *>(o)->function->def->qualname);
            break;
        case ObjKind::BoundMethod:
        case ObjKind::Other:
            if (auto v = findSpecialAttr(*this, obj, name))
                return v;
            break;
        default: break;
        }
    }
    if (name == "__class__")
        return Value(Ref<ClassObject>(typeOf(obj)));
    ClassObject *cls = typeOf(obj);
    if (auto *c = findInMro(cls, [&](const ClassObject *k) { return k->properties.contains(name); }))
        return c->properties.at(name)(*this, obj);
    if (const Value *v = cls->lookup(name)) {
        if (v->is(ObjKind::Native)) {
            auto *native = v->as<NativeObject>();
            auto bound = make<NativeObject>(native->name, native->fn, obj);
            bound->runsLoop = native->runsLoop; // loop.run_until_complete
            return Value(bound);
        }
        if (isMemberDescriptor(*v))
            return std::nullopt; // an unset slot
        return bindAttribute(*v, obj, cls);
    }
    if ((obj.is(ObjKind::Instance) || subclassed(obj)) && name != "__getattr__")
        if (auto hook = userMethod(obj, "__getattr__")) {
            try {
                return call(*hook, std::vector<Value> {str(name)});
            } catch (ScriptError &e) {
                if (!isInstance(e.exception, exc::attributeError()))
                    throw;
            }
        }
    return std::nullopt;
}

// The method findAttr(obj, name) would bind, unbound, for calling it with obj as self: a native
// method of a builtin type's object, or a plain function found on a user instance's class (not
// shadowed by an instance attribute, a property or a native property of the type). False, with
// nothing looked up that has effects, for every other attribute: getAttr() takes those.
bool Interpreter::findMethod(const Value &obj, const std::string &name, Value &method)
{
    if (!obj.isObj() || name == "__class__")
        return false;
    Object *o = obj.obj();
    ClassObject *cls = nullptr;
    const std::int64_t hash = nameHash(name);
    switch (o->kind()) {
    case ObjKind::Str:
    case ObjKind::List:
    case ObjKind::Tuple:
    case ObjKind::Dict:
    case ObjKind::Set: cls = o->cls(); break;
    case ObjKind::Instance: {
        auto *inst = static_cast<InstanceObject *>(o);
        if (inst->klass->builtin || inst->exception || name == "__dict__")
            return false;
        if (inst->attrs && inst->attrs->findStr(name, hash))
            return false;
        cls = inst->klass.get();
        break;
    }
    default: return false;
    }
    for (const ClassObject *c = cls; c; c = c->base.get())
        if (!c->properties.empty() && c->properties.count(name))
            return false;
    const Value *v = cls->lookup(name, hash);
    if (!v || !v->is(o->kind() == ObjKind::Instance ? ObjKind::Function : ObjKind::Native))
        return false;
    method = *v;
    return true;
}

// ---- attribute sites ----------------------------------------------------------------------------

AttributeCache::~AttributeCache()
{
    if (key && --key->m_refCount == 0)
        destroyObject(key);
}

namespace {

// An instance of a script class whose attributes are its dict and its class's (no exception data,
// not a builtin object): what the attribute sites' caches cover.
InstanceObject *plainInstance(const Value &obj)
{
    if (!obj.is(ObjKind::Instance) || obj.obj()->m_subclassed)
        return nullptr;
    auto *inst = obj.as<InstanceObject>();
    return inst->klass->builtin || inst->exception ? nullptr : inst;
}

// Names whose loads findAttr answers before the class chain, or not from it.
bool specialName(const std::string &name)
{
    return name == "__dict__" || name == "__class__";
}

// The plan of loads at `site` for instances of `cls`, as findAttr would find `name`: a data
// descriptor (property) or a native property anywhere along the MRO takes the general path.
void planLoad(AttributeCache &c, const ClassObject *cls, const std::string &name)
{
    c.hash = nameHash(name);
    c.loadClass = cls;
    c.loadEpoch = classEpoch();
    c.classAttr = cls->lookup(name, c.hash);
    c.plainLoad = !specialName(name) && !(c.classAttr && isPropertyAttribute(*c.classAttr))
        && !findInMro(cls, [&](const ClassObject *k) { return k->properties.contains(name); });
}

// The plan of stores at `site` for instances of `cls`, as setAttr would store `name`.
void planStore(Interpreter &in, AttributeCache &c, const ClassObject *cls, const std::string &name)
{
    c.hash = nameHash(name);
    c.storeClass = cls;
    c.storeEpoch = classEpoch();
    const Value *setattr = nullptr;
    findInMro(cls, [&](const ClassObject *k) { return !k->builtin && (setattr = k->dict->findStr("__setattr__")); });
    const Value *attr = cls->lookup(name, c.hash);
    c.plainStore = !(setattr && !setattr->isNone()) && !(attr && isPropertyAttribute(*attr))
        && (!cls->slotted || slotAllows(in, cls, name));
}

// The one str per attribute name that the sites' keys are, so the instance dicts they fill share
// keys and a site knows its entry by address.
Object *internedName(const std::string &name)
{
    thread_local std::unordered_map<std::string, Ref<Object>> names;
    Ref<Object> &key = names[name];
    if (!key)
        key = make<StrObject>(name);
    return key.get();
}

void holdKey(AttributeCache &c, const std::string &name)
{
    if (!c.key) {
        c.key = internedName(name);
        ++c.key->m_refCount;
    }
}

// The plans, made again when the class or the epoch changed (out of line: rarely run).
[[gnu::noinline]] void replanLoad(AttributeCache &c, const ClassObject *cls, const std::string &name)
{
    planLoad(c, cls, name);
    holdKey(c, name);
}

[[gnu::noinline]] void replanStore(Interpreter &in, AttributeCache &c, const ClassObject *cls, const std::string &name)
{
    planStore(in, c, cls, name);
    holdKey(c, name);
}

// The site's plan for loads from instances of inst's class (kept small: it is on every load).
[[gnu::always_inline]] inline const AttributeCache &loadPlan(const InstanceObject *inst, const Expr &site)
{
    AttributeCache &c = site.attributeCache;
    if (c.loadClass != inst->klass.get() || c.loadEpoch != classEpoch()) [[unlikely]]
        replanLoad(c, inst->klass.get(), site.id);
    return c;
}

// The entry where the site last met its name, when it still holds it: a dict's keys are unique,
// so a live entry whose key is the site's interned name is the one a lookup would find.
[[gnu::always_inline]] inline Value *hintedAttribute(const DictObject &attrs, const AttributeCache &c)
{
    const auto &entries = attrs.entries();
    if (c.index < entries.size()) {
        const DictObject::Entry &e = entries[c.index];
        if (e.key.isObj() && e.key.obj() == c.key)
            return const_cast<Value *>(&e.value);
    }
    return nullptr;
}

// The instance's own attribute `name` (the site's): the hinted entry, else a lookup, which moves
// the hint.
Value *ownAttribute(const DictObject &attrs, AttributeCache &c, const std::string &name)
{
    if (Value *v = hintedAttribute(attrs, c))
        return v;
    const std::int64_t i = attrs.findStrIndex(name, c.hash);
    if (i < 0)
        return nullptr;
    c.index = std::uint32_t(i);
    return const_cast<Value *>(&attrs.entries()[std::size_t(i)].value);
}

// The common load, inline in loadAttribute: a plain instance's own attribute where the site last
// found it. Null sends the load the whole way (loadUncachedAttribute).
[[gnu::always_inline]] inline const Value *cachedInstanceAttribute(const Value &obj, const Expr &site)
{
    const InstanceObject *inst = plainInstance(obj);
    if (!inst || !inst->attrs)
        return nullptr;
    const AttributeCache &c = loadPlan(inst, site);
    return c.plainLoad ? hintedAttribute(*inst->attrs, c) : nullptr;
}

// loadAttribute for an instance past the cached entry: the instance's dict looked up, a method
// bound, or the general protocol (out of line, so loadAttribute stays small).
[[gnu::noinline]] Value loadUncachedAttribute(Interpreter &in, const Value &obj, const Expr &site)
{
    if (InstanceObject *inst = plainInstance(obj)) {
        loadPlan(inst, site);
        AttributeCache &c = site.attributeCache;
        if (c.plainLoad) {
            if (inst->attrs)
                if (const Value *v = ownAttribute(*inst->attrs, c, site.id))
                    return *v;
            if (c.classAttr && c.classAttr->is(ObjKind::Function))
                return Value(make<BoundMethodObject>(obj, *c.classAttr));
        }
    }
    return in.getAttr(obj, site.id);
}

// findMethodAt for an instance: a function the class chain holds, with no instance attribute of
// the name in front of it.
[[gnu::noinline]] bool findInstanceMethod(const Value &obj, const Expr &site, Value &method)
{
    const InstanceObject *inst = plainInstance(obj);
    if (!inst)
        return false;
    const AttributeCache &c = loadPlan(inst, site);
    if (!c.plainLoad || !c.classAttr || !c.classAttr->is(ObjKind::Function))
        return false;
    if (inst->attrs && inst->attrs->findStr(site.id, c.hash))
        return false;
    method = *c.classAttr;
    return true;
}

// storeAttribute for a plain instance whose class lets the site store straight into the dict:
// the hinted entry, else a lookup, else a new entry keyed by the site's interned name.
void storeOwnAttribute(InstanceObject *inst, AttributeCache &c, const std::string &name, Value v)
{
    if (!inst->attrs)
        inst->attrs = make<DictObject>();
    DictObject &attrs = *inst->attrs;
    if (Value *slot = ownAttribute(attrs, c, name)) {
        *slot = std::move(v);
        return;
    }
    attrs.insertAbsent(Value(Ref<Object>(c.key)), std::size_t(c.hash), std::move(v));
    c.index = std::uint32_t(attrs.entries().size() - 1);
}

} // namespace

Value Interpreter::loadAttribute(const Value &obj, const Expr &site)
{
    if (!obj.is(ObjKind::Instance))
        return getAttr(obj, site.id);
    if (const Value *v = cachedInstanceAttribute(obj, site))
        return *v;
    return loadUncachedAttribute(*this, obj, site);
}

void Interpreter::storeAttribute(const Value &obj, const Expr &site, Value v)
{
    if (InstanceObject *inst = plainInstance(obj)) {
        AttributeCache &c = site.attributeCache;
        if (c.storeClass != inst->klass.get() || c.storeEpoch != classEpoch()) [[unlikely]]
            replanStore(*this, c, inst->klass.get(), site.id);
        if (c.plainStore)
            return storeOwnAttribute(inst, c, site.id, std::move(v));
    }
    setAttr(obj, site.id, std::move(v));
}

bool Interpreter::findMethodAt(const Value &obj, const Expr &site, Value &method)
{
    if (obj.is(ObjKind::Instance))
        return findInstanceMethod(obj, site, method);
    return findMethod(obj, site.id, method);
}

Value Interpreter::getAttr(const Value &obj, const std::string &name)
{
    if (auto v = findAttr(obj, name))
        return *v;
    std::string message;
    if (obj.is(ObjKind::Module))
        message = "module '" + obj.as<ModuleObject>()->name + "' has no attribute '" + name + "'";
    else if (obj.is(ObjKind::Class))
        message = "type object '" + obj.as<ClassObject>()->name + "' has no attribute '" + name + "'";
    else
        message = "'" + typeName(obj) + "' object has no attribute '" + name + "'";
    Value e = makeException(exc::attributeError(), message);
    // CPython's hint: the closest name in dir(obj), which is sorted.
    std::vector<std::string> names = attributeNames(obj);
    std::sort(names.begin(), names.end());
    std::string suggestion = closestName(name, names);
    if (!suggestion.empty())
        e.as<InstanceObject>()->exception->hint = ". Did you mean: '" + suggestion + "'?";
    raise(e);
}

// What dir(obj) lists, unsorted.
std::vector<std::string> Interpreter::attributeNames(const Value &obj)
{
    std::vector<std::string> names;
    auto addDict = [&](const DictObject &d) {
        for (auto &entry : d.entries())
            if (entry.live && entry.key.is(ObjKind::Str))
                names.push_back(entry.key.as<StrObject>()->value);
    };
    if (obj.is(ObjKind::Module)) {
        addDict(*obj.as<ModuleObject>()->dict);
        return names;
    }
    if (obj.is(ObjKind::Instance) && obj.as<InstanceObject>()->attrs)
        addDict(*obj.as<InstanceObject>()->attrs);
    if (SubclassData *data = obj.isObj() ? subclassData(obj.obj()) : nullptr; data && data->attrs)
        addDict(*data->attrs);
    const ClassObject *cls = obj.is(ObjKind::Class) ? obj.as<ClassObject>() : typeOf(obj);
    for (const ClassObject *c : mroOf(cls)) {
        addDict(*c->dict);
        for (auto &[n, fn] : c->properties)
            names.push_back(n);
    }
    return names;
}

void Interpreter::setAttr(const Value &obj, const std::string &name, Value v)
{
    if (subclassed(obj)) {
        if (auto hook = userMethod(obj, "__setattr__")) {
            call(*hook, std::vector<Value> {str(name), std::move(v)});
            return;
        }
        if (setThroughProperty(*this, obj, name, v))
            return;
        SubclassData *data = subclassData(obj.obj());
        if (!data->attrs)
            data->attrs = make<DictObject>();
        data->attrs->set(str(name), std::move(v));
        return;
    }
    if (obj.is(ObjKind::Instance)) {
        auto *inst = obj.as<InstanceObject>();
        if (auto hook = userMethod(obj, "__setattr__")) {
            call(*hook, std::vector<Value> {str(name), std::move(v)});
            return;
        }
        if (setThroughProperty(*this, obj, name, v))
            return;
        if (inst->exception && name == "__cause__") {
            inst->exception->cause = v;
            inst->exception->suppressContext = true;
            return;
        }
        if (inst->klass->slotted && !slotAllows(*this, inst->klass.get(), name))
            raise(exc::attributeError(), "'" + inst->klass->name + "' object has no attribute '" + name + "'");
        if (!inst->attrs)
            inst->attrs = make<DictObject>();
        if (Value *slot = inst->attrs->findStr(name))
            *slot = std::move(v); // an existing attribute keeps its key (no new str to hash)
        else
            inst->attrs->set(str(name), std::move(v));
        return;
    }
    if (obj.is(ObjKind::Module)) {
        obj.as<ModuleObject>()->dict->set(str(name), std::move(v));
        return;
    }
    if (obj.is(ObjKind::Function)) {
        auto *fn = obj.as<FunctionObject>();
        if (!fn->attrs)
            fn->attrs = make<DictObject>();
        fn->attrs->set(str(name), std::move(v));
        return;
    }
    if (obj.is(ObjKind::Class) && !obj.as<ClassObject>()->builtin) {
        obj.as<ClassObject>()->setAttr(name, std::move(v));
        return;
    }
    if (obj.is(ObjKind::Class))
        raise(exc::typeError(),
            "cannot set '" + name + "' attribute of immutable type '" + obj.as<ClassObject>()->name + "'");
    raise(exc::attributeError(), "'" + typeName(obj) + "' object has no attribute '" + name + "'");
}

// ---- items ------------------------------------------------------------------------------------

namespace {
std::int64_t sequenceIndex(Interpreter &in, const Value &index, std::int64_t n, const char *what)
{
    if (!index.isIntLike())
        in.raise(
            exc::typeError(), std::string(what) + " indices must be integers or slices, not " + in.typeName(index));
    std::int64_t i = index.asInt();
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        in.raise(exc::indexError(), std::string(what) + " index out of range");
    return i;
}
} // namespace

Value Interpreter::sliceValue(const Value &obj, const SliceObject &s)
{
    std::int64_t start, stop, step;
    if (obj.is(ObjKind::Str)) {
        auto *so = obj.as<StrObject>();
        adjustSlice(*this, s, std::int64_t(so->length()), start, stop, step);
        return str(text::slice(so->value, start, stop, step));
    }
    const std::vector<Value> *items = nullptr;
    if (obj.is(ObjKind::List))
        items = &obj.as<ListObject>()->items;
    else if (obj.is(ObjKind::Tuple))
        items = &obj.as<TupleObject>()->items;
    else if (obj.is(ObjKind::Range)) {
        auto *r = obj.as<RangeObject>();
        adjustSlice(*this, s, r->length(), start, stop, step);
        std::int64_t count = step > 0 ? (stop > start ? (stop - start - 1) / step + 1 : 0)
                                      : (start > stop ? (start - stop - 1) / (-step) + 1 : 0);
        const __int128 first = __int128(r->start) + __int128(start) * r->step;
        const __int128 newStep = __int128(r->step) * step;
        const __int128 stop2 = first + __int128(count) * newStep;
        auto fits = [](__int128 v) { return v >= INT64_MIN && v <= INT64_MAX; };
        if (!fits(first) || !fits(newStep) || !fits(stop2))
            raise(exc::overflowError(), "range slice out of 64-bit range (Loopscope integers are 64-bit)");
        return Value(make<RangeObject>(std::int64_t(first), std::int64_t(stop2), std::int64_t(newStep)));
    }
    if (!items)
        raise(exc::typeError(), "'" + typeName(obj) + "' object is not subscriptable");
    adjustSlice(*this, s, std::int64_t(items->size()), start, stop, step);
    std::vector<Value> out;
    if (step > 0)
        for (std::int64_t i = start; i < stop; i += step)
            out.push_back((*items)[std::size_t(i)]);
    else
        for (std::int64_t i = start; i > stop; i += step)
            out.push_back((*items)[std::size_t(i)]);
    return obj.is(ObjKind::List) ? list(std::move(out)) : tuple(std::move(out));
}

Value Interpreter::getItem(const Value &obj, const Value &index)
{
    if (subclassed(obj)) [[unlikely]]
        if (auto m = overridden(obj, "__getitem__"))
            return call(*m, std::vector<Value> {index});
    if (index.is(ObjKind::Slice) && !obj.is(ObjKind::Instance))
        return sliceValue(obj, *index.as<SliceObject>());
    if (obj.isObj()) {
        switch (obj.obj()->kind()) {
        case ObjKind::List: {
            auto &items = obj.as<ListObject>()->items;
            return items[std::size_t(sequenceIndex(*this, index, std::int64_t(items.size()), "list"))];
        }
        case ObjKind::Tuple: {
            auto &items = obj.as<TupleObject>()->items;
            return items[std::size_t(sequenceIndex(*this, index, std::int64_t(items.size()), "tuple"))];
        }
        case ObjKind::Str: {
            auto *s = obj.as<StrObject>();
            if (!index.isIntLike())
                raise(exc::typeError(), "string indices must be integers, not '" + typeName(index) + "'");
            return str(text::charAt(s->value, sequenceIndex(*this, index, std::int64_t(s->length()), "string")));
        }
        case ObjKind::Dict: {
            if (!isHashable(index))
                raise(exc::typeError(), "unhashable type: '" + typeName(index) + "'");
            if (const Value *v = obj.as<DictObject>()->find(index))
                return *v;
            if (typeOf(obj) != types::dictType()) // defaultdict, Counter
                if (const Value *missing = typeOf(obj)->lookup("__missing__"))
                    return call(*missing, std::vector<Value> {obj, index});
            raise(makeException(exc::keyError(), std::vector<Value> {index}));
        }
        case ObjKind::Range: {
            auto *r = obj.as<RangeObject>();
            std::int64_t i = sequenceIndex(*this, index, r->length(), "range object");
            return Value::integer(r->start + i * r->step);
        }
        default: break;
        }
    }
    if (auto m = userMethod(obj, "__getitem__"))
        return call(*m, std::vector<Value> {index});
    if (obj.is(ObjKind::Class))
        return obj; // list[int] and friends in annotations: harmless
    raise(exc::typeError(), "'" + typeName(obj) + "' object is not subscriptable");
}

void Interpreter::setItem(const Value &obj, const Value &index, Value v)
{
    if (subclassed(obj)) [[unlikely]]
        if (auto m = overridden(obj, "__setitem__")) {
            call(*m, std::vector<Value> {index, std::move(v)});
            return;
        }
    if (obj.is(ObjKind::List)) {
        auto &items = obj.as<ListObject>()->items;
        if (index.is(ObjKind::Slice)) {
            std::int64_t start, stop, step;
            adjustSlice(*this, *index.as<SliceObject>(), std::int64_t(items.size()), start, stop, step);
            std::vector<Value> repl = toVector(v);
            if (step != 1) {
                std::vector<std::int64_t> positions;
                for (std::int64_t i = start; step > 0 ? i < stop : i > stop; i += step)
                    positions.push_back(i);
                if (positions.size() != repl.size())
                    raise(exc::valueError(),
                        "attempt to assign sequence of size " + std::to_string(repl.size())
                            + " to extended slice of size " + std::to_string(positions.size()));
                for (std::size_t k = 0; k < positions.size(); ++k)
                    items[std::size_t(positions[k])] = repl[k];
                return;
            }
            if (stop < start)
                stop = start;
            items.erase(items.begin() + start, items.begin() + stop);
            items.insert(items.begin() + start, repl.begin(), repl.end());
            return;
        }
        items[std::size_t(sequenceIndex(*this, index, std::int64_t(items.size()), "list assignment"))] = std::move(v);
        return;
    }
    if (obj.is(ObjKind::Dict)) {
        if (!isHashable(index))
            raise(exc::typeError(), "unhashable type: '" + typeName(index) + "'");
        obj.as<DictObject>()->set(index, std::move(v));
        return;
    }
    if (auto m = userMethod(obj, "__setitem__")) {
        call(*m, std::vector<Value> {index, std::move(v)});
        return;
    }
    raise(exc::typeError(), "'" + typeName(obj) + "' object does not support item assignment");
}

void Interpreter::delItem(const Value &obj, const Value &index)
{
    if (subclassed(obj)) [[unlikely]]
        if (auto m = overridden(obj, "__delitem__")) {
            call(*m, std::vector<Value> {index});
            return;
        }
    if (obj.is(ObjKind::List)) {
        auto &items = obj.as<ListObject>()->items;
        if (index.is(ObjKind::Slice)) {
            std::int64_t start, stop, step;
            adjustSlice(*this, *index.as<SliceObject>(), std::int64_t(items.size()), start, stop, step);
            std::vector<Value> kept;
            for (std::int64_t i = 0; i < std::int64_t(items.size()); ++i) {
                bool in = step > 0 ? (i >= start && i < stop && (i - start) % step == 0)
                                   : (i <= start && i > stop && (start - i) % (-step) == 0);
                if (!in)
                    kept.push_back(items[std::size_t(i)]);
            }
            items = std::move(kept);
            return;
        }
        items.erase(items.begin() + sequenceIndex(*this, index, std::int64_t(items.size()), "list assignment"));
        return;
    }
    if (obj.is(ObjKind::Dict)) {
        if (!obj.as<DictObject>()->remove(index))
            raise(makeException(exc::keyError(), std::vector<Value> {index}));
        return;
    }
    if (auto m = userMethod(obj, "__delitem__")) {
        call(*m, std::vector<Value> {index});
        return;
    }
    raise(exc::typeError(), "'" + typeName(obj) + "' object doesn't support item deletion");
}

// ---- operators --------------------------------------------------------------------------------

Value Interpreter::binary(BinaryOp op, const Value &a, const Value &b)
{
    if (hasDunders(a) || hasDunders(b))
        if (auto r = binaryDunder(op, a, b, false))
            return *r;
    if (auto r = setops::binary(*this, op, a, b))
        return *r;
    if (a.is(ObjKind::Dict) && b.is(ObjKind::Dict) && typeOf(a) != types::dictType()) { // Counter arithmetic
        const char *name = op == BinaryOp::Add ? "__add__"
            : op == BinaryOp::Sub              ? "__sub__"
            : op == BinaryOp::BitOr            ? "__or__"
            : op == BinaryOp::BitAnd           ? "__and__"
                                               : nullptr;
        if (const Value *m = name ? typeOf(a)->lookup(name) : nullptr)
            return call(*m, std::vector<Value> {a, b});
    }
    if (a.isIntLike() && b.isIntLike()) {
        std::int64_t x = a.asInt(), y = b.asInt(), r = 0;
        auto overflow
            = [&]() -> Value { raise(exc::overflowError(), "integer overflow: Loopscope integers are 64-bit"); };
        switch (op) {
        case BinaryOp::Add:
            if (__builtin_add_overflow(x, y, &r))
                overflow();
            return Value::integer(r);
        case BinaryOp::Sub:
            if (__builtin_sub_overflow(x, y, &r))
                overflow();
            return Value::integer(r);
        case BinaryOp::Mul:
            if (__builtin_mul_overflow(x, y, &r))
                overflow();
            return Value::integer(r);
        case BinaryOp::Div:
            if (y == 0)
                raise(exc::zeroDivisionError(), "division by zero");
            return Value::real(double(x) / double(y));
        case BinaryOp::FloorDiv:
            if (y == 0)
                raise(exc::zeroDivisionError(), "integer division or modulo by zero");
            if (x == INT64_MIN && y == -1)
                overflow();
            return Value::integer(floorDiv(x, y));
        case BinaryOp::Mod:
            if (y == 0)
                raise(exc::zeroDivisionError(), "integer modulo by zero");
            if (y == -1)
                return Value::integer(0);
            return Value::integer(floorMod(x, y));
        case BinaryOp::Pow: {
            if (y < 0) {
                if (x == 0)
                    raise(exc::zeroDivisionError(), "0.0 cannot be raised to a negative power");
                return Value::real(std::pow(double(x), double(y)));
            }
            std::int64_t result = 1, base = x;
            while (y) {
                if (y & 1)
                    if (__builtin_mul_overflow(result, base, &result))
                        overflow();
                y >>= 1;
                if (y && __builtin_mul_overflow(base, base, &base))
                    overflow();
            }
            return Value::integer(result);
        }
        case BinaryOp::LShift:
            if (y < 0)
                raise(exc::valueError(), "negative shift count");
            if (y >= 63 || (x != 0 && (x << y) >> y != x))
                overflow();
            return Value::integer(x << y);
        case BinaryOp::RShift:
            if (y < 0)
                raise(exc::valueError(), "negative shift count");
            return Value::integer(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
        case BinaryOp::BitOr: return a.isBool() && b.isBool() ? Value::boolean(x | y) : Value::integer(x | y);
        case BinaryOp::BitXor: return a.isBool() && b.isBool() ? Value::boolean(x ^ y) : Value::integer(x ^ y);
        case BinaryOp::BitAnd: return a.isBool() && b.isBool() ? Value::boolean(x & y) : Value::integer(x & y);
        case BinaryOp::MatMul: break;
        }
    } else if (a.isNumber() && b.isNumber()) {
        double x = a.toDouble(), y = b.toDouble();
        switch (op) {
        case BinaryOp::Add: return Value::real(x + y);
        case BinaryOp::Sub: return Value::real(x - y);
        case BinaryOp::Mul: return Value::real(x * y);
        case BinaryOp::Div:
            if (y == 0)
                raise(exc::zeroDivisionError(), "float division by zero");
            return Value::real(x / y);
        case BinaryOp::FloorDiv:
            if (y == 0)
                raise(exc::zeroDivisionError(), "float floor division by zero");
            return Value::real(std::floor(x / y));
        case BinaryOp::Mod: {
            if (y == 0)
                raise(exc::zeroDivisionError(), "float modulo");
            double m = std::fmod(x, y);
            if (m != 0 && ((m < 0) != (y < 0)))
                m += y;
            else if (m == 0)
                m = std::copysign(0.0, y);
            return Value::real(m);
        }
        case BinaryOp::Pow:
            if (x == 0 && y < 0)
                raise(exc::zeroDivisionError(), "0.0 cannot be raised to a negative power");
            if (x < 0 && y != std::floor(y))
                raise(exc::valueError(),
                    "complex numbers are not supported yet: a negative number to a fractional power");
            {
                double r = std::pow(x, y);
                if (std::isinf(r) && std::isfinite(x) && std::isfinite(y))
                    raise(exc::overflowError(), "(34, 'Numerical result out of range')");
                return Value::real(r);
            }
        default: break;
        }
    } else if (a.is(ObjKind::Str)) {
        if (op == BinaryOp::Add) {
            if (!b.is(ObjKind::Str))
                raise(exc::typeError(), "can only concatenate str (not \"" + typeName(b) + "\") to str");
            checkSize(std::int64_t(a.as<StrObject>()->value.size() + b.as<StrObject>()->value.size()));
            return str(a.as<StrObject>()->value + b.as<StrObject>()->value);
        }
        if (op == BinaryOp::Mul && b.isIntLike()) {
            checkRepeat(*this, a.as<StrObject>()->value.size(), b.asInt());
            if (a.as<StrObject>()->value.empty())
                return str("");
            std::string out;
            for (std::int64_t i = 0; i < b.asInt(); ++i)
                out += a.as<StrObject>()->value;
            return str(std::move(out));
        }
        if (op == BinaryOp::Mod)
            return percentFormat(a.as<StrObject>()->value, b);
    } else if (a.is(ObjKind::List) || a.is(ObjKind::Tuple)) {
        auto &x = a.is(ObjKind::List) ? a.as<ListObject>()->items : a.as<TupleObject>()->items;
        if (op == BinaryOp::Add) {
            if (b.obj() == nullptr || b.obj()->kind() != a.obj()->kind())
                raise(exc::typeError(),
                    "can only concatenate " + typeName(a) + " (not \"" + typeName(b) + "\") to " + typeName(a));
            auto &y = b.is(ObjKind::List) ? b.as<ListObject>()->items : b.as<TupleObject>()->items;
            checkSize(std::int64_t(x.size() + y.size()));
            std::vector<Value> out(x);
            out.insert(out.end(), y.begin(), y.end());
            return a.is(ObjKind::List) ? list(std::move(out)) : tuple(std::move(out));
        }
        if (op == BinaryOp::Mul && b.isIntLike()) {
            checkRepeat(*this, x.size(), b.asInt());
            std::vector<Value> out;
            if (x.empty())
                return a.is(ObjKind::List) ? list({}) : tuple({});
            for (std::int64_t i = 0; i < b.asInt(); ++i)
                out.insert(out.end(), x.begin(), x.end());
            return a.is(ObjKind::List) ? list(std::move(out)) : tuple(std::move(out));
        }
    } else if (a.isIntLike() && op == BinaryOp::Mul
        && (b.is(ObjKind::Str) || b.is(ObjKind::List) || b.is(ObjKind::Tuple))) {
        return binary(op, b, a);
    } else if (a.is(ObjKind::Dict) && b.is(ObjKind::Dict) && op == BinaryOp::BitOr) {
        auto d = make<DictObject>();
        for (auto *src : {a.as<DictObject>(), b.as<DictObject>()})
            for (auto &e : src->entries())
                if (e.live)
                    d->set(e.key, e.value);
        return Value(d);
    }
    const bool sequence
        = [](const Value &v) { return v.is(ObjKind::Str) || v.is(ObjKind::List) || v.is(ObjKind::Tuple); }(a)
        || b.is(ObjKind::Str) || b.is(ObjKind::List) || b.is(ObjKind::Tuple);
    if (op == BinaryOp::Mul && sequence)
        raise(exc::typeError(),
            "can't multiply sequence by non-int of type '"
                + typeName(a.is(ObjKind::Str) || a.is(ObjKind::List) || a.is(ObjKind::Tuple) ? b : a) + "'");
    raise(exc::typeError(),
        std::string("unsupported operand type(s) for ") + opSymbol(op) + ": '" + typeName(a) + "' and '" + typeName(b)
            + "'");
}

// `a op= b`: lists and dicts change in place (list.__iadd__ extends with any iterable).
Value Interpreter::inplace(BinaryOp op, const Value &a, const Value &b)
{
    if (auto r = setops::inplace(*this, op, a, b))
        return *r;
    if (hasDunders(a) || hasDunders(b)) {
        if (auto r = binaryDunder(op, a, b, true))
            return *r;
        if (a.is(ObjKind::Instance) || b.is(ObjKind::Instance))
            return binary(op, a, b); // for the error message
    }
    if (a.is(ObjKind::List)) {
        auto &items = a.as<ListObject>()->items;
        if (op == BinaryOp::Add) {
            std::vector<Value> more = toVector(b);
            checkSize(std::int64_t(items.size() + more.size()));
            items.insert(items.end(), more.begin(), more.end());
            return a;
        }
        if (op == BinaryOp::Mul && b.isIntLike()) {
            checkRepeat(*this, items.size(), b.asInt());
            if (items.empty())
                return a;
            std::vector<Value> once = items;
            items.clear();
            for (std::int64_t i = 0; i < b.asInt(); ++i)
                items.insert(items.end(), once.begin(), once.end());
            return a;
        }
    }
    if (a.is(ObjKind::Dict) && b.is(ObjKind::Dict) && op == BinaryOp::BitOr) {
        for (auto &e : b.as<DictObject>()->entries())
            if (e.live)
                a.as<DictObject>()->set(e.key, e.value);
        return a;
    }
    try {
        return binary(op, a, b);
    } catch (const ScriptError &e) {
        // CPython names the augmented operator: "unsupported operand type(s) for +=: ...".
        const std::string plain = std::string("unsupported operand type(s) for ") + opSymbol(op) + ":";
        const std::string message = exceptionMessage(e.exception);
        if (!isInstance(e.exception, exc::typeError()) || message.rfind(plain, 0) != 0)
            throw;
        const std::string symbol = op == BinaryOp::Pow ? "**" : opSymbol(op);
        raise(exc::typeError(), "unsupported operand type(s) for " + symbol + "=:" + message.substr(plain.size()));
    }
}

Value Interpreter::unary(UnaryOperator op, const Value &a)
{
    if (op != UnaryOperator::Not && hasDunders(a)) {
        const char *name = op == UnaryOperator::Neg ? "__neg__" : op == UnaryOperator::Pos ? "__pos__" : "__invert__";
        if (auto m = userMethod(a, name))
            return call(*m, std::vector<Value> {});
    }
    switch (op) {
    case UnaryOperator::Not: return Value::boolean(!truthy(a));
    case UnaryOperator::Neg:
        if (a.isIntLike()) {
            if (a.asInt() == INT64_MIN)
                raise(exc::overflowError(), "integer overflow: Loopscope integers are 64-bit");
            return Value::integer(-a.asInt());
        }
        if (a.isFloat())
            return Value::real(-a.asFloat());
        raise(exc::typeError(), "bad operand type for unary -: '" + typeName(a) + "'");
    case UnaryOperator::Pos:
        if (a.isIntLike())
            return Value::integer(a.asInt());
        if (a.isFloat())
            return a;
        raise(exc::typeError(), "bad operand type for unary +: '" + typeName(a) + "'");
    case UnaryOperator::Invert:
        if (a.isIntLike())
            return Value::integer(~a.asInt());
        raise(exc::typeError(), "bad operand type for unary ~: '" + typeName(a) + "'");
    }
    return Value();
}

bool Interpreter::equals(const Value &a, const Value &b)
{
    if (auto r = setops::viewEquals(*this, a, b)) // d.keys() == {"a", "b"}
        return *r;
    if (a.isNumber() && b.isNumber())
        return keyEquals(a, b);
    if (hasDunders(a) || hasDunders(b)) {
        NestingGuard nesting(*this, "in comparison");
        if (auto r = compareDunder(CompareOp::Eq, a, b))
            return *r;
    }
    if (a.is(ObjKind::List) || a.is(ObjKind::Tuple) || a.is(ObjKind::Dict)) {
        // Containers compare element by element; each level of nesting counts towards the
        // recursion limit, as Py_EnterRecursiveCall does in CPython.
        NestingGuard nesting(*this, "in comparison");
        return equalsImpl(a, b);
    }
    return equalsImpl(a, b);
}

bool Interpreter::equalsImpl(const Value &a, const Value &b)
{
    if (a.tag() != b.tag())
        return false;
    if (!a.isObj())
        return true;
    if (a.obj() == b.obj())
        return true;
    if (a.obj()->kind() != b.obj()->kind())
        return false;
    switch (a.obj()->kind()) {
    case ObjKind::Str: return a.as<StrObject>()->value == b.as<StrObject>()->value;
    case ObjKind::Set: return keyEquals(a, b);
    case ObjKind::List:
    case ObjKind::Tuple: {
        if (a.is(ObjKind::List) && a.obj()->cls() != b.obj()->cls()) // a deque never equals a list (a subclass may)
            return false;
        auto &x = a.is(ObjKind::List) ? a.as<ListObject>()->items : a.as<TupleObject>()->items;
        auto &y = b.is(ObjKind::List) ? b.as<ListObject>()->items : b.as<TupleObject>()->items;
        if (x.size() != y.size())
            return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!equals(x[i], y[i]))
                return false;
        return true;
    }
    case ObjKind::Dict: {
        auto *x = a.as<DictObject>();
        auto *y = b.as<DictObject>();
        if (x->size() != y->size())
            return false;
        for (auto &e : x->entries()) {
            if (!e.live)
                continue;
            const Value *v = y->find(e.key);
            if (!v || !equals(e.value, *v))
                return false;
        }
        return true;
    }
    case ObjKind::Range: {
        auto *x = a.as<RangeObject>();
        auto *y = b.as<RangeObject>();
        return x->length() == y->length()
            && (x->length() == 0 || (x->start == y->start && (x->length() == 1 || x->step == y->step)));
    }
    case ObjKind::BoundMethod:
        return a.as<BoundMethodObject>()->self.identical(b.as<BoundMethodObject>()->self)
            && a.as<BoundMethodObject>()->function.identical(b.as<BoundMethodObject>()->function);
    case ObjKind::Native:
        return a.as<NativeObject>()->name == b.as<NativeObject>()->name
            && a.as<NativeObject>()->self.identical(b.as<NativeObject>()->self);
    default: return false;
    }
}

bool Interpreter::lessThan(const Value &a, const Value &b)
{
    return compare(CompareOp::Lt, a, b);
}

bool Interpreter::compare(CompareOp op, const Value &a, const Value &b)
{
    switch (op) {
    case CompareOp::Eq: return equals(a, b);
    case CompareOp::NotEq:
        if (hasDunders(a) || hasDunders(b))
            if (auto r = compareDunder(CompareOp::NotEq, a, b))
                return *r;
        return !equals(a, b);
    case CompareOp::Is: return a.identical(b);
    case CompareOp::IsNot: return !a.identical(b);
    case CompareOp::In: return contains(b, a);
    case CompareOp::NotIn: return !contains(b, a);
    default: break;
    }
    if (auto r = setops::compare(op, a, b))
        return *r;
    int c = 0;
    if (hasDunders(a) || hasDunders(b)) {
        NestingGuard nesting(*this, "in comparison");
        if (auto r = compareDunder(op, a, b))
            return *r;
        if (a.is(ObjKind::Instance) || b.is(ObjKind::Instance))
            raise(exc::typeError(),
                std::string("'") + compareSymbol(op) + "' not supported between instances of '" + typeName(a)
                    + "' and '" + typeName(b) + "'");
    }
    if (a.isIntLike() && b.isIntLike()) {
        c = a.asInt() < b.asInt() ? -1 : a.asInt() > b.asInt() ? 1 : 0;
    } else if (a.isNumber() && b.isNumber()) {
        double x = a.toDouble(), y = b.toDouble();
        if (std::isnan(x) || std::isnan(y))
            return false;
        c = x < y ? -1 : x > y ? 1 : 0;
    } else if (a.is(ObjKind::Str) && b.is(ObjKind::Str)) {
        c = a.as<StrObject>()->value.compare(b.as<StrObject>()->value);
        c = c < 0 ? -1 : c > 0 ? 1 : 0;
    } else if ((a.is(ObjKind::List) && b.is(ObjKind::List)) || (a.is(ObjKind::Tuple) && b.is(ObjKind::Tuple))) {
        auto &x = a.is(ObjKind::List) ? a.as<ListObject>()->items : a.as<TupleObject>()->items;
        auto &y = b.is(ObjKind::List) ? b.as<ListObject>()->items : b.as<TupleObject>()->items;
        std::size_t i = 0;
        while (i < x.size() && i < y.size() && equals(x[i], y[i]))
            ++i;
        if (i < x.size() && i < y.size())
            return compare(op, x[i], y[i]);
        c = x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
    } else {
        raise(exc::typeError(),
            std::string("'") + compareSymbol(op) + "' not supported between instances of '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }
    switch (op) {
    case CompareOp::Lt: return c < 0;
    case CompareOp::LtE: return c <= 0;
    case CompareOp::Gt: return c > 0;
    case CompareOp::GtE: return c >= 0;
    default: return false;
    }
}

bool Interpreter::contains(const Value &container, const Value &item)
{
    if (subclassed(container)) [[unlikely]]
        if (auto m = overridden(container, "__contains__"))
            return truthy(call(*m, std::vector<Value> {item}));
    if (container.is(ObjKind::Str)) {
        if (!item.is(ObjKind::Str))
            raise(exc::typeError(), "'in <string>' requires string as left operand, not " + typeName(item));
        return container.as<StrObject>()->value.find(item.as<StrObject>()->value) != std::string::npos;
    }
    if (container.is(ObjKind::Dict)) {
        if (!isHashable(item))
            raise(exc::typeError(), "unhashable type: '" + typeName(item) + "'");
        return container.as<DictObject>()->find(item) != nullptr;
    }
    if (container.is(ObjKind::Set))
        return container.as<SetObject>()->contains(item, setops::hashOf(*this, item));
    if (container.is(ObjKind::DictView) && container.as<DictViewObject>()->which == DictViewObject::Which::Keys)
        return contains(Value(container.as<DictViewObject>()->dict), item);
    if (container.is(ObjKind::Range) && item.isIntLike()) {
        auto *r = container.as<RangeObject>();
        std::int64_t x = item.asInt();
        if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop))
            return false;
        return (__int128(x) - r->start) % r->step == 0;
    }
    if (container.is(ObjKind::List) || container.is(ObjKind::Tuple)) {
        auto &items
            = container.is(ObjKind::List) ? container.as<ListObject>()->items : container.as<TupleObject>()->items;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (items[i].identical(item) || equals(items[i], item))
                return true;
        return false;
    }
    if (auto m = userMethod(container, "__contains__"))
        return truthy(call(*m, std::vector<Value> {item}));
    if (!container.is(ObjKind::Iterator) && !container.is(ObjKind::DictView) && !findAttr(container, "__iter__")
        && !userMethod(container, "__getitem__"))
        raise(exc::typeError(), "argument of type '" + typeName(container) + "' is not iterable");
    Value it = iter(container);
    Value v;
    while (next(it, v))
        if (equals(v, item))
            return true;
    return false;
}

bool Interpreter::truthy(const Value &v)
{
    switch (v.tag()) {
    case Value::Tag::None:
    case Value::Tag::Unbound: return false;
    case Value::Tag::Bool:
    case Value::Tag::Int: return v.asInt() != 0;
    case Value::Tag::Float: return v.asFloat() != 0;
    case Value::Tag::Obj: break;
    }
    // A script class's __bool__, else its __len__.
    auto byDunders = [&](std::optional<Value> boolMethod) -> std::optional<bool> {
        if (boolMethod) {
            Value r = call(*boolMethod, std::vector<Value> {});
            if (!r.isBool())
                raise(exc::typeError(), "__bool__ should return bool, returned " + typeName(r));
            return r.asBool();
        }
        if (userMethod(v, "__len__"))
            return length(v) != 0;
        return std::nullopt;
    };
    if (subclassed(v)) [[unlikely]]
        if (auto r = byDunders(overridden(v, "__bool__")))
            return *r;
    switch (v.obj()->kind()) {
    case ObjKind::Str: return !v.as<StrObject>()->value.empty();
    case ObjKind::List: return !v.as<ListObject>()->items.empty();
    case ObjKind::Tuple: return !v.as<TupleObject>()->items.empty();
    case ObjKind::Dict: return v.as<DictObject>()->size() != 0;
    case ObjKind::Set: return v.as<SetObject>()->size() != 0;
    case ObjKind::Range: return v.as<RangeObject>()->length() != 0;
    case ObjKind::DictView: return v.as<DictViewObject>()->dict->size() != 0;
    case ObjKind::Instance: return byDunders(userMethod(v, "__bool__")).value_or(true);
    case ObjKind::Other: // native containers (wait()'s sets) answer through __len__
        if (findAttr(v, "__len__"))
            return length(v) != 0;
        return true;
    default: return true;
    }
}

std::int64_t Interpreter::length(const Value &v)
{
    if (subclassed(v)) [[unlikely]]
        if (auto m = overridden(v, "__len__")) {
            std::int64_t n = args::toInt(*this, call(*m, std::vector<Value> {}), "__len__");
            if (n < 0)
                raise(exc::valueError(), "__len__() should return >= 0");
            return n;
        }
    if (v.isObj()) {
        switch (v.obj()->kind()) {
        case ObjKind::Str: return std::int64_t(v.as<StrObject>()->length());
        case ObjKind::List: return std::int64_t(v.as<ListObject>()->items.size());
        case ObjKind::Tuple: return std::int64_t(v.as<TupleObject>()->items.size());
        case ObjKind::Dict: return std::int64_t(v.as<DictObject>()->size());
        case ObjKind::Set: return std::int64_t(v.as<SetObject>()->size());
        case ObjKind::Range: return v.as<RangeObject>()->length();
        case ObjKind::DictView: return std::int64_t(v.as<DictViewObject>()->dict->size());
        default:
            if (auto m = findAttr(v, "__len__")) {
                std::int64_t n = args::toInt(*this, call(*m, std::vector<Value> {}), "__len__");
                if (n < 0)
                    raise(exc::valueError(), "__len__() should return >= 0");
                return n;
            }
            break;
        }
    }
    raise(exc::typeError(), "object of type '" + typeName(v) + "' has no len()");
}

// ---- iteration --------------------------------------------------------------------------------

Value Interpreter::iter(const Value &v)
{
    if (subclassed(v)) [[unlikely]]
        if (auto m = overridden(v, "__iter__")) {
            Value it = call(*m, std::vector<Value> {});
            if (!it.is(ObjKind::Iterator) && !it.is(ObjKind::Generator) && !findAttr(it, "__next__"))
                raise(exc::typeError(), "iter() returned non-iterator of type '" + typeName(it) + "'");
            return it;
        }
    if (v.isObj()) {
        switch (v.obj()->kind()) {
        case ObjKind::Iterator: return v;
        case ObjKind::List: {
            Ref<ListObject> l(v.as<ListObject>());
            std::size_t i = 0;
            return Value(make<IteratorObject>([l, i](Value &out) mutable {
                if (i >= l->items.size())
                    return false;
                out = l->items[i++];
                return true;
            }));
        }
        case ObjKind::Tuple: {
            Ref<TupleObject> t(v.as<TupleObject>());
            std::size_t i = 0;
            return Value(make<IteratorObject>([t, i](Value &out) mutable {
                if (i >= t->items.size())
                    return false;
                out = t->items[i++];
                return true;
            }));
        }
        case ObjKind::Str: {
            auto chars = std::make_shared<std::vector<std::string>>(text::characters(v.as<StrObject>()->value));
            std::size_t i = 0;
            return Value(make<IteratorObject>([chars, i](Value &out) mutable {
                if (i >= chars->size())
                    return false;
                out = str((*chars)[i++]);
                return true;
            }));
        }
        case ObjKind::Set: return setops::iterate(*this, v);
        case ObjKind::Dict: // iterating a dict is iterating its keys view
            return iter(Value(make<DictViewObject>(Ref<DictObject>(v.as<DictObject>()), DictViewObject::Which::Keys)));
        case ObjKind::DictView: {
            Ref<DictViewObject> view(v.as<DictViewObject>());
            std::size_t i = 0;
            std::uint64_t version = view->dict->version();
            std::size_t size = view->dict->size();
            return Value(make<IteratorObject>([this, view, i, version, size](Value &out) mutable {
                const auto &d = view->dict;
                if (d->version() != version && d->size() != size)
                    raise(exc::runtimeError(), "dictionary changed size during iteration");
                auto &entries = d->entries();
                while (i < entries.size() && !entries[i].live)
                    ++i;
                if (i >= entries.size())
                    return false;
                out = view->element(entries[i++]);
                return true;
            }));
        }
        case ObjKind::Range: {
            Ref<RangeObject> r(v.as<RangeObject>());
            std::int64_t i = 0, n = r->length();
            return Value(make<IteratorObject>([r, i, n](Value &out) mutable {
                if (i >= n)
                    return false;
                out = Value::integer(r->start + i++ * r->step);
                return true;
            }));
        }
        case ObjKind::Generator:
            if (v.as<GeneratorObject>()->isAsync)
                break;
            return v;
        default:
            if (auto m = findAttr(v, "__iter__")) {
                Value it = call(*m, std::vector<Value> {});
                if (!it.is(ObjKind::Iterator) && !it.is(ObjKind::Generator) && !findAttr(it, "__next__"))
                    raise(exc::typeError(), "iter() returned non-iterator of type '" + typeName(it) + "'");
                return it;
            }
            if (auto m = userMethod(v, "__getitem__")) {
                // the old sequence protocol: items 0, 1, 2... until IndexError
                Value getter = *m;
                std::int64_t i = 0;
                return Value(make<IteratorObject>([this, getter, i](Value &out) mutable {
                    try {
                        out = call(getter, std::vector<Value> {Value::integer(i++)});
                        return true;
                    } catch (ScriptError &e) {
                        if (isInstance(e.exception, exc::indexError()) || isInstance(e.exception, exc::stopIteration()))
                            return false;
                        throw;
                    }
                }));
            }
            break;
        }
    }
    raise(exc::typeError(), "'" + typeName(v) + "' object is not iterable");
}

bool Interpreter::next(const Value &iterator, Value &out)
{
    // Iterators may wrap iterators (map over map over ...), and a builtin may loop for a long
    // time: both count like statements, so neither can crash or hang the engine.
    checkStack();
    if (++m_ops > m_opsCheck)
        opsCheckpoint(currentLine());
    if (iterator.is(ObjKind::Iterator)) {
        auto *it = iterator.as<IteratorObject>();
        return it->next && it->next(out);
    }
    if (iterator.is(ObjKind::Generator) && !iterator.as<GeneratorObject>()->isAsync) {
        Ref<GeneratorObject> gen(iterator.as<GeneratorObject>());
        return resumeGenerator(*gen, Value(), out);
    }
    if (auto m = userMethod(iterator, "__next__")) {
        try {
            out = call(*m, std::vector<Value> {});
            return true;
        } catch (ScriptError &e) {
            if (isInstance(e.exception, exc::stopIteration()))
                return false;
            throw;
        }
    }
    raise(exc::typeError(), "'" + typeName(iterator) + "' object is not an iterator");
}

std::vector<Value> Interpreter::toVector(const Value &iterable)
{
    if (iterable.is(ObjKind::Range))
        checkSize(iterable.as<RangeObject>()->length());
    const bool ownIter = subclassed(iterable) && userMethod(iterable, "__iter__");
    if (iterable.is(ObjKind::List) && !ownIter)
        return iterable.as<ListObject>()->items;
    if (iterable.is(ObjKind::Tuple) && !ownIter)
        return iterable.as<TupleObject>()->items;
    std::vector<Value> out;
    Value it = iter(iterable);
    Value v;
    while (next(it, v)) {
        out.push_back(v);
        checkSize(std::int64_t(out.size()));
    }
    return out;
}

// ---- repr, str, format ------------------------------------------------------------------------

std::string Interpreter::repr(const Value &v)
{
    switch (v.tag()) {
    case Value::Tag::None:
    case Value::Tag::Unbound: return "None";
    case Value::Tag::Bool: return v.asBool() ? "True" : "False";
    case Value::Tag::Int: return text::intToString(v.asInt());
    case Value::Tag::Float: return text::floatRepr(v.asFloat());
    case Value::Tag::Obj: break;
    }
    static thread_local std::vector<const Object *> active; // containers being printed: [...] on cycles
    Object *o = v.obj();
    NestingGuard nesting(*this, "while getting the repr of an object");
    if (o->m_subclassed) [[unlikely]] {
        if (auto m = overridden(v, "__repr__")) {
            Value r = call(*m, std::vector<Value> {});
            if (!r.is(ObjKind::Str))
                raise(exc::typeError(), "__repr__ returned non-string (type " + typeName(r) + ")");
            return r.as<StrObject>()->value;
        }
        // the first native __repr__ on the way to the builtin type (a namedtuple's, a deque's)
        for (ClassObject *k : mroOf(typeOf(v)))
            if (const Value *m = k->dict->findStr("__repr__");
                m && m->is(ObjKind::Native) && o->kind() != ObjKind::Other)
                return toStr(call(*m, std::vector<Value> {v}));
    }
    auto guard = [&](const char *cyc) -> std::optional<std::string> {
        if (std::find(active.begin(), active.end(), o) != active.end())
            return std::string(cyc);
        return std::nullopt;
    };
    struct Push {
        Object *o;
        Push(Object *x)
            : o(x)
        {
            active.push_back(x);
        }
        ~Push() { active.pop_back(); }
    };
    if (o->m_subclassed)
        ; // the builtin type's repr
    else if ((o->kind() == ObjKind::List && typeOf(v) != types::listType())
        || (o->kind() == ObjKind::Tuple && typeOf(v) != types::tupleType())
        || (o->kind() == ObjKind::Dict && typeOf(v) != types::dictType())) // deque, namedtuples, Counter...
        if (const Value *m = typeOf(v)->lookup("__repr__"))
            return toStr(call(*m, std::vector<Value> {v}));
    switch (o->kind()) {
    case ObjKind::Str: return text::stringRepr(v.as<StrObject>()->value);
    case ObjKind::List: {
        if (auto c = guard("[...]"))
            return *c;
        Push p(o);
        std::string out = "[";
        auto &items = v.as<ListObject>()->items;
        for (std::size_t i = 0; i < items.size(); ++i)
            out += (i ? ", " : "") + repr(items[i]);
        return out + "]";
    }
    case ObjKind::Tuple: {
        auto &items = v.as<TupleObject>()->items;
        std::string out = "(";
        for (std::size_t i = 0; i < items.size(); ++i)
            out += (i ? ", " : "") + repr(items[i]);
        return out + (items.size() == 1 ? ",)" : ")");
    }
    case ObjKind::Dict: {
        if (auto c = guard("{...}"))
            return *c;
        Push p(o);
        std::string out = "{";
        bool first = true;
        for (auto &e : v.as<DictObject>()->entries()) {
            if (!e.live)
                continue;
            out += (first ? "" : ", ") + repr(e.key) + ": " + repr(e.value);
            first = false;
        }
        return out + "}";
    }
    case ObjKind::Set: return setops::repr(*this, v);
    case ObjKind::DictView: {
        if (auto c = guard("..."))
            return *c;
        Push p(o);
        return typeName(v) + "(" + repr(list(toVector(v))) + ")";
    }
    case ObjKind::Range: {
        auto *r = v.as<RangeObject>();
        return "range(" + std::to_string(r->start) + ", " + std::to_string(r->stop)
            + (r->step != 1 ? ", " + std::to_string(r->step) : "") + ")";
    }
    case ObjKind::Instance: {
        auto *inst = v.as<InstanceObject>();
        if (auto m = userMethod(v, "__repr__")) {
            Value r = call(*m, std::vector<Value> {});
            if (!r.is(ObjKind::Str))
                raise(exc::typeError(), "__repr__ returned non-string (type " + typeName(r) + ")");
            return r.as<StrObject>()->value;
        }
        if (inst->exception) {
            std::string out = inst->klass->name + "(";
            auto &a = inst->exception->args;
            for (std::size_t i = 0; i < a.size(); ++i)
                out += (i ? ", " : "") + repr(a[i]);
            return out + ")";
        }
        if (inst->klass->builtin && inst->klass->name == "ellipsis")
            return "Ellipsis";
        if (inst->klass->builtin)
            if (auto m = findAttr(v, "__repr__"))
                return toStr(call(*m, std::vector<Value> {}));
        return defaultRepr(v);
    }
    case ObjKind::Class: {
        auto *c = v.as<ClassObject>();
        std::string module = !c->builtin ? "__main__." : c->module == "builtins" ? "" : c->module + ".";
        return "<class '" + module + (c->qualname.empty() ? c->name : c->qualname) + "'>";
    }
    case ObjKind::Function: return "<function " + v.as<FunctionObject>()->def->qualname + " at " + fakeAddress(o) + ">";
    case ObjKind::Native: {
        auto *n = v.as<NativeObject>();
        if (n->owner && n->self.isNone())
            return "<method '" + n->name.substr(n->name.rfind('.') + 1) + "' of '" + n->owner->name + "' objects>";
        if (!n->self.isNone())
            return "<built-in method " + n->name.substr(n->name.rfind('.') + 1) + " of " + typeName(n->self)
                + " object at " + fakeAddress(n->self.obj()) + ">";
        return "<built-in function " + n->name.substr(n->name.rfind('.') + 1) + ">";
    }
    case ObjKind::BoundMethod: {
        auto *m = v.as<BoundMethodObject>();
        auto qualname = findAttr(m->function, "__qualname__");
        std::string name = qualname && qualname->is(ObjKind::Str) ? qualname->as<StrObject>()->value : "?";
        return "<bound method " + name + " of " + repr(m->self) + ">";
    }
    case ObjKind::Generator: {
        auto *g = v.as<GeneratorObject>();
        return std::string(g->isAsync ? "<async_generator" : "<generator") + " object " + g->function->def->qualname
            + " at " + fakeAddress(o) + ">";
    }
    case ObjKind::Coroutine:
        return "<coroutine object " + v.as<CoroutineObject>()->name + " at " + fakeAddress(o) + ">";
    case ObjKind::Module: return "<module '" + v.as<ModuleObject>()->name + "'>";
    case ObjKind::Slice: {
        auto *s = v.as<SliceObject>();
        return "slice(" + repr(s->start) + ", " + repr(s->stop) + ", " + repr(s->step) + ")";
    }
    default: {
        if (auto m = typeOf(v)->lookup("__repr__"))
            return toStr(call(*m, std::vector<Value> {v}));
        return "<" + typeName(v) + " object at " + fakeAddress(o) + ">";
    }
    }
}

// ascii(): repr() with every non-ASCII code point escaped.
std::string Interpreter::ascii(const Value &v)
{
    if (v.is(ObjKind::Str))
        return text::asciiRepr(v.as<StrObject>()->value);
    std::string r = repr(v);
    if (text::isAscii(r))
        return r;
    std::string out;
    for (char32_t c : text::decode(r)) {
        char buf[16];
        if (c < 0x80)
            out += char(c);
        else {
            std::snprintf(buf, sizeof buf, c <= 0xff ? "\\x%02x" : c <= 0xffff ? "\\u%04x" : "\\U%08x", unsigned(c));
            out += buf;
        }
    }
    return out;
}

std::string Interpreter::toStr(const Value &v)
{
    if (subclassed(v)) [[unlikely]]
        if (auto m = overridden(v, "__str__")) {
            Value r = call(*m, std::vector<Value> {});
            if (!r.is(ObjKind::Str))
                raise(exc::typeError(), "__str__ returned non-string (type " + typeName(r) + ")");
            return r.as<StrObject>()->value;
        }
    if (v.is(ObjKind::Str))
        return v.as<StrObject>()->value;
    if (v.is(ObjKind::Instance)) {
        NestingGuard nesting(*this, "while getting the str of an object");
        auto *inst = v.as<InstanceObject>();
        if (inst->exception)
            return exceptionMessage(v);
        if (auto m = userMethod(v, "__str__")) {
            Value r = call(*m, std::vector<Value> {});
            if (!r.is(ObjKind::Str))
                raise(exc::typeError(), "__str__ returned non-string (type " + typeName(r) + ")");
            return r.as<StrObject>()->value;
        }
    }
    return repr(v);
}

std::string Interpreter::format(const Value &v, const std::string &spec)
{
    if (hasDunders(v)) [[unlikely]]
        if (auto m = userMethod(v, "__format__")) {
            Value r = call(*m, std::vector<Value> {str(spec)});
            if (!r.is(ObjKind::Str))
                raise(exc::typeError(), "__format__ must return a str, not " + typeName(r));
            return r.as<StrObject>()->value;
        }
    if (spec.empty() && subclassed(v)) [[unlikely]]
        return toStr(v); // the builtin types' __format__ with no spec is str(self)
    try {
        switch (v.tag()) {
        case Value::Tag::Bool: return text::formatBool(v.asBool(), spec);
        case Value::Tag::Int: return text::formatInt(v.asInt(), spec);
        case Value::Tag::Float: return text::formatFloat(v.asFloat(), spec);
        default: break;
        }
        if (v.is(ObjKind::Str))
            return text::formatString(v.as<StrObject>()->value, spec);
        return text::formatObject(toStr(v), spec, typeName(v));
    } catch (const text::FormatError &e) {
        raiseFormatError(*this, e);
    }
}

// printf-style `template % values`.
Value Interpreter::percentFormat(const std::string &tmpl, const Value &values)
{
    std::vector<Value> items;
    const DictObject *mapping = nullptr;
    if (values.is(ObjKind::Tuple))
        items = values.as<TupleObject>()->items;
    else if (values.is(ObjKind::Dict))
        mapping = values.as<DictObject>();
    else
        items.push_back(values);
    std::size_t next = 0;
    std::string out;
    try {
        for (std::size_t i = 0; i < tmpl.size(); ++i) {
            char c = tmpl[i];
            if (c != '%') {
                out += c;
                continue;
            }
            if (++i >= tmpl.size())
                raise(exc::valueError(), "incomplete format");
            Value arg;
            bool haveArg = false;
            if (tmpl[i] == '(') {
                std::size_t close = tmpl.find(')', i);
                if (close == std::string::npos || !mapping)
                    raise(exc::typeError(), "format requires a mapping");
                const Value *found = mapping->findStr(tmpl.substr(i + 1, close - i - 1));
                if (!found)
                    raise(makeException(exc::keyError(), std::vector<Value> {str(tmpl.substr(i + 1, close - i - 1))}));
                arg = *found;
                haveArg = true;
                i = close + 1;
            }
            text::PercentSpec spec;
            for (; i < tmpl.size() && std::strchr("-+ #0", tmpl[i]); ++i) {
                switch (tmpl[i]) {
                case '-': spec.leftAdjust = true; break;
                case '+': spec.plusSign = true; break;
                case ' ': spec.spaceSign = true; break;
                case '#': spec.alternate = true; break;
                case '0': spec.zeroPad = true; break;
                }
            }
            auto takeArg = [&]() -> Value {
                if (next >= items.size())
                    raise(exc::typeError(), "not enough arguments for format string");
                return items[next++];
            };
            if (i < tmpl.size() && tmpl[i] == '*') {
                spec.width = args::toInt(*this, takeArg(), "* wants int");
                ++i;
            } else {
                while (i < tmpl.size() && std::isdigit(static_cast<unsigned char>(tmpl[i]))) {
                    spec.width = (spec.width < 0 ? 0 : spec.width * 10) + (tmpl[i++] - '0');
                    if (spec.width > INT32_MAX)
                        raise(exc::valueError(), "width too big");
                }
            }
            if (i < tmpl.size() && tmpl[i] == '.') {
                ++i;
                spec.precision = 0;
                if (i < tmpl.size() && tmpl[i] == '*') {
                    spec.precision = args::toInt(*this, takeArg(), "* wants int");
                    ++i;
                } else {
                    while (i < tmpl.size() && std::isdigit(static_cast<unsigned char>(tmpl[i]))) {
                        spec.precision = spec.precision * 10 + (tmpl[i++] - '0');
                        if (spec.precision > INT32_MAX)
                            raise(exc::valueError(), "precision too big");
                    }
                }
            }
            if (i >= tmpl.size())
                raise(exc::valueError(), "incomplete format");
            char conv = tmpl[i];
            if (conv == '%') {
                out += '%';
                continue;
            }
            if (!haveArg)
                arg = takeArg();
            switch (conv) {
            case 's': out += text::percentFormatString(toStr(arg), spec); break;
            case 'r': out += text::percentFormatString(repr(arg), spec); break;
            case 'a': out += text::percentFormatString(ascii(arg), spec); break;
            case 'c':
                if (arg.is(ObjKind::Str)) {
                    if (text::codepointCount(arg.as<StrObject>()->value) != 1)
                        raise(exc::typeError(), "%c requires int or char");
                    out += text::percentFormatString(arg.as<StrObject>()->value, spec);
                    break;
                }
                if (!arg.isIntLike())
                    raise(exc::typeError(), "%c requires int or char");
                out += text::percentFormatInt(arg.asInt(), conv, spec);
                break;
            case 'd':
            case 'i':
            case 'u':
            case 'o':
            case 'x':
            case 'X':
                if (arg.isFloat() && (conv == 'o' || conv == 'x' || conv == 'X'))
                    raise(exc::typeError(), std::string("%") + conv + " format: an integer is required, not float");
                if (arg.isFloat()) {
                    double d = arg.asFloat();
                    if (std::isnan(d))
                        raise(exc::valueError(), "cannot convert float NaN to integer");
                    if (std::isinf(d))
                        raise(exc::overflowError(), "cannot convert float infinity to integer");
                    if (std::fabs(d) >= 9.2233720368547758e18)
                        raise(exc::overflowError(), "integer overflow: Loopscope integers are 64-bit");
                    arg = Value::integer(std::int64_t(d));
                }
                if (!arg.isIntLike())
                    raise(exc::typeError(),
                        std::string("%") + conv + " format: a real number is required, not " + typeName(arg));
                out += text::percentFormatInt(arg.asInt(), conv, spec);
                break;
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
                if (!arg.isNumber())
                    raise(exc::typeError(), "must be real number, not " + typeName(arg));
                out += text::percentFormatFloat(arg.toDouble(), conv, spec);
                break;
            default: {
                char hex[8];
                std::snprintf(hex, sizeof hex, "%x", unsigned(static_cast<unsigned char>(conv)));
                raise(exc::valueError(),
                    std::string("unsupported format character '") + conv + "' (0x" + hex + ") at index "
                        + std::to_string(i));
            }
            }
        }
    } catch (const text::FormatError &e) {
        raiseFormatError(*this, e);
    }
    if (!mapping && next < items.size())
        raise(exc::typeError(), "not all arguments converted during string formatting");
    return str(std::move(out));
}

// ---- argument helpers for natives -------------------------------------------------------------

namespace args {
void expect(Interpreter &in, const std::string &fn, const CallArgs &a, std::size_t min, std::size_t max)
{
    std::size_t n = a.args.size();
    if (n >= min && n <= max)
        return;
    if (min == 0 && max == 0)
        in.raise(exc::typeError(), fn + "() takes no arguments (" + std::to_string(n) + " given)");
    if (min == max)
        in.raise(exc::typeError(),
            fn + "() takes exactly " + (min == 1 ? std::string("one argument") : std::to_string(min) + " arguments")
                + " (" + std::to_string(n) + " given)");
    if (n < min)
        in.raise(exc::typeError(),
            fn + " expected at least " + std::to_string(min) + " argument" + (min == 1 ? "" : "s") + ", got "
                + std::to_string(n));
    in.raise(exc::typeError(),
        fn + " expected at most " + std::to_string(max) + " argument" + (max == 1 ? "" : "s") + ", got "
            + std::to_string(n));
}

void noKeywords(Interpreter &in, const std::string &fn, const CallArgs &a)
{
    if (!a.kwargs.empty())
        in.raise(exc::typeError(), fn + "() takes no keyword arguments");
}

std::int64_t toInt(Interpreter &in, const Value &v, const std::string &what)
{
    if (v.isIntLike())
        return v.asInt();
    (void)what;
    in.raise(exc::typeError(), "'" + in.typeName(v) + "' object cannot be interpreted as an integer");
}

double toFloat(Interpreter &in, const Value &v, const std::string &what)
{
    if (v.isNumber())
        return v.toDouble();
    in.raise(exc::typeError(), what + " must be a real number, not " + in.typeName(v));
}

const std::string &toStr(Interpreter &in, const Value &v, const std::string &what)
{
    if (v.is(ObjKind::Str))
        return v.as<StrObject>()->value;
    in.raise(exc::typeError(), what + " must be str, not " + in.typeName(v));
}
} // namespace args

} // namespace loopscope::script
