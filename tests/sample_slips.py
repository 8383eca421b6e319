"""Typical slips with made-up, already masked data, for tests and benchmarks."""

from __future__ import annotations

from datetime import date, datetime

from kiosk.printing import followup_slips as F
from kiosk.printing import layouts as L
from kiosk.printing.document import Document

HALL = "广州市天河区政务服务中心"


def sample_receipt(now: datetime) -> Document:
    """A submission receipt with a long service name, materials and a progress QR code."""
    return L.receipt(
        L.ReceiptData(
            hall_name=HALL,
            receipt_no="R20240506-T01-0007",
            service_name="城乡居民基本医疗保险参保登记（含新生儿、大中专学生参保）",
            applicant="张*明",
            id_number="4401**********123X",
            submitted_at=now,
            terminal_name="自助终端 1 号",
            next_step="请于 5 个工作日后凭本回执到二楼 12 号窗口领取结果，或留意短信通知。",
            promised_date=date(2024, 5, 13),
            promised_days=5,
            materials_settled=(
                L.SettledMaterial("申请人居民身份证", "shared", "44**************123X"),
                L.SettledMaterial("户口簿信息", "shared", "HK***********2345"),
                L.SettledMaterial("出生医学证明", "scanned", pages=2),
                L.SettledMaterial("居住地址证明", "committed"),
            ),
            progress_url="https://zwfw.example.gov.cn/progress?no=R20240506-T01-0007",
            consultation_phone="020-12345",
        )
    )


def sample_ticket(now: datetime) -> Document:
    """A queue ticket."""
    return L.ticket(
        L.TicketData(
            HALL,
            "T-20240506-A023",
            "A023",
            "社保医保综合窗口",
            5,
            now,
            scan_code="TICKET:H0001:T-20240506-A023:A023",
        )
    )


def sample_slip(now: datetime) -> Document:
    """A one-time notification slip: conditions, materials with marks, notes, common errors
    and basis, what an agent brings, fees with their basis, its number and catalog version."""
    return L.notification_slip(
        L.SlipData(
            hall_name=HALL,
            service_code="11440100MB2C91234X",
            service_name="个体工商户设立登记",
            accepting_unit="天河区市场监督管理局",
            conditions=("有经营能力的自然人", "经营场所符合规定"),
            materials=(
                L.SlipMaterial(
                    "个体工商户登记（备案）申请书",
                    "原件 1 份",
                    errors=("经营范围填写不规范",),
                    basis="《促进个体工商户发展条例》第八条",
                ),
                L.SlipMaterial(
                    "经营者身份证明",
                    "原件 1 份",
                    "刷身份证自动获取，无需提交复印件",
                    basis="《市场主体登记管理条例》第十六条",
                ),
                L.SlipMaterial(
                    "经营场所使用证明",
                    "复印件 1 份",
                    "须在窗口工作人员面前签署",
                    mark="可承诺：可签署告知承诺书代替",
                    basis="《市场主体登记管理条例》第十六条",
                ),
            ),
            agent_materials=(
                L.SlipMaterial(
                    "授权委托书", "原件 1 份", basis="《中华人民共和国民法典》第一百六十五条"
                ),
            ),
            time_limit="法定 15 个工作日，承诺即办（材料齐全当场办结）",
            fees="",
            where_to_go="天河区政务服务中心一楼 A 区 1-8 号综合窗口",
            consultation_phone="020-12345（工作日 9:00-17:00）",
            complaint_phone="12345",
            issued_at=now,
            guide_url="https://zwfw.example.gov.cn/guide/11440100MB2C91234X",
            visits_required=1,
            slip_no="H0001-T01-240506-G0003",
            catalog_version="2024050601",
        )
    )


