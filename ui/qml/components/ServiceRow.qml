import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One service in a list: name, department, and what it offers (same-city, appointment, agent…).
AbstractButton {
    id: row
    property var service: ({})
    topPadding: 16
    bottomPadding: 16
    implicitHeight: Math.max(Theme.touchMin, content.implicitHeight + topPadding + bottomPadding)
    focusPolicy: Qt.NoFocus
    Accessible.role: Accessible.Button
    Accessible.name: (service.name || "") + "，" + (service.department || "")

    background: Rectangle {
        radius: Theme.radius
        color: row.down ? Theme.disabledSurface : Theme.surface
        border.color: Theme.divider
        border.width: 1
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
            Badge { visible: row.service.visits === 0; text: qsTr("零跑腿"); tone: Theme.ok }
            Badge { visible: !!row.service.citywide; text: qsTr("同城通办"); tone: Theme.primary }
            Badge { visible: !!row.service.appointment; text: qsTr("可预约"); tone: Theme.primary }
            Badge { visible: !!row.service.agent; text: qsTr("可代办"); tone: Theme.warning }
        }
    }
}
