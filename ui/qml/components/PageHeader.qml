import QtQuick
import QtQuick.Layouts

// Title row of every inner page, with a "back to home" button.
RowLayout {
    id: header
    property string title: ""
    signal back()
    spacing: Theme.spacing

    KioskButton {
        objectName: "backButton"
        text: qsTr("返回首页")
        primary: false
        onClicked: header.back()
    }
    Text {
        text: header.title
        color: Theme.text
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontTitle
        font.bold: true
        elide: Text.ElideRight
        Layout.fillWidth: true
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
}
