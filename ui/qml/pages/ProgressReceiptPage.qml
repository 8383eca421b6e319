import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Type the receipt number (受理编号), e.g. H0001-T01-261128-0001. The keyboard opens on its
// digits-and-symbols page with capital letters, and one tap fills in this terminal's prefix.
Page {
    id: page
    objectName: "progressReceiptPage"
    readonly property string voicePrompt: qsTr("请输入受理回执上的受理编号。")
    readonly property string idleKind: "form"
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("输入受理编号")
    background: Rectangle { color: Theme.background }

    readonly property bool active: StackView.status === StackView.Active

    function query() {
        Qt.inputMethod.commit()
        progress.byReceipt(field.text)
    }
    function setNumber(text) {
        field.text = text
    }
    function focusField() {
        field.forceActiveFocus()
    }

    Connections {
        target: progress
        function onAnswered() {
            if (page.active && progress.mode === "receipt")
                page.navigate("progressCases", { source: "receipt" })
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("输入受理编号")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: form.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick

            ColumnLayout {
                id: form
                width: flick.width
                spacing: Theme.spacing

                BodyText { text: qsTr("受理编号印在受理回执顶部，格式如 H0001-T01-261128-0001。") }
                BodyText { text: qsTr("已刷身份证的，只需输入编号最后 4 位。") }
                KioskField {
                    id: field
                    objectName: "receiptField"
                    Layout.fillWidth: true
                    flick: flick
                    label: qsTr("受理编号")
                    placeholderText: qsTr("如 H0001-T01-261128-0001")
                    inputMethodHints: Qt.ImhPreferNumbers | Qt.ImhPreferUppercase
                                      | Qt.ImhNoPredictiveText | Qt.ImhLatinOnly
                    onTextEdited: progress.dismiss()
                    onAccepted: page.query()
                }
                KioskButton {
                    objectName: "receiptPrefix"
                    visible: progress.receiptPrefix !== "" && field.text === ""
                    primary: false
                    text: qsTr("本终端回执：填入 %1").arg(progress.receiptPrefix)
                    Layout.fillWidth: true
                    onClicked: { field.text = progress.receiptPrefix; field.forceActiveFocus() }
                }
                ReasonText { objectName: "receiptError"; reason: progress.mode === "receipt" ? progress.reason : "" }
                RowLayout {
                    visible: progress.busy
                    spacing: Theme.spacing
                    BusyIndicator { running: progress.busy; Layout.preferredWidth: 72; Layout.preferredHeight: 72 }
                    BodyText { text: qsTr("正在查询，请稍候……") }
                }
                KioskButton {
                    objectName: "receiptQuery"
                    text: qsTr("查询")
                    enabled: !progress.busy
                    Layout.fillWidth: true
                    onClicked: page.query()
                }
                BodyText {
                    text: qsTr("凭编号查询只显示办理状态，不显示个人信息。")
                    color: Theme.textMuted
                    font.pixelSize: Theme.fontSmall
                }
            }
        }
    }
}
