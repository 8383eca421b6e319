import QtQuick
import QtQuick.Layouts

// Top bar: hall name, demo tag, device states, clock. Reads only the `status` view-model.
Rectangle {
    id: bar
    objectName: "statusBar"
    // Two rows whenever one row does not fit (elder mode on a portrait screen, long words in
    // English).
    readonly property bool twoRows: oneRowWidth > shell.screenWidth
    // Measured from the texts alone (not from the laid-out items, which would loop).
    readonly property real oneRowWidth: Math.min(hallMetrics.advanceWidth, 360)
        + (status.demo ? demoMetrics.advanceWidth + 24 : 0) + clockMetrics.advanceWidth
        + (18 + 8) * 3 + netMetrics.advanceWidth + printerMetrics.advanceWidth
        + readerMetrics.advanceWidth + Theme.spacing * 5 + Theme.padding * 2
    readonly property real devicesWidth: (18 + 8) * 3 + netMetrics.advanceWidth
        + printerMetrics.advanceWidth + readerMetrics.advanceWidth + Theme.spacing + Theme.spacing * 2
    TextMetrics { id: hallMetrics; font: hallName.font; text: hallName.text }
    TextMetrics { id: demoMetrics; font.family: Theme.fontFamily; font.pixelSize: Theme.statusFont; text: qsTr("演示模式") }
    TextMetrics { id: clockMetrics; font: clockText.font; text: "00:00" }
    TextMetrics { id: netMetrics; font.family: Theme.fontFamily; font.pixelSize: Theme.statusFont; text: networkIndicator.label + " " + networkIndicator.stateText }
    TextMetrics { id: printerMetrics; font.family: Theme.fontFamily; font.pixelSize: Theme.statusFont; text: printerIndicator.label + " " + printerIndicator.stateText }
    TextMetrics { id: readerMetrics; font.family: Theme.fontFamily; font.pixelSize: Theme.statusFont; text: readerIndicator.label + " " + readerIndicator.stateText }
    implicitHeight: twoRows ? Math.max(Theme.statusBarHeight, Theme.elder ? 150 : 128, grid.implicitHeight + 12)
                            : Theme.statusBarHeight
    color: Theme.primaryDark
    property date now: new Date()

    Timer {
        interval: 1000
        running: true
        repeat: true
        onTriggered: bar.now = new Date()
    }

    function deviceText(state, reason) {
        if (state === "ok")
            return qsTr("正常")
        if (reason === "paper_out")
            return qsTr("缺纸")
        if (reason === "near_end")
            return qsTr("纸将用尽")
        if (reason === "cover_open")
            return qsTr("盖未合")
        if (reason === "offline")
            return qsTr("离线")
        if (state === "error")
            return qsTr("故障")
        return qsTr("检测中")
    }

    // One row normally: hall, demo tag, clock, then the three devices. Two rows when too wide.
    GridLayout {
        id: grid
        anchors.fill: parent
        // Two rows: tighter margins, so the devices' longer states (English) still fit.
        anchors.leftMargin: bar.twoRows ? Theme.spacing : Theme.padding
        anchors.rightMargin: bar.twoRows ? Theme.spacing : Theme.padding
        // Two columns (three rows) when even the three devices do not fit on one line.
        columns: !bar.twoRows ? 6 : bar.devicesWidth > shell.screenWidth ? 2 : 3
        columnSpacing: bar.twoRows ? Theme.spacing / 2 : Theme.spacing
        rowSpacing: 4

        Text {
            id: hallName
            objectName: "hallName"
            text: status.hallName
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.statusFontStrong
            font.bold: true
            elide: Text.ElideRight
            Layout.fillWidth: true
            Layout.minimumWidth: Math.min(implicitWidth, 360)
            // Staff mode: hold the hall name for three seconds (nothing shows it to citizens).
            MouseArea {
                objectName: "staffGesture"
                anchors.fill: parent
                pressAndHoldInterval: 3000
                onPressAndHold: shell.navigateRequested("staffLogin", {})
            }
        }
        Rectangle {
            id: demoTag
            // Kept in the grid even when hidden so the cells never shift.
            opacity: status.demo ? 1 : 0
            color: Theme.accent
            radius: 6
            Layout.preferredHeight: demoText.implicitHeight + 8
            Layout.preferredWidth: status.demo ? demoText.implicitWidth + 24 : 0
            Text {
                id: demoText
                anchors.centerIn: parent
                text: qsTr("演示模式")
                color: Theme.textOnPrimary
                font.family: Theme.fontFamily
                font.pixelSize: Theme.statusFont
            }
        }
        Text {
            id: clockText
            objectName: "clock"
            text: Qt.formatDateTime(bar.now, "HH:mm")
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.statusClock
            font.bold: true
            Accessible.name: qsTr("时间 %1").arg(text)
        }
        StatusIndicator {
            id: networkIndicator
            objectName: "networkIndicator"
            label: qsTr("网络")
            state: status.networkState
            stateText: (status.networkState === "ok" ? qsTr("在线")
                     : status.networkState === "error" ? qsTr("离线") : qsTr("未连接"))
                     + (status.syncBacklog > 0 ? qsTr(" · 待上传 %1").arg(status.syncBacklog) : "")
        }
        StatusIndicator {
            id: printerIndicator
            objectName: "printerIndicator"
            label: qsTr("打印机")
            state: status.printerState
            stateText: bar.deviceText(status.printerState, status.printerReason)
        }
        StatusIndicator {
            id: readerIndicator
            objectName: "readerIndicator"
            label: qsTr("读卡器")
            state: status.readerState
            stateText: bar.deviceText(status.readerState, status.readerReason)
        }
    }
}
