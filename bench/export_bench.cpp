// How long does an export take? Synthesises a 1,000-task, 100,000-event trace and exports it to
// every format through exportRun(), as `loopscope export` does: SVG, PNG at 1x and 2x, a one-page
// PDF, a 50-page PDF build, Perfetto JSON, the conformance trace and the event log. Prints the wall
// time and file size of each against the targets (under 2 s each; the SVG under 5 MB, which the
// painter's per-pixel merging bounds). It prints figures; it is not a test.
//   bench_export [DIR]   keeps the files in DIR to look at (default: a temporary folder)
#include "exporter.h"
#include "synthetictrace.h"

#include <QGuiApplication>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>

using namespace loopscope;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kSecondsTarget = 2.0;
constexpr qint64 kSvgBytesTarget = 5 * 1024 * 1024;

struct Case {
    const char *what;
    const char *file;
    QStringList options; // name=value, as on the command line
};

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QTemporaryDir temporary;
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : temporary.path();

    Trace trace;
    synthesizeTrace(trace, 1000, 100000, 1);
    TimelineLayout layout(&trace);
    layout.update();
    const int steps = layout.stepCount();
    std::printf("synthetic trace: %zu events, 1000 tasks, %d steps; files in %s\n\n", trace.size(), steps,
        qPrintable(dir));
    const FigureInput input {&trace, {}, QStringLiteral("1,000 tasks, 100,000 events")};

    // A build of 50 pages: 50 steps from the middle of the run.
    const QString middle = QStringLiteral("steps=%1:%2").arg(steps / 2).arg(steps / 2 + 49);
    const Case cases[] = {
        {"svg", "bench.svg", {QStringLiteral("format=svg")}},
        {"png 1x", "bench-1x.png", {QStringLiteral("format=png")}},
        {"png 2x", "bench-2x.png", {QStringLiteral("format=png"), QStringLiteral("scale=2")}},
        {"pdf, one page", "bench.pdf", {QStringLiteral("format=pdf")}},
        {"pdf build, 50 steps", "bench-build.pdf", {QStringLiteral("format=pdf"), QStringLiteral("build=step"), middle}},
        {"perfetto", "bench.perfetto.json", {QStringLiteral("format=perfetto")}},
        {"conformance trace", "bench.trace", {QStringLiteral("format=trace")}},
        {"event log json", "bench.json", {QStringLiteral("format=json")}},
    };
    std::printf("%-22s %10s %18s  %s\n", "format", "seconds", "size", "target");
    int missed = 0;
    for (const Case &c : cases) {
        ExportOptions options;
        options.out = dir + QLatin1Char('/') + QLatin1String(c.file);
        QString error;
        for (const QString &option : c.options)
            setExportOption(&options, option.section(QLatin1Char('='), 0, 0), option.section(QLatin1Char('='), 1), &error);
        ExportReport report;
        const auto t0 = Clock::now();
        const bool ok = exportRun(input, options, &report, &error);
        const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
        if (!ok) {
            std::printf("%-22s %10.3f %18s  failed: %s\n", c.what, seconds, "-", qPrintable(error));
            ++missed;
            continue;
        }
        const bool svg = options.format == ExportFormat::Svg;
        const bool met = seconds < kSecondsTarget && (!svg || report.bytes < kSvgBytesTarget);
        missed += met ? 0 : 1;
        const QString size = report.pages > 1 ? QStringLiteral("%1 KB, %2 pages").arg(report.bytes / 1024).arg(report.pages)
                                              : QStringLiteral("%1 KB").arg(report.bytes / 1024);
        std::printf("%-22s %10.3f %18s  %s (< %.0f s%s)\n", c.what, seconds, qPrintable(size), met ? "ok" : "MISSED",
            kSecondsTarget, svg ? ", < 5 MB" : "");
    }
    std::printf("\n%d of %zu exports missed their target\n", missed, std::size(cases));
    return 0;
}
