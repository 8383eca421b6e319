"""Staff mode on the running demo core: hidden gesture, PIN pad, status, reprint, audit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import find_item, tap, visible_texts

pytestmark = [pytest.mark.gui, pytest.mark.slow]

PIN = "482915"


def type_pin(ui, qtbot, pin: str) -> None:
    root = ui.window.contentItem()
    for digit in pin:
        tap(ui, find_item(root, f"pin_{digit}"))
    tap(ui, find_item(root, "pin_ok"))


@pytest.fixture
def staff_ui(live_ui, qtbot):
    live_ui.kiosk.staff.set_pin(PIN, actor="vendor")
    return live_ui


def test_holding_the_hall_name_opens_the_staff_login(staff_ui, qtbot):
    hall = find_item(staff_ui.window.contentItem(), "hallName")
    centre = hall.mapToScene(QPointF(hall.width() / 2, hall.height() / 2)).toPoint()
    QTest.mousePress(
        staff_ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )
    qtbot.wait(3300)
    QTest.mouseRelease(
        staff_ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )
    qtbot.waitUntil(lambda: staff_ui.current_page() == "staffLoginPage", timeout=3000)


def test_a_wrong_pin_says_how_many_tries_are_left_and_changes_nothing(staff_ui, qtbot):
    staff_ui.show_page("staffLogin")
    qtbot.waitUntil(lambda: staff_ui.current_page() == "staffLoginPage", timeout=3000)
    type_pin(staff_ui, qtbot, "000000")
    qtbot.waitUntil(lambda: staff_ui.staff.property("loginState") == "wrong", timeout=5000)
    assert "密码错误，还可尝试 4 次" in visible_texts(staff_ui)
    assert staff_ui.current_page() == "staffLoginPage"


def test_staff_see_devices_and_backlog_and_reprint_todays_slip(staff_ui, qtbot):
    staff_ui.catalog.printSlip("SB-001")
    qtbot.waitUntil(lambda: staff_ui.catalog.property("slipState") == "printed", timeout=20000)
    staff_ui.show_page("staffLogin")
    qtbot.waitUntil(lambda: staff_ui.current_page() == "staffLoginPage", timeout=3000)
    type_pin(staff_ui, qtbot, PIN)
    qtbot.waitUntil(lambda: staff_ui.current_page() == "staffPage", timeout=5000)
    qtbot.waitUntil(lambda: bool(staff_ui.staff.property("snapshot")), timeout=10000)
    snapshot = staff_ui.staff.property("snapshot")
    assert {d["name"] for d in snapshot["devices"]} == {"reader", "printer", "central"}
    job = snapshot["jobs"][0]
    assert job["kind"] == "slip" and job["status"] == "printed"
    printed_before = len(staff_ui.kiosk.printing.jobs.list_today())

    def reprint_button():
        return find_item(staff_ui.window.contentItem(), f"reprint_{job['id']}")

    qtbot.waitUntil(lambda: reprint_button() is not None, timeout=5000)
    tap(staff_ui, reprint_button())
    qtbot.waitUntil(lambda: staff_ui.staff.property("notice") == "reprinted", timeout=5000)
    assert len(staff_ui.kiosk.printing.jobs.list_today()) >= printed_before
    actions = [e.action for e in staff_ui.kiosk.staff.entries()]
    assert "staff.login" in actions and "print.reprint" in actions


def test_staff_mode_ends_with_the_visit(staff_ui, qtbot):
    staff_ui.show_page("staffLogin")
    qtbot.waitUntil(lambda: staff_ui.current_page() == "staffLoginPage", timeout=3000)
    type_pin(staff_ui, qtbot, PIN)
    qtbot.waitUntil(lambda: staff_ui.current_page() == "staffPage", timeout=5000)
    staff_ui.end_visit()  # idle timeout
    qtbot.waitUntil(lambda: staff_ui.current_page() == "homePage", timeout=3000)
    assert staff_ui.staff.property("loginState") == "idle"
    assert staff_ui.staff.property("snapshot") == {}
