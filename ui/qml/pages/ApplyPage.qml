import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 我要办理: choose a service that can be applied for at the terminal, then how (for oneself,
// for someone else, a home visit, or an appointment at the window).
Page {
    id: page
    objectName: "applyPage"
    readonly property string applyStep: "choose"
    readonly property string voicePrompt: qsTr("请选择要办理的事项，可输入名称搜索。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    // A service chosen before (the guide page's "我要办理" button).
    property string code: ""
    property var chosen: ({})
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("我要办理：选择事项")
    background: Rectangle { color: Theme.background }

    StackView.onActivated: apply.returnTo("choose")
    Component.onCompleted: {
        apply.clearError()
        appliable.setQuery("")
        appliable.loadServices()
        preselect()
    }
    function preselect() {
        if (page.code !== "" && !page.chosen.code) {
            const info = appliable.serviceInfo(page.code)
            if (info.code)
                page.chosen = info
        }
    }
    Connections {
        target: appliable
        enabled: page.code !== "" && !page.chosen.code
        function onChanged() { page.preselect() }
    }

    function startWith(mode) {
        if (mode === "appointment") {
            const props = { code: page.chosen.code }
            if (card.state === "read")
                page.navigate("applyAppointment", props)
            else
                page.navigate("idCard", { nextPage: "applyAppointment", nextProperties: props })
            return
        }
        if (apply.start(page.chosen.code, mode))
            page.navigate("applyConditions", {})
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("我要办理")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }

        TextField {
            id: field
            objectName: "applySearchField"
            Layout.fillWidth: true
            implicitHeight: Theme.touchMin + 8
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            placeholderText: qsTr("输入事项名称筛选，如：社保卡")
            placeholderTextColor: Theme.textMuted
            color: Theme.text
            inputMethodHints: Qt.ImhNoPredictiveText
            Accessible.role: Accessible.EditableText
            Accessible.name: qsTr("筛选可办理事项")
            onTextChanged: appliable.setQuery(text)
            leftPadding: Theme.fieldPadding
            rightPadding: Theme.fieldPadding
            background: FieldFrame {}
        }

        Text {
            objectName: "applyListSummary"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            text: appliable.services.length > 0
                  ? qsTr("以下 %1 项可在本终端自助申请").arg(appliable.services.length)
                  : appliable.query !== "" ? qsTr("没有找到“%1”，换个说法试试").arg(appliable.query)
                  : qsTr("正在加载可办理事项……")
        }

        ListView {
            id: list
            MoreBelow { flick: list }
            objectName: "applyServiceList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 16
            model: appliable.services
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AsNeeded }
            delegate: ServiceRow {
                required property var modelData
                objectName: "applyService_" + modelData.code
                width: list.width - 24
                service: modelData
                onClicked: page.chosen = modelData
            }
        }
    }

    // How to apply for the chosen service.
    Rectangle {
        objectName: "applyModes"
        anchors.fill: parent
        visible: !!page.chosen.code
        color: "#cc1a1f29"
        z: 20
        MouseArea { anchors.fill: parent }
        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            height: Math.min(parent.height, modes.implicitHeight + Theme.padding * 2)
            color: Theme.background
            Flickable {
                id: moreFlick
                MoreBelow { flick: moreFlick }
                anchors.fill: parent
                anchors.margins: Theme.padding
                contentWidth: width
                contentHeight: modes.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ColumnLayout {
                    id: modes
                    width: parent.width
                    spacing: Theme.spacing
                    Text {
                        Layout.fillWidth: true
                        text: page.chosen.name || ""
                        color: Theme.primaryDark
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontTitle
                        font.bold: true
                        wrapMode: Text.Wrap
                        Accessible.role: Accessible.Heading
                        Accessible.name: text
                    }
                    BodyText { text: qsTr("请选择办理方式：") }
                    KioskButton {
                        objectName: "applySelf"
                        text: qsTr("本人办理")
                        Layout.fillWidth: true
                        onClicked: page.startWith("self")
                    }
                    KioskButton {
                        objectName: "applyAgent"
                        visible: !!page.chosen.agent
                        text: qsTr("代他人办理（代办）")
                        primary: false
                        Layout.fillWidth: true
                        onClicked: page.startWith("agent")
                    }
                    KioskButton {
                        objectName: "applyHome"
                        visible: !!page.chosen.home_service
                        text: qsTr("申请上门办理（老年人、残疾人）")
                        primary: false
                        Layout.fillWidth: true
                        onClicked: page.startWith("home")
                    }
                    KioskButton {
                        objectName: "applyBook"
                        visible: !!page.chosen.appointment
                        text: qsTr("预约到窗口办理")
                        primary: false
                        Layout.fillWidth: true
                        onClicked: page.startWith("appointment")
                    }
                    ApplyErrorText { objectName: "applyModeError"; code: apply.error }
                    KioskButton {
                        objectName: "applyChooseAgain"
                        text: qsTr("重新选择事项")
                        primary: false
                        Layout.fillWidth: true
                        onClicked: page.chosen = ({})
                    }
                }
            }
        }
    }
}
