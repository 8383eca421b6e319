import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// The 补正 is kept: sent to the department, or saved here to send when the network is back.
Page {
    id: page
    objectName: "supplementDonePage"
    readonly property string voicePrompt: supplement.sent
        ? qsTr("补正材料已提交，请取走补正回执。")
        : qsTr("补正材料已保存，联网后自动提交，请取走补正回执。")
    readonly property string idleKind: ""
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("补正结果")
    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("补正结果")
            Layout.fillWidth: true
            onBack: page.back()
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            objectName: "supplementDoneScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: doneColumn.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick

            ColumnLayout {
                id: doneColumn
                width: flick.width - 24
                spacing: Theme.spacing
                BodyText {
                    objectName: "supplementOutcome"
                    font.bold: true
                    font.pixelSize: Theme.fontLarge
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: supplement.sent ? Theme.ok : Theme.warning
                    text: supplement.sent ? qsTr("补正材料已提交，办理部门将继续办理。")
                                          : qsTr("网络暂时中断：补正材料已在本机保存，联网后自动提交，无需再次补正。")
                }
                BodyText { text: qsTr("受理编号：%1").arg(supplement.receiptNo) }
                Repeater {
                    model: supplement.supplied
                    BodyText {
                        required property var modelData
                        required property int index
                        text: qsTr("%1. %2：已扫描（%3 页）").arg(index + 1).arg(modelData.name).arg(modelData.pages)
                    }
                }
                BodyText { text: qsTr("请取走补正回执。办理进度可凭受理编号查询。") }
            }
        }
        KioskButton {
            objectName: "supplementHome"
            text: qsTr("完成")
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.max(480, implicitWidth)
            onClicked: page.back()
        }
    }
}
