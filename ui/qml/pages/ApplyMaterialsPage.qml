import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// The materials, in three groups: 免提交 (looked up through data sharing once the citizen agrees;
// what it does not find is provided another way), 可承诺 (sign
// the written commitment shown, or hand the paper in) and 需提交 (with sample and common errors).
Page {
    id: page
    objectName: "applyMaterialsPage"
    readonly property string applyStep: "materials"
    readonly property string voicePrompt: qsTr("请确认申请材料。免提交的材料，同意查询后由大厅通过数据共享核验；可承诺的材料可以签署承诺书代替。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    // Consent ticks by material index (what the citizen ticked on this screen).
    property var consents: ({})
    property int revision: 0
    readonly property var shared: applyForm.materials.filter(m => m.source === "shared")
    readonly property var unchecked: page.shared.filter(m => m.lookup === "")
    readonly property var offline: page.shared.filter(m => m.lookup === "offline")
    readonly property var committable: applyForm.materials.filter(m => m.source === "commitment")
    readonly property var toBring: applyForm.materials.filter(m => m.source === "citizen" && !m.agent)
    readonly property var agentPapers: applyForm.materials.filter(m => m.agent)
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
    // Where the data-sharing check of a 免提交 material stands, in words.
    function lookupWords(lookup, settlement) {
        if (lookup === "verified")
            return qsTr("已核验，无需提交")
        if (lookup === "")
            return qsTr("待核验")
        const provide = settlement === "bring" ? qsTr("将到窗口提交")
                      : settlement === "scanned" ? qsTr("已扫描上传") : qsTr("请选择提供方式")
        if (lookup === "offline")
            return qsTr("暂时无法核验：%1").arg(provide)
        if (lookup === "declined")
            return qsTr("自行提供：%1").arg(provide)
        return qsTr("未查到：%1").arg(provide)
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
    // 扫描上传: offered for what would otherwise be brought, while the camera works.
    readonly property bool canScan: status.cameraState === "ok" && scan.available
    function startScan(index) {
        if (scan.open(index))
            page.navigate("applyScan", {})
    }
    // Signing opens the sign page (pad under the exact words) once consent is ticked.
    function sign(m, text) {
        const consent = !!page.consents[m.index]
        if (!applyForm.startSigning(m.index, text, consent))
            return
        const props = { materialIndex: m.index, materialName: m.name, commitmentText: text,
                        consent: consent, attorney: !!m.sign_text }
        // A commitment in one's own name: 人证核验 first, when the guide asks for it.
        if (!m.sign_text && apply.needsFace("commitment"))
            page.navigate("faceCheck", { action: "commitment", next: "applySign", nextProperties: props })
        else
            page.navigate("applySign", props)
    }
    function scrollToAgent() {
        flick.contentY = Math.min(agentCard.y, Math.max(0, flick.contentHeight - flick.height))
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
                    // Asked once, before anything is looked up: data sharing is queried only
                    // with the citizen's consent, and only for this application.
                    ColumnLayout {
                        objectName: "lookupConsent"
                        visible: page.unchecked.length > 0 && !applyForm.lookingUp
                        Layout.fillWidth: true
                        spacing: 12
                        BodyText {
                            objectName: "lookupConsentText"
                            text: apply.onBehalf
                                  ? qsTr("以下材料可以由大厅通过政务数据共享，查询被代办人的电子证照，查到的无需提交。查询只用于本次申请，屏幕和回执上不显示完整证照号码。是否同意查询？")
                                  : qsTr("以下材料可以由大厅通过政务数据共享，查询您本人的电子证照，查到的无需提交。查询只用于本次申请，屏幕和回执上不显示完整证照号码。是否同意查询？")
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            KioskButton {
                                objectName: "lookUp"
                                text: qsTr("同意查询")
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                onClicked: applyForm.lookUp()
                            }
                            KioskButton {
                                objectName: "declineLookUp"
                                text: qsTr("不同意，自己提供")
                                primary: false
                                Layout.fillWidth: true
                                Layout.preferredWidth: 1
                                onClicked: applyForm.declineLookUp()
                            }
                        }
                    }
                    BodyText {
                        objectName: "lookingUp"
                        visible: applyForm.lookingUp
                        text: qsTr("正在通过数据共享核验，请稍候……")
                        color: Theme.primary
                    }
                    Repeater {
                        model: page.shared
                        ColumnLayout {
                            id: sharedBox
                            required property var modelData
                            readonly property string lookup: modelData.lookup
                            Layout.fillWidth: true
                            spacing: 4
                            BodyText {
                                text: "· " + sharedBox.modelData.name
                                      + (sharedBox.modelData.provider ? qsTr("（%1）").arg(sharedBox.modelData.provider) : "")
                                font.bold: true
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: 12
                                Badge {
                                    objectName: "lookup_" + sharedBox.modelData.index
                                    text: page.lookupWords(sharedBox.lookup, sharedBox.modelData.settlement)
                                    tone: sharedBox.lookup === "verified" ? Theme.ok
                                          : sharedBox.lookup === "" ? Theme.primary : Theme.warning
                                }
                                Item { Layout.fillWidth: true }
                            }
                            // The platform gives the number masked; shown so the citizen can
                            // recognise their licence, not copy it.
                            BodyText {
                                objectName: "licence_" + sharedBox.modelData.index
                                visible: sharedBox.lookup === "verified"
                                text: qsTr("证照编号 %1，%2").arg(sharedBox.modelData.licence_no).arg(sharedBox.modelData.issuer)
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                            BodyText {
                                visible: sharedBox.lookup === "not_found"
                                text: qsTr("数据共享没有查到这项材料，请按办事指南提供。")
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                            // Not settled by data sharing: scan it now, or bring it.
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacing
                                visible: sharedBox.lookup !== "" && sharedBox.lookup !== "verified"
                                         && (page.canScan || sharedBox.modelData.settlement === "scanned")
                                Item { Layout.fillWidth: true }
                                KioskButton {
                                    objectName: "scan_" + sharedBox.modelData.index
                                    visible: page.canScan
                                    text: sharedBox.modelData.settlement === "scanned" ? qsTr("重新扫描") : qsTr("扫描上传")
                                    primary: false
                                    onClicked: page.startScan(sharedBox.modelData.index)
                                }
                                KioskButton {
                                    objectName: "bring_" + sharedBox.modelData.index
                                    visible: sharedBox.modelData.settlement === "scanned"
                                    text: qsTr("改为到窗口提交")
                                    primary: false
                                    onClicked: applyForm.bring(sharedBox.modelData.index)
                                }
                            }
                        }
                    }
                    KioskButton {
                        objectName: "lookUpAgain"
                        visible: page.offline.length > 0 && !applyForm.lookingUp
                        text: qsTr("重新核验")
                        primary: false
                        Layout.fillWidth: true
                        onClicked: applyForm.lookUp()
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
                                KioskButton {
                                    objectName: "scan_" + commitBox.materialIndex
                                    visible: page.canScan
                                    text: qsTr("扫描上传")
                                    primary: false
                                    Layout.fillWidth: true
                                    Layout.preferredWidth: 1
                                    onClicked: page.startScan(commitBox.materialIndex)
                                }
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                visible: commitBox.modelData.settlement !== ""
                                Badge {
                                    objectName: "settlement_" + commitBox.materialIndex
                                    text: commitBox.modelData.settlement === "committed" ? qsTr("已签署承诺")
                                        : commitBox.modelData.settlement === "scanned" ? qsTr("已扫描 %1 页").arg(commitBox.modelData.pages)
                                        : qsTr("将到窗口提交")
                                    tone: commitBox.modelData.settlement === "bring" ? Theme.warning : Theme.ok
                                }
                                Item { Layout.fillWidth: true }
                            }
                        }
                    }
                }

                // An agent's own papers: the ID card read at the start is settled; the
                // power of attorney is signed here by the principal (when their card was
                // read, so they are present), scanned, or shown at the window.
                SectionCard {
                    id: agentCard
                    objectName: "agentMaterials"
                    visible: page.agentPapers.length > 0
                    title: qsTr("代办材料（%1 项）").arg(page.agentPapers.length)
                    Repeater {
                        model: page.agentPapers
                        ColumnLayout {
                            id: paper
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: 10
                            readonly property bool read: modelData.settlement === "card"
                            readonly property bool signable: !!modelData.sign_text
                            BodyText { text: "· " + paper.modelData.name; font.bold: true }
                            BodyText {
                                objectName: "agentPaperNote_" + paper.modelData.index
                                visible: !paper.read && paper.modelData.settlement !== "signed"
                                text: paper.signable
                                      ? qsTr("委托人在场：可以请委托人阅读下面的授权委托书，并在屏幕上签名，无需再交纸质委托书。")
                                      : paper.modelData.note
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                            Rectangle {
                                visible: paper.signable && paper.modelData.settlement !== "signed"
                                Layout.fillWidth: true
                                implicitHeight: attorneyWords.implicitHeight + 32
                                radius: Theme.radius
                                color: Theme.surface
                                border.color: Theme.divider
                                BodyText {
                                    id: attorneyWords
                                    objectName: "attorneyText"
                                    anchors.fill: parent
                                    anchors.margins: 16
                                    text: paper.modelData.sign_text || ""
                                }
                            }
                            ToggleChoice {
                                objectName: "consent_" + paper.modelData.index
                                visible: paper.signable && paper.modelData.settlement !== "signed"
                                tickBox: true
                                text: qsTr("委托人已阅读并同意以上授权委托内容")
                                Layout.fillWidth: true
                                selected: page.revision >= 0 && !!page.consents[paper.modelData.index]
                                onClicked: page.setConsent(paper.modelData.index, !page.consents[paper.modelData.index])
                            }
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacing
                                Badge {
                                    objectName: "settlement_" + paper.modelData.index
                                    text: paper.read ? qsTr("已读卡核验")
                                        : paper.modelData.settlement === "signed" ? qsTr("委托人已签署")
                                        : paper.modelData.settlement === "scanned" ? qsTr("已扫描 %1 页").arg(paper.modelData.pages)
                                        : qsTr("将到窗口出示")
                                    tone: paper.modelData.settlement === "bring" ? Theme.warning : Theme.ok
                                }
                                Item { Layout.fillWidth: true }
                                KioskButton {
                                    objectName: "commit_" + paper.modelData.index
                                    visible: paper.signable && paper.modelData.settlement !== "signed"
                                    text: qsTr("委托人签名")
                                    onClicked: page.sign(paper.modelData, paper.modelData.sign_text)
                                }
                                KioskButton {
                                    objectName: "scan_" + paper.modelData.index
                                    visible: !paper.read && page.canScan && paper.modelData.settlement !== "signed"
                                    text: paper.modelData.settlement === "scanned" ? qsTr("重新扫描") : qsTr("扫描上传")
                                    primary: false
                                    onClicked: page.startScan(paper.modelData.index)
                                }
                                KioskButton {
                                    objectName: "bring_" + paper.modelData.index
                                    visible: !paper.read && paper.modelData.settlement !== "bring"
                                    text: qsTr("改为到窗口出示")
                                    primary: false
                                    onClicked: applyForm.bring(paper.modelData.index)
                                }
                            }
                        }
                    }
                }

                SectionCard {
                    objectName: "bringMaterials"
                    visible: page.toBring.length > 0
                    title: qsTr("需提交（%1 项）").arg(page.toBring.length)
                    BodyText {
                        text: page.canScan ? qsTr("以下材料可以现在用高拍仪扫描上传；不扫描的，请带到窗口提交，回执上会列出。")
                                           : qsTr("以下材料请带到窗口提交，回执上会列出。")
                        color: Theme.warning
                    }
                    Repeater {
                        model: page.toBring
                        ColumnLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: 6
                            BodyText { text: "· " + modelData.name; font.bold: true }
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacing
                                visible: page.canScan || modelData.settlement === "scanned"
                                Badge {
                                    objectName: "settlement_" + modelData.index
                                    text: modelData.settlement === "scanned" ? qsTr("已扫描 %1 页").arg(modelData.pages)
                                                                             : qsTr("将到窗口提交")
                                    tone: modelData.settlement === "scanned" ? Theme.ok : Theme.warning
                                }
                                Item { Layout.fillWidth: true }
                                KioskButton {
                                    objectName: "scan_" + modelData.index
                                    visible: page.canScan
                                    text: modelData.settlement === "scanned" ? qsTr("重新扫描") : qsTr("扫描上传")
                                    primary: false
                                    onClicked: page.startScan(modelData.index)
                                }
                                KioskButton {
                                    objectName: "bring_" + modelData.index
                                    visible: modelData.settlement === "scanned"
                                    text: qsTr("改为到窗口提交")
                                    primary: false
                                    onClicked: applyForm.bring(modelData.index)
                                }
                            }
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
