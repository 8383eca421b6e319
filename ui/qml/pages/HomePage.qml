import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Home: the terminal's main entries as large tiles, and a prominent way into elder mode. In
// elder mode fewer tiles a screen (5 and 更多服务 in portrait), each at least as tall as in
// default mode, with the card hint always on screen above the footer.
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
    readonly property var allEntries: [
        { key: "guide", glyph: qsTr("指"), title: qsTr("办事指南"), subtitle: qsTr("查事项、看材料、打印告知单") },
        { key: "apply", glyph: qsTr("办"), title: qsTr("我要办理"), subtitle: qsTr("刷身份证，自助申请") },
        { key: "ticket", glyph: qsTr("号"), title: qsTr("取号"), subtitle: qsTr("领取排队号；扫小票查看去哪个窗口") },
        { key: "checkin", glyph: qsTr("约"), title: qsTr("预约签到"), subtitle: qsTr("已预约的市民在此签到") },
        { key: "progress", glyph: qsTr("查"), title: qsTr("进度查询"), subtitle: qsTr("查询办件进度") },
        { key: "certificates", glyph: qsTr("证"), title: qsTr("自助打印证明"), subtitle: qsTr("社保、公积金等证明，A4 打印") },
        { key: "consult", glyph: qsTr("询"), title: qsTr("咨询"), subtitle: qsTr("常见问题与留言咨询") },
        { key: "evaluate", glyph: qsTr("评"), title: qsTr("评价"), subtitle: qsTr("对本次服务作出评价") },
        { key: "complain", glyph: qsTr("诉"), title: qsTr("投诉"), subtitle: qsTr("投诉与建议") }
    ]
    // 自助打印证明 only on a terminal with an A4 printer.
    readonly property var entries: allEntries.filter(e => e.key !== "certificates" || certificates.available)

    // Elder mode: the entries in screens of `perScreen` tiles, the last tile of each leading on.
    readonly property int perScreen: !Theme.elder ? entries.length : landscape ? 4 : 6
    readonly property int screens: perScreen >= entries.length ? 1
                                   : Math.ceil(entries.length / (perScreen - 1))
    property int screen: 0
    readonly property var shown: {
        if (screens === 1)
            return entries
        const n = perScreen - 1
        const part = entries.slice(screen * n, screen * n + n)
        if (screen < screens - 1) {
            const next = entries.slice((screen + 1) * n, (screen + 2) * n)
            part.push({ key: "_more", glyph: qsTr("多"), title: qsTr("更多服务"),
                        subtitle: next.map(e => e.title).join(qsTr("、")) })
        } else {
            part.push({ key: "_first", glyph: qsTr("返"), title: qsTr("返回常用服务"),
                        subtitle: entries.slice(0, n).map(e => e.title).join(qsTr("、")) })
        }
        return part
    }
    onScreensChanged: screen = 0
    Connections {
        target: Theme
        function onElderChanged() { page.screen = 0 }
    }

    // Fills the screen; scrolls vertically only when the content cannot fit (long English
    // words), so tiles are never squeezed below their text.
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
        // Elder mode: narrower margins, so the welcome still fits on one line.
        readonly property int margin: Theme.elder ? Theme.spacing : Theme.padding
        x: margin
        y: Theme.padding
        width: flick.width - margin * 2
        height: flick.contentHeight - Theme.padding * 2
        spacing: Theme.elder ? Theme.spacing : Theme.spacing * 2

        Text {
            text: qsTr("欢迎使用政务服务自助终端")
            color: Theme.primaryDark
            font.family: Theme.fontFamily
            font.pixelSize: Math.round(56 * Theme.scale)
            font.bold: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        RowLayout {
            // Elder mode has no need of either: the tiles speak for themselves.
            visible: !Theme.elder
            Layout.fillWidth: true
            spacing: Theme.spacing
            Text {
                text: qsTr("请选择您要办理的业务")
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                wrapMode: Text.WordWrap
                Layout.fillWidth: true
            }
            KioskButton {
                objectName: "elderModeEnter"
                text: qsTr("大字 · 关怀模式")
                Accessible.name: qsTr("开启关怀模式：大字、少选项、更长的操作时间")
                implicitWidth: Math.max(280, contentItem.implicitWidth + 64)
                onClicked: shell.setElderMode(true)
            }
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
                model: page.shown
                delegate: EntryTile {
                    required property var modelData
                    objectName: "entry_" + modelData.key
                    glyph: modelData.glyph
                    title: modelData.title
                    subtitle: modelData.subtitle
                    ready: modelData.key.startsWith("_") || shell.featureReady(modelData.key)
                    // Nine entries (with 自助打印证明) fit a portrait screen only side by side.
                    compact: page.landscape || page.shown.length > 8
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    // Equal columns whatever the text length (and in every language).
                    Layout.preferredWidth: (grid.width - grid.columnSpacing * (grid.columns - 1)) / grid.columns
                    // As tall as its text needs; the grid grows the tiles to fill the screen.
                    Layout.preferredHeight: implicitContentHeight + topPadding + bottomPadding + 24
                    Layout.minimumHeight: implicitContentHeight + topPadding + bottomPadding
                    onClicked: {
                        if (modelData.key === "_more")
                            page.screen++
                        else if (modelData.key === "_first")
                            page.screen = 0
                        else if (modelData.key === "certificates" && card.state !== "read")
                            page.navigate("idCard", { nextPage: "certificates", nextProperties: {} })
                        else if (ready)
                            page.navigate(modelData.key, {})
                        else
                            page.navigate("notReady", { entryTitle: modelData.title })
                    }
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
                    // Elder mode: the one thing to do; the call button below says the rest.
                    text: Theme.elder ? qsTr("请将身份证放在下方感应区")
                                      : qsTr("办理业务请将身份证放在下方感应区 · 需要帮助请点“呼叫工作人员”")
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
