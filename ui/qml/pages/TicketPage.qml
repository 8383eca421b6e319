import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 取号: the hall's queues as large rows. A queue that needs the card goes through the card
// page first; the priority queue says who it is for and asks once more.
Page {
    id: page
    objectName: "ticketPage"
    readonly property string voicePrompt: qsTr("请选择要办理的业务，取号后请留意叫号。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("取号")
    background: Rectangle { color: Theme.background }

    property var confirming: null  // the priority queue waiting for "确认取号"
    property string pendingCode: ""  // a queue that waited for the card
    // Opened from a guide or a receipt for one service: take that window's ticket at once
    // (through choose(), so a card or the priority question still comes first).
    property string takeCode: ""

    function choose(q) {
        queue.dismiss()
        if (q.requiresCard && card.state !== "read") {
            page.pendingCode = q.code
            page.navigate("idCard", { returnAfterRead: true })
        } else if (q.priority) {
            page.confirming = q
        } else {
            queue.take(q.code)
        }
    }
    function reasonText(reason) {
        switch (reason) {
        case "": return ""
        case "already_holding":
            return qsTr("您今天已在此业务排队，号码 %1，请留意叫号。").arg(queue.details.display || "")
        case "card_required": return qsTr("此业务需先刷身份证。")
        case "unknown_queue": return qsTr("此业务今天不在本终端取号，请咨询工作人员。")
        case "not_ready": return qsTr("终端尚未就绪，请稍候再试。")
        default: return qsTr("暂时无法取号，请稍后再试或咨询工作人员。")
        }
    }

    // Back from the card page with the card read: take the number the citizen asked for.
    StackView.onActivated: {
        if (page.pendingCode !== "" && card.state === "read")
            queue.take(page.pendingCode)
        page.pendingCode = ""
        if (page.takeCode !== "") {
            const wanted = (queue.queues || []).find(q => q.code === page.takeCode)
            page.takeCode = ""
            if (wanted)
                page.choose(wanted)
        }
    }
    Connections {
        target: queue
        function onIssued() { page.navigate("ticketResult", {}) }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("取号")
            Layout.fillWidth: true
            onBack: page.back()
        }
        BodyText {
            text: qsTr("请选择要办理的业务")
            color: Theme.textMuted
        }
        Text {
            objectName: "ticketReason"
            Layout.fillWidth: true
            visible: text !== "" && !queue.busy
            wrapMode: Text.Wrap
            color: Theme.error
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            text: queue.reason === "print_failed" || queue.reason === "print_timeout"
                  ? "" : page.reasonText(queue.reason)
            Accessible.role: Accessible.AlertMessage
            Accessible.name: text
        }

        Flickable {
            id: moreFlick
            MoreBelow { flick: moreFlick }
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: list.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }

            ColumnLayout {
                id: list
                width: parent.width
                spacing: Theme.spacing
                Repeater {
                    model: queue.queues
                    ServiceRow {
                        required property var modelData
                        objectName: "queue_" + modelData.code
                        Layout.fillWidth: true
                        enabled: !queue.busy
                        service: ({
                            name: modelData.code + "  " + modelData.name,
                            department: modelData.priority
                                ? qsTr("老年人、残疾人、现役军人等优先办理，工作人员可能查验证件")
                                : modelData.requiresCard ? qsTr("需刷身份证取号") : qsTr("无需刷卡，直接取号")
                        })
                        onClicked: page.choose(modelData)
                    }
                }
            }
        }
        KioskButton {
            objectName: "ticketWhereToGo"
            primary: false
            text: qsTr("已取号？查看叫号和窗口")
            Layout.fillWidth: true
            enabled: !queue.busy
            onClicked: page.navigate("whereToGo", {})
        }
    }

    // "正在出号": the slip is printing; nothing to tap meanwhile.
    Rectangle {
        objectName: "ticketBusy"
        anchors.fill: parent
        visible: queue.busy
        color: "#cc000000"
        z: 5
        MouseArea { anchors.fill: parent }
        ColumnLayout {
            anchors.centerIn: parent
            spacing: Theme.spacing
            BusyIndicator { running: queue.busy; Layout.alignment: Qt.AlignHCenter }
            Text {
                text: qsTr("正在出号，请稍候……")
                color: Theme.textOnPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
            }
        }
    }

    // The priority queue, asked once more so nobody takes it by mistake.
    Rectangle {
        objectName: "priorityConfirm"
        anchors.fill: parent
        visible: page.confirming !== null
        color: "#cc000000"
        z: 4
        MouseArea { anchors.fill: parent }
        Rectangle {
            anchors.centerIn: parent
            width: parent.width - Theme.padding * 2
            height: confirmColumn.implicitHeight + Theme.padding * 2
            radius: Theme.radius
            color: Theme.surface
            ColumnLayout {
                id: confirmColumn
                anchors.fill: parent
                anchors.margins: Theme.padding
                spacing: Theme.spacing
                Text {
                    Layout.fillWidth: true
                    text: page.confirming ? page.confirming.name : ""
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                BodyText {
                    text: qsTr("优先窗口为 70 岁以上老年人、残疾人、现役军人、孕妇等提供服务。刷身份证可自动核验年龄；其他情况请向窗口出示相关证件。")
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    KioskButton {
                        objectName: "priorityTake"
                        text: qsTr("确认取号")
                        onClicked: {
                            const code = page.confirming.code
                            page.confirming = null
                            queue.take(code)
                        }
                    }
                    KioskButton {
                        objectName: "priorityCancel"
                        primary: false
                        text: qsTr("返回")
                        onClicked: page.confirming = null
                    }
                }
            }
        }
    }
}
