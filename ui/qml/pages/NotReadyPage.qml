import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Said plainly for an entry whose screen is not open on this terminal yet.
Page {
    id: page
    objectName: "notReadyPage"
    property string entryTitle: ""
    readonly property string voicePrompt: qsTr("本终端暂未开通此功能，请到综合受理窗口办理。")
    signal navigate(string name, var properties)
    signal back()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("%1暂未开通").arg(entryTitle)
    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.elder ? Theme.spacing : Theme.spacing * 2  // elder: room for the larger words

        PageHeader {
            title: page.entryTitle
            Layout.fillWidth: true
            onBack: page.back()
        }

        Item { Layout.fillHeight: true }

        Text {
            objectName: "notReadyMessage"
            text: qsTr("本终端暂未开通“%1”功能").arg(page.entryTitle)
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Text {
            text: qsTr("请到综合受理窗口办理，或向现场工作人员咨询。给您带来不便，敬请谅解。")
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }

        Item { Layout.fillHeight: true }

        KioskButton {
            objectName: "homeButton"
            text: qsTr("返回首页")
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.max(480, implicitWidth)
            onClicked: page.back()
        }
    }
}
