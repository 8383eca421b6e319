"""The certificate registry's records for the sample cards (``assets/cards``): what the
departments' systems would hold for them. Invented, like the people and the city.

The kinds are those the sample catalog offers at the terminal: SB-005 个人社会保险参保证明打印
and ZF-004 不动产登记资料查询 (自助终端、窗口均可), and the 公积金 and 婚姻登记 certificates
provincial terminals print too. Summaries are written for the public check page: they name
no one and hold nothing the masked holder line does not.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from central.certificates import add_record
from central.sealing import Sealer


@dataclass(frozen=True)
class SampleCertificate:
    """One registry record of one sample card's holder."""

    id_number: str
    name: str
    kind: str
    title: str
    issuer: str
    service_code: str | None
    fields: tuple[tuple[str, str], ...]
    summary: str


RESIDENT = ("110105198003150012", "张明丰")  # assets/cards/resident.json
INSURED = ("440304198702200040", "周晓梅")  # assets/cards/social_security.json

SAMPLE_CERTIFICATES: tuple[SampleCertificate, ...] = (
    SampleCertificate(
        *RESIDENT,
        "SB",
        "社会保险参保缴费证明（个人）",
        "示范市社会保险事业管理中心",
        "SB-005",
        (
            ("参保单位", "示范市示例科技有限公司"),
            ("参保险种", "企业职工基本养老保险、失业保险、工伤保险、职工基本医疗保险"),
            ("首次参保年月", "2003年07月"),
            ("累计缴费月数", "269个月"),
            ("最近缴费年月", "2026年11月"),
            ("参保状态", "正常参保"),
        ),
        "该参保人自2003年07月起在本市参加社会保险，累计缴费269个月，当前为正常参保状态。",
    ),
    SampleCertificate(
        *RESIDENT,
        "GJJ",
        "住房公积金缴存证明",
        "示范市住房公积金管理中心",
        None,
        (
            ("缴存单位", "示范市示例科技有限公司"),
            ("个人账号", "GJJ110105000345"),
            ("开户日期", "2003年08月01日"),
            ("月缴存额", "2,400.00元（单位、个人各1,200.00元）"),
            ("缴至年月", "2026年11月"),
            ("账户状态", "正常缴存"),
        ),
        "该职工住房公积金账户自2003年08月起正常缴存，已缴至2026年11月。",
    ),
    SampleCertificate(
        *RESIDENT,
        "BDC",
        "不动产登记信息查询结果",
        "示范市不动产登记中心",
        "ZF-004",
        (
            ("不动产权证号", "示（2016）示范市不动产权第0012345号"),
            ("坐落", "示范市朝阳区示例路1号院2号楼303室"),
            ("权利类型", "国有建设用地使用权/房屋所有权"),
            ("用途", "住宅"),
            ("建筑面积", "89.62平方米"),
            ("登记日期", "2016年03月18日"),
            ("抵押、查封情况", "无"),
        ),
        "经查询，该权利人名下在本市登记的不动产共1处，无抵押登记、无查封登记。",
    ),
    SampleCertificate(
        *RESIDENT,
        "HY",
        "婚姻登记记录证明",
        "示范市民政局婚姻登记处",
        None,
        (
            ("登记类型", "结婚登记"),
            ("登记日期", "2010年05月20日"),
            ("登记机关", "示范市民政局"),
            ("结婚证字号", "J110105-2010-004521"),
        ),
        "经查询本市婚姻登记档案，该当事人有结婚登记记录1条，无离婚登记记录。",
    ),
    SampleCertificate(
        *INSURED,
        "SB",
        "社会保险参保缴费证明（个人）",
        "示范市社会保险事业管理中心",
        "SB-005",
        (
            ("参保单位", "示范市示例商贸有限公司"),
            ("参保险种", "企业职工基本养老保险、失业保险、职工基本医疗保险"),
            ("首次参保年月", "2010年03月"),
            ("累计缴费月数", "201个月"),
            ("最近缴费年月", "2026年11月"),
            ("参保状态", "正常参保"),
        ),
        "该参保人自2010年03月起在本市参加社会保险，累计缴费201个月，当前为正常参保状态。",
    ),
)


def seed_sample_certificates(s: Session, sealer: Sealer, id_hash_key: bytes) -> int:
    """Put every sample record into the registry (replacing earlier ones); how many."""
    for cert in SAMPLE_CERTIFICATES:
        add_record(
            s,
            sealer,
            id_hash_key,
            cert.id_number,
            kind=cert.kind,
            title=cert.title,
            issuer=cert.issuer,
            name=cert.name,
            fields=list(cert.fields),
            summary=cert.summary,
            service_code=cert.service_code,
        )
    return len(SAMPLE_CERTIFICATES)
