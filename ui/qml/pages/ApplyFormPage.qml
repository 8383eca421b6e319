import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// The application form: what the card told us is filled in and locked (shown masked); the
// rest is typed on the on-screen keyboard (Pinyin for Chinese, number pads for numbers) or
// chosen with large buttons. Each field says what is wrong with it in a sentence.
Page {
    id: page
    objectName: "applyFormPage"
    readonly property string applyStep: "form"
    readonly property string idleKind: "form"
    readonly property string voicePrompt: qsTr("请填写申请表。带“来自证件”标记的信息已自动填入。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    // Set when the principal's card was read on the card page (代办).
    property string principalRelationship: ""
    property string principalKind: ""
    // What the citizen typed or chose, by field id (plain: this is the form being edited).
    property var values: ({})
    property int revision: 0
    property Item focusedField: null
    // Set when 下一步 was refused: the summary of problems shows until they are all fixed.
    property bool tried: false
    // The fields with a problem, in form order, for the summary at the top.
    readonly property var problems: {
        if (!page.tried)
            return []
        const out = []
        const errors = applyForm.fieldErrors
        for (const f of applyForm.fields)
            if (errors[f.id])
                out.push({ id: f.id, label: f.label })
        if (apply.error === "home_address_missing")
            out.push({ id: "homeAddress", label: qsTr("上门地址") })
        else if (apply.error === "invalid_phone" && apply.homeService)
            out.push({ id: "homePhone", label: qsTr("联系电话") })
        return out
    }
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("填写申请表")
    background: Rectangle { color: Theme.background }

    StackView.onActivated: apply.returnTo("form")
    Component.onCompleted: {
        apply.clearError()
        if (apply.step === "identify")
            apply.identify()
        else if (apply.step === "principal" && page.principalRelationship !== "")
            apply.principalFromCard(page.principalRelationship, page.principalKind)
        const start = {}
        for (const f of applyForm.fields)
            if (!f.locked && f.value !== "")
                start[f.id] = f.value
        page.values = start
        page.revision++
    }

    function setValue(id, value) {
        page.values[id] = value
        page.revision++
    }
    function belowIsCardPage() {
        const view = page.StackView.view
        const below = view ? view.get(page.StackView.index - 1, StackView.DontLoad) : null
        return below !== null && below.objectName === "idCardPage"
    }
    function goPrevious() {
        if (belowIsCardPage()) {
            card.cancel()
            apply.returnTo(apply.onBehalf ? "principal" : "identify")
        }
        page.previous()
    }
    function goOn() {
        Qt.inputMethod.commit()
        Qt.inputMethod.hide()
        if (applyForm.submitForm(page.values, homeAddress.text, homePhone.text)) {
            const revising = apply.revising
            page.navigate("applyMaterials", {})
            // Came from 修改 on the review: the materials are still settled, back to it.
            if (revising && applyForm.confirmMaterials())
                page.navigate("applyReview", {})
        } else {
            page.tried = true
            if (page.problems.length > 0)
                goToProblem(page.problems[0].id)
        }
    }
    // Scroll to the field `id` (a form field, homeAddress or homePhone) and focus it when it
    // is typed into; a choice is only scrolled to.
    function goToProblem(id) {
        let target = null
        if (id === "homeAddress" || id === "homePhone") {
            target = id === "homeAddress" ? homeAddress : homePhone
        } else {
            for (let i = 0; i < fieldRepeater.count; ++i) {
                const box = fieldRepeater.itemAt(i)
                if (box && box.fieldId === id)
                    target = box
            }
        }
        if (!target)
            return
        const top = target.mapToItem(body, 0, 0).y
        flick.contentY = Math.max(0, Math.min(top - 24, flick.contentHeight - flick.height))
        if (target === homeAddress || target === homePhone)
            target.forceActiveFocus()
        else if (target.textual)
            focusField(id)
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
    function hintsFor(type) {
        if (type === "number" || type === "amount" || type === "date")
            return Qt.ImhFormattedNumbersOnly
        if (type === "phone")
            return Qt.ImhDialableCharactersOnly
        if (type === "id_number")
            return Qt.ImhPreferNumbers | Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText | Qt.ImhLatinOnly
        return Qt.ImhNone
    }
    function placeholderFor(type) {
        if (type === "date")
            return qsTr("年-月-日，如 2024-05-01")
        if (type === "phone")
            return qsTr("11位手机号或带区号的固定电话")
        if (type === "id_number")
            return qsTr("18位身份证号码")
        if (type === "amount")
            return qsTr("金额（元），如 1280.50")
        if (type === "number")
            return qsTr("请输入数字")
        if (type === "address")
            return qsTr("省市区、街道、门牌号")
        return ""
    }
    function errorText(reason) {
        const words = {
            "required": qsTr("此项必须填写。"),
            "too_long": qsTr("内容过长，请精简。"),
            "invalid_format": qsTr("格式不正确，请按提示填写。"),
            "invalid_number": qsTr("请输入数字。"),
            "invalid_date": qsTr("日期不正确，请按“年-月-日”填写，如 2024-05-01。"),
            "invalid_phone": qsTr("电话号码有误，请输入11位手机号或带区号的固定电话。"),
            "invalid_choice": qsTr("请从选项中选择一项。"),
            "choose_one": qsTr("请选择一项。"),
            "invalid_amount": qsTr("请输入金额，最多两位小数，如 1280.50。"),
            "out_of_range": qsTr("超出允许的范围，请核对。")
        }
        if (reason && reason.indexOf("id_number_") === 0)
            return idNumberWords.sentence(reason)  // the same words as the agent's page
        return reason ? (words[reason] || qsTr("此项需要修改。")) : ""
    }

    ApplyErrorText { id: idNumberWords; visible: false }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("填写申请表")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: { apply.cancel(); page.back() }
            onPrevious: page.goPrevious()
        }
        ApplyStepBar {
            step: apply.onBehalf ? 3 : 2
            count: apply.onBehalf ? 5 : 4
            stepName: qsTr("填写申请表")
            serviceName: apply.service.name || ""
        }

        ErrorSummary {
            objectName: "formErrorSummary"
            problems: page.problems
            onChosen: function (id) { page.goToProblem(id) }
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            objectName: "formScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: body.implicitHeight + 40
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick
            onHeightChanged: page.ensureVisible(page.focusedField)
            ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AsNeeded }

            ColumnLayout {
                id: body
                width: flick.width - 24
                spacing: Theme.spacing

                BodyText {
                    visible: applyForm.fields.length > 0
                    text: qsTr("带“来自证件”标记的信息已从身份证读取，不能修改；其余请如实填写。")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
                BodyText {
                    objectName: "noForm"
                    visible: applyForm.fields.length === 0
                    text: qsTr("请先选择事项并刷身份证。")
                }

                Repeater {
                    id: fieldRepeater
                    model: applyForm.fields
                    ColumnLayout {
                        id: box
                        required property var modelData
                        readonly property string fieldId: modelData.id
                        readonly property string type: modelData.type
                        readonly property string reason: applyForm.fieldErrors[modelData.id] || ""
                        readonly property bool textual: !modelData.locked && type !== "choice" && type !== "yes_no"
                        objectName: "fieldBox_" + modelData.id
                        Layout.fillWidth: true
                        spacing: 8

                        RowLayout {
                            Layout.fillWidth: true
                            spacing: 12
                            Text {
                                Layout.fillWidth: true
                                text: box.modelData.label + (box.modelData.required ? "" : qsTr("（选填）"))
                                color: Theme.text
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontBody
                                font.bold: true
                                wrapMode: Text.Wrap
                            }
                            Badge {
                                visible: box.modelData.locked
                                text: qsTr("来自证件")
                                tone: Theme.ok
                            }
                        }
                        BodyText {
                            visible: !!box.modelData.help && !box.modelData.locked
                            text: box.modelData.help || ""
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                        }
                        // Locked: from the card, masked, not editable.
                        Rectangle {
                            visible: box.modelData.locked
                            Layout.fillWidth: true
                            implicitHeight: lockedText.implicitHeight + 24
                            radius: Theme.radius
                            color: Theme.disabledSurface
                            Text {
                                id: lockedText
                                objectName: "locked_" + box.fieldId
                                anchors.verticalCenter: parent.verticalCenter
                                x: 20
                                width: parent.width - 40
                                text: box.modelData.display || ""
                                color: Theme.text
                                font.family: Theme.fontFamily
                                font.pixelSize: Theme.fontLarge
                                wrapMode: Text.Wrap
                                Accessible.name: box.modelData.label + "：" + text
                            }
                        }
                        TextField {
                            id: input
                            objectName: "field_" + box.fieldId
                            visible: box.textual
                            Layout.fillWidth: true
                            implicitHeight: Theme.touchMin
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontLarge
                            color: Theme.text
                            text: box.modelData.value || ""
                            maximumLength: box.modelData.max_length || 200
                            inputMethodHints: page.hintsFor(box.type)
                            placeholderText: page.placeholderFor(box.type)
                            placeholderTextColor: Theme.textMuted
                            Accessible.role: Accessible.EditableText
                            Accessible.name: box.modelData.label
                            onTextChanged: page.values[box.fieldId] = text
                            onActiveFocusChanged: {
                                if (activeFocus) {
                                    page.focusedField = this
                                    page.ensureVisible(this)
                                } else if (text !== "") {
                                    applyForm.checkField(page.values, box.fieldId)
                                }
                            }
                            leftPadding: Theme.fieldPadding
                            rightPadding: Theme.fieldPadding
                            background: FieldFrame { invalid: box.reason !== "" }
                        }
                        Flow {
                            visible: !box.modelData.locked && box.type === "choice"
                            Layout.fillWidth: true
                            spacing: 12
                            Repeater {
                                model: box.modelData.choices
                                ToggleChoice {
                                    required property var modelData
                                    objectName: "choice_" + box.fieldId + "_" + modelData.value
                                    text: modelData.label
                                    selected: page.revision >= 0 && page.values[box.fieldId] === modelData.value
                                    onClicked: { page.setValue(box.fieldId, modelData.value); applyForm.checkField(page.values, box.fieldId) }
                                }
                            }
                        }
                        Flow {
                            visible: !box.modelData.locked && box.type === "yes_no"
                            Layout.fillWidth: true
                            spacing: 12
                            ToggleChoice {
                                objectName: "choice_" + box.fieldId + "_yes"
                                text: qsTr("是")
                                selected: page.revision >= 0 && page.values[box.fieldId] === "yes"
                                onClicked: { page.setValue(box.fieldId, "yes"); applyForm.checkField(page.values, box.fieldId) }
                            }
                            ToggleChoice {
                                objectName: "choice_" + box.fieldId + "_no"
                                text: qsTr("否")
                                selected: page.revision >= 0 && page.values[box.fieldId] === "no"
                                onClicked: { page.setValue(box.fieldId, "no"); applyForm.checkField(page.values, box.fieldId) }
                            }
                        }
                        Text {
                            objectName: "fieldError_" + box.fieldId
                            visible: box.reason !== ""
                            Layout.fillWidth: true
                            text: page.errorText(box.reason)
                            color: Theme.error
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            wrapMode: Text.Wrap
                            Accessible.role: Accessible.AlertMessage
                            Accessible.name: text
                        }
                    }
                }

                SectionCard {
                    objectName: "homeServiceSection"
                    visible: apply.homeService
                    title: qsTr("上门办理信息")
                    BodyText {
                        text: qsTr("工作人员将按以下地址和电话与您联系，约定上门时间。")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    BodyText { text: qsTr("上门地址") }
                    TextField {
                        id: homeAddress
                        objectName: "homeAddress"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchMin
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                        color: Theme.text
                        maximumLength: 200
                        placeholderText: page.placeholderFor("address")
                        placeholderTextColor: Theme.textMuted
                        Accessible.role: Accessible.EditableText
                        Accessible.name: qsTr("上门地址")
                        onActiveFocusChanged: if (activeFocus) { page.focusedField = this; page.ensureVisible(this) }
                        leftPadding: Theme.fieldPadding
                        rightPadding: Theme.fieldPadding
                        background: FieldFrame {}
                    }
                    BodyText { text: qsTr("联系电话") }
                    TextField {
                        id: homePhone
                        objectName: "homePhone"
                        Layout.fillWidth: true
                        implicitHeight: Theme.touchMin
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                        color: Theme.text
                        maximumLength: 20
                        inputMethodHints: Qt.ImhDialableCharactersOnly
                        placeholderText: page.placeholderFor("phone")
                        placeholderTextColor: Theme.textMuted
                        Accessible.role: Accessible.EditableText
                        Accessible.name: qsTr("上门联系电话")
                        onActiveFocusChanged: if (activeFocus) { page.focusedField = this; page.ensureVisible(this) }
                        leftPadding: Theme.fieldPadding
                        rightPadding: Theme.fieldPadding
                        background: FieldFrame {}
                    }
                }
            }
        }

        ApplyErrorText { objectName: "formError"; code: apply.error }

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
                objectName: "formNext"
                text: apply.revising ? qsTr("完成修改，返回核对") : qsTr("下一步")
                enabled: apply.step === "form"
                Layout.preferredWidth: 2
                Layout.fillWidth: true
                onClicked: page.goOn()
            }
        }
    }

    // Commands (scanner-free: tests and screenshots drive the page like a finger would).
    function setChoice(pair) {
        page.setValue(pair[0], pair[1])
    }
    function focusField(id) {
        for (let i = 0; i < fieldRepeater.count; ++i) {
            const box = fieldRepeater.itemAt(i)
            for (let j = 0; box && j < box.children.length; ++j)
                if (box.children[j].objectName === "field_" + id)
                    box.children[j].forceActiveFocus()
        }
    }
}
