import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Look up a question's answer (查询答复), a complaint's progress (查询处理进度) or a bad
// rating's 整改 (查询整改结果: owner, deadline, action, result; one appeal once closed) by its
// tracking number, e.g. ZX20261128T010001. `kind`: "consultation", "complaint" or
// "rectification".
Page {
    id: page
    objectName: "followUpStatusPage"
    readonly property string voicePrompt: page.rectification ? qsTr("请输入整改编号查询整改结果。")
                                        : page.complaint ? qsTr("请输入投诉编号查询处理进度。")
                                        : qsTr("请输入咨询编号查询答复。")
    readonly property string idleKind: "form"
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: page.heading
    background: Rectangle { color: Theme.background }

    property string kind: "consultation"
    property string number: ""
    readonly property bool complaint: kind === "complaint"
    readonly property bool rectification: kind === "rectification"
    readonly property string heading: page.rectification ? qsTr("查询整改结果")
                                  : page.complaint ? qsTr("查询处理进度") : qsTr("查询答复")
    // 申诉: shown for a closed 整改 not yet appealed; the reason the citizen chose.
    readonly property bool canAppeal: page.rectification && page.found.state === "closed"
                                      && !page.found.appealed && !page.found.offline
    property string appealReason: ""
    property bool appealOpen: false
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
    // The appeal form opened with ``reason`` chosen (screenshots, tests).
    function openAppeal(reason) {
        page.appealOpen = true
        page.appealReason = reason
    }
    function stateText(state) {
        switch (state) {
        case "submitted": return qsTr("已提交，等待上传")
        case "received": return qsTr("已接收，等待处理")
        case "in_progress": return qsTr("处理中")
        case "answered": return qsTr("已答复")
        case "closed": return page.rectification ? qsTr("整改已办结") : qsTr("已办结")
        case "appealed": return qsTr("已申诉，重新整改中")
        default: return state
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: page.heading
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
                    text: page.rectification ? qsTr("整改编号印在差评整改回执上，如 ZG20261128T010001。")
                        : page.complaint ? qsTr("投诉编号印在投诉受理回执上，如 TS20261128T010001。")
                        : qsTr("咨询编号印在咨询留言回执上，如 ZX20261128T010001。")
                }
                KioskField {
                    id: field
                    objectName: "trackingField"
                    Layout.fillWidth: true
                    flick: flick
                    label: page.rectification ? qsTr("整改编号") : page.complaint ? qsTr("投诉编号") : qsTr("咨询编号")
                    placeholderText: page.rectification ? qsTr("如 ZG20261128T010001")
                                   : page.complaint ? qsTr("如 TS20261128T010001") : qsTr("如 ZX20261128T010001")
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
                        objectName: "rectificationDeadline"
                        visible: page.rectification && !!page.found.deadline
                        font.bold: true
                        text: page.found.state === "closed"
                              ? qsTr("整改时限：%1").arg(page.found.deadline || "")
                              : qsTr("我们将在 %1 前回访整改（15个工作日内）。").arg(page.found.deadline || "")
                    }
                    BodyText {
                        objectName: "rectificationOwner"
                        visible: page.rectification && !!page.found.owner
                        text: qsTr("责任人：%1").arg(page.found.owner || "")
                    }
                    BodyText {
                        objectName: "rectificationAction"
                        visible: page.rectification && !!page.found.action
                        text: qsTr("整改措施：%1").arg(page.found.action || "")
                    }
                    BodyText {
                        objectName: "followUpAnswer"
                        visible: !page.rectification || !page.found.result
                        font.bold: !!page.found.answer
                        text: page.found.answer
                              ? (page.complaint ? qsTr("处理结果：%1") : qsTr("答复：%1")).arg(page.found.answer)
                              : page.rectification
                                ? (page.found.state === "submitted" ? qsTr("评价还未送达，整改尚未登记，请联网后再查。") : qsTr("整改进行中，请等待回访。"))
                                : (page.complaint ? qsTr("尚未办结，请耐心等待。") : qsTr("尚未答复，请稍后再查。"))
                    }
                    BodyText {
                        objectName: "rectificationResult"
                        visible: page.rectification && !!page.found.result
                        font.bold: true
                        text: qsTr("整改结果：%1").arg(page.found.result || "")
                    }
                    BodyText {
                        objectName: "appealDone"
                        visible: page.rectification && page.found.state === "appealed"
                        color: Theme.primary
                        text: page.found.appealedNow
                              ? qsTr("申诉已提交。整改重新办理，我们将在 %1 前再次回访。").arg(page.found.deadline || "")
                              : qsTr("您已申诉过，整改正在重新办理，我们将在 %1 前再次回访。").arg(page.found.deadline || "")
                    }
                    BodyText {
                        visible: page.rectification && !!page.found.appealed && page.found.state === "closed"
                        color: Theme.textMuted
                        text: qsTr("这项整改已申诉过一次，不能再次申诉。如仍有意见，请拨打 12345。")
                    }
                    BodyText {
                        visible: !!page.found.offline
                        color: Theme.warning
                        text: page.found.fetched
                              ? qsTr("网络暂时中断，这是 %1 获取的最近状态。").arg(page.found.fetched || "")
                              : qsTr("网络暂时中断，这是本终端记录的状态。")
                    }
                }

                // 申诉: once, for a closed 整改, with a short reason.
                KioskButton {
                    objectName: "appealOpen"
                    visible: page.canAppeal && !page.appealOpen && !page.vm.busy
                    primary: false
                    Layout.fillWidth: true
                    text: qsTr("对整改结果不满意，我要申诉")
                    onClicked: { page.appealOpen = true; page.appealReason = ""; page.vm.dismiss() }
                }
                SectionCard {
                    objectName: "appealCard"
                    visible: page.canAppeal && page.appealOpen
                    title: qsTr("申诉原因（只能申诉一次）")
                    Repeater {
                        model: [
                            { key: "not_fixed", label: qsTr("问题没有解决") },
                            { key: "no_contact", label: qsTr("没有人联系我") },
                            { key: "disagree", label: qsTr("不认可整改结果") }
                        ]
                        ToggleChoice {
                            required property var modelData
                            objectName: "appeal_" + modelData.key
                            Layout.fillWidth: true
                            text: modelData.label
                            selected: page.appealReason === modelData.key
                            onClicked: { page.appealReason = modelData.key; page.vm.dismiss() }
                        }
                    }
                    BodyText {
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                        text: qsTr("提交后整改重新办理，并重新计算15个工作日的回访时限。")
                    }
                    KioskButton {
                        objectName: "appealSend"
                        text: qsTr("提交申诉")
                        enabled: !page.vm.busy
                        Layout.fillWidth: true
                        onClicked: page.vm.appeal(page.appealReason)
                    }
                }
                ReasonText { objectName: "trackingError"; reason: page.vm.reason }
            }
        }
    }
}
