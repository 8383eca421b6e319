import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// On every screen: a call for staff, elder mode, voice and language, one tap each.
Rectangle {
    id: footer
    objectName: "footerBar"
    implicitHeight: grid.implicitHeight + 24
    // One row when every button fits at its natural width; two rows otherwise (elder mode,
    // a narrow screen), never a squeezed label.
    readonly property real natural: callStaff.implicitWidth + elderMode.implicitWidth
                                    + voiceReplay.implicitWidth + voiceMute.implicitWidth
                                    + language.implicitWidth + 4 * Theme.spacing
    color: Theme.surface
    border.color: Theme.divider

    GridLayout {
        id: grid
        anchors.fill: parent
        anchors.topMargin: 12
        anchors.bottomMargin: 12
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.padding
        columns: footer.natural <= footer.width - 2 * Theme.padding ? 5 : 3
        columnSpacing: Theme.spacing
        rowSpacing: Theme.spacing

        KioskButton {
            id: callStaff
            objectName: "callStaff"
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
            primary: shell.elderMode
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
