// The Export dialog: the command line's options (app/export/exportoptions.h) as controls, a live
// preview, and the export itself. Everything it decides lives in the ExportController (C++); this
// file lays the controls out and binds them. Options that do not apply to the chosen format are
// disabled, not hidden, so the form does not jump about.
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Dialogs
import Loopscope

Dialog {
    id: root
    property var theme
    property var controller
    property string scriptTitle // the title a figure gets when none is typed
    property bool scriptEdited // the command line runs the script as saved, without the edits
    // The session's run is not over: the dialog offers to run it to its end.
    signal runToEndRequested()

    readonly property var values: controller.values
    readonly property string format: values.format
    readonly property bool figure: controller.figure
    readonly property var applicable: controller.applicable
    readonly property bool building: format === "pdf" && values.build !== "off"

    parent: Overlay.overlay
    x: Math.round((parent.width - width) / 2)
    y: Math.round((parent.height - height) / 2)
    width: Math.min(parent.width - 48, 1180)
    height: Math.min(parent.height - 32, 800)
    modal: true
    focus: true
    closePolicy: Popup.CloseOnEscape
    padding: 16
    title: qsTr("Export the timeline")

    Overlay.modal: Rectangle { color: "#66000000" }

    // Ctrl+Return exports from anywhere in the dialog (Return belongs to the field being edited).
    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: root.opened && exportButton.enabled
        onActivated: root.chooseFile()
    }

    onAboutToShow: controller.active = true
    onClosed: controller.active = false

    // The options' labels: one column, right under each other, so the eye runs down the form.
    component FormLabel: Label {
        color: root.theme.textDim
        horizontalAlignment: Text.AlignRight
        Layout.preferredWidth: 78
        Layout.alignment: Qt.AlignRight | Qt.AlignVCenter
    }
    // A group of options that one kind of export uses: greyed out as a whole when it does not
    // apply (the palette's disabled colours are the enabled ones), so the form never jumps.
    component Section: GridLayout {
        Layout.fillWidth: true
        columns: 2
        columnSpacing: 10
        rowSpacing: 6
        opacity: enabled ? 1 : 0.4
    }
    // A choice among an option's values, as the command line spells them.
    component OptionBox: ComboBox {
        property string option
        Layout.fillWidth: true
        textRole: "text"
        valueRole: "value"
        currentIndex: indexOfValue(root.values[option])
        onActivated: root.controller.setOption(option, currentValue)
    }
    component OptionCheck: CheckBox {
        property string option
        checked: root.values[option] === "on"
        onToggled: root.controller.setOption(option, checked ? "on" : "off")
    }
    // Whole numbers as typed on the command line: no thousands separators.
    component NumberBox: SpinBox {
        editable: true
        textFromValue: (v) => String(v)
        valueFromText: (t) => parseInt(t, 10)
    }
    component Heading: Label {
        font.bold: true
        font.pixelSize: root.theme.small
        font.letterSpacing: 0.8
        color: root.theme.textDim
        Layout.columnSpan: 2
        Layout.topMargin: 10
    }

    FileDialog {
        id: fileDialog
        objectName: "exportFileDialog"
        title: qsTr("Export to")
        fileMode: FileDialog.SaveFile
        // A name typed without an ending gets the format's ("talk" -> "talk.pdf").
        defaultSuffix: root.controller.suggestedName.substring(root.controller.suggestedName.lastIndexOf(".") + 1)
        currentFolder: root.controller.folder
        nameFilters: [root.fileFilter(), qsTr("All files (*)")]
        onAccepted: root.controller.exportTo(selectedFile)
    }
    function fileFilter() {
        const names = { svg: qsTr("SVG images"), png: qsTr("PNG images"), pdf: qsTr("PDF documents"),
                        perfetto: qsTr("Perfetto traces"), trace: qsTr("Conformance traces"), json: qsTr("JSON event logs") }
        const suffix = controller.suggestedName.substring(controller.suggestedName.indexOf(".") + 1)
        return names[format] + " (*." + suffix + ")"
    }
    function chooseFile() {
        fileDialog.selectedFile = controller.folder + "/" + controller.suggestedName
        fileDialog.open()
    }

    contentItem: RowLayout {
        spacing: 18

        // ---- the options ---------------------------------------------------------------------
        ScrollView {
            id: form
            objectName: "exportOptions"
            Layout.preferredWidth: Math.min(430, root.availableWidth * 0.46)
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: form.availableWidth - 12
                spacing: 6

                Section {
                    FormLabel { text: qsTr("Format") }
                    OptionBox {
                        objectName: "formatBox"
                        option: "format"
                        model: [{ value: "svg", text: qsTr("SVG \u2014 vector, text as text") },
                                { value: "png", text: qsTr("PNG \u2014 image") },
                                { value: "pdf", text: qsTr("PDF \u2014 page or slide build") },
                                { value: "perfetto", text: qsTr("Perfetto JSON (ui.perfetto.dev)") },
                                { value: "trace", text: qsTr("Conformance trace") },
                                { value: "json", text: qsTr("Event log JSON") }]
                    }
                }
                Section {
                    objectName: "rangeSection"
                    enabled: root.applicable.includes("steps")
                    Heading { text: qsTr("WHAT IT SHOWS") }
                    FormLabel { text: qsTr("Range") }
                    RowLayout {
                        objectName: "rangeRow"
                        spacing: 2
                        RadioButton {
                            objectName: "rangeAll"
                            text: qsTr("Whole run")
                            checked: root.controller.rangeMode === "all"
                            onClicked: root.controller.setRangeAll()
                        }
                        RadioButton {
                            objectName: "rangeSteps"
                            text: qsTr("Steps")
                            enabled: root.controller.stepCount > 0
                            checked: root.controller.rangeMode === "steps"
                            onClicked: root.controller.setStepRange(1, root.controller.stepCount)
                        }
                        RadioButton {
                            objectName: "rangeTime"
                            text: qsTr("Time")
                            enabled: root.controller.duration > 0
                            checked: root.controller.rangeMode === "time"
                            onClicked: root.controller.setTimeRange(0, root.controller.duration)
                        }
                    }
                    Item { implicitWidth: 1 }
                    RowLayout {
                        objectName: "stepRange"
                        visible: root.controller.rangeMode !== "time"
                        enabled: root.controller.rangeMode === "steps"
                        spacing: 6
                        NumberBox {
                            id: stepFromBox
                            objectName: "stepFrom"
                            from: Math.min(1, root.controller.stepCount)
                            to: root.controller.stepCount
                            value: root.controller.stepFrom
                            Layout.preferredWidth: 110
                            onValueModified: root.controller.setStepRange(value, Math.max(value, stepToBox.value))
                        }
                        Label { text: qsTr("to") }
                        NumberBox {
                            id: stepToBox
                            objectName: "stepTo"
                            from: Math.min(1, root.controller.stepCount)
                            to: root.controller.stepCount
                            value: root.controller.stepTo
                            Layout.preferredWidth: 110
                            onValueModified: root.controller.setStepRange(Math.min(value, stepFromBox.value), value)
                        }
                        Label { text: qsTr("of %1").arg(root.controller.stepCount); color: root.theme.textDim }
                    }
                    RowLayout {
                        objectName: "timeRange"
                        visible: root.controller.rangeMode === "time"
                        spacing: 6
                        // Virtual seconds, kept as milliseconds: SpinBox counts in integers.
                        component SecondsBox: SpinBox {
                            editable: true
                            from: 0
                            to: Math.max(1, Math.round(root.controller.duration * 1000))
                            stepSize: 100
                            Layout.preferredWidth: 120
                            textFromValue: (v) => (v / 1000).toFixed(3)
                            valueFromText: (t) => Math.round(Number.fromLocaleString(Qt.locale("C"), t) * 1000)
                            validator: DoubleValidator { bottom: 0; locale: "C" }
                        }
                        SecondsBox {
                            id: timeFromBox
                            objectName: "timeFrom"
                            value: Math.round(root.controller.timeFrom * 1000)
                            onValueModified: root.controller.setTimeRange(value / 1000, Math.max(value + 1, timeToBox.value) / 1000)
                        }
                        Label { text: qsTr("to") }
                        SecondsBox {
                            id: timeToBox
                            objectName: "timeTo"
                            value: Math.round(root.controller.timeTo * 1000)
                            onValueModified: root.controller.setTimeRange(Math.min(value - 1, timeFromBox.value) / 1000, value / 1000)
                        }
                        Label { text: qsTr("s"); color: root.theme.textDim }
                    }

                    FormLabel {
                        text: qsTr("Lanes")
                        Layout.alignment: Qt.AlignRight | Qt.AlignTop
                        Layout.topMargin: 6
                    }
                    Rectangle {
                        Layout.fillWidth: true
                        implicitHeight: Math.min(laneList.contentHeight, 5.5 * 28) + 2
                        color: "transparent"
                        border.color: root.theme.border
                        radius: 3
                        ListView {
                            id: laneList
                            objectName: "laneList"
                            anchors.fill: parent
                            anchors.margins: 1
                            clip: true
                            model: root.controller.taskNames
                            boundsBehavior: Flickable.StopAtBounds
                            ScrollBar.vertical: ScrollBar {}
                            delegate: CheckBox {
                                required property string modelData
                                required property int index
                                width: ListView.view.width
                                height: 28
                                text: root.controller.taskLabels[index] ?? modelData
                                font.pixelSize: root.theme.small
                                ToolTip.visible: hovered && implicitWidth > width
                                ToolTip.text: text
                                ToolTip.delay: 500
                                // The controller decides (it keeps at least one lane).
                                checkState: root.values.tasks !== undefined && root.controller.taskShown(modelData)
                                            ? Qt.Checked : Qt.Unchecked
                                nextCheckState: function() {
                                    root.controller.setTaskShown(modelData, checkState !== Qt.Checked)
                                    return root.controller.taskShown(modelData) ? Qt.Checked : Qt.Unchecked
                                }
                            }
                        }
                    }
                    Item { implicitWidth: 1 }
                    RowLayout {
                        spacing: 8
                        Button {
                            objectName: "allLanes"
                            text: qsTr("Show all lanes")
                            flat: true
                            enabled: root.values.tasks !== "all"
                            onClicked: root.controller.setOption("tasks", "all")
                        }
                        Label {
                            text: root.controller.taskNames.length === 1 ? qsTr("1 task") : qsTr("%1 tasks").arg(root.controller.taskNames.length)
                            color: root.theme.textFaint
                            font.pixelSize: root.theme.small
                        }
                    }
                }
                Section {
                    objectName: "figureSection"
                    enabled: root.figure
                    Heading { text: qsTr("HOW IT LOOKS") }
                    FormLabel { text: qsTr("Axis") }
                    OptionBox {
                        objectName: "axisBox"
                        option: "axis"
                        model: [{ value: "steps", text: qsTr("Loop steps, labelled with virtual time") },
                                { value: "time", text: qsTr("Virtual time") }]
                    }
                    FormLabel { text: qsTr("Theme") }
                    OptionBox {
                        objectName: "themeBox"
                        option: "theme"
                        model: [{ value: "slides", text: qsTr("Slides \u2014 large type, high contrast") },
                                { value: "light", text: qsTr("Light") }, { value: "dark", text: qsTr("Dark") }]
                    }
                    FormLabel { text: qsTr("Size") }
                    ColumnLayout {
                        spacing: 4
                        Layout.fillWidth: true
                        ComboBox {
                            id: sizeBox
                            objectName: "sizeBox"
                            property bool custom: false
                            Layout.fillWidth: true
                            textRole: "text"
                            valueRole: "value"
                            model: [{ value: "1920x1080", text: qsTr("1920 \u00d7 1080 (16:9, Full HD)") },
                                    { value: "1280x720", text: qsTr("1280 \u00d7 720 (16:9)") },
                                    { value: "4:3", text: qsTr("1440 \u00d7 1080 (4:3)") },
                                    { value: "custom", text: qsTr("Custom size") }]
                            currentIndex: custom || indexOfValue(root.values.size) < 0 ? 3 : indexOfValue(root.values.size)
                            onActivated: {
                                custom = currentValue === "custom"
                                if (!custom)
                                    root.controller.setOption("size", currentValue)
                            }
                        }
                        RowLayout {
                            visible: sizeBox.currentIndex === 3
                            spacing: 6
                            readonly property var wh: root.values.size === "4:3" ? [1440, 1080]
                                                      : String(root.values.size).split("x").map(Number)
                            NumberBox {
                                id: widthBox
                                objectName: "sizeWidth"
                                from: 320
                                to: 16384
                                stepSize: 10
                                value: parent.wh[0]
                                Layout.preferredWidth: 120
                                onValueModified: root.controller.setOption("size", value + "x" + heightBox.value)
                            }
                            Label { text: "\u00d7" }
                            NumberBox {
                                id: heightBox
                                objectName: "sizeHeight"
                                from: 200
                                to: 16384
                                stepSize: 10
                                value: parent.wh[1]
                                Layout.preferredWidth: 120
                                onValueModified: root.controller.setOption("size", widthBox.value + "x" + value)
                            }
                            Label { text: qsTr("px"); color: root.theme.textDim }
                        }
                    }
                    FormLabel { text: qsTr("Title") }
                    TextField {
                        objectName: "titleField"
                        Layout.fillWidth: true
                        placeholderText: root.scriptTitle
                        text: root.values.title
                        selectByMouse: true
                        onTextEdited: root.controller.setOption("title", text)
                    }
                    FormLabel { text: qsTr("Subtitle") }
                    TextField {
                        objectName: "subtitleField"
                        Layout.fillWidth: true
                        placeholderText: qsTr("none")
                        text: root.values.subtitle
                        selectByMouse: true
                        onTextEdited: root.controller.setOption("subtitle", text)
                    }
                    FormLabel { text: qsTr("Show") }
                    RowLayout {
                        spacing: 12
                        OptionCheck { objectName: "legendCheck"; option: "legend"; text: qsTr("Legend") }
                        OptionCheck { objectName: "codeCheck"; option: "code"; text: qsTr("Code beside it") }
                    }
                    FormLabel { text: qsTr("Font scale") }
                    RowLayout {
                        spacing: 8
                        Slider {
                            objectName: "fontScaleSlider"
                            Layout.fillWidth: true
                            from: 0.5
                            to: 3
                            stepSize: 0.1
                            snapMode: Slider.SnapAlways
                            value: Number(root.values["font-scale"])
                            onMoved: root.controller.setOption("font-scale", value.toFixed(1))
                        }
                        Label {
                            text: Number(root.values["font-scale"]).toFixed(1) + "\u00d7"
                            font.family: root.theme.mono
                            Layout.preferredWidth: 40
                        }
                    }

                }
                Section {
                    objectName: "pngSection"
                    enabled: root.format === "png"
                    Heading { text: qsTr("PNG IMAGE") }
                    FormLabel { text: qsTr("Scale") }
                    RowLayout {
                        spacing: 12
                        OptionBox {
                            objectName: "scaleBox"
                            option: "scale"
                            Layout.fillWidth: false
                            Layout.preferredWidth: 90
                            model: [{ value: "1", text: "1\u00d7" }, { value: "2", text: "2\u00d7" }, { value: "4", text: "4\u00d7" }]
                        }
                        CheckBox {
                            objectName: "transparentCheck"
                            text: qsTr("Transparent background")
                            checked: root.values.background === "transparent"
                            onToggled: root.controller.setOption("background", checked ? "transparent" : "solid")
                        }
                    }

                }
                Section {
                    objectName: "pdfSection"
                    enabled: root.format === "pdf"
                    Heading { text: qsTr("PDF") }
                    FormLabel { text: qsTr("Build") }
                    OptionBox {
                        objectName: "buildBox"
                        option: "build"
                        model: [{ value: "off", text: qsTr("Off \u2014 one page, the whole timeline") },
                                { value: "step", text: qsTr("One slide per step") },
                                { value: "iteration", text: qsTr("One slide per loop iteration") }]
                    }
                }
                Button {
                    objectName: "resetOptions"
                    text: qsTr("Reset to defaults")
                    flat: true
                    Layout.topMargin: 6
                    onClicked: {
                        sizeBox.custom = false
                        root.controller.resetOptions()
                    }
                }
            }
        }

        // ---- the preview, the command line ---------------------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 8

            SectionHeader {
                Layout.fillWidth: true
                theme: root.theme
                title: qsTr("Preview")
                detail: root.controller.previewCaption
            }
            Rectangle {
                objectName: "previewFrame"
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: root.theme.dark ? "#101216" : "#e4e8ee"
                radius: 4
                ExportPreview {
                    id: preview
                    objectName: "exportPreview"
                    anchors.fill: parent
                    anchors.margins: 12
                    visible: root.figure
                    controller: root.controller
                }
                ScrollView {
                    anchors.fill: parent
                    anchors.margins: 8
                    visible: !root.figure
                    TextArea {
                        objectName: "previewText"
                        readOnly: true
                        text: root.controller.previewText
                        font.family: root.theme.mono
                        font.pixelSize: root.theme.small
                        wrapMode: TextEdit.NoWrap
                        background: null
                    }
                }
            }
            // A slide build: which page the preview shows.
            RowLayout {
                Layout.fillWidth: true
                visible: root.building
                spacing: 8
                Label { text: qsTr("Slide after step"); color: root.theme.textDim }
                Slider {
                    objectName: "pageSlider"
                    Layout.fillWidth: true
                    from: root.controller.rangeMode === "steps" ? root.controller.stepFrom : Math.min(1, root.controller.stepCount)
                    to: root.controller.rangeMode === "steps" ? root.controller.stepTo : root.controller.stepCount
                    stepSize: 1
                    snapMode: Slider.SnapAlways
                    value: root.controller.previewStep
                    onMoved: root.controller.previewStep = value
                }
                Label {
                    text: qsTr("%1 of %2").arg(root.controller.previewStep).arg(root.controller.stepCount)
                    font.family: root.theme.mono
                }
            }
            // The session stopped part-way: the export shows what ran so far.
            RowLayout {
                objectName: "unfinishedRow"
                Layout.fillWidth: true
                visible: !root.controller.runFinished
                spacing: 8
                Label {
                    Layout.fillWidth: true
                    text: root.controller.stepCount === 0 ? qsTr("Nothing has run yet: there is no timeline to export.")
                          : qsTr("The run stopped at step %1: the export shows what has run so far.").arg(root.controller.stepCount)
                    color: root.theme.warning
                    wrapMode: Text.Wrap
                }
                Button {
                    objectName: "runToEndButton"
                    text: qsTr("Run to end")
                    onClicked: root.runToEndRequested()
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Label { text: qsTr("Command line"); color: root.theme.textDim }
                TextField {
                    objectName: "commandLine"
                    Layout.fillWidth: true
                    readOnly: true
                    selectByMouse: true
                    text: root.controller.commandLine
                    font.family: root.theme.mono
                    font.pixelSize: root.theme.small
                }
                Button {
                    objectName: "copyCommandLine"
                    text: qsTr("Copy")
                    onClicked: root.controller.copyCommandLine()
                }
            }
            Label {
                Layout.fillWidth: true
                visible: root.scriptEdited
                text: qsTr("The command line runs the script as saved: save your edits to a file first.")
                color: root.theme.textDim
                font.pixelSize: root.theme.small
                wrapMode: Text.Wrap
            }
        }
    }

    footer: Pane {
        padding: 12
        topPadding: 10
        background: Rectangle {
            color: root.theme.panelAlt
            Rectangle { width: parent.width; height: 1; color: root.theme.border }
        }
        RowLayout {
            anchors.fill: parent
            spacing: 10
            // One line: why the options cannot be exported, or what the last export did.
            Label {
                objectName: "exportStatus"
                Layout.fillWidth: true
                text: root.controller.problem !== "" ? root.controller.problem : root.controller.status
                color: root.controller.problem !== "" || root.controller.failed ? root.theme.error
                       : root.controller.exportedPath !== "" && !root.controller.busy ? root.theme.success : root.theme.textDim
                elide: Text.ElideMiddle
                ToolTip.visible: statusHover.hovered && truncated
                ToolTip.text: text
                HoverHandler { id: statusHover }
            }
            ProgressBar {
                objectName: "exportProgress"
                visible: root.controller.busy
                value: root.controller.progress
                Layout.preferredWidth: 160
            }
            Button {
                objectName: "cancelExport"
                visible: root.controller.busy
                text: qsTr("Cancel")
                onClicked: root.controller.cancel()
            }
            Button {
                objectName: "showInFolder"
                visible: root.controller.exportedPath !== "" && !root.controller.failed && !root.controller.busy
                text: qsTr("Show in folder")
                onClicked: root.controller.showInFolder()
            }
            Button {
                objectName: "copyPath"
                visible: root.controller.exportedPath !== "" && !root.controller.failed && !root.controller.busy
                text: qsTr("Copy path")
                onClicked: root.controller.copyPath()
            }
            Button {
                objectName: "closeExport"
                text: qsTr("Close")
                onClicked: root.close()
            }
            Button {
                id: exportButton
                objectName: "exportButton"
                text: qsTr("Export\u2026")
                ToolTip.visible: hovered
                ToolTip.delay: 500
                ToolTip.text: qsTr("Choose the file and export (Ctrl+Return)")
                highlighted: true
                enabled: root.controller.problem === "" && !root.controller.busy && root.controller.stepCount > 0
                onClicked: root.chooseFile()
            }
        }
    }
}
