import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The countdown before an unattended visit is ended and wiped, with a large "continue".
Rectangle {
    id: overlay
    objectName: "idleWarning"
    anchors.fill: parent
    color: "#b3000000"
    visible: idle.warning
    z: 100
    Accessible.ignored: !visible
    Accessible.role: Accessible.AlertMessage
    Accessible.name: title.text

    MouseArea { anchors.fill: parent }  // nothing behind is touchable while it shows

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - Theme.padding * 2, 900)
        height: column.implicitHeight + Theme.padding * 2
        radius: Theme.radius
        color: Theme.surface
        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: Theme.padding
            spacing: Theme.spacing
            Text {
                id: title
                objectName: "idleCountdown"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                text: qsTr("%1 秒后将结束本次办理并清除您的信息").arg(idle.secondsLeft)
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
            }
            KioskButton {
                objectName: "idleContinue"
                text: qsTr("继续办理")
                Layout.fillWidth: true
                Layout.preferredHeight: 120
                font.pixelSize: Theme.fontTitle
                onClicked: idle.touch()
            }
        }
    }
}
