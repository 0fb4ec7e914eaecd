// ExceptionGroup and BaseExceptionGroup (PEP 654), and the `except*` statement's bookkeeping.
#pragma once

#include "script/interpreter.h"

namespace loopscope::script {

bool isExceptionGroup(const Value &v);
// The group's exceptions, in order.
std::vector<Value> groupExceptions(Interpreter &in, const Value &group);
// str(group): "message (2 sub-exceptions)".
std::string groupMessage(Interpreter &in, const Value &group);
// BaseExceptionGroup(message, exceptions) with CPython's constructor rules: `cls` becomes
// ExceptionGroup when it is BaseExceptionGroup and every exception is an Exception.
Value makeExceptionGroup(Interpreter &in, ClassObject *cls, const Value &message, const Value &exceptions);
Value makeExceptionGroup(Interpreter &in, const std::string &message, std::vector<Value> exceptions, bool asTuple);
// Constructors, `message`, `exceptions`, derive, split and subgroup.
void installExceptionGroupMethods(ClassObject *base, ClassObject *group);
// The whole traceback report, with groups drawn in CPython 3.12's box art.
std::string formatExceptionTree(Interpreter &in, const Value &exception);

// One `try: ... except* T as g: ...` statement: each handler takes the part of what is left that
// it matches; afterwards result() is what the statement raises (None: everything was handled).
class ExceptStar {
public:
    ExceptStar(Interpreter &in, Value caught);
    // The matched part (a group) or None when this handler is skipped. Raises TypeError for
    // ExceptionGroup types.
    Value match(const Value &type);
    // An exception a handler body raised (a bare `raise` re-raises the matched group).
    void handlerRaised(Value e);
    bool everythingMatched() const { return m_rest.isNone(); }
    Value result();

private:
    Interpreter &m_in;
    Value m_orig;
    Value m_rest;
    std::vector<Value> m_matches;
    std::vector<Value> m_raised;
};

} // namespace loopscope::script
