// A small caps heading with an optional count, for the inspector's and the sidebar's sections.
import QtQuick
import QtQuick.Layouts

RowLayout {
    id: root
    property string title
    property string detail
    property var theme
    spacing: 6
    Text {
        text: root.title.toUpperCase()
        color: root.theme.textDim
        font.pixelSize: root.theme.small
        font.bold: true
        font.letterSpacing: 0.8
    }
    Text {
        text: root.detail
        visible: root.detail !== ""
        color: root.theme.textFaint
        font.pixelSize: root.theme.small
    }
    Item { Layout.fillWidth: true }
}
