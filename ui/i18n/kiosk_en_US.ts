<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>ApplyAppointmentPage</name>
    <message>
        <source>请选择预约的日期和时段。</source>
        <translation>Please choose a day and a time slot for your appointment.</translation>
    </message>
    <message>
        <source>预约办理</source>
        <translation>Book an appointment</translation>
    </message>
    <message>
        <source>周一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>周二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>周三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>周四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>周五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>周六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>周日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>%1月%2日 %3</source>
        <translation>%3 %1/%2</translation>
    </message>
    <message>
        <source>请先选择事项</source>
        <translation>Please choose a service first</translation>
    </message>
    <message>
        <source>正在查询可预约时段……</source>
        <translation>Looking up free time slots…</translation>
    </message>
    <message>
        <source>近期没有可预约的时段，请到窗口咨询。</source>
        <translation>There are no free slots in the coming days. Please ask at a service window.</translation>
    </message>
    <message>
        <source>%1（余 %2）</source>
        <translation>%1 (%2 left)</translation>
    </message>
    <message>
        <source>预约成功</source>
        <translation>Appointment booked</translation>
    </message>
    <message>
        <source>%1，%2 %3。</source>
        <translation>%1, %2 %3.</translation>
    </message>
    <message>
        <source>请按时携带身份证到大厅，在终端“预约签到”后等候叫号。</source>
        <translation>Please come to the hall on time with your ID card, check in at a terminal (&quot;Appointment check-in&quot;) and wait to be called.</translation>
    </message>
    <message>
        <source>已选：%1</source>
        <translation>Chosen: %1</translation>
    </message>
    <message>
        <source>请点选一个时段</source>
        <translation>Tap a time to choose it</translation>
    </message>
    <message>
        <source>确认预约</source>
        <translation>Book this slot</translation>
    </message>
    <message>
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
</context>
<context>
    <name>ApplyConditionsPage</name>
    <message>
        <source>请阅读办理条件，确认符合后点击下方按钮。</source>
        <translation>Please read the conditions and tap the button below if you meet them.</translation>
    </message>
    <message>
        <source>办理条件：%1</source>
        <translation>Conditions: %1</translation>
    </message>
    <message>
        <source>代他人办理</source>
        <translation>On behalf of someone</translation>
    </message>
    <message>
        <source>上门办理</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>本人办理</source>
        <translation>For myself</translation>
    </message>
    <message>
        <source>办理条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>阅读办理条件</source>
        <translation>Read the conditions</translation>
    </message>
    <message>
        <source>即办</source>
        <translation>on the spot</translation>
    </message>
    <message>
        <source>承诺 %1 个自然日办结</source>
        <translation>Done within %1 calendar days</translation>
    </message>
    <message>
        <source>承诺 %1 个工作日办结</source>
        <translation>Done within %1 working days</translation>
    </message>
    <message>
        <source>申请条件</source>
        <translation>Who can apply</translation>
    </message>
    <message>
        <source>本事项没有特别的申请条件。</source>
        <translation>This service has no special conditions.</translation>
    </message>
    <message>
        <source>接下来</source>
        <translation>What comes next</translation>
    </message>
    <message>
        <source>请代办人刷本人身份证，再填写或刷取被代办人的身份信息，并说明代办关系。</source>
        <translation>As the agent, tap your own ID card, then enter or tap the ID of the person you act for and say how you are related.</translation>
    </message>
    <message>
        <source>已读取%1的身份证，申请表将自动填入证件上的信息，无需手工输入证件号码。</source>
        <translation>The ID card of %1 has been read. The form is filled in from the card; you do not type the ID number.</translation>
    </message>
    <message>
        <source>请刷身份证识别身份，申请表将自动填入证件上的信息，无需手工输入证件号码。</source>
        <translation>Tap your ID card to identify yourself. The form is filled in from the card; you do not type the ID number.</translation>
    </message>
    <message>
        <source>您可随时点“返回”修改上一步，或点“取消办理”，已填写的信息将被清除。</source>
        <translation>You can tap &quot;Back&quot; to change a previous step at any time, or &quot;Cancel application&quot; to clear everything you entered.</translation>
    </message>
    <message>
        <source>取消办理</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>我符合条件，下一步</source>
        <translation>I meet them — next</translation>
    </message>
</context>
<context>
    <name>ApplyErrorText</name>
    <message>
        <source>终端正在启动，请稍候再试。</source>
        <translation>The terminal is still starting. Please try again in a moment.</translation>
    </message>
    <message>
        <source>该事项暂不能在本终端办理，请到窗口办理。</source>
        <translation>This service cannot be applied for at this terminal. Please go to a service window.</translation>
    </message>
    <message>
        <source>该事项须本人办理，不能代办。</source>
        <translation>This service must be applied for in person; an agent cannot apply.</translation>
    </message>
    <message>
        <source>该事项不提供上门办理。</source>
        <translation>No home visits for this service.</translation>
    </message>
    <message>
        <source>请先刷身份证。</source>
        <translation>Please tap your ID card first.</translation>
    </message>
    <message>
        <source>请按页面顺序办理，或返回上一步。</source>
        <translation>Please follow the steps in order, or go back one step.</translation>
    </message>
    <message>
        <source>申请已提交，不能再修改。</source>
        <translation>The application has been submitted and can no longer be changed.</translation>
    </message>
    <message>
        <source>请选择您与被代办人的关系和授权方式。</source>
        <translation>Please choose your relationship to the person and how you are authorised.</translation>
    </message>
    <message>
        <source>请输入被代办人的姓名。</source>
        <translation>Please enter the person&apos;s name.</translation>
    </message>
    <message>
        <source>身份证号码应为 18 位，请核对位数。</source>
        <translation>An ID card number has 18 characters. Please check how many you typed.</translation>
    </message>
    <message>
        <source>身份证号码只能是数字，最后一位可以是 X。</source>
        <translation>An ID card number has only digits; the last character may be X.</translation>
    </message>
    <message>
        <source>身份证号码第 7 到 14 位是出生日期，这几位不对，请核对。</source>
        <translation>Characters 7 to 14 of an ID card number are the date of birth, and these are not a valid date. Please check them.</translation>
    </message>
    <message>
        <source>身份证号码有一位输错了（最后一位校验不符），请逐位核对。</source>
        <translation>One character of the ID card number is wrong (the last, check character does not match). Please check each one.</translation>
    </message>
    <message>
        <source>代办人与被代办人不能是同一人；为自己办理请选择“本人办理”。</source>
        <translation>You cannot act on behalf of yourself; to apply for yourself choose &quot;For myself&quot;.</translation>
    </message>
    <message>
        <source>有内容需要修改，请查看红色提示。</source>
        <translation>Some entries need changing; see the notes in red.</translation>
    </message>
    <message>
        <source>上门办理请填写上门地址。</source>
        <translation>Please enter the address for the home visit.</translation>
    </message>
    <message>
        <source>联系电话有误，请输入11位手机号或带区号的固定电话。</source>
        <translation>The phone number is not valid. Enter an 11-digit mobile number or a landline with area code.</translation>
    </message>
    <message>
        <source>请先勾选“我已阅读并同意以上承诺”，再签署承诺。</source>
        <translation>Please tick &quot;I have read and agree to this commitment&quot; before signing.</translation>
    </message>
    <message>
        <source>请在框内签上您的姓名，再点“确认签名”。</source>
        <translation>Please sign your name in the box, then tap &quot;Confirm&quot;.</translation>
    </message>
    <message>
        <source>请签上您的姓名：一个点或一笔短划不能作为签名。</source>
        <translation>Please sign your full name: a dot or a short stroke is not a signature.</translation>
    </message>
    <message>
        <source>签名太小，请点“清除重签”，在框内把姓名写大一些。</source>
        <translation>The signature is too small. Tap &quot;Sign again&quot; and write your name larger in the box.</translation>
    </message>
    <message>
        <source>签名没有记录完整，请点“清除重签”后重新签名。</source>
        <translation>The signature was not fully recorded. Tap &quot;Sign again&quot; and sign once more.</translation>
    </message>
    <message>
        <source>承诺书需要您在屏幕上签名，请点“签署承诺”。</source>
        <translation>The commitment must be signed on the screen: tap &quot;Sign the commitment&quot;.</translation>
    </message>
    <message>
        <source>签名未能保存，请重新签名，或选择到窗口提交。</source>
        <translation>The signature could not be saved. Please sign again, or choose to hand the document in at the counter.</translation>
    </message>
    <message>
        <source>此项材料不能以承诺代替。</source>
        <translation>This document cannot be replaced by a commitment.</translation>
    </message>
    <message>
        <source>承诺书内容有误，请返回重新签署。</source>
        <translation>The commitment text does not match. Please go back and sign it again.</translation>
    </message>
    <message>
        <source>还有材料没有选择办理方式：请为“免提交”材料选择同意查询或自行提供，为每项“可承诺”材料选择签署承诺或到窗口提交。</source>
        <translation>Some materials have no choice yet: for the “no need to submit” materials, agree to the lookup or provide them yourself; for each “commitment” material, sign the commitment or hand it in at the window.</translation>
    </message>
    <message>
        <source>暂时连不上数据共享平台，没有核验的材料请到窗口提交，或稍后点“重新核验”。</source>
        <translation>The data-sharing platform cannot be reached right now. Hand in the materials not verified at the window, or tap “Check again” later.</translation>
    </message>
    <message>
        <source>此项材料由部门通过数据共享获取，您无需提交。</source>
        <translation>The department fetches this by data sharing; you do not need to provide it.</translation>
    </message>
    <message>
        <source>请先勾选“委托人已阅读并同意以上授权委托内容”，再请委托人签名。</source>
        <translation>First tick “The principal has read and agrees to this authorisation”, then ask the principal to sign.</translation>
    </message>
    <message>
        <source>代办人的身份证已在本机读取核验，无需再提交。</source>
        <translation>The agent&apos;s ID card was read and checked at this terminal; nothing more to hand in.</translation>
    </message>
    <message>
        <source>只有读取了被代办人身份证、被代办人在场时，才能在屏幕上签署授权委托书；请扫描纸质授权委托书，或到窗口出示。</source>
        <translation>The power of attorney can be signed on screen only when the principal is here and their ID card was read. Please scan the signed paper authorisation, or show it at the window.</translation>
    </message>
    <message>
        <source>高拍仪暂时无法使用，请选择到窗口提交。</source>
        <translation>The document camera is not available right now. Please choose to hand this in at the window.</translation>
    </message>
    <message>
        <source>还没有拍照，请先按“拍照”。</source>
        <translation>No photo yet. Please press &quot;Take photo&quot; first.</translation>
    </message>
    <message>
        <source>页数超过本材料的上限，请删除多余的页。</source>
        <translation>Too many pages for this material. Please delete the extra pages.</translation>
    </message>
    <message>
        <source>申请未能提交，您的申请没有保存。请到窗口办理。</source>
        <translation>The application could not be submitted and was not saved. Please go to a service window.</translation>
    </message>
    <message>
        <source>提交未成功，您的申请没有保存。请重试或到窗口办理。</source>
        <translation>Submitting failed and the application was not saved. Please try again or go to a service window.</translation>
    </message>
    <message>
        <source>终端存储空间已满，您的申请没有保存，已提交的申请不受影响。请到窗口办理，并告知工作人员。</source>
        <translation>This terminal&apos;s storage is full: your application was not saved (applications already submitted are not affected). Please apply at a service window and tell the staff.</translation>
    </message>
    <message>
        <source>扫描的材料文件过大，您的申请没有保存。请减少页数后重新扫描，或到窗口提交。</source>
        <translation>A scanned material is too large: your application was not saved. Please scan it again with fewer pages, or hand it in at a service window.</translation>
    </message>
    <message>
        <source>有一份扫描材料是空的，您的申请没有保存。请重新扫描该材料。</source>
        <translation>One scanned material is empty: your application was not saved. Please scan that material again.</translation>
    </message>
    <message>
        <source>网络暂时不通，现在无法预约。请稍后再试，或到窗口咨询。</source>
        <translation>The network is down, so appointments cannot be booked now. Please try later or ask at a service window.</translation>
    </message>
    <message>
        <source>该时段已约满，请选择其他时段。</source>
        <translation>This slot is full. Please choose another one.</translation>
    </message>
    <message>
        <source>该时段已不能预约，请重新选择。</source>
        <translation>This slot can no longer be booked. Please choose again.</translation>
    </message>
    <message>
        <source>该时段已经开始，请选择其他时段。</source>
        <translation>This time slot has already begun. Please choose another one.</translation>
    </message>
    <message>
        <source>该事项不提供预约。</source>
        <translation>This service takes no appointments.</translation>
    </message>
    <message>
        <source>预约未成功，请稍后再试或到窗口咨询。</source>
        <translation>The booking did not go through. Please try later or ask at a service window.</translation>
    </message>
    <message>
        <source>请至少选择一项不满意的原因。</source>
        <translation>Please choose at least one reason.</translation>
    </message>
    <message>
        <source>本次服务已经评价过了，感谢您的反馈。</source>
        <translation>This visit has already been rated. Thank you for your feedback.</translation>
    </message>
    <message>
        <source>留言过长，请精简到1000字以内。</source>
        <translation>The comment is too long; please keep it under 1000 characters.</translation>
    </message>
    <message>
        <source>请先选择满意程度。</source>
        <translation>Please choose how satisfied you are first.</translation>
    </message>
    <message>
        <source>评价未能保存，请重试。</source>
        <translation>The rating could not be saved. Please try again.</translation>
    </message>
    <message>
        <source>操作未成功，请重试或咨询现场工作人员。</source>
        <translation>That did not work. Please try again or ask the hall staff.</translation>
    </message>
