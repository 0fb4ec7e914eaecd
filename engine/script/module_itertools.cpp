// itertools: lazy iterators over C++ producers, in the orders CPython's itertools documents.
#include "script/stdlib.h"

#include <unordered_map>

namespace loopscope::script {

namespace {

using Args = CallArgs;
using Next = IteratorObject::Next;

// The iterator types of itertools: type(x).__name__ and the repr name them as CPython does.
ClassObject *iteratorClass(const std::string &type)
{
    // Immortal like the classes it holds (a static map would be destroyed at exit, orphaning them).
    static auto *classes = new std::unordered_map<std::string, ClassObject *>;
    auto &c = (*classes)[type];
    if (!c) {
        c = newBuiltinClass(type.c_str(), types::iteratorType(), "itertools");
        c->addMethod("__repr__", [type](Interpreter &in, const Value &self, Args &) {
            return str("<itertools." + type + " object at " + in.fakeAddress(self.obj()) + ">");
        });
    }
    return c;
}

class ItertoolsIterator : public IteratorObject {
public:
    ItertoolsIterator(ClassObject *c, Next n)
        : IteratorObject(std::move(n))
        , klass(c)
    {
    }
    ClassObject *cls() const override { return klass; }
    ClassObject *klass;
};

Value iterator(const char *type, Next next)
{
    return Value(make<ItertoolsIterator>(iteratorClass(type), std::move(next)));
}

// Walks index tuples of `pool` (product, permutations, combinations) given a stepping rule.
Value indexTuples(const char *type, std::vector<Value> pool, std::vector<std::size_t> indices, bool empty,
    std::function<bool(std::vector<std::size_t> &)> advance)
{
    bool first = true;
    bool done = empty;
    return iterator(type, [pool, indices, first, done, advance](Value &out) mutable {
        if (done)
            return false;
        if (!first && !advance(indices)) {
            done = true;
            return false;
        }
        first = false;
        std::vector<Value> items;
        items.reserve(indices.size());
        for (std::size_t i : indices)
            items.push_back(pool[i]);
        out = tuple(std::move(items));
        return true;
    });
}

std::size_t optionalR(Interpreter &in, Args &a, std::size_t pos, std::size_t dflt)
{
    Value r;
    a.takeKeyword("r", r);
    if (a.args.size() > pos)
        r = a.args[pos];
    if (r.isNone())
        return dflt;
    std::int64_t n = args::toInt(in, r, "r");
    if (n < 0)
        in.raise(exc::valueError(), "r must be non-negative");
    return std::size_t(n);
}

void installInfinite(Interpreter &, ModuleObject &m)
{
    addFunction(m, "count", [](Interpreter &in, const Value &, Args &a) {
        Value start = Value::integer(0), step = Value::integer(1);
        a.takeKeyword("start", start);
        a.takeKeyword("step", step);
        if (!a.args.empty())
            start = a.args[0];
        if (a.args.size() > 1)
            step = a.args[1];
        Value current = start;
        return iterator("count", [&in, current, step](Value &out) mutable {
            out = current;
            current = in.binary(BinaryOp::Add, current, step);
            return true;
        });
    });
    addFunction(m, "cycle", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "cycle", a, 1, 1);
        Value it = in.iter(a.args[0]);
        std::vector<Value> saved;
        std::size_t i = 0;
        bool exhausted = false;
        return iterator("cycle", [&in, it, saved, i, exhausted](Value &out) mutable {
            if (!exhausted) {
                if (in.next(it, out)) {
                    saved.push_back(out);
                    return true;
                }
                exhausted = true;
            }
            if (saved.empty())
                return false;
            out = saved[i++ % saved.size()];
            return true;
        });
    });
    addFunction(m, "repeat", [](Interpreter &in, const Value &, Args &a) {
        Value times;
        a.takeKeyword("times", times);
        args::expect(in, "repeat", a, 1, 2);
        if (a.args.size() == 2)
            times = a.args[1];
        Value obj = a.args[0];
        std::int64_t left = times.isNone() ? -1 : std::max<std::int64_t>(0, args::toInt(in, times, "times"));
        return iterator("repeat", [obj, left](Value &out) mutable {
            if (left == 0)
                return false;
            if (left > 0)
                --left;
            out = obj;
            return true;
        });
    });
}

