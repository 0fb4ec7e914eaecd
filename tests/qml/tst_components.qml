// The window's components on their own, with stand-in data.
import QtQuick
import QtTest
import Loopscope
import "../../qml"

Item {
    id: top
    width: 900
    height: 600

    Theme { id: testTheme }

    Component {
        id: narrationComponent
        NarrationBar { width: 700; theme: testTheme }
    }
    Component {
        id: codeComponent
        CodeView { width: 600; height: 400; theme: testTheme }
    }
    Component {
        id: graphComponent
        DeadlockGraph { width: 400; height: 240; theme: testTheme }
    }
    Component {
        id: consoleComponent
        ConsoleView { width: 500; height: 200; theme: testTheme }
    }
    Component {
        id: libraryComponent
        LibrarySidebar { width: 260; height: 560; theme: testTheme; scenarios: ScenarioModel {} }
    }
    Component {
        id: lineModel
        ListModel {
            ListElement { text: "starting"; step: 1; kind: "output"; taskColor: "#4e79a7"; taskId: 1 }
            ListElement { text: "photo.jpg: request sent"; step: 2; kind: "output"; taskColor: "#f28e2b"; taskId: 2 }
            ListElement { text: "KeyError: 'last'"; step: 9; kind: "error"; taskColor: "#8a8f98"; taskId: 0 }
        }
    }

    TestCase {
        name: "Components"
        when: windowShown

        function findNamed(item, name) {
            if (item.objectName === name)
                return item
            for (let i = 0; i < item.children.length; ++i) {
                const found = findNamed(item.children[i], name)
                if (found)
                    return found
            }
            return null
        }

        function test_narrationShowsStepClockAndSentence() {
            const bar = createTemporaryObject(narrationComponent, top, {
                step: 12, clock: "1.000", outcome: "running",
                text: "Step 12 \u00b7 t=1.000 \u00b7 Task-3 fetch resumes because asyncio.sleep(1) is over"
            })
            verify(bar)
            compare(findNamed(bar, "stepCounter").text, "Step 12")
            compare(findNamed(bar, "clockText").text, "t = 1.000 s")
            compare(findNamed(bar, "narrationText").text, "Task-3 fetch resumes because asyncio.sleep(1) is over")
            verify(!findNamed(bar, "outcomeBadge").visible)
            bar.outcome = "deadlock"
            bar.outcomeText = "Deadlock"
            verify(findNamed(bar, "outcomeBadge").visible)
        }

        function test_codeViewMarksLinesAndTogglesBreakpoints() {
            const view = createTemporaryObject(codeComponent, top, {
                text: "import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n",
                executedLine: 4,
                taskLines: [{ line: 4, taskColor: "#4e79a7", name: "Task-1", taskId: 1 },
                            { line: 4, taskColor: "#f28e2b", name: "Task-2", taskId: 2 }],
                breakpoints: [3]
            })
            verify(view)
            compare(view.lineCount, 5)
            verify(view.lineHeight > 5)
            const mark = findNamed(view, "executedLineMark")
            verify(mark.visible)
            fuzzyCompare(mark.y, view.lineY(4), 0.5)
            const chips = findNamed(view, "taskMark4")
            verify(chips)
            verify(chips.x > view.gutterWidth + view.lineEndX(4))
            verify(chips.x + chips.width <= view.width)
            verify(findNamed(view, "breakpoint3"))
            const spy = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: 'breakpointToggled' }", top)
            spy.target = view
            const gutter = findNamed(view, "gutterArea")
            mouseClick(gutter, 10, view.lineY(2) + view.lineHeight / 2)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], 2)
        }

        function test_codeViewReportsEditsAndErrors() {
            const view = createTemporaryObject(codeComponent, top, { text: "x = 1\n" })
            const spy = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: 'textEdited' }", top)
            spy.target = view
            view.editor.insert(0, "# hi\n")
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "# hi\nx = 1\n")
            view.errorLine = 1
            view.errorMessage = "SyntaxError: invalid syntax"
            const message = findNamed(view, "errorMessage")
            verify(message.visible)
            compare(message.text, "\u26a0 SyntaxError: invalid syntax")
            // The line's text is underlined: from its first character to its end.
            const underline = findNamed(view, "errorUnderline")
            verify(underline.visible)
            verify(underline.width > 12)
            verify(Math.abs(underline.y - (view.lineY(1) + view.lineHeight - 4)) < 0.5)
            view.errorLine = 0
            verify(!underline.visible)
        }

        function test_deadlockGraphDrawsTheCycle() {
            const graph = createTemporaryObject(graphComponent, top, {
                nodes: [{ taskId: 2, name: "alice", taskName: "Task-2", waitsFor: "lock_b.acquire()", inCycle: true, taskColor: "#f28e2b" },
                        { taskId: 3, name: "bob", taskName: "Task-3", waitsFor: "lock_a.acquire()", inCycle: true, taskColor: "#59a14f" }],
                edges: [{ from: 2, to: 3, label: "lock_b", inCycle: true }, { from: 3, to: 2, label: "lock_a", inCycle: true }]
            })
            verify(graph)
            compare(graph.indexOfTask(3), 1)
            const a = graph.nodePosition(0), b = graph.nodePosition(1)
            verify(Math.abs(a.x - b.x) > 100) // side by side, not on top of each other
            waitForRendering(graph)
        }

        function test_libraryIsGroupedSearchableAndClickable() {
            const sidebar = createTemporaryObject(libraryComponent, top, { currentScenario: "gather" })
            const list = findNamed(sidebar, "scenarioList")
            tryCompare(list, "count", 7)
            compare(list.section.property, "group")
            const search = findNamed(sidebar, "librarySearch")
            search.forceActiveFocus()
            keyClick(Qt.Key_L); keyClick(Qt.Key_O); keyClick(Qt.Key_C); keyClick(Qt.Key_K); keyClick(Qt.Key_S)
            tryCompare(list, "count", 1)
            const spy = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: 'scenarioChosen' }", top)
            spy.target = sidebar
            waitForRendering(list)
            const first = list.itemAtIndex(0)
            verify(first)
            mouseClick(first, 20, first.height / 2)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], "deadlock")
            search.text = ""
            tryCompare(list, "count", 7)
        }

        function test_consoleLinesGoBackToTheirStep() {
            const model = createTemporaryObject(lineModel, top)
            const view = createTemporaryObject(consoleComponent, top, { model: model, currentStep: 9 })
            const list = findNamed(view, "consoleList")
            tryCompare(list, "count", 3)
            const spy = createTemporaryQmlObject("import QtTest; SignalSpy { signalName: 'stepClicked' }", top)
            spy.target = view
            waitForRendering(list)
            const second = list.itemAtIndex(1)
            verify(second)
            mouseClick(second, 100, second.height / 2)
            compare(spy.count, 1)
            compare(spy.signalArguments[0][0], 2)
        }
    }
}
