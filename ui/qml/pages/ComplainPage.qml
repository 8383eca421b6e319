import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 投诉: named (with the ID card, a phone for the reply) or anonymous (no card, nothing
// personal kept); or look up a complaint's progress by its number.
Page {
    id: page
    objectName: "complainPage"
    readonly property string voicePrompt: qsTr("请选择实名投诉或匿名投诉。匿名投诉不需要刷卡，也不保存任何个人信息。")
    readonly property string idleKind: ""
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("投诉")
    background: Rectangle { color: Theme.background }

    function named() {
        if (card.state === "read")
            page.navigate("complainForm", { anonymous: false })
        else
            page.navigate("idCard", { nextPage: "complainForm", nextProperties: { anonymous: false } })
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("投诉")
            Layout.fillWidth: true
            onBack: page.back()
        }
        BodyText {
            text: qsTr("对服务态度、办事效率、收费等不满意，可以在这里投诉。")
            color: Theme.textMuted
        }
        // Elder mode on a landscape screen: two a row, so all of them fit above the footer.
        GridLayout {
            Layout.fillWidth: true
            columns: Theme.elder && page.width > page.height ? 2 : 1
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            ServiceRow {
                objectName: "complainNamed"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                service: ({ name: qsTr("实名投诉"), department: qsTr("需刷身份证；可留电话，处理结果会告知您") })
                onClicked: page.named()
            }
            ServiceRow {
                objectName: "complainAnonymous"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                service: ({ name: qsTr("匿名投诉"), department: qsTr("无需刷卡，不保存任何个人信息；凭投诉编号查询结果") })
                onClicked: page.navigate("complainForm", { anonymous: true })
            }
            ServiceRow {
                objectName: "complainLookup"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                service: ({ name: qsTr("查询处理进度"), department: qsTr("输入投诉受理回执上的编号") })
                onClicked: page.navigate("followUpStatus", { kind: "complaint" })
            }
        }
        Item { Layout.fillHeight: true }
    }
}
