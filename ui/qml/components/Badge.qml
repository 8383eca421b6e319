import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A short coloured tag with its word always visible (colour is never the only cue). A tag
// with a `term` (零跑腿, 同城通办, 并联办理, 承诺时限 …) is also a button: a tap (or an
// accessibility tool's press) shows what the word means in one plain sentence. The sentences
// live here, in `helpFor`, so every page explains a word the same way.
Rectangle {
    id: badge
    property string text: ""
    property color tone: Theme.primary
    // Which word this tag is ("visits_zero", "citywide" …); "" for a plain tag.
    property string term: ""
    readonly property string help: helpFor(term)
    readonly property bool explains: help !== ""
    implicitWidth: row.implicitWidth + 24
    // A tag that explains itself is a button: at least 48 px high (a finger, WCAG 2.5.8).
    implicitHeight: Math.max(row.implicitHeight + 8, explains ? 48 : 0)
    radius: 8
    color: "transparent"
    border.color: tone
    border.width: 2
    Accessible.role: explains ? Accessible.Button : Accessible.StaticText
    Accessible.name: text
    Accessible.description: explains ? qsTr("点击查看说明") : ""
    Accessible.onPressAction: badge.showHelp()

    function helpFor(key) {
        switch (key) {
        case "visits_zero": return qsTr("在本终端或网上就能办完，不用再到窗口。")
        case "visits": return qsTr("办完这件事还需要到大厅窗口的次数；0 次就是不用去窗口。")
        case "citywide": return qsTr("在本市任何一个政务服务大厅都能办，不必回户籍地或指定大厅。")
        case "appointment": return qsTr("可以先约好到窗口的日期和时段，到时凭身份证签到，少排队。")
        case "agent": return qsTr("本人来不了时，可请他人代为办理；代办人需带上自己和您的身份证件，以及授权委托书等证明。")
        case "home_service": return qsTr("行动不便的老年人、残疾人可以申请工作人员上门办理。")
        case "parallel": return qsTr("几个部门同时审批这件事，不用您一个部门一个部门地跑。")
        case "promised": return qsTr("部门承诺办完的期限，按工作日计算，不超过法律规定的期限（法定时限）。")
        case "overdue": return qsTr("部门没有在承诺的期限内办完，您可以拨打咨询电话或投诉。")
        case "shared": return qsTr("部门通过数据共享直接取得这份材料，您不用带。")
        case "commitment": return qsTr("可以签一份告知承诺书代替这份证明，不用另去开证明。")
        case "face_check": return qsTr("在自助终端办理前，请对着摄像头做人脸识别，确认是身份证本人在办。不便使用摄像头的，可以到人工窗口办理。")
        default: return ""
        }
    }

    // The explanation's panel, made on the first tap: a page of service rows holds dozens of
    // tags, most never tapped and many with nothing to explain (#22).
    property Popup helpPanel: null
    function showHelp() {
        if (!badge.explains)
            return
        if (badge.helpPanel === null)
            badge.helpPanel = helpComponent.createObject(badge)
        badge.helpPanel.open()
    }

    RowLayout {
        id: row
        anchors.centerIn: parent
        spacing: 6
        Text {
            id: label
            text: badge.text
            color: badge.tone
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.bold: true
        }
        // A question mark says the tag can be tapped (not colour alone).
        Text {
            visible: badge.explains
            text: "?"
            color: badge.tone
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.bold: true
        }
    }

    // Only where the tag is not inside a larger button (a service row keeps plain tags).
    MouseArea {
        objectName: "badgeHelp"
        enabled: badge.explains
        anchors.fill: parent
        onClicked: badge.showHelp()
    }

    // Closed when the tag goes (another page, the visit ended) or is tapped away.
    onVisibleChanged: if (!visible && helpPanel !== null) helpPanel.close()

    Component {
        id: helpComponent
        Popup {
            id: panel
            objectName: "tagHelp"
            parent: Overlay.overlay
            modal: true
            x: ((parent ? parent.width : 0) - width) / 2
            y: ((parent ? parent.height : 0) - height) / 2
            width: Math.min((parent ? parent.width : 800) - Theme.padding * 2, 760)
            padding: Theme.padding * 1.5
            background: Rectangle { radius: Theme.radius; color: Theme.surface }
            contentItem: ColumnLayout {
                spacing: Theme.spacing
                Text {
                    objectName: "tagHelpTitle"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: badge.text
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                BodyText {
                    objectName: "tagHelpText"
                    Layout.fillWidth: true
                    text: badge.help
                    Accessible.role: Accessible.StaticText
                    Accessible.name: text
                }
                KioskButton {
                    objectName: "tagHelpClose"
                    text: qsTr("知道了")
                    Layout.fillWidth: true
                    onClicked: panel.close()
                }
            }
        }
    }
}
