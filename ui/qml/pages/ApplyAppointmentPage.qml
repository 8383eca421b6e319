import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 预约办理: free days and slots from central; without central, say plainly it cannot be
// booked now. The booking is for the card holder (only a hash of the number leaves).
Page {
    id: page
    objectName: "applyAppointmentPage"
    readonly property string voicePrompt: qsTr("请选择预约的日期和时段。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    property string code: ""
    property string chosenStart: ""
    property string chosenText: ""  // the chosen slot in words, said again above 确认预约
    // Re-read once the list of services has loaded (the page may open first).
    readonly property var info: appliable.services.length >= 0 && code !== "" ? appliable.serviceInfo(code) : ({})
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("预约办理")
    background: Rectangle { color: Theme.background }

    Component.onCompleted: { booking.clearError(); booking.loadSlots(page.code) }

    // Choose the slot that starts at ``start`` (a tap; also screenshots and tests).
    function chooseSlot(start) {
        for (const day of booking.slotDays) {
            for (const slot of day.slots) {
                if (slot.start === start) {
                    page.chosenStart = start
                    page.chosenText = page.dayText(day) + " " + slot.time
                    return
                }
            }
        }
    }

    function dayText(day) {
        const names = ["", qsTr("周一"), qsTr("周二"), qsTr("周三"), qsTr("周四"), qsTr("周五"), qsTr("周六"), qsTr("周日")]
        const parts = day.day.split("-")
        return qsTr("%1月%2日 %3").arg(Number(parts[1])).arg(Number(parts[2])).arg(names[day.weekday] || "")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("预约办理")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }
        Text {
            Layout.fillWidth: true
            text: page.info.name || qsTr("请先选择事项")
            color: Theme.primaryDark
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            wrapMode: Text.Wrap
        }

        RowLayout {
            visible: booking.slotsState === "loading"
            spacing: Theme.spacing
            BusyIndicator { running: parent.visible; Layout.preferredWidth: 72; Layout.preferredHeight: 72 }
            Text {
                text: qsTr("正在查询可预约时段……")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
            }
        }
        ApplyErrorText {
            objectName: "slotsError"
            code: ["loading", "loaded", "none", "booked", ""].indexOf(booking.slotsState) < 0 ? booking.slotsState : ""
        }
        // Booking needs central: offline (or refused), a ticket for a person is the way on.
        StaffWindowTicket {
            objectName: "slotsStaffWindow"
            visible: ["loading", "loaded", "none", "booked", ""].indexOf(booking.slotsState) < 0
            page: page
            Layout.fillWidth: true
        }
        BodyText {
            objectName: "noSlots"
            visible: booking.slotsState === "none"
            text: qsTr("近期没有可预约的时段，请到窗口咨询。")
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            objectName: "slotsScroll"
            visible: booking.slotsState === "loaded"
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
                Repeater {
                    model: booking.slotDays
                    SectionCard {
                        id: dayCard
                        required property var modelData
                        title: page.dayText(modelData)
                        Flow {
                            Layout.fillWidth: true
                            spacing: 12
                            Repeater {
                                model: dayCard.modelData.slots
                                ToggleChoice {
                                    required property var modelData
                                    required property int index
                                    objectName: "slot_" + dayCard.modelData.day + "_" + index
                                    text: qsTr("%1（余 %2）").arg(modelData.time).arg(modelData.available)
                                    selected: page.chosenStart === modelData.start
                                    onClicked: page.chooseSlot(modelData.start)
                                }
                            }
                        }
                    }
                }
            }
        }

        SectionCard {
            objectName: "bookedCard"
            visible: booking.slotsState === "booked"
            title: qsTr("预约成功")
            BodyText {
                text: qsTr("%1，%2 %3。").arg(booking.appointment.service_name || "")
                      .arg(booking.appointment.day || "").arg(booking.appointment.time || "")
            }
            BodyText {
                text: qsTr("请按时携带身份证到大厅，在终端“预约签到”后等候叫号。")
            }
        }
        Item { Layout.fillHeight: true; visible: booking.slotsState !== "loaded" }

        ApplyErrorText { objectName: "bookError"; code: booking.slotsState === "loaded" ? booking.error : "" }
        // The choice in words, next to the button that books it: not only the slot's colour.
        Text {
            objectName: "chosenSlot"
            visible: booking.slotsState === "loaded"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: page.chosenStart !== "" ? Theme.primaryDark : Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: page.chosenStart !== ""
            text: page.chosenStart !== "" ? qsTr("已选：%1").arg(page.chosenText)
                                          : qsTr("请点选一个时段")
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        KioskButton {
            objectName: "bookSlot"
            visible: booking.slotsState === "loaded"
            enabled: page.chosenStart !== "" && !booking.busy
            text: qsTr("确认预约")
            Layout.fillWidth: true
            onClicked: booking.book(page.code, page.chosenStart)
        }
        KioskButton {
            objectName: "appointmentDone"
            visible: booking.slotsState !== "loaded" && booking.slotsState !== "loading"
            text: qsTr("返回首页")
            primary: booking.slotsState === "booked"
            Layout.fillWidth: true
            onClicked: page.back()
        }
    }
}
