import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// The materials, in three groups: 免提交 (fetched by data sharing: nothing to do), 可承诺 (sign
// the written commitment shown, or hand the paper in) and 需提交 (with sample and common errors).
Page {
    id: page
    objectName: "applyMaterialsPage"
    readonly property string applyStep: "materials"
    readonly property string voicePrompt: qsTr("请确认申请材料。可承诺的材料可以签署承诺书代替。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    // Consent ticks by material index (what the citizen ticked on this screen).
    property var consents: ({})
    property int revision: 0
    readonly property var shared: applyForm.materials.filter(m => m.source === "shared")
    readonly property var committable: applyForm.materials.filter(m => m.source === "commitment")
    readonly property var toBring: applyForm.materials.filter(m => m.source === "citizen")
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("申请材料")
    background: Rectangle { color: Theme.background }

    StackView.onActivated: apply.returnTo("materials")
    Component.onCompleted: apply.clearError()

    // The exact words the citizen agrees to, this material's own commitment from the catalog
    // (what is promised, what follows if it is false); recorded with the time of consent.
    function commitmentText(m) {
        return qsTr("本人承诺：%1。%2。").arg(m.commitment_promise).arg(m.commitment_if_false)
    }
    function setConsent(index, on) {
        page.consents[index] = on
        page.revision++
    }
    function formText(form, copies) {
        const words = {
            "original": qsTr("原件"),
            "copy": qsTr("复印件"),
            "original_and_copy": qsTr("原件及复印件"),
            "electronic": qsTr("电子件")
        }
        return qsTr("%1 %2 份").arg(words[form] || "").arg(copies)
    }
    function goOn() {
        if (applyForm.confirmMaterials())
            page.navigate("applyReview", {})
    }
    // Signing opens the sign page (pad under the exact words) once consent is ticked.
    function sign(m, text) {
        const consent = !!page.consents[m.index]
        if (applyForm.startSigning(m.index, text, consent))
            page.navigate("applySign", { materialIndex: m.index, materialName: m.name,
                                          commitmentText: text, consent: consent })
    }
    function scrollToCommitment() {
        flick.contentY = Math.min(commitCard.y, Math.max(0, flick.contentHeight - flick.height))
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("申请材料")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: { apply.cancel(); page.back() }
            onPrevious: page.previous()
        }
        ApplyStepBar {
            step: apply.onBehalf ? 4 : 3
            count: apply.onBehalf ? 5 : 4
            stepName: qsTr("确认申请材料")
            serviceName: apply.service.name || ""
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            objectName: "materialsScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: body.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick
            ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AsNeeded }

            ColumnLayout {
                id: body
                width: flick.width - 24
                spacing: Theme.spacing

                BodyText {
                    objectName: "noMaterials"
                    visible: applyForm.materials.length === 0
                    text: qsTr("请先填写申请表。")
                }

                SectionCard {
                    objectName: "sharedMaterials"
                    visible: page.shared.length > 0
                    title: qsTr("免提交（%1 项）").arg(page.shared.length)
                    BodyText {
                        text: qsTr("以下材料由部门通过数据共享获取，您无需提交，也无需任何操作。")
                        color: Theme.ok
                    }
                    Repeater {
                        model: page.shared
                        BodyText {
                            required property var modelData
                            text: "· " + modelData.name + (modelData.provider ? qsTr("（%1）").arg(modelData.provider) : "")
                        }
                    }
                }

                SectionCard {
                    id: commitCard
                    objectName: "commitMaterials"
                    visible: page.committable.length > 0
                    title: qsTr("可承诺（%1 项）").arg(page.committable.length)
                    BodyText {
                        text: qsTr("您可以签署书面承诺代替以下证明，也可以选择到窗口提交。")
                        color: Theme.primary
                    }
                    Repeater {
                        model: page.committable
                        ColumnLayout {
                            id: commitBox
                            required property var modelData
                            readonly property int materialIndex: modelData.index
                            readonly property string text_: page.commitmentText(modelData)
                            Layout.fillWidth: true
                            spacing: 12
                            BodyText { text: commitBox.modelData.name; font.bold: true }
                            // The guide's own note stays, whatever the commitment says.
                            BodyText {
                                objectName: "commitmentNote_" + commitBox.materialIndex
                                visible: !!commitBox.modelData.note
                                text: commitBox.modelData.note || ""
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                            Rectangle {
                                Layout.fillWidth: true
                                implicitHeight: promise.implicitHeight + 32
                                radius: Theme.radius
                                color: Theme.background
                                border.color: Theme.divider
                                BodyText {
                                    id: promise
                                    objectName: "commitmentText_" + commitBox.materialIndex
                                    anchors.verticalCenter: parent.verticalCenter
                                    x: 16
                                    width: parent.width - 32
                                    text: commitBox.text_
                                }
                            }
                            ToggleChoice {
                                objectName: "consent_" + commitBox.materialIndex
                                Layout.fillWidth: true
                                visible: commitBox.modelData.settlement !== "committed"
                                tickBox: true
                                text: qsTr("我已阅读并同意以上承诺")
                                selected: page.revision >= 0 && !!page.consents[commitBox.materialIndex]
                                onClicked: page.setConsent(commitBox.materialIndex, !page.consents[commitBox.materialIndex])
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacing
                                visible: commitBox.modelData.settlement !== "committed"
                                KioskButton {
                                    objectName: "commit_" + commitBox.materialIndex
                                    text: qsTr("签署承诺")
                                    Layout.fillWidth: true
                                    Layout.preferredWidth: 1
                                    onClicked: page.sign(commitBox.modelData, commitBox.text_)
                                }
                                KioskButton {
                                    objectName: "bring_" + commitBox.materialIndex
                                    text: qsTr("到窗口提交")
                                    primary: false
                                    Layout.fillWidth: true
                                    Layout.preferredWidth: 1
                                    enabled: commitBox.modelData.settlement !== "bring"
                                    onClicked: applyForm.bring(commitBox.materialIndex)
                                }
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                visible: commitBox.modelData.settlement !== ""
                                Badge {
                                    objectName: "settlement_" + commitBox.materialIndex
                                    text: commitBox.modelData.settlement === "committed" ? qsTr("已签署承诺")
                                                                                       : qsTr("将到窗口提交")
                                    tone: commitBox.modelData.settlement === "committed" ? Theme.ok : Theme.warning
                                }
                                Item { Layout.fillWidth: true }
                            }
                        }
                    }
                }

                SectionCard {
                    objectName: "bringMaterials"
                    visible: page.toBring.length > 0
                    title: qsTr("需提交（%1 项）").arg(page.toBring.length)
                    BodyText {
                        text: qsTr("以下材料请带到窗口提交，回执上会列出。")
                        color: Theme.warning
                    }
                    Repeater {
                        model: page.toBring
                        ColumnLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: 6
                            BodyText { text: "· " + modelData.name; font.bold: true }
                            BodyText {
                                visible: modelData.copies > 0
                                text: qsTr("形式：%1").arg(page.formText(modelData.form, modelData.copies))
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                            BodyText {
                                visible: !!modelData.note
                                text: modelData.note || ""
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                            BodyText {
                                visible: !!modelData.sample
                                text: qsTr("示范文本：%1").arg(modelData.sample || "")
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                            Repeater {
                                model: modelData.common_errors || []
                                BodyText {
                                    required property var modelData
                                    text: qsTr("常见错误：%1").arg(modelData)
                                    color: Theme.error
                                    font.pixelSize: Theme.fontSmall
                                }
                            }
                        }
                    }
                }
            }
        }

        ApplyErrorText { objectName: "materialsError"; code: apply.error }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskButton {
                objectName: "cancelApply"
                text: qsTr("取消办理")
                primary: false
                Layout.preferredWidth: 1
                Layout.fillWidth: true
                onClicked: { apply.cancel(); page.back() }
            }
            KioskButton {
                objectName: "materialsNext"
                text: qsTr("下一步：核对")
                enabled: apply.step === "materials"
                Layout.preferredWidth: 2
                Layout.fillWidth: true
                onClicked: page.goOn()
            }
        }
    }
}
