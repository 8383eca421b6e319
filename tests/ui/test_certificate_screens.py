"""自助打印证明 on the running demo: the demo central's registry (demo/certificates.py: the
resident sample card 张明丰 holds four kinds), the real layout and the simulated A4 printer,
whose folder receives each job's PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from demo.terminal import sample_identity
from tests.ui.conftest import tap, tap_card
from tests.ui.inquiry_helpers import item, shown, wait_page

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def a4(ui):
    """The demo's simulated A4 printer (its folder is under the data dir)."""
    return ui.kiosk.services.a4_printer.open()


def jobs(ui) -> list[Path]:
    return sorted(a4(ui).folder.glob("job-*.pdf"))


def pdf_text(path: Path) -> str:
    document = pdfium.PdfDocument(path)
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def certificate_list(ui, qtbot) -> list[dict]:
    """Home → 自助打印证明 → card → the list; its offers."""
    qtbot.waitUntil(lambda: ui.kiosk.services.certificates.central.configured)
    ui.show_page("home")
    wait_page(ui, qtbot, "home")
    tap(ui, item(ui, "entry_certificates"))
    wait_page(ui, qtbot, "idCard")
    tap_card(ui, qtbot)
    wait_page(ui, qtbot, "certificates")
    qtbot.waitUntil(lambda: len(ui.certificates.property("offers")) == 4)
    return list(ui.certificates.property("offers"))


def open_preview(ui, qtbot, kind: str = "SB") -> None:
    """The list → ``kind``'s preview (SB passes the demo's face check on the way: the
    simulated face camera shows the card's holder, live)."""
    certificate_list(ui, qtbot)
    tap(ui, item(ui, f"certificate_{kind}"))
    wait_page(ui, qtbot, "certificatePrint")
    qtbot.waitUntil(lambda: item(ui, "certificatePrint").isVisible())


def test_the_holder_prints_a_certificate_whose_code_is_on_screen_and_paper(demo, qtbot):
    before = jobs(demo)
    open_preview(demo, qtbot)
    identity = demo.card.identity
    text = shown(demo)
    assert "社会保险参保缴费证明（个人）" in text and "预览中的个人信息已部分隐藏" in text
    assert identity.name not in text and identity.id_number not in text
    assert demo.certificates.property("preview").startswith("data:image/png;base64,")
    tap(demo, item(demo, "certificatePrint"))
    qtbot.waitUntil(lambda: demo.certificates.property("stage") == "done")
    code = demo.certificates.property("code")
    assert f"核验码：{code}" in shown(demo) and "请取走您的证明" in shown(demo)
    assert identity.name not in shown(demo)
    printed = [p for p in jobs(demo) if p not in before]
    assert len(printed) == 1
    paper = pdf_text(printed[0])
    assert code in paper and identity.name in paper  # the paper itself is complete


def test_paper_out_says_so_prints_nothing_and_offers_the_window(demo, qtbot):
    open_preview(demo, qtbot, "GJJ")
    before = jobs(demo)
    a4(demo).set_paper_out(True)
    try:
        tap(demo, item(demo, "certificatePrint"))
        qtbot.waitUntil(lambda: demo.certificates.property("stage") == "failed")
        text = shown(demo)
        assert "打印机缺纸，请联系工作人员添加纸张。" in text
        assert "请取走您的证明" not in text and demo.certificates.property("code") == ""
        assert item(demo, "certificateStaffWindow").isVisible()
        assert item(demo, "certificateRetry").isVisible()
        assert jobs(demo) == before
    finally:
        a4(demo).set_paper_out(False)
    tap(demo, item(demo, "certificateRetry"))  # paper loaded: the same certificate prints
    qtbot.waitUntil(lambda: demo.certificates.property("stage") == "done")
    assert len(jobs(demo)) == len(before) + 1


