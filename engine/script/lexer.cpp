#include "engine/script/lexer.h"

#include <algorithm>
#include <array>
#include <cstdio>

namespace loopscope::script {

namespace {

constexpr std::array<std::string_view, 35> keywords = {
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
};

// CPython's limits; deeper nesting would only exhaust the parser's stack.
constexpr std::size_t maxBracketDepth = 200;
constexpr std::size_t maxIndentDepth = 100;

bool isAsciiLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isRadixDigit(char c, int radix)
{
    switch (radix) {
    case 16: return isHexDigit(c);
    case 8: return c >= '0' && c <= '7';
    case 2: return c == '0' || c == '1';
    default: return isDigit(c);
    }
}

// How a non-ASCII code point may be used. Identifiers accept Unicode letters; rather than
// carry Unicode's tables, we accept every code point except the blocks of punctuation,
// symbols, spaces and format characters, which CPython rejects with these messages.
enum class CharClass : std::uint8_t { Identifier, Invalid, NonPrintable };

CharClass classify(char32_t c)
{
    auto in = [c](char32_t lo, char32_t hi) { return c >= lo && c <= hi; };
    if (in(0x80, 0xA0) || c == 0xAD || c == 0x1680 || in(0x2000, 0x200F) || in(0x2028, 0x202F) || in(0x205F, 0x206F)
        || c == 0x3000 || c == 0xFEFF || in(0xFFF9, 0xFFFB) || in(0xE000, 0xF8FF) || in(0xE0000, 0xE007F)
        || c >= 0xF0000)
        return CharClass::NonPrintable;
    if ((in(0xA1, 0xBF) && c != 0xAA && c != 0xB5 && c != 0xBA) || c == 0xD7 || c == 0xF7 || in(0x2010, 0x2027)
        || (in(0x2030, 0x205E) && c != 0x203F && c != 0x2040 && c != 0x2054)
        || (in(0x2070, 0x209F) && c != 0x2071 && c != 0x207F && !in(0x2090, 0x209C)) || in(0x20A0, 0x20CF)
        || in(0x2190, 0x2BFF) || in(0x2E00, 0x2E7F) || in(0x3001, 0x3004) || in(0x3008, 0x3020) || c == 0x3030
        || in(0x303D, 0x303F) || in(0xFE10, 0xFE19) || in(0xFE30, 0xFE6F) || in(0xFF01, 0xFF0F) || in(0xFF1A, 0xFF20)
        || in(0xFF3B, 0xFF3E) || c == 0xFF40 || in(0xFF5B, 0xFF65) || in(0xFFE0, 0xFFEE) || in(0xFFFC, 0xFFFD)
        || in(0x1F000, 0x1FAFF))
        return CharClass::Invalid;
    return CharClass::Identifier;
}

std::string hexCodePoint(char32_t c)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return buffer;
}

bool isValidStringPrefix(std::string_view prefix)
{
    std::string lower;
    for (char c : prefix)
        lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return lower == "r" || lower == "u" || lower == "b" || lower == "f" || lower == "br" || lower == "rb"
        || lower == "fr" || lower == "rf";
}

char closerOf(char open)
{
    return open == '(' ? ')' : open == '[' ? ']' : '}';
}

} // namespace

bool isKeyword(std::string_view word)
{
    return std::find(keywords.begin(), keywords.end(), word) != keywords.end();
}

bool decodeUtf8(std::string_view text, std::size_t pos, char32_t &codePoint, int &length)
{
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    length = 1;
    codePoint = lead;
    if (lead < 0x80)
        return true;
    int extra;
    char32_t minimum;
    if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        codePoint = lead & 0x1F;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        codePoint = lead & 0x0F;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        codePoint = lead & 0x07;
        minimum = 0x10000;
    } else {
        return false;
    }
    if (pos + extra >= text.size())
        return false;
    for (int i = 1; i <= extra; ++i) {
        const unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80)
            return false;
        codePoint = (codePoint << 6) | (b & 0x3F);
    }
    if (codePoint < minimum || codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF))
        return false;
    length = extra + 1;
    return true;
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// ---------------------------------------------------------------------------------------
// SourceText

