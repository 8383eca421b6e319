import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 我有建议 (群众点菜): a service to make simpler, or a proof that should not be asked for.
// Which service (or what the citizen looked for), the suggestion, an optional phone. It is
// filed like a question: a tracking number on screen and on a slip.
Page {
    id: page
    objectName: "suggestPage"
    readonly property string voicePrompt: qsTr("请选择建议类型，写下涉及的事项和您的建议，然后点击提交。电话可以不填。")
    readonly property string idleKind: "form"
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("我有建议")
    background: Rectangle { color: Theme.background }

    // What the citizen searched for when the search found nothing (filled in by the caller).
    property string about: ""
    property string kind: "simplify"
    readonly property bool active: StackView.status === StackView.Active

    readonly property var problems: {
        switch (consult.reason) {
        case "text_empty":
        case "text_too_long": return [{ id: "text", label: qsTr("您的建议") }]
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
        consult.suggest(page.kind, aboutField.text, textArea.text, phoneField.text)
    }
    // [kind, about, text, phone] (screenshots and tests type this way).
    function fill(values) {
        page.kind = values[0]
        aboutField.text = values[1]
        textArea.text = values[2]
        phoneField.text = values[3]
    }

    Component.onCompleted: consult.dismiss()

    Connections {
        target: consult
        function onSuggested() {
            if (page.active)
                page.navigate("followUpFiled", { kind: "suggestion" })
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("我有建议")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }

        ErrorSummary {
            objectName: "suggestErrorSummary"
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

                BodyText {
                    text: qsTr("哪些事项办起来麻烦、哪些证明没有必要，请告诉我们。每条建议都有编号，处理结果可凭编号查询。")
                    color: Theme.textMuted
                }
                BodyText { text: qsTr("建议类型"); font.bold: true }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    ToggleChoice {
                        objectName: "suggestSimplify"
                        text: qsTr("简化办事")
                        selected: page.kind === "simplify"
                        onClicked: page.kind = "simplify"
                    }
                    ToggleChoice {
                        objectName: "suggestProof"
                        text: qsTr("取消不必要的证明")
                        selected: page.kind === "proof"
                        onClicked: page.kind = "proof"
                    }
                }
                BodyText { text: qsTr("涉及的事项（或您要找的事项）"); font.bold: true }
                KioskField {
                    id: aboutField
                    objectName: "suggestAbout"
                    Layout.fillWidth: true
                    flick: flick
                    label: qsTr("涉及的事项")
                    showLabel: false  // written just above
                    text: page.about
                    placeholderText: qsTr("如：居住证申领")
                }
                BodyText { text: qsTr("您的建议"); font.bold: true }
                KioskTextArea {
                    id: textArea
                    objectName: "suggestText"
                    Layout.fillWidth: true
                    flick: flick
                    label: qsTr("您的建议")
                    showLabel: false  // written just above
                    invalid: consult.reason === "text_empty" || consult.reason === "text_too_long"
                    placeholderText: qsTr("如：希望不再要求提供某某证明")
                    onTextChanged: consult.dismiss()
                }
                BodyText { text: qsTr("联系电话（选填，用于答复您）"); font.bold: true }
                KioskField {
                    id: phoneField
                    objectName: "suggestPhoneField"
                    Layout.fillWidth: true
                    flick: flick
                    label: qsTr("联系电话")
                    showLabel: false  // written just above
                    invalid: consult.reason === "invalid_phone"
                    placeholderText: qsTr("可不填")
                    inputMethodHints: Qt.ImhDialableCharactersOnly
                    onTextEdited: consult.dismiss()
                }
                BodyText {
                    text: qsTr("电话只用于答复您；提交后屏幕和回执上只显示部分号码。")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
                ReasonText { objectName: "suggestError"; reason: consult.reason }
                RowLayout {
                    visible: consult.busy
                    spacing: Theme.spacing
                    BusyIndicator { running: consult.busy; Layout.preferredWidth: 72; Layout.preferredHeight: 72 }
                    BodyText { text: qsTr("正在提交，请稍候……") }
                }
                KioskButton {
                    objectName: "suggestSubmit"
                    text: qsTr("提交建议")
                    enabled: !consult.busy
                    Layout.fillWidth: true
                    onClicked: page.submit()
                }
            }
        }
    }
}
