import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Search as you type: Chinese, full pinyin or initials. The on-screen keyboard sits below
// the results, never over the field.
Page {
    id: page
    objectName: "searchPage"
    readonly property string idleKind: "form"
    readonly property string voicePrompt: qsTr("请输入事项名称、拼音或首字母。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("搜索事项")
    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("搜索事项")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }

        TextField {
            id: field
            objectName: "searchField"
            Layout.fillWidth: true
            implicitHeight: Theme.touchMin + 8
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            placeholderText: qsTr("如：社保、医保、户口、sbk")
            placeholderTextColor: Theme.textMuted
            color: Theme.text
            inputMethodHints: Qt.ImhNoPredictiveText
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("搜索框")
            onTextChanged: catalog.search(text)
            leftPadding: Theme.fieldPadding
            rightPadding: Theme.fieldPadding
            background: FieldFrame {}
        }

        Text {
            objectName: "searchSummary"
            text: field.text === "" ? qsTr("请输入要办理的事项")
                : results.count === 0 ? qsTr("没有找到“%1”，换个说法试试，或咨询工作人员").arg(field.text)
                : qsTr("找到 %1 项").arg(results.count)
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }

        ListView {
            id: results
            MoreBelow { flick: results }
            objectName: "searchResults"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 16
            model: catalog.searchResults
            boundsBehavior: Flickable.StopAtBounds
            delegate: ServiceRow {
                required property var modelData
                objectName: "result_" + modelData.code
                width: results.width
                service: modelData
                onClicked: {
                    if (modelData.kind === "referral") {
                        catalog.openReferral(modelData.code)
                        page.navigate("referral", {})
                    } else {
                        catalog.openGuide(modelData.code)
                        page.navigate("guideDetail", {})
                    }
                }
            }
        }
    }

    function setQuery(text) {
        field.text = text
    }
    function focusField() {
        field.forceActiveFocus()
    }
}
