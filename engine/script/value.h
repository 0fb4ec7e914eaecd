// Values of the scenario language: small scalars inline, everything else a reference-counted Object.
//
// Reference counts are intrusive and non-atomic (one interpreter runs on one thread). Objects that
// can take part in reference cycles (containers, functions, instances, futures) are also linked into
// a per-heap list, so that tearing an interpreter down can break every cycle (Heap::clearAll) and
// nothing leaks under LeakSanitizer.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace loopscope::script {

class Object;
class ClassObject;
class Interpreter;

// An intrusive reference to an Object (or a subclass).
template<typename T> class Ref {
public:
    Ref() = default;
    Ref(std::nullptr_t) { }
    Ref(T *p)
        : m_ptr(p)
    {
        retain();
    }
    Ref(const Ref &o)
        : m_ptr(o.m_ptr)
    {
        retain();
    }
    Ref(Ref &&o) noexcept
        : m_ptr(o.m_ptr)
    {
        o.m_ptr = nullptr;
    }
    template<typename U>
    Ref(const Ref<U> &o)
        : m_ptr(o.get())
    {
        retain();
    }
    ~Ref() { release(); }
    Ref &operator=(const Ref &o)
    {
        Ref(o).swap(*this);
        return *this;
    }
    Ref &operator=(Ref &&o) noexcept
    {
        Ref(std::move(o)).swap(*this);
        return *this;
    }
    void swap(Ref &o) noexcept { std::swap(m_ptr, o.m_ptr); }
    T *get() const { return m_ptr; }
    T *operator->() const { return m_ptr; }
    T &operator*() const { return *m_ptr; }
    explicit operator bool() const { return m_ptr != nullptr; }
    bool operator==(const Ref &o) const { return m_ptr == o.m_ptr; }
    void reset() { Ref().swap(*this); }

private:
    // Always inline: every Value copy and destruction counts, and a call costs more than the count.
    [[gnu::always_inline]] void retain();
    [[gnu::always_inline]] void release();
    T *m_ptr = nullptr;
};

template<typename T, typename... Args> Ref<T> make(Args &&...args)
{
    return Ref<T>(new T(std::forward<Args>(args)...));
}

enum class ObjKind : std::uint8_t {
    Str,
    List,
    Tuple,
    Dict,
    Set,
    Function,
    Native,
    BoundMethod,
    Class,
    Instance,
    Coroutine,
    Future,
    Module,
    Range,
    Iterator,
    Cell,
    Slice,
    Handle,
    DictView,
    Generator,
    Other
};

class Object {
public:
    explicit Object(ObjKind kind)
        : m_kind(kind)
    {
    }
    virtual ~Object();
    Object(const Object &) = delete;
    Object &operator=(const Object &) = delete;

    ObjKind kind() const { return m_kind; }
    // The object's Python class (int, list, ValueError, a user class...).
    virtual ClassObject *cls() const = 0;
    // Drop every reference this object holds (cycle breaking at teardown).
    virtual void clearRefs() { }
    // Told the variable name it was first assigned to (primitives use it to describe themselves).
    virtual void adoptName(const std::string &) { }
    // A hash of the object's own instead of the identity hash (tasks: their creation index).
    virtual bool fixedHash(std::int64_t &) const { return false; }

    std::uint32_t m_refCount = 0;
    // Stands in for the address in default reprs (<function f at 0x...>); given on first use, per
    // interpreter, so every run of a script prints the same text.
    std::uint32_t m_displayId = 0;
    // An instance of a script class that subclasses a builtin type (class Stack(list)): a builtin
    // object whose class and attribute dict live in subclassData() (see typeOf).
    bool m_subclassed = false;

protected:
    // Link into the current heap's cycle list; call from constructors of container-like objects.
    void track();

private:
    friend class Heap;
    ObjKind m_kind;
    Object *m_prev = nullptr;
    Object *m_next = nullptr;
    class Heap *m_heap = nullptr;
};

// Deletes an object whose count reached zero. Freeing a deeply nested structure would recurse
// once per level; past a depth the deletions are queued and done by the outermost call instead.
void destroyObject(Object *o);

