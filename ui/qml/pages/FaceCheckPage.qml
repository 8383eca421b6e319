import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// 人证核验 before a guarded action: the camera's live picture (mirrored) in an oval face guide,
// what to do now (请正对摄像头 → 请眨眨眼 → 请向左/右转头), then the result: on to `next`,
// or why not with 重试, and after three failures (or without a usable camera) only the way to
// a staffed window.
Page {
    id: page
    objectName: "faceCheckPage"
    // The action checked ("certificate", "apply", "commitment", "agent") and the page shown
    // once it passed.
    property string action: "certificate"
    property string next: ""
    property var nextProperties: ({})
    readonly property string voicePrompt: qsTr("请正对摄像头，按屏幕提示完成动作，核验是否为身份证本人。")
    readonly property string idleKind: stage === "window" ? "result" : ""
    readonly property string assistReason: stage === "window" ? "face_check_failed" : ""
    signal navigate(string name, var properties)
    signal replaceWith(string name, var properties)
    signal back()
    signal previous()
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("人脸识别核验")
    background: Rectangle { color: Theme.background }

    readonly property string stage: face.stage
    readonly property string prompt: stepText(face.step)
    readonly property string sentence: reasonText(face.reason)

    function stepText(step) {
        switch (step) {
        case "look": return qsTr("请正对摄像头")
        case "blink": return qsTr("请眨眨眼")
        case "left": return qsTr("请向左转头")
        case "right": return qsTr("请向右转头")
        case "done": return qsTr("请保持不动")
        default: return ""
        }
    }

    // The same sentences as kiosk.face.check.REASONS, and why no check could be made.
    function reasonText(reason) {
        switch (reason) {
        case "": return ""
        case "no_face": return qsTr("未检测到人脸，请正对摄像头")
        case "several_faces": return qsTr("镜头前有多人，请仅本人面对摄像头")
        case "not_holder": return qsTr("人脸与证件照片不一致")
        case "not_live": return qsTr("未能完成动作核验，请按提示操作")
        case "timeout": return qsTr("核验超时，请重试")
        case "bad_reference": return qsTr("无法读取证件照片")
        case "no_face_camera": return qsTr("本终端没有人脸识别摄像头。")
        case "camera_absent": return qsTr("人脸识别摄像头暂时无法使用。")
        case "no_reference": return qsTr("没有查到您的证件照片，无法在本终端核验。")
        case "central_offline": return qsTr("网络暂时中断，无法取得证件照片。")
        case "face_unavailable": return qsTr("人脸识别暂时无法使用。")
        case "card_required": return qsTr("请先刷身份证。")
        case "declined": return qsTr("您选择不使用摄像头核验。")
        case "not_ready": return qsTr("终端尚未就绪，请稍候再试。")
        default: return qsTr("人脸识别核验没有完成。")
        }
    }

    // On to the guarded step, in this page's place: back from there skips the check.
    function proceed() {
        if (page.next !== "")
            page.replaceWith(page.next, page.nextProperties)
    }

    Component.onCompleted: {
        face.start(page.action)
        if (face.stage === "passed")  // checked already in this visit: straight on
            Qt.callLater(page.proceed)
    }

    Connections {
        target: face
        function onPassedCheck(action) {
            if (action === page.action && page.StackView.status === StackView.Active)
                Qt.callLater(page.proceed)
        }
    }
    onPromptChanged: if (page.stage === "checking" && page.prompt !== "") voice.say(page.prompt)
    onStageChanged: {
        // From face.reason itself: page.sentence may not be updated yet at this moment.
        const said = page.reasonText(face.reason).replace(/[。.]$/, "")
        if (page.stage === "failed")
            voice.say(qsTr("%1。您可以点击重试，或到人工窗口办理。").arg(said))
        else if (page.stage === "window")
            voice.say(qsTr("%1。请到人工窗口办理。").arg(said))
        else if (page.stage === "passed")
            voice.say(qsTr("核验通过"))
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        PageHeader {
            title: qsTr("人脸识别核验")
            Layout.fillWidth: true
            canGoPrevious: true
            onBack: { face.cancel(); page.back() }
            onPrevious: { face.cancel(); page.previous() }
        }
        BodyText {
            objectName: "faceIntro"
            visible: page.stage !== "window"
            color: Theme.textMuted
            text: qsTr("为确认是身份证本人办理，请面对摄像头完成核验。图像仅用于本次核验，不会保存。")
        }

        // The live picture with the oval face guide over it (the rest dimmed).
        Item {
            id: view
            objectName: "faceView"
            visible: page.stage === "checking" || page.stage === "passed"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 360
            readonly property real side: Math.min(width, height)
            Rectangle {
                id: frame
                width: view.side * 0.8
                height: view.side
                anchors.centerIn: parent
                color: "#1a1f29"
                clip: true
                Image {
                    objectName: "faceLive"
                    anchors.fill: parent
                    source: face.frameSource
                    fillMode: Image.PreserveAspectCrop
                    cache: false
                    asynchronous: false
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("摄像头画面")
                }
                Canvas {
                    id: guide
                    objectName: "faceGuide"
                    anchors.fill: parent
                    readonly property color ring: page.stage === "passed" ? Theme.ok : "#ffffff"
                    onRingChanged: requestPaint()
                    onWidthChanged: requestPaint()
                    onHeightChanged: requestPaint()
                    onPaint: {
                        const ctx = getContext("2d")
                        ctx.reset()
                        const w = width, h = height
                        const ow = w * 0.62, oh = h * 0.66
                        const x = (w - ow) / 2, y = (h - oh) / 2
                        // Dim everything outside the oval.
                        ctx.fillStyle = "rgba(0, 0, 0, 0.45)"
                        ctx.beginPath()
                        ctx.rect(0, 0, w, h)
                        ctx.ellipse(x, y, ow, oh)
                        ctx.fill("evenodd")
                        ctx.lineWidth = 8
                        ctx.strokeStyle = ring
                        ctx.beginPath()
                        ctx.ellipse(x, y, ow, oh)
                        ctx.stroke()
                    }
                    Accessible.role: Accessible.Graphic
                    Accessible.name: qsTr("请将面部置于椭圆框内")
                }
                BusyIndicator {
                    anchors.centerIn: parent
                    running: page.stage === "checking" && face.frameSource === ""
                    visible: running
                }
            }
        }

        // What to do now, large.
        Text {
            objectName: "facePrompt"
            visible: page.stage === "checking"
            text: page.prompt
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            color: Theme.primary
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }
        Text {
            objectName: "facePassed"
            visible: page.stage === "passed"
            text: qsTr("核验通过")
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignHCenter
            color: Theme.ok
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.bold: true
            Accessible.role: Accessible.StaticText
            Accessible.name: text
        }

        // Why not, and the way on.
        SectionCard {
            objectName: "faceFailed"
            visible: page.stage === "failed" || page.stage === "window"
            title: page.stage === "window" ? qsTr("请到人工窗口办理") : qsTr("核验未通过")
            Layout.fillWidth: true
            BodyText {
                objectName: "faceReason"
                text: page.sentence
                color: Theme.error
                Accessible.role: Accessible.AlertMessage
                Accessible.name: text
            }
            BodyText {
                objectName: "faceTries"
                visible: page.stage === "failed"
                text: qsTr("还可以再试 %1 次。").arg(Math.max(0, face.maxFailures - face.failures))
            }
            BodyText {
                objectName: "faceWindowNote"
                visible: page.stage === "window"
                text: qsTr("不便使用摄像头或多次核验未通过的，工作人员会在人工窗口为您核验身份并办理。")
            }
        }
        StaffWindowTicket {
            objectName: "faceStaffWindow"
            visible: page.stage === "failed" || page.stage === "window"
            primary: page.stage === "window"
            page: page
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KioskButton {
                objectName: "faceRetry"
                visible: face.canRetry
                text: qsTr("重试")
                Accessible.name: qsTr("重新进行人脸识别核验")
                Layout.fillWidth: true
                onClicked: face.retry()
            }
            KioskButton {
                objectName: "faceOptOut"
                visible: page.stage === "checking" || page.stage === "failed"
                text: qsTr("不便使用摄像头")
                Accessible.name: qsTr("不便使用摄像头，改到人工窗口办理")
                primary: false
                Layout.fillWidth: true
                onClicked: face.optOut()
            }
            KioskButton {
                objectName: "faceContinue"
                visible: page.stage === "passed" && page.next !== ""
                text: qsTr("继续")
                Accessible.name: qsTr("核验通过，继续办理")
                Layout.fillWidth: true
                onClicked: page.proceed()
            }
        }
        // Demo mode: what the simulated camera shows (the holder, the holder's printed photo
        // held up, another person), to show a pass and both kinds of failure.
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            visible: status.demo && (page.stage === "checking" || page.stage === "failed")
            KioskButton {
                objectName: "faceDemoHolder"
                text: qsTr("演示：本人")
                primary: false
                Layout.fillWidth: true
                onClicked: face.simulateFace("holder-live")
            }
            KioskButton {
                objectName: "faceDemoPhoto"
                text: qsTr("演示：照片")
                primary: false
                Layout.fillWidth: true
                onClicked: face.simulateFace("holder-photo")
            }
            KioskButton {
                objectName: "faceDemoOther"
                text: qsTr("演示：他人")
                primary: false
                Layout.fillWidth: true
                onClicked: face.simulateFace("other-b-live")
            }
        }
        Item { Layout.fillHeight: true; visible: !view.visible }
    }
}
