#include "pythonhighlighter.h"

#include <QSet>
#include <QTextDocument>

namespace loopscope {

namespace {

const QSet<QString> &keywords()
{
    static const QSet<QString> words = {QStringLiteral("False"), QStringLiteral("None"), QStringLiteral("True"),
        QStringLiteral("and"), QStringLiteral("as"), QStringLiteral("assert"), QStringLiteral("async"),
        QStringLiteral("await"), QStringLiteral("break"), QStringLiteral("class"), QStringLiteral("continue"),
        QStringLiteral("def"), QStringLiteral("del"), QStringLiteral("elif"), QStringLiteral("else"),
        QStringLiteral("except"), QStringLiteral("finally"), QStringLiteral("for"), QStringLiteral("from"),
        QStringLiteral("global"), QStringLiteral("if"), QStringLiteral("import"), QStringLiteral("in"),
        QStringLiteral("is"), QStringLiteral("lambda"), QStringLiteral("nonlocal"), QStringLiteral("not"),
        QStringLiteral("or"), QStringLiteral("pass"), QStringLiteral("raise"), QStringLiteral("return"),
        QStringLiteral("try"), QStringLiteral("while"), QStringLiteral("with"), QStringLiteral("yield")};
    return words;
}

const QSet<QString> &builtins()
{
    static const QSet<QString> words = {QStringLiteral("print"), QStringLiteral("len"), QStringLiteral("range"),
        QStringLiteral("str"), QStringLiteral("int"), QStringLiteral("float"), QStringLiteral("list"),
        QStringLiteral("dict"), QStringLiteral("set"), QStringLiteral("tuple"), QStringLiteral("repr"),
        QStringLiteral("isinstance"), QStringLiteral("enumerate"), QStringLiteral("zip"), QStringLiteral("sum"),
        QStringLiteral("min"), QStringLiteral("max"), QStringLiteral("sorted"), QStringLiteral("self"),
        QStringLiteral("asyncio"), QStringLiteral("Exception"), QStringLiteral("ValueError"),
        QStringLiteral("RuntimeError"), QStringLiteral("TypeError"), QStringLiteral("KeyError")};
    return words;
}

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isIdent(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

} // namespace

PythonHighlighter::PythonHighlighter(QObject *parent)
    : QSyntaxHighlighter(parent)
{
}

void PythonHighlighter::setQuickDocument(QQuickTextDocument *doc)
{
    if (doc == m_quickDocument)
        return;
    m_quickDocument = doc;
    setDocument(doc ? doc->textDocument() : nullptr);
    Q_EMIT documentChanged();
}

void PythonHighlighter::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    rehighlight();
    Q_EMIT darkChanged();
}

void PythonHighlighter::setErrorLine(int line)
{
    if (line == m_errorLine)
        return;
    m_errorLine = line;
    rehighlight();
    Q_EMIT errorLineChanged();
}

int PythonHighlighter::scan(const QString &text, int inString, QList<Span> *spans)
{
    int i = 0;
    const int n = int(text.size());
    auto closeTriple = [&](int from, QChar q) {
        const QString end(3, q);
        const int at = int(text.indexOf(end, from));
        return at < 0 ? -1 : at + 3;
    };
    if (inString) {
        const QChar q = inString == 1 ? QLatin1Char('"') : QLatin1Char('\'');
        const int end = closeTriple(0, q);
        if (end < 0) {
            spans->append({0, n, Token::String});
            return inString;
        }
        spans->append({0, end, Token::String});
        i = end;
    }
    bool afterDef = false;
    while (i < n) {
        const QChar c = text[i];
        if (c == QLatin1Char('#')) {
            spans->append({i, n - i, Token::Comment});
            break;
        }
        // String prefixes (f, r, b, rb...) belong to the string.
        int p = i;
        while (p < n && p - i < 2 && QStringLiteral("rRbBfFuU").contains(text[p]))
            ++p;
        if (p < n && (text[p] == QLatin1Char('"') || text[p] == QLatin1Char('\''))
            && (p == i || !isIdent(text[p - 1]) || p - i <= 2)) {
            const QChar q = text[p];
            if (p + 2 < n && text[p + 1] == q && text[p + 2] == q) {
                const int end = closeTriple(p + 3, q);
                if (end < 0) {
                    spans->append({i, n - i, Token::String});
                    return q == QLatin1Char('"') ? 1 : 2;
                }
                spans->append({i, end - i, Token::String});
                i = end;
                continue;
            }
            int j = p + 1;
            while (j < n && text[j] != q)
                j += text[j] == QLatin1Char('\\') ? 2 : 1;
            j = std::min(j + 1, n);
            spans->append({i, j - i, Token::String});
            i = j;
            continue;
        }
        if (isIdentStart(c)) {
            int j = i;
            while (j < n && isIdent(text[j]))
                ++j;
            const QString word = text.mid(i, j - i);
            if (afterDef)
                spans->append({i, j - i, Token::Definition});
            else if (keywords().contains(word))
                spans->append({i, j - i, Token::Keyword});
            else if (builtins().contains(word))
                spans->append({i, j - i, Token::Builtin});
            afterDef = word == QLatin1String("def") || word == QLatin1String("class");
            i = j;
            continue;
        }
        if (c.isDigit()) {
            int j = i;
            while (j < n && (text[j].isLetterOrNumber() || text[j] == QLatin1Char('.') || text[j] == QLatin1Char('_')))
                ++j;
            spans->append({i, j - i, Token::Number});
            i = j;
            continue;
        }
        ++i;
    }
    return 0;
}

QTextCharFormat PythonHighlighter::format(Token t) const
{
    QTextCharFormat f;
    switch (t) {
    case Token::Keyword:
        f.setForeground(QColor(m_dark ? "#c792ea" : "#7c3aed"));
        f.setFontWeight(QFont::DemiBold);
        break;
    case Token::Builtin: f.setForeground(QColor(m_dark ? "#82aaff" : "#1d4ed8")); break;
    case Token::String: f.setForeground(QColor(m_dark ? "#c3e88d" : "#15803d")); break;
    case Token::Comment:
        f.setForeground(QColor(m_dark ? "#7f8a99" : "#6b7280"));
        f.setFontItalic(true);
        break;
    case Token::Number: f.setForeground(QColor(m_dark ? "#f78c6c" : "#c2410c")); break;
    case Token::Definition:
        f.setForeground(QColor(m_dark ? "#ffcb6b" : "#0f766e"));
        f.setFontWeight(QFont::DemiBold);
        break;
    case Token::Plain: break;
    }
    return f;
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    QList<Span> spans;
    const int before = std::max(previousBlockState(), 0);
    setCurrentBlockState(scan(text, before, &spans));
    for (const Span &s : spans)
        setFormat(s.start, s.length, format(s.token));
    if (m_errorLine > 0 && currentBlock().blockNumber() + 1 == m_errorLine) {
        // Underline the line's text, keeping the token colours.
        const int start = int(text.size() - text.trimmed().size() == 0 ? 0 : text.indexOf(text.trimmed().at(0)));
        for (int i = std::max(start, 0); i < text.size(); ++i) {
            QTextCharFormat f = QSyntaxHighlighter::format(i);
            f.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            f.setUnderlineColor(QColor("#e5484d"));
            setFormat(i, 1, f);
        }
    }
}

QString PythonHighlighter::classify(const QString &line, int column)
{
    QList<Span> spans;
    scan(line, 0, &spans);
    for (const Span &s : spans) {
        if (column >= s.start && column < s.start + s.length) {
            switch (s.token) {
            case Token::Keyword: return QStringLiteral("keyword");
            case Token::Builtin: return QStringLiteral("builtin");
            case Token::String: return QStringLiteral("string");
            case Token::Comment: return QStringLiteral("comment");
            case Token::Number: return QStringLiteral("number");
            case Token::Definition: return QStringLiteral("definition");
            case Token::Plain: break;
            }
        }
    }
    return QStringLiteral("plain");
}

} // namespace loopscope
