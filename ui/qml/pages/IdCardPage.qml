import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// "请放置身份证": waits for a card, shows reading progress, then the masked holder or a plain
// sentence about what went wrong (unreadable, expired, unsupported, reader unplugged).
Page {
    id: page
    objectName: "idCardPage"
    readonly property string voicePrompt: qsTr("请将身份证放在感应区。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("请放置身份证")
    background: Rectangle { color: Theme.background }

    readonly property string state_: card.state
    readonly property string reason: card.reason
    readonly property string assistReason: state_ === "error" ? reason : ""
    // A flow that needs the card (apply, ticket, check-in, progress) opens this page with the
    // page to go on to; once the card is read the visit moves on by itself.
    property string nextPage: ""
    property var nextProperties: ({})
    // A page that only needs the card (a form half filled in) asks to be returned to, as it
    // was, instead of a new copy of itself on top.
    property bool returnAfterRead: false
    readonly property bool goesOn: nextPage !== "" || returnAfterRead

    function goOn() {
        if (page.returnAfterRead)
            page.previous()
        else
            page.navigate(page.nextPage, page.nextProperties)
    }
    onState_Changed: if (state_ === "read" && goesOn) goOnTimer.restart()
    // Long enough to see "读取成功", short enough not to feel like waiting.
    Timer { id: goOnTimer; interval: 700; onTriggered: if (page.state_ === "read") page.goOn() }

    function errorTitle() {
        if (reason === "card_expired")
            return qsTr("证件已过有效期")
        if (reason === "unsupported_card")
            return qsTr("无法识别此卡")
        if (reason === "reader_lost")
            return qsTr("读卡器暂时无法使用")
        if (reason === "invalid_id_number" || reason === "id_check_failed"
                || reason === "invalid_card_data")
            return qsTr("证件信息校验未通过")
        return qsTr("读卡未成功")
    }
    function errorHint() {
        if (reason === "card_expired")
            return qsTr("可查看身份证换领指南，或取号到人工窗口办理；其他业务请使用有效期内的证件。")
        if (reason === "unsupported_card")
            return qsTr("请放置居民身份证、港澳台居民居住证、外国人永久居留身份证或社会保障卡。")
        if (reason === "reader_lost")
            return qsTr("请取号到人工窗口办理，或按“呼叫工作人员”。")
        if (reason === "invalid_id_number" || reason === "id_check_failed"
                || reason === "invalid_card_data")
            return qsTr("此证件的信息无法识别，请换一张证件，或到人工窗口办理。")
        return qsTr("请将证件平放在感应区，保持不动，再试一次。")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.elder ? Theme.spacing : Theme.spacing * 2

        PageHeader {
            title: qsTr("身份识别")
            Layout.fillWidth: true
            onBack: { card.cancel(); page.back() }
        }

        // Portrait: the card animation above the words and buttons. Landscape: side by side,
        // so everything stays on screen.
        GridLayout {
            readonly property bool landscape: page.width > page.height
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: landscape ? 2 : 1
            columnSpacing: Theme.padding
            rowSpacing: Theme.elder ? Theme.spacing : Theme.spacing * 2

            ColumnLayout {
                visible: page.state_ === "waiting" || page.state_ === "reading"
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                Item { Layout.fillHeight: true }

                // The card sliding onto the reader, over and over, while we wait.
                Item {
                    objectName: "cardAnimation"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: 520
                    // Elder mode: less room above the card's slide, for the larger words below.
                    Layout.preferredHeight: Theme.elder ? 340 : 420
                    visible: page.state_ === "waiting" || page.state_ === "reading"
                    Rectangle {
                        id: pad
                        anchors.bottom: parent.bottom
                        anchors.horizontalCenter: parent.horizontalCenter
                        width: 480
                        height: 120
                        radius: 24
                        color: Theme.primaryDark
                        Text {
                            anchors.centerIn: parent
                            text: qsTr("感应区")
                            color: Theme.textOnPrimary
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                        }
                    }
                    Rectangle {
                        id: idCard
                        width: 340
                        height: 214
                        radius: 16
                        x: (parent.width - width) / 2
                        color: "#e8f0fb"
                        border.color: Theme.primary
                        border.width: 4
                        Text {
                            anchors.centerIn: parent
                            text: qsTr("身份证")
                            color: Theme.primary
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontLarge
                            font.bold: true
                        }
                        SequentialAnimation on y {
                            running: page.state_ === "waiting" && page.visible
                            loops: Animation.Infinite
                            NumberAnimation { from: 0; to: 170; duration: 1200; easing.type: Easing.InOutQuad }
                            PauseAnimation { duration: 600 }
                            NumberAnimation { from: 170; to: 0; duration: 0 }
                            PauseAnimation { duration: 300 }
                        }
                    }
                }

                Item { Layout.fillHeight: true }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                spacing: Theme.elder ? Theme.spacing : Theme.spacing * 2
                Item { Layout.fillHeight: true }
                Text {
                    objectName: "cardTitle"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: page.state_ === "error" ? Theme.error : Theme.text
                    text: page.state_ === "waiting" ? qsTr("请将身份证放在感应区")
                        : page.state_ === "reading" ? qsTr("正在读取，请勿移动证件……")
                        : page.state_ === "read" ? qsTr("读取成功")
                        : page.errorTitle()
                    // A failure is announced to a screen reader, not only painted red.
                    Accessible.role: page.state_ === "error" ? Accessible.AlertMessage
                                                             : Accessible.StaticText
                    Accessible.name: text
                }

                BusyIndicator {
                    objectName: "readingIndicator"
                    Layout.alignment: Qt.AlignHCenter
                    running: page.state_ === "reading"
                    visible: running
                    Layout.preferredWidth: 96
                    Layout.preferredHeight: 96
                }

                Text {
                    objectName: "cardDetail"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    color: Theme.textMuted
                    text: page.state_ === "read" ? qsTr("%1，证件号 %2").arg(card.maskedName).arg(card.maskedId)
                        : page.state_ === "error" ? page.errorHint()
                        : page.state_ === "waiting" ? qsTr("支持居民身份证、港澳台居民居住证、外国人永久居留身份证、社会保障卡")
                        : ""
                }

                Item { Layout.fillHeight: true }

                KioskButton {
                    objectName: "openGuideAfterCard"
                    visible: page.state_ === "read" && !page.goesOn
                    text: qsTr("查看办事指南")
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: Math.max(480, implicitWidth)
                    onClicked: page.navigate("guide", {})
                }
                KioskButton {
                    objectName: "continueAfterCard"
                    visible: page.state_ === "read" && page.goesOn
                    text: qsTr("继续")
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: Math.max(480, implicitWidth)
                    onClicked: { goOnTimer.stop(); page.goOn() }
                }
                // An expired ID card is the very reason to come: its holder still reaches 换领.
                KioskButton {
                    objectName: "renewalGuide"
                    visible: page.state_ === "error" && page.reason === "card_expired"
                             && catalog.renewalService !== ""
                    text: qsTr("查看身份证换领指南")
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: 480
                    onClicked: {
                        catalog.openGuide(catalog.renewalService)
                        page.navigate("guideDetail", {})
                    }
                }
                KioskButton {
                    objectName: "retryCard"
                    visible: page.state_ === "error" && page.reason !== "reader_lost"
                    text: qsTr("重新读卡")
                    primary: page.reason !== "card_expired"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: Math.max(480, implicitWidth)
                    onClicked: card.retry()
                }
                // Every failure has a way on with a person: a ticket for the staffed window.
                StaffWindowTicket {
                    visible: page.state_ === "error"
                    primary: page.reason === "reader_lost"
                    page: page
                    Layout.fillWidth: true
                }
                KioskButton {
                    objectName: "simulateCard"
                    visible: status.demo && page.state_ === "waiting"
                    text: qsTr("演示：模拟刷卡")
                    primary: false
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: Math.max(480, implicitWidth)
                    onClicked: card.simulateTap()
                }
            }
        }
    }
}
