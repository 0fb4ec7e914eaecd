// The inspector: every task with its state and what it awaits, the ready queue in the order it
// will run, the timers by deadline, each primitive with its waiters, and a deadlock's graph.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Rectangle {
    id: root
    property var theme
    property var tasks
    property var ready
    property var timers
    property var primitives
    property string deadlockText
    property var deadlockNodes: []
    property var deadlockEdges: []
    property bool showInternal: false
    signal lineClicked(int line) // a task's line: show it in the code
    color: theme.panel

    component Badge: Rectangle {
        property string label
        property color tint
        radius: 3
        implicitWidth: badgeLabel.implicitWidth + 10
        implicitHeight: badgeLabel.implicitHeight + 2
        color: Qt.rgba(tint.r, tint.g, tint.b, 0.16)
        Text {
            id: badgeLabel
            anchors.centerIn: parent
            text: parent.label
            color: parent.tint
            font.pixelSize: root.theme.small
            font.bold: true
        }
    }
    component Dot: Rectangle {
        width: 9
        height: 9
        radius: 4.5
    }
    component Empty: Text {
        color: root.theme.textFaint
        font.pixelSize: root.theme.small
        font.italic: true
    }

    Flickable {
        id: flick
        anchors.fill: parent
        contentHeight: column.implicitHeight + 24
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        ColumnLayout {
            id: column
            x: 12
            y: 12
            width: flick.width - 24
            spacing: 8

            // ---- deadlock -------------------------------------------------------------------
            ColumnLayout {
                objectName: "deadlockSection"
                visible: root.deadlockNodes.length > 0
                Layout.fillWidth: true
                spacing: 6
                SectionHeader { theme: root.theme; title: qsTr("Deadlock: wait-for graph"); Layout.fillWidth: true }
                Text {
                    objectName: "deadlockText"
                    Layout.fillWidth: true
                    text: root.deadlockText
                    wrapMode: Text.Wrap
                    color: root.theme.error
                    font.pixelSize: root.theme.fontSize
                }
                DeadlockGraph {
                    Layout.fillWidth: true
                    Layout.preferredHeight: 280
                    theme: root.theme
                    nodes: root.deadlockNodes
                    edges: root.deadlockEdges
                }
            }

            // ---- tasks ----------------------------------------------------------------------
            SectionHeader {
                Layout.fillWidth: true
                theme: root.theme
                title: qsTr("Tasks")
                // asyncio.run's helper tasks are hidden unless asked for (View menu).
                detail: !root.tasks ? "" : root.showInternal ? String(root.tasks.count)
                      : String(root.tasks.count - root.tasks.column("internal").filter(i => i).length)
            }
            Empty { visible: !root.tasks || root.tasks.count === 0; text: qsTr("No task yet") }
            Repeater {
                objectName: "taskRows"
                model: root.tasks
                delegate: RowLayout {
                    required property int taskId
                    required property string label
                    required property string taskState
                    required property string stateText
                    required property int line
                    required property string taskColor
                    required property bool internal
                    required property bool current
                    visible: !internal || root.showInternal
                    opacity: taskState === "done" || taskState === "cancelled" || taskState === "failed"
                             || taskState === "destroyed" ? 0.7 : 1
                    Layout.fillWidth: true
                    spacing: 8
                    TapHandler { onTapped: if (line > 0) root.lineClicked(line) }
                    Dot { color: taskColor; Layout.alignment: Qt.AlignTop; Layout.topMargin: 5 }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 1
                        RowLayout {
                            // The name gives way (elided) before the line label is pushed out.
                            objectName: "taskHeader"
                            Layout.fillWidth: true
                            spacing: 6
                            Text {
                                text: label
                                color: root.theme.text
                                font.pixelSize: root.theme.fontSize
                                font.bold: true
                                Layout.fillWidth: true
                                Layout.preferredWidth: Math.ceil(implicitWidth) // (rounded down, a name that fits would elide)
                                Layout.maximumWidth: Math.ceil(implicitWidth)
                                Layout.minimumWidth: Math.min(implicitWidth, 60)
                                elide: Text.ElideRight
                            }
                            Badge { label: taskState; tint: root.theme.stateColor(taskState) }
                            Text {
                                visible: current
                                text: qsTr("ran this step")
                                color: root.theme.accent
                                font.pixelSize: root.theme.small
                            }
                            Item { Layout.fillWidth: true }
                            Text {
                                visible: line > 0 && (taskState === "waiting" || taskState === "ready")
                                text: "line " + line
                                color: root.theme.textFaint
                                font.pixelSize: root.theme.small
                            }
                        }
                        Text {
                            Layout.fillWidth: true
                            text: stateText
                            color: root.theme.textDim
                            font.family: root.theme.mono
                            font.pixelSize: root.theme.small
                            elide: Text.ElideRight
                        }
                    }
                }
            }

            // ---- ready queue ----------------------------------------------------------------
            SectionHeader {
                Layout.fillWidth: true
                Layout.topMargin: 8
                theme: root.theme
                title: qsTr("Ready queue")
                detail: root.ready && root.ready.count ? qsTr("runs next, in order") : ""
            }
            Empty { visible: !root.ready || root.ready.count === 0; text: qsTr("Empty") }
            Repeater {
                objectName: "readyRows"
                model: root.ready
                delegate: RowLayout {
                    required property int position
                    required property string description
                    required property string taskColor
                    Layout.fillWidth: true
                    spacing: 8
                    Text {
                        text: position + "."
                        color: root.theme.textFaint
                        font.pixelSize: root.theme.small
                        Layout.preferredWidth: 18
                        horizontalAlignment: Text.AlignRight
                    }
                    Dot { color: taskColor }
                    Text {
                        Layout.fillWidth: true
                        text: description
                        color: root.theme.text
                        font.pixelSize: root.theme.small
                        elide: Text.ElideRight
                    }
                }
            }

            // ---- timers ---------------------------------------------------------------------
            SectionHeader {
                Layout.fillWidth: true
                Layout.topMargin: 8
                theme: root.theme
                title: qsTr("Timers")
                detail: root.timers && root.timers.count ? qsTr("by deadline") : ""
            }
            Empty { visible: !root.timers || root.timers.count === 0; text: qsTr("None pending") }
            Repeater {
                objectName: "timerRows"
                model: root.timers
                delegate: RowLayout {
                    required property string whenText
                    required property string description
                    required property string taskColor
                    Layout.fillWidth: true
                    spacing: 8
                    Text {
                        text: "t=" + whenText
                        color: root.theme.textDim
                        font.family: root.theme.mono
                        font.pixelSize: root.theme.small
                    }
                    Dot { color: taskColor }
                    Text {
                        Layout.fillWidth: true
                        text: description
                        color: root.theme.text
                        font.pixelSize: root.theme.small
                        elide: Text.ElideRight
                    }
                }
            }

            // ---- primitives -----------------------------------------------------------------
            SectionHeader {
                Layout.fillWidth: true
                Layout.topMargin: 8
                visible: !!root.primitives && root.primitives.count > 0
                theme: root.theme
                title: qsTr("Primitives")
            }
            Repeater {
                objectName: "primitiveRows"
                model: root.primitives
                delegate: Rectangle {
                    required property string kind
                    required property string label
                    required property string primitiveState
                    required property var items
                    required property var waiters
                    required property var putters
                    required property var joiners
                    Layout.fillWidth: true
                    implicitHeight: primitiveColumn.implicitHeight + 12
                    radius: 5
                    color: root.theme.panelAlt
                    border.color: root.theme.border
                    ColumnLayout {
                        id: primitiveColumn
                        x: 8
                        y: 6
                        width: parent.width - 16
                        spacing: 3
                        RowLayout {
                            objectName: "primitiveHeader"
                            Layout.fillWidth: true
                            spacing: 6
                            Text {
                                text: label
                                color: root.theme.text
                                font.bold: true
                                font.family: root.theme.mono
                                font.pixelSize: root.theme.small
                                Layout.fillWidth: true
                                Layout.preferredWidth: Math.ceil(implicitWidth) // (rounded down, a name that fits would elide)
                                Layout.maximumWidth: Math.ceil(implicitWidth)
                                Layout.minimumWidth: Math.min(implicitWidth, 40)
                                elide: Text.ElideRight
                            }
                            Text {
                                text: kind
                                color: root.theme.textFaint
                                font.pixelSize: root.theme.small
                                Layout.fillWidth: true
                                Layout.preferredWidth: Math.ceil(implicitWidth) // (rounded down, a name that fits would elide)
                                Layout.maximumWidth: Math.ceil(implicitWidth)
                                elide: Text.ElideRight
                            }
                            Item { Layout.fillWidth: true }
                            Text { text: primitiveState; color: root.theme.textDim; font.pixelSize: root.theme.small }
                        }
                        Text {
                            visible: items.length > 0
                            Layout.fillWidth: true
                            text: qsTr("items: ") + items.join(", ")
                            color: root.theme.textDim
                            font.family: root.theme.mono
                            font.pixelSize: root.theme.small
                            elide: Text.ElideRight
                        }
                        Repeater {
                            model: [{ title: kind.indexOf("Queue") >= 0 ? qsTr("getters") : qsTr("waiters"), list: waiters },
                                    { title: qsTr("putters"), list: putters },
                                    { title: qsTr("in join()"), list: joiners }]
                            delegate: Flow {
                                required property var modelData
                                visible: modelData.list.length > 0
                                Layout.fillWidth: true
                                spacing: 4
                                Text {
                                    text: modelData.title + ":"
                                    color: root.theme.textFaint
                                    font.pixelSize: root.theme.small
                                }
                                Repeater {
                                    model: modelData.list
                                    delegate: Text {
                                        required property var modelData
                                        required property int index
                                        text: (index + 1) + ". " + modelData.name
                                        color: root.theme.text
                                        font.pixelSize: root.theme.small
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
