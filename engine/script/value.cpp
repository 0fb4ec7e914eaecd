#include "script/value.h"

#include "script/interpreter.h"

#include "script/text.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace loopscope::script {

// ---- heap -------------------------------------------------------------------------------------

namespace {
thread_local Heap *t_currentHeap = nullptr;
}

namespace {
thread_local int t_destroyDepth = 0;
thread_local std::vector<Object *> *t_deferred = nullptr;
} // namespace

void destroyObject(Object *o)
{
    constexpr int kMaxDepth = 200;
    if (t_destroyDepth >= kMaxDepth) {
        if (!t_deferred)
            t_deferred = new std::vector<Object *>;
        t_deferred->push_back(o);
        return;
    }
    ++t_destroyDepth;
    delete o;
    --t_destroyDepth;
    if (t_destroyDepth == 0 && t_deferred) {
        // The outermost deletion drains the queue; each drained object may queue more.
        ++t_destroyDepth;
        while (!t_deferred->empty()) {
            Object *next = t_deferred->back();
            t_deferred->pop_back();
            delete next;
        }
        --t_destroyDepth;
        delete t_deferred;
        t_deferred = nullptr;
    }
}

namespace {
std::unordered_map<const Object *, SubclassData> &subclassTable()
{
    static std::unordered_map<const Object *, SubclassData> table;
    return table;
}
} // namespace

void checkContainerSize(std::size_t items)
{
    Heap *heap = Heap::current();
    if (heap && std::int64_t(items) > heap->maxItems && heap->owner) [[unlikely]]
        heap->owner->checkSize(std::int64_t(items));
}

SubclassData *subclassData(const Object *o)
{
    if (!o->m_subclassed)
        return nullptr;
    auto it = subclassTable().find(o);
    return it == subclassTable().end() ? nullptr : &it->second;
}

void makeSubclassInstance(Object *o, Ref<ClassObject> klass)
{
    o->m_subclassed = true;
    subclassTable()[o].klass = std::move(klass);
}

Object::~Object()
{
    if (m_heap)
        m_heap->remove(this);
    if (m_subclassed) {
        auto it = subclassTable().find(this);
        if (it != subclassTable().end()) {
            SubclassData gone = std::move(it->second); // released after the entry is gone
            subclassTable().erase(it);
        }
    }
}

void Object::track()
{
    if (Heap *heap = Heap::current())
        heap->add(this);
}

Heap::Heap() = default;

Heap::~Heap()
{
    clearAll();
    // Objects still alive are owned from outside (e.g. a value a test kept); detach them.
    while (m_head)
        remove(m_head);
    if (t_currentHeap == this)
        t_currentHeap = nullptr;
}

Heap *Heap::current()
{
    return t_currentHeap;
}
void Heap::setCurrent(Heap *heap)
{
    t_currentHeap = heap;
}

void Heap::add(Object *o)
{
    o->m_heap = this;
    o->m_next = m_head;
    if (m_head)
        m_head->m_prev = o;
    m_head = o;
    ++m_size;
}

void Heap::remove(Object *o)
{
    if (o->m_prev)
        o->m_prev->m_next = o->m_next;
    else
        m_head = o->m_next;
    if (o->m_next)
        o->m_next->m_prev = o->m_prev;
    o->m_prev = o->m_next = nullptr;
    o->m_heap = nullptr;
    --m_size;
}

void Heap::clearAll()
{
    // Clearing an object may free others (and unlink them), so hold each one while clearing it
    // and restart from the head until a full pass clears nothing new.
    bool again = true;
    while (again && m_head) {
        again = false;
        std::vector<Ref<Object>> all;
        all.reserve(m_size);
        for (Object *o = m_head; o; o = o->m_next)
            all.emplace_back(o);
        for (auto &o : all)
            o->clearRefs();
        std::size_t before = m_size;
        all.clear();
        again = m_size < before;
    }
}