</context>
<context>
    <name>ApplyFormPage</name>
    <message>
        <source>请填写申请表。带“来自证件”标记的信息已自动填入。</source>
        <translation>Please fill in the form. Entries marked &quot;From ID card&quot; are already filled in.</translation>
    </message>
    <message>
        <source>填写申请表</source>
        <translation>Fill in the form</translation>
    </message>
    <message>
        <source>年-月-日，如 2024-05-01</source>
        <translation>Year-month-day, e.g. 2024-05-01</translation>
    </message>
    <message>
        <source>11位手机号或带区号的固定电话</source>
        <translation>11-digit mobile or landline with area code</translation>
    </message>
    <message>
        <source>18位身份证号码</source>
        <translation>18-character ID number</translation>
    </message>
    <message>
        <source>金额（元），如 1280.50</source>
        <translation>Amount in yuan, e.g. 1280.50</translation>
    </message>
    <message>
        <source>请输入数字</source>
        <translation>Enter a number</translation>
    </message>
    <message>
        <source>省市区、街道、门牌号</source>
        <translation>City, district, street, number</translation>
    </message>
    <message>
        <source>此项必须填写。</source>
        <translation>This field is required.</translation>
    </message>
    <message>
        <source>内容过长，请精简。</source>
        <translation>Too long; please shorten it.</translation>
    </message>
    <message>
        <source>格式不正确，请按提示填写。</source>
        <translation>Wrong format; please follow the hint.</translation>
    </message>
    <message>
        <source>请输入数字。</source>
        <translation>Please enter a number.</translation>
    </message>
    <message>
        <source>日期不正确，请按“年-月-日”填写，如 2024-05-01。</source>
        <translation>Invalid date; write year-month-day, e.g. 2024-05-01.</translation>
    </message>
    <message>
        <source>电话号码有误，请输入11位手机号或带区号的固定电话。</source>
        <translation>Invalid phone number; enter an 11-digit mobile or a landline with area code.</translation>
    </message>
    <message>
        <source>请从选项中选择一项。</source>
        <translation>Please choose one of the options.</translation>
    </message>
    <message>
        <source>请选择一项。</source>
        <translation>Please choose one.</translation>
    </message>
    <message>
        <source>请输入金额，最多两位小数，如 1280.50。</source>
        <translation>Enter an amount with at most two decimals, e.g. 1280.50.</translation>
    </message>
    <message>
        <source>超出允许的范围，请核对。</source>
        <translation>Outside the allowed range; please check.</translation>
    </message>
    <message>
        <source>此项需要修改。</source>
        <translation>This entry needs changing.</translation>
    </message>
    <message>
        <source>带“来自证件”标记的信息已从身份证读取，不能修改；其余请如实填写。</source>
        <translation>Entries marked &quot;From ID card&quot; were read from the card and cannot be changed; please fill in the rest truthfully.</translation>
    </message>
    <message>
        <source>请先选择事项并刷身份证。</source>
        <translation>Please choose a service and tap your ID card first.</translation>
    </message>
    <message>
        <source>（选填）</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <source>来自证件</source>
        <translation>From ID card</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>上门办理信息</source>
        <translation>Home visit details</translation>
    </message>
    <message>
        <source>工作人员将按以下地址和电话与您联系，约定上门时间。</source>
        <translation>Staff will call you at this number to arrange a visit to this address.</translation>
    </message>
    <message>
        <source>完成修改，返回核对</source>
        <translation>Done, back to review</translation>
    </message>
    <message>
        <source>上门地址</source>
        <translation>Address for the visit</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>上门联系电话</source>
        <translation>Phone for the home visit</translation>
    </message>
    <message>
        <source>取消办理</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>ApplyMaterialsPage</name>
    <message>
        <source>申请材料</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>本人承诺：%1。%2。</source>
        <translation>I promise: %1. %2.</translation>
    </message>
    <message>
        <source>已核验，无需提交</source>
        <translation>Verified, nothing to submit</translation>
    </message>
    <message>
        <source>待核验</source>
        <translation>Not checked yet</translation>
    </message>
    <message>
        <source>请选择提供方式</source>
        <translation>choose how to provide it</translation>
    </message>
    <message>
        <source>已扫描上传</source>
        <translation>scanned and uploaded</translation>
    </message>
    <message>
        <source>暂时无法核验：%1</source>
        <translation>Cannot be checked now: %1</translation>
    </message>
    <message>
        <source>自行提供：%1</source>
        <translation>You provide it: %1</translation>
    </message>
    <message>
        <source>未查到：%1</source>
        <translation>Not found: %1</translation>
    </message>
    <message>
        <source>原件</source>
        <translation>original</translation>
    </message>
    <message>
        <source>复印件</source>
        <translation>copy</translation>
    </message>
    <message>
        <source>原件及复印件</source>
        <translation>original and copy</translation>
    </message>
    <message>
        <source>电子件</source>
        <translation>electronic</translation>
    </message>
    <message>
        <source>%1 %2 份</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>确认申请材料</source>
        <translation>Check the documents</translation>
    </message>
    <message>
        <source>请先填写申请表。</source>
        <translation>Please fill in the form first.</translation>
    </message>
    <message>
        <source>免提交（%1 项）</source>
        <translation>Not needed (%1)</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>可承诺（%1 项）</source>
        <translation>Commitment allowed (%1)</translation>
    </message>
    <message>
        <source>您可以签署书面承诺代替以下证明，也可以选择到窗口提交。</source>
        <translation>You can sign a written commitment instead of these proofs, or hand them in at the window.</translation>
    </message>
    <message>
        <source>我已阅读并同意以上承诺</source>
        <translation>I have read and agree to this commitment</translation>
    </message>
    <message>
        <source>签署承诺</source>
        <translation>Sign commitment</translation>
    </message>
    <message>
        <source>到窗口提交</source>
        <translation>Hand in at window</translation>
    </message>
    <message>
        <source>扫描上传</source>
        <translation>Scan and upload</translation>
    </message>
    <message>
        <source>已签署承诺</source>
        <translation>Commitment signed</translation>
    </message>
    <message>
        <source>已扫描 %1 页</source>
        <translation>Scanned, %1 page(s)</translation>
    </message>
    <message>
        <source>将到窗口提交</source>
        <translation>To hand in at window</translation>
    </message>
    <message>
        <source>请确认申请材料。免提交的材料，同意查询后由大厅通过数据共享核验；可承诺的材料可以签署承诺书代替。</source>
        <translation>Please confirm the materials. Materials marked no need to submit are verified by the hall through data sharing once you agree; for a commitment material you may sign a commitment instead.</translation>
    </message>
    <message>
        <source>以下材料可以由大厅通过政务数据共享，查询被代办人的电子证照，查到的无需提交。查询只用于本次申请，屏幕和回执上不显示完整证照号码。是否同意查询？</source>
        <translation>The hall can look up the following materials as electronic licences of the person you apply for, through government data sharing; whatever is found need not be submitted. The lookup is used for this application only, and no full licence number is shown on screen or on the receipt. Do you agree to the lookup?</translation>
    </message>
    <message>
        <source>以下材料可以由大厅通过政务数据共享，查询您本人的电子证照，查到的无需提交。查询只用于本次申请，屏幕和回执上不显示完整证照号码。是否同意查询？</source>
        <translation>The hall can look up the following materials as your own electronic licences, through government data sharing; whatever is found need not be submitted. The lookup is used for this application only, and no full licence number is shown on screen or on the receipt. Do you agree to the lookup?</translation>
    </message>
    <message>
        <source>同意查询</source>
        <translation>Agree to the lookup</translation>
    </message>
    <message>
        <source>不同意，自己提供</source>
        <translation>No, I will provide them</translation>
    </message>
    <message>
        <source>正在通过数据共享核验，请稍候……</source>
        <translation>Checking through data sharing, please wait…</translation>
    </message>
    <message>
        <source>证照编号 %1，%2</source>
        <translation>Licence no. %1, %2</translation>
    </message>
    <message>
        <source>数据共享没有查到这项材料，请按办事指南提供。</source>
        <translation>Data sharing does not hold this material; please provide it as the guide says.</translation>
    </message>
    <message>
        <source>重新核验</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>代办材料（%1 项）</source>
        <translation>Agent&apos;s papers (%1)</translation>
    </message>
    <message>
        <source>委托人在场：可以请委托人阅读下面的授权委托书，并在屏幕上签名，无需再交纸质委托书。</source>
        <translation>The principal is here: they can read the power of attorney below and sign it on screen; no paper authorisation is needed.</translation>
    </message>
    <message>
        <source>委托人已阅读并同意以上授权委托内容</source>
        <translation>The principal has read and agrees to this authorisation</translation>
    </message>
    <message>
        <source>已读卡核验</source>
        <translation>Card read and checked</translation>
    </message>
    <message>
        <source>委托人已签署</source>
        <translation>Signed by the principal</translation>
    </message>
    <message>
        <source>将到窗口出示</source>
        <translation>To show at the window</translation>
    </message>
    <message>
        <source>委托人签名</source>
        <translation>Principal signs</translation>
    </message>
    <message>
        <source>改为到窗口出示</source>
        <translation>Show at the window instead</translation>
    </message>
    <message>
        <source>需提交（%1 项）</source>
        <translation>To hand in (%1)</translation>
    </message>
    <message>
        <source>以下材料可以现在用高拍仪扫描上传；不扫描的，请带到窗口提交，回执上会列出。</source>
        <translation>You can scan the materials below now with the document camera; whatever you do not scan, please bring to the window. The receipt will list it.</translation>
    </message>
    <message>
        <source>以下材料请带到窗口提交，回执上会列出。</source>
        <translation>Please bring these to the window; the receipt lists them.</translation>
    </message>
    <message>
        <source>重新扫描</source>
        <translation>Scan again</translation>
    </message>
    <message>
        <source>改为到窗口提交</source>
        <translation>Hand in at the window instead</translation>
    </message>
    <message>
        <source>形式：%1</source>
        <translation>Form: %1</translation>
    </message>
    <message>
        <source>示范文本：%1</source>
        <translation>Sample: %1</translation>
    </message>
    <message>
        <source>常见错误：%1</source>
        <translation>Common mistake: %1</translation>
    </message>
    <message>
        <source>取消办理</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>下一步：核对</source>
        <translation>Next: check</translation>
    </message>
</context>
<context>
    <name>ApplyPage</name>
    <message>
        <source>请选择要办理的事项，可输入名称搜索。</source>
        <translation>Please choose the service to apply for; you can type its name to search.</translation>
    </message>
    <message>
        <source>我要办理：选择事项</source>
        <translation>Apply: choose a service</translation>
    </message>
    <message>
        <source>我要办理</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>输入事项名称筛选，如：社保卡</source>
        <translation>Type to filter, e.g. social security card</translation>
    </message>
    <message>
        <source>筛选可办理事项</source>
        <translation>Filter the services</translation>
    </message>
    <message>
        <source>以下 %1 项可在本终端自助申请</source>
        <translation>%1 services can be applied for at this terminal</translation>
    </message>
    <message>
        <source>没有找到“%1”，换个说法试试</source>
        <translation>Nothing found for &quot;%1&quot;; try other words</translation>
    </message>
    <message>
        <source>正在加载可办理事项……</source>
        <translation>Loading the services…</translation>
    </message>
    <message>
        <source>请选择办理方式：</source>
        <translation>How do you want to apply?</translation>
    </message>
    <message>
        <source>本人办理</source>
        <translation>For myself</translation>
    </message>
    <message>
        <source>代他人办理（代办）</source>
        <translation>For someone else (as their agent)</translation>
    </message>
    <message>
        <source>申请上门办理（老年人、残疾人）</source>
        <translation>Request a home visit (elderly, disabled)</translation>
    </message>
    <message>
        <source>预约到窗口办理</source>
        <translation>Book a window appointment</translation>
    </message>
    <message>
        <source>重新选择事项</source>
        <translation>Choose another service</translation>
    </message>
</context>
<context>
    <name>ApplyPrincipalPage</name>
    <message>
        <source>请选择您与被代办人的关系和授权方式，再输入被代办人的姓名和身份证号码，或刷被代办人的身份证。</source>
        <translation>Choose your relationship and how you are authorised, then enter the person&apos;s name and ID number, or tap their ID card.</translation>
    </message>
    <message>
        <source>被代办人信息</source>
        <translation>Person applied for</translation>
    </message>
    <message>
        <source>子女</source>
        <translation>Child</translation>
    </message>
    <message>
        <source>配偶</source>
        <translation>Spouse</translation>
    </message>
    <message>
        <source>父母</source>
        <translation>Parent</translation>
    </message>
    <message>
        <source>其他亲属</source>
        <translation>Other relative</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>授权委托书</source>
        <translation>Power of attorney</translation>
    </message>
    <message>
        <source>监护关系</source>
        <translation>Guardianship</translation>
    </message>
    <message>
        <source>关系与授权方式</source>
        <translation>Relationship and authorisation</translation>
    </message>
    <message>
        <source>代办信息</source>
        <translation>Acting for someone</translation>
    </message>
    <message>
        <source>被代办人与授权</source>
        <translation>Person and authorisation</translation>
    </message>
    <message>
        <source>代办人：%1（已刷身份证）</source>
        <translation>Agent: %1 (ID card read)</translation>
    </message>
    <message>
        <source>您与被代办人的关系</source>
        <translation>Your relationship to the person</translation>
    </message>
    <message>
        <source>授权方式</source>
        <translation>Authorisation</translation>
    </message>
    <message>
        <source>方式一：输入被代办人信息</source>
        <translation>Option 1: enter the person&apos;s details</translation>
    </message>
    <message>
        <source>被代办人姓名</source>
        <translation>Person&apos;s name</translation>
    </message>
    <message>
        <source>被代办人身份证号码（18位）</source>
        <translation>Person&apos;s ID number (18 characters)</translation>
    </message>
    <message>
        <source>被代办人身份证号码</source>
        <translation>Person&apos;s ID number</translation>
    </message>
    <message>
        <source>被代办人在场并读取其身份证的，可以当场在屏幕上签署授权委托书；也可以用高拍仪扫描纸质授权委托书或监护关系证明，或到窗口时出示。</source>
        <translation>If the person you act for is here and their ID card is read, they can sign the power of attorney on screen. You can also scan a paper authorisation or proof of guardianship with the document camera, or show it at the window.</translation>
    </message>
    <message>
        <source>确认，下一步</source>
        <translation>Confirm — next</translation>
    </message>
    <message>
        <source>方式二：刷被代办人的身份证</source>
        <translation>Option 2: tap the person&apos;s ID card</translation>
    </message>
    <message>
        <source>如您带着被代办人的身份证，可直接刷卡读取，无需输入。</source>
        <translation>If you have the person&apos;s ID card, tap it; nothing to type.</translation>
    </message>
    <message>
        <source>刷被代办人身份证</source>
        <translation>Tap the person&apos;s ID card</translation>
    </message>
    <message>
        <source>取消办理</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ApplyReceiptPage</name>
    <message>
        <source>申请已受理，请取走回执。</source>
        <translation>Your application was accepted. Please take your receipt.</translation>
    </message>
    <message>
        <source>申请已提交，请取走回执，并按回执携带材料。</source>
        <translation>Your application has been submitted. Please take the receipt and bring the materials it lists.</translation>
    </message>
    <message>
        <source>受理回执</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>申请回执（预受理）</source>
        <translation>Application receipt (pre-acceptance)</translation>
    </message>
    <message>
        <source>即办</source>
        <translation>on the spot</translation>
    </message>
    <message>
        <source>%1 个自然日</source>
        <translation>%1 calendar days</translation>
    </message>
    <message>
        <source>%1 个工作日</source>
        <translation>%1 working days</translation>
    </message>
    <message>
        <source>%1年%2月%3日</source>
        <translation>%2/%3/%1</translation>
    </message>
    <message>
        <source>工作人员将电话联系您，约定上门办理时间。</source>
        <translation>Staff will call you to arrange the home visit.</translation>
    </message>
    <message>
        <source>请携带上述材料到%1提交。</source>
        <translation>Please bring the documents above to %1.</translation>
    </message>
    <message>
        <source>办事窗口</source>
        <translation>a service window</translation>
    </message>
    <message>
        <source>材料已齐全，无需再到现场。办理进度可扫描回执上的二维码或凭受理编号查询。</source>
        <translation>Nothing more is needed and you need not come back. Check progress with the QR code on the receipt or the receipt number.</translation>
    </message>
    <message>
        <source>还没有受理回执。</source>
        <translation>No receipt yet.</translation>
    </message>
    <message>
        <source>申请已受理</source>
        <translation>Application accepted</translation>
    </message>
    <message>
        <source>申请已提交，材料齐全后正式受理</source>
        <translation>Submitted: accepted once the materials are complete</translation>
    </message>
    <message>
        <source>受理编号</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>申请编号</source>
        <translation>Application number</translation>
    </message>
    <message>
        <source>受理编号 %1</source>
        <translation>Receipt number %1</translation>
    </message>
    <message>
        <source>已送达办理部门，办件编号：%1</source>
        <translation>Delivered to the department, case number: %1</translation>
    </message>
    <message>
        <source>办件编号是办理部门为您这件事编的号，电话咨询或到窗口询问时可报此号；查询进度凭受理编号即可。</source>
        <translation>The case number is the department&apos;s number for your application; quote it when you call or ask at a window. To check progress, the receipt number is enough.</translation>
    </message>
    <message>
        <source>申请人：%1</source>
        <translation>Applicant: %1</translation>
    </message>
    <message>
        <source>代办人：%1</source>
        <translation>Agent: %1</translation>
    </message>
    <message>
        <source>预计办结：%1（%2）</source>
        <translation>Expected done by: %1 (%2)</translation>
    </message>
    <message>
        <source>承诺办结：%1（%2）</source>
        <translation>Done by: %1 (%2)</translation>
    </message>
    <message>
        <source>国务院节假日安排尚未公布，办结日期按法定节假日预计，以正式安排为准</source>
        <translation>The State Council has not yet published next year&apos;s holiday arrangement; the date is estimated from the statutory holidays and may change.</translation>
    </message>
    <message>
        <source>办理时限自材料齐全、正式受理之日起计算。</source>
        <translation>The time limit starts on the day the materials are complete and the application is accepted.</translation>
    </message>
    <message>
        <source>已承诺：%1</source>
        <translation>Commitment signed: %1</translation>
    </message>
    <message>
        <source>下一步</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>办理窗口：%1（取号 %2 字头）</source>
        <translation>Window: %1 (tickets starting with %2)</translation>
    </message>
    <message>
        <source>现在取号（%1）</source>
        <translation>Take a ticket now (%1)</translation>
    </message>
    <message>
        <source>咨询电话：%1</source>
        <translation>Enquiries: %1</translation>
    </message>
    <message>
        <source>正在打印回执……</source>
        <translation>Printing the receipt…</translation>
    </message>
    <message>
        <source>回执已打印，请在出纸口取走</source>
        <translation>Receipt printed; please take it from the slot</translation>
    </message>
    <message>
        <source>打印机缺纸，回执未打印。申请已受理，请记下受理编号，并联系工作人员补打。</source>
        <translation>The printer is out of paper and the receipt was not printed. Your application was accepted: note the receipt number and ask staff for a copy.</translation>
    </message>
    <message>
        <source>回执未能打印。申请已受理，请记下受理编号，并联系工作人员补打。</source>
        <translation>The receipt could not be printed. Your application was accepted: note the receipt number and ask staff for a copy.</translation>
    </message>
    <message>
        <source>重新打印回执</source>
        <translation>Print the receipt again</translation>
    </message>
    <message>
        <source>办理其他事项</source>
        <translation>Apply for another</translation>
    </message>
    <message>
        <source>评价本次服务</source>
        <translation>Rate this service</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>回执打印预览（演示模式）</source>
        <translation>Receipt print preview (demo mode)</translation>
    </message>
    <message>
        <source>回执打印预览</source>
        <translation>Receipt print preview</translation>
    </message>
    <message>
        <source>关闭预览</source>
        <translation>Close preview</translation>
    </message>
</context>
<context>
    <name>ApplyReviewPage</name>
    <message>
        <source>请核对申请信息，无误后点击确认提交。</source>
        <translation>Please check your application and tap Submit if it is correct.</translation>
    </message>
    <message>
        <source>核对申请信息</source>
        <translation>Check your application</translation>
    </message>
    <message>
        <source>是</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <source>核对信息</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>核对并提交</source>
        <translation>Check and submit</translation>
    </message>
    <message>
        <source>还没有要核对的申请。</source>
        <translation>Nothing to check yet.</translation>
    </message>
    <message>
        <source>申请人</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <source>修改</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>申请人：%1</source>
        <translation>Applicant: %1</translation>
    </message>
    <message>
        <source>证件号码：%1</source>
        <translation>ID number: %1</translation>
    </message>
    <message>
        <source>代办人：%1</source>
        <translation>Agent: %1</translation>
    </message>
    <message>
        <source>上门办理</source>
        <translation>Home visit</translation>
    </message>
    <message>
        <source>已申请上门办理，工作人员将电话联系您。</source>
        <translation>Home visit requested; staff will call you.</translation>
    </message>
    <message>
        <source>上门地址：%1</source>
        <translation>Home address: %1</translation>
    </message>
    <message>
        <source>联系电话：%1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <source>申请表</source>
        <translation>Form</translation>
    </message>
    <message>
        <source>申请材料</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>已核验（数据共享，免提交）：%1</source>
        <translation>Verified (data sharing, nothing to submit): %1</translation>
    </message>
    <message>
        <source>已承诺：%1</source>
        <translation>Commitment signed: %1</translation>
    </message>
    <message>
        <source>委托人已现场签署：%1</source>
        <translation>Signed here by the principal: %1</translation>
    </message>
    <message>
        <source>已读卡核验：%1</source>
        <translation>Card read and checked: %1</translation>
    </message>
    <message>
        <source>已扫描上传：%1</source>
        <translation>Scanned and uploaded: %1</translation>
    </message>
    <message>
        <source>%1（%2 页）</source>
        <translation>%1 (%2 page(s))</translation>
    </message>
    <message>
        <source>需到窗口提交：%1</source>
        <translation>To hand in at the window: %1</translation>
    </message>
    <message>
        <source>正在提交，请稍候……</source>
        <translation>Submitting, please wait…</translation>
    </message>
    <message>
        <source>取消办理</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>确认提交</source>
        <translation>Submit</translation>
    </message>
