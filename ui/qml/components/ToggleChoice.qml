import QtQuick
import QtQuick.Controls

// One option of a choice the citizen makes (a choice list, yes/no, a rating level): a large
// button that shows "selected" with a tick and a filled colour (never colour alone).
AbstractButton {
    id: control
    property bool selected: false
    // A tick box (consent) rather than one option of several: shows an empty box when off.
    property bool tickBox: false
    implicitHeight: Math.max(Theme.touchMin, label.implicitHeight + 24)
    // What the label says: a tick when chosen, an empty box for an unticked tick box.
    readonly property string shownText: (selected ? "√ " : tickBox ? "□ " : "") + text
    // Measured at the full size, never from the label: its size follows this box's width.
    implicitWidth: Math.max(Theme.touchMin * 2, Theme.textWidth(shownText, Theme.fontBody, selected) + 48)
    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.Button
    Accessible.name: text
    Accessible.checkable: true
    Accessible.checked: selected

    background: Rectangle {
        radius: Theme.radius
        color: control.selected ? Theme.primary : (control.down ? Theme.disabledSurface : Theme.surface)
        border.color: Theme.primary
        // Selected, the fill is the border's colour: no border to tell apart from it.
        border.width: control.selected ? 0 : 3
    }
    contentItem: Text {
        id: label
        text: control.shownText
        color: control.selected ? Theme.textOnPrimary : Theme.primary
        font.family: Theme.fontFamily
        // Words wrap between words only; a word too long for a narrow button shrinks (never
        // below the mode's smallest size) instead of breaking in the middle. The size is worked
        // out from the font's widths (Theme.fitPixelSize), not by Text.HorizontalFit's trial
        // layouts: a page of 45 choices opened twice as slow with them (#22).
        font.pixelSize: Theme.fitPixelSize(text, Theme.fontBody, Theme.fontSmall,
                                           control.availableWidth, control.selected, true)
        font.bold: control.selected
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }
}
