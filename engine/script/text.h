// Text for the scenario interpreter: turning numbers and strings into text exactly as
// CPython 3.12 does, and Python's str methods on UTF-8 std::string.
//
// Everything here is a pure function on UTF-8 text and plain numbers; the library knows
// nothing of the interpreter's value types and does not use Qt. Indices and lengths are
// in code points, like Python's. Inputs are expected to be valid UTF-8; a malformed byte
// counts as one code point (decoded as U+FFFD) so that nothing ever reads out of bounds,
// and lone surrogates (which Python strings may hold, e.g. from chr(0xd800)) are stored
// in their three-byte form and round-trip through decode()/encode().
//
// Errors that CPython raises from the same operation are thrown as FormatError carrying
// the Python exception class name and CPython's message, for the interpreter to re-raise.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loopscope::script::text {

struct FormatError {
    std::string type; // Python exception class: "ValueError", "OverflowError", "TypeError", ...
    std::string message; // CPython's exact message
};

// ---- Numbers to text -------------------------------------------------------------

// repr(float) and str(float): shortest round-trip digits, '1e+16', '1.0', 'inf', 'nan'.
std::string floatRepr(double value);
// str(int).
std::string intToString(std::int64_t value);
// bin(), oct() and hex(): base 2, 8 or 16 with the '0b'/'0o'/'0x' prefix ('-0x1f').
std::string intToBase(std::int64_t value, int base);

// ---- The format-spec mini-language: format(x, spec), f'{x:spec}', str.format -------

std::string formatInt(std::int64_t value, std::string_view spec);
std::string formatFloat(double value, std::string_view spec);
std::string formatString(std::string_view value, std::string_view spec);
// bool is an int subclass: an empty spec gives 'True'/'False', any other formats 0/1.
std::string formatBool(bool value, std::string_view spec);
// object.__format__ for every other type: `str` (the object's str()) when the spec is
// empty, else CPython's TypeError naming `typeName`.
std::string formatObject(std::string_view str, std::string_view spec, std::string_view typeName);

// ---- printf-style '%' conversions of numbers (the interpreter parses the template) ---

struct PercentSpec {
    bool leftAdjust = false; // '-'
    bool plusSign = false; // '+'
    bool spaceSign = false; // ' '
    bool alternate = false; // '#'
    bool zeroPad = false; // '0'
    std::int64_t width = -1;
    std::int64_t precision = -1;
};
// Conversions d i u o x X c, and e E f F g G (the int converted to float).
std::string percentFormatInt(std::int64_t value, char conversion, const PercentSpec &spec);
// Conversions e E f F g G.
std::string percentFormatFloat(double value, char conversion, const PercentSpec &spec);
// %s, %r and %a once the caller has made the str()/repr()/ascii(): precision truncates.
std::string percentFormatString(std::string_view value, const PercentSpec &spec);

// ---- Text to numbers --------------------------------------------------------------

// int(text, base): base 0 (prefix detection) or 2..36. Returns nullopt for invalid text;
// for valid text whose value does not fit in int64 it returns nullopt and sets
// `overflow` (which is otherwise cleared). Throws FormatError for an invalid base.
std::optional<std::int64_t> parseInt(std::string_view text, int base, bool &overflow);
// float(text): whitespace, signs, underscores between digits, inf/infinity/nan.
std::optional<double> parseFloat(std::string_view text);
// CPython's ValueError messages for the two failures above.
std::string invalidIntLiteralMessage(std::string_view text, int base);
std::string invalidFloatMessage(std::string_view text);

// ---- repr -------------------------------------------------------------------------

// repr(str): CPython's quote choice and escapes.
std::string stringRepr(std::string_view s);
// ascii(str): repr with every non-ASCII code point escaped.
std::string asciiRepr(std::string_view s);

// ---- UTF-8 ------------------------------------------------------------------------

