#include "engine/script/parser.h"

#include "engine/script/lexer.h"

#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <set>
#include <unordered_map>

namespace loopscope::script {

std::string SyntaxError::format() const
{
    std::string out = "  File \"" + fileName + "\", line " + std::to_string(line) + "\n";
    // Mirrors CPython's traceback module: the line without its leading spaces, and a caret
    // under the column, keeping tabs so the caret lines up.
    std::size_t spaces = 0;
    while (
        spaces < lineText.size() && (lineText[spaces] == ' ' || lineText[spaces] == '\f' || lineText[spaces] == '\n'))
        ++spaces;
    const std::string_view stripped = std::string_view(lineText).substr(spaces);
    if (!stripped.empty()) {
        out += "    ";
        out += stripped;
        out += "\n";
        const int caretColumn = column - 1 - static_cast<int>(spaces);
        if (caretColumn >= 0) {
            std::string caretLine = "    ";
            int seen = 0;
            for (std::size_t i = 0; i < stripped.size() && seen < caretColumn; ++i) {
                const auto byte = static_cast<unsigned char>(stripped[i]);
                if ((byte & 0xC0) == 0x80)
                    continue; // one caret column per code point
                ++seen;
                caretLine += (byte == '\t' || byte == '\v' || byte == '\f') ? static_cast<char>(byte) : ' ';
            }
            out += caretLine + "^\n";
        }
    }
    out += type + ": " + message;
    return out;
}

namespace {

ExprPtr makeExpr(ExprKind kind, SourcePos pos)
{
    return std::make_unique<Expr>(kind, pos);
}
StmtPtr makeStmt(StmtKind kind, SourcePos pos)
{
    return std::make_unique<Stmt>(kind, pos);
}

bool isConstant(const Expr &e, Constant::Kind kind)
{
    return e.kind == ExprKind::Constant && e.constant.kind == kind;
}

// CPython's name for an expression in "cannot assign to ..." messages.
std::string exprName(const Expr &e)
{
    switch (e.kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return "yield expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::Set: return "set display";
    case ExprKind::FString: return "f-string expression";
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    case ExprKind::Constant:
        switch (e.constant.kind) {
        case Constant::Kind::None: return "None";
        case Constant::Kind::True: return "True";
        case Constant::Kind::False: return "False";
        case Constant::Kind::Ellipsis: return "ellipsis";
        default: return "literal";
        }
    }
    return "expression";
}

// Whether CPython's grammar would read this expression as a `bitwise_or` (an operand of
// comparisons): only then does it suggest '==' for a stray '='.
bool isBitwiseOrLevel(const Expr &e)
{
    switch (e.kind) {
    case ExprKind::Tuple:
    case ExprKind::List:
    case ExprKind::GeneratorExp:
    case ExprKind::Compare:
    case ExprKind::BoolOp:
    case ExprKind::IfExp:
    case ExprKind::Lambda:
    case ExprKind::NamedExpr:
    case ExprKind::Yield:
    case ExprKind::YieldFrom:
    case ExprKind::Starred:
    case ExprKind::Slice: return false;
    case ExprKind::UnaryOp: return e.unaryOp != UnaryOperator::Not;
    case ExprKind::Constant:
        return e.constant.kind != Constant::Kind::None && e.constant.kind != Constant::Kind::True
            && e.constant.kind != Constant::Kind::False;
    default: return true;
    }
}

// Whether the leftmost operand of an expression is a `bitwise_or`.
bool startsWithBitwiseOr(const Expr &e)
{
    switch (e.kind) {
    case ExprKind::Tuple: return e.elements.empty() || startsWithBitwiseOr(*e.elements.front());
    case ExprKind::BoolOp: return startsWithBitwiseOr(*e.elements.front());
    case ExprKind::Compare: return startsWithBitwiseOr(*e.left);
    case ExprKind::IfExp: return startsWithBitwiseOr(*e.right);
    case ExprKind::UnaryOp: return e.unaryOp != UnaryOperator::Not;
    case ExprKind::Lambda:
    case ExprKind::Starred:
    case ExprKind::Yield:
    case ExprKind::YieldFrom: return false;
    default: return true;
    }
}

// The first sub-expression that cannot be assigned to, or null.
const Expr *invalidStoreTarget(const Expr &e)
{
    switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript: return nullptr;
    case ExprKind::Starred: return invalidStoreTarget(*e.left);
    case ExprKind::Tuple:
    case ExprKind::List:
        for (const ExprPtr &element : e.elements) {
            if (const Expr *bad = invalidStoreTarget(*element))
                return bad;
        }
        return nullptr;
    default: return &e;
    }
}

const Expr *invalidDeleteTarget(const Expr &e)
{
    switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript: return nullptr;
    case ExprKind::Tuple:
    case ExprKind::List:
        for (const ExprPtr &element : e.elements) {
            if (const Expr *bad = invalidDeleteTarget(*element))
                return bad;
        }
        return nullptr;
    default: return &e;
    }
}

std::string docstringOf(const StmtList &body)
{
    if (body.empty() || body.front()->kind != StmtKind::Expr)
        return {};
    const Expr &value = *body.front()->value;
    return isConstant(value, Constant::Kind::Str) ? value.constant.strValue : std::string();
}

std::string comprehensionName(ExprKind kind)
{
    switch (kind) {
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::GeneratorExp: return "generator expression";
    default: return "list comprehension";
    }
}

void appendLiteral(std::vector<FStringPart> &parts, std::string text)
{
    if (text.empty())
        return;
    if (!parts.empty() && !parts.back().expr) {
        parts.back().literal += text;
        return;
    }
    FStringPart part;
    part.literal = std::move(text);
    parts.push_back(std::move(part));
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v' || c == '\r';
}

// Bounds the depth of the tree (and of the parser's recursion), so that neither this
// parser nor the passes walking the tree recursively can exhaust the stack. CPython gives
// up at a similar depth.
constexpr int maxNesting = 2000;

// ---------------------------------------------------------------------------------------
// Parser: recursive descent over the token list, one function per grammar rule of
// CPython's grammar (simplified where it only serves error recovery).

class Parser {
public:
    Parser(const SourceText &source, std::vector<Token> tokens, int bracketDepth)
        : m_source(source)
        , m_tokens(std::move(tokens))
        , m_depth(bracketDepth)
    {
    }

    StmtList parseFile();
    ExprPtr parseFieldExpression(); // the expression of an f-string replacement field
    // The furthest token the parser has looked at.
    const Token &furthestToken() const { return m_tokens[m_furthest]; }

private:
    // Counts one level of nesting for as long as it lives; deepen() adds a level, for each
    // link of a left-nested chain such as `a + b + c` or `a.b.c`.
    struct NestingGuard {
        explicit NestingGuard(Parser &parser)
            : m_parser(parser)
        {
            deepen();
        }
        NestingGuard(const NestingGuard &) = delete;
        NestingGuard &operator=(const NestingGuard &) = delete;
        ~NestingGuard() { m_parser.m_nesting -= m_levels; }
        void deepen()
        {
            ++m_levels;
            if (++m_parser.m_nesting > maxNesting)
                m_parser.fail(m_parser.peek().pos, "too many nested expressions (source too complex to parse)");
        }
        Parser &m_parser;
        int m_levels = 0;
    };

    // Tokens
    const Token &peek(std::size_t ahead = 0) const
    {
        const std::size_t index = std::min(m_pos + ahead, m_tokens.size() - 1);
        m_furthest = std::max(m_furthest, index);
        return m_tokens[index];
    }
    const Token &next()
    {
        const Token &token = m_tokens[m_pos];
        if (m_pos + 1 < m_tokens.size())
            ++m_pos;
        return token;
    }
    bool atOp(std::string_view op) const { return peek().isOp(op); }
    bool atKeyword(std::string_view keyword) const { return peek().isName(keyword); }
    bool acceptOp(std::string_view op)
    {
        if (!atOp(op))
            return false;
        next();
        return true;
    }
    bool acceptKeyword(std::string_view keyword)
    {
        if (!atKeyword(keyword))
            return false;
        next();
        return true;
    }
    void expectOp(std::string_view op)
    {
        if (!acceptOp(op))
            failAt(peek());
    }
    void expectKeyword(std::string_view keyword)
    {
        if (!acceptKeyword(keyword))
            failAt(peek());
    }
    std::string expectName();
    void expectColon(const Expr *header = nullptr);
    void expectClose(std::string_view closer, const Expr *last);
    bool atComprehension() const { return atKeyword("for") || (atKeyword("async") && peek(1).isName("for")); }
    bool atSimpleStatementEnd() const
    {
        return peek().kind == TokenKind::Newline || peek().kind == TokenKind::EndMarker || atOp(";");
    }
    static bool canStartExpression(const Token &token);
    SourcePos startOf(const ExprPtr &e) const;
    void keepAlive(ExprPtr e)
    {
        if (e)
            m_discarded.push_back(std::move(e));
    }

    // Errors
    [[noreturn]] void fail(SourcePos pos, std::string message, std::string type = "SyntaxError") const
    {
        m_source.fail(pos, std::move(message), std::move(type));
    }
    [[noreturn]] void failAt(const Token &token) const;
    [[noreturn]] void failAfterElement(const Expr *previous);
    [[noreturn]] void failIndentedBlock(const std::string &what, int headerLine, const Token &newline) const;
    bool atEndOfFile() const;
    SourcePos positionAfterBlock() const;
    void checkStoreTarget(const Expr &target) const;
    void checkStarredTargets(const Expr &target) const;

    // Statements
    void parseStatement(StmtList &out);
    StmtPtr parseCompoundStatement();
    void parseSimpleStatements(StmtList &out);
    StmtPtr parseSimpleStatement();
    StmtPtr parseExpressionStatement();
    StmtList parseBlock(const std::string &what, int headerLine);
    StmtPtr parseIf();
    StmtPtr parseWhile();
    StmtPtr parseFor(bool isAsync);
    StmtPtr parseWith(bool isAsync);
    std::vector<WithItem> parseWithItems(bool parenthesized);
    StmtPtr parseTry();
    StmtPtr parseDecorated();
    StmtPtr parseFunctionDef(bool isAsync, ExprList decorators);
    StmtPtr parseClassDef(ExprList decorators);
    void parseParameters(FunctionDef &function, std::string_view closer, bool allowAnnotations);
    StmtPtr parseReturn();
    StmtPtr parseRaise();
    StmtPtr parseNames(StmtKind kind);
    StmtPtr parseDelete();
    StmtPtr parseAssert();
    StmtPtr parseImport();
    StmtPtr parseImportFrom();
    void rejectUnsupportedStatement() const;

