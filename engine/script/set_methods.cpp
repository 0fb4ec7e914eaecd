#include "script/setops.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace loopscope::script::setops {

namespace {

using State = SetObject::Entry::State;

SetObject *asSet(const Value &v)
{
    return v.as<SetObject>();
}

// The active entries of a set, in iteration order.
template<typename F> void forEach(const SetObject &s, F f)
{
    for (const auto &e : s.table())
        if (e.state == State::Active)
            f(e.key, e.hash);
}

// CPython's fast paths take exact dicts only (PyDict_CheckExact): not Counter or defaultdict.
bool isExactDict(const Value &v)
{
    return v.is(ObjKind::Dict) && typeOf(v) == types::dictType();
}

// A copy with the same table layout (set_copy goes through set_merge into an empty set).
Ref<SetObject> copyOf(const SetObject &s, bool frozen)
{
    auto r = make<SetObject>(frozen);
    r->merge(s);
    return r;
}

// set_update_internal: another set merges slot by slot, a dict's keys after one resize, anything
// else is iterated.
void update(Interpreter &in, SetObject &s, const Value &other)
{
    if (other.is(ObjKind::Set)) {
        s.merge(*asSet(other));
        return;
    }
    if (isExactDict(other)) {
        s.mergeDictKeys(*other.as<DictObject>());
        return;
    }
    Value it = in.iter(other);
    Value v;
    while (in.next(it, v))
        s.add(v, hashOf(in, v));
}

Ref<SetObject> fromIterable(Interpreter &in, const Value &iterable, bool frozen)
{
    auto r = make<SetObject>(frozen);
    update(in, *r, iterable);
    return r;
}

// A set to read `other` through: itself when it is a set, else a new one built from it.
Ref<SetObject> asSetOf(Interpreter &in, const Value &other)
{
    if (other.is(ObjKind::Set))
        return Ref<SetObject>(asSet(other));
    return fromIterable(in, other, false);
}

Ref<SetObject> intersection(Interpreter &in, SetObject *so, const Value &other)
{
    if (other.is(ObjKind::Set) && asSet(other) == so)
        return copyOf(*so, so->frozen);
    auto result = make<SetObject>(so->frozen);
    if (other.is(ObjKind::Set)) {
        SetObject *o = asSet(other);
        SetObject *big = so;
        if (o->size() > so->size())
            std::swap(big, o);
        forEach(*o, [&](const Value &k, std::int64_t h) {
            if (big->contains(k, h))
                result->add(k, h);
        });
        return result;
    }
    Value it = in.iter(other);
    Value v;
    while (in.next(it, v)) {
        std::int64_t h = hashOf(in, v);
        if (so->contains(v, h))
            result->add(v, h);
    }
    return result;
}

void differenceUpdate(Interpreter &in, SetObject &so, const Value &other)
{
    if (other.is(ObjKind::Set) && asSet(other) == &so) {
        so.clear();
        return;
    }
    if (other.is(ObjKind::Set)) {
        Ref<SetObject> o(asSet(other));
        // When the other set is more than 8 times larger, walk the intersection instead.
        if ((o->size() >> 3) > so.size())
            o = intersection(in, &so, other);
        forEach(*o, [&](const Value &k, std::int64_t h) { so.discard(k, h); });
    } else {
        Value it = in.iter(other);
        Value v;
        while (in.next(it, v))
            so.discard(v, hashOf(in, v));
    }
    so.shrinkDummies();
}

Ref<SetObject> difference(Interpreter &in, SetObject *so, const Value &other)
{
    std::size_t otherSize = 0;
    if (other.is(ObjKind::Set))
        otherSize = asSet(other)->size();
    else if (isExactDict(other))
        otherSize = other.as<DictObject>()->size();
    if ((!other.is(ObjKind::Set) && !isExactDict(other)) || (so->size() >> 2) > otherSize) {
        auto result = copyOf(*so, so->frozen);
        differenceUpdate(in, *result, other);
        return result;
    }
    auto result = make<SetObject>(so->frozen);
    forEach(*so, [&](const Value &k, std::int64_t h) {
        bool inOther
            = other.is(ObjKind::Set) ? asSet(other)->contains(k, h) : other.as<DictObject>()->find(k) != nullptr;
        if (!inOther)
            result->add(k, h);
    });
    return result;
}

void symmetricDifferenceUpdate(Interpreter &in, SetObject &so, const Value &other)
{
    if (other.is(ObjKind::Set) && asSet(other) == &so) {
        so.clear();
        return;
    }
    auto toggle = [&](const Value &k, std::int64_t h) {
        if (!so.discard(k, h))
            so.add(k, h);
    };
    if (isExactDict(other)) {
        for (const auto &e : other.as<DictObject>()->entries())
            if (e.live)
                toggle(e.key, pyHash(e.key));
        return;
    }
    Ref<SetObject> o = other.is(ObjKind::Set) ? Ref<SetObject>(asSet(other)) : fromIterable(in, other, so.frozen);
    forEach(*o, toggle);
}

Ref<SetObject> symmetricDifference(Interpreter &in, SetObject *so, const Value &other)
{
    auto result = fromIterable(in, other, so->frozen);
    symmetricDifferenceUpdate(in, *result, Value(Ref<SetObject>(so)));
    return result;
}

bool isSubset(const SetObject &a, const SetObject &b)
{
    if (a.size() > b.size())
        return false;
    bool all = true;
    forEach(a, [&](const Value &k, std::int64_t h) { all = all && b.contains(k, h); });
    return all;
}

bool isDisjoint(Interpreter &in, SetObject *so, const Value &other)
{
    if (other.is(ObjKind::Set)) {
        SetObject *a = so, *b = asSet(other);
        if (a->size() > b->size())
            std::swap(a, b);
        bool disjoint = true;
        forEach(*a, [&](const Value &k, std::int64_t h) { disjoint = disjoint && !b->contains(k, h); });
        return disjoint;
    }
    Value it = in.iter(other);
    Value v;
    while (in.next(it, v))
        if (so->contains(v, hashOf(in, v)))
            return false;
    return true;
}

using Args = CallArgs;

void method(ClassObject *c, const std::string &name, NativeFunction f)
{
    c->addMethod(name, std::move(f));
}

// Methods taking any number of iterables: union, intersection, difference, update, ...
void variadic(ClassObject *c, const std::string &name,
    std::function<Value(Interpreter &, SetObject *, const std::vector<Value> &)> body)
{
    const std::string qualified = c->name + "." + name;
    c->addMethod(name, [body, qualified](Interpreter &in, const Value &self, Args &a) {
        args::noKeywords(in, qualified, a);
        return body(in, asSet(self), a.args);
    });
}

void oneArg(
    ClassObject *c, const std::string &name, std::function<Value(Interpreter &, SetObject *, const Value &)> body)
{
    const std::string qualified = c->name + "." + name;
    c->addMethod(name, [body, qualified](Interpreter &in, const Value &self, Args &a) {
        args::noKeywords(in, qualified, a);
        args::expect(in, qualified, a, 1, 1);
        return body(in, asSet(self), a.args[0]);
    });
}

void installCommon(ClassObject *c)
{
    const bool frozen = c == types::frozensetType();
    method(c, "copy", [frozen](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, frozen ? "frozenset.copy" : "set.copy", a, 0, 0);
        if (frozen)
            return self;
        return Value(copyOf(*asSet(self), false));
    });
    variadic(c, "union", [](Interpreter &in, SetObject *so, const std::vector<Value> &others) {
        auto result = copyOf(*so, so->frozen);
        for (const Value &o : others)
            update(in, *result, o);
        return Value(result);
    });
    variadic(c, "intersection", [](Interpreter &in, SetObject *so, const std::vector<Value> &others) {
        if (others.empty())
            return Value(copyOf(*so, so->frozen));
        Ref<SetObject> result(so);
        for (const Value &o : others)
            result = intersection(in, result.get(), o);
        return Value(result);
    });
    variadic(c, "difference", [](Interpreter &in, SetObject *so, const std::vector<Value> &others) {
        if (others.empty())
            return Value(copyOf(*so, so->frozen));
        auto result = difference(in, so, others[0]);
        for (std::size_t i = 1; i < others.size(); ++i)
            differenceUpdate(in, *result, others[i]);
        return Value(result);
    });
    oneArg(c, "symmetric_difference",
        [](Interpreter &in, SetObject *so, const Value &o) { return Value(symmetricDifference(in, so, o)); });
    oneArg(c, "issubset",
        [](Interpreter &in, SetObject *so, const Value &o) { return Value::boolean(isSubset(*so, *asSetOf(in, o))); });
    oneArg(c, "issuperset", [](Interpreter &in, SetObject *so, const Value &o) {
        if (o.is(ObjKind::Set))
            return Value::boolean(isSubset(*asSet(o), *so));
        Value it = in.iter(o);
        Value v;
        while (in.next(it, v))
            if (!so->contains(v, hashOf(in, v)))
                return Value::boolean(false);
        return Value::boolean(true);
    });
    oneArg(c, "isdisjoint",
        [](Interpreter &in, SetObject *so, const Value &o) { return Value::boolean(isDisjoint(in, so, o)); });
}

