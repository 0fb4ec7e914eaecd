// Builtin functions, the constructors of builtin types and the methods of str, list, dict, tuple.
#include "script/interpreter.h"
#include "script/setops.h"

#include "script/text.h"

#include "engine.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace loopscope::script {

namespace {

using Args = CallArgs;

void fn(Interpreter &, DictObject &d, const std::string &name, NativeFunction f)
{
    d.set(str(name), Value(make<NativeObject>(name, std::move(f))));
}

Value optionalArg(const Args &a, std::size_t i)
{
    return i < a.args.size() ? a.args[i] : Value();
}

text::Index optIndex(Interpreter &in, const Args &a, std::size_t i)
{
    if (i >= a.args.size() || a.args[i].isNone())
        return std::nullopt;
    return args::toInt(in, a.args[i], "slice indices");
}

std::vector<Value> strList(const std::vector<std::string> &parts)
{
    std::vector<Value> out;
    out.reserve(parts.size());
    for (auto &p : parts)
        out.push_back(str(p));
    return out;
}

const std::string &self(const Value &s)
{
    return s.as<StrObject>()->value;
}

// Sorts with Python's semantics: stable, key function, reverse keeps stability.
void sortValues(Interpreter &in, std::vector<Value> &items, const Value &key, bool reverse)
{
    std::vector<Value> keys;
    if (!key.isNone())
        for (auto &v : items)
            keys.push_back(in.call(key, std::vector<Value> {v}));
    std::vector<std::size_t> order(items.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    const auto &k = key.isNone() ? items : keys;
    std::stable_sort(order.begin(), order.end(),
        [&](std::size_t x, std::size_t y) { return reverse ? in.lessThan(k[y], k[x]) : in.lessThan(k[x], k[y]); });
    std::vector<Value> sorted;
    sorted.reserve(items.size());
    for (auto i : order)
        sorted.push_back(items[i]);
    items = std::move(sorted);
}

Value minMax(Interpreter &in, Args &a, bool wantMax)
{
    const char *name = wantMax ? "max" : "min";
    Value key, dflt;
    bool hasDefault = a.takeKeyword("default", dflt);
    a.takeKeyword("key", key);
    std::vector<Value> items = a.args.size() == 1 ? in.toVector(a.args[0]) : a.args;
    if (a.args.empty())
        in.raise(exc::typeError(), std::string(name) + " expected at least 1 argument, got 0");
    if (items.empty()) {
        if (hasDefault)
            return dflt;
        in.raise(exc::valueError(), std::string(name) + "() iterable argument is empty");
    }
    Value best = items[0];
    Value bestKey = key.isNone() ? best : in.call(key, std::vector<Value> {best});
    for (std::size_t i = 1; i < items.size(); ++i) {
        Value k = key.isNone() ? items[i] : in.call(key, std::vector<Value> {items[i]});
        if (wantMax ? in.lessThan(bestKey, k) : in.lessThan(k, bestKey)) {
            best = items[i];
            bestKey = k;
        }
    }
    return best;
}

// str.format(*args, **kwargs): {} {0} {name} {x.attr} {x[0]} with !r/!s and a spec.
// Automatic ({}) and manual ({0}) numbering may not be mixed; nested specs share the counter.
struct FieldNumbering {
    std::size_t next = 0;
    bool automatic = false;
    bool manual = false;
};

std::string strFormat(Interpreter &in, const std::string &tmpl, const Args &a, FieldNumbering &numbering)
{
    std::string out;
    std::size_t &autoIndex = numbering.next;
    for (std::size_t i = 0; i < tmpl.size(); ++i) {
        char c = tmpl[i];
        if (c == '{' && i + 1 < tmpl.size() && tmpl[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        if (c == '}' && i + 1 < tmpl.size() && tmpl[i + 1] == '}') {
            out += '}';
            ++i;
            continue;
        }
        if (c == '}')
            in.raise(exc::valueError(), "Single '}' encountered in format string");
        if (c != '{') {
            out += c;
            continue;
        }
        int depth = 1;
        std::size_t j = i + 1;
        for (; j < tmpl.size() && depth; ++j) {
            if (tmpl[j] == '{')
                ++depth;
            else if (tmpl[j] == '}')
                --depth;
        }
        if (depth)
            in.raise(exc::valueError(),
                j - i == 1 ? "Single '{' encountered in format string" : "expected '}' before end of string");
        std::string field = tmpl.substr(i + 1, j - i - 2);
        i = j - 1;
        std::string spec;
        char conversion = 0;
        if (auto colon = field.find(':'); colon != std::string::npos) {
            spec = strFormat(in, field.substr(colon + 1), a, numbering);
            field = field.substr(0, colon);
        }
        if (auto bang = field.find('!'); bang != std::string::npos) {
            conversion = bang + 1 < field.size() ? field[bang + 1] : '\0';
            field = field.substr(0, bang);
        }
        std::size_t end = field.find_first_of(".[");
        std::string head = field.substr(0, end);
        Value v;
        const bool numeric = !head.empty() && std::all_of(head.begin(), head.end(), [](char x) {
            return std::isdigit(static_cast<unsigned char>(x));
        });
        if (head.empty() ? numbering.manual : (numeric && numbering.automatic))
            in.raise(exc::valueError(),
                head.empty() ? "cannot switch from manual field specification to automatic field numbering"
                             : "cannot switch from automatic field numbering to manual field specification");
        (head.empty() ? numbering.automatic : numbering.manual) |= head.empty() || numeric;
        if (conversion && conversion != 'r' && conversion != 's' && conversion != 'a')
            in.raise(exc::valueError(), std::string("Unknown conversion specifier ") + conversion);
        if (head.empty()) {
            if (autoIndex >= a.args.size())
                in.raise(exc::indexError(),
                    "Replacement index " + std::to_string(autoIndex) + " out of range for positional args tuple");
            v = a.args[autoIndex++];
        } else if (std::all_of(
                       head.begin(), head.end(), [](char x) { return std::isdigit(static_cast<unsigned char>(x)); })) {
            std::size_t idx = std::stoul(head);
            if (idx >= a.args.size())
                in.raise(exc::indexError(), "Replacement index " + head + " out of range for positional args tuple");
            v = a.args[idx];
        } else {
            bool found = false;
            for (auto &[k, val] : a.kwargs)
                if (k == head) {
                    v = val;
                    found = true;
                }
            if (!found)
                in.raise(in.makeException(exc::keyError(), std::vector<Value> {str(head)}));
        }
        while (end != std::string::npos && end < field.size()) {
            if (field[end] == '.') {
                std::size_t next = field.find_first_of(".[", end + 1);
                v = in.getAttr(v, field.substr(end + 1, next - end - 1));
                end = next;
            } else {
                std::size_t close = field.find(']', end);
                std::string key = field.substr(end + 1, close - end - 1);
                bool numeric = !key.empty() && std::all_of(key.begin(), key.end(), [](char x) {
                    return std::isdigit(static_cast<unsigned char>(x));
                });
                v = in.getItem(v, numeric ? Value::integer(std::stoll(key)) : str(key));
                end = close + 1 < field.size() ? close + 1 : std::string::npos;
            }
        }
        if (conversion == 'r')
            v = str(in.repr(v));
        else if (conversion == 'a')
            v = str(in.ascii(v));
        else if (conversion == 's')
            v = str(in.toStr(v));
        out += in.format(v, spec);
    }
    return out;
}

void installStrMethods(ClassObject *c)
{
    c->addMethod("join", [](Interpreter &in, const Value &s, Args &a) {
        args::expect(in, "str.join", a, 1, 1);
        std::string out;
        bool first = true;
        for (auto &v : in.toVector(a.args[0])) {
            if (!v.is(ObjKind::Str))
                in.raise(exc::typeError(),
                    "sequence item " + std::string(first ? "0" : "") + ": expected str instance, " + in.typeName(v)
                        + " found");
            if (!first)
                out += self(s);
            out += v.as<StrObject>()->value;
            in.checkSize(std::int64_t(out.size()));
            first = false;
        }
        return str(std::move(out));
    });
    c->addMethod("split", [](Interpreter &in, const Value &s, Args &a) {
        Value sep = optionalArg(a, 0), maxsplit = optionalArg(a, 1);
        a.takeKeyword("sep", sep);
        a.takeKeyword("maxsplit", maxsplit);
        std::int64_t n = maxsplit.isNone() ? -1 : args::toInt(in, maxsplit, "maxsplit");
        try {
            if (sep.isNone())
                return list(strList(text::split(self(s), n)));
            return list(strList(text::split(self(s), args::toStr(in, sep, "sep"), n)));
        } catch (const text::FormatError &e) {
            in.raise(exc::valueError(), e.message);
        }
    });
    c->addMethod("rsplit", [](Interpreter &in, const Value &s, Args &a) {
        Value sep = optionalArg(a, 0), maxsplit = optionalArg(a, 1);
        a.takeKeyword("sep", sep);
        a.takeKeyword("maxsplit", maxsplit);
        std::int64_t n = maxsplit.isNone() ? -1 : args::toInt(in, maxsplit, "maxsplit");
        if (sep.isNone())
            return list(strList(text::rsplit(self(s), n)));
        return list(strList(text::rsplit(self(s), args::toStr(in, sep, "sep"), n)));
    });
    c->addMethod("splitlines", [](Interpreter &in, const Value &s, Args &a) {
        Value keep = optionalArg(a, 0);
        a.takeKeyword("keepends", keep);
        return list(strList(text::splitlines(self(s), in.truthy(keep))));
    });
    auto stripper = [](std::string (*f)(std::string_view, std::optional<std::string_view>)) {
        return [f](Interpreter &in, const Value &s, Args &a) {
            Value chars = optionalArg(a, 0);
            if (chars.isNone())
                return str(f(self(s), std::nullopt));
            return str(f(self(s), std::string_view(args::toStr(in, chars, "strip arg"))));
        };
    };
    c->addMethod("strip", stripper(text::strip));
    c->addMethod("lstrip", stripper(text::lstrip));
    c->addMethod("rstrip", stripper(text::rstrip));
    auto simple = [](std::string (*f)(std::string_view)) {
        return [f](Interpreter &, const Value &s, Args &) { return str(f(self(s))); };
    };
    c->addMethod("upper", simple(text::upper));
    c->addMethod("lower", simple(text::lower));
    c->addMethod("capitalize", simple(text::capitalize));
    c->addMethod("title", simple(text::title));
    c->addMethod("swapcase", simple(text::swapcase));
    c->addMethod("casefold", simple(text::casefold));
    auto predicate = [](bool (*f)(std::string_view)) {
        return [f](Interpreter &, const Value &s, Args &) { return Value::boolean(f(self(s))); };
    };
    c->addMethod("isdigit", predicate(text::isdigit));
    c->addMethod("isdecimal", predicate(text::isdecimal));
    c->addMethod("isnumeric", predicate(text::isnumeric));
    c->addMethod("isalpha", predicate(text::isalpha));
    c->addMethod("isalnum", predicate(text::isalnum));
    c->addMethod("isspace", predicate(text::isspace));
    c->addMethod("isupper", predicate(text::isupper));
    c->addMethod("islower", predicate(text::islower));
    c->addMethod("istitle", predicate(text::istitle));
    c->addMethod("isidentifier", predicate(text::isidentifier));
    c->addMethod("isprintable", predicate(text::isprintable));
    c->addMethod("expandtabs", [](Interpreter &in, const Value &s, Args &a) {
        Value size = optionalArg(a, 0);
        a.takeKeyword("tabsize", size);
        return str(text::expandtabs(self(s), size.isNone() ? 8 : args::toInt(in, size, "tabsize")));
    });
    auto affix = [](bool (*f)(std::string_view, std::string_view, text::Index, text::Index), const char *name) {
        return [f, name](Interpreter &in, const Value &s, Args &a) {
            args::expect(in, name, a, 1, 3);
            auto start = optIndex(in, a, 1), end = optIndex(in, a, 2);
            if (a.args[0].is(ObjKind::Tuple)) {
                for (auto &x : a.args[0].as<TupleObject>()->items)
                    if (f(self(s), args::toStr(in, x, name), start, end))
                        return Value::boolean(true);
                return Value::boolean(false);
            }
            return Value::boolean(f(self(s), args::toStr(in, a.args[0], name), start, end));
        };
    };
    c->addMethod("startswith", affix(text::startsWith, "startswith"));
    c->addMethod("endswith", affix(text::endsWith, "endswith"));
    auto finder = [](std::int64_t (*f)(std::string_view, std::string_view, text::Index, text::Index), const char *name,
                      bool raises) {
        return [f, name, raises](Interpreter &in, const Value &s, Args &a) {
            args::expect(in, name, a, 1, 3);
            std::int64_t r
                = f(self(s), args::toStr(in, a.args[0], "must be str"), optIndex(in, a, 1), optIndex(in, a, 2));
            if (raises && r < 0)
                in.raise(exc::valueError(), "substring not found");
            return Value::integer(r);
        };
    };
    c->addMethod("find", finder(text::find, "find", false));
    c->addMethod("rfind", finder(text::rfind, "rfind", false));
    c->addMethod("index", finder(text::find, "index", true));
    c->addMethod("rindex", finder(text::rfind, "rindex", true));
    c->addMethod("count", finder(text::count, "count", false));
    c->addMethod("replace", [](Interpreter &in, const Value &s, Args &a) {
        args::expect(in, "replace", a, 2, 3);
        std::int64_t n = a.args.size() > 2 ? args::toInt(in, a.args[2], "count") : -1;
        return str(text::replace(self(s), args::toStr(in, a.args[0], "replace() argument 1"),
            args::toStr(in, a.args[1], "replace() argument 2"), n));
    });
    auto justify = [](std::string (*f)(std::string_view, std::int64_t, char32_t), const char *name) {
        return [f, name](Interpreter &in, const Value &s, Args &a) {
            args::expect(in, name, a, 1, 2);
            char32_t fill = U' ';
            if (a.args.size() > 1) {
                const std::string &fs = args::toStr(in, a.args[1], "fill character");
                if (text::codepointCount(fs) != 1)
                    in.raise(exc::typeError(), "The fill character must be exactly one character long");
                fill = text::firstCodepoint(fs);
            }
            return str(f(self(s), args::toInt(in, a.args[0], "width"), fill));
        };
    };
    c->addMethod("center", justify(text::center, "center"));
    c->addMethod("ljust", justify(text::ljust, "ljust"));
    c->addMethod("rjust", justify(text::rjust, "rjust"));
    c->addMethod("zfill", [](Interpreter &in, const Value &s, Args &a) {
        args::expect(in, "zfill", a, 1, 1);
        return str(text::zfill(self(s), args::toInt(in, a.args[0], "width")));
    });
    c->addMethod("partition", [](Interpreter &in, const Value &s, Args &a) {
        args::expect(in, "partition", a, 1, 1);
        auto p = text::partition(self(s), args::toStr(in, a.args[0], "sep"));
        return tuple({str(p[0]), str(p[1]), str(p[2])});
    });
    c->addMethod("rpartition", [](Interpreter &in, const Value &s, Args &a) {
        args::expect(in, "rpartition", a, 1, 1);
        auto p = text::rpartition(self(s), args::toStr(in, a.args[0], "sep"));
        return tuple({str(p[0]), str(p[1]), str(p[2])});
    });
    c->addMethod("removeprefix", [](Interpreter &in, const Value &s, Args &a) {
        args::expect(in, "removeprefix", a, 1, 1);
        return str(text::removeprefix(self(s), args::toStr(in, a.args[0], "prefix")));
    });
    c->addMethod("removesuffix", [](Interpreter &in, const Value &s, Args &a) {
        args::expect(in, "removesuffix", a, 1, 1);
        return str(text::removesuffix(self(s), args::toStr(in, a.args[0], "suffix")));
    });
    c->addMethod("format", [](Interpreter &in, const Value &s, Args &a) {
        FieldNumbering numbering;
        return str(strFormat(in, self(s), a, numbering));
    });
    c->addMethod("encode", [](Interpreter &in, const Value &, Args &) -> Value {
        in.raise(exc::notImplementedError(), "bytes are not supported yet");
    });
}

std::vector<Value> &items(const Value &l)
{
    return l.as<ListObject>()->items;
}

// The optional start/stop of index(x, start, stop), clamped like slice bounds.
std::pair<std::int64_t, std::int64_t> searchRange(Interpreter &in, const Args &a, std::int64_t n)
{
    auto bound = [&](std::size_t i, std::int64_t dflt) {
        if (i >= a.args.size())
            return dflt;
        std::int64_t v = args::toInt(in, a.args[i], "index");
        if (v < 0)
            v = std::max<std::int64_t>(0, v + n);
        return std::min(v, n);
    };
    return {bound(1, 0), bound(2, n)};
}

void installListMethods(ClassObject *c)
{
    c->addMethod("append", [](Interpreter &in, const Value &l, Args &a) {
        args::expect(in, "list.append", a, 1, 1);
        in.checkSize(std::int64_t(items(l).size()) + 1);
        items(l).push_back(a.args[0]);
        return Value();
    });
    c->addMethod("extend", [](Interpreter &in, const Value &l, Args &a) {
        args::expect(in, "list.extend", a, 1, 1);
        auto more = in.toVector(a.args[0]);
        in.checkSize(std::int64_t(items(l).size() + more.size()));
        items(l).insert(items(l).end(), more.begin(), more.end());
        return Value();
    });
    c->addMethod("pop", [](Interpreter &in, const Value &l, Args &a) {
        args::expect(in, "pop", a, 0, 1);
        auto &v = items(l);
        if (v.empty())
            in.raise(exc::indexError(), "pop from empty list");
        std::int64_t i = a.args.empty() ? std::int64_t(v.size()) - 1 : args::toInt(in, a.args[0], "index");
        if (i < 0)
            i += std::int64_t(v.size());
        if (i < 0 || i >= std::int64_t(v.size()))
            in.raise(exc::indexError(), "pop index out of range");
        Value out = v[std::size_t(i)];
        v.erase(v.begin() + i);
        return out;
    });
    c->addMethod("insert", [](Interpreter &in, const Value &l, Args &a) {
        args::expect(in, "insert", a, 2, 2);
        auto &v = items(l);
        in.checkSize(std::int64_t(v.size()) + 1);
        std::int64_t n = std::int64_t(v.size());
        std::int64_t i = args::toInt(in, a.args[0], "index");
        if (i < 0)
            i = std::max<std::int64_t>(0, i + n);
        i = std::min(i, n);
        v.insert(v.begin() + i, a.args[1]);
        return Value();
    });
    c->addMethod("remove", [](Interpreter &in, const Value &l, Args &a) {
        args::expect(in, "list.remove", a, 1, 1);
        auto &v = items(l);
        for (std::size_t i = 0; i < v.size(); ++i)
            if (in.equals(v[i], a.args[0])) {
                v.erase(v.begin() + std::ptrdiff_t(i));
                return Value();
            }
        in.raise(exc::valueError(), "list.remove(x): x not in list");
    });
    c->addMethod("index", [](Interpreter &in, const Value &l, Args &a) {
        args::expect(in, "index", a, 1, 3);
        auto &v = items(l);
        auto [from, to] = searchRange(in, a, std::int64_t(v.size()));
        for (std::int64_t i = from; i < to && i < std::int64_t(v.size()); ++i)
            if (in.equals(v[std::size_t(i)], a.args[0]))
                return Value::integer(i);
        in.raise(exc::valueError(), in.repr(a.args[0]) + " is not in list");
    });
    c->addMethod("count", [](Interpreter &in, const Value &l, Args &a) {
        args::expect(in, "count", a, 1, 1);
        std::int64_t n = 0;
        for (auto &x : items(l))
            n += in.equals(x, a.args[0]);
        return Value::integer(n);
    });
    c->addMethod("sort", [](Interpreter &in, const Value &l, Args &a) {
        Value key, reverse;
        a.takeKeyword("key", key);
        a.takeKeyword("reverse", reverse);
        if (!a.args.empty())
            in.raise(exc::typeError(), "sort() takes no positional arguments");
        auto v = items(l);
        sortValues(in, v, key, in.truthy(reverse));
        items(l) = std::move(v);
        return Value();
    });
    c->addMethod("reverse", [](Interpreter &, const Value &l, Args &) {
        std::reverse(items(l).begin(), items(l).end());
        return Value();
    });
    c->addMethod("copy", [](Interpreter &, const Value &l, Args &) { return list(items(l)); });
    c->addMethod("clear", [](Interpreter &, const Value &l, Args &) {
        items(l).clear();
        return Value();
    });
}

void installTupleMethods(ClassObject *c)
{
    c->addMethod("index", [](Interpreter &in, const Value &t, Args &a) {
        args::expect(in, "index", a, 1, 3);
        auto &v = t.as<TupleObject>()->items;
        auto [from, to] = searchRange(in, a, std::int64_t(v.size()));
        for (std::int64_t i = from; i < to && i < std::int64_t(v.size()); ++i)
            if (in.equals(v[std::size_t(i)], a.args[0]))
                return Value::integer(i);
        in.raise(exc::valueError(), "tuple.index(x): x not in tuple");
    });
    c->addMethod("count", [](Interpreter &in, const Value &t, Args &a) {
        args::expect(in, "count", a, 1, 1);
        std::int64_t n = 0;
        for (auto &x : t.as<TupleObject>()->items)
            n += in.equals(x, a.args[0]);
        return Value::integer(n);
    });
}

DictObject *dict(const Value &d)
{
    return d.as<DictObject>();
}

void updateDict(Interpreter &in, DictObject *d, Args &a)
{
    if (!a.args.empty()) {
        const Value &src = a.args[0];
        if (src.is(ObjKind::Dict)) {
            for (auto &e : dict(src)->entries())
                if (e.live)
                    d->set(e.key, e.value);
        } else {
            std::size_t index = 0;
            for (auto &pair : in.toVector(src)) {
                auto kv = in.toVector(pair);
                if (kv.size() != 2)
                    in.raise(exc::valueError(),
                        "dictionary update sequence element #" + std::to_string(index) + " has length "
                            + std::to_string(kv.size()) + "; 2 is required");
                ++index;
                in.setItem(Value(Ref<DictObject>(d)), kv[0], kv[1]);
            }
        }
    }
    for (auto &[k, v] : a.kwargs)
        d->set(str(k), v);
}

void installDictMethods(ClassObject *c)
{
    c->addMethod("get", [](Interpreter &in, const Value &d, Args &a) {
        args::expect(in, "get", a, 1, 2);
        if (!isHashable(a.args[0]))
            in.raise(exc::typeError(), "unhashable type: '" + in.typeName(a.args[0]) + "'");
        const Value *v = dict(d)->find(a.args[0]);
        return v ? *v : optionalArg(a, 1);
    });
    using Which = DictViewObject::Which;
    for (auto [name, which] :
        {std::pair {"keys", Which::Keys}, std::pair {"values", Which::Values}, std::pair {"items", Which::Items}}) {
        Which w = which;
        c->addMethod(name, [w](Interpreter &, const Value &d, Args &) {
            return Value(make<DictViewObject>(Ref<DictObject>(dict(d)), w));
        });
    }
    c->addMethod("setdefault", [](Interpreter &in, const Value &d, Args &a) {
        args::expect(in, "setdefault", a, 1, 2);
        if (const Value *v = dict(d)->find(a.args[0]))
            return *v;
        in.setItem(d, a.args[0], optionalArg(a, 1));
        return optionalArg(a, 1);
    });
    c->addMethod("update", [](Interpreter &in, const Value &d, Args &a) {
        updateDict(in, dict(d), a);
        return Value();
    });
    c->addMethod("pop", [](Interpreter &in, const Value &d, Args &a) {
        args::expect(in, "pop", a, 1, 2);
        if (const Value *v = dict(d)->find(a.args[0])) {
            Value out = *v;
            dict(d)->remove(a.args[0]);
            return out;
        }
        if (a.args.size() > 1)
            return a.args[1];
        in.raise(in.makeException(exc::keyError(), std::vector<Value> {a.args[0]}));
    });
    c->addMethod("popitem", [](Interpreter &in, const Value &d, Args &) {
        auto &entries = dict(d)->entries();
        for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
            if (!it->live)
                continue;
            Value key = it->key, value = it->value;
            dict(d)->remove(key);
            return tuple({key, value});
        }
        in.raise(in.makeException(exc::keyError(), std::vector<Value> {str("popitem(): dictionary is empty")}));
    });
    {
        // A classmethod: dict.fromkeys(iterable, value=None); no receiver.
        Heap *saved = Heap::current();
        Heap::setCurrent(nullptr);
        c->setAttr("fromkeys", Value(make<NativeObject>("dict.fromkeys", [](Interpreter &in, const Value &, Args &a) {
            args::expect(in, "fromkeys", a, 1, 2);
            auto out = make<DictObject>();
            for (auto &k : in.toVector(a.args[0]))
                in.setItem(Value(out), k, optionalArg(a, 1));
            return Value(out);
        })));
        Heap::setCurrent(saved);
    }
    c->addMethod("copy", [](Interpreter &, const Value &d, Args &) {
        auto out = make<DictObject>();
        for (auto &e : dict(d)->entries())
            if (e.live)
                out->set(e.key, e.value);
        return Value(out);
    });
    c->addMethod("clear", [](Interpreter &, const Value &d, Args &) {
        dict(d)->clear();
        return Value();
    });
}

// int(x), float(x), str(x)... as constructors of their classes.
void installConstructors()
{
    types::intType()->construct = [](Interpreter &in, const Value &, Args &a) -> Value {
        Value base;
        a.takeKeyword("base", base);
        if (a.args.size() > 2)
            in.raise(exc::typeError(), "int() takes at most 2 arguments (" + std::to_string(a.args.size()) + " given)");
        if (a.args.empty())
            return Value::integer(0);
        const Value &v = a.args[0];
        if (a.args.size() == 2)
            base = a.args[1];
        if (v.is(ObjKind::Str)) {
            int b = base.isNone() ? 10 : int(args::toInt(in, base, "base"));
            bool overflow = false;
            try {
                auto r = text::parseInt(v.as<StrObject>()->value, b, overflow);
                if (r)
                    return Value::integer(*r);
            } catch (const text::FormatError &e) {
                in.raise(exc::valueError(), e.message);
            }
            if (overflow)
                in.raise(exc::overflowError(), "integer overflow: Loopscope integers are 64-bit");
            in.raise(exc::valueError(), text::invalidIntLiteralMessage(v.as<StrObject>()->value, b));
        }
        if (!base.isNone())
            in.raise(exc::typeError(), "int() can't convert non-string with explicit base");
        if (v.isIntLike())
            return Value::integer(v.asInt());
        if (v.isFloat()) {
            double d = v.asFloat();
            if (std::isnan(d))
                in.raise(exc::valueError(), "cannot convert float NaN to integer");
            if (std::isinf(d))
                in.raise(exc::overflowError(), "cannot convert float infinity to integer");
            if (std::fabs(d) >= 9.2233720368547758e18)
                in.raise(exc::overflowError(), "integer overflow: Loopscope integers are 64-bit");
            return Value::integer(std::int64_t(d));
        }
        in.raise(exc::typeError(),
            "int() argument must be a string, a bytes-like object or a real number, not '" + in.typeName(v) + "'");
    };
    types::floatType()->construct = [](Interpreter &in, const Value &, Args &a) -> Value {
        args::expect(in, "float", a, 0, 1);
        if (a.args.empty())
            return Value::real(0);
        const Value &v = a.args[0];
        if (v.isNumber())
            return Value::real(v.toDouble());
        if (v.is(ObjKind::Str)) {
            if (auto d = text::parseFloat(v.as<StrObject>()->value))
                return Value::real(*d);
            in.raise(exc::valueError(), text::invalidFloatMessage(v.as<StrObject>()->value));
        }
        in.raise(exc::typeError(), "float() argument must be a string or a real number, not '" + in.typeName(v) + "'");
    };
    types::strType()->construct = [](Interpreter &in, const Value &, Args &a) -> Value {
        args::expect(in, "str", a, 0, 1);
        return a.args.empty() ? str("") : str(in.toStr(a.args[0]));
    };
    types::boolType()->construct = [](Interpreter &in, const Value &, Args &a) -> Value {
        args::expect(in, "bool", a, 0, 1);
        return Value::boolean(!a.args.empty() && in.truthy(a.args[0]));
    };
    types::listType()->construct = [](Interpreter &in, const Value &, Args &a) -> Value {
        args::expect(in, "list", a, 0, 1);
        return list(a.args.empty() ? std::vector<Value> {} : in.toVector(a.args[0]));
    };
    types::tupleType()->construct = [](Interpreter &in, const Value &, Args &a) -> Value {
        args::expect(in, "tuple", a, 0, 1);
        if (!a.args.empty() && a.args[0].is(ObjKind::Tuple) && typeOf(a.args[0]) == types::tupleType())
            return a.args[0];
        return tuple(a.args.empty() ? std::vector<Value> {} : in.toVector(a.args[0]));
    };
    types::dictType()->construct = [](Interpreter &in, const Value &, Args &a) -> Value {
        args::expect(in, "dict", a, 0, 1);
        auto d = make<DictObject>();
        updateDict(in, d.get(), a);
        return Value(d);
    };
    types::rangeType()->construct = [](Interpreter &in, const Value &, Args &a) -> Value {
        args::noKeywords(in, "range", a);
        args::expect(in, "range", a, 1, 3);
        std::int64_t start = 0, stop, step = 1;
        if (a.args.size() == 1) {
            stop = args::toInt(in, a.args[0], "");
        } else {
            start = args::toInt(in, a.args[0], "");
            stop = args::toInt(in, a.args[1], "");
            if (a.args.size() == 3)
                step = args::toInt(in, a.args[2], "");
        }
        if (step == 0)
            in.raise(exc::valueError(), "range() arg 3 must not be zero");
        return Value(make<RangeObject>(start, stop, step));
    };
    types::typeType()->construct = [](Interpreter &in, const Value &, Args &a) -> Value {
        args::expect(in, "type", a, 1, 1);
        return Value(Ref<ClassObject>(typeOf(a.args[0])));
    };
    types::object()->construct = [](Interpreter &in, const Value &, Args &a) -> Value {
        args::expect(in, "object", a, 0, 0);
        return Value(make<InstanceObject>(Ref<ClassObject>(types::object())));
    };
}

// Methods that take nothing refuse arguments as CPython's METH_NOARGS methods do:
// "list.copy() takes no arguments (1 given)".
void requireNoArguments(ClassObject *c, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        const Value *m = c->dict->findStr(name);
        if (!m || !m->is(ObjKind::Native))
            continue;
        auto *native = m->as<NativeObject>();
        NativeFunction inner = native->fn;
        const std::string qualified = native->name;
        native->fn = [inner, qualified](Interpreter &in, const Value &self, Args &a) {
            args::noKeywords(in, qualified, a);
            args::expect(in, qualified, a, 0, 0);
            return inner(in, self, a);
        };
    }
}

// str.maketrans (a static method: called on the class or an instance alike) and str.translate.
void installTranslate(ClassObject *c)
{
    auto maketrans = [](Interpreter &in, const Value &, Args &a) -> Value {
        args::expect(in, "maketrans", a, 1, 3);
        auto table = make<DictObject>();
        if (a.args.size() == 1) {
            if (!a.args[0].is(ObjKind::Dict))
                in.raise(exc::typeError(), "if you give only one argument to maketrans it must be a dict");
            for (auto &e : a.args[0].as<DictObject>()->entries()) {
                if (!e.live)
                    continue;
                Value key = e.key;
                if (key.is(ObjKind::Str)) {
                    auto cps = text::decode(key.as<StrObject>()->value);
                    if (cps.size() != 1)
                        in.raise(exc::valueError(), "string keys in translate table must be of length 1");
                    key = Value::integer(std::int64_t(cps[0]));
                } else if (!key.isIntLike()) {
                    in.raise(exc::typeError(), "keys in translate table must be strings or integers");
                }
                table->set(key, e.value);
            }
            return Value(table);
        }
        auto from = text::decode(args::toStr(in, a.args[0], "maketrans() argument 1"));
        auto to = text::decode(args::toStr(in, a.args[1], "maketrans() argument 2"));
        if (from.size() != to.size())
            in.raise(exc::valueError(), "the first two maketrans arguments must have equal length");
        for (std::size_t i = 0; i < from.size(); ++i)
            table->set(Value::integer(std::int64_t(from[i])), Value::integer(std::int64_t(to[i])));
        if (a.args.size() == 3)
            for (char32_t cp : text::decode(args::toStr(in, a.args[2], "maketrans() argument 3")))
                table->set(Value::integer(std::int64_t(cp)), Value());
        return Value(table);
    };
    c->setAttr("maketrans", Value(make<NativeObject>("str.maketrans", maketrans)));
    c->addMethod("translate", [](Interpreter &in, const Value &s, Args &a) {
        args::expect(in, "translate", a, 1, 1);
        std::string out;
        for (char32_t cp : text::decode(self(s))) {
            Value mapped;
            try {
                mapped = in.getItem(a.args[0], Value::integer(std::int64_t(cp)));
            } catch (const ScriptError &e) {
                if (!in.isInstance(e.exception, exc::byName("LookupError")))
                    throw;
                out += text::encode(cp);
                continue;
            }
            if (mapped.isNone())
                continue;
            if (mapped.isIntLike()) {
                if (mapped.asInt() < 0 || mapped.asInt() > 0x10ffff)
                    in.raise(exc::valueError(), "character mapping must be in range(0x110000)");
                out += text::encode(char32_t(mapped.asInt()));
            } else if (mapped.is(ObjKind::Str)) {
                out += mapped.as<StrObject>()->value;
            } else {
                in.raise(exc::typeError(), "character mapping must return integer, None or str");
            }
        }
        return str(out);
    });
}

// int and float: the numeric methods and attributes scripts reach for.
void installNumberMethods(ClassObject *intClass, ClassObject *floatClass)
{
    intClass->addMethod("bit_length", [](Interpreter &in, const Value &v, Args &a) {
        args::expect(in, "int.bit_length", a, 0, 0);
        const std::uint64_t m = v.asInt() < 0 ? std::uint64_t(0) - std::uint64_t(v.asInt()) : std::uint64_t(v.asInt());
        return Value::integer(m ? 64 - __builtin_clzll(m) : 0);
    });
    intClass->addMethod("bit_count", [](Interpreter &in, const Value &v, Args &a) {
        args::expect(in, "int.bit_count", a, 0, 0);
        const std::uint64_t m = v.asInt() < 0 ? std::uint64_t(0) - std::uint64_t(v.asInt()) : std::uint64_t(v.asInt());
        return Value::integer(__builtin_popcountll(m));
    });
    intClass->addMethod("conjugate", [](Interpreter &, const Value &v, Args &) { return Value::integer(v.asInt()); });
    intClass->addMethod("as_integer_ratio", [](Interpreter &, const Value &v, Args &) {
        return tuple({Value::integer(v.asInt()), Value::integer(1)});
    });
    for (const char *name : {"real", "numerator"})
        intClass->properties[name] = [](Interpreter &, const Value &v) { return Value::integer(v.asInt()); };
    intClass->properties["imag"] = [](Interpreter &, const Value &) { return Value::integer(0); };
    intClass->properties["denominator"] = [](Interpreter &, const Value &) { return Value::integer(1); };
    floatClass->addMethod("is_integer", [](Interpreter &in, const Value &v, Args &a) {
        args::expect(in, "float.is_integer", a, 0, 0);
        return Value::boolean(std::isfinite(v.asFloat()) && v.asFloat() == std::floor(v.asFloat()));
    });
    floatClass->addMethod("conjugate", [](Interpreter &, const Value &v, Args &) { return v; });
    floatClass->addMethod("as_integer_ratio", [](Interpreter &in, const Value &v, Args &) {
        const double d = v.asFloat();
        if (std::isinf(d))
            in.raise(exc::overflowError(), "cannot convert Infinity to integer ratio");
        if (std::isnan(d))
            in.raise(exc::valueError(), "cannot convert NaN to integer ratio");
        int e = 0;
        double mantissa = std::frexp(d, &e);
        for (int i = 0; i < 300 && mantissa != std::floor(mantissa); ++i) {
            mantissa *= 2.0;
            --e;
        }
        if (std::fabs(mantissa) >= 9.2e18 || e >= 63 || e <= -63)
            in.raise(exc::overflowError(), "integer overflow: Loopscope integers are 64-bit");
        auto num = std::int64_t(mantissa);
        std::int64_t den = 1;
        if (e > 0) {
            if (__builtin_mul_overflow(num, std::int64_t(1) << e, &num))
                in.raise(exc::overflowError(), "integer overflow: Loopscope integers are 64-bit");
        } else {
            den = std::int64_t(1) << -e;
        }
        return tuple({Value::integer(num), Value::integer(den)});
    });
    floatClass->properties["real"] = [](Interpreter &, const Value &v) { return v; };
    floatClass->properties["imag"] = [](Interpreter &, const Value &) { return Value::real(0.0); };
}

void installRangeMethods(ClassObject *c)
{
    c->addMethod("index", [](Interpreter &in, const Value &r, Args &a) {
        args::expect(in, "index", a, 1, 1);
        if (in.contains(r, a.args[0])) {
            auto *range = r.as<RangeObject>();
            return Value::integer((a.args[0].asInt() - range->start) / range->step);
        }
        in.raise(exc::valueError(), in.repr(a.args[0]) + " is not in range");
    });
    c->addMethod("count", [](Interpreter &in, const Value &r, Args &a) {
        args::expect(in, "count", a, 1, 1);
        return Value::integer(a.args[0].isIntLike() && in.contains(r, a.args[0]) ? 1 : 0);
    });
}

void installTypeMethods()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    installStrMethods(types::strType());
    installListMethods(types::listType());
    installTupleMethods(types::tupleType());
    installDictMethods(types::dictType());
    installRangeMethods(types::rangeType());
    installNumberMethods(types::intType(), types::floatType());
    installTranslate(types::strType());
    requireNoArguments(types::listType(), {"copy", "clear", "reverse"});
    requireNoArguments(types::dictType(), {"copy", "clear", "keys", "items", "values", "popitem"});
    requireNoArguments(types::strType(),
        {"upper", "lower", "title", "capitalize", "swapcase", "casefold", "isdigit", "isalpha", "isspace", "isalnum",
            "isupper", "islower", "istitle", "isnumeric", "isdecimal", "isidentifier", "isprintable", "isascii"});
    installConstructors();
    setops::install();
}

bool isInstanceSpec(Interpreter &in, const Value &v, const Value &spec)
{
    if (spec.is(ObjKind::Class))
        return typeOf(v)->isSubclassOf(spec.as<ClassObject>());
    if (spec.is(ObjKind::Tuple)) {
        for (auto &s : spec.as<TupleObject>()->items)
            if (isInstanceSpec(in, v, s))
                return true;
        return false;
    }
    in.raise(exc::typeError(), "isinstance() arg 2 must be a type, a tuple of types, or a union");
}

} // namespace

