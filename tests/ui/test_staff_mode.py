"""Staff mode on the running demo core: hidden gesture, PIN pad, status, reprint, audit."""

from __future__ import annotations

import logging
import re

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from tests.ui.conftest import find_item, tap, visible_texts, walk_items

pytestmark = [pytest.mark.gui, pytest.mark.slow]

PIN = "482915"


def scroll_to(target) -> None:
    """Scroll the page's Flickable so that ``target`` is on screen."""
    parent = target.parentItem()
    while parent is not None and not parent.inherits("QQuickFlickable"):
        parent = parent.parentItem()
    if parent is not None:
        y = target.mapToItem(parent.property("contentItem"), QPointF(0, 0)).y()
        most = max(0.0, parent.property("contentHeight") - parent.height())
        parent.setProperty("contentY", min(max(0.0, y - 40), most))


def scrolled_into_view(ui, button) -> bool:
    """Scroll ``button`` into view; True once it is wholly on screen. The staff page's lists
    are rebuilt when the status refreshes: look the button up again for each call."""
    if button is None or not button.isVisible():
        return False
    scroll_to(button)
    top = button.mapToScene(QPointF(0, 0)).y()
    return top >= 0 and top + button.height() <= ui.window.height()


def type_pin(ui, qtbot, pin: str) -> None:
    root = ui.window.contentItem()
    for digit in pin:
        tap(ui, find_item(root, f"pin_{digit}"))
    tap(ui, find_item(root, "pin_ok"))


@pytest.fixture
def staff_ui(live_ui, qtbot):
    live_ui.kiosk.services.staff.set_pin(PIN, actor="vendor")
    return live_ui


def test_holding_the_hall_name_opens_the_staff_login(staff_ui, qtbot):
    hall = find_item(staff_ui.window.contentItem(), "hallName")
    centre = hall.mapToScene(QPointF(hall.width() / 2, hall.height() / 2)).toPoint()
    QTest.mousePress(
        staff_ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )
    # The login comes up while the finger is still down (after three seconds of holding).
    qtbot.waitUntil(lambda: staff_ui.current_page() == "staffLoginPage")
    QTest.mouseRelease(
        staff_ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre
    )
    assert staff_ui.current_page() == "staffLoginPage"


def test_a_wrong_pin_says_how_many_tries_are_left_and_changes_nothing(staff_ui, qtbot):
    staff_ui.show_page("staffLogin")
    qtbot.waitUntil(lambda: staff_ui.current_page() == "staffLoginPage")
    type_pin(staff_ui, qtbot, "000000")
    qtbot.waitUntil(lambda: staff_ui.staff.property("loginState") == "wrong")
    assert "密码错误，还可尝试 4 次" in visible_texts(staff_ui)
    assert staff_ui.current_page() == "staffLoginPage"


def test_staff_see_devices_and_backlog_and_reprint_todays_slip(staff_ui, qtbot):
    staff_ui.catalog.printSlip("SB-001")
    qtbot.waitUntil(lambda: staff_ui.catalog.property("slipState") == "printed")
    staff_ui.show_page("staffLogin")
    qtbot.waitUntil(lambda: staff_ui.current_page() == "staffLoginPage")
    type_pin(staff_ui, qtbot, PIN)
    qtbot.waitUntil(lambda: staff_ui.current_page() == "staffPage")
    qtbot.waitUntil(lambda: bool(staff_ui.staff.property("snapshot")))
    snapshot = staff_ui.staff.property("snapshot")
    names = {d["name"] for d in snapshot["devices"]}
    assert names == {"reader", "printer", "central", "clock", "scanner", "a4_printer"}
    job = snapshot["jobs"][0]
    assert job["kind"] == "slip" and job["status"] == "printed"
    printed_before = len(staff_ui.kiosk.printing.jobs.list_today())

    def reprint_button():
        return find_item(staff_ui.window.contentItem(), f"reprint_{job['id']}")

    qtbot.waitUntil(lambda: scrolled_into_view(staff_ui, reprint_button()))
    tap(staff_ui, reprint_button())
    qtbot.waitUntil(lambda: staff_ui.staff.property("notice") == "reprinted")
    assert len(staff_ui.kiosk.printing.jobs.list_today()) >= printed_before
    actions = [e.action for e in staff_ui.kiosk.services.staff.entries()]
    assert "staff.login" in actions and "print.reprint" in actions


