// The resolver: decides where every variable lives (Python's scoping rules), numbers local slots,
// marks which subtrees contain calls (for the host evaluator), and rejects constructs the
// interpreter does not run yet, by name and line.
#include "script/resolver.h"

#include "script/parser.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace loopscope::script {

namespace {

struct Scope {
    FunctionDef *def = nullptr; // null: the module
    Scope *parent = nullptr;
    bool isClass = false; // a class body: its names live in the class namespace
    std::string qualname; // prefix for the qualified names of what it defines
    std::set<std::string> locals;
    std::set<std::string> globals;
    std::set<std::string> nonlocals;
    std::map<std::string, SourcePos> nonlocalPos; // where each nonlocal was declared
    std::optional<std::pair<std::string, SourcePos>> lateGlobal; // `global x` after x was assigned
    std::set<std::string> cells;
    std::vector<std::string> frees;
    std::map<std::string, int> slots;
};

// Python 3 comprehensions don't leak their loop variables. Before resolving, every loop variable
// is renamed to a hidden name ("i@3:9", not a valid identifier), together with every use of it
// inside the comprehension, lambdas included; the resolver then treats it as an ordinary local of
// the enclosing scope, so closures over it work as in CPython.
class ComprehensionRenamer {
public:
    void block(StmtList &body)
    {
        for (auto &s : body)
            stmt(*s);
    }

private:
    using Renames = std::map<std::string, std::string>;

    static void targets(const Expr &e, std::set<std::string> &out)
    {
        if (e.kind == ExprKind::Name)
            out.insert(e.id);
        for (auto &x : e.elements)
            targets(*x, out);
        if (e.kind == ExprKind::Starred)
            targets(*e.left, out);
    }

    void stmt(Stmt &s)
    {
        for (auto *e : {s.value.get(), s.test.get(), s.target.get()})
            expr(e);
        for (auto &t : s.targets)
            expr(t.get());
        for (auto &i : s.items) {
            expr(i.context.get());
            expr(i.target.get());
        }
        for (auto &h : s.handlers) {
            expr(h.type.get());
            block(h.body);
        }
        block(s.body);
        block(s.orelse);
        block(s.finalbody);
        if (s.classDef) {
            for (auto &d : s.classDef->decorators)
                expr(d.get());
            for (auto &b : s.classDef->bases)
                expr(b.get());
            std::vector<Renames> saved;
            saved.swap(m_renames);
            block(s.classDef->body);
            saved.swap(m_renames);
        }
        if (s.function) {
            for (auto &d : s.function->decorators)
                expr(d.get());
            for (auto &p : s.function->positional)
                expr(p.defaultValue.get());
            for (auto &p : s.function->kwonly)
                expr(p.defaultValue.get());
            // A def is a statement, so it never sits inside a comprehension: no renames apply.
            std::vector<Renames> saved;
            saved.swap(m_renames);
            block(s.function->body);
            saved.swap(m_renames);
        }
    }

    void expr(Expr *e)
    {
        if (!e)
            return;
        if (e->kind == ExprKind::Name) {
            for (auto it = m_renames.rbegin(); it != m_renames.rend(); ++it)
                if (auto f = it->find(e->id); f != it->end()) {
                    e->id = f->second;
                    break;
                }
            return;
        }
        if (e->kind == ExprKind::Lambda) {
            // The lambda's own parameters shadow the comprehension's variables.
            std::set<std::string> params;
            for (auto &p : e->lambda->positional) {
                params.insert(p.name);
                expr(p.defaultValue.get());
            }
            params.insert(e->lambda->varargs);
            params.insert(e->lambda->kwargs);
            Renames visible;
            for (auto &r : m_renames)
                for (auto &[from, to] : r)
                    if (!params.count(from))
                        visible[from] = to;
            std::vector<Renames> saved {visible};
            saved.swap(m_renames);
            block(e->lambda->body);
            saved.swap(m_renames);
            return;
        }
        if (e->kind == ExprKind::ListComp || e->kind == ExprKind::DictComp || e->kind == ExprKind::GeneratorExp
            || e->kind == ExprKind::SetComp) {
            Renames names;
            for (auto &g : e->generators) {
                std::set<std::string> t;
                targets(*g.target, t);
                for (auto &n : t)
                    names[n] = n + "@" + std::to_string(e->pos.line) + ":" + std::to_string(e->pos.column);
            }
            // The first iterable is evaluated in the enclosing scope.
            expr(e->generators.front().iter.get());
            m_renames.push_back(names);
            for (std::size_t i = 0; i < e->generators.size(); ++i) {
                auto &g = e->generators[i];
                expr(g.target.get());
                if (i)
                    expr(g.iter.get());
                for (auto &c : g.ifs)
                    expr(c.get());
            }
            expr(e->left.get());
            expr(e->right.get());
            m_renames.pop_back();
            return;
        }
        for (auto *c : {e->left.get(), e->right.get(), e->third.get()})
            expr(c);
        for (auto *list : {&e->elements, &e->keys, &e->args})
            for (auto &x : *list)
                expr(x.get());
        for (auto &k : e->keywords)
            expr(k.value.get());
        for (auto &p : e->fstringParts)
            fstring(p);
    }

