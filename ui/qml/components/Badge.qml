import QtQuick

// A short coloured tag with its word always visible (colour is never the only cue).
Rectangle {
    id: badge
    property string text: ""
    property color tone: Theme.primary
    implicitWidth: label.implicitWidth + 24
    implicitHeight: label.implicitHeight + 8
    radius: 8
    color: "transparent"
    border.color: tone
    border.width: 2
    Accessible.role: Accessible.StaticText
    Accessible.name: text
    Text {
        id: label
        anchors.centerIn: parent
        text: badge.text
        color: badge.tone
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.bold: true
    }
}