void installMutating(ClassObject *c)
{
    oneArg(c, "add", [](Interpreter &in, SetObject *so, const Value &k) {
        if (!isHashable(k))
            in.raise(exc::typeError(), "unhashable type: '" + in.typeName(k) + "'");
        so->add(k, pyHash(k));
        return Value();
    });
    oneArg(c, "discard", [](Interpreter &in, SetObject *so, const Value &k) {
        so->discard(k, hashOf(in, k));
        return Value();
    });
    oneArg(c, "remove", [](Interpreter &in, SetObject *so, const Value &k) {
        if (!so->discard(k, hashOf(in, k)))
            in.raise(in.makeException(exc::keyError(), std::vector<Value> {k}));
        return Value();
    });
    method(c, "pop", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "set.pop", a, 0, 0);
        if (asSet(self)->size() == 0)
            in.raise(in.makeException(exc::keyError(), std::vector<Value> {str("pop from an empty set")}));
        return asSet(self)->pop();
    });
    method(c, "clear", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "set.clear", a, 0, 0);
        asSet(self)->clear();
        return Value();
    });
    variadic(c, "update", [](Interpreter &in, SetObject *so, const std::vector<Value> &others) {
        for (const Value &o : others)
            update(in, *so, o);
        return Value();
    });
    variadic(c, "intersection_update", [](Interpreter &in, SetObject *so, const std::vector<Value> &others) {
        Ref<SetObject> result(so);
        for (const Value &o : others)
            result = intersection(in, result.get(), o);
        if (result.get() != so)
            so->swapBodies(*result);
        return Value();
    });
    variadic(c, "difference_update", [](Interpreter &in, SetObject *so, const std::vector<Value> &others) {
        for (const Value &o : others)
            differenceUpdate(in, *so, o);
        return Value();
    });
    oneArg(c, "symmetric_difference_update", [](Interpreter &in, SetObject *so, const Value &o) {
        symmetricDifferenceUpdate(in, *so, o);
        return Value();
    });
}

