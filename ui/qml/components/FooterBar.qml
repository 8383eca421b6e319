import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// On every screen: a call for staff, elder mode, voice and language, one tap each. In elder
// mode the way out of it is quiet and last, and the page's (longer) time limit is said.
Rectangle {
    id: footer
    objectName: "footerBar"
    implicitHeight: grid.implicitHeight + 24
    // One row when every button fits at its natural width; two rows otherwise (elder mode,
    // a narrow screen), never a squeezed label.
    readonly property real natural: callStaff.implicitWidth + elderMode.implicitWidth
                                    + voiceReplay.implicitWidth + voiceMute.implicitWidth
                                    + language.implicitWidth + 4 * Theme.spacing
    readonly property bool oneRow: natural + (Theme.elder ? 400 + Theme.spacing : 0)
                                   <= footer.width - 2 * Theme.padding
    // Cells [row, column, column span] of each control. Default: the order of the buttons.
    // Elder mode on a narrow screen: call, replay, mute, leave; then the time limit under the
    // call button and the language under the rest.
    function cell(name) {
        // The page's time limit is said above the footer (IdleNotice), in every mode.
        const order = Theme.elder ? ["callStaff", "voiceReplay", "voiceMute", "language", "elderMode"]
                                  : ["callStaff", "elderMode", "voiceReplay", "voiceMute", "language"]
        const i = Math.max(0, order.indexOf(name))
        if (oneRow)
            return [0, i, 1]
        if (!Theme.elder) {
            return [Math.floor(i / 3), i % 3, 1]
        }
        return ({ callStaff: [0, 0, 1], voiceReplay: [0, 1, 1], voiceMute: [0, 2, 1],
                  elderMode: [0, 3, 1], language: [1, 0, 4] })[name]
    }
    color: Theme.surface
    border.color: Theme.divider

    GridLayout {
        id: grid
        anchors.fill: parent
        anchors.topMargin: 12
        anchors.bottomMargin: 12
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.padding
        columns: footer.oneRow ? 6 : Theme.elder ? 4 : 3
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        KioskButton {
            id: callStaff
            objectName: "callStaff"
            Layout.row: footer.cell("callStaff")[0]
            Layout.column: footer.cell("callStaff")[1]
            Layout.columnSpan: footer.cell("callStaff")[2]
            primary: true
            text: qsTr("呼叫工作人员")
            Accessible.name: qsTr("呼叫工作人员，请现场工作人员来帮您")
            font.pixelSize: Theme.fontBody
            implicitWidth: Math.max(Theme.touchMin, contentItem.implicitWidth + 48)
            Layout.preferredHeight: Theme.touchMin
            Layout.fillWidth: true
            onClicked: {
                const win = ApplicationWindow.window
                assist.call(win ? win.currentPage.replace(/Page$/, "") : "", win ? win.assistReason : "")
                voice.say(qsTr("已为您呼叫工作人员，请在这里稍候。"))
                assistPanel.open()
            }
        }
        KioskButton {
            id: elderMode
            objectName: "elderModeToggle"
            Layout.row: footer.cell("elderMode")[0]
            Layout.column: footer.cell("elderMode")[1]
            Layout.columnSpan: footer.cell("elderMode")[2]
            // The way in is on the home page and the attract screen; here it is one button
            // among the others, and the way out is the quietest one.
            primary: false
            quiet: shell.elderMode
            text: shell.elderMode ? qsTr("退出关怀模式") : qsTr("关怀模式")
            font.pixelSize: Theme.fontBody
            implicitWidth: Math.max(Theme.touchMin, contentItem.implicitWidth + 48)
            Layout.preferredHeight: Theme.touchMin
            Layout.fillWidth: true
            onClicked: shell.toggleElderMode()
        }
        KioskButton {
            id: voiceReplay
            objectName: "voiceReplay"
            Layout.row: footer.cell("voiceReplay")[0]
            Layout.column: footer.cell("voiceReplay")[1]
            Layout.columnSpan: footer.cell("voiceReplay")[2]
            primary: false
            text: qsTr("重听")
            Accessible.name: qsTr("重听语音提示")
            font.pixelSize: Theme.fontBody
            implicitWidth: Math.max(Theme.touchMin, contentItem.implicitWidth + 48)
            Layout.preferredHeight: Theme.touchMin
            Layout.fillWidth: true
            onClicked: voice.replay()
        }
        KioskButton {
            id: voiceMute
            objectName: "voiceMute"
            Layout.row: footer.cell("voiceMute")[0]
            Layout.column: footer.cell("voiceMute")[1]
            Layout.columnSpan: footer.cell("voiceMute")[2]
            primary: voice.muted
            text: voice.muted ? qsTr("已静音") : qsTr("静音")
            Accessible.name: voice.muted ? qsTr("取消静音") : qsTr("静音")
            font.pixelSize: Theme.fontBody
            implicitWidth: Math.max(Theme.touchMin, contentItem.implicitWidth + 48)
            Layout.preferredHeight: Theme.touchMin
            Layout.fillWidth: true
            onClicked: voice.toggleMute()
        }
        KioskButton {
            id: language
            objectName: "languageToggle"
            Layout.row: footer.cell("language")[0]
            Layout.column: footer.cell("language")[1]
            Layout.columnSpan: footer.cell("language")[2]
            primary: false
            // Named in all three languages so a reader of any of them finds it.
            text: "语言 / 語言 / Language"
            Accessible.name: "语言 / 語言 / Language"
            font.pixelSize: Theme.fontSmall
            implicitWidth: Math.max(Theme.touchMin, contentItem.implicitWidth + 48)
            Layout.preferredHeight: Theme.touchMin
            Layout.fillWidth: true
            onClicked: languageMenu.open()
        }
    }

    Popup {
        id: assistPanel
        objectName: "assistPanel"
        parent: Overlay.overlay
        modal: true
        closePolicy: Popup.NoAutoClose
        x: (parent.width - width) / 2
        y: parent.height - height - Theme.padding
        width: Math.min(parent.width - Theme.padding * 2, 760)
        padding: Theme.padding * 1.5
        background: Rectangle { radius: Theme.radius; color: Theme.surface }
        // The visit ended (idle timeout, home): nothing is being called any more.
        Connections {
            target: assist
            function onChanged() { if (assist.state === "idle") assistPanel.close() }
        }
        contentItem: ColumnLayout {
            spacing: Theme.spacing
            Text {
                objectName: "assistTitle"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                color: Theme.text
                text: assist.state === "coming" ? qsTr("工作人员正在赶来")
                    : assist.state === "closed" ? qsTr("工作人员已处理您的呼叫")
                    : qsTr("已呼叫工作人员")
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            BodyText {
                objectName: "assistDetail"
                Layout.fillWidth: true
                // Read out too: whether a person was reached is the point of the call.
                Accessible.role: Accessible.StaticText
                Accessible.name: text
                text: {
                    if (assist.busy)
                        return qsTr("正在通知工作人员……")
                    if (assist.state === "coming")
                        return qsTr("请在本机旁稍候，工作人员马上到。")
                    if (assist.state === "closed")
                        return qsTr("如仍需帮助，请再次呼叫，或到咨询台询问。")
                    if (!assist.reachedCentral && !assist.lightWorks)
                        return qsTr("暂时无法通知到工作人员，请向大厅内的工作人员招手，或到咨询台求助。")
                    if (!assist.reachedCentral)
                        return qsTr("网络暂时不通，本机顶部的呼叫灯已亮起，工作人员看到后会过来。")
                    return qsTr("大厅工作人员已收到呼叫，请在本机旁稍候。")
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                KioskButton {
                    objectName: "assistCancel"
                    primary: false
                    text: qsTr("不需要了")
                    Layout.fillWidth: true
                    onClicked: { assist.cancel(); assistPanel.close() }
                }
                KioskButton {
                    objectName: "assistClose"
                    text: qsTr("好的，我等候")
                    Layout.fillWidth: true
                    onClicked: assistPanel.close()
                }
            }
        }
    }

    Popup {
        id: languageMenu
        objectName: "languageMenu"
        parent: Overlay.overlay
        modal: true
        x: (parent.width - width) / 2
        y: (parent.height - height) / 2
        width: Math.min(parent.width - Theme.padding * 2, 640)
        padding: Theme.padding
        background: Rectangle { radius: Theme.radius; color: Theme.surface }
        contentItem: ColumnLayout {
            spacing: Theme.spacing
            Repeater {
                model: [
                    { locale: "zh_CN", label: "简体中文" },
                    { locale: "zh_TW", label: "繁體中文" },
                    { locale: "en_US", label: "English" }
                ]
                KioskButton {
                    required property var modelData
                    objectName: "language_" + modelData.locale
                    text: modelData.label
                    primary: shell.locale === modelData.locale
                    Layout.fillWidth: true
                    onClicked: {
                        languageMenu.close()
                        shell.setLocale(modelData.locale)
                    }
                }
            }
        }
    }
}
