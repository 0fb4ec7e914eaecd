// The playground window. For now it shows the loaded scenario; the timeline, inspector and
// console arrive with the desktop playground issue.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ApplicationWindow {
    id: window
    width: 1100
    height: 700
    visible: true
    title: "Loopscope — " + scenarioTitle

    ColumnLayout {
        anchors.centerIn: parent
        spacing: 12

        Label {
            objectName: "scenarioTitle"
            Layout.alignment: Qt.AlignHCenter
            text: scenarioTitle
            font.pixelSize: 28
            font.bold: true
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: scenarioName + ".py"
            font.family: "monospace"
            opacity: 0.7
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            Layout.maximumWidth: window.width * 0.8
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            text: scenarioSummary
        }
    }
}