def sample_pre_receipt(now: datetime) -> Document:
    """An agent's application whose materials are still to be brought: 申请回执（预受理）."""
    return L.receipt(
        L.ReceiptData(
            hall_name=HALL,
            receipt_no="R20240506-T01-0008",
            service_name="居住证申领",
            applicant="王*汉",
            id_number="1101**********1002",
            agent="李*办",
            submitted_at=now,
            terminal_name="自助终端 1 号",
            next_step="请携带上述材料到一楼 A 区公安户政窗口提交",
            promised_date=date(2024, 5, 15),
            promised_days=7,
            materials_to_bring=("申请人居民身份证", "授权委托书", "受托人（代办人）本人居民身份证"),
            progress_url="https://zwfw.example.gov.cn/progress?no=R20240506-T01-0008",
            consultation_phone="020-12345",
            complete=False,
        )
    )


def sample_acknowledgement(now: datetime) -> Document:
    """A complaint acknowledgement."""
    return F.acknowledgement(
        F.AcknowledgementData(
            kind="complaint",
            hall_name=HALL,
            tracking_no="TS20240506T010123K3QZ",
            created_at=now,
            detail="服务态度",
            message="您的投诉已受理，我们将在 5 个工作日内答复，可凭编号查询处理进度。",
            service_name="个体工商户设立登记",
            lookup_url="https://zwfw.example.gov.cn/complaint?no=TS20240506T010123K3QZ",
            summary="投诉内容 86 字；涉及窗口 3号窗口",
            hotline="12345",
        )
    )


def sample_rectification(now: datetime) -> Document:
    """A bad rating's 整改 acknowledgement, as EvaluationService prints it once central
    recorded the 整改 (the deadline is central's)."""
    from datetime import date

    from kiosk.services.evaluate import next_step

    return F.acknowledgement(
        F.AcknowledgementData(
            kind="evaluation",
            hall_name=HALL,
            tracking_no="ZG20240506T010007K3QZ",
            created_at=now,
            detail="非常不满意",
            message=next_step(date(2024, 5, 27)),
            hotline="12345",
        )
    )


def sample_referral(now: datetime) -> Document:
    """A 办理指引 for a service the hall does not handle (the sample catalog's passport)."""
    return L.referral_slip(
        L.ReferralData(
            hall_name=HALL,
            code="ZZ-CRJ-001",
            name="普通护照申领、换发、补发",
            description="护照由公安机关出入境管理部门受理，本大厅不办理。全国范围内可就近办理。",
            unit="示范市公安局出入境管理支队",
            address="示范市人民路88号出入境接待大厅（示范数据：虚构城市的地址）",
            hours="周一至周五 9:00-17:00，周六 9:00-12:00（法定节假日除外）",
            phone="12367",
            bring="居民身份证原件；未满16周岁的由监护人陪同，带户口簿和监护人身份证",
            issued_at=now,
            online_name="国家移民管理局政务服务平台",
            online_url="https://s.nia.gov.cn",
            slip_no="440106-T01-240506-G0003",
            catalog_version="2026120301",
        )
    )


def sample_supplement(now: datetime, sent: bool = True) -> Document:
    """A 补正回执: two materials staff asked for, scanned; sent (or kept for later)."""
    return F.supplement_slip(
        F.SupplementSlipData(
            hall_name=HALL,
            receipt_no="R20240506-T01-0007",
            case_no="ZW20240506000012",
            applicant="张*明",
            supplied_at=now,
            terminal_name="自助终端 1 号",
            materials=(("租赁合同（第2页，原件扫描清晰）", 1), ("房产证复印件", 3)),
            sent=sent,
            progress_url="https://zwfw.example.gov.cn/p/R20240506-T01-0007",
        )
    )


def sample_test_page(now: datetime, paper_mm: int = 80) -> Document:
    """The printer test page."""
    return L.test_page(L.TestPageData("sim:", f"{paper_mm}mm-gb18030", paper_mm, now))


def sample_documents(now: datetime, paper_mm: int = 80) -> dict[str, Document]:
    """Every layout once, by name."""
    return {
        "receipt": sample_receipt(now),
        "pre_receipt": sample_pre_receipt(now),
        "ticket": sample_ticket(now),
        "slip": sample_slip(now),
        "acknowledgement": sample_acknowledgement(now),
        "rectification": sample_rectification(now),
        "referral": sample_referral(now),
        "supplement": sample_supplement(now),
        "supplement_offline": sample_supplement(now, sent=False),
        "test": sample_test_page(now, paper_mm),
    }
