"""An abandoned visit leaves no personal data anywhere in the app (issue #9, item 2).

A citizen reads a card, looks at their cases and half fills in a named complaint with a phone
number, then walks away. When the idle timeout has run, no view-model property and no property
of any QML item (shown or hidden, on any page still alive) holds the name, the ID number, the
address or the phone number.
"""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QObject

from tests.held_data import held_strings
from tests.ui.conftest import tap_card, walk_items
from tests.ui.inquiry_helpers import demo_ready, item, wait_page

pytestmark = [pytest.mark.gui, pytest.mark.slow]

PHONE = "13912345678"


def type_into(ui, name: str, text: str) -> None:
    item(ui, name).setProperty("text", text)


def readable(obj: QObject) -> dict[str, object]:
    """Every property of ``obj`` that PySide can read."""
    values: dict[str, object] = {}
    meta = obj.metaObject()
    for i in range(meta.propertyCount()):
        name = meta.property(i).name()
        try:
            values[name] = obj.property(name)
        except Exception:  # a type PySide has no converter for: cannot hold text
            continue
    return values


def leaks(ui, needles: list[str]) -> list[str]:
    """Where any of ``needles`` is still found: view-models, then QML items."""
    found = []
    holders = [("view-model", o) for o in ui.engine.children()]
    holders += [("qml", i) for i in walk_items(ui.window.contentItem())]
    for kind, holder in holders:
        # The Python side of a view-model too (e.g. the card's identity object).
        python_side = "\n".join(held_strings(getattr(holder, "__dict__", {})))
        for needle in needles:
            if needle and needle in python_side:
                found.append(f"{kind} {type(holder).__name__} (Python attributes)")
        for name, value in readable(holder).items():
            try:
                text = json.dumps(value, ensure_ascii=False, default=str)
            except (TypeError, ValueError):
                text = str(value)
            for needle in needles:
                if needle and needle in text:
                    found.append(f"{kind} {holder.objectName() or type(holder).__name__}.{name}")
    return found


def test_an_abandoned_visit_leaves_no_personal_data_in_the_app(live_ui, qtbot):
    ui = demo_ready(live_ui, qtbot)
    ui.show_page("progress")
    wait_page(ui, qtbot, "progress")
    ui.show_page("idCard", {"nextPage": "progressCases", "nextProperties": {}})
    wait_page(ui, qtbot, "idCard")
    tap_card(ui, qtbot)
    wait_page(ui, qtbot, "progressCases")
    identity = ui.card.identity
    assert identity is not None
    qtbot.waitUntil(lambda: bool(ui.progress.property("cases")))
    ui.show_page("complainForm", {"anonymous": False})
    wait_page(ui, qtbot, "complainForm")
    type_into(ui, "complaintText", "窗口排队太久。")
    type_into(ui, "complaintPhone", PHONE)
    needles = [identity.name, identity.id_number, identity.address, PHONE]
    during = leaks(ui, needles)
    assert any("Python attributes" in w for w in during) and any("qml" in w for w in during)

    ui.idle.set_timeout(2, warn_s=1)
    qtbot.waitUntil(lambda: ui.shell.property("attracting"))
    ui.engine.collectGarbage()
    # The popped pages go with Qt's deferred deletes, on a later turn of the event loop.
    qtbot.waitUntil(lambda: leaks(ui, needles) == [])
    assert ui.card.identity is None
