// The wait-for graph of a deadlock: tasks on a circle, an arrow from each task to the task
// holding what it waits for, labelled with the primitive; the cycle's arrows in red.
import QtQuick

Item {
    id: root
    property var theme
    property var nodes: [] // [{taskId, name, taskName, waitsFor, inCycle, taskColor}]
    property var edges: [] // [{from, to, label, inCycle}]
    implicitHeight: 220

    readonly property real radius: Math.max(30, Math.min(width, height) / 2 - 44)
    function nodePosition(i) {
        const n = Math.max(1, nodes.length)
        const angle = -Math.PI / 2 + (n === 2 ? Math.PI / 2 : 0) + 2 * Math.PI * i / n
        return Qt.point(width / 2 + radius * Math.cos(angle), height / 2 + radius * Math.sin(angle))
    }
    function indexOfTask(id) {
        for (let i = 0; i < nodes.length; ++i)
            if (nodes[i].taskId === id)
                return i
        return -1
    }

    onNodesChanged: canvas.requestPaint()
    onEdgesChanged: canvas.requestPaint()
    onWidthChanged: canvas.requestPaint()
    onHeightChanged: canvas.requestPaint()

    Canvas {
        id: canvas
        anchors.fill: parent
        onPaint: {
            const ctx = getContext("2d")
            ctx.reset()
            ctx.font = root.theme.small + "px sans-serif"
            for (const e of root.edges) {
                const a = root.indexOfTask(e.from), b = root.indexOfTask(e.to)
                if (a < 0 || b < 0)
                    continue
                const p = root.nodePosition(a), q = root.nodePosition(b)
                // Curve to the side so that the two arrows of a 2-cycle don't overlap.
                const mx = (p.x + q.x) / 2, my = (p.y + q.y) / 2
                const dx = q.x - p.x, dy = q.y - p.y
                const len = Math.max(1, Math.sqrt(dx * dx + dy * dy))
                const cx = mx - dy / len * 36, cy = my + dx / len * 36
                const colour = e.inCycle ? root.theme.error : root.theme.textDim
                ctx.strokeStyle = colour
                ctx.fillStyle = colour
                ctx.lineWidth = e.inCycle ? 2.5 : 1.5
                // Stop at the target node's edge.
                const tx = q.x - (q.x - cx) / Math.max(1, Math.hypot(q.x - cx, q.y - cy)) * 30
                const ty = q.y - (q.y - cy) / Math.max(1, Math.hypot(q.x - cx, q.y - cy)) * 30
                ctx.beginPath()
                ctx.moveTo(p.x, p.y)
                ctx.quadraticCurveTo(cx, cy, tx, ty)
                ctx.stroke()
                const ang = Math.atan2(ty - cy, tx - cx)
                ctx.beginPath()
                ctx.moveTo(tx, ty)
                ctx.lineTo(tx - 10 * Math.cos(ang - 0.4), ty - 10 * Math.sin(ang - 0.4))
                ctx.lineTo(tx - 10 * Math.cos(ang + 0.4), ty - 10 * Math.sin(ang + 0.4))
                ctx.closePath()
                ctx.fill()
                const w = ctx.measureText(e.label).width
                ctx.fillStyle = root.theme.panel
                ctx.fillRect(cx - w / 2 - 4, cy - 9, w + 8, 18)
                ctx.fillStyle = colour
                ctx.fillText(e.label, cx - w / 2, cy + 4)
            }
        }
    }
    Repeater {
        model: root.nodes
        Rectangle {
            required property var modelData
            required property int index
            readonly property point at: root.nodePosition(index)
            x: at.x - width / 2
            y: at.y - height / 2
            width: Math.max(64, label.implicitWidth + 18)
            height: 30
            radius: 15
            color: root.theme.panel
            border.width: 2
            border.color: modelData.inCycle ? root.theme.error : modelData.taskColor
            Text {
                id: label
                anchors.centerIn: parent
                text: modelData.name
                color: root.theme.text
                font.pixelSize: root.theme.small
                font.bold: true
            }
        }
    }
}