void installSlicing(Interpreter &, ModuleObject &m)
{
    addFunction(m, "islice", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "islice", a, 2, 4);
        auto index = [&](const Value &v, const char *msg) -> std::int64_t {
            if (v.isNone())
                return -1;
            if (!v.isIntLike() || v.asInt() < 0)
                in.raise(exc::valueError(), msg);
            return v.asInt();
        };
        const char *stopMsg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        const char *startMsg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
        std::int64_t start = 0, stop, step = 1;
        if (a.args.size() == 2) {
            stop = index(a.args[1], stopMsg);
        } else {
            start = a.args[1].isNone() ? 0 : index(a.args[1], startMsg);
            stop = index(a.args[2], stopMsg);
            if (a.args.size() == 4 && !a.args[3].isNone()) {
                step = index(a.args[3], "Step for islice() must be a positive integer or None.");
                if (step == 0)
                    in.raise(exc::valueError(), "Step for islice() must be a positive integer or None.");
            }
        }
        Value it = in.iter(a.args[0]);
        std::int64_t pos = 0, nextWanted = start;
        return iterator("islice", [&in, it, pos, nextWanted, stop, step](Value &out) mutable {
            if (stop >= 0 && nextWanted >= stop)
                return false;
            while (pos <= nextWanted) {
                if (!in.next(it, out))
                    return false;
                ++pos;
            }
            nextWanted += step;
            return true;
        });
    });
    addFunction(m, "takewhile", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "takewhile", a, 2, 2);
        Value pred = a.args[0], it = in.iter(a.args[1]);
        bool done = false;
        return iterator("takewhile", [&in, pred, it, done](Value &out) mutable {
            if (done || !in.next(it, out))
                return false;
            if (in.truthy(in.call(pred, std::vector<Value> {out})))
                return true;
            done = true;
            return false;
        });
    });
    addFunction(m, "dropwhile", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "dropwhile", a, 2, 2);
        Value pred = a.args[0], it = in.iter(a.args[1]);
        bool dropping = true;
        return iterator("dropwhile", [&in, pred, it, dropping](Value &out) mutable {
            while (in.next(it, out)) {
                if (dropping && in.truthy(in.call(pred, std::vector<Value> {out})))
                    continue;
                dropping = false;
                return true;
            }
            return false;
        });
    });
    addFunction(m, "filterfalse", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "filterfalse", a, 2, 2);
        Value pred = a.args[0], it = in.iter(a.args[1]);
        return iterator("filterfalse", [&in, pred, it](Value &out) mutable {
            while (in.next(it, out)) {
                bool t = pred.isNone() ? in.truthy(out) : in.truthy(in.call(pred, std::vector<Value> {out}));
                if (!t)
                    return true;
            }
            return false;
        });
    });
    addFunction(m, "starmap", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "starmap", a, 2, 2);
        Value fn = a.args[0], it = in.iter(a.args[1]);
        return iterator("starmap", [&in, fn, it](Value &out) mutable {
            Value item;
            if (!in.next(it, item))
                return false;
            out = in.call(fn, in.toVector(item));
            return true;
        });
    });
    addFunction(m, "pairwise", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "pairwise", a, 1, 1);
        Value it = in.iter(a.args[0]);
        Value prev;
        bool started = false;
        return iterator("pairwise", [&in, it, prev, started](Value &out) mutable {
            if (!started) {
                started = true;
                if (!in.next(it, prev))
                    return false;
            }
            Value cur;
            if (!in.next(it, cur))
                return false;
            out = tuple({prev, cur});
            prev = cur;
            return true;
        });
    });
}

