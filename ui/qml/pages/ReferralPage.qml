import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// A service this hall does not handle (不在本大厅办理): where it is handled, when, the phone,
// what to bring and the online channel, with a slip to take along (办理指引).
Page {
    id: page
    objectName: "referralPage"
    readonly property string voicePrompt: qsTr("这个事项不在本大厅办理。页面上是办理地点和电话，可以打印办理指引带走。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    readonly property var r: catalog.referral
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("办理指引：%1").arg(r.name || "")
    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("办理指引")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            objectName: "referralScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: body.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick

            ColumnLayout {
                id: body
                width: flick.width - 24
                spacing: Theme.spacing

                Text {
                    objectName: "referralTitle"
                    Layout.fillWidth: true
                    text: page.r.name || ""
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Badge { text: qsTr("不在本大厅办理"); tone: Theme.warning }
                BodyText { objectName: "referralWhy"; text: page.r.description || ""; color: Theme.textMuted }

                SectionCard {
                    title: qsTr("到哪里办")
                    BodyText { objectName: "referralUnit"; text: qsTr("办理单位：%1").arg(page.r.unit || page.r.department || ""); font.bold: true }
                    BodyText { objectName: "referralAddress"; text: qsTr("地址：%1").arg(page.r.address || "") }
                    BodyText { objectName: "referralHours"; text: qsTr("办公时间：%1").arg(page.r.hours || "") }
                    BodyText {
                        objectName: "referralPhone"
                        text: page.r.phone_note ? qsTr("咨询电话：%1（%2）").arg(page.r.phone || "").arg(page.r.phone_note)
                                                : qsTr("咨询电话：%1").arg(page.r.phone || "")
                    }
                }
                SectionCard {
                    title: qsTr("请携带")
                    BodyText { objectName: "referralBring"; text: page.r.bring || "" }
                }
                SectionCard {
                    title: qsTr("网上办理")
                    visible: !!page.r.online_name
                    BodyText { objectName: "referralOnline"; text: page.r.online_name || ""; font.bold: true }
                    BodyText { text: page.r.online_url || ""; color: Theme.textMuted }
                }
            }
        }

        Text {
            objectName: "referralSlipStatus"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            visible: text !== ""
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: catalog.slipState === "printed" ? Theme.ok
                 : catalog.slipState === "printing" ? Theme.text : Theme.error
            text: catalog.slipState === "printing" ? qsTr("正在打印办理指引……")
                : catalog.slipState === "printed" ? qsTr("办理指引已打印，请在出纸口取走")
                : catalog.slipState === "paper_out" ? qsTr("打印机缺纸，请联系工作人员")
                : catalog.slipState === "" ? "" : qsTr("打印失败，请联系工作人员")
        }

        KioskButton {
            objectName: "printReferral"
            text: qsTr("打印办理指引")
            enabled: catalog.slipState !== "printing" && !!page.r.code
            Layout.fillWidth: true
            onClicked: catalog.printReferral(page.r.code)
        }
    }

    // Demo mode: the slip as the printer emulator rendered it.
    Rectangle {
        objectName: "printPreview"
        anchors.fill: parent
        visible: catalog.previewUrl !== ""
        color: "#f01a1f29"
        z: 70
        MouseArea { anchors.fill: parent }
        ColumnLayout {
            anchors.fill: parent
            anchors.margins: Theme.padding
            spacing: Theme.spacing
            Text {
                text: qsTr("打印预览（演示模式）")
                color: Theme.textOnPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                Layout.alignment: Qt.AlignHCenter
            }
            Flickable {
                id: previewFlick
                MoreBelow { flick: previewFlick }
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                contentWidth: width
                contentHeight: previewImage.height
                boundsBehavior: Flickable.StopAtBounds
                Image {
                    id: previewImage
                    source: catalog.previewUrl
                    width: Math.min(parent.width, sourceSize.width * 1.2)
                    anchors.horizontalCenter: parent.horizontalCenter
                    fillMode: Image.PreserveAspectFit
                    cache: false
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("打印预览")
                }
            }
            KioskButton {
                objectName: "closePreview"
                text: qsTr("关闭预览")
                Layout.fillWidth: true
                onClicked: catalog.closePreview()
            }
        }
    }
}