NativeFunction constructor(bool frozen)
{
    return [frozen](Interpreter &in, const Value &, Args &a) -> Value {
        const char *name = frozen ? "frozenset" : "set";
        args::noKeywords(in, name, a);
        args::expect(in, name, a, 0, 1);
        if (a.args.empty())
            return Value(make<SetObject>(frozen));
        if (frozen && a.args[0].is(ObjKind::Set) && asSet(a.args[0])->frozen)
            return a.args[0];
        return Value(fromIterable(in, a.args[0], frozen));
    };
}

bool isSetOp(BinaryOp op)
{
    return op == BinaryOp::BitOr || op == BinaryOp::BitAnd || op == BinaryOp::Sub || op == BinaryOp::BitXor;
}

} // namespace

std::int64_t hashOf(Interpreter &in, const Value &key)
{
    if (key.is(ObjKind::Set))
        return asSet(key)->frozenHash();
    if (!isHashable(key))
        in.raise(exc::typeError(), "unhashable type: '" + in.typeName(key) + "'");
    return pyHash(key);
}

// d.keys() and d.items() with a set operator (dictviews_sub and friends): the left operand made a
// set, then updated, intersected or differenced with the right one as CPython's code does.
std::optional<Value> viewBinary(Interpreter &in, BinaryOp op, const Value &a, const Value &b)
{
    auto isView = [](const Value &v) {
        return v.is(ObjKind::DictView) && v.as<DictViewObject>()->which != DictViewObject::Which::Values;
    };
    if (!isSetOp(op) || !(isView(a) || isView(b)))
        return std::nullopt;
    if (op == BinaryOp::BitAnd) {
        // _PyDictView_Intersect: the view is `self`; a bigger exact set intersects with it; else
        // the smaller operand is walked, testing membership in the other.
        Value self = isView(a) ? a : b, other = isView(a) ? b : a;
        const std::int64_t selfSize = in.length(self);
        if (other.is(ObjKind::Set) && typeOf(other) == types::setType() && selfSize <= in.length(other))
            return Value(intersection(in, asSet(other), self));
        if (isView(other) && in.length(other) > selfSize)
            std::swap(self, other);
        auto result = make<SetObject>();
        Value it = in.iter(other);
        Value v;
        while (in.next(it, v))
            if (in.contains(self, v))
                result->add(v, hashOf(in, v));
        return Value(result);
    }
    Value left = a;
    if (a.is(ObjKind::DictView) && a.as<DictViewObject>()->which == DictViewObject::Which::Keys
        && typeOf(Value(a.as<DictViewObject>()->dict)) == types::dictType())
        left = Value(a.as<DictViewObject>()->dict);
    auto result = fromIterable(in, left, false);
    switch (op) {
    case BinaryOp::BitOr: update(in, *result, b); break;
    case BinaryOp::Sub: differenceUpdate(in, *result, b); break;
    default: symmetricDifferenceUpdate(in, *result, b); break;
    }
    return Value(result);
}