    // Expressions, loosest binding first
    ExprPtr parseStarExpressions();
    ExprPtr parseStarExpression();
    ExprPtr parseStarNamedExpression();
    ExprPtr parseNamedExpression();
    ExprPtr parseExpression();
    ExprPtr parseLambda();
    ExprPtr parseDisjunction();
    ExprPtr parseConjunction();
    ExprPtr parseInversion();
    ExprPtr parseComparison();
    ExprPtr parseBitwiseOr() { return parseBinary(1); }
    ExprPtr parseBinary(int minPrecedence);
    ExprPtr parseFactor();
    ExprPtr parsePower();
    ExprPtr parseAwaitPrimary();
    ExprPtr parsePrimary();
    ExprPtr parseAtom();
    ExprPtr parseYield();
    ExprPtr parseCall(ExprPtr function);
    void parseArguments(ExprList &args, std::vector<Keyword> &keywords, const Token &open, bool allowGenerator);
    ExprPtr parseSlices();
    ExprPtr parseSliceItem();
    ExprPtr parseParenthesized();
    ExprPtr parseList();
    ExprPtr parseBraces();
    void parseDictRest(Expr &dict);
    std::vector<Comprehension> parseComprehensions();
    ExprPtr parseStarTargets();
    ExprPtr parseStarTarget();

    // Literals
    ExprPtr parseNumber(const Token &token);
    ExprPtr parseStrings();
    std::string decodeEscapes(std::string_view body, const Token &token) const;
    std::vector<FStringPart> parseFStringBody(const Token &token, std::size_t &i, std::size_t end, bool raw, int level);
    FStringPart parseFStringField(const Token &token, std::size_t &i, std::size_t end, bool raw, int level);
    [[noreturn]] void failAtOffset(std::size_t offset, std::string message) const
    {
        fail(m_source.position(offset), std::move(message));
    }

    const SourceText &m_source;
    std::vector<Token> m_tokens;
    std::size_t m_pos = 0;
    int m_depth = 0; // brackets open around the current token
    int m_nesting = 0; // recursion depth, see NestingGuard
    mutable std::size_t m_furthest = 0;
    // Where parenthesized expressions start: a node's own position excludes its parentheses
    // but a node built around it starts at the '(' (as in CPython).
    std::unordered_map<const Expr *, SourcePos> m_groupStarts;
    std::vector<const Expr *> m_groupLog; // m_groupStarts' keys in insertion order, to undo
    // Subtrees parsed but left out of the tree (annotations, abandoned attempts). They live
    // as long as the parser so that no new node reuses an address in m_groupStarts.
    ExprList m_discarded;
};

SourcePos Parser::startOf(const ExprPtr &e) const
{
    const auto it = m_groupStarts.find(e.get());
    return it != m_groupStarts.end() ? it->second : e->pos;
}

// ----- token helpers and errors

std::string Parser::expectName()
{
    const Token &token = peek();
    if (token.kind != TokenKind::Name || isKeyword(token.text))
        failAt(token);
    next();
    return std::string(token.text);
}

bool Parser::canStartExpression(const Token &token)
{
    switch (token.kind) {
    case TokenKind::Number:
    case TokenKind::String: return true;
    case TokenKind::Name:
        return !isKeyword(token.text) || token.text == "True" || token.text == "False" || token.text == "None"
            || token.text == "not" || token.text == "lambda" || token.text == "await";
    case TokenKind::Op:
        return token.text == "(" || token.text == "[" || token.text == "{" || token.text == "-" || token.text == "+"
            || token.text == "~" || token.text == "...";
    default: return false;
    }
}

void Parser::failAt(const Token &token) const
{
    if (token.kind == TokenKind::Indent) {
        // CPython points at the last character of the indentation (so shows no caret).
        fail({token.pos.line, token.pos.column - 1}, "unexpected indent", "IndentationError");
    }
    if (token.kind == TokenKind::EndMarker && &token != &m_tokens.front()) {
        // The end of the file is reported on the last line, without a caret.
        const Token &last = *(&token - 1);
        fail({last.kind == TokenKind::Newline ? last.end.line : last.pos.line, 0}, "invalid syntax");
    }
    fail(token.pos, "invalid syntax");
}

// An element inside brackets followed by something that is neither a separator nor the
// closing bracket: CPython's friendlier messages for the usual typos.
void Parser::failAfterElement(const Expr *previous)
{
    const Token &token = peek();
    if (previous && token.isOp("=")) {
        if (previous->kind == ExprKind::Name)
            fail(previous->pos, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
        if (isBitwiseOrLevel(*previous))
            fail(previous->pos,
                "cannot assign to " + exprName(*previous) + " here. Maybe you meant '==' instead of '='?");
    }
    if (previous && m_depth > 0 && canStartExpression(token)) {
        const bool nameThenString = previous->kind == ExprKind::Name && token.kind == TokenKind::String;
        const bool softKeyword = previous->kind == ExprKind::Name
            && (previous->id == "match" || previous->id == "case" || previous->id == "type" || previous->id == "_");
        if (!nameThenString && !softKeyword) {
            // CPython reads the expression that follows before giving this hint; doing the
            // same moves furthestToken() where it would be (see parseModule).
            const SourcePos pos = previous->pos;
            try {
                parseExpression();
                peek();
            } catch (const SyntaxError &) {
            }
            fail(pos, "invalid syntax. Perhaps you forgot a comma?");
        }
    }
    failAt(token);
}

void Parser::expectColon(const Expr *header)
{
    if (acceptOp(":"))
        return;
    if (header && atOp("="))
        failAfterElement(header);
    if (peek().kind == TokenKind::Newline)
        fail(peek().pos, "expected ':'");
    failAt(peek());
}

void Parser::expectClose(std::string_view closer, const Expr *last)
{
    if (!atOp(closer))
        failAfterElement(last);
    next();
    --m_depth;
}

// Whether only dedents are left before the end of the file.
bool Parser::atEndOfFile() const
{
    std::size_t i = m_pos;
    while (m_tokens[i].kind == TokenKind::Dedent)
        ++i;
    return m_tokens[i].kind == TokenKind::EndMarker;
}

// Where CPython reports a missing 'except' after 'try:': the next statement, or the end of
// the last line when the file ends.
SourcePos Parser::positionAfterBlock() const
{
    if (!atEndOfFile())
        return peek().pos;
    for (std::size_t j = m_pos; j-- > 0;) {
        if (m_tokens[j].kind == TokenKind::Newline)
            return m_tokens[j].end;
    }
    return peek().pos;
}

void Parser::failIndentedBlock(const std::string &what, int headerLine, const Token &newline) const
{
    SourcePos pos = peek().pos;
    if (atEndOfFile())
        pos = newline.end; // the end of the header's line
    else if (peek().kind == TokenKind::Dedent)
        pos = {peek().pos.line, 0}; // CPython gives column 0 for a dedent
    fail(
        pos, "expected an indented block after " + what + " on line " + std::to_string(headerLine), "IndentationError");
}

void Parser::checkStoreTarget(const Expr &target) const
{
    if (const Expr *bad = invalidStoreTarget(target))
        fail(bad->pos, "cannot assign to " + exprName(*bad));
    checkStarredTargets(target);
}

void Parser::checkStarredTargets(const Expr &target) const
{
    if (target.kind == ExprKind::Starred)
        fail(target.pos, "starred assignment target must be in a list or tuple");
    if (target.kind != ExprKind::Tuple && target.kind != ExprKind::List)
        return;
    int starred = 0;
    for (const ExprPtr &element : target.elements) {
        if (element->kind == ExprKind::Starred) {
            ++starred;
            if (element->left->kind == ExprKind::Tuple || element->left->kind == ExprKind::List)
                checkStarredTargets(*element->left);
        } else {
            checkStarredTargets(*element);
        }
    }
    if (starred > 1)
        fail(target.pos, "multiple starred expressions in assignment");
}

// ----- statements

StmtList Parser::parseFile()
{
    StmtList body;
    while (peek().kind != TokenKind::EndMarker)
        parseStatement(body);
    return body;
}

void Parser::parseStatement(StmtList &out)
{
    NestingGuard guard(*this);
    if (peek().kind == TokenKind::Indent)
        failAt(peek());
    if (StmtPtr compound = parseCompoundStatement())
        out.push_back(std::move(compound));
    else
        parseSimpleStatements(out);
}

// A compound statement, or null when the next one is a line of simple statements.
StmtPtr Parser::parseCompoundStatement()
{
    const Token &token = peek();
    if (token.isOp("@"))
        return parseDecorated();
    if (token.kind != TokenKind::Name)
        return nullptr;
    if (token.text == "if")
        return parseIf();
    if (token.text == "while")
        return parseWhile();
    if (token.text == "for")
        return parseFor(false);
    if (token.text == "try")
        return parseTry();
    if (token.text == "with")
        return parseWith(false);
    if (token.text == "def")
        return parseFunctionDef(false, {});
    if (token.text == "class")
        return parseClassDef({});
    if (token.text == "async") {
        const Token &following = peek(1);
        if (following.isName("def"))
            return parseFunctionDef(true, {});
        if (following.isName("for"))
            return parseFor(true);
        if (following.isName("with"))
            return parseWith(true);
        failAt(following);
    }
    rejectUnsupportedStatement();
    return nullptr;
}

// Python statements the tree has no node for, reported by name rather than as
// "invalid syntax".
void Parser::rejectUnsupportedStatement() const
{
    const Token &token = peek();
    if (token.text == "match" && peek(1).kind != TokenKind::Newline) {
        // A logical line starting with `match` and ending with ':' before an indented block
        // can only be a match statement.
        std::size_t i = m_pos;
        while (m_tokens[i].kind != TokenKind::Newline && m_tokens[i].kind != TokenKind::EndMarker)
            ++i;
        if (i > m_pos + 1 && m_tokens[i - 1].isOp(":") && m_tokens[i].kind == TokenKind::Newline
            && m_tokens[i + 1].kind == TokenKind::Indent)
            fail(token.pos, "match statements are not supported yet");
    }
    if (token.text == "type" && peek(1).kind == TokenKind::Name && !isKeyword(peek(1).text)
        && (peek(2).isOp("=") || peek(2).isOp("[")))
        fail(token.pos, "type alias statements are not supported yet");
}

void Parser::parseSimpleStatements(StmtList &out)
{
    for (;;) {
        out.push_back(parseSimpleStatement());
        if (acceptOp(";")) {
            if (peek().kind == TokenKind::Newline)
                break;
            continue;
        }
        if (peek().kind == TokenKind::Newline)
            break;
        failAt(peek());
    }
    next(); // the Newline
}

StmtPtr Parser::parseSimpleStatement()
{
    const Token &token = peek();
    if (token.kind == TokenKind::Name) {
        if (token.text == "pass" || token.text == "break" || token.text == "continue") {
            next();
            const StmtKind kind = token.text == "pass" ? StmtKind::Pass
                : token.text == "break"                ? StmtKind::Break
                                                       : StmtKind::Continue;
            return makeStmt(kind, token.pos);
        }
        if (token.text == "return")
            return parseReturn();
        if (token.text == "raise")
            return parseRaise();
        if (token.text == "global")
            return parseNames(StmtKind::Global);
        if (token.text == "nonlocal")
            return parseNames(StmtKind::Nonlocal);
        if (token.text == "del")
            return parseDelete();
        if (token.text == "assert")
            return parseAssert();
        if (token.text == "import")
            return parseImport();
        if (token.text == "from")
            return parseImportFrom();
    }
    return parseExpressionStatement();
}

// Expression statements and all the assignments, which start the same way.
StmtPtr Parser::parseExpressionStatement()
{
    auto parseValue = [this] { return atKeyword("yield") ? parseYield() : parseStarExpressions(); };
    ExprPtr first = parseValue();

    if (atOp(":")) {
        // Annotated assignment.
        if (first->kind == ExprKind::Tuple)
            fail(first->pos, "only single target (not tuple) can be annotated");
        if (first->kind == ExprKind::List)
            fail(first->pos, "only single target (not list) can be annotated");
        if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute && first->kind != ExprKind::Subscript)
            fail(first->pos, "illegal target for annotation");
        next();
        ExprPtr annotation = parseExpression(); // evaluated only in class bodies (__annotations__)
        auto stmt = makeStmt(StmtKind::AnnAssign, startOf(first));
        stmt->target = std::move(first);
        stmt->test = std::move(annotation);
        if (acceptOp("="))
            stmt->value = parseValue();
        return stmt;
    }

    static const std::pair<std::string_view, BinaryOp> augmentedOps[] = {
        {"+=", BinaryOp::Add},
        {"-=", BinaryOp::Sub},
        {"*=", BinaryOp::Mul},
        {"@=", BinaryOp::MatMul},
        {"/=", BinaryOp::Div},
        {"//=", BinaryOp::FloorDiv},
        {"%=", BinaryOp::Mod},
        {"**=", BinaryOp::Pow},
        {"<<=", BinaryOp::LShift},
        {">>=", BinaryOp::RShift},
        {"|=", BinaryOp::BitOr},
        {"^=", BinaryOp::BitXor},
        {"&=", BinaryOp::BitAnd},
    };
    for (const auto &[op, binaryOp] : augmentedOps) {
        if (!atOp(op))
            continue;
        if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute && first->kind != ExprKind::Subscript)
            fail(first->pos, "'" + exprName(*first) + "' is an illegal expression for augmented assignment");
        next();
        auto stmt = makeStmt(StmtKind::AugAssign, startOf(first));
        stmt->augOp = binaryOp;
        stmt->target = std::move(first);
        stmt->value = parseValue();
        return stmt;
    }

    if (atOp("=")) {
        ExprList items;
        items.push_back(std::move(first));
        while (acceptOp("="))
            items.push_back(parseValue());
        auto stmt = makeStmt(StmtKind::Assign, startOf(items.front()));
        stmt->value = std::move(items.back());
        items.pop_back();
        for (std::size_t i = 0; i < items.size(); ++i) {
            const Expr &target = *items[i];
            if (target.kind == ExprKind::Yield || target.kind == ExprKind::YieldFrom)
                fail(target.pos, "assignment to yield expression not possible");
            if (const Expr *bad = invalidStoreTarget(target)) {
                std::string message = "cannot assign to " + exprName(*bad);
                // CPython suspects a comparison only for `x = y` with a single '='.
                if (bad == &target && items.size() == 1 && isBitwiseOrLevel(target)
                    && startsWithBitwiseOr(*stmt->value))
                    message += " here. Maybe you meant '==' instead of '='?";
                fail(bad->pos, message);
            }
            checkStarredTargets(target);
        }
        stmt->targets = std::move(items);
        return stmt;
    }

    if (first->kind == ExprKind::Name && (first->id == "print" || first->id == "exec")) {
        const Token &token = peek();
        if (token.kind == TokenKind::Number || token.kind == TokenKind::String
            || (token.kind == TokenKind::Name && canStartExpression(token)))
            fail(
                first->pos, "Missing parentheses in call to '" + first->id + "'. Did you mean " + first->id + "(...)?");
    }
    auto stmt = makeStmt(StmtKind::Expr, startOf(first));
    stmt->value = std::move(first);
    return stmt;
}

