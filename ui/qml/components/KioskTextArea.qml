import QtQuick
import QtQuick.Controls

// A multi-line text box for free Chinese text (Pinyin keyboard); grows with its text. `label`
// as on KioskField (kept visible inside the box unless `showLabel` is false), `invalid` red.
TextArea {
    id: area
    property string label: ""
    property bool showLabel: label !== ""
    property bool invalid: false
    property alias flick: scroller.flick
    property int minimumLines: 4
    readonly property int labelSpace: showLabel ? innerLabel.implicitHeight + 6 : 0
    implicitHeight: Math.max(contentHeight + topPadding + bottomPadding,
                             font.pixelSize * 1.5 * minimumLines + labelSpace)
    wrapMode: TextEdit.Wrap
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    color: Theme.text
    placeholderTextColor: Theme.textMuted
    padding: Theme.fieldPadding
    topPadding: Theme.fieldPadding + labelSpace
    Accessible.role: Accessible.EditableText
    Accessible.name: label
    background: FieldFrame { field: area; invalid: area.invalid }
    Text {
        id: innerLabel
        objectName: "fieldLabel"
        visible: area.showLabel
        x: area.leftPadding
        y: 12
        width: area.width - area.leftPadding - area.rightPadding
        text: area.label
        elide: Text.ElideRight
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        Accessible.ignored: true
    }
    FieldScroller { id: scroller }
}