SourceText::SourceText(std::string_view source, std::string fileName)
    : m_fileName(std::move(fileName))
{
    // Like CPython: drop a UTF-8 byte order mark, read "\r\n" and "\r" as "\n", and end the
    // last line with a newline so every logical line is terminated.
    std::size_t i = source.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    m_text.reserve(source.size() + 1);
    for (; i < source.size(); ++i) {
        if (source[i] == '\r') {
            m_text += '\n';
            if (i + 1 < source.size() && source[i + 1] == '\n')
                ++i;
        } else {
            m_text += source[i];
        }
    }
    if (!m_text.empty() && m_text.back() != '\n')
        m_text += '\n';

    m_lineStarts.push_back(0);
    for (std::size_t j = 0; j + 1 < m_text.size(); ++j) {
        if (m_text[j] == '\n')
            m_lineStarts.push_back(j + 1);
    }
}

SourcePos SourceText::position(std::size_t offset) const
{
    if (offset >= m_text.size())
        return {lineCount() + 1, 1};
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    const int line = static_cast<int>(it - m_lineStarts.begin());
    // Positions are mostly asked for in increasing order: count on from the last answer
    // when it is on the same line, so that a long line costs linear time.
    std::size_t from = *(it - 1);
    int column = 1;
    if (m_cacheLine == line && m_cacheOffset <= offset) {
        from = m_cacheOffset;
        column = m_cacheColumn;
    }
    for (std::size_t i = from; i < offset; ++i) {
        if ((static_cast<unsigned char>(m_text[i]) & 0xC0) != 0x80)
            ++column;
    }
    m_cacheLine = line;
    m_cacheOffset = offset;
    m_cacheColumn = column;
    return {line, column};
}