    void fstring(FStringPart &p)
    {
        expr(p.expr.get());
        for (auto &s : p.formatSpec)
            fstring(s);
    }

    std::vector<Renames> m_renames;
};

class Resolver {
public:
    explicit Resolver(Module &m)
        : m_module(m)
    {
    }

    void run()
    {
        Scope module;
        m_scope = &module;
        for (auto &s : m_module.body)
            stmt(*s);
    }

private:
    [[noreturn]] void unsupported(SourcePos pos, const std::string &what)
    {
        // valid Python, but not something Loopscope runs yet
        fail(pos, "NotImplementedError", what + " is not supported yet");
    }

    [[noreturn]] void syntaxError(SourcePos pos, const std::string &message) { fail(pos, "SyntaxError", message); }

    [[noreturn]] void fail(SourcePos pos, const std::string &type, const std::string &message)
    {
        SyntaxError e;
        e.type = type;
        e.message = message;
        e.fileName = m_module.fileName;
        e.line = pos.line;
        e.column = pos.column;
        if (pos.line >= 1 && std::size_t(pos.line) <= m_module.lines.size())
            e.lineText = m_module.lines[std::size_t(pos.line) - 1];
        throw e;
    }

    // ---- pass 1 (collect) and pass 2 (resolve) happen per function: collect the function's own
    // bindings first, then walk its body resolving references.

    static void collectTargets(const Expr &e, std::set<std::string> &out)
    {
        switch (e.kind) {
        case ExprKind::Name: out.insert(e.id); break;
        case ExprKind::Tuple:
        case ExprKind::List:
            for (auto &x : e.elements)
                collectTargets(*x, out);
            break;
        case ExprKind::Starred: collectTargets(*e.left, out); break;
        default: break;
        }
    }

    static void collectNamed(const Expr *e, std::set<std::string> &out)
    {
        if (!e)
            return;
        if (e->kind == ExprKind::NamedExpr) {
            out.insert(e->id);
        }
        if (e->kind == ExprKind::Lambda)
            return;
        for (auto *child : {e->left.get(), e->right.get(), e->third.get()})
            collectNamed(child, out);
        for (auto &x : e->elements)
            collectNamed(x.get(), out);
        for (auto &x : e->keys)
            collectNamed(x.get(), out);
        for (auto &x : e->args)
            collectNamed(x.get(), out);
        for (auto &k : e->keywords)
            collectNamed(k.value.get(), out);
        for (auto &g : e->generators) {
            // loop variables were renamed to hidden locals of the enclosing scope (see
            // ComprehensionRenamer)
            collectTargets(*g.target, out);
            collectNamed(g.iter.get(), out);
            for (auto &i : g.ifs)
                collectNamed(i.get(), out);
        }
    }

    static void collectBlock(const StmtList &body, Scope &scope)
    {
        for (auto &s : body)
            collectStmt(*s, scope);
    }

    static void collectExprs(const Stmt &s, std::set<std::string> &out)
    {
        collectNamed(s.value.get(), out);
        collectNamed(s.test.get(), out);
        for (auto &t : s.targets)
            collectNamed(t.get(), out);
        for (auto &item : s.items)
            collectNamed(item.context.get(), out);
    }

