import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 办事指南: search box on top, then the life-event themes as tiles.
Page {
    id: page
    objectName: "guidePage"
    readonly property string voicePrompt: qsTr("请选择主题，或点击搜索框输入事项名称。")
    signal navigate(string name, var properties)
    signal back()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("办事指南")
    background: Rectangle { color: Theme.background }
    readonly property int columns: width > height ? 5 : 3

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("办事指南")
            Layout.fillWidth: true
            onBack: page.back()
        }

        AbstractButton {
            objectName: "openSearch"
            Layout.fillWidth: true
            implicitHeight: Theme.touchMin + 16
            focusPolicy: Qt.NoFocus
            Accessible.role: Accessible.Button
            Accessible.name: qsTr("搜索事项")
            onClicked: page.navigate("search", {})
            background: Rectangle {
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.primary
                border.width: 3
            }
            contentItem: Text {
                leftPadding: Theme.padding / 2
                verticalAlignment: Text.AlignVCenter
                text: qsTr("搜索：输入事项名称、拼音或首字母，如“社保”“sbk”")
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                elide: Text.ElideRight
            }
        }

        Text {
            text: qsTr("按主题查找")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }

        GridView {
            id: grid
            MoreBelow { flick: grid }
            objectName: "themeGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            cellWidth: width / page.columns
            cellHeight: 200
            model: catalog.themes
            boundsBehavior: Flickable.StopAtBounds
            delegate: Item {
                required property var modelData
                width: grid.cellWidth
                height: grid.cellHeight
                AbstractButton {
                    objectName: "theme_" + modelData.key
                    anchors.fill: parent
                    anchors.margins: 8
                    focusPolicy: Qt.NoFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: qsTr("%1，%2项").arg(modelData.name).arg(modelData.count)
                    onClicked: {
                        catalog.openTheme(modelData.key)
                        page.navigate("serviceList", {})
                    }
                    background: Rectangle {
                        radius: Theme.radius
                        color: parent.down ? Theme.disabledSurface : Theme.surface
                        border.color: Theme.fieldBorder
                        border.width: Theme.fieldBorderWidth
                    }
                    contentItem: Column {
                        spacing: 8
                        topPadding: 40
                        Text {
                            width: parent.width
                            horizontalAlignment: Text.AlignHCenter
                            text: modelData.name
                            color: Theme.primaryDark
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                        Text {
                            width: parent.width
                            horizontalAlignment: Text.AlignHCenter
                            text: qsTr("%1 项").arg(modelData.count)
                            color: Theme.textMuted
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                }
            }
        }
    }
}
