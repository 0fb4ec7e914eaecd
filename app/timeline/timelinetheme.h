// Colours and type for the timeline: one struct per look, shared by the screen and the exports.
#pragma once

#include <QColor>
#include <QString>

namespace loopscope {

struct TimelineTheme {
    enum class Kind { Light, Dark, Slides };
    Kind kind = Kind::Light;

    QColor background, laneAlt, nameBackground, grid, text, textDim;
    QColor running, ready, waiting, waitingText, blocked;
    QColor clockStep, callbackStep; // steps in the clock and callbacks lanes
    QColor done, cancelled, raised, deadlock, print, arrow, cursor, selection;
    QString fontFamily;
    qreal fontPx = 12; // base text size at font scale 1
    qreal lineWidth = 1; // strokes (arrows, cursor); thicker for slides

    static TimelineTheme light();
    static TimelineTheme dark();
    // Large type and strong contrast, readable from the back of a room.
    static TimelineTheme slides();
    static TimelineTheme forKind(Kind kind);
};

} // namespace loopscope
