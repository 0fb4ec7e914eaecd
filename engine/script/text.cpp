// Text conversions and str methods matching CPython 3.12. See text.h.
//
// The number formatting follows the structure of CPython's own implementation
// (Python/formatter_unicode.c and Python/pystrtod.c) so that the corner cases come out the
// same: the float paths first produce CPython's decimal digit string and decimal-point
// position, then lay them out with CPython's rules; the spec-driven paths then pad and
// group the result the way CPython's fill_number() does.
//
// Floating-point digits come from std::to_chars rather than snprintf: both are correctly
// rounded, but snprintf follows LC_NUMERIC, and QCoreApplication sets the locale from the
// environment on Unix, which would turn '1.5' into '1,5' in a German session.
#include "engine/script/text.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <climits>
#include <cmath>
#include <limits>

namespace loopscope::script::text {

namespace {

// ---- Unicode character data (the generated tables are at the end of this file) -------

enum Property : std::uint16_t {
    Printable = 1u << 0,
    Alpha = 1u << 1,
    Decimal = 1u << 2,
    Digit = 1u << 3,
    Numeric = 1u << 4,
    Lowercase = 1u << 5,
    Uppercase = 1u << 6,
    Titlecase = 1u << 7,
    Space = 1u << 8,
    XidStart = 1u << 9, // includes '_', as str.isidentifier() wants
    XidContinue = 1u << 10,
    CaseIgnorable = 1u << 11,
};

std::uint16_t properties(char32_t c);
int decimalValue(char32_t c); // the digit value of a Unicode decimal (Nd), else -1
// Full case mappings (one to three code points, e.g. 'ß'.upper() == 'SS'); return the count.
int toUpperFull(char32_t c, char32_t *out);
int toLowerFull(char32_t c, char32_t *out);
int toTitleFull(char32_t c, char32_t *out);
int toFoldFull(char32_t c, char32_t *out);

bool hasProperty(char32_t c, std::uint16_t mask) { return (properties(c) & mask) != 0; }
bool isCased(char32_t c) { return hasProperty(c, Lowercase | Uppercase | Titlecase); }

// Python's str.isspace() for ASCII: besides \t\n\v\f\r and ' ', the separators \x1c-\x1f.
bool isAsciiSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f); }
bool isSpaceCodepoint(char32_t c) { return c < 0x80 ? isAsciiSpace(static_cast<unsigned char>(c)) : hasProperty(c, Space); }
// Py_ISSPACE: the C-locale whitespace int() and float() strip.
bool isCSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool isAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// ---- Errors -------------------------------------------------------------------------

// Python never builds strings this long in a scenario; refusing them turns a typo like
// f'{x:1000000000000}' into a Python MemoryError instead of std::bad_alloc.
constexpr std::int64_t kMaxLength = std::int64_t{1} << 30;

[[noreturn]] void raise(const char *type, std::string message) { throw FormatError{type, std::move(message)}; }
[[noreturn]] void raiseValueError(std::string message) { raise("ValueError", std::move(message)); }
void checkLength(std::int64_t length)
{
    if (length > kMaxLength)
        raise("MemoryError", std::string());
}

// ---- UTF-8 primitives -----------------------------------------------------------------

constexpr char32_t kReplacementCharacter = 0xFFFD;

// Decodes the code point at s[pos] and advances pos past it. A malformed sequence decodes
// as U+FFFD and consumes one byte, so every byte belongs to exactly one code point.
// Surrogates are accepted: chr(0xd800) is a valid Python string and encode() stores it so.
char32_t decodeAt(std::string_view s, std::size_t &pos)
{
    const auto lead = static_cast<unsigned char>(s[pos]);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    std::size_t length = 0;
    char32_t c = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        c = lead & 0x1Fu;
        minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        c = lead & 0x0Fu;
        minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        c = lead & 0x07u;
        minimum = 0x10000;
    } else {
        ++pos;
        return kReplacementCharacter;
    }
    if (s.size() - pos < length) {
        ++pos;
        return kReplacementCharacter;
    }
    for (std::size_t i = 1; i < length; ++i) {
        const auto b = static_cast<unsigned char>(s[pos + i]);
        if ((b & 0xC0u) != 0x80u) {
            ++pos;
            return kReplacementCharacter;
        }
        c = (c << 6) | (b & 0x3Fu);
    }
    if (c < minimum || c > 0x10FFFF) {
        ++pos;
        return kReplacementCharacter;
    }
    pos += length;
    return c;
}

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c <= 0x10FFFF) {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        appendUtf8(out, kReplacementCharacter);
    }
}

void appendRepeated(std::string &out, char32_t c, std::int64_t times)
{
    if (times <= 0)
        return;
    checkLength(static_cast<std::int64_t>(out.size()) + times);
    if (c < 0x80) {
        out.append(static_cast<std::size_t>(times), static_cast<char>(c));
        return;
    }
    std::string one;
    appendUtf8(one, c);
    out.reserve(out.size() + one.size() * static_cast<std::size_t>(times));
    for (std::int64_t i = 0; i < times; ++i)
        out += one;
}

// Byte offset of the code point `count` code points after byte offset `from` (clamped).
std::size_t advance(std::string_view s, std::size_t from, std::int64_t count)
{
    std::size_t pos = from;
    for (std::int64_t i = 0; i < count && pos < s.size(); ++i)
        decodeAt(s, pos);
    return pos;
}

// Random access to a string's code points. Operations are written once against this
// interface: AsciiView indexes bytes directly, Utf8View decodes once up front.
struct AsciiView {
    std::string_view text;
    std::int64_t size() const { return static_cast<std::int64_t>(text.size()); }
    char32_t operator[](std::int64_t i) const { return static_cast<unsigned char>(text[static_cast<std::size_t>(i)]); }
    std::size_t offset(std::int64_t i) const { return static_cast<std::size_t>(i); }
    std::string_view sub(std::int64_t from, std::int64_t to) const
    {
        return text.substr(offset(from), static_cast<std::size_t>(to - from));
    }
};

struct Utf8View {
    std::string_view text;
    std::u32string codepoints;
    std::vector<std::size_t> offsets; // offsets[i] starts code point i; offsets.back() == text.size()

    explicit Utf8View(std::string_view s) : text(s)
    {
        codepoints.reserve(s.size());
        offsets.reserve(s.size() + 1);
        std::size_t pos = 0;
        while (pos < s.size()) {
            offsets.push_back(pos);
            codepoints.push_back(decodeAt(s, pos));
        }
        offsets.push_back(s.size());
    }
    std::int64_t size() const { return static_cast<std::int64_t>(codepoints.size()); }
    char32_t operator[](std::int64_t i) const { return codepoints[static_cast<std::size_t>(i)]; }
    std::size_t offset(std::int64_t i) const { return offsets[static_cast<std::size_t>(i)]; }
    std::string_view sub(std::int64_t from, std::int64_t to) const
    {
        return text.substr(offset(from), offset(to) - offset(from));
    }
};

template <typename F>
decltype(auto) withView(std::string_view s, F &&f)
{
    if (isAscii(s))
        return f(AsciiView{s});
    return f(Utf8View(s));
}

// ---- Decimal digits of a double, as CPython's dtoa produces them ---------------------

// value = (negative ? -1 : 1) * 0.DIGITS * 10**decimalPoint, with no leading or trailing
// zeros in digits except that zero is "0" with decimalPoint 1 (what _Py_dg_dtoa returns).
struct DecimalDigits {
    bool negative = false;
    std::string digits;
    std::int64_t decimalPoint = 1;
};

void normalize(DecimalDigits &d)
{
    std::size_t leading = 0;
    while (leading < d.digits.size() && d.digits[leading] == '0')
        ++leading;
    d.digits.erase(0, leading);
    d.decimalPoint -= static_cast<std::int64_t>(leading);
    while (!d.digits.empty() && d.digits.back() == '0')
        d.digits.pop_back();
    if (d.digits.empty()) {
        d.digits = "0";
        d.decimalPoint = 1;
    }
}

// Parses std::to_chars scientific output: "-d.ddde+XX".
DecimalDigits fromScientific(double value, std::string_view text)
{
    DecimalDigits d;
    d.negative = std::signbit(value);
    const std::size_t e = text.find('e');
    for (std::size_t i = 0; i < e; ++i) {
        if (isAsciiDigit(text[i]))
            d.digits.push_back(text[i]);
    }
    std::size_t pos = e + 1;
    const bool negativeExponent = text[pos] == '-';
    ++pos; // to_chars always writes the exponent's sign
    int exponent = 0;
    std::from_chars(text.data() + pos, text.data() + text.size(), exponent);
    d.decimalPoint = (negativeExponent ? -exponent : exponent) + 1;
    normalize(d);
    return d;
}

// dtoa mode 0: the shortest digits that round-trip.
DecimalDigits shortestDigits(double value)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    return fromScientific(value, std::string_view(buffer, static_cast<std::size_t>(result.ptr - buffer)));
}

// dtoa mode 2: `count` significant digits, correctly rounded (ties to even).
DecimalDigits significantDigits(double value, std::int64_t count)
{
    checkLength(count);
    // A double's exact decimal expansion has at most 767 significant digits; the rest are zeros,
    // which the output window pads back. So a huge precision costs nothing extra.
    count = std::min<std::int64_t>(count, 800);
    std::string buffer(static_cast<std::size_t>(count) + 32, '\0');
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::scientific, static_cast<int>(count - 1));
    return fromScientific(value, std::string_view(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data())));
}

// dtoa mode 3: `count` digits after the decimal point, correctly rounded.
DecimalDigits fractionDigits(double value, std::int64_t count)
{
    checkLength(count);
    count = std::min<std::int64_t>(count, 1100); // no double has digits past the 1074th decimal place
    std::string buffer(static_cast<std::size_t>(count) + 400, '\0'); // DBL_MAX has 309 integer digits
    const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::fixed, static_cast<int>(count));
    const std::string_view text(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data()));
    DecimalDigits d;
    d.negative = std::signbit(value);
    std::int64_t integerDigits = 0;
    bool afterPoint = false;
    for (const char c : text) {
        if (c == '.') {
            afterPoint = true;
        } else if (isAsciiDigit(c)) {
            d.digits.push_back(c);
            if (!afterPoint)
                ++integerDigits;
        }
    }
    d.decimalPoint = integerDigits;
    normalize(d);
    return d;
}

// PyOS_double_to_string: type is one of e E f F g G r ('r' is repr: shortest digits).
// addDotZero keeps a '.0' on integral fixed-point results (repr, and format() with no type);
// alternate is the '#' flag; noNegativeZero is the 'z' flag.
std::string doubleToString(double value, char type, std::int64_t precision, bool alternate, bool addDotZero,
                           bool noNegativeZero)
{
    const bool upper = type == 'E' || type == 'F' || type == 'G';
    type = static_cast<char>(upper ? type - 'A' + 'a' : type);

    if (std::isnan(value))
        return upper ? "NAN" : "nan"; // CPython ignores the sign of a NaN
    if (std::isinf(value)) {
        std::string text = value < 0 ? "-" : "";
        return text + (upper ? "INF" : "inf");
    }

    DecimalDigits d;
    switch (type) {
    case 'e':
        ++precision; // digits after the point, plus the one before it
        d = significantDigits(value, precision);
        break;
    case 'f':
        d = fractionDigits(value, precision);
        break;
    case 'g':
        if (precision == 0)
            precision = 1; // precision 0 makes no sense for 'g'; CPython reads it as 1
        d = significantDigits(value, precision);
        break;
    default:
        d = shortestDigits(value);
        break;
    }
    if (noNegativeZero && d.negative && d.digits == "0")
        d.negative = false;

    // The result is a window [visibleStart, visibleEnd) onto the digit string padded with
    // zeros on both sides, with the decimal point placed after digit `decimalPoint`.
    const auto digitCount = static_cast<std::int64_t>(d.digits.size());
    std::int64_t decimalPoint = d.decimalPoint;
    std::int64_t visibleEnd = digitCount;
    std::int64_t exponent = 0;
    bool useExponent = false;
    switch (type) {
    case 'e':
        useExponent = true;
        visibleEnd = precision;
        break;
    case 'f':
        visibleEnd = decimalPoint + precision;
        break;
    case 'g':
        if (decimalPoint <= -4 || decimalPoint > (addDotZero ? precision - 1 : precision))
            useExponent = true;
        if (alternate)
            visibleEnd = precision;
        break;
    default:
        // repr switches to exponent notation at 1e16, where 16 shortest digits stop
        // being enough to show every integer.
        if (decimalPoint <= -4 || decimalPoint > 16)
            useExponent = true;
        break;
    }
    if (useExponent) {
        exponent = decimalPoint - 1;
        decimalPoint = 1;
    }
    const std::int64_t visibleStart = decimalPoint <= 0 ? decimalPoint - 1 : 0;
    if (!useExponent && addDotZero)
        visibleEnd = std::max(visibleEnd, decimalPoint + 1);
    else
        visibleEnd = std::max(visibleEnd, decimalPoint);

    checkLength(visibleEnd - visibleStart);
    std::string out;
    out.reserve(static_cast<std::size_t>(visibleEnd - visibleStart) + 8);
    if (d.negative)
        out.push_back('-');
    if (decimalPoint <= 0) {
        out.append(static_cast<std::size_t>(decimalPoint - visibleStart), '0');
        out.push_back('.');
        out.append(static_cast<std::size_t>(-decimalPoint), '0');
        out += d.digits;
    } else if (decimalPoint <= digitCount) {
        out.append(d.digits, 0, static_cast<std::size_t>(decimalPoint));
        out.push_back('.');
        out.append(d.digits, static_cast<std::size_t>(decimalPoint));
    } else {
        out += d.digits;
    }
    if (digitCount < decimalPoint) {
        out.append(static_cast<std::size_t>(decimalPoint - digitCount), '0');
        out.push_back('.');
        out.append(static_cast<std::size_t>(visibleEnd - decimalPoint), '0');
    } else {
        out.append(static_cast<std::size_t>(visibleEnd - digitCount), '0');
    }
    if (out.back() == '.' && !alternate)
        out.pop_back();
    if (useExponent) {
        out.push_back(upper ? 'E' : 'e');
        out.push_back(exponent < 0 ? '-' : '+');
        const std::int64_t magnitude = exponent < 0 ? -exponent : exponent;
        if (magnitude < 10)
            out.push_back('0');
        out += std::to_string(magnitude);
    }
    return out;
}

// ---- Integers to digits ----------------------------------------------------------------

std::uint64_t magnitude(std::int64_t value)
{
    return value < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
}

std::string unsignedDigits(std::uint64_t value, int base, bool upper)
{
    const char *alphabet = upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789abcdefghijklmnopqrstuvwxyz";
    char buffer[64];
    char *end = buffer + sizeof buffer;
    char *p = end;
    do {
        *--p = alphabet[value % static_cast<unsigned>(base)];
        value /= static_cast<unsigned>(base);
    } while (value != 0);
    return std::string(p, end);
}

// ---- The format-spec mini-language -----------------------------------------------------

struct Spec {
    char32_t fill = U' ';
    char32_t align = 0;
    char32_t sign = 0; // '+', '-', ' ' or 0
    bool noNegativeZero = false;
    bool alternate = false;
    std::int64_t width = -1;
    char separator = 0; // ',' or '_'
    int groupSize = 3;  // '_' groups hex, octal and binary digits by four
    std::int64_t precision = -1;
    char32_t type = 0;
};

bool isAlignment(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

// How CPython quotes a presentation type in messages: the character itself when it is
// printable ASCII, else a \x escape.
std::string quotedType(char32_t type)
{
    if (type > 32 && type < 128)
        return std::string{'\'', static_cast<char>(type), '\''};
    char buffer[16];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::uint32_t>(type), 16);
    return "'\\x" + std::string(buffer, result.ptr) + "'";
}

[[noreturn]] void unknownPresentationType(char32_t type, std::string_view typeName)
{
    raiseValueError("Unknown format code " + quotedType(type) + " for object of type '" + std::string(typeName) + "'");
}

// get_integer(): CPython accepts any Unicode decimal digits for width and precision.
std::int64_t readInteger(const std::u32string &spec, std::size_t &pos, bool &found)
{
    std::int64_t value = 0;
    found = false;
    for (; pos < spec.size(); ++pos) {
        const int digit = decimalValue(spec[pos]);
        if (digit < 0)
            break;
        if (value > (std::numeric_limits<std::int64_t>::max() - digit) / 10)
            raiseValueError("Too many decimal digits in format string");
        value = value * 10 + digit;
        found = true;
    }
    return value;
}

// parse_internal_render_format_spec(): the checks that need only the spec itself, in
// CPython's order so that a spec with several problems reports the same one.
Spec parseSpec(std::string_view text, char32_t defaultType, char32_t defaultAlign, std::string_view typeName)
{
    const std::u32string spec = decode(text);
    const std::size_t end = spec.size();
    std::size_t pos = 0;
    Spec f;
    f.align = defaultAlign;
    f.type = defaultType;

    bool fillSpecified = false;
    bool alignSpecified = false;
    if (end - pos >= 2 && isAlignment(spec[pos + 1])) {
        f.fill = spec[pos];
        f.align = spec[pos + 1];
        fillSpecified = alignSpecified = true;
        pos += 2;
    } else if (end - pos >= 1 && isAlignment(spec[pos])) {
        f.align = spec[pos];
        alignSpecified = true;
        ++pos;
    }
    if (pos < end && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' '))
        f.sign = spec[pos++];
    if (pos < end && spec[pos] == 'z') {
        f.noNegativeZero = true;
        ++pos;
    }
    if (pos < end && spec[pos] == '#') {
        f.alternate = true;
        ++pos;
    }
    // A leading '0' means zero padding, placed after the sign for numbers.
    if (!fillSpecified && pos < end && spec[pos] == '0') {
        f.fill = '0';
        if (!alignSpecified && defaultAlign == '>')
            f.align = '=';
        ++pos;
    }
    bool found = false;
    f.width = readInteger(spec, pos, found);
    if (!found)
        f.width = -1;
    if (pos < end && spec[pos] == ',') {
        f.separator = ',';
        ++pos;
    }
    if (pos < end && spec[pos] == '_') {
        if (f.separator)
            raiseValueError("Cannot specify both ',' and '_'.");
        f.separator = '_';
        ++pos;
    }
    if (pos < end && spec[pos] == ',' && f.separator == '_')
        raiseValueError("Cannot specify both ',' and '_'.");
    if (pos < end && spec[pos] == '.') {
        ++pos;
        f.precision = readInteger(spec, pos, found);
        if (!found)
            raiseValueError("Format specifier missing precision");
    }
    if (end - pos > 1)
        raiseValueError("Invalid format specifier '" + std::string(text) + "' for object of type '"
                        + std::string(typeName) + "'");
    if (end - pos == 1)
        f.type = spec[pos];

    if (f.separator) {
        switch (f.type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f.separator == '_') {
                f.groupSize = 4;
                break;
            }
            [[fallthrough]];
        default:
            raiseValueError(std::string("Cannot specify '") + f.separator + "' with " + quotedType(f.type) + ".");
        }
    }
    checkLength(f.width);
    return f;
}

// _PyUnicode_InsertThousandsGrouping(): groups digits from the right and, for zero
// padding, widens the number with zeros (inside the grouping) to at least minWidth.
std::string groupDigits(std::string_view digits, std::int64_t minWidth, char separator, int groupSize)
{
    std::string reversed; // built from the right, reversed at the end
    auto remaining = static_cast<std::int64_t>(digits.size());
    auto emit = [&](std::int64_t zeros, std::int64_t chars, bool withSeparator) {
        if (withSeparator)
            reversed.push_back(separator);
        for (std::int64_t i = 0; i < chars; ++i)
            reversed.push_back(digits[static_cast<std::size_t>(remaining - 1 - i)]);
        reversed.append(static_cast<std::size_t>(zeros), '0');
        remaining -= chars;
    };
    if (!separator) {
        const std::int64_t length = std::max({remaining, minWidth, std::int64_t{1}});
        emit(std::max<std::int64_t>(0, length - remaining), remaining, false);
    } else {
        bool useSeparator = false;
        for (;;) {
            const std::int64_t length = std::min<std::int64_t>(groupSize, std::max({remaining, minWidth, std::int64_t{1}}));
            const std::int64_t zeros = std::max<std::int64_t>(0, length - remaining);
            const std::int64_t chars = std::max<std::int64_t>(0, std::min(remaining, length));
            emit(zeros, chars, useSeparator);
            useSeparator = true;
            minWidth -= length;
            if (remaining <= 0 && minWidth <= 0)
                break;
            minWidth -= 1; // the separator's width
        }
    }
    std::reverse(reversed.begin(), reversed.end());
    return reversed;
}

// calc_number_widths() + fill_number(): lays a number out as
//   [left padding][sign][prefix][sign padding][grouped digits][.][remainder][right padding]
// where remainder is whatever follows the integer digits ('5e+10' of '1.5e+10', 'inf', '%').
std::string renderNumber(const Spec &spec, bool negative, std::string_view prefix, std::string_view digits,
                         bool hasDecimalPoint, std::string_view remainder)
{
    char sign = negative ? '-' : 0;
    if (spec.sign == '+')
        sign = negative ? '-' : '+';
    else if (spec.sign == ' ')
        sign = negative ? '-' : ' ';

    const auto remainderWidth = static_cast<std::int64_t>(codepointCount(remainder));
    const std::int64_t nonDigits = (sign ? 1 : 0) + static_cast<std::int64_t>(prefix.size())
        + (hasDecimalPoint ? 1 : 0) + remainderWidth;
    const std::int64_t minWidth = (spec.fill == '0' && spec.align == '=') ? spec.width - nonDigits : 0;
    const std::string grouped =
        digits.empty() ? std::string() : groupDigits(digits, minWidth, spec.separator, spec.groupSize);

    std::int64_t left = 0, inner = 0, right = 0;
    const std::int64_t padding = spec.width - (nonDigits + static_cast<std::int64_t>(grouped.size()));
    if (padding > 0) {
        switch (spec.align) {
        case '<': right = padding; break;
        case '^': left = padding / 2; right = padding - left; break;
        case '=': inner = padding; break;
        default: left = padding; break;
        }
    }
    std::string out;
    appendRepeated(out, spec.fill, left);
    if (sign)
        out.push_back(sign);
    out += prefix;
    appendRepeated(out, spec.fill, inner);
    out += grouped;
    if (hasDecimalPoint)
        out.push_back('.');
    out += remainder;
    appendRepeated(out, spec.fill, right);
    return out;
}

