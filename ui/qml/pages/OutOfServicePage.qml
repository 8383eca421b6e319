import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Shown when the terminal cannot serve (database unusable, broken settings): never a blank
// screen or a traceback. Staff find the reason in the log and `kioskctl doctor`.
Page {
    id: page
    objectName: "outOfServicePage"
    readonly property string voicePrompt: qsTr("本终端暂停服务，请使用其他终端或到人工窗口办理。")
    signal navigate(string name, var properties)
    signal back()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("暂停服务")
    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.centerIn: parent
        width: parent.width - Theme.padding * 2
        spacing: Theme.spacing * 2
        Text {
            objectName: "outOfServiceTitle"
            text: qsTr("本终端暂停服务")
            color: Theme.error
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHuge
            font.bold: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Text {
            text: qsTr("请使用其他自助终端或到人工窗口办理，并告知现场工作人员。")
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
    }
}
