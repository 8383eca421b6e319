import QtQuick
import QtQuick.Layouts

// Why a query or a filing did not go through, as one plain sentence (from a reason code).
Text {
    id: message
    property string reason: ""
    // What "not found" means where this is shown (a receipt, a tracking number…).
    property string notFoundText: qsTr("没有查到这个编号，请核对后重新输入。")
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
        case "not_found": return notFoundText
        case "not_a_receipt": return qsTr("这不是受理回执上的编号或二维码，请核对后再试。")
        case "receipt_empty": return qsTr("请输入受理编号。")
        case "number_empty": return qsTr("请输入查询编号。")
        case "card_required": return qsTr("请先刷身份证。")
        case "text_empty": return qsTr("请填写内容。")
        case "text_too_long": return qsTr("内容太长，请精简到 4000 字以内。")
        case "invalid_phone": return qsTr("电话号码有误，请输入11位手机号或带区号的固定电话。")
        case "unknown_category": return qsTr("请选择投诉类别。")
        case "no_demo_receipt": return qsTr("演示数据尚未准备好，请稍后再试。")
        case "not_ready": return qsTr("终端正在启动，请稍候再试。")
        case "ticket_code_invalid": return qsTr("这不是排队号或排队小票上的二维码，请核对后再试。")
        case "not_found_offline": return qsTr("网络中断，暂时只能查本终端取的号；请扫描小票上的二维码，或留意大厅叫号屏。")
        case "other_hall": return qsTr("这是其他大厅的排队号，请到取号的大厅查询。")
        case "no_demo_ticket": return qsTr("演示：本终端今天还没有取号，请先取一个号。")
        case "ticket_empty": return qsTr("请输入排队号，例如 A007。")
        case "appeal_reason_required": return qsTr("请选择申诉原因。")
        case "already_appealed": return qsTr("这项整改已经申诉过一次，不能再次申诉。如仍有意见，请拨打 12345 或到咨询台反映。")
        case "not_closed": return qsTr("整改还在进行中，办结后才能申诉；请等待回访。")
        case "not_appealable": return qsTr("只有差评整改可以在这里申诉；投诉和咨询的答复如有意见，请拨打 12345。")
        case "appeal_offline": return qsTr("网络中断，申诉暂时无法提交，请稍后再试或到咨询台办理。")
        case "too_many_lookups": return qsTr("查询次数过多，请一小时后再试，或到咨询台请工作人员帮您查询。")
        case "not_awaiting": return qsTr("这件办件现在不需要补正材料。")
        case "materials_incomplete": return qsTr("还有材料没有扫描，请逐项扫描后再提交。")
        case "scan_unavailable": return qsTr("高拍仪暂时不能使用，请到窗口补正材料。")
        case "disk_full": return qsTr("终端存储空间不足，补正未保存，请到窗口补正材料。")
        case "attachment_too_large": return qsTr("扫描的材料太大，请减少页数后重新扫描。")
        default: return qsTr("暂时无法完成，请稍后再试或咨询工作人员。")
        }
    }
}
