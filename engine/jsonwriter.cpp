#include "jsonwriter.h"

#include <charconv>
#include <cmath>

namespace loopscope {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void appendEscape(std::string &out, std::uint32_t unit)
{
    const char buf[6]
        = {'\\', 'u', kHex[(unit >> 12) & 0xf], kHex[(unit >> 8) & 0xf], kHex[(unit >> 4) & 0xf], kHex[unit & 0xf]};
    out.append(buf, 6);
}

// The code point of the UTF-8 sequence at s[i], and its length; U+FFFD for a malformed one
// (length 1, so the next byte starts afresh). Surrogates encoded in three bytes are accepted:
// the interpreter stores a lone '\ud800' that way.
std::uint32_t decode(std::string_view s, std::size_t i, std::size_t *length)
{
    const auto byte = [&](std::size_t k) { return std::uint32_t(static_cast<unsigned char>(s[k])); };
    const std::uint32_t b0 = byte(i);
    *length = 1;
    int more = 0;
    std::uint32_t cp = 0, min = 0;
    if (b0 >= 0xc2 && b0 <= 0xdf) {
        more = 1, cp = b0 & 0x1f, min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
        more = 2, cp = b0 & 0x0f, min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
        more = 3, cp = b0 & 0x07, min = 0x10000;
    } else {
        return 0xfffd;
    }
    if (i + std::size_t(more) >= s.size())
        return 0xfffd;
    for (int k = 1; k <= more; ++k) {
        const std::uint32_t b = byte(i + std::size_t(k));
        if ((b & 0xc0) != 0x80)
            return 0xfffd;
        cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff)
        return 0xfffd;
    *length = std::size_t(more) + 1;
    return cp;
}

template<typename Int> void appendInteger(std::string &out, Int n)
{
    char buf[24];
    const auto result = std::to_chars(buf, buf + sizeof buf, n);
    out.append(buf, result.ptr);
}

} // namespace

void JsonWriter::appendString(std::string &out, std::string_view s, bool asciiOnly)
{
    out.push_back('"');
    std::size_t plain = 0; // start of the run of bytes copied as they are
    const auto flush = [&](std::size_t upTo) { out.append(s.data() + plain, upTo - plain); };
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        if (c == 0x7f && !asciiOnly) {
            ++i;
            continue;
        }
        if (c < 0x80) {
            flush(i);
            switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            default: appendEscape(out, c); // other control characters (and DEL when asciiOnly)
            }
            plain = ++i;
            continue;
        }
        std::size_t length = 1;
        const std::uint32_t cp = decode(s, i, &length);
        const bool surrogate = cp >= 0xd800 && cp <= 0xdfff;
        if (!asciiOnly && cp != 0xfffd && !surrogate) {
            i += length; // well-formed UTF-8: copied as it is
            continue;
        }
        flush(i);
        if (!asciiOnly) {
            out += "\xef\xbf\xbd"; // U+FFFD: malformed input, or a lone surrogate
        } else if (cp >= 0x10000) {
            appendEscape(out, 0xd800 + ((cp - 0x10000) >> 10));
            appendEscape(out, 0xdc00 + ((cp - 0x10000) & 0x3ff));
        } else {
            appendEscape(out, cp);
        }
        i += length;
        plain = i;
    }
    flush(s.size());
    out.push_back('"');
}

void JsonWriter::appendNumber(std::string &out, double d)
{
    char buf[32];
    const auto result = std::to_chars(buf, buf + sizeof buf, d);
    out.append(buf, result.ptr);
}

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (m_first.empty())
        return;
    if (!m_first.back())
        *m_out += m_style == Style::Python ? ", " : ",";
    m_first.back() = false;
    if (m_break) {
        m_out->push_back('\n');
        m_break = false;
    }
}

void JsonWriter::lineBreak()
{
    if (m_first.empty())
        m_out->push_back('\n');
    else
        m_break = true;
}

void JsonWriter::open(char bracket)
{
    separate();
    m_out->push_back(bracket);
    m_first.push_back(true);
}

void JsonWriter::close(char bracket)
{
    if (m_break) {
        m_out->push_back('\n');
        m_break = false;
    }
    m_out->push_back(bracket);
    m_first.pop_back();
}

void JsonWriter::key(std::string_view name)
{
    separate();
    appendString(*m_out, name, m_style == Style::Python);
    *m_out += m_style == Style::Python ? ": " : ":";
    m_afterKey = true;
}

void JsonWriter::value(std::string_view s)
{
    separate();
    appendString(*m_out, s, m_style == Style::Python);
}

void JsonWriter::value(std::int64_t n)
{
    separate();
    appendInteger(*m_out, n);
}

void JsonWriter::value(std::uint64_t n)
{
    separate();
    appendInteger(*m_out, n);
}

void JsonWriter::value(double d)
{
    separate();
    if (std::isfinite(d))
        appendNumber(*m_out, d);
    else if (m_style == Style::Compact)
        *m_out += "null"; // JSON has no NaN or infinity
    else
        *m_out += std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
}

void JsonWriter::raw(std::string_view json)
{
    separate();
    m_out->append(json);
}

} // namespace loopscope
