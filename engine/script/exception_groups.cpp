// BaseExceptionGroup / ExceptionGroup (PEP 654) and the bookkeeping of `except*`, following
// CPython's Objects/exceptions.c (constructor rules, split, derive) and Python/ceval.c
// (exception_group_match, _PyExc_PrepReraiseStar); tracebacks of groups are printed with the box
// art of Lib/traceback.py.
#include "script/exception_groups.h"

#include "script/text.h"

#include <algorithm>

namespace loopscope::script {

namespace {

ExceptionData *dataOf(const Value &v)
{
    if (!v.is(ObjKind::Instance))
        return nullptr;
    return v.as<InstanceObject>()->exception.get();
}

bool isExceptionInstance(const Value &v)
{
    return dataOf(v) != nullptr;
}

} // namespace

bool isExceptionGroup(const Value &v)
{
    return isExceptionInstance(v) && v.as<InstanceObject>()->klass->isSubclassOf(exc::baseExceptionGroup());
}

std::vector<Value> groupExceptions(Interpreter &in, const Value &group)
{
    auto *data = dataOf(group);
    if (!data || data->args.size() < 2)
        return {};
    return in.toVector(data->args[1]);
}

std::string groupMessage(Interpreter &in, const Value &group)
{
    auto *data = dataOf(group);
    std::string message = data && !data->args.empty() ? in.toStr(data->args[0]) : std::string();
    std::size_t n = groupExceptions(in, group).size();
    return message + " (" + std::to_string(n) + " sub-exception" + (n == 1 ? ")" : "s)");
}

// BaseExceptionGroup.__new__: BaseExceptionGroup becomes ExceptionGroup when every member is an
// Exception; ExceptionGroup refuses BaseExceptions.
Value makeExceptionGroup(Interpreter &in, ClassObject *cls, const Value &message, const Value &exceptions)
{
    if (!message.is(ObjKind::Str))
        in.raise(exc::typeError(), "BaseExceptionGroup.__new__() argument 1 must be str, not " + in.typeName(message));
    if (!exceptions.is(ObjKind::List) && !exceptions.is(ObjKind::Tuple))
        in.raise(exc::typeError(), "second argument (exceptions) must be a sequence");
    std::vector<Value> items = in.toVector(exceptions);
    if (items.empty())
        in.raise(exc::valueError(), "second argument (exceptions) must be a non-empty sequence");
    bool allExceptions = true;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (!isExceptionInstance(items[i]))
            in.raise(exc::valueError(),
                "Item " + std::to_string(i) + " of second argument (exceptions) is not an exception");
        allExceptions = allExceptions && in.isInstance(items[i], exc::exception());
    }
    if (cls == exc::baseExceptionGroup() && allExceptions)
        cls = exc::exceptionGroup();
    else if (cls->isSubclassOf(exc::exception()) && !allExceptions)
        in.raise(exc::typeError(), "Cannot nest BaseExceptions in an ExceptionGroup");
    return in.makeException(cls, std::vector<Value> {message, exceptions});
}

Value makeExceptionGroup(Interpreter &in, const std::string &message, std::vector<Value> exceptions, bool asTuple)
{
    Value seq = asTuple ? tuple(std::move(exceptions)) : list(std::move(exceptions));
    return makeExceptionGroup(in, exc::baseExceptionGroup(), str(message), seq);
}

