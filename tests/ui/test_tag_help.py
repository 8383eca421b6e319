"""Tap-for-help on the tags (零跑腿, 同城通办, 并联办理, 承诺时限 …): a tap shows what the word
means in one plain sentence, and a tag in a service row explains itself instead of opening
the guide."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.ui.conftest import find_item, tap, walk_items

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def shown(ui, name: str):
    """The visible item called ``name``, popups included (they sit on the window's overlay)."""
    root = ui.window.contentItem()
    while root.parentItem() is not None:
        root = root.parentItem()
    for item in walk_items(root):
        if item.objectName() == name and item.isVisible():
            return item
    return None


def open_guide(ui, qtbot, code: str) -> None:
    ui.catalog.openGuide(code)
    ui.show_page("guideDetail")
    qtbot.waitUntil(lambda: ui.current_page() == "guideDetailPage")
    qtbot.waitUntil(lambda: ui.catalog.property("guide").get("code") == code)


def test_tapping_a_tag_on_the_guide_explains_it_and_knowing_closes_it(live_ui, qtbot):
    open_guide(live_ui, qtbot, "SB-001")
    qtbot.waitUntil(lambda: shown(live_ui, "citywideBadge") is not None)
    assert shown(live_ui, "tagHelp") is None
    tap(live_ui, shown(live_ui, "citywideBadge"))
    qtbot.waitUntil(lambda: shown(live_ui, "tagHelpText") is not None)
    assert shown(live_ui, "tagHelpTitle").property("text") == "同城通办"
    assert "任何一个政务服务大厅" in shown(live_ui, "tagHelpText").property("text")
    tap(live_ui, shown(live_ui, "tagHelpClose"))
    qtbot.waitUntil(lambda: shown(live_ui, "tagHelpText") is None)
    assert live_ui.current_page() == "guideDetailPage"
    # 承诺时限, in the time-limit section, explains itself the same way.
    badge = shown(live_ui, "promisedBadge")
    badge.metaObject().invokeMethod(badge, "showHelp")
    qtbot.waitUntil(lambda: shown(live_ui, "tagHelpText") is not None)
    assert "法定时限" in shown(live_ui, "tagHelpText").property("text")


def test_a_guide_says_before_the_visit_when_a_face_check_is_needed(live_ui, qtbot):
    # SB-005 prints a personal certificate only after the face check; SB-001 needs none.
    open_guide(live_ui, qtbot, "SB-005")
    qtbot.waitUntil(lambda: shown(live_ui, "faceCheckBadge") is not None)
    assert shown(live_ui, "faceCheckBadge").property("text") == "需人脸核验"
    tap(live_ui, shown(live_ui, "faceCheckBadge"))
    qtbot.waitUntil(lambda: shown(live_ui, "tagHelpText") is not None)
    explained = shown(live_ui, "tagHelpText").property("text")
    assert "摄像头" in explained and "人工窗口" in explained
    tap(live_ui, shown(live_ui, "tagHelpClose"))
    qtbot.waitUntil(lambda: shown(live_ui, "tagHelpText") is None)
    open_guide(live_ui, qtbot, "SB-001")
    qtbot.waitUntil(lambda: shown(live_ui, "citywideBadge") is not None)
    assert shown(live_ui, "faceCheckBadge") is None


def test_a_tag_in_a_service_row_does_not_steal_the_tap_from_the_row(live_ui, qtbot):
    # A row is one button: wherever its tags wrap to (elder mode, English), a tap on it
    # opens the service; the guide page then explains the tags.
    live_ui.catalog.openTheme("social_security")
    live_ui.show_page("serviceList")
    qtbot.waitUntil(lambda: live_ui.current_page() == "serviceListPage")
    qtbot.waitUntil(lambda: bool(live_ui.catalog.property("services")))
    badge = None

    def a_row_tag() -> bool:
        nonlocal badge
        page = find_item(live_ui.window.contentItem(), "serviceListPage")
        badges = [
            item
            for item in walk_items(page)
            if item.isVisible() and item.property("text") == "同城通办"
        ]
        badge = badges[0] if badges else None
        return badge is not None

    qtbot.waitUntil(a_row_tag)
    assert badge.property("explains") is False
    tap(live_ui, badge)
    qtbot.waitUntil(lambda: live_ui.current_page() == "guideDetailPage")
    assert shown(live_ui, "tagHelpText") is None


def test_every_tag_term_used_on_a_page_has_an_explanation(live_ui, qtbot):
    terms = set()
    for path in Path(REPO, "ui", "qml").rglob("*.qml"):
        terms |= set(re.findall(r'term:\s*"(\w+)"', path.read_text(encoding="utf-8")))
    terms |= {"visits_zero", "visits", "shared", "commitment"}  # set by expressions
    # The tags of the service lists (plain there) are all explained on the page the row
    # opens: the guide, or for a referral (不在本大厅办理) the referral page, which says where.
    row = (Path(REPO) / "ui/qml/components/ServiceRow.qml").read_text(encoding="utf-8")
    guide = (Path(REPO) / "ui/qml/pages/GuideDetailPage.qml").read_text(encoding="utf-8")
    referral = (Path(REPO) / "ui/qml/pages/ReferralPage.qml").read_text(encoding="utf-8")
    words = re.findall(r'text: qsTr\("([^"%]+)"\)', row)
    assert len(words) >= 5 and "不在本大厅办理" in words
    assert [w for w in words if f'qsTr("{w}")' not in guide + referral] == []
    assert 'qsTr("不在本大厅办理")' in referral and 'qsTr("到哪里办")' in referral
    open_guide(live_ui, qtbot, "SB-001")
    qtbot.waitUntil(lambda: shown(live_ui, "citywideBadge") is not None)
    badge = shown(live_ui, "citywideBadge")
    missing = [t for t in sorted(terms) if not badge.helpFor(t)]
    assert len(terms) >= 10 and missing == []
    assert badge.helpFor("no_such_term") == ""
