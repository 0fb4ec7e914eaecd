// The playground window. For now it shows the loaded scenario, its script and the trace of a
// full run; the stepping timeline, inspector and console arrive with the desktop playground issue.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ApplicationWindow {
    id: window
    width: 1200
    height: 760
    visible: true
    title: "Loopscope — " + scenarioTitle

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 12
            anchors.rightMargin: 12
            spacing: 16
            ColumnLayout {
                spacing: 2
                Label {
                    objectName: "scenarioTitle"
                    text: scenarioTitle
                    font.pixelSize: 20
                    font.bold: true
                }
                Label {
                    text: scenarioName + ".py — " + scenarioSummary
                    opacity: 0.75
                    elide: Text.ElideRight
                    Layout.maximumWidth: window.width - 48
                }
            }
            Item { Layout.fillWidth: true }
        }
    }

    SplitView {
        anchors.fill: parent
        anchors.margins: 8

        Pane {
            SplitView.preferredWidth: window.width * 0.55
            padding: 0
            ColumnLayout {
                anchors.fill: parent
                Label { text: qsTr("Script"); font.bold: true; leftPadding: 6 }
                ScrollView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    TextArea {
                        readOnly: true
                        text: scenarioSource
                        font.family: "monospace"
                        font.pixelSize: 13
                        wrapMode: TextEdit.NoWrap
                        selectByMouse: true
                    }
                }
            }
        }
        Pane {
            padding: 0
            ColumnLayout {
                anchors.fill: parent
                Label { text: qsTr("Trace of a full run (time, task, event)"); font.bold: true; leftPadding: 6 }
                ScrollView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    TextArea {
                        objectName: "traceView"
                        readOnly: true
                        text: scenarioTrace
                        font.family: "monospace"
                        font.pixelSize: 13
                        wrapMode: TextEdit.NoWrap
                        selectByMouse: true
                    }
                }
            }
        }
    }
}
