// The syntax tree of a scenario script: what the parser produces and the interpreter walks.
//
// Nodes are plain structs with a kind tag, so the interpreter dispatches with one switch.
// Every node knows its source position, and whether it contains an `await` (not counting
// nested function bodies): the interpreter takes its fast, non-coroutine path for every
// subtree that cannot suspend.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace loopscope::script {

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using ExprList = std::vector<ExprPtr>;
using StmtList = std::vector<StmtPtr>;

struct SourcePos {
    int line = 0; // 1-based
    int column = 0; // 1-based
};

enum class ExprKind : std::uint8_t {
    Name, // id
    Constant, // constant
    FString, // parts
    List, // elements
    Tuple, // elements
    Set, // elements
    Dict, // keys/values (a null key means `**values[i]`)
    BinOp, // left op right
    UnaryOp, // op operand
    BoolOp, // op (And/Or) over elements
    Compare, // left, ops[i] comparators[i]
    Call, // func, args (may hold Starred), keywords (name empty: `**value`)
    Attribute, // value.attr
    Subscript, // value[index]
    Slice, // lower:upper:step (each may be null)
    IfExp, // body if test else orelse
    Lambda, // function (body is a single Return)
    Await, // await value
    Yield, // yield value (value may be null)
    YieldFrom, // yield from value
    Starred, // *value (in calls, displays and assignment targets)
    NamedExpr, // target := value
    ListComp, // [element for ...]
    SetComp, // {element for ...}
    DictComp, // {key: element for ...}
    GeneratorExp, // (element for ...)
};

enum class BinaryOp : std::uint8_t {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd
};
enum class UnaryOperator : std::uint8_t { Not, Neg, Pos, Invert };
enum class BoolOperator : std::uint8_t { And, Or };
enum class CompareOp : std::uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

struct Constant {
    enum class Kind : std::uint8_t { None, True, False, Int, Float, Str, Ellipsis } kind = Kind::None;
    std::int64_t intValue = 0;
    double floatValue = 0;
    std::string strValue; // UTF-8, escapes already decoded
};

// One `for target in iter if cond...` clause of a comprehension.
struct Comprehension {
    ExprPtr target;
    ExprPtr iter;
    ExprList ifs;
    bool isAsync = false;
};

// A part of an f-string: literal text, or a replacement field.
struct FStringPart {
    std::string literal; // used when expr is null
    ExprPtr expr; // the field's expression
    char conversion = 0; // 0, 'r', 's' or 'a'
    std::vector<FStringPart> formatSpec; // may itself contain nested fields
    std::string exprText; // for `{x = }` (selfDocumenting): the source through '=' and the spaces after it
    bool selfDocumenting = false;
};

struct Keyword {
    std::string name; // empty for `**value`
    ExprPtr value;
    SourcePos pos;
};

struct FunctionDef; // defined below; used by Lambda
class ClassObject;
class Object;
class Value;

// What an attribute site (`obj.name`, as a load, a store or a method call) remembers about the
// class of the instances it meets, so the common case skips the walk along the class chain (see
// Interpreter::loadAttribute). A plan holds for the class it was made for while classEpoch() stays
// the same; the instance's own dict is always looked at.
struct AttributeCache {
    AttributeCache() = default;
    AttributeCache(const AttributeCache &) = delete;
    AttributeCache &operator=(const AttributeCache &) = delete;
    ~AttributeCache(); // releases `key`
    std::int64_t hash = 0; // nameHash(name), set with the first plan
    // Loads: the instance dict, then `classAttr` (what the class chain holds, null for nothing)
    // when `plainLoad`; otherwise the general protocol (a property, a native property, __dict__).
    const ClassObject *loadClass = nullptr;
    std::uint64_t loadEpoch = 0;
    const Value *classAttr = nullptr;
    bool plainLoad = false;
    // Stores: straight into the instance dict when `plainStore` (no __setattr__, no property, no
    // __slots__ in the way).
    const ClassObject *storeClass = nullptr;
    std::uint64_t storeEpoch = 0;
    bool plainStore = false;
    // The name as a str (one reference held), the key of every attribute this site adds: one per
    // name (interned), so instance dicts share it and a site recognises its entry by address.
    Object *key = nullptr;
    // Where in the instance dict the site last found or added its name: checked first (a hint,
    // never trusted without its key).
    std::uint32_t index = 0;
};

struct Expr {
    ExprKind kind;
    SourcePos pos;
    bool hasAwait = false; // this subtree contains await (outside nested function bodies)
    bool hasCall = false; // this subtree contains a call (set by the resolver; see Interpreter's host mode)
    bool isAsyncGenerator = false; // a generator expression that awaits or iterates with `async for`

    // Name / Attribute / NamedExpr target name
    std::string id;
    // Resolved by the resolver for Name: where the variable lives.
    // ClassLocal: a name bound in a class body, kept in the class namespace being built.
    enum class Scope : std::uint8_t { Unresolved, Local, Global, Cell, Free, Builtin, ClassLocal } scope = Scope::Unresolved;
    int slot = -1;

    Constant constant;
    std::vector<FStringPart> fstringParts;

