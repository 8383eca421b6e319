"""进度查询 on the running demo core: by card, by receipt number, by the receipt's QR code.

The demo central holds sample cases for the resident sample card (张明丰): one handled by three
departments in parallel, one past its promised date (demo/central.py DEMO_CASES).
"""

from __future__ import annotations

import pytest

from kiosk.services.common import Central
from tests.ui.conftest import tap, tap_card
from tests.ui.inquiry_helpers import item, shown, wait_page

pytestmark = [pytest.mark.gui, pytest.mark.slow]

PARALLEL_SERVICE = "新生儿出生“一件事”联办"
OWNER_NOTE = "请补充新生儿照片电子版"


def parallel_receipt(ui) -> str:
    return str(ui.demo.receipts[0])


def test_the_card_holder_sees_every_case_with_departments_notes_and_overdue(demo, qtbot):
    demo.show_page("progress")
    wait_page(demo, qtbot, "progress")
    tap(demo, item(demo, "progressByCard"))
    wait_page(demo, qtbot, "idCard")
    tap_card(demo, qtbot)
    wait_page(demo, qtbot, "progressCases")
    qtbot.waitUntil(lambda: len(demo.progress.property("cases")) == 3)
    text = shown(demo)
    identity = demo.card.identity
    assert f"{identity.masked_name} 名下的办件，共 3 件" in text
    assert PARALLEL_SERVICE in text and "并联办理" in text
    assert "示范市公安局：办理中（户口登记审核）" in text
    assert f"办理意见：{OWNER_NOTE}" in text  # the owner's card sees department notes
    assert "已超过承诺时限" in text
    assert identity.name not in text and identity.id_number not in text
    assert not demo.progress.property("offline")


def test_a_receipt_number_alone_shows_the_status_and_nothing_personal(demo, qtbot):
    from PySide6.QtTest import QTest

    number = parallel_receipt(demo)
    demo.show_page("progressReceipt")
    wait_page(demo, qtbot, "progressReceipt")
    tap(demo, item(demo, "receiptPrefix"))  # fills in this terminal's "H0001-T01-"
    field = item(demo, "receiptField")
    assert field.property("text") == "H0001-T01-"
    for key in number.removeprefix("H0001-T01-"):  # digits and dashes: the keyboard's first page
        QTest.keyClick(demo.window, ord(key))
    assert field.property("text") == number
    tap(demo, item(demo, "receiptQuery"))
    wait_page(demo, qtbot, "progressCases")
    text = shown(demo)
    assert f"受理编号 {number}" in text
    assert PARALLEL_SERVICE in text and "示范市医疗保障局：需补正材料（参保登记）" in text
    assert "凭编号查询只显示办理状态" in text
    assert OWNER_NOTE not in text and "办理意见：" not in text
    assert "张" not in text  # no name, not even masked
    assert all(not case["owner"] for case in demo.progress.property("cases"))


def test_a_wrong_or_unknown_receipt_number_is_said_in_a_plain_sentence(demo, qtbot):
    demo.show_page("progressReceipt")
    wait_page(demo, qtbot, "progressReceipt")
    tap(demo, item(demo, "receiptQuery"))
    assert "请输入受理编号。" in shown(demo)
    for typed, sentence in (
        ("??", "这不是受理回执上的编号或二维码，请核对后再试。"),
        ("H0001-T01-990101-0001", "没有查到这个编号，请核对后重新输入。"),
    ):
        demo.page_command("setNumber", typed)
        tap(demo, item(demo, "receiptQuery"))
        qtbot.waitUntil(lambda s=sentence: s in shown(demo))
        assert demo.current_page() == "progressReceiptPage"


def test_scanning_the_receipt_qr_code_shows_its_status(demo, qtbot):
    demo.show_page("progressScan")
    wait_page(demo, qtbot, "progressScan")
    assert "请将回执上的二维码对准扫描口" in shown(demo)
    assert demo.progress.property("listening")
    tap(demo, item(demo, "simulateScan"))  # through the simulated scanner's serial port
    wait_page(demo, qtbot, "progressCases")
    cases = demo.progress.property("cases")
    assert [c["receipt_no"] for c in cases] == [parallel_receipt(demo)]
    assert OWNER_NOTE not in shown(demo)
    assert not demo.progress.property("listening")  # the scan page is no longer on top


def test_a_scan_while_no_scan_page_is_open_is_ignored(demo, qtbot):
    demo.show_page("progressReceipt")
    wait_page(demo, qtbot, "progressReceipt")
    demo.progress.on_scan(f"https://zwfw.example.gov.cn/progress?r={parallel_receipt(demo)}")
    assert not demo.progress.property("busy")
    assert demo.progress.property("cases") == []


def test_offline_shows_the_last_known_status_and_when_it_was_fetched(demo, qtbot):
    number = parallel_receipt(demo)
    demo.progress.byReceipt(number)  # fetched once while central answers
    qtbot.waitUntil(lambda: bool(demo.progress.property("cases")))
    service = demo.kiosk.services.progress
    online, service.central = service.central, Central(None)
    try:
        demo.show_page("progressReceipt")
        wait_page(demo, qtbot, "progressReceipt")
        demo.page_command("setNumber", number)
        tap(demo, item(demo, "receiptQuery"))
        wait_page(demo, qtbot, "progressCases")
        qtbot.waitUntil(lambda: demo.progress.property("offline"))
    finally:
        service.central = online
    fetched = demo.progress.property("fetchedAt")
    assert fetched and f"网络暂时中断，以下是 {fetched} 获取的最近状态。" in shown(demo)
    assert PARALLEL_SERVICE in shown(demo)


def test_the_end_of_the_visit_forgets_the_cases(demo, qtbot):
    demo.card.simulateTap()
    qtbot.waitUntil(lambda: demo.card.property("state") == "read")
    demo.show_page("progressCases")
    qtbot.waitUntil(lambda: bool(demo.progress.property("cases")))
    demo.end_visit()
    wait_page(demo, qtbot, "home")
    assert demo.progress.property("cases") == []
    assert demo.progress.property("mode") == ""
    assert not demo.progress.property("listening")
    demo.show_page("progressCases")  # a new visit without a card gets no one's cases
    wait_page(demo, qtbot, "progressCases")
    assert "请先刷身份证。" in shown(demo)


def test_a_case_waiting_for_a_supplement_lists_what_staff_asked_for(demo, qtbot):
    demo.show_page("progress")
    wait_page(demo, qtbot, "progress")
    tap(demo, item(demo, "progressByCard"))
    wait_page(demo, qtbot, "idCard")
    tap_card(demo, qtbot)
    wait_page(demo, qtbot, "progressCases")
    qtbot.waitUntil(lambda: len(demo.progress.property("cases")) == 3)
    waiting = [c for c in demo.progress.property("cases") if c["state"] == "supplement_needed"]
    assert [c["missing"] for c in waiting] == [["近期一寸免冠照片（电子版）", "户口簿本人页"]]
    listed = item(demo, "missing_" + waiting[0]["receipt_no"])
    assert listed.property("visible")
    text = shown(demo)
    assert "需补正的材料：" in text
    assert "1. 近期一寸免冠照片（电子版）" in text and "2. 户口簿本人页" in text
    # A case not in 待补正 lists nothing (the parallel one has a department in 补正 only).
    other = next(c for c in demo.progress.property("cases") if c["state"] != "supplement_needed")
    assert not item(demo, "missing_" + other["receipt_no"]).property("visible")
