"""Helpers shared by the progress, consultation and complaint screen tests."""

from __future__ import annotations

from tests.ui.conftest import find_item, visible_texts


def item(ui, name: str):
    """``name`` on the page on top (pages below it in the stack may have the same names)."""
    from PySide6.QtCore import QObject

    page = ui.window.findChild(QObject, "pageStack").property("currentItem")
    return find_item(page, name)


def shown(ui) -> str:
    """Every visible text, one a line."""
    return "\n".join(visible_texts(ui))


def wait_page(ui, qtbot, name: str) -> None:
    qtbot.waitUntil(lambda: ui.current_page() == f"{name}Page")


def demo_ready(ui, qtbot):
    """The live UI once the demo central is seeded and the services are connected to it."""
    qtbot.waitUntil(lambda: ui.demo is not None and bool(ui.demo.receipts))
    services = ui.kiosk.services
    qtbot.waitUntil(lambda: services.progress.central.configured)
    qtbot.waitUntil(lambda: services.consult.followups.central.configured)
    qtbot.waitUntil(lambda: services.shared_data.central.configured)  # registry seeded before
    return ui
