import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// On every screen: elder mode and language, one tap each.
Rectangle {
    id: footer
    objectName: "footerBar"
    implicitHeight: Theme.touchMin + 24
    color: Theme.surface
    border.color: Theme.divider

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.padding
        spacing: Theme.spacing

        KioskButton {
            objectName: "elderModeToggle"
            primary: shell.elderMode
            text: shell.elderMode ? qsTr("退出关怀模式") : qsTr("关怀模式（大字）")
            font.pixelSize: Theme.fontBody
            implicitWidth: Math.max(160, contentItem.implicitWidth + 48)
            Layout.preferredHeight: Theme.touchMin
            onClicked: shell.toggleElderMode()
        }
        Item { Layout.fillWidth: true }
        KioskButton {
            objectName: "voiceReplay"
            primary: false
            text: qsTr("重听")
            Accessible.name: qsTr("重听语音提示")
            font.pixelSize: Theme.fontBody
            implicitWidth: Math.max(160, contentItem.implicitWidth + 48)
            Layout.preferredHeight: Theme.touchMin
            onClicked: voice.replay()
        }
        KioskButton {
            objectName: "voiceMute"
            primary: voice.muted
            text: voice.muted ? qsTr("已静音") : qsTr("静音")
            Accessible.name: voice.muted ? qsTr("取消静音") : qsTr("静音")
            font.pixelSize: Theme.fontBody
            implicitWidth: Math.max(160, contentItem.implicitWidth + 48)
            Layout.preferredHeight: Theme.touchMin
            onClicked: voice.toggleMute()
        }
        KioskButton {
            objectName: "languageToggle"
            primary: false
            // Each language is named in itself, so a reader of either finds it.
            text: shell.locale === "zh_CN" ? "English" : "中文"
            Accessible.name: shell.locale === "zh_CN" ? "Switch to English" : "切换到中文"
            font.pixelSize: Theme.fontBody
            implicitWidth: Math.max(160, contentItem.implicitWidth + 48)
            Layout.preferredHeight: Theme.touchMin
            onClicked: shell.setLocale(shell.locale === "zh_CN" ? "en_US" : "zh_CN")
        }
    }
}