void installBuiltins(Interpreter &in, DictObject &b)
{
    installTypeMethods();
    for (auto *cls : {types::intType(), types::floatType(), types::strType(), types::boolType(), types::listType(),
             types::tupleType(), types::dictType(), types::setType(), types::frozensetType(), types::rangeType(),
             types::typeType(), types::object()})
        b.set(str(cls->name), Value(Ref<ClassObject>(cls)));
    for (auto *cls : exc::all())
        if (cls->name != "CancelledError" && cls->name != "InvalidStateError" && cls->name != "QueueEmpty"
            && cls->name != "BrokenBarrierError" && cls->name != "QueueFull")
            b.set(str(cls->name), Value(Ref<ClassObject>(cls)));
    static InstanceObject *ellipsis = [] {
        // One immortal object, shared by every interpreter, as CPython's singleton.
        Heap *saved = Heap::current();
        Heap::setCurrent(nullptr);
        auto *cls = new ClassObject("ellipsis", Ref<ClassObject>(types::object()));
        ++cls->m_refCount;
        auto *e = new InstanceObject(Ref<ClassObject>(cls));
        ++e->m_refCount;
        Heap::setCurrent(saved);
        return e;
    }();
    b.set(str("Ellipsis"), Value(Ref<InstanceObject>(ellipsis)));

    fn(in, b, "print", [](Interpreter &in, const Value &, Args &a) {
        Value sep = str(" "), end = str("\n"), file, flush;
        a.takeKeyword("sep", sep);
        a.takeKeyword("end", end);
        a.takeKeyword("file", file);
        a.takeKeyword("flush", flush);
        if (!a.kwargs.empty())
            in.raise(exc::typeError(), "'" + a.kwargs[0].first + "' is an invalid keyword argument for print()");
        if (!sep.isNone() && !sep.is(ObjKind::Str))
            in.raise(exc::typeError(), "sep must be None or a string, not " + in.typeName(sep));
        if (!end.isNone() && !end.is(ObjKind::Str))
            in.raise(exc::typeError(), "end must be None or a string, not " + in.typeName(end));
        std::string sepText = sep.isNone() ? " " : sep.as<StrObject>()->value;
        std::string endText = end.isNone() ? "\n" : end.as<StrObject>()->value;
        std::string out;
        for (std::size_t i = 0; i < a.args.size(); ++i) {
            if (i)
                out += sepText;
            out += in.toStr(a.args[i]);
        }
        out += endText;
        if (in.onPrint)
            in.onPrint(out);
        return Value();
    });
    fn(in, b, "len", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "len", a, 1, 1);
        return Value::integer(in.length(a.args[0]));
    });
    fn(in, b, "repr", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "repr", a, 1, 1);
        return str(in.repr(a.args[0]));
    });
    fn(in, b, "ascii", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "ascii", a, 1, 1);
        return str(in.ascii(a.args[0]));
    });
    fn(in, b, "format", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "format", a, 1, 2);
        return str(in.format(a.args[0], a.args.size() > 1 ? args::toStr(in, a.args[1], "format spec") : std::string()));
    });
    fn(in, b, "isinstance", [](Interpreter &in, const Value &, Args &a) {
        if (a.args.size() != 2)
            in.raise(exc::typeError(), "isinstance expected 2 arguments, got " + std::to_string(a.args.size()));
        return Value::boolean(isInstanceSpec(in, a.args[0], a.args[1]));
    });
    fn(in, b, "issubclass", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "issubclass", a, 2, 2);
        if (!a.args[0].is(ObjKind::Class))
            in.raise(exc::typeError(), "issubclass() arg 1 must be a class");
        if (a.args[1].is(ObjKind::Tuple)) {
            for (auto &s : a.args[1].as<TupleObject>()->items)
                if (s.is(ObjKind::Class) && a.args[0].as<ClassObject>()->isSubclassOf(s.as<ClassObject>()))
                    return Value::boolean(true);
            return Value::boolean(false);
        }
        if (!a.args[1].is(ObjKind::Class))
            in.raise(exc::typeError(), "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return Value::boolean(a.args[0].as<ClassObject>()->isSubclassOf(a.args[1].as<ClassObject>()));
    });
    fn(in, b, "hasattr", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "hasattr", a, 2, 2);
        return Value::boolean(in.findAttr(a.args[0], args::toStr(in, a.args[1], "attribute name")).has_value());
    });
    fn(in, b, "getattr", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "getattr", a, 2, 3);
        const std::string &name = args::toStr(in, a.args[1], "attribute name");
        if (a.args.size() == 3) {
            auto v = in.findAttr(a.args[0], name);
            return v ? *v : a.args[2];
        }
        return in.getAttr(a.args[0], name);
    });
    fn(in, b, "setattr", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "setattr", a, 3, 3);
        in.setAttr(a.args[0], args::toStr(in, a.args[1], "attribute name"), a.args[2]);
        return Value();
    });
    fn(in, b, "abs", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "abs", a, 1, 1);
        const Value &v = a.args[0];
        if (v.isIntLike())
            return v.asInt() < 0 ? in.unary(UnaryOperator::Neg, v) : Value::integer(v.asInt());
        if (v.isFloat())
            return Value::real(std::fabs(v.asFloat()));
        in.raise(exc::typeError(), "bad operand type for abs(): '" + in.typeName(v) + "'");
    });
    fn(in, b, "round", [](Interpreter &in, const Value &, Args &a) {
        Value nd = optionalArg(a, 1);
        a.takeKeyword("ndigits", nd);
        if (a.args.empty())
            in.raise(exc::typeError(), "round() missing required argument 'number' (pos 1)");
        const Value &v = a.args[0];
        if (v.isIntLike()) {
            std::int64_t x = v.asInt();
            std::int64_t digits = nd.isNone() ? 0 : args::toInt(in, nd, "ndigits");
            if (digits >= 0)
                return Value::integer(x);
            if (digits < -18)
                return Value::integer(0);
            // Round half to even at 10**-digits, as int.__round__.
            std::int64_t p = 1;
            for (std::int64_t i = 0; i < -digits; ++i)
                p *= 10;
            std::int64_t q = x / p, r = x % p;
            if (r < 0) {
                r += p;
                --q;
            }
            if (2 * r > p || (2 * r == p && (q & 1)))
                ++q;
            return in.binary(BinaryOp::Mul, Value::integer(q), Value::integer(p));
        }
        double d = args::toFloat(in, v, "round() argument");
        if (nd.isNone()) {
            if (std::isnan(d))
                in.raise(exc::valueError(), "cannot convert float NaN to integer");
            if (std::isinf(d))
                in.raise(exc::overflowError(), "cannot convert float infinity to integer");
            double r = std::nearbyint(d); // ties to even, as Python 3
            if (std::fabs(r) >= 9.2233720368547758e18)
                in.raise(exc::overflowError(), "integer overflow: Loopscope integers are 64-bit");
            return Value::integer(std::int64_t(r));
        }
        // Python rounds the exact binary value half-even to a decimal; a correctly rounded
        // fixed-point rendering (locale-independent) gives the same digits.
        std::int64_t digits = args::toInt(in, nd, "ndigits");
        if (digits > 300 || !std::isfinite(d))
            return Value::real(d);
        if (digits >= 0) {
            char buf[700];
            auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed, int(digits));
            double out = d;
            std::from_chars(buf, res.ptr, out);
            return Value::real(out);
        }
        if (digits < -400)
            return Value::real(std::copysign(0.0, d)); // every double rounds to zero there
        double p = std::pow(10.0, double(-digits));
        return Value::real(std::nearbyint(d / p) * p);
    });
    fn(in, b, "divmod", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "divmod", a, 2, 2);
        return tuple(
            {in.binary(BinaryOp::FloorDiv, a.args[0], a.args[1]), in.binary(BinaryOp::Mod, a.args[0], a.args[1])});
    });
    fn(in, b, "pow", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "pow", a, 2, 3);
        Value r = in.binary(BinaryOp::Pow, a.args[0], a.args[1]);
        return a.args.size() == 3 ? in.binary(BinaryOp::Mod, r, a.args[2]) : r;
    });
    fn(in, b, "min", [](Interpreter &in, const Value &, Args &a) { return minMax(in, a, false); });
    fn(in, b, "max", [](Interpreter &in, const Value &, Args &a) { return minMax(in, a, true); });
    fn(in, b, "sum", [](Interpreter &in, const Value &, Args &a) {
        Value start = optionalArg(a, 1);
        a.takeKeyword("start", start);
        Value total = start.isNone() ? Value::integer(0) : start;
        if (a.args.empty())
            in.raise(exc::typeError(), "sum() takes at least 1 positional argument (0 given)");
        if (total.is(ObjKind::Str))
            in.raise(exc::typeError(), "sum() can't sum strings [use ''.join(seq) instead]");
        // Floats add with Neumaier's compensation, as CPython 3.12 does, so sum([0.1] * 10) == 1.0;
        // 3.11 adds them plainly.
        const bool compensated = in.engine().profile() == Profile::Py312;
        double fsum = 0, compensation = 0;
        bool floatMode = false;
        for (auto &v : in.toVector(a.args[0])) {
            if (!floatMode && total.isFloat() && (v.isFloat() || v.isIntLike())) {
                floatMode = true;
                fsum = total.asFloat();
                compensation = 0;
            }
            if (floatMode) {
                if (v.isFloat()) {
                    double x = v.asFloat(), t = fsum + x;
                    if (compensated)
                        compensation += std::fabs(fsum) >= std::fabs(x) ? (fsum - t) + x : (x - t) + fsum;
                    fsum = t;
                    continue;
                }
                if (v.isIntLike()) {
                    fsum += double(v.asInt());
                    continue;
                }
                floatMode = false;
                total = Value::real(compensation != 0 && std::isfinite(compensation) ? fsum + compensation : fsum);
            }
            total = in.binary(BinaryOp::Add, total, v);
        }
        if (floatMode)
            total = Value::real(compensation != 0 && std::isfinite(compensation) ? fsum + compensation : fsum);
        return total;
    });
    fn(in, b, "any", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "any", a, 1, 1);
        Value it = in.iter(a.args[0]), v;
        while (in.next(it, v))
            if (in.truthy(v))
                return Value::boolean(true);
        return Value::boolean(false);
    });
    fn(in, b, "all", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "all", a, 1, 1);
        Value it = in.iter(a.args[0]), v;
        while (in.next(it, v))
            if (!in.truthy(v))
                return Value::boolean(false);
        return Value::boolean(true);
    });
    fn(in, b, "sorted", [](Interpreter &in, const Value &, Args &a) {
        Value key, reverse;
        a.takeKeyword("key", key);
        a.takeKeyword("reverse", reverse);
        if (a.args.size() != 1)
            in.raise(exc::typeError(), "sorted expected 1 argument, got " + std::to_string(a.args.size()));
        auto v = in.toVector(a.args[0]);
        sortValues(in, v, key, in.truthy(reverse));
        return list(std::move(v));
    });
    fn(in, b, "reversed", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "reversed", a, 1, 1);
        auto v = in.toVector(a.args[0]);
        std::reverse(v.begin(), v.end());
        return in.iter(list(std::move(v)));
    });
    fn(in, b, "enumerate", [](Interpreter &in, const Value &, Args &a) {
        Value start = optionalArg(a, 1);
        a.takeKeyword("start", start);
        args::expect(in, "enumerate", a, 1, 2);
        Value it = in.iter(a.args[0]);
        std::int64_t i = start.isNone() ? 0 : args::toInt(in, start, "start");
        return Value(make<IteratorObject>([&in, it, i](Value &out) mutable {
            Value v;
            if (!in.next(it, v))
                return false;
            if (i == INT64_MAX)
                in.raise(exc::overflowError(), "integer overflow: Loopscope integers are 64-bit");
            out = tuple({Value::integer(i++), v});
            return true;
        }));
    });
    fn(in, b, "zip", [](Interpreter &in, const Value &, Args &a) {
        Value strictArg;
        a.takeKeyword("strict", strictArg);
        bool strict = in.truthy(strictArg);
        std::vector<Value> its;
        for (auto &x : a.args)
            its.push_back(in.iter(x));
        return Value(make<IteratorObject>([&in, its, strict](Value &out) {
            if (its.empty())
                return false;
            std::vector<Value> row;
            for (std::size_t i = 0; i < its.size(); ++i) {
                Value v;
                if (!in.next(its[i], v)) {
                    if (!strict)
                        return false;
                    if (i > 0)
                        in.raise(exc::valueError(),
                            "zip() argument " + std::to_string(i + 1) + " is shorter than argument"
                                + (i == 1 ? std::string(" 1") : "s 1-" + std::to_string(i)));
                    for (std::size_t j = 1; j < its.size(); ++j)
                        if (in.next(its[j], v))
                            in.raise(exc::valueError(),
                                "zip() argument " + std::to_string(j + 1) + " is longer than argument"
                                    + (j == 1 ? std::string(" 1") : "s 1-" + std::to_string(j)));
                    return false;
                }
                row.push_back(v);
            }
            out = tuple(std::move(row));
            return true;
        }));
    });
    fn(in, b, "map", [](Interpreter &in, const Value &, Args &a) {
        if (a.args.size() < 2)
            in.raise(exc::typeError(), "map() must have at least two arguments.");
        Value f = a.args[0];
        std::vector<Value> its;
        for (std::size_t i = 1; i < a.args.size(); ++i)
            its.push_back(in.iter(a.args[i]));
        return Value(make<IteratorObject>([&in, f, its](Value &out) {
            std::vector<Value> row;
            for (auto &it : its) {
                Value v;
                if (!in.next(it, v))
                    return false;
                row.push_back(v);
            }
            out = in.call(f, std::move(row));
            return true;
        }));
    });
    fn(in, b, "filter", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "filter", a, 2, 2);
        Value f = a.args[0];
        Value it = in.iter(a.args[1]);
        return Value(make<IteratorObject>([&in, f, it](Value &out) {
            Value v;
            while (in.next(it, v)) {
                if (f.isNone() ? in.truthy(v) : in.truthy(in.call(f, std::vector<Value> {v}))) {
                    out = v;
                    return true;
                }
            }
            return false;
        }));
    });
    fn(in, b, "iter", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "iter", a, 1, 1);
        return in.iter(a.args[0]);
    });
    fn(in, b, "next", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "next", a, 1, 2);
        Value v;
        if (in.next(a.args[0], v))
            return v;
        if (a.args.size() == 2)
            return a.args[1];
        std::vector<Value> stopArgs; // a generator's return value rides on its StopIteration
        if (a.args[0].is(ObjKind::Generator)) {
            Value &r = a.args[0].as<GeneratorObject>()->returnValue;
            if (!r.isNone())
                stopArgs.push_back(r);
            r = Value();
        }
        in.raise(in.makeException(exc::stopIteration(), std::move(stopArgs)));
    });
    fn(in, b, "chr", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "chr", a, 1, 1);
        std::int64_t c = args::toInt(in, a.args[0], "");
        if (c < 0 || c > 0x10ffff)
            in.raise(exc::valueError(), "chr() arg not in range(0x110000)");
        return str(text::encode(char32_t(c)));
    });
    fn(in, b, "ord", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "ord", a, 1, 1);
        const std::string &s = args::toStr(in, a.args[0], "ord() argument");
        if (text::codepointCount(s) != 1)
            in.raise(exc::typeError(),
                "ord() expected a character, but string of length " + std::to_string(text::codepointCount(s))
                    + " found");
        return Value::integer(std::int64_t(text::firstCodepoint(s)));
    });
    for (auto [name, base] : {std::pair {"hex", 16}, std::pair {"oct", 8}, std::pair {"bin", 2}}) {
        int radix = base;
        std::string n = name;
        fn(in, b, n, [radix, n](Interpreter &in, const Value &, Args &a) {
            args::expect(in, n, a, 1, 1);
            return str(text::intToBase(args::toInt(in, a.args[0], ""), radix));
        });
    }
    fn(in, b, "callable", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "callable", a, 1, 1);
        const Value &v = a.args[0];
        return Value::boolean(v.is(ObjKind::Function) || v.is(ObjKind::Native) || v.is(ObjKind::BoundMethod)
            || v.is(ObjKind::Class) || in.userMethod(v, "__call__"));
    });
    fn(in, b, "id", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "id", a, 1, 1);
        // Deterministic, as every output of a run must be: objects get the number their default
        // repr shows; plain values one derived from the value.
        const Value &v = a.args[0];
        if (v.isObj())
            return Value::integer(std::int64_t(std::stoull(in.fakeAddress(v.obj()).substr(2), nullptr, 16)));
        return Value::integer(std::int64_t(0x7e0000000000 + (hashValue(v) & 0xffffffff) * 16 + std::int64_t(v.tag())));
    });
    fn(in, b, "hash", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "hash", a, 1, 1);
        if (!isHashable(a.args[0]))
            in.raise(exc::typeError(), "unhashable type: '" + in.typeName(a.args[0]) + "'");
        return Value::integer(pyHash(a.args[0]));
    });
}

} // namespace loopscope::script
