import QtQuick
import QtQuick.Layouts

// Title row of every inner page: "back one step" (when there is one) and "home".
RowLayout {
    id: header
    property string title: ""
    property bool canGoPrevious: false
    signal back()
    signal previous()
    spacing: Theme.spacing

    KioskButton {
        objectName: "previousButton"
        visible: header.canGoPrevious
        text: qsTr("返回")
        primary: false
        implicitWidth: 200
        onClicked: header.previous()
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
    KioskButton {
        objectName: "backButton"
        text: qsTr("首页")
        primary: false
        implicitWidth: 200
        onClicked: header.back()
    }
}