    static void collectStmt(const Stmt &s, Scope &scope)
    {
        auto &L = scope.locals;
        collectExprs(s, L);
        switch (s.kind) {
        case StmtKind::Assign:
        case StmtKind::Delete:
            for (auto &t : s.targets)
                collectTargets(*t, L);
            break;
        case StmtKind::AugAssign:
        case StmtKind::AnnAssign: collectTargets(*s.target, L); break;
        case StmtKind::For: collectTargets(*s.target, L); break;
        case StmtKind::With:
            for (auto &item : s.items)
                if (item.target)
                    collectTargets(*item.target, L);
            break;
        case StmtKind::Try:
            for (auto &h : s.handlers) {
                if (!h.name.empty())
                    L.insert(h.name);
                collectBlock(h.body, scope);
            }
            break;
        case StmtKind::FunctionDef: L.insert(s.function->name); return;
        case StmtKind::ClassDef: L.insert(s.classDef->name); return;
        case StmtKind::Import:
            for (auto &a : s.aliases)
                L.insert(a.asName.empty() ? a.name.substr(0, a.name.find('.')) : a.asName);
            break;
        case StmtKind::ImportFrom:
            for (auto &a : s.aliases)
                L.insert(a.asName.empty() ? a.name : a.asName);
            break;
        case StmtKind::Global:
            for (auto &n : s.names) {
                // Names bound earlier in this function (parameters aside) can't become global.
                if (scope.locals.count(n) && !scope.lateGlobal)
                    scope.lateGlobal = std::make_pair(n, s.pos);
                scope.globals.insert(n);
            }
            break;
        case StmtKind::Nonlocal:
            for (auto &n : s.names) {
                scope.nonlocals.insert(n);
                scope.nonlocalPos.emplace(n, s.pos);
            }
            break;
        default: break;
        }
        collectBlock(s.body, scope);
        collectBlock(s.orelse, scope);
        collectBlock(s.finalbody, scope);
    }

    // Where does `id` live, seen from the current scope?
    std::pair<Expr::Scope, int> lookup(const std::string &id)
    {
        Scope &s = *m_scope;
        if (!s.def)
            return {Expr::Scope::Global, -1};
        if (s.globals.count(id))
            return {Expr::Scope::Global, -1};
        if (s.isClass && s.locals.count(id) && !s.nonlocals.count(id))
            return {Expr::Scope::ClassLocal, -1};
        if (s.locals.count(id) && !s.nonlocals.count(id)) {
            auto it = s.slots.find(id);
            if (s.cells.count(id))
                return {Expr::Scope::Cell, cellIndex(s, id)};
            return {Expr::Scope::Local, it->second};
        }
        // A free variable: find the nearest enclosing function that binds it.
        for (Scope *p = s.parent; p && p->def; p = p->parent) {
            if (p->isClass && id != "__class__")
                continue; // a class body's names are not visible to the functions inside it
            if (p->globals.count(id))
                break;
            if (p->locals.count(id) || p->nonlocals.count(id)) {
                return {Expr::Scope::Free, freeIndex(s, id)};
            }
        }
        return {Expr::Scope::Global, -1};
    }

    static int cellIndex(Scope &s, const std::string &id)
    {
        auto &names = s.def->cellNames;
        auto it = std::find(names.begin(), names.end(), id);
        return int(it - names.begin());
    }

    // Registers `id` as free in `s` (and as cell or free all the way up to its owner).
    int freeIndex(Scope &s, const std::string &id)
    {
        auto &frees = s.def->freeNames;
        auto it = std::find(frees.begin(), frees.end(), id);
        if (it != frees.end())
            return int(s.def->cellNames.size() + std::size_t(it - frees.begin()));
        frees.push_back(id);
        for (Scope *p = s.parent; p && p->def; p = p->parent) {
            if (p->locals.count(id) && !p->nonlocals.count(id) && (!p->isClass || id == "__class__")) {
                if (!p->cells.count(id)) {
                    p->cells.insert(id);
                    p->def->cellNames.push_back(id);
                }
                break;
            }
            // an intermediate function passes the variable through as a free variable of its own
            auto &pf = p->def->freeNames;
            if (std::find(pf.begin(), pf.end(), id) == pf.end())
                pf.push_back(id);
        }
        return int(s.def->cellNames.size() + frees.size() - 1);
    }

    void name(Expr &e)
    {
        auto [scope, slot] = lookup(e.id);
        e.scope = scope;
        e.slot = slot;
    }

    // CPython's __qualname__: "C.m" inside a class, "f.<locals>.g" inside a function.
    std::string qualify(const std::string &name) const
    {
        if (!m_scope || (!m_scope->def && !m_scope->isClass))
            return name;
        return m_scope->qualname + (m_scope->isClass ? "." : ".<locals>.") + name;
    }

    bool insideClass() const
    {
        for (Scope *p = m_scope; p && p->def; p = p->parent)
            if (p->isClass)
                return true;
        return false;
    }