StmtList Parser::parseBlock(const std::string &what, int headerLine)
{
    StmtList body;
    if (peek().kind != TokenKind::Newline) {
        parseSimpleStatements(body); // `if x: pass`
        return body;
    }
    const Token &newline = next();
    if (peek().kind != TokenKind::Indent)
        failIndentedBlock(what, headerLine, newline);
    next();
    while (peek().kind != TokenKind::Dedent && peek().kind != TokenKind::EndMarker)
        parseStatement(body);
    if (peek().kind == TokenKind::Dedent)
        next();
    return body;
}

StmtPtr Parser::parseIf()
{
    const Token &keyword = next(); // 'if' or 'elif'
    auto stmt = makeStmt(StmtKind::If, keyword.pos);
    stmt->test = parseNamedExpression();
    expectColon(stmt->test.get());
    stmt->body = parseBlock("'" + std::string(keyword.text) + "' statement", keyword.pos.line);
    if (atKeyword("elif")) {
        stmt->orelse.push_back(parseIf());
    } else if (atKeyword("else")) {
        const Token &elseToken = next();
        expectColon();
        stmt->orelse = parseBlock("'else' statement", elseToken.pos.line);
    }
    return stmt;
}

StmtPtr Parser::parseWhile()
{
    const Token &keyword = next();
    auto stmt = makeStmt(StmtKind::While, keyword.pos);
    stmt->test = parseNamedExpression();
    expectColon(stmt->test.get());
    stmt->body = parseBlock("'while' statement", keyword.pos.line);
    if (atKeyword("else")) {
        const Token &elseToken = next();
        expectColon();
        stmt->orelse = parseBlock("'else' statement", elseToken.pos.line);
    }
    return stmt;
}

StmtPtr Parser::parseFor(bool isAsync)
{
    const Token &start = next();
    if (isAsync)
        next(); // 'for'
    auto stmt = makeStmt(StmtKind::For, start.pos);
    stmt->isAsync = isAsync;
    stmt->target = parseStarTargets();
    checkStoreTarget(*stmt->target);
    expectKeyword("in");
    stmt->test = parseStarExpressions();
    expectColon();
    stmt->body = parseBlock("'for' statement", start.pos.line);
    if (atKeyword("else")) {
        const Token &elseToken = next();
        expectColon();
        stmt->orelse = parseBlock("'else' statement", elseToken.pos.line);
    }
    return stmt;
}

StmtPtr Parser::parseWith(bool isAsync)
{
    const Token &start = next();
    if (isAsync)
        next(); // 'with'
    auto stmt = makeStmt(StmtKind::With, start.pos);
    stmt->isAsync = isAsync;

    // `with (a as b, c):` groups items in parentheses, but `with (a, b) as c:` has a tuple
    // as its context: try the first reading and fall back to the second, as CPython does.
    bool parsed = false;
    if (atOp("(")) {
        const std::size_t savedPos = m_pos;
        const int savedDepth = m_depth;
        const std::size_t savedGroups = m_groupLog.size();
        try {
            stmt->items = parseWithItems(true);
            parsed = atOp(":");
        } catch (const SyntaxError &) {
            // The nodes of the attempt are gone: forget where they started.
            while (m_groupLog.size() > savedGroups) {
                m_groupStarts.erase(m_groupLog.back());
                m_groupLog.pop_back();
            }
        }
        if (!parsed) {
            m_pos = savedPos;
            m_depth = savedDepth;
            for (WithItem &item : stmt->items) {
                keepAlive(std::move(item.context));
                keepAlive(std::move(item.target));
            }
            stmt->items.clear();
        }
    }
    if (!parsed)
        stmt->items = parseWithItems(false);
    expectColon();
    stmt->body = parseBlock("'with' statement", start.pos.line);
    return stmt;
}

std::vector<WithItem> Parser::parseWithItems(bool parenthesized)
{
    std::vector<WithItem> items;
    if (parenthesized) {
        next();
        ++m_depth;
    }
    for (;;) {
        WithItem item;
        item.context = parseExpression();
        if (acceptKeyword("as")) {
            item.target = parseStarTarget();
            checkStoreTarget(*item.target);
        }
        items.push_back(std::move(item));
        if (!acceptOp(","))
            break;
        if (parenthesized && atOp(")"))
            break;
    }
    if (parenthesized)
        expectClose(")", items.back().target ? items.back().target.get() : items.back().context.get());
    return items;
}

StmtPtr Parser::parseTry()
{
    const Token &keyword = next();
    auto stmt = makeStmt(StmtKind::Try, keyword.pos);
    expectColon();
    stmt->body = parseBlock("'try' statement", keyword.pos.line);

    while (atKeyword("except")) {
        const Token &exceptToken = next();
        const bool star = acceptOp("*");
        if (!stmt->handlers.empty() && star != stmt->isStar)
            fail(exceptToken.pos, "cannot have both 'except' and 'except*' on the same 'try'");
        stmt->isStar = star;
        ExceptHandler handler;
        handler.pos = exceptToken.pos;
        if (!atOp(":")) {
            handler.type = parseExpression();
            if (atOp(","))
                fail(handler.type->pos, "multiple exception types must be parenthesized");
            if (acceptKeyword("as"))
                handler.name = expectName();
        } else if (star) {
            fail(peek().pos, "expected one or more exception types");
        }
        expectColon();
        handler.body = parseBlock(star ? "'except*' statement" : "'except' statement", exceptToken.pos.line);
        stmt->handlers.push_back(std::move(handler));
    }
    for (std::size_t i = 0; i + 1 < stmt->handlers.size(); ++i) {
        if (!stmt->handlers[i].type)
            fail(stmt->handlers[i].pos, "default 'except:' must be last");
    }

    if (atKeyword("else") && !stmt->handlers.empty()) {
        const Token &elseToken = next();
        expectColon();
        stmt->orelse = parseBlock("'else' statement", elseToken.pos.line);
    }
    bool hasFinally = false;
    if (atKeyword("finally")) {
        const Token &finallyToken = next();
        expectColon();
        stmt->finalbody = parseBlock("'finally' statement", finallyToken.pos.line);
        hasFinally = true;
    }
    if (stmt->handlers.empty() && !hasFinally)
        fail(positionAfterBlock(), "expected 'except' or 'finally' block");
    return stmt;
}

StmtPtr Parser::parseDecorated()
{
    ExprList decorators;
    while (acceptOp("@")) {
        decorators.push_back(parseNamedExpression());
        if (peek().kind != TokenKind::Newline)
            failAt(peek());
        next();
    }
    if (atKeyword("def"))
        return parseFunctionDef(false, std::move(decorators));
    if (atKeyword("async") && peek(1).isName("def"))
        return parseFunctionDef(true, std::move(decorators));
    if (atKeyword("class"))
        return parseClassDef(std::move(decorators));
    failAt(peek());
}

StmtPtr Parser::parseFunctionDef(bool isAsync, ExprList decorators)
{
    const Token &start = next();
    if (isAsync)
        next(); // 'def'
    auto function = std::make_shared<FunctionDef>();
    function->pos = start.pos;
    function->isAsync = isAsync;
    function->name = expectName();
    if (atOp("["))
        fail(peek().pos, "type parameters are not supported yet");
    expectOp("(");
    ++m_depth;
    parseParameters(*function, ")", true);
    expectClose(")", nullptr);
    if (acceptOp("->"))
        keepAlive(parseExpression()); // the return annotation is ignored
    expectColon();
    function->body = parseBlock("function definition", start.pos.line);
    function->decorators = std::move(decorators);
    function->docstring = docstringOf(function->body);

    auto stmt = makeStmt(StmtKind::FunctionDef, start.pos);
    stmt->function = std::move(function);
    return stmt;
}

