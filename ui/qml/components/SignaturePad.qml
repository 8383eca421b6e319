import QtQuick
import QtQuick.Layouts

// A box to sign in with a finger (or the mouse): records each stroke as [x, y, t] points
// (pad pixels, milliseconds since the first touch) and draws it as it goes. 清除重签 empties
// it; 确认签名 hands the strokes, as plain lists, with the pad's size to `confirmed`. Whether
// the strokes make a signature is the core's call (kiosk/documents/signature.py).
ColumnLayout {
    id: pad
    objectName: "signaturePad"
    spacing: Theme.spacing
    property var strokes: []
    property int pointCount: 0
    readonly property bool empty: pointCount === 0
    readonly property int maxPoints: 20000  // the core refuses more; a name needs a few hundred
    property bool ready: true  // false while the signed document is being made
    signal confirmed(var strokes, real width, real height)
    signal cleared()
    Accessible.role: Accessible.Grouping
    Accessible.name: qsTr("签名区")

    function clear() {
        pad.strokes = []
        pad.pointCount = 0
        area.started = 0
        canvas.requestPaint()
        pad.cleared()
    }
    function addPoint(x, y, newStroke) {
        if (pad.pointCount >= pad.maxPoints)
            return
        const now = Date.now()
        if (area.started === 0)
            area.started = now
        const point = [Math.round(x * 10) / 10, Math.round(y * 10) / 10, now - area.started]
        if (newStroke)
            pad.strokes.push([point])
        else if (pad.strokes.length > 0)
            pad.strokes[pad.strokes.length - 1].push(point)
        pad.pointCount++
        canvas.requestPaint()
    }

    Rectangle {
        id: box
        objectName: "signatureArea"
        Layout.fillWidth: true
        // As tall as the page allows, within what a name needs: shrinks in elder mode
        // (larger text above) rather than push the buttons off the screen.
        Layout.fillHeight: true
        Layout.minimumHeight: 200
        Layout.maximumHeight: Math.round(420 * Theme.scale)
        Layout.preferredHeight: Math.round(380 * Theme.scale)
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.fieldBorder
        border.width: Theme.fieldBorderWidth
        Accessible.role: Accessible.Canvas
        Accessible.name: pad.empty ? qsTr("签名框：请在框内签名") : qsTr("签名框：已签名")

        // Where the name sits, as on paper: a line and a hint until the first stroke.
        Rectangle {
            id: baseline
            x: 40
            width: parent.width - 80
            y: Math.round(parent.height * 0.72)
            height: 2
            color: Theme.divider
        }
        Text {
            objectName: "signatureHint"
            visible: pad.empty
            anchors.horizontalCenter: parent.horizontalCenter
            anchors.bottom: baseline.top
            anchors.bottomMargin: 24
            text: qsTr("请在框内签名")
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontLarge
        }
        Text {
            x: 40
            anchors.top: baseline.bottom
            anchors.topMargin: 8
            text: "×"
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
        }

        Canvas {
            id: canvas
            anchors.fill: parent
            renderStrategy: Canvas.Cooperative
            onPaint: {
                const ctx = getContext("2d")
                ctx.reset()
                ctx.strokeStyle = Theme.text
                ctx.fillStyle = Theme.text
                ctx.lineWidth = Math.max(4, width * 0.012)
                ctx.lineCap = "round"
                ctx.lineJoin = "round"
                for (const stroke of pad.strokes) {
                    if (stroke.length === 1) {
                        ctx.beginPath()
                        ctx.arc(stroke[0][0], stroke[0][1], ctx.lineWidth / 2, 0, 2 * Math.PI)
                        ctx.fill()
                        continue
                    }
                    ctx.beginPath()
                    ctx.moveTo(stroke[0][0], stroke[0][1])
                    for (let i = 1; i < stroke.length; i++)
                        ctx.lineTo(stroke[i][0], stroke[i][1])
                    ctx.stroke()
                }
            }
        }

        // A touch arrives here as a synthesized mouse press/move/release, so one MouseArea
        // serves finger and mouse alike; points are kept inside the box.
        MouseArea {
            id: area
            objectName: "signatureInput"
            property double started: 0
            anchors.fill: parent
            enabled: pad.ready
            preventStealing: true
            function inside(v, most) { return Math.max(0, Math.min(most, v)) }
            onPressed: (mouse) => pad.addPoint(inside(mouse.x, width), inside(mouse.y, height), true)
            onPositionChanged: (mouse) => {
                if (pressed)
                    pad.addPoint(inside(mouse.x, width), inside(mouse.y, height), false)
            }
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        KioskButton {
            objectName: "signatureClear"
            text: qsTr("清除重签")
            primary: false
            enabled: pad.ready && !pad.empty
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: pad.clear()
        }
        KioskButton {
            objectName: "signatureConfirm"
            text: qsTr("确认签名")
            enabled: pad.ready
            Layout.fillWidth: true
            Layout.preferredWidth: 1
            onClicked: pad.confirmed(pad.strokes, box.width, box.height)
        }
    }
}