bool Value::identical(const Value &o) const
{
    if (m_tag != o.m_tag)
        return false;
    switch (m_tag) {
    case Tag::None:
    case Tag::Unbound: return true;
    case Tag::Bool:
    case Tag::Int: return m_int == o.m_int;
    case Tag::Float: return std::memcmp(&m_float, &o.m_float, sizeof(double)) == 0;
    case Tag::Obj: return m_obj.get() == o.m_obj.get();
    }
    return false;
}

// ---- str --------------------------------------------------------------------------------------

std::size_t StrObject::length() const
{
    if (m_length < 0)
        m_length = std::int64_t(text::codepointCount(value));
    return std::size_t(m_length);
}

// ---- hashing ----------------------------------------------------------------------------------

// Tuples nest; hashing or comparing one nested deeper than any script needs is a RecursionError.
namespace {
thread_local int t_nesting = 0;
}
NestingDepth::NestingDepth()
{
    if (++t_nesting > 10000) {
        --t_nesting;
        auto e = make<InstanceObject>(Ref<ClassObject>(exc::recursionError()));
        e->exception = std::make_unique<ExceptionData>();
        e->exception->args.push_back(str("maximum recursion depth exceeded"));
        throw ScriptError {Value(e)};
    }
}
NestingDepth::~NestingDepth()
{
    --t_nesting;
}

InstanceKeyHooks instanceKeyHooks;

namespace {
Interpreter *keyInterpreter(const Value &v)
{
    if (!v.is(ObjKind::Instance) || v.as<InstanceObject>()->klass->builtin || !instanceKeyHooks.hash)
        return nullptr;
    Heap *heap = Heap::current();
    return heap ? heap->owner : nullptr;
}
} // namespace

bool userHash(const Value &v, std::int64_t &out)
{
    Interpreter *in = keyInterpreter(v);
    return in && instanceKeyHooks.hash(*in, v, out);
}

std::size_t hashValue(const Value &v)
{
    return std::size_t(pyHash(v));
}

bool isHashable(const Value &v)
{
    if (!v.isObj())
        return true;
    if (v.obj()->m_subclassed) [[unlikely]] { // a str subclass defining __eq__ alone
        const Value *h = typeOf(v)->lookup("__hash__");
        if (h && h->isNone())
            return false;
    }
    switch (v.obj()->kind()) {
    case ObjKind::List:
    case ObjKind::Dict: return false;
    case ObjKind::Set: return v.as<SetObject>()->frozen;
    case ObjKind::Tuple: {
        NestingDepth depth;
        for (const Value &item : v.as<TupleObject>()->items)
            if (!isHashable(item))
                return false;
        return true;
    }
    case ObjKind::Instance: {
        // A class that defines __eq__ without __hash__ gets __hash__ = None, as in CPython.
        const Value *h = v.as<InstanceObject>()->klass->lookup("__hash__");
        return !(h && h->isNone());
    }
    default: return true;
    }
}

bool keyEquals(const Value &a, const Value &b)
{
    if (a.isNumber() && b.isNumber()) {
        if (a.isFloat() || b.isFloat())
            return a.toDouble() == b.toDouble();
        return a.asInt() == b.asInt();
    }
    if (a.tag() != b.tag())
        return false;
    if (!a.isObj())
        return true; // both None
    if (a.obj() == b.obj())
        return true;
    if (Interpreter *in = keyInterpreter(a) ? keyInterpreter(a) : keyInterpreter(b))
        return instanceKeyHooks.equals(*in, a, b);
    if (a.obj()->kind() != b.obj()->kind())
        return false;
    switch (a.obj()->kind()) {
    case ObjKind::Str: return a.as<StrObject>()->value == b.as<StrObject>()->value;
    case ObjKind::Tuple: {
        NestingDepth depth;
        auto &x = a.as<TupleObject>()->items;
        auto &y = b.as<TupleObject>()->items;
        if (x.size() != y.size())
            return false;
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!keyEquals(x[i], y[i]))
                return false;
        return true;
    }
    case ObjKind::Set: {
        auto *x = a.as<SetObject>();
        auto *y = b.as<SetObject>();
        if (x->size() != y->size())
            return false;
        for (const auto &e : x->table())
            if (e.state == SetObject::Entry::State::Active && !y->contains(e.key, e.hash))
                return false;
        return true;
    }
    default: return false;
    }
}