</context>
<context>
    <name>ApplyScanPage</name>
    <message>
        <source>请把材料平放在框内，然后按“拍照”。</source>
        <translation>Lay the document flat inside the frame, then press &quot;Take photo&quot;.</translation>
    </message>
    <message>
        <source>扫描上传</source>
        <translation>Scan and upload</translation>
    </message>
    <message>
        <source>没有找到材料。请放平材料，把材料放在框内后重拍。</source>
        <translation>No document found. Lay it flat inside the frame and take the photo again.</translation>
    </message>
    <message>
        <source>材料不完整或太小。请把材料放在框内，尽量占满框后重拍。</source>
        <translation>The document is cut off or too small. Put it inside the frame, filling as much of it as possible, and take the photo again.</translation>
    </message>
    <message>
        <source>画面模糊，请保持不动，再按“拍照”。</source>
        <translation>The picture is blurred. Please hold still and press &quot;Take photo&quot; again.</translation>
    </message>
    <message>
        <source>有反光。请避开反光（稍微移动材料，或用手挡住灯光）后重拍。</source>
        <translation>There is glare. Please avoid the reflection (move the document a little, or shade it from the light) and take the photo again.</translation>
    </message>
    <message>
        <source>拍照未成功，请再按一次“拍照”。</source>
        <translation>The photo did not work. Please press &quot;Take photo&quot; once more.</translation>
    </message>
    <message>
        <source>正在扫描：%1</source>
        <translation>Scanning: %1</translation>
    </message>
    <message>
        <source>每拍一页按一次“拍照”，本材料最多 %1 页。拍完后按“完成”。</source>
        <translation>Press &quot;Take photo&quot; once for each page, up to %1 pages for this material. Press &quot;Done&quot; when finished.</translation>
    </message>
    <message>
        <source>高拍仪暂时无法使用</source>
        <translation>The document camera is not available right now</translation>
    </message>
    <message>
        <source>请选择把这项材料带到窗口提交，或取号到人工窗口办理。工作人员修复后即可继续扫描。</source>
        <translation>Please choose to bring this material to the window, or take a ticket for a staffed window. Scanning works again once staff have fixed the camera.</translation>
    </message>
    <message>
        <source>改为到窗口提交</source>
        <translation>Hand in at the window instead</translation>
    </message>
    <message>
        <source>高拍仪画面，请把材料放在框内</source>
        <translation>Document camera picture; put the document inside the frame</translation>
    </message>
    <message>
        <source>正在打开高拍仪……</source>
        <translation>Opening the document camera…</translation>
    </message>
    <message>
        <source>正在拍照，请保持不动……</source>
        <translation>Taking the photo, please hold still…</translation>
    </message>
    <message>
        <source>请把材料平放在黄色框内</source>
        <translation>Lay the document flat inside the yellow frame</translation>
    </message>
    <message>
        <source>已达到本材料的页数上限（%1 页）。如需重拍，请点某一页的“重拍”。</source>
        <translation>This material&apos;s page limit (%1 pages) is reached. To take a page again, press &quot;Retake&quot; on that page.</translation>
    </message>
    <message>
        <source>第 %1 页</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <source>第 %1 页（重拍中）</source>
        <translation>Page %1 (retaking)</translation>
    </message>
    <message>
        <source>取消重拍</source>
        <translation>Cancel retake</translation>
    </message>
    <message>
        <source>重拍</source>
        <translation>Retake</translation>
    </message>
    <message>
        <source>重拍第 %1 页</source>
        <translation>Retake page %1</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>删除第 %1 页</source>
        <translation>Delete page %1</translation>
    </message>
    <message>
        <source>演示：平放</source>
        <translation>Demo: lying flat</translation>
    </message>
    <message>
        <source>演示：斜放</source>
        <translation>Demo: at an angle</translation>
    </message>
    <message>
        <source>演示：模糊</source>
        <translation>Demo: blurred</translation>
    </message>
    <message>
        <source>演示：反光</source>
        <translation>Demo: glare</translation>
    </message>
    <message>
        <source>拍照</source>
        <translation>Take photo</translation>
    </message>
    <message>
        <source>完成（%1 页）</source>
        <translation>Done (%1 page(s))</translation>
    </message>
</context>
<context>
    <name>ApplySignPage</name>
    <message>
        <source>请委托人阅读授权委托书，然后在下方框内用手指签上委托人的姓名，再点确认签名。</source>
        <translation>Principal, please read the power of attorney, sign your name with a finger in the box below, then tap Confirm signature.</translation>
    </message>
    <message>
        <source>请阅读承诺内容，然后在下方框内用手指签上您的姓名，再点确认签名。</source>
        <translation>Please read the commitment, sign your name with your finger in the box below, then tap Confirm.</translation>
    </message>
    <message>
        <source>委托人签署授权委托书</source>
        <translation>Principal signs the power of attorney</translation>
    </message>
    <message>
        <source>签署承诺书：%1</source>
        <translation>Sign the commitment: %1</translation>
    </message>
    <message>
        <source>签署承诺书</source>
        <translation>Sign the commitment</translation>
    </message>
    <message>
        <source>材料：%1</source>
        <translation>Document: %1</translation>
    </message>
    <message>
        <source>请委托人本人签名。签名后，授权委托书将连同签名、签署时间和终端编号一并提交。</source>
        <translation>The principal signs in person. The power of attorney is submitted with the signature, the time of signing and the terminal number.</translation>
    </message>
    <message>
        <source>签名后，承诺书将连同您的签名、签署时间和终端编号一并提交。</source>
        <translation>Once signed, the commitment is submitted with your signature, the time of signing and the terminal number.</translation>
    </message>
    <message>
        <source>正在生成承诺书，请稍候……</source>
        <translation>Preparing the signed commitment, please wait…</translation>
    </message>
    <message>
        <source>正在生成授权委托书，请稍候……</source>
        <translation>Making the power of attorney, please wait…</translation>
    </message>
</context>
<context>
    <name>ApplyStepBar</name>
    <message>
        <source>第 %1 步 / 共 %2 步：%3</source>
        <translation>Step %1 of %2: %3</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <source>点击开始</source>
        <translation>Tap to start</translation>
    </message>
    <message>
        <source>点击屏幕开始，或将身份证放在感应区</source>
        <translation>Tap the screen to start, or place your ID card on the reader</translation>
    </message>
    <message>
        <source>欢迎使用政务服务自助终端</source>
        <translation>Welcome to the government services self-service terminal</translation>
    </message>
    <message>
        <source>读卡区</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <source>身份证</source>
        <translation>ID card</translation>
    </message>
    <message>
        <source>请刷身份证</source>
        <translation>Please tap your ID card</translation>
    </message>
    <message>
        <source>或点击屏幕开始</source>
        <translation>or tap the screen to start</translation>
    </message>
    <message>
        <source>大字 · 关怀模式</source>
        <translation>Large text · Elder mode</translation>
    </message>
    <message>
        <source>开启关怀模式：大字、少选项、更长的操作时间</source>
        <translation>Switch on elder mode: large text, fewer choices, more time</translation>
    </message>
</context>
<context>
    <name>Badge</name>
    <message>
        <source>点击查看说明</source>
        <translation>Tap for an explanation</translation>
    </message>
    <message>
        <source>在本终端或网上就能办完，不用再到窗口。</source>
        <translation>Can be done entirely at this terminal or online; no trip to a window.</translation>
    </message>
    <message>
        <source>办完这件事还需要到大厅窗口的次数；0 次就是不用去窗口。</source>
        <translation>How many times you still need to come to a window in the hall; 0 means no visit at all.</translation>
    </message>
    <message>
        <source>在本市任何一个政务服务大厅都能办，不必回户籍地或指定大厅。</source>
        <translation>Can be handled at any service hall in the city, not only where your household is registered.</translation>
    </message>
    <message>
        <source>可以先约好到窗口的日期和时段，到时凭身份证签到，少排队。</source>
        <translation>You can book a day and time at the window, then check in with your ID card and wait less.</translation>
    </message>
    <message>
        <source>本人来不了时，可请他人代为办理；代办人需带上自己和您的身份证件，以及授权委托书等证明。</source>
        <translation>If you cannot come, someone else may apply for you; they bring their own and your ID, and a power of attorney or similar proof.</translation>
    </message>
    <message>
        <source>行动不便的老年人、残疾人可以申请工作人员上门办理。</source>
        <translation>Elderly or disabled people who cannot easily come may ask for staff to visit them at home.</translation>
    </message>
    <message>
        <source>几个部门同时审批这件事，不用您一个部门一个部门地跑。</source>
        <translation>Several departments handle the case at the same time, so you do not go from one department to the next.</translation>
    </message>
    <message>
        <source>部门承诺办完的期限，按工作日计算，不超过法律规定的期限（法定时限）。</source>
        <translation>The time the department promises to finish in, in working days; never longer than the statutory time limit.</translation>
    </message>
    <message>
        <source>部门没有在承诺的期限内办完，您可以拨打咨询电话或投诉。</source>
        <translation>The department did not finish within the promised time; you may call the help line or file a complaint.</translation>
    </message>
    <message>
        <source>部门通过数据共享直接取得这份材料，您不用带。</source>
        <translation>The department gets this document through data sharing; you do not need to bring it.</translation>
    </message>
    <message>
        <source>可以签一份告知承诺书代替这份证明，不用另去开证明。</source>
        <translation>You may sign a written commitment instead of obtaining this certificate.</translation>
    </message>
    <message>
        <source>在自助终端办理前，请对着摄像头做人脸识别，确认是身份证本人在办。不便使用摄像头的，可以到人工窗口办理。</source>
        <translation>Before doing this at the terminal, look into the camera for a face check that confirms you are the ID card holder. If you cannot use the camera, a staffed window can help you.</translation>
    </message>
    <message>
        <source>知道了</source>
        <translation>Got it</translation>
    </message>
</context>
<context>
    <name>CertificateListPage</name>
    <message>
        <source>请选择要打印的证明。</source>
        <translation>Please choose the certificate to print.</translation>
    </message>
    <message>
        <source>自助打印证明</source>
        <translation>Print certificates</translation>
    </message>
    <message>
        <source>%1 可打印的证明，共 %2 种</source>
        <translation>Certificates %1 can print: %2</translation>
    </message>
    <message>
        <source>没有查到您可以在本终端打印的证明。</source>
        <translation>No certificates of yours can be printed at this terminal.</translation>
    </message>
    <message>
        <source>如需开具证明，请到人工窗口咨询办理。</source>
        <translation>To get a certificate, please ask at a staffed window.</translation>
    </message>
    <message>
        <source>正在查询，请稍候……</source>
        <translation>Searching, please wait…</translation>
    </message>
    <message>
        <source>证明上印有核验码和二维码，任何人都可据此核验真伪。打印前需核对预览。</source>
        <translation>Each certificate carries a verification code and a QR code anyone can use to check it. Please check the preview before printing.</translation>
    </message>
</context>
<context>
    <name>CertificatePrintPage</name>
    <message>
        <source>打印完成，请取走您的证明。</source>
        <translation>Printed. Please take your certificate.</translation>
    </message>
    <message>
        <source>请核对证明预览，确认无误后点击打印。</source>
        <translation>Please check the preview, then tap Print.</translation>
    </message>
    <message>
        <source>打印证明</source>
        <translation>Print a certificate</translation>
    </message>
    <message>
        <source>正在打印，请稍候……</source>
        <translation>Printing, please wait…</translation>
    </message>
    <message>
        <source>正在生成证明预览……</source>
        <translation>Preparing the preview…</translation>
    </message>
    <message>
        <source>预览中的个人信息已部分隐藏，打印出的证明内容完整。</source>
        <translation>Personal details are partly hidden in the preview; the printed certificate is complete.</translation>
    </message>
    <message>
        <source>请取走您的证明</source>
        <translation>Please take your certificate</translation>
    </message>
    <message>
        <source>证明已从下方出纸口打印出来，请妥善保管。</source>
        <translation>The certificate has come out of the paper slot below. Please keep it safe.</translation>
    </message>
    <message>
        <source>核验码：%1</source>
        <translation>Verification code: %1</translation>
    </message>
    <message>
        <source>扫描证明上的二维码或凭核验码，可核验证明的真实性。</source>
        <translation>Scan the QR code on the certificate or use its verification code to check that it is genuine.</translation>
    </message>
    <message>
        <source>证明没有打印出来。您可以稍后重试，或到人工窗口办理。</source>
        <translation>The certificate was not printed. You can try again later, or go to a staffed window.</translation>
    </message>
    <message>
        <source>证明预览</source>
        <translation>Certificate preview</translation>
    </message>
    <message>
        <source>打印</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>评价本次服务</source>
        <translation>Rate this service</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>CertificateReason</name>
    <message>
        <source>请先刷身份证。</source>
        <translation>Please place your ID card on the reader first.</translation>
    </message>
    <message>
        <source>网络暂时中断，暂时无法查询和打印证明，请稍后再试或到人工窗口办理。</source>
        <translation>The network is down, so certificates cannot be looked up or printed now. Please try again later or go to a staffed window.</translation>
    </message>
    <message>
        <source>证明系统暂时无法查询，请稍后再试或到人工窗口办理。</source>
        <translation>The certificate system cannot be reached now. Please try again later or go to a staffed window.</translation>
    </message>
    <message>
        <source>没有查到这份证明的信息，请到人工窗口咨询。</source>
        <translation>No record was found for this certificate. Please ask at a staffed window.</translation>
    </message>
    <message>
        <source>打印这份证明前需要先通过人脸识别核验。</source>
        <translation>This certificate can be printed only after a face check.</translation>
    </message>
    <message>
        <source>本终端暂不能打印证明，请到人工窗口办理。</source>
        <translation>This terminal cannot print certificates now. Please go to a staffed window.</translation>
    </message>
    <message>
        <source>终端正在启动，请稍候再试。</source>
        <translation>The terminal is starting up. Please try again in a moment.</translation>
    </message>
    <message>
        <source>打印机缺纸，请联系工作人员添加纸张。</source>
        <translation>The printer is out of paper. Please ask staff to load paper.</translation>
    </message>
    <message>
        <source>打印机卡纸，请联系工作人员处理。</source>
        <translation>The paper is jammed. Please ask staff for help.</translation>
    </message>
    <message>
        <source>打印机盖板未关好，请联系工作人员处理。</source>
        <translation>The printer cover is open. Please ask staff for help.</translation>
    </message>
    <message>
        <source>打印机未连接，请联系工作人员。</source>
        <translation>The printer is not connected. Please ask staff for help.</translation>
    </message>
    <message>
        <source>打印机已暂停使用，请联系工作人员或到人工窗口办理。</source>
        <translation>The printer is paused. Please ask staff, or go to a staffed window.</translation>
    </message>
    <message>
        <source>打印机暂不接受打印任务，请联系工作人员或到人工窗口办理。</source>
        <translation>The printer is not taking jobs now. Please ask staff, or go to a staffed window.</translation>
    </message>
    <message>
        <source>打印未能完成，请联系工作人员。</source>
        <translation>Printing could not be completed. Please ask staff for help.</translation>
    </message>
    <message>
        <source>打印任务已被取消，如需打印请重新操作。</source>
        <translation>The print job was cancelled. To print, please start again.</translation>
    </message>
    <message>
        <source>打印服务暂时无法连接，请稍后再试或到人工窗口办理。</source>
        <translation>The print service cannot be reached. Please try again later or go to a staffed window.</translation>
    </message>
    <message>
        <source>打印机尚未设置，请联系工作人员。</source>
        <translation>The printer has not been set up. Please ask staff for help.</translation>
    </message>
    <message>
        <source>打印时间过长，请联系工作人员。</source>
        <translation>Printing is taking too long. Please ask staff for help.</translation>
    </message>
    <message>
        <source>暂时无法完成，请稍后再试或到人工窗口办理。</source>
        <translation>This cannot be done now. Please try again later or go to a staffed window.</translation>
    </message>
</context>
<context>
    <name>CheckinPage</name>
    <message>
        <source>请选择要签到的预约。</source>
        <translation>Choose the appointment to check in for.</translation>
    </message>
    <message>
        <source>预约签到，请先刷身份证。</source>
        <translation>Appointment check-in: please tap your ID card first.</translation>
    </message>
    <message>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <source>签到时间未到，请于 %1 后再来签到。</source>
        <translation>Check-in is not open yet. Please come back after %1.</translation>
    </message>
    <message>
        <source>已超过签到时间（%1 截止），预约已失效，请改取普通号。</source>
        <translation>Check-in closed at %1 and the appointment has lapsed. Please take a normal number.</translation>
    </message>
    <message>
        <source>这个预约已经签到过了，请留意叫号。</source>
        <translation>You have already checked in for this appointment. Please watch for your number.</translation>
    </message>
    <message>
        <source>没有找到这个预约，请咨询工作人员。</source>
        <translation>This appointment was not found. Please ask the staff.</translation>
    </message>
    <message>
        <source>请先刷身份证。</source>
        <translation>Please tap your ID card first.</translation>
    </message>
    <message>
        <source>终端尚未就绪，请稍候再试。</source>
        <translation>The terminal is not ready yet. Please try again shortly.</translation>
    </message>
    <message>
        <source>暂时无法签到，请稍后再试或咨询工作人员。</source>
        <translation>Check-in is not possible right now. Please try again later or ask the staff.</translation>
    </message>
    <message>
        <source>请刷身份证，查看您今天的预约。</source>
        <translation>Tap your ID card to see your appointments today.</translation>
    </message>
    <message>
        <source>刷身份证</source>
        <translation>Tap ID card</translation>
    </message>
    <message>
        <source>没有带身份证，或读卡不成功：请取号到人工窗口，由工作人员核对预约。</source>
        <translation>No ID card with you, or it cannot be read? Take a ticket for a staffed window; staff will check your appointment.</translation>
    </message>
    <message>
        <source>%1 今天的预约</source>
        <translation>Appointments today for %1</translation>
    </message>
    <message>
        <source>网络暂时中断，以下为 %1 获取的预约信息。</source>
        <translation>The network is down. These appointments were fetched at %1.</translation>
    </message>
    <message>
        <source>网络暂时中断，暂时无法获取预约信息。</source>
        <translation>The network is down. Appointments cannot be fetched right now.</translation>
    </message>
    <message>
        <source>改取普通号</source>
        <translation>Take a normal number</translation>
    </message>
    <message>
        <source>没有查到您今天的预约。如已在其他渠道预约，请咨询工作人员；也可直接取号。</source>
        <translation>No appointment today was found for you. If you booked elsewhere, please ask the staff, or take a number.</translation>
    </message>
    <message>
        <source>预约时段 %1，可签到时间 %2—%3</source>
        <translation>Slot %1, check in from %2 to %3</translation>
    </message>
    <message>
        <source>已签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <source>签到并取号</source>
        <translation>Check in and take a number</translation>
    </message>
