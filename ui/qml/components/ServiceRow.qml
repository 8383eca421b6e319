import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One service in a list: name, department, and what it offers (same-city, appointment, agent…).
// It is a button and looks like one: a border of 3:1 contrast, a thicker lower edge, and an
// arrow on the right.
AbstractButton {
    id: row
    property var service: ({})
    topPadding: 16
    bottomPadding: 16
    implicitHeight: Math.max(Theme.touchMin, content.implicitHeight + topPadding + bottomPadding)
    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.Button
    Accessible.name: (service.name || "") + "，" + (service.department || "")
                     + (service.kind === "referral" ? "，" + qsTr("不在本大厅办理") : "")

    rightPadding: 72
    background: Rectangle {
        radius: Theme.radius
        color: Theme.fieldBorder  // shows below the face as a raised lower edge
        Rectangle {
            anchors.fill: parent
            anchors.bottomMargin: row.down ? 0 : 4
            anchors.topMargin: row.down ? 4 : 0
            radius: Theme.radius
            color: row.down ? Theme.disabledSurface : Theme.surface
            border.color: Theme.fieldBorder
            border.width: Theme.fieldBorderWidth
        }
        Text {
            anchors.right: parent.right
            anchors.rightMargin: 28
            anchors.verticalCenter: parent.verticalCenter
            text: "›"
            color: Theme.primary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            Accessible.ignored: true
        }
    }
    contentItem: ColumnLayout {
        id: content
        spacing: 8
        Text {
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
            text: row.service.name || ""
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
            font.bold: true
            wrapMode: Text.Wrap
        }
        Flow {
            Layout.fillWidth: true
            Layout.leftMargin: 24
            Layout.rightMargin: 24
            spacing: 12
            Text {
                id: department
                text: row.service.department || ""
                // Long lines (English) wrap inside the row instead of running out of it.
                width: Math.min(implicitWidth, parent.width)
                wrapMode: Text.Wrap
                color: Theme.textMuted
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontSmall
            }
            // Plain tags here: the whole row is one button (a tap anywhere opens the service,
            // wherever the tags wrap to); the guide page explains each tag when tapped.
            // A referral: the hall does not handle it; the row names where it is handled.
            Badge { objectName: "notHereBadge"; visible: row.service.kind === "referral"; text: qsTr("不在本大厅办理"); tone: Theme.warning }
            Badge { visible: row.service.visits === 0; text: qsTr("零跑腿"); tone: Theme.ok }
            Badge { visible: !!row.service.citywide; text: qsTr("同城通办"); tone: Theme.primary }
            Badge { visible: !!row.service.appointment; text: qsTr("可预约"); tone: Theme.primary }
            Badge { visible: !!row.service.agent; text: qsTr("可代办"); tone: Theme.warning }
        }
    }
}