// format_float_internal().
std::string formatFloatSpec(double value, const Spec &spec)
{
    if (spec.precision > INT_MAX)
        raiseValueError("precision too big");
    char type = static_cast<char>(spec.type);
    std::int64_t precision = spec.precision;
    std::int64_t defaultPrecision = 6;
    bool addDotZero = false;
    if (type == 0) {
        // No type: like repr() without a precision, else like 'g' but always showing at
        // least one digit after the point.
        addDotZero = true;
        type = 'r';
        defaultPrecision = 0;
    }
    if (type == 'n')
        type = 'g'; // 'g' with the C locale's (empty) grouping
    bool percent = false;
    if (type == '%') {
        type = 'f';
        value *= 100;
        percent = true;
    }
    if (precision < 0)
        precision = defaultPrecision;
    else if (type == 'r')
        type = 'g';

    std::string text = doubleToString(value, type, precision, spec.alternate, addDotZero, spec.noNegativeZero);
    if (percent)
        text.push_back('%');

    // parse_number(): split into sign, integer digits, decimal point and the rest.
    std::string_view view(text);
    const bool negative = !view.empty() && view.front() == '-';
    if (negative)
        view.remove_prefix(1);
    std::size_t digitEnd = 0;
    while (digitEnd < view.size() && isAsciiDigit(view[digitEnd]))
        ++digitEnd;
    const bool hasDecimalPoint = digitEnd < view.size() && view[digitEnd] == '.';
    const std::string_view remainder = view.substr(digitEnd + (hasDecimalPoint ? 1 : 0));
    return renderNumber(spec, negative, "", view.substr(0, digitEnd), hasDecimalPoint, remainder);
}

// long.__format__ (for int and bool, which differ only in the name errors use).
std::string formatIntegerSpec(std::int64_t value, std::string_view specText, std::string_view typeName)
{
    const Spec spec = parseSpec(specText, 'd', '>', typeName);
    int base = 10;
    switch (spec.type) {
    case 'b': base = 2; break;
    case 'o': base = 8; break;
    case 'x': case 'X': base = 16; break;
    case 'c': case 'd': case 'n': break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
        return formatFloatSpec(static_cast<double>(value), spec);
    default:
        unknownPresentationType(spec.type, typeName);
    }
    if (spec.precision != -1)
        raiseValueError("Precision not allowed in integer format specifier");
    if (spec.noNegativeZero)
        raiseValueError("Negative zero coercion (z) not allowed in integer format specifier");
    if (spec.type == 'c') {
        if (spec.sign)
            raiseValueError("Sign not allowed with integer format specifier 'c'");
        if (spec.alternate)
            raiseValueError("Alternate form (#) not allowed with integer format specifier 'c'");
        if (value < 0 || value > 0x10FFFF)
            raise("OverflowError", "%c arg not in range(0x110000)");
        // The character is laid out as a number with no digits, only a "remainder".
        return renderNumber(spec, false, "", "", false, encode(static_cast<char32_t>(value)));
    }
    const bool upper = spec.type == 'X';
    std::string prefix;
    if (spec.alternate && base != 10)
        prefix = std::string("0") + (base == 2 ? 'b' : base == 8 ? 'o' : upper ? 'X' : 'x');
    return renderNumber(spec, value < 0, prefix, unsignedDigits(magnitude(value), base, upper), false, "");
}

// ---- printf-style formatting ---------------------------------------------------------

// unicode_format_arg_output(): pads a converted value. For numbers the sign is taken off
// the front so that zero padding goes between it (and any 0x prefix) and the digits.
std::string percentOutput(std::string_view str, const PercentSpec &spec, char conversion, bool numeric)
{
    const char32_t fill = numeric && spec.zeroPad ? U'0' : U' ';
    auto length = static_cast<std::int64_t>(codepointCount(str));
    if ((conversion == 's' || conversion == 'r' || conversion == 'a') && spec.precision >= 0
        && length > spec.precision) {
        str = str.substr(0, advance(str, 0, spec.precision));
        length = spec.precision;
    }
    char sign = 0;
    if (numeric) {
        if (!str.empty() && (str.front() == '-' || str.front() == '+')) {
            sign = str.front();
            str.remove_prefix(1);
            --length;
        } else if (spec.plusSign) {
            sign = '+';
        } else if (spec.spaceSign) {
            sign = ' ';
        }
    }
    std::int64_t width = std::max(spec.width, length);
    checkLength(width);
    std::string out;
    if (sign) {
        if (fill != ' ')
            out.push_back(sign);
        if (width > length)
            --width;
    }
    const bool prefixed = spec.alternate && (conversion == 'x' || conversion == 'X' || conversion == 'o');
    if (prefixed) {
        if (fill != ' ') {
            out.append(str.substr(0, 2));
            str.remove_prefix(2);
        }
        width = std::max<std::int64_t>(0, width - 2);
        length -= 2;
    }
    if (width > length && !spec.leftAdjust) {
        appendRepeated(out, fill, width - length);
        width = length;
    }
    if (fill == ' ') {
        if (sign)
            out.push_back(sign);
        if (prefixed) {
            out.append(str.substr(0, 2));
            str.remove_prefix(2);
        }
    }
    out += str;
    appendRepeated(out, U' ', width - length);
    return out;
}

// ---- Integer and float parsing --------------------------------------------------------

// _PyUnicode_TransformDecimalAndSpaceToASCII(): int() and float() accept any Unicode
// decimal digits and whitespace. Returns false for any other non-ASCII character.
bool toAsciiNumber(std::string_view text, std::string &out)
{
    out.clear();
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = decodeAt(text, pos);
        if (c < 127) {
            out.push_back(static_cast<char>(c));
        } else if (hasProperty(c, Space)) {
            out.push_back(' ');
        } else {
            const int digit = decimalValue(c);
            if (digit < 0)
                return false;
            out.push_back(static_cast<char>('0' + digit));
        }
    }
    return true;
}

int digitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return (x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x) == y;
           });
}

// ---- repr ------------------------------------------------------------------------------

void appendHexEscape(std::string &out, char kind, char32_t c, int digits)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.push_back('\\');
    out.push_back(kind);
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4)
        out.push_back(hex[(c >> shift) & 0xF]);
}

void appendEscaped(std::string &out, char32_t c)
{
    if (c < 0x100)
        appendHexEscape(out, 'x', c, 2);
    else if (c < 0x10000)
        appendHexEscape(out, 'u', c, 4);
    else
        appendHexEscape(out, 'U', c, 8);
}

// unicode_repr(); asciiOnly additionally escapes printable non-ASCII, as ascii() does.
std::string reprImpl(std::string_view s, bool asciiOnly)
{
    const bool hasSingle = s.find('\'') != std::string_view::npos;
    const bool hasDouble = s.find('"') != std::string_view::npos;
    const char quote = hasSingle && !hasDouble ? '"' : '\'';
    std::string out;
    out.reserve(s.size() + 2);
    out.push_back(quote);
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char32_t c = decodeAt(s, pos);
        if (c == static_cast<char32_t>(quote) || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < ' ' || c == 0x7F) {
            appendHexEscape(out, 'x', c, 2);
        } else if (c < 0x7F) {
            out.push_back(static_cast<char>(c));
        } else if (!asciiOnly && hasProperty(c, Printable)) {
            appendUtf8(out, c);
        } else {
            appendEscaped(out, c);
        }
    }
    out.push_back(quote);
    return out;
}

// Truncates to `limit` code points, as PyUnicode_FromFormat's "%.200R" does.
std::string truncateCodepoints(std::string text, std::int64_t limit)
{
    text.resize(advance(text, 0, limit));
    return text;
}

// ---- str method helpers ----------------------------------------------------------------

// ADJUST_INDICES from CPython's stringlib: Python's raw start/end to a clamped range.
void adjustIndices(Index startArg, Index endArg, std::int64_t length, std::int64_t &start, std::int64_t &end)
{
    start = startArg.value_or(0);
    end = endArg.value_or(length);
    if (end > length) {
        end = length;
    } else if (end < 0) {
        end += length;
        if (end < 0)
            end = 0;
    }
    if (start < 0) {
        start += length;
        if (start < 0)
            start = 0;
    }
}

// The bytes of code points [start, end) of s, where the caller knows start <= end <= len.
struct ByteRange {
    std::size_t begin = 0;
    std::size_t end = 0;
};

ByteRange byteRange(std::string_view s, bool ascii, std::int64_t start, std::int64_t end)
{
    if (ascii)
        return {static_cast<std::size_t>(start), static_cast<std::size_t>(end)};
    const std::size_t begin = advance(s, 0, start);
    return {begin, advance(s, begin, end - start)};
}

std::int64_t lengthOf(std::string_view s, bool ascii)
{
    return ascii ? static_cast<std::int64_t>(s.size()) : static_cast<std::int64_t>(codepointCount(s));
}

[[noreturn]] void emptySeparator() { raiseValueError("empty separator"); }

std::int64_t effectiveMax(std::int64_t maxsplit)
{
    return maxsplit < 0 ? std::numeric_limits<std::int64_t>::max() : maxsplit;
}

// Strip helper: which code points to remove.
struct StripSet {
    std::optional<std::u32string> chars; // nullopt: whitespace

    bool contains(char32_t c) const
    {
        if (!chars)
            return isSpaceCodepoint(c);
        return chars->find(c) != std::u32string::npos;
    }
};

std::string stripImpl(std::string_view s, std::optional<std::string_view> chars, bool left, bool right)
{
    StripSet set;
    if (chars)
        set.chars = decode(*chars);
    return withView(s, [&](const auto &view) {
        std::int64_t begin = 0;
        std::int64_t end = view.size();
        if (left) {
            while (begin < end && set.contains(view[begin]))
                ++begin;
        }
        if (right) {
            while (end > begin && set.contains(view[end - 1]))
                --end;
        }
        return std::string(view.sub(begin, end));
    });
}

// lower() of Σ depends on context: final sigma (ς) at the end of a word. CPython's
// handle_capital_sigma(): preceded by a cased letter and not followed by one, skipping
// case-ignorable characters such as apostrophes and combining marks both ways.
template <typename View>
char32_t lowerSigma(const View &view, std::int64_t i)
{
    std::int64_t j = i - 1;
    char32_t c = 0;
    while (j >= 0) {
        c = view[j];
        if (!hasProperty(c, CaseIgnorable))
            break;
        --j;
    }
    bool finalSigma = j >= 0 && isCased(c);
    if (finalSigma && i + 1 < view.size()) {
        j = i + 1;
        while (j < view.size()) {
            c = view[j];
            if (!hasProperty(c, CaseIgnorable))
                break;
            ++j;
        }
        finalSigma = j == view.size() || !isCased(c);
    }
    return finalSigma ? 0x3C2 : 0x3C3;
}

template <typename View>
int lowerAt(const View &view, std::int64_t i, char32_t *out)
{
    if (view[i] == 0x3A3) {
        out[0] = lowerSigma(view, i);
        return 1;
    }
    return toLowerFull(view[i], out);
}

void appendMapped(std::string &out, const char32_t *mapped, int count)
{
    for (int k = 0; k < count; ++k)
        appendUtf8(out, mapped[k]);
}

template <typename Predicate>
bool allCodepoints(std::string_view s, Predicate predicate)
{
    if (s.empty())
        return false;
    std::size_t pos = 0;
    while (pos < s.size()) {
        if (!predicate(decodeAt(s, pos)))
            return false;
    }
    return true;
}

std::string pad(std::string_view s, std::int64_t left, std::int64_t right, char32_t fill)
{
    std::string out;
    checkLength(static_cast<std::int64_t>(s.size()) + left + right);
    appendRepeated(out, fill, left);
    out += s;
    appendRepeated(out, fill, right);
    return out;
}

} // namespace

// ---- Numbers to text --------------------------------------------------------------------

std::string floatRepr(double value)
{
    return doubleToString(value, 'r', 0, false, true, false);
}

std::string intToString(std::int64_t value)
{
    char buffer[24];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

std::string intToBase(std::int64_t value, int base)
{
    assert(base == 2 || base == 8 || base == 16);
    std::string out = value < 0 ? "-0" : "0";
    out.push_back(base == 2 ? 'b' : base == 8 ? 'o' : 'x');
    return out + unsignedDigits(magnitude(value), base, false);
}

// ---- Format spec -------------------------------------------------------------------------

std::string formatInt(std::int64_t value, std::string_view spec)
{
    if (spec.empty())
        return intToString(value);
    return formatIntegerSpec(value, spec, "int");
}

std::string formatBool(bool value, std::string_view spec)
{
    // bool inherits int.__format__, whose empty-spec case is str(self).
    if (spec.empty())
        return value ? "True" : "False";
    return formatIntegerSpec(value ? 1 : 0, spec, "bool");
}

std::string formatFloat(double value, std::string_view specText)
{
    if (specText.empty())
        return floatRepr(value);
    const Spec spec = parseSpec(specText, 0, '>', "float");
    switch (spec.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        return formatFloatSpec(value, spec);
    default:
        unknownPresentationType(spec.type, "float");
    }
}

std::string formatString(std::string_view value, std::string_view specText)
{
    if (specText.empty())
        return std::string(value);
    const Spec spec = parseSpec(specText, 's', '<', "str");
    if (spec.type != 's')
        unknownPresentationType(spec.type, "str");
    if (spec.sign == ' ')
        raiseValueError("Space not allowed in string format specifier");
    if (spec.sign)
        raiseValueError("Sign not allowed in string format specifier");
    if (spec.noNegativeZero)
        raiseValueError("Negative zero coercion (z) not allowed in string format specifier");
    if (spec.alternate)
        raiseValueError("Alternate form (#) not allowed in string format specifier");
    if (spec.align == '=')
        raiseValueError("'=' alignment not allowed in string format specifier");

    auto length = static_cast<std::int64_t>(codepointCount(value));
    if (spec.precision >= 0 && length > spec.precision) {
        value = value.substr(0, advance(value, 0, spec.precision));
        length = spec.precision;
    }
    const std::int64_t padding = std::max<std::int64_t>(spec.width - length, 0);
    std::int64_t left = 0;
    if (spec.align == '>')
        left = padding;
    else if (spec.align == '^')
        left = padding / 2;
    return pad(value, left, padding - left, spec.fill);
}

std::string formatObject(std::string_view str, std::string_view spec, std::string_view typeName)
{
    if (!spec.empty())
        raise("TypeError", "unsupported format string passed to " + std::string(typeName) + ".__format__");
    return std::string(str);
}

// ---- printf-style ------------------------------------------------------------------------

std::string percentFormatInt(std::int64_t value, char conversion, const PercentSpec &spec)
{
    switch (conversion) {
    case 'c': {
        if (value < 0 || value > 0x10FFFF)
            raise("OverflowError", "%c arg not in range(0x110000)");
        return percentOutput(encode(static_cast<char32_t>(value)), spec, conversion, false);
    }
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
        const int base = conversion == 'o' ? 8 : (conversion == 'x' || conversion == 'X') ? 16 : 10;
        std::string digits = unsignedDigits(magnitude(value), base, conversion == 'X');
        // For integers the precision is a minimum digit count.
        if (spec.precision > static_cast<std::int64_t>(digits.size())) {
            checkLength(spec.precision);
            digits.insert(0, static_cast<std::size_t>(spec.precision) - digits.size(), '0');
        }
        std::string text = value < 0 ? "-" : "";
        if (spec.alternate && base != 10)
            text += std::string("0") + conversion;
        return percentOutput(text + digits, spec, conversion, true);
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        return percentFormatFloat(static_cast<double>(value), conversion, spec);
    default:
        raiseValueError("unsupported format character " + quotedType(static_cast<unsigned char>(conversion)));
    }
}

std::string percentFormatFloat(double value, char conversion, const PercentSpec &spec)
{
    switch (conversion) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        break;
    default:
        raiseValueError("unsupported format character " + quotedType(static_cast<unsigned char>(conversion)));
    }
    if (spec.precision > INT_MAX)
        raiseValueError("precision too big");
    const std::int64_t precision = spec.precision < 0 ? 6 : spec.precision;
    return percentOutput(doubleToString(value, conversion, precision, spec.alternate, false, false), spec,
                         conversion, true);
}

std::string percentFormatString(std::string_view value, const PercentSpec &spec)
{
    return percentOutput(value, spec, 's', false);
}

// ---- Text to numbers ---------------------------------------------------------------------

std::optional<std::int64_t> parseInt(std::string_view text, int base, bool &overflow)
{
    overflow = false;
    if ((base != 0 && base < 2) || base > 36)
        raiseValueError("int() base must be >= 2 and <= 36, or 0");
    std::string s;
    if (!toAsciiNumber(text, s))
        return std::nullopt;
    std::size_t i = 0;
    const std::size_t n = s.size();
    auto at = [&](std::size_t k) { return k < n ? s[k] : '\0'; };
    while (i < n && isCSpace(s[i]))
        ++i;
    bool negative = false;
    if (at(i) == '+' || at(i) == '-') {
        negative = at(i) == '-';
        ++i;
    }
    // Base 0 reads the prefix like a literal in source code, where a leading zero is
    // only allowed on zero itself ("00" but not "010", a pre-Python-3 octal literal).
    bool errorIfNonzero = false;
    if (base == 0) {
        const char p = static_cast<char>(at(i + 1) | 0x20);
        if (at(i) != '0')
            base = 10;
        else if (p == 'x')
            base = 16;
        else if (p == 'o')
            base = 8;
        else if (p == 'b')
            base = 2;
        else {
            errorIfNonzero = true;
            base = 10;
        }
    }
    if (at(i) == '0') {
        const char p = static_cast<char>(at(i + 1) | 0x20);
        if ((base == 16 && p == 'x') || (base == 8 && p == 'o') || (base == 2 && p == 'b')) {
            i += 2;
            if (at(i) == '_') // one underscore may follow the prefix: 0x_ff
                ++i;
        }
    }
    if (at(i) == '_')
        return std::nullopt;

    std::uint64_t value = 0;
    bool tooBig = false;
    std::size_t digits = 0;
    char previous = 0;
    for (; i < n; ++i) {
        const char c = s[i];
        if (c == '_') {
            if (previous == '_')
                return std::nullopt;
        } else {
            const int digit = digitValue(c);
            if (digit >= base)
                break;
            ++digits;
            if (value > (std::numeric_limits<std::uint64_t>::max() - static_cast<unsigned>(digit)) / static_cast<unsigned>(base))
                tooBig = true;
            else
                value = value * static_cast<unsigned>(base) + static_cast<unsigned>(digit);
        }
        previous = c;
    }
    if (previous == '_' || digits == 0)
        return std::nullopt;
    if (errorIfNonzero && (value != 0 || tooBig))
        return std::nullopt;
    while (i < n && isCSpace(s[i]))
        ++i;
    if (i != n)
        return std::nullopt;
    const std::uint64_t limit = negative ? std::uint64_t{1} << 63 : (std::uint64_t{1} << 63) - 1;
    if (tooBig || value > limit) {
        overflow = true;
        return std::nullopt;
    }
    return negative ? static_cast<std::int64_t>(std::uint64_t{0} - value) : static_cast<std::int64_t>(value);
}

std::optional<double> parseFloat(std::string_view text)
{
    std::string s;
    if (!toAsciiNumber(text, s))
        return std::nullopt;
    // Underscores are allowed only between digits; then they are dropped.
    if (s.find('_') != std::string::npos) {
        std::string cleaned;
        char previous = 0;
        for (const char c : s) {
            if (c == '_') {
                if (!isAsciiDigit(previous))
                    return std::nullopt;
            } else {
                if (previous == '_' && !isAsciiDigit(c))
                    return std::nullopt;
                cleaned.push_back(c);
            }
            previous = c;
        }
        if (previous == '_')
            return std::nullopt;
        s = std::move(cleaned);
    }
    std::string_view v(s);
    while (!v.empty() && isCSpace(v.front()))
        v.remove_prefix(1);
    while (!v.empty() && isCSpace(v.back()))
        v.remove_suffix(1);
    bool negative = false;
    if (!v.empty() && (v.front() == '+' || v.front() == '-')) {
        negative = v.front() == '-';
        v.remove_prefix(1);
    }
    if (equalsIgnoringCase(v, "inf") || equalsIgnoringCase(v, "infinity"))
        return negative ? -HUGE_VAL : HUGE_VAL;
    if (equalsIgnoringCase(v, "nan"))
        return negative ? -std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::quiet_NaN();

    // Check the grammar ourselves (digits [. digits] [e [sign] digits]) so that only the
    // decimal forms float() accepts reach from_chars, which would also take hex and 'inf'.
    // Note where the first significant digit is, to tell overflow from underflow below.
    std::size_t i = 0;
    std::int64_t integerDigits = 0;
    std::int64_t fractionDigits = 0;
    std::int64_t firstNonzeroInteger = -1;  // index among the integer digits
    std::int64_t firstNonzeroFraction = -1; // 1-based position after the point
    bool afterPoint = false;
    for (; i < v.size(); ++i) {
        const char c = v[i];
        if (isAsciiDigit(c)) {
            if (afterPoint) {
                ++fractionDigits;
                if (c != '0' && firstNonzeroInteger < 0 && firstNonzeroFraction < 0)
                    firstNonzeroFraction = fractionDigits;
            } else {
                if (c != '0' && firstNonzeroInteger < 0)
                    firstNonzeroInteger = integerDigits;
                ++integerDigits;
            }
        } else if (c == '.' && !afterPoint) {
            afterPoint = true;
        } else {
            break;
        }
    }
    if (integerDigits + fractionDigits == 0)
        return std::nullopt;
    std::int64_t exponent = 0;
    if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
        ++i;
        bool negativeExponent = false;
        if (i < v.size() && (v[i] == '+' || v[i] == '-')) {
            negativeExponent = v[i] == '-';
            ++i;
        }
        const std::size_t exponentStart = i;
        for (; i < v.size() && isAsciiDigit(v[i]); ++i)
            exponent = std::min<std::int64_t>(exponent * 10 + (v[i] - '0'), 1'000'000'000);
        if (i == exponentStart)
            return std::nullopt;
        if (negativeExponent)
            exponent = -exponent;
    }
    if (i != v.size())
        return std::nullopt;

    double value = 0;
    const auto result = std::from_chars(v.data(), v.data() + v.size(), value, std::chars_format::general);
    if (result.ec == std::errc::result_out_of_range) {
        // from_chars leaves the value alone when it overflows or underflows, where
        // float() gives inf or zero: which one follows from the decimal exponent of the
        // first significant digit.
        const std::int64_t leadingExponent = firstNonzeroInteger >= 0
            ? integerDigits - 1 - firstNonzeroInteger + exponent
            : exponent - firstNonzeroFraction;
        value = leadingExponent > 0 ? HUGE_VAL : 0.0;
    } else if (result.ec != std::errc() || result.ptr != v.data() + v.size()) {
        return std::nullopt;
    }
    return negative ? -value : value;
}

std::string invalidIntLiteralMessage(std::string_view text, int base)
{
    return "invalid literal for int() with base " + std::to_string(base) + ": "
        + truncateCodepoints(stringRepr(text), 200);
}

std::string invalidFloatMessage(std::string_view text)
{
    return "could not convert string to float: " + stringRepr(text);
}

// ---- repr --------------------------------------------------------------------------------

std::string stringRepr(std::string_view s)
{
    return reprImpl(s, false);
}

std::string asciiRepr(std::string_view s)
{
    return reprImpl(s, true);
}

// ---- UTF-8 -------------------------------------------------------------------------------

std::size_t codepointCount(std::string_view s)
{
    // Counting lead bytes is enough for valid UTF-8; malformed text takes the slow path
    // so that it counts the way decodeAt() splits it.
    std::size_t count = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        if (static_cast<unsigned char>(s[pos]) < 0x80)
            ++pos;
        else
            decodeAt(s, pos);
        ++count;
    }
    return count;
}

