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
    // Nothing found for what was typed: never a dead end (咨询, 呼叫工作人员, 我有建议).
    // Only once the search answered what is typed now (not while the answer is on its way).
    readonly property bool nothingFound: field.text.trim() !== "" && results.count === 0
                                         && catalog.searchedQuery === field.text
    // Told to staff with a call for help from this page.
    readonly property string assistReason: nothingFound ? "search_no_result" : ""

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
                : results.count === 0 ? qsTr("没有找到“%1”，换个说法试试，或选择下面的帮助").arg(field.text)
                : qsTr("找到 %1 项").arg(results.count)
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }

        SectionCard {
            objectName: "noResultHelp"
            visible: page.nothingFound
            title: qsTr("没找到要办的事？")
            BodyText { text: qsTr("可以留言咨询，或点击屏幕下方的“呼叫工作人员”请现场工作人员帮您；如果觉得哪项服务该有或该简化，欢迎提建议。") }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                KioskButton {
                    objectName: "noResultConsult"
                    text: qsTr("咨询")
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    onClicked: page.navigate("consult", {})
                }
                KioskButton {
                    objectName: "noResultSuggest"
                    text: qsTr("我有建议")
                    primary: false
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1
                    onClicked: page.navigate("suggest", { about: field.text.trim() })
                }
            }
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