void Parser::parseParameters(FunctionDef &function, std::string_view closer, bool allowAnnotations)
{
    bool sawSlash = false;
    bool sawStar = false;
    bool sawKwargs = false;
    bool sawDefault = false;
    const Token *bareStar = nullptr;
    std::vector<std::pair<std::string, SourcePos>> names;

    auto parseAnnotation = [&](bool allowStarred) -> ExprPtr {
        if (!allowAnnotations || !acceptOp(":"))
            return nullptr;
        return allowStarred && atOp("*") ? parseStarExpression() : parseExpression();
    };
    auto parseName = [&] {
        const SourcePos pos = peek().pos;
        std::string name = expectName();
        names.emplace_back(name, pos);
        return name;
    };

    while (!atOp(closer)) {
        const Token &token = peek();
        if (token.isOp("/")) {
            if (sawStar)
                fail(token.pos, "/ must be ahead of *");
            if (sawSlash)
                fail(token.pos, "/ may appear only once");
            if (function.positional.empty())
                fail(token.pos, "at least one argument must precede /");
            next();
            sawSlash = true;
            function.positionalOnlyCount = static_cast<int>(function.positional.size());
        } else if (token.isOp("*")) {
            if (sawKwargs)
                fail(token.pos, "arguments cannot follow var-keyword argument");
            if (sawStar)
                fail(token.pos, "* argument may appear only once");
            next();
            sawStar = true;
            if (atOp(",") || atOp(closer)) {
                bareStar = &token;
            } else {
                function.varargs = parseName();
                keepAlive(parseAnnotation(true));
                if (atOp("="))
                    fail(peek().pos, "var-positional argument cannot have default value");
            }
        } else if (token.isOp("**")) {
            if (sawKwargs)
                fail(token.pos, "arguments cannot follow var-keyword argument");
            next();
            function.kwargs = parseName();
            keepAlive(parseAnnotation(false));
            if (atOp("="))
                fail(peek().pos, "var-keyword argument cannot have default value");
            sawKwargs = true;
        } else {
            if (sawKwargs)
                fail(token.pos, "arguments cannot follow var-keyword argument");
            Parameter parameter;
            parameter.name = parseName();
            parameter.annotation = parseAnnotation(false);
            if (acceptOp("="))
                parameter.defaultValue = parseExpression();
            if (sawStar) {
                function.kwonly.push_back(std::move(parameter));
            } else {
                if (parameter.defaultValue)
                    sawDefault = true;
                else if (sawDefault)
                    fail(token.pos, "parameter without a default follows parameter with a default");
                function.positional.push_back(std::move(parameter));
            }
        }
        if (!acceptOp(","))
            break;
    }
    if (!atOp(closer))
        failAt(peek());
    if (bareStar && function.kwonly.empty())
        fail(bareStar->pos, "named arguments must follow bare *");
    for (std::size_t i = 0; i < names.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (names[i].first == names[j].first)
                fail(names[i].second, "duplicate argument '" + names[i].first + "' in function definition");
        }
    }
}

StmtPtr Parser::parseClassDef(ExprList decorators)
{
    const Token &keyword = next();
    auto classDef = std::make_shared<ClassDef>();
    classDef->pos = keyword.pos;
    classDef->name = expectName();
    if (atOp("["))
        fail(peek().pos, "type parameters are not supported yet");
    if (atOp("(")) {
        const Token &open = next();
        ++m_depth;
        parseArguments(classDef->bases, classDef->keywords, open, false);
        expectClose(")", nullptr);
    }
    expectColon();
    classDef->body = parseBlock("class definition", keyword.pos.line);
    classDef->decorators = std::move(decorators);
    classDef->docstring = docstringOf(classDef->body);

    auto stmt = makeStmt(StmtKind::ClassDef, keyword.pos);
    stmt->classDef = std::move(classDef);
    return stmt;
}

StmtPtr Parser::parseReturn()
{
    const Token &keyword = next();
    auto stmt = makeStmt(StmtKind::Return, keyword.pos);
    if (!atSimpleStatementEnd())
        stmt->value = parseStarExpressions();
    return stmt;
}

StmtPtr Parser::parseRaise()
{
    const Token &keyword = next();
    auto stmt = makeStmt(StmtKind::Raise, keyword.pos);
    if (!atSimpleStatementEnd()) {
        stmt->value = parseExpression();
        if (acceptKeyword("from"))
            stmt->test = parseExpression();
    }
    return stmt;
}

StmtPtr Parser::parseNames(StmtKind kind)
{
    const Token &keyword = next();
    auto stmt = makeStmt(kind, keyword.pos);
    do {
        stmt->names.push_back(expectName());
    } while (acceptOp(","));
    return stmt;
}

StmtPtr Parser::parseDelete()
{
    const Token &keyword = next();
    auto stmt = makeStmt(StmtKind::Delete, keyword.pos);
    do {
        if (atSimpleStatementEnd() && !stmt->targets.empty())
            break; // trailing comma
        ExprPtr target = parseStarExpression();
        if (target->kind == ExprKind::Starred)
            fail(target->pos, "cannot delete starred");
        if (const Expr *bad = invalidDeleteTarget(*target))
            fail(bad->pos, "cannot delete " + exprName(*bad));
        stmt->targets.push_back(std::move(target));
    } while (acceptOp(","));
    return stmt;
}

StmtPtr Parser::parseAssert()
{
    const Token &keyword = next();
    auto stmt = makeStmt(StmtKind::Assert, keyword.pos);
    stmt->test = parseExpression();
    if (acceptOp(","))
        stmt->value = parseExpression();
    return stmt;
}

StmtPtr Parser::parseImport()
{
    const Token &keyword = next();
    auto stmt = makeStmt(StmtKind::Import, keyword.pos);
    do {
        Alias alias;
        alias.name = expectName();
        while (acceptOp("."))
            alias.name += "." + expectName();
        if (acceptKeyword("as"))
            alias.asName = expectName();
        stmt->aliases.push_back(std::move(alias));
    } while (acceptOp(","));
    return stmt;
}

StmtPtr Parser::parseImportFrom()
{
    const Token &keyword = next();
    auto stmt = makeStmt(StmtKind::ImportFrom, keyword.pos);
    while (atOp(".") || atOp("..."))
        stmt->module += next().text;
    if (!atKeyword("import")) {
        std::string name = expectName();
        while (acceptOp("."))
            name += "." + expectName();
        stmt->module += name;
    }
    expectKeyword("import");
    if (atOp("*")) {
        next();
        stmt->aliases.push_back({"*", {}});
        return stmt;
    }
    const bool parenthesized = acceptOp("(");
    if (parenthesized)
        ++m_depth;
    for (;;) {
        Alias alias;
        alias.name = expectName();
        if (acceptKeyword("as"))
            alias.asName = expectName();
        stmt->aliases.push_back(std::move(alias));
        if (!atOp(","))
            break;
        const Token &comma = next();
        if (parenthesized && atOp(")"))
            break;
        if (!parenthesized && atSimpleStatementEnd())
            fail(comma.end, "trailing comma not allowed without surrounding parentheses");
    }
    if (parenthesized)
        expectClose(")", nullptr);
    return stmt;
}

// ----- expressions

ExprPtr Parser::parseStarExpressions()
{
    ExprPtr first = parseStarExpression();
    if (!atOp(","))
        return first;
    auto tuple = makeExpr(ExprKind::Tuple, startOf(first));
    tuple->elements.push_back(std::move(first));
    while (acceptOp(",")) {
        if (!canStartExpression(peek()) && !atOp("*"))
            break;
        tuple->elements.push_back(parseStarExpression());
    }
    return tuple;
}

ExprPtr Parser::parseStarExpression()
{
    if (atOp("*")) {
        const Token &star = next();
        auto starred = makeExpr(ExprKind::Starred, star.pos);
        starred->left = parseBitwiseOr();
        return starred;
    }
    return parseExpression();
}

ExprPtr Parser::parseStarNamedExpression()
{
    if (atOp("*")) {
        const Token &star = next();
        auto starred = makeExpr(ExprKind::Starred, star.pos);
        starred->left = parseBitwiseOr();
        return starred;
    }
    return parseNamedExpression();
}

ExprPtr Parser::parseNamedExpression()
{
    if (peek().kind == TokenKind::Name && !isKeyword(peek().text) && peek(1).isOp(":=")) {
        const Token &name = next();
        next();
        auto named = makeExpr(ExprKind::NamedExpr, name.pos);
        named->id = std::string(name.text);
        named->right = parseExpression();
        return named;
    }
    ExprPtr e = parseExpression();
    if (atOp(":="))
        fail(e->pos, "cannot use assignment expressions with " + exprName(*e));
    return e;
}

ExprPtr Parser::parseExpression()
{
    NestingGuard guard(*this);
    if (atKeyword("lambda"))
        return parseLambda();
    ExprPtr body = parseDisjunction();
    if (!atKeyword("if"))
        return body;
    next();
    auto ifExp = makeExpr(ExprKind::IfExp, startOf(body));
    ifExp->left = parseDisjunction();
    if (!acceptKeyword("else")) {
        if (atOp(":"))
            failAt(peek());
        fail(body->pos, "expected 'else' after 'if' expression");
    }
    ifExp->right = std::move(body);
    ifExp->third = parseExpression();
    return ifExp;
}

ExprPtr Parser::parseLambda()
{
    const Token &keyword = next();
    auto function = std::make_shared<FunctionDef>();
    function->name = "<lambda>";
    function->pos = keyword.pos;
    parseParameters(*function, ":", false);
    expectOp(":");
    ExprPtr body = parseExpression();
    auto ret = makeStmt(StmtKind::Return, body->pos);
    ret->value = std::move(body);
    function->body.push_back(std::move(ret));

    auto lambda = makeExpr(ExprKind::Lambda, keyword.pos);
    lambda->lambda = std::move(function);
    return lambda;
}

ExprPtr Parser::parseDisjunction()
{
    ExprPtr first = parseConjunction();
    if (!atKeyword("or"))
        return first;
    auto boolOp = makeExpr(ExprKind::BoolOp, startOf(first));
    boolOp->boolOp = BoolOperator::Or;
    boolOp->elements.push_back(std::move(first));
    while (acceptKeyword("or"))
        boolOp->elements.push_back(parseConjunction());
    return boolOp;
}

ExprPtr Parser::parseConjunction()
{
    ExprPtr first = parseInversion();
    if (!atKeyword("and"))
        return first;
    auto boolOp = makeExpr(ExprKind::BoolOp, startOf(first));
    boolOp->boolOp = BoolOperator::And;
    boolOp->elements.push_back(std::move(first));
    while (acceptKeyword("and"))
        boolOp->elements.push_back(parseInversion());
    return boolOp;
}

