"""The commitment text (告知承诺) of every material of the sample that a commitment may replace.

Each says what exactly the applicant promises and what follows if it proves false, for that
material (a generic "all of the above is true" is not a commitment anyone can check). The
builder fails on a commitment material missing here, and on an entry no material uses.
"""

from __future__ import annotations

from typing import Any

FALSE_BENEFIT = "如承诺不实，将撤销办理结果、追回已发放的资金，并记入个人信用记录"
FALSE_RESULT = "如承诺不实，将撤销办理结果，并记入个人信用记录"
INCOME = (
    "家庭成员的收入、存款、房产、车辆等财产已全部如实申报，并授权核对机构查询",
    "如隐瞒或虚报，将停止或撤销救助、追回已领取的款物，并记入个人信用记录",
)

# material name -> (what is promised, what follows if it is false)
COMMITMENTS: dict[str, tuple[str, str]] = {
    "生育情况个人承诺书": (
        "夫妻双方现有子女数（含再婚前所生子女）和本次生育情况已如实填写",
        FALSE_RESULT,
    ),
    "收养人婚姻状况和抚养能力情况": (
        "本人婚姻状况如实申报，有抚养、教育和保护被收养人的能力，无不利于被收养人健康成长的情形",
        "如承诺不实，收养登记机关将依法撤销收养登记，并追究相应法律责任",
    ),
    "亲属关系证明": (
        "迁移人与被投靠人之间的夫妻、父母子女关系真实",
        "如承诺不实，将注销违规迁入的户口，并依法追究责任",
    ),
    "居住地址证明": (
        "本人在所申报的地址实际居住，且已取得房屋所有人或出借人的同意",
        "如承诺不实，将注销所办居住证，并记入个人信用记录",
    ),
    "未参加其他基本养老保险的证明": (
        "本人未参加职工基本养老保险或其他基本养老保险",
        "如承诺不实，将清退重复参保的缴费记录，已享受的待遇依法追回",
    ),
    "未就业及未领取基本养老金的证明": (
        "本人目前处于失业状态，未重新就业，未领取基本养老金",
        "如承诺不实，将停发失业保险金并追回已领取部分，依法追究骗保责任",
    ),
    "本人及配偶无其他经营性贷款的证明": (
        "本人及配偶目前没有其他经营性贷款（助学贷款、扶贫贷款、住房贷款等除外）",
        "如承诺不实，经办银行将提前收回贷款并停止财政贴息",
    ),
    "正常经营情况证明": (
        "所创办的经营实体自登记以来正常经营，经营场所真实",
        "如承诺不实，将追回已发放的创业补贴，并记入个人信用记录",
    ),
    "从事本职业工作年限证明": (
        "本人从事申报职业（工种）的工作年限符合报名条件，所填工作经历真实",
        "如承诺不实，将取消考试资格或撤销已取得的职业技能等级证书",
    ),
    "异地居住或工作证明": (
        "本人在备案地长期居住或工作",
        "如承诺不实，将撤销异地就医备案，违规报销的医疗费用依法追回",
    ),
    "实际居住情况证明": (
        "本人及子女在所申报的地址实际居住",
        "如承诺不实，将取消学位安排，并记入个人信用记录",
    ),
    "家庭经济困难情况证明": (
        "家庭经济困难情况如实填写，学生与家长均已知悉",
        "如承诺不实，将取消资助资格并追回已发放的助学金",
    ),
    "毕业证书遗失声明": (
        "本人的毕业证书确已遗失或损毁，如日后找到原件将不再使用",
        "如承诺不实，将注销补发的毕业证明书",
    ),
    "思想品德鉴定": (
        "本人遵守宪法和法律，热爱教育事业，无受过剥夺政治权利或故意犯罪受到有期徒刑以上刑事处罚的情形",
        "如承诺不实，将撤销教师资格，且五年内不得重新申请认定",
    ),
    "家庭收入和财产状况证明": INCOME,
    "未享受同类补贴的证明": (
        "本人未同时享受其他同类性质的生活补贴或护理补贴",
        FALSE_BENEFIT,
    ),
    "未领取其他基本养老保障待遇的证明": (
        "本人未领取职工基本养老金或其他基本养老保障待遇",
        FALSE_BENEFIT,
    ),
    "个人上年度收入情况证明": (
        "所填写的本人上年度收入真实",
        "如承诺不实，将追缴已减缴的专利费用，并依法处理",
    ),
    "住所（经营场所）使用证明": (
        "所申报的住所（经营场所）真实存在、可以使用，已取得房屋产权人或出租人同意；"
        "将住宅改为经营场所的，已取得有利害关系的业主同意",
        "如承诺不实，登记机关将依法责令改正，将其列入经营异常名录，并记入信用记录",
    ),
    "经济困难状况证明": (
        "本人及共同生活的家庭成员的经济困难状况如实申报",
        "如承诺不实，将终止法律援助，并依法追回已支付的法律援助费用",
    ),
}


def apply_commitments(services: list[dict[str, Any]]) -> None:
    """Give every commitment material of ``services`` its own text (in place); raise if one
    has none or an entry here is used by no material."""
    used: set[str] = set()
    for s in services:
        for m in s["guide"]["materials"]:
            if m["source"] != "commitment":
                continue
            if m["name"] not in COMMITMENTS:
                raise KeyError(f"{s['code']}: no commitment text for {m['name']}")
            promise, if_false = COMMITMENTS[m["name"]]
            m.setdefault("commitment", {"promise": promise, "if_false": if_false})
            used.add(m["name"])
    unused = sorted(set(COMMITMENTS) - used)
    if unused:
        raise KeyError(f"commitment texts no material uses: {unused}")
