import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 代办: the agent (card already read) says who they act for and how they are authorised;
// the principal's name and ID number are typed (the number is checked) or their card is read.
Page {
    id: page
    objectName: "applyPrincipalPage"
    readonly property string applyStep: "principal"
    readonly property string idleKind: "form"
    readonly property string voicePrompt: qsTr("请选择您与被代办人的关系和授权方式，再输入被代办人的姓名和身份证号码，或刷被代办人的身份证。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    property string relationship: ""
    property string kind: ""
    property string localError: ""
    property Item focusedField: null
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("被代办人信息")
    background: Rectangle { color: Theme.background }

    readonly property var relationships: [
        { value: "child", label: qsTr("子女") },
        { value: "spouse", label: qsTr("配偶") },
        { value: "parent", label: qsTr("父母") },
        { value: "relative", label: qsTr("其他亲属") },
        { value: "other", label: qsTr("其他") }
    ]
    readonly property var kinds: [
        { value: "power_of_attorney", label: qsTr("授权委托书") },
        { value: "guardian", label: qsTr("监护关系") }
    ]

    StackView.onActivated: apply.returnTo("principal")
    Component.onCompleted: {
        apply.clearError()
        if (apply.step === "identify")
            apply.identify()
    }

    function belowIsCardPage() {
        const view = page.StackView.view
        const below = view ? view.get(page.StackView.index - 1, StackView.DontLoad) : null
        return below !== null && below.objectName === "idCardPage"
    }
    function goPrevious() {
        if (belowIsCardPage()) {
            card.cancel()
            apply.returnTo("identify")
        }
        page.previous()
    }
    function authorisationChosen() {
        page.localError = page.relationship !== "" && page.kind !== "" ? "" : "authorisation_missing"
        return page.localError === ""
    }
    // The field a refusal is about, for the summary at the top.
    readonly property var problems: {
        const code = page.localError || apply.error
        if (code === "authorisation_missing")
            return [{ id: "relationship", label: qsTr("关系与授权方式") }]
        if (code === "principal_name_missing")
            return [{ id: "name", label: qsTr("被代办人姓名") }]
        if (code.indexOf("id_number_") === 0 || code === "agent_is_principal")
            return [{ id: "idNumber", label: qsTr("被代办人身份证号码") }]
        return []
    }
    function goToProblem(id) {
        const target = id === "name" ? nameField : id === "idNumber" ? idField : relationshipCard
        const top = target.mapToItem(body, 0, 0).y
        flick.contentY = Math.max(0, Math.min(top - 24, flick.contentHeight - flick.height))
        if (target !== relationshipCard)
            target.forceActiveFocus()
    }
    onProblemsChanged: if (problems.length > 0) goToProblem(problems[0].id)

    function typed() {
        if (!authorisationChosen())
            return
        if (apply.setPrincipal(page.relationship, page.kind, nameField.text, idField.text)) {
            nameField.text = ""
            idField.text = ""
            page.navigate("applyForm", {})
        }
    }
    function byCard() {
        if (!authorisationChosen())
            return
        apply.readPrincipalCard()
        page.navigate("idCard", {
            nextPage: "applyForm",
            nextProperties: { principalRelationship: page.relationship, principalKind: page.kind }
        })
    }
    function ensureVisible(item) {
        if (!item)
            return
        const p = item.mapToItem(body, 0, 0)
        const top = p.y - 80
        const bottom = p.y + item.height + 24
        if (top < flick.contentY)
            flick.contentY = Math.max(0, top)
        else if (bottom > flick.contentY + flick.height)
            flick.contentY = Math.min(bottom - flick.height, Math.max(0, flick.contentHeight - flick.height))
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("代办信息")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: { apply.cancel(); page.back() }
            onPrevious: page.goPrevious()
        }
        ApplyStepBar {
            step: 2
            count: 5
            stepName: qsTr("被代办人与授权")
            serviceName: apply.service.name || ""
        }

        ErrorSummary {
            objectName: "principalErrorSummary"
            problems: page.problems
            onChosen: function (id) { page.goToProblem(id) }
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            objectName: "principalScroll"
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

                BodyText {
                    objectName: "agentLine"
                    visible: card.state === "read"
                    text: qsTr("代办人：%1（已刷身份证）").arg(card.maskedName)
                }
                SectionCard {
                    id: relationshipCard
                    title: qsTr("您与被代办人的关系")
                    Flow {
                        Layout.fillWidth: true
                        spacing: 12
                        Repeater {
                            model: page.relationships
                            ToggleChoice {
                                required property var modelData
                                objectName: "relationship_" + modelData.value
                                text: modelData.label
                                selected: page.relationship === modelData.value
                                onClicked: page.relationship = modelData.value
                            }
                        }
                    }
                }
                SectionCard {
                    title: qsTr("授权方式")
                    Flow {
                        Layout.fillWidth: true
                        spacing: 12
                        Repeater {
                            model: page.kinds
                            ToggleChoice {
                                required property var modelData
                                objectName: "authorisation_" + modelData.value
                                text: modelData.label
                                selected: page.kind === modelData.value
                                onClicked: page.kind = modelData.value
                            }
                        }
                    }
                    BodyText {
                        objectName: "authorisationHow"
                        text: qsTr("被代办人在场并读取其身份证的，可以当场在屏幕上签署授权委托书；也可以用高拍仪扫描纸质授权委托书或监护关系证明，或到窗口时出示。")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                }
                SectionCard {
                    title: qsTr("方式一：输入被代办人信息")
                    BodyText { text: qsTr("被代办人姓名") }
                    TextField {
                        id: nameField
                        objectName: "principalName"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchMin
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                        color: Theme.text
                        maximumLength: 50
                        Accessible.role: Accessible.EditableText
                        Accessible.name: qsTr("被代办人姓名")
                        onActiveFocusChanged: if (activeFocus) { page.focusedField = this; page.ensureVisible(this) }
                        leftPadding: Theme.fieldPadding
                        rightPadding: Theme.fieldPadding
                        background: FieldFrame { invalid: apply.error === "principal_name_missing" }
                    }
                    BodyText { text: qsTr("被代办人身份证号码（18位）") }
                    TextField {
                        id: idField
                        objectName: "principalIdNumber"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchMin
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                        color: Theme.text
                        maximumLength: 18
                        inputMethodHints: Qt.ImhPreferNumbers | Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText | Qt.ImhLatinOnly
                        Accessible.role: Accessible.EditableText
                        Accessible.name: qsTr("被代办人身份证号码")
                        onActiveFocusChanged: if (activeFocus) { page.focusedField = this; page.ensureVisible(this) }
                        leftPadding: Theme.fieldPadding
                        rightPadding: Theme.fieldPadding
                        background: FieldFrame { invalid: apply.error.indexOf("id_number_") === 0 }
                    }
                    ApplyErrorText {
                        objectName: "principalError"
                        code: page.localError || apply.error
                    }
                    KioskButton {
                        objectName: "principalNext"
                        text: qsTr("确认，下一步")
                        Layout.fillWidth: true
                        onClicked: page.typed()
                    }
                }
                SectionCard {
                    title: qsTr("方式二：刷被代办人的身份证")
                    BodyText {
                        text: qsTr("如您带着被代办人的身份证，可直接刷卡读取，无需输入。")
                        color: Theme.textMuted
                    }
                    KioskButton {
                        objectName: "principalCard"
                        text: qsTr("刷被代办人身份证")
                        primary: false
                        Layout.fillWidth: true
                        onClicked: page.byCard()
                    }
                }
            }
        }

        KioskButton {
            objectName: "cancelApply"
            text: qsTr("取消办理")
            primary: false
            Layout.fillWidth: true
            onClicked: { apply.cancel(); page.back() }
        }
    }
}