void installCombining(Interpreter &, ModuleObject &m)
{
    auto chainOf = [](Interpreter &in, Value sources) {
        Value current;
        return iterator("chain", [&in, sources, current](Value &out) mutable {
            for (;;) {
                if (!current.isNone() && in.next(current, out))
                    return true;
                Value src;
                if (!in.next(sources, src))
                    return false;
                current = in.iter(src);
            }
        });
    };
    addFunction(
        m, "chain", [chainOf](Interpreter &in, const Value &, Args &a) { return chainOf(in, in.iter(tuple(a.args))); });
    // chain.from_iterable: an attribute of the function object, as on CPython's chain type.
    auto fromIterable
        = make<NativeObject>("itertools.chain.from_iterable", [chainOf](Interpreter &in, const Value &, Args &a) {
              args::expect(in, "from_iterable", a, 1, 1);
              return chainOf(in, in.iter(a.args[0]));
          });
    auto chainClass = make<ClassObject>("chain", Ref<ClassObject>(types::object()));
    chainClass->construct = m.dict->findStr("chain")->as<NativeObject>()->fn;
    chainClass->setAttr("from_iterable", Value(fromIterable));
    m.dict->set(str("chain"), Value(chainClass));

    addFunction(m, "accumulate", [](Interpreter &in, const Value &, Args &a) {
        Value func, initial;
        a.takeKeyword("func", func);
        a.takeKeyword("initial", initial);
        args::expect(in, "accumulate", a, 1, 2);
        if (a.args.size() == 2)
            func = a.args[1];
        Value it = in.iter(a.args[0]);
        Value total = initial;
        bool started = !initial.isNone(), emitInitial = !initial.isNone();
        return iterator("accumulate", [&in, it, func, total, started, emitInitial](Value &out) mutable {
            if (emitInitial) {
                emitInitial = false;
                out = total;
                return true;
            }
            Value v;
            if (!in.next(it, v))
                return false;
            if (!started) {
                started = true;
                total = v;
            } else {
                total
                    = func.isNone() ? in.binary(BinaryOp::Add, total, v) : in.call(func, std::vector<Value> {total, v});
            }
            out = total;
            return true;
        });
    });
    addFunction(m, "zip_longest", [](Interpreter &in, const Value &, Args &a) {
        Value fill;
        a.takeKeyword("fillvalue", fill);
        std::vector<Value> its;
        for (const Value &x : a.args)
            its.push_back(in.iter(x));
        std::vector<bool> active(its.size(), true);
        std::size_t alive = its.size();
        return iterator("zip_longest", [&in, its, active, alive, fill](Value &out) mutable {
            if (alive == 0)
                return false;
            std::vector<Value> row;
            for (std::size_t i = 0; i < its.size(); ++i) {
                Value v = fill;
                if (active[i] && !in.next(its[i], v)) {
                    active[i] = false;
                    v = fill;
                    if (--alive == 0)
                        return false;
                }
                row.push_back(v);
            }
            out = tuple(std::move(row));
            return true;
        });
    });
    addFunction(m, "groupby", [](Interpreter &in, const Value &, Args &a) {
        Value key;
        a.takeKeyword("key", key);
        args::expect(in, "groupby", a, 1, 2);
        if (a.args.size() == 2)
            key = a.args[1];
        Value it = in.iter(a.args[0]);
        Value pending, pendingKey;
        bool havePending = false, started = false;
        // Each group is collected when the group is reached (CPython shares one underlying
        // iterator; reading groups in order, as scripts do, gives the same items).
        return iterator("groupby", [&in, it, key, pending, pendingKey, havePending, started](Value &out) mutable {
            auto keyOf = [&](const Value &v) { return key.isNone() ? v : in.call(key, std::vector<Value> {v}); };
            if (!started) {
                started = true;
                havePending = in.next(it, pending);
                if (havePending)
                    pendingKey = keyOf(pending);
            }
            if (!havePending)
                return false;
            Value groupKey = pendingKey;
            std::vector<Value> group {pending};
            havePending = false;
            Value v;
            while (in.next(it, v)) {
                Value k = keyOf(v);
                if (!in.equals(k, groupKey)) {
                    pending = v;
                    pendingKey = k;
                    havePending = true;
                    break;
                }
                group.push_back(v);
            }
            out = tuple({groupKey, in.iter(list(std::move(group)))});
            return true;
        });
    });
}