def test_staff_mode_ends_with_the_visit(staff_ui, qtbot):
    staff_ui.show_page("staffLogin")
    qtbot.waitUntil(lambda: staff_ui.current_page() == "staffLoginPage")
    type_pin(staff_ui, qtbot, PIN)
    qtbot.waitUntil(lambda: staff_ui.current_page() == "staffPage")
    staff_ui.end_visit()  # idle timeout
    qtbot.waitUntil(lambda: staff_ui.current_page() == "homePage")
    assert staff_ui.staff.property("loginState") == "idle"
    assert staff_ui.staff.property("snapshot") == {}


def log_in(ui, qtbot) -> None:
    ui.show_page("staffLogin")
    qtbot.waitUntil(lambda: ui.current_page() == "staffLoginPage")
    type_pin(ui, qtbot, PIN)
    qtbot.waitUntil(lambda: ui.current_page() == "staffPage")


def test_staff_turn_the_voice_up_and_it_stays_up_after_a_restart(staff_ui, qtbot):
    from kiosk.config import load_settings

    log_in(staff_ui, qtbot)
    before = staff_ui.staff.property("volume")
    tap(staff_ui, find_item(staff_ui.window.contentItem(), "staffVolumeUp"))
    qtbot.waitUntil(lambda: staff_ui.staff.property("notice") == "volume_set")
    assert staff_ui.voice.volume() == before + 10
    assert f"语音音量：{before + 10}" in visible_texts(staff_ui)
    again = load_settings(env={}, data_dir=str(staff_ui.settings.data_dir), demo=True)
    assert again.voice_volume == before + 10
    assert "settings.volume" in [e.action for e in staff_ui.kiosk.services.staff.entries()]


def test_reloading_settings_applies_timeouts_now_and_names_what_needs_a_restart(
    staff_ui, qtbot, tmp_path, caplog
):
    config = tmp_path / "kiosk.toml"
    config.write_text(
        'hall_name = "新区政务服务中心"\nidle_form_s = 45\nvoice_engine = "mock"\n',
        encoding="utf-8",
    )
    staff_ui.kiosk.settings = staff_ui.kiosk.settings.model_copy(update={"source": str(config)})
    caplog.set_level(logging.INFO, logger="ui.viewmodels.staff")
    log_in(staff_ui, qtbot)
    tap(staff_ui, find_item(staff_ui.window.contentItem(), "staffReload"))
    qtbot.waitUntil(lambda: staff_ui.staff.property("notice") == "reloaded_restart")
    assert staff_ui.staff.property("restartNeeded") == ["hall_name"]
    assert staff_ui.settings.idle_form_s == 45
    # A count on screen; the keys themselves (English) are for the log.
    assert any("其中 1 项需重启程序后生效" in t for t in visible_texts(staff_ui))
    assert not any("hall_name" in t for t in visible_texts(staff_ui))
    assert "after a restart: hall_name" in caplog.text
    config.write_text("idle_form_s = 5\n", encoding="utf-8")  # out of range
    tap(staff_ui, find_item(staff_ui.window.contentItem(), "staffReload"))
    qtbot.waitUntil(lambda: staff_ui.staff.property("notice") == "config_error")
    assert staff_ui.settings.idle_form_s == 45  # the running settings stay
    assert "详细原因已记入日志" in " ".join(visible_texts(staff_ui))
    assert "idle_form_s" in caplog.text
    assert not any("idle_form_s" in t for t in visible_texts(staff_ui))


def test_exit_to_desktop_only_where_the_settings_allow_it(staff_ui, qtbot, monkeypatch):
    from types import SimpleNamespace

    codes: list[int] = []

    class App(SimpleNamespace):
        def __getattr__(self, name):  # everything but exit() goes to the real application
            return getattr(self.qapp, name)

    app = staff_ui.app
    monkeypatch.setattr(staff_ui, "app", App(exit=codes.append, qapp=app))
    log_in(staff_ui, qtbot)

    def exit_button():  # found again each time: a status refresh may rebuild the page's items
        return find_item(staff_ui.window.contentItem(), "staffExit")

    assert not exit_button().isVisible()
    staff_ui.staff.set_settings(staff_ui.settings.model_copy(update={"staff_can_exit": True}))

    def shown() -> bool:  # visible, and laid out beside the reload button by its Flow
        button = exit_button()
        return button is not None and button.isVisible() and button.x() > 0

    qtbot.waitUntil(shown)
    tap(staff_ui, exit_button())
    qtbot.waitUntil(lambda: codes == [78])
    assert "app.exit_to_desktop" in [e.action for e in staff_ui.kiosk.services.staff.entries()]


