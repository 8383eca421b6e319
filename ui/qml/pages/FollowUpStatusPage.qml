import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Look up a question's answer (查询答复) or a complaint's progress (查询处理进度) by its
// tracking number, e.g. ZX20261128T010001. `kind`: "consultation" or "complaint".
Page {
    id: page
    objectName: "followUpStatusPage"
    readonly property string voicePrompt: page.complaint ? qsTr("请输入投诉编号查询处理进度。")
                                                         : qsTr("请输入咨询编号查询答复。")
    readonly property string idleKind: "form"
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: page.complaint ? qsTr("查询处理进度") : qsTr("查询答复")
    background: Rectangle { color: Theme.background }

    property string kind: "consultation"
    property string number: ""
    readonly property bool complaint: kind === "complaint"
    readonly property var vm: followUpStatus
    readonly property var found: vm.status

    Component.onCompleted: {
        field.text = number
        if (number !== "")
            query()
    }
    function query() {
        Qt.inputMethod.commit()
        page.vm.lookup(page.kind, field.text)
    }
    function setNumber(text) {
        field.text = text
    }
    function stateText(state) {
        switch (state) {
        case "submitted": return qsTr("已提交，等待上传")
        case "received": return qsTr("已接收，等待处理")
        case "in_progress": return qsTr("处理中")
        case "answered": return qsTr("已答复")
        case "closed": return qsTr("已办结")
        default: return state
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: page.complaint ? qsTr("查询处理进度") : qsTr("查询答复")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: form.implicitHeight + Theme.padding
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick

            ColumnLayout {
                id: form
                width: flick.width
                spacing: Theme.spacing

                BodyText {
                    text: page.complaint ? qsTr("投诉编号印在投诉受理回执上，如 TS20261128T010001。")
                                         : qsTr("咨询编号印在咨询留言回执上，如 ZX20261128T010001。")
                }
                KioskField {
                    id: field
                    objectName: "trackingField"
                    Layout.fillWidth: true
                    flick: flick
                    label: page.complaint ? qsTr("投诉编号") : qsTr("咨询编号")
                    placeholderText: page.complaint ? qsTr("如 TS20261128T010001") : qsTr("如 ZX20261128T010001")
                    inputMethodHints: Qt.ImhPreferNumbers | Qt.ImhPreferUppercase
                                      | Qt.ImhNoPredictiveText | Qt.ImhLatinOnly
                    onTextEdited: page.vm.dismiss()
                    onAccepted: page.query()
                }
                KioskButton {
                    objectName: "trackingQuery"
                    text: qsTr("查询")
                    enabled: !page.vm.busy
                    Layout.fillWidth: true
                    onClicked: page.query()
                }
                RowLayout {
                    visible: page.vm.busy
                    spacing: Theme.spacing
                    BusyIndicator { running: page.vm.busy; Layout.preferredWidth: 72; Layout.preferredHeight: 72 }
                    BodyText { text: qsTr("正在查询，请稍候……") }
                }
                ReasonText { objectName: "trackingError"; reason: page.vm.reason }

                SectionCard {
                    objectName: "followUpResult"
                    visible: !!page.found.tracking_no && !page.vm.busy
                    title: qsTr("编号 %1").arg(page.found.tracking_no || "")
                    Badge {
                        text: page.stateText(page.found.state || "")
                        tone: page.found.state === "answered" || page.found.state === "closed" ? Theme.ok : Theme.primary
                    }
                    BodyText { text: qsTr("提交时间：%1").arg(page.found.created || "") }
                    BodyText {
                        objectName: "followUpAnswer"
                        font.bold: !!page.found.answer
                        text: page.found.answer
                              ? (page.complaint ? qsTr("处理结果：%1") : qsTr("答复：%1")).arg(page.found.answer)
                              : (page.complaint ? qsTr("尚未办结，请耐心等待。") : qsTr("尚未答复，请稍后再查。"))
                    }
                    BodyText {
                        visible: !!page.found.offline
                        color: Theme.warning
                        text: page.found.fetched
                              ? qsTr("网络暂时中断，这是 %1 获取的最近状态。").arg(page.found.fetched || "")
                              : qsTr("网络暂时中断，这是本终端记录的状态。")
                    }
                }
            }
        }
    }
}
