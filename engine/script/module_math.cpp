// math: libm for the arithmetic (as CPython uses it) and CPython's error rules: a NaN out of a
// finite input is "math domain error" (ValueError), an infinity out of a finite input is
// "math range error" (OverflowError) where the function can overflow.
#include "script/stdlib.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace loopscope::script {

namespace {

using Args = CallArgs;

double real(Interpreter &in, const Value &v)
{
    if (v.isNumber())
        return v.toDouble();
    in.raise(exc::typeError(), "must be real number, not " + in.typeName(v));
}

std::int64_t integer(Interpreter &in, const Value &v)
{
    if (v.isIntLike())
        return v.asInt();
    in.raise(exc::typeError(), "'" + in.typeName(v) + "' object cannot be interpreted as an integer");
}

[[noreturn]] void domainError(Interpreter &in)
{
    in.raise(exc::valueError(), "math domain error");
}

[[noreturn]] void int64Overflow(Interpreter &in)
{
    in.raise(exc::overflowError(), "integer overflow: Loopscope integers are 64-bit");
}

// math_1: one float argument, CPython's checks on the result.
void unary(ModuleObject &mod, const std::string &name, double (*f)(double), bool canOverflow)
{
    addFunction(mod, name, [name, f, canOverflow](Interpreter &in, const Value &, Args &a) {
        args::noKeywords(in, "math." + name, a);
        args::expect(in, name, a, 1, 1);
        const double x = real(in, a.args[0]);
        const double r = f(x);
        if (std::isnan(r) && !std::isnan(x))
            domainError(in);
        if (std::isinf(r) && std::isfinite(x)) {
            if (canOverflow)
                in.raise(exc::overflowError(), "math range error");
            domainError(in);
        }
        return Value::real(r);
    });
}

// Two float arguments; a NaN out of non-NaN inputs is a domain error (fmod(1, 0)).
void binary(ModuleObject &mod, const std::string &name, double (*f)(double, double))
{
    addFunction(mod, name, [name, f](Interpreter &in, const Value &, Args &a) {
        args::expect(in, name, a, 2, 2);
        const double x = real(in, a.args[0]), y = real(in, a.args[1]);
        const double r = f(x, y);
        if (std::isnan(r) && !std::isnan(x) && !std::isnan(y))
            domainError(in);
        return Value::real(r);
    });
}

double logOf(Interpreter &in, const Value &v, double (*f)(double))
{
    const double x = real(in, v);
    if (std::isnan(x))
        return x;
    if (x <= 0 || (std::isinf(x) && x < 0))
        domainError(in);
    return f(x);
}

// float -> int for floor, ceil and trunc.
Value toIntegral(Interpreter &in, double d)
{
    if (std::isnan(d))
        in.raise(exc::valueError(), "cannot convert float NaN to integer");
    if (std::isinf(d))
        in.raise(exc::overflowError(), "cannot convert float infinity to integer");
    if (d >= 9.2233720368547758e18 || d < -9.2233720368547758e18)
        int64Overflow(in);
    return Value::integer(std::int64_t(d));
}

void rounding(ModuleObject &mod, const std::string &name, double (*f)(double))
{
    addFunction(mod, name, [name, f](Interpreter &in, const Value &, Args &a) {
        args::expect(in, name, a, 1, 1);
        if (a.args[0].isIntLike())
            return Value::integer(a.args[0].asInt());
        if (!a.args[0].isFloat())
            in.raise(exc::typeError(), "must be real number, not " + in.typeName(a.args[0]));
        return toIntegral(in, f(a.args[0].asFloat()));
    });
}

std::int64_t mulChecked(Interpreter &in, std::int64_t x, std::int64_t y)
{
    std::int64_t r;
    if (__builtin_mul_overflow(x, y, &r))
        int64Overflow(in);
    return r;
}

// perm(n, k) = n! / (n-k)!, and comb(n, k) built up so every partial result is an integer.
std::int64_t permutations(Interpreter &in, std::int64_t n, std::int64_t k)
{
    std::int64_t r = 1;
    for (std::int64_t i = 0; i < k; ++i)
        r = mulChecked(in, r, n - i);
    return r;
}

std::int64_t combinations(Interpreter &in, std::int64_t n, std::int64_t k)
{
    k = std::min(k, n - k);
    __int128 r = 1;
    for (std::int64_t i = 1; i <= k; ++i) {
        r = r * (n - k + i) / i;
        if (r > INT64_MAX)
            int64Overflow(in);
    }
    return std::int64_t(r);
}

void checkNonNegative(Interpreter &in, std::int64_t n, std::int64_t k)
{
    if (n < 0)
        in.raise(exc::valueError(), "n must be a non-negative integer");
    if (k < 0)
        in.raise(exc::valueError(), "k must be a non-negative integer");
}

// math.fsum: Shewchuk's exact partial sums, rounded once at the end (Modules/mathmodule.c).
Value fsum(Interpreter &in, const Value &iterable)
{
    std::vector<double> partials;
    double specialSum = 0.0, infSum = 0.0;
    Value it = in.iter(iterable);
    Value item;
    while (in.next(it, item)) {
        double x = real(in, item);
        const double xsave = x;
        std::size_t i = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y))
                std::swap(x, y);
            const double hi = x + y;
            const double lo = y - (hi - x);
            if (lo != 0.0)
                partials[i++] = lo;
            x = hi;
        }
        partials.resize(i);
        if (x != 0.0) {
            if (!std::isfinite(x)) {
                // a nonfinite x could arise either from an infinite or NaN input, or from overflow
                if (std::isfinite(xsave))
                    in.raise(exc::overflowError(), "intermediate overflow in fsum");
                if (std::isinf(xsave))
                    infSum += xsave;
                specialSum += xsave;
                partials.clear();
            } else {
                partials.push_back(x);
            }
        }
    }
    if (specialSum != 0.0) {
        if (std::isnan(infSum))
            in.raise(exc::valueError(), "-inf + inf in fsum");
        return Value::real(specialSum);
    }
    double hi = 0.0;
    std::size_t n = partials.size();
    if (n > 0) {
        hi = partials[--n];
        double lo = 0;
        while (n > 0) {
            const double x = hi;
            const double y = partials[--n];
            hi = x + y;
            const double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
            const double y = lo * 2.0;
            const double x = hi + y;
            const double yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    return Value::real(hi);
}

void installFunctions(ModuleObject &m)
{
    unary(m, "sqrt", std::sqrt, false);
    unary(m, "exp", std::exp, true);
    unary(m, "fabs", std::fabs, false);
    unary(m, "sin", std::sin, false);
    unary(m, "cos", std::cos, false);
    unary(m, "tan", std::tan, false);
    unary(m, "asin", std::asin, false);
    unary(m, "acos", std::acos, false);
    unary(m, "atan", std::atan, false);
    unary(m, "sinh", std::sinh, true);
    unary(m, "cosh", std::cosh, true);
    unary(m, "tanh", std::tanh, false);
    unary(m, "asinh", std::asinh, false);
    unary(m, "acosh", std::acosh, false);
    unary(m, "atanh", std::atanh, false);
    unary(m, "cbrt", std::cbrt, false);
    unary(m, "exp2", std::exp2, true);
    unary(m, "expm1", std::expm1, true);
    unary(m, "log1p", std::log1p, false);
    unary(m, "erf", std::erf, false);
    unary(m, "erfc", std::erfc, false);
    rounding(m, "floor", std::floor);
    rounding(m, "ceil", std::ceil);
    rounding(m, "trunc", std::trunc);
    addFunction(m, "log", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "log", a, 1, 2);
        const double num = logOf(in, a.args[0], std::log);
        if (a.args.size() == 1)
            return Value::real(num);
        const double den = logOf(in, a.args[1], std::log);
        if (den == 0)
            in.raise(exc::zeroDivisionError(), "float division by zero");
        return Value::real(num / den);
    });
    addFunction(m, "log2", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "log2", a, 1, 1);
        return Value::real(logOf(in, a.args[0], std::log2));
    });
    addFunction(m, "log10", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "log10", a, 1, 1);
        return Value::real(logOf(in, a.args[0], std::log10));
    });
    addFunction(m, "pow", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "pow", a, 2, 2);
        const double x = real(in, a.args[0]), y = real(in, a.args[1]);
        if (x == 0 && y < 0 && std::isfinite(y))
            domainError(in);
        const double r = std::pow(x, y);
        if (std::isfinite(x) && std::isfinite(y)) {
            if (std::isnan(r))
                domainError(in);
            if (std::isinf(r))
                in.raise(exc::overflowError(), "math range error");
        }
        return Value::real(r);
    });
    binary(m, "fmod", std::fmod);
    binary(m, "remainder", std::remainder);
    addFunction(m, "modf", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "modf", a, 1, 1);
        double whole = 0;
        const double x = real(in, a.args[0]);
        if (std::isinf(x))
            return tuple({Value::real(std::copysign(0.0, x)), Value::real(x)});
        const double frac = std::modf(x, &whole);
        return tuple({Value::real(frac), Value::real(whole)});
    });
    addFunction(m, "frexp", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "frexp", a, 1, 1);
        int e = 0;
        const double mantissa = std::frexp(real(in, a.args[0]), &e);
        return tuple({Value::real(mantissa), Value::integer(e)});
    });
    addFunction(m, "ldexp", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "ldexp", a, 2, 2);
        const double x = real(in, a.args[0]);
        const std::int64_t e = integer(in, a.args[1]);
        const double r = std::ldexp(x, int(std::clamp<std::int64_t>(e, -100000, 100000)));
        if (std::isinf(r) && std::isfinite(x))
            in.raise(exc::overflowError(), "math range error");
        return Value::real(r);
    });
    addFunction(m, "dist", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "dist", a, 2, 2);
        auto p = in.toVector(a.args[0]), q = in.toVector(a.args[1]);
        if (p.size() != q.size())
            in.raise(exc::valueError(), "both points must have the same number of dimensions");
        double r = 0;
        for (std::size_t i = 0; i < p.size(); ++i)
            r = std::hypot(r, real(in, p[i]) - real(in, q[i]));
        return Value::real(r);
    });
    addFunction(m, "atan2", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "atan2", a, 2, 2);
        return Value::real(std::atan2(real(in, a.args[0]), real(in, a.args[1])));
    });
    addFunction(m, "copysign", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "copysign", a, 2, 2);
        return Value::real(std::copysign(real(in, a.args[0]), real(in, a.args[1])));
    });
    addFunction(m, "hypot", [](Interpreter &in, const Value &, Args &a) {
        double r = 0;
        for (const Value &v : a.args)
            r = std::hypot(r, real(in, v));
        return Value::real(r);
    });
    addFunction(m, "degrees", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "degrees", a, 1, 1);
        return Value::real(real(in, a.args[0]) * (180.0 / M_PI));
    });
    addFunction(m, "radians", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "radians", a, 1, 1);
        return Value::real(real(in, a.args[0]) * (M_PI / 180.0));
    });
    addFunction(m, "isfinite", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "isfinite", a, 1, 1);
        return Value::boolean(std::isfinite(real(in, a.args[0])));
    });
    addFunction(m, "isinf", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "isinf", a, 1, 1);
        return Value::boolean(std::isinf(real(in, a.args[0])));
    });
    addFunction(m, "isnan", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "isnan", a, 1, 1);
        return Value::boolean(std::isnan(real(in, a.args[0])));
    });
    addFunction(m, "isclose", [](Interpreter &in, const Value &, Args &a) {
        Value relTol = Value::real(1e-09), absTol = Value::real(0.0);
        a.takeKeyword("rel_tol", relTol);
        a.takeKeyword("abs_tol", absTol);
        args::expect(in, "isclose", a, 2, 2);
        const double x = real(in, a.args[0]), y = real(in, a.args[1]);
        const double rel = real(in, relTol), abs = real(in, absTol);
        if (rel < 0.0 || abs < 0.0)
            in.raise(exc::valueError(), "tolerances must be non-negative");
        if (x == y)
            return Value::boolean(true);
        if (std::isinf(x) || std::isinf(y))
            return Value::boolean(false);
        const double diff = std::fabs(y - x);
        return Value::boolean((diff <= std::fabs(rel * y)) || (diff <= std::fabs(rel * x)) || (diff <= abs));
    });
    addFunction(m, "gcd", [](Interpreter &in, const Value &, Args &a) {
        std::int64_t g = 0;
        for (const Value &v : a.args)
            g = std::gcd(g, integer(in, v));
        return Value::integer(g);
    });
    addFunction(m, "lcm", [](Interpreter &in, const Value &, Args &a) {
        std::int64_t l = 1;
        for (const Value &v : a.args) {
            std::int64_t x = integer(in, v);
            if (x == 0 || l == 0) {
                l = 0;
                continue;
            }
            l = mulChecked(in, l / std::gcd(l, x), x < 0 ? -x : x);
        }
        return Value::integer(l);
    });
    addFunction(m, "factorial", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "factorial", a, 1, 1);
        const std::int64_t n = integer(in, a.args[0]);
        if (n < 0)
            in.raise(exc::valueError(), "factorial() not defined for negative values");
        return Value::integer(permutations(in, n, n));
    });
    addFunction(m, "perm", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "perm", a, 1, 2);
        const std::int64_t n = integer(in, a.args[0]);
        const std::int64_t k = a.args.size() < 2 || a.args[1].isNone() ? n : integer(in, a.args[1]);
        checkNonNegative(in, n, k);
        return Value::integer(k > n ? 0 : permutations(in, n, k));
    });
    addFunction(m, "comb", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "comb", a, 2, 2);
        const std::int64_t n = integer(in, a.args[0]), k = integer(in, a.args[1]);
        checkNonNegative(in, n, k);
        return Value::integer(k > n ? 0 : combinations(in, n, k));
    });
    addFunction(m, "prod", [](Interpreter &in, const Value &, Args &a) {
        Value result = Value::integer(1);
        a.takeKeyword("start", result);
        args::expect(in, "prod", a, 1, 1);
        Value it = in.iter(a.args[0]);
        Value v;
        while (in.next(it, v))
            result = in.binary(BinaryOp::Mul, result, v);
        return result;
    });
    addFunction(m, "fsum", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "fsum", a, 1, 1);
        return fsum(in, a.args[0]);
    });
    addFunction(m, "isqrt", [](Interpreter &in, const Value &, Args &a) {
        args::expect(in, "isqrt", a, 1, 1);
        const std::int64_t n = integer(in, a.args[0]);
        if (n < 0)
            in.raise(exc::valueError(), "isqrt() argument must be nonnegative");
        auto r = std::int64_t(std::sqrt(double(n)));
        while (__int128(r) * r > n)
            --r;
        while (__int128(r + 1) * (r + 1) <= n)
            ++r;
        return Value::integer(r);
    });
}

} // namespace

Ref<ModuleObject> makeMathModule(Interpreter &)
{
    auto mod = make<ModuleObject>("math");
    auto constant = [&](const char *name, double v) { mod->dict->set(str(name), Value::real(v)); };
    constant("pi", M_PI);
    constant("e", M_E);
    constant("tau", 2 * M_PI);
    constant("inf", INFINITY);
    constant("nan", NAN);
    installFunctions(*mod);
    return mod;
}

} // namespace loopscope::script
