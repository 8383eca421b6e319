import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 留言咨询: topic, the question (Pinyin keyboard) and a phone for the answer. The citizen gets
// a tracking number on screen and on a slip.
Page {
    id: page
    objectName: "consultAskPage"
    readonly property string voicePrompt: qsTr("请填写咨询内容和联系电话，然后点击提交。")
    readonly property string idleKind: "form"
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("留言咨询")
    background: Rectangle { color: Theme.background }

    readonly property bool active: StackView.status === StackView.Active

    // The field a refusal is about, for the summary at the top.
    readonly property var problems: {
        switch (consult.reason) {
        case "text_empty":
        case "text_too_long": return [{ id: "text", label: qsTr("您的问题") }]
        case "invalid_phone": return [{ id: "phone", label: qsTr("联系电话") }]
        default: return []
        }
    }
    function goToProblem(id) {
        const target = id === "text" ? textArea : phoneField
        const top = target.mapToItem(form, 0, 0).y
        flick.contentY = Math.max(0, Math.min(top - 24, flick.contentHeight - flick.height))
        target.forceActiveFocus()
    }
    onProblemsChanged: if (problems.length > 0) goToProblem(problems[0].id)

    function submit() {
        Qt.inputMethod.commit()
        consult.ask(topicField.text, textArea.text, phoneField.text)
    }
    // [topic, text, phone] (screenshots and tests type this way).
    function fill(values) {
        topicField.text = values[0]
        textArea.text = values[1]
        phoneField.text = values[2]
    }

    Connections {
        target: consult
        function onFiled() {
            if (page.active)
                page.navigate("followUpFiled", { kind: "consultation" })
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("留言咨询")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }

        ErrorSummary {
            objectName: "consultErrorSummary"
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

            ColumnLayout {
                id: form
                width: flick.width
                spacing: Theme.spacing

                BodyText { text: qsTr("咨询事项"); font.bold: true }
                KioskField {
                    id: topicField
                    objectName: "consultTopic"
                    Layout.fillWidth: true
                    flick: flick
                    label: qsTr("咨询事项")
                    showLabel: false  // written just above
                    text: consult.info.service_name || ""
                    placeholderText: qsTr("如：社会保障卡申领")
                }
                BodyText { text: qsTr("您的问题"); font.bold: true }
                KioskTextArea {
                    id: textArea
                    objectName: "consultText"
                    Layout.fillWidth: true
                    flick: flick
                    label: qsTr("您的问题")
                    showLabel: false  // written just above
                    invalid: consult.reason === "text_empty" || consult.reason === "text_too_long"
                    placeholderText: qsTr("请写下您想咨询的问题")
                    onTextChanged: consult.dismiss()
                }
                BodyText { text: qsTr("联系电话（用于答复您）"); font.bold: true }
                KioskField {
                    id: phoneField
                    objectName: "consultPhoneField"
                    Layout.fillWidth: true
                    flick: flick
                    label: qsTr("联系电话")
                    showLabel: false  // written just above
                    invalid: consult.reason === "invalid_phone"
                    placeholderText: qsTr("手机或固定电话")
                    inputMethodHints: Qt.ImhDialableCharactersOnly
                    onTextEdited: consult.dismiss()
                }
                BodyText {
                    text: qsTr("电话只用于答复您；提交后屏幕和回执上只显示部分号码。")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
                ReasonText { objectName: "consultAskError"; reason: consult.reason }
                RowLayout {
                    visible: consult.busy
                    spacing: Theme.spacing
                    BusyIndicator { running: consult.busy; Layout.preferredWidth: 72; Layout.preferredHeight: 72 }
                    BodyText { text: qsTr("正在提交，请稍候……") }
                }
                KioskButton {
                    objectName: "consultSubmit"
                    text: qsTr("提交留言")
                    enabled: !consult.busy
                    Layout.fillWidth: true
                    onClicked: page.submit()
                }
            }
        }
    }
}
