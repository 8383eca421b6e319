"""The legal basis (设定依据) of every material of the sample catalog.

The notice 国办发〔2015〕86号 二(二) asks that each material a guide lists names the provision
that sets it, and that a material without one is not asked for. ``MATERIAL_BASIS`` gives, per
service, the provision that lists the service's materials (``default``) and, by material name,
the ones set elsewhere. The builder fails on a service missing here, and on an override naming
a material the service does not have, so this table and the data cannot drift apart.

Provisions of the real national laws are cited as the sample's authors read them; local rules
named 《示范市…》 are as fictional as the city. Check every citation before real use.
"""

from __future__ import annotations

from typing import Any

from tools.catalog.common import law

ID_LAW = "《中华人民共和国居民身份证法》"
SSL = "《中华人民共和国社会保险法》"
HUKOU = "《中华人民共和国户口登记条例》"
RELIEF = "《社会救助暂行办法》"
CIVIL_CODE = "《中华人民共和国民法典》"
MARRIAGE_2025 = "《婚姻登记条例》（2025年修订）"
SSCARD = "《示范市社会保障卡管理办法》"
MARKET_REG = "《中华人民共和国市场主体登记管理条例》"

Basis = dict[str, str]

# code -> (the provision that lists the service's materials, {material name: its own provision})
MATERIAL_BASIS: dict[str, tuple[Basis, dict[str, Basis]]] = {
    "SY-001": (law("《示范市人口与计划生育条例》", "第二十条"), {}),
    "SY-002": (law("《中华人民共和国母婴保健法》", "第二十三条"), {}),
    "SY-003": (law(SSL, "第五十六条"), {}),
    "SY-004": (
        law("《中国公民收养子女登记办法》", "第六条"),
        {
            "收养人、送养人居民身份证": law("《中国公民收养子女登记办法》", "第六条、第七条"),
            "收养人无违法犯罪记录证明": law(CIVIL_CODE, "第一千零九十八条"),
        },
    ),
    "SY-005": (
        law(HUKOU, "第七条"),
        {"新生儿近期免冠证件照电子版": law(SSCARD, "第十条")},  # for the child's card
    ),
    "HJ-001": (law(HUKOU, "第七条"), {}),
    "HJ-002": (law("《示范市户籍管理规定》", "第十二条"), {}),
    "HJ-003": (
        law(ID_LAW, "第八条"),
        {"原居民身份证": law(ID_LAW, "第十一条")},
    ),
    "HJ-004": (law("《居住证暂行条例》", "第九条"), {}),
    "HJ-005": (law(HUKOU, "第八条"), {}),
    "SB-001": (law(SSCARD, "第十条"), {}),
    "SB-002": (law(SSCARD, "第十八条"), {}),
    "SB-003": (law("《城乡居民基本养老保险经办规程》", "第七条"), {}),
    "SB-004": (law("《城镇企业职工基本养老保险关系转移接续暂行办法》", "第八条"), {}),
    "SB-005": (law(SSL, "第七十四条"), {}),
    "SB-006": (law("《失业保险条例》", "第十六条"), {}),
    "SB-007": (law("《工伤保险条例》", "第十八条"), {}),
    "JY-001": (law("《就业服务与就业管理规定》", "第六十三条"), {}),
    "JY-002": (law("《示范市创业担保贷款实施办法》", "第六条"), {}),
    "JY-003": (
        law(
            "《国务院关于做好当前和今后一个时期促进就业工作的若干意见》（国发〔2018〕39号）",
            "二、（一）",
        ),
        {},
    ),
    "JY-005": (law("《就业补助资金管理办法》", "第六条"), {}),
    "JY-006": (law("《人力资源社会保障部关于改革完善技能人才评价制度的意见》", "三"), {}),
    "JY-007": (law("《就业服务与就业管理规定》", "第六十二条"), {}),
    "YL-001": (
        law("《国务院关于整合城乡居民基本医疗保险制度的意见》（国发〔2016〕3号）", "二、（一）"),
        {},
    ),
    "YL-002": (
        law("《国家医保局 财政部关于进一步做好基本医疗保险跨省异地就医直接结算工作的通知》", "二"),
        {},
    ),
    "YL-003": (law("《示范市基本医疗保险办法》", "第三十二条"), {}),
    "YL-004": (law("《示范市基本医疗保险门诊慢特病管理办法》", "第八条"), {}),
    "YL-005": (law("《中华人民共和国疫苗管理法》", "第四十七条"), {}),
    "ED-001": (law("《示范市义务教育招生入学工作实施意见》", "三"), {}),
    "ED-002": (law("《学生资助资金管理办法》", "第四章"), {}),
    "ED-003": (law("《示范市中小学学籍管理办法》", "第三十条"), {}),
    "ED-004": (law("《教师资格条例》", "第十五条"), {}),
    "ZF-001": (law("《示范市公共租赁住房管理实施细则》", "第十条"), {}),
    "ZF-002": (law("《住房公积金管理条例》", "第二十四条"), {}),
    "ZF-003": (law("《住房公积金管理条例》", "第二十六条"), {}),
    "ZF-004": (law("《不动产登记暂行条例》", "第二十七条"), {}),
    "HY-001": (
        law(MARRIAGE_2025, "第二章 结婚登记"),
        {"双方近期半身免冠合影2寸彩色照片": law("《婚姻登记工作规范》", "第三十条")},
    ),
    "HY-002": (law(MARRIAGE_2025, "第三章 离婚登记"), {}),
    "HY-003": (law(MARRIAGE_2025, "第四章 婚姻登记档案管理"), {}),
    "HY-004": (law("《中华人民共和国母婴保健法》", "第七条"), {}),
    "CJ-001": (law("《中华人民共和国残疾人证管理办法》", "第二章"), {}),
    "CJ-002": (
        law("《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》", "二"),
        {},
    ),
    "CJ-003": (law("《中华人民共和国残疾人保障法》", "第四章"), {}),
    "EL-001": (law("《示范市高龄津贴发放办法》", "第五条"), {}),
    "EL-002": (
        law("《国务院关于建立统一的城乡居民基本养老保险制度的意见》", "六、养老保险待遇及调整"),
        {},
    ),
    "EL-003": (law("《示范市老年人优待办法》", "第六条"), {}),
    "CS-001": (law("《中华人民共和国公共图书馆法》", "第三十三条"), {}),
    "CS-002": (law("《公共文化体育设施条例》", "第十八条"), {}),
    "CS-003": (law("《社会体育指导员管理办法》", "第十条"), {}),
    "SA-001": (law("《最低生活保障审核确认办法》", "第十条"), {}),
    "SA-002": (law(RELIEF, "第十六条"), {}),
    "SA-003": (law(RELIEF, "第四十八条"), {}),
    "SA-004": (law(RELIEF, "第二十八条"), {}),
    "IP-001": (
        law("《中华人民共和国专利法》", "第二十六条、第二十七条"),
        {"个人上年度收入情况证明": law("《专利收费减缴办法》", "第五条")},
    ),
    "IP-002": (law("《中华人民共和国商标法》", "第二十二条"), {}),
    "IP-003": (law("《示范市知识产权保护条例》", "第三十二条"), {}),
    "LS-001": (law("《中华人民共和国法律援助法》", "第四十一条、第四十三条"), {}),
    "LS-002": (law("《中华人民共和国公证法》", "第二十七条"), {}),
    "LS-003": (law("《中华人民共和国人民调解法》", "第十七条"), {}),
    "QY-001": (law(MARKET_REG, "第十六条"), {}),
    "QY-002": (law(MARKET_REG, "第十六条"), {}),
    "QY-003": (
        law(MARKET_REG, "第十六条"),
        {"变更决议或决定": law(MARKET_REG, "第二十四条")},
    ),
    "QY-004": (
        law(MARKET_REG, "第十六条"),
        {"全体投资人承诺书": law(MARKET_REG, "第三十三条")},
    ),
    "QY-005": (law("《示范市营业执照自助打印服务规范》", "第六条"), {}),
}


def apply_basis(services: list[dict[str, Any]]) -> None:
    """Give every material of ``services`` its basis (in place); raise on any mismatch."""
    for s in services:
        materials = s["guide"]["materials"]
        if not materials:
            continue
        if s["code"] not in MATERIAL_BASIS:
            raise KeyError(f"{s['code']}: no material basis in tools/catalog/basis.py")
        default, own = MATERIAL_BASIS[s["code"]]
        names = {m["name"] for m in materials}
        stray = sorted(set(own) - names)
        if stray:
            raise KeyError(f"{s['code']}: basis given for materials it does not list: {stray}")
        for m in materials:
            m.setdefault("basis", own.get(m["name"], default))
