import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Staff PIN entry on a large keypad (no keyboard needed). Reached by holding the hall name.
Page {
    id: page
    objectName: "staffLoginPage"
    readonly property string voicePrompt: qsTr("工作人员登录，请输入管理密码。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    property string pin: ""
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("工作人员登录")
    background: Rectangle { color: Theme.background }

    // The view-model has one change signal for everything (status, settings, notices): act
    // only when the login state itself moves on, and navigate only from the page on top.
    // Reacting to every change could push the staff page a second time under load (a test
    // then found the hidden first one: 3 failures in 12 runs, none after).
    property string seenState: ""
    Component.onCompleted: seenState = staff.loginState

    Connections {
        target: staff
        function onChanged() {
            if (staff.loginState === page.seenState)
                return
            page.seenState = staff.loginState
            if (staff.loginState === "in" && page.StackView.status === StackView.Active)
                page.navigate("staff", {})
            if (staff.loginState !== "checking")
                page.pin = ""
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("工作人员登录")
            Layout.fillWidth: true
            onBack: { staff.clear(); page.back() }
        }

        // Portrait: prompt above the keypad. Landscape: side by side, so the keypad keeps its
        // size and its bottom row stays on screen.
        GridLayout {
            readonly property bool landscape: page.width > page.height
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: landscape ? 2 : 1
            columnSpacing: Theme.padding
            rowSpacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing
            Text {
                Layout.alignment: Qt.AlignHCenter
                text: qsTr("请输入管理密码")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
            }
            // The field the digits go into: one dot per digit typed, never the digit itself;
            // drawn empty before the first, so the dots have a place to appear.
            Rectangle {
                objectName: "pinField"
                Layout.alignment: Qt.AlignHCenter
                Layout.preferredWidth: 700
                Layout.maximumWidth: page.width - Theme.padding * 2
                Layout.preferredHeight: Theme.touchMin
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.primary
                border.width: 3
                Accessible.role: Accessible.EditableText
                Accessible.name: qsTr("管理密码，已输入 %1 位").arg(page.pin.length)
                Text {
                    objectName: "pinDots"
                    anchors.centerIn: parent
                    anchors.horizontalCenterOffset: font.letterSpacing / 2  // the spacing after the last dot
                    text: "●".repeat(page.pin.length)
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.letterSpacing: 12
                }
            }
            Text {
                objectName: "staffLoginMessage"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: Theme.error
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
                text: staff.loginState === "wrong" ? qsTr("密码错误，还可尝试 %1 次").arg(staff.remaining)
                    : staff.loginState === "locked" ? qsTr("错误次数过多，请于 %1 后再试").arg(staff.lockedUntil)
                    : staff.loginState === "not_set" ? qsTr("尚未设置管理密码，请联系供应商设置")
                    : staff.loginState === "checking" ? qsTr("正在验证……") : ""
            }
        }

            GridLayout {
                objectName: "pinPad"
                Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
                columns: 3
                rowSpacing: Theme.spacing
                columnSpacing: Theme.spacing
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "del", "0", "ok"]
                    KioskButton {
                        required property string modelData
                        objectName: "pin_" + modelData
                        primary: modelData === "ok"
                        enabled: staff.loginState !== "checking"
                        text: modelData === "del" ? qsTr("删除") : modelData === "ok" ? qsTr("确定") : modelData
                        Accessible.name: text
                        implicitWidth: 220
                        // Four rows under the page header: 140 px keys where there is room,
                        // never smaller than a touch target.
                        implicitHeight: Math.max(Theme.touchMin, Math.min(140,
                            (page.height - Theme.padding * 2 - Theme.touchMin - Theme.spacing * 5) / 4))
                        font.pixelSize: Theme.fontTitle
                        onClicked: {
                            if (modelData === "del")
                                page.pin = page.pin.slice(0, -1)
                            else if (modelData === "ok")
                                staff.verifyPin(page.pin)
                            else if (page.pin.length < 12)
                                page.pin += modelData
                        }
                    }
                }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