</context>
<context>
    <name>ComplainFormPage</name>
    <message>
        <source>请选择投诉类别，填写投诉内容，然后点击提交。</source>
        <translation>Choose a category, describe your complaint, then tap Submit.</translation>
    </message>
    <message>
        <source>填写投诉</source>
        <translation>Your complaint</translation>
    </message>
    <message>
        <source>服务态度</source>
        <translation>Staff attitude</translation>
    </message>
    <message>
        <source>办事效率</source>
        <translation>Slow service</translation>
    </message>
    <message>
        <source>要求额外材料</source>
        <translation>Extra documents demanded</translation>
    </message>
    <message>
        <source>违规收费</source>
        <translation>Improper fees</translation>
    </message>
    <message>
        <source>廉政问题</source>
        <translation>Integrity</translation>
    </message>
    <message>
        <source>设施环境</source>
        <translation>Facilities</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>匿名投诉：已开启</source>
        <translation>Anonymous: on</translation>
    </message>
    <message>
        <source>匿名投诉：已关闭</source>
        <translation>Anonymous: off</translation>
    </message>
    <message>
        <source>匿名：无需刷卡、不留电话，本终端和后台都不保存您的任何个人信息；处理结果只能凭投诉编号查询。</source>
        <translation>Anonymous: no ID card, no phone number. Neither this terminal nor the back office keeps any personal data; check the outcome with your complaint number.</translation>
    </message>
    <message>
        <source>实名投诉需要先刷身份证。</source>
        <translation>A named complaint needs your ID card first.</translation>
    </message>
    <message>
        <source>实名投诉人：%1（%2）</source>
        <translation>Complainant: %1 (%2)</translation>
    </message>
    <message>
        <source>刷身份证</source>
        <translation>Read ID card</translation>
    </message>
    <message>
        <source>投诉类别</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>%1，已选择</source>
        <translation>%1, selected</translation>
    </message>
    <message>
        <source>投诉对象（可不填）</source>
        <translation>About (optional)</translation>
    </message>
    <message>
        <source>所办事项</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>所办事项，如：社会保障卡申领</source>
        <translation>Service, e.g. social security card</translation>
    </message>
    <message>
        <source>窗口号</source>
        <translation>Window no.</translation>
    </message>
    <message>
        <source>工作人员工号</source>
        <translation>Staff no.</translation>
    </message>
    <message>
        <source>投诉内容</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>请写下发生了什么</source>
        <translation>Please describe what happened</translation>
    </message>
    <message>
        <source>联系电话（可不填，用于告知处理结果）</source>
        <translation>Phone (optional, to tell you the outcome)</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>手机或固定电话</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <source>正在提交，请稍候……</source>
        <translation>Submitting, please wait…</translation>
    </message>
    <message>
        <source>提交投诉</source>
        <translation>Submit complaint</translation>
    </message>
</context>
<context>
    <name>ComplainPage</name>
    <message>
        <source>请选择实名投诉或匿名投诉。匿名投诉不需要刷卡，也不保存任何个人信息。</source>
        <translation>Choose a named or an anonymous complaint. An anonymous complaint needs no card and keeps no personal data.</translation>
    </message>
    <message>
        <source>投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>对服务态度、办事效率、收费等不满意，可以在这里投诉。</source>
        <translation>Unhappy with staff, speed or fees? Complain here.</translation>
    </message>
    <message>
        <source>实名投诉</source>
        <translation>Named complaint</translation>
    </message>
    <message>
        <source>需刷身份证；可留电话，处理结果会告知您</source>
        <translation>Needs your ID card; leave a phone number to hear the outcome</translation>
    </message>
    <message>
        <source>匿名投诉</source>
        <translation>Anonymous complaint</translation>
    </message>
    <message>
        <source>无需刷卡，不保存任何个人信息；凭投诉编号查询结果</source>
        <translation>No card, no personal data kept; check the outcome with the complaint number</translation>
    </message>
    <message>
        <source>查询处理进度</source>
        <translation>Check progress</translation>
    </message>
    <message>
        <source>输入投诉受理回执上的编号</source>
        <translation>Enter the number on the complaint receipt</translation>
    </message>
</context>
<context>
    <name>ConsultAskPage</name>
    <message>
        <source>请填写咨询内容和联系电话，然后点击提交。</source>
        <translation>Write your question and a phone number, then tap Submit.</translation>
    </message>
    <message>
        <source>留言咨询</source>
        <translation>Leave a question</translation>
    </message>
    <message>
        <source>咨询事项</source>
        <translation>Subject</translation>
    </message>
    <message>
        <source>如：社会保障卡申领</source>
        <translation>e.g. social security card</translation>
    </message>
    <message>
        <source>您的问题</source>
        <translation>Your question</translation>
    </message>
    <message>
        <source>请写下您想咨询的问题</source>
        <translation>Please write your question</translation>
    </message>
    <message>
        <source>联系电话（用于答复您）</source>
        <translation>Phone (for the answer)</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>手机或固定电话</source>
        <translation>Mobile or landline</translation>
    </message>
    <message>
        <source>电话只用于答复您；提交后屏幕和回执上只显示部分号码。</source>
        <translation>Your phone is used only to answer you; the screen and the slip show only part of it.</translation>
    </message>
    <message>
        <source>正在提交，请稍候……</source>
        <translation>Submitting, please wait…</translation>
    </message>
    <message>
        <source>提交留言</source>
        <translation>Submit question</translation>
    </message>
</context>
<context>
    <name>ConsultInfoPage</name>
    <message>
        <source>这里是常见问题和咨询电话。没有找到答案，可以留言咨询。</source>
        <translation>Here are common questions and the phone number. No answer here? Leave a question.</translation>
    </message>
    <message>
        <source>咨询：%1</source>
        <translation>Questions: %1</translation>
    </message>
    <message>
        <source>其他问题</source>
        <translation>Other questions</translation>
    </message>
    <message>
        <source>咨询</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>正在加载，请稍候……</source>
        <translation>Loading, please wait…</translation>
    </message>
    <message>
        <source>咨询方式</source>
        <translation>How to ask</translation>
    </message>
    <message>
        <source>咨询电话：%1</source>
        <translation>Phone: %1</translation>
    </message>
    <message>
        <source>地点：%1</source>
        <translation>Place: %1</translation>
    </message>
    <message>
        <source>时间：%1</source>
        <translation>Hours: %1</translation>
    </message>
    <message>
        <source>政务服务便民热线：12345</source>
        <translation>Government service hotline: 12345</translation>
    </message>
    <message>
        <source>也可以到大厅咨询台当面咨询，或在下方留言。</source>
        <translation>You can also ask at the hall&apos;s help desk, or leave a question below.</translation>
    </message>
    <message>
        <source>常见问题</source>
        <translation>Common questions</translation>
    </message>
    <message>
        <source>问：%1</source>
        <translation>Q: %1</translation>
    </message>
    <message>
        <source>答：%1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>留言咨询</source>
        <translation>Leave a question</translation>
    </message>
    <message>
        <source>查询答复</source>
        <translation>Check answer</translation>
    </message>
</context>
<context>
    <name>ConsultPage</name>
    <message>
        <source>请输入要咨询的事项名称，或选择其他问题。</source>
        <translation>Type the service you have a question about, or choose Other questions.</translation>
    </message>
    <message>
        <source>咨询</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>选择事项可查看常见问题和咨询电话，也可以留言，答复后凭编号查询。</source>
        <translation>Pick a service to see common questions and its phone number, or leave a question and check the answer later by its number.</translation>
    </message>
    <message>
        <source>搜索要咨询的事项</source>
        <translation>Search for a service</translation>
    </message>
    <message>
        <source>如：社保、医保、户口、sbk</source>
        <translation>e.g. 社保, 医保, 户口, sbk</translation>
    </message>
    <message>
        <source>其他问题</source>
        <translation>Other questions</translation>
    </message>
    <message>
        <source>查询答复</source>
        <translation>Check answer</translation>
    </message>
    <message>
        <source>没有找到“%1”，换个说法试试，或选择其他问题</source>
        <translation>Nothing found for “%1”. Try other words, or choose Other questions</translation>
    </message>
    <message>
        <source>我有建议</source>
        <translation>I have a suggestion</translation>
    </message>
</context>
<context>
    <name>EntryTile</name>
    <message>
        <source>%1（暂未开通）</source>
        <translation>%1 (not available yet)</translation>
    </message>
    <message>
        <source>即将开放</source>
        <translation>Coming soon</translation>
    </message>
</context>
<context>
    <name>ErrorSummary</name>
    <message>
        <source>有 %1 项需要修改，请点击项目名称前往：</source>
        <translation>%1 item(s) need changing. Tap a name to go there:</translation>
    </message>
    <message>
        <source>前往：%1</source>
        <translation>Go to: %1</translation>
    </message>
</context>
<context>
    <name>EvaluatePage</name>
    <message>
        <source>请对本次服务作出评价，也可以跳过。</source>
        <translation>Please rate this service, or skip.</translation>
    </message>
    <message>
        <source>服务评价</source>
        <translation>Rate the service</translation>
    </message>
    <message>
        <source>非常满意</source>
        <translation>Very satisfied</translation>
    </message>
    <message>
        <source>满意</source>
        <translation>Satisfied</translation>
    </message>
    <message>
        <source>基本满意</source>
        <translation>Fairly satisfied</translation>
    </message>
    <message>
        <source>不满意</source>
        <translation>Dissatisfied</translation>
    </message>
    <message>
        <source>非常不满意</source>
        <translation>Very dissatisfied</translation>
    </message>
    <message>
        <source>总体满意度</source>
        <translation>Overall</translation>
    </message>
    <message>
        <source>办事效率</source>
        <translation>Efficiency</translation>
    </message>
    <message>
        <source>服务水平</source>
        <translation>Service quality</translation>
    </message>
    <message>
        <source>服务态度</source>
        <translation>Attitude</translation>
    </message>
    <message>
        <source>等候时间长</source>
        <translation>Long wait</translation>
    </message>
    <message>
        <source>办理效率低</source>
        <translation>Slow handling</translation>
    </message>
    <message>
        <source>材料要求说不清</source>
        <translation>Unclear requirements</translation>
    </message>
    <message>
        <source>服务态度差</source>
        <translation>Poor attitude</translation>
    </message>
    <message>
        <source>自助设备不好用</source>
        <translation>Terminal hard to use</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>感谢您的评价！</source>
        <translation>Thank you for your rating!</translation>
    </message>
    <message>
        <source>您的评价已记录，将用于改进我们的服务。</source>
        <translation>Your rating has been recorded and will help us improve our service.</translation>
    </message>
    <message>
        <source>对给您带来的不便，我们深表歉意。您的评价已登记为整改事项。</source>
        <translation>We are sorry for the trouble. Your rating has been registered for rectification.</translation>
    </message>
    <message>
        <source>整改编号</source>
        <translation>Rectification number</translation>
    </message>
    <message>
        <source>整改编号 %1</source>
        <translation>Rectification number %1</translation>
    </message>
    <message>
        <source>我们将在15个工作日内回访整改（%1前）。</source>
        <translation>We will follow up and fix this within 15 working days (by %1).</translation>
    </message>
    <message>
        <source>网络暂时中断，您的评价已保存在本终端，联网后送达并登记整改。登记后可凭此编号在“评价”页的“查询整改结果”查看进度和回访时间。</source>
        <translation>The network is down for now. Your rating is saved on this terminal and will be sent and registered for rectification once the network is back. After that, look up its progress and follow-up date with this number under &quot;Rate&quot; → &quot;Rectification result&quot;.</translation>
    </message>
    <message>
        <source>可凭此编号在“评价”页的“查询整改结果”查看处理结果；对结果不满意，可以申诉一次。</source>
        <translation>Look up the result with this number under &quot;Rate&quot; → &quot;Rectification result&quot;; if you do not accept it, you may appeal once.</translation>
    </message>
    <message>
        <source>回执正在打印，请取走；如未出纸，请记下上面的编号。</source>
        <translation>The receipt is printing, please take it; if nothing comes out, note down the number above.</translation>
    </message>
    <message>
        <source>您对本次服务满意吗？</source>
        <translation>Are you satisfied with this service?</translation>
    </message>
    <message>
        <source>请告诉我们不满意的原因（至少选一项）</source>
        <translation>Please tell us why (choose at least one)</translation>
    </message>
    <message>
        <source>分项评价（选填）</source>
        <translation>Details (optional)</translation>
    </message>
    <message>
        <source>收起分项评价</source>
        <translation>Hide the detailed ratings</translation>
    </message>
    <message>
        <source>也想评价办事效率、服务态度等</source>
        <translation>Also rate speed, attitude and more</translation>
    </message>
    <message>
        <source>意见建议（选填）</source>
        <translation>Comments (optional)</translation>
    </message>
    <message>
        <source>可用拼音输入</source>
        <translation>Pinyin input available</translation>
    </message>
    <message>
        <source>意见建议</source>
        <translation>Comments</translation>
    </message>
    <message>
        <source>评价自愿，您的个人信息受保护。</source>
        <translation>Rating is voluntary and your personal data is protected.</translation>
    </message>
    <message>
        <source>查询整改结果（凭差评整改编号）</source>
        <translation>Rectification result (by its number)</translation>
    </message>
    <message>
        <source>跳过</source>
        <translation>Skip</translation>
    </message>
    <message>
        <source>提交评价</source>
        <translation>Send rating</translation>
    </message>
    <message>
        <source>返回首页</source>
        <translation>Back to home</translation>
    </message>
</context>
<context>
    <name>FaceCheckPage</name>
    <message>
        <source>请正对摄像头，按屏幕提示完成动作，核验是否为身份证本人。</source>
        <translation>Please face the camera and do what the screen asks, to check that you are the holder of the ID card.</translation>
    </message>
    <message>
        <source>人脸识别核验</source>
        <translation>Face check</translation>
    </message>
    <message>
        <source>请正对摄像头</source>
        <translation>Please face the camera</translation>
    </message>
    <message>
        <source>请眨眨眼</source>
        <translation>Please blink</translation>
    </message>
    <message>
        <source>请向左转头</source>
        <translation>Please turn your head to the left</translation>
    </message>
    <message>
        <source>请向右转头</source>
        <translation>Please turn your head to the right</translation>
    </message>
    <message>
        <source>请保持不动</source>
        <translation>Please hold still</translation>
    </message>
    <message>
        <source>未检测到人脸，请正对摄像头</source>
        <translation>No face was seen. Please face the camera</translation>
    </message>
    <message>
        <source>镜头前有多人，请仅本人面对摄像头</source>
        <translation>More than one person is in view. Only the card holder should face the camera</translation>
    </message>
    <message>
        <source>人脸与证件照片不一致</source>
        <translation>The face does not match the ID card&apos;s photo</translation>
    </message>
    <message>
        <source>未能完成动作核验，请按提示操作</source>
        <translation>The movements were not seen. Please do what the screen asks</translation>
    </message>
    <message>
        <source>核验超时，请重试</source>
        <translation>The check took too long. Please try again</translation>
    </message>
    <message>
        <source>无法读取证件照片</source>
        <translation>The ID card&apos;s photo cannot be read</translation>
    </message>
    <message>
        <source>本终端没有人脸识别摄像头。</source>
        <translation>This terminal has no camera for face checks.</translation>
    </message>
    <message>
        <source>人脸识别摄像头暂时无法使用。</source>
        <translation>The face check camera cannot be used at the moment.</translation>
    </message>
    <message>
        <source>没有查到您的证件照片，无法在本终端核验。</source>
        <translation>No photo of your ID card was found, so the check cannot be done at this terminal.</translation>
    </message>
    <message>
        <source>网络暂时中断，无法取得证件照片。</source>
        <translation>The network is down, so the ID card&apos;s photo cannot be fetched.</translation>
    </message>
    <message>
        <source>人脸识别暂时无法使用。</source>
        <translation>Face checks are not available at the moment.</translation>
    </message>
    <message>
        <source>请先刷身份证。</source>
        <translation>Please read your ID card first.</translation>
    </message>
    <message>
        <source>您选择不使用摄像头核验。</source>
        <translation>You chose not to use the camera for the check.</translation>
    </message>
    <message>
        <source>终端尚未就绪，请稍候再试。</source>
        <translation>The terminal is not ready yet. Please try again in a moment.</translation>
    </message>
    <message>
        <source>人脸识别核验没有完成。</source>
        <translation>The face check was not completed.</translation>
    </message>
    <message>
        <source>为确认是身份证本人办理，请面对摄像头完成核验。图像仅用于本次核验，不会保存。</source>
        <translation>To confirm that the ID card is yours, please face the camera for a check. The picture is used for this check only and is not kept.</translation>
    </message>
    <message>
        <source>摄像头画面</source>
        <translation>Camera picture</translation>
    </message>
    <message>
        <source>请将面部置于椭圆框内</source>
        <translation>Please keep your face inside the oval</translation>
    </message>
    <message>
        <source>演示：本人</source>
        <translation>Demo: the holder</translation>
    </message>
    <message>
        <source>演示：照片</source>
        <translation>Demo: a photo</translation>
    </message>
    <message>
        <source>演示：他人</source>
        <translation>Demo: someone else</translation>
    </message>
    <message>
        <source>核验通过</source>
        <translation>Check passed</translation>
    </message>
    <message>
        <source>%1。您可以点击重试，或到人工窗口办理。</source>
        <translation>%1. You can tap Try again, or go to a staffed window.</translation>
    </message>
    <message>
        <source>%1。请到人工窗口办理。</source>
        <translation>%1. Please go to a staffed window.</translation>
    </message>
    <message>
        <source>请到人工窗口办理</source>
        <translation>Please go to a staffed window</translation>
    </message>
    <message>
        <source>核验未通过</source>
        <translation>Check not passed</translation>
    </message>
    <message>
        <source>还可以再试 %1 次。</source>
        <translation>You can try %1 more time(s).</translation>
    </message>
    <message>
        <source>不便使用摄像头或多次核验未通过的，工作人员会在人工窗口为您核验身份并办理。</source>
        <translation>If you cannot use the camera or the check did not pass, staff at a window will check your identity and serve you.</translation>
    </message>
    <message>
        <source>重试</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>重新进行人脸识别核验</source>
        <translation>Do the face check again</translation>
    </message>
    <message>
        <source>不便使用摄像头</source>
        <translation>I cannot use the camera</translation>
    </message>
    <message>
        <source>不便使用摄像头，改到人工窗口办理</source>
        <translation>I cannot use the camera: go to a staffed window instead</translation>
    </message>
    <message>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>核验通过，继续办理</source>
        <translation>Check passed, continue</translation>
    </message>