std::u32string decode(std::string_view s)
{
    std::u32string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size())
        out.push_back(decodeAt(s, pos));
    return out;
}

std::string encode(std::u32string_view codepoints)
{
    std::string out;
    out.reserve(codepoints.size());
    for (const char32_t c : codepoints)
        appendUtf8(out, c);
    return out;
}

std::string encode(char32_t codepoint)
{
    std::string out;
    appendUtf8(out, codepoint);
    return out;
}

bool isAscii(std::string_view s)
{
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::vector<std::string> characters(std::string_view s)
{
    std::vector<std::string> out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t start = pos;
        decodeAt(s, pos);
        out.emplace_back(s.substr(start, pos - start));
    }
    return out;
}

std::string slice(std::string_view s, std::int64_t start, std::int64_t stop, std::int64_t step)
{
    if (step == 1) {
        if (stop <= start)
            return std::string();
        if (isAscii(s))
            return std::string(s.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(stop - start)));
        const std::size_t begin = advance(s, 0, start);
        return std::string(s.substr(begin, advance(s, begin, stop - start) - begin));
    }
    return withView(s, [&](const auto &view) {
        std::string out;
        if (step > 0) {
            for (std::int64_t i = start; i < stop; i += step)
                out += view.sub(i, i + 1);
        } else {
            for (std::int64_t i = start; i > stop; i += step)
                out += view.sub(i, i + 1);
        }
        return out;
    });
}

std::string charAt(std::string_view s, std::int64_t index)
{
    const std::size_t begin = advance(s, 0, index);
    return std::string(s.substr(begin, advance(s, begin, 1) - begin));
}

char32_t firstCodepoint(std::string_view s)
{
    if (s.empty())
        return 0;
    std::size_t pos = 0;
    return decodeAt(s, pos);
}

// ---- str methods -------------------------------------------------------------------------

std::vector<std::string> split(std::string_view s, std::int64_t maxsplit)
{
    // CPython's split_whitespace(): runs of whitespace separate, ends are dropped, and
    // after maxsplit splits the rest (minus leading whitespace) is the last item.
    return withView(s, [&](const auto &view) {
        std::vector<std::string> parts;
        std::int64_t remaining = effectiveMax(maxsplit);
        const std::int64_t n = view.size();
        std::int64_t i = 0;
        while (remaining-- > 0) {
            while (i < n && isSpaceCodepoint(view[i]))
                ++i;
            if (i == n)
                break;
            const std::int64_t j = i;
            ++i;
            while (i < n && !isSpaceCodepoint(view[i]))
                ++i;
            parts.emplace_back(view.sub(j, i));
        }
        if (i < n) {
            while (i < n && isSpaceCodepoint(view[i]))
                ++i;
            if (i != n)
                parts.emplace_back(view.sub(i, n));
        }
        return parts;
    });
}

std::vector<std::string> split(std::string_view s, std::string_view sep, std::int64_t maxsplit)
{
    if (sep.empty())
        emptySeparator();
    // Byte search is exact: in valid UTF-8 a valid needle only matches at code point starts.
    std::vector<std::string> parts;
    std::int64_t remaining = effectiveMax(maxsplit);
    std::size_t start = 0;
    while (remaining-- > 0) {
        const std::size_t found = s.find(sep, start);
        if (found == std::string_view::npos)
            break;
        parts.emplace_back(s.substr(start, found - start));
        start = found + sep.size();
    }
    parts.emplace_back(s.substr(start));
    return parts;
}

std::vector<std::string> rsplit(std::string_view s, std::int64_t maxsplit)
{
    return withView(s, [&](const auto &view) {
        std::vector<std::string> parts;
        std::int64_t remaining = effectiveMax(maxsplit);
        std::int64_t i = view.size() - 1;
        while (remaining-- > 0) {
            while (i >= 0 && isSpaceCodepoint(view[i]))
                --i;
            if (i < 0)
                break;
            const std::int64_t j = i;
            --i;
            while (i >= 0 && !isSpaceCodepoint(view[i]))
                --i;
            parts.emplace_back(view.sub(i + 1, j + 1));
        }
        if (i >= 0) {
            while (i >= 0 && isSpaceCodepoint(view[i]))
                --i;
            if (i >= 0)
                parts.emplace_back(view.sub(0, i + 1));
        }
        std::reverse(parts.begin(), parts.end());
        return parts;
    });
}

std::vector<std::string> rsplit(std::string_view s, std::string_view sep, std::int64_t maxsplit)
{
    if (sep.empty())
        emptySeparator();
    std::vector<std::string> parts;
    std::int64_t remaining = effectiveMax(maxsplit);
    std::size_t end = s.size();
    while (remaining-- > 0 && end >= sep.size()) {
        const std::size_t found = s.substr(0, end).rfind(sep);
        if (found == std::string_view::npos)
            break;
        parts.emplace_back(s.substr(found + sep.size(), end - found - sep.size()));
        end = found;
    }
    parts.emplace_back(s.substr(0, end));
    std::reverse(parts.begin(), parts.end());
    return parts;
}

std::vector<std::string> splitlines(std::string_view s, bool keepends)
{
    auto isLineBreak = [](char32_t c) {
        return (c >= '\n' && c <= '\r') || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 || c == 0x2029;
    };
    return withView(s, [&](const auto &view) {
        std::vector<std::string> lines;
        const std::int64_t n = view.size();
        std::int64_t i = 0;
        while (i < n) {
            const std::int64_t j = i;
            while (i < n && !isLineBreak(view[i]))
                ++i;
            std::int64_t lineEnd = i;
            if (i < n) {
                i += (view[i] == '\r' && i + 1 < n && view[i + 1] == '\n') ? 2 : 1;
                if (keepends)
                    lineEnd = i;
            }
            lines.emplace_back(view.sub(j, lineEnd));
        }
        return lines;
    });
}

std::array<std::string, 3> partition(std::string_view s, std::string_view sep)
{
    if (sep.empty())
        emptySeparator();
    const std::size_t found = s.find(sep);
    if (found == std::string_view::npos)
        return {std::string(s), std::string(), std::string()};
    return {std::string(s.substr(0, found)), std::string(sep), std::string(s.substr(found + sep.size()))};
}

std::array<std::string, 3> rpartition(std::string_view s, std::string_view sep)
{
    if (sep.empty())
        emptySeparator();
    const std::size_t found = s.rfind(sep);
    if (found == std::string_view::npos)
        return {std::string(), std::string(), std::string(s)};
    return {std::string(s.substr(0, found)), std::string(sep), std::string(s.substr(found + sep.size()))};
}

std::string strip(std::string_view s, std::optional<std::string_view> chars)
{
    return stripImpl(s, chars, true, true);
}

std::string lstrip(std::string_view s, std::optional<std::string_view> chars)
{
    return stripImpl(s, chars, true, false);
}

std::string rstrip(std::string_view s, std::optional<std::string_view> chars)
{
    return stripImpl(s, chars, false, true);
}

std::string removeprefix(std::string_view s, std::string_view prefix)
{
    return std::string(s.starts_with(prefix) ? s.substr(prefix.size()) : s);
}

std::string removesuffix(std::string_view s, std::string_view suffix)
{
    return std::string(s.ends_with(suffix) ? s.substr(0, s.size() - suffix.size()) : s);
}

std::string upper(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    if (isAscii(s)) {
        for (const char c : s)
            out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
        return out;
    }
    std::size_t pos = 0;
    char32_t mapped[3];
    while (pos < s.size())
        appendMapped(out, mapped, toUpperFull(decodeAt(s, pos), mapped));
    return out;
}

std::string lower(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    if (isAscii(s)) {
        for (const char c : s)
            out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
        return out;
    }
    const Utf8View view(s);
    char32_t mapped[3];
    for (std::int64_t i = 0; i < view.size(); ++i)
        appendMapped(out, mapped, lowerAt(view, i, mapped));
    return out;
}

std::string capitalize(std::string_view s)
{
    // Since Python 3.8 the first character goes to title case (which differs from upper
    // case for digraphs such as 'ǆ'), the rest to lower case.
    return withView(s, [&](const auto &view) {
        std::string out;
        out.reserve(s.size());
        char32_t mapped[3];
        for (std::int64_t i = 0; i < view.size(); ++i)
            appendMapped(out, mapped, i == 0 ? toTitleFull(view[i], mapped) : lowerAt(view, i, mapped));
        return out;
    });
}

std::string title(std::string_view s)
{
    return withView(s, [&](const auto &view) {
        std::string out;
        out.reserve(s.size());
        char32_t mapped[3];
        bool previousIsCased = false;
        for (std::int64_t i = 0; i < view.size(); ++i) {
            const char32_t c = view[i];
            appendMapped(out, mapped, previousIsCased ? lowerAt(view, i, mapped) : toTitleFull(c, mapped));
            previousIsCased = isCased(c);
        }
        return out;
    });
}

std::string swapcase(std::string_view s)
{
    return withView(s, [&](const auto &view) {
        std::string out;
        out.reserve(s.size());
        char32_t mapped[3];
        for (std::int64_t i = 0; i < view.size(); ++i) {
            const char32_t c = view[i];
            if (hasProperty(c, Uppercase))
                appendMapped(out, mapped, lowerAt(view, i, mapped));
            else if (hasProperty(c, Lowercase))
                appendMapped(out, mapped, toUpperFull(c, mapped));
            else
                appendUtf8(out, c);
        }
        return out;
    });
}

std::string casefold(std::string_view s)
{
    if (isAscii(s))
        return lower(s);
    std::string out;
    out.reserve(s.size());
    std::size_t pos = 0;
    char32_t mapped[3];
    while (pos < s.size())
        appendMapped(out, mapped, toFoldFull(decodeAt(s, pos), mapped));
    return out;
}

bool startsWith(std::string_view s, std::string_view prefix, Index startArg, Index endArg)
{
    const bool ascii = isAscii(s);
    std::int64_t start = 0, end = 0;
    adjustIndices(startArg, endArg, lengthOf(s, ascii), start, end);
    end -= static_cast<std::int64_t>(codepointCount(prefix));
    if (end < start)
        return false;
    const std::size_t begin = ascii ? static_cast<std::size_t>(start) : advance(s, 0, start);
    return s.substr(begin).starts_with(prefix);
}

bool endsWith(std::string_view s, std::string_view suffix, Index startArg, Index endArg)
{
    const bool ascii = isAscii(s);
    std::int64_t start = 0, end = 0;
    adjustIndices(startArg, endArg, lengthOf(s, ascii), start, end);
    end -= static_cast<std::int64_t>(codepointCount(suffix));
    if (end < start)
        return false;
    const std::size_t begin = ascii ? static_cast<std::size_t>(end) : advance(s, 0, end);
    return s.substr(begin).starts_with(suffix);
}

std::int64_t find(std::string_view s, std::string_view sub, Index startArg, Index endArg)
{
    const bool ascii = isAscii(s);
    std::int64_t start = 0, end = 0;
    adjustIndices(startArg, endArg, lengthOf(s, ascii), start, end);
    if (end - start < static_cast<std::int64_t>(codepointCount(sub)))
        return -1;
    const ByteRange range = byteRange(s, ascii, start, end);
    const std::string_view window = s.substr(range.begin, range.end - range.begin);
    const std::size_t found = window.find(sub);
    if (found == std::string_view::npos)
        return -1;
    return start + lengthOf(window.substr(0, found), ascii);
}

std::int64_t rfind(std::string_view s, std::string_view sub, Index startArg, Index endArg)
{
    const bool ascii = isAscii(s);
    std::int64_t start = 0, end = 0;
    adjustIndices(startArg, endArg, lengthOf(s, ascii), start, end);
    if (end - start < static_cast<std::int64_t>(codepointCount(sub)))
        return -1;
    const ByteRange range = byteRange(s, ascii, start, end);
    const std::string_view window = s.substr(range.begin, range.end - range.begin);
    const std::size_t found = window.rfind(sub);
    if (found == std::string_view::npos)
        return -1;
    return start + lengthOf(window.substr(0, found), ascii);
}

std::int64_t count(std::string_view s, std::string_view sub, Index startArg, Index endArg)
{
    const bool ascii = isAscii(s);
    std::int64_t start = 0, end = 0;
    adjustIndices(startArg, endArg, lengthOf(s, ascii), start, end);
    if (end - start < static_cast<std::int64_t>(codepointCount(sub)))
        return 0;
    if (sub.empty())
        return end - start + 1; // every gap between code points, and both ends
    const ByteRange range = byteRange(s, ascii, start, end);
    const std::string_view window = s.substr(range.begin, range.end - range.begin);
    std::int64_t matches = 0;
    for (std::size_t pos = window.find(sub); pos != std::string_view::npos; pos = window.find(sub, pos + sub.size()))
        ++matches;
    return matches;
}

std::string replace(std::string_view s, std::string_view old, std::string_view replacement, std::int64_t count)
{
    const std::int64_t limit = effectiveMax(count);
    std::string out;
    if (old.empty()) {
        // The replacement goes before every code point and at the end, `limit` times.
        std::int64_t inserted = 0;
        std::size_t pos = 0;
        for (;;) {
            if (inserted >= limit) {
                out += s.substr(pos);
                break;
            }
            out += replacement;
            ++inserted;
            if (pos >= s.size())
                break;
            const std::size_t start = pos;
            decodeAt(s, pos);
            out += s.substr(start, pos - start);
            checkLength(static_cast<std::int64_t>(out.size()));
        }
        return out;
    }
    std::size_t pos = 0;
    std::int64_t replaced = 0;
    while (replaced < limit) {
        const std::size_t found = s.find(old, pos);
        if (found == std::string_view::npos)
            break;
        out += s.substr(pos, found - pos);
        out += replacement;
        checkLength(static_cast<std::int64_t>(out.size()));
        pos = found + old.size();
        ++replaced;
    }
    out += s.substr(pos);
    return out;
}

std::string center(std::string_view s, std::int64_t width, char32_t fill)
{
    const auto length = static_cast<std::int64_t>(codepointCount(s));
    if (width <= length)
        return std::string(s);
    const std::int64_t margin = width - length;
    // CPython's formula: odd margins put the extra character on the left only when the
    // width is odd too, so 'a'.center(4) is ' a  ' but 'ab'.center(5) is '  ab '.
    const std::int64_t left = margin / 2 + (margin & width & 1);
    return pad(s, left, margin - left, fill);
}

std::string ljust(std::string_view s, std::int64_t width, char32_t fill)
{
    const auto length = static_cast<std::int64_t>(codepointCount(s));
    return width <= length ? std::string(s) : pad(s, 0, width - length, fill);
}

std::string rjust(std::string_view s, std::int64_t width, char32_t fill)
{
    const auto length = static_cast<std::int64_t>(codepointCount(s));
    return width <= length ? std::string(s) : pad(s, width - length, 0, fill);
}

std::string zfill(std::string_view s, std::int64_t width)
{
    const auto length = static_cast<std::int64_t>(codepointCount(s));
    if (width <= length)
        return std::string(s);
    std::string out = pad(s, width - length, 0, U'0');
    // A leading sign moves in front of the zeros.
    const auto fill = static_cast<std::size_t>(width - length);
    if (out[fill] == '+' || out[fill] == '-') {
        out[0] = out[fill];
        out[fill] = '0';
    }
    return out;
}

std::string expandtabs(std::string_view s, std::int64_t tabsize)
{
    std::string out;
    out.reserve(s.size());
    std::int64_t column = 0;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::size_t start = pos;
        const char32_t c = decodeAt(s, pos);
        if (c == '\t') {
            if (tabsize > 0) {
                const std::int64_t spaces = tabsize - column % tabsize;
                appendRepeated(out, U' ', spaces);
                column += spaces;
            }
        } else {
            out += s.substr(start, pos - start);
            ++column;
            if (c == '\n' || c == '\r')
                column = 0;
        }
    }
    return out;
}

bool isdigit(std::string_view s)
{
    return allCodepoints(s, [](char32_t c) { return hasProperty(c, Digit); });
}

bool isdecimal(std::string_view s)
{
    return allCodepoints(s, [](char32_t c) { return hasProperty(c, Decimal); });
}

bool isnumeric(std::string_view s)
{
    return allCodepoints(s, [](char32_t c) { return hasProperty(c, Numeric); });
}

bool isalpha(std::string_view s)
{
    return allCodepoints(s, [](char32_t c) { return hasProperty(c, Alpha); });
}

bool isalnum(std::string_view s)
{
    return allCodepoints(s, [](char32_t c) { return hasProperty(c, Alpha | Decimal | Digit | Numeric); });
}

bool isspace(std::string_view s)
{
    return allCodepoints(s, isSpaceCodepoint);
}

bool isupper(std::string_view s)
{
    bool cased = false;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::uint16_t p = properties(decodeAt(s, pos));
        if (p & (Lowercase | Titlecase))
            return false;
        cased = cased || (p & Uppercase);
    }
    return cased;
}

bool islower(std::string_view s)
{
    bool cased = false;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::uint16_t p = properties(decodeAt(s, pos));
        if (p & (Uppercase | Titlecase))
            return false;
        cased = cased || (p & Lowercase);
    }
    return cased;
}

bool istitle(std::string_view s)
{
    // Upper- and titlecase letters may only follow uncased characters, lowercase only
    // cased ones; and there must be at least one cased character.
    bool cased = false;
    bool previousIsCased = false;
    std::size_t pos = 0;
    while (pos < s.size()) {
        const std::uint16_t p = properties(decodeAt(s, pos));
        if (p & (Uppercase | Titlecase)) {
            if (previousIsCased)
                return false;
            previousIsCased = cased = true;
        } else if (p & Lowercase) {
            if (!previousIsCased)
                return false;
            previousIsCased = cased = true;
        } else {
            previousIsCased = false;
        }
    }
    return cased;
}

bool isidentifier(std::string_view s)
{
    if (s.empty())
        return false;
    std::size_t pos = 0;
    if (!hasProperty(decodeAt(s, pos), XidStart))
        return false;
    while (pos < s.size()) {
        if (!hasProperty(decodeAt(s, pos), XidContinue))
            return false;
    }
    return true;
}

bool isprintable(std::string_view s)
{
    std::size_t pos = 0;
    while (pos < s.size()) {
        if (!hasProperty(decodeAt(s, pos), Printable))
            return false;
    }
    return true;
}

// ---- Unicode character data ------------------------------------------------------------

