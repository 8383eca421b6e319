"""我该去哪 on the running demo core: a ticket taken at the terminal, scanned back through the
simulated scanner (or typed), answered from the demo central's calls."""

from __future__ import annotations

import pytest

from tests.ui.conftest import tap
from tests.ui.inquiry_helpers import item, shown, wait_page

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.fixture
def demo(demo, qtbot):
    """The demo UI once its queues came from central."""
    qtbot.waitUntil(lambda: demo.kiosk.services.tickets.central.configured)
    qtbot.waitUntil(lambda: bool(demo.queue.property("queues")))
    return demo


def take_ticket(ui, qtbot) -> dict:
    tap(ui, item(ui, "entry_ticket"))
    wait_page(ui, qtbot, "ticket")
    tap(ui, item(ui, "queue_A"))
    wait_page(ui, qtbot, "ticketResult")
    qtbot.waitUntil(lambda: not ui.queue.property("busy"))
    ticket = ui.queue.property("ticket")
    assert ticket["status"] == "issued"
    return ticket


def open_where_to_go(ui, qtbot) -> None:
    ui.show_page("ticket")
    wait_page(ui, qtbot, "ticket")
    tap(ui, item(ui, "ticketWhereToGo"))
    wait_page(ui, qtbot, "whereToGo")


def test_a_scanned_ticket_says_people_ahead_then_the_window_in_large(demo, qtbot):
    central = demo.demo.central
    central.staff("PUT", "/halls/H0001/windows/3", {"name": "综合受理", "queues": ["A"]})
    ticket = take_ticket(demo, qtbot)
    open_where_to_go(demo, qtbot)
    tap(demo, item(demo, "whereSimulateScan"))  # the printed ticket's QR code, scanned
    qtbot.waitUntil(lambda: demo.where_to_go.property("answer").get("state") == "waiting")
    answer = demo.where_to_go.property("answer")
    ahead = answer["ahead"]
    assert ahead >= 0 and answer["display"] == ticket["display"]
    headline = "下一位就是您" if ahead == 0 else f"前面还有 {ahead} 人"
    assert item(demo, "whereHeadline").property("text") == headline
    # An estimate is said only when there is one to say (not "0 minutes" for the next one).
    said = "按今天实际叫号速度估算" in shown(demo)
    assert said == (answer["waitMin"] > 0) and "正在等候" in shown(demo)

    while True:  # the window calls until it reaches this ticket
        call = central.staff("POST", "/halls/H0001/windows/3/call-next")["call"]
        assert call is not None
        if call["ticket_id"] == ticket["id"]:
            break
    tap(demo, item(demo, "whereAnother"))
    demo.page_command("setNumber", ticket["display"])  # typed this time
    tap(demo, item(demo, "whereQuery"))
    qtbot.waitUntil(lambda: demo.where_to_go.property("answer").get("state") == "called")
    headline = item(demo, "whereHeadline")
    assert headline.property("text") == "请到 3 号窗口"
    assert headline.property("font").pixelSize() >= 72  # big and clear
    assert f"您的号码 {ticket['display']} 已叫到，请到 3 号窗口（综合受理）办理。" in shown(demo)

    central.staff("POST", f"/halls/H0001/calls/{ticket['id']}/no-show")
    tap(demo, item(demo, "whereAnother"))
    tap(demo, item(demo, "whereSimulateScan"))
    qtbot.waitUntil(lambda: demo.where_to_go.property("answer").get("state") == "no_show")
    assert "已过号" in shown(demo) and "综合窗口" in shown(demo)
    tap(demo, item(demo, "whereRetake"))
    wait_page(demo, qtbot, "ticket")


def test_offline_it_says_it_cannot_check_and_points_to_the_hall_display(demo, qtbot):
    ticket = take_ticket(demo, qtbot)
    demo.kiosk.services.connections.positions.connect(None)  # network gone
    open_where_to_go(demo, qtbot)
    demo.page_command("setNumber", ticket["display"])
    tap(demo, item(demo, "whereQuery"))
    qtbot.waitUntil(lambda: demo.where_to_go.property("answer").get("state") == "unknown")
    text = shown(demo)
    assert "暂时无法查询叫号情况" in text and "大厅叫号屏" in text
    assert "这是当时的数字，不是现在的" in text


def test_a_wrong_code_is_said_in_a_plain_sentence(demo, qtbot):
    open_where_to_go(demo, qtbot)
    tap(demo, item(demo, "whereSimulateScan"))  # demo: no ticket taken here yet today
    qtbot.waitUntil(lambda: "本终端今天还没有取号" in shown(demo))
    tap(demo, item(demo, "whereQuery"))
    assert "请输入排队号，例如 A007。" in shown(demo)
    demo.page_command("setNumber", "Z999")
    tap(demo, item(demo, "whereQuery"))
    qtbot.waitUntil(lambda: "没有查到这个排队号" in shown(demo))
    assert demo.current_page() == "whereToGoPage"


def test_a_ticket_scanned_on_the_home_screen_opens_where_to_go_with_its_answer(demo, qtbot):
    from kiosk.services.tickets.position import scan_code

    ticket = take_ticket(demo, qtbot)
    code = scan_code("H0001", ticket["id"], ticket["display"])
    # In the middle of something else (the guide), a scan is not taken away from it.
    demo.show_page("guide")
    wait_page(demo, qtbot, "guide")
    assert demo.demo.simulate_scan(code)
    qtbot.wait(1500)
    assert demo.current_page() == "guidePage" and demo.where_to_go.property("answer") == {}
    demo.show_page("home")
    wait_page(demo, qtbot, "home")
    assert demo.demo.simulate_scan(code)  # over the scanner's pty, as a real scan
    wait_page(demo, qtbot, "whereToGo")
    qtbot.waitUntil(lambda: demo.where_to_go.property("answer").get("state") == "waiting")
    assert demo.where_to_go.property("answer")["display"] == ticket["display"]
    assert item(demo, "whereHeadline").isVisible()