def test_a_holder_with_no_certificates_is_told_where_to_ask(demo, qtbot):
    qtbot.waitUntil(lambda: demo.kiosk.services.certificates.central.configured)
    # The permit holder (a card read while it was valid): nothing in the registry.
    demo.visit.set_identity(sample_identity("hmt_permit", date(2025, 6, 1)))
    demo.show_page("certificates")
    wait_page(demo, qtbot, "certificates")
    qtbot.waitUntil(lambda: demo.certificates.property("loaded"))
    text = shown(demo)
    assert "没有查到您可以在本终端打印的证明。" in text and "请到人工窗口咨询办理" in text
    assert item(demo, "certificatesStaffWindow").isVisible()


def test_the_visit_end_forgets_the_certificate(demo, qtbot):
    open_preview(demo, qtbot, "HY")
    demo.end_visit()
    assert demo.certificates.property("preview") == ""
    assert demo.certificates.property("offers") == []
    assert demo.certificates._prepared is None


def test_central_offline_says_so_at_once_and_offers_the_window(demo, qtbot):
    from kiosk.services.common import Central

    service = demo.kiosk.services.certificate_prints.certificates
    qtbot.waitUntil(lambda: service.central.configured)
    online, service.central = service.central, Central(None)
    try:
        demo.visit.set_identity(sample_identity("resident"))
        demo.show_page("certificates")
        wait_page(demo, qtbot, "certificates")
        qtbot.waitUntil(lambda: demo.certificates.property("reason") == "central_offline")
        assert "网络暂时中断，暂时无法查询和打印证明" in shown(demo)
        assert item(demo, "certificatesStaffWindow").isVisible()
        assert demo.certificates.property("offers") == []
    finally:
        service.central = online


def test_a_printer_out_of_paper_is_said_before_anything_is_issued(demo, qtbot):
    qtbot.waitUntil(lambda: demo.kiosk.services.certificates.central.configured)
    a4(demo).set_paper_out(True)
    try:
        demo.visit.set_identity(sample_identity("resident"))
        demo.show_page("certificates")
        wait_page(demo, qtbot, "certificates")
        qtbot.waitUntil(lambda: demo.certificates.property("reason") == "paper_out")
        assert "打印机缺纸，请联系工作人员添加纸张。" in shown(demo)
        assert item(demo, "certificatesStaffWindow").isVisible()
        assert demo.certificates.property("offers") == []
    finally:
        a4(demo).set_paper_out(False)


def test_staff_see_todays_certificates_and_reprint_one(demo, qtbot):
    from tests.ui.conftest import find_item
    from tests.ui.test_staff_mode import scrolled_into_view, type_pin

    open_preview(demo, qtbot, "BDC")
    tap(demo, item(demo, "certificatePrint"))
    qtbot.waitUntil(lambda: demo.certificates.property("stage") == "done")
    code = demo.certificates.property("code")
    printed = len(jobs(demo))
    demo.end_visit()

    demo.kiosk.services.staff.set_pin("482915", actor="vendor")
    demo.show_page("staffLogin")
    wait_page(demo, qtbot, "staffLogin")
    type_pin(demo, qtbot, "482915")
    wait_page(demo, qtbot, "staff")
    qtbot.waitUntil(lambda: bool(demo.staff.property("snapshot").get("certificates")))
    (job,) = demo.staff.property("snapshot")["certificates"]
    assert (job["kind"], job["code"], job["status"]) == ("BDC", code, "printed")
    assert job["title"] == "不动产登记信息查询结果" and f"核验码 {code}  已打印" in shown(demo)
    assert demo.card.identity is None and sample_identity("resident").name not in shown(demo)

    def button():
        return find_item(demo.window.contentItem(), f"reprintCertificate_{job['id']}")

    qtbot.waitUntil(lambda: scrolled_into_view(demo, button()))
    tap(demo, button())
    qtbot.waitUntil(lambda: demo.staff.property("notice") == "certificate_reprinted")
    assert len(jobs(demo)) == printed + 1
    assert code in pdf_text(jobs(demo)[-1])
    actions = [e.action for e in demo.kiosk.services.staff.entries()]
    assert "certificate.reprint" in actions and "certificate.reprinted" in actions
