import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 补正: each material staff asked for is scanned at the document camera, then 提交补正.
Page {
    id: page
    objectName: "supplementPage"
    readonly property string voicePrompt: qsTr("请逐项扫描需要补正的材料，全部扫描后按“提交补正”。")
    readonly property string idleKind: ""
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("补正材料")
    background: Rectangle { color: Theme.background }

    Connections {
        target: supplement
        function onSubmitted() { page.navigate("supplementDone", {}) }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("补正材料")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }

        BodyText {
            objectName: "supplementReceipt"
            text: qsTr("受理编号：%1").arg(supplement.receiptNo)
        }
        BodyText {
            text: qsTr("工作人员需要您补充下列材料。请把每一项放在高拍仪下扫描。")
            color: Theme.textMuted
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            objectName: "supplementScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: materialsColumn.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick

            ColumnLayout {
                id: materialsColumn
                width: flick.width - 24
                spacing: Theme.spacing
                Repeater {
                    model: supplement.materials
                    SectionCard {
                        id: card
                        required property var modelData
                        required property int index
                        objectName: "supplementMaterial_" + index
                        title: qsTr("%1. %2").arg(index + 1).arg(modelData.name)
                        Accessible.name: modelData.scanned
                                         ? qsTr("%1，已扫描 %2 页").arg(modelData.name).arg(modelData.pages)
                                         : qsTr("%1，尚未扫描").arg(modelData.name)
                        Badge {
                            text: card.modelData.scanned ? qsTr("已扫描（%1 页）").arg(card.modelData.pages) : qsTr("尚未扫描")
                            tone: card.modelData.scanned ? Theme.ok : Theme.warning
                        }
                        KioskButton {
                            objectName: "scanSupplement_" + card.index
                            text: card.modelData.scanned ? qsTr("重新扫描") : qsTr("扫描补正")
                            primary: !card.modelData.scanned
                            Layout.preferredWidth: Math.max(360, implicitWidth)
                            onClicked: {
                                if (supplement.scanMaterial(card.index))
                                    page.navigate("applyScan", {})
                            }
                        }
                    }
                }
            }
        }
        ReasonText { objectName: "supplementError"; reason: supplement.error }

        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            visible: supplement.busy
            spacing: Theme.spacing
            BusyIndicator { running: supplement.busy; Layout.preferredWidth: 72; Layout.preferredHeight: 72 }
            BodyText { text: qsTr("正在提交，请稍候……") }
        }
        KioskButton {
            objectName: "submitSupplement"
            text: qsTr("提交补正")
            enabled: supplement.ready && !supplement.busy
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.max(480, implicitWidth)
            onClicked: supplement.submit()
        }
    }
}
