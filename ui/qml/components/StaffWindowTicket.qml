import QtQuick
import QtQuick.Layouts

// A failure screen's real way on: a ticket for the staffed window, no card needed. When the
// printer cannot print it, its number is shown on screen to present at the window.
ColumnLayout {
    id: root
    // The page this sits on: its `navigate` opens the ticket once it exists.
    property Item page: null
    // False on a page that already goes to the ticket by itself (预约签到).
    property bool navigates: true
    property bool asked: false
    property int buttonWidth: 480
    // The main way on where nothing else works (the reader is gone).
    property bool primary: false
    spacing: Theme.spacing / 2
    // A layout is no wider than its widest child may be; this one spans its cell, so the
    // button can be centred in it.
    Layout.maximumWidth: Number.POSITIVE_INFINITY

    function reasonText(reason) {
        switch (reason) {
        case "": return ""
        case "already_holding":
            return qsTr("您今天已在此业务排队，号码 %1，请留意叫号。").arg(queue.details.display || "")
        case "unknown_queue": return qsTr("本终端暂不能取号，请按“呼叫工作人员”。")
        case "not_ready": return qsTr("终端尚未就绪，请稍候再试。")
        default: return qsTr("暂时无法取号，请按“呼叫工作人员”。")
        }
    }

    KioskButton {
        objectName: "staffWindowTicket"
        text: qsTr("取号到人工窗口")
        Accessible.name: queue.staffWindowName !== ""
            ? qsTr("取号到人工窗口，到%1由工作人员为您办理").arg(queue.staffWindowName)
            : qsTr("取号到人工窗口")
        primary: root.primary
        enabled: !queue.busy
        Layout.alignment: Qt.AlignHCenter
        Layout.fillWidth: true
        Layout.maximumWidth: root.buttonWidth * Theme.scale  // elder mode: the label stays 1.5x
        onClicked: {
            root.asked = true
            queue.takeStaffWindow()
        }
    }
    Text {
        objectName: "staffWindowReason"
        visible: root.asked && text !== "" && !queue.busy
        Layout.fillWidth: true
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: Theme.error
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontBody
        text: queue.reason === "print_failed" || queue.reason === "print_timeout"
              ? "" : root.reasonText(queue.reason)
        Accessible.role: Accessible.AlertMessage
        Accessible.name: text
    }
    Connections {
        target: queue
        function onIssued() {
            if (!root.asked)
                return
            root.asked = false
            if (root.navigates && root.page)
                root.page.navigate("ticketResult", {})
        }
    }
}
