import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// One service's complete guide (办事指南), readable top to bottom on a portrait screen,
// with the one-time notification slip (一次性告知单) one tap away.
Page {
    id: page
    objectName: "guideDetailPage"
    readonly property string voicePrompt: qsTr("这是办事指南，可上下滑动查看。点击下方按钮可打印一次性告知单。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    readonly property var g: catalog.guide
    // The hall window this service is routed to (取号): {code, name}, {} before the core is up.
    readonly property var window: page.g.code ? queue.queueFor(page.g.queue || "") : ({})
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("办事指南：%1").arg(g.name || "")
    background: Rectangle { color: Theme.background }

    function scrollToMaterials() {
        flick.contentY = Math.min(materials.y, Math.max(0, flick.contentHeight - flick.height))
    }
    function scrollToSteps() {
        flick.contentY = Math.min(steps.y, Math.max(0, flick.contentHeight - flick.height))
    }
    function showSample(index) {
        page.sampleZoom = 1
        page.sampleIndex = index
        catalog.clearSampleState()
        page.sampleUrl = (page.g.materials || [])[index].sample_url || ""
    }
    function scrollToAgent() {
        flick.contentY = Math.min(agentSection.y, Math.max(0, flick.contentHeight - flick.height))
    }
    function sourceText(source) {
        if (source === "shared")
            return qsTr("免提交")
        if (source === "commitment")
            return qsTr("可承诺")
        return qsTr("需提交")
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
    // A time limit in the guide's unit (工作日 / 自然日); 0 reads 即办.
    function daysText(days) {
        if (!(days > 0))
            return qsTr("即办")
        return g.limit_unit === "calendar" ? qsTr("%1 个自然日").arg(days)
                                           : qsTr("%1 个工作日").arg(days)
    }
    function feesText() {
        if (g.fee_free)
            return qsTr("不收费")
        return (g.fees || []).map(f => qsTr("%1 %2 元").arg(f.name).arg(f.amount)).join("；")
    }
    function sourceTone(source) {
        if (source === "shared")
            return Theme.ok
        if (source === "commitment")
            return Theme.primary
        return Theme.warning
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("办事指南")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: page.back()
            onPrevious: page.previous()
        }

        Flickable {
            id: flick
            MoreBelow { flick: flick }
            objectName: "guideScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: body.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick
            ScrollBar.vertical: ScrollBar { width: 16; policy: ScrollBar.AlwaysOn }

            ColumnLayout {
                id: body
                width: flick.width - 24
                spacing: Theme.spacing

                Text {
                    objectName: "guideTitle"
                    Layout.fillWidth: true
                    text: page.g.name || ""
                    color: Theme.text
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    wrapMode: Text.Wrap
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Flow {
                    Layout.fillWidth: true
                    spacing: 12
                    Badge {
                        objectName: "visitsBadge"
                        term: page.g.visits === 0 ? "visits_zero" : "visits"
                        // The same word as in the service lists for no visit at all.
                        text: page.g.visits === 0 ? qsTr("零跑腿")
                            : qsTr("到现场 %1 次").arg(page.g.visits === undefined ? "-" : page.g.visits)
                        tone: Theme.ok
                    }
                    Badge { objectName: "citywideBadge"; visible: !!page.g.citywide; term: "citywide"; text: qsTr("同城通办") }
                    Badge { visible: !!page.g.appointment; term: "appointment"; text: qsTr("可预约") }
                    Badge { visible: !!page.g.agent; term: "agent"; text: qsTr("可代办"); tone: Theme.warning }
                    Badge { visible: !!page.g.home_service; term: "home_service"; text: qsTr("可上门办理"); tone: Theme.warning }
                    Badge {
                        objectName: "faceCheckBadge"
                        visible: (page.g.face_check || []).length > 0
                        term: "face_check"
                        text: qsTr("需人脸核验")
                        tone: Theme.warning
                    }
                }
                BodyText { text: page.g.description || ""; color: Theme.textMuted }

                SectionCard {
                    title: qsTr("受理单位与依据")
                    BodyText { text: qsTr("受理单位：%1").arg(page.g.accepting_unit || "") }
                    Repeater {
                        model: page.g.legal_basis || []
                        BodyText { required property var modelData; text: "· " + modelData }
                    }
                }

                SectionCard {
                    title: qsTr("办理条件")
                    visible: (page.g.conditions || []).length > 0
                    Repeater {
                        model: page.g.conditions || []
                        BodyText { required property var modelData; text: "· " + modelData }
                    }
                }

                SectionCard {
                    id: materials
                    objectName: "materialsSection"
                    title: qsTr("申请材料（共 %1 项）").arg((page.g.materials || []).length)
                    BodyText {
                        visible: (page.g.materials || []).length === 0
                        text: qsTr("本事项无需提交材料。")
                    }
                    Repeater {
                        model: page.g.materials || []
                        ColumnLayout {
                            required property var modelData
                            required property int index
                            Layout.fillWidth: true
                            spacing: 6
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: 12
                                Badge {
                                    term: modelData.source === "citizen" ? "" : modelData.source
                                    text: page.sourceText(modelData.source)
                                    tone: page.sourceTone(modelData.source)
                                    Layout.alignment: Qt.AlignTop
                                }
                                BodyText {
                                    text: (index + 1) + ". " + modelData.name
                                    font.bold: true
                                }
                            }
                            BodyText {
                                visible: !!modelData.form && modelData.copies > 0
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
                                visible: modelData.source === "shared"
                                text: qsTr("由部门通过数据共享获取，您无需提交")
                                color: Theme.ok
                                font.pixelSize: Theme.fontSmall
                            }
                            BodyText {
                                visible: modelData.source === "commitment"
                                text: qsTr("可签署告知承诺书代替此证明")
                                color: Theme.primary
                                font.pixelSize: Theme.fontSmall
                            }
                            BodyText {
                                visible: !!modelData.sample && !modelData.sample_url
                                text: qsTr("示范文本：%1").arg(modelData.sample || "")
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                            // Built only for a material with a sample (most have none, #22).
                            Loader {
                                active: !!modelData.sample_url
                                visible: active
                                sourceComponent: KioskButton {
                                    objectName: "sample_" + index
                                    text: qsTr("查看示范文本")
                                    primary: false
                                    onClicked: page.showSample(index)
                                }
                            }
                            BodyText {
                                objectName: "materialBasis"
                                text: modelData.basis ? qsTr("设定依据：%1").arg(modelData.basis)
                                                      : qsTr("设定依据：未注明（请向窗口核实）")
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

                SectionCard {
                    id: agentSection
                    objectName: "agentMaterialsSection"
                    visible: (page.g.agent_materials || []).length > 0
                    title: qsTr("委托他人代办的，另需携带")
                    Repeater {
                        model: page.g.agent_materials || []
                        ColumnLayout {
                            required property var modelData
                            required property int index
                            Layout.fillWidth: true
                            spacing: 6
                            BodyText {
                                text: (index + 1) + ". " + modelData.name
                                      + qsTr("（%1）").arg(page.formText(modelData.form, modelData.copies))
                                font.bold: true
                            }
                            BodyText {
                                visible: !!modelData.note
                                text: modelData.note || ""
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                            BodyText {
                                text: qsTr("设定依据：%1").arg(modelData.basis || "")
                                color: Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                    }
                }

                SectionCard {
                    id: steps
                    title: qsTr("办理流程")
                    Repeater {
                        model: page.g.steps || []
                        BodyText {
                            required property var modelData
                            required property int index
                            text: qsTr("%1. %2（%3，%4）").arg(index + 1).arg(modelData.name)
                                  .arg(modelData.handler).arg(page.daysText(modelData.days))
                        }
                    }
                }

                SectionCard {
                    title: qsTr("收费与时限")
                    BodyText { text: qsTr("收费：%1").arg(page.feesText()) }
                    BodyText {
                        visible: !page.g.fee_free && !!page.g.fee_basis
                        text: qsTr("收费依据：%1").arg(page.g.fee_basis || "")
                        color: Theme.textMuted
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 12
                        BodyText {
                            objectName: "timeLimit"
                            Layout.fillWidth: true
                            text: !(page.g.statutory_days > 0) && !(page.g.promised_days > 0)
                                  ? qsTr("办理时限：即办")
                                  : qsTr("法定时限 %1，承诺时限 %2")
                                    .arg(page.daysText(page.g.statutory_days))
                                    .arg(page.daysText(page.g.promised_days))
                        }
                        Badge {
                            objectName: "promisedBadge"
                            Layout.alignment: Qt.AlignTop
                            term: "promised"
                            text: qsTr("承诺时限")
                        }
                    }
                }

                SectionCard {
                    title: qsTr("办理地点与咨询")
                    BodyText {
                        objectName: "guideWindow"
                        visible: !!page.window.code
                        text: qsTr("办理窗口：%1（取号 %2 字头）").arg(page.window.name || "").arg(page.window.code || "")
                        font.bold: true
                    }
                    BodyText { text: qsTr("地点：%1").arg(page.g.consult_place || "") }
                    BodyText { text: qsTr("时间：%1").arg(page.g.consult_hours || "") }
                    BodyText {
                        objectName: "guidePhone"
                        text: page.g.consult_phone_note
                              ? qsTr("咨询电话：%1（%2）").arg(page.g.consult_phone).arg(page.g.consult_phone_note)
                              : qsTr("咨询电话：%1").arg(page.g.consult_phone || "")
                    }
                    BodyText { text: qsTr("投诉电话：%1").arg(page.g.complaint_phone || "") }
                    BodyText {
                        visible: !!page.g.online_url
                        text: qsTr("网上办理：%1").arg(page.g.online_url || "")
                    }
                }

                SectionCard {
                    title: qsTr("常见问题")
                    visible: (page.g.faq || []).length > 0
                    Repeater {
                        model: page.g.faq || []
                        ColumnLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            BodyText { text: qsTr("问：%1").arg(modelData.question); font.bold: true }
                            BodyText { text: qsTr("答：%1").arg(modelData.answer) }
                        }
                    }
                }
            }
        }

        Text {
            objectName: "slipStatus"
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            visible: text !== ""
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            color: catalog.slipState === "printed" ? Theme.ok
                 : catalog.slipState === "printing" ? Theme.text : Theme.error
            text: catalog.slipState === "printing" ? qsTr("正在打印告知单……")
                : catalog.slipState === "printed" ? qsTr("告知单已打印，请在出纸口取走")
                : catalog.slipState === "paper_out" ? qsTr("打印机缺纸，请联系工作人员")
                : catalog.slipState === "" ? "" : qsTr("打印失败，请联系工作人员")
        }
        // The slip did not print: a person at the staffed window tells the citizen the same.
        // Built the first time a slip fails, then kept (#22).
        OnDemand {
            wanted: ["", "printing", "printed"].indexOf(catalog.slipState) < 0
            visible: wanted
            Layout.fillWidth: true
            // Set from here: inside the component, `page` would name the ticket's own property.
            onLoaded: item.page = page
            sourceComponent: StaffWindowTicket {
                objectName: "slipStaffWindow"
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskButton {
                objectName: "printSlip"
                text: qsTr("打印一次性告知单")
                enabled: catalog.slipState !== "printing"
                primary: !page.g.applicable
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                onClicked: catalog.printSlip(page.g.code)
            }
            // Services with a form at the terminal can be applied for from here.
            KioskButton {
                objectName: "applyFromGuide"
                visible: !!page.g.applicable
                text: qsTr("我要办理")
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                onClicked: page.navigate("apply", { code: page.g.code })
            }
            // Straight to a ticket for the window that handles this service.
            KioskButton {
                objectName: "ticketFromGuide"
                visible: !!page.window.code
                text: qsTr("取号（%1）").arg(page.window.name || "")
                primary: false
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                onClicked: page.navigate("ticket", { takeCode: page.window.code })
            }
        }
    }

    // A sample document (示范文本), full screen; zoom with the buttons or two fingers.
    property string sampleUrl: ""
    property int sampleIndex: -1
    property real sampleZoom: 1
    // Built the first time a sample is opened, then kept (#22).
    OnDemand {
        anchors.fill: parent
        z: 60
        wanted: page.sampleUrl !== ""
        sourceComponent: sampleViewer
    }
    Component {
        id: sampleViewer
        Rectangle {
            objectName: "sampleViewer"
            visible: page.sampleUrl !== ""
            color: "#f01a1f29"
            MouseArea { anchors.fill: parent }
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.padding
                spacing: Theme.spacing
                Text {
                    text: qsTr("示范文本（填写样例）")
                    color: Theme.textOnPrimary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    Layout.alignment: Qt.AlignHCenter
                }
                Flickable {
                    id: sampleFlick
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    contentWidth: Math.max(width, sampleImage.width)
                    contentHeight: Math.max(height, sampleImage.height)
                    boundsBehavior: Flickable.StopAtBounds
                    PinchArea {
                        anchors.fill: parent
                        pinch.target: null
                        onPinchUpdated: (pinch) => {
                            page.sampleZoom = Math.max(1, Math.min(4, page.sampleZoom * pinch.scale / pinch.previousScale))
                        }
                    }
                    Image {
                        id: sampleImage
                        objectName: "sampleImage"
                        source: page.sampleUrl
                        width: sampleFlick.width * page.sampleZoom
                        height: width * (sourceSize.width > 0 ? sourceSize.height / sourceSize.width : 1.414)
                        x: Math.max(0, (sampleFlick.width - width) / 2)
                        fillMode: Image.PreserveAspectFit
                        smooth: true
                        Accessible.role: Accessible.Graphic
                        Accessible.name: qsTr("示范文本")
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    KioskButton {
                        objectName: "sampleZoomOut"
                        text: qsTr("缩小")
                        primary: false
                        enabled: page.sampleZoom > 1
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        onClicked: page.sampleZoom = Math.max(1, page.sampleZoom / 1.5)
                    }
                    KioskButton {
                        objectName: "sampleZoomIn"
                        text: qsTr("放大")
                        primary: false
                        enabled: page.sampleZoom < 4
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        onClicked: page.sampleZoom = Math.min(4, page.sampleZoom * 1.5)
                    }
                    KioskButton {
                        objectName: "printSample"
                        text: qsTr("打印示范文本")
                        primary: false
                        enabled: catalog.sampleState !== "printing"
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        onClicked: catalog.printSample(page.g.code, page.sampleIndex)
                    }
                    KioskButton {
                        objectName: "closeSample"
                        text: qsTr("关闭")
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        onClicked: page.sampleUrl = ""
                    }
                }
                Text {
                    objectName: "sampleStatus"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    visible: text !== ""
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: Theme.textOnPrimary
                    text: catalog.sampleState === "printing" ? qsTr("正在打印示范文本……")
                        : catalog.sampleState === "printed" ? qsTr("示范文本已打印，请在出纸口取走")
                        : catalog.sampleState === "paper_out" ? qsTr("打印机缺纸，请联系工作人员")
                        : catalog.sampleState === "" ? "" : qsTr("打印失败，请联系工作人员")
                }
            }
        }

    }

    // Demo mode: the slip as the printer emulator rendered it, so a viewer sees the paper.
    // Built the first time there is one, then kept (#22).
    OnDemand {
        anchors.fill: parent
        z: 70  // above the sample viewer, whose print it shows
        wanted: catalog.previewUrl !== ""
        sourceComponent: printPreview
    }
    Component {
        id: printPreview
        Rectangle {
            objectName: "printPreview"
            visible: catalog.previewUrl !== ""
            color: "#f01a1f29"
            MouseArea { anchors.fill: parent }
            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.padding
                spacing: Theme.spacing
                Text {
                    text: qsTr("打印预览（演示模式）")
                    color: Theme.textOnPrimary
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontLarge
                    font.bold: true
                    Layout.alignment: Qt.AlignHCenter
                }
                Flickable {
                    id: moreFlick
                    MoreBelow { flick: moreFlick }
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    contentWidth: width
                    contentHeight: previewImage.height
                    boundsBehavior: Flickable.StopAtBounds
                    Image {
                        id: previewImage
                        objectName: "printPreviewImage"
                        source: catalog.previewUrl
                        width: Math.min(parent.width, sourceSize.width * 1.2)
                        anchors.horizontalCenter: parent.horizontalCenter
                        fillMode: Image.PreserveAspectFit
                        cache: false
                        Accessible.role: Accessible.Graphic
                        Accessible.name: qsTr("打印预览")
                    }
                }
                KioskButton {
                    objectName: "closePreview"
                    text: qsTr("关闭预览")
                    Layout.fillWidth: true
                    onClicked: catalog.closePreview()
                }
            }
        }
    }
}
