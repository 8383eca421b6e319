import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 咨询: find the service the question is about (name, pinyin or initials), or "其他问题";
// answers to earlier questions are looked up by their number.
Page {
    id: page
    objectName: "consultPage"
    readonly property string voicePrompt: qsTr("请输入要咨询的事项名称，或选择其他问题。")
    readonly property string idleKind: "form"
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("咨询")
    background: Rectangle { color: Theme.background }

    Component.onCompleted: catalog.search("")

    function setQuery(text) {
        field.text = text
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("咨询")
            Layout.fillWidth: true
            onBack: page.back()
        }
        BodyText {
            text: qsTr("选择事项可查看常见问题和咨询电话，也可以留言，答复后凭编号查询。")
            color: Theme.textMuted
        }
        KioskField {
            id: field
            objectName: "consultSearchField"
            Layout.fillWidth: true
            label: qsTr("搜索要咨询的事项")
            placeholderText: qsTr("如：社保、医保、户口、sbk")
            inputMethodHints: Qt.ImhNoPredictiveText
            onTextChanged: catalog.search(text)
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskButton {
                objectName: "consultOther"
                text: qsTr("其他问题")
                primary: false
                Layout.fillWidth: true
                onClicked: { consult.openOther(); page.navigate("consultInfo", {}) }
            }
            KioskButton {
                objectName: "consultLookup"
                text: qsTr("查询答复")
                primary: false
                Layout.fillWidth: true
                onClicked: page.navigate("followUpStatus", { kind: "consultation" })
            }
        }
        BodyText {
            visible: field.text !== "" && results.count === 0
            text: qsTr("没有找到“%1”，换个说法试试，或选择其他问题").arg(field.text)
            color: Theme.textMuted
        }
        ListView {
            id: results
            MoreBelow { flick: results }
            objectName: "consultResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 16
            model: field.text === "" ? [] : catalog.searchResults
            boundsBehavior: Flickable.StopAtBounds
            // 群众点菜: a service to simplify or a needless proof. Above the results, scrolling
            // with them: a row of its own would not fit a landscape screen in elder mode, and
            // four buttons in the row above do not fit in English.
            header: Item {
                width: results.width
                height: suggestButton.height + 16
                KioskButton {
                    id: suggestButton
                    objectName: "consultSuggest"
                    width: parent.width
                    text: qsTr("我有建议")
                    primary: false
                    onClicked: page.navigate("suggest", {})
                }
            }
            delegate: ServiceRow {
                required property var modelData
                objectName: "consultResult_" + modelData.code
                width: results.width
                service: modelData
                onClicked: {
                    if (modelData.kind === "referral") {  // not handled here: where to go
                        catalog.openReferral(modelData.code)
                        page.navigate("referral", {})
                    } else {
                        consult.openService(modelData.code)
                        page.navigate("consultInfo", {})
                    }
                }
            }
        }
    }
}
