import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Hold the receipt's QR code to the scanner. Scans count only while this page is on screen.
Page {
    id: page
    objectName: "progressScanPage"
    readonly property string voicePrompt: qsTr("请将回执上的二维码对准扫描口。")
    readonly property string idleKind: ""
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("扫描回执二维码")
    background: Rectangle { color: Theme.background }

    readonly property bool active: StackView.status === StackView.Active
    readonly property bool usable: progress.hasScanner && progress.scannerOk
    // Scans count only while this page is on top; told once per change (the view-model counts).
    property bool listening: false
    function setListening(on) {
        if (on !== listening) {
            listening = on
            progress.listen(on)
        }
    }
    onActiveChanged: setListening(active)
    Component.onDestruction: setListening(false)

    Connections {
        target: progress
        function onAnswered() {
            if (page.active && progress.mode === "scan")
                page.navigate("progressCases", { source: "scan" })
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing * 2

        PageHeader {
            title: qsTr("扫描回执二维码")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }

        Item { Layout.fillHeight: true }

        // A receipt moving towards the scan window, over and over, while we wait.
        Item {
            objectName: "scanAnimation"
            visible: page.usable
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 520
            Layout.preferredHeight: 420
            Rectangle {
                anchors.bottom: parent.bottom
                anchors.horizontalCenter: parent.horizontalCenter
                width: 400
                height: 110
                radius: 24
                color: Theme.primaryDark
                Text {
                    anchors.centerIn: parent
                    text: qsTr("扫描口")
                    color: Theme.textOnPrimary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                }
            }
            Rectangle {
                id: receipt
                width: 220
                height: 260
                x: (parent.width - width) / 2
                color: Theme.surface
                border.color: Theme.divider
                border.width: 3
                Grid {
                    anchors.centerIn: parent
                    columns: 5
                    spacing: 6
                    Repeater {
                        model: [1, 0, 1, 1, 1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1, 0, 1, 1]
                        Rectangle {
                            required property int modelData
                            width: 28
                            height: 28
                            color: modelData ? Theme.text : Theme.surface
                        }
                    }
                }
                SequentialAnimation on y {
                    running: page.usable && page.visible && !progress.busy
                    loops: Animation.Infinite
                    NumberAnimation { from: 0; to: 110; duration: 1200; easing.type: Easing.InOutQuad }
                    PauseAnimation { duration: 700 }
                    NumberAnimation { from: 110; to: 0; duration: 0 }
                    PauseAnimation { duration: 300 }
                }
            }
        }

        Text {
            objectName: "scanTitle"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            color: page.usable ? Theme.text : Theme.error
            text: !progress.hasScanner ? qsTr("本终端没有扫描器")
                : !progress.scannerOk ? qsTr("扫描器暂时无法使用")
                : progress.busy ? qsTr("正在查询，请稍候……")
                : qsTr("请将回执上的二维码对准扫描口")
        }
        BodyText {
            horizontalAlignment: Text.AlignHCenter
            color: Theme.textMuted
            text: page.usable ? qsTr("二维码在受理回执下方；扫描后自动显示办理状态。")
                              : qsTr("请改为输入受理编号查询。")
        }
        ReasonText {
            objectName: "scanError"
            horizontalAlignment: Text.AlignHCenter
            reason: progress.mode === "scan" || progress.reason === "no_demo_receipt" ? progress.reason : ""
        }

        Item { Layout.fillHeight: true }

        KioskButton {
            objectName: "scanTypeInstead"
            text: qsTr("改为输入受理编号")
            primary: !page.usable
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.max(560, implicitWidth)
            onClicked: page.navigate("progressReceipt", {})
        }
        KioskButton {
            objectName: "simulateScan"
            visible: status.demo && progress.canSimulate && page.usable
            enabled: !progress.busy
            text: qsTr("演示：模拟扫码")
            primary: false
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.max(560, implicitWidth)
            onClicked: progress.simulateScan()
        }
    }
}
