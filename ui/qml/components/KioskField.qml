import QtQuick
import QtQuick.Controls

// A large one-line text field; `label` is what a screen reader announces. Set `flick` when
// the field sits in a scrolling form so it stays visible above the keyboard.
TextField {
    id: field
    property string label: ""
    property alias flick: scroller.flick
    implicitHeight: Theme.touchMin + 8
    leftPadding: 20
    rightPadding: 20
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontLarge
    color: Theme.text
    placeholderTextColor: Theme.textMuted
    Accessible.role: Accessible.EditableText
    Accessible.name: label
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: field.activeFocus ? Theme.primary : Theme.divider
        border.width: 3
    }
    FieldScroller { id: scroller }
}