std::optional<Value> binary(Interpreter &in, BinaryOp op, const Value &a, const Value &b)
{
    if ((!a.is(ObjKind::Set) || !b.is(ObjKind::Set)) && isSetOp(op))
        return viewBinary(in, op, a, b);
    if (!a.is(ObjKind::Set) || !b.is(ObjKind::Set) || !isSetOp(op))
        return std::nullopt;
    SetObject *so = asSet(a);
    switch (op) {
    case BinaryOp::BitOr: {
        auto result = copyOf(*so, so->frozen);
        result->merge(*asSet(b));
        return Value(result);
    }
    case BinaryOp::BitAnd: return Value(intersection(in, so, b));
    case BinaryOp::Sub: return Value(difference(in, so, b));
    default: return Value(symmetricDifference(in, so, b));
    }
}

std::optional<Value> inplace(Interpreter &in, BinaryOp op, const Value &a, const Value &b)
{
    if (!a.is(ObjKind::Set) || asSet(a)->frozen || !b.is(ObjKind::Set) || !isSetOp(op))
        return std::nullopt;
    SetObject *so = asSet(a);
    switch (op) {
    case BinaryOp::BitOr: so->merge(*asSet(b)); break;
    case BinaryOp::BitAnd: {
        auto result = intersection(in, so, b);
        if (result.get() != so)
            so->swapBodies(*result);
        break;
    }
    case BinaryOp::Sub: differenceUpdate(in, *so, b); break;
    default: symmetricDifferenceUpdate(in, *so, b); break;
    }
    return a;
}

