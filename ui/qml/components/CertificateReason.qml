import QtQuick
import QtQuick.Layouts

// Why a certificate could not be listed, issued or printed, as one plain sentence.
Text {
    property string reason: ""
    Layout.fillWidth: true
    visible: reason !== ""
    wrapMode: Text.Wrap
    color: Theme.error
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text
    text: {
        switch (reason) {
        case "": return ""
        case "card_required": return qsTr("请先刷身份证。")
        case "central_offline": return qsTr("网络暂时中断，暂时无法查询和打印证明，请稍后再试或到人工窗口办理。")
        case "central_refused": return qsTr("证明系统暂时无法查询，请稍后再试或到人工窗口办理。")
        case "none_held": return qsTr("没有查到这份证明的信息，请到人工窗口咨询。")
        case "face_check_required": return qsTr("打印这份证明前需要先通过人脸识别核验。")
        case "no_a4_printer": return qsTr("本终端暂不能打印证明，请到人工窗口办理。")
        case "not_ready": return qsTr("终端正在启动，请稍候再试。")
        case "paper_out": return qsTr("打印机缺纸，请联系工作人员添加纸张。")
        case "paper_jam": return qsTr("打印机卡纸，请联系工作人员处理。")
        case "cover_open": return qsTr("打印机盖板未关好，请联系工作人员处理。")
        case "offline": return qsTr("打印机未连接，请联系工作人员。")
        case "stopped": return qsTr("打印机已暂停使用，请联系工作人员或到人工窗口办理。")
        case "rejecting": return qsTr("打印机暂不接受打印任务，请联系工作人员或到人工窗口办理。")
        case "job_aborted": return qsTr("打印未能完成，请联系工作人员。")
        case "job_canceled": return qsTr("打印任务已被取消，如需打印请重新操作。")
        case "unreachable": return qsTr("打印服务暂时无法连接，请稍后再试或到人工窗口办理。")
        case "no_such_queue": return qsTr("打印机尚未设置，请联系工作人员。")
        case "timeout": return qsTr("打印时间过长，请联系工作人员。")
        default: return qsTr("暂时无法完成，请稍后再试或到人工窗口办理。")
        }
    }
}