// ---- dict -------------------------------------------------------------------------------------

// Every attribute access and global lookup hashes a name (SipHash, as CPython's str hash): a
// direct-mapped memo of recent names of up to 16 bytes answers most of them. Such a name is
// known from its length and its first and last 8 bytes (overlapping), which are compared.
std::int64_t nameHash(std::string_view name)
{
    const std::size_t n = name.size();
    if (n > 16 || n == 0)
        return pyStrHash(name);
    const char *p = name.data();
    std::uint64_t head = 0, tail = 0;
    if (n >= 8) {
        std::memcpy(&head, p, 8);
        std::memcpy(&tail, p + n - 8, 8);
    } else if (n >= 4) {
        std::uint32_t a, b;
        std::memcpy(&a, p, 4);
        std::memcpy(&b, p + n - 4, 4);
        head = a;
        tail = b;
    } else {
        head = std::uint64_t(std::uint8_t(p[0])) | std::uint64_t(std::uint8_t(p[n / 2])) << 8
            | std::uint64_t(std::uint8_t(p[n - 1])) << 16;
    }
    struct Slot { // zero-initialised: length 0 matches no name
        std::uint64_t head, tail, length;
        std::int64_t hash;
    };
    thread_local Slot memo[256];
    std::uint64_t mix = (head * 0x9E3779B97F4A7C15ull) ^ ((tail + n) * 0xC2B2AE3D27D4EB4Full);
    mix ^= mix >> 31;
    Slot &slot = memo[(mix * 0x94D049BB133111EBull) >> 56];
    if (slot.length == n && slot.head == head && slot.tail == tail)
        return slot.hash;
    slot = Slot {head, tail, n, pyStrHash(name)};
    return slot.hash;
}

// Starts at 1: a cache that was never filled (epoch 0) never matches.
std::uint64_t g_classEpoch = 1;

void DictObject::clearRefs()
{
    changed();
    m_entries.clear();
    m_table.clear();
    m_keyBits = 0;
    m_fill = 0;
    m_count = 0;
}

namespace {
// CPython's dict probe sequence (lookdict) over a table of `size` slots, a power of two.
struct Probe {
    Probe(std::size_t h, std::size_t size)
        : mask(size - 1)
        , slot(h & mask)
        , perturb(h)
    {
    }
    void next()
    {
        perturb >>= 5;
        slot = (slot * 5 + perturb + 1) & mask;
    }
    std::size_t mask, slot, perturb;
};
} // namespace

std::int64_t DictObject::lookup(const Value &key, std::size_t h) const
{
    if (m_table.empty())
        return mayHold(h) ? scan(key, h) : -1;
    for (Probe p(h, m_table.size());; p.next()) {
        const std::int32_t ix = m_table[p.slot];
        if (ix == kEmpty)
            return -1;
        if (ix < 0 || m_entries[std::size_t(ix)].hash != h)
            continue;
        // A user __eq__ may change this dict: it gets a reference of its own, and a changed
        // table means starting again, as CPython does.
        const Value candidate = m_entries[std::size_t(ix)].key;
        if (keyEquals(candidate, key))
            return ix;
        if (m_table.size() != p.mask + 1)
            return lookup(key, h);
    }
}

// The lookup of a small dict (no table): the live entries of hash h, in insertion order.
std::int64_t DictObject::scan(const Value &key, std::size_t h) const
{
    for (std::size_t i = 0; i < m_entries.size(); ++i) {
        if (m_entries[i].hash != h || !m_entries[i].live)
            continue;
        const Value candidate = m_entries[i].key; // a user __eq__ may change this dict
        if (keyEquals(candidate, key))
            return std::int64_t(i);
        // The entry gone or the dict grown a table: start again, as CPython does.
        if (!m_table.empty() || i >= m_entries.size() || !m_entries[i].key.identical(candidate))
            return lookup(key, h);
    }
    return -1;
}

const Value *DictObject::find(const Value &key) const
{
    std::int64_t i = lookup(key, hashValue(key));
    return i < 0 ? nullptr : &m_entries[std::size_t(i)].value;
}

