import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// The complaint itself: category, what it is about (service, window, staff number — all
// optional), the text, and the anonymity switch. Anonymous: no card, no phone, nothing
// personal kept. Named: the card read in this visit, and a phone if the citizen wants a reply.
Page {
    id: page
    objectName: "complainFormPage"
    readonly property string voicePrompt: qsTr("请选择投诉类别，填写投诉内容，然后点击提交。")
    readonly property string idleKind: "form"
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("填写投诉")
    background: Rectangle { color: Theme.background }

    property bool anonymous: true
    property var draft: ({})
    property string category: ""
    readonly property bool active: StackView.status === StackView.Active
    readonly property bool needsCard: !anonymous && card.state !== "read"

    Component.onCompleted: {
        category = draft.category || ""
        textArea.text = draft.text || ""
        serviceField.text = draft.service || ""
        windowField.text = draft.window || ""
        staffField.text = draft.staff || ""
    }

    function categoryName(code) {
        switch (code) {
        case "attitude": return qsTr("服务态度")
        case "efficiency": return qsTr("办事效率")
        case "extra_materials": return qsTr("要求额外材料")
        case "fees": return qsTr("违规收费")
        case "integrity": return qsTr("廉政问题")
        case "facilities": return qsTr("设施环境")
        default: return qsTr("其他")
        }
    }
    // The field a refusal is about, for the summary at the top.
    readonly property var problems: {
        switch (complaints.reason) {
        case "text_empty":
        case "text_too_long": return [{ id: "text", label: qsTr("投诉内容") }]
        case "unknown_category": return [{ id: "category", label: qsTr("投诉类别") }]
        case "invalid_phone": return [{ id: "phone", label: qsTr("联系电话") }]
        case "card_required": return [{ id: "card", label: qsTr("刷身份证") }]
        default: return []
        }
    }
    function goToProblem(id) {
        const target = id === "text" ? textArea : id === "phone" ? phoneField
                     : id === "category" ? categoryTitle : anonymityNote
        const top = target.mapToItem(form, 0, 0).y
        flick.contentY = Math.max(0, Math.min(top - 24, flick.contentHeight - flick.height))
        if (target === textArea || target === phoneField)
            target.forceActiveFocus()
    }
    onProblemsChanged: if (problems.length > 0) goToProblem(problems[0].id)

    function readCard() {
        // Back to this very page once the card is read: what was typed stays in the fields.
        page.navigate("idCard", { returnAfterRead: true })
    }
    function submit() {
        Qt.inputMethod.commit()
        complaints.file(page.category, textArea.text, page.anonymous,
                        page.anonymous ? "" : phoneField.text,
                        serviceField.text, windowField.text, staffField.text)
    }

    Connections {
        target: complaints
        function onFiled() {
            if (page.active)
                page.navigate("followUpFiled", { kind: "complaint" })
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("填写投诉")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }

        ErrorSummary {
            objectName: "complaintErrorSummary"
            problems: page.problems
            onChosen: function (id) { page.goToProblem(id) }
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
            ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AlwaysOn }

            ColumnLayout {
                id: form
                width: flick.width - 24
                spacing: Theme.spacing

                Switch {
                    id: anonymousSwitch
                    objectName: "anonymousSwitch"
                    Layout.fillWidth: true
                    implicitHeight: Theme.touchMin
                    checked: page.anonymous
                    onToggled: page.anonymous = checked
                    focusPolicy: Qt.NoFocus
                    Accessible.role: Accessible.Button
                    Accessible.name: checked ? qsTr("匿名投诉：已开启") : qsTr("匿名投诉：已关闭")
                    Accessible.checkable: true
                    Accessible.checked: checked
                    indicator: Rectangle {
                        x: anonymousSwitch.leftPadding
                        anchors.verticalCenter: parent.verticalCenter
                        width: 128
                        height: 64
                        radius: 32
                        color: anonymousSwitch.checked ? Theme.ok : Theme.disabledSurface
                        border.color: anonymousSwitch.checked ? Theme.ok : Theme.textMuted
                        border.width: 3
                        Rectangle {
                            x: anonymousSwitch.checked ? parent.width - width - 6 : 6
                            anchors.verticalCenter: parent.verticalCenter
                            width: 52
                            height: 52
                            radius: 26
                            color: Theme.surface
                            border.color: Theme.textMuted
                        }
                    }
                    contentItem: Text {
                        leftPadding: anonymousSwitch.indicator.width + Theme.spacing
                        verticalAlignment: Text.AlignVCenter
                        text: anonymousSwitch.checked ? qsTr("匿名投诉：已开启") : qsTr("匿名投诉：已关闭")
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                    }
                }
                BodyText {
                    id: anonymityNote
                    objectName: "anonymityNote"
                    color: page.anonymous ? Theme.ok : Theme.text
                    text: page.anonymous
                          ? qsTr("匿名：无需刷卡、不留电话，本终端和后台都不保存您的任何个人信息；处理结果只能凭投诉编号查询。")
                          : page.needsCard ? qsTr("实名投诉需要先刷身份证。")
                          : qsTr("实名投诉人：%1（%2）").arg(card.maskedName).arg(card.maskedId)
                }
                KioskButton {
                    objectName: "complainReadCard"
                    visible: page.needsCard
                    text: qsTr("刷身份证")
                    Layout.fillWidth: true
                    onClicked: page.readCard()
                }

                BodyText { id: categoryTitle; text: qsTr("投诉类别"); font.bold: true }
                Flow {
                    Layout.fillWidth: true
                    spacing: 16
                    Repeater {
                        model: complaints.categories
                        KioskButton {
                            required property string modelData
                            objectName: "category_" + modelData
                            text: page.categoryName(modelData)
                            primary: page.category === modelData
                            implicitWidth: Math.max(240, contentItem.implicitWidth + 48)
                            Accessible.name: page.category === modelData ? qsTr("%1，已选择").arg(text) : text
                            onClicked: { page.category = modelData; complaints.dismiss() }
                        }
                    }
                }

                BodyText { text: qsTr("投诉对象（可不填）"); font.bold: true }
                KioskField {
                    id: serviceField
                    objectName: "againstService"
                    Layout.fillWidth: true
                    flick: flick
                    label: qsTr("所办事项")
                    placeholderText: qsTr("所办事项，如：社会保障卡申领")
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    KioskField {
                        id: windowField
                        objectName: "againstWindow"
                        Layout.fillWidth: true
                        flick: flick
                        label: qsTr("窗口号")
                        placeholderText: qsTr("窗口号")
                        inputMethodHints: Qt.ImhDigitsOnly
                    }
                    KioskField {
                        id: staffField
                        objectName: "againstStaff"
                        Layout.fillWidth: true
                        flick: flick
                        label: qsTr("工作人员工号")
                        placeholderText: qsTr("工作人员工号")
                        inputMethodHints: Qt.ImhPreferNumbers | Qt.ImhPreferUppercase
                                          | Qt.ImhNoPredictiveText | Qt.ImhLatinOnly
                    }
                }

                BodyText { text: qsTr("投诉内容"); font.bold: true }
                KioskTextArea {
                    id: textArea
                    objectName: "complaintText"
                    Layout.fillWidth: true
                    flick: flick
                    label: qsTr("投诉内容")
                    showLabel: false  // written just above
                    invalid: complaints.reason === "text_empty" || complaints.reason === "text_too_long"
                    placeholderText: qsTr("请写下发生了什么")
                    onTextChanged: complaints.dismiss()
                }

                BodyText { visible: !page.anonymous; text: qsTr("联系电话（可不填，用于告知处理结果）"); font.bold: true }
                KioskField {
                    id: phoneField
                    objectName: "complaintPhone"
                    visible: !page.anonymous
                    Layout.fillWidth: true
                    flick: flick
                    label: qsTr("联系电话")
                    showLabel: false  // written just above
                    invalid: complaints.reason === "invalid_phone"
                    placeholderText: qsTr("手机或固定电话")
                    inputMethodHints: Qt.ImhDialableCharactersOnly
                    onTextEdited: complaints.dismiss()
                }

                ReasonText { objectName: "complaintError"; reason: complaints.reason }
                RowLayout {
                    visible: complaints.busy
                    spacing: Theme.spacing
                    BusyIndicator { running: complaints.busy; Layout.preferredWidth: 72; Layout.preferredHeight: 72 }
                    BodyText { text: qsTr("正在提交，请稍候……") }
                }
                KioskButton {
                    objectName: "complaintSubmit"
                    text: qsTr("提交投诉")
                    enabled: !complaints.busy && !page.needsCard
                    Layout.fillWidth: true
                    onClicked: page.submit()
                }
            }
        }
    }
}
