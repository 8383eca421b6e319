import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

// The on-screen keyboard. Main.qml makes it after the first frame by this file's URL: naming
// its type there would load Qt Virtual Keyboard's QML modules (and Qt Multimedia, for the
// keys' sound) while the home screen loads.
InputPanel {
    objectName: "keyboard"
    z: 10
    width: parent.width
    y: active ? parent.height - height : parent.height
    visible: active

    Component.onCompleted: {
        VirtualKeyboardSettings.locale = "zh_CN"
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
    }
}
