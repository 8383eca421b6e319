import QtQuick

// Something built the first time it is wanted and then kept (the idle warning, the attract
// screen): nothing of it is made before the home screen's first frame.
Loader {
    property bool wanted: false
    property bool needed: false
    onWantedChanged: if (wanted) needed = true
    active: needed || wanted
}
