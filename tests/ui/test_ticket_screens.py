"""取号 and 预约签到 on the running demo core: tickets numbered by the demo central and printed
on the emulator; check-in against the demo appointments of the resident sample card (one open
now, one later today; demo/central.py)."""

from __future__ import annotations

import pytest

from drivers.printers.sim.inprocess import emulator_of
from tests.ui.conftest import find_item, tap, tap_card, tap_settled
from tests.ui.inquiry_helpers import item, shown, wait_page

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.fixture
def demo(demo, qtbot):
    """The demo UI (tests/ui/conftest.py) once its queues came from central."""
    tickets = demo.kiosk.services.tickets
    qtbot.waitUntil(lambda: tickets.central.configured)
    qtbot.waitUntil(lambda: bool(demo.queue.property("queues")))
    return demo


def printed_text(ui) -> str:
    emulator = emulator_of(ui.kiosk.printer)
    return "\n".join("\n".join(job.lines) for job in emulator.jobs)


def open_tickets(ui, qtbot) -> None:
    tap(ui, item(ui, "entry_ticket"))
    wait_page(ui, qtbot, "ticket")


def wait_result(ui, qtbot) -> dict:
    wait_page(ui, qtbot, "ticketResult")
    qtbot.waitUntil(lambda: not ui.queue.property("busy"))
    return ui.queue.property("ticket")


def test_a_ticket_is_numbered_by_central_printed_and_shown_large(demo, qtbot):
    open_tickets(demo, qtbot)
    tap(demo, item(demo, "queue_A"))
    ticket = wait_result(demo, qtbot)
    assert ticket["status"] == "issued" and not ticket["offline"]
    assert ticket["display"].startswith("A") and "-" not in ticket["display"]
    assert item(demo, "ticketNumber").property("text") == ticket["display"]
    assert "排队号已打印" in shown(demo)
    assert ticket["display"] in printed_text(demo)
    tap(demo, item(demo, "ticketDone"))
    wait_page(demo, qtbot, "home")


def test_a_ticket_that_did_not_print_is_shown_on_screen_with_a_qr_code(demo, qtbot):
    import zxingcpp
    from PySide6.QtGui import QImage

    emulator = emulator_of(demo.kiosk.printer)
    emulator.set(paper="out")
    try:
        open_tickets(demo, qtbot)
        tap(demo, item(demo, "queue_B"))
        ticket = wait_result(demo, qtbot)
        assert ticket["status"] in ("pending_print", "print_failed")
        assert "打印机缺纸，排队号未能打印。" in shown(demo)
        tap(demo, item(demo, "ticketShowOnScreen"))
        qtbot.waitUntil(lambda: demo.queue.property("ticket").get("status") == "shown_on_screen")
    finally:
        emulator.set(paper="ok")
    qr = item(demo, "ticketQr")
    qtbot.waitUntil(qr.isVisible)
    image: QImage = demo.window.grabWindow()
    corner = qr.mapToScene(qr.boundingRect().topLeft())
    crop = image.copy(int(corner.x()), int(corner.y()), int(qr.width()), int(qr.height()))
    crop.save(str(demo.settings.data_dir / "qr.png"))
    from PIL import Image

    found = zxingcpp.read_barcodes(Image.open(demo.settings.data_dir / "qr.png"))
    assert found and found[0].text.endswith(":" + ticket["display"])


def test_a_queue_that_needs_the_card_reads_it_then_takes_the_number_and_refuses_a_second(
    demo, qtbot
):
    open_tickets(demo, qtbot)
    tap(demo, item(demo, "queue_C"))
    wait_page(demo, qtbot, "idCard")
    tap_card(demo, qtbot)
    ticket = wait_result(demo, qtbot)
    assert ticket["status"] == "issued" and ticket["display"].startswith("C")
    tap(demo, item(demo, "ticketDone"))  # home; the card stays with the visit
    wait_page(demo, qtbot, "home")
    open_tickets(demo, qtbot)
    tap(demo, item(demo, "queue_C"))
    qtbot.waitUntil(lambda: demo.queue.property("reason") == "already_holding")
    assert f"号码 {ticket['display']}" in shown(demo)
    assert demo.current_page() == "ticketPage"


