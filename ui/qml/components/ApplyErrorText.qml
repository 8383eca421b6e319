import QtQuick
import QtQuick.Layouts

// The plain sentence for a reason code of the apply and rating screens (view-models hand
// codes; the words live here, once, in qsTr). Hidden when there is nothing to say.
Text {
    id: message
    property string code: ""
    Layout.fillWidth: true
    visible: code !== ""
    wrapMode: Text.Wrap
    color: Theme.error
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    font.bold: true
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text
    text: sentence(code)

    function sentence(c) {
        if (c === "")
            return ""
        const words = {
            "not_ready": qsTr("终端正在启动，请稍候再试。"),
            "not_applicable_here": qsTr("该事项暂不能在本终端办理，请到窗口办理。"),
            "agent_not_allowed": qsTr("该事项须本人办理，不能代办。"),
            "home_service_not_offered": qsTr("该事项不提供上门办理。"),
            "card_missing": qsTr("请先刷身份证。"),
            "wrong_step": qsTr("请按页面顺序办理，或返回上一步。"),
            "already_submitted": qsTr("申请已提交，不能再修改。"),
            "authorisation_missing": qsTr("请选择您与被代办人的关系和授权方式。"),
            "principal_name_missing": qsTr("请输入被代办人的姓名。"),
            "id_number_length": qsTr("身份证号码应为 18 位，请核对位数。"),
            "id_number_characters": qsTr("身份证号码只能是数字，最后一位可以是 X。"),
            "id_number_birth": qsTr("身份证号码第 7 到 14 位是出生日期，这几位不对，请核对。"),
            "id_number_check": qsTr("身份证号码有一位输错了（最后一位校验不符），请逐位核对。"),
            "agent_is_principal": qsTr("代办人与被代办人不能是同一人；为自己办理请选择“本人办理”。"),
            "form_invalid": qsTr("有内容需要修改，请查看红色提示。"),
            "home_address_missing": qsTr("上门办理请填写上门地址。"),
            "invalid_phone": qsTr("联系电话有误，请输入11位手机号或带区号的固定电话。"),
            "consent_missing": qsTr("请先勾选“我已阅读并同意以上承诺”，再签署承诺。"),
            "signature_empty": qsTr("请在框内签上您的姓名，再点“确认签名”。"),
            "signature_dot": qsTr("请签上您的姓名：一个点或一笔短划不能作为签名。"),
            "signature_too_small": qsTr("签名太小，请点“清除重签”，在框内把姓名写大一些。"),
            "signature_malformed": qsTr("签名没有记录完整，请点“清除重签”后重新签名。"),
            "signature_missing": qsTr("承诺书需要您在屏幕上签名，请点“签署承诺”。"),
            "signing_failed": qsTr("签名未能保存，请重新签名，或选择到窗口提交。"),
            "commitment_not_offered": qsTr("此项材料不能以承诺代替。"),
            "commitment_text_mismatch": qsTr("承诺书内容有误，请返回重新签署。"),
            "materials_unsettled": qsTr("还有材料没有选择办理方式：请为“免提交”材料选择同意查询或自行提供，为每项“可承诺”材料选择签署承诺或到窗口提交。"),
            "shared_offline": qsTr("暂时连不上数据共享平台，没有核验的材料请到窗口提交，或稍后点“重新核验”。"),
            "material_is_shared": qsTr("此项材料由部门通过数据共享获取，您无需提交。"),
            "attorney_consent_missing": qsTr("请先勾选“委托人已阅读并同意以上授权委托内容”，再请委托人签名。"),
            "material_is_read": qsTr("代办人的身份证已在本机读取核验，无需再提交。"),
            "principal_not_present": qsTr("只有读取了被代办人身份证、被代办人在场时，才能在屏幕上签署授权委托书；请扫描纸质授权委托书，或到窗口出示。"),
            "scan_unavailable": qsTr("高拍仪暂时无法使用，请选择到窗口提交。"),
            "scan_empty": qsTr("还没有拍照，请先按“拍照”。"),
            "scan_too_many_pages": qsTr("页数超过本材料的上限，请删除多余的页。"),
            "invalid_application": qsTr("申请未能提交，您的申请没有保存。请到窗口办理。"),
            "submit_failed": qsTr("提交未成功，您的申请没有保存。请重试或到窗口办理。"),
            "disk_full": qsTr("终端存储空间已满，您的申请没有保存，已提交的申请不受影响。请到窗口办理，并告知工作人员。"),
            "attachment_too_large": qsTr("扫描的材料文件过大，您的申请没有保存。请减少页数后重新扫描，或到窗口提交。"),
            "attachment_empty": qsTr("有一份扫描材料是空的，您的申请没有保存。请重新扫描该材料。"),
            "appointments_offline": qsTr("网络暂时不通，现在无法预约。请稍后再试，或到窗口咨询。"),
            "slot_full": qsTr("该时段已约满，请选择其他时段。"),
            "no_such_slot": qsTr("该时段已不能预约，请重新选择。"),
            "slot_past": qsTr("该时段已经开始，请选择其他时段。"),
            "not_bookable": qsTr("该事项不提供预约。"),
            "booking_refused": qsTr("预约未成功，请稍后再试或到窗口咨询。"),
            "reason_required": qsTr("请至少选择一项不满意的原因。"),
            "already_rated": qsTr("本次服务已经评价过了，感谢您的反馈。"),
            "comment_too_long": qsTr("留言过长，请精简到1000字以内。"),
            "invalid_level": qsTr("请先选择满意程度。"),
            "rating_failed": qsTr("评价未能保存，请重试。")
        }
        return words[c] || qsTr("操作未成功，请重试或咨询现场工作人员。")
    }
}
