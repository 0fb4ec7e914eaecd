// The script's output and tracebacks, line by line; each line names the step that printed it,
// and clicking it goes back to that step.
import QtQuick
import QtQuick.Controls

Rectangle {
    id: root
    property var theme
    readonly property alias list: list
    property var model
    property int currentStep: 0
    signal stepClicked(int step)
    color: theme.codeBackground

    ListView {
        id: list
        objectName: "consoleList"
        anchors.fill: parent
        anchors.margins: 4
        clip: true
        model: root.model
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        onCountChanged: Qt.callLater(list.positionViewAtEnd)
        // The keyboard: Tab here, arrows pick a line, Return goes to its step.
        activeFocusOnTab: true
        keyNavigationEnabled: true
        currentIndex: -1
        onActiveFocusChanged: if (activeFocus && (currentIndex < 0 || currentIndex >= count)) currentIndex = count - 1
        Keys.onReturnPressed: if (currentItem) root.stepClicked(currentItem.step)
        Keys.onEnterPressed: if (currentItem) root.stepClicked(currentItem.step)
        delegate: Rectangle {
            id: row
            required property string text
            required property int step
            required property string kind
            required property string taskColor
            required property int index
            width: ListView.view.width
            height: lineText.implicitHeight + 4
            color: hover.hovered ? root.theme.accentSoft
                 : step === root.currentStep ? Qt.rgba(0.5, 0.5, 0.5, 0.08) : "transparent"
            border.width: ListView.isCurrentItem && list.activeFocus ? 1 : 0
            border.color: root.theme.accent
            HoverHandler { id: hover }
            TapHandler { onTapped: root.stepClicked(row.step) }
            Rectangle {
                width: 3
                height: parent.height
                color: row.kind === "output" ? row.taskColor : row.kind === "error" ? root.theme.error : root.theme.warning
            }
            Text {
                id: stepText
                x: 10
                width: 44
                y: 2
                text: "#" + row.step
                color: root.theme.textFaint
                font.family: root.theme.mono
                font.pixelSize: root.theme.small
                horizontalAlignment: Text.AlignRight
            }
            Text {
                id: lineText
                x: 64
                y: 2
                width: parent.width - x - 6
                text: row.text === "" ? " " : row.text
                wrapMode: Text.WrapAnywhere
                color: row.kind === "error" ? root.theme.error : row.kind === "info" ? root.theme.warning : root.theme.text
                font.family: root.theme.mono
                font.pixelSize: root.theme.small
            }
        }
    }
    Text {
        anchors.centerIn: parent
        visible: list.count === 0
        text: qsTr("Nothing printed yet")
        color: root.theme.textFaint
        font.pixelSize: root.theme.small
    }
}
