"""Typical slips with made-up, already masked data, for tests and benchmarks."""

from __future__ import annotations

from datetime import date, datetime

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
            materials_received=("居民身份证", "户口簿（本人页）", "出生医学证明复印件"),
            progress_url="https://zwfw.example.gov.cn/progress?no=R20240506-T01-0007",
            consultation_phone="020-12345",
        )
    )


def sample_ticket(now: datetime) -> Document:
    """A queue ticket."""
    return L.ticket(L.TicketData(HALL, "T-20240506-A023", "A023", "社保医保综合窗口", 5, now))


def sample_slip(now: datetime) -> Document:
    """A one-time notification slip with notes on materials and a guide QR code."""
    return L.notification_slip(
        L.SlipData(
            hall_name=HALL,
            service_code="11440100MB2C91234X",
            service_name="个体工商户设立登记",
            accepting_unit="天河区市场监督管理局",
            materials=(
                L.SlipMaterial("个体工商户登记（备案）申请书", "原件 1 份"),
                L.SlipMaterial("经营者身份证明", "原件 1 份", "刷身份证自动获取，无需提交复印件"),
                L.SlipMaterial("经营场所使用证明", "复印件 1 份", "可告知承诺"),
            ),
            time_limit="法定 15 个工作日，承诺即办（材料齐全当场办结）",
            fees="",
            where_to_go="天河区政务服务中心一楼 A 区 1-8 号综合窗口",
            consultation_phone="020-12345（工作日 9:00-17:00）",
            issued_at=now,
            guide_url="https://zwfw.example.gov.cn/guide/11440100MB2C91234X",
            visits_required=1,
        )
    )


def sample_acknowledgement(now: datetime) -> Document:
    """A complaint acknowledgement."""
    return L.acknowledgement(
        L.AcknowledgementData(
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


def sample_test_page(now: datetime, paper_mm: int = 80) -> Document:
    """The printer test page."""
    return L.test_page(L.TestPageData("sim:", f"{paper_mm}mm-gb18030", paper_mm, now))


def sample_documents(now: datetime, paper_mm: int = 80) -> dict[str, Document]:
    """Every layout once, by name."""
    return {
        "receipt": sample_receipt(now),
        "ticket": sample_ticket(now),
        "slip": sample_slip(now),
        "acknowledgement": sample_acknowledgement(now),
        "test": sample_test_page(now, paper_mm),
    }
