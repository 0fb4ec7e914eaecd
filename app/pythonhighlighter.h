// Syntax highlighting for the code view (a QSyntaxHighlighter on the TextArea's textDocument):
// keywords, builtins, strings (triple-quoted ones across lines), numbers, comments, and the line
// of a load error or uncaught exception underlined with a red wave.
#pragma once

#include <QQuickTextDocument>
#include <QSyntaxHighlighter>

namespace loopscope {

class PythonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
    Q_PROPERTY(QQuickTextDocument *document READ quickDocument WRITE setQuickDocument NOTIFY documentChanged)
    Q_PROPERTY(bool dark READ dark WRITE setDark NOTIFY darkChanged)
    Q_PROPERTY(int errorLine READ errorLine WRITE setErrorLine NOTIFY errorLineChanged)

public:
    explicit PythonHighlighter(QObject *parent = nullptr);

    QQuickTextDocument *quickDocument() const { return m_quickDocument; }
    void setQuickDocument(QQuickTextDocument *doc);
    bool dark() const { return m_dark; }
    void setDark(bool dark);
    int errorLine() const { return m_errorLine; }
    void setErrorLine(int line);

    // What a token is, for tests: "keyword", "string", "comment", "number", "builtin", "plain".
    static QString classify(const QString &line, int column);

Q_SIGNALS:
    void documentChanged();
    void darkChanged();
    void errorLineChanged();

protected:
    void highlightBlock(const QString &text) override;

private:
    enum class Token { Plain, Keyword, Builtin, String, Comment, Number, Definition };
    struct Span {
        int start;
        int length;
        Token token;
    };
    // Scans one line; `inString` carries an open triple-quoted string across lines (0: none,
    // 1: """, 2: '''); returns the state at the end of the line.
    static int scan(const QString &text, int inString, QList<Span> *spans);
    QTextCharFormat format(Token t) const;

    QQuickTextDocument *m_quickDocument = nullptr;
    bool m_dark = false;
    int m_errorLine = 0;
};

} // namespace loopscope
