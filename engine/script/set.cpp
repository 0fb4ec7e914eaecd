// CPython's hash functions and the set table of Objects/setobject.c, so that sets iterate (and
// print) in CPython's order. The harness runs CPython with PYTHONHASHSEED=0: str hashes are
// SipHash-1-3 with a zero key over the string's canonical (latin-1, UCS-2 or UCS-4) bytes.
#include "script/value.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace loopscope::script {

namespace {

constexpr std::uint64_t kModulus = (std::uint64_t(1) << 61) - 1; // _PyHASH_MODULUS
constexpr int kHashBits = 61;
constexpr std::int64_t kHashInf = 314159;
constexpr std::size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

std::uint64_t rotl(std::uint64_t x, int b)
{
    return (x << b) | (x >> (64 - b));
}

std::uint64_t siphash13(const unsigned char *in, std::size_t size)
{
    std::uint64_t b = std::uint64_t(size) << 56;
    std::uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL;
    std::uint64_t v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
    auto halfRound = [](std::uint64_t &a, std::uint64_t &b, std::uint64_t &c, std::uint64_t &d, int s, int t) {
        a += b;
        c += d;
        b = rotl(b, s) ^ a;
        d = rotl(d, t) ^ c;
        a = rotl(a, 32);
    };
    auto round = [&] {
        halfRound(v0, v1, v2, v3, 13, 16);
        halfRound(v2, v1, v0, v3, 17, 21);
    };
    auto load = [](const unsigned char *p, std::size_t n) {
        std::uint64_t m = 0;
        for (std::size_t i = 0; i < n; ++i)
            m |= std::uint64_t(p[i]) << (8 * i);
        return m;
    };
    for (; size >= 8; in += 8, size -= 8) {
        std::uint64_t m = load(in, 8);
        v3 ^= m;
        round();
        v0 ^= m;
    }
    b |= load(in, size);
    v3 ^= b;
    round();
    v0 ^= b;
    v2 ^= 0xff;
    round();
    round();
    round();
    return (v0 ^ v1) ^ (v2 ^ v3);
}

} // namespace

std::int64_t pyStrHash(std::string_view utf8)
{
    if (utf8.empty())
        return 0;
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
        auto h = std::int64_t(siphash13(reinterpret_cast<const unsigned char *>(utf8.data()), utf8.size()));
        return h == -1 ? -2 : h;
    }
    // Decode to code points and lay them out as CPython's compact representation does.
    std::vector<char32_t> cps;
    char32_t widest = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        auto c = static_cast<unsigned char>(utf8[i]);
        int len = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1f) : len == 3 ? (c & 0x0f) : (c & 0x07);
        for (int k = 1; k < len && i + std::size_t(k) < utf8.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + std::size_t(k)]) & 0x3f);
        cps.push_back(cp);
        widest = std::max(widest, cp);
        i += std::size_t(len);
    }
    const std::size_t width = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
    std::vector<unsigned char> bytes;
    bytes.reserve(cps.size() * width);
    for (char32_t cp : cps)
        for (std::size_t k = 0; k < width; ++k)
            bytes.push_back(static_cast<unsigned char>(cp >> (8 * k)));
    auto h = std::int64_t(siphash13(bytes.data(), bytes.size()));
    return h == -1 ? -2 : h;
}

namespace {

std::int64_t intHash(std::int64_t n)
{
    std::uint64_t m = n < 0 ? std::uint64_t(0) - std::uint64_t(n) : std::uint64_t(n);
    auto h = std::int64_t(m % kModulus);
    if (n < 0)
        h = -h;
    return h == -1 ? -2 : h;
}

// _Py_HashDouble for finite values and infinities (NaN hashes by identity in CPython; here 0).
std::int64_t floatHash(double v)
{
    if (std::isinf(v))
        return v > 0 ? kHashInf : -kHashInf;
    if (std::isnan(v))
        return 0;
    int e = 0;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    std::uint64_t x = 0;
    while (m != 0) {
        x = ((x << 28) & kModulus) | x >> (kHashBits - 28);
        m *= 268435456.0;
        e -= 28;
        auto y = std::uint64_t(m);
        m -= double(y);
        x += y;
        if (x >= kModulus)
            x -= kModulus;
    }
    e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
    x = ((x << e) & kModulus) | x >> (kHashBits - e);
    x = x * std::uint64_t(std::int64_t(sign));
    auto h = std::int64_t(x);
    return h == -1 ? -2 : h;
}

std::int64_t tupleHash(const std::vector<Value> &items)
{
    constexpr std::uint64_t prime1 = 11400714785074694791ULL;
    constexpr std::uint64_t prime2 = 14029467366897019727ULL;
    constexpr std::uint64_t prime5 = 2870177450012600261ULL;
    NestingDepth depth;
    std::uint64_t acc = prime5;
    for (const Value &item : items) {
        auto lane = std::uint64_t(pyHash(item));
        acc += lane * prime2;
        acc = rotl(acc, 31);
        acc *= prime1;
    }
    acc += items.size() ^ (prime5 ^ 3527539UL);
    return acc == std::uint64_t(-1) ? 1546275796 : std::int64_t(acc);
}

std::uint64_t shuffleBits(std::uint64_t h)
{
    return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL;
}

} // namespace