    // A class body: its own scope, whose names go to the class namespace. Methods that call
    // super() (or name __class__) see the class through the `__class__` cell, as in CPython.
    void classBody(ClassDef &cd)
    {
        if (!cd.scope)
            cd.scope = std::make_shared<FunctionDef>();
        FunctionDef &def = *cd.scope;
        def.name = cd.name;
        def.qualname = qualify(cd.name);
        def.pos = cd.pos;
        def.localNames.clear();
        def.cellNames.clear();
        def.freeNames.clear();
        Scope scope;
        scope.def = &def;
        scope.parent = m_scope;
        scope.isClass = true;
        scope.qualname = def.qualname;
        collectBlock(cd.body, scope);
        for (auto &g : scope.globals)
            scope.locals.erase(g);
        std::set<std::string> used;
        usedNames(cd.body, used);
        if (used.count("super") || used.count("__class__")) {
            scope.locals.insert("__class__");
            scope.cells.insert("__class__");
            def.cellNames.push_back("__class__");
        }
        Scope *saved = m_scope;
        m_scope = &scope;
        bool call = false;
        block(cd.body, call);
        m_scope = saved;
    }

    void function(FunctionDef &def)
    {
        def.qualname = qualify(def.name);
        Scope scope;
        scope.def = &def;
        scope.parent = m_scope;
        scope.qualname = def.qualname;
        std::set<std::string> parameters;
        for (auto &p : def.positional)
            parameters.insert(p.name);
        if (!def.varargs.empty())
            parameters.insert(def.varargs);
        for (auto &p : def.kwonly)
            parameters.insert(p.name);
        if (!def.kwargs.empty())
            parameters.insert(def.kwargs);
        collectBlock(def.body, scope);
        for (auto &n : parameters)
            if (scope.globals.count(n))
                syntaxError(def.pos, "name '" + n + "' is parameter and global");
        if (scope.lateGlobal)
            syntaxError(scope.lateGlobal->second, "name '" + scope.lateGlobal->first + "' is assigned to before global declaration");
        scope.locals.insert(parameters.begin(), parameters.end());
        for (auto &g : scope.globals)
            scope.locals.erase(g);
        // As CPython's compiler: a nonlocal must name a variable of an enclosing function.
        for (auto &[n, pos] : scope.nonlocalPos) {
            bool bound = false;
            for (Scope *p = scope.parent; p && p->def && !bound; p = p->parent)
                bound = p->locals.count(n) || p->nonlocals.count(n);
            if (!bound)
                syntaxError(pos, "no binding for nonlocal '" + n + "' found");
        }
        // Slots: parameters first, in order, then the other locals.
        def.localNames.clear();
        def.cellNames.clear();
        def.freeNames.clear();
        auto addSlot = [&](const std::string &n) {
            if (n.empty() || scope.slots.count(n) || !scope.locals.count(n) || scope.nonlocals.count(n))
                return;
            scope.slots[n] = int(def.localNames.size());
            def.localNames.push_back(n);
        };
        for (auto &p : def.positional)
            addSlot(p.name);
        addSlot(def.varargs);
        for (auto &p : def.kwonly)
            addSlot(p.name);
        addSlot(def.kwargs);
        for (auto &n : scope.locals)
            addSlot(n);
        // Cells: locals captured by nested functions. Find them before resolving this body, so
        // that references resolve to the cell from the start.
        m_pendingCells.clear();
        findCaptured(def.body, scope);
        for (auto &n : m_pendingCells)
            if (!scope.cells.count(n)) {
                scope.cells.insert(n);
                def.cellNames.push_back(n);
            }
        if (insideClass()) {
            std::set<std::string> used;
            usedNames(def.body, used);
            if (used.count("super") || used.count("__class__")) {
                Scope *saved = m_scope;
                m_scope = &scope;
                (void)lookup("__class__"); // registers the free variable before the body's
                m_scope = saved;
            }
        }

        Scope *saved = m_scope;
        m_scope = &scope;
        for (auto &s : def.body)
            stmt(*s);
        m_scope = saved;
    }

    // Names that nested functions (at any depth) read from this scope.
    void findCaptured(const StmtList &body, Scope &scope)
    {
        for (auto &s : body)
            findCapturedStmt(*s, scope, 0);
    }

