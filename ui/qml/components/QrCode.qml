import QtQuick

// A QR code drawn from rows of "0"/"1" (the view-model encodes it), with its quiet zone.
Rectangle {
    id: qr
    property var rows: []
    property real size: 360
    readonly property int modules: rows.length
    readonly property real cell: modules > 0 ? Math.floor(size / (modules + 8)) : 0
    implicitWidth: cell * (modules + 8)
    implicitHeight: implicitWidth
    color: "white"
    visible: modules > 0

    Column {
        anchors.centerIn: parent
        Repeater {
            model: qr.rows
            Row {
                required property string modelData
                readonly property string bits: modelData
                Repeater {
                    model: parent.bits.length
                    Rectangle {
                        required property int index
                        width: qr.cell
                        height: qr.cell
                        color: parent.bits[index] === "1" ? "black" : "white"
                    }
                }
            }
        }
    }
}