    ExprList elements; // List, Tuple, Set, BoolOp operands, Dict values
    ExprList keys; // Dict keys (null entry = `**`)
    ExprPtr left; // BinOp left, Compare left, Call func, Attribute/Subscript value,
                  // UnaryOp/Await/Yield/Starred operand, IfExp test, Slice lower,
                  // comprehension element (key for DictComp)
    ExprPtr right; // BinOp right, Subscript index, IfExp body, Slice upper,
                   // DictComp value, NamedExpr value
    ExprPtr third; // IfExp orelse, Slice step
    ExprList args; // Call positional args (may contain Starred); Compare comparators
    std::vector<Keyword> keywords; // Call keywords
    std::vector<CompareOp> compareOps;
    std::vector<Comprehension> generators;

    BinaryOp binaryOp = BinaryOp::Add;
    UnaryOperator unaryOp = UnaryOperator::Not;
    BoolOperator boolOp = BoolOperator::And;

    std::shared_ptr<FunctionDef> lambda; // Lambda
    mutable AttributeCache attributeCache; // Attribute

    explicit Expr(ExprKind k, SourcePos p)
        : kind(k)
        , pos(p)
    {
    }
};

enum class StmtKind : std::uint8_t {
    Expr, // value
    Assign, // targets = value (chained: a = b = value)
    AugAssign, // target op= value
    AnnAssign, // target: annotation [= value]
    Pass,
    Break,
    Continue,
    Return, // value (may be null)
    If, // test body orelse
    While, // test body orelse
    For, // target iter body orelse (isAsync for `async for`)
    Try, // body handlers orelse finalbody (isStar for `except*`)
    Raise, // exc (may be null), cause (may be null)
    With, // items body (isAsync for `async with`)
    FunctionDef, // function
    ClassDef, // classDef
    Global, // names
    Nonlocal, // names
    Import, // aliases: `import a.b as c`
    ImportFrom, // module, aliases: `from m import x as y`
    Assert, // test, msg
    Delete, // targets
};

struct ExceptHandler {
    ExprPtr type; // null for bare `except:`
    std::string name; // `as name`, empty if none
    int nameSlot = -1;
    Expr::Scope nameScope = Expr::Scope::Unresolved;
    StmtList body;
    SourcePos pos;
};

struct WithItem {
    ExprPtr context;
    ExprPtr target; // may be null
};

struct Alias {
    std::string name; // dotted name for Import, plain name for ImportFrom ("*" allowed)
    std::string asName; // empty if none
};

struct Parameter {
    std::string name;
    ExprPtr defaultValue; // may be null
    ExprPtr annotation; // ignored, may be null
};

struct FunctionDef {
    std::string name; // "<lambda>" for lambdas
    std::string qualname; // "Worker.run", "main.<locals>.helper" (set by the resolver)
    SourcePos pos;
    bool isAsync = false;
    bool isGenerator = false; // body contains yield (set by the parser)
    std::vector<Parameter> positional; // includes positional-only (before '/')
    int positionalOnlyCount = 0;
    std::string varargs; // *args name, empty if none
    std::vector<Parameter> kwonly;
    std::string kwargs; // **kwargs name, empty if none
    ExprList decorators;
    StmtList body;
    std::string docstring; // first statement if it is a string literal

    // Filled by the resolver: local variable slots (parameters first, in order).
    std::vector<std::string> localNames;
    std::vector<std::string> cellNames; // locals captured by nested functions
    std::vector<std::string> freeNames; // names captured from enclosing functions
};

struct ClassDef {
    std::string name;
    SourcePos pos;
    ExprList bases;
    std::vector<Keyword> keywords;
    ExprList decorators;
    StmtList body;
    std::string docstring;
    // The class body's scope, as the resolver numbers it: cells (`__class__` for super()) and
    // the free variables it passes on to its methods. The body itself stays in `body`.
    std::shared_ptr<FunctionDef> scope;
};

struct Stmt {
    StmtKind kind;
    SourcePos pos;
    bool hasAwait = false; // this statement (including nested blocks) contains await / async for / async with
    bool hasCall = false; // this statement contains a call (set by the resolver)

    ExprPtr value; // Expr, Assign value, AugAssign value, Return, AnnAssign value, Raise exc, Assert msg
    ExprList targets; // Assign targets (one per `=`), Delete targets
    ExprPtr target; // AugAssign, AnnAssign, For target
    ExprPtr test; // If/While/Assert test, For iter, Raise cause, AnnAssign annotation
    BinaryOp augOp = BinaryOp::Add;
    StmtList body;
    StmtList orelse;
    StmtList finalbody;
    std::vector<ExceptHandler> handlers;
    std::vector<WithItem> items;
    std::vector<std::string> names; // Global, Nonlocal
    std::vector<Alias> aliases; // Import, ImportFrom
    std::string module; // ImportFrom module (dotted), with leading dots for relative
    bool isAsync = false;
    bool isStar = false; // except*

    std::shared_ptr<FunctionDef> function;
    std::shared_ptr<ClassDef> classDef;

    // Filled by the resolver: where the names this statement binds live (the def/class name, or
    // one entry per import alias).
    struct Binding {
        Expr::Scope scope = Expr::Scope::Unresolved;
        int slot = -1;
    };
    std::vector<Binding> bindings;

    explicit Stmt(StmtKind k, SourcePos p)
        : kind(k)
        , pos(p)
    {
    }
};

// A parsed script.
struct Module {
    std::string fileName; // as shown in messages and tracebacks
    std::vector<std::string> lines; // source lines, for tracebacks and carets
    StmtList body;
    std::string docstring;
};

} // namespace loopscope::script
