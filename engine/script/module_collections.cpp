// collections: deque (a list underneath, with maxlen), defaultdict, Counter and OrderedDict (dicts
// underneath, with __missing__ and their own reprs), namedtuple, as CPython prints them.
#include "script/stdlib.h"

#include "engine.h"

#include <algorithm>

namespace loopscope::script {

namespace {

using Args = CallArgs;

ClassObject *dequeClass();
ClassObject *defaultdictClass();
ClassObject *counterClass();
ClassObject *orderedDictClass();

class DequeObject : public ListObject {
public:
    ClassObject *cls() const override { return dequeClass(); }
    std::int64_t maxlen = -1; // -1: unbounded

    // Appends on one side; a full deque drops an item from the other side.
    void push(const Value &v, bool left)
    {
        if (maxlen == 0)
            return;
        if (left)
            items.insert(items.begin(), v);
        else
            items.push_back(v);
        if (maxlen >= 0 && std::int64_t(items.size()) > maxlen) {
            if (left)
                items.pop_back();
            else
                items.erase(items.begin());
        }
    }
};

class DefaultDictObject : public DictObject {
public:
    ClassObject *cls() const override { return defaultdictClass(); }
    void clearRefs() override
    {
        DictObject::clearRefs();
        factory = Value();
    }
    Value factory;
};

class CounterObject : public DictObject {
public:
    ClassObject *cls() const override { return counterClass(); }
};

class OrderedDictObject : public DictObject {
public:
    ClassObject *cls() const override { return orderedDictClass(); }
};

// An instance of a namedtuple class: a tuple whose class names its fields.
class NamedTupleObject : public TupleObject {
public:
    NamedTupleObject(Ref<ClassObject> c, std::vector<Value> items)
        : TupleObject(std::move(items))
        , klass(std::move(c))
    {
    }
    ClassObject *cls() const override { return klass.get(); }
    Ref<ClassObject> klass;
};

DequeObject &deque(const Value &v)
{
    return *static_cast<DequeObject *>(v.as<ListObject>());
}

std::string dictBody(Interpreter &in, const DictObject &d)
{
    std::string out = "{";
    bool first = true;
    for (auto &e : d.entries()) {
        if (!e.live)
            continue;
        out += (first ? "" : ", ") + in.repr(e.key) + ": " + in.repr(e.value);
        first = false;
    }
    return out + "}";
}

// __init__, for super().__init__(...) in a script subclass (class Tally(Counter)): what the
// constructor builds from the arguments becomes the object's contents.
template<typename T> void addInit(ClassObject *c, void (*adopt)(T &self, T &made))
{
    c->addMethod("__init__", [c, adopt](Interpreter &in, const Value &self, Args &a) {
        Value made = c->construct(in, Value(), a);
        adopt(*static_cast<T *>(self.obj()), *static_cast<T *>(made.obj()));
        return Value();
    });
}

void adoptEntries(DictObject &self, DictObject &made)
{
    self.clear();
    for (auto &e : made.entries())
        if (e.live)
            self.set(e.key, e.value);
}

void installDeque(ClassObject *c)
{
    addInit<DequeObject>(c, [](DequeObject &self, DequeObject &made) {
        self.items = std::move(made.items);
        self.maxlen = made.maxlen;
    });
    c->construct = [](Interpreter &in, const Value &, Args &a) -> Value {
        Value iterable, maxlen;
        a.takeKeyword("iterable", iterable);
        a.takeKeyword("maxlen", maxlen);
        args::expect(in, "deque", a, 0, 2);
        if (!a.args.empty())
            iterable = a.args[0];
        if (a.args.size() == 2)
            maxlen = a.args[1];
        auto d = make<DequeObject>();
        if (!maxlen.isNone()) {
            if (!maxlen.isIntLike())
                in.raise(exc::typeError(), "an integer is required");
            if (maxlen.asInt() < 0)
                in.raise(exc::valueError(), "maxlen must be non-negative");
            d->maxlen = maxlen.asInt();
        }
        if (!iterable.isNone())
            for (const Value &v : in.toVector(iterable))
                d->push(v, false);
        return Value(d);
    };
    c->properties["maxlen"] = [](Interpreter &, const Value &self) {
        return deque(self).maxlen < 0 ? Value() : Value::integer(deque(self).maxlen);
    };
    c->addMethod("append", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "deque.append", a, 1, 1);
        deque(self).push(a.args[0], false);
        return Value();
    });
    c->addMethod("appendleft", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "deque.appendleft", a, 1, 1);
        deque(self).push(a.args[0], true);
        return Value();
    });
    c->addMethod("extend", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "deque.extend", a, 1, 1);
        for (const Value &v : in.toVector(a.args[0]))
            deque(self).push(v, false);
        return Value();
    });
    c->addMethod("extendleft", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "deque.extendleft", a, 1, 1);
        for (const Value &v : in.toVector(a.args[0]))
            deque(self).push(v, true);
        return Value();
    });
    c->addMethod("pop", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "deque.pop", a, 0, 0);
        auto &items = deque(self).items;
        if (items.empty())
            in.raise(exc::indexError(), "pop from an empty deque");
        Value v = items.back();
        items.pop_back();
        return v;
    });
    c->addMethod("popleft", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "deque.popleft", a, 0, 0);
        auto &items = deque(self).items;
        if (items.empty())
            in.raise(exc::indexError(), "pop from an empty deque");
        Value v = items.front();
        items.erase(items.begin());
        return v;
    });
    c->addMethod("rotate", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "deque.rotate", a, 0, 1);
        auto &items = deque(self).items;
        std::int64_t n = a.args.empty() ? 1 : args::toInt(in, a.args[0], "n");
        if (items.size() > 1) {
            auto size = std::int64_t(items.size());
            std::int64_t k = ((n % size) + size) % size;
            std::rotate(items.begin(), items.begin() + (size - k), items.end());
        }
        return Value();
    });
    c->addMethod("clear", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "deque.clear", a, 0, 0);
        deque(self).items.clear();
        return Value();
    });
    c->addMethod("copy", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "deque.copy", a, 0, 0);
        auto d = make<DequeObject>();
        d->items = deque(self).items;
        d->maxlen = deque(self).maxlen;
        return Value(d);
    });
    c->addMethod("count", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "deque.count", a, 1, 1);
        std::int64_t n = 0;
        for (const Value &v : deque(self).items)
            n += in.equals(v, a.args[0]) ? 1 : 0;
        return Value::integer(n);
    });
    c->addMethod("index", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "deque.index", a, 1, 1);
        auto &items = deque(self).items;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (in.equals(items[i], a.args[0]))
                return Value::integer(std::int64_t(i));
        in.raise(exc::valueError(), in.repr(a.args[0]) + " is not in deque");
    });
    c->addMethod("insert", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "deque.insert", a, 2, 2);
        auto &d = deque(self);
        if (d.maxlen >= 0 && std::int64_t(d.items.size()) >= d.maxlen)
            in.raise(exc::indexError(), "deque already at its maximum size");
        auto size = std::int64_t(d.items.size());
        std::int64_t i = args::toInt(in, a.args[0], "index");
        i = std::clamp<std::int64_t>(i < 0 ? i + size : i, 0, size);
        d.items.insert(d.items.begin() + i, a.args[1]);
        return Value();
    });
    c->addMethod("remove", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "deque.remove", a, 1, 1);
        auto &items = deque(self).items;
        for (std::size_t i = 0; i < items.size(); ++i)
            if (in.equals(items[i], a.args[0])) {
                items.erase(items.begin() + std::ptrdiff_t(i));
                return Value();
            }
        in.raise(exc::valueError(), in.repr(a.args[0]) + " is not in deque");
    });
    c->addMethod("reverse", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "deque.reverse", a, 0, 0);
        std::reverse(deque(self).items.begin(), deque(self).items.end());
        return Value();
    });
    c->addMethod("__repr__", [](Interpreter &in, const Value &self, Args &) {
        std::string out = in.typeName(self) + "([";
        auto &items = deque(self).items;
        for (std::size_t i = 0; i < items.size(); ++i)
            out += (i ? ", " : "") + in.repr(items[i]);
        out += "]";
        if (deque(self).maxlen >= 0)
            out += ", maxlen=" + std::to_string(deque(self).maxlen);
        return str(out + ")");
    });
}