std::size_t codepointCount(std::string_view s);
std::u32string decode(std::string_view s);
std::string encode(std::u32string_view codepoints);
std::string encode(char32_t codepoint);
bool isAscii(std::string_view s);
// The code points of s, each as its own string: iteration and list(s).
std::vector<std::string> characters(std::string_view s);
// s[start:stop:step] with indices already normalised by the caller (PySlice_AdjustIndices):
// step != 0, and start/stop in code points within [-1, len].
std::string slice(std::string_view s, std::int64_t start, std::int64_t stop, std::int64_t step);
// s[index] with 0 <= index < len(s).
std::string charAt(std::string_view s, std::int64_t index);
// ord() of the code point at the start of s (which should hold exactly one).
char32_t firstCodepoint(std::string_view s);

// ---- str methods ------------------------------------------------------------------
// Optional start/end arguments take Python's raw values (negative counts from the end,
// out-of-range values are clamped); an absent one means None.

using Index = std::optional<std::int64_t>;

// Throw FormatError ValueError "empty separator" for an empty sep.
std::vector<std::string> split(std::string_view s, std::int64_t maxsplit = -1); // sep=None
std::vector<std::string> split(std::string_view s, std::string_view sep, std::int64_t maxsplit = -1);
std::vector<std::string> rsplit(std::string_view s, std::int64_t maxsplit = -1);
std::vector<std::string> rsplit(std::string_view s, std::string_view sep, std::int64_t maxsplit = -1);
std::vector<std::string> splitlines(std::string_view s, bool keepends = false);
std::array<std::string, 3> partition(std::string_view s, std::string_view sep);
std::array<std::string, 3> rpartition(std::string_view s, std::string_view sep);

// chars = nullopt strips whitespace.
std::string strip(std::string_view s, std::optional<std::string_view> chars = std::nullopt);
std::string lstrip(std::string_view s, std::optional<std::string_view> chars = std::nullopt);
std::string rstrip(std::string_view s, std::optional<std::string_view> chars = std::nullopt);
std::string removeprefix(std::string_view s, std::string_view prefix);
std::string removesuffix(std::string_view s, std::string_view suffix);

std::string upper(std::string_view s);
std::string lower(std::string_view s);
std::string capitalize(std::string_view s);
std::string title(std::string_view s);
std::string swapcase(std::string_view s);
std::string casefold(std::string_view s);

bool startsWith(std::string_view s, std::string_view prefix, Index start = {}, Index end = {});
bool endsWith(std::string_view s, std::string_view suffix, Index start = {}, Index end = {});
// Code point index of the match, or -1 (index()/rindex() raise on -1 in the caller).
std::int64_t find(std::string_view s, std::string_view sub, Index start = {}, Index end = {});
std::int64_t rfind(std::string_view s, std::string_view sub, Index start = {}, Index end = {});
std::int64_t count(std::string_view s, std::string_view sub, Index start = {}, Index end = {});
std::string replace(std::string_view s, std::string_view old, std::string_view replacement, std::int64_t count = -1);

// The fill is a single code point (the caller checks "must be exactly one character long").
std::string center(std::string_view s, std::int64_t width, char32_t fill = U' ');
std::string ljust(std::string_view s, std::int64_t width, char32_t fill = U' ');
std::string rjust(std::string_view s, std::int64_t width, char32_t fill = U' ');
std::string zfill(std::string_view s, std::int64_t width);
std::string expandtabs(std::string_view s, std::int64_t tabsize = 8);

bool isdigit(std::string_view s);
bool isdecimal(std::string_view s);
bool isnumeric(std::string_view s);
bool isalpha(std::string_view s);
bool isalnum(std::string_view s);
bool isspace(std::string_view s);
bool isupper(std::string_view s);
bool islower(std::string_view s);
bool istitle(std::string_view s);
bool isidentifier(std::string_view s);
bool isprintable(std::string_view s);

} // namespace loopscope::script::text
