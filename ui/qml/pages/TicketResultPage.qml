import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// The number just taken: large, with the people ahead and the wait. When the slip did not
// print the ticket is not issued yet, and the citizen chooses: the number on screen (with a
// QR code for the window), print again, or give it up.
Page {
    id: page
    objectName: "ticketResultPage"
    readonly property string voicePrompt: page.failed
        ? qsTr("排队号未能打印，请选择在屏幕上显示号码、重新打印或取消。")
        : qsTr("取号成功，请留意叫号。")
    // A number on screen instead of a slip is the citizen's ticket: the page holds it (the
    // "number" limit, idle_number_s) until they tap 我已记下号码, and says how long.
    readonly property string idleKind: page.onScreen ? "number" : "result"
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: page.failed ? qsTr("排队号未能打印") : qsTr("取号成功")
    background: Rectangle { color: Theme.background }

    readonly property var t: queue.ticket
    readonly property bool failed: t.status === "pending_print" || t.status === "print_failed"
    readonly property bool onScreen: t.status === "shown_on_screen"

    function printProblem(reason) {
        if (reason === "paper_out")
            return qsTr("打印机缺纸，排队号未能打印。")
        if (reason === "cover_open")
            return qsTr("打印机盖未合上，排队号未能打印。")
        if (queue.reason === "print_timeout")
            return qsTr("打印机没有响应，排队号未能打印。")
        return qsTr("打印机故障，排队号未能打印。")
    }

    Connections {
        target: queue
        // The ticket was given up: nothing left to show.
        function onCancelled() { page.back() }
    }

    Flickable {
        id: flick
        MoreBelow { flick: flick }
        anchors.fill: parent
        contentWidth: width
        contentHeight: Math.max(height, body.implicitHeight + Theme.padding * 2)
        boundsBehavior: Flickable.StopAtBounds
        clip: true

        ColumnLayout {
            id: body
            x: Theme.padding
            y: Theme.padding
            width: flick.width - Theme.padding * 2
            height: flick.contentHeight - Theme.padding * 2
            spacing: Theme.spacing * 2

            PageHeader {
                title: page.failed ? qsTr("排队号未能打印") : qsTr("取号成功")
                Layout.fillWidth: true
                onBack: page.back()
            }
            // Portrait: the number above the buttons. Landscape: side by side, so the choices
            // after a failed print are on screen without scrolling.
            GridLayout {
                readonly property bool landscape: page.width > page.height
                Layout.fillWidth: true
                Layout.fillHeight: true
                columns: landscape ? 2 : 1
                columnSpacing: Theme.padding
                rowSpacing: Theme.spacing * 2

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 1
                    spacing: Theme.spacing * 2
                    Item { Layout.fillHeight: true }
                    BodyText {
                        horizontalAlignment: Text.AlignHCenter
                        text: qsTr("%1 · 您的号码").arg(page.t.queueName || "")
                        font.pixelSize: Theme.fontLarge
                    }
                    Text {
                        objectName: "ticketNumber"
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        text: page.t.display || ""
                        color: page.failed ? Theme.textMuted : Theme.primaryDark
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontHuge * 2
                        font.bold: true
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: Theme.fontHuge
                        Accessible.role: Accessible.StaticText
                        Accessible.name: qsTr("号码 %1").arg(text)
                    }
                    BodyText {
                        objectName: "ticketAhead"
                        visible: !page.failed && (page.t.peopleAhead || 0) >= 0 && !page.t.offline
                        horizontalAlignment: Text.AlignHCenter
                        text: page.t.waitMin >= 0
                              ? qsTr("前面还有 %1 人，预计等候约 %2 分钟").arg(page.t.peopleAhead).arg(page.t.waitMin)
                              : qsTr("前面还有 %1 人").arg(page.t.peopleAhead)
                    }
                    BodyText {
                        objectName: "ticketOffline"
                        visible: !page.failed && !!page.t.offline
                        horizontalAlignment: Text.AlignHCenter
                        text: qsTr("网络暂时中断，本号码由本终端发放，叫号不受影响，请留意叫号屏。")
                    }
                    BodyText {
                        objectName: "ticketLocalEstimate"
                        visible: !page.failed && !!page.t.offline && (page.t.localAhead === undefined ? -1 : page.t.localAhead) >= 0
                        horizontalAlignment: Text.AlignHCenter
                        color: Theme.textMuted
                        text: page.t.localWaitMin >= 0
                              ? qsTr("本终端估算：前面约 %1 人，约 %2 分钟。只按本终端记录估算，未计已叫的号和其他终端取的号，以叫号屏为准。").arg(page.t.localAhead).arg(page.t.localWaitMin)
                              : qsTr("本终端估算：前面约 %1 人。只按本终端记录估算，未计已叫的号和其他终端取的号，以叫号屏为准。").arg(page.t.localAhead)
                    }
                    QrCode {
                        objectName: "ticketQr"
                        visible: page.onScreen
                        rows: page.onScreen ? (page.t.qr || []) : []
                        size: Math.min(400, body.width)
                        Layout.alignment: Qt.AlignHCenter
                    }
                    Text {
                        objectName: "ticketSlipStatus"
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        color: page.failed ? Theme.error : Theme.ok
                        text: page.failed ? page.printProblem(page.t.printReason)
                            : page.onScreen ? qsTr("请记下或拍下此号码和二维码，到窗口时出示。")
                            : qsTr("排队号已打印，请在出纸口取走，并留意叫号。")
                        Accessible.role: page.failed ? Accessible.AlertMessage : Accessible.StaticText
                        Accessible.name: text
                    }
                    BodyText {
                        objectName: "ticketHoldNotice"
                        visible: page.onScreen
                        horizontalAlignment: Text.AlignHCenter
                        text: qsTr("本屏号码保留 %1 分钟，或到您点击“我已记下号码”为止。")
                              .arg(Math.round(idle.timeoutSeconds / 60))
                    }
                    Text {
                        objectName: "ticketResultReason"
                        Layout.fillWidth: true
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.Wrap
                        visible: text !== ""
                        color: Theme.error
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        text: queue.reason === "" || queue.reason === "print_failed"
                              || queue.reason === "print_timeout" ? ""
                              : qsTr("操作未成功，请再试一次或咨询工作人员。")
                    }
                    Item { Layout.fillHeight: true }
                }

                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignVCenter
                    Layout.preferredWidth: 1
                    spacing: Theme.spacing * 2

                    KioskButton {
                        objectName: "ticketShowOnScreen"
                        visible: page.failed
                        enabled: !queue.busy
                        text: qsTr("在屏幕上显示号码")
                        Layout.alignment: Qt.AlignHCenter
                        Layout.preferredWidth: Math.min(560, body.width)
                        onClicked: queue.showOnScreen()
                    }
                    KioskButton {
                        objectName: "ticketRetryPrint"
                        visible: page.failed
                        enabled: !queue.busy
                        primary: false
                        text: qsTr("重新打印")
                        Layout.alignment: Qt.AlignHCenter
                        Layout.preferredWidth: Math.min(560, body.width)
                        onClicked: queue.retryPrint()
                    }
                    KioskButton {
                        objectName: "ticketCancel"
                        visible: page.failed
                        enabled: !queue.busy
                        primary: false
                        text: qsTr("不取号了")
                        Layout.alignment: Qt.AlignHCenter
                        Layout.preferredWidth: Math.min(560, body.width)
                        onClicked: queue.cancelTicket()
                    }
                    KioskButton {
                        objectName: "ticketDone"
                        visible: !page.failed
                        text: page.onScreen ? qsTr("我已记下号码") : qsTr("完成")
                        Layout.alignment: Qt.AlignHCenter
                        Layout.preferredWidth: Math.min(560, body.width)
                        onClicked: page.back()
                    }
                }
            }
        }
    }

    BusyIndicator {
        anchors.centerIn: parent
        running: queue.busy
        visible: running
    }
}
