// The tokenizer of the scenario language: turns Python source into a flat token list, with
// the INDENT/DEDENT/NEWLINE structure Python's grammar needs.
//
// The whole module is tokenized before parsing. CPython reports tokenizer errors in
// preference to parser errors anywhere in the file, so tokenizing eagerly gives the same
// diagnostics as its lazy tokenizer. The one exception, a bracket still open at the end of
// the file, is left to the parser (see Lexer::unclosedBracket()).
#pragma once

#include "engine/script/ast.h"
#include "engine/script/parser.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::script {

// The source of one script, normalized (no BOM, '\n' line ends, a final newline), with a
// line table to turn byte offsets into positions.
class SourceText {
public:
    SourceText(std::string_view source, std::string fileName);

    const std::string &text() const { return m_text; }
    const std::string &fileName() const { return m_fileName; }

    // 1-based line, and 1-based column counted in code points (as CPython reports them).
    SourcePos position(std::size_t offset) const;
    // The text of a 1-based line without its newline; empty outside the file.
    std::string lineText(int line) const;
    int lineCount() const { return static_cast<int>(m_lineStarts.size()) - (m_text.empty() ? 1 : 0); }
    // The source split into lines, for Module::lines.
    std::vector<std::string> lines() const;

    [[noreturn]] void fail(SourcePos pos, std::string message, std::string type = "SyntaxError") const;

private:
    std::string m_text;
    std::string m_fileName;
    std::vector<std::size_t> m_lineStarts; // byte offset of each line's first character
    // The last position computed, to count columns incrementally (see position()).
    mutable int m_cacheLine = 0;
    mutable std::size_t m_cacheOffset = 0;
    mutable int m_cacheColumn = 1;
};

enum class TokenKind : std::uint8_t {
    Name, // identifiers and keywords
    Number,
    String, // one literal, prefix and quotes included
    Op, // operators and delimiters
    Newline,
    Indent,
    Dedent,
    EndMarker,
    Error, // a character that starts no token ('$', '?', '`', a lone '!'): "invalid syntax"
};

struct Token {
    TokenKind kind = TokenKind::EndMarker;
    std::string_view text; // exact source text (a view into SourceText::text())
    std::size_t offset = 0; // byte offset of the first character
    SourcePos pos; // first character. For Newline: the comment ending the line, if any
    SourcePos end; // just after the last character. For Newline: the '\n' itself

    bool is(TokenKind k, std::string_view t) const { return kind == k && text == t; }
    bool isOp(std::string_view t) const { return is(TokenKind::Op, t); }
    bool isName(std::string_view t) const { return is(TokenKind::Name, t); }
};

class Lexer {
public:
    // Tokenizes a whole module.
    explicit Lexer(const SourceText &source);
    // Tokenizes the expression of an f-string replacement field, source bytes [begin, end):
    // as inside brackets, newlines are plain whitespace and there is no indentation.
    Lexer(const SourceText &source, std::size_t begin, std::size_t end);

    // Throws SyntaxError on malformed input. The list always ends with an EndMarker.
    std::vector<Token> tokenize();

    // The innermost bracket left open at the end of input, for "'(' was never closed".
    std::optional<Token> unclosedBracket() const;

private:
    void readIndentation();
    void readName();
    void readNumber();
    void readString(std::size_t start, std::string_view prefix);
    std::size_t skipString(std::size_t start, std::size_t quotePos, bool isFString);
    void readOperator();
    void finish();

    void emit(TokenKind kind, std::size_t begin, std::size_t end);
    void emitAt(TokenKind kind, std::size_t offset, SourcePos pos); // zero-width token
    [[noreturn]] void failAt(std::size_t offset, std::string message, std::string type = "SyntaxError") const;
    // Number errors: CPython points at the character before its read position.
    [[noreturn]] void failNumber(std::size_t readPos, const char *kind) const;
    void checkNumberEnd(const char *kind);
    void readDigits(int radix, const char *kind);
    void readDecimalTail();
    char peekChar(std::size_t ahead = 0) const;

    const SourceText &m_source;
    std::string_view m_text;
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    bool m_expressionMode = false;

    std::vector<Token> m_tokens;
    std::vector<Token> m_brackets; // open brackets, innermost last
    std::vector<int> m_indents {0}; // indentation columns, tabs to multiples of 8
    std::vector<int> m_altIndents {0}; // the same with tabs as one column, to detect TabError
    bool m_atLineStart = true;
    bool m_lineHasTokens = false;
    std::size_t m_commentStart = std::string_view::npos; // comment on the current line
};

// Python's reserved words (soft keywords such as `match` are plain names).
bool isKeyword(std::string_view word);

// Decodes the UTF-8 sequence at text[pos] into codePoint and its byte length. An invalid
// sequence returns false, with length 1.
bool decodeUtf8(std::string_view text, std::size_t pos, char32_t &codePoint, int &length);
void appendUtf8(std::string &out, char32_t codePoint);

} // namespace loopscope::script