ExprPtr Parser::parseInversion()
{
    if (!atKeyword("not"))
        return parseComparison();
    NestingGuard guard(*this);
    const Token &keyword = next();
    auto unary = makeExpr(ExprKind::UnaryOp, keyword.pos);
    unary->unaryOp = UnaryOperator::Not;
    unary->left = parseInversion();
    return unary;
}

ExprPtr Parser::parseComparison()
{
    ExprPtr left = parseBitwiseOr();
    ExprPtr compare;
    for (;;) {
        const Token &token = peek();
        CompareOp op;
        int width = 1;
        if (token.isOp("=="))
            op = CompareOp::Eq;
        else if (token.isOp("!="))
            op = CompareOp::NotEq;
        else if (token.isOp("<"))
            op = CompareOp::Lt;
        else if (token.isOp("<="))
            op = CompareOp::LtE;
        else if (token.isOp(">"))
            op = CompareOp::Gt;
        else if (token.isOp(">="))
            op = CompareOp::GtE;
        else if (token.isName("in"))
            op = CompareOp::In;
        else if (token.isName("not") && peek(1).isName("in")) {
            op = CompareOp::NotIn;
            width = 2;
        } else if (token.isName("is")) {
            op = peek(1).isName("not") ? CompareOp::IsNot : CompareOp::Is;
            width = op == CompareOp::IsNot ? 2 : 1;
        } else {
            break;
        }
        for (int i = 0; i < width; ++i)
            next();
        if (!compare) {
            compare = makeExpr(ExprKind::Compare, startOf(left));
            compare->left = std::move(left);
        }
        compare->compareOps.push_back(op);
        compare->args.push_back(parseBitwiseOr());
    }
    return compare ? std::move(compare) : std::move(left);
}

ExprPtr Parser::parseBinary(int minPrecedence)
{
    struct Operator {
        std::string_view text;
        int precedence;
        BinaryOp op;
    };
    static constexpr Operator operators[] = {
        {"|", 1, BinaryOp::BitOr},
        {"^", 2, BinaryOp::BitXor},
        {"&", 3, BinaryOp::BitAnd},
        {"<<", 4, BinaryOp::LShift},
        {">>", 4, BinaryOp::RShift},
        {"+", 5, BinaryOp::Add},
        {"-", 5, BinaryOp::Sub},
        {"*", 6, BinaryOp::Mul},
        {"/", 6, BinaryOp::Div},
        {"//", 6, BinaryOp::FloorDiv},
        {"%", 6, BinaryOp::Mod},
        {"@", 6, BinaryOp::MatMul},
    };
    ExprPtr left = parseFactor();
    NestingGuard guard(*this);
    for (;;) {
        const Token &token = peek();
        const Operator *found = nullptr;
        if (token.kind == TokenKind::Op) {
            for (const Operator &candidate : operators) {
                if (token.text == candidate.text)
                    found = &candidate;
            }
        }
        if (!found || found->precedence < minPrecedence)
            return left;
        guard.deepen();
        next();
        auto binOp = makeExpr(ExprKind::BinOp, startOf(left));
        binOp->binaryOp = found->op;
        binOp->left = std::move(left);
        binOp->right = parseBinary(found->precedence + 1); // left-associative
        left = std::move(binOp);
    }
}

ExprPtr Parser::parseFactor()
{
    const Token &token = peek();
    UnaryOperator op;
    if (token.isOp("-"))
        op = UnaryOperator::Neg;
    else if (token.isOp("+"))
        op = UnaryOperator::Pos;
    else if (token.isOp("~"))
        op = UnaryOperator::Invert;
    else
        return parsePower();
    NestingGuard guard(*this);
    next();

    // -9223372036854775808 is the one literal whose magnitude does not fit in 64 bits.
    const Token &operand = peek();
    if (op == UnaryOperator::Neg && operand.kind == TokenKind::Number && operand.text == "9223372036854775808"
        && !peek(1).isOp("**") && !peek(1).isOp(".") && !peek(1).isOp("(") && !peek(1).isOp("[")) {
        next();
        auto constant = makeExpr(ExprKind::Constant, token.pos);
        constant->constant.kind = Constant::Kind::Int;
        constant->constant.intValue = std::numeric_limits<std::int64_t>::min();
        return constant;
    }

    auto unary = makeExpr(ExprKind::UnaryOp, token.pos);
    unary->unaryOp = op;
    unary->left = parseFactor();
    return unary;
}

ExprPtr Parser::parsePower()
{
    ExprPtr base = parseAwaitPrimary();
    if (!atOp("**"))
        return base;
    NestingGuard guard(*this);
    next();
    auto power = makeExpr(ExprKind::BinOp, startOf(base));
    power->binaryOp = BinaryOp::Pow;
    power->left = std::move(base);
    power->right = parseFactor(); // right-associative, and binds tighter than a unary on its left
    return power;
}

ExprPtr Parser::parseAwaitPrimary()
{
    if (!atKeyword("await"))
        return parsePrimary();
    const Token &keyword = next();
    auto await = makeExpr(ExprKind::Await, keyword.pos);
    await->left = parsePrimary();
    return await;
}

ExprPtr Parser::parsePrimary()
{
    ExprPtr e = parseAtom();
    NestingGuard guard(*this);
    for (;;) {
        if (atOp(".") || atOp("(") || atOp("["))
            guard.deepen();
        if (atOp(".")) {
            next();
            auto attribute = makeExpr(ExprKind::Attribute, startOf(e));
            attribute->id = expectName();
            attribute->left = std::move(e);
            e = std::move(attribute);
        } else if (atOp("(")) {
            e = parseCall(std::move(e));
        } else if (atOp("[")) {
            next();
            ++m_depth;
            auto subscript = makeExpr(ExprKind::Subscript, startOf(e));
            subscript->left = std::move(e);
            subscript->right = parseSlices();
            expectClose("]", subscript->right.get());
            e = std::move(subscript);
        } else {
            return e;
        }
    }
}

ExprPtr Parser::parseCall(ExprPtr function)
{
    const Token &open = next();
    ++m_depth;
    auto call = makeExpr(ExprKind::Call, startOf(function));
    call->left = std::move(function);
    parseArguments(call->args, call->keywords, open, true);
    expectClose(")", nullptr);
    return call;
}

// Call arguments (and class bases), up to the closing parenthesis.
void Parser::parseArguments(ExprList &args, std::vector<Keyword> &keywords, const Token &open, bool allowGenerator)
{
    bool sawKeyword = false;
    bool sawDoubleStar = false;
    std::set<std::string, std::less<>> keywordNames;
    while (!atOp(")")) {
        const Token &token = peek();
        const Expr *last = nullptr;
        if (token.isOp("*")) {
            next();
            if (sawDoubleStar)
                fail(token.pos, "iterable argument unpacking follows keyword argument unpacking");
            auto starred = makeExpr(ExprKind::Starred, token.pos);
            starred->left = parseExpression();
            last = starred->left.get();
            args.push_back(std::move(starred));
        } else if (token.isOp("**")) {
            next();
            Keyword keyword;
            keyword.pos = token.pos;
            keyword.value = parseExpression();
            last = keyword.value.get();
            keywords.push_back(std::move(keyword));
            sawDoubleStar = true;
        } else if (token.kind == TokenKind::Name && !isKeyword(token.text) && peek(1).isOp("=")) {
            next();
            next();
            Keyword keyword;
            keyword.name = std::string(token.text);
            keyword.pos = token.pos;
            if (!keywordNames.insert(keyword.name).second)
                fail(token.pos, "keyword argument repeated: " + keyword.name);
            keyword.value = parseExpression();
            last = keyword.value.get();
            keywords.push_back(std::move(keyword));
            sawKeyword = true;
        } else {
            ExprPtr e = parseNamedExpression();
            if (atOp("="))
                fail(e->pos, "expression cannot contain assignment, perhaps you meant \"==\"?");
            if (allowGenerator && atComprehension()) {
                // `f(x for x in y)`: the call's parentheses belong to the generator.
                auto generator = makeExpr(ExprKind::GeneratorExp, open.pos);
                const SourcePos elementPos = e->pos;
                generator->left = std::move(e);
                generator->generators = parseComprehensions();
                if (!args.empty() || !keywords.empty() || !atOp(")"))
                    fail(elementPos, "Generator expression must be parenthesized");
                args.push_back(std::move(generator));
                return;
            }
            if (sawDoubleStar)
                fail(peek().pos, "positional argument follows keyword argument unpacking");
            if (sawKeyword)
                fail(peek().pos, "positional argument follows keyword argument");
            last = e.get();
            args.push_back(std::move(e));
        }
        if (!acceptOp(",")) {
            if (!atOp(")"))
                failAfterElement(last);
            return;
        }
    }
}

ExprPtr Parser::parseSlices()
{
    ExprPtr first = parseSliceItem();
    if (!atOp(",")) {
        if (first->kind != ExprKind::Starred)
            return first;
        // `a[*b]` indexes with a one-element tuple.
        auto tuple = makeExpr(ExprKind::Tuple, first->pos);
        tuple->elements.push_back(std::move(first));
        return tuple;
    }
    auto tuple = makeExpr(ExprKind::Tuple, startOf(first));
    tuple->elements.push_back(std::move(first));
    while (acceptOp(",")) {
        if (atOp("]"))
            break;
        tuple->elements.push_back(parseSliceItem());
    }
    return tuple;
}

ExprPtr Parser::parseSliceItem()
{
    if (atOp("*"))
        return parseStarNamedExpression();
    const SourcePos pos = peek().pos;
    ExprPtr lower;
    if (!atOp(":")) {
        lower = parseNamedExpression();
        if (!atOp(":"))
            return lower;
    }
    next(); // ':'
    auto slice = makeExpr(ExprKind::Slice, pos);
    slice->left = std::move(lower);
    if (!atOp(":") && !atOp(",") && !atOp("]"))
        slice->right = parseExpression();
    if (acceptOp(":") && !atOp(",") && !atOp("]"))
        slice->third = parseExpression();
    return slice;
}

ExprPtr Parser::parseParenthesized()
{
    const Token &open = next();
    ++m_depth;
    if (atOp(")")) {
        expectClose(")", nullptr);
        return makeExpr(ExprKind::Tuple, open.pos);
    }
    if (atKeyword("yield")) {
        ExprPtr yield = parseYield();
        expectClose(")", yield.get());
        return yield;
    }
    ExprPtr first = parseStarNamedExpression();
    if (atComprehension()) {
        if (first->kind == ExprKind::Starred)
            fail(first->pos, "iterable unpacking cannot be used in comprehension");
        auto generator = makeExpr(ExprKind::GeneratorExp, open.pos);
        generator->left = std::move(first);
        generator->generators = parseComprehensions();
        expectClose(")", nullptr);
        return generator;
    }
    if (atOp(")")) {
        if (first->kind == ExprKind::Starred)
            fail(first->pos, "cannot use starred expression here");
        expectClose(")", nullptr);
        m_groupStarts[first.get()] = open.pos;
        m_groupLog.push_back(first.get());
        return first; // just grouping: `(a)` is `a`
    }
    if (!atOp(","))
        failAfterElement(first.get());
    auto tuple = makeExpr(ExprKind::Tuple, open.pos);
    tuple->elements.push_back(std::move(first));
    while (acceptOp(",")) {
        if (atOp(")"))
            break;
        tuple->elements.push_back(parseStarNamedExpression());
        if (!atOp(",") && !atOp(")"))
            failAfterElement(tuple->elements.back().get());
    }
    expectClose(")", nullptr);
    return tuple;
}

