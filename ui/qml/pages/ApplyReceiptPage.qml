import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// The receipt (受理回执): number, promised date, what is still to bring, where to go next,
// and whether the paper receipt came out. Then the citizen may rate the service. While
// materials are still to be brought nothing is accepted yet: the page is an application
// receipt (申请回执, 预受理) with no promised date.
Page {
    id: page
    objectName: "applyReceiptPage"
    readonly property string idleKind: "result"
    readonly property string voicePrompt: page.rc.complete === false ? qsTr("申请已提交，请取走回执，并按回执携带材料。") : qsTr("申请已受理，请取走回执。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    readonly property var rc: submission.receipt
    readonly property bool complete: page.rc.complete !== false
    readonly property string titleText: page.complete ? qsTr("受理回执") : qsTr("申请回执（预受理）")
    Accessible.role: Accessible.Pane
    Accessible.name: page.titleText
    background: Rectangle { color: Theme.background }

    Component.onCompleted: submission.receiptShown()

    // The promised time limit in its unit; 0 reads 即办.
    function limitText() {
        const n = rc.promised_days || 0
        if (n === 0)
            return qsTr("即办")
        return rc.promised_unit === "calendar" ? qsTr("%1 个自然日").arg(n) : qsTr("%1 个工作日").arg(n)
    }
    function dateText(iso) {
        if (!iso)
            return ""
        const parts = iso.split("-")
        return qsTr("%1年%2月%3日").arg(parts[0]).arg(Number(parts[1])).arg(Number(parts[2]))
    }
    function nextText() {
        if (page.rc.next === "home")
            return qsTr("工作人员将电话联系您，约定上门办理时间。")
        if (page.rc.next === "bring")
            return qsTr("请携带上述材料到%1提交。").arg(page.rc.place || qsTr("办事窗口"))
        return qsTr("材料已齐全，无需再到现场。办理进度可扫描回执上的二维码或凭受理编号查询。")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: page.titleText
            Layout.fillWidth: true
            onBack: page.back()
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            objectName: "receiptScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: body.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick
            ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AsNeeded }

            ColumnLayout {
                id: body
                width: flick.width - 24
                spacing: Theme.spacing

                BodyText {
                    visible: !page.rc.receipt_no
                    text: qsTr("还没有受理回执。")
                }
                Text {
                    visible: !!page.rc.receipt_no
                    Layout.fillWidth: true
                    objectName: "receiptHeadline"
                    text: page.complete ? qsTr("申请已受理") : qsTr("申请已提交，材料齐全后正式受理")
                    color: page.complete ? Theme.ok : Theme.warning
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                }
                SectionCard {
                    visible: !!page.rc.receipt_no
                    title: page.complete ? qsTr("受理编号") : qsTr("申请编号")
                    Text {
                        objectName: "receiptNumber"
                        Layout.fillWidth: true
                        text: page.rc.receipt_no || ""
                        color: Theme.primaryDark
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontHuge
                        font.bold: true
                        horizontalAlignment: Text.AlignHCenter
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: Theme.fontLarge
                        Accessible.name: qsTr("受理编号 %1").arg(text)
                    }
                    BodyText {
                        objectName: "caseNumber"
                        visible: submission.caseNo !== ""
                        text: qsTr("已送达办理部门，办件编号：%1").arg(submission.caseNo)
                        color: Theme.ok
                    }
                    BodyText {
                        objectName: "caseNumberNote"
                        visible: submission.caseNo !== ""
                        text: qsTr("办件编号是办理部门为您这件事编的号，电话咨询或到窗口询问时可报此号；查询进度凭受理编号即可。")
                        color: Theme.textMuted
                    }
                }
                SectionCard {
                    visible: !!page.rc.receipt_no
                    title: page.rc.service_name || ""
                    BodyText { text: qsTr("申请人：%1").arg(page.rc.applicant || "") }
                    BodyText {
                        visible: !!page.rc.agent
                        text: qsTr("代办人：%1").arg(page.rc.agent || "")
                    }
                    BodyText {
                        objectName: "promisedDate"
                        visible: page.complete
                        text: (page.rc.promised_estimated ? qsTr("预计办结：%1（%2）") : qsTr("承诺办结：%1（%2）"))
                              .arg(page.dateText(page.rc.promised_date)).arg(page.limitText())
                        font.bold: true
                    }
                    BodyText {
                        objectName: "promisedEstimated"
                        visible: page.complete && !!page.rc.promised_estimated
                        text: qsTr("国务院节假日安排尚未公布，办结日期按法定节假日预计，以正式安排为准")
                        color: Theme.textMuted
                    }
                    BodyText {
                        objectName: "clockStarts"
                        visible: !page.complete
                        text: qsTr("办理时限自材料齐全、正式受理之日起计算。")
                        font.bold: true
                        color: Theme.warning
                    }
                    BodyText {
                        visible: (page.rc.committed || []).length > 0
                        text: qsTr("已承诺：%1").arg((page.rc.committed || []).join("、"))
                    }
                }
                SectionCard {
                    objectName: "receiptNext"
                    visible: !!page.rc.receipt_no
                    title: qsTr("下一步")
                    Repeater {
                        model: page.rc.to_bring || []
                        BodyText {
                            required property var modelData
                            text: "· " + modelData
                            color: Theme.warning
                            font.bold: true
                        }
                    }
                    BodyText { text: page.nextText() }
                    BodyText {
                        objectName: "receiptWindow"
                        visible: !!page.rc.queue_code
                        text: qsTr("办理窗口：%1（取号 %2 字头）").arg(page.rc.queue_name || "").arg(page.rc.queue_code || "")
                        font.bold: true
                    }
                    KioskButton {
                        objectName: "ticketFromReceipt"
                        visible: !!page.rc.queue_code && page.rc.next === "bring"
                        text: qsTr("现在取号（%1）").arg(page.rc.queue_name || "")
                        primary: false
                        Layout.fillWidth: true
                        onClicked: page.navigate("ticket", { takeCode: page.rc.queue_code })
                    }
                    BodyText {
                        visible: !!page.rc.phone
                        text: qsTr("咨询电话：%1").arg(page.rc.phone || "")
                    }
                }
                Text {
                    objectName: "receiptPrintState"
                    Layout.fillWidth: true
                    visible: text !== ""
                    wrapMode: Text.Wrap
                    horizontalAlignment: Text.AlignHCenter
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: submission.printState === "printed" ? Theme.ok
                         : submission.printState === "printing" ? Theme.text : Theme.error
                    text: submission.printState === "printing" ? qsTr("正在打印回执……")
                        : submission.printState === "printed" ? qsTr("回执已打印，请在出纸口取走")
                        : submission.printState === "paper_out" ? qsTr("打印机缺纸，回执未打印。申请已受理，请记下受理编号，并联系工作人员补打。")
                        : submission.printState === "" ? ""
                        : qsTr("回执未能打印。申请已受理，请记下受理编号，并联系工作人员补打。")
                }
            }
        }

        KioskButton {
            objectName: "reprintReceipt"
            visible: submission.printState !== "" && submission.printState !== "printing" && submission.printState !== "printed"
            text: qsTr("重新打印回执")
            primary: false
            Layout.fillWidth: true
            onClicked: submission.reprint()
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskButton {
                objectName: "applyAnother"
                text: qsTr("办理其他事项")
                primary: false
                Layout.preferredWidth: 1
                Layout.fillWidth: true
                onClicked: page.navigate("apply", {})
            }
            KioskButton {
                objectName: "rateService"
                visible: rating.ratingState === ""
                text: qsTr("评价本次服务")
                Layout.preferredWidth: 1
                Layout.fillWidth: true
                onClicked: page.navigate("evaluate", {})
            }
            KioskButton {
                objectName: "finishVisit"
                visible: rating.ratingState !== ""
                text: qsTr("完成")
                Layout.preferredWidth: 1
                Layout.fillWidth: true
                onClicked: page.back()
            }
        }
    }

    // Demo mode: the receipt as the printer emulator rendered it.
    Rectangle {
        objectName: "receiptPreview"
        anchors.fill: parent
        visible: submission.previewUrl !== ""
        color: "#f01a1f29"
        z: 50
        MouseArea { anchors.fill: parent }
        ColumnLayout {
            anchors.fill: parent
            anchors.margins: Theme.padding
            spacing: Theme.spacing
            Text {
                text: qsTr("回执打印预览（演示模式）")
                color: Theme.textOnPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontLarge
                font.bold: true
                Layout.alignment: Qt.AlignHCenter
            }
            Flickable {
                id: moreFlick
                MoreBelow { flick: moreFlick }
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                contentWidth: width
                contentHeight: previewImage.height
                boundsBehavior: Flickable.StopAtBounds
                Image {
                    id: previewImage
                    objectName: "receiptPreviewImage"
                    source: submission.previewUrl
                    width: Math.min(parent.width, sourceSize.width * 1.2)
                    anchors.horizontalCenter: parent.horizontalCenter
                    fillMode: Image.PreserveAspectFit
                    cache: false
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("回执打印预览")
                }
            }
            KioskButton {
                objectName: "closeReceiptPreview"
                text: qsTr("关闭预览")
                Layout.fillWidth: true
                onClicked: submission.closePreview()
            }
        }
    }
}
