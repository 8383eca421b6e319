import QtQuick
import QtQuick.Layouts

// A titled white card; children go below the title.
Rectangle {
    id: card
    property string title: ""
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
        ColumnLayout {
            id: body
            spacing: 10
            Layout.fillWidth: true
        }
    }
}
