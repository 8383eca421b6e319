import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 预约签到: the card holder's appointments today; checking in prints a priority ticket.
// Too early: come back at HH:MM. Too late: take a normal ticket.
Page {
    id: page
    objectName: "checkinPage"
    readonly property string voicePrompt: card.state === "read"
        ? qsTr("请选择要签到的预约。") : qsTr("预约签到，请先刷身份证。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("预约签到")
    background: Rectangle { color: Theme.background }

    readonly property bool cardRead: card.state === "read"

    function readCard() {
        page.navigate("idCard", { returnAfterRead: true })
    }
    function reasonText(reason) {
        switch (reason) {
        case "": return ""
        case "too_early":
            return qsTr("签到时间未到，请于 %1 后再来签到。").arg(queue.details.come_back_at || "")
        case "too_late":
            return qsTr("已超过签到时间（%1 截止），预约已失效，请改取普通号。").arg(queue.details.closed_at || "")
        case "already_checked_in": return qsTr("这个预约已经签到过了，请留意叫号。")
        case "no_appointment": return qsTr("没有找到这个预约，请咨询工作人员。")
        case "card_required": return qsTr("请先刷身份证。")
        case "not_ready": return qsTr("终端尚未就绪，请稍候再试。")
        default: return qsTr("暂时无法签到，请稍后再试或咨询工作人员。")
        }
    }

    StackView.onActivated: if (page.cardRead) queue.loadAppointments()
    Connections {
        target: queue
        function onIssued() { page.navigate("ticketResult", {}) }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("预约签到")
            Layout.fillWidth: true
            onBack: page.back()
        }

        // No card yet: one clear step.
        ColumnLayout {
            visible: !page.cardRead
            Layout.fillWidth: true
            spacing: Theme.spacing
            BodyText { text: qsTr("请刷身份证，查看您今天的预约。") }
            KioskButton {
                objectName: "checkinReadCard"
                text: qsTr("刷身份证")
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: Math.max(480, implicitWidth)
                onClicked: page.readCard()
            }
            BodyText {
                text: qsTr("没有带身份证，或读卡不成功：请取号到人工窗口，由工作人员核对预约。")
                color: Theme.textMuted
            }
            StaffWindowTicket {
                objectName: "checkinStaffWindow"
                page: page
                navigates: false  // this page opens the ticket itself
                Layout.fillWidth: true
            }
        }

        BodyText {
            objectName: "checkinHolder"
            visible: page.cardRead
            text: qsTr("%1 今天的预约").arg(card.maskedName)
        }
        BodyText {
            objectName: "checkinOffline"
            visible: page.cardRead && queue.appointmentsOffline
            color: Theme.warning
            text: queue.fetchedAt !== ""
                  ? qsTr("网络暂时中断，以下为 %1 获取的预约信息。").arg(queue.fetchedAt)
                  : qsTr("网络暂时中断，暂时无法获取预约信息。")
        }
        StaffWindowTicket {
            objectName: "checkinOfflineStaffWindow"
            visible: page.cardRead && queue.appointmentsOffline && queue.appointments.length === 0
                     && !queue.busy
            page: page
            navigates: false
            Layout.fillWidth: true
        }
        Text {
            objectName: "checkinReason"
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
        KioskButton {
            objectName: "checkinNormalTicket"
            visible: queue.reason === "too_late"
            primary: false
            text: qsTr("改取普通号")
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.max(480, implicitWidth)
            onClicked: { queue.dismiss(); page.navigate("ticket", {}) }
        }
        BodyText {
            objectName: "checkinNone"
            visible: page.cardRead && !queue.busy && queue.appointments.length === 0
                     && queue.reason === ""
            text: qsTr("没有查到您今天的预约。如已在其他渠道预约，请咨询工作人员；也可直接取号。")
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
                    model: page.cardRead ? queue.appointments : []
                    SectionCard {
                        required property var modelData
                        objectName: "appointment_" + modelData.id
                        title: modelData.service
                        BodyText {
                            text: qsTr("预约时段 %1，可签到时间 %2—%3")
                                  .arg(modelData.slot).arg(modelData.opens).arg(modelData.closes)
                        }
                        KioskButton {
                            objectName: "checkin_" + modelData.id
                            enabled: !modelData.checkedIn && !queue.busy
                            text: modelData.checkedIn ? qsTr("已签到") : qsTr("签到并取号")
                            onClicked: queue.checkIn(modelData.id)
                        }
                    }
                }
            }
        }
        Item { Layout.fillHeight: true; visible: !page.cardRead }
    }

    BusyIndicator {
        anchors.centerIn: parent
        running: queue.busy
        visible: running
    }
}
