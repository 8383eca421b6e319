"""A bad rating's 整改 on the running demo core: the number and the promise with central's
deadline on screen and on the slip, the result by number, one appeal and a second refused."""

from __future__ import annotations

import pytest

from drivers.printers.sim.inprocess import emulator_of
from tests.ui.conftest import tap
from tests.ui.inquiry_helpers import demo_ready, item, shown, wait_page

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def rate_badly(ui, qtbot) -> str:
    ui.show_page("evaluate")
    wait_page(ui, qtbot, "evaluate")
    tap(ui, item(ui, "level_1"))
    tap(ui, item(ui, "reason_attitude"))
    tap(ui, item(ui, "submitRating"))
    qtbot.waitUntil(lambda: ui.rating.property("ratingState") == "sent")
    return str(ui.rating.property("trackingNo"))


def test_a_bad_rating_gets_its_number_promise_slip_result_and_one_appeal(live_ui, qtbot):
    ui = demo_ready(live_ui, qtbot)
    qtbot.waitUntil(lambda: ui.kiosk.services.evaluation.central.configured)
    tracking = rate_badly(ui, qtbot)
    assert tracking.startswith("ZG") and ui.rating.property("followUpConfirmed")
    deadline = ui.rating.property("deadline")
    text = shown(ui)
    assert item(ui, "rectificationNumber").property("text") == tracking
    assert f"我们将在15个工作日内回访整改（{deadline}前）。" in text
    assert "联网后" not in text
    emulator = emulator_of(ui.kiosk.printer)
    assert emulator is not None

    def slip() -> str:
        jobs = [j for j in emulator.jobs if j.complete and tracking in "".join(j.lines)]
        return "".join(jobs[-1].lines) if jobs else ""

    qtbot.waitUntil(lambda: slip() != "")
    assert "我们将在15个工作日内回访整改" in slip() and f"{deadline}前" in slip()

    # Later: staff closed it; the citizen reads the result by number and appeals once.
    assert ui.demo.central.close_rectification(
        tracking, "综合窗口 王科长", "增开窗口", "已增开 2 号窗口"
    )
    tap(ui, item(ui, "rectificationLookup"))
    wait_page(ui, qtbot, "followUpStatus")
    qtbot.waitUntil(lambda: ui.follow_up_status.property("status").get("state") == "closed")
    text = shown(ui)
    for line in (
        "整改已办结",
        "责任人：综合窗口 王科长",
        "整改措施：增开窗口",
        "整改结果：已增开 2 号窗口",
    ):
        assert line in text
    tap(ui, item(ui, "appealOpen"))
    tap(ui, item(ui, "appealSend"))
    assert "请选择申诉原因。" in shown(ui)
    tap(ui, item(ui, "appeal_not_fixed"))
    tap(ui, item(ui, "appealSend"))
    qtbot.waitUntil(lambda: ui.follow_up_status.property("status").get("state") == "appealed")
    assert "申诉已提交。整改重新办理" in shown(ui)
    assert not item(ui, "appealOpen").property("visible")  # one appeal only
    # Asked again through the service: central refuses a second one, said in Chinese.
    ui.follow_up_status.lookup("rectification", tracking)
    qtbot.waitUntil(lambda: ui.follow_up_status.property("status").get("appealed") is True)
    assert "您已申诉过" in shown(ui)


def test_offline_the_number_comes_without_a_promise(live_ui, qtbot):
    ui = demo_ready(live_ui, qtbot)
    qtbot.waitUntil(lambda: ui.kiosk.services.evaluation.central.configured)
    ui.kiosk.services.connections.evaluation.connect(None)  # central unreachable
    tracking = rate_badly(ui, qtbot)
    assert tracking.startswith("ZG") and not ui.rating.property("followUpConfirmed")
    text = shown(ui)
    assert tracking in text and "联网后送达并登记整改" in text
    assert "回访整改（" not in text and "我们将在15个工作日内" not in text