template<typename T> inline void Ref<T>::retain()
{
    if (m_ptr)
        ++static_cast<Object *>(m_ptr)->m_refCount;
}
template<typename T> inline void Ref<T>::release()
{
    if (m_ptr && --static_cast<Object *>(m_ptr)->m_refCount == 0)
        destroyObject(static_cast<Object *>(m_ptr));
    m_ptr = nullptr;
}

// The set of tracked objects of one interpreter. Heap::current() is where new objects are tracked.
class Heap {
public:
    Heap();
    ~Heap();
    static Heap *current();
    static void setCurrent(Heap *heap);
    void add(Object *o);
    void remove(Object *o);
    // Clears every tracked object's references, freeing all cycles.
    void clearAll();
    std::size_t size() const { return m_size; }
    // The interpreter whose objects these are (for __hash__/__eq__ of user classes in dict keys).
    Interpreter *owner = nullptr;
    // Limits::maxSize, for the containers that grow without the interpreter (dicts, sets).
    std::int64_t maxItems = INT64_MAX;
    // Numbers objects in first-use order: the stand-in addresses of default reprs and hashes.
    std::uint32_t nextDisplayId() { return ++m_lastDisplayId; }
    // Calls fn(Object *) for every tracked object (read-only inspection by the UI).
    template<typename F> void forEach(F &&fn) const
    {
        for (Object *o = m_head; o; o = o->m_next)
            fn(o);
    }

private:
    Object *m_head = nullptr;
    std::uint32_t m_lastDisplayId = 0;
    std::size_t m_size = 0;
};

// Makes `heap` the current one for its lifetime: every entry into an engine opens one, so that
// several engines can live side by side without tracking each other's objects.
class HeapScope {
public:
    explicit HeapScope(Heap &heap)
        : m_saved(Heap::current())
    {
        Heap::setCurrent(&heap);
    }
    ~HeapScope() { Heap::setCurrent(m_saved); }
    HeapScope(const HeapScope &) = delete;
    HeapScope &operator=(const HeapScope &) = delete;

private:
    Heap *m_saved;
};

// A script value. None, bool, int (64-bit) and float are stored inline.
class Value {
public:
    enum class Tag : std::uint8_t { None, Bool, Int, Float, Obj, Unbound };

    Value() = default;
    static Value none() { return Value(); }
    // The state of a local variable before its first assignment.
    static Value unbound()
    {
        Value v;
        v.m_tag = Tag::Unbound;
        return v;
    }
    bool isUnbound() const { return m_tag == Tag::Unbound; }
    static Value boolean(bool b)
    {
        Value v;
        v.m_tag = Tag::Bool;
        v.m_int = b;
        return v;
    }
    static Value integer(std::int64_t i)
    {
        Value v;
        v.m_tag = Tag::Int;
        v.m_int = i;
        return v;
    }
    static Value real(double d)
    {
        Value v;
        v.m_tag = Tag::Float;
        v.m_float = d;
        return v;
    }
    template<typename T>
    Value(const Ref<T> &o)
        : m_tag(o ? Tag::Obj : Tag::None)
        , m_obj(o)
    {
    }
    template<typename T>
    Value(Ref<T> &&o)
        : m_tag(o ? Tag::Obj : Tag::None)
        , m_obj(std::move(o))
    {
    }

    Tag tag() const { return m_tag; }
    bool isNone() const { return m_tag == Tag::None; }
    bool isBool() const { return m_tag == Tag::Bool; }
    bool isInt() const { return m_tag == Tag::Int; }
    bool isFloat() const { return m_tag == Tag::Float; }
    bool isObj() const { return m_tag == Tag::Obj; }
    bool is(ObjKind k) const { return m_tag == Tag::Obj && m_obj->kind() == k; }
    // int or bool (bool is a subclass of int in Python)
    bool isIntLike() const { return m_tag == Tag::Int || m_tag == Tag::Bool; }
    bool isNumber() const { return m_tag == Tag::Int || m_tag == Tag::Bool || m_tag == Tag::Float; }

    bool asBool() const { return m_int != 0; }
    std::int64_t asInt() const { return m_int; }
    double asFloat() const { return m_float; }
    double toDouble() const { return m_tag == Tag::Float ? m_float : double(m_int); }
    Object *obj() const { return m_obj.get(); }
    const Ref<Object> &objRef() const { return m_obj; }
    template<typename T> T *as() const { return static_cast<T *>(m_obj.get()); }