void installDefaultDict(ClassObject *c)
{
    addInit<DefaultDictObject>(c, [](DefaultDictObject &self, DefaultDictObject &made) {
        adoptEntries(self, made);
        self.factory = made.factory;
    });
    c->construct = [](Interpreter &in, const Value &, Args &a) -> Value {
        auto d = make<DefaultDictObject>();
        if (!a.args.empty()) {
            d->factory = a.args[0];
            if (!d->factory.isNone() && !d->factory.is(ObjKind::Class) && !d->factory.is(ObjKind::Function)
                && !d->factory.is(ObjKind::Native) && !d->factory.is(ObjKind::BoundMethod))
                in.raise(exc::typeError(), "first argument must be callable or None");
            a.args.erase(a.args.begin());
        }
        Value rest = Value(d);
        Value update = in.getAttr(rest, "update");
        in.call(update, a);
        return rest;
    };
    c->addMethod("__missing__", [](Interpreter &in, const Value &self, Args &a) {
        auto *d = static_cast<DefaultDictObject *>(self.as<DictObject>());
        if (d->factory.isNone())
            in.raise(in.makeException(exc::keyError(), std::vector<Value> {a.args[0]}));
        Value v = in.call(d->factory, std::vector<Value> {});
        d->set(a.args[0], v);
        return v;
    });
    c->properties["default_factory"] = [](Interpreter &, const Value &self) {
        return static_cast<DefaultDictObject *>(self.as<DictObject>())->factory;
    };
    c->addMethod("__repr__", [](Interpreter &in, const Value &self, Args &) {
        auto *d = static_cast<DefaultDictObject *>(self.as<DictObject>());
        return str(in.typeName(self) + "(" + in.repr(d->factory) + ", " + dictBody(in, *d) + ")");
    });
}

