import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// After a question or a complaint was filed: its tracking number, how the answer comes back,
// and whether the slip printed. `kind`: "consultation", "complaint" or "suggestion" (我有建议,
// filed and looked up as a consultation).
Page {
    id: page
    objectName: "followUpFiledPage"
    readonly property string voicePrompt: qsTr("已提交。请记下屏幕上的编号，并取走回执。")
    readonly property string idleKind: "result"
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: page.complaint ? qsTr("投诉已提交") : page.suggestion ? qsTr("建议已提交") : qsTr("留言已提交")
    background: Rectangle { color: Theme.background }

    property string kind: "consultation"
    readonly property bool complaint: kind === "complaint"
    readonly property bool suggestion: kind === "suggestion"
    readonly property var vm: followUpFiled

    // Scrolls only when the words do not fit (landscape, elder mode, English).
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
            title: page.complaint ? qsTr("投诉已提交") : page.suggestion ? qsTr("建议已提交") : qsTr("留言已提交")
            Layout.fillWidth: true
            onBack: page.back()
        }
        Item { Layout.fillHeight: true }
        BodyText {
            horizontalAlignment: Text.AlignHCenter
            font.pixelSize: Theme.fontLarge
            text: page.complaint ? qsTr("投诉编号") : page.suggestion ? qsTr("建议编号") : qsTr("咨询编号")
        }
        Text {
            objectName: "trackingNumber"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WrapAnywhere
            text: page.vm.trackingNo
            color: Theme.primaryDark
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        BodyText {
            horizontalAlignment: Text.AlignHCenter
            text: page.complaint
                  ? qsTr("请记下编号。我们将在 5 个工作日内处理，可凭编号在本终端查询处理进度。")
                  : page.suggestion ? qsTr("感谢您的建议。请记下编号，处理结果可凭编号在本终端查询。")
                  : qsTr("请记下编号。答复后可凭编号在本终端查询。")
        }
        BodyText {
            objectName: "answerPhone"
            visible: page.vm.maskedPhone !== ""
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("答复将通过电话或短信告知：%1").arg(page.vm.maskedPhone)
        }
        BodyText {
            objectName: "anonymousNote"
            visible: page.complaint && followUpFiled.anonymous
            horizontalAlignment: Text.AlignHCenter
            color: Theme.ok
            text: qsTr("这是匿名投诉：本终端和后台都没有保存您的任何个人信息。")
        }
        Text {
            objectName: "filedSlipStatus"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            visible: text !== ""
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            readonly property string slip: page.vm.slipState
            color: slip === "printed" ? Theme.ok : slip === "printing" ? Theme.text : Theme.error
            text: slip === "printing" ? qsTr("正在打印回执……")
                : slip === "printed" ? qsTr("回执已打印，请在出纸口取走")
                : slip === "paper_out" ? qsTr("打印机缺纸，请记下编号，或联系工作人员补打")
                : slip !== "" ? qsTr("回执未能打印，请记下编号，或联系工作人员补打")
                : ""
        }
        Item { Layout.fillHeight: true }
        KioskButton {
            objectName: "filedLookup"
            text: page.complaint ? qsTr("查询处理进度") : qsTr("查询答复")
            primary: false
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.max(560, implicitWidth)
            onClicked: page.navigate("followUpStatus", { kind: page.suggestion ? "consultation" : page.kind,
                                                         number: page.vm.trackingNo })
        }
        KioskButton {
            objectName: "filedDone"
            text: qsTr("完成")
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.max(560, implicitWidth)
            onClicked: page.back()
        }
    }
    }
}
