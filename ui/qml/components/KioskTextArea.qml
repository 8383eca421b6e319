import QtQuick
import QtQuick.Controls

// A multi-line text box for free Chinese text (Pinyin keyboard); grows with its text.
TextArea {
    id: area
    property string label: ""
    property alias flick: scroller.flick
    property int minimumLines: 4
    implicitHeight: Math.max(contentHeight + topPadding + bottomPadding,
                             font.pixelSize * 1.5 * minimumLines)
    wrapMode: TextEdit.Wrap
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    color: Theme.text
    placeholderTextColor: Theme.textMuted
    padding: 16
    Accessible.role: Accessible.EditableText
    Accessible.name: label
    background: Rectangle {
        radius: Theme.radius
        color: Theme.surface
        border.color: area.activeFocus ? Theme.primary : Theme.divider
        border.width: 3
    }
    FieldScroller { id: scroller }
}
