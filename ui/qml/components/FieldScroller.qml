import QtQuick

// Keeps the focused `field` visible inside `flick`, also when the on-screen keyboard opens and
// shrinks the page. Put one inside each text field of a scrolling form.
Item {
    id: helper
    property Item field: parent
    property Flickable flick: null
    visible: false

    function ensure() {
        if (!flick || !field || !field.activeFocus)
            return
        const top = field.mapToItem(flick.contentItem, 0, 0).y
        const bottom = top + field.height + Theme.spacing
        if (top - Theme.spacing < flick.contentY)
            flick.contentY = Math.max(0, top - Theme.spacing)
        else if (bottom > flick.contentY + flick.height)
            flick.contentY = bottom - flick.height
    }

    Connections {
        target: helper.field
        function onActiveFocusChanged() { Qt.callLater(helper.ensure) }
    }
    Connections {
        target: helper.flick
        enabled: helper.flick !== null
        function onHeightChanged() { Qt.callLater(helper.ensure) }
    }
}
