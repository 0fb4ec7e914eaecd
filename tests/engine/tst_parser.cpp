// Tests of the scenario language's lexer and parser: tree shapes for the Python subset,
// the flags the interpreter relies on, and CPython-compatible syntax errors.
#include "engine/script/parser.h"

#include <QtTest>

using namespace loopscope::script;

namespace {

QString q(const std::string &s) { return QString::fromStdString(s); }

QString dump(const Expr *e);
QString dump(const Stmt &s);

QString dumpList(const ExprList &list)
{
    QStringList parts;
    for (const ExprPtr &e : list)
        parts << dump(e.get());
    return parts.join(u' ');
}

QString dumpBody(const StmtList &body)
{
    QStringList parts;
    for (const StmtPtr &s : body)
        parts << dump(*s);
    return u'[' + parts.join(u' ') + u']';
}

QString binaryOpName(BinaryOp op)
{
    static const char *names[] = {"+", "-", "*", "@", "/", "//", "%", "**", "<<", ">>", "|", "^", "&"};
    return QString::fromLatin1(names[static_cast<int>(op)]);
}

QString compareOpName(CompareOp op)
{
    static const char *names[] = {"==", "!=", "<", "<=", ">", ">=", "is", "is-not", "in", "not-in"};
    return QString::fromLatin1(names[static_cast<int>(op)]);
}

QString dumpParameters(const FunctionDef &f)
{
    QStringList parts;
    for (std::size_t i = 0; i < f.positional.size(); ++i) {
        const Parameter &p = f.positional[i];
        parts << q(p.name) + (p.defaultValue ? u'=' + dump(p.defaultValue.get()) : QString());
        if (static_cast<int>(i) + 1 == f.positionalOnlyCount)
            parts << QStringLiteral("/");
    }
    if (!f.varargs.empty())
        parts << u'*' + q(f.varargs);
    else if (!f.kwonly.empty())
        parts << QStringLiteral("*");
    for (const Parameter &p : f.kwonly)
        parts << q(p.name) + (p.defaultValue ? u'=' + dump(p.defaultValue.get()) : QString());
    if (!f.kwargs.empty())
        parts << QStringLiteral("**") + q(f.kwargs);
    return u'(' + parts.join(u' ') + u')';
}

QString dumpParts(const std::vector<FStringPart> &parts)
{
    QStringList out;
    for (const FStringPart &p : parts) {
        if (!p.expr) {
            out << u'\'' + q(p.literal) + u'\'';
            continue;
        }
        QString field = u'{' + dump(p.expr.get());
        if (p.selfDocumenting)
            field += QStringLiteral(" self=\"") + q(p.exprText) + u'"';
        if (p.conversion)
            field += u'!' + QChar::fromLatin1(p.conversion);
        if (!p.formatSpec.empty())
            field += u':' + dumpParts(p.formatSpec);
        out << field + u'}';
    }
    return out.join(u' ');
}

QString dumpGenerators(const std::vector<Comprehension> &generators)
{
    QStringList parts;
    for (const Comprehension &c : generators) {
        QString clause = (c.isAsync ? QStringLiteral("(async-for ") : QStringLiteral("(for ")) + dump(c.target.get())
                         + u' ' + dump(c.iter.get());
        for (const ExprPtr &condition : c.ifs)
            clause += QStringLiteral(" (if ") + dump(condition.get()) + u')';
        parts << clause + u')';
    }
    return parts.join(u' ');
}

QString dumpKeywords(const std::vector<Keyword> &keywords)
{
    QStringList parts;
    for (const Keyword &k : keywords)
        parts << (k.name.empty() ? QStringLiteral("**") : q(k.name) + u'=') + dump(k.value.get());
    return parts.join(u' ');
}

QString dump(const Expr *e)
{
    if (!e)
        return QStringLiteral("_");
    auto paren = [](const QString &head, const QString &rest) {
        return u'(' + head + (rest.isEmpty() ? QString() : u' ' + rest) + u')';
    };
    switch (e->kind) {
    case ExprKind::Name:
        return q(e->id);
    case ExprKind::Constant:
        switch (e->constant.kind) {
        case Constant::Kind::None: return QStringLiteral("None");
        case Constant::Kind::True: return QStringLiteral("True");
        case Constant::Kind::False: return QStringLiteral("False");
        case Constant::Kind::Ellipsis: return QStringLiteral("...");
        case Constant::Kind::Int: return QString::number(e->constant.intValue);
        case Constant::Kind::Float: return QString::number(e->constant.floatValue, 'g', 17) + u'f';
        case Constant::Kind::Str: return u'\'' + q(e->constant.strValue) + u'\'';
        }
        break;
    case ExprKind::FString: return paren(QStringLiteral("f"), dumpParts(e->fstringParts));
    case ExprKind::List: return u'[' + dumpList(e->elements) + u']';
    case ExprKind::Tuple: return paren(QStringLiteral("tuple"), dumpList(e->elements));
    case ExprKind::Set: return paren(QStringLiteral("set"), dumpList(e->elements));
    case ExprKind::Dict: {
        QStringList items;
        for (std::size_t i = 0; i < e->elements.size(); ++i) {
            items << (e->keys[i] ? dump(e->keys[i].get()) + u':' : QStringLiteral("**"))
                         + dump(e->elements[i].get());
        }
        return paren(QStringLiteral("dict"), items.join(u' '));
    }
    case ExprKind::BinOp: return paren(binaryOpName(e->binaryOp), dump(e->left.get()) + u' ' + dump(e->right.get()));
    case ExprKind::UnaryOp: {
        static const char *names[] = {"not", "neg", "pos", "~"};
        return paren(QString::fromLatin1(names[static_cast<int>(e->unaryOp)]), dump(e->left.get()));
    }
    case ExprKind::BoolOp:
        return paren(e->boolOp == BoolOperator::And ? QStringLiteral("and") : QStringLiteral("or"), dumpList(e->elements));
    case ExprKind::Compare: {
        QString out = dump(e->left.get());
        for (std::size_t i = 0; i < e->compareOps.size(); ++i)
            out += u' ' + compareOpName(e->compareOps[i]) + u' ' + dump(e->args[i].get());
        return paren(QStringLiteral("cmp"), out);
    }
    case ExprKind::Call: {
        QString rest = dumpList(e->args);
        const QString keywords = dumpKeywords(e->keywords);
        if (!keywords.isEmpty())
            rest += (rest.isEmpty() ? QString() : QStringLiteral(" ")) + keywords;
        return paren(QStringLiteral("call ") + dump(e->left.get()), rest);
    }
    case ExprKind::Attribute: return paren(QStringLiteral("."), dump(e->left.get()) + u' ' + q(e->id));
    case ExprKind::Subscript: return paren(QStringLiteral("[]"), dump(e->left.get()) + u' ' + dump(e->right.get()));
    case ExprKind::Slice:
        return paren(QStringLiteral("slice"),
                     dump(e->left.get()) + u' ' + dump(e->right.get()) + u' ' + dump(e->third.get()));
    case ExprKind::IfExp:
        return paren(QStringLiteral("if"),
                     dump(e->left.get()) + u' ' + dump(e->right.get()) + u' ' + dump(e->third.get()));
    case ExprKind::Lambda:
        return paren(QStringLiteral("lambda"),
                     dumpParameters(*e->lambda) + u' ' + dump(e->lambda->body.front()->value.get()));
    case ExprKind::Await: return paren(QStringLiteral("await"), dump(e->left.get()));
    case ExprKind::Yield: return paren(QStringLiteral("yield"), e->left ? dump(e->left.get()) : QString());
    case ExprKind::YieldFrom: return paren(QStringLiteral("yield-from"), dump(e->left.get()));
    case ExprKind::Starred: return u'*' + dump(e->left.get());
    case ExprKind::NamedExpr: return paren(QStringLiteral(":="), q(e->id) + u' ' + dump(e->right.get()));
    case ExprKind::ListComp:
        return paren(QStringLiteral("listcomp"), dump(e->left.get()) + u' ' + dumpGenerators(e->generators));
    case ExprKind::SetComp:
        return paren(QStringLiteral("setcomp"), dump(e->left.get()) + u' ' + dumpGenerators(e->generators));
    case ExprKind::GeneratorExp:
        return paren(QStringLiteral("genexp"), dump(e->left.get()) + u' ' + dumpGenerators(e->generators));
    case ExprKind::DictComp:
        return paren(QStringLiteral("dictcomp"), dump(e->left.get()) + u':' + dump(e->right.get()) + u' '
                                                      + dumpGenerators(e->generators));
    }
    return QStringLiteral("?");
}

QString dump(const Stmt &s)
{
    switch (s.kind) {
    case StmtKind::Expr: return dump(s.value.get());
    case StmtKind::Assign: return QStringLiteral("(= ") + dumpList(s.targets) + u' ' + dump(s.value.get()) + u')';
    case StmtKind::AugAssign:
        return u'(' + binaryOpName(s.augOp) + QStringLiteral("= ") + dump(s.target.get()) + u' ' + dump(s.value.get()) + u')';
    case StmtKind::AnnAssign: return QStringLiteral("(: ") + dump(s.target.get()) + u' ' + dump(s.value.get()) + u')';
    case StmtKind::Pass: return QStringLiteral("pass");
    case StmtKind::Break: return QStringLiteral("break");
    case StmtKind::Continue: return QStringLiteral("continue");
    case StmtKind::Return: return QStringLiteral("(return ") + dump(s.value.get()) + u')';
    case StmtKind::If:
        return QStringLiteral("(if ") + dump(s.test.get()) + u' ' + dumpBody(s.body) + u' ' + dumpBody(s.orelse) + u')';
    case StmtKind::While:
        return QStringLiteral("(while ") + dump(s.test.get()) + u' ' + dumpBody(s.body) + u' ' + dumpBody(s.orelse) + u')';
    case StmtKind::For:
        return (s.isAsync ? QStringLiteral("(async-for ") : QStringLiteral("(for ")) + dump(s.target.get()) + u' '
               + dump(s.test.get()) + u' ' + dumpBody(s.body) + u' ' + dumpBody(s.orelse) + u')';
    case StmtKind::Try: {
        QString out = (s.isStar ? QStringLiteral("(try* ") : QStringLiteral("(try ")) + dumpBody(s.body);
        for (const ExceptHandler &h : s.handlers) {
            out += QStringLiteral(" (except ") + dump(h.type.get()) + (h.name.empty() ? QString() : u' ' + q(h.name))
                   + u' ' + dumpBody(h.body) + u')';
        }
        return out + u' ' + dumpBody(s.orelse) + u' ' + dumpBody(s.finalbody) + u')';
    }
    case StmtKind::Raise: return QStringLiteral("(raise ") + dump(s.value.get()) + u' ' + dump(s.test.get()) + u')';
    case StmtKind::With: {
        QString out = s.isAsync ? QStringLiteral("(async-with") : QStringLiteral("(with");
        for (const WithItem &item : s.items)
            out += u' ' + dump(item.context.get()) + (item.target ? QStringLiteral(" as ") + dump(item.target.get()) : QString());
        return out + u' ' + dumpBody(s.body) + u')';
    }
    case StmtKind::FunctionDef: {
        const FunctionDef &f = *s.function;
        QString out = f.isAsync ? QStringLiteral("(async-def ") : QStringLiteral("(def ");
        for (const ExprPtr &d : f.decorators)
            out += u'@' + dump(d.get()) + u' ';
        return out + q(f.name) + u' ' + dumpParameters(f) + u' ' + dumpBody(f.body) + u')';
    }
    case StmtKind::ClassDef: {
        const ClassDef &c = *s.classDef;
        QString out = QStringLiteral("(class ");
        for (const ExprPtr &d : c.decorators)
            out += u'@' + dump(d.get()) + u' ';
        QString bases = dumpList(c.bases);
        const QString keywords = dumpKeywords(c.keywords);
        if (!keywords.isEmpty())
            bases += (bases.isEmpty() ? QString() : QStringLiteral(" ")) + keywords;
        return out + q(c.name) + QStringLiteral(" (") + bases + QStringLiteral(") ") + dumpBody(c.body) + u')';
    }
    case StmtKind::Global:
    case StmtKind::Nonlocal: {
        QStringList names;
        for (const std::string &n : s.names)
            names << q(n);
        return (s.kind == StmtKind::Global ? QStringLiteral("(global ") : QStringLiteral("(nonlocal ")) + names.join(u' ') + u')';
    }
    case StmtKind::Import:
    case StmtKind::ImportFrom: {
        QStringList names;
        for (const Alias &a : s.aliases)
            names << q(a.name) + (a.asName.empty() ? QString() : QStringLiteral(" as ") + q(a.asName));
        if (s.kind == StmtKind::Import)
            return QStringLiteral("(import ") + names.join(QStringLiteral(", ")) + u')';
        return QStringLiteral("(from ") + q(s.module) + QStringLiteral(" import ") + names.join(QStringLiteral(", ")) + u')';
    }
    case StmtKind::Assert: return QStringLiteral("(assert ") + dump(s.test.get()) + u' ' + dump(s.value.get()) + u')';
    case StmtKind::Delete: return QStringLiteral("(del ") + dumpList(s.targets) + u')';
    }
    return QStringLiteral("?");
}

// Parses, turning a SyntaxError into a test failure message.
std::unique_ptr<Module> parseOk(const QString &source, QString *failure)
{
    try {
        return parseModule(source.toStdString(), "test.py");
    } catch (const SyntaxError &error) {
        *failure = q(error.format());
        return nullptr;
    }
}

} // namespace

