import QtQuick
import QtQuick.Layouts

// The attract screen (待机屏): over the home page while nobody uses the terminal. The hall's
// notices and a large invitation; a touch anywhere shows the home page, a card tap starts a
// visit straight away (the shell opens the card page), the 关怀模式 button shows the home page
// in elder mode.
Rectangle {
    id: attract
    objectName: "attractScreen"
    visible: shell.attracting
    color: Theme.primaryDark
    z: 100
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("点击开始")
    Accessible.description: qsTr("点击屏幕开始，或将身份证放在感应区")
    Accessible.onPressAction: shell.stopAttracting()

    MouseArea {
        objectName: "attractStart"
        anchors.fill: parent
        onClicked: shell.stopAttracting()
    }

    readonly property bool landscape: width > height

    // Portrait: invitation above the notices. Landscape: side by side.
    GridLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding * 2
        columns: attract.landscape ? 2 : 1
        columnSpacing: Theme.padding * 2
        rowSpacing: Theme.spacing * 2

    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: true
        Layout.preferredWidth: 1
        spacing: Theme.spacing * 2

        Text {
            text: qsTr("欢迎使用政务服务自助终端")
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }

        Item { Layout.fillHeight: true; Layout.minimumHeight: Theme.spacing }

        // The card sliding onto the reader, so the invitation needs no reading. The reader
        // is labelled and drawn as a pad with a dashed edge, not as an empty button.
        Item {
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: 400
            Layout.preferredHeight: 300
            Item {
                objectName: "attractReader"
                anchors.bottom: parent.bottom
                anchors.horizontalCenter: parent.horizontalCenter
                width: 380
                height: 90
                Canvas {
                    anchors.fill: parent
                    onPaint: {
                        const ctx = getContext("2d")
                        ctx.reset()
                        ctx.strokeStyle = Theme.textOnPrimary
                        ctx.lineWidth = 3
                        ctx.setLineDash([4, 3])  // in line widths: 12 px dashes
                        ctx.beginPath()
                        ctx.roundedRect(2, 2, width - 4, height - 4, 20, 20)
                        ctx.stroke()
                    }
                }
                Text {
                    objectName: "attractReaderLabel"
                    anchors.horizontalCenter: parent.horizontalCenter
                    anchors.bottom: parent.bottom
                    anchors.bottomMargin: 12
                    text: qsTr("读卡区")
                    color: Theme.textOnPrimary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                }
            }
            Rectangle {
                width: 260
                height: 164
                radius: 14
                x: (parent.width - width) / 2
                color: "#e8f0fb"
                Text {
                    anchors.centerIn: parent
                    text: qsTr("身份证")
                    color: Theme.primary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                }
                SequentialAnimation on y {
                    running: attract.visible
                    loops: Animation.Infinite
                    // Stops short of the reader's label, so the word stays readable.
                    NumberAnimation { from: 0; to: 80; duration: 1400; easing.type: Easing.InOutQuad }
                    PauseAnimation { duration: 900 }
                    NumberAnimation { from: 80; to: 0; duration: 0 }
                    PauseAnimation { duration: 400 }
                }
            }
        }

        Text {
            objectName: "attractInvitation"
            text: qsTr("请刷身份证")
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontHuge
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Text {
            text: qsTr("或点击屏幕开始")
            color: Theme.textOnPrimary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Item { Layout.fillHeight: true; Layout.minimumHeight: Theme.spacing }
    }

    ColumnLayout {
        Layout.fillWidth: true
        Layout.fillHeight: !attract.landscape
        Layout.alignment: Qt.AlignVCenter
        Layout.preferredWidth: 1
        spacing: Theme.spacing

        // Straight into elder mode (关怀模式) for whoever needs large text from the first screen;
        // above the notices (beside the invitation on a landscape screen, below it in portrait).
        KioskButton {
            objectName: "attractElderMode"
            primary: false
            text: qsTr("大字 · 关怀模式")
            Accessible.name: qsTr("开启关怀模式：大字、少选项、更长的操作时间")
            font.pixelSize: Theme.fontTitle
            Layout.alignment: Qt.AlignHCenter
            Layout.bottomMargin: Theme.spacing
            implicitWidth: Math.max(480, contentItem.implicitWidth + 96)
            implicitHeight: Math.max(Theme.touchMin * 1.5, contentItem.implicitHeight + 48)
            onClicked: {
                shell.setElderMode(true)
                shell.stopAttracting()
            }
        }

        Repeater {
            model: shell.notices
            Rectangle {
                required property var modelData
                objectName: "attractNotice"
                Layout.fillWidth: true
                Layout.preferredHeight: noticeText.implicitHeight + Theme.spacing * 2
                radius: Theme.radius
                color: Theme.surface
                Column {
                    id: noticeText
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.margins: Theme.spacing
                    spacing: 8
                    Text {
                        width: parent.width
                        text: modelData.title
                        color: Theme.primaryDark
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        width: parent.width
                        visible: text !== ""
                        text: modelData.body
                        color: Theme.text
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }
    }
    }
}