Value count(const DictObject &d, const Value &key)
{
    const Value *v = d.find(key);
    return v ? *v : Value::integer(0);
}

// Counter.update / subtract: from a mapping or by counting an iterable.
void addCounts(Interpreter &in, DictObject &d, const Value &src, BinaryOp op)
{
    if (src.is(ObjKind::Dict)) {
        for (auto &e : src.as<DictObject>()->entries())
            if (e.live)
                d.set(e.key, in.binary(op, count(d, e.key), e.value));
        return;
    }
    Value it = in.iter(src);
    Value v;
    while (in.next(it, v)) {
        if (!isHashable(v))
            in.raise(exc::typeError(), "unhashable type: '" + in.typeName(v) + "'");
        d.set(v, in.binary(op, count(d, v), Value::integer(1)));
    }
}

// most_common(): by count, largest first; equal counts keep insertion order.
std::vector<std::pair<Value, Value>> mostCommon(Interpreter &in, const DictObject &d)
{
    std::vector<std::pair<Value, Value>> items;
    for (auto &e : d.entries())
        if (e.live)
            items.emplace_back(e.key, e.value);
    std::stable_sort(items.begin(), items.end(), [&](auto &x, auto &y) { return in.lessThan(y.second, x.second); });
    return items;
}

// Counter's +, -, | and &: combine the counts of a's keys, then of b's other keys (against 0),
// keeping the positive results.
Value counterArithmetic(Interpreter &in, const DictObject &a, const DictObject &b, BinaryOp op)
{
    auto result = make<CounterObject>();
    auto combine = [&](const Value &x, const Value &y) {
        switch (op) {
        case BinaryOp::BitOr: return in.lessThan(x, y) ? y : x;
        case BinaryOp::BitAnd: return in.lessThan(x, y) ? x : y;
        default: return in.binary(op, x, y);
        }
    };
    auto keep = [&](const Value &key, const Value &n) {
        if (in.lessThan(Value::integer(0), n))
            result->set(key, n);
    };
    for (auto &e : a.entries())
        if (e.live)
            keep(e.key, combine(e.value, count(b, e.key)));
    for (auto &e : b.entries())
        if (e.live && !a.find(e.key))
            keep(e.key, combine(Value::integer(0), e.value));
    return Value(result);
}

