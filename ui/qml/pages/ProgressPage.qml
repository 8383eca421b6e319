import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 进度查询: by ID card (every case of the holder), by the receipt number, or by the QR code
// printed on the receipt.
Page {
    id: page
    objectName: "progressPage"
    readonly property string voicePrompt: qsTr("请选择查询方式：刷身份证、输入受理编号，或扫描回执上的二维码。")
    readonly property string idleKind: ""
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("进度查询")
    background: Rectangle { color: Theme.background }

    function byCard() {
        if (card.state === "read")
            page.navigate("progressCases", {})
        else
            page.navigate("idCard", { nextPage: "progressCases", nextProperties: {} })
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("进度查询")
            Layout.fillWidth: true
            onBack: page.back()
        }
        BodyText {
            text: qsTr("请选择查询方式")
            color: Theme.textMuted
        }
        // Elder mode on a landscape screen: two a row, so all of them fit above the footer.
        GridLayout {
            Layout.fillWidth: true
            columns: Theme.elder && page.width > page.height ? 2 : 1
            rowSpacing: Theme.spacing
            columnSpacing: Theme.spacing
            ServiceRow {
                objectName: "progressByCard"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                service: ({ name: qsTr("刷身份证查询"), department: qsTr("查看本人申请或代办的全部办件") })
                onClicked: page.byCard()
            }
            ServiceRow {
                objectName: "progressByReceipt"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                service: ({ name: qsTr("输入受理编号"), department: qsTr("编号印在受理回执上，只显示办理状态") })
                onClicked: page.navigate("progressReceipt", {})
            }
            ServiceRow {
                objectName: "progressByScan"
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                service: ({ name: qsTr("扫描回执二维码"), department: qsTr("将回执上的二维码对准扫描口") })
                onClicked: page.navigate("progressScan", {})
            }
        }
        Item { Layout.fillHeight: true }
    }
}