#define PARSE(var, source)                                                                                            \
    QString var##Failure;                                                                                             \
    const std::unique_ptr<Module> var = parseOk(source, &var##Failure);                                               \
    if (!var)                                                                                                         \
        QFAIL(qPrintable(var##Failure));

#define EXPECT_ERROR(var, source)                                                                                     \
    SyntaxError var;                                                                                                  \
    {                                                                                                                 \
        bool thrown = false;                                                                                          \
        try {                                                                                                         \
            parseModule(QString(source).toStdString(), "test.py");                                                    \
        } catch (const SyntaxError &e) {                                                                              \
            var = e;                                                                                                  \
            thrown = true;                                                                                            \
        }                                                                                                             \
        if (!thrown)                                                                                                  \
            QFAIL("expected a SyntaxError");                                                                          \
    }

class TestParser : public QObject
{
    Q_OBJECT

private:
    // The tree of a one-statement module.
    static QString dumpStatement(const QString &source)
    {
        QString failure;
        const auto module = parseOk(source, &failure);
        if (!module)
            return QStringLiteral("ERROR: ") + failure;
        if (module->body.size() != 1)
            return QStringLiteral("ERROR: %1 statements").arg(module->body.size());
        return dump(*module->body.front());
    }

private Q_SLOTS:
    void expressions_data();
    void expressions();
    void statements_data();
    void statements();
    void numbers();
    void strings();
    void fstrings();
    void fstringSelfDocumenting();
    void fstringPositions();
    void positions();
    void lambdaIsAFunction();
    void functionDefinitions();
    void decoratorsAndClasses();
    void docstrings();
    void generators();
    void hasAwait_data();
    void hasAwait();
    void hasAwaitOnStatements();
    void moduleLines();
    void layout();
    void errors_data();
    void errors();
    void errorFormat();
    void nestingLimits();
    void realisticScript();
};

void TestParser::expressions_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("tree");

    // Precedence and associativity
    QTest::newRow("sum and product") << "a + b * c" << "(+ a (* b c))";
    QTest::newRow("left assoc") << "a - b - c" << "(- (- a b) c)";
    QTest::newRow("parens") << "(a + b) * c" << "(* (+ a b) c)";
    QTest::newRow("power right assoc") << "2 ** 3 ** 2" << "(** 2 (** 3 2))";
    QTest::newRow("neg binds looser than pow") << "-2 ** 2" << "(neg (** 2 2))";
    QTest::newRow("pow of negative") << "2 ** -1" << "(** 2 (neg 1))";
    QTest::newRow("unary chain") << "-+~x" << "(neg (pos (~ x)))";
    QTest::newRow("bit ops") << "a | b ^ c & d << e + f" << "(| a (^ b (& c (<< d (+ e f)))))";
    QTest::newRow("term ops") << "a * b / c // d % e @ f" << "(@ (% (// (/ (* a b) c) d) e) f)";
    QTest::newRow("shift") << "a << b >> c" << "(>> (<< a b) c)";
    QTest::newRow("not vs compare") << "not a == b" << "(not (cmp a == b))";
    QTest::newRow("and/or") << "a or b and c or d" << "(or a (and b c) d)";
    QTest::newRow("bool flattening") << "a and b and c" << "(and a b c)";
    QTest::newRow("not not") << "not not a" << "(not (not a))";
    // Comparisons
    QTest::newRow("chained compare") << "a < b <= c == d" << "(cmp a < b <= c == d)";
    QTest::newRow("not in / is not") << "a not in b is not c" << "(cmp a not-in b is-not c)";
    QTest::newRow("is / in") << "a is b in c" << "(cmp a is b in c)";
    QTest::newRow("compare of arithmetic") << "a + 1 > b * 2" << "(cmp (+ a 1) > (* b 2))";
    // Conditional, lambda, walrus, await
    QTest::newRow("conditional") << "a if b else c" << "(if b a c)";
    QTest::newRow("nested conditional") << "a if b else c if d else e" << "(if b a (if d c e))";
    QTest::newRow("lambda") << "lambda x, y=1: x + y" << "(lambda (x y=1) (+ x y))";
    QTest::newRow("lambda no params") << "lambda: 0" << "(lambda () 0)";
    QTest::newRow("walrus") << "(n := len(a))" << "(:= n (call len a))";
    QTest::newRow("await binds tighter than pow") << "await x ** 2" << "(** (await x) 2)";
    QTest::newRow("await primary") << "await a.b(c)[0]" << "(await ([] (call (. a b) c) 0))";
    QTest::newRow("neg await") << "-await x" << "(neg (await x))";
    // Primaries
    QTest::newRow("attribute chain") << "a.b.c" << "(. (. a b) c)";
    QTest::newRow("call chain") << "f(a)(b)" << "(call (call f a) b)";
    QTest::newRow("method call") << "obj.method(1, x=2)" << "(call (. obj method) 1 x=2)";
    QTest::newRow("star args") << "f(a, *b, c=1, **d)" << "(call f a *b c=1 **d)";
    QTest::newRow("print sep") << "print(*args, sep='')" << "(call print *args sep='')";
    QTest::newRow("keyword then star") << "f(a=1, *b)" << "(call f *b a=1)";
    QTest::newRow("generator argument") << "sum(x for x in y)" << "(call sum (genexp x (for x y)))";
    QTest::newRow("parenthesized generator") << "f((x for x in y), 1)" << "(call f (genexp x (for x y)) 1)";
    QTest::newRow("trailing comma call") << "f(a,)" << "(call f a)";
    // Subscripts and slices
    QTest::newRow("index") << "a[1]" << "([] a 1)";
    QTest::newRow("slice") << "a[1:2]" << "([] a (slice 1 2 _))";
    QTest::newRow("step only") << "a[::2]" << "([] a (slice _ _ 2))";
    QTest::newRow("full slice") << "a[:]" << "([] a (slice _ _ _))";
    QTest::newRow("reverse") << "a[::-1]" << "([] a (slice _ _ (neg 1)))";
    QTest::newRow("tuple index") << "a[1:2, 3]" << "([] a (tuple (slice 1 2 _) 3))";
    QTest::newRow("ellipsis index") << "a[..., 0]" << "([] a (tuple ... 0))";
    QTest::newRow("starred index") << "a[*b]" << "([] a (tuple *b))";
    // Displays
    QTest::newRow("empty list") << "[]" << "[]";
    QTest::newRow("list") << "[1, 2,]" << "[1 2]";
    QTest::newRow("starred list") << "[*a, *b]" << "[*a *b]";
    QTest::newRow("empty tuple") << "()" << "(tuple)";
    QTest::newRow("grouping is not a tuple") << "(a)" << "a";
    QTest::newRow("one-tuple") << "(a,)" << "(tuple a)";
    QTest::newRow("bare tuple") << "a, b" << "(tuple a b)";
    QTest::newRow("bare one-tuple") << "a," << "(tuple a)";
    QTest::newRow("empty dict") << "{}" << "(dict)";
    QTest::newRow("dict") << "{'a': 1, 2: b}" << "(dict 'a':1 2:b)";
    QTest::newRow("dict unpacking") << "{**a, 'x': 1}" << "(dict **a 'x':1)";
    QTest::newRow("set") << "{1, 2}" << "(set 1 2)";
    QTest::newRow("starred set") << "{*a, 1}" << "(set *a 1)";
    // Comprehensions
    QTest::newRow("listcomp") << "[x * 2 for x in y]" << "(listcomp (* x 2) (for x y))";
    QTest::newRow("listcomp ifs") << "[x for x in y if x if z]" << "(listcomp x (for x y (if x) (if z)))";
    QTest::newRow("nested for")
        << "[(i, j) for i in a for j in b if i != j]"
        << "(listcomp (tuple i j) (for i a) (for j b (if (cmp i != j))))";
    QTest::newRow("tuple target") << "[k for k, v in d.items()]" << "(listcomp k (for (tuple k v) (call (. d items))))";
    QTest::newRow("setcomp") << "{x for x in y}" << "(setcomp x (for x y))";
    QTest::newRow("dictcomp") << "{k: v for k, v in p}" << "(dictcomp k:v (for (tuple k v) p))";
    QTest::newRow("genexp") << "(x for x in y)" << "(genexp x (for x y))";
    QTest::newRow("async comprehension") << "[x async for x in y]" << "(listcomp x (async-for x y))";
    QTest::newRow("conditional iterable needs parens") << "[x for x in (a if b else c)]" << "(listcomp x (for x (if b a c)))";
    // Constants
    QTest::newRow("constants") << "(None, True, False, ...)" << "(tuple None True False ...)";
}

void TestParser::expressions()
{
    QFETCH(QString, source);
    QFETCH(QString, tree);
    QCOMPARE(dumpStatement(QStringLiteral("async def f():\n    return ") + source + u'\n'),
             QStringLiteral("(async-def f () [(return ") + tree + QStringLiteral(")])"));
}

void TestParser::statements_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("tree");

    QTest::newRow("assign") << "x = 1" << "(= x 1)";
    QTest::newRow("chained assign") << "a = b = 1" << "(= a b 1)";
    QTest::newRow("tuple unpacking") << "a, b = 1, 2" << "(= (tuple a b) (tuple 1 2))";
    QTest::newRow("parenthesized target") << "(a, b) = c" << "(= (tuple a b) c)";
    QTest::newRow("starred target") << "first, *rest = items" << "(= (tuple first *rest) items)";
    QTest::newRow("list target") << "[a, b] = c" << "(= [a b] c)";
    QTest::newRow("attribute and subscript targets") << "x.y = z[0] = 1" << "(= (. x y) ([] z 0) 1)";
    QTest::newRow("yield value") << "def f():\n    x = yield" << "(def f () [(= x (yield))])";
    QTest::newRow("augmented") << "x += 1" << "(+= x 1)";
    QTest::newRow("augmented pow") << "x.y **= 2" << "(**= (. x y) 2)";
    QTest::newRow("augmented floor div") << "a[i] //= 3" << "(//= ([] a i) 3)";
    QTest::newRow("annotated") << "x: int = 5" << "(: x 5)";
    QTest::newRow("annotation only") << "x: list[int]" << "(: x _)";
    QTest::newRow("del") << "del a, b[0], c.d" << "(del a ([] b 0) (. c d))";
    QTest::newRow("assert") << "assert x, 'message'" << "(assert x 'message')";
    QTest::newRow("import") << "import a.b as c, d" << "(import a.b as c, d)";
    QTest::newRow("from import") << "from x.y import (a, b as c,)" << "(from x.y import a, b as c)";
    QTest::newRow("relative import") << "from .. import a" << "(from .. import a)";
    QTest::newRow("star import") << "from asyncio import *" << "(from asyncio import *)";
    QTest::newRow("global") << "global a, b" << "(global a b)";
    QTest::newRow("nonlocal")
        << "def f():\n    x = 1\n    def g():\n        nonlocal x"
        << "(def f () [(= x 1) (def g () [(nonlocal x)])])";
    QTest::newRow("raise from") << "raise ValueError('x') from err" << "(raise (call ValueError 'x') err)";
    QTest::newRow("bare raise") << "raise" << "(raise _ _)";
    QTest::newRow("return tuple") << "def f():\n    return 1, 2" << "(def f () [(return (tuple 1 2))])";
    QTest::newRow("bare return") << "def f():\n    return" << "(def f () [(return _)])";
    QTest::newRow("if elif else")
        << "if a:\n    x\nelif b:\n    y\nelse:\n    z"
        << "(if a [x] [(if b [y] [z])])";
    QTest::newRow("one-line if") << "if a: b; c" << "(if a [b c] [])";
    QTest::newRow("while else") << "while x:\n    x -= 1\nelse:\n    pass" << "(while x [(-= x 1)] [pass])";
    QTest::newRow("for else")
        << "for i, v in enumerate(xs):\n    continue\nelse:\n    pass"
        << "(for (tuple i v) (call enumerate xs) [continue] [pass])";
    QTest::newRow("for over tuple") << "for x in a, b:\n    break" << "(for x (tuple a b) [break] [])";
    QTest::newRow("try")
        << "try:\n    a\nexcept (E, F) as e:\n    b\nexcept:\n    c\nelse:\n    d\nfinally:\n    e"
        << "(try [a] (except (tuple E F) e [b]) (except _ [c]) [d] [e])";
    QTest::newRow("try finally") << "try:\n    a\nfinally:\n    b" << "(try [a] [] [b])";
    QTest::newRow("except star") << "try:\n    a\nexcept* E as g:\n    b" << "(try* [a] (except E g [b]) [] [])";
    QTest::newRow("with items") << "with a as b, c:\n    pass" << "(with a as b c [pass])";
    QTest::newRow("parenthesized with items")
        << "with (\n    open(x) as f,\n    open(y) as g,\n):\n    pass"
        << "(with (call open x) as f (call open y) as g [pass])";
    QTest::newRow("with tuple context") << "with (a, b) as c:\n    pass" << "(with (tuple a b) as c [pass])";
    QTest::newRow("with tuple target") << "with a as (b, c):\n    pass" << "(with a as (tuple b c) [pass])";
    QTest::newRow("async for/with")
        << "async def f():\n    async for x in y:\n        async with l:\n            pass"
        << "(async-def f () [(async-for x y [(async-with l [pass])] [])])";
    QTest::newRow("yield from") << "def g():\n    yield from h()" << "(def g () [(yield-from (call h))])";
    QTest::newRow("expression statement") << "print('hi')" << "(call print 'hi')";
    QTest::newRow("print without arguments") << "print" << "print";
}

void TestParser::statements()
{
    QFETCH(QString, source);
    QFETCH(QString, tree);
    QCOMPARE(dumpStatement(source + u'\n'), tree);
}

void TestParser::numbers()
{
    QCOMPARE(dumpStatement("x = (0, 42, 1_000_000, 0x1F, 0o17, 0b1010, 0b_1, 00)"),
             QStringLiteral("(= x (tuple 0 42 1000000 31 15 10 1 0))"));
    QCOMPARE(dumpStatement("x = (1.5, 1e3, 1E-3, .5, 5., 1_000.5)"),
             QStringLiteral("(= x (tuple 1.5f 1000f 0.001f 0.5f 5f 1000.5f))"));
    QCOMPARE(dumpStatement("x = 9223372036854775807"), QStringLiteral("(= x 9223372036854775807)"));
    // The one literal past INT64_MAX that is valid: negated, it is INT64_MIN.
    QCOMPARE(dumpStatement("x = -9223372036854775808"), QStringLiteral("(= x -9223372036854775808)"));
    QCOMPARE(dumpStatement("x = 1e400"), QStringLiteral("(= x inff)"));
    // A keyword glued to a number is accepted, as in CPython.
    QCOMPARE(dumpStatement("x = 1if y else 2"), QStringLiteral("(= x (if y 1 2))"));
    QCOMPARE(dumpStatement("x = 1..real"), QStringLiteral("(= x (. 1f real))"));
}

void TestParser::strings()
{
    QCOMPARE(dumpStatement(R"(x = 'a' "b" '''c''' """d""")"), QStringLiteral("(= x 'abcd')"));
    PARSE(module, QStringLiteral(R"(x = 'a\nb\t\\\'\"\x41\u00e9\U0001F600\0\101\q')"));
    QCOMPARE(q(module->body[0]->value->constant.strValue),
             QStringLiteral("a\nb\t\\'\"A\u00e9\U0001F600") + QChar(0) + QStringLiteral("A\\q"));
    QCOMPARE(dumpStatement(R"(x = r'\d+\n')"), QStringLiteral(R"((= x '\d+\n'))"));
    QCOMPARE(dumpStatement("x = 'a\\\nb'"), QStringLiteral("(= x 'ab')"));
    QCOMPARE(dumpStatement("x = '''one\ntwo'''"), QStringLiteral("(= x 'one\ntwo')"));
    QCOMPARE(dumpStatement("x = ('a'\n     'b')"), QStringLiteral("(= x 'ab')"));
    QCOMPARE(dumpStatement("x = u'\u00e9' + ''"), QStringLiteral("(= x (+ '\u00e9' ''))"));
}

void TestParser::fstrings()
{
    QCOMPARE(dumpStatement("f'a{b}c'"), QStringLiteral("(f 'a' {b} 'c')"));
    QCOMPARE(dumpStatement("f'{{literal}} {x}'"), QStringLiteral("(f '{literal} ' {x})"));
    QCOMPARE(dumpStatement("f'{x!r} {y!s} {z!a}'"), QStringLiteral("(f {x!r} ' ' {y!s} ' ' {z!a})"));
    QCOMPARE(dumpStatement("f'{x:>10}'"), QStringLiteral("(f {x:'>10'})"));
    QCOMPARE(dumpStatement("f'{x:{width}.{precision}f}'"), QStringLiteral("(f {x:{width} '.' {precision} 'f'})"));
    QCOMPARE(dumpStatement("f'{x!r:^{w}}'"), QStringLiteral("(f {x!r:'^' {w}})"));
    QCOMPARE(dumpStatement("f'{a + b * 2}'"), QStringLiteral("(f {(+ a (* b 2))})"));
    QCOMPARE(dumpStatement("f'{d[\"key\"]}'"), QStringLiteral("(f {([] d 'key')})"));
    QCOMPARE(dumpStatement("f'{a, b}'"), QStringLiteral("(f {(tuple a b)})"));
    QCOMPARE(dumpStatement("f'{a != b}'"), QStringLiteral("(f {(cmp a != b)})"));
    QCOMPARE(dumpStatement("f'{ {1: 2}[1] }'"), QStringLiteral("(f {([] (dict 1:2) 1)})"));
    QCOMPARE(dumpStatement("f'{x:%H:%M}'"), QStringLiteral("(f {x:'%H:%M'})"));
    QCOMPARE(dumpStatement("f'\\t{x}\\n'"), QStringLiteral("(f '\t' {x} '\n')"));
    QCOMPARE(dumpStatement("rf'\\d{x}'"), QStringLiteral("(f '\\d' {x})"));
    // Implicit concatenation mixes plain strings and f-strings into one.
    QCOMPARE(dumpStatement("x = 'a' f'{b}' 'c' f'd{e}'"), QStringLiteral("(= x (f 'a' {b} 'cd' {e}))"));
    QCOMPARE(dumpStatement("x = f'plain'"), QStringLiteral("(= x (f 'plain'))"));
    QCOMPARE(dumpStatement("x = f'''\n{a}\n'''"), QStringLiteral("(= x (f '\n' {a} '\n'))"));
}

void TestParser::fstringSelfDocumenting()
{
    // `{x = }` keeps its text through the '=' and the spaces after it, and defaults to repr.
    QCOMPARE(dumpStatement("f'{x=}'"), QStringLiteral("(f {x self=\"x=\"!r})"));
    QCOMPARE(dumpStatement("f'{ x + 1 = }'"), QStringLiteral("(f {(+ x 1) self=\" x + 1 = \"!r})"));
    QCOMPARE(dumpStatement("f'{x=!s}'"), QStringLiteral("(f {x self=\"x=\"!s})"));
    // With a format spec and no conversion, the value is formatted, not repr'd.
    QCOMPARE(dumpStatement("f'{x=:>5}'"), QStringLiteral("(f {x self=\"x=\":'>5'})"));
}

void TestParser::fstringPositions()
{
    PARSE(module, "x = f'ab{cd + ef}'\ny = f'''\n  {gh}'''\n");
    const Expr &first = *module->body[0]->value->fstringParts[1].expr;
    QCOMPARE(first.pos.line, 1);
    QCOMPARE(first.pos.column, 10);
    QCOMPARE(first.right->pos.column, 15);
    const Expr &second = *module->body[1]->value->fstringParts[1].expr;
    QCOMPARE(second.pos.line, 3);
    QCOMPARE(second.pos.column, 4);
}

void TestParser::positions()
{
    PARSE(module, "x = 1\nif a:\n    y = (b + c) * d.e\n");
    const Stmt &assign = *module->body[0];
    QCOMPARE(assign.pos.line, 1);
    QCOMPARE(assign.pos.column, 1);
    QCOMPARE(assign.value->pos.column, 5);
    const Stmt &inner = *module->body[1]->body[0];
    QCOMPARE(inner.pos.line, 3);
    QCOMPARE(inner.pos.column, 5);
    const Expr &product = *inner.value;
    QCOMPARE(product.pos.column, 9);              // the parenthesis, as in CPython
    QCOMPARE(product.left->pos.column, 10);       // b + c
    QCOMPARE(product.right->pos.column, 19);      // d.e
    QCOMPARE(product.right->id, std::string("e"));

    // Columns count code points, not bytes.
    PARSE(unicode, "x = 'é' + y\n");
    QCOMPARE(unicode->body[0]->value->right->pos.column, 11);
}

void TestParser::lambdaIsAFunction()
{
    PARSE(module, "f = lambda a, *b, c=1, **d: a\n");
    const Expr &lambda = *module->body[0]->value;
    QCOMPARE(lambda.kind, ExprKind::Lambda);
    QVERIFY(lambda.lambda);
    QCOMPARE(lambda.lambda->name, std::string("<lambda>"));
    QCOMPARE(lambda.lambda->positional.size(), std::size_t(1));
    QCOMPARE(lambda.lambda->varargs, std::string("b"));
    QCOMPARE(lambda.lambda->kwonly.size(), std::size_t(1));
    QCOMPARE(lambda.lambda->kwargs, std::string("d"));
    QCOMPARE(lambda.lambda->body.size(), std::size_t(1));
    QCOMPARE(lambda.lambda->body[0]->kind, StmtKind::Return);
    QCOMPARE(lambda.lambda->body[0]->value->id, std::string("a"));
}

void TestParser::functionDefinitions()
{
    QCOMPARE(dumpStatement("def f(a, b=1, *args, c, d=2, **kw): pass"),
             QStringLiteral("(def f (a b=1 *args c d=2 **kw) [pass])"));
    QCOMPARE(dumpStatement("def f(a, /, b, *, c): pass"), QStringLiteral("(def f (a / b * c) [pass])"));
    QCOMPARE(dumpStatement("def f(a: int, b: str = 'x') -> bool: pass"), QStringLiteral("(def f (a b='x') [pass])"));

    PARSE(module, "async def f(x: int, *rest: str, **kw: float) -> None:\n    await g()\n");
    const FunctionDef &f = *module->body[0]->function;
    QVERIFY(f.isAsync);
    QCOMPARE(f.name, std::string("f"));
    QVERIFY(f.positional[0].annotation); // kept, though ignored
    QCOMPARE(f.positional[0].annotation->id, std::string("int"));
    QCOMPARE(f.positionalOnlyCount, 0);
    QCOMPARE(f.varargs, std::string("rest"));
    QCOMPARE(f.kwargs, std::string("kw"));

    PARSE(posonly, "def g(a, b, /, c): pass\n");
    QCOMPARE(posonly->body[0]->function->positionalOnlyCount, 2);
    QCOMPARE(posonly->body[0]->function->positional.size(), std::size_t(3));
}

void TestParser::decoratorsAndClasses()
{
    QCOMPARE(dumpStatement("@dec\n@mod.dec(1)\nasync def f(): pass"),
             QStringLiteral("(async-def @dec @(call (. mod dec) 1) f () [pass])"));
    QCOMPARE(dumpStatement("class A(B, C, metaclass=M, **kw):\n    x = 1"),
             QStringLiteral("(class A (B C metaclass=M **kw) [(= x 1)])"));
    QCOMPARE(dumpStatement("@dataclass\nclass P:\n    x: int"), QStringLiteral("(class @dataclass P () [(: x _)])"));

    PARSE(module, "@a\n@b\ndef f():\n    pass\n");
    QCOMPARE(module->body[0]->pos.line, 3); // the `def` line, as in CPython
    QCOMPARE(module->body[0]->function->decorators.size(), std::size_t(2));
}

void TestParser::docstrings()
{
    PARSE(module, "'''Module doc.'''\n"
                  "def f():\n    \"\"\"Function doc.\"\"\"\n    return 1\n"
                  "class C:\n    'Class doc.'\n    def m(self):\n        x = 1\n        'not a docstring'\n"
                  "def g():\n    f'not {a} docstring'\n");
    QCOMPARE(module->docstring, std::string("Module doc."));
    QCOMPARE(module->body[1]->function->docstring, std::string("Function doc."));
    const ClassDef &c = *module->body[2]->classDef;
    QCOMPARE(c.docstring, std::string("Class doc."));
    QCOMPARE(c.body[1]->function->docstring, std::string());
    QCOMPARE(module->body[3]->function->docstring, std::string());
}

void TestParser::generators()
{
    PARSE(module, "def a():\n    yield 1\n"
                  "def b():\n    x = yield\n"
                  "def c():\n    def inner():\n        yield\n    return inner\n"
                  "def d():\n    return (x for x in y)\n"
                  "async def e():\n    yield 1\n"
                  "def f():\n    yield from g()\n"
                  "def g():\n    return 1\n"
                  "h = lambda: (yield)\n");
    const bool expected[] = {true, true, false, false, true, true, false};
    for (std::size_t i = 0; i < std::size(expected); ++i) {
        const FunctionDef &function = *module->body[i]->function;
        if (function.isGenerator != expected[i])
            QFAIL(qPrintable(QStringLiteral("%1: isGenerator is %2").arg(q(function.name)).arg(function.isGenerator)));
    }
    // Nested scopes decide for themselves.
    QVERIFY(module->body[2]->function->body[0]->function->isGenerator);
    QVERIFY(module->body[7]->value->lambda->isGenerator);
}

void TestParser::hasAwait_data()
{
    QTest::addColumn<QString>("expression");
    QTest::addColumn<bool>("expected");

    QTest::newRow("plain call") << "f(x)" << false;
    QTest::newRow("await") << "await f()" << true;
    QTest::newRow("nested in call") << "g(1, await f())" << true;
    QTest::newRow("in keyword") << "g(x=await f())" << true;
    QTest::newRow("in f-string") << "f'{await f()}'" << true;
    QTest::newRow("in format spec") << "f'{x:{await w()}}'" << true;
    QTest::newRow("in list") << "[1, await f()]" << true;
    QTest::newRow("in dict value") << "{'a': await f()}" << true;
    QTest::newRow("in conditional") << "a if await b() else c" << true;
    QTest::newRow("lambda body is another scope") << "lambda: g()" << false;
    QTest::newRow("lambda default") << "lambda x=await f(): x" << true;
    QTest::newRow("async comprehension") << "[x async for x in y]" << true;
    QTest::newRow("await in comprehension") << "[await x for x in y]" << true;
    QTest::newRow("await in iterable") << "[x for x in await y()]" << true;
    QTest::newRow("plain comprehension") << "[x for x in y]" << false;
    QTest::newRow("subscript") << "a[await i()]" << true;
    QTest::newRow("slice") << "a[1:await n()]" << true;
}

void TestParser::hasAwait()
{
    QFETCH(QString, expression);
    QFETCH(bool, expected);
    PARSE(module, QStringLiteral("async def f():\n    return ") + expression + u'\n');
    const Stmt &ret = *module->body[0]->function->body[0];
    QCOMPARE(ret.value->hasAwait, expected);
    QCOMPARE(ret.hasAwait, expected);
    // A function definition statement never awaits by itself.
    QCOMPARE(module->body[0]->hasAwait, false);
}

void TestParser::hasAwaitOnStatements()
{
    PARSE(module, "async def main():\n"
                  "    x = 1\n"                                 // 0
                  "    if x:\n        await a()\n"              // 1
                  "    while x:\n        x -= 1\n"              // 2
                  "    async for i in it:\n        pass\n"      // 3
                  "    async with lock:\n        pass\n"        // 4
                  "    try:\n        pass\n    except E:\n        await b()\n" // 5
                  "    try:\n        pass\n    finally:\n        pass\n"      // 6
                  "    def inner():\n        return 1\n"        // 7
                  "    @deco(await c())\n    def decorated(): pass\n" // 8
                  "    class K:\n        x = 1\n"               // 9
                  "    for i in await d():\n        pass\n"     // 10
                  "    with a as b:\n        await e()\n"       // 11
                  "    while True:\n        if y:\n            break\n    else:\n        await f()\n" // 12
                  "    async def nested():\n        await g()\n"); // 13
    const StmtList &body = module->body[0]->function->body;
    const bool expected[] = {false, true, false, true, true, true, false, false, true, false, true, true, true, false};
    QCOMPARE(body.size(), std::size_t(14));
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i]->hasAwait != expected[i])
            QFAIL(qPrintable(QStringLiteral("statement %1: hasAwait is %2").arg(i).arg(body[i]->hasAwait)));
    }
    QCOMPARE(body[1]->test->hasAwait, false); // only the body awaits
    QCOMPARE(body[13]->function->body[0]->hasAwait, true);
}

void TestParser::moduleLines()
{
    PARSE(module, "a = 1\r\nb = 2\n\nc = 3");
    QCOMPARE(module->fileName, std::string("test.py"));
    QCOMPARE(module->lines.size(), std::size_t(4));
    QCOMPARE(module->lines[0], std::string("a = 1"));
    QCOMPARE(module->lines[2], std::string());
    QCOMPARE(module->lines[3], std::string("c = 3"));
    QCOMPARE(module->body.size(), std::size_t(3));
    QCOMPARE(module->body[2]->pos.line, 4);
}

void TestParser::layout()
{
    // Comments, blank lines, continuations, brackets spanning lines, tabs.
    PARSE(module, "# comment\n"
                  "x = [\n    1,  # one\n\n    2,\n]\n"
                  "y = 1 + \\\n    2\n"
                  "if x:\n\tif y:\n\t\tpass\n\tz = 3\n"
                  "    \n"
                  "def f(): return x\n");
    QCOMPARE(module->body.size(), std::size_t(4));
    QCOMPARE(dump(*module->body[0]), QStringLiteral("(= x [1 2])"));
    QCOMPARE(dump(*module->body[1]), QStringLiteral("(= y (+ 1 2))"));
    QCOMPARE(dump(*module->body[2]), QStringLiteral("(if x [(if y [pass] []) (= z 3)] [])"));
    // A tab indents to the next multiple of 8: "    \t" and "\t" are the same level here.
    PARSE(tabs, "if x:\n    \ty = 1\n    \tif y:\n            z = 2\n");
    QCOMPARE(dump(*tabs->body[0]), QStringLiteral("(if x [(= y 1) (if y [(= z 2)] [])] [])"));
    PARSE(empty, "");
    QVERIFY(empty->body.empty());
    PARSE(noNewline, "x = 1");
    QCOMPARE(noNewline->body.size(), std::size_t(1));
}

void TestParser::errors_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");

    const QString syntax = QStringLiteral("SyntaxError");
    const QString indentation = QStringLiteral("IndentationError");
    auto row = [&](const char *name, const char *source, const QString &type, const char *message, int line, int column) {
        QTest::newRow(name) << QString::fromUtf8(source) << type << QString::fromUtf8(message) << line << column;
    };

    row("invalid syntax", "a b\n", syntax, "invalid syntax", 1, 3);
    row("stray keyword", "else:\n    pass\n", syntax, "invalid syntax", 1, 1);
    row("expected colon", "if x\n    pass\n", syntax, "expected ':'", 1, 5);
    row("expected colon after def", "def f()\n    pass\n", syntax, "expected ':'", 1, 8);
    row("expected colon after class", "class A\n    pass\n", syntax, "expected ':'", 1, 8);
    row("expected colon after for", "for x in y\n    pass\n", syntax, "expected ':'", 1, 11);
    row("unexpected indent", "x = 1\n    y = 2\n", indentation, "unexpected indent", 2, 4);
    row("unexpected indent at start", "  x = 1\n", indentation, "unexpected indent", 1, 2);
    row("block after if", "if x:\npass\n", indentation, "expected an indented block after 'if' statement on line 1", 2, 1);
    row("block after def", "def f():\npass\n", indentation, "expected an indented block after function definition on line 1", 2, 1);
    row("block after async def", "async def f():\npass\n", indentation, "expected an indented block after function definition on line 1", 2, 1);
    row("block after class", "class A:\npass\n", indentation, "expected an indented block after class definition on line 1", 2, 1);
    row("block after for", "for x in y:\npass\n", indentation, "expected an indented block after 'for' statement on line 1", 2, 1);
    row("block after while", "while a:\npass\n", indentation, "expected an indented block after 'while' statement on line 1", 2, 1);
    row("block after try", "try:\npass\n", indentation, "expected an indented block after 'try' statement on line 1", 2, 1);
    row("block after except", "try:\n x\nexcept E:\npass\n", indentation, "expected an indented block after 'except' statement on line 3", 4, 1);
    row("block after finally", "try:\n x\nfinally:\npass\n", indentation, "expected an indented block after 'finally' statement on line 3", 4, 1);
    row("block after else", "if a:\n b\nelse:\npass\n", indentation, "expected an indented block after 'else' statement on line 3", 4, 1);
    row("block after elif", "if a:\n b\nelif c:\npass\n", indentation, "expected an indented block after 'elif' statement on line 3", 4, 1);
    row("block after with", "with a:\npass\n", indentation, "expected an indented block after 'with' statement on line 1", 2, 1);
    row("block at end of file", "if x:\n", indentation, "expected an indented block after 'if' statement on line 1", 1, 6);
    row("block before dedent", "if a:\n    if b:\nx = 1\n", indentation, "expected an indented block after 'if' statement on line 2", 3, 0);
    row("unindent mismatch", "if x:\n    a\n  b\n", indentation, "unindent does not match any outer indentation level", 3, 4);
    row("tab error", "if True:\n        x\n\ty\n", QStringLiteral("TabError"), "inconsistent use of tabs and spaces in indentation", 3, 1);
    row("unterminated string", "x = 'abc\n", syntax, "unterminated string literal (detected at line 1)", 1, 5);
    row("unterminated triple", "x = '''abc\n\ny = 2\n", syntax, "unterminated triple-quoted string literal (detected at line 3)", 1, 5);
    row("unterminated f-string", "x = f'abc\n", syntax, "unterminated f-string literal (detected at line 1)", 1, 5);
    row("never closed", "print(1\n", syntax, "'(' was never closed", 1, 6);
    row("never closed, later line", "x = [1,\n2,\ny = 3\n", syntax, "'[' was never closed", 1, 5);
    row("never closed, dict", "x = {'a': 1\ny = 2\n", syntax, "'{' was never closed", 1, 5);
    row("unmatched", "x = 1)\n", syntax, "unmatched ')'", 1, 6);
    row("mismatched", "x = (1]\n", syntax, "closing parenthesis ']' does not match opening parenthesis '('", 1, 7);
    row("mismatched across lines", "x = (1,\n2]\n", syntax, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2);
    row("return outside function", "return 1\n", syntax, "'return' outside function", 1, 1);
    row("return in class", "def f():\n  class A:\n    return 1\n", syntax, "'return' outside function", 3, 5);
    row("await at module level", "await x\n", syntax, "'await' outside function", 1, 1);
    row("await in plain def", "def f():\n    await x\n", syntax, "'await' outside async function", 2, 5);
    row("await in lambda", "async def f():\n  g = lambda: await y\n", syntax, "'await' outside async function", 2, 15);
    row("await in class body", "async def f():\n  class A:\n    x = await y\n", syntax, "'await' outside function", 3, 9);
    row("async comprehension in plain def", "def f():\n  x = [await y for y in z]\n", syntax, "asynchronous comprehension outside of an asynchronous function", 2, 7);
    row("async for comprehension at module level", "x = [y async for y in z]\n", syntax, "asynchronous comprehension outside of an asynchronous function", 1, 5);
    row("break outside loop", "break\n", syntax, "'break' outside loop", 1, 1);
    row("break in loop else", "for x in y:\n  pass\nelse:\n  break\n", syntax, "'break' outside loop", 4, 3);
    row("break in nested def", "for x in y:\n  def f():\n    break\n", syntax, "'break' outside loop", 3, 5);
    row("continue outside loop", "continue\n", syntax, "'continue' not properly in loop", 1, 1);
    row("yield outside function", "yield 1\n", syntax, "'yield' outside function", 1, 1);
    row("yield in class", "class A:\n  yield 1\n", syntax, "'yield' outside function", 2, 3);
    row("yield in comprehension", "def f():\n  x = [(yield) for y in z]\n", syntax, "'yield' inside list comprehension", 2, 9);
    row("yield from in async def", "async def f():\n  yield from x\n", syntax, "'yield from' inside async function", 2, 3);
    row("return value in async generator", "async def f():\n  yield 1\n  return 2\n", syntax, "'return' with value in async generator", 3, 3);
    row("async for outside async", "def f():\n  async for x in y: pass\n", syntax, "'async for' outside async function", 2, 3);
    row("async for at module level", "async for x in y: pass\n", syntax, "'async for' outside async function", 1, 1);
    row("async with outside async", "async with x: pass\n", syntax, "'async with' outside async function", 1, 1);
    row("invalid character", "x = \u2018a\u2019\n", syntax, "invalid character '\u2018' (U+2018)", 1, 5);
    row("invalid emoji", "x = \U0001F600\n", syntax, "invalid character '\U0001F600' (U+1F600)", 1, 5);
    row("non-printable", "x = \u00a0\n", syntax, "invalid non-printable character U+00A0", 1, 5);
    row("print statement", "print 'x'\n", syntax, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1);
    row("print name", "print x\n", syntax, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1);
    row("invalid decimal", "x = 1abc\n", syntax, "invalid decimal literal", 1, 5);
    row("double underscore", "x = 1__0\n", syntax, "invalid decimal literal", 1, 6);
    row("empty hex", "x = 0x\n", syntax, "invalid hexadecimal literal", 1, 6);
    row("octal digit", "x = 0o8\n", syntax, "invalid digit '8' in octal literal", 1, 7);
    row("leading zeros", "x = 0777\n", syntax, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5);
    row("integer too large", "x = 9223372036854775808\n", syntax, "integer literal too large (Loopscope integers are 64-bit)", 1, 5);
    row("hex too large", "x = 0x1_0000_0000_0000_0000\n", syntax, "integer literal too large (Loopscope integers are 64-bit)", 1, 5);
    row("complex", "x = 1j\n", syntax, "complex numbers are not supported yet", 1, 5);
    row("bytes", "x = b'abc'\n", syntax, "bytes literals are not supported yet", 1, 5);
    row("line continuation", "x = \\ y\n", syntax, "unexpected character after line continuation character", 1, 6);
    row("truncated escape", "x = '\\x4'\n", syntax, "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape", 1, 5);
    row("assign to literal", "1 = x\n", syntax, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1);
    row("assign to call", "f() = 1\n", syntax, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1);
    row("assign to expression", "a + 1 = 2\n", syntax, "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1);
    row("assign to literal in list", "[a, 1] = x\n", syntax, "cannot assign to literal", 1, 5);
    row("assign to conditional", "a if b else c = 1\n", syntax, "cannot assign to conditional expression", 1, 1);
    row("assign to None", "None = 1\n", syntax, "cannot assign to None", 1, 1);
    row("chained assign to literal", "x = 1 = 2\n", syntax, "cannot assign to literal", 1, 5);
    row("assign to yield", "def f():\n  x = yield = 1\n", syntax, "assignment to yield expression not possible", 2, 7);
    row("for target", "for 1 in x:\n  pass\n", syntax, "cannot assign to literal", 1, 5);
    row("with target", "with a as 1:\n  pass\n", syntax, "cannot assign to literal", 1, 11);
    row("augmented tuple", "a, b += 1\n", syntax, "'tuple' is an illegal expression for augmented assignment", 1, 1);
    row("starred alone", "*a = 1\n", syntax, "starred assignment target must be in a list or tuple", 1, 1);
    row("two starred", "*a, *b = c\n", syntax, "multiple starred expressions in assignment", 1, 1);
    row("starred value", "x = *a\n", syntax, "can't use starred expression here", 1, 5);
    row("starred in parens", "x = (*a)\n", syntax, "cannot use starred expression here", 1, 6);
    row("delete call", "del f()\n", syntax, "cannot delete function call", 1, 5);
    row("annotate tuple", "a, b: int\n", syntax, "only single target (not tuple) can be annotated", 1, 1);
    row("walrus target", "(a.b := 1)\n", syntax, "cannot use assignment expressions with attribute", 1, 2);
    row("equals in if", "if x = 1:\n  pass\n", syntax, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4);
    row("forgot comma", "x = [1, 2 3]\n", syntax, "invalid syntax. Perhaps you forgot a comma?", 1, 9);
    row("forgot comma in call", "f(a b)\n", syntax, "invalid syntax. Perhaps you forgot a comma?", 1, 3);
    row("missing else", "x = a if b\n", syntax, "expected 'else' after 'if' expression", 1, 5);
    row("dict key without value", "x = {1: 2, 3}\n", syntax, "':' expected after dictionary key", 1, 12);
    row("generator needs parens", "f(x for x in y, 1)\n", syntax, "Generator expression must be parenthesized", 1, 3);
    row("positional after keyword", "f(a=1, b)\n", syntax, "positional argument follows keyword argument", 1, 9);
    row("unpacking order", "f(**k, *a)\n", syntax, "iterable argument unpacking follows keyword argument unpacking", 1, 8);
    row("keyword repeated", "f(a=1, a=2)\n", syntax, "keyword argument repeated: a", 1, 8);
    row("keyword expression", "f(a.b=1)\n", syntax, "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3);
    row("default order", "def f(a=1, b): pass\n", syntax, "parameter without a default follows parameter with a default", 1, 12);
    row("bare star", "def f(*): pass\n", syntax, "named arguments must follow bare *", 1, 7);
    row("duplicate argument", "def f(a, a): pass\n", syntax, "duplicate argument 'a' in function definition", 1, 10);
    row("slash first", "def f(/, a): pass\n", syntax, "at least one argument must precede /", 1, 7);
    row("after kwargs", "def f(**k, a): pass\n", syntax, "arguments cannot follow var-keyword argument", 1, 12);
    row("try alone", "try:\n  pass\nx = 1\n", syntax, "expected 'except' or 'finally' block", 3, 1);
    row("try at end", "try:\n  pass\n", syntax, "expected 'except' or 'finally' block", 2, 7);
    row("except and except*", "try:\n  pass\nexcept A:\n  pass\nexcept* B:\n  pass\n", syntax, "cannot have both 'except' and 'except*' on the same 'try'", 5, 1);
    row("except tuple", "try:\n  pass\nexcept A, B:\n  pass\n", syntax, "multiple exception types must be parenthesized", 3, 8);
    row("break in except*", "for i in range(2):\n    try:\n        pass\n    except* ValueError:\n        break\n", syntax, "'break', 'continue' and 'return' cannot appear in an except* block", 5, 9);
    row("return in except*", "def f():\n    try:\n        pass\n    except* ValueError:\n        for i in range(3):\n            continue\n        return 1\n", syntax, "'break', 'continue' and 'return' cannot appear in an except* block", 7, 16);
    row("bare except first", "try:\n  pass\nexcept:\n  pass\nexcept E:\n  pass\n", syntax, "default 'except:' must be last", 3, 1);
    row("nonlocal at module level", "nonlocal x\n", syntax, "nonlocal declaration not allowed at module level", 1, 1);
    row("trailing comma import", "from x import a,\n", syntax, "trailing comma not allowed without surrounding parentheses", 1, 17);
    row("f-string empty", "x = f'{}'\n", syntax, "f-string: valid expression required before '}'", 1, 8);
    row("f-string single brace", "x = f'}'\n", syntax, "f-string: single '}' is not allowed", 1, 7);
    row("f-string unclosed", "x = f'{x'\n", syntax, "f-string: expecting '}'", 1, 9);
    row("f-string conversion", "x = f'{x!z}'\n", syntax, "f-string: invalid conversion character 'z': expected 's', 'r', or 'a'", 1, 10);
    row("f-string missing conversion", "x = f'{x!}'\n", syntax, "f-string: missing conversion character", 1, 10);
    row("f-string syntax error", "x = f'{a b}'\n", syntax, "invalid syntax. Perhaps you forgot a comma?", 1, 8);
    row("f-string too deep", "x = f'{x:{y:{z:{w}}}}'\n", syntax, "f-string: expressions nested too deeply", 1, 15);
    // 3.12 (PEP 701) allows backslashes in the expression part; a stray one is a line continuation.
    row("f-string backslash in expression", "x = f'{a\\n}'\n", syntax, "unexpected character after line continuation character", 1, 10);
    row("unsupported match", "match x:\n    case 1:\n        pass\n", syntax, "match statements are not supported yet", 1, 1);
    row("too many parentheses", (std::string("x = ") + std::string(201, '(') + "\n").c_str(), syntax, "too many nested parentheses", 1, 205);
}

void TestParser::errors()
{
    QFETCH(QString, source);
    QFETCH(QString, type);
    QFETCH(QString, message);
    QFETCH(int, line);
    QFETCH(int, column);
    EXPECT_ERROR(error, source);
    QCOMPARE(q(error.message), message);
    QCOMPARE(q(error.type), type);
    QCOMPARE(error.line, line);
    QCOMPARE(error.column, column);
    QCOMPARE(error.fileName, std::string("test.py"));
    const QStringList lines = source.split(u'\n');
    if (line >= 1 && line <= lines.size())
        QCOMPARE(q(error.lineText), lines[line - 1]);
}

void TestParser::errorFormat()
{
    {
        EXPECT_ERROR(error, "x = 1\nif x\n    pass\n");
        QCOMPARE(q(error.format()), QStringLiteral("  File \"test.py\", line 2\n"
                                                   "    if x\n"
                                                   "        ^\n"
                                                   "SyntaxError: expected ':'"));
    }
    {
        // Leading spaces are stripped and the caret follows.
        EXPECT_ERROR(error, "def f():\n    x = (1]\n");
        QCOMPARE(q(error.format()), QStringLiteral("  File \"test.py\", line 2\n"
                                                   "    x = (1]\n"
                                                   "          ^\n"
                                                   "SyntaxError: closing parenthesis ']' does not match opening parenthesis '('"));
    }
    {
        // Tabs are kept in the caret line so that it lines up.
        EXPECT_ERROR(error, "if x:\n\ty = 'a\n");
        QCOMPARE(q(error.format()), QStringLiteral("  File \"test.py\", line 2\n"
                                                   "    \ty = 'a\n"
                                                   "    \t    ^\n"
                                                   "SyntaxError: unterminated string literal (detected at line 2)"));
    }
    {
        // An unexpected indent has no caret in CPython either.
        EXPECT_ERROR(error, "x = 1\n    y = 2\n");
        QCOMPARE(q(error.format()), QStringLiteral("  File \"test.py\", line 2\n"
                                                   "    y = 2\n"
                                                   "IndentationError: unexpected indent"));
    }
    {
        // The caret counts characters, not bytes.
        EXPECT_ERROR(error, "s = 'é' + \u2018\n");
        QCOMPARE(q(error.format()), QStringLiteral("  File \"test.py\", line 1\n"
                                                   "    s = 'é' + \u2018\n"
                                                   "              ^\n"
                                                   "SyntaxError: invalid character '\u2018' (U+2018)"));
    }
}

void TestParser::nestingLimits()
{
    // Deep trees would exhaust the stack of the passes that walk them; like CPython, the
    // parser accepts a thousand levels and refuses far more.
    const auto repeat = [](const char *text, int count) {
        QString out;
        for (int i = 0; i < count; ++i)
            out += QString::fromLatin1(text);
        return out;
    };
    for (const char *link : {" + 1", ".b", "()", " ** 2", " if c else 1"}) {
        PARSE(module, QStringLiteral("x = a") + repeat(link, 1000) + u'\n');
        EXPECT_ERROR(error, QStringLiteral("x = a") + repeat(link, 20000) + u'\n');
        QCOMPARE(error.message, std::string("too many nested expressions (source too complex to parse)"));
    }
    EXPECT_ERROR(unary, QStringLiteral("x = ") + repeat("-", 20000) + QStringLiteral("1\n"));
    QCOMPARE(unary.message, std::string("too many nested expressions (source too complex to parse)"));
    QString blocks;
    for (int i = 0; i < 120; ++i)
        blocks += QString(i, u' ') + QStringLiteral("if x:\n");
    blocks += QString(120, u' ') + QStringLiteral("pass\n");
    EXPECT_ERROR(indentation, blocks);
    QCOMPARE(indentation.message, std::string("too many levels of indentation"));
}

void TestParser::realisticScript()
{
    const char *source = R"PY("""Producer/consumer with an asyncio.Queue."""
import asyncio
import random
from dataclasses import dataclass


@dataclass
class Job:
    id: int
    cost: float = 0.5


async def producer(queue: asyncio.Queue, count: int) -> None:
    for i in range(count):
        job = Job(i, cost=random.random() / 10)
        await queue.put(job)
        print(f"produced {job.id:>3} (cost {job.cost:.2f}s)")
    await queue.put(None)


async def consumer(name: str, queue: asyncio.Queue, results: dict[str, list]) -> int:
    handled = 0
    while True:
        job = await queue.get()
        try:
            if job is None:
                await queue.put(None)  # let the other consumers stop too
                break
            await asyncio.sleep(job.cost)
            results.setdefault(name, []).append(job.id)
            handled += 1
        except asyncio.CancelledError:
            print(f"{name} cancelled after {handled} jobs")
            raise
        except (ValueError, KeyError) as exc:
            print(f"{name}: {exc!r}")
        else:
            print(f"{name} finished job {job.id}", end='\n', sep='')
        finally:
            queue.task_done()
    return handled


async def main(workers: int = 3) -> None:
    queue: asyncio.Queue = asyncio.Queue(maxsize=10)
    results: dict[str, list] = {}
    consumers = [asyncio.create_task(consumer(f"worker-{n}", queue, results))
                 for n in range(workers)]
    await producer(queue, 20)
    counts = await asyncio.gather(*consumers, return_exceptions=True)
    total = sum(c for c in counts if isinstance(c, int))
    for name, ids in sorted(results.items()):
        print(f"{name=}: {len(ids)} jobs, first={ids[0] if ids else None}")
    print(f"total: {total} ({total / max(workers, 1):.1f} per worker)")
    assert total == 20, f"lost jobs: {20 - total}"


if __name__ == "__main__":
    asyncio.run(main())
)PY";
    PARSE(module, QString::fromUtf8(source));
    QCOMPARE(module->docstring, std::string("Producer/consumer with an asyncio.Queue."));
    QCOMPARE(module->body.size(), std::size_t(9));

    const FunctionDef &producer = *module->body[5]->function;
    QCOMPARE(producer.name, std::string("producer"));
    QVERIFY(producer.isAsync);
    QVERIFY(!producer.isGenerator);
    QVERIFY(producer.body[0]->hasAwait);  // the for loop
    QVERIFY(producer.body[1]->hasAwait);

    const FunctionDef &consumer = *module->body[6]->function;
    const Stmt &loop = *consumer.body[1];
    QCOMPARE(loop.kind, StmtKind::While);
    QVERIFY(loop.hasAwait);
    const Stmt &tryStmt = *loop.body[1];
    QCOMPARE(tryStmt.kind, StmtKind::Try);
    QCOMPARE(tryStmt.handlers.size(), std::size_t(2));
    QCOMPARE(tryStmt.handlers[1].name, std::string("exc"));
    QCOMPARE(tryStmt.orelse.size(), std::size_t(1));
    QCOMPARE(tryStmt.finalbody.size(), std::size_t(1));
    QVERIFY(tryStmt.hasAwait);
    QVERIFY(!tryStmt.finalbody[0]->hasAwait);

    const FunctionDef &mainFunction = *module->body[7]->function;
    QCOMPARE(mainFunction.positional[0].defaultValue->constant.intValue, std::int64_t(3));
    const Stmt &gather = *mainFunction.body[4];
    QCOMPARE(dump(gather.value.get()), QStringLiteral("(await (call (. asyncio gather) *consumers return_exceptions=True))"));
    QCOMPARE(dump(mainFunction.body[5]->value.get()),
             QStringLiteral("(call sum (genexp c (for c counts (if (call isinstance c int)))))"));

    const Stmt &guard = *module->body[8];
    QCOMPARE(dump(guard.test.get()), QStringLiteral("(cmp __name__ == '__main__')"));
    QVERIFY(!guard.hasAwait);
}

QTEST_GUILESS_MAIN(TestParser)
#include "tst_parser.moc"
