"""Application forms (申请表) of the sample services that can be applied for at the terminal.

``FORMS`` maps a service code to its form in the exchange format; :mod:`tools.catalog.build`
puts each into ``guide.form``. Fields with a ``prefill`` come from the card read, never typed.
"""

from __future__ import annotations

from typing import Any


def field(
    id: str,
    label: str,
    type: str = "text",
    *,
    required: bool = True,
    help: str = "",
    prefill: str | None = None,
    choices: list[tuple[str, str]] | None = None,
    min: str | None = None,
    max: str | None = None,
    max_length: int | None = None,
    pattern: str | None = None,
    personal: bool | None = None,
) -> dict[str, Any]:
    """One form field in the exchange format (optional keys only when set)."""
    out: dict[str, Any] = {"id": id, "label": label, "type": type, "required": required}
    if help:
        out["help"] = help
    if prefill:
        out["prefill"] = prefill
    if choices:
        out["choices"] = [{"value": v, "label": lab} for v, lab in choices]
    if min is not None:
        out["min"] = min
    if max is not None:
        out["max"] = max
    if max_length is not None:
        out["max_length"] = max_length
    if pattern is not None:
        out["pattern"] = pattern
    # Identity-like types always identify a person; others only when the table says so.
    # ``personal=False`` is written out: a field that looks personal but was reviewed as not
    # (the catalog lint in kiosk/catalog/validation.py asks for one or the other).
    if personal or type in ("phone", "address", "id_number"):
        out["personal"] = True
    elif personal is False:
        out["personal"] = False
    return out


def form(title: str, *fields: dict[str, Any]) -> dict[str, Any]:
    """A whole form."""
    return {"title": title, "fields": list(fields)}


NAME = field("applicant_name", "申请人姓名", prefill="name", personal=True)
ID_NUMBER = field("applicant_id_number", "公民身份号码", "id_number", prefill="id_number")
PHONE = field("phone", "联系电话", "phone", help="用于接收办理进度短信，请填写本人手机号码")
ADDRESS = field("address", "现居住地址", "address", prefill="address", max_length=120)
BIRTH = field("birth_date", "出生日期", "date", prefill="birth_date", personal=True)
BANK_ACCOUNT = field(
    "bank_account",
    "本人社会保障卡金融账号或银行卡号",
    pattern=r"\d{12,19}",
    help="用于发放待遇，请填写本人名下账户",
    personal=True,
)
CHILD_NAME = field("child_name", "子女姓名", personal=True)
CHILD_ID = field("child_id_number", "子女公民身份号码", "id_number")

