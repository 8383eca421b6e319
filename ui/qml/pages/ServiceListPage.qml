import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// The services of one theme.
Page {
    id: page
    objectName: "serviceListPage"
    readonly property string voicePrompt: qsTr("请点击要查看的事项。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: catalog.themeName || qsTr("事项列表")
    background: Rectangle { color: Theme.background }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: catalog.themeName
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }
        Text {
            text: qsTr("共 %1 项，点击查看办事指南").arg(list.count)
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
        }
        ListView {
            id: list
            MoreBelow { flick: list }
            objectName: "serviceList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 16
            model: catalog.services
            boundsBehavior: Flickable.StopAtBounds
            delegate: ServiceRow {
                required property var modelData
                objectName: "service_" + modelData.code
                width: list.width
                service: modelData
                onClicked: {
                    catalog.openGuide(modelData.code)
                    page.navigate("guideDetail", {})
                }
            }
        }
    }
}
