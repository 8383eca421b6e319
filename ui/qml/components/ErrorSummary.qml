import QtQuick
import QtQuick.Layouts

// What is wrong with a form, at its top: a sentence, then each field with a problem by name.
// Tapping a name emits `chosen(id)`; the page scrolls to that field and focuses it.
// `problems`: [{id, label}], in the order of the form.
Rectangle {
    id: summary
    property var problems: []
    signal chosen(string id)
    objectName: "errorSummary"
    visible: problems.length > 0
    Layout.fillWidth: true
    implicitHeight: column.implicitHeight + 2 * Theme.spacing
    radius: Theme.radius
    color: Theme.surface
    border.color: Theme.error
    border.width: 4
    Accessible.role: Accessible.AlertMessage
    Accessible.name: heading.text + (problems.length > 0
                                     ? problems.map(function (p) { return p.label }).join("、") : "")

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacing
        spacing: 12
        Text {
            id: heading
            Layout.fillWidth: true
            text: qsTr("有 %1 项需要修改，请点击项目名称前往：").arg(summary.problems.length)
            color: Theme.error
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.bold: true
            wrapMode: Text.Wrap
        }
        Flow {
            Layout.fillWidth: true
            spacing: 12
            Repeater {
                model: summary.problems
                KioskButton {
                    required property var modelData
                    objectName: "summary_" + modelData.id
                    text: modelData.label
                    primary: false
                    implicitWidth: Math.min(parent.width, Math.max(200, contentItem.implicitWidth + 64))
                    Accessible.name: qsTr("前往：%1").arg(modelData.label)
                    onClicked: summary.chosen(modelData.id)
                }
            }
        }
    }
}
