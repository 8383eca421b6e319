"""呼叫工作人员 on the running demo (issue #27): on every page, and from the reader-lost page
it reaches a person — an open call at central with the page and the reason, and the
terminal's own call light blinking — then follows staff taking it, and goes out with the
visit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMetaObject

from drivers.beacons.base import Light
from tests.ui.conftest import find_item, tap
from tests.ui.inquiry_helpers import demo_ready, shown, wait_page

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def call_button(ui):
    return find_item(ui.window.contentItem(), "callStaff")


def test_the_call_for_staff_is_on_every_page(live_ui, qtbot):
    ui = live_ui
    pages = ui.engine.rootObjects()[0].property("pages").toVariant()
    assert len(pages) > 30
    missing = []
    window = ui.engine.rootObjects()[0]
    for name in pages:
        ui.show_page(name)
        qtbot.waitUntil(lambda name=name: ui.current_page() == f"{name}Page")
        QMetaObject.invokeMethod(window, "releaseKeyboard")  # the keyboard covers the footer
        qtbot.wait(20)
        button = call_button(ui)
        if button is None or not button.isVisible() or button.height() < 40:
            missing.append(name)
    assert missing == []


def test_from_the_reader_lost_page_the_call_reaches_staff_and_the_light(live_ui, qtbot):
    ui = demo_ready(live_ui, qtbot)
    central = ui.demo.central
    light = ui.kiosk.services.assist.beacon
    ui.show_page("idCard")
    wait_page(ui, qtbot, "idCard")
    ui.status.reader_lost("reader_lost", "unplugged")
    qtbot.waitUntil(lambda: "读卡器暂时无法使用" in shown(ui))

    tap(ui, call_button(ui))
    qtbot.waitUntil(lambda: ui.assist.property("state") == "calling")
    qtbot.waitUntil(lambda: not ui.assist.property("busy"))
    assert ui.assist.property("reachedCentral") and light.light is Light.BLINK
    [call] = central.staff("GET", "/assist")
    assert (call["page"], call["reason"], call["state"]) == ("idCard", "reader_lost", "open")
    qtbot.waitUntil(lambda: "大厅工作人员已收到呼叫" in shown(ui))

    central.staff("POST", f"/assist/{call['call_id']}", {"state": "acknowledged"})
    qtbot.waitUntil(lambda: ui.assist.property("state") == "coming")  # polled every 5 s
    qtbot.waitUntil(lambda: "工作人员正在赶来" in shown(ui))
    assert light.light is Light.ON

    ui.end_visit()
    qtbot.waitUntil(lambda: light.light is Light.OFF)
    assert ui.assist.property("state") == "idle"
    qtbot.waitUntil(lambda: "工作人员正在赶来" not in shown(ui))  # the panel closed
