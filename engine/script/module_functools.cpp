// functools: reduce, partial, cache/lru_cache and wraps.
#include "script/stdlib.h"

#include <algorithm>

namespace loopscope::script {

namespace {

using Args = CallArgs;

// cache / lru_cache: results by the arguments (positional, then a marker and the keyword pairs, as
// functools._make_key); `limit` < 0 is unbounded, else the least recently used entry goes first.
Value memoized(Interpreter &in, const Value &fn, std::int64_t limit)
{
    auto results = make<DictObject>();
    std::string name = in.toStr(in.getAttr(fn, "__name__"));
    return Value(make<NativeObject>(name, [fn, results, limit](Interpreter &in, const Value &, Args &a) {
        std::vector<Value> key = a.args;
        if (!a.kwargs.empty()) {
            key.push_back(str("<kwd_mark>"));
            for (auto &[k, v] : a.kwargs) {
                key.push_back(str(k));
                key.push_back(v);
            }
        }
        for (const Value &x : key)
            if (!isHashable(x))
                in.raise(exc::typeError(), "unhashable type: '" + in.typeName(x) + "'");
        Value k = tuple(key);
        if (const Value *hit = results->find(k)) {
            Value v = *hit;
            results->remove(k); // most recently used goes last
            results->set(k, v);
            return v;
        }
        Value v = in.call(fn, a);
        if (limit == 0)
            return v;
        results->set(k, v);
        if (limit > 0 && std::int64_t(results->size()) > limit)
            for (auto &e : results->entries())
                if (e.live) {
                    results->remove(Value(e.key));
                    break;
                }
        return v;
    }));
}

} // namespace

Ref<ModuleObject> makeFunctoolsModule(Interpreter &)
{
    auto mod = make<ModuleObject>("functools");
    addFunction(*mod, "reduce", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "reduce", a, 2, 3);
        Value it = in.iter(a.args[1]);
        Value acc;
        if (a.args.size() == 3)
            acc = a.args[2];
        else if (!in.next(it, acc))
            in.raise(exc::typeError(), "reduce() of empty iterable with no initial value");
        Value v;
        while (in.next(it, v))
            acc = in.call(a.args[0], std::vector<Value> {acc, v});
        return acc;
    });
    addFunction(*mod, "partial", [](Interpreter &in, const Value &, Args &a) {
        if (a.args.empty())
            in.raise(exc::typeError(), "type 'partial' takes at least one argument");
        Value fn = a.args[0];
        std::vector<Value> bound(a.args.begin() + 1, a.args.end());
        auto keywords = a.kwargs;
        return Value(
            make<NativeObject>("functools.partial", [fn, bound, keywords](Interpreter &in, const Value &, Args &call) {
                Args all;
                all.args = bound;
                all.args.insert(all.args.end(), call.args.begin(), call.args.end());
                all.kwargs = keywords;
                for (auto &kw : call.kwargs) {
                    auto it = std::find_if(
                        all.kwargs.begin(), all.kwargs.end(), [&](auto &x) { return x.first == kw.first; });
                    if (it != all.kwargs.end())
                        it->second = kw.second;
                    else
                        all.kwargs.push_back(kw);
                }
                return in.call(fn, all);
            }));
    });
    addFunction(*mod, "cache", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "cache", a, 1, 1);
        return memoized(in, a.args[0], -1);
    });
    addFunction(*mod, "lru_cache", [](Interpreter &in, const Value &, Args &a) -> Value {
        Value maxsize = Value::integer(128), typed;
        a.takeKeyword("maxsize", maxsize);
        a.takeKeyword("typed", typed);
        args::expect(in, "lru_cache", a, 0, 2);
        if (!a.args.empty() && (a.args[0].is(ObjKind::Function) || a.args[0].is(ObjKind::Native)))
            return memoized(in, a.args[0], 128); // @lru_cache without parentheses
        if (!a.args.empty())
            maxsize = a.args[0];
        if (!maxsize.isNone() && !maxsize.isIntLike())
            in.raise(exc::typeError(), "Expected first argument to be an integer, a callable, or None");
        const std::int64_t limit = maxsize.isNone() ? -1 : std::max<std::int64_t>(0, maxsize.asInt());
        return Value(make<NativeObject>("functools.lru_cache", [limit](Interpreter &in, const Value &, Args &d) {
            args::expect(in, "decorating_function", d, 1, 1);
            return memoized(in, d.args[0], limit);
        }));
    });
    addFunction(*mod, "wraps", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "wraps", a, 1, 1);
        Value wrapped = a.args[0];
        return Value(make<NativeObject>("functools.wraps", [wrapped](Interpreter &in, const Value &, Args &d) {
            args::expect(in, "update_wrapper", d, 1, 1);
            // update_wrapper: WRAPPER_ASSIGNMENTS, then the wrapped function's __dict__, then
            // __wrapped__ (what the wrapper cannot take is skipped, as CPython skips missing ones).
            Value wrapper = d.args[0];
            for (const char *attr : {"__module__", "__name__", "__qualname__", "__doc__"}) {
                try {
                    if (auto v = in.findAttr(wrapped, attr))
                        in.setAttr(wrapper, attr, *v);
                } catch (const ScriptError &) {
                }
            }
            if (wrapped.is(ObjKind::Function) && wrapped.as<FunctionObject>()->attrs)
                for (auto &e : wrapped.as<FunctionObject>()->attrs->entries())
                    if (e.live && e.key.is(ObjKind::Str) && e.key.as<StrObject>()->value.rfind("__", 0) != 0)
                        in.setAttr(wrapper, e.key.as<StrObject>()->value, e.value);
            try {
                in.setAttr(wrapper, "__wrapped__", wrapped);
            } catch (const ScriptError &) {
            }
            return wrapper;
        }));
    });
    return mod;
}

} // namespace loopscope::script
