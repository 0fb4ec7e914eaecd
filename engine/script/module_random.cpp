// random: CPython's Mersenne Twister (Modules/_randommodule.c) and the algorithms of Lib/random.py,
// bit for bit. An unseeded generator starts as after random.seed(0), so every run draws the same
// numbers (the conformance harness seeds CPython the same way).
#include "script/stdlib.h"

#include "engine.h"

#include <QCryptographicHash>

#include <array>
#include <cmath>
#include <unordered_set>

namespace loopscope::script {

namespace {

class MersenneTwister {
public:
    void seedWords(const std::vector<std::uint32_t> &key)
    {
        initGenrand(19650218U);
        std::size_t i = 1, j = 0;
        for (std::size_t k = std::max(kN, key.size()); k; --k) {
            m_state[i]
                = (m_state[i] ^ ((m_state[i - 1] ^ (m_state[i - 1] >> 30)) * 1664525U)) + key[j] + std::uint32_t(j);
            ++i;
            ++j;
            if (i >= kN) {
                m_state[0] = m_state[kN - 1];
                i = 1;
            }
            if (j >= key.size())
                j = 0;
        }
        for (std::size_t k = kN - 1; k; --k) {
            m_state[i] = (m_state[i] ^ ((m_state[i - 1] ^ (m_state[i - 1] >> 30)) * 1566083941U)) - std::uint32_t(i);
            ++i;
            if (i >= kN) {
                m_state[0] = m_state[kN - 1];
                i = 1;
            }
        }
        m_state[0] = 0x80000000U;
    }