void installCounter(ClassObject *c)
{
    addInit<DictObject>(c, adoptEntries);
    c->construct = [](Interpreter &in, const Value &, Args &a) -> Value {
        args::expect(in, "Counter", a, 0, 1);
        auto d = make<CounterObject>();
        if (!a.args.empty())
            addCounts(in, *d, a.args[0], BinaryOp::Add);
        for (auto &[k, v] : a.kwargs)
            d->set(str(k), in.binary(BinaryOp::Add, count(*d, str(k)), v));
        return Value(d);
    };
    c->addMethod("__missing__", [](Interpreter &, const Value &, Args &) { return Value::integer(0); });
    c->addMethod("update", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "update", a, 0, 1);
        if (!a.args.empty())
            addCounts(in, *self.as<DictObject>(), a.args[0], BinaryOp::Add);
        for (auto &[k, v] : a.kwargs)
            self.as<DictObject>()->set(str(k), in.binary(BinaryOp::Add, count(*self.as<DictObject>(), str(k)), v));
        return Value();
    });
    c->addMethod("subtract", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "subtract", a, 0, 1);
        if (!a.args.empty())
            addCounts(in, *self.as<DictObject>(), a.args[0], BinaryOp::Sub);
        return Value();
    });
    c->addMethod("most_common", [](Interpreter &in, const Value &self, Args &a) {
        Value n;
        a.takeKeyword("n", n);
        args::expect(in, "most_common", a, 0, 1);
        if (!a.args.empty())
            n = a.args[0];
        auto items = mostCommon(in, *self.as<DictObject>());
        if (!n.isNone())
            items.resize(std::size_t(std::clamp<std::int64_t>(args::toInt(in, n, "n"), 0, std::int64_t(items.size()))));
        std::vector<Value> out;
        for (auto &[k, v] : items)
            out.push_back(tuple({k, v}));
        return list(std::move(out));
    });
    c->addMethod("elements", [](Interpreter &in, const Value &self, Args &a) {
        args::expect(in, "elements", a, 0, 0);
        // Lazily, each key repeated by its count (a huge count costs nothing until consumed).
        std::vector<std::pair<Value, std::int64_t>> runs;
        for (auto &e : self.as<DictObject>()->entries())
            if (e.live && e.value.isIntLike() && e.value.asInt() > 0)
                runs.emplace_back(e.key, e.value.asInt());
        std::size_t run = 0;
        std::int64_t used = 0;
        return Value(make<IteratorObject>([runs, run, used](Value &out) mutable {
            if (run < runs.size() && used == runs[run].second) {
                ++run;
                used = 0;
            }
            if (run >= runs.size())
                return false;
            out = runs[run].first;
            ++used;
            return true;
        }));
    });
    c->addMethod("total", [](Interpreter &in, const Value &self, Args &) {
        Value sum = Value::integer(0);
        for (auto &e : self.as<DictObject>()->entries())
            if (e.live)
                sum = in.binary(BinaryOp::Add, sum, e.value);
        return sum;
    });
    for (auto [name, op] : {std::pair {"__add__", BinaryOp::Add}, std::pair {"__sub__", BinaryOp::Sub},
             std::pair {"__or__", BinaryOp::BitOr}, std::pair {"__and__", BinaryOp::BitAnd}})
        c->addMethod(name, [op](Interpreter &in, const Value &self, Args &a) {
            return counterArithmetic(in, *self.as<DictObject>(), *a.args[0].as<DictObject>(), op);
        });
    c->addMethod("__repr__", [](Interpreter &in, const Value &self, Args &) {
        auto items = mostCommon(in, *self.as<DictObject>());
        if (items.empty())
            return str(in.typeName(self) + "()");
        std::string out = in.typeName(self) + "({";
        for (std::size_t i = 0; i < items.size(); ++i)
            out += (i ? ", " : "") + in.repr(items[i].first) + ": " + in.repr(items[i].second);
        return str(out + "})");
    });
}

