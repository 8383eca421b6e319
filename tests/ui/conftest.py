"""A real KioskUi (QML engine, view-models) in demo mode for each GUI test.

Any Qt warning during a test fails it (``qt_log_level_fail = WARNING`` in pyproject.toml), so
a QML binding error, a missing property or an unknown type is caught where it happens.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from kiosk.config import load_settings
from tests.waiting import GENEROUS_S

# GUI tests wait for a state, never for a time: every qtbot.waitUntil waits up to this long
# (a test that passes does not wait longer; a loaded machine or a cold QML cache only slows it).
WAIT_MS = int(GENEROUS_S * 1000)
QUIET_TIMERS = ("idle_timeout_s", "idle_form_s", "idle_result_s", "attract_after_s")


@pytest.fixture
def qtbot(qtbot):
    """pytest-qt's bot whose ``waitUntil`` is generous unless a test asks for longer."""
    wait_until = qtbot.waitUntil

    def generous(callback, *, timeout: int = WAIT_MS):
        return wait_until(callback, timeout=max(timeout, WAIT_MS))

    qtbot.waitUntil = generous
    return qtbot


@pytest.fixture
def kiosk_ui(qapp, data_dir, clean_env) -> Iterator[object]:
    from ui.app import KioskUi

    # No visit ends by itself while a slow machine runs a test: tests of the idle and attract
    # timers set their own (``ui.idle.set_timeout``, ``ui.attract.set_timeout``).
    settings = load_settings(
        env={},
        data_dir=str(data_dir),
        demo=True,
        voice_engine="mock",
        **dict.fromkeys(QUIET_TIMERS, 3600),
    )
    ui = KioskUi(qapp, settings, full_screen=False)
    ui.window.show()
    # As on a terminal: input is filtered (idle, attract, lockdown) from the first frame on.
    deadline = time.monotonic() + GENEROUS_S
    while not ui.filters_installed and time.monotonic() < deadline:
        qapp.processEvents()
        time.sleep(0.005)
    assert ui.filters_installed, "no first frame"
    yield ui
    ui.stop()
    ui.window.close()
    ui.engine.deleteLater()
    qapp.processEvents()


def find_item(root, object_name: str):
    """Depth-first search of the visual item tree by objectName."""
    if root.objectName() == object_name:
        return root
    for child in root.childItems():
        found = find_item(child, object_name)
        if found is not None:
            return found
    return None


def walk_items(root):
    """Every item below ``root`` in the visual tree."""
    yield root
    for child in root.childItems():
        yield from walk_items(child)


def tap(ui, item) -> None:
    """A finger tap in the middle of ``item``."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    centre = item.mapToScene(QPointF(item.width() / 2, item.height() / 2)).toPoint()
    QTest.mouseClick(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


def tap_card(ui, qtbot) -> None:
    """Demo: tap 演示：模拟刷卡 on the ID-card page once it shows (a reader lost for a moment,
    e.g. a write stalled on a loaded machine, hides it until the reader is back)."""
    from PySide6.QtCore import QObject

    def button():
        page = ui.window.findChild(QObject, "pageStack").property("currentItem")
        found = find_item(page, "simulateCard") if page is not None else None
        return found if found is not None and found.isVisible() else None

    qtbot.waitUntil(lambda: button() is not None)
    tap(ui, button())


def tap_settled(ui, qtbot, button) -> None:
    """Tap ``button`` once its page has laid it out and come to rest (a page's first
    layout passes may put it elsewhere, even below the window, and a page sliding in is to
    the right of it)."""
    from PySide6.QtCore import QPointF

    seen: list[QPointF] = []

    def settled() -> bool:
        corner = button.mapToScene(QPointF(0, 0))
        inside = 0 < corner.y() < ui.window.height() - button.height()
        inside = inside and 0 <= corner.x() <= ui.window.width() - button.width()
        seen.append(corner)
        return button.isVisible() and inside and len(seen) > 2 and seen[-3] == corner

    qtbot.waitUntil(lambda: button.property("enabled") and settled())
    tap(ui, button)


@pytest.fixture
def live_ui(kiosk_ui, qtbot):
    """The shell with its demo core running: sample catalog, pty card reader, printer emulator,
    in-process central."""
    kiosk_ui.start_core()
    qtbot.waitUntil(
        lambda: kiosk_ui.kiosk is not None and bool(kiosk_ui.catalog.property("themes"))
    )
    return kiosk_ui


@pytest.fixture
def demo(live_ui, qtbot):
    """The live UI once the demo central is seeded and the services are connected to it."""
    from tests.ui.inquiry_helpers import demo_ready

    return demo_ready(live_ui, qtbot)


def visible_texts(ui) -> list[str]:
    """Every text QML currently shows (for privacy checks)."""
    return [
        str(item.property("text"))
        for item in walk_items(ui.window.contentItem())
        if item.inherits("QQuickText") and item.isVisible() and item.property("text")
    ]
