// The timeline item as the window will embed it: the item, a tooltip with the event under the
// pointer, and pinch-to-zoom. Loaded by tests/app/tst_timelineview.cpp.
import QtQuick
import Loopscope.Timeline

Rectangle {
    id: root
    width: 1000
    height: 360
    color: timeline.dark ? "#16181d" : "#fbfbfd"

    property alias timeline: timeline

    // Keys the item leaves alone reach its parent: T switches the axis, D the theme.
    Keys.onPressed: event => {
        if (event.key === Qt.Key_T)
            timeline.axisMode = timeline.axisMode === TimelineView.Steps ? TimelineView.Time : TimelineView.Steps
        else if (event.key === Qt.Key_D)
            timeline.theme = timeline.theme === TimelineView.Dark ? TimelineView.Light : TimelineView.Dark
    }

    TimelineView {
        id: timeline
        objectName: "timeline"
        anchors.fill: parent
        focus: true

        // A trackpad pinch zooms around the fingers.
        PinchHandler {
            target: null
            property real lastScale: 1
            onActiveChanged: lastScale = 1
            onActiveScaleChanged: {
                timeline.zoomBy(activeScale / lastScale, centroid.position.x)
                lastScale = activeScale
            }
        }
    }

    // The full event under the pointer, next to it.
    Rectangle {
        objectName: "tooltip"
        visible: timeline.hoverText !== ""
        x: Math.min(timeline.hoverPosition.x + 14, root.width - width - 4)
        y: Math.min(timeline.hoverPosition.y + 18, root.height - height - 4)
        width: tip.implicitWidth + 16
        height: tip.implicitHeight + 10
        radius: 4
        color: timeline.dark ? "#2a2e36" : "#1f2430"
        Text {
            id: tip
            anchors.centerIn: parent
            text: timeline.hoverText
            color: "#f3f4f6"
            font.pixelSize: 12 * timeline.fontScale
        }
    }
}
