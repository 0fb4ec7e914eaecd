// The playground window: pick a scenario, step the loop by hand, watch every task.
// Everything it shows comes from the session (C++): this file only lays it out and binds.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Loopscope.Timeline

ApplicationWindow {
    id: window
    width: 1440
    height: 900
    minimumWidth: 900
    minimumHeight: 560
    visible: true
    title: "Loopscope \u2014 " + session.title + (session.edited ? " (edited)" : "")
    color: ui.window

    Theme {
        id: ui
        dark: settings.dark
        fontSize: settings.fontSize
    }

    palette {
        window: ui.window
        windowText: ui.text
        base: ui.panel
        alternateBase: ui.panelAlt
        text: ui.text
        button: ui.dark ? "#2a3038" : "#f4f6f8"
        buttonText: ui.text
        highlight: ui.accent
        highlightedText: "#ffffff"
        placeholderText: ui.textFaint
        toolTipBase: ui.panel
        toolTipText: ui.text
        mid: ui.border
        dark: ui.dark ? "#0f1114" : "#c7ccd3"
        light: ui.dark ? "#3a414b" : "#ffffff"
    }
    font.pixelSize: ui.fontSize

    // Keys step the loop unless the code has the focus: a click anywhere but the code gives the
    // keys back to the window (so Space steps instead of typing a space).
    function leaveEditor() {
        if (codeView.editor.activeFocus) {
            codeView.editor.focus = false // else its focus scope hands the focus straight back
            window.contentItem.forceActiveFocus()
        }
    }

    onClosing: {
        session.saveEditsNow()
        settings.splitState = mainSplit.saveState()
    }
    Component.onCompleted: if (settings.splitState !== undefined) mainSplit.restoreState(settings.splitState)

    // ---- actions (menu, toolbar and keys share them) -----------------------------------------
    Action {
        id: stepAction
        text: qsTr("Step")
        shortcut: "Right"
        enabled: !session.atEnd || session.stale
        onTriggered: {
            window.leaveEditor()
            session.stepOnce()
        }
    }
    Action {
        id: iterationAction
        text: qsTr("Step iteration")
        shortcut: "Shift+Right"
        enabled: !session.atEnd || session.stale
        onTriggered: {
            window.leaveEditor()
            session.stepIteration()
        }
    }
    Action {
        id: timerAction
        text: qsTr("Next timer")
        shortcut: "Ctrl+T"
        enabled: !session.atEnd || session.stale
        onTriggered: {
            window.leaveEditor()
            session.nextTimer()
        }
    }
    Action {
        id: runAction
        text: session.busyKind === "run" ? qsTr("Pause") : qsTr("Run")
        shortcut: "F5"
        enabled: !session.atEnd || session.stale || session.busy
        onTriggered: {
            window.leaveEditor()
            session.busy ? session.pause() : session.run()
        }
    }
    Action {
        id: endAction
        text: qsTr("Run to end")
        shortcut: "Ctrl+E"
        enabled: !session.atEnd || session.stale
        onTriggered: {
            window.leaveEditor()
            session.runToEnd()
        }
    }
    Action {
        id: backAction
        text: qsTr("Back")
        shortcut: "Left"
        enabled: session.step > 0 && !session.stale
        onTriggered: {
            window.leaveEditor()
            session.back()
        }
    }
    Action {
        id: resetAction
        text: qsTr("Reset")
        shortcut: "Ctrl+R"
        onTriggered: {
            window.leaveEditor()
            session.reset()
        }
    }
    Action {
        id: openAction
        text: qsTr("Open\u2026")
        shortcut: StandardKey.Open
        onTriggered: openDialog.open()
    }
    Action {
        id: saveAction
        text: qsTr("Save")
        shortcut: StandardKey.Save
        onTriggered: session.filePath !== "" ? session.save() : saveDialog.open()
    }
    Action {
        id: exportAction
        text: qsTr("Export\u2026")
        shortcut: "Ctrl+Shift+E"
        onTriggered: {
            window.leaveEditor()
            exportDialog.open()
        }
    }
    // The timeline's view: x axis, zoom (its own keys too when it has the focus: + - 0 arrows).
    Action {
        id: stepsAxisAction
        text: qsTr("Timeline: steps axis")
        shortcut: "Ctrl+1"
        checkable: true
        checked: !settings.timeAxis
        onTriggered: settings.timeAxis = false
    }
    Action {
        id: timeAxisAction
        text: qsTr("Timeline: time axis")
        shortcut: "Ctrl+2"
        checkable: true
        checked: settings.timeAxis
        onTriggered: settings.timeAxis = true
    }
    Action {
        id: zoomInAction
        text: qsTr("Zoom the timeline in")
        shortcut: "Ctrl+Shift+="
        onTriggered: timelineView.zoomBy(1.5)
    }
    Action {
        id: zoomOutAction
        text: qsTr("Zoom the timeline out")
        shortcut: "Ctrl+Shift+-"
        onTriggered: timelineView.zoomBy(1 / 1.5)
    }
    Action {
        id: fitAction
        text: qsTr("Fit the whole run in the timeline")
        shortcut: "Ctrl+0"
        onTriggered: timelineView.fitAll()
    }
    Action {
        id: timelineFocusAction
        text: qsTr("Focus the timeline (arrows pan, + - zoom)")
        shortcut: "Ctrl+L"
        onTriggered: timelineView.forceActiveFocus()
    }
    Action {
        id: findAction
        text: qsTr("Find a scenario")
        shortcut: StandardKey.Find
        onTriggered: librarySidebar.focusSearch()
    }
    // F6 and Shift+F6: the next or previous panel (library, code, timeline, console).
    function focusPanel(delta) {
        const panels = [librarySidebar.list, codeView.editor, timelineView, consoleView.list]
        let at = panels.findIndex((p) => p.activeFocus)
        at = at < 0 ? (delta > 0 ? -1 : 0) : at
        panels[(at + delta + panels.length) % panels.length].forceActiveFocus(Qt.TabFocusReason)
    }
    Action {
        id: nextPanelAction
        text: qsTr("Next panel")
        shortcut: "F6"
        onTriggered: window.focusPanel(1)
    }
    Action {
        id: previousPanelAction
        text: qsTr("Previous panel")
        shortcut: "Shift+F6"
        onTriggered: window.focusPanel(-1)
    }
    Action {
        id: fasterAction
        text: qsTr("Run faster")
        shortcut: "Ctrl+]"
        onTriggered: session.speed = Math.min(session.maxSpeed, Math.ceil(session.speed * 1.5))
    }
    Action {
        id: slowerAction
        text: qsTr("Run slower")
        shortcut: "Ctrl+["
        onTriggered: session.speed = Math.max(1, Math.floor(session.speed / 1.5))
    }
    Shortcut { sequences: ["Space"]; onActivated: stepAction.trigger() }
    Shortcut { sequences: ["Ctrl+Space"]; onActivated: runAction.trigger() }
    Shortcut { sequences: ["Escape"]; enabled: session.busy; onActivated: session.pause() }
    Shortcut { sequences: [StandardKey.ZoomIn, "Ctrl+="]; onActivated: settings.fontSize += 1 }
    Shortcut { sequences: [StandardKey.ZoomOut]; onActivated: settings.fontSize -= 1 }

    FileDialog {
        id: openDialog
        objectName: "openDialog"
        title: qsTr("Open a script")
        nameFilters: [qsTr("Python scripts (*.py)"), qsTr("All files (*)")]
        onAccepted: session.openFile(selectedFile)
    }
    FileDialog {
        id: saveDialog
        title: qsTr("Save the script as")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "py"
        nameFilters: [qsTr("Python scripts (*.py)")]
        onAccepted: session.saveAs(selectedFile)
    }

    menuBar: MenuBar {
        Menu {
            title: qsTr("&File")
            MenuItem { action: openAction }
            MenuItem { action: findAction }
            Menu {
                id: recentMenu
                title: qsTr("Open recent")
                enabled: settings.recentFiles.count > 0
                Instantiator {
                    model: settings.recentFiles
                    delegate: MenuItem {
                        required property string path
                        text: path
                        onTriggered: session.openPath(path)
                    }
                    onObjectAdded: (index, object) => recentMenu.insertItem(index, object)
                    onObjectRemoved: (index, object) => recentMenu.removeItem(object)
                }
                MenuSeparator {}
                MenuItem { text: qsTr("Clear the list"); onTriggered: settings.clearRecentFiles() }
            }
            MenuItem { action: saveAction }
            MenuItem { text: qsTr("Save as\u2026"); onTriggered: saveDialog.open() }
            MenuItem {
                text: qsTr("Revert to the original")
                enabled: session.edited
                onTriggered: session.revert()
            }
            MenuSeparator {}
            MenuItem { objectName: "exportMenuItem"; action: exportAction }
            MenuSeparator {}
            MenuItem { text: qsTr("Quit"); onTriggered: window.close() }
        }
        Menu {
            title: qsTr("&Run")
            MenuItem { action: stepAction }
            MenuItem { action: iterationAction }
            MenuItem { action: timerAction }
            MenuItem { action: runAction }
            MenuItem { action: endAction }
            MenuItem { action: fasterAction }
            MenuItem { action: slowerAction }
            MenuSeparator {}
            MenuItem { action: backAction }
            MenuItem { action: resetAction }
            MenuSeparator {}
            MenuItem {
                text: qsTr("Toggle breakpoint on the executed line")
                enabled: session.executedLine > 0
                onTriggered: session.toggleBreakpoint(session.executedLine)
            }
            MenuItem { text: qsTr("Clear breakpoints"); onTriggered: session.clearBreakpoints() }
            MenuSeparator {}
            MenuItem {
                text: qsTr("Behave like Python 3.11")
                checkable: true
                checked: session.python === "3.11"
                onToggled: session.python = checked ? "3.11" : "3.12"
            }
        }
        Menu {
            title: qsTr("&View")
            MenuItem {
                text: qsTr("Dark theme")
                checkable: true
                checked: settings.dark
                onToggled: settings.dark = checked
            }
            MenuItem { text: qsTr("Larger text"); onTriggered: settings.fontSize += 1 }
            MenuItem { text: qsTr("Smaller text"); onTriggered: settings.fontSize -= 1 }
            MenuItem { text: qsTr("Default text size"); onTriggered: settings.fontSize = 13 }
            MenuItem {
                text: qsTr("Reduce motion")
                checkable: true
                checked: settings.reduceMotion
                onToggled: settings.reduceMotion = checked
            }
            MenuSeparator {}
            MenuItem { action: stepsAxisAction }
            MenuItem { action: timeAxisAction }
            MenuItem { action: zoomInAction }
            MenuItem { action: zoomOutAction }
            MenuItem { action: fitAction }
            MenuItem { action: timelineFocusAction }
            MenuItem { action: nextPanelAction }
            MenuItem { action: previousPanelAction }
            MenuSeparator {}
            MenuItem {
                text: qsTr("Show asyncio.run's helper tasks")
                checkable: true
                checked: inspector.showInternal
                onToggled: inspector.showInternal = checked
            }
        }
        Menu {
            title: qsTr("&Help")
            MenuItem { text: qsTr("Keyboard shortcuts"); onTriggered: helpPopup.open() }
        }
    }

    header: ToolBar {
        objectName: "controlBar"
        background: Rectangle {
            color: ui.panel
            Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: 1; color: ui.border }
        }
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 10
            anchors.rightMargin: 14
            spacing: 4
            component Tool: ToolButton {
                focusPolicy: Qt.NoFocus
                display: AbstractButton.TextOnly
                font.pixelSize: ui.fontSize
                ToolTip.visible: hovered && action && action.shortcut !== undefined && String(action.shortcut) !== ""
                ToolTip.delay: 500
                ToolTip.text: action ? action.text + "  (" + action.shortcut + ")" : ""
            }
            Tool { objectName: "backButton"; action: backAction; text: "\u25c0  " + qsTr("Back") }
            Tool { objectName: "stepButton"; action: stepAction; text: qsTr("Step") + "  \u25b6"; font.bold: true }
            Tool { objectName: "iterationButton"; action: iterationAction; text: qsTr("Iteration") }
            Tool { objectName: "timerButton"; action: timerAction; text: qsTr("Next timer") }
            Rectangle { width: 1; height: 22; color: ui.border; Layout.leftMargin: 4; Layout.rightMargin: 4 }
            Tool {
                objectName: "runButton"
                action: runAction
                text: session.busyKind === "run" ? "\u2016  " + qsTr("Pause") : "\u25b6\u25b6  " + qsTr("Run")
            }
            Slider {
                id: speedSlider
                objectName: "speedSlider"
                focusPolicy: Qt.NoFocus
                Layout.preferredWidth: 120
                from: 1
                to: session.maxSpeed
                stepSize: 1
                value: session.speed
                onMoved: session.speed = value
            }
            Label {
                text: session.speed >= session.maxSpeed ? qsTr("max speed") : qsTr("%1 steps/s").arg(session.speed)
                color: ui.textDim
                font.pixelSize: ui.small
                Layout.preferredWidth: 70
            }
            Tool { objectName: "endButton"; action: endAction; text: qsTr("Run to end") }
            Tool { objectName: "resetButton"; action: resetAction; text: "\u21ba  " + qsTr("Reset") }
            // Export… when the toolbar has room for it (always in File, and Ctrl+Shift+E).
            Rectangle {
                visible: exportTool.visible
                width: 1; height: 22; color: ui.border; Layout.leftMargin: 4; Layout.rightMargin: 4
            }
            Tool {
                id: exportTool
                objectName: "exportToolButton"
                visible: window.width >= 1000
                action: exportAction
                text: qsTr("Export\u2026")
            }
            Item { Layout.fillWidth: true }
            BusyIndicator {
                running: session.busy || session.stepping
                visible: running
                Layout.preferredWidth: 24
                Layout.preferredHeight: 24
            }
            // A step that has not awaited for a while: the window still answers, Pause stops after it.
            Label {
                objectName: "steppingLabel"
                visible: session.stepping
                text: session.steppingText
                color: ui.warning
                font.pixelSize: ui.small
            }
            Label {
                objectName: "toolbarStep"
                text: qsTr("Step %1").arg(session.step)
                font.bold: true
                font.pixelSize: ui.fontSize
            }
            Label {
                objectName: "toolbarClock"
                text: "t = " + session.clockText + " s"
                font.family: ui.mono
                color: ui.textDim
                font.pixelSize: ui.fontSize
                Layout.leftMargin: 8
            }
        }
    }

    DropArea {
        anchors.fill: parent
        keys: ["text/uri-list"]
        onEntered: (drag) => drag.accepted = drag.hasUrls
        onDropped: (drop) => {
            for (const url of drop.urls) {
                if (String(url).endsWith(".py")) {
                    session.openFile(url)
                    drop.accept()
                    return
                }
            }
        }
    }

    SplitView {
        id: mainSplit
        anchors.fill: parent
        orientation: Qt.Horizontal

        LibrarySidebar {
            id: librarySidebar
            objectName: "library"
            SplitView.preferredWidth: 250
            SplitView.minimumWidth: 180
            theme: ui
            scenarios: library
            recentFiles: settings.recentFiles
            currentScenario: session.scenarioName
            currentFile: session.filePath
            onScenarioChosen: (name) => session.loadScenario(name)
            onFileChosen: (path) => session.openPath(path)
            onOpenRequested: openDialog.open()
        }

        SplitView {
            orientation: Qt.Vertical
            SplitView.fillWidth: true
            SplitView.minimumWidth: 400

            ColumnLayout {
                SplitView.fillHeight: true
                spacing: 0

                NarrationBar {
                    TapHandler { onTapped: window.leaveEditor() }
                    objectName: "narrationBar"
                    Layout.fillWidth: true
                    Layout.margins: 8
                    theme: ui
                    step: session.step
                    clock: session.clockText
                    text: session.stepping ? session.steppingText : session.narration
                    outcome: session.busy || session.stepping ? "running" : session.outcome
                    outcomeText: session.outcomeText
                }

                // The script's title, file and edit state.
                RowLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: 12
                    Layout.rightMargin: 8
                    Layout.bottomMargin: 4
                    spacing: 8
                    Label {
                        objectName: "scriptTitle"
                        text: session.title
                        font.pixelSize: ui.large
                        font.bold: true
                    }
                    Label {
                        text: session.fileName + "  \u00b7  Python " + session.python
                        color: ui.textDim
                        font.family: ui.mono
                        font.pixelSize: ui.small
                    }
                    Label {
                        visible: session.stale
                        text: qsTr("edited: Step or Run re-parses it")
                        color: ui.warning
                        font.pixelSize: ui.small
                    }
                    Item { Layout.fillWidth: true }
                    Button {
                        visible: session.edited
                        text: qsTr("Revert")
                        flat: true
                        focusPolicy: Qt.NoFocus
                        onClicked: session.revert()
                    }
                }
                Label {
                    Layout.fillWidth: true
                    Layout.leftMargin: 12
                    Layout.rightMargin: 12
                    Layout.bottomMargin: 6
                    visible: session.summary !== ""
                    text: session.summary
                    color: ui.textDim
                    font.pixelSize: ui.small
                    wrapMode: Text.Wrap
                    maximumLineCount: 2
                    elide: Text.ElideRight
                }

                CodeView {
                    id: codeView
                    objectName: "codeView"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    theme: ui
                    text: session.source
                    executedLine: session.stepping ? session.steppingLine : session.executedLine
                    executedColor: session.currentTask > 0 ? session.currentTaskColor : ui.accent
                    taskLines: session.taskLines
                    breakpoints: session.breakpoints
                    errorLine: session.errorLine
                    errorMessage: session.errorMessage
                    onTextEdited: (text) => session.source = text
                    onBreakpointToggled: (line) => session.toggleBreakpoint(line)
                }
            }

            // The timeline: one lane per task, painted from the trace (app/timeline/).
            Rectangle {
                id: timelineArea
                objectName: "timelineArea"
                SplitView.preferredHeight: 330
                SplitView.minimumHeight: 120
                color: ui.panel
                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 10
                    spacing: 6
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 4
                        SectionHeader {
                            Layout.fillWidth: true
                            theme: ui
                            title: qsTr("Timeline")
                            detail: timeAxisAction.checked ? qsTr("x = virtual time: blocking calls show their length")
                                                           : qsTr("x = loop steps, labelled with virtual time")
                        }
                        component TimelineTool: ToolButton {
                            focusPolicy: Qt.NoFocus
                            font.pixelSize: ui.small
                            implicitHeight: 26
                            ToolTip.visible: hovered
                            ToolTip.delay: 500
                            ToolTip.text: action ? action.text + "  (" + action.shortcut + ")" : ""
                        }
                        TimelineTool { objectName: "stepsAxisButton"; action: stepsAxisAction; text: qsTr("Steps") }
                        TimelineTool { objectName: "timeAxisButton"; action: timeAxisAction; text: qsTr("Time") }
                        Rectangle { width: 1; height: 16; color: ui.border }
                        TimelineTool { objectName: "zoomOutButton"; action: zoomOutAction; text: "\u2212" }
                        TimelineTool { objectName: "zoomInButton"; action: zoomInAction; text: "+" }
                        TimelineTool { objectName: "fitButton"; action: fitAction; text: qsTr("Fit") }
                    }
                    TimelineView {
                        id: timelineView
                        objectName: "timelineView"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        currentStep: session.engineStep
                        shownStep: session.step // finding a deadlock is a step here, not in the engine
                        dark: settings.dark
                        fontScale: settings.fontSize / 13
                        reduceMotion: settings.reduceMotion
                        axisMode: settings.timeAxis ? TimelineView.Time : TimelineView.Steps
                        onStepClicked: (step, line) => {
                            session.goToEngineStep(step)
                            if (line > 0)
                                codeView.scrollToLine(line)
                        }
                        onScrubbed: (step) => session.goToEngineStep(step)

                        // The full event under the pointer, next to it (above it near the bottom).
                        ToolTip {
                            id: timelineTip
                            objectName: "timelineToolTip"
                            visible: timelineView.hoverText.length > 0
                            text: timelineView.hoverText
                            delay: 150
                            width: Math.min(implicitWidth, Math.max(260, timelineView.width * 0.6))
                            x: Math.max(0, Math.min(timelineView.hoverPosition.x + 14, timelineView.width - width))
                            y: timelineView.hoverPosition.y + 20 + height <= timelineView.height
                               ? timelineView.hoverPosition.y + 20 : timelineView.hoverPosition.y - height - 8
                        }
                    }
                }
            }
        }

        SplitView {
            orientation: Qt.Vertical
            SplitView.preferredWidth: 420
            SplitView.minimumWidth: 280

            InspectorPanel {
                TapHandler { onTapped: window.leaveEditor() }
                id: inspector
                objectName: "inspector"
                SplitView.fillHeight: true
                theme: ui
                tasks: session.tasks
                ready: session.ready
                timers: session.timers
                primitives: session.primitives
                deadlockText: session.deadlockText
                deadlockNodes: session.deadlockNodes
                deadlockEdges: session.deadlockEdges
                onLineClicked: (line) => codeView.scrollToLine(line)
            }
            ColumnLayout {
                SplitView.preferredHeight: 260
                SplitView.minimumHeight: 100
                spacing: 0
                Rectangle {
                    Layout.fillWidth: true
                    implicitHeight: consoleHeader.implicitHeight + 12
                    color: ui.panel
                    SectionHeader {
                        id: consoleHeader
                        anchors.fill: parent
                        anchors.leftMargin: 12
                        anchors.topMargin: 6
                        theme: ui
                        title: qsTr("Console")
                        detail: qsTr("click a line to go back to its step")
                    }
                }
                ConsoleView {
                    id: consoleView
                    TapHandler { onTapped: window.leaveEditor() }
                    objectName: "console"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    theme: ui
                    model: session.console
                    currentStep: session.step
                    onStepClicked: (step) => session.goToStep(step)
                }
            }
        }
    }

    // Messages from the session (a file that cannot be opened or saved), for a few seconds.
    Connections {
        target: session
        function onMessage(text) {
            toastText.text = text
            toast.open()
            toastTimer.restart()
        }
    }
    Popup {
        id: toast
        objectName: "toast"
        x: (window.width - width) / 2
        y: window.height - height - 90
        padding: 12
        closePolicy: Popup.CloseOnPressOutside | Popup.CloseOnEscape
        background: Rectangle { radius: 6; color: ui.dark ? "#3a2a2d" : "#fff1f2"; border.color: ui.error }
        contentItem: Label { id: toastText; objectName: "toastText"; color: ui.text }
        Timer { id: toastTimer; interval: 5000; onTriggered: toast.close() }
    }

    ExportDialog {
        id: exportDialog
        objectName: "exportDialog"
        theme: ui
        controller: exporter
        scriptTitle: session.title
        scriptEdited: session.edited
        onRunToEndRequested: session.runToEnd()
    }

    Popup {
        id: helpPopup
        objectName: "helpPopup"
        anchors.centerIn: parent
        modal: true
        padding: 20
        contentItem: ColumnLayout {
            spacing: 6
            Label {
                text: qsTr("Keyboard shortcuts")
                font.bold: true
                font.pixelSize: ui.large
                Layout.bottomMargin: 6
            }
            Repeater {
                model: [["Space, \u2192", qsTr("Step one callback")], ["Shift+\u2192", qsTr("Step one loop iteration")],
                        ["Ctrl+T", qsTr("Jump to the next timer")], ["F5, Ctrl+Space", qsTr("Run / Pause")],
                        ["Ctrl+E", qsTr("Run to the end")], ["Ctrl+], Ctrl+[", qsTr("Run faster, slower")], ["\u2190", qsTr("Back one step")], ["Ctrl+R", qsTr("Reset")],
                        ["Esc", qsTr("Pause, or leave the editor")], ["Ctrl+O", qsTr("Open a script")],
                        ["Ctrl+S", qsTr("Save")], ["Ctrl+Shift+E", qsTr("Export the timeline (SVG, PNG, PDF, Perfetto\u2026)")], ["Ctrl+F", qsTr("Find a scenario: \u2193 and Return pick one")], ["Ctrl++, Ctrl+-", qsTr("Text size")],
                        ["Ctrl+1, Ctrl+2", qsTr("Timeline axis: steps or virtual time")],
                        ["Ctrl+Shift+\u00b1, Ctrl+0", qsTr("Zoom the timeline, fit it")],
                        ["Ctrl+L", qsTr("Focus the timeline: arrows pan, + \u2212 zoom, Home End")],
                        ["F6, Shift+F6", qsTr("Next / previous panel (the console: \u2191\u2193 and Return go to a line's step)")]]
                delegate: RowLayout {
                    required property var modelData
                    spacing: 16
                    Label {
                        text: modelData[0]
                        font.family: ui.mono
                        Layout.preferredWidth: 150
                    }
                    Label { text: modelData[1]; color: ui.textDim }
                }
            }
        }
    }
}