std::int64_t pyHash(const Value &v)
{
    switch (v.tag()) {
    case Value::Tag::None:
    case Value::Tag::Unbound: return 0xFCA86420; // constant since 3.12
    case Value::Tag::Bool:
    case Value::Tag::Int: return intHash(v.asInt());
    case Value::Tag::Float: {
        double d = v.asFloat();
        if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 9.2e18)
            return intHash(std::int64_t(d));
        return floatHash(d);
    }
    case Value::Tag::Obj: break;
    }
    Object *o = v.obj();
    switch (o->kind()) {
    case ObjKind::Str: return std::int64_t(v.as<StrObject>()->hash());
    case ObjKind::Tuple: return tupleHash(v.as<TupleObject>()->items);
    case ObjKind::Set: return v.as<SetObject>()->frozenHash();
    default: break;
    }
    std::int64_t h = 0;
    if (userHash(v, h))
        return h;
    if (std::int64_t fixed = 0; o->fixedHash(fixed))
        return fixed;
    // _Py_HashPointer of the object's stand-in address (see Interpreter::fakeAddress).
    if (!o->m_displayId) {
        if (Heap *heap = Heap::current())
            o->m_displayId = heap->nextDisplayId();
        else
            return std::int64_t(reinterpret_cast<std::uintptr_t>(o) >> 4);
    }
    return std::int64_t((0x7f0000001000ULL + 0x40ULL * o->m_displayId) >> 4);
}

std::size_t StrObject::hash() const
{
    if (!m_hashed) {
        m_hash = std::size_t(nameHash(value)); // pyStrHash, memoized for short strings
        m_hashed = true;
    }
    return m_hash;
}

// ---- the set table ----------------------------------------------------------------------------

SetObject::SetObject(bool isFrozen)
    : Object(ObjKind::Set)
    , frozen(isFrozen)
{
    track();
}

ClassObject *SetObject::cls() const
{
    return frozen ? types::frozensetType() : types::setType();
}

void SetObject::clearRefs()
{
    iterationKey = nullptr;
    std::vector<Entry> old(8);
    old.swap(m_table);
    m_fill = m_used = 0;
}