Value *DictObject::find(const Value &key)
{
    std::int64_t i = lookup(key, hashValue(key));
    return i < 0 ? nullptr : &m_entries[std::size_t(i)].value;
}

std::int64_t DictObject::probeStr(std::string_view key, std::size_t h) const
{
    auto matches
        = [&](const Entry &e) { return e.hash == h && e.key.is(ObjKind::Str) && e.key.as<StrObject>()->value == key; };
    if (m_table.empty()) {
        for (std::size_t i = 0; i < m_entries.size(); ++i) // a removed entry's key is None
            if (matches(m_entries[i]))
                return std::int64_t(i);
        return -1;
    }
    for (Probe p(h, m_table.size());; p.next()) {
        const std::int32_t ix = m_table[p.slot];
        if (ix == kEmpty)
            return -1;
        if (ix >= 0 && matches(m_entries[std::size_t(ix)]))
            return ix;
    }
}

std::size_t DictObject::slotOf(std::size_t index, std::size_t h) const
{
    for (Probe p(h, m_table.size());; p.next())
        if (m_table[p.slot] == std::int32_t(index))
            return p.slot;
}

void DictObject::insertSlot(std::size_t index, std::size_t h)
{
    for (Probe p(h, m_table.size());; p.next())
        if (m_table[p.slot] == kEmpty) {
            m_table[p.slot] = std::int32_t(index);
            ++m_fill;
            return;
        }
}

// A fresh table for the live entries, at most half full; none for a small dict.
void DictObject::rebuildTable()
{
    if (m_entries.size() <= kSmallDict) {
        std::vector<std::int32_t>().swap(m_table);
        m_fill = 0;
        return;
    }
    std::size_t size = 8;
    while (size < 2 * (m_count + 1))
        size <<= 1;
    m_table.assign(size, kEmpty);
    m_fill = 0;
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].live)
            insertSlot(i, m_entries[i].hash);
}

void DictObject::set(const Value &key, Value value)
{
    std::size_t h = hashValue(key);
    std::int64_t i = lookup(key, h);
    changed();
    if (i >= 0) {
        m_entries[std::size_t(i)].value = std::move(value);
        return;
    }
    insertAbsent(key, h, std::move(value));
}

void DictObject::insertAbsent(const Value &key, std::size_t hash, Value value)
{
    changed();
    checkContainerSize(m_count + 1);
    if (m_entries.empty())
        m_entries.reserve(4); // most dicts (an instance's attributes) hold a few items
    m_entries.push_back(Entry {key, std::move(value), true, hash});
    m_keyBits |= std::uint64_t(1) << (hash & 63);
    ++m_count;
    ++m_version;
    if (m_table.empty() ? m_entries.size() > kSmallDict : 3 * (m_fill + 1) > 2 * m_table.size())
        rebuildTable(); // places the new entry too
    else if (!m_table.empty())
        insertSlot(m_entries.size() - 1, hash);
}

bool DictObject::remove(const Value &key)
{
    std::size_t h = hashValue(key);
    std::int64_t i = lookup(key, h);
    if (i < 0)
        return false;
    changed();
    Entry &e = m_entries[std::size_t(i)];
    if (!m_table.empty())
        m_table[slotOf(std::size_t(i), h)] = kDummy;
    e.live = false;
    // Released (key first) once the dict is consistent again.
    Value oldValue = std::move(e.value);
    Value oldKey = std::move(e.key);
    e.key = Value();
    e.value = Value();
    --m_count;
    ++m_version;
    if (m_entries.size() > 32 && m_count * 2 < m_entries.size())
        compact();
    return true;
}

void DictObject::compact()
{
    std::vector<Entry> live;
    live.reserve(m_count);
    for (auto &e : m_entries)
        if (e.live)
            live.push_back(std::move(e));
    m_entries = std::move(live);
    rebuildTable();
}

void DictObject::clear()
{
    clearRefs();
    ++m_version;
}

// ---- misc objects -----------------------------------------------------------------------------

