import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One home-screen entry: a large tile with a glyph, a title and one line saying what it does.
// An entry whose screen is not built yet still responds, with a page saying so (no dead buttons).
AbstractButton {
    id: tile
    property string glyph: ""
    property string title: ""
    property string subtitle: ""
    property bool ready: true
    implicitHeight: Theme.tileHeight
    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.Button
    Accessible.name: ready ? title : qsTr("%1（暂未开通）").arg(title)
    Accessible.description: subtitle

    background: Rectangle {
        radius: Theme.radius
        color: tile.down ? Theme.disabledSurface : Theme.surface
        border.color: tile.down ? Theme.primary : Theme.divider
        border.width: 2
    }

    contentItem: ColumnLayout {
        spacing: 12
        Rectangle {
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Theme.iconSize
            Layout.preferredHeight: Theme.iconSize
            radius: Theme.iconSize / 2
            color: tile.ready ? Theme.primary : Theme.unknown
            Text {
                anchors.centerIn: parent
                text: tile.glyph
                color: Theme.textOnPrimary
                font.family: Theme.fontFamily
                font.pixelSize: 56
                font.bold: true
            }
        }
        Text {
            Layout.alignment: Qt.AlignHCenter
            Layout.maximumWidth: tile.width - 32
            Layout.preferredWidth: Math.min(implicitWidth, tile.width - 32)
            horizontalAlignment: Text.AlignHCenter
            fontSizeMode: Text.HorizontalFit
            minimumPixelSize: Theme.fontBody
            text: tile.title
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle - 8
            font.bold: true
        }
        Text {
            Layout.alignment: Qt.AlignHCenter
            Layout.maximumWidth: tile.width - 32
            text: tile.ready ? tile.subtitle : qsTr("即将开放")
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }
    }
}
