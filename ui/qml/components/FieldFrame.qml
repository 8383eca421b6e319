import QtQuick

// The box behind a text field: a border of at least 3:1 contrast, red when the field has a
// problem, and a thick dark focus ring while the field has focus (WCAG 1.4.11, 2.4.7).
Rectangle {
    id: frame
    property Item field: parent
    property bool invalid: false
    radius: Theme.radius
    color: Theme.surface
    border.color: invalid ? Theme.error : Theme.fieldBorder
    border.width: invalid ? 4 : Theme.fieldBorderWidth
    Rectangle {
        objectName: "focusRing"
        anchors.fill: parent
        radius: frame.radius
        color: "transparent"
        border.color: Theme.focusRing
        border.width: Theme.focusRingWidth
        visible: frame.field !== null && frame.field.activeFocus
    }
}
