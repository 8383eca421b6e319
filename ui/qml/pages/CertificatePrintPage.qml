import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// One certificate: its masked preview with 打印; then the print's progress, and either
// 请取走您的证明 with the verification code, or why not with 重试 and 取号到人工窗口.
Page {
    id: page
    objectName: "certificatePrintPage"
    readonly property string voicePrompt: certificates.stage === "done"
                                          ? qsTr("打印完成，请取走您的证明。")
                                          : qsTr("请核对证明预览，确认无误后点击打印。")
    // Reading the preview takes the default time; a finished or failed print, a result's.
    readonly property string idleKind: stage === "done" || stage === "failed" ? "result" : ""
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("打印证明")
    background: Rectangle { color: Theme.background }

    readonly property string stage: certificates.stage
    readonly property bool ready: stage === "preview" && !certificates.busy && certificates.preview !== ""
    // A landscape screen: the page beside its note and 打印, as tall as the screen allows.
    readonly property bool wide: width > height

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("打印证明")
            Layout.fillWidth: true
            canGoPrevious: page.stage !== "printing"
            onBack: page.back()
            onPrevious: { certificates.dismiss(); page.previous() }
        }
        BodyText {
            objectName: "certificateTitle"
            text: certificates.title
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        RowLayout {
            visible: certificates.busy
            spacing: Theme.spacing
            BusyIndicator { running: certificates.busy; Layout.preferredWidth: 72; Layout.preferredHeight: 72 }
            BodyText {
                objectName: "certificateBusy"
                text: page.stage === "printing" ? qsTr("正在打印，请稍候……") : qsTr("正在生成证明预览……")
            }
        }
        BodyText {
            objectName: "certificatePreviewNote"
            visible: page.ready && !page.wide
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            text: qsTr("预览中的个人信息已部分隐藏，打印出的证明内容完整。")
        }
        SectionCard {
            objectName: "certificateDone"
            visible: page.stage === "done"
            title: qsTr("请取走您的证明")
            BodyText { text: qsTr("证明已从下方出纸口打印出来，请妥善保管。") }
            BodyText {
                objectName: "certificateCode"
                font.pixelSize: Theme.fontLarge
                font.bold: true
                text: qsTr("核验码：%1").arg(certificates.code)
            }
            BodyText {
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                text: qsTr("扫描证明上的二维码或凭核验码，可核验证明的真实性。")
            }
        }
        CertificateReason { objectName: "certificatePrintError"; reason: certificates.busy ? "" : certificates.reason }
        BodyText {
            objectName: "certificateNotPrinted"
            visible: page.stage === "failed" && !certificates.busy
            color: Theme.textMuted
            text: qsTr("证明没有打印出来。您可以稍后重试，或到人工窗口办理。")
        }
        StaffWindowTicket {
            objectName: "certificateStaffWindow"
            visible: certificates.reason !== "" && !certificates.busy
            page: page
            Layout.fillWidth: true
        }

        // The masked first page, scaled to fit what is left of the screen.
        RowLayout {
            visible: page.ready
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing
            Image {
                id: preview
                objectName: "certificatePreview"
                source: certificates.preview
                fillMode: Image.PreserveAspectFit
                asynchronous: false
                cache: false
                Layout.fillWidth: !page.wide
                Layout.fillHeight: true
                Layout.preferredWidth: page.wide ? height * 0.7071 : -1  // A4's proportions
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("证明预览")
            }
            ColumnLayout {
                visible: page.wide
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.spacing
                BodyText {
                    color: Theme.textMuted
                    text: qsTr("预览中的个人信息已部分隐藏，打印出的证明内容完整。")
                }
                Item { Layout.fillHeight: true }
                KioskButton {
                    objectName: "certificatePrintSide"
                    text: qsTr("打印")
                    Layout.fillWidth: true
                    onClicked: certificates.printIt()
                }
            }
        }
        Item { Layout.fillHeight: true; visible: !page.ready }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskButton {
                objectName: "certificatePrint"
                visible: page.ready && !page.wide
                text: qsTr("打印")
                Layout.fillWidth: true
                onClicked: certificates.printIt()
            }
            KioskButton {
                objectName: "certificateRetry"
                visible: page.stage === "failed" && !certificates.busy
                text: qsTr("重试")
                Layout.fillWidth: true
                onClicked: certificates.printIt()
            }
            KioskButton {
                objectName: "certificateRate"
                visible: page.stage === "done"
                text: qsTr("评价本次服务")
                primary: false
                Layout.fillWidth: true
                onClicked: page.navigate("evaluate", {})
            }
            KioskButton {
                objectName: "certificateFinish"
                visible: page.stage === "done"
                text: qsTr("完成")
                Layout.fillWidth: true
                onClicked: page.back()
            }
        }
    }
}