    std::uint32_t next()
    {
        static constexpr std::uint32_t mag01[2] = {0x0U, 0x9908b0dfU};
        if (m_index >= kN) {
            std::size_t kk = 0;
            for (; kk < kN - kM; ++kk) {
                std::uint32_t y = (m_state[kk] & 0x80000000U) | (m_state[kk + 1] & 0x7fffffffU);
                m_state[kk] = m_state[kk + kM] ^ (y >> 1) ^ mag01[y & 0x1U];
            }
            for (; kk < kN - 1; ++kk) {
                std::uint32_t y = (m_state[kk] & 0x80000000U) | (m_state[kk + 1] & 0x7fffffffU);
                m_state[kk] = m_state[kk + kM - kN] ^ (y >> 1) ^ mag01[y & 0x1U];
            }
            std::uint32_t y = (m_state[kN - 1] & 0x80000000U) | (m_state[0] & 0x7fffffffU);
            m_state[kN - 1] = m_state[kM - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
            m_index = 0;
        }
        std::uint32_t y = m_state[m_index++];
        y ^= (y >> 11);
        y ^= (y << 7) & 0x9d2c5680U;
        y ^= (y << 15) & 0xefc60000U;
        y ^= (y >> 18);
        return y;
    }

    // random_random: 53 bits from two draws.
    double random()
    {
        std::uint32_t a = next() >> 5, b = next() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    // getrandbits(k) for k <= 64: 32-bit words, least significant first; the last one shifted.
    std::uint64_t bits(int k)
    {
        if (k <= 32)
            return k == 0 ? 0 : next() >> (32 - k);
        std::uint64_t low = next();
        std::uint64_t high = next() >> (64 - k);
        return low | (high << 32);
    }

    // _randbelow_with_getrandbits
    std::uint64_t below(std::uint64_t n)
    {
        int k = 64 - __builtin_clzll(n);
        std::uint64_t r = bits(k);
        while (r >= n)
            r = bits(k);
        return r;
    }

    // getstate()/setstate(): the 624 words and the position, as CPython's tuple of 625 ints.
    std::vector<Value> state() const
    {
        std::vector<Value> out;
        for (std::uint32_t w : m_state)
            out.push_back(Value::integer(w));
        out.push_back(Value::integer(std::int64_t(m_index)));
        return out;
    }
    bool setState(const std::vector<Value> &words)
    {
        if (words.size() != kN + 1)
            return false;
        for (std::size_t i = 0; i < kN; ++i) {
            if (!words[i].isIntLike() || words[i].asInt() < 0 || words[i].asInt() > 0xffffffffLL)
                return false;
            m_state[i] = std::uint32_t(words[i].asInt());
        }
        if (!words[kN].isIntLike() || words[kN].asInt() < 0 || words[kN].asInt() > std::int64_t(kN))
            return false;
        m_index = std::size_t(words[kN].asInt());
        return true;
    }

private:
    static constexpr std::size_t kN = 624;
    static constexpr std::size_t kM = 397;
    void initGenrand(std::uint32_t s)
    {
        m_state[0] = s;
        for (std::size_t i = 1; i < kN; ++i)
            m_state[i] = 1812433253U * (m_state[i - 1] ^ (m_state[i - 1] >> 30)) + std::uint32_t(i);
        m_index = kN;
    }
    std::array<std::uint32_t, kN> m_state {};
    std::size_t m_index = kN;
};

ClassObject *randomClass();

// A random.Random instance: the generator plus gauss()'s spare value.
class RandomObject : public Object {
public:
    RandomObject()
        : Object(ObjKind::Other)
    {
        seedInt(0);
    }
    ClassObject *cls() const override { return randomClass(); }

    void seedInt(std::uint64_t magnitude)
    {
        std::vector<std::uint32_t> key {std::uint32_t(magnitude)};
        if (magnitude >> 32)
            key.push_back(std::uint32_t(magnitude >> 32));
        mt.seedWords(key);
        gaussNext.reset();
    }
    // Version 2 str seeds: the int of the UTF-8 bytes followed by their SHA-512, big-endian.
    void seedStr(const std::string &s)
    {
        QByteArray bytes = QByteArray::fromStdString(s);
        bytes += QCryptographicHash::hash(bytes, QCryptographicHash::Sha512);
        std::vector<std::uint32_t> key;
        for (qsizetype end = bytes.size(); end > 0; end -= 4) {
            std::uint32_t w = 0;
            for (qsizetype b = std::max<qsizetype>(0, end - 4); b < end; ++b)
                w = (w << 8) | static_cast<unsigned char>(bytes[b]);
            key.push_back(w);
        }
        while (key.size() > 1 && key.back() == 0)
            key.pop_back();
        mt.seedWords(key);
        gaussNext.reset();
    }

    MersenneTwister mt;
    std::optional<double> gaussNext;
};

using Args = CallArgs;

RandomObject &state(const Value &self)
{
    return *self.as<RandomObject>();
}

std::int64_t toIndex(Interpreter &in, const Value &v)
{
    if (!v.isIntLike())
        in.raise(exc::typeError(), "'" + in.typeName(v) + "' object cannot be interpreted as an integer");
    return v.asInt();
}

void seed(Interpreter &in, RandomObject &r, const Value &a)
{
    if (a.isNone())
        r.seedInt(0); // Loopscope is deterministic: no OS entropy
    else if (a.isIntLike())
        r.seedInt(a.asInt() < 0 ? std::uint64_t(0) - std::uint64_t(a.asInt()) : std::uint64_t(a.asInt()));
    else if (a.is(ObjKind::Str))
        r.seedStr(a.as<StrObject>()->value);
    else if (a.isFloat())
        r.seedInt(std::uint64_t(pyHash(a))); // the hash as size_t, not its absolute value
    else
        in.raise(exc::typeError(), "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
}

// randrange's integer arguments: 3.11 still takes integral floats ("non-integer arg 1" otherwise).
std::int64_t rangeArg(Interpreter &in, const Value &v, const char *what)
{
    if (v.isFloat() && in.engine().profile() == Profile::Py311) {
        const double d = v.asFloat();
        if (d != std::floor(d) || !std::isfinite(d))
            in.raise(exc::valueError(), std::string("non-integer ") + what + " for randrange()");
        return std::int64_t(d);
    }
    return toIndex(in, v);
}

Value randrange(Interpreter &in, RandomObject &r, Args &a)
{
    const bool py311 = in.engine().profile() == Profile::Py311;
    Value step = Value::integer(1), stopArg;
    a.takeKeyword("step", step);
    a.takeKeyword("stop", stopArg);
    args::expect(in, "randrange", a, 1, 3);
    const std::int64_t start = rangeArg(in, a.args[0], "arg 1");
    if (a.args.size() >= 2)
        stopArg = a.args[1];
    const bool explicitStep = a.args.size() == 3;
    if (explicitStep)
        step = a.args[2];
    if (stopArg.isNone()) {
        if (explicitStep)
            in.raise(exc::typeError(), "Missing a non-None stop argument");
        if (start > 0)
            return Value::integer(std::int64_t(r.mt.below(std::uint64_t(start))));
        in.raise(exc::valueError(), "empty range for randrange()");
    }
    const std::int64_t stop = rangeArg(in, stopArg, "stop");
    const std::int64_t istep = rangeArg(in, step, "step");
    const __int128 width = __int128(stop) - start;
    if (istep == 1) {
        if (width > 0)
            return Value::integer(std::int64_t(start + __int128(r.mt.below(std::uint64_t(width)))));
        if (py311)
            in.raise(exc::valueError(),
                "empty range for randrange() (" + std::to_string(start) + ", " + std::to_string(stop) + ", "
                    + std::to_string(std::int64_t(width)) + ")");
        in.raise(exc::valueError(), "empty range in randrange(" + in.repr(a.args[0]) + ", " + in.repr(stopArg) + ")");
    }
    __int128 n = 0;
    if (istep > 0)
        n = (width + istep - 1) / istep - ((width + istep - 1) % istep < 0 ? 1 : 0);
    else if (istep < 0)
        n = (width + istep + 1) / istep - ((width + istep + 1) % istep > 0 ? 1 : 0);
    else
        in.raise(exc::valueError(), "zero step for randrange()");
    if (n <= 0 && py311)
        in.raise(exc::valueError(), "empty range for randrange()");
    if (n <= 0)
        in.raise(exc::valueError(),
            "empty range in randrange(" + in.repr(a.args[0]) + ", " + in.repr(stopArg) + ", " + in.repr(step) + ")");
    return Value::integer(std::int64_t(start + __int128(istep) * __int128(r.mt.below(std::uint64_t(n)))));
}

bool isSequence(const Value &v)
{
    return v.is(ObjKind::List) || v.is(ObjKind::Tuple) || v.is(ObjKind::Str) || v.is(ObjKind::Range);
}

Value choices(Interpreter &in, RandomObject &r, Args &a)
{
    Value weights, cumWeights, kArg = Value::integer(1);
    a.takeKeyword("weights", weights);
    a.takeKeyword("cum_weights", cumWeights);
    a.takeKeyword("k", kArg);
    args::expect(in, "choices", a, 1, 2);
    const Value population = a.args[0];
    if (a.args.size() == 2)
        weights = a.args[1];
    const std::int64_t n = in.length(population);
    const std::int64_t k = toIndex(in, kArg);
    std::vector<Value> out;
    if (cumWeights.isNone()) {
        if (weights.isNone()) {
            for (std::int64_t i = 0; i < k; ++i)
                out.push_back(
                    in.getItem(population, Value::integer(std::int64_t(std::floor(r.mt.random() * double(n))))));
            return list(std::move(out));
        }
        if (weights.isIntLike())
            in.raise(exc::typeError(),
                "The number of choices must be a keyword argument: k=" + std::to_string(weights.asInt()));
        std::vector<Value> cum;
        Value total;
        for (const Value &w : in.toVector(weights)) {
            total = cum.empty() ? w : in.binary(BinaryOp::Add, total, w);
            cum.push_back(total);
        }
        cumWeights = list(std::move(cum));
    } else if (!weights.isNone()) {
        in.raise(exc::typeError(), "Cannot specify both weights and cumulative weights");
    }
    auto cum = in.toVector(cumWeights);
    if (std::int64_t(cum.size()) != n)
        in.raise(exc::valueError(), "The number of weights does not match the population");
    const double total = args::toFloat(in, cum.back(), "weight") + 0.0;
    if (total <= 0.0)
        in.raise(exc::valueError(), "Total of weights must be greater than zero");
    if (!std::isfinite(total))
        in.raise(exc::valueError(), "Total of weights must be finite");
    for (std::int64_t i = 0; i < k; ++i) {
        const Value x = Value::real(r.mt.random() * total);
        // bisect_right(cum, x, 0, n - 1)
        std::size_t lo = 0, hi = std::size_t(n - 1);
        while (lo < hi) {
            std::size_t mid = (lo + hi) / 2;
            if (in.lessThan(x, cum[mid]))
                hi = mid;
            else
                lo = mid + 1;
        }
        out.push_back(in.getItem(population, Value::integer(std::int64_t(lo))));
    }
    return list(std::move(out));
}

Value sample(Interpreter &in, RandomObject &r, Args &a)
{
    Value kArg, counts;
    a.takeKeyword("k", kArg);
    a.takeKeyword("counts", counts);
    args::expect(in, "sample", a, 1, 2);
    if (a.args.size() == 2)
        kArg = a.args[1];
    if (kArg.isNone())
        in.raise(exc::typeError(), "Random.sample() missing 1 required positional argument: 'k'");
    Value population = a.args[0];
    if (!isSequence(population))
        in.raise(exc::typeError(), "Population must be a sequence.  For dicts or sets, use sorted(d).");
    if (!counts.isNone()) {
        // Expand the population by its counts, as random.py does through a cumulative bisect.
        std::vector<Value> expanded;
        auto items = in.toVector(population);
        auto cs = in.toVector(counts);
        if (cs.size() != items.size())
            in.raise(exc::valueError(), "The number of counts does not match the population");
        for (std::size_t i = 0; i < items.size(); ++i)
            for (std::int64_t c = toIndex(in, cs[i]); c > 0; --c)
                expanded.push_back(items[i]);
        population = list(std::move(expanded));
    }
    const std::int64_t n = in.length(population);
    const std::int64_t k = toIndex(in, kArg);
    if (k < 0 || k > n)
        in.raise(exc::valueError(), "Sample larger than population or is negative");
    std::vector<Value> result(static_cast<std::size_t>(k));
    std::int64_t setsize = 21;
    if (k > 5)
        setsize += std::int64_t(std::pow(4.0, std::ceil(std::log(double(k * 3)) / std::log(4.0))));
    if (n <= setsize) {
        auto pool = in.toVector(population);
        for (std::int64_t i = 0; i < k; ++i) {
            auto j = std::size_t(r.mt.below(std::uint64_t(n - i)));
            result[std::size_t(i)] = pool[j];
            pool[j] = pool[std::size_t(n - i - 1)];
        }
    } else {
        std::unordered_set<std::uint64_t> selected;
        for (std::int64_t i = 0; i < k; ++i) {
            auto j = r.mt.below(std::uint64_t(n));
            while (selected.count(j))
                j = r.mt.below(std::uint64_t(n));
            selected.insert(j);
            result[std::size_t(i)] = in.getItem(population, Value::integer(std::int64_t(j)));
        }
    }
    return list(std::move(result));
}

double gauss(RandomObject &r, double mu, double sigma)
{
    double z;
    if (r.gaussNext) {
        z = *r.gaussNext;
        r.gaussNext.reset();
    } else {
        const double x2pi = r.mt.random() * 2.0 * M_PI;
        const double g2rad = std::sqrt(-2.0 * std::log(1.0 - r.mt.random()));
        z = std::cos(x2pi) * g2rad;
        r.gaussNext = std::sin(x2pi) * g2rad;
    }
    return mu + z * sigma;
}

double floatArg(Interpreter &in, const Args &a, std::size_t i, double dflt)
{
    return i < a.args.size() ? args::toFloat(in, a.args[i], "argument") : dflt;
}

// The methods of Random, shared by the module-level functions (bound to one hidden instance).
void installMethods(ClassObject *c)
{
    auto m = [c](const char *name, std::function<Value(Interpreter &, RandomObject &, Args &)> body) {
        c->addMethod(name, [body](Interpreter &in, const Value &self, Args &a) { return body(in, state(self), a); });
    };
    m("seed", [](Interpreter &in, RandomObject &r, Args &a) {
        Value v;
        a.takeKeyword("a", v);
        Value version;
        a.takeKeyword("version", version);
        args::expect(in, "seed", a, 0, 2);
        if (!a.args.empty())
            v = a.args[0];
        seed(in, r, v);
        return Value();
    });
    m("getstate", [](Interpreter &in, RandomObject &r, Args &a) {
        args::expect(in, "getstate", a, 0, 0);
        return tuple({Value::integer(3), tuple(r.mt.state()), r.gaussNext ? Value::real(*r.gaussNext) : Value()});
    });
    m("setstate", [](Interpreter &in, RandomObject &r, Args &a) {
        args::expect(in, "setstate", a, 1, 1);
        auto parts = a.args[0].is(ObjKind::Tuple) ? a.args[0].as<TupleObject>()->items : std::vector<Value> {};
        if (parts.size() != 3 || !parts[0].isIntLike() || parts[0].asInt() != 3)
            in.raise(exc::valueError(),
                "state with version " + (parts.empty() ? std::string("?") : in.repr(parts[0]))
                    + " passed to Random.setstate() of version 3");
        if (!parts[1].is(ObjKind::Tuple) || !r.mt.setState(parts[1].as<TupleObject>()->items))
            in.raise(exc::valueError(), "invalid state");
        r.gaussNext.reset();
        if (!parts[2].isNone())
            r.gaussNext = args::toFloat(in, parts[2], "gauss_next");
        return Value();
    });
    m("random", [](Interpreter &in, RandomObject &r, Args &a) {
        args::expect(in, "random", a, 0, 0);
        return Value::real(r.mt.random());
    });
    m("getrandbits", [](Interpreter &in, RandomObject &r, Args &a) {
        args::expect(in, "getrandbits", a, 1, 1);
        std::int64_t k = toIndex(in, a.args[0]);
        if (k < 0)
            in.raise(exc::valueError(), "number of bits must be non-negative");
        if (k > 64)
            in.raise(exc::overflowError(), "integer overflow: Loopscope integers are 64-bit");
        std::uint64_t bits = r.mt.bits(int(k));
        if (bits > std::uint64_t(INT64_MAX))
            in.raise(exc::overflowError(), "integer overflow: Loopscope integers are 64-bit");
        return Value::integer(std::int64_t(bits));
    });
    m("uniform", [](Interpreter &in, RandomObject &r, Args &a) {
        args::expect(in, "uniform", a, 2, 2);
        double lo = floatArg(in, a, 0, 0), hi = floatArg(in, a, 1, 0);
        return Value::real(lo + (hi - lo) * r.mt.random());
    });
    m("triangular", [](Interpreter &in, RandomObject &r, Args &a) {
        args::expect(in, "triangular", a, 0, 3);
        double low = floatArg(in, a, 0, 0.0), high = floatArg(in, a, 1, 1.0);
        double u = r.mt.random();
        if (high == low && (a.args.size() < 3 || !a.args[2].isNone()))
            return Value::real(low);
        double c = a.args.size() < 3 || a.args[2].isNone() ? 0.5 : (floatArg(in, a, 2, 0) - low) / (high - low);
        if (u > c) {
            u = 1.0 - u;
            c = 1.0 - c;
            std::swap(low, high);
        }
        return Value::real(low + (high - low) * std::sqrt(u * c));
    });
    m("randint", [](Interpreter &in, RandomObject &r, Args &a) {
        args::expect(in, "randint", a, 2, 2);
        std::int64_t b = toIndex(in, a.args[1]);
        if (b == INT64_MAX) { // b + 1 is past int64: randrange's fast path by hand
            const std::int64_t lo = toIndex(in, a.args[0]);
            if (lo == INT64_MIN)
                in.raise(exc::overflowError(), "integer overflow: Loopscope integers are 64-bit");
            const auto width = std::uint64_t(__int128(b) - lo + 1);
            return Value::integer(std::int64_t(__int128(lo) + r.mt.below(width)));
        }
        Args range;
        range.args = {a.args[0], Value::integer(b + 1)};
        return randrange(in, r, range);
    });
    m("randrange", randrange);
    m("choice", [](Interpreter &in, RandomObject &r, Args &a) {
        args::expect(in, "choice", a, 1, 1);
        std::int64_t n = in.length(a.args[0]);
        if (n == 0)
            in.raise(exc::indexError(), "Cannot choose from an empty sequence");
        return in.getItem(a.args[0], Value::integer(std::int64_t(r.mt.below(std::uint64_t(n)))));
    });
    m("choices", choices);
    m("shuffle", [](Interpreter &in, RandomObject &r, Args &a) {
        args::expect(in, "shuffle", a, 1, 1);
        const Value &x = a.args[0];
        for (std::int64_t i = in.length(x) - 1; i > 0; --i) {
            Value j = Value::integer(std::int64_t(r.mt.below(std::uint64_t(i + 1))));
            Value vi = in.getItem(x, Value::integer(i)), vj = in.getItem(x, j);
            in.setItem(x, Value::integer(i), vj);
            in.setItem(x, j, vi);
        }
        return Value();
    });
    m("sample", sample);
    m("gauss", [](Interpreter &in, RandomObject &r, Args &a) {
        Value mu = Value::real(0.0), sigma = Value::real(1.0);
        a.takeKeyword("mu", mu);
        a.takeKeyword("sigma", sigma);
        args::expect(in, "gauss", a, 0, 2);
        if (!a.args.empty())
            mu = a.args[0];
        if (a.args.size() > 1)
            sigma = a.args[1];
        return Value::real(gauss(r, args::toFloat(in, mu, "mu"), args::toFloat(in, sigma, "sigma")));
    });
    m("normalvariate", [](Interpreter &in, RandomObject &r, Args &a) {
        args::expect(in, "normalvariate", a, 0, 2);
        const double mu = floatArg(in, a, 0, 0.0), sigma = floatArg(in, a, 1, 1.0);
        const double magic = 4 * std::exp(-0.5) / std::sqrt(2.0);
        double z;
        for (;;) {
            double u1 = r.mt.random();
            double u2 = 1.0 - r.mt.random();
            z = magic * (u1 - 0.5) / u2;
            if (z * z / 4.0 <= -std::log(u2))
                break;
        }
        return Value::real(mu + z * sigma);
    });
    m("expovariate", [](Interpreter &in, RandomObject &r, Args &a) {
        args::expect(in, "expovariate", a, 0, 1);
        const double lambd = floatArg(in, a, 0, 1.0);
        if (lambd == 0)
            in.raise(exc::zeroDivisionError(), "float division by zero");
        return Value::real(-std::log(1.0 - r.mt.random()) / lambd);
    });
}

ClassObject *randomClass()
{
    static ClassObject *cls = [] {
        Heap *saved = Heap::current();
        Heap::setCurrent(nullptr);
        auto *c = new ClassObject("Random", Ref<ClassObject>(types::object()));
        ++c->m_refCount;
        Heap::setCurrent(saved);
        installMethods(c);
        c->construct = [](Interpreter &in, const Value &, Args &a) -> Value {
            args::expect(in, "Random", a, 0, 1);
            auto r = make<RandomObject>();
            seed(in, *r, a.args.empty() ? Value() : a.args[0]);
            return Value(r);
        };
        return c;
    }();
    return cls;
}

} // namespace

ClassObject *newBuiltinClass(const char *name, ClassObject *base, const char *module)
{
    Heap *saved = Heap::current();
    Heap::setCurrent(nullptr);
    auto *c = new ClassObject(name, Ref<ClassObject>(base));
    ++c->m_refCount;
    Heap::setCurrent(saved);
    c->module = module;
    c->isException = base && base->isException;
    return c;
}

void addFunction(ModuleObject &mod, const std::string &name, NativeFunction fn)
{
    mod.dict->set(str(name), Value(make<NativeObject>(mod.name + "." + name, std::move(fn))));
}

Ref<ModuleObject> makeRandomModule(Interpreter &)
{
    auto mod = make<ModuleObject>("random");
    auto instance = make<RandomObject>();
    ClassObject *cls = randomClass();
    for (auto &e : cls->dict->entries()) {
        if (!e.live || !e.value.is(ObjKind::Native))
            continue;
        const auto &name = e.key.as<StrObject>()->value;
        mod->dict->set(
            e.key, Value(make<NativeObject>("random." + name, e.value.as<NativeObject>()->fn, Value(instance))));
    }
    mod->dict->set(str("Random"), Value(Ref<ClassObject>(cls)));
    return mod;
}

} // namespace loopscope::script