    void findCapturedStmt(const Stmt &s, Scope &scope, int depth)
    {
        if (s.kind == StmtKind::FunctionDef) {
            const FunctionDef &f = *s.function;
            std::set<std::string> inner;
            for (auto &p : f.positional)
                inner.insert(p.name);
            inner.insert(f.varargs);
            for (auto &p : f.kwonly)
                inner.insert(p.name);
            inner.insert(f.kwargs);
            Scope tmp;
            collectBlock(f.body, tmp);
            for (auto &n : tmp.locals)
                if (!tmp.nonlocals.count(n))
                    inner.insert(n);
            for (auto &n : tmp.globals)
                inner.erase(n);
            std::set<std::string> used;
            usedNames(f.body, used);
            for (auto &n : used)
                if ((!inner.count(n) || tmp.nonlocals.count(n)) && scope.locals.count(n) && scope.slots.count(n))
                    m_pendingCells.insert(n);
            (void)depth;
            return;
        }
        if (s.kind == StmtKind::ClassDef) {
            std::set<std::string> used;
            usedNames(s.classDef->body, used);
            for (auto &b : s.classDef->bases)
                findCapturedExpr(b.get(), scope);
            for (auto &n : used)
                if (scope.locals.count(n) && scope.slots.count(n))
                    m_pendingCells.insert(n);
            return;
        }
        for (auto *e : {s.value.get(), s.test.get(), s.target.get()})
            findCapturedExpr(e, scope);
        for (auto &t : s.targets)
            findCapturedExpr(t.get(), scope);
        for (auto &i : s.items)
            findCapturedExpr(i.context.get(), scope);
        for (auto *b : {&s.body, &s.orelse, &s.finalbody})
            for (auto &x : *b)
                findCapturedStmt(*x, scope, depth);
        for (auto &h : s.handlers)
            for (auto &x : h.body)
                findCapturedStmt(*x, scope, depth);
    }

    void findCapturedExpr(const Expr *e, Scope &scope)
    {
        if (!e)
            return;
        if (e->kind == ExprKind::Lambda) {
            std::set<std::string> used;
            usedNames(e->lambda->body, used);
            std::set<std::string> params;
            for (auto &p : e->lambda->positional)
                params.insert(p.name);
            for (auto &n : used)
                if (!params.count(n) && scope.slots.count(n))
                    m_pendingCells.insert(n);
            return;
        }
        forChildren(*e, [&](const Expr *c) { findCapturedExpr(c, scope); });
    }

    // Calls f on every direct child expression (const or not, as E is).
    template<typename E, typename F> static void forChildren(E &e, F f)
    {
        for (auto *c : {e.left.get(), e.right.get(), e.third.get()})
            if (c)
                f(c);
        for (auto *list : {&e.elements, &e.keys, &e.args})
            for (auto &x : *list)
                if (x)
                    f(x.get());
        for (auto &k : e.keywords)
            f(k.value.get());
        for (auto &g : e.generators) {
            f(g.target.get());
            f(g.iter.get());
            for (auto &i : g.ifs)
                f(i.get());
        }
        for (auto &p : e.fstringParts)
            forFString(p, f);
    }

    template<typename P, typename F> static void forFString(P &p, F f)
    {
        if (p.expr)
            f(p.expr.get());
        for (auto &s : p.formatSpec)
            forFString(s, f);
    }

    // Every name read anywhere under body, including nested functions.
    static void usedNames(const StmtList &body, std::set<std::string> &out)
    {
        for (auto &s : body)
            usedStmt(*s, out);
    }
    static void usedStmt(const Stmt &s, std::set<std::string> &out)
    {
        for (auto *e : {s.value.get(), s.test.get(), s.target.get()})
            usedExpr(e, out);
        for (auto &t : s.targets)
            usedExpr(t.get(), out);
        for (auto &i : s.items) {
            usedExpr(i.context.get(), out);
            usedExpr(i.target.get(), out);
        }
        for (auto *b : {&s.body, &s.orelse, &s.finalbody})
            usedNames(*b, out);
        for (auto &h : s.handlers) {
            usedExpr(h.type.get(), out);
            usedNames(h.body, out);
        }
        if (s.kind == StmtKind::ClassDef)
            usedNames(s.classDef->body, out);
        if (s.kind == StmtKind::FunctionDef) {
            usedNames(s.function->body, out);
            for (auto &p : s.function->positional)
                usedExpr(p.defaultValue.get(), out);
        }
        if (s.kind == StmtKind::Nonlocal)
            for (auto &n : s.names)
                out.insert(n);
    }
    static void usedExpr(const Expr *e, std::set<std::string> &out)
    {
        if (!e)
            return;
        if (e->kind == ExprKind::Name || e->kind == ExprKind::NamedExpr)
            out.insert(e->id);
        if (e->kind == ExprKind::Lambda)
            usedNames(e->lambda->body, out);
        forChildren(*e, [&](const Expr *c) { usedExpr(c, out); });
    }

