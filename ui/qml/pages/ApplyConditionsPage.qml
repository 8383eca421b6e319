import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Step 1 of applying: the guide's conditions (申请条件), confirmed before the card is read.
Page {
    id: page
    objectName: "applyConditionsPage"
    readonly property string applyStep: "conditions"
    readonly property string voicePrompt: qsTr("请阅读办理条件，确认符合后点击下方按钮。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    readonly property var s: apply.service
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("办理条件：%1").arg(s.name || "")
    background: Rectangle { color: Theme.background }

    StackView.onActivated: apply.returnTo("conditions")
    Component.onCompleted: apply.clearError()

    function goOn() {
        if (!apply.confirmConditions())
            return
        const next = apply.onBehalf ? "applyPrincipal" : "applyForm"
        // 人证核验 of the card holder (the agent, for someone else) first, when the guide asks.
        const action = apply.onBehalf ? "agent" : "apply"
        const face = apply.needsFace(action)
        const target = face ? "faceCheck" : next
        const props = face ? { action: action, next: next } : {}
        if (card.state === "read")
            page.navigate(target, props)
        else
            page.navigate("idCard", { nextPage: target, nextProperties: props })
    }
    function modeText() {
        if (apply.onBehalf)
            return qsTr("代他人办理")
        if (apply.homeService)
            return qsTr("上门办理")
        return qsTr("本人办理")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("办理条件")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: { apply.cancel(); page.back() }
            onPrevious: page.previous()
        }
        ApplyStepBar {
            step: 1
            count: apply.onBehalf ? 5 : 4
            stepName: qsTr("阅读办理条件")
            serviceName: page.s.name || ""
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            objectName: "conditionsScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: body.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick
            ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AsNeeded }

            ColumnLayout {
                id: body
                width: flick.width - 24
                spacing: Theme.spacing
                Flow {
                    Layout.fillWidth: true
                    spacing: 12
                    Badge { text: page.modeText() }
                    Badge {
                        visible: page.s.promised_days !== undefined
                        text: !(page.s.promised_days > 0) ? qsTr("即办")
                              : page.s.limit_unit === "calendar"
                                ? qsTr("承诺 %1 个自然日办结").arg(page.s.promised_days)
                                : qsTr("承诺 %1 个工作日办结").arg(page.s.promised_days)
                        tone: Theme.ok
                    }
                }
                SectionCard {
                    objectName: "conditionsList"
                    title: qsTr("申请条件")
                    Repeater {
                        model: page.s.conditions || []
                        BodyText { required property var modelData; text: "· " + modelData }
                    }
                    BodyText {
                        visible: (page.s.conditions || []).length === 0
                        text: qsTr("本事项没有特别的申请条件。")
                    }
                }
                SectionCard {
                    title: qsTr("接下来")
                    BodyText {
                        text: apply.onBehalf
                              ? qsTr("请代办人刷本人身份证，再填写或刷取被代办人的身份信息，并说明代办关系。")
                              : card.state === "read"
                              ? qsTr("已读取%1的身份证，申请表将自动填入证件上的信息，无需手工输入证件号码。").arg(card.maskedName)
                              : qsTr("请刷身份证识别身份，申请表将自动填入证件上的信息，无需手工输入证件号码。")
                    }
                    BodyText {
                        text: qsTr("您可随时点“返回”修改上一步，或点“取消办理”，已填写的信息将被清除。")
                        color: Theme.textMuted
                    }
                }
            }
        }

        ApplyErrorText { objectName: "conditionsError"; code: apply.error }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskButton {
                objectName: "cancelApply"
                text: qsTr("取消办理")
                primary: false
                Layout.preferredWidth: 1
                Layout.fillWidth: true
                onClicked: { apply.cancel(); page.back() }
            }
            KioskButton {
                objectName: "confirmConditions"
                text: qsTr("我符合条件，下一步")
                enabled: apply.step === "conditions"
                Layout.preferredWidth: 2
                Layout.fillWidth: true
                onClicked: page.goOn()
            }
        }
    }
}
