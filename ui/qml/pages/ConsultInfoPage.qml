import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// One service's consultation details: phone, place, hours and the guide's FAQ; then leave a
// question (留言咨询) or look up an answer.
Page {
    id: page
    objectName: "consultInfoPage"
    readonly property string voicePrompt: qsTr("这里是常见问题和咨询电话。没有找到答案，可以留言咨询。")
    readonly property string idleKind: "result"
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("咨询：%1").arg(page.info.service_name || qsTr("其他问题"))
    background: Rectangle { color: Theme.background }

    readonly property var info: consult.info

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("咨询")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }
        RowLayout {
            visible: consult.busy
            spacing: Theme.spacing
            BusyIndicator { running: consult.busy; Layout.preferredWidth: 72; Layout.preferredHeight: 72 }
            BodyText { text: qsTr("正在加载，请稍候……") }
        }
        ReasonText { objectName: "consultInfoError"; reason: consult.reason }

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
            ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AlwaysOn }

            ColumnLayout {
                id: body
                width: flick.width - 24
                spacing: Theme.spacing

                Text {
                    objectName: "consultTitle"
                    Layout.fillWidth: true
                    text: page.info.other ? qsTr("其他问题") : (page.info.service_name || "")
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                SectionCard {
                    title: qsTr("咨询方式")
                    visible: !!page.info.phone
                    BodyText { objectName: "consultPhone"; text: qsTr("咨询电话：%1").arg(page.info.phone || "") }
                    BodyText { visible: !!page.info.place; text: qsTr("地点：%1").arg(page.info.place || "") }
                    BodyText { visible: !!page.info.hours; text: qsTr("时间：%1").arg(page.info.hours || "") }
                }
                SectionCard {
                    title: qsTr("咨询方式")
                    visible: !!page.info.other
                    BodyText { text: qsTr("政务服务便民热线：12345") }
                    BodyText { text: qsTr("也可以到大厅咨询台当面咨询，或在下方留言。") }
                }
                SectionCard {
                    title: qsTr("常见问题")
                    visible: (page.info.faq || []).length > 0
                    Repeater {
                        model: page.info.faq || []
                        ColumnLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            BodyText { text: qsTr("问：%1").arg(modelData.question); font.bold: true }
                            BodyText { text: qsTr("答：%1").arg(modelData.answer) }
                        }
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskButton {
                objectName: "consultAskButton"
                text: qsTr("留言咨询")
                enabled: !consult.busy
                Layout.fillWidth: true
                onClicked: page.navigate("consultAsk", {})
            }
            KioskButton {
                objectName: "consultAnswerButton"
                text: qsTr("查询答复")
                primary: false
                Layout.fillWidth: true
                onClicked: page.navigate("followUpStatus", { kind: "consultation" })
            }
        }
    }
}
