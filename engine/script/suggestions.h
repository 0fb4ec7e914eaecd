// "Did you mean" hints for NameError and AttributeError, as CPython 3.12 prints them.
#pragma once

#include <string>
#include <vector>

namespace loopscope::script {

// The candidate CPython would suggest for a misspelt name, or "" when none is close enough.
std::string closestName(const std::string &wrong, const std::vector<std::string> &candidates);
// Whether `name` is a standard library module ("Did you forget to import 'asyncio'?").
bool isStdlibModuleName(const std::string &name);

} // namespace loopscope::script