    // Python's `is`.
    bool identical(const Value &o) const;

private:
    Tag m_tag = Tag::None;
    union {
        std::int64_t m_int = 0;
        double m_float;
    };
    Ref<Object> m_obj;
};

// ---- concrete objects -------------------------------------------------------------------------

class StrObject : public Object {
public:
    explicit StrObject(std::string s)
        : Object(ObjKind::Str)
        , value(std::move(s))
    {
    }
    ClassObject *cls() const override;
    std::size_t hash() const;
    // Length in code points (cached).
    std::size_t length() const;
    std::string value;

private:
    mutable std::size_t m_hash = 0;
    mutable bool m_hashed = false;
    mutable std::int64_t m_length = -1;
};

class ListObject : public Object {
public:
    ListObject()
        : Object(ObjKind::List)
    {
        track();
    }
    explicit ListObject(std::vector<Value> v)
        : Object(ObjKind::List)
        , items(std::move(v))
    {
        track();
    }
    ClassObject *cls() const override;
    void clearRefs() override { items.clear(); }
    std::vector<Value> items;
};

class TupleObject : public Object {
public:
    explicit TupleObject(std::vector<Value> v)
        : Object(ObjKind::Tuple)
        , items(std::move(v))
    {
    }
    ClassObject *cls() const override;
    std::vector<Value> items;
};

// Hashing and equality for dict keys and sets; builtin types compare by value, others by identity
// (user __eq__/__hash__ go through the interpreter before reaching here).
std::size_t hashValue(const Value &v);
// CPython's hash() of a builtin value: ints modulo 2**61 - 1, floats equal to ints hash alike, str
// by SipHash-1-3 with PYTHONHASHSEED=0's zero key, tuples by xxHash, frozensets by their items;
// other objects by a per-heap number, so every run hashes alike.
std::int64_t pyHash(const Value &v);
std::int64_t pyStrHash(std::string_view utf8);
// pyStrHash of a name looked up by text (attributes, globals): recent short names are memoized.
std::int64_t nameHash(std::string_view name);
bool keyEquals(const Value &a, const Value &b);
// A dict or set about to hold `items` entries: past the current heap's size cap, MemoryError.
void checkContainerSize(std::size_t items);
bool isHashable(const Value &v);
// How instances of user classes hash and compare as keys (their __hash__ and __eq__); installed
// by the interpreter, used through the current heap's owner. `hash` returns false when the class
// has no __hash__ of its own (the identity hash applies).
struct InstanceKeyHooks {
    bool (*hash)(Interpreter &in, const Value &v, std::int64_t &out) = nullptr;
    bool (*equals)(Interpreter &in, const Value &a, const Value &b) = nullptr;
};
extern InstanceKeyHooks instanceKeyHooks;
// A user class's __hash__ of `v` into `out`; false when `v` has none.
bool userHash(const Value &v, std::int64_t &out);
// Counts one level of recursion through nested values (hashing, comparing); too deep is a
// RecursionError.
struct NestingDepth {
    NestingDepth();
    ~NestingDepth();
    NestingDepth(const NestingDepth &) = delete;
    NestingDepth &operator=(const NestingDepth &) = delete;
};

// Bumped whenever the attributes of any class change, and whenever a class is made: the
// interpreter's inline caches (an attribute site remembers what the class chain held for its name)
// trust what they remember only while it stays the same.
extern std::uint64_t g_classEpoch;
inline std::uint64_t classEpoch()
{
    return g_classEpoch;
}

// An insertion-ordered hash map, as Python's dict: the entries in insertion order, and an open-
// addressing table of their indices probed as CPython's dict probes (perturbed), so a lookup
// compares only keys of an equal hash, in insertion order, as CPython does. A dict of at most
// kSmallDict entries (an instance's attributes, keyword arguments) has no table: a lookup scans
// the entries, which meets the keys of an equal hash in the same order (they share one probe
// sequence, taken in insertion order), so a user __eq__ sees the same calls.
class DictObject : public Object {
public:
    DictObject()
        : Object(ObjKind::Dict)
    {
        track();
    }
    ClassObject *cls() const override;
    void clearRefs() override;