</context>
<context>
    <name>FollowUpFiledPage</name>
    <message>
        <source>已提交。请记下屏幕上的编号，并取走回执。</source>
        <translation>Submitted. Please note the number on the screen and take your slip.</translation>
    </message>
    <message>
        <source>投诉已提交</source>
        <translation>Complaint submitted</translation>
    </message>
    <message>
        <source>留言已提交</source>
        <translation>Question submitted</translation>
    </message>
    <message>
        <source>建议已提交</source>
        <translation>Suggestion sent</translation>
    </message>
    <message>
        <source>投诉编号</source>
        <translation>Complaint number</translation>
    </message>
    <message>
        <source>咨询编号</source>
        <translation>Question number</translation>
    </message>
    <message>
        <source>建议编号</source>
        <translation>Suggestion number</translation>
    </message>
    <message>
        <source>请记下编号。我们将在 5 个工作日内处理，可凭编号在本终端查询处理进度。</source>
        <translation>Please note the number. We handle it within 5 working days; check its progress here with the number.</translation>
    </message>
    <message>
        <source>感谢您的建议。请记下编号，处理结果可凭编号在本终端查询。</source>
        <translation>Thank you for your suggestion. Please note the number; you can look up what was done with it at this terminal.</translation>
    </message>
    <message>
        <source>请记下编号。答复后可凭编号在本终端查询。</source>
        <translation>Please note the number. Once answered, check the answer here with the number.</translation>
    </message>
    <message>
        <source>答复将通过电话或短信告知：%1</source>
        <translation>The answer will come by phone or text to %1</translation>
    </message>
    <message>
        <source>这是匿名投诉：本终端和后台都没有保存您的任何个人信息。</source>
        <translation>This complaint is anonymous: neither this terminal nor the back office kept any personal data.</translation>
    </message>
    <message>
        <source>正在打印回执……</source>
        <translation>Printing your slip…</translation>
    </message>
    <message>
        <source>回执已打印，请在出纸口取走</source>
        <translation>Slip printed, please take it from the slot</translation>
    </message>
    <message>
        <source>打印机缺纸，请记下编号，或联系工作人员补打</source>
        <translation>The printer is out of paper. Please note the number or ask staff for a reprint</translation>
    </message>
    <message>
        <source>回执未能打印，请记下编号，或联系工作人员补打</source>
        <translation>The slip could not be printed. Please note the number or ask staff for a reprint</translation>
    </message>
    <message>
        <source>查询处理进度</source>
        <translation>Check progress</translation>
    </message>
    <message>
        <source>查询答复</source>
        <translation>Check answer</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>FollowUpStatusPage</name>
    <message>
        <source>请输入整改编号查询整改结果。</source>
        <translation>Enter the rectification number to see the result.</translation>
    </message>
    <message>
        <source>请输入投诉编号查询处理进度。</source>
        <translation>Enter your complaint number to check its progress.</translation>
    </message>
    <message>
        <source>请输入咨询编号查询答复。</source>
        <translation>Enter your question number to check the answer.</translation>
    </message>
    <message>
        <source>查询整改结果</source>
        <translation>Rectification result</translation>
    </message>
    <message>
        <source>查询处理进度</source>
        <translation>Check progress</translation>
    </message>
    <message>
        <source>查询答复</source>
        <translation>Check answer</translation>
    </message>
    <message>
        <source>已提交，等待上传</source>
        <translation>Submitted, waiting to upload</translation>
    </message>
    <message>
        <source>已接收，等待处理</source>
        <translation>Received, waiting</translation>
    </message>
    <message>
        <source>处理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>已答复</source>
        <translation>Answered</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>整改已办结</source>
        <translation>Rectification completed</translation>
    </message>
    <message>
        <source>已申诉，重新整改中</source>
        <translation>Appealed, being handled again</translation>
    </message>
    <message>
        <source>整改编号印在差评整改回执上，如 ZG20261128T010001。</source>
        <translation>The rectification number is printed on the receipt of your rating, e.g. ZG20261128T010001.</translation>
    </message>
    <message>
        <source>投诉编号印在投诉受理回执上，如 TS20261128T010001。</source>
        <translation>The complaint number is printed on the complaint receipt, e.g. TS20261128T010001.</translation>
    </message>
    <message>
        <source>咨询编号印在咨询留言回执上，如 ZX20261128T010001。</source>
        <translation>The question number is printed on the question receipt, e.g. ZX20261128T010001.</translation>
    </message>
    <message>
        <source>投诉编号</source>
        <translation>Complaint number</translation>
    </message>
    <message>
        <source>咨询编号</source>
        <translation>Question number</translation>
    </message>
    <message>
        <source>整改编号</source>
        <translation>Rectification number</translation>
    </message>
    <message>
        <source>如 ZG20261128T010001</source>
        <translation>e.g. ZG20261128T010001</translation>
    </message>
    <message>
        <source>如 TS20261128T010001</source>
        <translation>e.g. TS20261128T010001</translation>
    </message>
    <message>
        <source>如 ZX20261128T010001</source>
        <translation>e.g. ZX20261128T010001</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Look up</translation>
    </message>
    <message>
        <source>正在查询，请稍候……</source>
        <translation>Looking it up, please wait…</translation>
    </message>
    <message>
        <source>编号 %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>提交时间：%1</source>
        <translation>Submitted: %1</translation>
    </message>
    <message>
        <source>整改时限：%1</source>
        <translation>Due by: %1</translation>
    </message>
    <message>
        <source>我们将在 %1 前回访整改（15个工作日内）。</source>
        <translation>We will follow up and fix this by %1 (within 15 working days).</translation>
    </message>
    <message>
        <source>责任人：%1</source>
        <translation>Responsible: %1</translation>
    </message>
    <message>
        <source>整改措施：%1</source>
        <translation>Action taken: %1</translation>
    </message>
    <message>
        <source>处理结果：%1</source>
        <translation>Outcome: %1</translation>
    </message>
    <message>
        <source>答复：%1</source>
        <translation>Answer: %1</translation>
    </message>
    <message>
        <source>评价还未送达，整改尚未登记，请联网后再查。</source>
        <translation>The rating has not reached the service yet, so the rectification is not registered; please check again once the network is back.</translation>
    </message>
    <message>
        <source>整改进行中，请等待回访。</source>
        <translation>Rectification in progress; we will follow up with you.</translation>
    </message>
    <message>
        <source>尚未办结，请耐心等待。</source>
        <translation>Not closed yet, thank you for your patience.</translation>
    </message>
    <message>
        <source>尚未答复，请稍后再查。</source>
        <translation>Not answered yet, please check again later.</translation>
    </message>
    <message>
        <source>整改结果：%1</source>
        <translation>Result: %1</translation>
    </message>
    <message>
        <source>申诉已提交。整改重新办理，我们将在 %1 前再次回访。</source>
        <translation>Your appeal was sent. The rectification is handled again and we will follow up by %1.</translation>
    </message>
    <message>
        <source>您已申诉过，整改正在重新办理，我们将在 %1 前再次回访。</source>
        <translation>You have appealed; the rectification is handled again and we will follow up by %1.</translation>
    </message>
    <message>
        <source>这项整改已申诉过一次，不能再次申诉。如仍有意见，请拨打 12345。</source>
        <translation>This rectification was already appealed once and cannot be appealed again. For further concerns, call 12345.</translation>
    </message>
    <message>
        <source>网络暂时中断，这是 %1 获取的最近状态。</source>
        <translation>The network is down; this is the last status, fetched %1.</translation>
    </message>
    <message>
        <source>网络暂时中断，这是本终端记录的状态。</source>
        <translation>The network is down; this is the status this terminal recorded.</translation>
    </message>
    <message>
        <source>对整改结果不满意，我要申诉</source>
        <translation>I do not accept the result: appeal</translation>
    </message>
    <message>
        <source>申诉原因（只能申诉一次）</source>
        <translation>Reason for the appeal (only one appeal)</translation>
    </message>
    <message>
        <source>问题没有解决</source>
        <translation>The problem was not solved</translation>
    </message>
    <message>
        <source>没有人联系我</source>
        <translation>Nobody contacted me</translation>
    </message>
    <message>
        <source>不认可整改结果</source>
        <translation>I do not accept the result</translation>
    </message>
    <message>
        <source>提交后整改重新办理，并重新计算15个工作日的回访时限。</source>
        <translation>After you send it, the rectification is handled again with a new limit of 15 working days.</translation>
    </message>
    <message>
        <source>提交申诉</source>
        <translation>Send appeal</translation>
    </message>
</context>
<context>
    <name>FooterBar</name>
    <message>
        <source>退出关怀模式</source>
        <translation>Standard view</translation>
    </message>
    <message>
        <source>呼叫工作人员</source>
        <translation>Call staff</translation>
    </message>
    <message>
        <source>呼叫工作人员，请现场工作人员来帮您</source>
        <translation>Call staff: ask a member of the hall staff to come and help you</translation>
    </message>
    <message>
        <source>已为您呼叫工作人员，请在这里稍候。</source>
        <translation>Staff have been called for you. Please wait here.</translation>
    </message>
    <message>
        <source>关怀模式</source>
        <translation>Elder mode</translation>
    </message>
    <message>
        <source>重听</source>
        <translation>Replay</translation>
    </message>
    <message>
        <source>重听语音提示</source>
        <translation>Replay the spoken hint</translation>
    </message>
    <message>
        <source>已静音</source>
        <translation>Muted</translation>
    </message>
    <message>
        <source>静音</source>
        <translation>Mute</translation>
    </message>
    <message>
        <source>取消静音</source>
        <translation>Unmute</translation>
    </message>
    <message>
        <source>工作人员正在赶来</source>
        <translation>Staff are on their way</translation>
    </message>
    <message>
        <source>工作人员已处理您的呼叫</source>
        <translation>Staff have dealt with your call</translation>
    </message>
    <message>
        <source>已呼叫工作人员</source>
        <translation>Staff called</translation>
    </message>
    <message>
        <source>正在通知工作人员……</source>
        <translation>Telling the staff…</translation>
    </message>
    <message>
        <source>请在本机旁稍候，工作人员马上到。</source>
        <translation>Please wait by this terminal; staff will be with you shortly.</translation>
    </message>
    <message>
        <source>如仍需帮助，请再次呼叫，或到咨询台询问。</source>
        <translation>If you still need help, call again or ask at the information desk.</translation>
    </message>
    <message>
        <source>暂时无法通知到工作人员，请向大厅内的工作人员招手，或到咨询台求助。</source>
        <translation>The staff cannot be told right now. Please wave to a member of staff in the hall, or ask at the information desk.</translation>
    </message>
    <message>
        <source>网络暂时不通，本机顶部的呼叫灯已亮起，工作人员看到后会过来。</source>
        <translation>The network is down, but the call light on top of this terminal is on; staff will come when they see it.</translation>
    </message>
    <message>
        <source>大厅工作人员已收到呼叫，请在本机旁稍候。</source>
        <translation>The hall staff have your call. Please wait by this terminal.</translation>
    </message>
    <message>
        <source>不需要了</source>
        <translation>No longer needed</translation>
    </message>
    <message>
        <source>好的，我等候</source>
        <translation>OK, I&apos;ll wait</translation>
    </message>
</context>
<context>
    <name>GuideDetailPage</name>
    <message>
        <source>这是办事指南，可上下滑动查看。点击下方按钮可打印一次性告知单。</source>
        <translation>This is the service guide. Scroll to read it. Tap the button below to print the one-time checklist.</translation>
    </message>
    <message>
        <source>办事指南：%1</source>
        <translation>Service guide: %1</translation>
    </message>
    <message>
        <source>免提交</source>
        <translation>No need to bring</translation>
    </message>
    <message>
        <source>可承诺</source>
        <translation>Commitment allowed</translation>
    </message>
    <message>
        <source>需提交</source>
        <translation>Bring this</translation>
    </message>
    <message>
        <source>原件</source>
        <translation>original</translation>
    </message>
    <message>
        <source>复印件</source>
        <translation>copy</translation>
    </message>
    <message>
        <source>原件及复印件</source>
        <translation>original and copy</translation>
    </message>
    <message>
        <source>电子件</source>
        <translation>electronic</translation>
    </message>
    <message>
        <source>%1 %2 份</source>
        <translation>%1, %2 copies</translation>
    </message>
    <message>
        <source>即办</source>
        <translation>on the spot</translation>
    </message>
    <message>
        <source>%1 个自然日</source>
        <translation>%1 calendar days</translation>
    </message>
    <message>
        <source>%1 个工作日</source>
        <translation>%1 working days</translation>
    </message>
    <message>
        <source>不收费</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <source>%1 %2 元</source>
        <translation>%1: %2 yuan</translation>
    </message>
    <message>
        <source>办事指南</source>
        <translation>Service guides</translation>
    </message>
    <message>
        <source>零跑腿</source>
        <translation>No visit needed</translation>
    </message>
    <message>
        <source>到现场 %1 次</source>
        <translation>Visits in person: %1</translation>
    </message>
    <message>
        <source>同城通办</source>
        <translation>Any hall in the city</translation>
    </message>
    <message>
        <source>可预约</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <source>可代办</source>
        <translation>Agent allowed</translation>
    </message>
    <message>
        <source>可上门办理</source>
        <translation>Home service</translation>
    </message>
    <message>
        <source>需人脸核验</source>
        <translation>Face check</translation>
    </message>
    <message>
        <source>受理单位与依据</source>
        <translation>Accepting unit and legal basis</translation>
    </message>
    <message>
        <source>受理单位：%1</source>
        <translation>Accepting unit: %1</translation>
    </message>
    <message>
        <source>办理条件</source>
        <translation>Conditions</translation>
    </message>
    <message>
        <source>申请材料（共 %1 项）</source>
        <translation>Materials (%1)</translation>
    </message>
    <message>
        <source>本事项无需提交材料。</source>
        <translation>No materials are needed for this service.</translation>
    </message>
    <message>
        <source>形式：%1</source>
        <translation>Form: %1</translation>
    </message>
    <message>
        <source>由部门通过数据共享获取，您无需提交</source>
        <translation>Fetched by the department through data sharing: you need not bring it</translation>
    </message>
    <message>
        <source>可签署告知承诺书代替此证明</source>
        <translation>You may sign a written commitment instead of this certificate</translation>
    </message>
    <message>
        <source>示范文本：%1</source>
        <translation>Sample: %1</translation>
    </message>
    <message>
        <source>查看示范文本</source>
        <translation>View the sample</translation>
    </message>
    <message>
        <source>设定依据：%1</source>
        <translation>Legal basis: %1</translation>
    </message>
    <message>
        <source>设定依据：未注明（请向窗口核实）</source>
        <translation>Legal basis: not stated (please ask at the window)</translation>
    </message>
    <message>
        <source>常见错误：%1</source>
        <translation>Common mistake: %1</translation>
    </message>
    <message>
        <source>委托他人代办的，另需携带</source>
        <translation>If someone applies on your behalf, they also bring</translation>
    </message>
    <message>
        <source>（%1）</source>
        <translation> (%1)</translation>
    </message>
    <message>
        <source>办理流程</source>
        <translation>Steps</translation>
    </message>
    <message>
        <source>%1. %2（%3，%4）</source>
        <translation>%1. %2 (%3, %4)</translation>
    </message>
    <message>
        <source>收费与时限</source>
        <translation>Fees and time limits</translation>
    </message>
    <message>
        <source>收费：%1</source>
        <translation>Fees: %1</translation>
    </message>
    <message>
        <source>收费依据：%1</source>
        <translation>Fee basis: %1</translation>
    </message>
    <message>
        <source>办理时限：即办</source>
        <translation>Time limit: on the spot</translation>
    </message>
    <message>
        <source>法定时限 %1，承诺时限 %2</source>
        <translation>Statutory limit %1, promised %2</translation>
    </message>
    <message>
        <source>承诺时限</source>
        <translation>Promised time limit</translation>
    </message>
    <message>
        <source>办理地点与咨询</source>
        <translation>Where to go and whom to ask</translation>
    </message>
    <message>
        <source>办理窗口：%1（取号 %2 字头）</source>
        <translation>Window: %1 (tickets starting with %2)</translation>
    </message>
    <message>
        <source>地点：%1</source>
        <translation>Place: %1</translation>
    </message>
    <message>
        <source>时间：%1</source>
        <translation>Hours: %1</translation>
    </message>
    <message>
        <source>咨询电话：%1（%2）</source>
        <translation>Consultation phone: %1 (%2)</translation>
    </message>
    <message>
        <source>咨询电话：%1</source>
        <translation>Enquiries: %1</translation>
    </message>
    <message>
        <source>投诉电话：%1</source>
        <translation>Complaints: %1</translation>
    </message>
    <message>
        <source>网上办理：%1</source>
        <translation>Online: %1</translation>
    </message>
    <message>
        <source>常见问题</source>
        <translation>FAQ</translation>
    </message>
    <message>
        <source>问：%1</source>
        <translation>Q: %1</translation>
    </message>
    <message>
        <source>答：%1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>正在打印告知单……</source>
        <translation>Printing the checklist…</translation>
    </message>
    <message>
        <source>告知单已打印，请在出纸口取走</source>
        <translation>Checklist printed. Please take it from the slot.</translation>
    </message>
    <message>
        <source>打印机缺纸，请联系工作人员</source>
        <translation>The printer is out of paper. Please ask the staff.</translation>
    </message>
    <message>
        <source>打印失败，请联系工作人员</source>
        <translation>Printing failed. Please ask the staff.</translation>
    </message>
    <message>
        <source>打印一次性告知单</source>
        <translation>Print the one-time checklist</translation>
    </message>
    <message>
        <source>我要办理</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>取号（%1）</source>
        <translation>Take a ticket (%1)</translation>
    </message>
    <message>
        <source>示范文本（填写样例）</source>
        <translation>Sample document (how to fill it in)</translation>
    </message>
    <message>
        <source>示范文本</source>
        <translation>Sample document</translation>
    </message>
    <message>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>打印示范文本</source>
        <translation>Print the sample</translation>
    </message>
    <message>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>正在打印示范文本……</source>
        <translation>Printing the sample…</translation>
    </message>
    <message>
        <source>示范文本已打印，请在出纸口取走</source>
        <translation>The sample is printed. Please take it from the printer slot.</translation>
    </message>
    <message>
        <source>打印预览（演示模式）</source>
        <translation>Print preview (demo)</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>关闭预览</source>
        <translation>Close preview</translation>
    </message>
