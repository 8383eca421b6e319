import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One home-screen entry: a large tile with a glyph, a title and one line saying what it does.
// An entry whose screen is not built yet still responds, with a page saying so (no dead buttons).
// Compact (landscape screens): the glyph beside the text, so two rows of tiles, the card hint
// and the demo button all fit above the footer without scrolling.
AbstractButton {
    id: tile
    property string glyph: ""
    property string title: ""
    property string subtitle: ""
    property bool ready: true
    property bool compact: false
    readonly property int textWidth: compact ? tile.width - Theme.iconSize - 56 : tile.width - 32
    implicitHeight: Theme.tileHeight
    // Fixed: the grid sets the width; deriving it from the text would loop through the layout.
    implicitWidth: Theme.iconSize + 64
    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.Button
    Accessible.name: ready ? title : qsTr("%1（暂未开通）").arg(title)
    Accessible.description: subtitle

    background: Rectangle {
        radius: Theme.radius
        color: tile.down ? Theme.disabledSurface : Theme.surface
        border.color: tile.down ? Theme.primary : Theme.fieldBorder
        border.width: 2
    }

    contentItem: GridLayout {
        columns: tile.compact ? 2 : 1
        rowSpacing: tile.compact ? 4 : 12
        columnSpacing: 16
        Rectangle {
            Layout.rowSpan: tile.compact ? 2 : 1
            Layout.leftMargin: tile.compact ? 8 : 0
            Layout.alignment: tile.compact ? Qt.AlignVCenter : Qt.AlignHCenter
            Layout.preferredWidth: Theme.iconSize
            Layout.preferredHeight: Theme.iconSize
            radius: Theme.iconSize / 2
            color: tile.ready ? Theme.primary : Theme.unknown
            Text {
                anchors.centerIn: parent
                text: tile.glyph
                color: Theme.textOnPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Math.round(56 * Theme.scale)
                font.bold: true
            }
        }
        Text {
            Layout.alignment: tile.compact ? Qt.AlignLeft | Qt.AlignBottom : Qt.AlignHCenter
            Layout.maximumWidth: tile.textWidth
            Layout.preferredWidth: tile.compact ? tile.textWidth : Math.min(implicitWidth, tile.textWidth)
            horizontalAlignment: tile.compact ? Text.AlignLeft : Text.AlignHCenter
            // Beside the glyph a long title wraps to a second line; a single word too long for
            // the line still shrinks to fit.
            fontSizeMode: Text.HorizontalFit
            wrapMode: tile.compact ? Text.WordWrap : Text.NoWrap
            maximumLineCount: 2
            minimumPixelSize: Theme.fontBody
            text: tile.title
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Math.round(40 * Theme.scale)
            font.bold: true
        }
        Text {
            Layout.alignment: tile.compact ? Qt.AlignLeft | Qt.AlignTop : Qt.AlignHCenter
            Layout.maximumWidth: tile.textWidth
            Layout.preferredWidth: tile.compact ? tile.textWidth : -1
            text: tile.ready ? tile.subtitle : qsTr("即将开放")
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            wrapMode: tile.compact ? Text.WordWrap : Text.NoWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }
    }
}