void installOrderedDict(ClassObject *c)
{
    addInit<DictObject>(c, adoptEntries);
    c->construct = [](Interpreter &in, const Value &, Args &a) -> Value {
        args::expect(in, "OrderedDict", a, 0, 1);
        Value d = Value(make<OrderedDictObject>());
        in.call(in.getAttr(d, "update"), a);
        return d;
    };
    c->addMethod("move_to_end", [](Interpreter &in, const Value &self, Args &a) {
        Value last = Value::boolean(true);
        a.takeKeyword("last", last);
        args::expect(in, "move_to_end", a, 1, 2);
        if (a.args.size() == 2)
            last = a.args[1];
        auto *d = self.as<DictObject>();
        const Value *found = d->find(a.args[0]);
        if (!found)
            in.raise(in.makeException(exc::keyError(), std::vector<Value> {a.args[0]}));
        Value value = *found;
        d->remove(a.args[0]);
        if (in.truthy(last)) {
            d->set(a.args[0], value);
            return Value();
        }
        std::vector<std::pair<Value, Value>> rest;
        for (auto &e : d->entries())
            if (e.live)
                rest.emplace_back(e.key, e.value);
        d->clear();
        d->set(a.args[0], value);
        for (auto &[k, v] : rest)
            d->set(k, v);
        return Value();
    });
    c->addMethod("popitem", [](Interpreter &in, const Value &self, Args &a) {
        Value last = Value::boolean(true);
        a.takeKeyword("last", last);
        args::expect(in, "popitem", a, 0, 1);
        if (!a.args.empty())
            last = a.args[0];
        auto *d = self.as<DictObject>();
        if (d->size() == 0)
            in.raise(in.makeException(exc::keyError(), std::vector<Value> {str("dictionary is empty")}));
        const auto &entries = d->entries();
        std::size_t i = in.truthy(last) ? entries.size() - 1 : 0;
        while (!entries[i].live)
            i = in.truthy(last) ? i - 1 : i + 1;
        Value item = tuple({entries[i].key, entries[i].value});
        d->remove(entries[i].key);
        return item;
    });
    // 3.12 prints the dict form, 3.11 a list of pairs.
    c->addMethod("__repr__", [](Interpreter &in, const Value &self, Args &) {
        auto *d = self.as<DictObject>();
        if (d->size() == 0)
            return str(in.typeName(self) + "()");
        if (in.engine().profile() == Profile::Py312)
            return str(in.typeName(self) + "(" + dictBody(in, *d) + ")");
        std::string out = in.typeName(self) + "([";
        bool first = true;
        for (auto &e : d->entries()) {
            if (!e.live)
                continue;
            out += (first ? "(" : ", (") + in.repr(e.key) + ", " + in.repr(e.value) + ")";
            first = false;
        }
        return str(out + "])");
    });
}

std::vector<std::string> fieldNames(Interpreter &in, const Value &spec)
{
    std::vector<std::string> names;
    if (spec.is(ObjKind::Str)) {
        std::string word;
        for (char ch : spec.as<StrObject>()->value + " ") {
            if (ch == ',' || ch == ' ') {
                if (!word.empty())
                    names.push_back(word);
                word.clear();
            } else {
                word += ch;
            }
        }
        return names;
    }
    for (const Value &v : in.toVector(spec))
        names.push_back(args::toStr(in, v, "Type names and field names"));
    return names;
}