ExprPtr Parser::parseList()
{
    const Token &open = next();
    ++m_depth;
    if (atOp("]")) {
        expectClose("]", nullptr);
        return makeExpr(ExprKind::List, open.pos);
    }
    ExprPtr first = parseStarNamedExpression();
    if (atComprehension()) {
        if (first->kind == ExprKind::Starred)
            fail(first->pos, "iterable unpacking cannot be used in comprehension");
        auto comprehension = makeExpr(ExprKind::ListComp, open.pos);
        comprehension->left = std::move(first);
        comprehension->generators = parseComprehensions();
        expectClose("]", nullptr);
        return comprehension;
    }
    auto list = makeExpr(ExprKind::List, open.pos);
    list->elements.push_back(std::move(first));
    if (!atOp(",") && !atOp("]"))
        failAfterElement(list->elements.back().get());
    while (acceptOp(",")) {
        if (atOp("]"))
            break;
        list->elements.push_back(parseStarNamedExpression());
        if (!atOp(",") && !atOp("]"))
            failAfterElement(list->elements.back().get());
    }
    expectClose("]", nullptr);
    return list;
}

ExprPtr Parser::parseBraces()
{
    const Token &open = next();
    ++m_depth;
    if (atOp("}")) {
        expectClose("}", nullptr);
        return makeExpr(ExprKind::Dict, open.pos);
    }
    if (atOp("**")) {
        const Token &stars = next();
        auto dict = makeExpr(ExprKind::Dict, open.pos);
        dict->keys.push_back(nullptr);
        dict->elements.push_back(parseBitwiseOr());
        if (atComprehension())
            fail(stars.pos, "dict unpacking cannot be used in dict comprehension");
        parseDictRest(*dict);
        return dict;
    }
    ExprPtr first = parseStarNamedExpression();
    if (atOp(":") && first->kind != ExprKind::Starred) {
        next();
        ExprPtr value = parseExpression();
        if (atComprehension()) {
            auto comprehension = makeExpr(ExprKind::DictComp, open.pos);
            comprehension->left = std::move(first);
            comprehension->right = std::move(value);
            comprehension->generators = parseComprehensions();
            expectClose("}", nullptr);
            return comprehension;
        }
        auto dict = makeExpr(ExprKind::Dict, open.pos);
        dict->keys.push_back(std::move(first));
        dict->elements.push_back(std::move(value));
        parseDictRest(*dict);
        return dict;
    }
    if (atComprehension()) {
        if (first->kind == ExprKind::Starred)
            fail(first->pos, "iterable unpacking cannot be used in comprehension");
        auto comprehension = makeExpr(ExprKind::SetComp, open.pos);
        comprehension->left = std::move(first);
        comprehension->generators = parseComprehensions();
        expectClose("}", nullptr);
        return comprehension;
    }
    auto set = makeExpr(ExprKind::Set, open.pos);
    set->elements.push_back(std::move(first));
    if (!atOp(",") && !atOp("}"))
        failAfterElement(set->elements.back().get());
    while (acceptOp(",")) {
        if (atOp("}"))
            break;
        set->elements.push_back(parseStarNamedExpression());
        if (!atOp(",") && !atOp("}"))
            failAfterElement(set->elements.back().get());
    }
    expectClose("}", nullptr);
    return set;
}

void Parser::parseDictRest(Expr &dict)
{
    if (!atOp(",") && !atOp("}"))
        failAfterElement(dict.elements.back().get());
    while (acceptOp(",")) {
        if (atOp("}"))
            break;
        if (acceptOp("**")) {
            dict.keys.push_back(nullptr);
            dict.elements.push_back(parseBitwiseOr());
        } else {
            ExprPtr key = parseExpression();
            if (!acceptOp(":")) {
                if (atOp(",") || atOp("}")) {
                    // CPython points at the key's last character.
                    const SourcePos keyEnd = m_tokens[m_pos - 1].end;
                    fail({keyEnd.line, keyEnd.column - 1}, "':' expected after dictionary key");
                }
                failAfterElement(key.get());
            }
            dict.keys.push_back(std::move(key));
            dict.elements.push_back(parseExpression());
        }
        if (!atOp(",") && !atOp("}"))
            failAfterElement(dict.elements.back().get());
    }
    expectClose("}", nullptr);
}

std::vector<Comprehension> Parser::parseComprehensions()
{
    std::vector<Comprehension> clauses;
    while (atComprehension()) {
        Comprehension clause;
        clause.isAsync = acceptKeyword("async");
        expectKeyword("for");
        clause.target = parseStarTargets();
        checkStoreTarget(*clause.target);
        expectKeyword("in");
        clause.iter = parseDisjunction();
        while (acceptKeyword("if"))
            clause.ifs.push_back(parseDisjunction());
        clauses.push_back(std::move(clause));
    }
    return clauses;
}

// Targets of `for` loops and comprehensions, which end at `in`: operands of comparisons,
// so `in` is not read as an operator.
ExprPtr Parser::parseStarTargets()
{
    ExprPtr first = parseStarTarget();
    if (!atOp(","))
        return first;
    auto tuple = makeExpr(ExprKind::Tuple, startOf(first));
    tuple->elements.push_back(std::move(first));
    while (acceptOp(",")) {
        if (atKeyword("in") || atOp("=") || atOp(":"))
            break;
        tuple->elements.push_back(parseStarTarget());
    }
    return tuple;
}

ExprPtr Parser::parseStarTarget()
{
    if (!atOp("*"))
        return parseBitwiseOr();
    const Token &star = next();
    auto starred = makeExpr(ExprKind::Starred, star.pos);
    starred->left = parseBitwiseOr();
    return starred;
}

ExprPtr Parser::parseYield()
{
    const Token &keyword = next();
    if (acceptKeyword("from")) {
        auto yieldFrom = makeExpr(ExprKind::YieldFrom, keyword.pos);
        yieldFrom->left = parseExpression();
        return yieldFrom;
    }
    auto yield = makeExpr(ExprKind::Yield, keyword.pos);
    if (canStartExpression(peek()) || atOp("*"))
        yield->left = parseStarExpressions();
    return yield;
}

ExprPtr Parser::parseAtom()
{
    const Token &token = peek();
    switch (token.kind) {
    case TokenKind::Name: {
        if (!isKeyword(token.text)) {
            next();
            auto name = makeExpr(ExprKind::Name, token.pos);
            name->id = std::string(token.text);
            return name;
        }
        Constant::Kind kind;
        if (token.text == "True")
            kind = Constant::Kind::True;
        else if (token.text == "False")
            kind = Constant::Kind::False;
        else if (token.text == "None")
            kind = Constant::Kind::None;
        else
            failAt(token);
        next();
        auto constant = makeExpr(ExprKind::Constant, token.pos);
        constant->constant.kind = kind;
        return constant;
    }
    case TokenKind::Number: next(); return parseNumber(token);
    case TokenKind::String: return parseStrings();
    case TokenKind::Op:
        if (token.text == "(")
            return parseParenthesized();
        if (token.text == "[")
            return parseList();
        if (token.text == "{")
            return parseBraces();
        if (token.text == "...") {
            next();
            auto constant = makeExpr(ExprKind::Constant, token.pos);
            constant->constant.kind = Constant::Kind::Ellipsis;
            return constant;
        }
        break;
    default: break;
    }
    failAt(token);
}

// ----- literals

ExprPtr Parser::parseNumber(const Token &token)
{
    std::string digits;
    for (char c : token.text) {
        if (c != '_')
            digits += c;
    }
    auto constant = makeExpr(ExprKind::Constant, token.pos);
    int base = 10;
    std::string_view text = digits;
    if (text.size() > 2 && text[0] == '0') {
        const char p = text[1];
        base = (p == 'x' || p == 'X') ? 16 : (p == 'o' || p == 'O') ? 8 : (p == 'b' || p == 'B') ? 2 : 10;
        if (base != 10)
            text.remove_prefix(2);
    }
    if (base == 10 && text.find_first_of(".eE") != std::string_view::npos) {
        double value = 0;
        const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
        if (result.ec == std::errc::result_out_of_range) {
            // Overflow reads as infinity and underflow as zero, as in CPython.
            const auto e = text.find_first_of("eE");
            value = (e != std::string_view::npos && text.substr(e + 1).starts_with("-"))
                ? 0.0
                : std::numeric_limits<double>::infinity();
        }
        constant->constant.kind = Constant::Kind::Float;
        constant->constant.floatValue = value;
        return constant;
    }
    std::uint64_t value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value, base);
    if (result.ec != std::errc() || value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        fail(token.pos, "integer literal too large (Loopscope integers are 64-bit)");
    constant->constant.kind = Constant::Kind::Int;
    constant->constant.intValue = static_cast<std::int64_t>(value);
    return constant;
}

// Adjacent string literals, f-strings among them, make one expression.
ExprPtr Parser::parseStrings()
{
    const SourcePos pos = peek().pos;
    std::vector<FStringPart> parts;
    bool isFString = false;
    const std::string &source = m_source.text();
    while (peek().kind == TokenKind::String) {
        const Token &token = next();
        const std::size_t quote = token.text.find_first_of("'\"");
        const std::string_view prefix = token.text.substr(0, quote);
        const bool raw = prefix.find_first_of("rR") != std::string_view::npos;
        const bool bytes = prefix.find_first_of("bB") != std::string_view::npos;
        const bool formatted = prefix.find_first_of("fF") != std::string_view::npos;
        if (bytes)
            fail(token.pos, "bytes literals are not supported yet");
        const char q = token.text[quote];
        const bool triple = token.text.size() - quote >= 6 && token.text[quote + 1] == q && token.text[quote + 2] == q;
        const std::size_t quoteLength = triple ? 3 : 1;
        std::size_t begin = token.offset + quote + quoteLength;
        const std::size_t end = token.offset + token.text.size() - quoteLength;
        if (formatted) {
            isFString = true;
            for (FStringPart &part : parseFStringBody(token, begin, end, raw, 0)) {
                if (part.expr)
                    parts.push_back(std::move(part));
                else
                    appendLiteral(parts, std::move(part.literal));
            }
        } else {
            const std::string_view body = std::string_view(source).substr(begin, end - begin);
            appendLiteral(parts, raw ? std::string(body) : decodeEscapes(body, token));
        }
    }
    if (isFString) {
        auto fstring = makeExpr(ExprKind::FString, pos);
        fstring->fstringParts = std::move(parts);
        return fstring;
    }
    auto constant = makeExpr(ExprKind::Constant, pos);
    constant->constant.kind = Constant::Kind::Str;
    if (!parts.empty())
        constant->constant.strValue = std::move(parts.front().literal);
    return constant;
}

