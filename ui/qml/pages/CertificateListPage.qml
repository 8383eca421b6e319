import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 自助打印证明: the certificates central holds for the card holder; one tapped opens its
// masked preview. The card is read first (the home tile opens IdCardPage with this as next).
Page {
    id: page
    objectName: "certificatesPage"
    readonly property string voicePrompt: qsTr("请选择要打印的证明。")
    readonly property string idleKind: "result"
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("自助打印证明")
    background: Rectangle { color: Theme.background }

    Component.onCompleted: certificates.load()

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("自助打印证明")
            Layout.fillWidth: true
            onBack: page.back()
        }
        BodyText {
            objectName: "certificatesSummary"
            visible: certificates.loaded && certificates.reason === ""
            font.pixelSize: Theme.fontLarge
            text: certificates.offers.length > 0
                  ? qsTr("%1 可打印的证明，共 %2 种").arg(card.maskedName).arg(certificates.offers.length)
                  : qsTr("没有查到您可以在本终端打印的证明。")
        }
        BodyText {
            objectName: "certificatesNone"
            visible: certificates.loaded && certificates.offers.length === 0 && certificates.reason === ""
            color: Theme.textMuted
            text: qsTr("如需开具证明，请到人工窗口咨询办理。")
        }
        RowLayout {
            visible: certificates.busy
            spacing: Theme.spacing
            BusyIndicator { running: certificates.busy; Layout.preferredWidth: 72; Layout.preferredHeight: 72 }
            BodyText { text: qsTr("正在查询，请稍候……") }
        }
        CertificateReason { objectName: "certificatesError"; reason: certificates.reason }
        StaffWindowTicket {
            objectName: "certificatesStaffWindow"
            visible: !certificates.busy && (certificates.reason !== ""
                     || (certificates.loaded && certificates.offers.length === 0))
            page: page
            Layout.fillWidth: true
        }
        BodyText {
            visible: certificates.offers.length > 0 && !certificates.busy
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            text: qsTr("证明上印有核验码和二维码，任何人都可据此核验真伪。打印前需核对预览。")
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            objectName: "certificatesScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: list.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick
            ColumnLayout {
                id: list
                width: flick.width
                spacing: Theme.spacing
                Repeater {
                    model: certificates.offers
                    ServiceRow {
                        required property var modelData
                        objectName: "certificate_" + modelData.kind
                        Layout.fillWidth: true
                        service: ({ name: modelData.title, department: modelData.issuer })
                        onClicked: {
                            const kind = modelData.kind
                            if (modelData.face) {  // 人证核验 first; a pass chooses the kind
                                certificates.awaitFace(kind)
                                page.navigate("faceCheck", { action: "certificate", next: "certificatePrint" })
                                return
                            }
                            page.navigate("certificatePrint", {})
                            certificates.choose(kind)
                        }
                    }
                }
            }
        }
    }
}