std::optional<bool> viewEquals(Interpreter &in, const Value &a, const Value &b)
{
    auto isView = [](const Value &v) {
        return v.is(ObjKind::DictView) && v.as<DictViewObject>()->which != DictViewObject::Which::Values;
    };
    auto setLike = [&](const Value &v) { return v.is(ObjKind::Set) || isView(v); };
    if (!(isView(a) || isView(b)) || !setLike(a) || !setLike(b))
        return std::nullopt;
    return keyEquals(Value(asSetOf(in, a)), Value(asSetOf(in, b)));
}

std::optional<bool> compare(CompareOp op, const Value &a, const Value &b)
{
    if (!a.is(ObjKind::Set) || !b.is(ObjKind::Set))
        return std::nullopt;
    SetObject *x = asSet(a), *y = asSet(b);
    switch (op) {
    case CompareOp::Lt: return x->size() < y->size() && isSubset(*x, *y);
    case CompareOp::LtE: return isSubset(*x, *y);
    case CompareOp::Gt: return x->size() > y->size() && isSubset(*y, *x);
    case CompareOp::GtE: return isSubset(*y, *x);
    default: return std::nullopt;
    }
}

Value iterate(Interpreter &in, const Value &set)
{
    Ref<SetObject> s(asSet(set));
    if (s->iterationKey) {
        std::vector<std::pair<std::int64_t, Value>> items;
        forEach(*s, [&](const Value &k, std::int64_t) { items.emplace_back(s->iterationKey(k), k); });
        std::stable_sort(items.begin(), items.end(), [](auto &x, auto &y) { return x.first < y.first; });
        std::size_t i = 0;
        const std::size_t size = s->size();
        return Value(make<IteratorObject>([&in, s, items, i, size](Value &out) mutable {
            if (s->size() != size)
                in.raise(exc::runtimeError(), "Set changed size during iteration");
            if (i >= items.size())
                return false;
            out = items[i++].second;
            return true;
        }));
    }
    std::size_t i = 0;
    const std::size_t size = s->size();
    return Value(make<IteratorObject>([&in, s, i, size](Value &out) mutable {
        if (s->size() != size)
            in.raise(exc::runtimeError(), "Set changed size during iteration");
        const auto &table = s->table();
        while (i < table.size() && table[i].state != State::Active)
            ++i;
        if (i >= table.size())
            return false;
        out = table[i++].key;
        return true;
    }));
}

std::string repr(Interpreter &in, const Value &set)
{
    SetObject *s = asSet(set);
    const char *type = s->frozen ? "frozenset" : "set";
    if (s->size() == 0)
        return std::string(type) + "()";
    std::string out = "{";
    Value it = iterate(in, set);
    Value v;
    bool first = true;
    while (in.next(it, v)) {
        if (!first)
            out += ", ";
        first = false;
        out += in.repr(v);
    }
    out += "}";
    return s->frozen ? "frozenset(" + out + ")" : out;
}

Value fromItems(Interpreter &in, const std::vector<Value> &items)
{
    auto s = make<SetObject>();
    for (const Value &v : items)
        s->add(v, hashOf(in, v));
    return Value(s);
}

namespace {
// What CPython's AST optimizer folds to a constant: literals, signed numbers, tuples of those.
bool isConstant(const Expr &e)
{
    switch (e.kind) {
    case ExprKind::Constant: return true;
    case ExprKind::UnaryOp: return e.unaryOp != UnaryOperator::Not && e.left->kind == ExprKind::Constant;
    case ExprKind::Tuple:
        return std::all_of(e.elements.begin(), e.elements.end(), [](const ExprPtr &x) { return isConstant(*x); });
    default: return false;
    }
}
} // namespace

namespace {
bool isNameLike(const std::string &s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
    });
}

// The words of a script: identifiers used outside string literals and comments, and how often each
// text occurs as a string literal. CPython has interned both (the literals where they occur
// outside the display being built) by the time it builds the module's code object.
struct ScriptWords {
    std::unordered_set<std::string> names;
    std::unordered_map<std::string, int> literals;
};