</context>
<context>
    <name>GuideThemesPage</name>
    <message>
        <source>请选择主题，或点击搜索框输入事项名称。</source>
        <translation>Choose a topic, or tap the search box and type the service name.</translation>
    </message>
    <message>
        <source>办事指南</source>
        <translation>Service guides</translation>
    </message>
    <message>
        <source>搜索事项</source>
        <translation>Search services</translation>
    </message>
    <message>
        <source>搜索：输入事项名称、拼音或首字母，如“社保”“sbk”</source>
        <translation>Search: type a name, pinyin or initials, e.g. “社保” or “sbk”</translation>
    </message>
    <message>
        <source>按主题查找</source>
        <translation>Browse by topic</translation>
    </message>
    <message>
        <source>%1，%2项</source>
        <translation>%1, %2 services</translation>
    </message>
    <message>
        <source>%1 项</source>
        <translation>%1 services</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>欢迎使用政务服务自助终端。请点击屏幕选择业务；办理业务请将身份证放在感应区。</source>
        <translation>Welcome. Tap the screen to choose a service; to apply, place your ID card on the reader.</translation>
    </message>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>指</source>
        <translation>G</translation>
    </message>
    <message>
        <source>办事指南</source>
        <translation>Service guides</translation>
    </message>
    <message>
        <source>查事项、看材料、打印告知单</source>
        <translation>Find a service, see what to bring, print the checklist</translation>
    </message>
    <message>
        <source>办</source>
        <translation>A</translation>
    </message>
    <message>
        <source>我要办理</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>刷身份证，自助申请</source>
        <translation>Tap your ID card and apply here</translation>
    </message>
    <message>
        <source>号</source>
        <translation>#</translation>
    </message>
    <message>
        <source>取号</source>
        <translation>Take a number</translation>
    </message>
    <message>
        <source>领取排队号；扫小票查看去哪个窗口</source>
        <translation>Take a queue number; scan your ticket to see which window</translation>
    </message>
    <message>
        <source>约</source>
        <translation>B</translation>
    </message>
    <message>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <source>已预约的市民在此签到</source>
        <translation>Check in for your appointment</translation>
    </message>
    <message>
        <source>查</source>
        <translation>P</translation>
    </message>
    <message>
        <source>进度查询</source>
        <translation>Case progress</translation>
    </message>
    <message>
        <source>查询办件进度</source>
        <translation>Check the progress of your case</translation>
    </message>
    <message>
        <source>证</source>
        <translation>D</translation>
    </message>
    <message>
        <source>自助打印证明</source>
        <translation>Print certificates</translation>
    </message>
    <message>
        <source>社保、公积金等证明，A4 打印</source>
        <translation>Social insurance, housing fund and more, on A4</translation>
    </message>
    <message>
        <source>询</source>
        <translation>?</translation>
    </message>
    <message>
        <source>咨询</source>
        <translation>Ask a question</translation>
    </message>
    <message>
        <source>常见问题与留言咨询</source>
        <translation>FAQ and questions</translation>
    </message>
    <message>
        <source>评</source>
        <translation>R</translation>
    </message>
    <message>
        <source>评价</source>
        <translation>Rate us</translation>
    </message>
    <message>
        <source>对本次服务作出评价</source>
        <translation>Rate today&apos;s service</translation>
    </message>
    <message>
        <source>诉</source>
        <translation>C</translation>
    </message>
    <message>
        <source>投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>投诉与建议</source>
        <translation>Complaints and suggestions</translation>
    </message>
    <message>
        <source>多</source>
        <translation>+</translation>
    </message>
    <message>
        <source>更多服务</source>
        <translation>More services</translation>
    </message>
    <message>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <source>返</source>
        <translation>←</translation>
    </message>
    <message>
        <source>返回常用服务</source>
        <translation>Main services</translation>
    </message>
    <message>
        <source>欢迎使用政务服务自助终端</source>
        <translation>Welcome to the self-service terminal</translation>
    </message>
    <message>
        <source>请选择您要办理的业务</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <source>大字 · 关怀模式</source>
        <translation>Large text · Elder mode</translation>
    </message>
    <message>
        <source>开启关怀模式：大字、少选项、更长的操作时间</source>
        <translation>Switch on elder mode: large text, fewer choices, more time</translation>
    </message>
    <message>
        <source>请将身份证放在下方感应区</source>
        <translation>Place your ID card on the reader below</translation>
    </message>
    <message>
        <source>办理业务请将身份证放在下方感应区 · 需要帮助请点“呼叫工作人员”</source>
        <translation>To apply, place your ID card on the reader below · For help, tap &quot;Call staff&quot;</translation>
    </message>
    <message>
        <source>演示：刷身份证</source>
        <translation>Demo: tap ID card</translation>
    </message>
</context>
<context>
    <name>IdCardPage</name>
    <message>
        <source>请将身份证放在感应区。</source>
        <translation>Please place your ID card on the reader.</translation>
    </message>
    <message>
        <source>请放置身份证</source>
        <translation>Place your ID card</translation>
    </message>
    <message>
        <source>证件已过有效期</source>
        <translation>This card has expired</translation>
    </message>
    <message>
        <source>无法识别此卡</source>
        <translation>This card cannot be read here</translation>
    </message>
    <message>
        <source>读卡器暂时无法使用</source>
        <translation>The card reader is not available</translation>
    </message>
    <message>
        <source>证件信息校验未通过</source>
        <translation>The card data did not pass the check</translation>
    </message>
    <message>
        <source>读卡未成功</source>
        <translation>The card could not be read</translation>
    </message>
    <message>
        <source>请放置居民身份证、港澳台居民居住证、外国人永久居留身份证或社会保障卡。</source>
        <translation>Please use a resident ID card, an HK/Macao/Taiwan residence permit, a foreign permanent resident ID card or a social security card.</translation>
    </message>
    <message>
        <source>可查看身份证换领指南，或取号到人工窗口办理；其他业务请使用有效期内的证件。</source>
        <translation>See the guide to renewing your ID card, or take a ticket for a staffed window. For other services, please use a valid card.</translation>
    </message>
    <message>
        <source>请取号到人工窗口办理，或按“呼叫工作人员”。</source>
        <translation>Please take a ticket for a staffed window, or press &quot;Call staff&quot;.</translation>
    </message>
    <message>
        <source>此证件的信息无法识别，请换一张证件，或到人工窗口办理。</source>
        <translation>The data on this card cannot be recognised. Please use another card, or go to a service window.</translation>
    </message>
    <message>
        <source>请将证件平放在感应区，保持不动，再试一次。</source>
        <translation>Lay the card flat on the reader, keep it still, and try again.</translation>
    </message>
    <message>
        <source>身份识别</source>
        <translation>Identification</translation>
    </message>
    <message>
        <source>感应区</source>
        <translation>Reader</translation>
    </message>
    <message>
        <source>身份证</source>
        <translation>ID card</translation>
    </message>
    <message>
        <source>请将身份证放在感应区</source>
        <translation>Place your ID card on the reader</translation>
    </message>
    <message>
        <source>正在读取，请勿移动证件……</source>
        <translation>Reading, please keep the card still…</translation>
    </message>
    <message>
        <source>读取成功</source>
        <translation>Card read</translation>
    </message>
    <message>
        <source>%1，证件号 %2</source>
        <translation>%1, card number %2</translation>
    </message>
    <message>
        <source>支持居民身份证、港澳台居民居住证、外国人永久居留身份证、社会保障卡</source>
        <translation>Resident ID, HK/Macao/Taiwan residence permit, foreign permanent resident ID, social security card</translation>
    </message>
    <message>
        <source>查看办事指南</source>
        <translation>Service guides</translation>
    </message>
    <message>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>查看身份证换领指南</source>
        <translation>ID card renewal guide</translation>
    </message>
    <message>
        <source>重新读卡</source>
        <translation>Read again</translation>
    </message>
    <message>
        <source>演示：模拟刷卡</source>
        <translation>Demo: simulate a card</translation>
    </message>
</context>
<context>
    <name>IdleNotice</name>
    <message>
        <source>%1 分钟</source>
        <translation>%1 minutes</translation>
    </message>
    <message>
        <source>%1 秒</source>
        <translation>%1 seconds</translation>
    </message>
    <message>
        <source>无操作 %1后将返回首页，并清除本次办理的信息</source>
        <translation>After %1 without a touch, the terminal returns to the home page and clears this visit</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <source>%1 秒后将结束本次办理并清除您的信息</source>
        <translation>In %1 seconds this visit ends and your information is cleared</translation>
    </message>
    <message>
        <source>继续办理</source>
        <translation>Continue</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>政务服务自助终端</source>
        <translation>Public Service Self-Service Terminal</translation>
    </message>
</context>
<context>
    <name>MoreBelow</name>
    <message>
        <source>下面还有内容 ▼</source>
        <translation>More below ▼</translation>
    </message>
</context>
<context>
    <name>NotReadyPage</name>
    <message>
        <source>本终端暂未开通此功能，请到综合受理窗口办理。</source>
        <translation>This is not available on this terminal yet. Please go to the general service window.</translation>
    </message>
    <message>
        <source>%1暂未开通</source>
        <translation>%1 is not available yet</translation>
    </message>
    <message>
        <source>本终端暂未开通“%1”功能</source>
        <translation>“%1” is not available on this terminal yet</translation>
    </message>
    <message>
        <source>请到综合受理窗口办理，或向现场工作人员咨询。给您带来不便，敬请谅解。</source>
        <translation>Please go to the general service window or ask the staff. We apologise for the inconvenience.</translation>
    </message>
    <message>
        <source>返回首页</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>OutOfServicePage</name>
    <message>
        <source>本终端暂停服务，请使用其他终端或到人工窗口办理。</source>
        <translation>This terminal is out of service. Please use another terminal or a service window.</translation>
    </message>
    <message>
        <source>暂停服务</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <source>本终端暂停服务</source>
        <translation>This terminal is out of service</translation>
    </message>
    <message>
        <source>请使用其他自助终端或到人工窗口办理，并告知现场工作人员。</source>
        <translation>Please use another terminal or a service window, and let the staff know.</translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>ProgressCasesPage</name>
    <message>
        <source>这是办件进度，可上下滑动查看。</source>
        <translation>This is the progress of your cases; swipe up and down to read.</translation>
    </message>
    <message>
        <source>办件进度</source>
        <translation>Case progress</translation>
    </message>
    <message>
        <source>已接收</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>已受理</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <source>办理中</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>需补正材料</source>
        <translation>Documents needed</translation>
    </message>
    <message>
        <source>已办结</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>不予办理</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>%1 名下的办件，共 %2 件</source>
        <translation>Cases of %1: %2</translation>
    </message>
    <message>
        <source>没有查到您名下的办件。</source>
        <translation>No cases found in your name.</translation>
    </message>
    <message>
        <source>受理编号 %1</source>
        <translation>Receipt no. %1</translation>
    </message>
    <message>
        <source>凭编号查询只显示办理状态；刷本人身份证可查看部门办理意见。</source>
        <translation>A receipt number shows the status only; read your own ID card to see the departments&apos; notes.</translation>
    </message>
    <message>
        <source>网络暂时中断，以下是 %1 获取的最近状态。</source>
        <translation>The network is down; below is the last status, fetched %1.</translation>
    </message>
    <message>
        <source>网络暂时中断，本终端没有这些办件的记录，请稍后再查。</source>
        <translation>The network is down and this terminal has no record of these cases. Please try again later.</translation>
    </message>
    <message>
        <source>正在查询，请稍候……</source>
        <translation>Looking it up, please wait…</translation>
    </message>
    <message>
        <source>刷身份证</source>
        <translation>Read ID card</translation>
    </message>
    <message>
        <source>已超过承诺时限</source>
        <translation>Past promised date</translation>
    </message>
    <message>
        <source>并联办理</source>
        <translation>Parallel handling</translation>
    </message>
    <message>
        <source>受理编号：%1</source>
        <translation>Receipt no.: %1</translation>
    </message>
    <message>
        <source>预计办结日期：%1</source>
        <translation>Expected done by: %1</translation>
    </message>
    <message>
        <source>承诺办结日期：%1</source>
        <translation>Promised by: %1</translation>
    </message>
    <message>
        <source>需补正的材料：%1</source>
        <translation>Materials to supplement: %1</translation>
    </message>
    <message>
        <source>需补正的材料：</source>
        <translation>Materials to supplement:</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>扫描补正</source>
        <translation>Scan to supplement</translation>
    </message>
    <message>
        <source>最近更新：%1</source>
        <translation>Updated: %1</translation>
    </message>
    <message>
        <source>%1：%2（%3）</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>办理意见：%1</source>
        <translation>Note: %1</translation>
    </message>
</context>
<context>
    <name>ProgressPage</name>
    <message>
        <source>请选择查询方式：刷身份证、输入受理编号，或扫描回执上的二维码。</source>
        <translation>Choose how to look up: read your ID card, type the receipt number, or scan the QR code on your receipt.</translation>
    </message>
    <message>
        <source>进度查询</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>请选择查询方式</source>
        <translation>Choose how to look up</translation>
    </message>
    <message>
        <source>刷身份证查询</source>
        <translation>With ID card</translation>
    </message>
    <message>
        <source>查看本人申请或代办的全部办件</source>
        <translation>All cases you applied for or handled as agent</translation>
    </message>
    <message>
        <source>输入受理编号</source>
        <translation>Type receipt number</translation>
    </message>
    <message>
        <source>编号印在受理回执上，只显示办理状态</source>
        <translation>The number is on your receipt; shows the status only</translation>
    </message>
    <message>
        <source>扫描回执二维码</source>
        <translation>Scan receipt QR code</translation>
    </message>
    <message>
        <source>将回执上的二维码对准扫描口</source>
        <translation>Hold the receipt&apos;s QR code to the scanner</translation>
    </message>
</context>
<context>
    <name>ProgressReceiptPage</name>
    <message>
        <source>请输入受理回执上的受理编号。</source>
        <translation>Enter the receipt number from your receipt.</translation>
    </message>
    <message>
        <source>输入受理编号</source>
        <translation>Type receipt number</translation>
    </message>
    <message>
        <source>受理编号印在受理回执顶部，格式如 H0001-T01-261128-0001。</source>
        <translation>The receipt number is at the top of your receipt, like H0001-T01-261128-0001.</translation>
    </message>
    <message>
        <source>已刷身份证的，只需输入编号最后 4 位。</source>
        <translation>If you have tapped your ID card, the last 4 digits of the number are enough.</translation>
    </message>
    <message>
        <source>受理编号</source>
        <translation>Receipt number</translation>
    </message>
    <message>
        <source>如 H0001-T01-261128-0001</source>
        <translation>e.g. H0001-T01-261128-0001</translation>
    </message>
    <message>
        <source>本终端回执：填入 %1</source>
        <translation>Receipt from this terminal: fill in %1</translation>
    </message>
    <message>
        <source>正在查询，请稍候……</source>
        <translation>Looking it up, please wait…</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Look up</translation>
    </message>
    <message>
        <source>凭编号查询只显示办理状态，不显示个人信息。</source>
        <translation>A number shows the status only, no personal data.</translation>
    </message>
