import QtQuick
import QtQuick.Controls

// A large touch button with an accessible name; `primary` fills it with the brand colour,
// `quiet` (a way out that must not draw the eye) greys its text and border.
Button {
    id: control
    property bool primary: true
    property bool quiet: false
    implicitHeight: Math.max(Theme.touchMin, contentItem.implicitHeight + 32)
    implicitWidth: Math.max(280, contentItem.implicitWidth + 64)
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontLarge
    Accessible.role: Accessible.Button
    Accessible.name: text
    focusPolicy: Qt.NoFocus

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.primary ? Theme.textOnPrimary : control.quiet ? Theme.textMuted : Theme.primary
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        // Squeezed by its layout (long English words, elder mode): shrink, never below the
        // smallest text size of the mode, rather than spill out of the button.
        fontSizeMode: Text.HorizontalFit
        minimumPixelSize: Theme.fontSmall
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.primary ? (control.down ? Theme.primaryDark : Theme.primary) : Theme.surface
        border.color: control.quiet ? Theme.textMuted : Theme.primary
        border.width: control.primary ? 0 : control.quiet ? 2 : 3
    }
}
