// The window's colours and type sizes, light or dark: one calm palette shared by every panel.
import QtQuick

QtObject {
    property bool dark: false
    property int fontSize: 13

    readonly property color window: dark ? "#16191e" : "#eef1f5"
    readonly property color panel: dark ? "#1f2329" : "#ffffff"
    readonly property color panelAlt: dark ? "#252a31" : "#f6f8fa"
    readonly property color border: dark ? "#323842" : "#dde2e8"
    readonly property color text: dark ? "#e3e7ed" : "#1f2329"
    readonly property color textDim: dark ? "#98a2b0" : "#5c6673"
    readonly property color textFaint: dark ? "#6b7482" : "#8d96a3"
    readonly property color accent: dark ? "#6ea8fe" : "#2f6fde"
    readonly property color accentSoft: dark ? "#24344d" : "#e6efff"
    readonly property color executed: dark ? "#2a3a52" : "#fff4c2"
    readonly property color codeBackground: dark ? "#1a1d22" : "#fcfcfd"
    readonly property color gutter: dark ? "#16191d" : "#f3f5f8"
    readonly property color error: dark ? "#ff6b6b" : "#d92d3a"
    readonly property color errorSoft: dark ? "#3d2226" : "#fde8ea"
    readonly property color warning: dark ? "#f5b14c" : "#b86e00"
    readonly property color success: dark ? "#5ccf7f" : "#2b8a3e"
    readonly property string mono: "DejaVu Sans Mono"

    readonly property int small: Math.round(fontSize * 0.85)
    readonly property int large: Math.round(fontSize * 1.25)

    // Colour of a task state badge.
    function stateColor(state) {
        switch (state) {
        case "running": return accent
        case "ready": return success
        case "waiting": return warning
        case "failed": return error
        case "cancelled": return textFaint
        case "destroyed": return textFaint
        default: return textDim
        }
    }
}
