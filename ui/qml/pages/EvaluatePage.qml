import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 好差评: five levels, the four on-site criteria, a reason for the two lowest levels and an
// optional comment. One rating per visit; skipping writes nothing. Elder mode asks the one
// overall question, its five answers one under the other; the criteria wait behind a button.
Page {
    id: page
    objectName: "evaluatePage"
    readonly property string idleKind: "form"
    readonly property string voicePrompt: qsTr("请对本次服务作出评价，也可以跳过。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    property int level: 0
    property var criteria: ({})
    property var reasons: []
    property int revision: 0
    property Item focusedField: null
    // The four criteria are optional: shown at once in default mode, on request in elder mode.
    property bool criteriaOpen: false
    readonly property bool showCriteria: !Theme.elder || page.criteriaOpen
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("服务评价")
    background: Rectangle { color: Theme.background }

    readonly property var levels: [
        { value: 5, label: qsTr("非常满意") },
        { value: 4, label: qsTr("满意") },
        { value: 3, label: qsTr("基本满意") },
        { value: 2, label: qsTr("不满意") },
        { value: 1, label: qsTr("非常不满意") }
    ]
    readonly property var criteriaList: [
        { key: "overall", label: qsTr("总体满意度") },
        { key: "efficiency", label: qsTr("办事效率") },
        { key: "service_level", label: qsTr("服务水平") },
        { key: "attitude", label: qsTr("服务态度") }
    ]
    readonly property var reasonList: [
        { key: "long_wait", label: qsTr("等候时间长") },
        { key: "slow", label: qsTr("办理效率低") },
        { key: "unclear", label: qsTr("材料要求说不清") },
        { key: "attitude", label: qsTr("服务态度差") },
        { key: "device", label: qsTr("自助设备不好用") },
        { key: "other", label: qsTr("其他") }
    ]
    readonly property bool done: rating.ratingState === "sent"
    Component.onCompleted: rating.clearError()

    function setCriterion(key, value) {
        page.criteria[key] = value
        page.revision++
    }
    function toggleReason(key) {
        const i = page.reasons.indexOf(key)
        const copy = page.reasons.slice()
        if (i < 0)
            copy.push(key)
        else
            copy.splice(i, 1)
        page.reasons = copy
    }
    function send() {
        Qt.inputMethod.commit()
        Qt.inputMethod.hide()
        rating.rate(page.level, page.criteria, page.level <= 2 ? page.reasons : [], comment.text)
    }
    function ensureVisible(item) {
        if (!item)
            return
        const p = item.mapToItem(body, 0, 0)
        const bottom = p.y + item.height + 24
        if (bottom > flick.contentY + flick.height)
            flick.contentY = Math.min(bottom - flick.height, Math.max(0, flick.contentHeight - flick.height))
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("服务评价")
            Layout.fillWidth: true
            onBack: page.back()
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            objectName: "evaluateScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: body.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick
            onHeightChanged: page.ensureVisible(page.focusedField)
            ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AsNeeded }

            ColumnLayout {
                id: body
                width: flick.width - 24
                spacing: Theme.spacing

                // Built once the rating is sent, then kept (#22).
                OnDemand {
                    wanted: page.done
                    visible: wanted
                    Layout.fillWidth: true
                    sourceComponent: SectionCard {
                        objectName: "thanks"
                        title: qsTr("感谢您的评价！")
                        BodyText {
                            objectName: "thanksText"
                            text: rating.trackingNo === ""
                                  ? qsTr("您的评价已记录，将用于改进我们的服务。")
                                  : qsTr("对给您带来的不便，我们深表歉意。您的评价已登记为整改事项。")
                        }
                    }
                }
                // A bad rating's 整改: the number, and the promise only once central recorded it.
                // Built once a bad rating is sent, then kept (#22).
                OnDemand {
                    wanted: page.done && rating.trackingNo !== ""
                    visible: wanted
                    Layout.fillWidth: true
                    sourceComponent: SectionCard {
                        objectName: "rectification"
                        title: qsTr("整改编号")
                        Text {
                            objectName: "rectificationNumber"
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.WrapAnywhere
                            text: rating.trackingNo
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontTitle
                            font.bold: true
                            color: Theme.text
                            Accessible.role: Accessible.StaticText
                            Accessible.name: qsTr("整改编号 %1").arg(rating.trackingNo)
                        }
                        BodyText {
                            objectName: "rectificationPromise"
                            visible: rating.followUpConfirmed
                            font.bold: true
                            text: qsTr("我们将在15个工作日内回访整改（%1前）。").arg(rating.deadline)
                        }
                        BodyText {
                            objectName: "rectificationPending"
                            visible: !rating.followUpConfirmed
                            color: Theme.warning
                            text: qsTr("网络暂时中断，您的评价已保存在本终端，联网后送达并登记整改。登记后可凭此编号在“评价”页的“查询整改结果”查看进度和回访时间。")
                        }
                        BodyText {
                            visible: rating.followUpConfirmed
                            text: qsTr("可凭此编号在“评价”页的“查询整改结果”查看处理结果；对结果不满意，可以申诉一次。")
                        }
                        BodyText {
                            visible: rating.slipQueued
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                            text: qsTr("回执正在打印，请取走；如未出纸，请记下上面的编号。")
                        }
                    }
                }
                SectionCard {
                    visible: !page.done
                    title: qsTr("您对本次服务满意吗？")
                    GridLayout {
                        id: levelGrid
                        objectName: "levelGrid"
                        Layout.fillWidth: true
                        // Elder mode: one answer per line, the easiest to read and to hit.
                        columns: Theme.elder ? 1 : 5
                        rowSpacing: 12
                        columnSpacing: 12
                        Repeater {
                            model: page.levels
                            ToggleChoice {
                                required property var modelData
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                Layout.fillHeight: true
                                implicitWidth: Theme.touchMin
                                objectName: "level_" + modelData.value
                                text: modelData.label
                                selected: page.level === modelData.value
                                onClicked: page.level = modelData.value
                            }
                        }
                    }
                }
                // Built the first time a low level is chosen, then kept (#22).
                OnDemand {
                    wanted: !page.done && page.level > 0 && page.level <= 2
                    visible: wanted
                    Layout.fillWidth: true
                    sourceComponent: SectionCard {
                        objectName: "reasonSection"
                        title: qsTr("请告诉我们不满意的原因（至少选一项）")
                        Flow {
                            Layout.fillWidth: true
                            spacing: 12
                            Repeater {
                                model: page.reasonList
                                ToggleChoice {
                                    required property var modelData
                                    objectName: "reason_" + modelData.key
                                    text: modelData.label
                                    selected: page.reasons.indexOf(modelData.key) >= 0
                                    onClicked: page.toggleReason(modelData.key)
                                }
                            }
                        }
                    }
                }
                SectionCard {
                    objectName: "criteriaSection"
                    visible: !page.done
                    title: qsTr("分项评价（选填）")
                    KioskButton {
                        objectName: "criteriaToggle"
                        visible: Theme.elder
                        primary: false
                        Layout.fillWidth: true
                        font.pixelSize: Theme.fontBody
                        text: page.criteriaOpen ? qsTr("收起分项评价") : qsTr("也想评价办事效率、服务态度等")
                        onClicked: page.criteriaOpen = !page.criteriaOpen
                    }
                    Repeater {
                        model: page.showCriteria ? page.criteriaList : []
                        ColumnLayout {
                            id: criterion
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: 8
                            BodyText { text: criterion.modelData.label; font.bold: true }
                            GridLayout {
                                Layout.fillWidth: true
                                // Elder mode: two a row, so "√ 非常不满意" fits at full size.
                                columns: Theme.elder ? 2 : 5
                                rowSpacing: 12
                                columnSpacing: 12
                                Repeater {
                                    model: page.levels
                                    ToggleChoice {
                                        required property var modelData
                                        Layout.fillWidth: true
                                        Layout.preferredWidth: 1
                                        Layout.fillHeight: true
                                        implicitWidth: Theme.touchMin
                                        objectName: "criterion_" + criterion.modelData.key + "_" + modelData.value
                                        text: modelData.label
                                        // Said with its criterion: five buttons per row share a word.
                                        Accessible.name: criterion.modelData.label + "：" + modelData.label
                                        selected: page.revision >= 0 && page.criteria[criterion.modelData.key] === modelData.value
                                        onClicked: page.setCriterion(criterion.modelData.key, modelData.value)
                                    }
                                }
                            }
                        }
                    }
                }
                SectionCard {
                    visible: !page.done
                    title: qsTr("意见建议（选填）")
                    TextField {
                        id: comment
                        objectName: "evaluateComment"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchMin
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                        color: Theme.text
                        maximumLength: 1000
                        placeholderText: qsTr("可用拼音输入")
                        placeholderTextColor: Theme.textMuted
                        Accessible.role: Accessible.EditableText
                        Accessible.name: qsTr("意见建议")
                        onActiveFocusChanged: if (activeFocus) { page.focusedField = this; page.ensureVisible(this) }
                        leftPadding: Theme.fieldPadding
                        rightPadding: Theme.fieldPadding
                        background: FieldFrame {}
                    }
                    BodyText {
                        text: qsTr("评价自愿，您的个人信息受保护。")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                }
                KioskButton {
                    objectName: "rectificationLookup"
                    visible: !page.done || rating.trackingNo !== ""
                    primary: false
                    Layout.fillWidth: true
                    text: qsTr("查询整改结果（凭差评整改编号）")
                    onClicked: page.navigate("followUpStatus", { kind: "rectification", number: page.done ? rating.trackingNo : "" })
                }
            }
        }

        ApplyErrorText { objectName: "evaluateError"; code: rating.error }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            visible: !page.done
            KioskButton {
                objectName: "skipRating"
                text: qsTr("跳过")
                primary: false
                enabled: !rating.busy
                Layout.preferredWidth: 1
                Layout.fillWidth: true
                onClicked: { rating.skipRating(); page.back() }
            }
            KioskButton {
                objectName: "submitRating"
                text: qsTr("提交评价")
                enabled: page.level > 0 && !rating.busy
                Layout.preferredWidth: 2
                Layout.fillWidth: true
                onClicked: page.send()
            }
        }
        KioskButton {
            objectName: "evaluateDone"
            visible: page.done
            text: qsTr("返回首页")
            Layout.fillWidth: true
            onClicked: page.back()
        }
    }

    function setLevel(value) {
        page.level = value
    }
}