namespace {

// What split()/subgroup() and except* match with: a class, a tuple of classes or a predicate.
struct Matcher {
    enum class Kind { Type, Predicate } kind;
    Value value;
    bool matches(Interpreter &in, const Value &e) const
    {
        if (kind == Kind::Predicate)
            return in.truthy(in.call(value, std::vector<Value> {e}));
        if (value.is(ObjKind::Class))
            return in.isInstance(e, value.as<ClassObject>());
        for (auto &c : value.as<TupleObject>()->items)
            if (in.isInstance(e, c.as<ClassObject>()))
                return true;
        return false;
    }
};

bool isExceptionClass(const Value &v)
{
    return v.is(ObjKind::Class) && v.as<ClassObject>()->isException;
}

Matcher makeMatcher(Interpreter &in, const Value &condition)
{
    if (isExceptionClass(condition))
        return {Matcher::Kind::Type, condition};
    if (condition.is(ObjKind::Tuple)) {
        auto &items = condition.as<TupleObject>()->items;
        if (std::all_of(items.begin(), items.end(), isExceptionClass))
            return {Matcher::Kind::Type, condition};
    } else if (condition.is(ObjKind::Function) || condition.is(ObjKind::Native) || condition.is(ObjKind::BoundMethod)) {
        return {Matcher::Kind::Predicate, condition};
    }
    in.raise(exc::typeError(), "expected a function, exception type or tuple of exception types");
}

// derive() plus the metadata split() copies onto every new group.
Value deriveWithMetadata(Interpreter &in, const Value &group, std::vector<Value> exceptions)
{
    auto *data = dataOf(group);
    Value derived = makeExceptionGroup(in, exc::baseExceptionGroup(), data->args[0], list(std::move(exceptions)));
    auto *d = dataOf(derived);
    d->cause = data->cause;
    d->context = data->context;
    d->suppressContext = data->suppressContext;
    d->traceback = data->traceback;
    return derived;
}

// exceptiongroup_split_recursive: (match, rest); either may be None.
std::pair<Value, Value> splitRecursive(Interpreter &in, const Value &e, const Matcher &m, bool wantRest)
{
    if (m.matches(in, e))
        return {e, Value()};
    if (!isExceptionGroup(e))
        return {Value(), e};
    std::vector<Value> matched, rest;
    for (auto &sub : groupExceptions(in, e)) {
        auto [mt, rs] = splitRecursive(in, sub, m, wantRest);
        if (!mt.isNone())
            matched.push_back(mt);
        if (wantRest && !rs.isNone())
            rest.push_back(rs);
    }
    Value matchGroup = matched.empty() ? Value() : deriveWithMetadata(in, e, std::move(matched));
    Value restGroup = rest.empty() ? Value() : deriveWithMetadata(in, e, std::move(rest));
    return {matchGroup, restGroup};
}

void collectLeaves(Interpreter &in, const Value &e, std::vector<const Object *> &out)
{
    if (!isExceptionGroup(e)) {
        out.push_back(e.obj());
        return;
    }
    for (auto &sub : groupExceptions(in, e))
        collectLeaves(in, sub, out);
}

} // namespace

void installExceptionGroupMethods(ClassObject *base, ClassObject *group)
{
    for (ClassObject *c : {base, group}) {
        c->construct = [c](Interpreter &in, const Value &, CallArgs &a) -> Value {
            if (!a.kwargs.empty())
                in.raise(exc::typeError(), c->name + "() takes no keyword arguments");
            if (a.args.size() != 2)
                in.raise(exc::typeError(),
                    "BaseExceptionGroup.__new__() takes exactly 2 arguments (" + std::to_string(a.args.size())
                        + " given)");
            return makeExceptionGroup(in, c, a.args[0], a.args[1]);
        };
    }
    base->properties["message"] = [](Interpreter &, const Value &self) { return dataOf(self)->args[0]; };
    base->properties["exceptions"]
        = [](Interpreter &in, const Value &self) { return tuple(groupExceptions(in, self)); };
    base->addMethod("derive", [](Interpreter &in, const Value &self, CallArgs &a) {
        args::expect(in, "derive", a, 1, 1);
        return makeExceptionGroup(in, exc::baseExceptionGroup(), dataOf(self)->args[0], a.args[0]);
    });
    base->addMethod("split", [](Interpreter &in, const Value &self, CallArgs &a) {
        args::expect(in, "split", a, 1, 1);
        auto [match, rest] = splitRecursive(in, self, makeMatcher(in, a.args[0]), true);
        return tuple({match, rest});
    });
    base->addMethod("subgroup", [](Interpreter &in, const Value &self, CallArgs &a) {
        args::expect(in, "subgroup", a, 1, 1);
        return splitRecursive(in, self, makeMatcher(in, a.args[0]), false).first;
    });
}