def test_staff_see_authentication_failed_when_central_refuses_the_terminal(staff_ui, qtbot):
    from kiosk.sync.runner import record_auth_failure

    # The demo's central accepts this terminal: the sync worker's next pull would rightly
    # clear the failure recorded here, so it rests for this test (it starts with the core).
    qtbot.waitUntil(lambda: staff_ui.kiosk.sync is not None, timeout=30000)
    staff_ui.kiosk.sync.stop()
    record_auth_failure(staff_ui.kiosk.store, status=401, reason="bad_signature")
    staff_ui.show_page("staffLogin")
    qtbot.waitUntil(lambda: staff_ui.current_page() == "staffLoginPage", timeout=3000)
    type_pin(staff_ui, qtbot, PIN)
    qtbot.waitUntil(lambda: staff_ui.current_page() == "staffPage", timeout=5000)
    qtbot.waitUntil(lambda: bool(staff_ui.staff.property("snapshot")), timeout=10000)
    qtbot.waitUntil(lambda: any("认证失败" in t for t in visible_texts(staff_ui)), timeout=5000)


LATIN_OR_PATH = re.compile(r"[A-Za-z/\\]")


def staff_page_texts(ui) -> list[str]:
    """What the staff page itself shows (the footer's language button aside)."""
    page = find_item(ui.window.contentItem(), "staffPage")
    return [
        str(item.property("text"))
        for item in walk_items(page)
        if item.inherits("QQuickText") and item.isVisible() and item.property("text")
    ]


def test_broken_devices_are_said_in_chinese_and_their_details_go_to_the_log(
    staff_ui, qtbot, caplog
):
    from kiosk.devices.broken import card_reader_or_broken

    kiosk = staff_ui.kiosk
    demo_reader = kiosk.card_reader
    # A configured reader whose plug-in is not installed: its detail names the scheme and
    # the device path, in English.
    kiosk.card_reader = card_reader_or_broken("acmeid:/dev/ttyACM0")
    try:
        log_in(staff_ui, qtbot)
        qtbot.waitUntil(
            lambda: any(
                d["name"] == "reader" and d["state"] == "error"
                for d in staff_ui.staff.property("snapshot").get("devices", [])
            )
        )
    finally:
        kiosk.card_reader = demo_reader
    texts = staff_page_texts(staff_ui)
    assert "读卡器：驱动无法加载" in texts
    assert any("详细原因已记入日志" in t for t in texts)
    assert [t for t in texts if LATIN_OR_PATH.search(t)] == []
    assert "detail" not in staff_ui.staff.property("snapshot")["devices"][0]
    assert "staff check: reader error (driver_broken)" in caplog.text
    assert "acmeid" in caplog.text


def test_the_pin_pad_shows_a_dot_for_each_digit_and_never_the_digits(staff_ui, qtbot):
    staff_ui.show_page("staffLogin")
    qtbot.waitUntil(lambda: staff_ui.current_page() == "staffLoginPage")
    root = staff_ui.window.contentItem()
    field, dots = find_item(root, "pinField"), find_item(root, "pinDots")
    assert field.isVisible() and dots.property("text") == ""  # an empty field to fill
    for digit in "482":
        tap(staff_ui, find_item(root, f"pin_{digit}"))
    assert dots.property("text") == "●●●"
    assert not any("482" in t for t in visible_texts(staff_ui))
    tap(staff_ui, find_item(root, "pin_del"))
    assert dots.property("text") == "●●"
    for digit in "0000":
        tap(staff_ui, find_item(root, f"pin_{digit}"))
    tap(staff_ui, find_item(root, "pin_ok"))
    qtbot.waitUntil(lambda: staff_ui.staff.property("loginState") == "wrong")
    assert dots.property("text") == ""  # a wrong PIN is cleared


def test_a_pin_not_yet_set_is_said_without_commands(kiosk_ui, qtbot):
    kiosk_ui.show_page("staffLogin")
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "staffLoginPage")
    kiosk_ui.staff.verifyPin("123456")  # no core yet: no PIN to check against
    assert kiosk_ui.staff.property("loginState") == "not_set"
    message = find_item(kiosk_ui.window.contentItem(), "staffLoginMessage").property("text")
    assert message == "尚未设置管理密码，请联系供应商设置"