std::int64_t RangeObject::length() const
{
    // In 128 bits, so the extremes of int64 don't overflow; a length past int64 saturates.
    __int128 n = 0;
    if (step > 0 && start < stop)
        n = (__int128(stop) - start - 1) / step + 1;
    else if (step < 0 && start > stop)
        n = (__int128(start) - stop - 1) / (-__int128(step)) + 1;
    return n > INT64_MAX ? INT64_MAX : std::int64_t(n);
}

bool CallArgs::takeKeyword(std::string_view name, Value &out)
{
    for (auto it = kwargs.begin(); it != kwargs.end(); ++it) {
        if (it->first == name) {
            out = std::move(it->second);
            kwargs.erase(it);
            return true;
        }
    }
    return false;
}

ClassObject::ClassObject(std::string n, Ref<ClassObject> b, bool builtinType)
    : Object(ObjKind::Class)
    , name(std::move(n))
    , base(std::move(b))
    , builtin(builtinType)
{
    // Builtin classes are process-wide: they must not be tracked by (and cleared with) a heap.
    if (!builtinType)
        track();
    Heap *saved = Heap::current();
    if (builtinType)
        Heap::setCurrent(nullptr);
    dict = make<DictObject>();
    dict->holdClassAttributes();
    ++g_classEpoch; // a new class may sit where a freed one was: no cache may take it for the old
    Heap::setCurrent(saved);
    if (base && base->isException)
        isException = true;
}

void ClassObject::clearRefs()
{
    if (builtin)
        return;
    base.reset();
    bases.clear();
    mro.clear();
    dict->clear();
}

bool ClassObject::isSubclassOf(const ClassObject *other) const
{
    if (!mro.empty())
        return std::find(mro.begin(), mro.end(), other) != mro.end()
            || std::any_of(mro.begin(), mro.end(),
                [other](const ClassObject *c) { return c->secondBase && c->secondBase->isSubclassOf(other); });
    for (const ClassObject *c = this; c; c = c->base.get())
        if (c == other || (c->secondBase && c->secondBase->isSubclassOf(other)))
            return true;
    return false;
}

const Value *ClassObject::lookup(std::string_view attr, std::int64_t hash) const
{
    if (!mro.empty()) {
        for (const ClassObject *c : mro)
            if (const Value *v = c->dict->findStr(attr, hash))
                return v;
        return nullptr;
    }
    for (const ClassObject *c = this; c; c = c->base.get())
        if (const Value *v = c->dict->findStr(attr, hash))
            return v;
    return nullptr;
}

void ClassObject::setAttr(const std::string &attr, Value v)
{
    dict->set(str(attr), std::move(v));
}

void ClassObject::addMethod(const std::string &method, NativeFunction fn)
{
    Heap *saved = Heap::current();
    if (builtin)
        Heap::setCurrent(nullptr);
    auto native = make<NativeObject>(name + "." + method, std::move(fn));
    native->owner = this;
    setAttr(method, Value(native));
    Heap::setCurrent(saved);
}

void InstanceObject::clearRefs()
{
    attrs.reset();
    if (exception) {
        exception->args.clear();
        exception->cause = Value();
        exception->context = Value();
    }
}

void ModuleObject::clearRefs()
{
    dict->clear();
}

// ---- builtin classes --------------------------------------------------------------------------

