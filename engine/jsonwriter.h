// A small streaming JSON writer: objects, arrays, strings escaped per RFC 8259, numbers written
// without the locale. It appends to a std::string that the caller may drain as it grows, so a
// 100,000-event export never holds a document tree. Used by the data exports (app/export) and by
// the simulated aiohttp's json.dumps.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope {

class JsonWriter {
public:
    enum class Style : std::uint8_t {
        Compact, // {"a":1,"b":[2,3]}, UTF-8 text kept as is
        Python, // json.dumps's defaults: {"a": 1, "b": [2, 3]}, ensure_ascii (\u00e9), NaN/Infinity
    };

    explicit JsonWriter(std::string *out, Style style = Style::Compact)
        : m_out(out)
        , m_style(style)
    {
    }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    // The next member's name (inside an object).
    void key(std::string_view name);

    void value(std::string_view s);
    void value(const char *s) { value(std::string_view(s)); }
    void value(const std::string &s) { value(std::string_view(s)); }
    void value(std::int64_t n);
    void value(std::uint64_t n);
    void value(int n) { value(std::int64_t(n)); }
    void value(unsigned n) { value(std::uint64_t(n)); }
    // Shortest round-trip form; NaN and infinities are null (Compact) or NaN/Infinity (Python).
    void value(double d);
    void value(bool b) { raw(b ? "true" : "false"); }
    void null() { raw("null"); }
    // A value already in JSON form (a number formatted elsewhere).
    void raw(std::string_view json);

    // key(name) then value(v).
    template<typename T> void field(std::string_view name, const T &v)
    {
        key(name);
        value(v);
    }

    // Starts the next item (or the closing bracket) on a new line, after its comma: documents
    // people read and grep get one record a line. Outside any container: a line break now.
    void lineBreak();

    // Appends `s` as a quoted JSON string. Invalid UTF-8 becomes U+FFFD (a surrogate encoded in
    // UTF-8, as the interpreter stores a lone '\ud800', is written \ud800 when asciiOnly).
    static void appendString(std::string &out, std::string_view s, bool asciiOnly = false);
    // A double in the shortest form that reads back to the same value ("0.1", "1e+16", "3").
    static void appendNumber(std::string &out, double d);

private:
    void open(char bracket);
    void close(char bracket);
    void separate(); // the comma before an item, if it is not the first

    std::string *m_out;
    Style m_style;
    std::vector<bool> m_first; // per open container: no item written yet
    bool m_afterKey = false;
    bool m_break = false; // a lineBreak() waits for the next item
};

} // namespace loopscope
