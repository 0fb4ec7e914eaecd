// A script or built-in scenario run to its end, one step at a time, for the tests that look at
// what the timeline, the figures and the exports make of its trace.
#pragma once

#include "engine.h"
#include "figure.h"
#include "scenariolibrary.h"

#include <memory>
#include <vector>

namespace loopscope {

struct ScenarioRun {
    std::unique_ptr<Engine> engine = std::make_unique<Engine>();
    FigureInput input; // the finished trace, the script and its title
    std::vector<std::size_t> traceSizeAfterStep; // [n] = the trace's size once n steps ran
    std::vector<int> iterationStarts; // 0-based steps that began a loop iteration, as the engine ran them
};

// A task created as 'first' renames itself 'renamed' in its second step (after a sleep).
inline constexpr const char *kRenamingScript = "import asyncio\n"
                                               "async def worker():\n"
                                               "    await asyncio.sleep(0.1)\n"
                                               "    asyncio.current_task().set_name('renamed')\n"
                                               "    await asyncio.sleep(0.1)\n"
                                               "async def main():\n"
                                               "    await asyncio.create_task(worker(), name='first')\n"
                                               "asyncio.run(main())\n";

// Runs `source` (named `fileName` in tracebacks) to its end.
inline ScenarioRun runScript(const std::string &source, const QString &title, const std::string &fileName = "script.py")
{
    ScenarioRun run;
    run.input.source = source;
    run.input.scriptTitle = title;
    Engine &engine = *run.engine;
    engine.load(source, fileName);
    engine.start();
    const Trace &trace = engine.trace();
    std::size_t scanned = 0;
    int stepBegins = 0;
    int iterationStart = -1; // steps begun before the current iteration, until it begins one
    run.traceSizeAfterStep.push_back(trace.size());
    for (;;) {
        if (!engine.inIteration())
            iterationStart = stepBegins;
        const bool more = engine.step();
        for (; scanned < trace.size(); ++scanned)
            stepBegins += trace.events()[scanned].kind == EventKind::StepBegin;
        if (iterationStart >= 0 && stepBegins > iterationStart) {
            run.iterationStarts.push_back(iterationStart);
            iterationStart = -1;
        }
        if (!more && int(run.traceSizeAfterStep.size()) > engine.stepCount())
            break;
        run.traceSizeAfterStep.resize(std::size_t(engine.stepCount()) + 1, trace.size());
    }
    run.traceSizeAfterStep.back() = trace.size(); // the deadlock report comes last
    run.input.trace = &trace;
    return run;
}

// Runs the built-in scenario `name` (as "NAME.py") to its end.
inline ScenarioRun runScenario(const QString &name)
{
    ScenarioInfo info;
    if (!ScenarioLibrary::find(name, &info))
        qFatal("no scenario %s", qPrintable(name));
    return runScript(info.source.toStdString(), info.title, name.toStdString() + ".py");
}

} // namespace loopscope