namespace types {
namespace {
ClassObject *builtinClass(const char *name, ClassObject *base = nullptr)
{
    // Intentionally immortal: builtin classes live for the whole process.
    auto *c = new ClassObject(name, Ref<ClassObject>(base ? base : nullptr));
    ++c->m_refCount;
    return c;
}
} // namespace

#define LOOPSCOPE_BUILTIN_TYPE(fn, pyname, basefn)                                                                     \
    ClassObject *fn()                                                                                                  \
    {                                                                                                                  \
        static ClassObject *c = builtinClass(pyname, basefn);                                                          \
        return c;                                                                                                      \
    }

ClassObject *object()
{
    static ClassObject *c = builtinClass("object");
    return c;
}
LOOPSCOPE_BUILTIN_TYPE(noneType, "NoneType", object())
LOOPSCOPE_BUILTIN_TYPE(intType, "int", object())
LOOPSCOPE_BUILTIN_TYPE(boolType, "bool", intType())
LOOPSCOPE_BUILTIN_TYPE(floatType, "float", object())
LOOPSCOPE_BUILTIN_TYPE(strType, "str", object())
LOOPSCOPE_BUILTIN_TYPE(listType, "list", object())
LOOPSCOPE_BUILTIN_TYPE(tupleType, "tuple", object())
LOOPSCOPE_BUILTIN_TYPE(dictType, "dict", object())
LOOPSCOPE_BUILTIN_TYPE(setType, "set", object())
LOOPSCOPE_BUILTIN_TYPE(frozensetType, "frozenset", object())
LOOPSCOPE_BUILTIN_TYPE(functionType, "function", object())
LOOPSCOPE_BUILTIN_TYPE(builtinFunctionType, "builtin_function_or_method", object())
LOOPSCOPE_BUILTIN_TYPE(methodType, "method", object())
LOOPSCOPE_BUILTIN_TYPE(typeType, "type", object())
LOOPSCOPE_BUILTIN_TYPE(moduleType, "module", object())
LOOPSCOPE_BUILTIN_TYPE(rangeType, "range", object())
LOOPSCOPE_BUILTIN_TYPE(sliceType, "slice", object())
LOOPSCOPE_BUILTIN_TYPE(cellType, "cell", object())
LOOPSCOPE_BUILTIN_TYPE(coroutineType, "coroutine", object())
LOOPSCOPE_BUILTIN_TYPE(iteratorType, "iterator", object())
LOOPSCOPE_BUILTIN_TYPE(handleType, "TimerHandle", object())
LOOPSCOPE_BUILTIN_TYPE(dictKeysType, "dict_keys", object())
LOOPSCOPE_BUILTIN_TYPE(dictValuesType, "dict_values", object())
LOOPSCOPE_BUILTIN_TYPE(dictItemsType, "dict_items", object())
#undef LOOPSCOPE_BUILTIN_TYPE

ClassObject *dictViewType(DictViewObject::Which which)
{
    switch (which) {
    case DictViewObject::Which::Keys: return dictKeysType();
    case DictViewObject::Which::Values: return dictValuesType();
    default: return dictItemsType();
    }
}
} // namespace types

ClassObject *DictViewObject::cls() const
{
    return types::dictViewType(which);
}

Value DictViewObject::element(const DictObject::Entry &e) const
{
    switch (which) {
    case Which::Keys: return e.key;
    case Which::Values: return e.value;
    default: return tuple({e.key, e.value});
    }
}

ClassObject *StrObject::cls() const
{
    return types::strType();
}
ClassObject *ListObject::cls() const
{
    return types::listType();
}
ClassObject *TupleObject::cls() const
{
    return types::tupleType();
}
ClassObject *DictObject::cls() const
{
    return types::dictType();
}
ClassObject *CellObject::cls() const
{
    return types::cellType();
}
ClassObject *RangeObject::cls() const
{
    return types::rangeType();
}
ClassObject *SliceObject::cls() const
{
    return types::sliceType();
}
ClassObject *NativeObject::cls() const
{
    return types::builtinFunctionType();
}
ClassObject *ClassObject::cls() const
{
    return types::typeType();
}
ClassObject *ModuleObject::cls() const
{
    return types::moduleType();
}

ClassObject *typeOf(const Value &v)
{
    switch (v.tag()) {
    case Value::Tag::None:
    case Value::Tag::Unbound: return types::noneType();
    case Value::Tag::Bool: return types::boolType();
    case Value::Tag::Int: return types::intType();
    case Value::Tag::Float: return types::floatType();
    case Value::Tag::Obj:
        if (v.obj()->m_subclassed) [[unlikely]]
            return subclassData(v.obj())->klass.get();
        return v.obj()->cls();
    }
    return types::object();
}

Value str(std::string s)
{
    return Value(make<StrObject>(std::move(s)));
}
Value tuple(std::vector<Value> items)
{
    return Value(make<TupleObject>(std::move(items)));
}
Value list(std::vector<Value> items)
{
    return Value(make<ListObject>(std::move(items)));
}

} // namespace loopscope::script