    const Value *find(const Value &key) const;
    Value *find(const Value &key);
    const Value *findStr(std::string_view key) const { return findStr(key, nameHash(key)); }
    const Value *findStr(std::string_view key, std::int64_t hash) const
    {
        const std::int64_t i = findStrIndex(key, hash);
        return i < 0 ? nullptr : &m_entries[std::size_t(i)].value;
    }
    // The index in entries() of the str key `key` (whose hash is `hash`), -1 for none.
    std::int64_t findStrIndex(std::string_view key, std::int64_t hash) const
    {
        return mayHold(std::size_t(hash)) ? probeStr(key, std::size_t(hash)) : -1;
    }
    Value *findStr(std::string_view key) { return const_cast<Value *>(std::as_const(*this).findStr(key)); }
    void set(const Value &key, Value value);
    // set() of a key the caller has just looked up and not found, with its hash.
    void insertAbsent(const Value &key, std::size_t hash, Value value);
    bool remove(const Value &key);
    std::size_t size() const { return m_count; }
    void clear();

    struct Entry {
        Value key;
        Value value;
        bool live = true;
        std::size_t hash = 0;
    };
    // Iteration: entries in insertion order, skipping dead ones.
    const std::vector<Entry> &entries() const { return m_entries; }
    // Bumped on every insertion or removal, so iterators can detect changes during iteration.
    std::uint64_t version() const { return m_version; }
    // A class's attributes: every change bumps classEpoch().
    void holdClassAttributes() { m_classAttributes = true; }

private:
    void changed()
    {
        if (m_classAttributes)
            ++g_classEpoch;
    }
    // False when no key of hash h was added since the last clear (m_keyBits).
    bool mayHold(std::size_t h) const { return (m_keyBits >> (h & 63)) & 1; }
    std::int64_t probeStr(std::string_view key, std::size_t h) const;
    std::int64_t lookup(const Value &key, std::size_t h) const;
    std::int64_t scan(const Value &key, std::size_t h) const;
    // The slot of m_table holding entry `index` (whose hash is h).
    std::size_t slotOf(std::size_t index, std::size_t h) const;
    void insertSlot(std::size_t index, std::size_t h);
    void rebuildTable();
    void compact();
    static constexpr std::int32_t kEmpty = -1, kDummy = -2;
    static constexpr std::size_t kSmallDict = 8;
    std::vector<Entry> m_entries;
    std::vector<std::int32_t> m_table; // indices into m_entries; size a power of two (0: small dict)
    std::size_t m_fill = 0; // slots of m_table not empty (entries and dummies)
    std::size_t m_count = 0;
    std::uint64_t m_version = 0;
    // Bit (hash % 64) of every key added since the last clear: most misses (a method looked up
    // on an instance first, an attribute about to be added) end on a clear bit without a probe.
    std::uint64_t m_keyBits = 0;
    bool m_classAttributes = false;
};

// d.keys(), d.values(), d.items(): live views of a dict.
class DictViewObject : public Object {
public:
    enum class Which : std::uint8_t { Keys, Values, Items };
    DictViewObject(Ref<DictObject> d, Which w)
        : Object(ObjKind::DictView)
        , dict(std::move(d))
        , which(w)
    {
        track();
    }
    ClassObject *cls() const override;
    void clearRefs() override { dict.reset(); }
    // The element at entry i (a key, a value or a (key, value) tuple).
    Value element(const DictObject::Entry &e) const;
    Ref<DictObject> dict;
    Which which;
};

// set and frozenset, laid out as CPython's setobject.c (open addressing, linear probes plus
// perturbation, the same fill and resize rules) so that iterating and printing a set of ints or
// strings gives CPython's order. Hashes are CPython's (pyHash).
class SetObject : public Object {
public:
    explicit SetObject(bool isFrozen = false);
    ClassObject *cls() const override;
    void clearRefs() override;

