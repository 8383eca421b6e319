import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 核对: everything the application holds, before it is submitted. What the citizen typed is
// shown as typed (they must check it; this is their own screen during their visit), what the
// card gave stays masked. Each section has 修改, which goes back to its step; going on from
// there comes straight back here.
Page {
    id: page
    objectName: "applyReviewPage"
    readonly property string applyStep: "review"
    readonly property string voicePrompt: qsTr("请核对申请信息，无误后点击确认提交。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    readonly property var r: applyForm.review
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("核对申请信息")
    background: Rectangle { color: Theme.background }

    StackView.onActivated: apply.returnTo("review")
    Component.onCompleted: apply.clearError()
    Connections {
        target: submission
        enabled: page.StackView.status === StackView.Active
        function onSubmitted() { page.navigate("applyReceipt", {}) }
    }

    // 修改: back to the page of `step` (still in the stack below), or a fresh one.
    function revise(step, pageName) {
        if (submission.busy || !apply.revise(step))
            return
        const view = page.StackView.view
        const target = view ? view.find(function (item) { return item.objectName === pageName + "Page" }) : null
        if (target)
            view.pop(target, StackView.Immediate)
        else
            page.navigate(pageName, {})
    }

    function valueText(row) {
        if (row.type === "yes_no")
            return row.value === "yes" ? qsTr("是") : qsTr("否")
        return row.value
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("核对信息")
            Layout.fillWidth: true
            canGoPrevious: !submission.busy
            onBack: { if (!submission.busy) { apply.cancel(); page.back() } }
            onPrevious: page.previous()
        }
        ApplyStepBar {
            step: apply.onBehalf ? 5 : 4
            count: apply.onBehalf ? 5 : 4
            stepName: qsTr("核对并提交")
            serviceName: page.r.service_name || ""
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            objectName: "reviewScroll"
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
                    visible: !page.r.service_name
                    text: qsTr("还没有要核对的申请。")
                }
                SectionCard {
                    objectName: "reviewPeople"
                    visible: !!page.r.service_name
                    title: qsTr("申请人")
                    editText: apply.onBehalf ? qsTr("修改") : ""
                    editObjectName: "revisePrincipal"
                    onEdit: page.revise("principal", "applyPrincipal")
                    BodyText { text: qsTr("申请人：%1").arg(page.r.applicant || "") }
                    BodyText { text: qsTr("证件号码：%1").arg(page.r.applicant_id_number || "") }
                    BodyText {
                        visible: !!page.r.agent
                        text: qsTr("代办人：%1").arg(page.r.agent || "")
                    }
                }
                SectionCard {
                    objectName: "reviewHomeService"
                    visible: !!page.r.home_service
                    title: qsTr("上门办理")
                    editText: qsTr("修改")
                    editObjectName: "reviseHomeService"
                    onEdit: page.revise("form", "applyForm")
                    BodyText { text: qsTr("已申请上门办理，工作人员将电话联系您。") }
                    BodyText { objectName: "reviewHomeAddress"; text: qsTr("上门地址：%1").arg(page.r.home_address || "") }
                    BodyText { objectName: "reviewHomePhone"; text: qsTr("联系电话：%1").arg(page.r.home_phone || "") }
                }
                SectionCard {
                    objectName: "reviewForm"
                    visible: (page.r.rows || []).length > 0
                    title: qsTr("申请表")
                    editText: qsTr("修改")
                    editObjectName: "reviseForm"
                    onEdit: page.revise("form", "applyForm")
                    Repeater {
                        model: page.r.rows || []
                        RowLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            BodyText {
                                Layout.fillWidth: false
                                Layout.preferredWidth: body.width * 0.38
                                text: modelData.label
                                color: Theme.textMuted
                            }
                            BodyText {
                                objectName: "reviewValue_" + modelData.id
                                text: page.valueText(modelData)
                            }
                        }
                    }
                }
                SectionCard {
                    objectName: "reviewMaterials"
                    visible: !!page.r.service_name
                    title: qsTr("申请材料")
                    editText: qsTr("修改")
                    editObjectName: "reviseMaterials"
                    onEdit: page.revise("materials", "applyMaterials")
                    BodyText {
                        visible: (page.r.shared || []).length > 0
                        text: qsTr("已核验（数据共享，免提交）：%1").arg((page.r.shared || []).join("、"))
                    }
                    BodyText {
                        visible: (page.r.committed || []).length > 0
                        text: qsTr("已承诺：%1").arg((page.r.committed || []).join("、"))
                    }
                    BodyText {
                        objectName: "reviewSigned"
                        visible: (page.r.signed || []).length > 0
                        text: qsTr("委托人已现场签署：%1").arg((page.r.signed || []).join("、"))
                    }
                    BodyText {
                        objectName: "reviewCardRead"
                        visible: (page.r.card_read || []).length > 0
                        text: qsTr("已读卡核验：%1").arg((page.r.card_read || []).join("、"))
                    }
                    BodyText {
                        objectName: "reviewScanned"
                        visible: (page.r.scanned || []).length > 0
                        text: qsTr("已扫描上传：%1").arg((page.r.scanned || []).map(
                                  s => qsTr("%1（%2 页）").arg(s.name).arg(s.pages)).join("、"))
                    }
                    BodyText {
                        visible: (page.r.to_bring || []).length > 0
                        text: qsTr("需到窗口提交：%1").arg((page.r.to_bring || []).join("、"))
                        color: Theme.warning
                    }
                }
            }
        }

        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            visible: submission.busy
            spacing: Theme.spacing
            BusyIndicator { running: submission.busy; Layout.preferredWidth: 72; Layout.preferredHeight: 72 }
            Text {
                text: qsTr("正在提交，请稍候……")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontBody
            }
        }
        ApplyErrorText { objectName: "reviewError"; code: submission.error }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskButton {
                objectName: "cancelApply"
                text: qsTr("取消办理")
                primary: false
                enabled: !submission.busy
                Layout.preferredWidth: 1
                Layout.fillWidth: true
                onClicked: { apply.cancel(); page.back() }
            }
            KioskButton {
                objectName: "submitApplication"
                text: qsTr("确认提交")
                enabled: apply.step === "review" && !submission.busy
                Layout.preferredWidth: 2
                Layout.fillWidth: true
                onClicked: submission.submit()
            }
        }
    }
}
