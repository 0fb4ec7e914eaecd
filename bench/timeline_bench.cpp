// How smooth is the timeline? Synthesises a 1,000-task, 100,000-event trace, builds its layout
// (whole and step by step) and renders it offscreen at 1920x1080: full view and zoomed in, both
// axes. Prints the median milliseconds per frame (target: at most 16 ms).
#include "synthetictrace.h"
#include "timelinelayout.h"
#include "timelinepainter.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <vector>

using namespace loopscope;
using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

// Median and worst milliseconds per frame over `frames` renders.
void renderFrames(
    const char *what, const TimelineLayout &layout, const TimelineTheme &theme, TimelineViewport v, int frames = 31)
{
    TimelinePainter painter(layout, theme);
    QImage image(v.size.toSize(), QImage::Format_ARGB32_Premultiplied);
    std::vector<double> times, cpu;
    for (int i = 0; i < frames; ++i) {
        const auto t0 = Clock::now();
        const std::clock_t c0 = std::clock();
        QPainter p(&image);
        p.setRenderHint(QPainter::TextAntialiasing);
        painter.paint(p, v);
        p.end();
        times.push_back(ms(t0, Clock::now()));
        cpu.push_back(double(std::clock() - c0) * 1000.0 / CLOCKS_PER_SEC);
    }
    // LOOPSCOPE_BENCH_PNG=DIR keeps the last frame of each view, to look at.
    if (const QString dir = qEnvironmentVariable("LOOPSCOPE_BENCH_PNG"); !dir.isEmpty())
        image.save(dir + QLatin1Char('/') + QString::fromLatin1(what).replace(QLatin1Char(' '), QLatin1Char('_'))
                       .remove(QLatin1Char(',')).remove(QLatin1Char('\'')).remove(QLatin1Char('(')).remove(QLatin1Char(')'))
            + QStringLiteral(".png"));
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    VisibleItems items;
    layout.query(painter.window(v), items);
    // Wall time suffers when other jobs share the cores; CPU time is what the frame itself costs.
    std::printf("%-42s %6.2f ms/frame median (%5.2f ms CPU) %6.2f ms worst  (%zu segments, %zu markers, %zu arrows)\n",
        what, times[times.size() / 2], cpu[cpu.size() / 2], times.back(), items.segments.size(), items.markers.size(),
        items.arrows.size());
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const int tasks = 1000;
    const std::size_t events = 100000;

    Trace trace;
    auto t0 = Clock::now();
    synthesizeTrace(trace, tasks, events, 1);
    auto t1 = Clock::now();
    std::printf("synthetic trace: %zu events, %d tasks (%.1f ms to make)\n", trace.size(), tasks, ms(t0, t1));

    t0 = Clock::now();
    TimelineLayout layout(&trace);
    t1 = Clock::now();
    std::printf("layout build:    %7.2f ms  (%d lanes, %d steps, %zu arrows)\n", ms(t0, t1), int(layout.lanes().size()),
        layout.stepCount(), layout.arrows().size());

    // As the window feeds it: a few events at a time, extended, never rebuilt.
    Trace growing;
    TimelineLayout live(&growing);
    double worst = 0;
    t0 = Clock::now();
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const auto &e = trace[i];
        growing.append(e.kind, e.time, e.subject, e.other, trace.text(e.text), e.line, e.aux);
        if (e.kind == EventKind::StepEnd) {
            const auto s0 = Clock::now();
            live.update();
            worst = std::max(worst, ms(s0, Clock::now()));
        }
    }
    live.update();
    t1 = Clock::now();
    std::printf("layout per step: %7.4f ms average, %.3f ms worst (incremental, %d steps)\n",
        ms(t0, t1) / std::max(1, live.stepCount()), worst, live.stepCount());

    const TimelineTheme light = TimelineTheme::light();
    TimelinePainter painter(layout, light);
    TimelineViewport v;
    v.size = QSizeF(1920, 1080);

    painter.fitAll(v);
    renderFrames("steps, full view (all 1000 lanes' run)", layout, light, v);
    v.laneScroll = 480 * painter.laneHeight(); // the middle of the task list
    renderFrames("steps, full view, scrolled to lane 480", layout, light, v);

    TimelineViewport zoomed = v;
    zoomed.unitsPerPixel = 60.0 / painter.plotRect(v.size).width(); // 60 steps across
    zoomed.x0 = layout.stepCount() / 2.0;
    renderFrames("steps, zoomed in (60 steps)", layout, light, zoomed);
    zoomed.unitsPerPixel = 600.0 / painter.plotRect(v.size).width();
    renderFrames("steps, zoomed in (600 steps)", layout, light, zoomed);

    TimelineViewport time = v;
    time.mode = AxisMode::Time;
    painter.fitAll(time);
    renderFrames("time, full view", layout, light, time);
    time.unitsPerPixel = 0.05 / painter.plotRect(v.size).width(); // 50 ms across
    time.x0 = layout.cursorX(AxisMode::Time, layout.stepCount()) / 2;
    renderFrames("time, zoomed in (50 ms)", layout, light, time);

    TimelineViewport cut = v;
    cut.cutStep = layout.stepCount() / 2;
    renderFrames("steps, full view, cut at the middle step", layout, TimelineTheme::dark(), cut);
    return 0;
}