</context>
<context>
    <name>ProgressScanPage</name>
    <message>
        <source>请将回执上的二维码对准扫描口。</source>
        <translation>Hold the QR code on your receipt to the scanner.</translation>
    </message>
    <message>
        <source>扫描回执二维码</source>
        <translation>Scan receipt QR code</translation>
    </message>
    <message>
        <source>扫描口</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>本终端没有扫描器</source>
        <translation>This terminal has no scanner</translation>
    </message>
    <message>
        <source>扫描器暂时无法使用</source>
        <translation>The scanner is not working</translation>
    </message>
    <message>
        <source>正在查询，请稍候……</source>
        <translation>Looking it up, please wait…</translation>
    </message>
    <message>
        <source>请将回执上的二维码对准扫描口</source>
        <translation>Hold the QR code on your receipt to the scanner</translation>
    </message>
    <message>
        <source>二维码在受理回执下方；扫描后自动显示办理状态。</source>
        <translation>The QR code is at the bottom of your receipt; the status shows once it is scanned.</translation>
    </message>
    <message>
        <source>请改为输入受理编号查询。</source>
        <translation>Please type the receipt number instead.</translation>
    </message>
    <message>
        <source>改为输入受理编号</source>
        <translation>Type the number instead</translation>
    </message>
    <message>
        <source>演示：模拟扫码</source>
        <translation>Demo: simulate a scan</translation>
    </message>
</context>
<context>
    <name>ReasonText</name>
    <message>
        <source>没有查到这个编号，请核对后重新输入。</source>
        <translation>Nothing found for this number. Please check it and try again.</translation>
    </message>
    <message>
        <source>这不是受理回执上的编号或二维码，请核对后再试。</source>
        <translation>This is not a receipt number or receipt QR code. Please check and try again.</translation>
    </message>
    <message>
        <source>请输入受理编号。</source>
        <translation>Please enter the receipt number.</translation>
    </message>
    <message>
        <source>请输入查询编号。</source>
        <translation>Please enter the number.</translation>
    </message>
    <message>
        <source>请先刷身份证。</source>
        <translation>Please read your ID card first.</translation>
    </message>
    <message>
        <source>请填写内容。</source>
        <translation>Please write something.</translation>
    </message>
    <message>
        <source>内容太长，请精简到 4000 字以内。</source>
        <translation>Too long; please keep it under 4000 characters.</translation>
    </message>
    <message>
        <source>电话号码有误，请输入11位手机号或带区号的固定电话。</source>
        <translation>This phone number is not valid. Please enter an 11-digit mobile number or a landline with its area code.</translation>
    </message>
    <message>
        <source>请选择投诉类别。</source>
        <translation>Please choose a category.</translation>
    </message>
    <message>
        <source>演示数据尚未准备好，请稍后再试。</source>
        <translation>The demo data is not ready yet; please try again shortly.</translation>
    </message>
    <message>
        <source>终端正在启动，请稍候再试。</source>
        <translation>The terminal is starting; please try again shortly.</translation>
    </message>
    <message>
        <source>这不是排队号或排队小票上的二维码，请核对后再试。</source>
        <translation>This is not a queue number or the QR code of a queue ticket. Please check and try again.</translation>
    </message>
    <message>
        <source>网络中断，暂时只能查本终端取的号；请扫描小票上的二维码，或留意大厅叫号屏。</source>
        <translation>The network is down: only numbers taken at this terminal can be checked now. Please scan the QR code on your ticket, or watch the hall&apos;s calling display.</translation>
    </message>
    <message>
        <source>这是其他大厅的排队号，请到取号的大厅查询。</source>
        <translation>This ticket belongs to another hall. Please ask in the hall where you took it.</translation>
    </message>
    <message>
        <source>演示：本终端今天还没有取号，请先取一个号。</source>
        <translation>Demo: no ticket was taken at this terminal today. Please take one first.</translation>
    </message>
    <message>
        <source>请输入排队号，例如 A007。</source>
        <translation>Enter your queue number, e.g. A007.</translation>
    </message>
    <message>
        <source>请选择申诉原因。</source>
        <translation>Please choose a reason for the appeal.</translation>
    </message>
    <message>
        <source>这项整改已经申诉过一次，不能再次申诉。如仍有意见，请拨打 12345 或到咨询台反映。</source>
        <translation>This rectification was already appealed once and cannot be appealed again. For further concerns, call 12345 or go to the information desk.</translation>
    </message>
    <message>
        <source>整改还在进行中，办结后才能申诉；请等待回访。</source>
        <translation>The rectification is still in progress; you can appeal once it is completed. Please wait for our follow-up.</translation>
    </message>
    <message>
        <source>只有差评整改可以在这里申诉；投诉和咨询的答复如有意见，请拨打 12345。</source>
        <translation>Only the rectification of a rating can be appealed here; for answers to complaints and questions, call 12345.</translation>
    </message>
    <message>
        <source>网络中断，申诉暂时无法提交，请稍后再试或到咨询台办理。</source>
        <translation>The network is down and the appeal cannot be sent now. Please try later or go to the information desk.</translation>
    </message>
    <message>
        <source>查询次数过多，请一小时后再试，或到咨询台请工作人员帮您查询。</source>
        <translation>Too many tries. Please try again in an hour, or ask the staff at the information desk to look it up for you.</translation>
    </message>
    <message>
        <source>这件办件现在不需要补正材料。</source>
        <translation>This case does not need any more materials now.</translation>
    </message>
    <message>
        <source>还有材料没有扫描，请逐项扫描后再提交。</source>
        <translation>Some materials are not scanned yet. Scan each one, then submit.</translation>
    </message>
    <message>
        <source>高拍仪暂时不能使用，请到窗口补正材料。</source>
        <translation>The document camera cannot be used right now. Please hand in the materials at a window.</translation>
    </message>
    <message>
        <source>终端存储空间不足，补正未保存，请到窗口补正材料。</source>
        <translation>The terminal&apos;s storage is full and nothing was saved. Please hand in the materials at a window.</translation>
    </message>
    <message>
        <source>扫描的材料太大，请减少页数后重新扫描。</source>
        <translation>The scan is too large. Please scan fewer pages and try again.</translation>
    </message>
    <message>
        <source>暂时无法完成，请稍后再试或咨询工作人员。</source>
        <translation>This cannot be done right now. Please try again later or ask staff.</translation>
    </message>
</context>
<context>
    <name>ReferralPage</name>
    <message>
        <source>这个事项不在本大厅办理。页面上是办理地点和电话，可以打印办理指引带走。</source>
        <translation>This service is not handled in this hall. The page shows where to go and the phone number; you can print the directions to take along.</translation>
    </message>
    <message>
        <source>办理指引：%1</source>
        <translation>Where to go: %1</translation>
    </message>
    <message>
        <source>办理指引</source>
        <translation>Where to go</translation>
    </message>
    <message>
        <source>不在本大厅办理</source>
        <translation>Not handled in this hall</translation>
    </message>
    <message>
        <source>到哪里办</source>
        <translation>Where it is handled</translation>
    </message>
    <message>
        <source>办理单位：%1</source>
        <translation>Office: %1</translation>
    </message>
    <message>
        <source>地址：%1</source>
        <translation>Address: %1</translation>
    </message>
    <message>
        <source>办公时间：%1</source>
        <translation>Opening hours: %1</translation>
    </message>
    <message>
        <source>咨询电话：%1（%2）</source>
        <translation>Enquiries: %1 (%2)</translation>
    </message>
    <message>
        <source>咨询电话：%1</source>
        <translation>Enquiries: %1</translation>
    </message>
    <message>
        <source>请携带</source>
        <translation>Please bring</translation>
    </message>
    <message>
        <source>网上办理</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>正在打印办理指引……</source>
        <translation>Printing the directions…</translation>
    </message>
    <message>
        <source>办理指引已打印，请在出纸口取走</source>
        <translation>The directions are printed. Please take them from the slot.</translation>
    </message>
    <message>
        <source>打印机缺纸，请联系工作人员</source>
        <translation>The printer is out of paper. Please ask the staff.</translation>
    </message>
    <message>
        <source>打印失败，请联系工作人员</source>
        <translation>Printing failed. Please ask the staff.</translation>
    </message>
    <message>
        <source>打印办理指引</source>
        <translation>Print the directions</translation>
    </message>
    <message>
        <source>打印预览（演示模式）</source>
        <translation>Print preview (demo mode)</translation>
    </message>
    <message>
        <source>打印预览</source>
        <translation>Print preview</translation>
    </message>
    <message>
        <source>关闭预览</source>
        <translation>Close preview</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>请输入事项名称、拼音或首字母。</source>
        <translation>Type the service name, its pinyin or initials.</translation>
    </message>
    <message>
        <source>搜索事项</source>
        <translation>Search services</translation>
    </message>
    <message>
        <source>如：社保、医保、户口、sbk</source>
        <translation>e.g. 社保, 医保, 户口, sbk</translation>
    </message>
    <message>
        <source>搜索框</source>
        <translation>Search box</translation>
    </message>
    <message>
        <source>请输入要办理的事项</source>
        <translation>Type what you need</translation>
    </message>
    <message>
        <source>没有找到“%1”，换个说法试试，或选择下面的帮助</source>
        <translation>Nothing found for “%1”. Try other words, or choose the help below.</translation>
    </message>
    <message>
        <source>没找到要办的事？</source>
        <translation>Didn&apos;t find what you need?</translation>
    </message>
    <message>
        <source>可以留言咨询，或点击屏幕下方的“呼叫工作人员”请现场工作人员帮您；如果觉得哪项服务该有或该简化，欢迎提建议。</source>
        <translation>Leave a question, or press “Call staff” at the bottom of the screen for help from the staff here. If a service is missing or should be simpler, please tell us.</translation>
    </message>
    <message>
        <source>咨询</source>
        <translation>Ask a question</translation>
    </message>
    <message>
        <source>我有建议</source>
        <translation>I have a suggestion</translation>
    </message>
    <message>
        <source>找到 %1 项</source>
        <translation>%1 found</translation>
    </message>
</context>
<context>
    <name>SectionCard</name>
    <message>
        <source>%1：%2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ServiceListPage</name>
    <message>
        <source>请点击要查看的事项。</source>
        <translation>Tap the service you want to read about.</translation>
    </message>
    <message>
        <source>事项列表</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>共 %1 项，点击查看办事指南</source>
        <translation>%1 services. Tap one to read its guide.</translation>
    </message>
</context>
<context>
    <name>ServiceRow</name>
    <message>
        <source>不在本大厅办理</source>
        <translation>Not handled in this hall</translation>
    </message>
    <message>
        <source>零跑腿</source>
        <translation>No visit needed</translation>
    </message>
    <message>
        <source>同城通办</source>
        <translation>Any hall in the city</translation>
    </message>
    <message>
        <source>可预约</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <source>可代办</source>
        <translation>Agent allowed</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>签名区</source>
        <translation>Signature area</translation>
    </message>
    <message>
        <source>签名框：请在框内签名</source>
        <translation>Signature box: please sign inside the box</translation>
    </message>
    <message>
        <source>签名框：已签名</source>
        <translation>Signature box: signed</translation>
    </message>
    <message>
        <source>请在框内签名</source>
        <translation>Please sign inside the box</translation>
    </message>
    <message>
        <source>清除重签</source>
        <translation>Sign again</translation>
    </message>
    <message>
        <source>确认签名</source>
        <translation>Confirm</translation>
    </message>
</context>
<context>
    <name>StaffLoginPage</name>
    <message>
        <source>工作人员登录，请输入管理密码。</source>
        <translation>Staff sign-in. Please enter the staff PIN.</translation>
    </message>
    <message>
        <source>工作人员登录</source>
        <translation>Staff sign-in</translation>
    </message>
    <message>
        <source>请输入管理密码</source>
        <translation>Enter the staff PIN</translation>
    </message>
    <message>
        <source>管理密码，已输入 %1 位</source>
        <translation>Staff PIN, %1 digits entered</translation>
    </message>
    <message>
        <source>尚未设置管理密码，请联系供应商设置</source>
        <translation>No staff PIN is set; please ask the vendor to set one</translation>
    </message>
    <message>
        <source>密码错误，还可尝试 %1 次</source>
        <translation>Wrong PIN, %1 tries left</translation>
    </message>
    <message>
        <source>错误次数过多，请于 %1 后再试</source>
        <translation>Too many wrong PINs. Try again after %1</translation>
    </message>
    <message>
        <source>正在验证……</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>删除</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>确定</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>已进入工作人员模式。</source>
        <translation>Staff mode.</translation>
    </message>
    <message>
        <source>工作人员模式</source>
        <translation>Staff mode</translation>
    </message>
    <message>
        <source>读卡器</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>中心服务</source>
        <translation>Central service</translation>
    </message>
    <message>
        <source>时钟</source>
        <translation>Clock</translation>
    </message>
    <message>
        <source>扫码器</source>
        <translation>Scanner</translation>
    </message>
    <message>
        <source>证明打印机</source>
        <translation>Certificate printer</translation>
    </message>
    <message>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>缺纸</source>
        <translation>out of paper</translation>
    </message>
    <message>
        <source>纸将用尽</source>
        <translation>paper low</translation>
    </message>
    <message>
        <source>盖未合</source>
        <translation>cover open</translation>
    </message>
    <message>
        <source>卡纸</source>
        <translation>paper jam</translation>
    </message>
    <message>
        <source>已暂停</source>
        <translation>paused</translation>
    </message>
    <message>
        <source>未连接</source>
        <translation>not connected</translation>
    </message>
    <message>
        <source>未设置</source>
        <translation>not set up</translation>
    </message>
    <message>
        <source>未确认校时</source>
        <translation>time sync not confirmed</translation>
    </message>
    <message>
        <source>无响应</source>
        <translation>not responding</translation>
    </message>
    <message>
        <source>驱动无法加载</source>
        <translation>driver cannot be loaded</translation>
    </message>
    <message>
        <source>驱动不合规范</source>
        <translation>driver does not conform</translation>
    </message>
    <message>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>故障</source>
        <translation>fault</translation>
    </message>
    <message>
        <source>时钟偏差，请检查时间同步</source>
        <translation>clock out of step: check time synchronisation</translation>
    </message>
    <message>
        <source>终端未登记或已停用</source>
        <translation>terminal not registered or disabled</translation>
    </message>
    <message>
        <source>密钥不符，请联系中心服务管理员重新登记</source>
        <translation>secret does not match: ask the central operator to register this terminal again</translation>
    </message>
    <message>
        <source>告知单</source>
        <translation>checklist</translation>
    </message>
    <message>
        <source>回执</source>
        <translation>receipt</translation>
    </message>
    <message>
        <source>排队号</source>
        <translation>ticket</translation>
    </message>
    <message>
        <source>测试页</source>
        <translation>test page</translation>
    </message>
    <message>
        <source>凭条</source>
        <translation>Acknowledgement</translation>
    </message>
    <message>
        <source>其他</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>已打印</source>
        <translation>printed</translation>
    </message>
    <message>
        <source>失败</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>排队中</source>
        <translation>queued</translation>
    </message>
    <message>
        <source>退出</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <source>设备状态（%1 检测）</source>
        <translation>Devices (checked %1)</translation>
    </message>
    <message>
        <source>设备异常的详细原因已记入日志，供应商可在终端上查看诊断信息。</source>
        <translation>Why a device is not OK is written to the log; the vendor can read the diagnostics on the terminal.</translation>
    </message>
    <message>
        <source>数据上传</source>
        <translation>Upload to central</translation>
    </message>
    <message>
        <source>待上传 %1 条，上传失败 %2 条，已上传 %3 条</source>
        <translation>%1 waiting, %2 failed, %3 sent</translation>
    </message>
    <message>
        <source>认证失败：中心服务拒绝了本终端（%1）。数据保留在本机，将自动重试。</source>
        <translation>Authentication failed: the central service refused this terminal (%1). Data stays on this terminal and is retried automatically.</translation>
    </message>
    <message>
        <source>重新上传失败数据</source>
        <translation>Retry failed items</translation>
    </message>
    <message>
        <source>设置</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>语音音量：%1</source>
        <translation>Voice volume: %1</translation>
    </message>
    <message>
        <source>调小</source>
        <translation>Quieter</translation>
    </message>
    <message>
        <source>调小语音音量</source>
        <translation>Turn the voice down</translation>
    </message>
    <message>
        <source>调大</source>
        <translation>Louder</translation>
    </message>
    <message>
        <source>调大语音音量</source>
        <translation>Turn the voice up</translation>
    </message>
    <message>
        <source>重新读取设置</source>
        <translation>Reload settings</translation>
    </message>
    <message>
        <source>退出到桌面</source>
        <translation>Exit to desktop</translation>
    </message>
    <message>
        <source>证明已重新打印</source>
        <translation>Certificate printed again</translation>
    </message>
    <message>
        <source>音量已保存</source>
        <translation>Volume saved</translation>
    </message>
    <message>
        <source>设置已重新读取并生效</source>
        <translation>Settings reloaded and in effect</translation>
    </message>
    <message>
        <source>今日打印（%1 张）</source>
        <translation>Today&apos;s prints (%1)</translation>
    </message>
    <message>
        <source>补打</source>
        <translation>Reprint</translation>
    </message>
    <message>
        <source>今日打印证明（%1 份）</source>
        <translation>Certificates printed today (%1)</translation>
    </message>
    <message>
        <source>核验码 %1</source>
        <translation>Verification code %1</translation>
    </message>
    <message>
        <source>打印中</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>操作</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>重新检测</source>
        <translation>Check again</translation>
    </message>
    <message>
        <source>打印测试页</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <source>读卡测试</source>
        <translation>Card read test</translation>
    </message>
    <message>
        <source>重启程序</source>
        <translation>Restart</translation>
    </message>
    <message>
        <source>已加入打印队列</source>
        <translation>Queued for printing</translation>
    </message>
    <message>
        <source>已重新排队上传</source>
        <translation>Queued for upload again</translation>
    </message>
    <message>
        <source>测试页已加入打印队列</source>
        <translation>Test page queued</translation>
    </message>
    <message>
        <source>操作未成功，请查看日志</source>
        <translation>That did not work: see the log</translation>
    </message>
    <message>
        <source>终端尚未就绪</source>
        <translation>The terminal is not ready yet</translation>
    </message>
    <message>
        <source>设置已重新读取；其中 %1 项需重启程序后生效</source>
        <translation>Settings reloaded; %1 of them take effect after a restart</translation>
    </message>
    <message>
        <source>设置文件有误，仍使用原设置；详细原因已记入日志</source>
        <translation>The settings file has an error; the previous settings stay in force. The details are in the log</translation>
    </message>
    <message>
        <source>版本：%1</source>
        <translation>Version: %1</translation>
    </message>
