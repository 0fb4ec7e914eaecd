// The Python side of set and frozenset: operators, iteration, repr and methods, each following
// the code path of CPython's setobject.c so results come out in CPython's slot order.
#pragma once

#include "script/interpreter.h"

#include <optional>

namespace loopscope::script::setops {

// The hash of a set element, raising "unhashable type: 'list'" for unhashable values. A set used
// as a key hashes as the equal frozenset (as CPython's set_contains does).
std::int64_t hashOf(Interpreter &in, const Value &key);
// `a op b` for |, &, -, ^ when both are sets; nullopt for any other operands.
std::optional<Value> binary(Interpreter &in, BinaryOp op, const Value &a, const Value &b);
// `a op= b` on a mutable set (changes it in place); nullopt for any other operands.
std::optional<Value> inplace(Interpreter &in, BinaryOp op, const Value &a, const Value &b);
// `a == b` when one side is d.keys() or d.items() and the other a set or such a view: set equality.
std::optional<bool> viewEquals(Interpreter &in, const Value &a, const Value &b);
// <, <=, >, >= between sets (subset and superset tests); nullopt unless both are sets.
std::optional<bool> compare(CompareOp op, const Value &a, const Value &b);
Value iterate(Interpreter &in, const Value &set);
std::string repr(Interpreter &in, const Value &set);
// A set comprehension's result: items added in order.
Value fromItems(Interpreter &in, const std::vector<Value> &items);
// A set display `{a, b, c}`; `items` holds one value per element, the iterable itself for a
// starred element. CPython compiles a display of three or more constants as a frozenset constant
// merged into an empty set, and `*x` as set.update(x): both lay the table out differently.
Value fromDisplay(Interpreter &in, const Expr &display, const std::vector<Value> &items);
// Whether CPython 3.12 has interned this short lowercase word by the time the conformance harness
// compiles a script (generated: interned_words.cpp).
bool internedByCPython(std::string_view word);
// Methods of set and frozenset and their constructors.
void install();

} // namespace loopscope::script::setops