const ScriptWords &scriptWords(const Module *module)
{
    thread_local const Module *cachedFor = nullptr;
    thread_local std::size_t cachedLines = 0;
    thread_local ScriptWords words;
    auto &names = words.names;
    if (module == cachedFor && module && module->lines.size() == cachedLines)
        return words;
    names.clear();
    words.literals.clear();
    cachedFor = module;
    cachedLines = module ? module->lines.size() : 0;
    if (!module)
        return words;
    std::string source;
    for (const auto &line : module->lines)
        source += line + "\n";
    for (std::size_t i = 0; i < source.size();) {
        const char c = source[i];
        if (c == '#') {
            i = source.find('\n', i);
        } else if (c == '\'' || c == '"') {
            const bool triple = source.compare(i, 3, std::string(3, c)) == 0;
            const std::string close = triple ? std::string(3, c) : std::string(1, c);
            std::size_t j = i + close.size();
            while (j < source.size() && source.compare(j, close.size(), close) != 0 && (triple || source[j] != '\n'))
                j += source[j] == '\\' ? 2 : 1;
            ++words.literals[source.substr(i + close.size(), j - i - close.size())];
            i = j + close.size();
        } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            std::size_t j = i;
            while (j < source.size() && (std::isalnum(static_cast<unsigned char>(source[j])) || source[j] == '_'))
                ++j;
            names.insert(source.substr(i, j - i));
            i = j;
        } else {
            ++i;
        }
        if (i == std::string::npos)
            break;
    }
    return words;
}

Ref<SetObject> rebuiltFromOrder(const SetObject &s)
{
    std::vector<Value> ordered;
    forEach(s, [&](const Value &k, std::int64_t) { ordered.push_back(k); });
    return makeSet(ordered, true);
}
} // namespace

Value fromDisplay(Interpreter &in, const Expr &display, const std::vector<Value> &items)
{
    if (std::any_of(display.elements.begin(), display.elements.end(),
            [](const ExprPtr &x) { return x->kind == ExprKind::Starred; })) {
        auto s = make<SetObject>();
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (display.elements[i]->kind == ExprKind::Starred)
                update(in, *s, items[i]);
            else
                s->add(items[i], hashOf(in, items[i]));
        }
        return Value(s);
    }
    if (items.size() <= 2)
        return fromItems(in, items);
    const bool constant = std::all_of(
        display.elements.begin(), display.elements.end(), [](const ExprPtr &x) { return isConstant(*x); });
    if (!constant)
        return fromItems(in, items);
    // The compiler folds the items into a frozenset constant, rebuilds it from its own iteration
    // order when it merges constants (merge_consts_recursive), and rebuilds it once more when
    // interning replaces one of its strings by an already interned equal one: one-character
    // strings, and identifiers seen before (approximated by the script's identifiers and repeated
    // literals, and the words the harness's imports intern).
    auto folded = rebuiltFromOrder(*makeSet(items, true));
    const ScriptWords &words = scriptWords(in.module());
    const bool reinterned = std::any_of(items.begin(), items.end(), [&](const Value &v) {
        if (!v.is(ObjKind::Str) || !isNameLike(v.as<StrObject>()->value))
            return false;
        const std::string &text = v.as<StrObject>()->value;
        auto literal = words.literals.find(text);
        const auto inDisplay = std::count_if(items.begin(), items.end(),
            [&](const Value &x) { return x.is(ObjKind::Str) && x.as<StrObject>()->value == text; });
        return text.size() == 1 || words.names.count(text) != 0 || internedByCPython(text)
            || (literal != words.literals.end() && literal->second > inDisplay);
    });
    if (reinterned)
        folded = rebuiltFromOrder(*folded);
    auto s = make<SetObject>();
    s->merge(*folded);
    return Value(s);
}

void install()
{
    installCommon(types::setType());
    installCommon(types::frozensetType());
    installMutating(types::setType());
    types::setType()->construct = constructor(false);
    types::frozensetType()->construct = constructor(true);
}

} // namespace loopscope::script::setops
