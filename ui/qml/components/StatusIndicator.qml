import QtQuick
import QtQuick.Layouts

// One device in the status bar: a coloured dot AND a word (colour is never the only cue).
RowLayout {
    id: root
    property string label: ""
    property string state: "unknown"
    property string stateText: ""
    spacing: 8
    Accessible.role: Accessible.StaticText
    Accessible.name: label + " " + stateText

    Rectangle {
        Layout.preferredWidth: 18
        Layout.preferredHeight: 18
        radius: 9
        color: root.state === "ok" ? Theme.ok
             : root.state === "warning" ? "#f2b705"
             : root.state === "error" ? "#ff6b5e" : "#9aa5b5"
        border.color: Theme.textOnPrimary
        border.width: 2
    }
    Text {
        text: root.label + " " + root.stateText
        color: Theme.textOnPrimary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.statusFont
    }
}
