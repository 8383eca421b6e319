import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// The cases found: each with its state, promised date, an overdue mark, and — when several
// departments handle it in parallel (并联办理) — each department's step. Department notes
// only reach the owner's card; a receipt number or QR code alone shows the status only.
Page {
    id: page
    objectName: "progressCasesPage"
    readonly property string voicePrompt: qsTr("这是办件进度，可上下滑动查看。")
    readonly property string idleKind: "result"
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("办件进度")
    background: Rectangle { color: Theme.background }

    // "card": look up the card holder's cases on opening; "receipt"/"scan": already looked up.
    property string source: "card"
    readonly property var cases: progress.cases

    Component.onCompleted: if (source === "card") progress.byCard()

    function stateText(state) {
        switch (state) {
        case "received": return qsTr("已接收")
        case "accepted": return qsTr("已受理")
        case "in_progress": return qsTr("办理中")
        case "supplement_needed": return qsTr("需补正材料")
        case "completed": return qsTr("已办结")
        case "rejected": return qsTr("不予办理")
        default: return state
        }
    }
    function stateTone(state) {
        if (state === "completed")
            return Theme.ok
        if (state === "supplement_needed" || state === "rejected")
            return Theme.warning
        return Theme.primary
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("办件进度")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }

        BodyText {
            objectName: "casesSummary"
            visible: !progress.busy && progress.reason === ""
            font.pixelSize: Theme.fontLarge
            text: page.source === "card"
                  ? (page.cases.length > 0 ? qsTr("%1 名下的办件，共 %2 件").arg(card.maskedName).arg(page.cases.length)
                                           : qsTr("没有查到您名下的办件。"))
                  : qsTr("受理编号 %1").arg(page.cases.length > 0 ? page.cases[0].receipt_no : "")
        }
        BodyText {
            objectName: "receiptPrivacyNote"
            visible: page.source !== "card" && page.cases.length > 0
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            text: qsTr("凭编号查询只显示办理状态；刷本人身份证可查看部门办理意见。")
        }
        BodyText {
            objectName: "offlineNote"
            visible: progress.offline && !progress.busy
            color: Theme.warning
            text: progress.fetchedAt !== ""
                  ? qsTr("网络暂时中断，以下是 %1 获取的最近状态。").arg(progress.fetchedAt)
                  : qsTr("网络暂时中断，本终端没有这些办件的记录，请稍后再查。")
        }
        StaffWindowTicket {
            objectName: "casesOfflineStaffWindow"
            visible: progress.offline && !progress.busy
            page: page
            Layout.fillWidth: true
        }
        RowLayout {
            visible: progress.busy
            spacing: Theme.spacing
            BusyIndicator { running: progress.busy; Layout.preferredWidth: 72; Layout.preferredHeight: 72 }
            BodyText { text: qsTr("正在查询，请稍候……") }
        }
        ReasonText { objectName: "casesError"; reason: progress.reason }
        KioskButton {
            objectName: "casesReadCard"
            visible: progress.reason === "card_required"
            text: qsTr("刷身份证")
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.max(480, implicitWidth)
            onClicked: page.navigate("idCard", { nextPage: "progressCases", nextProperties: {} })
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            objectName: "casesScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: list.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick
            ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AlwaysOn }

            ColumnLayout {
                id: list
                width: flick.width - 24
                spacing: Theme.spacing
                Repeater {
                    model: progress.busy ? [] : page.cases
                    SectionCard {
                        id: caseCard
                        required property var modelData
                        objectName: "case_" + modelData.receipt_no
                        title: modelData.service_name
                        Flow {
                            Layout.fillWidth: true
                            spacing: 12
                            Badge { text: page.stateText(caseCard.modelData.state); tone: page.stateTone(caseCard.modelData.state) }
                            Badge { visible: caseCard.modelData.overdue; term: "overdue"; text: qsTr("已超过承诺时限"); tone: Theme.error }
                            Badge { objectName: "parallelBadge"; visible: caseCard.modelData.parallel; term: "parallel"; text: qsTr("并联办理") }
                        }
                        BodyText { text: qsTr("受理编号：%1").arg(caseCard.modelData.receipt_no) }
                        BodyText {
                            visible: caseCard.modelData.promised_date !== ""
                            text: (caseCard.modelData.promised_estimated ? qsTr("预计办结日期：%1")
                                                                          : qsTr("承诺办结日期：%1"))
                                  .arg(caseCard.modelData.promised_date)
                            color: caseCard.modelData.overdue ? Theme.error : Theme.text
                        }
                        ColumnLayout {
                            objectName: "missing_" + caseCard.modelData.receipt_no
                            visible: caseCard.modelData.state === "supplement_needed" && caseCard.modelData.missing.length > 0
                            Layout.fillWidth: true
                            spacing: 4
                            Accessible.role: Accessible.List
                            Accessible.name: qsTr("需补正的材料：%1").arg(caseCard.modelData.missing.join("；"))
                            BodyText { text: qsTr("需补正的材料："); font.bold: true; color: Theme.warning }
                            Repeater {
                                model: caseCard.modelData.missing
                                BodyText {
                                    required property var modelData
                                    required property int index
                                    text: qsTr("%1. %2").arg(index + 1).arg(modelData)
                                }
                            }
                            KioskButton {
                                objectName: "supplement_" + caseCard.modelData.receipt_no
                                text: qsTr("扫描补正")
                                Layout.preferredWidth: Math.max(360, implicitWidth)
                                onClicked: {
                                    if (supplement.begin(caseCard.modelData))
                                        page.navigate("supplement", {})
                                }
                            }
                        }
                        BodyText {
                            text: qsTr("最近更新：%1").arg(caseCard.modelData.updated)
                            color: Theme.textMuted
                            font.pixelSize: Theme.fontSmall
                        }
                        Repeater {
                            model: caseCard.modelData.departments
                            ColumnLayout {
                                required property var modelData
                                Layout.fillWidth: true
                                spacing: 4
                                Rectangle { Layout.fillWidth: true; height: 1; color: Theme.divider }
                                BodyText {
                                    text: modelData.step !== ""
                                          ? qsTr("%1：%2（%3）").arg(modelData.department).arg(page.stateText(modelData.state)).arg(modelData.step)
                                          : qsTr("%1：%2").arg(modelData.department).arg(page.stateText(modelData.state))
                                    font.bold: true
                                }
                                BodyText {
                                    visible: modelData.note !== ""
                                    text: qsTr("办理意见：%1").arg(modelData.note)
                                    color: Theme.warning
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
