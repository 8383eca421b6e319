"""Sample referrals: what this hall does NOT handle, and where the citizen goes instead.

Passports and permits (出入境), driving licences and vehicles (车管), personal income tax and the
no-criminal-record certificate are handled by their own offices, not in the 政务服务大厅 the
sample describes. The national channels (国家移民管理局政务服务平台 and its 12367 line, 交管12123,
the tax service's 12366 and 个人所得税 app) are real; the offices, addresses and local numbers of
the invented 示范市 are marked as sample data like every other sample content.
"""

from __future__ import annotations

from typing import Any

SAMPLE_PLACE = "（示范数据：虚构城市的地址）"
IMMIGRATION = "示范市公安局出入境管理支队"
IMMIGRATION_HALL = "示范市人民路88号出入境接待大厅" + SAMPLE_PLACE
IMMIGRATION_HOURS = "周一至周五 9:00-17:00，周六 9:00-12:00（法定节假日除外）"
NIA = {"name": "国家移民管理局政务服务平台", "url": "https://s.nia.gov.cn"}
TRAFFIC = "示范市公安局交通警察支队车辆管理所"
TRAFFIC_HALL = "示范市机场路16号车管所业务大厅" + SAMPLE_PLACE
TRAFFIC_PHONE = "0999-86122122"
TRAFFIC_NOTE = "示范市车管所（示范数据：虚构城市的号码，非真实电话）"
TRAFFIC_HOURS = "周一至周六 8:30-17:30（法定节假日除外）"
APP_12123 = {"name": "交管12123", "url": "https://gab.122.gov.cn"}


def referral(
    code: str,
    name: str,
    keywords: list[str],
    description: str,
    unit: str,
    address: str,
    phone: str,
    hours: str,
    bring: str,
    online: dict[str, str] | None = None,
    phone_note: str | None = None,
    popularity: int = 0,
) -> dict[str, Any]:
    """One referral entry in the exchange format."""
    out: dict[str, Any] = {
        "kind": "referral",
        "code": code,
        "name": name,
        "keywords": keywords,
        "description": description,
        "unit": unit,
        "address": address,
        "phone": phone,
        "hours": hours,
        "bring": bring,
    }
    if phone_note:
        out["phone_note"] = phone_note
    if online:
        out["online"] = online
    if popularity:
        out["popularity"] = popularity
    return out


def referrals() -> list[dict[str, Any]]:
    """The sample hall's referrals, in display order."""
    return [
        referral(
            "ZZ-CRJ-001",
            "普通护照申领、换发、补发",
            ["护照", "办护照", "出国", "出国证件", "护照过期", "护照丢了", "因私护照"],
            "护照由公安机关出入境管理部门受理，本大厅不办理。全国范围内可就近办理。",
            IMMIGRATION,
            IMMIGRATION_HALL,
            "12367",
            IMMIGRATION_HOURS,
            "居民身份证原件；未满16周岁的由监护人陪同，带户口簿和监护人身份证",
            NIA,
            popularity=60,
        ),
        referral(
            "ZZ-CRJ-002",
            "往来港澳通行证及签注",
            ["港澳通行证", "去香港", "去澳门", "港澳签注", "回乡证", "港澳"],
            "往来港澳通行证和签注由公安机关出入境管理部门受理，本大厅不办理。",
            IMMIGRATION,
            IMMIGRATION_HALL,
            "12367",
            IMMIGRATION_HOURS,
            "居民身份证原件；再次签注的带上通行证；可在自助签注机办理签注",
            NIA,
        ),
        referral(
            "ZZ-CRJ-003",
            "往来台湾通行证及签注",
            ["台湾通行证", "台胞证", "去台湾", "赴台", "大通证"],
            "往来台湾通行证和签注由公安机关出入境管理部门受理，本大厅不办理。",
            IMMIGRATION,
            IMMIGRATION_HALL,
            "12367",
            IMMIGRATION_HOURS,
            "居民身份证原件；办签注的带上往来台湾通行证",
            NIA,
        ),
        referral(
            "ZZ-CRJ-004",
            "出入境记录查询",
            ["出入境", "出入境记录", "出境记录", "入境记录"],
            "本人出入境记录由公安机关出入境管理部门出具，本大厅不办理。",
            IMMIGRATION,
            IMMIGRATION_HALL,
            "12367",
            IMMIGRATION_HOURS,
            "居民身份证原件；委托他人的，带委托书和受托人身份证",
            NIA,
        ),
        referral(
            "ZZ-JJ-001",
            "机动车驾驶证换证、补证",
            ["驾照", "驾驶证", "换驾照", "补驾照", "驾照到期", "驾照丢了", "驾驶证换证"],
            "驾驶证业务由公安交通管理部门受理，本大厅不办理；期满换证和补证可在网上办理。",
            TRAFFIC,
            TRAFFIC_HALL,
            TRAFFIC_PHONE,
            TRAFFIC_HOURS,
            "居民身份证原件、驾驶证（补证的不用）、近期体检证明（换证时）",
            APP_12123,
            TRAFFIC_NOTE,
            popularity=60,
        ),
        referral(
            "ZZ-JJ-002",
            "机动车登记（上牌、过户、注销）",
            ["车管", "车管所", "上牌", "过户", "车辆过户", "行驶证", "车辆登记", "新车上牌"],
            "机动车登记由公安交通管理部门车辆管理所受理，本大厅不办理。",
            TRAFFIC,
            TRAFFIC_HALL,
            TRAFFIC_PHONE,
            TRAFFIC_HOURS,
            "机动车所有人身份证明、机动车登记证书、行驶证、车辆及购车或过户凭证",
            APP_12123,
            TRAFFIC_NOTE,
        ),
        referral(
            "ZZ-JJ-003",
            "机动车驾驶人考试报名",
            ["考驾照", "学车", "驾考", "驾驶人考试"],
            "驾驶人考试由公安交通管理部门组织，报名在驾驶培训学校或网上办理，本大厅不办理。",
            TRAFFIC,
            TRAFFIC_HALL,
            TRAFFIC_PHONE,
            TRAFFIC_HOURS,
            "居民身份证原件、县级以上医疗机构出具的驾驶人身体条件证明",
            APP_12123,
            TRAFFIC_NOTE,
        ),
        referral(
            "ZZ-SW-001",
            "个人所得税汇算和纳税记录开具",
            ["个税", "个人所得税", "税务", "交税", "退税", "完税证明", "纳税记录"],
            "个人所得税业务由税务机关办理，本大厅不设税务窗口；多数业务可在手机上办理。",
            "国家税务总局示范市税务局第一税务分局",
            "示范市建设路20号办税服务厅" + SAMPLE_PLACE,
            "12366",
            "周一至周五 9:00-12:00，13:30-17:00（法定节假日除外）",
            "居民身份证原件；代办的带委托书和代办人身份证",
            {"name": "个人所得税网页版（自然人电子税务局）", "url": "https://etax.chinatax.gov.cn"},
        ),
        referral(
            "ZZ-GA-001",
            "无犯罪记录证明开具",
            ["无犯罪记录证明", "无犯罪证明", "无犯罪", "犯罪记录"],
            "无犯罪记录证明由户籍地或居住地公安派出所出具，本大厅不办理。",
            "示范市公安局人民路派出所",
            "示范市人民路120号户籍室" + SAMPLE_PLACE,
            "0999-86110111",
            "周一至周五 9:00-17:00（法定节假日除外）",
            "居民身份证原件；用途说明；委托他人的带委托书和受托人身份证",
            None,
            "示范市公安局人民路派出所（示范数据：虚构城市的号码，非真实电话）",
        ),
    ]
