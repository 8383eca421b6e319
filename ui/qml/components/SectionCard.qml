import QtQuick
import QtQuick.Layouts

// A titled white card; children go below the title. With `editText` set, a 修改 button sits
// beside the title (its accessible name says what it changes) and emits `edit`.
Rectangle {
    id: card
    property string title: ""
    property string editText: ""
    property string editObjectName: ""
    signal edit()
    default property alias content: body.data
    Layout.fillWidth: true
    implicitHeight: column.implicitHeight + Theme.padding
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.divider
    border.width: 1

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.padding / 2
        spacing: 12
        RowLayout {
            visible: card.title !== "" || card.editText !== ""
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                text: card.title
                visible: card.title !== ""
                color: Theme.primaryDark
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            KioskButton {
                visible: card.editText !== ""
                objectName: card.editObjectName
                text: card.editText
                primary: false
                implicitWidth: Math.max(180, contentItem.implicitWidth + 64)
                Accessible.name: qsTr("%1：%2").arg(card.editText).arg(card.title)
                onClicked: card.edit()
            }
        }
        ColumnLayout {
            id: body
            spacing: 10
            Layout.fillWidth: true
        }
    }
}
