// "Did you mean" hints for NameError and AttributeError, as CPython's traceback module computes
// them (Lib/traceback.py, _compute_suggestion_error and _levenshtein_distance): the closest
// candidate within a third of the characters, ties going to the first candidate.
#include "script/suggestions.h"

#include <algorithm>
#include <climits>
#include <unordered_set>

namespace loopscope::script {

namespace {

constexpr std::size_t kMaxCandidateItems = 750;
constexpr std::size_t kMaxStringSize = 40;
constexpr int kMoveCost = 2;
constexpr int kCaseCost = 1;

int substitutionCost(char a, char b)
{
    if (a == b)
        return 0;
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return lower(a) == lower(b) ? kCaseCost : kMoveCost;
}

int levenshtein(std::string_view a, std::string_view b, int maxCost)
{
    if (a == b)
        return 0;
    // Trim away common affixes.
    std::size_t pre = 0;
    while (pre < a.size() && pre < b.size() && a[pre] == b[pre])
        ++pre;
    a.remove_prefix(pre);
    b.remove_prefix(pre);
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.empty() || b.empty())
        return kMoveCost * int(a.size() + b.size());
    if (a.size() > kMaxStringSize || b.size() > kMaxStringSize)
        return maxCost + 1;
    if (b.size() < a.size())
        std::swap(a, b);
    if (int(b.size() - a.size()) * kMoveCost > maxCost)
        return maxCost + 1;
    std::vector<int> row(a.size());
    for (std::size_t i = 0; i < a.size(); ++i)
        row[i] = int(i + 1) * kMoveCost;
    int result = 0;
    for (std::size_t bi = 0; bi < b.size(); ++bi) {
        int distance = result = int(bi) * kMoveCost;
        int minimum = INT_MAX;
        for (std::size_t i = 0; i < a.size(); ++i) {
            const int substitute = distance + substitutionCost(b[bi], a[i]);
            distance = row[i];
            const int insertDelete = std::min(result, distance) + kMoveCost;
            result = std::min(insertDelete, substitute);
            row[i] = result;
            minimum = std::min(minimum, result);
        }
        if (minimum > maxCost)
            return maxCost + 1;
    }
    return result;
}

} // namespace

std::string closestName(const std::string &wrong, const std::vector<std::string> &candidates)
{
    if (candidates.size() > kMaxCandidateItems || wrong.size() > kMaxStringSize)
        return {};
    int best = int(wrong.size());
    std::string suggestion;
    for (const auto &name : candidates) {
        if (name == wrong)
            continue;
        int maxDistance = (int(name.size() + wrong.size()) + 3) * kMoveCost / 6;
        maxDistance = std::min(maxDistance, best - 1);
        const int d = levenshtein(wrong, name, maxDistance);
        if (d > maxDistance)
            continue;
        if (suggestion.empty() || d < best) {
            suggestion = name;
            best = d;
        }
    }
    return suggestion;
}

bool isStdlibModuleName(const std::string &name)
{
    // sys.stdlib_module_names of CPython 3.12, without the private ones.
    static const std::unordered_set<std::string> names = {"abc", "aifc", "antigravity", "argparse", "array", "ast",
        "asyncio", "atexit", "audioop", "base64", "bdb", "binascii", "bisect", "builtins", "bz2", "cProfile",
        "calendar", "cgi", "cgitb", "chunk", "cmath", "cmd", "code", "codecs", "codeop", "collections", "colorsys",
        "compileall", "concurrent", "configparser", "contextlib", "contextvars", "copy", "copyreg", "crypt", "csv",
        "ctypes", "curses", "dataclasses", "datetime", "dbm", "decimal", "difflib", "dis", "doctest", "email",
        "encodings", "ensurepip", "enum", "errno", "faulthandler", "fcntl", "filecmp", "fileinput", "fnmatch",
        "fractions", "ftplib", "functools", "gc", "genericpath", "getopt", "getpass", "gettext", "glob", "graphlib",
        "grp", "gzip", "hashlib", "heapq", "hmac", "html", "http", "idlelib", "imaplib", "imghdr", "importlib",
        "inspect", "io", "ipaddress", "itertools", "json", "keyword", "lib2to3", "linecache", "locale", "logging",
        "lzma", "mailbox", "mailcap", "marshal", "math", "mimetypes", "mmap", "modulefinder", "msilib", "msvcrt",
        "multiprocessing", "netrc", "nis", "nntplib", "nt", "ntpath", "nturl2path", "numbers", "opcode", "operator",
        "optparse", "os", "ossaudiodev", "pathlib", "pdb", "pickle", "pickletools", "pipes", "pkgutil", "platform",
        "plistlib", "poplib", "posix", "posixpath", "pprint", "profile", "pstats", "pty", "pwd", "py_compile", "pyclbr",
        "pydoc", "pydoc_data", "pyexpat", "queue", "quopri", "random", "re", "readline", "reprlib", "resource",
        "rlcompleter", "runpy", "sched", "secrets", "select", "selectors", "shelve", "shlex", "shutil", "signal",
        "site", "smtplib", "sndhdr", "socket", "socketserver", "spwd", "sqlite3", "sre_compile", "sre_constants",
        "sre_parse", "ssl", "stat", "statistics", "string", "stringprep", "struct", "subprocess", "sunau", "symtable",
        "sys", "sysconfig", "syslog", "tabnanny", "tarfile", "telnetlib", "tempfile", "termios", "textwrap", "this",
        "threading", "time", "timeit", "tkinter", "token", "tokenize", "tomllib", "trace", "traceback", "tracemalloc",
        "tty", "turtle", "turtledemo", "types", "typing", "unicodedata", "unittest", "urllib", "uu", "uuid", "venv",
        "warnings", "wave", "weakref", "webbrowser", "winreg", "winsound", "wsgiref", "xdrlib", "xml", "xmlrpc",
        "zipapp", "zipfile", "zipimport", "zlib", "zoneinfo"};
    return names.count(name) != 0;
}

} // namespace loopscope::script
