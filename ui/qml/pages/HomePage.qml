import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Home: the terminal's main entries as large tiles.
Page {
    id: page
    objectName: "homePage"
    readonly property string voicePrompt: qsTr("欢迎使用政务服务自助终端。请点击屏幕选择业务；办理业务请将身份证放在感应区。")
    signal navigate(string name, var properties)
    signal back()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("首页")
    background: Rectangle { color: Theme.background }

    readonly property bool landscape: width > height
    readonly property var entries: [
        { key: "guide", glyph: qsTr("指"), title: qsTr("办事指南"), subtitle: qsTr("查事项、看材料、打印告知单") },
        { key: "apply", glyph: qsTr("办"), title: qsTr("我要办理"), subtitle: qsTr("刷身份证，自助申请") },
        { key: "ticket", glyph: qsTr("号"), title: qsTr("取号"), subtitle: qsTr("领取窗口排队号") },
        { key: "checkin", glyph: qsTr("约"), title: qsTr("预约签到"), subtitle: qsTr("已预约的市民在此签到") },
        { key: "progress", glyph: qsTr("查"), title: qsTr("进度查询"), subtitle: qsTr("查询办件进度") },
        { key: "consult", glyph: qsTr("询"), title: qsTr("咨询"), subtitle: qsTr("常见问题与留言咨询") },
        { key: "evaluate", glyph: qsTr("评"), title: qsTr("评价"), subtitle: qsTr("对本次服务作出评价") },
        { key: "complain", glyph: qsTr("诉"), title: qsTr("投诉"), subtitle: qsTr("投诉与建议") }
    ]

    // Fills the screen; scrolls vertically only when the content cannot fit (elder mode with
    // long English words), so tiles are never squeezed below their text.
    Flickable {
        id: flick
        MoreBelow { flick: flick }
        anchors.fill: parent
        contentWidth: width
        contentHeight: Math.max(height, home.implicitHeight + Theme.padding * 2)
        boundsBehavior: Flickable.StopAtBounds
        clip: true

    ColumnLayout {
        id: home
        x: Theme.padding
        y: Theme.padding
        width: flick.width - Theme.padding * 2
        height: flick.contentHeight - Theme.padding * 2
        spacing: Theme.spacing * 2

        Text {
            text: qsTr("欢迎使用政务服务自助终端")
            color: Theme.primaryDark
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle + 8
            font.bold: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        Text {
            text: qsTr("请选择您要办理的业务")
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }

        GridLayout {
            id: grid
            objectName: "entryGrid"
            columns: page.landscape ? 4 : 2
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true

            Repeater {
                model: page.entries
                delegate: EntryTile {
                    required property var modelData
                    objectName: "entry_" + modelData.key
                    glyph: modelData.glyph
                    title: modelData.title
                    subtitle: modelData.subtitle
                    ready: shell.featureReady(modelData.key)
                    compact: page.landscape
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    // Equal columns whatever the text length (and in every language).
                    Layout.preferredWidth: (grid.width - grid.columnSpacing * (grid.columns - 1)) / grid.columns
                    // As tall as its text needs; the grid grows the tiles to fill the screen.
                    Layout.preferredHeight: implicitContentHeight + topPadding + bottomPadding + 24
                    Layout.minimumHeight: implicitContentHeight + topPadding + bottomPadding
                    onClicked: ready ? page.navigate(modelData.key, {})
                                     : page.navigate("notReady", { entryTitle: modelData.title })
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: hint.implicitHeight + Theme.padding
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.divider
                border.width: 2
                Text {
                    id: hint
                    anchors.centerIn: parent
                    width: parent.width - Theme.padding * 2
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    text: qsTr("办理业务请将身份证放在下方感应区 · 需要帮助请点“呼叫工作人员”")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                }
            }
            KioskButton {
                objectName: "demoCardTap"
                visible: status.demo
                primary: false
                text: qsTr("演示：刷身份证")
                font.pixelSize: Theme.fontBody
                implicitWidth: Math.max(160, contentItem.implicitWidth + 48)
                onClicked: {
                    card.simulateTap()
                    page.navigate("idCard", {})
                }
            }
        }
    }
    }
}
