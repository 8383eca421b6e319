import QtQuick
import QtQuick.Layouts

// Wrapped body text that fills its column's width (no horizontal scrolling, ever).
Text {
    Layout.fillWidth: true
    wrapMode: Text.Wrap
    color: Theme.text
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    lineHeight: 1.3
}