namespace {

struct CaseRun {
    std::uint32_t first; // code points first, first + stride, ... (count of them)
    std::uint16_t count;
    std::uint8_t stride;
    std::int32_t delta; // each maps to itself + delta
};

struct CaseMulti {
    std::uint32_t from;
    char32_t to[3]; // zero-terminated when shorter
};

// Generated from CPython 3.12's own str predicates and case mappings (Unicode 15.0.0),
// so that they agree with CPython exactly, by this script (python3.12 gen.py):
/*
    import unicodedata, sys
    N = 0x110000
    out = []
    def emit(s=''): out.append(s)

    def case_ignorable(c):
        s = chr(c)
        cased = s.islower() or s.isupper() or unicodedata.category(s) == 'Lt'
        # probe through the final-sigma rule, which is the only place CPython uses this property
        if not cased:
            return ('A\u03a3' + s + 'B').lower()[1] == '\u03c3'
        return ('1' + s + '\u03a3').lower()[-1] == '\u03c3'

    def flags(c):
        s = chr(c)
        bits = [s.isprintable(), s.isalpha(), s.isdecimal(), s.isdigit(), s.isnumeric(),
                s.islower(), s.isupper(), unicodedata.category(s) == 'Lt', s.isspace(),
                s.isidentifier(), ('a' + s).isidentifier(), case_ignorable(c)]
        v = 0
        for i, b in enumerate(bits):
            if b: v |= 1 << i
        return v

    palette = []
    runs = []
    prev = None
    for c in range(N):
        f = flags(c)
        if f != prev:
            if f not in palette: palette.append(f)
            runs.append((c, palette.index(f)))
            prev = f
    assert len(palette) < 2048
    # decimal digit values must be recoverable as (cp - runStart) % 10
    starts = [r[0] for r in runs]
    import bisect
    for c in range(N):
        s = chr(c)
        if s.isdecimal():
            st = starts[bisect.bisect_right(starts, c) - 1]
            assert (c - st) % 10 == unicodedata.decimal(s), hex(c)

    emit('constexpr std::uint16_t kPropertyPalette[] = {')
    line = '   '
    for i, p in enumerate(palette):
        line += ' 0x%03X,' % p
        if len(line) > 90: emit(line); line = '   '
    if line.strip(): emit(line)
    emit('};')
    emit('')
    emit('// %d runs: (first code point << 11) | palette index.' % len(runs))
    emit('constexpr std::uint32_t kPropertyRuns[] = {')
    line = '   '
    for c, p in runs:
        line += ' 0x%08X,' % ((c << 11) | p)
        if len(line) > 100: emit(line); line = '   '
    if line.strip(): emit(line)
    emit('};')
    emit('')

    def mapping_tables(name, f, base):
        singles = []
        multi = []
        for c in range(N):
            s = chr(c)
            m = f(s)
            b = base(s)
            if m == b: continue
            if len(m) == 1: singles.append((c, ord(m) - c))
            else: multi.append((c, m))
        rr = []
        for c, d in singles:
            if rr:
                first, cnt, st, dd = rr[-1]
                last = first + (cnt - 1) * st
                if dd == d and ((cnt == 1 and c - last in (1, 2)) or (cnt > 1 and c - last == st)):
                    rr[-1] = (first, cnt + 1, c - last if cnt == 1 else st, dd)
                    continue
            rr.append((c, 1, 1, d))
        emit('constexpr CaseRun k%sRuns[] = {' % name)
        line = '   '
        for first, cnt, st, d in rr:
            item = ' {0x%05X, %d, %d, %d},' % (first, cnt, st, d)
            if len(line) + len(item) > 100: emit(line); line = '   '
            line += item
        if line.strip(): emit(line)
        emit('};')
        emit('constexpr CaseMulti k%sMulti[] = {' % name)
        line = '   '
        for c, m in multi:
            assert len(m) <= 3
            item = ' {0x%05X, {%s}},' % (c, ', '.join('0x%04X' % ord(x) for x in m))
            if len(line) + len(item) > 100: emit(line); line = '   '
            line += item
        if line.strip(): emit(line)
        if not multi: emit('    {0x110000, {0, 0, 0}}, // sentinel: no entries')
        emit('};')
        emit('')

    ident = lambda s: s
    mapping_tables('Upper', str.upper, ident)
    mapping_tables('Lower', str.lower, ident)
    mapping_tables('Title', str.title, str.upper)
    mapping_tables('Fold', str.casefold, str.lower)
    sys.stdout.write('\n'.join(out) + '\n')
*/
// Properties: the code points fall into runs with equal properties. Each run entry packs
// the run's first code point (<< 11) with an index into the palette, whose entries are
// sets of Property bits.
constexpr std::uint16_t kPropertyPalette[] = {
    0x000, 0x100, 0x101, 0x001, 0x801, 0x41D, 0x643, 0x601, 0x623, 0x800, 0x019, 0xC01, 0x011,
    0x603, 0x683, 0xE23, 0xE03, 0xC21, 0x823, 0x401, 0x403, 0x419, 0x611, 0xE01, 0x651, 0x631,
    0x041, 0x021, 0x803, 0x613, 0x003, 0xC03,
};

// 3898 runs: (first code point << 11) | palette index.
constexpr std::uint32_t kPropertyRuns[] = {
    0x00000000, 0x00004801, 0x00007000, 0x0000E001, 0x00010002, 0x00010803, 0x00013804, 0x00014003, 0x00017004,
    0x00017803, 0x00018005, 0x0001D004, 0x0001D803, 0x00020806, 0x0002D803, 0x0002F004, 0x0002F807, 0x00030004,
    0x00030808, 0x0003D803, 0x0003F800, 0x00042801, 0x00043000, 0x00050001, 0x00050803, 0x00054004, 0x00054803,
    0x00055008, 0x00055803, 0x00056809, 0x00057003, 0x00057804, 0x00058003, 0x0005900A, 0x0005A004, 0x0005A808,
    0x0005B003, 0x0005B80B, 0x0005C004, 0x0005C80A, 0x0005D008, 0x0005D803, 0x0005E00C, 0x0005F803, 0x00060006,
    0x0006B803, 0x0006C006, 0x0006F808, 0x0007B803, 0x0007C008, 0x00080006, 0x00080808, 0x00081006, 0x00081808,
    0x00082006, 0x00082808, 0x00083006, 0x00083808, 0x00084006, 0x00084808, 0x00085006, 0x00085808, 0x00086006,
    0x00086808, 0x00087006, 0x00087808, 0x00088006, 0x00088808, 0x00089006, 0x00089808, 0x0008A006, 0x0008A808,
    0x0008B006, 0x0008B808, 0x0008C006, 0x0008C808, 0x0008D006, 0x0008D808, 0x0008E006, 0x0008E808, 0x0008F006,
    0x0008F808, 0x00090006, 0x00090808, 0x00091006, 0x00091808, 0x00092006, 0x00092808, 0x00093006, 0x00093808,
    0x00094006, 0x00094808, 0x00095006, 0x00095808, 0x00096006, 0x00096808, 0x00097006, 0x00097808, 0x00098006,
    0x00098808, 0x00099006, 0x00099808, 0x0009A006, 0x0009A808, 0x0009B006, 0x0009B808, 0x0009C806, 0x0009D008,
    0x0009D806, 0x0009E008, 0x0009E806, 0x0009F008, 0x0009F806, 0x000A0008, 0x000A0806, 0x000A1008, 0x000A1806,
    0x000A2008, 0x000A2806, 0x000A3008, 0x000A3806, 0x000A4008, 0x000A5006, 0x000A5808, 0x000A6006, 0x000A6808,
    0x000A7006, 0x000A7808, 0x000A8006, 0x000A8808, 0x000A9006, 0x000A9808, 0x000AA006, 0x000AA808, 0x000AB006,
    0x000AB808, 0x000AC006, 0x000AC808, 0x000AD006, 0x000AD808, 0x000AE006, 0x000AE808, 0x000AF006, 0x000AF808,
    0x000B0006, 0x000B0808, 0x000B1006, 0x000B1808, 0x000B2006, 0x000B2808, 0x000B3006, 0x000B3808, 0x000B4006,
    0x000B4808, 0x000B5006, 0x000B5808, 0x000B6006, 0x000B6808, 0x000B7006, 0x000B7808, 0x000B8006, 0x000B8808,
    0x000B9006, 0x000B9808, 0x000BA006, 0x000BA808, 0x000BB006, 0x000BB808, 0x000BC006, 0x000BD008, 0x000BD806,
    0x000BE008, 0x000BE806, 0x000BF008, 0x000C0806, 0x000C1808, 0x000C2006, 0x000C2808, 0x000C3006, 0x000C4008,
    0x000C4806, 0x000C6008, 0x000C7006, 0x000C9008, 0x000C9806, 0x000CA808, 0x000CB006, 0x000CC808, 0x000CE006,
    0x000CF008, 0x000CF806, 0x000D0808, 0x000D1006, 0x000D1808, 0x000D2006, 0x000D2808, 0x000D3006, 0x000D4008,
    0x000D4806, 0x000D5008, 0x000D6006, 0x000D6808, 0x000D7006, 0x000D8008, 0x000D8806, 0x000DA008, 0x000DA806,
    0x000DB008, 0x000DB806, 0x000DC808, 0x000DD80D, 0x000DE006, 0x000DE808, 0x000E000D, 0x000E2006, 0x000E280E,
    0x000E3008, 0x000E3806, 0x000E400E, 0x000E4808, 0x000E5006, 0x000E580E, 0x000E6008, 0x000E6806, 0x000E7008,
    0x000E7806, 0x000E8008, 0x000E8806, 0x000E9008, 0x000E9806, 0x000EA008, 0x000EA806, 0x000EB008, 0x000EB806,
    0x000EC008, 0x000EC806, 0x000ED008, 0x000ED806, 0x000EE008, 0x000EF006, 0x000EF808, 0x000F0006, 0x000F0808,
    0x000F1006, 0x000F1808, 0x000F2006, 0x000F2808, 0x000F3006, 0x000F3808, 0x000F4006, 0x000F4808, 0x000F5006,
    0x000F5808, 0x000F6006, 0x000F6808, 0x000F7006, 0x000F7808, 0x000F8806, 0x000F900E, 0x000F9808, 0x000FA006,
    0x000FA808, 0x000FB006, 0x000FC808, 0x000FD006, 0x000FD808, 0x000FE006, 0x000FE808, 0x000FF006, 0x000FF808,
    0x00100006, 0x00100808, 0x00101006, 0x00101808, 0x00102006, 0x00102808, 0x00103006, 0x00103808, 0x00104006,
    0x00104808, 0x00105006, 0x00105808, 0x00106006, 0x00106808, 0x00107006, 0x00107808, 0x00108006, 0x00108808,
    0x00109006, 0x00109808, 0x0010A006, 0x0010A808, 0x0010B006, 0x0010B808, 0x0010C006, 0x0010C808, 0x0010D006,
    0x0010D808, 0x0010E006, 0x0010E808, 0x0010F006, 0x0010F808, 0x00110006, 0x00110808, 0x00111006, 0x00111808,
    0x00112006, 0x00112808, 0x00113006, 0x00113808, 0x00114006, 0x00114808, 0x00115006, 0x00115808, 0x00116006,
    0x00116808, 0x00117006, 0x00117808, 0x00118006, 0x00118808, 0x00119006, 0x00119808, 0x0011D006, 0x0011E008,
    0x0011E806, 0x0011F808, 0x00120806, 0x00121008, 0x00121806, 0x00123808, 0x00124006, 0x00124808, 0x00125006,
    0x00125808, 0x00126006, 0x00126808, 0x00127006, 0x00127808, 0x0014A00D, 0x0014A808, 0x0015800F, 0x0015C810,
    0x0016000F, 0x00161004, 0x00163010, 0x00169004, 0x0017000F, 0x00172804, 0x00176010, 0x00176804, 0x00177010,
    0x00177804, 0x0018000B, 0x001A2811, 0x001A300B, 0x001B8006, 0x001B8808, 0x001B9006, 0x001B9808, 0x001BA010,
    0x001BA804, 0x001BB006, 0x001BB808, 0x001BC000, 0x001BD012, 0x001BD808, 0x001BF003, 0x001BF806, 0x001C0000,
    0x001C2004, 0x001C3006, 0x001C380B, 0x001C4006, 0x001C5800, 0x001C6006, 0x001C6800, 0x001C7006, 0x001C8008,
    0x001C8806, 0x001D1000, 0x001D1806, 0x001D6008, 0x001E7806, 0x001E8008, 0x001E9006, 0x001EA808, 0x001EC006,
    0x001EC808, 0x001ED006, 0x001ED808, 0x001EE006, 0x001EE808, 0x001EF006, 0x001EF808, 0x001F0006, 0x001F0808,
    0x001F1006, 0x001F1808, 0x001F2006, 0x001F2808, 0x001F3006, 0x001F3808, 0x001F4006, 0x001F4808, 0x001F5006,
    0x001F5808, 0x001F6006, 0x001F6808, 0x001F7006, 0x001F7808, 0x001FA006, 0x001FA808, 0x001FB003, 0x001FB806,
    0x001FC008, 0x001FC806, 0x001FD808, 0x001FE806, 0x00218008, 0x00230006, 0x00230808, 0x00231006, 0x00231808,
    0x00232006, 0x00232808, 0x00233006, 0x00233808, 0x00234006, 0x00234808, 0x00235006, 0x00235808, 0x00236006,
    0x00236808, 0x00237006, 0x00237808, 0x00238006, 0x00238808, 0x00239006, 0x00239808, 0x0023A006, 0x0023A808,
    0x0023B006, 0x0023B808, 0x0023C006, 0x0023C808, 0x0023D006, 0x0023D808, 0x0023E006, 0x0023E808, 0x0023F006,
    0x0023F808, 0x00240006, 0x00240808, 0x00241003, 0x0024180B, 0x00244004, 0x00245006, 0x00245808, 0x00246006,
    0x00246808, 0x00247006, 0x00247808, 0x00248006, 0x00248808, 0x00249006, 0x00249808, 0x0024A006, 0x0024A808,
    0x0024B006, 0x0024B808, 0x0024C006, 0x0024C808, 0x0024D006, 0x0024D808, 0x0024E006, 0x0024E808, 0x0024F006,
    0x0024F808, 0x00250006, 0x00250808, 0x00251006, 0x00251808, 0x00252006, 0x00252808, 0x00253006, 0x00253808,
    0x00254006, 0x00254808, 0x00255006, 0x00255808, 0x00256006, 0x00256808, 0x00257006, 0x00257808, 0x00258006,
    0x00258808, 0x00259006, 0x00259808, 0x0025A006, 0x0025A808, 0x0025B006, 0x0025B808, 0x0025C006, 0x0025C808,
    0x0025D006, 0x0025D808, 0x0025E006, 0x0025E808, 0x0025F006, 0x0025F808, 0x00260006, 0x00261008, 0x00261806,
    0x00262008, 0x00262806, 0x00263008, 0x00263806, 0x00264008, 0x00264806, 0x00265008, 0x00265806, 0x00266008,
    0x00266806, 0x00267008, 0x00268006, 0x00268808, 0x00269006, 0x00269808, 0x0026A006, 0x0026A808, 0x0026B006,
    0x0026B808, 0x0026C006, 0x0026C808, 0x0026D006, 0x0026D808, 0x0026E006, 0x0026E808, 0x0026F006, 0x0026F808,
    0x00270006, 0x00270808, 0x00271006, 0x00271808, 0x00272006, 0x00272808, 0x00273006, 0x00273808, 0x00274006,
    0x00274808, 0x00275006, 0x00275808, 0x00276006, 0x00276808, 0x00277006, 0x00277808, 0x00278006, 0x00278808,
    0x00279006, 0x00279808, 0x0027A006, 0x0027A808, 0x0027B006, 0x0027B808, 0x0027C006, 0x0027C808, 0x0027D006,
    0x0027D808, 0x0027E006, 0x0027E808, 0x0027F006, 0x0027F808, 0x00280006, 0x00280808, 0x00281006, 0x00281808,
    0x00282006, 0x00282808, 0x00283006, 0x00283808, 0x00284006, 0x00284808, 0x00285006, 0x00285808, 0x00286006,
    0x00286808, 0x00287006, 0x00287808, 0x00288006, 0x00288808, 0x00289006, 0x00289808, 0x0028A006, 0x0028A808,
    0x0028B006, 0x0028B808, 0x0028C006, 0x0028C808, 0x0028D006, 0x0028D808, 0x0028E006, 0x0028E808, 0x0028F006,
    0x0028F808, 0x00290006, 0x00290808, 0x00291006, 0x00291808, 0x00292006, 0x00292808, 0x00293006, 0x00293808,
    0x00294006, 0x00294808, 0x00295006, 0x00295808, 0x00296006, 0x00296808, 0x00297006, 0x00297808, 0x00298000,
    0x00298806, 0x002AB800, 0x002AC810, 0x002AD003, 0x002AF804, 0x002B0008, 0x002C4803, 0x002C5800, 0x002C6803,
    0x002C8000, 0x002C880B, 0x002DF003, 0x002DF80B, 0x002E0003, 0x002E080B, 0x002E1803, 0x002E200B, 0x002E3003,
    0x002E380B, 0x002E4000, 0x002E800D, 0x002F5800, 0x002F780D, 0x002F9803, 0x002FA004, 0x002FA800, 0x00300009,
    0x00303003, 0x0030800B, 0x0030D803, 0x0030E009, 0x0030E803, 0x0031000D, 0x00320010, 0x0032080D, 0x0032580B,
    0x00330005, 0x00335003, 0x0033700D, 0x0033800B, 0x0033880D, 0x0036A003, 0x0036A80D, 0x0036B00B, 0x0036E809,
    0x0036F003, 0x0036F80B, 0x00372810, 0x0037380B, 0x00374803, 0x0037500B, 0x0037700D, 0x00378005, 0x0037D00D,
    0x0037E803, 0x0037F80D, 0x00380003, 0x00387000, 0x00387809, 0x0038800D, 0x0038880B, 0x0038900D, 0x0039800B,
    0x003A5800, 0x003A680D, 0x003D300B, 0x003D880D, 0x003D9000, 0x003E0005, 0x003E500D, 0x003F580B, 0x003FA010,
    0x003FB003, 0x003FD010, 0x003FD800, 0x003FE80B, 0x003FF003, 0x0040000D, 0x0040B00B, 0x0040D010, 0x0040D80B,
    0x00412010, 0x0041280B, 0x00414010, 0x0041480B, 0x00417000, 0x00418003, 0x0041F800, 0x0042000D, 0x0042C80B,
    0x0042E000, 0x0042F003, 0x0042F800, 0x0043000D, 0x00435800, 0x0043800D, 0x00444004, 0x0044480D, 0x00447800,
    0x00448009, 0x00449000, 0x0044C00B, 0x0045000D, 0x00464810, 0x0046500B, 0x00471009, 0x0047180B, 0x00481813,
    0x0048200D, 0x0049D00B, 0x0049D813, 0x0049E00B, 0x0049E80D, 0x0049F013, 0x004A080B, 0x004A4813, 0x004A680B,
    0x004A7013, 0x004A800D, 0x004A880B, 0x004AC00D, 0x004B100B, 0x004B2003, 0x004B3005, 0x004B8003, 0x004B8810,
    0x004B900D, 0x004C080B, 0x004C1013, 0x004C2000, 0x004C280D, 0x004C6800, 0x004C780D, 0x004C8800, 0x004C980D,
    0x004D4800, 0x004D500D, 0x004D8800, 0x004D900D, 0x004D9800, 0x004DB00D, 0x004DD000, 0x004DE00B, 0x004DE80D,
    0x004DF013, 0x004E080B, 0x004E2800, 0x004E3813, 0x004E4800, 0x004E5813, 0x004E680B, 0x004E700D, 0x004E7800,
    0x004EB813, 0x004EC000, 0x004EE00D, 0x004EF000, 0x004EF80D, 0x004F100B, 0x004F2000, 0x004F3005, 0x004F800D,
    0x004F9003, 0x004FA00C, 0x004FD003, 0x004FE00D, 0x004FE803, 0x004FF00B, 0x004FF800, 0x0050080B, 0x00501813,
    0x00502000, 0x0050280D, 0x00505800, 0x0050780D, 0x00508800, 0x0050980D, 0x00514800, 0x0051500D, 0x00518800,
    0x0051900D, 0x0051A000, 0x0051A80D, 0x0051B800, 0x0051C00D, 0x0051D000, 0x0051E00B, 0x0051E800, 0x0051F013,
    0x0052080B, 0x00521800, 0x0052380B, 0x00524800, 0x0052580B, 0x00527000, 0x0052880B, 0x00529000, 0x0052C80D,
    0x0052E800, 0x0052F00D, 0x0052F800, 0x00533005, 0x0053800B, 0x0053900D, 0x0053A80B, 0x0053B003, 0x0053B800,
    0x0054080B, 0x00541813, 0x00542000, 0x0054280D, 0x00547000, 0x0054780D, 0x00549000, 0x0054980D, 0x00554800,
    0x0055500D, 0x00558800, 0x0055900D, 0x0055A000, 0x0055A80D, 0x0055D000, 0x0055E00B, 0x0055E80D, 0x0055F013,
    0x0056080B, 0x00563000, 0x0056380B, 0x00564813, 0x00565000, 0x00565813, 0x0056680B, 0x00567000, 0x0056800D,
    0x00568800, 0x0057000D, 0x0057100B, 0x00572000, 0x00573005, 0x00578003, 0x00579000, 0x0057C80D, 0x0057D00B,
    0x00580000, 0x0058080B, 0x00581013, 0x00582000, 0x0058280D, 0x00586800, 0x0058780D, 0x00588800, 0x0058980D,
    0x00594800, 0x0059500D, 0x00598800, 0x0059900D, 0x0059A000, 0x0059A80D, 0x0059D000, 0x0059E00B, 0x0059E80D,
    0x0059F013, 0x0059F80B, 0x005A0013, 0x005A080B, 0x005A2800, 0x005A3813, 0x005A4800, 0x005A5813, 0x005A680B,
    0x005A7000, 0x005AA80B, 0x005AB813, 0x005AC000, 0x005AE00D, 0x005AF000, 0x005AF80D, 0x005B100B, 0x005B2000,
    0x005B3005, 0x005B8003, 0x005B880D, 0x005B900C, 0x005BC000, 0x005C100B, 0x005C180D, 0x005C2000, 0x005C280D,
    0x005C5800, 0x005C700D, 0x005C8800, 0x005C900D, 0x005CB000, 0x005CC80D, 0x005CD800, 0x005CE00D, 0x005CE800,
    0x005CF00D, 0x005D0000, 0x005D180D, 0x005D2800, 0x005D400D, 0x005D5800, 0x005D700D, 0x005DD000, 0x005DF013,
    0x005E000B, 0x005E0813, 0x005E1800, 0x005E3013, 0x005E4800, 0x005E5013, 0x005E680B, 0x005E7000, 0x005E800D,
    0x005E8800, 0x005EB813, 0x005EC000, 0x005F3005, 0x005F800C, 0x005F9803, 0x005FD800, 0x0060000B, 0x00600813,
    0x0060200B, 0x0060280D, 0x00606800, 0x0060700D, 0x00608800, 0x0060900D, 0x00614800, 0x0061500D, 0x0061D000,
    0x0061E00B, 0x0061E80D, 0x0061F00B, 0x00620813, 0x00622800, 0x0062300B, 0x00624800, 0x0062500B, 0x00627000,
    0x0062A80B, 0x0062B800, 0x0062C00D, 0x0062D800, 0x0062E80D, 0x0062F000, 0x0063000D, 0x0063100B, 0x00632000,
    0x00633005, 0x00638000, 0x0063B803, 0x0063C00C, 0x0063F803, 0x0064000D, 0x0064080B, 0x00641013, 0x00642003,
    0x0064280D, 0x00646800, 0x0064700D, 0x00648800, 0x0064900D, 0x00654800, 0x0065500D, 0x0065A000, 0x0065A80D,
    0x0065D000, 0x0065E00B, 0x0065E80D, 0x0065F013, 0x0065F80B, 0x00660013, 0x00662800, 0x0066300B, 0x00663813,
    0x00664800, 0x00665013, 0x0066600B, 0x00667000, 0x0066A813, 0x0066B800, 0x0066E80D, 0x0066F800, 0x0067000D,
    0x0067100B, 0x00672000, 0x00673005, 0x00678000, 0x0067880D, 0x00679813, 0x0067A000, 0x0068000B, 0x00681013,
    0x0068200D, 0x00686800, 0x0068700D, 0x00688800, 0x0068900D, 0x0069D80B, 0x0069E80D, 0x0069F013, 0x006A080B,
    0x006A2800, 0x006A3013, 0x006A4800, 0x006A5013, 0x006A680B, 0x006A700D, 0x006A7803, 0x006A8000, 0x006AA00D,
    0x006AB813, 0x006AC00C, 0x006AF80D, 0x006B100B, 0x006B2000, 0x006B3005, 0x006B800C, 0x006BC803, 0x006BD00D,
    0x006C0000, 0x006C080B, 0x006C1013, 0x006C2000, 0x006C280D, 0x006CB800, 0x006CD00D, 0x006D9000, 0x006D980D,
    0x006DE000, 0x006DE80D, 0x006DF000, 0x006E000D, 0x006E3800, 0x006E500B, 0x006E5800, 0x006E7813, 0x006E900B,
    0x006EA800, 0x006EB00B, 0x006EB800, 0x006EC013, 0x006F0000, 0x006F3005, 0x006F8000, 0x006F9013, 0x006FA003,
    0x006FA800, 0x0070080D, 0x0071880B, 0x0071900D, 0x00719814, 0x0071A00B, 0x0071D800, 0x0071F803, 0x0072000D,
    0x00723010, 0x0072380B, 0x00727803, 0x00728005, 0x0072D003, 0x0072E000, 0x0074080D, 0x00741800, 0x0074200D,
    0x00742800, 0x0074300D, 0x00745800, 0x0074600D, 0x00752000, 0x0075280D, 0x00753000, 0x0075380D, 0x0075880B,
    0x0075900D, 0x00759814, 0x0075A00B, 0x0075E80D, 0x0075F000, 0x0076000D, 0x00762800, 0x00763010, 0x00763800,
    0x0076400B, 0x00767800, 0x00768005, 0x0076D000, 0x0076E00D, 0x00770000, 0x0078000D, 0x00780803, 0x0078C00B,
    0x0078D003, 0x00790005, 0x0079500C, 0x0079A003, 0x0079A80B, 0x0079B003, 0x0079B80B, 0x0079C003, 0x0079C80B,
    0x0079D003, 0x0079F013, 0x007A000D, 0x007A4000, 0x007A480D, 0x007B6800, 0x007B880B, 0x007BF813, 0x007C000B,
    0x007C2803, 0x007C300B, 0x007C400D, 0x007C680B, 0x007CC000, 0x007CC80B, 0x007DE800, 0x007DF003, 0x007E300B,
    0x007E3803, 0x007E6800, 0x007E7003, 0x007ED800, 0x0080000D, 0x00815813, 0x0081680B, 0x00818813, 0x0081900B,
    0x0081C013, 0x0081C80B, 0x0081D813, 0x0081E80B, 0x0081F80D, 0x00820005, 0x00825003, 0x0082800D, 0x0082B013,
    0x0082C00B, 0x0082D00D, 0x0082F00B, 0x0083080D, 0x00831013, 0x0083280D, 0x00833813, 0x0083700D, 0x0083880B,
    0x0083A80D, 0x0084100B, 0x00841813, 0x0084280B, 0x00843813, 0x0084680B, 0x0084700D, 0x00847813, 0x00848005,
    0x0084D013, 0x0084E80B, 0x0084F003, 0x00850006, 0x00863000, 0x00863806, 0x00864000, 0x00866806, 0x00867000,
    0x00868008, 0x0087D803, 0x0087E00F, 0x0087E808, 0x0088000D, 0x00924800, 0x0092500D, 0x00927000, 0x0092800D,
    0x0092B800, 0x0092C00D, 0x0092C800, 0x0092D00D, 0x0092F000, 0x0093000D, 0x00944800, 0x0094500D, 0x00947000,
    0x0094800D, 0x00958800, 0x0095900D, 0x0095B000, 0x0095C00D, 0x0095F800, 0x0096000D, 0x00960800, 0x0096100D,
    0x00963000, 0x0096400D, 0x0096B800, 0x0096C00D, 0x00988800, 0x0098900D, 0x0098B000, 0x0098C00D, 0x009AD800,
    0x009AE80B, 0x009B0003, 0x009B4815, 0x009B900C, 0x009BE800, 0x009C000D, 0x009C8003, 0x009CD000, 0x009D0006,
    0x009FB000, 0x009FC008, 0x009FF000, 0x00A00003, 0x00A0080D, 0x00B36803, 0x00B3780D, 0x00B40001, 0x00B4080D,
    0x00B4D803, 0x00B4E800, 0x00B5000D, 0x00B75803, 0x00B77016, 0x00B7880D, 0x00B7C800, 0x00B8000D, 0x00B8900B,
    0x00B8A813, 0x00B8B000, 0x00B8F80D, 0x00B9900B, 0x00B9A013, 0x00B9A803, 0x00B9B800, 0x00BA000D, 0x00BA900B,
    0x00BAA000, 0x00BB000D, 0x00BB6800, 0x00BB700D, 0x00BB8800, 0x00BB900B, 0x00BBA000, 0x00BC000D, 0x00BDA00B,
    0x00BDB013, 0x00BDB80B, 0x00BDF013, 0x00BE300B, 0x00BE3813, 0x00BE480B, 0x00BEA003, 0x00BEB810, 0x00BEC003,
    0x00BEE00D, 0x00BEE80B, 0x00BEF000, 0x00BF0005, 0x00BF5000, 0x00BF800C, 0x00BFD000, 0x00C00003, 0x00C0580B,
    0x00C07009, 0x00C0780B, 0x00C08005, 0x00C0D000, 0x00C1000D, 0x00C21810, 0x00C2200D, 0x00C3C800, 0x00C4000D,
    0x00C42817, 0x00C4380D, 0x00C5480B, 0x00C5500D, 0x00C55800, 0x00C5800D, 0x00C7B000, 0x00C8000D, 0x00C8F800,
    0x00C9000B, 0x00C91813, 0x00C9380B, 0x00C94813, 0x00C96000, 0x00C98013, 0x00C9900B, 0x00C99813, 0x00C9C80B,
    0x00C9E000, 0x00CA0003, 0x00CA0800, 0x00CA2003, 0x00CA3005, 0x00CA800D, 0x00CB7000, 0x00CB800D, 0x00CBA800,
    0x00CC000D, 0x00CD6000, 0x00CD800D, 0x00CE5000, 0x00CE8005, 0x00CED015, 0x00CED800, 0x00CEF003, 0x00D0000D,
    0x00D0B80B, 0x00D0C813, 0x00D0D80B, 0x00D0E000, 0x00D0F003, 0x00D1000D, 0x00D2A813, 0x00D2B00B, 0x00D2B813,
    0x00D2C00B, 0x00D2F800, 0x00D3000B, 0x00D30813, 0x00D3100B, 0x00D31813, 0x00D3280B, 0x00D36813, 0x00D3980B,
    0x00D3E800, 0x00D3F80B, 0x00D40005, 0x00D45000, 0x00D48005, 0x00D4D000, 0x00D50003, 0x00D53810, 0x00D54003,
    0x00D57000, 0x00D5800B, 0x00D5F004, 0x00D5F80B, 0x00D67800, 0x00D8000B, 0x00D82013, 0x00D8280D, 0x00D9A00B,
    0x00D9A813, 0x00D9B00B, 0x00D9D813, 0x00D9E00B, 0x00D9E813, 0x00DA100B, 0x00DA1813, 0x00DA280D, 0x00DA6800,
    0x00DA8005, 0x00DAD003, 0x00DB580B, 0x00DBA003, 0x00DBF800, 0x00DC000B, 0x00DC1013, 0x00DC180D, 0x00DD0813,
    0x00DD100B, 0x00DD3013, 0x00DD400B, 0x00DD5013, 0x00DD580B, 0x00DD700D, 0x00DD8005, 0x00DDD00D, 0x00DF300B,
    0x00DF3813, 0x00DF400B, 0x00DF5013, 0x00DF680B, 0x00DF7013, 0x00DF780B, 0x00DF9013, 0x00DFA000, 0x00DFE003,
    0x00E0000D, 0x00E12013, 0x00E1600B, 0x00E1A013, 0x00E1B00B, 0x00E1C000, 0x00E1D803, 0x00E20005, 0x00E25000,
    0x00E2680D, 0x00E28005, 0x00E2D00D, 0x00E3C010, 0x00E3F003, 0x00E40008, 0x00E44800, 0x00E48006, 0x00E5D800,
    0x00E5E806, 0x00E60003, 0x00E64000, 0x00E6800B, 0x00E69803, 0x00E6A00B, 0x00E70813, 0x00E7100B, 0x00E7480D,
    0x00E7680B, 0x00E7700D, 0x00E7A00B, 0x00E7A80D, 0x00E7B813, 0x00E7C00B, 0x00E7D00D, 0x00E7D800, 0x00E80008,
    0x00E9600F, 0x00EB5808, 0x00EBC00F, 0x00EBC808, 0x00ECD80F, 0x00EE000B, 0x00F00006, 0x00F00808, 0x00F01006,
    0x00F01808, 0x00F02006, 0x00F02808, 0x00F03006, 0x00F03808, 0x00F04006, 0x00F04808, 0x00F05006, 0x00F05808,
    0x00F06006, 0x00F06808, 0x00F07006, 0x00F07808, 0x00F08006, 0x00F08808, 0x00F09006, 0x00F09808, 0x00F0A006,
    0x00F0A808, 0x00F0B006, 0x00F0B808, 0x00F0C006, 0x00F0C808, 0x00F0D006, 0x00F0D808, 0x00F0E006, 0x00F0E808,
    0x00F0F006, 0x00F0F808, 0x00F10006, 0x00F10808, 0x00F11006, 0x00F11808, 0x00F12006, 0x00F12808, 0x00F13006,
    0x00F13808, 0x00F14006, 0x00F14808, 0x00F15006, 0x00F15808, 0x00F16006, 0x00F16808, 0x00F17006, 0x00F17808,
    0x00F18006, 0x00F18808, 0x00F19006, 0x00F19808, 0x00F1A006, 0x00F1A808, 0x00F1B006, 0x00F1B808, 0x00F1C006,
    0x00F1C808, 0x00F1D006, 0x00F1D808, 0x00F1E006, 0x00F1E808, 0x00F1F006, 0x00F1F808, 0x00F20006, 0x00F20808,
    0x00F21006, 0x00F21808, 0x00F22006, 0x00F22808, 0x00F23006, 0x00F23808, 0x00F24006, 0x00F24808, 0x00F25006,
    0x00F25808, 0x00F26006, 0x00F26808, 0x00F27006, 0x00F27808, 0x00F28006, 0x00F28808, 0x00F29006, 0x00F29808,
    0x00F2A006, 0x00F2A808, 0x00F2B006, 0x00F2B808, 0x00F2C006, 0x00F2C808, 0x00F2D006, 0x00F2D808, 0x00F2E006,
    0x00F2E808, 0x00F2F006, 0x00F2F808, 0x00F30006, 0x00F30808, 0x00F31006, 0x00F31808, 0x00F32006, 0x00F32808,
    0x00F33006, 0x00F33808, 0x00F34006, 0x00F34808, 0x00F35006, 0x00F35808, 0x00F36006, 0x00F36808, 0x00F37006,
    0x00F37808, 0x00F38006, 0x00F38808, 0x00F39006, 0x00F39808, 0x00F3A006, 0x00F3A808, 0x00F3B006, 0x00F3B808,
    0x00F3C006, 0x00F3C808, 0x00F3D006, 0x00F3D808, 0x00F3E006, 0x00F3E808, 0x00F3F006, 0x00F3F808, 0x00F40006,
    0x00F40808, 0x00F41006, 0x00F41808, 0x00F42006, 0x00F42808, 0x00F43006, 0x00F43808, 0x00F44006, 0x00F44808,
    0x00F45006, 0x00F45808, 0x00F46006, 0x00F46808, 0x00F47006, 0x00F47808, 0x00F48006, 0x00F48808, 0x00F49006,
    0x00F49808, 0x00F4A006, 0x00F4A808, 0x00F4F006, 0x00F4F808, 0x00F50006, 0x00F50808, 0x00F51006, 0x00F51808,
    0x00F52006, 0x00F52808, 0x00F53006, 0x00F53808, 0x00F54006, 0x00F54808, 0x00F55006, 0x00F55808, 0x00F56006,
    0x00F56808, 0x00F57006, 0x00F57808, 0x00F58006, 0x00F58808, 0x00F59006, 0x00F59808, 0x00F5A006, 0x00F5A808,
    0x00F5B006, 0x00F5B808, 0x00F5C006, 0x00F5C808, 0x00F5D006, 0x00F5D808, 0x00F5E006, 0x00F5E808, 0x00F5F006,
    0x00F5F808, 0x00F60006, 0x00F60808, 0x00F61006, 0x00F61808, 0x00F62006, 0x00F62808, 0x00F63006, 0x00F63808,
    0x00F64006, 0x00F64808, 0x00F65006, 0x00F65808, 0x00F66006, 0x00F66808, 0x00F67006, 0x00F67808, 0x00F68006,
    0x00F68808, 0x00F69006, 0x00F69808, 0x00F6A006, 0x00F6A808, 0x00F6B006, 0x00F6B808, 0x00F6C006, 0x00F6C808,
    0x00F6D006, 0x00F6D808, 0x00F6E006, 0x00F6E808, 0x00F6F006, 0x00F6F808, 0x00F70006, 0x00F70808, 0x00F71006,
    0x00F71808, 0x00F72006, 0x00F72808, 0x00F73006, 0x00F73808, 0x00F74006, 0x00F74808, 0x00F75006, 0x00F75808,
    0x00F76006, 0x00F76808, 0x00F77006, 0x00F77808, 0x00F78006, 0x00F78808, 0x00F79006, 0x00F79808, 0x00F7A006,
    0x00F7A808, 0x00F7B006, 0x00F7B808, 0x00F7C006, 0x00F7C808, 0x00F7D006, 0x00F7D808, 0x00F7E006, 0x00F7E808,
    0x00F7F006, 0x00F7F808, 0x00F84006, 0x00F88008, 0x00F8B000, 0x00F8C006, 0x00F8F000, 0x00F90008, 0x00F94006,
    0x00F98008, 0x00F9C006, 0x00FA0008, 0x00FA3000, 0x00FA4006, 0x00FA7000, 0x00FA8008, 0x00FAC000, 0x00FAC806,
    0x00FAD000, 0x00FAD806, 0x00FAE000, 0x00FAE806, 0x00FAF000, 0x00FAF806, 0x00FB0008, 0x00FB4006, 0x00FB8008,
    0x00FBF000, 0x00FC0008, 0x00FC400E, 0x00FC8008, 0x00FCC00E, 0x00FD0008, 0x00FD400E, 0x00FD8008, 0x00FDA800,
    0x00FDB008, 0x00FDC006, 0x00FDE00E, 0x00FDE804, 0x00FDF008, 0x00FDF804, 0x00FE1008, 0x00FE2800, 0x00FE3008,
    0x00FE4006, 0x00FE600E, 0x00FE6804, 0x00FE8008, 0x00FEA000, 0x00FEB008, 0x00FEC006, 0x00FEE000, 0x00FEE804,
    0x00FF0008, 0x00FF4006, 0x00FF6804, 0x00FF8000, 0x00FF9008, 0x00FFA800, 0x00FFB008, 0x00FFC006, 0x00FFE00E,
    0x00FFE804, 0x00FFF800, 0x01000001, 0x01005809, 0x01008003, 0x0100C004, 0x0100D003, 0x01012004, 0x01012803,
    0x01013804, 0x01014001, 0x01015009, 0x01017801, 0x01018003, 0x0101F813, 0x01020803, 0x0102A013, 0x0102A803,
    0x0102F801, 0x01030009, 0x01032800, 0x01033009, 0x0103800A, 0x0103880F, 0x01039000, 0x0103A00A, 0x0103D003,
    0x0103F80F, 0x0104000A, 0x01045003, 0x01047800, 0x0104800F, 0x0104E800, 0x01050003, 0x01060800, 0x0106800B,
    0x0106E804, 0x0107080B, 0x01071004, 0x0107280B, 0x01078800, 0x01080003, 0x01081006, 0x01081803, 0x01083806,
    0x01084003, 0x01085008, 0x01085806, 0x01087008, 0x01088006, 0x01089808, 0x0108A003, 0x0108A806, 0x0108B003,
    0x0108C007, 0x0108C806, 0x0108F003, 0x01092006, 0x01092803, 0x01093006, 0x01093803, 0x01094006, 0x01094803,
    0x01095006, 0x01097007, 0x01097808, 0x01098006, 0x0109A008, 0x0109A80D, 0x0109C808, 0x0109D003, 0x0109E008,
    0x0109F006, 0x010A0003, 0x010A2806, 0x010A3008, 0x010A5003, 0x010A7008, 0x010A7803, 0x010A800C, 0x010B0018,
    0x010B8019, 0x010C0016, 0x010C1806, 0x010C2008, 0x010C2816, 0x010C480C, 0x010C5003, 0x010C6000, 0x010C8003,
    0x01213800, 0x01220003, 0x01225800, 0x0123000A, 0x0123480C, 0x0123A00A, 0x0123E80C, 0x0124400A, 0x0124880C,
    0x0124E003, 0x0125B01A, 0x0126801B, 0x0127500A, 0x0127580C, 0x0127A80A, 0x0127F00C, 0x0127F80A, 0x01280003,
    0x013BB00A, 0x013BF80C, 0x013C000A, 0x013C480C, 0x013C500A, 0x013C980C, 0x013CA003, 0x015BA000, 0x015BB003,
    0x015CB000, 0x015CB803, 0x01600006, 0x01618008, 0x01630006, 0x01630808, 0x01631006, 0x01632808, 0x01633806,
    0x01634008, 0x01634806, 0x01635008, 0x01635806, 0x01636008, 0x01636806, 0x01638808, 0x01639006, 0x01639808,
    0x0163A806, 0x0163B008, 0x0163E00F, 0x0163F006, 0x01640808, 0x01641006, 0x01641808, 0x01642006, 0x01642808,
    0x01643006, 0x01643808, 0x01644006, 0x01644808, 0x01645006, 0x01645808, 0x01646006, 0x01646808, 0x01647006,
    0x01647808, 0x01648006, 0x01648808, 0x01649006, 0x01649808, 0x0164A006, 0x0164A808, 0x0164B006, 0x0164B808,
    0x0164C006, 0x0164C808, 0x0164D006, 0x0164D808, 0x0164E006, 0x0164E808, 0x0164F006, 0x0164F808, 0x01650006,
    0x01650808, 0x01651006, 0x01651808, 0x01652006, 0x01652808, 0x01653006, 0x01653808, 0x01654006, 0x01654808,
    0x01655006, 0x01655808, 0x01656006, 0x01656808, 0x01657006, 0x01657808, 0x01658006, 0x01658808, 0x01659006,
    0x01659808, 0x0165A006, 0x0165A808, 0x0165B006, 0x0165B808, 0x0165C006, 0x0165C808, 0x0165D006, 0x0165D808,
    0x0165E006, 0x0165E808, 0x0165F006, 0x0165F808, 0x01660006, 0x01660808, 0x01661006, 0x01661808, 0x01662006,
    0x01662808, 0x01663006, 0x01663808, 0x01664006, 0x01664808, 0x01665006, 0x01665808, 0x01666006, 0x01666808,
    0x01667006, 0x01667808, 0x01668006, 0x01668808, 0x01669006, 0x01669808, 0x0166A006, 0x0166A808, 0x0166B006,
    0x0166B808, 0x0166C006, 0x0166C808, 0x0166D006, 0x0166D808, 0x0166E006, 0x0166E808, 0x0166F006, 0x0166F808,
    0x01670006, 0x01670808, 0x01671006, 0x01671808, 0x01672803, 0x01675806, 0x01676008, 0x01676806, 0x01677008,
    0x0167780B, 0x01679006, 0x01679808, 0x0167A000, 0x0167C803, 0x0167E80C, 0x0167F003, 0x01680008, 0x01693000,
    0x01693808, 0x01694000, 0x01696808, 0x01697000, 0x0169800D, 0x016B4000, 0x016B7810, 0x016B8003, 0x016B8800,
    0x016BF80B, 0x016C000D, 0x016CB800, 0x016D000D, 0x016D3800, 0x016D400D, 0x016D7800, 0x016D800D, 0x016DB800,
    0x016DC00D, 0x016DF800, 0x016E000D, 0x016E3800, 0x016E400D, 0x016E7800, 0x016E800D, 0x016EB800, 0x016EC00D,
    0x016EF800, 0x016F000B, 0x01700003, 0x0171781C, 0x01718003, 0x0172F000, 0x01740003, 0x0174D000, 0x0174D803,
    0x0177A000, 0x01780003, 0x017EB000, 0x017F8003, 0x017FE000, 0x01800001, 0x01800803, 0x01802810, 0x0180300D,
    0x01803816, 0x01804003, 0x01810816, 0x0181500B, 0x01817013, 0x01818003, 0x01818810, 0x0181B003, 0x0181C016,
    0x0181D810, 0x0181E00D, 0x0181E803, 0x01820000, 0x0182080D, 0x0184B800, 0x0184C80B, 0x0184D804, 0x0184E810,
    0x0184F80D, 0x01850003, 0x0185080D, 0x0187D803, 0x0187E010, 0x0187F80D, 0x01880000, 0x0188280D, 0x01898000,
    0x0189880D, 0x018C7800, 0x018C8003, 0x018C900C, 0x018CB003, 0x018D000D, 0x018E0003, 0x018F2000, 0x018F800D,
    0x01900003, 0x0190F800, 0x0191000C, 0x01915003, 0x0192400C, 0x01928003, 0x0192880C, 0x01930003, 0x0194000C,
    0x01945003, 0x0195880C, 0x01960003, 0x01A0000D, 0x01A0281D, 0x01A0300D, 0x01A4181D, 0x01A4200D, 0x01C1501D,
    0x01C1580D, 0x01DA681D, 0x01DA700D, 0x026E0003, 0x0270001D, 0x0270080D, 0x0270181D, 0x0270200D, 0x0270381D,
    0x0270400D, 0x0270481D, 0x0270500D, 0x0272E81D, 0x0272F00D, 0x0274601D, 0x0274680D, 0x0274A01D, 0x0274A80D,
    0x0274B01D, 0x0274B80D, 0x0275F81D, 0x0276080D, 0x0276F81D, 0x0277000D, 0x0277401D, 0x0277480D, 0x0278681D,
    0x0278700D, 0x027B801D, 0x027B880D, 0x0288201D, 0x0288280D, 0x028A301D, 0x028A380D, 0x028B481D, 0x028B500D,
    0x028B581D, 0x028B600D, 0x028B681D, 0x028B700D, 0x029A081D, 0x029A100D, 0x029A181D, 0x029A300D, 0x029A601D,
    0x029A680D, 0x029E081D, 0x029E280D, 0x02B6D81D, 0x02B6E00D, 0x02C7881D, 0x02C7900D, 0x02C7C81D, 0x02C7D00D,
    0x02F3D01D, 0x02F3D80D, 0x02F7F01D, 0x02F8000D, 0x02F8601D, 0x02F8780D, 0x02F8801D, 0x02F8880D, 0x0317F01D,
    0x0317F80D, 0x031A601D, 0x031A680D, 0x033E901D, 0x033E980D, 0x0378301D, 0x0378380D, 0x039CB01D, 0x039CB80D,
    0x03B3F01D, 0x03B3F80D, 0x0404301D, 0x0404380D, 0x0421601D, 0x0421680D, 0x0465701D, 0x0465780D, 0x0465981D,
    0x0465A00D, 0x0469801D, 0x0469880D, 0x04B1081D, 0x04B1100D, 0x04B2301D, 0x04B2380D, 0x04B2601D, 0x04B2680D,
    0x04B3C01D, 0x04B3C80D, 0x04B7B01D, 0x04B7B80D, 0x0500A810, 0x0500B00D, 0x05246800, 0x05248003, 0x05263800,
    0x0526800D, 0x0527C010, 0x0527F003, 0x0528000D, 0x05306010, 0x05306803, 0x0530800D, 0x05310005, 0x0531500D,
    0x05316000, 0x05320006, 0x05320808, 0x05321006, 0x05321808, 0x05322006, 0x05322808, 0x05323006, 0x05323808,
    0x05324006, 0x05324808, 0x05325006, 0x05325808, 0x05326006, 0x05326808, 0x05327006, 0x05327808, 0x05328006,
    0x05328808, 0x05329006, 0x05329808, 0x0532A006, 0x0532A808, 0x0532B006, 0x0532B808, 0x0532C006, 0x0532C808,
    0x0532D006, 0x0532D808, 0x0532E006, 0x0532E808, 0x0532F006, 0x0532F808, 0x05330006, 0x05330808, 0x05331006,
    0x05331808, 0x05332006, 0x05332808, 0x05333006, 0x05333808, 0x05334006, 0x05334808, 0x05335006, 0x05335808,
    0x05336006, 0x05336808, 0x0533700D, 0x0533780B, 0x05338004, 0x05339803, 0x0533A00B, 0x0533F003, 0x0533F810,
    0x05340006, 0x05340808, 0x05341006, 0x05341808, 0x05342006, 0x05342808, 0x05343006, 0x05343808, 0x05344006,
    0x05344808, 0x05345006, 0x05345808, 0x05346006, 0x05346808, 0x05347006, 0x05347808, 0x05348006, 0x05348808,
    0x05349006, 0x05349808, 0x0534A006, 0x0534A808, 0x0534B006, 0x0534B808, 0x0534C006, 0x0534C808, 0x0534D006,
    0x0534D808, 0x0534E00F, 0x0534F00B, 0x0535000D, 0x05373016, 0x0537800B, 0x05379003, 0x0537C000, 0x05380004,
    0x0538B810, 0x05390004, 0x05391006, 0x05391808, 0x05392006, 0x05392808, 0x05393006, 0x05393808, 0x05394006,
    0x05394808, 0x05395006, 0x05395808, 0x05396006, 0x05396808, 0x05397006, 0x05397808, 0x05399006, 0x05399808,
    0x0539A006, 0x0539A808, 0x0539B006, 0x0539B808, 0x0539C006, 0x0539C808, 0x0539D006, 0x0539D808, 0x0539E006,
    0x0539E808, 0x0539F006, 0x0539F808, 0x053A0006, 0x053A0808, 0x053A1006, 0x053A1808, 0x053A2006, 0x053A2808,
    0x053A3006, 0x053A3808, 0x053A4006, 0x053A4808, 0x053A5006, 0x053A5808, 0x053A6006, 0x053A6808, 0x053A7006,
    0x053A7808, 0x053A8006, 0x053A8808, 0x053A9006, 0x053A9808, 0x053AA006, 0x053AA808, 0x053AB006, 0x053AB808,
    0x053AC006, 0x053AC808, 0x053AD006, 0x053AD808, 0x053AE006, 0x053AE808, 0x053AF006, 0x053AF808, 0x053B0006,
    0x053B0808, 0x053B1006, 0x053B1808, 0x053B2006, 0x053B2808, 0x053B3006, 0x053B3808, 0x053B4006, 0x053B4808,
    0x053B5006, 0x053B5808, 0x053B6006, 0x053B6808, 0x053B7006, 0x053B7808, 0x053B800F, 0x053B8808, 0x053BC806,
    0x053BD008, 0x053BD806, 0x053BE008, 0x053BE806, 0x053BF808, 0x053C0006, 0x053C0808, 0x053C1006, 0x053C1808,
    0x053C2006, 0x053C2808, 0x053C3006, 0x053C3808, 0x053C4010, 0x053C4804, 0x053C5806, 0x053C6008, 0x053C6806,
    0x053C7008, 0x053C780D, 0x053C8006, 0x053C8808, 0x053C9006, 0x053C9808, 0x053CB006, 0x053CB808, 0x053CC006,
    0x053CC808, 0x053CD006, 0x053CD808, 0x053CE006, 0x053CE808, 0x053CF006, 0x053CF808, 0x053D0006, 0x053D0808,
    0x053D1006, 0x053D1808, 0x053D2006, 0x053D2808, 0x053D3006, 0x053D3808, 0x053D4006, 0x053D4808, 0x053D5006,
    0x053D7808, 0x053D8006, 0x053DA808, 0x053DB006, 0x053DB808, 0x053DC006, 0x053DC808, 0x053DD006, 0x053DD808,
    0x053DE006, 0x053DE808, 0x053DF006, 0x053DF808, 0x053E0006, 0x053E0808, 0x053E1006, 0x053E1808, 0x053E2006,
    0x053E4008, 0x053E4806, 0x053E5008, 0x053E5800, 0x053E8006, 0x053E8808, 0x053E9000, 0x053E9808, 0x053EA000,
    0x053EA808, 0x053EB006, 0x053EB808, 0x053EC006, 0x053EC808, 0x053ED000, 0x053F900F, 0x053FA806, 0x053FB008,
    0x053FB80D, 0x053FC00F, 0x053FD008, 0x053FD80D, 0x0540100B, 0x0540180D, 0x0540300B, 0x0540380D, 0x0540580B,
    0x0540600D, 0x05411813, 0x0541280B, 0x05413813, 0x05414003, 0x0541600B, 0x05416800, 0x0541800C, 0x0541B003,
    0x0541D000, 0x0542000D, 0x0543A003, 0x0543C000, 0x05440013, 0x0544100D, 0x0545A013, 0x0546200B, 0x05463000,
    0x05467003, 0x05468005, 0x0546D000, 0x0547000B, 0x0547900D, 0x0547C003, 0x0547D80D, 0x0547E003, 0x0547E80D,
    0x0547F80B, 0x05480005, 0x0548500D, 0x0549300B, 0x05497003, 0x0549800D, 0x054A380B, 0x054A9013, 0x054AA000,
    0x054AF803, 0x054B000D, 0x054BE800, 0x054C000B, 0x054C1813, 0x054C200D, 0x054D980B, 0x054DA013, 0x054DB00B,
    0x054DD013, 0x054DE00B, 0x054DF013, 0x054E0803, 0x054E7000, 0x054E7810, 0x054E8005, 0x054ED000, 0x054EF003,
    0x054F000D, 0x054F280B, 0x054F3010, 0x054F380D, 0x054F8005, 0x054FD00D, 0x054FF800, 0x0550000D, 0x0551480B,
    0x05517813, 0x0551880B, 0x05519813, 0x0551A80B, 0x0551B800, 0x0552000D, 0x0552180B, 0x0552200D, 0x0552600B,
    0x05526813, 0x05527000, 0x05528005, 0x0552D000, 0x0552E003, 0x0553000D, 0x05538010, 0x0553880D, 0x0553B803,
    0x0553D00D, 0x0553D813, 0x0553E00B, 0x0553E813, 0x0553F00D, 0x0555800B, 0x0555880D, 0x0555900B, 0x0555A80D,
    0x0555B80B, 0x0555C80D, 0x0555F00B, 0x0556000D, 0x0556080B, 0x0556100D, 0x05561800, 0x0556D80D, 0x0556E810,
    0x0556F003, 0x0557000D, 0x05575813, 0x0557600B, 0x05577013, 0x05578003, 0x0557900D, 0x05579810, 0x0557A813,
    0x0557B00B, 0x0557B800, 0x0558080D, 0x05583800, 0x0558480D, 0x05587800, 0x0558880D, 0x0558B800, 0x0559000D,
    0x05593800, 0x0559400D, 0x05597800, 0x05598008, 0x055AD804, 0x055AE00F, 0x055B0008, 0x055B480F, 0x055B5004,
    0x055B6000, 0x055B8008, 0x055E000D, 0x055F1813, 0x055F280B, 0x055F3013, 0x055F400B, 0x055F4813, 0x055F5803,
    0x055F6013, 0x055F680B, 0x055F7000, 0x055F8005, 0x055FD000, 0x0560000D, 0x06BD2000, 0x06BD800D, 0x06BE3800,
    0x06BE580D, 0x06BFE000, 0x07C8000D, 0x07CB581D, 0x07CB600D, 0x07CB981D, 0x07CBA00D, 0x07CBC01D, 0x07CBC80D,
    0x07CD901D, 0x07CD980D, 0x07CE881D, 0x07CE900D, 0x07CE981D, 0x07CEA00D, 0x07CFE81D, 0x07CFF00D, 0x07D37000,
    0x07D3800D, 0x07D6D000, 0x07D80008, 0x07D83800, 0x07D89808, 0x07D8C000, 0x07D8E80D, 0x07D8F00B, 0x07D8F80D,
    0x07D94803, 0x07D9500D, 0x07D9B800, 0x07D9C00D, 0x07D9E800, 0x07D9F00D, 0x07D9F800, 0x07DA000D, 0x07DA1000,
    0x07DA180D, 0x07DA2800, 0x07DA300D, 0x07DD9004, 0x07DE1800, 0x07DE980D, 0x07E2F01E, 0x07E3200D, 0x07E9F003,
    0x07EA800D, 0x07EC8000, 0x07EC900D, 0x07EE4000, 0x07EE7803, 0x07EE8000, 0x07EF800D, 0x07EFD01E, 0x07EFE003,
    0x07F0000B, 0x07F08003, 0x07F09804, 0x07F0A003, 0x07F0D000, 0x07F1000B, 0x07F18003, 0x07F19813, 0x07F1A803,
    0x07F26813, 0x07F28003, 0x07F29004, 0x07F29800, 0x07F2A003, 0x07F2A804, 0x07F2B003, 0x07F33800, 0x07F34003,
    0x07F36000, 0x07F3801E, 0x07F3880D, 0x07F3901E, 0x07F3980D, 0x07F3A01E, 0x07F3A800, 0x07F3B01E, 0x07F3B80D,
    0x07F3C01E, 0x07F3C80D, 0x07F3D01E, 0x07F3D80D, 0x07F3E01E, 0x07F3E80D, 0x07F3F01E, 0x07F3F80D, 0x07F7E800,
    0x07F7F809, 0x07F80000, 0x07F80803, 0x07F83804, 0x07F84003, 0x07F87004, 0x07F87803, 0x07F88005, 0x07F8D004,
    0x07F8D803, 0x07F90806, 0x07F9D803, 0x07F9F004, 0x07F9F813, 0x07FA0004, 0x07FA0808, 0x07FAD803, 0x07FB300D,
    0x07FB8010, 0x07FB880D, 0x07FCF01F, 0x07FD000D, 0x07FDF800, 0x07FE100D, 0x07FE4000, 0x07FE500D, 0x07FE8000,
    0x07FE900D, 0x07FEC000, 0x07FED00D, 0x07FEE800, 0x07FF0003, 0x07FF1804, 0x07FF2003, 0x07FF3800, 0x07FF4003,
    0x07FF7800, 0x07FFC809, 0x07FFE003, 0x07FFF000, 0x0800000D, 0x08006000, 0x0800680D, 0x08013800, 0x0801400D,
    0x0801D800, 0x0801E00D, 0x0801F000, 0x0801F80D, 0x08027000, 0x0802800D, 0x0802F000, 0x0804000D, 0x0807D800,
    0x08080003, 0x08081800, 0x0808380C, 0x0809A000, 0x0809B803, 0x080A0016, 0x080BA80C, 0x080BC803, 0x080C500C,
    0x080C6003, 0x080C7800, 0x080C8003, 0x080CE800, 0x080D0003, 0x080D0800, 0x080E8003, 0x080FE80B, 0x080FF000,
    0x0814000D, 0x0814E800, 0x0815000D, 0x08168800, 0x0817000B, 0x0817080C, 0x0817E000, 0x0818000D, 0x0819000C,
    0x08192000, 0x0819680D, 0x081A0816, 0x081A100D, 0x081A5016, 0x081A5800, 0x081A800D, 0x081BB00B, 0x081BD800,
    0x081C000D, 0x081CF000, 0x081CF803, 0x081D000D, 0x081E2000, 0x081E400D, 0x081E8003, 0x081E8816, 0x081EB000,
    0x08200006, 0x08214008, 0x0822800D, 0x0824F000, 0x08250005, 0x08255000, 0x08258006, 0x0826A000, 0x0826C008,
    0x0827E000, 0x0828000D, 0x08294000, 0x0829800D, 0x082B2000, 0x082B7803, 0x082B8006, 0x082BD800, 0x082BE006,
    0x082C5800, 0x082C6006, 0x082C9800, 0x082CA006, 0x082CB000, 0x082CB808, 0x082D1000, 0x082D1808, 0x082D9000,
    0x082D9808, 0x082DD000, 0x082DD808, 0x082DE800, 0x0830000D, 0x0839B800, 0x083A000D, 0x083AB000, 0x083B000D,
    0x083B4000, 0x083C000F, 0x083C0810, 0x083C180F, 0x083C3000, 0x083C380F, 0x083D8800, 0x083D900F, 0x083DD800,
    0x0840000D, 0x08403000, 0x0840400D, 0x08404800, 0x0840500D, 0x0841B000, 0x0841B80D, 0x0841C800, 0x0841E00D,
    0x0841E800, 0x0841F80D, 0x0842B000, 0x0842B803, 0x0842C00C, 0x0843000D, 0x0843B803, 0x0843C80C, 0x0844000D,
    0x0844F800, 0x0845380C, 0x08458000, 0x0847000D, 0x08479800, 0x0847A00D, 0x0847B000, 0x0847D80C, 0x0848000D,
    0x0848B00C, 0x0848E000, 0x0848F803, 0x0849000D, 0x0849D000, 0x0849F803, 0x084A0000, 0x084C000D, 0x084DC000,
    0x084DE00C, 0x084DF00D, 0x084E000C, 0x084E8000, 0x084E900C, 0x0850000D, 0x0850080B, 0x08502000, 0x0850280B,
    0x08503800, 0x0850600B, 0x0850800D, 0x0850A000, 0x0850A80D, 0x0850C000, 0x0850C80D, 0x0851B000, 0x0851C00B,
    0x0851D800, 0x0851F80B, 0x0852000A, 0x0852200C, 0x08524800, 0x08528003, 0x0852C800, 0x0853000D, 0x0853E80C,
    0x0853F803, 0x0854000D, 0x0854E80C, 0x08550000, 0x0856000D, 0x08564003, 0x0856480D, 0x0857280B, 0x08573800,
    0x0857580C, 0x08578003, 0x0857B800, 0x0858000D, 0x0859B000, 0x0859C803, 0x085A000D, 0x085AB000, 0x085AC00C,
    0x085B000D, 0x085B9800, 0x085BC00C, 0x085C000D, 0x085C9000, 0x085CC803, 0x085CE800, 0x085D480C, 0x085D8000,
    0x0860000D, 0x08624800, 0x08640006, 0x08659800, 0x08660008, 0x08679800, 0x0867D00C, 0x0868000D, 0x0869200B,
    0x08694000, 0x08698005, 0x0869D000, 0x0873000A, 0x0873480C, 0x0873F800, 0x0874000D, 0x08755000, 0x0875580B,
    0x08756803, 0x08757000, 0x0875800D, 0x08759000, 0x0877E80B, 0x0878000D, 0x0878E80C, 0x0879380D, 0x08794000,
    0x0879800D, 0x087A300B, 0x087A880C, 0x087AA803, 0x087AD000, 0x087B800D, 0x087C100B, 0x087C3003, 0x087C5000,
    0x087D800D, 0x087E280C, 0x087E6000, 0x087F000D, 0x087FB800, 0x08800013, 0x0880080B, 0x08801013, 0x0880180D,
    0x0881C00B, 0x08823803, 0x08827000, 0x0882900A, 0x0882D80C, 0x08833005, 0x0883800B, 0x0883880D, 0x0883980B,
    0x0883A80D, 0x0883B000, 0x0883F80B, 0x08841013, 0x0884180D, 0x08858013, 0x0885980B, 0x0885B813, 0x0885C80B,
    0x0885D803, 0x0885E809, 0x0885F003, 0x0886100B, 0x08861800, 0x08866809, 0x08867000, 0x0886800D, 0x08874800,
    0x08878005, 0x0887D000, 0x0888000B, 0x0888180D, 0x0889380B, 0x08896013, 0x0889680B, 0x0889A800, 0x0889B005,
    0x088A0003, 0x088A200D, 0x088A2813, 0x088A380D, 0x088A4000, 0x088A800D, 0x088B980B, 0x088BA003, 0x088BB00D,
    0x088BB800, 0x088C000B, 0x088C1013, 0x088C180D, 0x088D9813, 0x088DB00B, 0x088DF813, 0x088E080D, 0x088E2803,
    0x088E480B, 0x088E6803, 0x088E7013, 0x088E780B, 0x088E8005, 0x088ED00D, 0x088ED803, 0x088EE00D, 0x088EE803,
    0x088F0000, 0x088F080C, 0x088FA800, 0x0890000D, 0x08909000, 0x0890980D, 0x08916013, 0x0891780B, 0x08919013,
    0x0891A00B, 0x0891A813, 0x0891B00B, 0x0891C003, 0x0891F00B, 0x0891F80D, 0x0892080B, 0x08921000, 0x0894000D,
    0x08943800, 0x0894400D, 0x08944800, 0x0894500D, 0x08947000, 0x0894780D, 0x0894F000, 0x0894F80D, 0x08954803,
    0x08955000, 0x0895800D, 0x0896F80B, 0x08970013, 0x0897180B, 0x08975800, 0x08978005, 0x0897D000, 0x0898000B,
    0x08981013, 0x08982000, 0x0898280D, 0x08986800, 0x0898780D, 0x08988800, 0x0898980D, 0x08994800, 0x0899500D,
    0x08998800, 0x0899900D, 0x0899A000, 0x0899A80D, 0x0899D000, 0x0899D80B, 0x0899E80D, 0x0899F013, 0x089A000B,
    0x089A0813, 0x089A2800, 0x089A3813, 0x089A4800, 0x089A5813, 0x089A7000, 0x089A800D, 0x089A8800, 0x089AB813,
    0x089AC000, 0x089AE80D, 0x089B1013, 0x089B2000, 0x089B300B, 0x089B6800, 0x089B800B, 0x089BA800, 0x08A0000D,
    0x08A1A813, 0x08A1C00B, 0x08A20013, 0x08A2100B, 0x08A22813, 0x08A2300B, 0x08A2380D, 0x08A25803, 0x08A28005,
    0x08A2D003, 0x08A2E000, 0x08A2E803, 0x08A2F00B, 0x08A2F80D, 0x08A31000, 0x08A4000D, 0x08A58013, 0x08A5980B,
    0x08A5C813, 0x08A5D00B, 0x08A5D813, 0x08A5F80B, 0x08A60813, 0x08A6100B, 0x08A6200D, 0x08A63003, 0x08A6380D,
    0x08A64000, 0x08A68005, 0x08A6D000, 0x08AC000D, 0x08AD7813, 0x08AD900B, 0x08ADB000, 0x08ADC013, 0x08ADE00B,
    0x08ADF013, 0x08ADF80B, 0x08AE0803, 0x08AEC00D, 0x08AEE00B, 0x08AEF000, 0x08B0000D, 0x08B18013, 0x08B1980B,
    0x08B1D813, 0x08B1E80B, 0x08B1F013, 0x08B1F80B, 0x08B20803, 0x08B2200D, 0x08B22800, 0x08B28005, 0x08B2D000,
    0x08B30003, 0x08B36800, 0x08B4000D, 0x08B5580B, 0x08B56013, 0x08B5680B, 0x08B57013, 0x08B5800B, 0x08B5B013,
    0x08B5B80B, 0x08B5C00D, 0x08B5C803, 0x08B5D000, 0x08B60005, 0x08B65000, 0x08B8000D, 0x08B8D800, 0x08B8E80B,
    0x08B90013, 0x08B9100B, 0x08B93013, 0x08B9380B, 0x08B96000, 0x08B98005, 0x08B9D00C, 0x08B9E003, 0x08BA000D,
    0x08BA3800, 0x08C0000D, 0x08C16013, 0x08C1780B, 0x08C1C013, 0x08C1C80B, 0x08C1D803, 0x08C1E000, 0x08C50006,
    0x08C60008, 0x08C70005, 0x08C7500C, 0x08C79800, 0x08C7F80D, 0x08C83800, 0x08C8480D, 0x08C85000, 0x08C8600D,
    0x08C8A000, 0x08C8A80D, 0x08C8B800, 0x08C8C00D, 0x08C98013, 0x08C9B000, 0x08C9B813, 0x08C9C800, 0x08C9D80B,
    0x08C9E813, 0x08C9F00B, 0x08C9F80D, 0x08CA0013, 0x08CA080D, 0x08CA1013, 0x08CA180B, 0x08CA2003, 0x08CA3800,
    0x08CA8005, 0x08CAD000, 0x08CD000D, 0x08CD4000, 0x08CD500D, 0x08CE8813, 0x08CEA00B, 0x08CEC000, 0x08CED00B,
    0x08CEE013, 0x08CF000B, 0x08CF080D, 0x08CF1003, 0x08CF180D, 0x08CF2013, 0x08CF2800, 0x08D0000D, 0x08D0080B,
    0x08D0580D, 0x08D1980B, 0x08D1C813, 0x08D1D00D, 0x08D1D80B, 0x08D1F803, 0x08D2380B, 0x08D24000, 0x08D2800D,
    0x08D2880B, 0x08D2B813, 0x08D2C80B, 0x08D2E00D, 0x08D4500B, 0x08D4B813, 0x08D4C00B, 0x08D4D003, 0x08D4E80D,
    0x08D4F003, 0x08D51800, 0x08D5800D, 0x08D7C800, 0x08D80003, 0x08D85000, 0x08E0000D, 0x08E04800, 0x08E0500D,
    0x08E17813, 0x08E1800B, 0x08E1B800, 0x08E1C00B, 0x08E1F013, 0x08E1F80B, 0x08E2000D, 0x08E20803, 0x08E23000,
    0x08E28005, 0x08E2D00C, 0x08E36800, 0x08E38003, 0x08E3900D, 0x08E48000, 0x08E4900B, 0x08E54000, 0x08E54813,
    0x08E5500B, 0x08E58813, 0x08E5900B, 0x08E5A013, 0x08E5A80B, 0x08E5B800, 0x08E8000D, 0x08E83800, 0x08E8400D,
    0x08E85000, 0x08E8580D, 0x08E9880B, 0x08E9B800, 0x08E9D00B, 0x08E9D800, 0x08E9E00B, 0x08E9F000, 0x08E9F80B,
    0x08EA300D, 0x08EA380B, 0x08EA4000, 0x08EA8005, 0x08EAD000, 0x08EB000D, 0x08EB3000, 0x08EB380D, 0x08EB4800,
    0x08EB500D, 0x08EC5013, 0x08EC7800, 0x08EC800B, 0x08EC9000, 0x08EC9813, 0x08ECA80B, 0x08ECB013, 0x08ECB80B,
    0x08ECC00D, 0x08ECC800, 0x08ED0005, 0x08ED5000, 0x08F7000D, 0x08F7980B, 0x08F7A813, 0x08F7B803, 0x08F7C800,
    0x08F8000B, 0x08F8100D, 0x08F81813, 0x08F8200D, 0x08F88800, 0x08F8900D, 0x08F9A013, 0x08F9B00B, 0x08F9D800,
    0x08F9F013, 0x08FA000B, 0x08FA0813, 0x08FA100B, 0x08FA1803, 0x08FA8005, 0x08FAD000, 0x08FD800D, 0x08FD8800,
    0x08FE000C, 0x08FEA803, 0x08FF9000, 0x08FFF803, 0x0900000D, 0x091CD000, 0x09200016, 0x09237800, 0x09238003,
    0x0923A800, 0x0924000D, 0x092A2000, 0x097C800D, 0x097F8803, 0x097F9800, 0x0980000D, 0x09A18009, 0x09A2000B,
    0x09A2080D, 0x09A2380B, 0x09A2B000, 0x0A20000D, 0x0A323800, 0x0B40000D, 0x0B51C800, 0x0B52000D, 0x0B52F800,
    0x0B530005, 0x0B535000, 0x0B537003, 0x0B53800D, 0x0B55F800, 0x0B560005, 0x0B565000, 0x0B56800D, 0x0B577000,
    0x0B57800B, 0x0B57A803, 0x0B57B000, 0x0B58000D, 0x0B59800B, 0x0B59B803, 0x0B5A0010, 0x0B5A2003, 0x0B5A3000,
    0x0B5A8005, 0x0B5AD000, 0x0B5AD80C, 0x0B5B1000, 0x0B5B180D, 0x0B5BC000, 0x0B5BE80D, 0x0B5C8000, 0x0B720006,
    0x0B730008, 0x0B74000C, 0x0B74B803, 0x0B74D800, 0x0B78000D, 0x0B7A5800, 0x0B7A780B, 0x0B7A800D, 0x0B7A8813,
    0x0B7C4000, 0x0B7C780B, 0x0B7C9810, 0x0B7D0000, 0x0B7F0010, 0x0B7F1003, 0x0B7F1810, 0x0B7F200B, 0x0B7F2800,
    0x0B7F8013, 0x0B7F9000, 0x0B80000D, 0x0C3FC000, 0x0C40000D, 0x0C66B000, 0x0C68000D, 0x0C684800, 0x0D7F8010,
    0x0D7FA000, 0x0D7FA810, 0x0D7FE000, 0x0D7FE810, 0x0D7FF800, 0x0D80000D, 0x0D891800, 0x0D89900D, 0x0D899800,
    0x0D8A800D, 0x0D8A9800, 0x0D8AA80D, 0x0D8AB000, 0x0D8B200D, 0x0D8B4000, 0x0D8B800D, 0x0D97E000, 0x0DE0000D,
    0x0DE35800, 0x0DE3800D, 0x0DE3E800, 0x0DE4000D, 0x0DE44800, 0x0DE4800D, 0x0DE4D000, 0x0DE4E003, 0x0DE4E80B,
    0x0DE4F803, 0x0DE50009, 0x0DE52000, 0x0E78000B, 0x0E797000, 0x0E79800B, 0x0E7A3800, 0x0E7A8003, 0x0E7E2000,
    0x0E800003, 0x0E87B000, 0x0E880003, 0x0E893800, 0x0E894803, 0x0E8B2813, 0x0E8B380B, 0x0E8B5003, 0x0E8B6813,
    0x0E8B9809, 0x0E8BD80B, 0x0E8C1803, 0x0E8C280B, 0x0E8C6003, 0x0E8D500B, 0x0E8D7003, 0x0E8F5800, 0x0E900003,
    0x0E92100B, 0x0E922803, 0x0E923000, 0x0E96000C, 0x0E96A000, 0x0E97000C, 0x0E97A000, 0x0E980003, 0x0E9AB800,
    0x0E9B000C, 0x0E9BC800, 0x0EA00006, 0x0EA0D008, 0x0EA1A006, 0x0EA27008, 0x0EA2A800, 0x0EA2B008, 0x0EA34006,
    0x0EA41008, 0x0EA4E006, 0x0EA4E800, 0x0EA4F006, 0x0EA50000, 0x0EA51006, 0x0EA51800, 0x0EA52806, 0x0EA53800,
    0x0EA54806, 0x0EA56800, 0x0EA57006, 0x0EA5B008, 0x0EA5D000, 0x0EA5D808, 0x0EA5E000, 0x0EA5E808, 0x0EA62000,
    0x0EA62808, 0x0EA68006, 0x0EA75008, 0x0EA82006, 0x0EA83000, 0x0EA83806, 0x0EA85800, 0x0EA86806, 0x0EA8A800,
    0x0EA8B006, 0x0EA8E800, 0x0EA8F008, 0x0EA9C006, 0x0EA9D000, 0x0EA9D806, 0x0EA9F800, 0x0EAA0006, 0x0EAA2800,
    0x0EAA3006, 0x0EAA3800, 0x0EAA5006, 0x0EAA8800, 0x0EAA9008, 0x0EAB6006, 0x0EAC3008, 0x0EAD0006, 0x0EADD008,
    0x0EAEA006, 0x0EAF7008, 0x0EB04006, 0x0EB11008, 0x0EB1E006, 0x0EB2B008, 0x0EB38006, 0x0EB45008, 0x0EB53000,
    0x0EB54006, 0x0EB60803, 0x0EB61008, 0x0EB6D803, 0x0EB6E008, 0x0EB71006, 0x0EB7D803, 0x0EB7E008, 0x0EB8A803,
    0x0EB8B008, 0x0EB8E006, 0x0EB9A803, 0x0EB9B008, 0x0EBA7803, 0x0EBA8008, 0x0EBAB006, 0x0EBB7803, 0x0EBB8008,
    0x0EBC4803, 0x0EBC5008, 0x0EBC8006, 0x0EBD4803, 0x0EBD5008, 0x0EBE1803, 0x0EBE2008, 0x0EBE5006, 0x0EBE5808,
    0x0EBE6000, 0x0EBE7005, 0x0EC00003, 0x0ED0000B, 0x0ED1B803, 0x0ED1D80B, 0x0ED36803, 0x0ED3A80B, 0x0ED3B003,
    0x0ED4200B, 0x0ED42803, 0x0ED46000, 0x0ED4D80B, 0x0ED50000, 0x0ED5080B, 0x0ED58000, 0x0EF80008, 0x0EF8500D,
    0x0EF85808, 0x0EF8F800, 0x0EF92808, 0x0EF95800, 0x0F00000B, 0x0F003800, 0x0F00400B, 0x0F00C800, 0x0F00D80B,
    0x0F011000, 0x0F01180B, 0x0F012800, 0x0F01300B, 0x0F015800, 0x0F01800F, 0x0F037000, 0x0F04780B, 0x0F048000,
    0x0F08000D, 0x0F096800, 0x0F09800B, 0x0F09B810, 0x0F09F000, 0x0F0A0005, 0x0F0A5000, 0x0F0A700D, 0x0F0A7803,
    0x0F0A8000, 0x0F14800D, 0x0F15700B, 0x0F157800, 0x0F16000D, 0x0F17600B, 0x0F178005, 0x0F17D000, 0x0F17F803,
    0x0F180000, 0x0F26800D, 0x0F275810, 0x0F27600B, 0x0F278005, 0x0F27D000, 0x0F3F000D, 0x0F3F3800, 0x0F3F400D,
    0x0F3F6000, 0x0F3F680D, 0x0F3F7800, 0x0F3F800D, 0x0F3FF800, 0x0F40000D, 0x0F462800, 0x0F46380C, 0x0F46800B,
    0x0F46B800, 0x0F480006, 0x0F491008, 0x0F4A200B, 0x0F4A5810, 0x0F4A6000, 0x0F4A8005, 0x0F4AD000, 0x0F4AF003,
    0x0F4B0000, 0x0F63880C, 0x0F656003, 0x0F65680C, 0x0F658003, 0x0F65880C, 0x0F65A800, 0x0F68080C, 0x0F697003,
    0x0F69780C, 0x0F69F000, 0x0F70000D, 0x0F702000, 0x0F70280D, 0x0F710000, 0x0F71080D, 0x0F711800, 0x0F71200D,
    0x0F712800, 0x0F71380D, 0x0F714000, 0x0F71480D, 0x0F719800, 0x0F71A00D, 0x0F71C000, 0x0F71C80D, 0x0F71D000,
    0x0F71D80D, 0x0F71E000, 0x0F72100D, 0x0F721800, 0x0F72380D, 0x0F724000, 0x0F72480D, 0x0F725000, 0x0F72580D,
    0x0F726000, 0x0F72680D, 0x0F728000, 0x0F72880D, 0x0F729800, 0x0F72A00D, 0x0F72A800, 0x0F72B80D, 0x0F72C000,
    0x0F72C80D, 0x0F72D000, 0x0F72D80D, 0x0F72E000, 0x0F72E80D, 0x0F72F000, 0x0F72F80D, 0x0F730000, 0x0F73080D,
    0x0F731800, 0x0F73200D, 0x0F732800, 0x0F73380D, 0x0F735800, 0x0F73600D, 0x0F739800, 0x0F73A00D, 0x0F73C000,
    0x0F73C80D, 0x0F73E800, 0x0F73F00D, 0x0F73F800, 0x0F74000D, 0x0F745000, 0x0F74580D, 0x0F74E000, 0x0F75080D,
    0x0F752000, 0x0F75280D, 0x0F755000, 0x0F75580D, 0x0F75E000, 0x0F778003, 0x0F779000, 0x0F800003, 0x0F816000,
    0x0F818003, 0x0F84A000, 0x0F850003, 0x0F857800, 0x0F858803, 0x0F860000, 0x0F860803, 0x0F868000, 0x0F868803,
    0x0F87B000, 0x0F88000A, 0x0F88580C, 0x0F886803, 0x0F89801A, 0x0F8A5003, 0x0F8A801A, 0x0F8B5003, 0x0F8B801A,
    0x0F8C5003, 0x0F8D7000, 0x0F8F3003, 0x0F901800, 0x0F908003, 0x0F91E000, 0x0F920003, 0x0F924800, 0x0F928003,
    0x0F929000, 0x0F930003, 0x0F933000, 0x0F980003, 0x0F9FD804, 0x0FA00003, 0x0FB6C000, 0x0FB6E003, 0x0FB76800,
    0x0FB78003, 0x0FB7E800, 0x0FB80003, 0x0FBBB800, 0x0FBBD803, 0x0FBED000, 0x0FBF0003, 0x0FBF6000, 0x0FBF8003,
    0x0FBF8800, 0x0FC00003, 0x0FC06000, 0x0FC08003, 0x0FC24000, 0x0FC28003, 0x0FC2D000, 0x0FC30003, 0x0FC44000,
    0x0FC48003, 0x0FC57000, 0x0FC58003, 0x0FC59000, 0x0FC80003, 0x0FD2A000, 0x0FD30003, 0x0FD37000, 0x0FD38003,
    0x0FD3E800, 0x0FD40003, 0x0FD44800, 0x0FD48003, 0x0FD5F000, 0x0FD5F803, 0x0FD63000, 0x0FD67003, 0x0FD6E000,
    0x0FD70003, 0x0FD74800, 0x0FD78003, 0x0FD7C800, 0x0FD80003, 0x0FDC9800, 0x0FDCA003, 0x0FDE5800, 0x0FDF8005,
    0x0FDFD000, 0x1000000D, 0x1000081D, 0x1000100D, 0x1003201D, 0x1003280D, 0x1007101D, 0x1007180D, 0x1009081D,
    0x1009100D, 0x1049501D, 0x1049580D, 0x104C181D, 0x104C200D, 0x104C601D, 0x104C680D, 0x104CE01D, 0x104CE80D,
    0x1057501D, 0x1057580D, 0x1057E81D, 0x1057F00D, 0x1058C81D, 0x1058D00D, 0x111C801D, 0x111C880D, 0x114CC01D,
    0x114CC80D, 0x11D8D81D, 0x11D8E00D, 0x1313681D, 0x1313700D, 0x15370000, 0x1538000D, 0x15B9D000, 0x15BA000D,
    0x15C0F000, 0x15C1000D, 0x16751000, 0x1675800D, 0x175F0800, 0x17C0000D, 0x17C4801D, 0x17C4880D, 0x17D0F000,
    0x1800000D, 0x189A5800, 0x189A800D, 0x191D8000, 0x70000809, 0x70001000, 0x70010009, 0x70040000, 0x7008000B,
    0x700F8000,
};

constexpr CaseRun kUpperRuns[] = {
    {0x00061, 26, 1, -32}, {0x000B5, 1, 1, 743}, {0x000E0, 23, 1, -32}, {0x000F8, 7, 1, -32},
    {0x000FF, 1, 1, 121}, {0x00101, 24, 2, -1}, {0x00131, 1, 1, -232}, {0x00133, 3, 2, -1},
    {0x0013A, 8, 2, -1}, {0x0014B, 23, 2, -1}, {0x0017A, 3, 2, -1}, {0x0017F, 1, 1, -300},
    {0x00180, 1, 1, 195}, {0x00183, 2, 2, -1}, {0x00188, 1, 1, -1}, {0x0018C, 1, 1, -1},
    {0x00192, 1, 1, -1}, {0x00195, 1, 1, 97}, {0x00199, 1, 1, -1}, {0x0019A, 1, 1, 163},
    {0x0019E, 1, 1, 130}, {0x001A1, 3, 2, -1}, {0x001A8, 1, 1, -1}, {0x001AD, 1, 1, -1},
    {0x001B0, 1, 1, -1}, {0x001B4, 2, 2, -1}, {0x001B9, 1, 1, -1}, {0x001BD, 1, 1, -1},
    {0x001BF, 1, 1, 56}, {0x001C5, 1, 1, -1}, {0x001C6, 1, 1, -2}, {0x001C8, 1, 1, -1},
    {0x001C9, 1, 1, -2}, {0x001CB, 1, 1, -1}, {0x001CC, 1, 1, -2}, {0x001CE, 8, 2, -1},
    {0x001DD, 1, 1, -79}, {0x001DF, 9, 2, -1}, {0x001F2, 1, 1, -1}, {0x001F3, 1, 1, -2},
    {0x001F5, 1, 1, -1}, {0x001F9, 20, 2, -1}, {0x00223, 9, 2, -1}, {0x0023C, 1, 1, -1},
    {0x0023F, 2, 1, 10815}, {0x00242, 1, 1, -1}, {0x00247, 5, 2, -1}, {0x00250, 1, 1, 10783},
    {0x00251, 1, 1, 10780}, {0x00252, 1, 1, 10782}, {0x00253, 1, 1, -210}, {0x00254, 1, 1, -206},
    {0x00256, 2, 1, -205}, {0x00259, 1, 1, -202}, {0x0025B, 1, 1, -203}, {0x0025C, 1, 1, 42319},
    {0x00260, 1, 1, -205}, {0x00261, 1, 1, 42315}, {0x00263, 1, 1, -207}, {0x00265, 1, 1, 42280},
    {0x00266, 1, 1, 42308}, {0x00268, 1, 1, -209}, {0x00269, 1, 1, -211}, {0x0026A, 1, 1, 42308},
    {0x0026B, 1, 1, 10743}, {0x0026C, 1, 1, 42305}, {0x0026F, 1, 1, -211}, {0x00271, 1, 1, 10749},
    {0x00272, 1, 1, -213}, {0x00275, 1, 1, -214}, {0x0027D, 1, 1, 10727}, {0x00280, 1, 1, -218},
    {0x00282, 1, 1, 42307}, {0x00283, 1, 1, -218}, {0x00287, 1, 1, 42282}, {0x00288, 1, 1, -218},
    {0x00289, 1, 1, -69}, {0x0028A, 2, 1, -217}, {0x0028C, 1, 1, -71}, {0x00292, 1, 1, -219},
    {0x0029D, 1, 1, 42261}, {0x0029E, 1, 1, 42258}, {0x00345, 1, 1, 84}, {0x00371, 2, 2, -1},
    {0x00377, 1, 1, -1}, {0x0037B, 3, 1, 130}, {0x003AC, 1, 1, -38}, {0x003AD, 3, 1, -37},
    {0x003B1, 17, 1, -32}, {0x003C2, 1, 1, -31}, {0x003C3, 9, 1, -32}, {0x003CC, 1, 1, -64},
    {0x003CD, 2, 1, -63}, {0x003D0, 1, 1, -62}, {0x003D1, 1, 1, -57}, {0x003D5, 1, 1, -47},
    {0x003D6, 1, 1, -54}, {0x003D7, 1, 1, -8}, {0x003D9, 12, 2, -1}, {0x003F0, 1, 1, -86},
    {0x003F1, 1, 1, -80}, {0x003F2, 1, 1, 7}, {0x003F3, 1, 1, -116}, {0x003F5, 1, 1, -96},
    {0x003F8, 1, 1, -1}, {0x003FB, 1, 1, -1}, {0x00430, 32, 1, -32}, {0x00450, 16, 1, -80},
    {0x00461, 17, 2, -1}, {0x0048B, 27, 2, -1}, {0x004C2, 7, 2, -1}, {0x004CF, 1, 1, -15},
    {0x004D1, 48, 2, -1}, {0x00561, 38, 1, -48}, {0x010D0, 43, 1, 3008}, {0x010FD, 3, 1, 3008},
    {0x013F8, 6, 1, -8}, {0x01C80, 1, 1, -6254}, {0x01C81, 1, 1, -6253}, {0x01C82, 1, 1, -6244},
    {0x01C83, 2, 1, -6242}, {0x01C85, 1, 1, -6243}, {0x01C86, 1, 1, -6236}, {0x01C87, 1, 1, -6181},
    {0x01C88, 1, 1, 35266}, {0x01D79, 1, 1, 35332}, {0x01D7D, 1, 1, 3814}, {0x01D8E, 1, 1, 35384},
    {0x01E01, 75, 2, -1}, {0x01E9B, 1, 1, -59}, {0x01EA1, 48, 2, -1}, {0x01F00, 8, 1, 8},
    {0x01F10, 6, 1, 8}, {0x01F20, 8, 1, 8}, {0x01F30, 8, 1, 8}, {0x01F40, 6, 1, 8},
    {0x01F51, 4, 2, 8}, {0x01F60, 8, 1, 8}, {0x01F70, 2, 1, 74}, {0x01F72, 4, 1, 86},
    {0x01F76, 2, 1, 100}, {0x01F78, 2, 1, 128}, {0x01F7A, 2, 1, 112}, {0x01F7C, 2, 1, 126},
    {0x01FB0, 2, 1, 8}, {0x01FBE, 1, 1, -7205}, {0x01FD0, 2, 1, 8}, {0x01FE0, 2, 1, 8},
    {0x01FE5, 1, 1, 7}, {0x0214E, 1, 1, -28}, {0x02170, 16, 1, -16}, {0x02184, 1, 1, -1},
    {0x024D0, 26, 1, -26}, {0x02C30, 48, 1, -48}, {0x02C61, 1, 1, -1}, {0x02C65, 1, 1, -10795},
    {0x02C66, 1, 1, -10792}, {0x02C68, 3, 2, -1}, {0x02C73, 1, 1, -1}, {0x02C76, 1, 1, -1},
    {0x02C81, 50, 2, -1}, {0x02CEC, 2, 2, -1}, {0x02CF3, 1, 1, -1}, {0x02D00, 38, 1, -7264},
    {0x02D27, 1, 1, -7264}, {0x02D2D, 1, 1, -7264}, {0x0A641, 23, 2, -1}, {0x0A681, 14, 2, -1},
    {0x0A723, 7, 2, -1}, {0x0A733, 31, 2, -1}, {0x0A77A, 2, 2, -1}, {0x0A77F, 5, 2, -1},
    {0x0A78C, 1, 1, -1}, {0x0A791, 2, 2, -1}, {0x0A794, 1, 1, 48}, {0x0A797, 10, 2, -1},
    {0x0A7B5, 8, 2, -1}, {0x0A7C8, 2, 2, -1}, {0x0A7D1, 1, 1, -1}, {0x0A7D7, 2, 2, -1},
    {0x0A7F6, 1, 1, -1}, {0x0AB53, 1, 1, -928}, {0x0AB70, 80, 1, -38864}, {0x0FF41, 26, 1, -32},
    {0x10428, 40, 1, -40}, {0x104D8, 36, 1, -40}, {0x10597, 11, 1, -39}, {0x105A3, 15, 1, -39},
    {0x105B3, 7, 1, -39}, {0x105BB, 2, 1, -39}, {0x10CC0, 51, 1, -64}, {0x118C0, 32, 1, -32},
    {0x16E60, 32, 1, -32}, {0x1E922, 34, 1, -34},
};
constexpr CaseMulti kUpperMulti[] = {
    {0x000DF, {0x0053, 0x0053}}, {0x00149, {0x02BC, 0x004E}}, {0x001F0, {0x004A, 0x030C}},
    {0x00390, {0x0399, 0x0308, 0x0301}}, {0x003B0, {0x03A5, 0x0308, 0x0301}},
    {0x00587, {0x0535, 0x0552}}, {0x01E96, {0x0048, 0x0331}}, {0x01E97, {0x0054, 0x0308}},
    {0x01E98, {0x0057, 0x030A}}, {0x01E99, {0x0059, 0x030A}}, {0x01E9A, {0x0041, 0x02BE}},
    {0x01F50, {0x03A5, 0x0313}}, {0x01F52, {0x03A5, 0x0313, 0x0300}},
    {0x01F54, {0x03A5, 0x0313, 0x0301}}, {0x01F56, {0x03A5, 0x0313, 0x0342}},
    {0x01F80, {0x1F08, 0x0399}}, {0x01F81, {0x1F09, 0x0399}}, {0x01F82, {0x1F0A, 0x0399}},
    {0x01F83, {0x1F0B, 0x0399}}, {0x01F84, {0x1F0C, 0x0399}}, {0x01F85, {0x1F0D, 0x0399}},
    {0x01F86, {0x1F0E, 0x0399}}, {0x01F87, {0x1F0F, 0x0399}}, {0x01F88, {0x1F08, 0x0399}},
    {0x01F89, {0x1F09, 0x0399}}, {0x01F8A, {0x1F0A, 0x0399}}, {0x01F8B, {0x1F0B, 0x0399}},
    {0x01F8C, {0x1F0C, 0x0399}}, {0x01F8D, {0x1F0D, 0x0399}}, {0x01F8E, {0x1F0E, 0x0399}},
    {0x01F8F, {0x1F0F, 0x0399}}, {0x01F90, {0x1F28, 0x0399}}, {0x01F91, {0x1F29, 0x0399}},
    {0x01F92, {0x1F2A, 0x0399}}, {0x01F93, {0x1F2B, 0x0399}}, {0x01F94, {0x1F2C, 0x0399}},
    {0x01F95, {0x1F2D, 0x0399}}, {0x01F96, {0x1F2E, 0x0399}}, {0x01F97, {0x1F2F, 0x0399}},
    {0x01F98, {0x1F28, 0x0399}}, {0x01F99, {0x1F29, 0x0399}}, {0x01F9A, {0x1F2A, 0x0399}},
    {0x01F9B, {0x1F2B, 0x0399}}, {0x01F9C, {0x1F2C, 0x0399}}, {0x01F9D, {0x1F2D, 0x0399}},
    {0x01F9E, {0x1F2E, 0x0399}}, {0x01F9F, {0x1F2F, 0x0399}}, {0x01FA0, {0x1F68, 0x0399}},
    {0x01FA1, {0x1F69, 0x0399}}, {0x01FA2, {0x1F6A, 0x0399}}, {0x01FA3, {0x1F6B, 0x0399}},
    {0x01FA4, {0x1F6C, 0x0399}}, {0x01FA5, {0x1F6D, 0x0399}}, {0x01FA6, {0x1F6E, 0x0399}},
    {0x01FA7, {0x1F6F, 0x0399}}, {0x01FA8, {0x1F68, 0x0399}}, {0x01FA9, {0x1F69, 0x0399}},
    {0x01FAA, {0x1F6A, 0x0399}}, {0x01FAB, {0x1F6B, 0x0399}}, {0x01FAC, {0x1F6C, 0x0399}},
    {0x01FAD, {0x1F6D, 0x0399}}, {0x01FAE, {0x1F6E, 0x0399}}, {0x01FAF, {0x1F6F, 0x0399}},
    {0x01FB2, {0x1FBA, 0x0399}}, {0x01FB3, {0x0391, 0x0399}}, {0x01FB4, {0x0386, 0x0399}},
    {0x01FB6, {0x0391, 0x0342}}, {0x01FB7, {0x0391, 0x0342, 0x0399}}, {0x01FBC, {0x0391, 0x0399}},
    {0x01FC2, {0x1FCA, 0x0399}}, {0x01FC3, {0x0397, 0x0399}}, {0x01FC4, {0x0389, 0x0399}},
    {0x01FC6, {0x0397, 0x0342}}, {0x01FC7, {0x0397, 0x0342, 0x0399}}, {0x01FCC, {0x0397, 0x0399}},
    {0x01FD2, {0x0399, 0x0308, 0x0300}}, {0x01FD3, {0x0399, 0x0308, 0x0301}},
    {0x01FD6, {0x0399, 0x0342}}, {0x01FD7, {0x0399, 0x0308, 0x0342}},
    {0x01FE2, {0x03A5, 0x0308, 0x0300}}, {0x01FE3, {0x03A5, 0x0308, 0x0301}},
    {0x01FE4, {0x03A1, 0x0313}}, {0x01FE6, {0x03A5, 0x0342}}, {0x01FE7, {0x03A5, 0x0308, 0x0342}},
    {0x01FF2, {0x1FFA, 0x0399}}, {0x01FF3, {0x03A9, 0x0399}}, {0x01FF4, {0x038F, 0x0399}},
    {0x01FF6, {0x03A9, 0x0342}}, {0x01FF7, {0x03A9, 0x0342, 0x0399}}, {0x01FFC, {0x03A9, 0x0399}},
    {0x0FB00, {0x0046, 0x0046}}, {0x0FB01, {0x0046, 0x0049}}, {0x0FB02, {0x0046, 0x004C}},
    {0x0FB03, {0x0046, 0x0046, 0x0049}}, {0x0FB04, {0x0046, 0x0046, 0x004C}},
    {0x0FB05, {0x0053, 0x0054}}, {0x0FB06, {0x0053, 0x0054}}, {0x0FB13, {0x0544, 0x0546}},
    {0x0FB14, {0x0544, 0x0535}}, {0x0FB15, {0x0544, 0x053B}}, {0x0FB16, {0x054E, 0x0546}},
    {0x0FB17, {0x0544, 0x053D}},
};

constexpr CaseRun kLowerRuns[] = {
    {0x00041, 26, 1, 32}, {0x000C0, 23, 1, 32}, {0x000D8, 7, 1, 32}, {0x00100, 24, 2, 1},
    {0x00132, 3, 2, 1}, {0x00139, 8, 2, 1}, {0x0014A, 23, 2, 1}, {0x00178, 1, 1, -121},
    {0x00179, 3, 2, 1}, {0x00181, 1, 1, 210}, {0x00182, 2, 2, 1}, {0x00186, 1, 1, 206},
    {0x00187, 1, 1, 1}, {0x00189, 2, 1, 205}, {0x0018B, 1, 1, 1}, {0x0018E, 1, 1, 79},
    {0x0018F, 1, 1, 202}, {0x00190, 1, 1, 203}, {0x00191, 1, 1, 1}, {0x00193, 1, 1, 205},
    {0x00194, 1, 1, 207}, {0x00196, 1, 1, 211}, {0x00197, 1, 1, 209}, {0x00198, 1, 1, 1},
    {0x0019C, 1, 1, 211}, {0x0019D, 1, 1, 213}, {0x0019F, 1, 1, 214}, {0x001A0, 3, 2, 1},
    {0x001A6, 1, 1, 218}, {0x001A7, 1, 1, 1}, {0x001A9, 1, 1, 218}, {0x001AC, 1, 1, 1},
    {0x001AE, 1, 1, 218}, {0x001AF, 1, 1, 1}, {0x001B1, 2, 1, 217}, {0x001B3, 2, 2, 1},
    {0x001B7, 1, 1, 219}, {0x001B8, 1, 1, 1}, {0x001BC, 1, 1, 1}, {0x001C4, 1, 1, 2},
    {0x001C5, 1, 1, 1}, {0x001C7, 1, 1, 2}, {0x001C8, 1, 1, 1}, {0x001CA, 1, 1, 2},
    {0x001CB, 9, 2, 1}, {0x001DE, 9, 2, 1}, {0x001F1, 1, 1, 2}, {0x001F2, 2, 2, 1},
    {0x001F6, 1, 1, -97}, {0x001F7, 1, 1, -56}, {0x001F8, 20, 2, 1}, {0x00220, 1, 1, -130},
    {0x00222, 9, 2, 1}, {0x0023A, 1, 1, 10795}, {0x0023B, 1, 1, 1}, {0x0023D, 1, 1, -163},
    {0x0023E, 1, 1, 10792}, {0x00241, 1, 1, 1}, {0x00243, 1, 1, -195}, {0x00244, 1, 1, 69},
    {0x00245, 1, 1, 71}, {0x00246, 5, 2, 1}, {0x00370, 2, 2, 1}, {0x00376, 1, 1, 1},
    {0x0037F, 1, 1, 116}, {0x00386, 1, 1, 38}, {0x00388, 3, 1, 37}, {0x0038C, 1, 1, 64},
    {0x0038E, 2, 1, 63}, {0x00391, 17, 1, 32}, {0x003A3, 9, 1, 32}, {0x003CF, 1, 1, 8},
    {0x003D8, 12, 2, 1}, {0x003F4, 1, 1, -60}, {0x003F7, 1, 1, 1}, {0x003F9, 1, 1, -7},
    {0x003FA, 1, 1, 1}, {0x003FD, 3, 1, -130}, {0x00400, 16, 1, 80}, {0x00410, 32, 1, 32},
    {0x00460, 17, 2, 1}, {0x0048A, 27, 2, 1}, {0x004C0, 1, 1, 15}, {0x004C1, 7, 2, 1},
    {0x004D0, 48, 2, 1}, {0x00531, 38, 1, 48}, {0x010A0, 38, 1, 7264}, {0x010C7, 1, 1, 7264},
    {0x010CD, 1, 1, 7264}, {0x013A0, 80, 1, 38864}, {0x013F0, 6, 1, 8}, {0x01C90, 43, 1, -3008},
    {0x01CBD, 3, 1, -3008}, {0x01E00, 75, 2, 1}, {0x01E9E, 1, 1, -7615}, {0x01EA0, 48, 2, 1},
    {0x01F08, 8, 1, -8}, {0x01F18, 6, 1, -8}, {0x01F28, 8, 1, -8}, {0x01F38, 8, 1, -8},
    {0x01F48, 6, 1, -8}, {0x01F59, 4, 2, -8}, {0x01F68, 8, 1, -8}, {0x01F88, 8, 1, -8},
    {0x01F98, 8, 1, -8}, {0x01FA8, 8, 1, -8}, {0x01FB8, 2, 1, -8}, {0x01FBA, 2, 1, -74},
    {0x01FBC, 1, 1, -9}, {0x01FC8, 4, 1, -86}, {0x01FCC, 1, 1, -9}, {0x01FD8, 2, 1, -8},
    {0x01FDA, 2, 1, -100}, {0x01FE8, 2, 1, -8}, {0x01FEA, 2, 1, -112}, {0x01FEC, 1, 1, -7},
    {0x01FF8, 2, 1, -128}, {0x01FFA, 2, 1, -126}, {0x01FFC, 1, 1, -9}, {0x02126, 1, 1, -7517},
    {0x0212A, 1, 1, -8383}, {0x0212B, 1, 1, -8262}, {0x02132, 1, 1, 28}, {0x02160, 16, 1, 16},
    {0x02183, 1, 1, 1}, {0x024B6, 26, 1, 26}, {0x02C00, 48, 1, 48}, {0x02C60, 1, 1, 1},
    {0x02C62, 1, 1, -10743}, {0x02C63, 1, 1, -3814}, {0x02C64, 1, 1, -10727}, {0x02C67, 3, 2, 1},
    {0x02C6D, 1, 1, -10780}, {0x02C6E, 1, 1, -10749}, {0x02C6F, 1, 1, -10783},
    {0x02C70, 1, 1, -10782}, {0x02C72, 1, 1, 1}, {0x02C75, 1, 1, 1}, {0x02C7E, 2, 1, -10815},
    {0x02C80, 50, 2, 1}, {0x02CEB, 2, 2, 1}, {0x02CF2, 1, 1, 1}, {0x0A640, 23, 2, 1},
    {0x0A680, 14, 2, 1}, {0x0A722, 7, 2, 1}, {0x0A732, 31, 2, 1}, {0x0A779, 2, 2, 1},
    {0x0A77D, 1, 1, -35332}, {0x0A77E, 5, 2, 1}, {0x0A78B, 1, 1, 1}, {0x0A78D, 1, 1, -42280},
    {0x0A790, 2, 2, 1}, {0x0A796, 10, 2, 1}, {0x0A7AA, 1, 1, -42308}, {0x0A7AB, 1, 1, -42319},
    {0x0A7AC, 1, 1, -42315}, {0x0A7AD, 1, 1, -42305}, {0x0A7AE, 1, 1, -42308},
    {0x0A7B0, 1, 1, -42258}, {0x0A7B1, 1, 1, -42282}, {0x0A7B2, 1, 1, -42261}, {0x0A7B3, 1, 1, 928},
    {0x0A7B4, 8, 2, 1}, {0x0A7C4, 1, 1, -48}, {0x0A7C5, 1, 1, -42307}, {0x0A7C6, 1, 1, -35384},
    {0x0A7C7, 2, 2, 1}, {0x0A7D0, 1, 1, 1}, {0x0A7D6, 2, 2, 1}, {0x0A7F5, 1, 1, 1},
    {0x0FF21, 26, 1, 32}, {0x10400, 40, 1, 40}, {0x104B0, 36, 1, 40}, {0x10570, 11, 1, 39},
    {0x1057C, 15, 1, 39}, {0x1058C, 7, 1, 39}, {0x10594, 2, 1, 39}, {0x10C80, 51, 1, 64},
    {0x118A0, 32, 1, 32}, {0x16E40, 32, 1, 32}, {0x1E900, 34, 1, 34},
};
constexpr CaseMulti kLowerMulti[] = {
    {0x00130, {0x0069, 0x0307}},
};

constexpr CaseRun kTitleRuns[] = {
    {0x001C4, 1, 1, 1}, {0x001C5, 1, 1, 0}, {0x001C6, 1, 1, -1}, {0x001C7, 1, 1, 1},
    {0x001C8, 1, 1, 0}, {0x001C9, 1, 1, -1}, {0x001CA, 1, 1, 1}, {0x001CB, 1, 1, 0},
    {0x001CC, 1, 1, -1}, {0x001F1, 1, 1, 1}, {0x001F2, 1, 1, 0}, {0x001F3, 1, 1, -1},
    {0x010D0, 43, 1, 0}, {0x010FD, 3, 1, 0}, {0x01F80, 8, 1, 8}, {0x01F88, 8, 1, 0},
    {0x01F90, 8, 1, 8}, {0x01F98, 8, 1, 0}, {0x01FA0, 8, 1, 8}, {0x01FA8, 8, 1, 0},
    {0x01FB3, 1, 1, 9}, {0x01FBC, 1, 1, 0}, {0x01FC3, 1, 1, 9}, {0x01FCC, 1, 1, 0},
    {0x01FF3, 1, 1, 9}, {0x01FFC, 1, 1, 0},
};
constexpr CaseMulti kTitleMulti[] = {
    {0x000DF, {0x0053, 0x0073}}, {0x00587, {0x0535, 0x0582}}, {0x01FB2, {0x1FBA, 0x0345}},
    {0x01FB4, {0x0386, 0x0345}}, {0x01FB7, {0x0391, 0x0342, 0x0345}}, {0x01FC2, {0x1FCA, 0x0345}},
    {0x01FC4, {0x0389, 0x0345}}, {0x01FC7, {0x0397, 0x0342, 0x0345}}, {0x01FF2, {0x1FFA, 0x0345}},
    {0x01FF4, {0x038F, 0x0345}}, {0x01FF7, {0x03A9, 0x0342, 0x0345}}, {0x0FB00, {0x0046, 0x0066}},
    {0x0FB01, {0x0046, 0x0069}}, {0x0FB02, {0x0046, 0x006C}}, {0x0FB03, {0x0046, 0x0066, 0x0069}},
    {0x0FB04, {0x0046, 0x0066, 0x006C}}, {0x0FB05, {0x0053, 0x0074}}, {0x0FB06, {0x0053, 0x0074}},
    {0x0FB13, {0x0544, 0x0576}}, {0x0FB14, {0x0544, 0x0565}}, {0x0FB15, {0x0544, 0x056B}},
    {0x0FB16, {0x054E, 0x0576}}, {0x0FB17, {0x0544, 0x056D}},
};

constexpr CaseRun kFoldRuns[] = {
    {0x000B5, 1, 1, 775}, {0x0017F, 1, 1, -268}, {0x00345, 1, 1, 116}, {0x003C2, 1, 1, 1},
    {0x003D0, 1, 1, -30}, {0x003D1, 1, 1, -25}, {0x003D5, 1, 1, -15}, {0x003D6, 1, 1, -22},
    {0x003F0, 1, 1, -54}, {0x003F1, 1, 1, -48}, {0x003F5, 1, 1, -64}, {0x013A0, 86, 1, 0},
    {0x013F8, 6, 1, -8}, {0x01C80, 1, 1, -6222}, {0x01C81, 1, 1, -6221}, {0x01C82, 1, 1, -6212},
    {0x01C83, 2, 1, -6210}, {0x01C85, 1, 1, -6211}, {0x01C86, 1, 1, -6204}, {0x01C87, 1, 1, -6180},
    {0x01C88, 1, 1, 35267}, {0x01E9B, 1, 1, -58}, {0x01FBE, 1, 1, -7173}, {0x0AB70, 80, 1, -38864},
};
constexpr CaseMulti kFoldMulti[] = {
    {0x000DF, {0x0073, 0x0073}}, {0x00149, {0x02BC, 0x006E}}, {0x001F0, {0x006A, 0x030C}},
    {0x00390, {0x03B9, 0x0308, 0x0301}}, {0x003B0, {0x03C5, 0x0308, 0x0301}},
    {0x00587, {0x0565, 0x0582}}, {0x01E96, {0x0068, 0x0331}}, {0x01E97, {0x0074, 0x0308}},
    {0x01E98, {0x0077, 0x030A}}, {0x01E99, {0x0079, 0x030A}}, {0x01E9A, {0x0061, 0x02BE}},
    {0x01E9E, {0x0073, 0x0073}}, {0x01F50, {0x03C5, 0x0313}}, {0x01F52, {0x03C5, 0x0313, 0x0300}},
    {0x01F54, {0x03C5, 0x0313, 0x0301}}, {0x01F56, {0x03C5, 0x0313, 0x0342}},
    {0x01F80, {0x1F00, 0x03B9}}, {0x01F81, {0x1F01, 0x03B9}}, {0x01F82, {0x1F02, 0x03B9}},
    {0x01F83, {0x1F03, 0x03B9}}, {0x01F84, {0x1F04, 0x03B9}}, {0x01F85, {0x1F05, 0x03B9}},
    {0x01F86, {0x1F06, 0x03B9}}, {0x01F87, {0x1F07, 0x03B9}}, {0x01F88, {0x1F00, 0x03B9}},
    {0x01F89, {0x1F01, 0x03B9}}, {0x01F8A, {0x1F02, 0x03B9}}, {0x01F8B, {0x1F03, 0x03B9}},
    {0x01F8C, {0x1F04, 0x03B9}}, {0x01F8D, {0x1F05, 0x03B9}}, {0x01F8E, {0x1F06, 0x03B9}},
    {0x01F8F, {0x1F07, 0x03B9}}, {0x01F90, {0x1F20, 0x03B9}}, {0x01F91, {0x1F21, 0x03B9}},
    {0x01F92, {0x1F22, 0x03B9}}, {0x01F93, {0x1F23, 0x03B9}}, {0x01F94, {0x1F24, 0x03B9}},
    {0x01F95, {0x1F25, 0x03B9}}, {0x01F96, {0x1F26, 0x03B9}}, {0x01F97, {0x1F27, 0x03B9}},
    {0x01F98, {0x1F20, 0x03B9}}, {0x01F99, {0x1F21, 0x03B9}}, {0x01F9A, {0x1F22, 0x03B9}},
    {0x01F9B, {0x1F23, 0x03B9}}, {0x01F9C, {0x1F24, 0x03B9}}, {0x01F9D, {0x1F25, 0x03B9}},
    {0x01F9E, {0x1F26, 0x03B9}}, {0x01F9F, {0x1F27, 0x03B9}}, {0x01FA0, {0x1F60, 0x03B9}},
    {0x01FA1, {0x1F61, 0x03B9}}, {0x01FA2, {0x1F62, 0x03B9}}, {0x01FA3, {0x1F63, 0x03B9}},
    {0x01FA4, {0x1F64, 0x03B9}}, {0x01FA5, {0x1F65, 0x03B9}}, {0x01FA6, {0x1F66, 0x03B9}},
    {0x01FA7, {0x1F67, 0x03B9}}, {0x01FA8, {0x1F60, 0x03B9}}, {0x01FA9, {0x1F61, 0x03B9}},
    {0x01FAA, {0x1F62, 0x03B9}}, {0x01FAB, {0x1F63, 0x03B9}}, {0x01FAC, {0x1F64, 0x03B9}},
    {0x01FAD, {0x1F65, 0x03B9}}, {0x01FAE, {0x1F66, 0x03B9}}, {0x01FAF, {0x1F67, 0x03B9}},
    {0x01FB2, {0x1F70, 0x03B9}}, {0x01FB3, {0x03B1, 0x03B9}}, {0x01FB4, {0x03AC, 0x03B9}},
    {0x01FB6, {0x03B1, 0x0342}}, {0x01FB7, {0x03B1, 0x0342, 0x03B9}}, {0x01FBC, {0x03B1, 0x03B9}},
    {0x01FC2, {0x1F74, 0x03B9}}, {0x01FC3, {0x03B7, 0x03B9}}, {0x01FC4, {0x03AE, 0x03B9}},
    {0x01FC6, {0x03B7, 0x0342}}, {0x01FC7, {0x03B7, 0x0342, 0x03B9}}, {0x01FCC, {0x03B7, 0x03B9}},
    {0x01FD2, {0x03B9, 0x0308, 0x0300}}, {0x01FD3, {0x03B9, 0x0308, 0x0301}},
    {0x01FD6, {0x03B9, 0x0342}}, {0x01FD7, {0x03B9, 0x0308, 0x0342}},
    {0x01FE2, {0x03C5, 0x0308, 0x0300}}, {0x01FE3, {0x03C5, 0x0308, 0x0301}},
    {0x01FE4, {0x03C1, 0x0313}}, {0x01FE6, {0x03C5, 0x0342}}, {0x01FE7, {0x03C5, 0x0308, 0x0342}},
    {0x01FF2, {0x1F7C, 0x03B9}}, {0x01FF3, {0x03C9, 0x03B9}}, {0x01FF4, {0x03CE, 0x03B9}},
    {0x01FF6, {0x03C9, 0x0342}}, {0x01FF7, {0x03C9, 0x0342, 0x03B9}}, {0x01FFC, {0x03C9, 0x03B9}},
    {0x0FB00, {0x0066, 0x0066}}, {0x0FB01, {0x0066, 0x0069}}, {0x0FB02, {0x0066, 0x006C}},
    {0x0FB03, {0x0066, 0x0066, 0x0069}}, {0x0FB04, {0x0066, 0x0066, 0x006C}},
    {0x0FB05, {0x0073, 0x0074}}, {0x0FB06, {0x0073, 0x0074}}, {0x0FB13, {0x0574, 0x0576}},
    {0x0FB14, {0x0574, 0x0565}}, {0x0FB15, {0x0574, 0x056B}}, {0x0FB16, {0x057E, 0x0576}},
    {0x0FB17, {0x0574, 0x056D}},
};

std::uint16_t lookupProperties(char32_t c)
{
    if (c > 0x10FFFF)
        return 0;
    const std::uint32_t key = (static_cast<std::uint32_t>(c) << 11) | 0x7FFu;
    const auto *it = std::upper_bound(std::begin(kPropertyRuns), std::end(kPropertyRuns), key);
    return kPropertyPalette[*(it - 1) & 0x7FFu];
}

std::uint16_t properties(char32_t c)
{
    // ASCII dominates scenario text; spare it the binary search.
    static const auto ascii = [] {
        std::array<std::uint16_t, 128> table{};
        for (char32_t i = 0; i < 128; ++i)
            table[i] = lookupProperties(i);
        return table;
    }();
    return c < 128 ? ascii[c] : lookupProperties(c);
}

int decimalValue(char32_t c)
{
    if (c < 0x80)
        return c >= '0' && c <= '9' ? static_cast<int>(c - '0') : -1;
    if (c > 0x10FFFF)
        return -1;
    const std::uint32_t key = (static_cast<std::uint32_t>(c) << 11) | 0x7FFu;
    const auto *it = std::upper_bound(std::begin(kPropertyRuns), std::end(kPropertyRuns), key) - 1;
    if (!(kPropertyPalette[*it & 0x7FFu] & Decimal))
        return -1;
    // Unicode allocates decimal digits in complete, contiguous 0..9 sequences, so a run of
    // them always starts at a zero (the generator checks this).
    return static_cast<int>((c - (*it >> 11)) % 10);
}

template <std::size_t N>
const CaseRun *findRun(const CaseRun (&runs)[N], char32_t c)
{
    const auto *it = std::upper_bound(std::begin(runs), std::end(runs), c,
                                      [](char32_t value, const CaseRun &run) { return value < run.first; });
    if (it == std::begin(runs))
        return nullptr;
    --it;
    const std::uint32_t offset = c - it->first;
    if (offset % it->stride != 0 || offset / it->stride >= it->count)
        return nullptr;
    return it;
}

template <std::size_t N>
const CaseMulti *findMulti(const CaseMulti (&entries)[N], char32_t c)
{
    const auto *it = std::lower_bound(std::begin(entries), std::end(entries), c,
                                      [](const CaseMulti &entry, char32_t value) { return entry.from < value; });
    return it != std::end(entries) && it->from == c ? it : nullptr;
}

// Looks c up in one mapping (a table of multi-character results and one of runs);
// returns 0 when the mapping does not mention c.
template <std::size_t R, std::size_t M>
int lookupCase(const CaseRun (&runs)[R], const CaseMulti (&multi)[M], char32_t c, char32_t *out)
{
    if (const CaseMulti *entry = findMulti(multi, c)) {
        int n = 0;
        while (n < 3 && entry->to[n] != 0) {
            out[n] = entry->to[n];
            ++n;
        }
        return n;
    }
    if (const CaseRun *run = findRun(runs, c)) {
        out[0] = static_cast<char32_t>(static_cast<std::int64_t>(c) + run->delta);
        return 1;
    }
    return 0;
}

int toUpperFull(char32_t c, char32_t *out)
{
    if (const int n = lookupCase(kUpperRuns, kUpperMulti, c, out))
        return n;
    out[0] = c;
    return 1;
}

int toLowerFull(char32_t c, char32_t *out)
{
    if (const int n = lookupCase(kLowerRuns, kLowerMulti, c, out))
        return n;
    out[0] = c;
    return 1;
}

// Title case and case folding are stored as their differences from upper and lower case.
int toTitleFull(char32_t c, char32_t *out)
{
    if (const int n = lookupCase(kTitleRuns, kTitleMulti, c, out))
        return n;
    return toUpperFull(c, out);
}

int toFoldFull(char32_t c, char32_t *out)
{
    if (const int n = lookupCase(kFoldRuns, kFoldMulti, c, out))
        return n;
    return toLowerFull(c, out);
}

} // namespace

} // namespace loopscope::script::text
