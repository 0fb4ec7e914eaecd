// What the current step did, in one plain sentence, with the step counter and the virtual clock.
import QtQuick
import QtQuick.Layouts

Rectangle {
    id: root
    property var theme
    property int step: 0
    property string clock: "0.000"
    property string text
    property string outcome: "ready"
    property string outcomeText
    // The sentence without its "Step N · t=… · " prefix (the counters show those).
    readonly property string sentence: text.replace(/^Step \d+ \u00b7 t=[0-9.]+ \u00b7 /, "")

    implicitHeight: Math.max(64, row.implicitHeight + 20)
    color: root.theme.panel
    border.color: root.theme.border
    radius: 6

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: 10
        spacing: 14

        Column {
            Layout.alignment: Qt.AlignTop
            spacing: 2
            Text {
                objectName: "stepCounter"
                text: "Step " + root.step
                color: root.theme.text
                font.pixelSize: root.theme.large
                font.bold: true
            }
            Text {
                objectName: "clockText"
                text: "t = " + root.clock + " s"
                color: root.theme.textDim
                font.family: root.theme.mono
                font.pixelSize: root.theme.small
            }
        }
        Rectangle {
            Layout.fillHeight: true
            width: 1
            color: root.theme.border
        }
        Text {
            objectName: "narrationText"
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignVCenter
            text: root.sentence
            color: root.theme.text
            wrapMode: Text.Wrap
            maximumLineCount: 4
            elide: Text.ElideRight
            font.pixelSize: root.theme.fontSize
            lineHeight: 1.15
        }
        Rectangle {
            objectName: "outcomeBadge"
            Layout.alignment: Qt.AlignVCenter
            visible: root.outcome !== "running" && root.outcome !== ""
            radius: height / 2
            implicitWidth: badgeText.implicitWidth + 20
            implicitHeight: badgeText.implicitHeight + 8
            color: root.outcome === "finished" ? Qt.rgba(0.2, 0.6, 0.3, 0.16)
                 : root.outcome === "ready" ? root.theme.accentSoft
                 : Qt.rgba(0.85, 0.2, 0.25, 0.16)
            Text {
                id: badgeText
                anchors.centerIn: parent
                text: root.outcomeText
                font.pixelSize: root.theme.small
                font.bold: true
                color: root.outcome === "finished" ? root.theme.success
                     : root.outcome === "ready" ? root.theme.accent : root.theme.error
            }
        }
    }
}