// ---- except* ----------------------------------------------------------------------------------

ExceptStar::ExceptStar(Interpreter &in, Value caught)
    : m_in(in)
    , m_orig(caught)
    , m_rest(std::move(caught))
{
}

// _PyEval_ExceptionGroupMatch, after check_except_star_type_valid.
Value ExceptStar::match(const Value &type)
{
    auto refuses = [](const Value &t) {
        return t.is(ObjKind::Class) && t.as<ClassObject>()->isSubclassOf(exc::baseExceptionGroup());
    };
    bool groupType = refuses(type);
    if (type.is(ObjKind::Tuple))
        for (auto &t : type.as<TupleObject>()->items)
            groupType = groupType || refuses(t);
    if (groupType) {
        Value e = m_in.makeException(
            exc::typeError(), "catching ExceptionGroup with except* is not allowed. Use except instead.");
        dataOf(e)->context = m_orig;
        m_in.raise(e);
    }
    if (!isExceptionClass(type) && !type.is(ObjKind::Tuple))
        m_in.raise(exc::typeError(), "catching classes that do not inherit from BaseException is not allowed");
    if (m_rest.isNone())
        return Value();
    Matcher matcher {Matcher::Kind::Type, type};
    Value matched;
    if (matcher.matches(m_in, m_rest)) {
        matched = m_rest;
        if (!isExceptionGroup(matched)) {
            matched = makeExceptionGroup(m_in, "", std::vector<Value> {m_rest}, true);
            dataOf(matched)->traceback = dataOf(m_rest)->traceback;
        }
        m_rest = Value();
    } else if (isExceptionGroup(m_rest)) {
        auto [mt, rs] = splitRecursive(m_in, m_rest, matcher, true);
        matched = mt;
        m_rest = rs;
    }
    if (!matched.isNone())
        m_matches.push_back(matched);
    return matched;
}

void ExceptStar::handlerRaised(Value e)
{
    m_raised.push_back(std::move(e));
}

// _PyExc_PrepReraiseStar: what the handlers raised, with the re-raised parts put back in the
// shape of the original group.
Value ExceptStar::result()
{
    if (!isExceptionGroup(m_orig)) {
        // A naked exception: at most one handler ran.
        if (!m_raised.empty())
            return m_raised.front();
        return m_rest;
    }
    std::vector<Value> raised;
    std::vector<const Object *> keep;
    auto isReraise = [&](const Value &e) {
        return e.identical(m_orig)
            || std::any_of(m_matches.begin(), m_matches.end(), [&](const Value &m) { return m.identical(e); });
    };
    for (auto &e : m_raised) {
        if (isReraise(e))
            collectLeaves(m_in, e, keep);
        else
            raised.push_back(e);
    }
    if (!m_rest.isNone())
        collectLeaves(m_in, m_rest, keep);
    Value reraised;
    if (!keep.empty()) {
        // The projection of the original group on the kept leaves.
        std::function<std::pair<Value, Value>(const Value &)> project = [&](const Value &e) -> std::pair<Value, Value> {
            if (!isExceptionGroup(e))
                return std::find(keep.begin(), keep.end(), e.obj()) != keep.end() ? std::pair {e, Value()}
                                                                                  : std::pair {Value(), e};
            std::vector<Value> matched;
            std::size_t total = 0;
            for (auto &sub : groupExceptions(m_in, e)) {
                ++total;
                auto [mt, rs] = project(sub);
                if (!mt.isNone())
                    matched.push_back(mt);
                (void)rs;
            }
            if (matched.empty())
                return {Value(), e};
            bool whole = matched.size() == total;
            if (whole) {
                auto subs = groupExceptions(m_in, e);
                for (std::size_t i = 0; i < total && whole; ++i)
                    whole = matched[i].identical(subs[i]);
            }
            return {whole ? e : deriveWithMetadata(m_in, e, std::move(matched)), Value()};
        };
        reraised = project(m_orig).first;
    }
    if (raised.empty())
        return reraised;
    if (!reraised.isNone())
        raised.push_back(reraised);
    return makeExceptionGroup(m_in, "", std::move(raised), false);
}

