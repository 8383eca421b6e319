import QtQuick
import QtQuick.Controls

// A large one-line text field. `label` is what a screen reader announces and, unless
// `showLabel` is false (the page shows the same words just above), it stays written small
// inside the box above the text, also once the field is filled. `invalid` draws it red. Set
// `flick` when the field sits in a scrolling form so it stays visible above the keyboard.
TextField {
    id: field
    property string label: ""
    property bool showLabel: label !== ""
    property bool invalid: false
    property alias flick: scroller.flick
    readonly property int labelSpace: showLabel ? innerLabel.implicitHeight + 6 : 0
    topPadding: 12 + labelSpace
    bottomPadding: 12
    leftPadding: Theme.fieldPadding
    rightPadding: Theme.fieldPadding
    implicitHeight: Math.max(Theme.touchMin + 8,
                             topPadding + bottomPadding + Math.ceil(font.pixelSize * 1.4))
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontLarge
    color: Theme.text
    placeholderTextColor: Theme.textMuted
    Accessible.role: Accessible.EditableText
    Accessible.name: label
    background: FieldFrame { field: field; invalid: field.invalid }
    Text {
        id: innerLabel
        objectName: "fieldLabel"
        visible: field.showLabel
        x: field.leftPadding
        y: 10
        width: field.width - field.leftPadding - field.rightPadding
        text: field.label
        elide: Text.ElideRight
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        Accessible.ignored: true
    }
    FieldScroller { id: scroller }
}
