// The script: editable, syntax-highlighted, with line numbers, breakpoints (click the gutter),
// the executed line highlighted, each live task's line marked in the task's colour, and an error
// underlined with its message.
import QtQuick
import QtQuick.Controls
import Loopscope

Rectangle {
    id: root
    property var theme
    property string text
    property int executedLine: 0
    property color executedColor: theme.accent
    property var taskLines: [] // [{line, taskColor, name, taskId}]
    property var breakpoints: []
    property int errorLine: 0
    property string errorMessage
    property alias editor: area
    signal textEdited(string text)
    signal breakpointToggled(int line)

    color: theme.codeBackground

    readonly property int lineCount: Math.max(1, area.lineCount)
    readonly property real lineHeight: area.lineCount > 0 ? (area.contentHeight / area.lineCount) : fontMetrics.lineSpacing
    readonly property real gutterWidth: Math.max(3, String(lineCount).length + 1) * fontMetrics.averageCharacterWidth + 28
    // Character offset where each line starts, for positioning marks after the line's text.
    readonly property var lineStarts: {
        const starts = [0]
        const t = area.text
        for (let i = 0; i < t.length; ++i)
            if (t.charCodeAt(i) === 10)
                starts.push(i + 1)
        return starts
    }
    // Tasks grouped by line: [{line, tasks: [{name, color}]}]
    readonly property var taskGroups: {
        const byLine = {}
        const out = []
        for (const t of taskLines) {
            if (!(t.line in byLine)) {
                byLine[t.line] = { line: t.line, tasks: [] }
                out.push(byLine[t.line])
            }
            byLine[t.line].tasks.push(t)
        }
        return out
    }

    function lineY(line) {
        return area.topPadding + (line - 1) * lineHeight
    }
    // Where a line's text starts (after its indentation).
    function lineStartX(line) {
        if (line < 1 || line > lineStarts.length)
            return 0
        const start = lineStarts[line - 1]
        const end = line < lineStarts.length ? lineStarts[line] - 1 : area.length
        const t = area.text
        let i = start
        while (i < end && (t[i] === " " || t[i] === "\t"))
            ++i
        return area.positionToRectangle(Math.min(i, area.length)).x
    }
    function lineEndX(line) {
        if (line < 1 || line > lineStarts.length)
            return 0
        const end = line < lineStarts.length ? lineStarts[line] - 1 : area.length
        return area.positionToRectangle(Math.min(end, area.length)).x
    }
    // Scrolls as little as possible to show `line` with a few lines of context around it.
    function scrollToLine(line) {
        if (line < 1 || flick.height <= 0)
            return
        const margin = 3 * lineHeight
        const y = lineY(line)
        let top = flick.contentY
        if (y - margin < top)
            top = y - margin
        else if (y + lineHeight + margin > top + flick.height)
            top = y + lineHeight + margin - flick.height
        flick.contentY = Math.max(0, Math.min(top, flick.contentHeight - flick.height))
    }

    onTextChanged: if (area.text !== text) area.text = text
    onExecutedLineChanged: scrollToLine(executedLine)
    onErrorLineChanged: scrollToLine(errorLine)
    onHeightChanged: Qt.callLater(() => {
        flick.contentY = 0
        scrollToLine(errorLine > 0 ? errorLine : executedLine)
    })

    FontMetrics {
        id: fontMetrics
        font: area.font
    }

    PythonHighlighter {
        document: area.textDocument
        dark: root.theme.dark
        errorLine: root.errorLine
    }

    Flickable {
        id: flick
        anchors.fill: parent
        clip: true
        contentWidth: root.gutterWidth + Math.max(area.implicitWidth, flick.width - root.gutterWidth)
        contentHeight: Math.max(area.implicitHeight, flick.height)
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}
        ScrollBar.horizontal: ScrollBar {}

        // Line backgrounds, under the text.
        Rectangle {
            objectName: "executedLineMark"
            visible: root.executedLine > 0
            x: 0
            y: root.lineY(root.executedLine)
            width: flick.contentWidth
            height: root.lineHeight
            color: root.theme.executed
            Rectangle {
                x: root.gutterWidth - 3
                width: 3
                height: parent.height
                color: root.executedColor
            }
        }
        Rectangle {
            visible: root.errorLine > 0
            x: root.gutterWidth
            y: root.lineY(root.errorLine)
            width: flick.contentWidth - root.gutterWidth
            height: root.lineHeight
            color: root.theme.errorSoft
        }
        // The error's line is underlined with a red squiggle, its message after it.
        Canvas {
            id: squiggle
            objectName: "errorUnderline"
            visible: root.errorLine > 0
            x: root.gutterWidth + root.lineStartX(root.errorLine)
            y: root.lineY(root.errorLine) + root.lineHeight - 4
            width: Math.max(12, root.lineEndX(root.errorLine) - root.lineStartX(root.errorLine))
            height: 4
            property color ink: root.theme.error
            onInkChanged: requestPaint()
            onWidthChanged: requestPaint()
            onVisibleChanged: requestPaint()
            onPaint: {
                const ctx = getContext("2d")
                ctx.clearRect(0, 0, width, height)
                ctx.strokeStyle = ink
                ctx.lineWidth = 1.2
                ctx.beginPath()
                for (let px = 0; px <= width; px += 3)
                    px === 0 ? ctx.moveTo(px, height - 1) : ctx.lineTo(px, (px / 3) % 2 ? 1 : height - 1)
                ctx.stroke()
            }
        }

        // The gutter: line numbers, breakpoints, task marks.
        Rectangle {
            id: gutter
            width: root.gutterWidth
            height: flick.contentHeight
            color: root.theme.gutter
            Repeater {
                model: root.lineCount
                Text {
                    required property int index
                    x: 0
                    width: root.gutterWidth - 10
                    y: root.lineY(index + 1)
                    height: root.lineHeight
                    verticalAlignment: Text.AlignVCenter
                    horizontalAlignment: Text.AlignRight
                    text: index + 1
                    font: area.font
                    color: index + 1 === root.executedLine ? root.theme.text : root.theme.textFaint
                }
            }
            Repeater {
                model: root.breakpoints
                Rectangle {
                    required property var modelData
                    objectName: "breakpoint" + modelData
                    x: 5
                    y: root.lineY(modelData) + (root.lineHeight - height) / 2
                    width: Math.round(root.lineHeight * 0.6)
                    height: width
                    radius: width / 2
                    color: root.theme.error
                }
            }
            Repeater {
                model: root.taskGroups
                Rectangle {
                    required property var modelData
                    x: root.gutterWidth - 7
                    y: root.lineY(modelData.line) + 1
                    width: 4
                    height: root.lineHeight - 2
                    radius: 2
                    color: modelData.tasks[0].taskColor
                }
            }
            MouseArea {
                objectName: "gutterArea"
                anchors.fill: parent
                cursorShape: Qt.PointingHandCursor
                onClicked: (mouse) => {
                    const line = Math.floor((mouse.y - area.topPadding) / root.lineHeight) + 1
                    if (line >= 1 && line <= root.lineCount)
                        root.breakpointToggled(line)
                }
            }
        }

        TextArea {
            id: area
            objectName: "codeEditor"
            x: root.gutterWidth
            width: Math.max(implicitWidth, flick.width - root.gutterWidth)
            height: Math.max(implicitHeight, flick.height)
            background: null
            leftPadding: 10
            topPadding: 8
            bottomPadding: 8
            font.family: root.theme.mono
            font.pixelSize: root.theme.fontSize
            color: root.theme.text
            selectionColor: root.theme.accentSoft
            selectedTextColor: root.theme.text
            wrapMode: TextEdit.NoWrap
            selectByMouse: true
            persistentSelection: true
            tabStopDistance: fontMetrics.averageCharacterWidth * 4
            onTextChanged: if (text !== root.text) root.textEdited(text)
            Keys.onEscapePressed: focus = false
            // Python indents with spaces; F6 (the window's) moves on to the next panel.
            Keys.onTabPressed: insert(cursorPosition, "    ")
        }

        // After the line's text: which tasks are there, and the error message.
        Repeater {
            model: root.taskGroups
            Row {
                required property var modelData
                objectName: "taskMark" + modelData.line
                // After the line's text, but kept inside the visible width (over a long comment).
                x: Math.max(root.gutterWidth + 8, Math.min(root.gutterWidth + root.lineEndX(modelData.line) + 18,
                                                           flick.contentX + flick.width - width - 14))
                y: root.lineY(modelData.line) + 1
                height: root.lineHeight - 2
                spacing: 4
                Repeater {
                    model: modelData.tasks
                    Rectangle {
                        required property var modelData
                        height: parent.height
                        width: chipText.implicitWidth + 12
                        radius: 3
                        color: root.theme.codeBackground
                        border.color: modelData.taskColor
                        Rectangle {
                            anchors.fill: parent
                            radius: 3
                            color: modelData.taskColor
                            opacity: 0.18
                        }
                        Text {
                            id: chipText
                            anchors.centerIn: parent
                            text: modelData.name
                            color: root.theme.text
                            font.pixelSize: root.theme.small
                        }
                    }
                }
            }
        }
        Text {
            objectName: "errorMessage"
            visible: root.errorLine > 0 && root.errorMessage !== ""
            x: root.gutterWidth + root.lineEndX(root.errorLine) + 18
            y: root.lineY(root.errorLine)
            height: root.lineHeight
            verticalAlignment: Text.AlignVCenter
            text: "\u26a0 " + root.errorMessage
            color: root.theme.error
            font.pixelSize: root.theme.small
            font.bold: true
        }
    }
}