// namedtuple(typename, field_names, *, defaults=None): a new tuple class with named fields.
Value namedtuple(Interpreter &in, Args &a)
{
    Value defaultsArg, rename, module;
    a.takeKeyword("defaults", defaultsArg);
    a.takeKeyword("rename", rename);
    a.takeKeyword("module", module);
    args::expect(in, "namedtuple", a, 2, 2);
    const std::string typeName = args::toStr(in, a.args[0], "Type names and field names");
    const auto fields = fieldNames(in, a.args[1]);
    std::vector<Value> defaults = defaultsArg.isNone() ? std::vector<Value> {} : in.toVector(defaultsArg);
    if (defaults.size() > fields.size())
        in.raise(exc::typeError(), "Got more default values than field names");
    auto cls = make<ClassObject>(typeName, Ref<ClassObject>(types::tupleType()), false);
    ClassObject *raw = cls.get();
    std::vector<Value> fieldValues;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        fieldValues.push_back(str(fields[i]));
        cls->properties[fields[i]] = [i](Interpreter &, const Value &self) { return self.as<TupleObject>()->items[i]; };
    }
    cls->setAttr("_fields", tuple(fieldValues));
    // The constructor binds positional and keyword arguments as a function with these parameters.
    cls->construct = [raw, fields, defaults](Interpreter &in, const Value &, Args &call) -> Value {
        const std::string where = raw->name + ".__new__()";
        if (call.args.size() > fields.size())
            in.raise(exc::typeError(),
                where + " takes " + std::to_string(fields.size() + 1) + " positional arguments but "
                    + std::to_string(call.args.size() + 1) + " were given");
        std::vector<Value> items(fields.size(), Value::unbound());
        for (std::size_t i = 0; i < call.args.size(); ++i)
            items[i] = call.args[i];
        for (auto &[name, value] : call.kwargs) {
            auto it = std::find(fields.begin(), fields.end(), name);
            if (it == fields.end())
                in.raise(exc::typeError(), where + " got an unexpected keyword argument '" + name + "'");
            auto i = std::size_t(it - fields.begin());
            if (!items[i].isUnbound())
                in.raise(exc::typeError(), where + " got multiple values for argument '" + name + "'");
            items[i] = value;
        }
        std::vector<std::string> missing;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const std::size_t firstDefault = fields.size() - defaults.size();
            if (items[i].isUnbound() && i >= firstDefault)
                items[i] = defaults[i - firstDefault];
            else if (items[i].isUnbound())
                missing.push_back("'" + fields[i] + "'");
        }
        if (!missing.empty()) {
            std::string list = missing[0];
            for (std::size_t i = 1; i < missing.size(); ++i)
                list += (i + 1 == missing.size() ? (missing.size() > 2 ? ", and " : " and ") : ", ") + missing[i];
            in.raise(exc::typeError(),
                where + " missing " + std::to_string(missing.size()) + " required positional argument"
                    + (missing.size() == 1 ? "" : "s") + ": " + list);
        }
        return Value(make<NamedTupleObject>(Ref<ClassObject>(raw), std::move(items)));
    };
    cls->addMethod("__repr__", [fields](Interpreter &in, const Value &self, Args &) {
        auto &items = self.as<TupleObject>()->items;
        std::string out = typeOf(self)->name + "(";
        for (std::size_t i = 0; i < fields.size(); ++i)
            out += (i ? ", " : "") + fields[i] + "=" + in.repr(items[i]);
        return str(out + ")");
    });
    cls->addMethod("_asdict", [fields](Interpreter &, const Value &self, Args &) {
        auto d = make<DictObject>();
        for (std::size_t i = 0; i < fields.size(); ++i)
            d->set(str(fields[i]), self.as<TupleObject>()->items[i]);
        return Value(d);
    });
    cls->addMethod("_replace", [raw](Interpreter &in, const Value &self, Args &a) {
        Args all;
        all.args = self.as<TupleObject>()->items;
        for (auto &[name, value] : a.kwargs) {
            const Value *f = raw->lookup("_fields");
            auto names = f->as<TupleObject>()->items;
            auto it = std::find_if(
                names.begin(), names.end(), [&](const Value &n) { return n.as<StrObject>()->value == name; });
            if (it == names.end())
                in.raise(exc::valueError(), "Got unexpected field names: ['" + name + "']");
            all.args[std::size_t(it - names.begin())] = value;
        }
        return raw->construct(in, Value(), all);
    });
    // _make is read off the class and may outlive every other reference to it: it holds the class
    // (a cycle through the class dict, broken by ClassObject::clearRefs at teardown).
    Ref<ClassObject> owner(raw);
    cls->setAttr(
        "_make", Value(make<NativeObject>(typeName + "._make", [owner](Interpreter &in, const Value &, Args &a) {
            args::expect(in, "_make", a, 1, 1);
            Args all;
            all.args = in.toVector(a.args[0]);
            return owner->construct(in, Value(), all);
        })));
    return Value(cls);
}

ClassObject *dequeClass()
{
    static ClassObject *c = [] {
        auto *cls = newBuiltinClass("deque", types::object());
        installDeque(cls);
        return cls;
    }();
    return c;
}

ClassObject *defaultdictClass()
{
    static ClassObject *c = [] {
        auto *cls = newBuiltinClass("defaultdict", types::dictType());
        installDefaultDict(cls);
        return cls;
    }();
    return c;
}

ClassObject *orderedDictClass()
{
    static ClassObject *c = [] {
        auto *cls = newBuiltinClass("OrderedDict", types::dictType());
        installOrderedDict(cls);
        return cls;
    }();
    return c;
}

ClassObject *counterClass()
{
    static ClassObject *c = [] {
        auto *cls = newBuiltinClass("Counter", types::dictType());
        installCounter(cls);
        return cls;
    }();
    return c;
}

} // namespace

Ref<ModuleObject> makeCollectionsModule(Interpreter &)
{
    auto mod = make<ModuleObject>("collections");
    for (ClassObject *c : {dequeClass(), defaultdictClass(), counterClass(), orderedDictClass()})
        mod->dict->set(str(c->name), Value(Ref<ClassObject>(c)));
    addFunction(*mod, "namedtuple", [](Interpreter &in, const Value &, Args &a) { return namedtuple(in, a); });
    return mod;
}

} // namespace loopscope::script