void installCombinatorics(Interpreter &, ModuleObject &m)
{
    addFunction(m, "product", [](Interpreter &in, const Value &, Args &a) {
        Value repeatArg = Value::integer(1);
        a.takeKeyword("repeat", repeatArg);
        std::int64_t repeat = args::toInt(in, repeatArg, "repeat");
        std::vector<std::vector<Value>> pools;
        for (std::int64_t r = 0; r < repeat; ++r)
            for (const Value &x : a.args)
                pools.push_back(in.toVector(x));
        std::vector<Value> flat;
        std::vector<std::size_t> offsets, sizes;
        bool empty = false;
        for (auto &p : pools) {
            offsets.push_back(flat.size());
            sizes.push_back(p.size());
            empty = empty || p.empty();
            flat.insert(flat.end(), p.begin(), p.end());
        }
        return indexTuples("product", flat, offsets, empty, [offsets, sizes](std::vector<std::size_t> &idx) {
            for (std::size_t i = idx.size(); i-- > 0;) {
                if (idx[i] + 1 < offsets[i] + sizes[i]) {
                    ++idx[i];
                    return true;
                }
                idx[i] = offsets[i];
            }
            return false;
        });
    });
    addFunction(m, "combinations", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "combinations", a, 1, 2);
        auto pool = in.toVector(a.args[0]);
        const std::size_t n = pool.size(), r = optionalR(in, a, 1, 0);
        std::vector<std::size_t> idx(r);
        for (std::size_t i = 0; i < r; ++i)
            idx[i] = i;
        return indexTuples("combinations", pool, idx, r > n, [n, r](std::vector<std::size_t> &idx) {
            std::size_t i = r;
            while (i-- > 0)
                if (idx[i] != i + n - r)
                    break;
            if (i == std::size_t(-1))
                return false;
            ++idx[i];
            for (std::size_t j = i + 1; j < r; ++j)
                idx[j] = idx[j - 1] + 1;
            return true;
        });
    });
    addFunction(m, "permutations", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "permutations", a, 1, 2);
        auto pool = in.toVector(a.args[0]);
        const std::size_t n = pool.size(), r = optionalR(in, a, 1, n);
        // CPython's algorithm: indices plus cycles, yielding the first r indices each time.
        std::vector<std::size_t> indices(n), cycles(r);
        for (std::size_t i = 0; i < n; ++i)
            indices[i] = i;
        for (std::size_t i = 0; i < r; ++i)
            cycles[i] = n - i;
        bool first = true, done = r > n;
        return iterator("permutations", [pool, indices, cycles, first, done, n, r](Value &out) mutable {
            if (done)
                return false;
            if (!first) {
                bool advanced = false;
                for (std::size_t i = r; i-- > 0;) {
                    if (--cycles[i] == 0) {
                        std::size_t moved = indices[i];
                        indices.erase(indices.begin() + std::ptrdiff_t(i));
                        indices.push_back(moved);
                        cycles[i] = n - i;
                    } else {
                        std::swap(indices[i], indices[n - cycles[i]]);
                        advanced = true;
                        break;
                    }
                }
                if (!advanced) {
                    done = true;
                    return false;
                }
            }
            first = false;
            std::vector<Value> items;
            for (std::size_t i = 0; i < r; ++i)
                items.push_back(pool[indices[i]]);
            out = tuple(std::move(items));
            return true;
        });
    });
}

} // namespace

Ref<ModuleObject> makeItertoolsModule(Interpreter &in)
{
    auto mod = make<ModuleObject>("itertools");
    installInfinite(in, *mod);
    installSlicing(in, *mod);
    installCombining(in, *mod);
    installCombinatorics(in, *mod);
    return mod;
}

} // namespace loopscope::script
