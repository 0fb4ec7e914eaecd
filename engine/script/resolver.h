// Scope resolution for a parsed module (see resolver.cpp).
#pragma once

#include "script/ast.h"

namespace loopscope::script {

// Resolves every name to a local slot, a cell, a free variable or a global, and sets hasCall.
// Throws SyntaxError (parser.h) for constructs the interpreter does not run yet.
void resolveModule(Module &module);

} // namespace loopscope::script
