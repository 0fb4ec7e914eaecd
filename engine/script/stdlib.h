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
Ref<ModuleObject> makeTimeModule(Interpreter &in);
Ref<ModuleObject> makeDatetimeModule(Interpreter &in);

// time.strftime / datetime.strftime of a moment in microseconds since the epoch, in UTC (the
// C locale's names and formats).
std::string strftimeUtc(const std::string &format, std::int64_t microseconds);

// Shared by the module files: registers a native function `module.name` in the module.
void addFunction(ModuleObject &mod, const std::string &name, NativeFunction fn);
// A process-wide, immortal class of a module (deque, itertools.count, aiohttp.ClientSession...),
// tracked by no heap. It is an exception class when its base is one.
ClassObject *newBuiltinClass(const char *name, ClassObject *base, const char *module = "builtins");

} // namespace loopscope::script