FORMS: dict[str, dict[str, Any]] = {
    "SY-001": form(
        "生育登记表",
        NAME,
        ID_NUMBER,
        PHONE,
        field("spouse_name", "配偶姓名", personal=True),
        field("spouse_id_number", "配偶公民身份号码", "id_number"),
        field("birth_order", "本次生育孩次", "number", min="1", max="10", personal=True),
        field("expected_date", "预产期", "date", required=False, min="2024-01-01"),
    ),
    "SY-003": form(
        "生育津贴申领表",
        NAME,
        ID_NUMBER,
        PHONE,
        field("delivery_date", "分娩日期", "date", min="2020-01-01", personal=True),
        field(
            "delivery_type",
            "分娩方式",
            "choice",
            choices=[("natural", "顺产"), ("caesarean", "剖宫产"), ("multiple", "多胞胎生育")],
            personal=True,
        ),
        field("employer", "参保单位名称", max_length=100),
        BANK_ACCOUNT,
    ),
    "HJ-003": form(
        "居民身份证申领登记表",
        NAME,
        ID_NUMBER,
        PHONE,
        field(
            "reason",
            "申领原因",
            "choice",
            choices=[
                ("first", "首次申领"),
                ("expiry", "有效期满换领"),
                ("damaged", "损坏换领"),
                ("lost", "丢失补领"),
            ],
        ),
        field("express", "是否邮寄送达", "yes_no", help="选择“是”将通过邮政寄送到下方地址"),
        field("mail_address", "邮寄地址", "address", required=False, max_length=120),
    ),
    "HJ-004": form(
        "居住证申领登记表",
        NAME,
        ID_NUMBER,
        PHONE,
        field("residence_address", "本市居住地址", "address", max_length=120),
        field("since", "来本市居住起始日期", "date", min="1990-01-01"),
        field(
            "basis",
            "申领依据",
            "choice",
            choices=[("work", "合法稳定就业"), ("home", "合法稳定住所"), ("study", "连续就读")],
        ),
    ),
    "SB-001": form(
        "社会保障卡申领登记表",
        NAME,
        ID_NUMBER,
        PHONE,
        ADDRESS,
        field(
            "bank",
            "金融功能合作银行",
            "choice",
            choices=[
                ("icbc", "工商银行"),
                ("abc", "农业银行"),
                ("boc", "中国银行"),
                ("ccb", "建设银行"),
            ],
        ),
        field("express", "是否邮寄送达", "yes_no"),
    ),
    "SB-002": form(
        "社会保障卡挂失补换申请表",
        NAME,
        ID_NUMBER,
        PHONE,
        field("reason", "补换原因", "choice", choices=[("lost", "遗失"), ("damaged", "损坏")]),
        field("lost_date", "遗失或损坏日期", "date", required=False, min="2000-01-01"),
    ),
    "SB-003": form(
        "城乡居民基本养老保险参保登记表",
        NAME,
        ID_NUMBER,
        PHONE,
        ADDRESS,
        field(
            "grade",
            "年缴费档次（元）",
            "choice",
            choices=[("200", "200元"), ("500", "500元"), ("1000", "1000元"), ("2000", "2000元")],
        ),
    ),
    "SB-006": form(
        "失业保险金申领登记表",
        NAME,
        ID_NUMBER,
        PHONE,
        field("last_employer", "原工作单位", max_length=100),
        field("separation_date", "解除或终止劳动合同日期", "date", min="2000-01-01"),
        field("contribution_months", "累计缴纳失业保险费月数", "number", min="12", max="600"),
        BANK_ACCOUNT,
    ),
    "JY-001": form(
        "就业创业登记表",
        NAME,
        ID_NUMBER,
        PHONE,
        field(
            "status",
            "登记类型",
            "choice",
            choices=[("employed", "就业登记"), ("unemployed", "失业登记")],
        ),
        field(
            "education",
            "文化程度",
            "choice",
            choices=[
                ("junior", "初中及以下"),
                ("senior", "高中或中专"),
                ("college", "大专"),
                ("bachelor", "本科及以上"),
            ],
        ),
        field("wants_training", "是否需要职业培训", "yes_no"),
    ),
    "JY-003": form(
        "一次性创业补贴申请表",
        NAME,
        ID_NUMBER,
        PHONE,
        field("business_name", "创业实体名称", max_length=100, personal=False),
        field(
            "credit_code",
            "统一社会信用代码",
            pattern=r"[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}",
            help="营业执照上的18位代码",
        ),
        field("registered_on", "登记注册日期", "date", min="2015-01-01"),
        field("employees", "带动就业人数", "number", min="0", max="10000"),
        BANK_ACCOUNT,
    ),
    "YL-001": form(
        "城乡居民基本医疗保险参保登记表",
        NAME,
        ID_NUMBER,
        PHONE,
        ADDRESS,
        field(
            "category",
            "参保人员类别",
            "choice",
            choices=[("adult", "成年居民"), ("student", "学生儿童"), ("newborn", "新生儿")],
        ),
        field("guardian_name", "监护人姓名", required=False, personal=True, help="未成年人填写"),
    ),
    "YL-002": form(
        "异地就医备案表",
        NAME,
        ID_NUMBER,
        PHONE,
        field(
            "kind",
            "备案类型",
            "choice",
            choices=[
                ("resident", "异地长期居住"),
                ("referral", "转诊转院"),
                ("temporary", "临时外出就医"),
            ],
        ),
        field("destination", "就医地（省市县）", max_length=60, personal=True),
        field("start_date", "备案开始日期", "date", min="2020-01-01"),
    ),
    "YL-003": form(
        "医疗费用手工报销申请表",
        NAME,
        ID_NUMBER,
        PHONE,
        field("hospital", "就诊医疗机构", max_length=100, personal=True),
        field("visit_date", "就诊日期", "date", min="2020-01-01", personal=True),
        field(
            "total_amount",
            "医疗费用总额（元）",
            "amount",
            min="0.01",
            max="9999999.99",
            personal=True,
        ),
        BANK_ACCOUNT,
    ),
    "ZF-001": form(
        "公共租赁住房申请表",
        NAME,
        ID_NUMBER,
        PHONE,
        ADDRESS,
        field("household_size", "共同申请家庭人数", "number", min="1", max="15"),
        field("monthly_income", "家庭月人均收入（元）", "amount", min="0", max="99999.99"),
        field("owns_home", "本市是否有自有住房", "yes_no"),
    ),
    "ZF-002": form(
        "住房公积金提取申请（租房）",
        NAME,
        ID_NUMBER,
        PHONE,
        field("rent_address", "租赁房屋地址", "address", max_length=120),
        field("monthly_rent", "月租金（元）", "amount", min="1", max="99999.99"),
        BANK_ACCOUNT,
    ),
    "CJ-001": form(
        "残疾人证申请表",
        NAME,
        ID_NUMBER,
        BIRTH,
        PHONE,
        ADDRESS,
        field(
            "category",
            "残疾类别",
            "choice",
            choices=[
                ("vision", "视力"),
                ("hearing", "听力"),
                ("speech", "言语"),
                ("physical", "肢体"),
                ("intellectual", "智力"),
                ("mental", "精神"),
            ],
            personal=True,
        ),
        field("guardian_name", "监护人姓名", required=False, personal=True),
        field("guardian_phone", "监护人电话", "phone", required=False),
    ),
    "EL-001": form(
        "高龄津贴申请表",
        NAME,
        ID_NUMBER,
        BIRTH,
        PHONE,
        ADDRESS,
        BANK_ACCOUNT,
    ),
    "EL-003": form(
        "老年人优待证申请表",
        NAME,
        ID_NUMBER,
        BIRTH,
        PHONE,
        field("express", "是否邮寄送达", "yes_no"),
    ),
    "SA-003": form(
        "临时救助申请表",
        NAME,
        ID_NUMBER,
        PHONE,
        ADDRESS,
        field("household_size", "家庭人口数", "number", min="1", max="15"),
        field(
            "cause",
            "困难原因",
            "choice",
            choices=[
                ("illness", "突发重大疾病"),
                ("accident", "意外事故"),
                ("disaster", "自然灾害"),
                ("other", "其他"),
            ],
        ),
        field("amount_requested", "申请救助金额（元）", "amount", min="1", max="50000"),
        field("description", "困难情况说明", max_length=500, personal=True),
    ),
    "LS-001": form(
        "法律援助申请表",
        NAME,
        ID_NUMBER,
        PHONE,
        ADDRESS,
        field(
            "matter",
            "申请事项",
            "choice",
            choices=[
                ("wages", "追索劳动报酬"),
                ("injury", "工伤赔偿"),
                ("family", "婚姻家庭"),
                ("other", "其他"),
            ],
        ),
        field("opponent", "对方当事人", max_length=100, personal=True),
        field("facts", "案情简述", max_length=1000, personal=True),
        field("low_income", "是否为低保或特困人员", "yes_no"),
    ),
    "ED-001": form(
        "义务教育阶段入学报名表",
        NAME,
        ID_NUMBER,
        PHONE,
        CHILD_NAME,
        CHILD_ID,
        field(
            "grade",
            "报名学段",
            "choice",
            choices=[("primary", "小学一年级"), ("junior", "初中一年级")],
        ),
        field("home_address", "实际居住地址", "address", max_length=120),
    ),
}
