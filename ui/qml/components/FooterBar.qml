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
            Layout.fillWidth: true
            Layout.maximumWidth: implicitWidth
            Layout.minimumWidth: Theme.touchMin
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
            Layout.fillWidth: true
            Layout.maximumWidth: implicitWidth
            Layout.minimumWidth: Theme.touchMin
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
            Layout.fillWidth: true
            Layout.maximumWidth: implicitWidth
            Layout.minimumWidth: Theme.touchMin
            onClicked: voice.toggleMute()
        }
        KioskButton {
            objectName: "languageToggle"
            primary: false
            // Named in all three languages so a reader of any of them finds it.
            text: "语言 / 語言 / Language"
            Accessible.name: "语言 / 語言 / Language"
            font.pixelSize: Theme.fontSmall
            implicitWidth: Math.max(160, contentItem.implicitWidth + 48)
            Layout.preferredHeight: Theme.touchMin
            Layout.fillWidth: true
            Layout.maximumWidth: implicitWidth
            Layout.minimumWidth: Theme.touchMin
            onClicked: languageMenu.open()
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