def test_the_priority_queue_asks_once_more(demo, qtbot):
    open_tickets(demo, qtbot)
    tap(demo, item(demo, "queue_V"))
    assert item(demo, "priorityConfirm").isVisible()
    tap(demo, item(demo, "priorityCancel"))
    assert not item(demo, "priorityConfirm").isVisible()
    tap(demo, item(demo, "queue_V"))
    tap(demo, item(demo, "priorityTake"))
    ticket = wait_result(demo, qtbot)
    assert ticket["priority"] and ticket["display"].startswith("V")


def test_check_in_too_early_says_when_and_on_time_prints_a_priority_ticket(demo, qtbot):
    tap(demo, item(demo, "entry_checkin"))
    wait_page(demo, qtbot, "checkin")
    tap(demo, item(demo, "checkinReadCard"))
    wait_page(demo, qtbot, "idCard")
    tap_card(demo, qtbot)
    wait_page(demo, qtbot, "checkin")
    qtbot.waitUntil(lambda: len(demo.queue.property("appointments")) == 2)
    now, later = demo.queue.property("appointments")
    tap(demo, item(demo, f"checkin_{later['id']}"))
    qtbot.waitUntil(lambda: demo.queue.property("reason") == "too_early")
    assert f"签到时间未到，请于 {later['opens']} 后再来签到。" in shown(demo)
    tap(demo, item(demo, f"checkin_{now['id']}"))
    ticket = wait_result(demo, qtbot)
    assert ticket["status"] == "issued" and ticket["display"].startswith("Y")
    assert ticket["display"] in printed_text(demo)


def test_the_end_of_the_visit_forgets_tickets_and_appointments(demo, qtbot):
    open_tickets(demo, qtbot)
    tap(demo, item(demo, "queue_A"))
    wait_result(demo, qtbot)
    demo.end_visit()
    assert demo.queue.property("ticket") == {}
    assert demo.queue.property("appointments") == []


def test_from_the_reader_lost_page_a_ticket_for_the_staffed_window_prints(demo, qtbot):
    demo.kiosk.events.status.clear()  # the reader's state is what this test says
    demo.show_page("idCard")
    wait_page(demo, qtbot, "idCard")
    demo.status.reader_lost("reader_lost", "unplugged")
    tap_settled(demo, qtbot, item(demo, "staffWindowTicket"))
    ticket = wait_result(demo, qtbot)
    assert (ticket["queue"], ticket["status"]) == ("A", "issued")
    assert ticket["display"] in printed_text(demo)


def test_with_the_paper_out_the_staffed_window_ticket_is_shown_on_screen_at_once(demo, qtbot):
    emulator = emulator_of(demo.kiosk.printer)
    assert emulator is not None
    demo.kiosk.events.status.clear()  # the devices' state comes from the print job alone
    emulator.set(paper="out")
    try:
        demo.status.reader_lost("reader_lost", "unplugged")
        demo.show_page("idCard")
        wait_page(demo, qtbot, "idCard")
        tap_settled(demo, qtbot, item(demo, "staffWindowTicket"))
        wait_page(demo, qtbot, "ticketResult")
        qtbot.waitUntil(lambda: demo.queue.property("ticket").get("status") == "shown_on_screen")
    finally:
        emulator.set(paper="ok")
    ticket = demo.queue.property("ticket")
    assert item(demo, "ticketNumber").property("text") == ticket["display"]
    assert item(demo, "ticketQr").isVisible()
    # The bar says what the page says: the printer is out of paper.
    bar = find_item(demo.window.contentItem(), "printerIndicator")
    qtbot.waitUntil(lambda: bar.property("stateText") == "缺纸")
    # The number is the citizen's ticket: the base idle limit does not wipe it…
    demo.idle.set_timeout(1, warn_s=1)
    assert demo.idle.property("timeoutSeconds") == demo.settings.idle_number_s
    assert "本屏号码保留 10 分钟，或到您点击“我已记下号码”为止。" in shown(demo)
    qtbot.wait(2500)
    assert demo.current_page() == "ticketResultPage" and item(demo, "ticketNumber").isVisible()
    # …until the citizen says it is noted.
    done = item(demo, "ticketDone")
    assert done.property("text") == "我已记下号码"
    tap(demo, done)
    wait_page(demo, qtbot, "home")


def test_without_a_card_check_in_offers_a_ticket_for_the_staffed_window(demo, qtbot):
    demo.show_page("checkin")
    wait_page(demo, qtbot, "checkin")
    tap_settled(demo, qtbot, find_item(item(demo, "checkinStaffWindow"), "staffWindowTicket"))
    ticket = wait_result(demo, qtbot)
    assert ticket["queue"] == "A" and ticket["status"] == "issued"
