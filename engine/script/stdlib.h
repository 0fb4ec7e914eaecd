// The standard-library modules scripts may import besides asyncio and time, one file each
// (module_NAME.cpp). Each follows CPython 3.12's algorithm so results print identically.
#pragma once

#include "script/interpreter.h"

namespace loopscope::script {

Ref<ModuleObject> makeRandomModule(Interpreter &in);
Ref<ModuleObject> makeMathModule(Interpreter &in);
Ref<ModuleObject> makeItertoolsModule(Interpreter &in);
Ref<ModuleObject> makeCollectionsModule(Interpreter &in);
Ref<ModuleObject> makeFunctoolsModule(Interpreter &in);
Ref<ModuleObject> makeAiohttpModule(Interpreter &in);

// Shared by the module files: registers a native function `module.name` in the module.
void addFunction(ModuleObject &mod, const std::string &name, NativeFunction fn);

} // namespace loopscope::script
