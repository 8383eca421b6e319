"""The attract screen: after a quiet spell on home or an abandoned visit; a touch or a card
ends it."""

from __future__ import annotations

import pytest
from PySide6.QtQml import QQmlProperty

from tests.ui.conftest import find_item, tap, visible_texts, walk_items

pytestmark = pytest.mark.gui


def attract_item(ui):
    return find_item(ui.window.contentItem(), "attractScreen")


def attract_shown(ui) -> bool:
    # Built the first time it is needed: until then there is no item at all.
    item = attract_item(ui)
    return item is not None and item.isVisible()


def test_the_attract_screen_comes_up_when_nobody_touches_home_and_a_touch_ends_it(kiosk_ui, qtbot):
    kiosk_ui.attract.set_timeout(1, warn_s=0)
    qtbot.waitUntil(lambda: attract_shown(kiosk_ui))
    assert "请刷身份证" in visible_texts(kiosk_ui)
    tap(kiosk_ui, attract_item(kiosk_ui))
    assert not attract_shown(kiosk_ui)
    assert kiosk_ui.current_page() == "homePage"
    # the first touch only dismissed it: no tile beneath was opened
    qtbot.waitUntil(lambda: attract_shown(kiosk_ui))  # and it re-arms


def test_an_abandoned_visit_ends_on_the_attract_screen_with_the_hall_notices(live_ui, qtbot):
    qtbot.waitUntil(lambda: bool(live_ui.shell.property("notices")))
    live_ui.idle.set_timeout(1, warn_s=1)
    live_ui.show_page("guide")
    qtbot.waitUntil(lambda: attract_shown(live_ui))
    assert live_ui.current_page() == "homePage"
    first = live_ui.shell.property("notices")[0]["title"]
    assert first in visible_texts(live_ui)


def test_a_card_on_the_attract_screen_starts_a_visit(live_ui, qtbot):
    live_ui.shell.set_attracting(True)
    live_ui.card.simulateTap()
    qtbot.waitUntil(lambda: live_ui.current_page() == "idCardPage")
    assert not live_ui.shell.property("attracting")
    qtbot.waitUntil(lambda: live_ui.card.property("state") == "read")


def test_going_home_by_hand_shows_the_home_page_not_the_attract_screen(kiosk_ui, qtbot):
    kiosk_ui.show_page("guide")
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "guidePage")
    kiosk_ui.end_visit()
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "homePage")
    assert not attract_shown(kiosk_ui)


def test_a_card_left_behind_on_the_home_page_is_wiped_when_the_attract_screen_comes(live_ui, qtbot):
    live_ui.card.simulateTap()
    qtbot.waitUntil(lambda: live_ui.card.property("state") == "read")
    live_ui.show_page("home")  # the citizen went home by hand, then walked away
    qtbot.waitUntil(lambda: live_ui.current_page() == "homePage")
    assert live_ui.card.identity is not None
    live_ui.attract.set_timeout(1, warn_s=0)
    qtbot.waitUntil(lambda: attract_shown(live_ui))
    assert live_ui.card.identity is None
    assert live_ui.card.property("maskedName") == ""


def test_the_attract_screen_has_no_blank_button_shaped_box(kiosk_ui, qtbot):
    kiosk_ui.shell.set_attracting(True)
    qtbot.waitUntil(lambda: attract_shown(kiosk_ui))

    def words_in(item) -> str:
        return "".join(
            str(i.property("text"))
            for i in walk_items(item)
            if i.inherits("QQuickText") and i.isVisible()
        )

    # A filled or framed box the size of a button with nothing written in it reads as a
    # button that does nothing.
    boxes = [
        item
        for item in walk_items(attract_item(kiosk_ui))
        if item.inherits("QQuickRectangle")
        and item is not attract_item(kiosk_ui)
        and item.isVisible()
        and item.width() >= 120
        and item.height() >= 48
    ]

    def labelled(box) -> bool:
        # A button's background box is labelled by the button's own text beside it.
        owner = box.parentItem()
        is_background = owner is not None and QQmlProperty.read(owner, "background") is box
        return bool(words_in(box) or (is_background and words_in(owner)))

    assert boxes and [b for b in boxes if not labelled(b)] == []
    # The card reader the card slides onto is labelled.
    reader = find_item(attract_item(kiosk_ui), "attractReader")
    assert words_in(reader) == "读卡区"