    struct Entry {
        Value key;
        std::int64_t hash = 0;
        enum class State : std::uint8_t { Empty, Active, Dummy } state = State::Empty;
    };
    std::size_t size() const { return m_used; }
    bool contains(const Value &key) const { return contains(key, pyHash(key)); }
    bool contains(const Value &key, std::int64_t hash) const;
    // Returns false when the key was already present.
    bool add(const Value &key) { return add(key, pyHash(key)); }
    bool add(const Value &key, std::int64_t hash);
    bool discard(const Value &key) { return discard(key, pyHash(key)); }
    bool discard(const Value &key, std::int64_t hash);
    // set.pop(): the next active slot from the finger; the set must not be empty.
    Value pop();
    void clear();
    // set_update_internal for another set (set_merge) and for a dict (one resize up front).
    void merge(const SetObject &other);
    void mergeDictKeys(const DictObject &d);
    // Drops dummies when more than a quarter of the table holds them (after difference_update).
    void shrinkDummies();
    void swapBodies(SetObject &other);
    // The table in slot order; iterate the Active entries.
    const std::vector<Entry> &table() const { return m_table; }
    // Bumped on every insertion or removal, so iterators can detect changes during iteration.
    std::uint64_t version() const { return m_version; }
    std::int64_t frozenHash() const;

    bool frozen;
    // When set, iteration (and repr) go by ascending key instead of slot order: asyncio.wait's
    // (done, pending) sets pass the task's creation index, so they iterate in creation order as
    // the reference harness's TaskSet does.
    std::function<std::int64_t(const Value &)> iterationKey;

private:
    void resize(std::size_t minUsed);
    void insertClean(std::vector<Entry> &table, const Value &key, std::int64_t hash);
    std::int64_t lookup(const Value &key, std::int64_t hash) const;
    std::vector<Entry> m_table = std::vector<Entry>(8);
    std::size_t m_fill = 0;
    std::size_t m_used = 0;
    std::size_t m_finger = 0;
    std::uint64_t m_version = 0;
};

// A new set (or frozenset) holding `items`, added in order; items must be hashable.
Ref<SetObject> makeSet(const std::vector<Value> &items, bool frozen = false);

class CellObject : public Object {
public:
    CellObject()
        : Object(ObjKind::Cell)
    {
        track();
    }
    ClassObject *cls() const override;
    void clearRefs() override { value = Value(); }
    Value value;
    bool bound = false;
};

class RangeObject : public Object {
public:
    RangeObject(std::int64_t a, std::int64_t b, std::int64_t s)
        : Object(ObjKind::Range)
        , start(a)
        , stop(b)
        , step(s)
    {
    }
    ClassObject *cls() const override;
    std::int64_t length() const;
    std::int64_t start, stop, step;
};

class SliceObject : public Object {
public:
    SliceObject(Value a, Value b, Value s)
        : Object(ObjKind::Slice)
        , start(std::move(a))
        , stop(std::move(b))
        , step(std::move(s))
    {
    }
    ClassObject *cls() const override;
    Value start, stop, step;
};

// Arguments of a call: positional and keyword.
struct CallArgs {
    std::vector<Value> args;
    std::vector<std::pair<std::string, Value>> kwargs;
    // Removes and returns a keyword argument, or returns nullptr.
    bool takeKeyword(std::string_view name, Value &out);
};

// A function implemented in C++. `self` is the bound object for methods (None otherwise).
using NativeFunction = std::function<Value(Interpreter &, const Value &self, CallArgs &args)>;

class NativeObject : public Object {
public:
    NativeObject(std::string n, NativeFunction f, Value bound = Value())
        : Object(ObjKind::Native)
        , name(std::move(n))
        , fn(std::move(f))
        , self(std::move(bound))
    {
        track();
    }
    ClassObject *cls() const override;
    void clearRefs() override { self = Value(); }
    std::string name; // qualified, e.g. "asyncio.sleep" or "list.append"
    NativeFunction fn;
    Value self; // bound receiver, or None
    // Set for asyncio.run and loop.run_until_complete: the call may need to run the loop.
    bool runsLoop = false;
    // For methods of builtin classes: the class. Called unbound (str.lower("A")), the first
    // argument becomes self.
    ClassObject *owner = nullptr;
};

// A Python class: the builtin types, exception classes, and (later) user classes.
class ClassObject : public Object {
public:
    ClassObject(std::string n, Ref<ClassObject> b, bool builtinType = true);
    ClassObject *cls() const override;
    void clearRefs() override;
    bool isSubclassOf(const ClassObject *other) const;
    // Looks an attribute up along the base chain.
    const Value *lookup(std::string_view name) const { return lookup(name, nameHash(name)); }
    const Value *lookup(std::string_view name, std::int64_t hash) const;
    void setAttr(const std::string &name, Value v);
    void addMethod(const std::string &name, NativeFunction fn);