std::string SourceText::lineText(int line) const
{
    if (line < 1 || line > lineCount())
        return {};
    const std::size_t start = m_lineStarts[line - 1];
    const std::size_t end = m_text.find('\n', start);
    return m_text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

std::vector<std::string> SourceText::lines() const
{
    std::vector<std::string> result;
    result.reserve(m_lineStarts.size());
    for (int line = 1; line <= lineCount(); ++line)
        result.push_back(lineText(line));
    return result;
}

void SourceText::fail(SourcePos pos, std::string message, std::string type) const
{
    SyntaxError error;
    error.type = std::move(type);
    error.message = std::move(message);
    error.fileName = m_fileName;
    error.line = pos.line;
    error.column = pos.column;
    error.lineText = lineText(pos.line);
    throw error;
}

// ---------------------------------------------------------------------------------------
// Lexer

Lexer::Lexer(const SourceText &source)
    : m_source(source)
    , m_text(source.text())
    , m_end(m_text.size())
{
}

Lexer::Lexer(const SourceText &source, std::size_t begin, std::size_t end)
    : m_source(source)
    , m_text(source.text())
    , m_pos(begin)
    , m_end(end)
    , m_expressionMode(true)
    , m_atLineStart(false)
{
}

std::optional<Token> Lexer::unclosedBracket() const
{
    if (m_brackets.empty())
        return std::nullopt;
    return m_brackets.back();
}

char Lexer::peekChar(std::size_t ahead) const
{
    return m_pos + ahead < m_end ? m_text[m_pos + ahead] : '\0';
}

void Lexer::failAt(std::size_t offset, std::string message, std::string type) const
{
    m_source.fail(m_source.position(offset), std::move(message), std::move(type));
}

void Lexer::failNumber(std::size_t readPos, const char *message) const
{
    SourcePos pos = m_source.position(readPos);
    pos.column -= 1;
    m_source.fail(pos, message);
}

void Lexer::emit(TokenKind kind, std::size_t begin, std::size_t end)
{
    Token token;
    token.kind = kind;
    token.text = m_text.substr(begin, end - begin);
    token.offset = begin;
    token.pos = m_source.position(begin);
    token.end = m_source.position(end);
    m_tokens.push_back(token);
    m_lineHasTokens = true;
}

void Lexer::emitAt(TokenKind kind, std::size_t offset, SourcePos pos)
{
    Token token;
    token.kind = kind;
    token.text = m_text.substr(std::min(offset, m_text.size()), 0);
    token.offset = offset;
    token.pos = pos;
    token.end = pos;
    m_tokens.push_back(token);
}

std::vector<Token> Lexer::tokenize()
{
    for (;;) {
        if (m_atLineStart) {
            m_atLineStart = false;
            if (!m_expressionMode && m_brackets.empty())
                readIndentation();
        }
        while (m_pos < m_end && (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\f'))
            ++m_pos;
        if (m_pos >= m_end) {
            finish();
            return std::move(m_tokens);
        }

        const char c = m_text[m_pos];
        if (c == '#') {
            m_commentStart = m_pos;
            while (m_pos < m_end && m_text[m_pos] != '\n')
                ++m_pos;
        } else if (c == '\n') {
            if (!m_expressionMode && m_brackets.empty() && m_lineHasTokens) {
                // The token sits on a trailing comment if there is one: that is where CPython
                // reports "expected ':'".
                Token token;
                token.kind = TokenKind::Newline;
                token.text = m_text.substr(m_pos, 1);
                token.offset = m_pos;
                token.end = m_source.position(m_pos);
                token.pos = m_commentStart != std::string_view::npos ? m_source.position(m_commentStart) : token.end;
                m_tokens.push_back(token);
                m_lineHasTokens = false;
            }
            m_commentStart = std::string_view::npos;
            ++m_pos;
            m_atLineStart = true;
        } else if (c == '\\') {
            if (peekChar(1) == '\n') {
                m_pos += 2; // line continuation
            } else if (m_pos + 1 >= m_end) {
                failAt(m_pos, "unexpected EOF while parsing");
            } else {
                failAt(m_pos + 1, "unexpected character after line continuation character");
            }
        } else if (isDigit(c) || (c == '.' && isDigit(peekChar(1)))) {
            readNumber();
        } else if (c == '"' || c == '\'') {
            readString(m_pos, {});
        } else if (isAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80) {
            readName();
        } else if (c == '\0') {
            failAt(m_pos, "source code cannot contain null bytes");
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            failAt(m_pos, "invalid non-printable character " + hexCodePoint(static_cast<unsigned char>(c)));
        } else {
            readOperator();
        }
    }
}

void Lexer::readIndentation()
{
    int column = 0;
    int altColumn = 0;
    while (m_pos < m_end) {
        const char c = m_text[m_pos];
        if (c == ' ') {
            ++column;
            ++altColumn;
        } else if (c == '\t') {
            column = (column / 8 + 1) * 8;
            ++altColumn;
        } else if (c == '\f') {
            column = altColumn = 0;
        } else {
            break;
        }
        ++m_pos;
    }
    // Blank and comment-only lines do not take part in indentation.
    if (m_pos >= m_end || m_text[m_pos] == '\n' || m_text[m_pos] == '#'
        || (m_text[m_pos] == '\\' && peekChar(1) == '\n'))
        return;

    const SourcePos pos = m_source.position(m_pos);
    auto tabError = [&] {
        m_source.fail({pos.line, 1}, "inconsistent use of tabs and spaces in indentation", "TabError");
    };
    if (column == m_indents.back()) {
        if (altColumn != m_altIndents.back())
            tabError();
    } else if (column > m_indents.back()) {
        if (altColumn <= m_altIndents.back())
            tabError();
        if (m_indents.size() >= maxIndentDepth)
            m_source.fail(pos, "too many levels of indentation", "IndentationError");
        m_indents.push_back(column);
        m_altIndents.push_back(altColumn);
        emitAt(TokenKind::Indent, m_pos, pos);
    } else {
        while (m_indents.size() > 1 && column < m_indents.back()) {
            m_indents.pop_back();
            m_altIndents.pop_back();
            emitAt(TokenKind::Dedent, m_pos, pos);
        }
        if (column != m_indents.back()) {
            // CPython points just past the end of the line.
            const std::string line = m_source.lineText(pos.line);
            int length = 0;
            for (unsigned char b : line) {
                if ((b & 0xC0) != 0x80)
                    ++length;
            }
            m_source.fail(
                {pos.line, length + 1}, "unindent does not match any outer indentation level", "IndentationError");
        }
        if (altColumn != m_altIndents.back())
            tabError();
    }
}

void Lexer::readName()
{
    const std::size_t start = m_pos;
    while (m_pos < m_end) {
        const char c = m_text[m_pos];
        if (isAsciiLetter(c) || isDigit(c)) {
            ++m_pos;
            continue;
        }
        if (static_cast<unsigned char>(c) < 0x80)
            break;
        char32_t codePoint;
        int length;
        if (!decodeUtf8(m_text, m_pos, codePoint, length)) {
            char buffer[64];
            std::snprintf(buffer, sizeof buffer, "invalid UTF-8 byte 0x%02x in source",
                static_cast<unsigned>(static_cast<unsigned char>(c)));
            failAt(m_pos, buffer);
        }
        switch (classify(codePoint)) {
        case CharClass::Identifier: m_pos += length; continue;
        case CharClass::Invalid:
            failAt(m_pos,
                "invalid character '" + std::string(m_text.substr(m_pos, length)) + "' (" + hexCodePoint(codePoint)
                    + ")");
        case CharClass::NonPrintable: failAt(m_pos, "invalid non-printable character " + hexCodePoint(codePoint));
        }
    }
    const std::string_view word = m_text.substr(start, m_pos - start);
    if (m_pos < m_end && (m_text[m_pos] == '\'' || m_text[m_pos] == '"') && isValidStringPrefix(word)) {
        readString(start, word);
        return;
    }
    emit(TokenKind::Name, start, m_pos);
}

void Lexer::readString(std::size_t start, std::string_view prefix)
{
    m_pos = skipString(start, m_pos, prefix.find_first_of("fF") != std::string_view::npos);
    emit(TokenKind::String, start, m_pos);
}

// Scans a string literal whose opening quote is at `quotePos`; returns the offset just past its
// closing quote. F-strings follow 3.12's rules (PEP 701): inside a replacement field's expression,
// quotes start nested string literals (of any kind, the f-string's own quote included), so they
// never end the f-string; in a format spec, quotes are plain text.
std::size_t Lexer::skipString(std::size_t start, std::size_t quotePos, bool isFString)
{
    const char quote = m_text[quotePos];
    const bool triple = quotePos + 2 < m_end && m_text[quotePos + 1] == quote && m_text[quotePos + 2] == quote;
    std::size_t p = quotePos + (triple ? 3 : 1);
    const std::string kind = std::string(triple ? "triple-quoted " : "") + (isFString ? "f-string" : "string");
    auto unterminated = [&](std::size_t at) {
        const int line = at >= m_end ? (m_expressionMode ? m_source.position(m_end).line : m_source.lineCount())
                                     : m_source.position(at).line;
        failAt(start, "unterminated " + kind + " literal (detected at line " + std::to_string(line) + ")");
    };
    // One entry per open replacement field: whether it is in its format spec yet, and the
    // brackets open in its expression.
    struct Field {
        bool inSpec = false;
        std::string brackets;
    };
    std::vector<Field> fields;
    for (;;) {
        if (p >= m_end)
            unterminated(m_end);
        const char c = m_text[p];
        const bool inExpression = !fields.empty() && !fields.back().inSpec;
        if (inExpression) {
            Field &field = fields.back();
            if (c == '\'' || c == '"') {
                // A nested literal; its prefix letters are just before it.
                std::size_t q = p;
                while (q > quotePos && std::string_view("rRbBuUfF").find(m_text[q - 1]) != std::string_view::npos)
                    --q;
                const std::string_view nestedPrefix = m_text.substr(q, p - q);
                const bool nestedF = nestedPrefix.find_first_of("fF") != std::string_view::npos;
                if (c != quote || triple) {
                    p = skipString(q, p, nestedF);
                    continue;
                }
                // The f-string's own quote: a nested literal if one ends there (3.12), else the
                // end of this f-string with a field left open (the parser reports it).
                try {
                    p = skipString(q, p, nestedF);
                } catch (const SyntaxError &) {
                    return p + 1;
                }
                continue;
            }
            if (c == '(' || c == '[' || c == '{')
                field.brackets += c;
            else if ((c == ')' || c == ']') && !field.brackets.empty())
                field.brackets.pop_back();
            else if (c == '}') {
                if (field.brackets.empty())
                    fields.pop_back();
                else
                    field.brackets.pop_back();
            } else if (c == ':' && field.brackets.empty()) {
                field.inSpec = true;
            }
            ++p;
            continue;
        }
        if (c == '\\') {
            p += 2; // the escaped character, a newline included, never ends the literal
            continue;
        }
        if (c == '\n' && !triple)
            unterminated(p);
        if (isFString) {
            const bool doubled = p + 1 < m_end && m_text[p + 1] == c;
            if (c == '{' && (fields.empty() ? !doubled : true)) {
                fields.push_back(Field {}); // a replacement field (nested in a spec, or at the top)
                ++p;
                continue;
            }
            if (c == '{' || (c == '}' && fields.empty() && doubled)) {
                p += 2; // {{ or }} in the literal text
                continue;
            }
            if (c == '}' && !fields.empty()) {
                fields.pop_back(); // the end of a field whose spec we are in
                ++p;
                continue;
            }
        }
        if (c == quote && fields.empty()) {
            if (!triple)
                return p + 1;
            if (p + 2 < m_end && m_text[p + 1] == quote && m_text[p + 2] == quote)
                return p + 3;
        }
        ++p;
    }
}

void Lexer::checkNumberEnd(const char *kind)
{
    // As CPython: a keyword glued to a number ("1if x else 2") is accepted; any other
    // identifier character right after a number is an error.
    const std::string_view rest = m_text.substr(m_pos, std::min<std::size_t>(m_end - m_pos, 4));
    const char c = peekChar();
    const char c2 = peekChar(1);
    if (rest.starts_with("and") || rest.starts_with("else") || rest.starts_with("for")
        || (c == 'i' && (c2 == 'f' || c2 == 'n' || c2 == 's')) || rest.starts_with("or") || rest.starts_with("not"))
        return;
    if (isAsciiLetter(c) || isDigit(c) || static_cast<unsigned char>(c) >= 0x80)
        failNumber(m_pos, (std::string("invalid ") + kind + " literal").c_str());
}

void Lexer::readDigits(int radix, const char *kind)
{
    const std::string invalidLiteral = std::string("invalid ") + kind + " literal";
    auto invalidDigit = [&] {
        const std::string message = std::string("invalid digit '") + peekChar() + "' in " + kind + " literal";
        failNumber(m_pos + 1, message.c_str());
    };
    for (;;) {
        if (peekChar() == '_')
            ++m_pos; // allowed right after the prefix and between digits
        if (!isRadixDigit(peekChar(), radix)) {
            if (isDigit(peekChar()))
                invalidDigit();
            failNumber(m_pos, invalidLiteral.c_str());
        }
        while (isRadixDigit(peekChar(), radix))
            ++m_pos;
        if (peekChar() != '_') {
            if (isDigit(peekChar()))
                invalidDigit();
            return;
        }
    }
}

void Lexer::readDecimalTail()
{
    for (;;) {
        while (isDigit(peekChar()))
            ++m_pos;
        if (peekChar() != '_')
            return;
        ++m_pos;
        if (!isDigit(peekChar()))
            failNumber(m_pos, "invalid decimal literal");
    }
}

void Lexer::readNumber()
{
    const std::size_t start = m_pos;
    if (peekChar() == '0') {
        const char p = peekChar(1);
        const char *kind = nullptr;
        int radix = 10;
        if (p == 'x' || p == 'X') {
            kind = "hexadecimal";
            radix = 16;
        } else if (p == 'o' || p == 'O') {
            kind = "octal";
            radix = 8;
        } else if (p == 'b' || p == 'B') {
            kind = "binary";
            radix = 2;
        }
        if (kind) {
            m_pos += 2;
            readDigits(radix, kind);
            checkNumberEnd(kind);
            emit(TokenKind::Number, start, m_pos);
            return;
        }
    }

    bool isFloat = false;
    if (peekChar() != '.')
        readDecimalTail();
    if (peekChar() == '.') {
        ++m_pos;
        isFloat = true;
        if (isDigit(peekChar()))
            readDecimalTail();
    }
    if (peekChar() == 'e' || peekChar() == 'E') {
        const std::size_t exponent = m_pos;
        ++m_pos;
        if (peekChar() == '+' || peekChar() == '-') {
            ++m_pos;
            if (!isDigit(peekChar()))
                failNumber(m_pos, "invalid decimal literal");
        } else if (!isDigit(peekChar())) {
            // Not an exponent after all: "1else" is a number followed by a keyword.
            m_pos = exponent;
            checkNumberEnd("decimal");
            emit(TokenKind::Number, start, m_pos);
            return;
        }
        readDecimalTail();
        isFloat = true;
    }
    if (peekChar() == 'j' || peekChar() == 'J')
        failAt(start, "complex numbers are not supported yet");
    if (!isFloat && m_text[start] == '0') {
        for (std::size_t i = start; i < m_pos; ++i) {
            if (m_text[i] != '0' && m_text[i] != '_')
                failAt(start,
                    "leading zeros in decimal integer literals are not permitted; "
                    "use an 0o prefix for octal integers");
        }
    }
    checkNumberEnd("decimal");
    emit(TokenKind::Number, start, m_pos);
}

void Lexer::readOperator()
{
    static constexpr std::array<std::string_view, 5> threeChar = {"**=", "//=", ">>=", "<<=", "..."};
    static constexpr std::array<std::string_view, 19> twoChar = {
        "->",
        ":=",
        "**",
        "//",
        "<<",
        ">>",
        "<=",
        ">=",
        "==",
        "!=",
        "+=",
        "-=",
        "*=",
        "/=",
        "%=",
        "&=",
        "|=",
        "^=",
        "@=",
    };
    static constexpr std::string_view oneChar = "+-*/%@&|^~<>()[]{},:;.=";

    const std::string_view rest = m_text.substr(m_pos, std::min<std::size_t>(m_end - m_pos, 3));
    for (std::string_view op : threeChar) {
        if (rest.starts_with(op)) {
            emit(TokenKind::Op, m_pos, m_pos + 3);
            m_pos += 3;
            return;
        }
    }
    for (std::string_view op : twoChar) {
        if (rest.starts_with(op)) {
            emit(TokenKind::Op, m_pos, m_pos + 2);
            m_pos += 2;
            return;
        }
    }
    const char c = m_text[m_pos];
    if (oneChar.find(c) == std::string_view::npos) {
        emit(TokenKind::Error, m_pos, m_pos + 1); // '$', '?', '`', a lone '!'
        ++m_pos;
        return;
    }

    if (c == '(' || c == '[' || c == '{') {
        if (m_brackets.size() >= maxBracketDepth)
            failAt(m_pos, "too many nested parentheses");
        emit(TokenKind::Op, m_pos, m_pos + 1);
        m_brackets.push_back(m_tokens.back());
    } else if (c == ')' || c == ']' || c == '}') {
        if (m_brackets.empty())
            failAt(m_pos, std::string("unmatched '") + c + "'");
        const Token &open = m_brackets.back();
        const char openChar = open.text[0];
        if (closerOf(openChar) != c) {
            std::string message
                = std::string("closing parenthesis '") + c + "' does not match opening parenthesis '" + openChar + "'";
            const int line = m_source.position(m_pos).line;
            if (open.pos.line != line)
                message += " on line " + std::to_string(open.pos.line);
            failAt(m_pos, message);
        }
        m_brackets.pop_back();
        emit(TokenKind::Op, m_pos, m_pos + 1);
    } else {
        emit(TokenKind::Op, m_pos, m_pos + 1);
    }
    ++m_pos;
}

void Lexer::finish()
{
    const SourcePos eof = m_source.position(m_end);
    if (!m_expressionMode && m_brackets.empty()) {
        if (m_lineHasTokens) // only after a trailing line continuation
            emitAt(TokenKind::Newline, m_end, eof);
        for (std::size_t i = 1; i < m_indents.size(); ++i)
            emitAt(TokenKind::Dedent, m_end, eof);
    }
    emitAt(TokenKind::EndMarker, m_end, eof);
}

} // namespace loopscope::script
