// A timeline figure for slides and documents: title, subtitle, the timeline (range, lanes, axis,
// theme), legend and an optional code excerpt, drawn by the same TimelinePainter as the screen.
// The SVG, PNG and PDF exports and the Export dialog's preview all draw through this.
//
// Layout. Type and spacing grow with the page (a 1920x1080 figure looks like a 1280x720 one, only
// sharper), times the theme's size and the font scale. Rows share the height left under the
// title: they grow up to 1.6 times the screen's lane height, shrink down to a legible minimum,
// and past that the last rows give way to a "+ N more lanes" line. Long lane names elide.
//
// Range. stepFrom/stepTo (1-based, inclusive) or timeFrom/timeTo (virtual seconds) pick what the x
// axis shows, fitted to the page in either axis mode; steps after the range are not drawn. A time
// range covers the steps that ran in it (a step at the very end included).
//
// Lanes. With no `tasks`, every lane with something in the range shows: the callbacks lane of a
// run without plain callbacks, or a task that ended before the range or began after it, leave no
// empty row. `tasks` names task lanes ("Task-2", or the name= given to create_task), in any order
// (rows keep creation order). The loop's own lanes ("clock", "callbacks") are context: they stay
// (when not empty) unless the list names one of them, then only the lanes named show.
#pragma once

#include "exportoptions.h"
#include "paintgroups.h"
#include "timelinelayout.h"
#include "timelinepainter.h"

#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <string>
#include <vector>

class QPainter;

namespace loopscope {

class Trace;

// What a figure shows: a finished (or stopped) run.
struct FigureInput {
    const Trace *trace = nullptr;
    std::string source; // the script (for lane names and the code excerpt)
    QString scriptTitle; // the scenario's title or the file's name: the default figure title
};

// Why `options` ask for what the run does not have, in one line that says what to do ("--tasks:
// no task named 'Task-9' in this run; its tasks are ..."); empty when they fit. Lanes answer to
// a task's name (now or when created), and "clock" and "callbacks" name the loop's own lanes.
// The command line and the Export dialog both check options with this.
QString runProblem(const TimelineLayout &layout, const ExportOptions &options);

class Figure {
public:
    Figure(const FigureInput &input, const ExportOptions &options);

    // runProblem() for this figure's run, and a build with no page to make.
    QString problem() const;

    // The page size in device-independent pixels (options.size).
    QSizeF size() const;
    // The title drawn at the top: options.title, else the script's title.
    QString title() const { return m_options.title.isEmpty() ? m_input.scriptTitle : m_options.title; }
    const TimelineLayout &layout() const { return m_layout; }
    const ExportOptions &options() const { return m_options; }
    // Steps in the trace (the last 1-based step number).
    int stepCount() const { return m_layout.stepCount(); }
    // The range as 0-based step indices, both included (last < first: no step in it).
    int firstStep() const { return m_first; }
    int lastStep() const { return m_last; }
    // The lanes drawn, top to bottom (full lane names), and how many more did not fit the page.
    QStringList shownLanes() const;
    int moreLanes() const;

    // One page of a PDF build: the timeline up to `cutStep` steps, steps [first, first + count)
    // highlighted, and a caption saying what they did.
    struct Page {
        int cutStep = 0;
        int first = 0, count = 1; // 0-based
        QString caption; // "Step 7 · 1.000 s · Task-2 resumes after asyncio.sleep(1) and finishes"
    };
    // The pages of a build: one per step of the range, or one per loop iteration that ran in it.
    std::vector<Page> buildPages(BuildUnit unit) const;
    // The 0-based steps that began a loop iteration (as Engine::runIteration counts them), read
    // from the trace: an iteration runs the handles that were ready when it began, so a step whose
    // handle was scheduled during the current iteration begins the next one; a clock advance
    // begins one, and the timers it made due belong to it; asyncio.run restarting the loop (its
    // shutdown steps) begins one. A task's handle is scheduled where it was created, woken or
    // yielded; a done-callback where the latest task ended (the trace names its future only).
    std::vector<int> iterationStarts() const;
    // What step `index` (0-based) did, in words, without the "Step N ·" lead.
    QString stepCaption(int index) const;

    // Draws the whole figure, showing steps up to `cutStep` (1-based count; kOpen = all) with
    // `highlightStep` (0-based, -1 = none) marked as current: a PDF build page.
    // `groups` (an SVG writer) hears where each lane's drawing begins and ends.
    void paint(QPainter &p, int cutStep = TimelineLayout::kOpen, int highlightStep = -1,
        PaintGroups *groups = nullptr) const;
    // A build page, `number` of `total` (1-based), with its caption in the footer.
    void paintPage(QPainter &p, const Page &page, int number, int total) const;

private:
    struct Frame; // where things go on the page
    Frame frame(bool footer) const;
    void paintFrame(QPainter &p, const Frame &f, int cutStep, int highlightFirst, int highlightCount,
        PaintGroups *groups) const;
    void paintHeader(QPainter &p, const Frame &f) const;
    struct CodeView {
        QStringList lines; // the whole script
        int from = 0, to = -1; // the lines shown (0-based, inclusive)
        qreal px = 12, lineHeight = 17, inset = 10, height = 0;
    };
    CodeView codeView(const QRectF &r) const;
    void paintCode(QPainter &p, const QRectF &r, const CodeView &code, int currentLine) const;
    void paintFooter(QPainter &p, const QRectF &r, const QString &caption, int number, int total) const;
    void chooseRange();
    void chooseLanes();
    bool laneHasItems(int lane) const;
    int rangeCut() const;

    FigureInput m_input;
    ExportOptions m_options;
    TimelineLayout m_layout;
    TimelineTheme m_theme;
    qreal m_k = 1; // page scale: type and spacing grow with the page
    int m_first = 0, m_last = -1; // the range's steps (0-based, inclusive)
    double m_x0 = 0, m_x1 = 1; // the range on the x axis (options.axis units)
    std::vector<int> m_rows; // lane -> row (-1 = hidden), before the page's fit
    std::vector<int> m_codeLines; // script lines that ran in the range (1-based, sorted)
};

} // namespace loopscope
