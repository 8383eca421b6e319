import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 我该去哪: scan the queue ticket's QR code (or type its number) and see where it stands —
// waiting (people ahead, the estimate from today's real calls), called (which window, big),
// finished, 过号 (what to do now). Offline the terminal says it cannot check and points to the
// hall display. Scans count only while this page is on screen.
Page {
    id: page
    objectName: "whereToGoPage"
    readonly property string voicePrompt: qsTr("请将排队小票上的二维码对准扫描口，或输入排队号。")
    readonly property string idleKind: "form"
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("叫号查询")
    background: Rectangle { color: Theme.background }

    readonly property bool active: StackView.status === StackView.Active
    readonly property var a: whereToGo.answer
    readonly property bool hasAnswer: a.state !== undefined
    property bool listening: false
    function setListening(on) {
        if (on !== listening) {
            listening = on
            whereToGo.listen(on)
        }
    }
    onActiveChanged: setListening(active)
    Component.onDestruction: setListening(false)
    // A ticket scanned on the home screen opens this page with its code: answered at once.
    property string scanned: ""
    Component.onCompleted: page.scanned ? whereToGo.takeScan(page.scanned) : whereToGo.clear()

    function query() {
        Qt.inputMethod.commit()
        Qt.inputMethod.hide()
        whereToGo.lookUp(field.text)
    }
    function setNumber(text) { field.text = text }

    // The sentence said aloud and shown first.
    readonly property string headline: {
        if (!hasAnswer)
            return ""
        switch (a.state) {
        case "called": return qsTr("请到 %1 号窗口").arg(a.windowNo)
        case "waiting": return a.ahead === 0 ? qsTr("下一位就是您") : qsTr("前面还有 %1 人").arg(a.ahead)
        case "done": return qsTr("此号已办结")
        case "no_show": return qsTr("此号已过号")
        case "void": return qsTr("此号已作废")
        default: return qsTr("暂时无法查询叫号情况")
        }
    }
    readonly property string explanation: {
        if (!hasAnswer)
            return ""
        switch (a.state) {
        case "called":
            return a.windowName !== ""
                ? qsTr("您的号码 %1 已叫到，请到 %2 号窗口（%3）办理。").arg(a.display).arg(a.windowNo).arg(a.windowName)
                : qsTr("您的号码 %1 已叫到，请到 %2 号窗口办理。").arg(a.display).arg(a.windowNo)
        case "waiting":
            return a.waitMin > 0
                ? qsTr("您的号码 %1 正在等候，预计还需约 %2 分钟（按今天实际叫号速度估算）。请留意叫号屏和语音播报。").arg(a.display).arg(a.waitMin)
                : qsTr("您的号码 %1 正在等候。请留意叫号屏和语音播报。").arg(a.display)
        case "done": return qsTr("号码 %1 的业务已办理完毕。如还有其他业务，请重新取号。").arg(a.display)
        case "no_show": return qsTr("号码 %1 叫号时您不在，已过号。请重新取号；如有急事，可到综合窗口请工作人员帮您处理。").arg(a.display)
        case "void": return qsTr("号码 %1 已作废，请重新取号。").arg(a.display)
        default:
            return qsTr("网络中断，本终端现在查不到号码 %1 是否已叫到。请留意大厅叫号屏：叫到您的号码时，屏上会显示号码和窗口，并语音播报。").arg(a.display)
        }
    }
    Connections {
        target: whereToGo
        function onAnswered() {
            if (page.active)
                voice.say(page.headline)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("叫号查询")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: body.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick

            ColumnLayout {
                id: body
                width: flick.width
                spacing: Theme.spacing

                // The answer.
                Rectangle {
                    objectName: "whereAnswer"
                    visible: page.hasAnswer
                    Layout.fillWidth: true
                    implicitHeight: answerColumn.implicitHeight + 2 * Theme.padding
                    radius: 16
                    color: page.a.state === "called" ? Theme.primaryDark : Theme.surface
                    border.color: page.a.state === "unknown" || page.a.state === "no_show" ? Theme.error : Theme.divider
                    border.width: 3
                    Accessible.role: Accessible.StaticText
                    Accessible.name: page.headline + "。" + page.explanation
                    ColumnLayout {
                        id: answerColumn
                        anchors.fill: parent
                        anchors.margins: Theme.padding
                        spacing: Theme.spacing
                        Text {
                            objectName: "whereNumber"
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignHCenter
                            text: page.a.display || ""
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontTitle
                            font.bold: true
                            color: page.a.state === "called" ? Theme.textOnPrimary : Theme.textMuted
                        }
                        Text {
                            objectName: "whereHeadline"
                            Layout.fillWidth: true
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.Wrap
                            text: page.headline
                            font.family: Theme.fontFamily
                            font.pixelSize: page.a.state === "called" ? Theme.fontHuge : Theme.fontTitle
                            font.bold: true
                            color: page.a.state === "called" ? Theme.textOnPrimary
                                 : page.a.state === "unknown" || page.a.state === "no_show" ? Theme.error : Theme.text
                        }
                        Text {
                            objectName: "whereExplanation"
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: page.explanation
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            color: page.a.state === "called" ? Theme.textOnPrimary : Theme.text
                        }
                        Text {
                            objectName: "whereRecorded"
                            visible: page.a.state === "unknown" && page.a.recordedAhead >= 0
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: qsTr("仅供参考：取号时（%1）前面有 %2 人，这是当时的数字，不是现在的。").arg(page.a.recordedAt).arg(page.a.recordedAhead)
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }
                    }
                }
                KioskButton {
                    objectName: "whereRetake"
                    visible: page.hasAnswer && (page.a.state === "no_show" || page.a.state === "void" || page.a.state === "done")
                    text: qsTr("重新取号")
                    Layout.fillWidth: true
                    onClicked: page.navigate("ticket", {})
                }
                KioskButton {
                    objectName: "whereAnother"
                    visible: page.hasAnswer
                    primary: false
                    text: qsTr("查询其他号码")
                    Layout.fillWidth: true
                    onClicked: { field.text = ""; whereToGo.clear() }
                }

                // The question.
                SectionCard {
                    visible: !page.hasAnswer
                    title: status.scannerOk !== false ? qsTr("扫描排队小票上的二维码") : qsTr("输入排队号")
                    BodyText {
                        objectName: "whereScanHint"
                        text: whereToGo.busy ? qsTr("正在查询，请稍候……")
                              : qsTr("将小票上的二维码对准扫描口，自动显示叫号情况；也可以在下面输入小票上的排队号。")
                    }
                    KioskField {
                        id: field
                        objectName: "whereField"
                        Layout.fillWidth: true
                        flick: flick
                        label: qsTr("排队号")
                        placeholderText: qsTr("如 A007")
                        inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText | Qt.ImhLatinOnly
                        onAccepted: page.query()
                    }
                    KioskButton {
                        objectName: "whereQuery"
                        text: qsTr("查询")
                        enabled: !whereToGo.busy
                        Layout.fillWidth: true
                        onClicked: page.query()
                    }
                    BodyText {
                        text: qsTr("输入排队号只能查到本终端今天取的号；其他终端取的号请扫描小票上的二维码。")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    KioskButton {
                        objectName: "whereSimulateScan"
                        visible: status.demo && whereToGo.canSimulate
                        enabled: !whereToGo.busy
                        primary: false
                        text: qsTr("演示：模拟扫描最近的小票")
                        Layout.fillWidth: true
                        onClicked: whereToGo.simulateScan()
                    }
                }
                ReasonText {
                    objectName: "whereError"
                    reason: whereToGo.reason
                    notFoundText: qsTr("没有查到这个排队号。排队号只在取号当天有效，请核对号码，或扫描小票上的二维码。")
                }
            }
        }
    }
}
