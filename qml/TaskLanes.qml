// A stand-in for the timeline: one lane per task with its colour and state. The real
// TimelineView replaces this inside the window's "timelineArea".
import QtQuick
import QtQuick.Layouts

ListView {
    id: root
    property var theme
    clip: true
    interactive: contentHeight > height
    spacing: 2
    delegate: Rectangle {
        required property string label
        required property string taskState
        required property string stateText
        required property string taskColor
        required property bool internal
        width: ListView.view.width
        height: internal ? 0 : 24
        visible: !internal
        radius: 4
        color: root.theme.panelAlt
        Rectangle {
            width: 4
            height: parent.height
            radius: 2
            color: parent.taskColor
        }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 8
            spacing: 10
            Text {
                Layout.preferredWidth: 170
                text: label
                color: root.theme.text
                font.pixelSize: root.theme.small
                font.bold: true
                elide: Text.ElideRight
            }
            Text {
                Layout.fillWidth: true
                text: stateText
                color: root.theme.stateColor(taskState)
                font.pixelSize: root.theme.small
                elide: Text.ElideRight
            }
        }
    }
}
