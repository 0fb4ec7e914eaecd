// The scenario library, grouped and searchable, with the recent files and "Open...".
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

Rectangle {
    id: root
    property var theme
    readonly property alias list: list
    property var scenarios
    property var recentFiles
    property string currentScenario
    property string currentFile
    signal scenarioChosen(string name)
    signal fileChosen(string path)
    signal openRequested()
    color: theme.panel
    // The keyboard: Ctrl+F comes here; Down goes to the list, Return opens the first match;
    // in the list, arrows move and Return opens.
    function focusSearch() {
        search.forceActiveFocus()
        search.selectAll()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8

        TextField {
            id: search
            objectName: "librarySearch"
            Layout.fillWidth: true
            placeholderText: qsTr("Search scenarios")
            onTextChanged: root.scenarios.filter = text
            Keys.onEscapePressed: { text = ""; focus = false }
            Keys.onDownPressed: {
                list.currentIndex = 0
                list.forceActiveFocus()
            }
            Keys.onReturnPressed: list.chooseAt(0)
            Keys.onEnterPressed: list.chooseAt(0)
        }

        ListView {
            id: list
            objectName: "scenarioList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: root.scenarios
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            activeFocusOnTab: true
            keyNavigationEnabled: true
            currentIndex: -1
            onActiveFocusChanged: if (activeFocus && currentIndex < 0 && count > 0) currentIndex = 0
            function chooseAt(index) {
                const chosen = index >= 0 ? itemAtIndex(index) : null
                if (chosen)
                    root.scenarioChosen(chosen.name)
            }
            Keys.onReturnPressed: chooseAt(currentIndex)
            Keys.onEnterPressed: chooseAt(currentIndex)
            section.property: "group"
            section.delegate: Text {
                required property string section
                width: ListView.view.width
                topPadding: 10
                bottomPadding: 4
                text: section.toUpperCase()
                color: root.theme.textDim
                font.pixelSize: root.theme.small
                font.bold: true
                font.letterSpacing: 0.8
            }
            delegate: Rectangle {
                id: item
                required property string name
                required property string title
                required property string summary
                readonly property bool current: name === root.currentScenario && root.currentFile === ""
                width: ListView.view.width
                height: itemColumn.implicitHeight + 12
                radius: 5
                color: current ? root.theme.accentSoft : hover.hovered ? root.theme.panelAlt : "transparent"
                border.width: ListView.isCurrentItem && list.activeFocus ? 2 : 0
                border.color: root.theme.accent
                HoverHandler { id: hover }
                TapHandler { onTapped: root.scenarioChosen(item.name) }
                Column {
                    id: itemColumn
                    x: 8
                    y: 6
                    width: parent.width - 16
                    spacing: 2
                    Text {
                        width: parent.width
                        text: item.title
                        color: item.current ? root.theme.accent : root.theme.text
                        font.pixelSize: root.theme.fontSize
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    Text {
                        width: parent.width
                        text: item.summary
                        color: root.theme.textDim
                        font.pixelSize: root.theme.small
                        wrapMode: Text.Wrap
                        maximumLineCount: 2
                        elide: Text.ElideRight
                    }
                }
            }
            Text {
                anchors.centerIn: parent
                visible: list.count === 0
                text: qsTr("No scenario matches")
                color: root.theme.textFaint
                font.pixelSize: root.theme.small
            }
        }

        SectionHeader {
            Layout.fillWidth: true
            theme: root.theme
            title: qsTr("Recent files")
            visible: !!root.recentFiles && root.recentFiles.count > 0
        }
        Repeater {
            model: root.recentFiles
            delegate: Rectangle {
                id: recent
                required property string path
                required property string name
                required property string folder
                Layout.fillWidth: true
                implicitHeight: recentColumn.implicitHeight + 8
                radius: 5
                color: path === root.currentFile ? root.theme.accentSoft : recentHover.hovered ? root.theme.panelAlt : "transparent"
                HoverHandler { id: recentHover }
                TapHandler { onTapped: root.fileChosen(recent.path) }
                ToolTip.visible: recentHover.hovered
                ToolTip.delay: 600
                ToolTip.text: path
                Column {
                    id: recentColumn
                    x: 8
                    y: 4
                    width: parent.width - 16
                    Text { text: recent.name; color: root.theme.text; font.pixelSize: root.theme.small; font.bold: true }
                    Text {
                        width: parent.width
                        text: recent.folder
                        color: root.theme.textFaint
                        font.pixelSize: root.theme.small
                        elide: Text.ElideMiddle
                    }
                }
            }
        }
        Button {
            objectName: "openButton"
            Layout.fillWidth: true
            text: qsTr("Open a script\u2026")
            onClicked: root.openRequested()
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("or drop a .py file on the window")
            horizontalAlignment: Text.AlignHCenter
            color: root.theme.textFaint
            font.pixelSize: root.theme.small
        }
    }
}
