import QtQuick
import QtQuick.Layouts

// "第 2 步 / 共 6 步：阅读办理条件" above each step of the apply flow, with the service name.
ColumnLayout {
    id: bar
    property int step: 1
    property int count: 6
    property string stepName: ""
    property string serviceName: ""
    spacing: 4
    Layout.fillWidth: true
    Text {
        Layout.fillWidth: true
        visible: bar.serviceName !== ""
        text: bar.serviceName
        color: Theme.primaryDark
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontLarge
        font.bold: true
        wrapMode: Text.Wrap
        Accessible.role: Accessible.Heading
        Accessible.name: text
    }
    Text {
        Layout.fillWidth: true
        text: qsTr("第 %1 步 / 共 %2 步：%3").arg(bar.step).arg(bar.count).arg(bar.stepName)
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        wrapMode: Text.Wrap
    }
}