    // ---- the walk ---------------------------------------------------------------------------

    void block(StmtList &body, bool &hasCall)
    {
        for (auto &s : body) {
            stmt(*s);
            hasCall |= s->hasCall;
        }
    }

    bool expr(Expr *e)
    {
        if (!e)
            return false;
        bool call = false;
        switch (e->kind) {
        case ExprKind::Name: name(*e); break;
        case ExprKind::Call: call = true; break;
        case ExprKind::Lambda: {
            auto &def = *e->lambda;
            for (auto &p : def.positional)
                call |= expr(p.defaultValue.get());
            function(def);
            e->hasCall = call;
            return call;
        }
        case ExprKind::NamedExpr: {
            call |= expr(e->right.get());
            Expr tmp(ExprKind::Name, e->pos);
            tmp.id = e->id;
            name(tmp);
            e->id = tmp.id;
            e->scope = tmp.scope;
            e->slot = tmp.slot;
            e->hasCall = call;
            return call;
        }
        default: break;
        }
        forChildren(*e, [&](Expr *c) { call |= expr(c); });
        e->hasCall = call;
        return call;
    }

    Stmt::Binding binding(const std::string &id)
    {
        Expr tmp(ExprKind::Name, {});
        tmp.id = id;
        name(tmp);
        return {tmp.scope, tmp.slot};
    }

    void stmt(Stmt &s)
    {
        bool call = false;
        switch (s.kind) {
        case StmtKind::ClassDef: {
            auto &cd = *s.classDef;
            for (auto &d : cd.decorators)
                call |= expr(d.get());
            for (auto &b : cd.bases)
                call |= expr(b.get());
            for (auto &k : cd.keywords)
                call |= expr(k.value.get());
            classBody(cd);
            s.bindings = {binding(cd.name)};
            s.hasCall = true; // the class body runs, and __init_subclass__-like hooks are calls
            return;
        }
        case StmtKind::FunctionDef: {
            auto &def = *s.function; // a generator's `yield` is reported where it stands, by expr()
            for (auto &d : def.decorators)
                call |= expr(d.get());
            for (auto &p : def.positional)
                call |= expr(p.defaultValue.get());
            for (auto &p : def.kwonly)
                call |= expr(p.defaultValue.get());
            function(def);
            s.bindings = {binding(def.name)};
            s.hasCall = call || !def.decorators.empty();
            return;
        }
        case StmtKind::Import:
            s.bindings.clear();
            for (auto &a : s.aliases)
                s.bindings.push_back(binding(a.asName.empty() ? a.name.substr(0, a.name.find('.')) : a.asName));
            s.hasCall = true; // importing runs module code in CPython; keep it on the host path
            return;
        case StmtKind::ImportFrom:
            s.bindings.clear();
            for (auto &a : s.aliases)
                s.bindings.push_back(binding(a.asName.empty() ? a.name : a.asName));
            s.hasCall = true;
            return;
        case StmtKind::Assign:
        case StmtKind::AugAssign:
        case StmtKind::Delete:
            for (auto *t : {s.target.get()})
                if (t && t->hasAwait)
                    unsupported(t->pos, "`await` inside an assignment target");
            for (auto &t : s.targets)
                if (t->hasAwait)
                    unsupported(t->pos, "`await` inside an assignment target");
            break;
        default: break;
        }
        call |= expr(s.value.get());
        call |= expr(s.test.get());
        call |= expr(s.target.get());
        for (auto &t : s.targets)
            call |= expr(t.get());
        for (auto &item : s.items) {
            call |= expr(item.context.get());
            call |= expr(item.target.get());
        }
        block(s.body, call);
        block(s.orelse, call);
        block(s.finalbody, call);
        for (auto &h : s.handlers) {
            call |= expr(h.type.get());
            if (!h.name.empty()) {
                auto b = binding(h.name);
                h.nameScope = b.scope;
                h.nameSlot = b.slot;
            }
            block(h.body, call);
        }
        if (s.kind == StmtKind::With)
            call = true; // __aenter__/__aexit__ are calls
        s.hasCall = call;
    }

    Module &m_module;
    Scope *m_scope = nullptr;
    std::set<std::string> m_pendingCells;
};

} // namespace

void resolveModule(Module &module)
{
    ComprehensionRenamer().block(module.body);
    Resolver(module).run();
}

} // namespace loopscope::script
