"""Nothing on the keyboard gets a citizen out of the app."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

pytestmark = pytest.mark.gui

K = Qt.Key
M = Qt.KeyboardModifier

ESCAPES = [
    (K.Key_F4, M.AltModifier),
    (K.Key_Q, M.ControlModifier),
    (K.Key_W, M.ControlModifier),
    (K.Key_Escape, M.NoModifier),
    (K.Key_Tab, M.AltModifier),
    (K.Key_F11, M.NoModifier),
    (K.Key_Q, M.ControlModifier | M.ShiftModifier),
]


@pytest.mark.parametrize(("key", "mods"), ESCAPES)
def test_escape_chords_are_swallowed_and_the_window_stays(kiosk_ui, qtbot, key, mods):
    kiosk_ui.show_page("notReady", {"entryTitle": "取号"})
    before = kiosk_ui.lockdown.blocked_count
    QTest.keyClick(kiosk_ui.window, key, mods)
    qtbot.wait(50)
    assert kiosk_ui.lockdown.blocked_count == before + 1
    assert kiosk_ui.window.isVisible()
    assert kiosk_ui.current_page() == "notReadyPage"


def test_a_close_request_is_refused(kiosk_ui, qtbot):
    assert kiosk_ui.window.close() is False
    qtbot.wait(50)
    assert kiosk_ui.window.isVisible()


def test_ordinary_typing_still_reaches_the_page(kiosk_ui, qtbot):
    before = kiosk_ui.lockdown.blocked_count
    QTest.keyClick(kiosk_ui.window, K.Key_A)
    QTest.keyClick(kiosk_ui.window, K.Key_1)
    assert kiosk_ui.lockdown.blocked_count == before


def test_staff_may_close_after_allowing_it(kiosk_ui, qtbot):
    kiosk_ui.lockdown.allow_exit()
    kiosk_ui.window.close()
    qtbot.waitUntil(lambda: not kiosk_ui.window.isVisible())
