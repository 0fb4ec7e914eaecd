// The parser of the scenario language: Python 3.12 source in, syntax tree (ast.h) out.
//
// Besides building the tree it does the checks CPython's compiler does before running
// anything ('return' outside function, 'await' outside async function...), fills the
// hasAwait flags, FunctionDef::isGenerator and the docstrings. Names are left unresolved.
#pragma once

#include "engine/script/ast.h"

#include <memory>
#include <string>
#include <string_view>

namespace loopscope::script {

struct SyntaxError { // thrown by parseModule
    std::string type = "SyntaxError"; // or "IndentationError" / "TabError"
    std::string message; // CPython's wording where practical
    std::string fileName;
    int line = 0, column = 0; // 1-based; column points at the offending token
    std::string lineText; // the source line, without newline

    // CPython-style, without a final newline:
    //   File "x.py", line 3
    //     if x
    //         ^
    // SyntaxError: expected ':'
    std::string format() const;
};

std::unique_ptr<Module> parseModule(std::string_view source, const std::string &fileName);

} // namespace loopscope::script
