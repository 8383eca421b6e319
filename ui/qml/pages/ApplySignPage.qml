import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Signing a written commitment (告知承诺书) on screen: the exact words above, the pad below.
// 确认签名 hands the strokes to applyForm.sign, which checks them (a dot or an empty box is
// refused with a sentence here), makes the signed PDF off the GUI thread and records the
// commitment; then the materials page shows again. 返回 (the header's) goes back with
// nothing signed.
Page {
    id: page
    objectName: "applySignPage"
    readonly property string applyStep: "materials"
    readonly property string voicePrompt: page.attorney
        ? qsTr("请委托人阅读授权委托书，然后在下方框内用手指签上委托人的姓名，再点确认签名。")
        : qsTr("请阅读承诺内容，然后在下方框内用手指签上您的姓名，再点确认签名。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    property int materialIndex: -1
    property string materialName: ""
    property string commitmentText: ""
    property bool consent: false
    // A power of attorney (授权委托书) is signed by the principal, not the card holder.
    property bool attorney: false
    Accessible.role: Accessible.Pane
    Accessible.name: page.attorney ? qsTr("委托人签署授权委托书")
                                   : qsTr("签署承诺书：%1").arg(page.materialName)
    background: Rectangle { color: Theme.background }

    Component.onCompleted: apply.clearError()

    function confirm(strokes, width, height) {
        applyForm.sign(page.materialIndex, page.commitmentText, page.consent, strokes, width, height)
    }
    function leave() {
        if (apply.busy)
            return  // the signed document is being made: it lands on this page
        apply.clearError()
        page.previous()
    }

    Connections {
        target: applyForm
        function onSigned(index) {
            if (index === page.materialIndex)
                page.previous()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: page.attorney ? qsTr("委托人签署授权委托书") : qsTr("签署承诺书")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: { apply.cancel(); page.back() }
            onPrevious: page.leave()
        }
        // Portrait: the words, the pad, then what to do. Landscape (little height): the
        // words and what to do on the left, the pad on the right.
        GridLayout {
            id: grid
            readonly property bool wide: page.width > page.height
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: wide ? 2 : 1
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing

            ColumnLayout {
                Layout.row: 0
                Layout.column: 0
                Layout.fillWidth: true
                Layout.fillHeight: grid.wide
                Layout.preferredWidth: 1
                spacing: Theme.spacing

                BodyText {
                    objectName: "signMaterial"
                    text: qsTr("材料：%1").arg(page.materialName)
                    font.bold: true
                }

                // The exact words signed, scrollable when long.
                Rectangle {
                    id: textBox
                    Layout.fillWidth: true
                    Layout.fillHeight: grid.wide
                    // Portrait: as tall as the words, up to 30 % of the page; longer scroll.
                    Layout.preferredHeight: Math.min(wordsColumn.implicitHeight + 48, page.height * 0.3)
                    Layout.minimumHeight: Math.round(100 * Theme.scale)
                    radius: Theme.radius
                    color: Theme.surface
                    border.color: Theme.divider
                    Flickable {
                        id: flick
                        objectName: "signTextScroll"
                        anchors.fill: parent
                        anchors.margins: 24
                        clip: true
                        contentWidth: width
                        contentHeight: wordsColumn.implicitHeight
                        boundsBehavior: Flickable.StopAtBounds
                        flickableDirection: Flickable.VerticalFlick
                        ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AsNeeded }
                        MoreBelow { flick: flick }
                        Column {
                            id: wordsColumn
                            width: flick.width - 24
                            spacing: 12
                            BodyText {
                                id: words
                                objectName: "signCommitmentText"
                                width: parent.width
                                text: page.commitmentText
                            }
                            BodyText {
                                width: parent.width
                                text: page.attorney ? qsTr("请委托人本人签名。签名后，授权委托书将连同签名、签署时间和终端编号一并提交。")
                                                    : qsTr("签名后，承诺书将连同您的签名、签署时间和终端编号一并提交。")
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                    }
                }

            }

            SignaturePad {
                id: pad
                Layout.row: grid.wide ? 0 : 1
                Layout.column: grid.wide ? 1 : 0
                Layout.rowSpan: grid.wide ? 2 : 1
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                ready: !apply.busy
                onConfirmed: (strokes, width, height) => page.confirm(strokes, width, height)
                onCleared: apply.clearError()
            }

            ColumnLayout {
                Layout.row: grid.wide ? 1 : 2
                Layout.column: 0
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                spacing: Theme.spacing
                BodyText {
                    objectName: "signBusy"
                    visible: apply.busy
                    text: page.attorney ? qsTr("正在生成授权委托书，请稍候……") : qsTr("正在生成承诺书，请稍候……")
                    color: Theme.primary
                }
                ApplyErrorText { objectName: "signError"; code: apply.error }
            }
        }
    }
}