    std::string name;
    // The module that defines it, as in CPython's reprs and tracebacks: "builtins",
    // "asyncio.exceptions" (CancelledError), "asyncio.locks" (Lock)...; "__main__" for script classes.
    std::string module = "builtins";
    std::string qualname; // user classes: "Outer.Inner", "main.<locals>.Job"
    Ref<ClassObject> base;
    // A second base class (ExceptionGroup is a BaseExceptionGroup and an Exception).
    ClassObject *secondBase = nullptr;
    // Script classes: every base in order (`base` is the first) and the C3 linearization, the
    // class itself first. Builtin classes leave both empty: their MRO is the `base` chain.
    std::vector<Ref<ClassObject>> bases;
    std::vector<ClassObject *> mro;
    Ref<DictObject> dict;
    bool builtin;
    bool isException = false;
    // Every script class in the MRO declares __slots__ (without "__dict__"): instances take no
    // other attributes.
    bool slotted = false;
    // Calling a builtin class constructs through this (int("3"), ValueError("x"), list(...)).
    NativeFunction construct;
    // Read-only attributes computed from the object (Queue.maxsize).
    std::unordered_map<std::string, std::function<Value(Interpreter &, const Value &self)>> properties;
    // What calling a script class takes, worked out once per classEpoch() (Interpreter::instantiate):
    // `plainInit` when a new InstanceObject and then the function `init` (in dict) is all it does.
    struct Instantiation {
        std::uint64_t epoch = 0;
        const Value *init = nullptr;
        bool plainInit = false;
    } instantiation;
};

struct TracebackEntry {
    std::string function; // "<module>" at top level
    int line;
};

// Exception payload of an instance of an exception class.
struct ExceptionData {
    std::vector<Value> args;
    Value cause; // __cause__
    Value context; // __context__
    bool suppressContext = false;
    std::vector<TracebackEntry> traceback; // innermost first; printed outermost first
    // The frame and line where an except clause last caught it: the head of __traceback__.
    std::string handledIn;
    int handledLine = 0;
    std::string hint; // appended to the message in tracebacks: ". Did you mean: 'print'?"
};

// An instance of a class (for now: exceptions).
class InstanceObject : public Object {
public:
    explicit InstanceObject(Ref<ClassObject> c)
        : Object(ObjKind::Instance)
        , klass(std::move(c))
    {
        track();
    }
    ClassObject *cls() const override { return klass.get(); }
    void clearRefs() override;
    Ref<ClassObject> klass;
    Ref<DictObject> attrs; // created on first attribute store
    std::unique_ptr<ExceptionData> exception;
};

class ModuleObject : public Object {
public:
    explicit ModuleObject(std::string n)
        : Object(ObjKind::Module)
        , name(std::move(n))
        , dict(make<DictObject>())
    {
        track();
    }
    ClassObject *cls() const override;
    void clearRefs() override;
    std::string name;
    Ref<DictObject> dict;
};

// ---- builtin classes ------------------------------------------------------------------------

// The builtin classes are process-wide and immutable: they hold only native methods.
namespace types {
ClassObject *object();
ClassObject *noneType();
ClassObject *boolType();
ClassObject *intType();
ClassObject *floatType();
ClassObject *strType();
ClassObject *listType();
ClassObject *tupleType();
ClassObject *dictType();
ClassObject *setType();
ClassObject *frozensetType();
ClassObject *functionType();
ClassObject *builtinFunctionType();
ClassObject *methodType();
ClassObject *typeType();
ClassObject *moduleType();
ClassObject *rangeType();
ClassObject *sliceType();
ClassObject *cellType();
ClassObject *coroutineType();
ClassObject *iteratorType(); // generic iterator class
ClassObject *handleType();
ClassObject *dictViewType(DictViewObject::Which which);
} // namespace types

ClassObject *typeOf(const Value &v);

// The class and instance attributes of a builtin object that is an instance of a script subclass
// (m_subclassed). Kept beside the object, so that lists, strs, queues... need no room for them.
struct SubclassData {
    Ref<ClassObject> klass;
    Ref<DictObject> attrs;
};
SubclassData *subclassData(const Object *o);
void makeSubclassInstance(Object *o, Ref<ClassObject> klass);

// Convenience constructors.
Value str(std::string s);
Value tuple(std::vector<Value> items);
Value list(std::vector<Value> items);

} // namespace loopscope::script
