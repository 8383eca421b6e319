import QtQuick

// "下面还有内容": shown at the bottom of `flick` while it can scroll further down, gone at the
// bottom. It only shows: a tap on it goes through to what is underneath (a button must never
// be taken by the cue). Declare it inside the Flickable (or ListView): it sits over the view,
// not in the scrolling content.
Rectangle {
    id: cue
    property Flickable flick: null
    readonly property bool more: flick !== null && flick.visible
                                 && flick.contentHeight > flick.height + 2
                                 && flick.contentY + flick.height < flick.contentHeight - 2
    objectName: "moreBelow"
    parent: flick
    visible: more
    // In the lower right corner, beside the scroll bar: full-width buttons keep their words
    // in the middle uncovered.
    anchors.right: parent ? parent.right : undefined
    anchors.rightMargin: 24
    anchors.bottom: parent ? parent.bottom : undefined
    anchors.bottomMargin: 4
    width: label.implicitWidth + 40
    height: label.implicitHeight + 16
    radius: height / 2
    color: Theme.primary
    z: 5
    Accessible.role: Accessible.StaticText
    Accessible.name: label.text
    Text {
        id: label
        anchors.centerIn: parent
        text: qsTr("下面还有内容 ▼")
        color: Theme.textOnPrimary
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        font.bold: true
    }
}
