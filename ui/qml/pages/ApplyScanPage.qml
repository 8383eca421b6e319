import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 扫描上传: one material photographed at the document camera (高拍仪), page by page. A live
// preview with the A4 frame guide, 拍照, each page taken with 重拍 and 删除, and 完成, which
// joins the pages into one PDF and settles the material. Preview frames flow only while this
// page is on top; the pictures live in the view-model's memory for the visit only.
Page {
    id: page
    objectName: "applyScanPage"
    readonly property string applyStep: "materials"
    readonly property string voicePrompt: qsTr("请把材料平放在框内，然后按“拍照”。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("扫描上传")
    background: Rectangle { color: Theme.background }

    readonly property bool active: StackView.status === StackView.Active
    readonly property bool cameraLost: status.cameraState === "error" || !scan.available
    readonly property bool full: scan.pageCount >= scan.maxPages && scan.retaking < 0
    // Told once per change: a page destroyed late (after the next one showed) stays silent.
    property bool previewing: false
    function setPreviewing(on) {
        if (on !== previewing) {
            previewing = on
            scan.setPreview(on)
        }
    }
    onActiveChanged: setPreviewing(active)
    Component.onDestruction: setPreviewing(false)

    Connections {
        target: scan
        function onFinished() { page.previous() }
    }

    function refusalText(reason) {
        switch (reason) {
        case "": return ""
        case "no_page": return qsTr("没有找到材料。请放平材料，把材料放在框内后重拍。")
        case "page_too_small": return qsTr("材料不完整或太小。请把材料放在框内，尽量占满框后重拍。")
        case "blurred": return qsTr("画面模糊，请保持不动，再按“拍照”。")
        case "glare": return qsTr("有反光。请避开反光（稍微移动材料，或用手挡住灯光）后重拍。")
        default: return qsTr("拍照未成功，请再按一次“拍照”。")
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("扫描上传")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: { scan.discard(); apply.cancel(); page.back() }
            onPrevious: { scan.discard(); page.previous() }
        }

        BodyText {
            objectName: "scanMaterialName"
            font.bold: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
            text: qsTr("正在扫描：%1").arg(scan.materialName)
        }
        BodyText {
            objectName: "scanPageLimit"
            visible: !page.cameraLost
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
            Accessible.name: text
            text: qsTr("每拍一页按一次“拍照”，本材料最多 %1 页。拍完后按“完成”。").arg(scan.maxPages)
        }

        // The camera is gone: say so, and offer the window (scrolls in elder mode).
        Flickable {
            id: lostFlick
            objectName: "scanCameraLost"
            visible: page.cameraLost
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: lostColumn.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            flickableDirection: Flickable.VerticalFlick
            MoreBelow { flick: lostFlick }
            ColumnLayout {
                id: lostColumn
                width: lostFlick.width
                spacing: Theme.spacing
                Text {
                    objectName: "cameraLostTitle"
                    Layout.fillWidth: true
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.Wrap
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    color: Theme.error
                    Accessible.role: Accessible.AlertMessage
                    Accessible.name: text
                    text: qsTr("高拍仪暂时无法使用")
                }
                BodyText {
                    horizontalAlignment: Text.AlignHCenter
                    Accessible.name: text
                    text: qsTr("请选择把这项材料带到窗口提交，或取号到人工窗口办理。工作人员修复后即可继续扫描。")
                }
                KioskButton {
                    objectName: "scanBringInstead"
                    text: qsTr("改为到窗口提交")
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: Math.max(480, implicitWidth)
                    onClicked: {
                        const index = scan.materialIndex
                        scan.discard()
                        applyForm.bring(index)
                        page.previous()
                    }
                }
                StaffWindowTicket {
                    primary: true
                    page: page
                    Layout.fillWidth: true
                }
            }
        }

        // Portrait: the preview above the pages and buttons; landscape: side by side, so
        // everything fits above the footer in elder mode too.
        GridLayout {
            visible: !page.cameraLost
            Layout.fillWidth: true
            Layout.fillHeight: true
            columns: page.width > page.height ? 2 : 1
            columnSpacing: Theme.spacing
            rowSpacing: Theme.spacing
            // The live preview with the frame guide.
            Rectangle {
                id: previewBox
                objectName: "scanPreview"
                visible: !page.cameraLost
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.minimumHeight: 300
                Layout.preferredWidth: 1
                color: "#20242b"
                radius: Theme.radius
                Accessible.role: Accessible.Graphic
                Accessible.name: qsTr("高拍仪画面，请把材料放在框内")
                Image {
                    id: preview
                    objectName: "scanPreviewImage"
                    anchors.fill: parent
                    anchors.margins: 8
                    fillMode: Image.PreserveAspectFit
                    cache: false
                    asynchronous: false
                    source: page.active ? scan.frameSource : ""
                }
                // The A4 outline the citizen aligns the paper with (portrait, within the picture).
                Rectangle {
                    objectName: "scanFrameGuide"
                    readonly property real areaW: preview.status === Image.Ready ? preview.paintedWidth : preview.width
                    readonly property real areaH: preview.status === Image.Ready ? preview.paintedHeight : preview.height
                    height: Math.min(areaH * 0.9, areaW * 0.9 * 297 / 210)
                    width: height * 210 / 297
                    anchors.centerIn: preview
                    color: "transparent"
                    border.color: "#ffd54a"
                    border.width: 6
                    radius: 4
                }
                Text {
                    objectName: "scanWaiting"
                    visible: preview.status !== Image.Ready
                    anchors.centerIn: parent
                    font.family: Theme.fontFamily
                    font.pixelSize: Theme.fontBody
                    color: "#ffffff"
                    text: qsTr("正在打开高拍仪……")
                }
                Rectangle {
                    anchors.bottom: parent.bottom
                    anchors.horizontalCenter: parent.horizontalCenter
                    anchors.bottomMargin: 16
                    width: guideText.implicitWidth + 40
                    height: guideText.implicitHeight + 16
                    radius: height / 2
                    color: "#cc000000"
                    Text {
                        id: guideText
                        anchors.centerIn: parent
                        font.family: Theme.fontFamily
                        font.pixelSize: Theme.fontSmall
                        color: "#ffffff"
                        text: scan.capturing ? qsTr("正在拍照，请保持不动……") : qsTr("请把材料平放在黄色框内")
                    }
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 1
                spacing: Theme.spacing
                // What was refused and the pages taken; scrolls when the screen is short
                // (elder mode), the buttons below stay in place.
                Flickable {
                    id: sideFlick
                    objectName: "scanSide"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredHeight: sideColumn.implicitHeight
                    Layout.maximumHeight: sideColumn.implicitHeight
                    Layout.minimumHeight: Math.min(sideColumn.implicitHeight, 160)
                    visible: sideColumn.implicitHeight > 0
                    clip: true
                    contentWidth: width
                    contentHeight: sideColumn.implicitHeight
                    boundsBehavior: Flickable.StopAtBounds
                    flickableDirection: Flickable.VerticalFlick
                    MoreBelow { flick: sideFlick }
                    ColumnLayout {
                        id: sideColumn
                        width: sideFlick.width
                        spacing: Theme.spacing
                        Text {
                            objectName: "scanRefusal"
                            Layout.fillWidth: true
                            visible: text !== "" && !page.cameraLost
                            wrapMode: Text.Wrap
                            color: Theme.error
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.bold: true
                            Accessible.role: Accessible.AlertMessage
                            Accessible.name: text
                            text: page.refusalText(scan.refusal)
                        }
                        BodyText {
                            objectName: "scanFull"
                            visible: page.full && !page.cameraLost
                            color: Theme.warning
                            Accessible.name: text
                            text: qsTr("已达到本材料的页数上限（%1 页）。如需重拍，请点某一页的“重拍”。").arg(scan.maxPages)
                        }

                        // The pages taken.
                        Flickable {
                            id: strip
                            objectName: "scanPages"
                            visible: scan.pageCount > 0 && !page.cameraLost
                            Layout.fillWidth: true
                            Layout.preferredHeight: row.implicitHeight
                            contentWidth: row.implicitWidth
                            contentHeight: row.implicitHeight
                            clip: true
                            flickableDirection: Flickable.HorizontalFlick
                            boundsBehavior: Flickable.StopAtBounds
                            Row {
                                id: row
                                spacing: Theme.spacing
                                Repeater {
                                    model: scan.pages
                                    Rectangle {
                                        id: thumb
                                        required property var modelData
                                        required property int index
                                        objectName: "scanPage_" + index
                                        width: 220 * Theme.scale
                                        height: column.implicitHeight + 16
                                        radius: Theme.radius
                                        color: Theme.surface
                                        border.color: scan.retaking === index ? Theme.primary : Theme.divider
                                        border.width: scan.retaking === index ? 6 : 2
                                        Accessible.role: Accessible.Graphic
                                        Accessible.name: qsTr("第 %1 页").arg(thumb.modelData.number)
                                        ColumnLayout {
                                            id: column
                                            x: 8
                                            y: 8
                                            width: parent.width - 16
                                            spacing: 6
                                            Image {
                                                Layout.alignment: Qt.AlignHCenter
                                                Layout.preferredHeight: 130
                                                Layout.preferredWidth: parent.width
                                                fillMode: Image.PreserveAspectFit
                                                sourceSize.height: 130
                                                cache: false
                                                source: thumb.modelData.source
                                            }
                                            Text {
                                                Layout.alignment: Qt.AlignHCenter
                                                font.family: Theme.fontFamily
                                                font.pixelSize: Theme.fontSmall
                                                color: Theme.text
                                                text: scan.retaking === thumb.index ? qsTr("第 %1 页（重拍中）").arg(thumb.modelData.number)
                                                                                    : qsTr("第 %1 页").arg(thumb.modelData.number)
                                            }
                                            KioskButton {
                                                objectName: "retakePage_" + thumb.index
                                                text: scan.retaking === thumb.index ? qsTr("取消重拍") : qsTr("重拍")
                                                Accessible.name: qsTr("重拍第 %1 页").arg(thumb.modelData.number)
                                                primary: false
                                                Layout.fillWidth: true
                                                enabled: !scan.capturing
                                                onClicked: scan.retake(thumb.index)
                                            }
                                            KioskButton {
                                                objectName: "deletePage_" + thumb.index
                                                text: qsTr("删除")
                                                Accessible.name: qsTr("删除第 %1 页").arg(thumb.modelData.number)
                                                primary: false
                                                Layout.fillWidth: true
                                                enabled: !scan.capturing
                                                onClicked: scan.remove(thumb.index)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        // Demo mode: another sample picture under the simulated camera.
                        Flow {
                            objectName: "scanDemoScenes"
                            visible: status.demo && scan.canSimulate
                            Layout.fillWidth: true
                            spacing: Theme.spacing / 2
                            Repeater {
                                model: [
                                    { scene: "flat", label: qsTr("演示：平放") },
                                    { scene: "angled", label: qsTr("演示：斜放") },
                                    { scene: "blurred", label: qsTr("演示：模糊") },
                                    { scene: "glare", label: qsTr("演示：反光") }
                                ]
                                KioskButton {
                                    required property var modelData
                                    objectName: "simulateCamera_" + modelData.scene
                                    text: modelData.label
                                    primary: false
                                    onClicked: scan.simulateScene(modelData.scene)
                                }
                            }
                        }
                    }
                }
                ApplyErrorText { objectName: "scanError"; code: scan.error }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    visible: !page.cameraLost
                    KioskButton {
                        objectName: "scanCapture"
                        text: scan.retaking >= 0 ? qsTr("重拍第 %1 页").arg(scan.retaking + 1) : qsTr("拍照")
                        enabled: !scan.capturing && !scan.busy && !page.full
                        Layout.preferredWidth: 1
                        Layout.fillWidth: true
                        onClicked: scan.capture()
                    }
                    KioskButton {
                        objectName: "scanFinish"
                        text: qsTr("完成（%1 页）").arg(scan.pageCount)
                        primary: scan.pageCount > 0
                        enabled: scan.pageCount > 0 && !scan.capturing && !scan.busy
                        Layout.preferredWidth: 1
                        Layout.fillWidth: true
                        onClicked: scan.finish()
                    }
                }
            }
        }
    }
}