std::string Parser::decodeEscapes(std::string_view body, const Token &token) const
{
    auto unicodeError = [&](std::size_t start, std::size_t end, const char *what) {
        fail(token.pos,
            "(unicode error) 'unicodeescape' codec can't decode bytes in position " + std::to_string(start) + "-"
                + std::to_string(end - 1) + ": " + what);
    };
    std::string out;
    out.reserve(body.size());
    for (std::size_t i = 0; i < body.size();) {
        const char c = body[i];
        if (c != '\\' || i + 1 >= body.size()) {
            out += c;
            ++i;
            continue;
        }
        const std::size_t start = i;
        const char e = body[i + 1];
        i += 2;
        switch (e) {
        case '\n': break; // line continuation inside the literal
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7': {
            char32_t value = static_cast<char32_t>(e - '0');
            for (int n = 1; n < 3 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++n, ++i)
                value = value * 8 + static_cast<char32_t>(body[i] - '0');
            appendUtf8(out, value);
            break;
        }
        case 'x':
        case 'u':
        case 'U': {
            const int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            char32_t value = 0;
            int n = 0;
            for (; n < digits && i < body.size() && hexValue(body[i]) >= 0; ++n, ++i)
                value = value * 16 + static_cast<char32_t>(hexValue(body[i]));
            if (n < digits) {
                unicodeError(start, i,
                    e == 'x'       ? "truncated \\xXX escape"
                        : e == 'u' ? "truncated \\uXXXX escape"
                                   : "truncated \\UXXXXXXXX escape");
            }
            if (value > 0x10FFFF)
                unicodeError(start, i, "illegal Unicode character");
            appendUtf8(out, value);
            break;
        }
        case 'N': fail(token.pos, "\\N{...} escapes are not supported yet");
        default:
            // Unknown escapes stay as written (CPython only warns).
            out += '\\';
            out += e;
            break;
        }
    }
    return out;
}

// The body of an f-string (level 0) or of a format spec (level > 0, ending at the '}' that
// closes the field).
std::vector<FStringPart> Parser::parseFStringBody(
    const Token &token, std::size_t &i, std::size_t end, bool raw, int level)
{
    const std::string &source = m_source.text();
    std::vector<FStringPart> parts;
    std::string pending; // literal text still to be unescaped
    auto flush = [&] {
        if (!pending.empty())
            appendLiteral(parts, raw ? pending : decodeEscapes(pending, token));
        pending.clear();
    };
    while (i < end) {
        const char c = source[i];
        if (c == '{') {
            if (level == 0 && i + 1 < end && source[i + 1] == '{') {
                pending += '{';
                i += 2;
                continue;
            }
            flush();
            parts.push_back(parseFStringField(token, i, end, raw, level));
            continue;
        }
        if (c == '}') {
            if (level > 0)
                break;
            if (i + 1 < end && source[i + 1] == '}') {
                pending += '}';
                i += 2;
                continue;
            }
            failAtOffset(i, "f-string: single '}' is not allowed");
        }
        if (c == '\\' && !raw) {
            if (i + 2 < end && source[i + 1] == 'N' && source[i + 2] == '{')
                fail(token.pos, "\\N{...} escapes are not supported yet");
            // Keep the escape together for decodeEscapes; a brace after a backslash still
            // starts a field.
            pending += c;
            ++i;
            if (i < end && source[i] != '{' && source[i] != '}')
                pending += source[i++];
            continue;
        }
        pending += c;
        ++i;
    }
    flush();
    return parts;
}

