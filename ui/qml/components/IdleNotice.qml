import QtQuick

// The time limit of the page on top, said before it runs out (WCAG 2.2.1): how long without a
// touch until the visit ends and the terminal goes home. Hidden where no visit runs (home).
Rectangle {
    id: notice
    objectName: "idleNotice"
    visible: idle.active
    implicitHeight: visible ? label.implicitHeight + 12 : 0
    color: Theme.background

    function duration(seconds) {
        if (seconds >= 120 && seconds % 60 === 0)
            return qsTr("%1 分钟").arg(seconds / 60)
        return qsTr("%1 秒").arg(seconds)
    }

    Text {
        id: label
        objectName: "idleNoticeText"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.padding
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: Theme.textMuted
        font.family: Theme.fontFamily
        font.pixelSize: Theme.fontSmall
        text: qsTr("无操作 %1后将返回首页，并清除本次办理的信息").arg(notice.duration(idle.timeoutSeconds))
        Accessible.role: Accessible.StaticText
        Accessible.name: text
    }
}