</context>
<context>
    <name>StaffWindowTicket</name>
    <message>
        <source>您今天已在此业务排队，号码 %1，请留意叫号。</source>
        <translation>You are already in this queue today with number %1. Please watch for it to be called.</translation>
    </message>
    <message>
        <source>本终端暂不能取号，请按“呼叫工作人员”。</source>
        <translation>Tickets cannot be taken at this terminal now. Please press &quot;Call staff&quot;.</translation>
    </message>
    <message>
        <source>终端尚未就绪，请稍候再试。</source>
        <translation>The terminal is not ready yet. Please try again shortly.</translation>
    </message>
    <message>
        <source>暂时无法取号，请按“呼叫工作人员”。</source>
        <translation>No ticket can be taken right now. Please press &quot;Call staff&quot;.</translation>
    </message>
    <message>
        <source>取号到人工窗口</source>
        <translation>Ticket for a staffed window</translation>
    </message>
    <message>
        <source>取号到人工窗口，到%1由工作人员为您办理</source>
        <translation>Ticket for a staffed window: staff at %1 will help you</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>缺纸</source>
        <translation>out of paper</translation>
    </message>
    <message>
        <source>纸将用尽</source>
        <translation>paper low</translation>
    </message>
    <message>
        <source>盖未合</source>
        <translation>cover open</translation>
    </message>
    <message>
        <source>离线</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>故障</source>
        <translation>fault</translation>
    </message>
    <message>
        <source>检测中</source>
        <translation>checking</translation>
    </message>
    <message>
        <source>演示模式</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>网络</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>在线</source>
        <translation>online</translation>
    </message>
    <message>
        <source>未连接</source>
        <translation>not connected</translation>
    </message>
    <message>
        <source> · 待上传 %1</source>
        <translation> · %1 to upload</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>读卡器</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <source>时间 %1</source>
        <translation>Time %1</translation>
    </message>
</context>
<context>
    <name>SuggestPage</name>
    <message>
        <source>请选择建议类型，写下涉及的事项和您的建议，然后点击提交。电话可以不填。</source>
        <translation>Choose the kind of suggestion, write which service it is about and your suggestion, then press submit. The phone number is optional.</translation>
    </message>
    <message>
        <source>我有建议</source>
        <translation>I have a suggestion</translation>
    </message>
    <message>
        <source>您的建议</source>
        <translation>Your suggestion</translation>
    </message>
    <message>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>哪些事项办起来麻烦、哪些证明没有必要，请告诉我们。每条建议都有编号，处理结果可凭编号查询。</source>
        <translation>Tell us which services are troublesome and which certificates are unnecessary. Every suggestion gets a number to look up what was done.</translation>
    </message>
    <message>
        <source>建议类型</source>
        <translation>Kind of suggestion</translation>
    </message>
    <message>
        <source>简化办事</source>
        <translation>Make it simpler</translation>
    </message>
    <message>
        <source>取消不必要的证明</source>
        <translation>Drop an unnecessary certificate</translation>
    </message>
    <message>
        <source>涉及的事项（或您要找的事项）</source>
        <translation>Service concerned (or what you were looking for)</translation>
    </message>
    <message>
        <source>涉及的事项</source>
        <translation>Service concerned</translation>
    </message>
    <message>
        <source>如：居住证申领</source>
        <translation>e.g. residence permit</translation>
    </message>
    <message>
        <source>如：希望不再要求提供某某证明</source>
        <translation>e.g. please stop asking for this certificate</translation>
    </message>
    <message>
        <source>联系电话（选填，用于答复您）</source>
        <translation>Phone (optional, for the answer)</translation>
    </message>
    <message>
        <source>可不填</source>
        <translation>Optional</translation>
    </message>
    <message>
        <source>电话只用于答复您；提交后屏幕和回执上只显示部分号码。</source>
        <translation>The phone number is only used to answer you; after submitting, the screen and slip show only part of it.</translation>
    </message>
    <message>
        <source>正在提交，请稍候……</source>
        <translation>Submitting, please wait…</translation>
    </message>
    <message>
        <source>提交建议</source>
        <translation>Submit suggestion</translation>
    </message>
</context>
<context>
    <name>SupplementDonePage</name>
    <message>
        <source>补正材料已提交，请取走补正回执。</source>
        <translation>Your materials were submitted. Please take your slip.</translation>
    </message>
    <message>
        <source>补正材料已保存，联网后自动提交，请取走补正回执。</source>
        <translation>Your materials were saved and will be sent when the network is back. Please take your slip.</translation>
    </message>
    <message>
        <source>补正结果</source>
        <translation>Supplement result</translation>
    </message>
    <message>
        <source>补正材料已提交，办理部门将继续办理。</source>
        <translation>Your materials were submitted; the department will continue with your case.</translation>
    </message>
    <message>
        <source>网络暂时中断：补正材料已在本机保存，联网后自动提交，无需再次补正。</source>
        <translation>The network is down: your materials are saved on this terminal and will be sent automatically. You do not need to supplement them again.</translation>
    </message>
    <message>
        <source>受理编号：%1</source>
        <translation>Receipt no.: %1</translation>
    </message>
    <message>
        <source>%1. %2：已扫描（%3 页）</source>
        <translation>%1. %2: scanned (%3 pages)</translation>
    </message>
    <message>
        <source>请取走补正回执。办理进度可凭受理编号查询。</source>
        <translation>Please take your slip. You can check the progress with the receipt number.</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>SupplementPage</name>
    <message>
        <source>请逐项扫描需要补正的材料，全部扫描后按“提交补正”。</source>
        <translation>Scan each material asked for, then press &quot;Submit&quot;.</translation>
    </message>
    <message>
        <source>补正材料</source>
        <translation>Supplement materials</translation>
    </message>
    <message>
        <source>受理编号：%1</source>
        <translation>Receipt no.: %1</translation>
    </message>
    <message>
        <source>工作人员需要您补充下列材料。请把每一项放在高拍仪下扫描。</source>
        <translation>Staff need the materials below. Put each one under the document camera to scan it.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>%1，已扫描 %2 页</source>
        <translation>%1, %2 pages scanned</translation>
    </message>
    <message>
        <source>%1，尚未扫描</source>
        <translation>%1, not scanned yet</translation>
    </message>
    <message>
        <source>已扫描（%1 页）</source>
        <translation>Scanned (%1 pages)</translation>
    </message>
    <message>
        <source>尚未扫描</source>
        <translation>Not scanned yet</translation>
    </message>
    <message>
        <source>重新扫描</source>
        <translation>Scan again</translation>
    </message>
    <message>
        <source>扫描补正</source>
        <translation>Scan to supplement</translation>
    </message>
    <message>
        <source>正在提交，请稍候……</source>
        <translation>Submitting, please wait…</translation>
    </message>
    <message>
        <source>提交补正</source>
        <translation>Submit</translation>
    </message>
</context>
<context>
    <name>TicketPage</name>
    <message>
        <source>请选择要办理的业务，取号后请留意叫号。</source>
        <translation>Choose your service. After taking a number, watch for it to be called.</translation>
    </message>
    <message>
        <source>取号</source>
        <translation>Take a number</translation>
    </message>
    <message>
        <source>您今天已在此业务排队，号码 %1，请留意叫号。</source>
        <translation>You are already in this queue today with number %1. Please watch for it to be called.</translation>
    </message>
    <message>
        <source>此业务需先刷身份证。</source>
        <translation>This service needs your ID card first.</translation>
    </message>
    <message>
        <source>此业务今天不在本终端取号，请咨询工作人员。</source>
        <translation>Numbers for this service are not given at this terminal today. Please ask the staff.</translation>
    </message>
    <message>
        <source>终端尚未就绪，请稍候再试。</source>
        <translation>The terminal is not ready yet. Please try again shortly.</translation>
    </message>
    <message>
        <source>暂时无法取号，请稍后再试或咨询工作人员。</source>
        <translation>No number can be given right now. Please try again later or ask the staff.</translation>
    </message>
    <message>
        <source>请选择要办理的业务</source>
        <translation>Choose your service</translation>
    </message>
    <message>
        <source>老年人、残疾人、现役军人等优先办理，工作人员可能查验证件</source>
        <translation>For older people, people with disabilities, service members and others with priority; staff may ask for proof</translation>
    </message>
    <message>
        <source>需刷身份证取号</source>
        <translation>ID card needed</translation>
    </message>
    <message>
        <source>无需刷卡，直接取号</source>
        <translation>No card needed</translation>
    </message>
    <message>
        <source>已取号？查看叫号和窗口</source>
        <translation>Have a ticket? Check calls</translation>
    </message>
    <message>
        <source>正在出号，请稍候……</source>
        <translation>Printing your number, please wait…</translation>
    </message>
    <message>
        <source>优先窗口为 70 岁以上老年人、残疾人、现役军人、孕妇等提供服务。刷身份证可自动核验年龄；其他情况请向窗口出示相关证件。</source>
        <translation>The priority window serves people over 70, people with disabilities, service members, pregnant women and others. An ID card proves age automatically; otherwise please show proof at the window.</translation>
    </message>
    <message>
        <source>确认取号</source>
        <translation>Take the number</translation>
    </message>
    <message>
        <source>返回</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>TicketResultPage</name>
    <message>
        <source>排队号未能打印，请选择在屏幕上显示号码、重新打印或取消。</source>
        <translation>Your number could not be printed. Choose to show it on screen, print again, or cancel.</translation>
    </message>
    <message>
        <source>取号成功，请留意叫号。</source>
        <translation>Here is your number. Please watch for it to be called.</translation>
    </message>
    <message>
        <source>排队号未能打印</source>
        <translation>Number not printed</translation>
    </message>
    <message>
        <source>取号成功</source>
        <translation>Your number</translation>
    </message>
    <message>
        <source>打印机缺纸，排队号未能打印。</source>
        <translation>The printer is out of paper; your number was not printed.</translation>
    </message>
    <message>
        <source>打印机盖未合上，排队号未能打印。</source>
        <translation>The printer cover is open; your number was not printed.</translation>
    </message>
    <message>
        <source>打印机没有响应，排队号未能打印。</source>
        <translation>The printer did not respond; your number was not printed.</translation>
    </message>
    <message>
        <source>打印机故障，排队号未能打印。</source>
        <translation>The printer has a fault; your number was not printed.</translation>
    </message>
    <message>
        <source>%1 · 您的号码</source>
        <translation>%1 · your number</translation>
    </message>
    <message>
        <source>号码 %1</source>
        <translation>Number %1</translation>
    </message>
    <message>
        <source>前面还有 %1 人，预计等候约 %2 分钟</source>
        <translation>%1 ahead of you, about %2 minutes&apos; wait</translation>
    </message>
    <message>
        <source>前面还有 %1 人</source>
        <translation>%1 ahead of you</translation>
    </message>
    <message>
        <source>网络暂时中断，本号码由本终端发放，叫号不受影响，请留意叫号屏。</source>
        <translation>The network is down; this terminal gave your number. You will still be called; watch the display.</translation>
    </message>
    <message>
        <source>本终端估算：前面约 %1 人，约 %2 分钟。只按本终端记录估算，未计已叫的号和其他终端取的号，以叫号屏为准。</source>
        <translation>This terminal&apos;s estimate: about %1 people ahead, about %2 minutes. It counts only this terminal&apos;s records, not numbers already called or tickets from other terminals; the hall display is what counts.</translation>
    </message>
    <message>
        <source>本终端估算：前面约 %1 人。只按本终端记录估算，未计已叫的号和其他终端取的号，以叫号屏为准。</source>
        <translation>This terminal&apos;s estimate: about %1 people ahead. It counts only this terminal&apos;s records, not numbers already called or tickets from other terminals; the hall display is what counts.</translation>
    </message>
    <message>
        <source>请记下或拍下此号码和二维码，到窗口时出示。</source>
        <translation>Write down or photograph this number and QR code, and show it at the window.</translation>
    </message>
    <message>
        <source>我已记下号码</source>
        <translation>I have noted the number</translation>
    </message>
    <message>
        <source>排队号已打印，请在出纸口取走，并留意叫号。</source>
        <translation>Your number is printed. Please take it from the slot and watch for it to be called.</translation>
    </message>
    <message>
        <source>本屏号码保留 %1 分钟，或到您点击“我已记下号码”为止。</source>
        <translation>This number stays on screen for %1 minutes, or until you tap &quot;I have noted the number&quot;.</translation>
    </message>
    <message>
        <source>操作未成功，请再试一次或咨询工作人员。</source>
        <translation>That did not work. Please try again or ask the staff.</translation>
    </message>
    <message>
        <source>在屏幕上显示号码</source>
        <translation>Show the number on screen</translation>
    </message>
    <message>
        <source>重新打印</source>
        <translation>Print again</translation>
    </message>
    <message>
        <source>不取号了</source>
        <translation>Cancel the number</translation>
    </message>
    <message>
        <source>完成</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>WhereToGoPage</name>
    <message>
        <source>请将排队小票上的二维码对准扫描口，或输入排队号。</source>
        <translation>Hold the QR code of your queue ticket to the scanner, or enter your queue number.</translation>
    </message>
    <message>
        <source>叫号查询</source>
        <translation>Where do I go?</translation>
    </message>
    <message>
        <source>请到 %1 号窗口</source>
        <translation>Please go to window %1</translation>
    </message>
    <message>
        <source>下一位就是您</source>
        <translation>You are next</translation>
    </message>
    <message>
        <source>前面还有 %1 人</source>
        <translation>%1 people ahead of you</translation>
    </message>
    <message>
        <source>此号已办结</source>
        <translation>This ticket is finished</translation>
    </message>
    <message>
        <source>此号已过号</source>
        <translation>This number was missed</translation>
    </message>
    <message>
        <source>此号已作废</source>
        <translation>This ticket is void</translation>
    </message>
    <message>
        <source>暂时无法查询叫号情况</source>
        <translation>Cannot check the calls right now</translation>
    </message>
    <message>
        <source>您的号码 %1 已叫到，请到 %2 号窗口（%3）办理。</source>
        <translation>Your number %1 has been called. Please go to window %2 (%3).</translation>
    </message>
    <message>
        <source>您的号码 %1 已叫到，请到 %2 号窗口办理。</source>
        <translation>Your number %1 has been called. Please go to window %2.</translation>
    </message>
    <message>
        <source>您的号码 %1 正在等候，预计还需约 %2 分钟（按今天实际叫号速度估算）。请留意叫号屏和语音播报。</source>
        <translation>Your number %1 is waiting, about %2 more minutes (estimated from today&apos;s actual calls). Please watch the hall display and listen for the announcement.</translation>
    </message>
    <message>
        <source>您的号码 %1 正在等候。请留意叫号屏和语音播报。</source>
        <translation>Your number %1 is waiting. Please watch the hall display and listen for the announcement.</translation>
    </message>
    <message>
        <source>号码 %1 的业务已办理完毕。如还有其他业务，请重新取号。</source>
        <translation>The business of number %1 is finished. For anything else, please take a new ticket.</translation>
    </message>
    <message>
        <source>号码 %1 叫号时您不在，已过号。请重新取号；如有急事，可到综合窗口请工作人员帮您处理。</source>
        <translation>Number %1 was called while you were away and has been missed. Please take a new ticket; if it is urgent, ask the staff at the general window.</translation>
    </message>
    <message>
        <source>号码 %1 已作废，请重新取号。</source>
        <translation>Number %1 is void. Please take a new ticket.</translation>
    </message>
    <message>
        <source>网络中断，本终端现在查不到号码 %1 是否已叫到。请留意大厅叫号屏：叫到您的号码时，屏上会显示号码和窗口，并语音播报。</source>
        <translation>The network is down, so this terminal cannot tell whether number %1 has been called. Please watch the hall display: when your number is called it shows the number and the window, and announces it.</translation>
    </message>
    <message>
        <source>仅供参考：取号时（%1）前面有 %2 人，这是当时的数字，不是现在的。</source>
        <translation>For reference only: when the ticket was taken (%1) there were %2 people ahead; that was then, not now.</translation>
    </message>
    <message>
        <source>重新取号</source>
        <translation>Take a new ticket</translation>
    </message>
    <message>
        <source>查询其他号码</source>
        <translation>Check another number</translation>
    </message>
    <message>
        <source>扫描排队小票上的二维码</source>
        <translation>Scan the QR code of your queue ticket</translation>
    </message>
    <message>
        <source>输入排队号</source>
        <translation>Enter your queue number</translation>
    </message>
    <message>
        <source>正在查询，请稍候……</source>
        <translation>Checking, please wait…</translation>
    </message>
    <message>
        <source>将小票上的二维码对准扫描口，自动显示叫号情况；也可以在下面输入小票上的排队号。</source>
        <translation>Hold the ticket&apos;s QR code to the scanner to see its calls, or enter the queue number printed on it below.</translation>
    </message>
    <message>
        <source>排队号</source>
        <translation>Queue number</translation>
    </message>
    <message>
        <source>如 A007</source>
        <translation>e.g. A007</translation>
    </message>
    <message>
        <source>查询</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>输入排队号只能查到本终端今天取的号；其他终端取的号请扫描小票上的二维码。</source>
        <translation>A typed number finds only tickets taken at this terminal today; for tickets from other terminals, scan the QR code.</translation>
    </message>
    <message>
        <source>演示：模拟扫描最近的小票</source>
        <translation>Demo: scan the last ticket</translation>
    </message>
    <message>
        <source>没有查到这个排队号。排队号只在取号当天有效，请核对号码，或扫描小票上的二维码。</source>
        <translation>No such queue number. Numbers are valid only on the day they are taken; please check the number, or scan the QR code on your ticket.</translation>
    </message>
</context>
</TS>