// set_lookkey: the slot holding `key`, or -1.
std::int64_t SetObject::lookup(const Value &key, std::int64_t hash) const
{
    const std::size_t mask = m_table.size() - 1;
    std::size_t i = std::size_t(hash) & mask;
    std::size_t perturb = std::size_t(hash);
    for (;;) {
        std::size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
        for (std::size_t j = i;; ++j) {
            const Entry &e = m_table[j];
            if (e.state == Entry::State::Empty)
                return -1;
            if (e.state == Entry::State::Active && e.hash == hash && keyEquals(e.key, key))
                return std::int64_t(j);
            if (probes-- == 0)
                break;
        }
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

bool SetObject::contains(const Value &key, std::int64_t hash) const
{
    return lookup(key, hash) >= 0;
}

// set_add_entry: a dummy met on the way is reused (the last one seen, as CPython does).
bool SetObject::add(const Value &key, std::int64_t hash)
{
    const std::size_t mask = m_table.size() - 1;
    std::size_t i = std::size_t(hash) & mask;
    std::size_t perturb = std::size_t(hash);
    Entry *freeslot = nullptr;
    Entry *entry = nullptr;
    for (;;) {
        std::size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
        bool found = false;
        for (std::size_t j = i;; ++j) {
            entry = &m_table[j];
            if (entry->state == Entry::State::Empty) {
                found = true;
                break;
            }
            if (entry->state == Entry::State::Active && entry->hash == hash && keyEquals(entry->key, key))
                return false;
            if (entry->state == Entry::State::Dummy)
                freeslot = entry;
            if (probes-- == 0)
                break;
        }
        if (found)
            break;
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
    checkContainerSize(m_used + 1);
    ++m_version;
    ++m_used;
    if (freeslot) {
        *freeslot = Entry {key, hash, Entry::State::Active};
        return true;
    }
    ++m_fill;
    *entry = Entry {key, hash, Entry::State::Active};
    if (m_fill * 5 >= mask * 3)
        resize(m_used > 50000 ? m_used * 2 : m_used * 4);
    return true;
}

bool SetObject::discard(const Value &key, std::int64_t hash)
{
    std::int64_t i = lookup(key, hash);
    if (i < 0)
        return false;
    m_table[std::size_t(i)] = Entry {Value(), -1, Entry::State::Dummy};
    --m_used;
    ++m_version;
    return true;
}

Value SetObject::pop()
{
    const std::size_t mask = m_table.size() - 1;
    std::size_t i = m_finger & mask;
    while (m_table[i].state != Entry::State::Active)
        i = (i + 1) & mask;
    Value key = std::move(m_table[i].key);
    m_table[i] = Entry {Value(), -1, Entry::State::Dummy};
    --m_used;
    ++m_version;
    m_finger = i + 1;
    return key;
}

void SetObject::clear()
{
    std::vector<Entry> old(8);
    old.swap(m_table);
    m_fill = m_used = 0;
    ++m_version;
}

void SetObject::insertClean(std::vector<Entry> &table, const Value &key, std::int64_t hash)
{
    const std::size_t mask = table.size() - 1;
    std::size_t perturb = std::size_t(hash);
    std::size_t i = std::size_t(hash) & mask;
    for (;;) {
        if (table[i].state == Entry::State::Empty)
            break;
        bool found = false;
        if (i + kLinearProbes <= mask) {
            for (std::size_t j = 1; j <= kLinearProbes; ++j)
                if (table[i + j].state == Entry::State::Empty) {
                    i += j;
                    found = true;
                    break;
                }
        }
        if (found)
            break;
        perturb >>= kPerturbShift;
        i = (i * 5 + 1 + perturb) & mask;
    }
    table[i] = Entry {key, hash, Entry::State::Active};
}

// set_table_resize: the smallest power of two above minUsed, at least 8; active entries are
// reinserted in slot order.
void SetObject::resize(std::size_t minUsed)
{
    std::size_t newSize = 8;
    while (newSize <= minUsed)
        newSize <<= 1;
    std::vector<Entry> old(newSize);
    old.swap(m_table);
    m_fill = m_used;
    for (Entry &e : old)
        if (e.state == Entry::State::Active)
            insertClean(m_table, e.key, e.hash);
    ++m_version;
}

void SetObject::merge(const SetObject &other)
{
    if (&other == this || other.m_used == 0)
        return;
    if ((m_fill + other.m_used) * 5 >= (m_table.size() - 1) * 3)
        resize((m_used + other.m_used) * 2);
    ++m_version;
    if (m_fill == 0 && m_table.size() == other.m_table.size() && other.m_fill == other.m_used) {
        m_table = other.m_table;
        m_fill = other.m_fill;
        m_used = other.m_used;
        return;
    }
    if (m_fill == 0) {
        m_fill = m_used = other.m_used;
        for (const Entry &e : other.m_table)
            if (e.state == Entry::State::Active)
                insertClean(m_table, e.key, e.hash);
        return;
    }
    for (const Entry &e : other.m_table)
        if (e.state == Entry::State::Active)
            add(e.key, e.hash);
}

void SetObject::mergeDictKeys(const DictObject &d)
{
    if ((m_fill + d.size()) * 5 >= (m_table.size() - 1) * 3)
        resize((m_used + d.size()) * 2);
    for (const auto &e : d.entries())
        if (e.live)
            add(e.key);
}

void SetObject::shrinkDummies()
{
    if (m_fill - m_used <= (m_table.size() - 1) / 4)
        return;
    resize(m_used > 50000 ? m_used * 2 : m_used * 4);
}

void SetObject::swapBodies(SetObject &other)
{
    std::swap(m_table, other.m_table);
    std::swap(m_fill, other.m_fill);
    std::swap(m_used, other.m_used);
    ++m_version;
    ++other.m_version;
}

std::int64_t SetObject::frozenHash() const
{
    std::uint64_t hash = 0;
    for (const Entry &e : m_table)
        if (e.state == Entry::State::Active)
            hash ^= shuffleBits(std::uint64_t(e.hash));
    hash ^= (std::uint64_t(m_used) + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == std::uint64_t(-1))
        hash = 590923713ULL;
    return std::int64_t(hash);
}

Ref<SetObject> makeSet(const std::vector<Value> &items, bool frozen)
{
    auto s = make<SetObject>(frozen);
    for (const Value &v : items)
        s->add(v);
    return s;
}

} // namespace loopscope::script