FStringPart Parser::parseFStringField(const Token &token, std::size_t &i, std::size_t end, bool raw, int level)
{
    const std::string &source = m_source.text();
    if (level >= 3)
        failAtOffset(i - 1, "f-string: expressions nested too deeply");
    ++i; // '{'
    const std::size_t exprBegin = i;

    // Find where the expression ends, skipping nested brackets and strings (3.12 rules, PEP 701:
    // nested strings may use any quote and hold backslashes).
    std::string brackets;
    char quote = 0;
    bool tripleQuote = false;
    while (i < end) {
        const char c = source[i];
        if (c == '\\' && quote) {
            i += 2; // an escape inside a nested string literal
            continue;
        }
        if (quote) {
            if (c == quote && (!tripleQuote || (i + 2 < end && source[i + 1] == quote && source[i + 2] == quote))) {
                i += tripleQuote ? 3 : 1;
                quote = 0;
            } else {
                ++i;
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            tripleQuote = i + 2 < end && source[i + 1] == c && source[i + 2] == c;
            quote = c;
            i += tripleQuote ? 3 : 1;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            brackets += c;
            ++i;
            continue;
        }
        if (c == ')' || c == ']' || c == '}') {
            if (brackets.empty()) {
                if (c == '}')
                    break;
                failAtOffset(i, std::string("f-string: unmatched '") + c + "'");
            }
            const char open = brackets.back();
            const char expected = open == '(' ? ')' : open == '[' ? ']' : '}';
            if (c != expected) {
                failAtOffset(i,
                    std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" + open + "'");
            }
            brackets.pop_back();
            ++i;
            continue;
        }
        if (c == '#')
            failAtOffset(i, "f-string expression part cannot include '#'");
        if (brackets.empty() && (c == '!' || c == ':' || c == '=' || c == '<' || c == '>')) {
            const char following = i + 1 < end ? source[i + 1] : '\0';
            if (following == '=' && c != ':') {
                i += 2; // != == <= >=
                continue;
            }
            if (c == '<' || c == '>') {
                ++i;
                continue;
            }
            break;
        }
        ++i;
    }
    if (quote)
        failAtOffset(i, "f-string: unterminated string");
    if (i >= end)
        failAtOffset(end, "f-string: expecting '}'");

    const std::size_t exprEnd = i;
    bool blank = true;
    for (std::size_t k = exprBegin; k < exprEnd; ++k)
        blank = blank && isSpace(source[k]);
    if (blank)
        failAtOffset(i, std::string("f-string: valid expression required before '") + source[i] + "'");

    FStringPart part;
    {
        Lexer lexer(m_source, exprBegin, exprEnd);
        Parser parser(m_source, lexer.tokenize(), 1);
        part.expr = parser.parseFieldExpression();
    }

    if (source[i] == '=') {
        // `{x = }` prints its own source text as written, through the '=' and the spaces after it.
        part.selfDocumenting = true;
        ++i;
        while (i < end && isSpace(source[i]))
            ++i;
        part.exprText = source.substr(exprBegin, i - exprBegin);
        if (i >= end)
            failAtOffset(end, "f-string: expecting '}'");
    }
    if (source[i] == '!') {
        ++i;
        if (i >= end)
            failAtOffset(end, "f-string: expecting '}'");
        const char conversion = source[i];
        if (conversion == '}' || conversion == ':')
            failAtOffset(i, "f-string: missing conversion character");
        if (conversion != 's' && conversion != 'r' && conversion != 'a') {
            failAtOffset(i,
                std::string("f-string: invalid conversion character '") + conversion + "': expected 's', 'r', or 'a'");
        }
        part.conversion = conversion;
        ++i;
        if (i < end && source[i] != ':' && source[i] != '}')
            failAtOffset(i, "f-string: expecting ':' or '}'");
    }
    bool hasFormatSpec = false;
    if (i < end && source[i] == ':') {
        hasFormatSpec = true;
        ++i;
        if (i >= end)
            failAtOffset(end, "f-string: expecting '}', or format specs");
        part.formatSpec = parseFStringBody(token, i, end, raw, level + 1);
    }
    if (i >= end || source[i] != '}')
        failAtOffset(std::min(i, end), "f-string: expecting '}'");
    ++i;
    if (part.selfDocumenting && !hasFormatSpec && part.conversion == 0)
        part.conversion = 'r'; // as CPython: `{x=}` shows repr(x)
    return part;
}

ExprPtr Parser::parseFieldExpression()
{
    ExprPtr e = atKeyword("yield") ? parseYield() : parseStarExpressions();
    if (peek().kind != TokenKind::EndMarker)
        failAfterElement(e.get());
    return e;
}

// ---------------------------------------------------------------------------------------
// Checker: the checks CPython's compiler makes after parsing, in one walk over the tree.
// It also fills hasAwait and FunctionDef::isGenerator, which depend on the same scoping.

class Checker {
public:
    explicit Checker(const SourceText &source)
        : m_source(source)
    {
    }

    void checkModule(StmtList &body)
    {
        m_scopes.emplace_back(ScopeKind::Module);
        visitBody(body);
        m_scopes.pop_back();
    }

private:
    enum class ScopeKind : std::uint8_t { Module, Function, AsyncFunction, Lambda, Class, Comprehension };
    struct Scope {
        explicit Scope(ScopeKind k, FunctionDef *f = nullptr, ExprKind c = ExprKind::ListComp)
            : kind(k)
            , function(f)
            , comprehension(c)
        {
        }
        ScopeKind kind;
        FunctionDef *function;
        ExprKind comprehension;
        int loopDepth = 0;
        bool inExceptStar = false; // loops counted in loopDepth are inside the except* block
        bool awaits = false; // an await runs in this scope (comprehensions)
        std::optional<SourcePos> returnWithValue;
    };

    [[noreturn]] void fail(SourcePos pos, std::string message) const { m_source.fail(pos, std::move(message)); }
    Scope &scope() { return m_scopes.back(); }

    bool visitBody(StmtList &body)
    {
        bool hasAwait = false;
        for (StmtPtr &stmt : body)
            hasAwait |= visitStmt(*stmt);
        return hasAwait;
    }

    bool visitOptional(ExprPtr &e) { return e ? visitExpr(*e) : false; }
    bool visitStmt(Stmt &s);
    bool visitExpr(Expr &e, bool starAllowed = false);
    bool visitFStringParts(std::vector<FStringPart> &parts);
    bool visitFunction(FunctionDef &function, ScopeKind kind);
    bool visitComprehension(Expr &e);
    bool visitLoopBody(StmtList &body)
    {
        ++scope().loopDepth;
        const bool hasAwait = visitBody(body);
        --scope().loopDepth;
        return hasAwait;
    }

    const SourceText &m_source;
    std::vector<Scope> m_scopes;
};

bool Checker::visitStmt(Stmt &s)
{
    bool a = false;
    switch (s.kind) {
    case StmtKind::Expr: a = visitExpr(*s.value); break;
    case StmtKind::Assign:
        a = visitExpr(*s.value);
        for (ExprPtr &target : s.targets)
            a |= visitExpr(*target);
        break;
    case StmtKind::AugAssign:
    case StmtKind::AnnAssign:
        a = visitOptional(s.value);
        a |= visitExpr(*s.target);
        break;
    case StmtKind::Pass: break;
    case StmtKind::Break:
    case StmtKind::Continue:
        if (scope().loopDepth == 0 && scope().inExceptStar)
            fail(s.pos, "'break', 'continue' and 'return' cannot appear in an except* block");
        if (scope().loopDepth == 0)
            fail(s.pos, s.kind == StmtKind::Break ? "'break' outside loop" : "'continue' not properly in loop");
        break;
    case StmtKind::Return:
        if (scope().inExceptStar)
            fail(s.value ? s.value->pos : s.pos, "'break', 'continue' and 'return' cannot appear in an except* block");
        if (scope().kind != ScopeKind::Function && scope().kind != ScopeKind::AsyncFunction
            && scope().kind != ScopeKind::Lambda)
            fail(s.pos, "'return' outside function");
        if (s.value && !scope().returnWithValue)
            scope().returnWithValue = s.pos;
        a = visitOptional(s.value);
        break;
    case StmtKind::If:
        a = visitExpr(*s.test);
        a |= visitBody(s.body);
        a |= visitBody(s.orelse);
        break;
    case StmtKind::While:
        a = visitExpr(*s.test);
        a |= visitLoopBody(s.body);
        a |= visitBody(s.orelse); // `else` runs after the loop: no break there
        break;
    case StmtKind::For:
        if (s.isAsync && scope().kind != ScopeKind::AsyncFunction)
            fail(s.pos, "'async for' outside async function");
        a = s.isAsync;
        a |= visitExpr(*s.test);
        a |= visitExpr(*s.target);
        a |= visitLoopBody(s.body);
        a |= visitBody(s.orelse);
        break;
    case StmtKind::Try:
        a = visitBody(s.body);
        for (ExceptHandler &handler : s.handlers) {
            a |= visitOptional(handler.type);
            if (!s.isStar) {
                a |= visitBody(handler.body);
                continue;
            }
            // PEP 654: an except* block cannot jump out of itself.
            Scope saved = scope();
            scope().loopDepth = 0;
            scope().inExceptStar = true;
            a |= visitBody(handler.body);
            scope().loopDepth = saved.loopDepth;
            scope().inExceptStar = saved.inExceptStar;
        }
        a |= visitBody(s.orelse);
        a |= visitBody(s.finalbody);
        break;
    case StmtKind::Raise:
        a = visitOptional(s.value);
        a |= visitOptional(s.test);
        break;
    case StmtKind::With:
        if (s.isAsync && scope().kind != ScopeKind::AsyncFunction)
            fail(s.pos, "'async with' outside async function");
        a = s.isAsync;
        for (WithItem &item : s.items) {
            a |= visitExpr(*item.context);
            a |= visitOptional(item.target);
        }
        a |= visitBody(s.body);
        break;
    case StmtKind::FunctionDef:
        a = visitFunction(*s.function, s.function->isAsync ? ScopeKind::AsyncFunction : ScopeKind::Function);
        break;
    case StmtKind::ClassDef: {
        ClassDef &classDef = *s.classDef;
        for (ExprPtr &decorator : classDef.decorators)
            a |= visitExpr(*decorator);
        for (ExprPtr &base : classDef.bases)
            a |= visitExpr(*base, true);
        for (Keyword &keyword : classDef.keywords)
            a |= visitExpr(*keyword.value);
        m_scopes.emplace_back(ScopeKind::Class);
        visitBody(classDef.body); // a separate scope: its awaits are not this statement's
        m_scopes.pop_back();
        break;
    }
    case StmtKind::Global: break;
    case StmtKind::Nonlocal:
        if (scope().kind == ScopeKind::Module)
            fail(s.pos, "nonlocal declaration not allowed at module level");
        break;
    case StmtKind::Import: break;
    case StmtKind::ImportFrom:
        if (scope().kind != ScopeKind::Module && !s.aliases.empty() && s.aliases.front().name == "*")
            fail(s.pos, "import * only allowed at module level");
        break;
    case StmtKind::Assert:
        a = visitExpr(*s.test);
        a |= visitOptional(s.value);
        break;
    case StmtKind::Delete:
        for (ExprPtr &target : s.targets)
            a |= visitExpr(*target);
        break;
    }
    s.hasAwait = a;
    return a;
}

// Decorators and defaults run in the enclosing scope; the body is a scope of its own.
// Annotations are checked but never evaluated, so they do not count for hasAwait.
bool Checker::visitFunction(FunctionDef &function, ScopeKind kind)
{
    bool a = false;
    for (ExprPtr &decorator : function.decorators)
        a |= visitExpr(*decorator);
    for (std::vector<Parameter> *parameters : {&function.positional, &function.kwonly}) {
        for (Parameter &parameter : *parameters) {
            a |= visitOptional(parameter.defaultValue);
            visitOptional(parameter.annotation);
        }
    }
    m_scopes.emplace_back(kind, &function);
    visitBody(function.body);
    const Scope done = m_scopes.back();
    m_scopes.pop_back();
    if (function.isAsync && function.isGenerator && done.returnWithValue)
        fail(*done.returnWithValue, "'return' with value in async generator");
    return a;
}

bool Checker::visitComprehension(Expr &e)
{
    // The first iterable is evaluated in the enclosing scope, the rest in the comprehension's.
    bool a = visitExpr(*e.generators.front().iter);
    m_scopes.emplace_back(ScopeKind::Comprehension, nullptr, e.kind);
    bool inner = false;
    bool asyncClause = false;
    for (std::size_t i = 0; i < e.generators.size(); ++i) {
        Comprehension &clause = e.generators[i];
        if (i > 0)
            inner |= visitExpr(*clause.iter);
        inner |= visitExpr(*clause.target);
        for (ExprPtr &condition : clause.ifs)
            inner |= visitExpr(*condition);
        asyncClause |= clause.isAsync;
    }
    inner |= visitExpr(*e.left);
    inner |= visitOptional(e.right);
    const bool awaits = scope().awaits;
    m_scopes.pop_back();

    // A list, set or dict comprehension that awaits is awaited where it stands; a generator
    // expression is just an asynchronous generator, and only its first iterable (evaluated where
    // it stands) can suspend the enclosing code.
    if (e.kind == ExprKind::GeneratorExp) {
        e.isAsyncGenerator = awaits || inner || asyncClause;
        return a;
    }
    if (awaits || asyncClause) {
        if (scope().kind != ScopeKind::AsyncFunction && scope().kind != ScopeKind::Comprehension)
            fail(e.pos, "asynchronous comprehension outside of an asynchronous function");
        scope().awaits = true;
    }
    return a || inner || asyncClause;
}

bool Checker::visitFStringParts(std::vector<FStringPart> &parts)
{
    bool a = false;
    for (FStringPart &part : parts) {
        if (part.expr)
            a |= visitExpr(*part.expr);
        a |= visitFStringParts(part.formatSpec);
    }
    return a;
}

bool Checker::visitExpr(Expr &e, bool starAllowed)
{
    bool a = false;
    switch (e.kind) {
    case ExprKind::Name:
    case ExprKind::Constant: break;
    case ExprKind::FString: a = visitFStringParts(e.fstringParts); break;
    case ExprKind::List:
    case ExprKind::Tuple:
    case ExprKind::Set:
        for (ExprPtr &element : e.elements)
            a |= visitExpr(*element, true);
        break;
    case ExprKind::Dict:
        for (std::size_t i = 0; i < e.elements.size(); ++i) {
            if (e.keys[i])
                a |= visitExpr(*e.keys[i]);
            a |= visitExpr(*e.elements[i]);
        }
        break;
    case ExprKind::BinOp:
        a = visitExpr(*e.left);
        a |= visitExpr(*e.right);
        break;
    case ExprKind::UnaryOp:
    case ExprKind::Attribute: a = visitExpr(*e.left); break;
    case ExprKind::BoolOp:
        for (ExprPtr &element : e.elements)
            a |= visitExpr(*element);
        break;
    case ExprKind::Compare:
        a = visitExpr(*e.left);
        for (ExprPtr &comparator : e.args)
            a |= visitExpr(*comparator);
        break;
    case ExprKind::Call:
        a = visitExpr(*e.left);
        for (ExprPtr &arg : e.args)
            a |= visitExpr(*arg, true);
        for (Keyword &keyword : e.keywords)
            a |= visitExpr(*keyword.value);
        break;
    case ExprKind::Subscript:
        a = visitExpr(*e.left);
        a |= visitExpr(*e.right);
        break;
    case ExprKind::Slice:
    case ExprKind::IfExp:
        a = visitOptional(e.left);
        a |= visitOptional(e.right);
        a |= visitOptional(e.third);
        break;
    case ExprKind::Lambda: a = visitFunction(*e.lambda, ScopeKind::Lambda); break;
    case ExprKind::Await: {
        const ScopeKind kind = scope().kind;
        if (kind == ScopeKind::Module || kind == ScopeKind::Class)
            fail(e.pos, "'await' outside function");
        if (kind == ScopeKind::Function || kind == ScopeKind::Lambda)
            fail(e.pos, "'await' outside async function");
        scope().awaits = true;
        visitExpr(*e.left);
        a = true;
        break;
    }
    case ExprKind::Yield:
    case ExprKind::YieldFrom: {
        Scope &current = scope();
        switch (current.kind) {
        case ScopeKind::Module:
        case ScopeKind::Class: fail(e.pos, "'yield' outside function");
        case ScopeKind::Comprehension: fail(e.pos, "'yield' inside " + comprehensionName(current.comprehension));
        case ScopeKind::AsyncFunction:
            if (e.kind == ExprKind::YieldFrom)
                fail(e.pos, "'yield from' inside async function");
            [[fallthrough]];
        case ScopeKind::Function:
        case ScopeKind::Lambda: current.function->isGenerator = true; break;
        }
        visitOptional(e.left);
        a = true; // a yield suspends its frame, as an await does
        break;
    }
    case ExprKind::Starred:
        if (!starAllowed)
            fail(e.pos, "can't use starred expression here");
        a = visitExpr(*e.left);
        break;
    case ExprKind::NamedExpr: a = visitExpr(*e.right); break;
    case ExprKind::ListComp:
    case ExprKind::SetComp:
    case ExprKind::DictComp:
    case ExprKind::GeneratorExp: a = visitComprehension(e); break;
    }
    e.hasAwait = a;
    return a;
}

} // namespace

std::unique_ptr<Module> parseModule(std::string_view source, const std::string &fileName)
{
    const SourceText text(source, fileName);
    Lexer lexer(text);
    std::vector<Token> tokens = lexer.tokenize();

    auto module = std::make_unique<Module>();
    module->fileName = fileName;
    module->lines = text.lines();
    Parser parser(text, std::move(tokens), 0);
    try {
        module->body = parser.parseFile();
    } catch (const SyntaxError &) {
        // With a bracket left open, the parser fails somewhere after it. CPython then blames
        // the bracket if parsing got to the end of the file or past the bracket's line.
        const std::optional<Token> open = lexer.unclosedBracket();
        const Token &furthest = parser.furthestToken();
        if (open && (furthest.kind == TokenKind::EndMarker || furthest.pos.line > open->pos.line))
            text.fail(open->pos, "'" + std::string(open->text) + "' was never closed");
        throw;
    }
    Checker(text).checkModule(module->body);
    module->docstring = docstringOf(module->body);
    return module;
}

} // namespace loopscope::script