// ---- tracebacks -------------------------------------------------------------------------------

namespace {

constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

struct PrintContext {
    std::vector<const Object *> seen;
    int depth = 0;
    bool needClose = false;
    std::string indent() const { return std::string(std::size_t(2 * depth), ' '); }
    // traceback._ExceptionPrintContext.emit: every line gets the indent and the margin.
    std::string emit(const std::string &text, char margin = '|') const
    {
        std::string prefix = indent();
        if (depth)
            prefix += std::string(1, margin) + ' ';
        std::string out;
        std::size_t pos = 0;
        while (pos < text.size()) {
            std::size_t nl = text.find('\n', pos);
            std::size_t end = nl == std::string::npos ? text.size() : nl + 1;
            out += prefix + text.substr(pos, end - pos);
            pos = end;
        }
        return out;
    }
};

void formatTree(Interpreter &in, const Value &exception, PrintContext &ctx, std::string &out)
{
    // The chain of causes and contexts, oldest first, each exception once.
    std::vector<std::pair<Value, const char *>> chain;
    Value e = exception;
    const char *separator = nullptr;
    // Members of a group are always shown; only cause/context links stop at a repeat.
    auto unseen
        = [&](const Value &x) { return std::find(ctx.seen.begin(), ctx.seen.end(), x.obj()) == ctx.seen.end(); };
    while (e.is(ObjKind::Instance) && (chain.empty() || unseen(e))) {
        ctx.seen.push_back(e.obj());
        chain.emplace_back(e, separator);
        auto *data = dataOf(e);
        if (!data)
            break;
        if (!data->cause.isNone()) {
            e = data->cause;
            separator = "\nThe above exception was the direct cause of the following exception:\n\n";
        } else if (!data->context.isNone() && !data->suppressContext) {
            e = data->context;
            separator = "\nDuring handling of the above exception, another exception occurred:\n\n";
        } else {
            break;
        }
    }
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const Value &x = it->first;
        if (!isExceptionGroup(x)) {
            out += ctx.emit(in.formatOneException(x));
        } else if (ctx.depth > kMaxGroupDepth) {
            out += ctx.emit("... (max_group_depth is " + std::to_string(kMaxGroupDepth) + ")\n");
        } else {
            const bool topLevel = ctx.depth == 0;
            if (topLevel)
                ++ctx.depth;
            std::string text = in.formatOneException(x);
            const std::string header = "Traceback (most recent call last):\n";
            if (text.compare(0, header.size(), header) == 0) {
                out += ctx.emit("Exception Group Traceback (most recent call last):\n", topLevel ? '+' : '|');
                text = text.substr(header.size());
            }
            out += ctx.emit(text);
            auto subs = groupExceptions(in, x);
            const int count = int(subs.size());
            const int n = count <= kMaxGroupWidth ? count : kMaxGroupWidth + 1;
            ctx.needClose = false;
            for (int i = 0; i < n; ++i) {
                const bool last = i == n - 1;
                if (last)
                    ctx.needClose = true;
                const bool truncated = i >= kMaxGroupWidth;
                std::string title = truncated ? "..." : std::to_string(i + 1);
                out += ctx.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------\n";
                ++ctx.depth;
                if (!truncated) {
                    formatTree(in, subs[std::size_t(i)], ctx, out);
                } else {
                    int remaining = count - kMaxGroupWidth;
                    out += ctx.emit(
                        "and " + std::to_string(remaining) + " more exception" + (remaining > 1 ? "s" : "") + "\n");
                }
                if (last && ctx.needClose) {
                    out += ctx.indent() + "+------------------------------------\n";
                    ctx.needClose = false;
                }
                --ctx.depth;
            }
            if (topLevel)
                ctx.depth = 0;
        }
        if (it->second)
            out += ctx.emit(it->second);
    }
}

} // namespace

std::string formatExceptionTree(Interpreter &in, const Value &exception)
{
    PrintContext ctx;
    std::string out;
    formatTree(in, exception, ctx, out);
    return out;
}

} // namespace loopscope::script
