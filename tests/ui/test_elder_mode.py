"""Elder mode (关怀模式): a prominent way in, a quiet way out, fewer choices a screen, longer
time limits said on screen. The sizes of every page are in test_sizes_contrast.py."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QPointF

from kiosk.config import load_settings
from tests.ui.conftest import find_item, tap, visible_texts, walk_items

pytestmark = pytest.mark.gui

ENTRIES = ("guide", "apply", "ticket", "checkin", "progress", "consult", "evaluate", "complain")


def shown(ui, name: str):
    """The visible item called ``name``, or None."""
    for item in walk_items(ui.window.contentItem()):
        if item.objectName() == name and item.isVisible():
            return item
    return None


def on_page(ui, qtbot, name: str, properties: dict | None = None) -> None:
    ui.show_page(name, properties or {})
    qtbot.waitUntil(lambda: ui.current_page() == f"{name}Page")
    ui.window.grabWindow()


def footer_top(ui) -> float:
    footer = ui.window.findChild(QObject, "footerBar")
    return footer.mapToScene(QPointF(0, 0)).y()


def bottom(item) -> float:
    return item.mapToScene(QPointF(0, item.height())).y()


def test_the_home_page_has_a_prominent_way_in(kiosk_ui, qtbot):
    kiosk_ui.window.grabWindow()
    enter = shown(kiosk_ui, "elderModeEnter")
    assert enter is not None and enter.property("primary")
    tap(kiosk_ui, enter)
    assert kiosk_ui.shell.property("elderMode")
    kiosk_ui.window.grabWindow()
    assert shown(kiosk_ui, "elderModeEnter") is None  # nothing to enter any more


def test_the_attract_screen_leads_straight_into_elder_mode(kiosk_ui, qtbot):
    kiosk_ui.shell.set_attracting(True)
    kiosk_ui.window.grabWindow()
    tap(kiosk_ui, find_item(kiosk_ui.window.contentItem(), "attractElderMode"))
    assert kiosk_ui.shell.property("elderMode")
    assert not kiosk_ui.shell.property("attracting")
    assert kiosk_ui.current_page() == "homePage"


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_elder_home_fits_above_the_footer_with_tiles_no_shorter_and_every_entry_reachable(
    kiosk_ui, qtbot, orientation
):
    if orientation == "landscape":
        kiosk_ui.shell.set_geometry(1920, 1080)
    kiosk_ui.window.grabWindow()
    default_tile = shown(kiosk_ui, "entry_guide").height()
    kiosk_ui.shell.setElderMode(True)
    reached = set()
    for _ in range(4):
        kiosk_ui.window.grabWindow()
        tiles = [
            i
            for i in walk_items(kiosk_ui.window.contentItem())
            if i.objectName().startswith("entry_") and i.isVisible()
        ]
        assert len(tiles) < len(ENTRIES)  # fewer choices a screen
        limit = footer_top(kiosk_ui)
        for item in [*tiles, shown(kiosk_ui, "demoCardTap")]:
            assert bottom(item) <= limit + 1, f"{item.objectName()} is under the footer"
        for tile in tiles:
            assert tile.height() >= default_tile, tile.objectName()
        assert "请将身份证放在下方感应区" in visible_texts(kiosk_ui)
        reached |= {t.objectName().removeprefix("entry_") for t in tiles}
        more = shown(kiosk_ui, "entry__more")
        if more is None:
            break
        tap(kiosk_ui, more)
    assert reached >= set(ENTRIES)
    tap(kiosk_ui, shown(kiosk_ui, "entry__first"))
    kiosk_ui.window.grabWindow()
    assert shown(kiosk_ui, "entry_guide") is not None


def test_the_way_out_is_quiet_and_last(kiosk_ui, qtbot):
    kiosk_ui.shell.setElderMode(True)
    on_page(kiosk_ui, qtbot, "guide")
    leave = shown(kiosk_ui, "elderModeToggle")
    call = shown(kiosk_ui, "callStaff")
    assert leave.property("text") == "退出关怀模式"
    assert not leave.property("primary") and leave.property("quiet")
    assert call.property("primary")
    # Not bigger than the others, and after the call, replay and mute buttons.
    assert leave.property("font").pixelSize() <= call.property("font").pixelSize()
    assert leave.height() <= call.height()
    x = leave.mapToScene(QPointF(0, 0)).x()
    for name in ("callStaff", "voiceReplay", "voiceMute"):
        assert shown(kiosk_ui, name).mapToScene(QPointF(0, 0)).x() < x
    tap(kiosk_ui, leave)
    assert not kiosk_ui.shell.property("elderMode")


def test_elder_mode_doubles_the_time_limits_and_says_them(kiosk_ui, qtbot):
    settings = load_settings(env={}, data_dir=str(kiosk_ui.settings.data_dir), demo=True)
    kiosk_ui.apply_settings(settings)
    assert settings.idle_elder_percent == 200
    on_page(kiosk_ui, qtbot, "guide")
    assert kiosk_ui.idle.property("secondsLeft") == 90
    notice = "无操作 {}后将返回首页，并清除本次办理的信息"
    assert shown(kiosk_ui, "idleNoticeText").property("text") == notice.format("90 秒")
    kiosk_ui.shell.setElderMode(True)
    kiosk_ui.window.grabWindow()
    assert kiosk_ui.idle.property("secondsLeft") == 180
    assert shown(kiosk_ui, "idleNoticeText").property("text") == notice.format("3 分钟")
    on_page(kiosk_ui, qtbot, "search")  # a form: 60 s, twice
    assert kiosk_ui.idle.property("limitSeconds") == 120
    assert shown(kiosk_ui, "idleNoticeText").property("text") == notice.format("2 分钟")
    assert kiosk_ui.attract.property("limitSeconds") == 120  # home, before the attract screen
    kiosk_ui.shell.setElderMode(False)
    assert kiosk_ui.idle.property("limitSeconds") == 60
    assert kiosk_ui.attract.property("limitSeconds") == 60


def test_a_stretched_limit_still_warns_then_ends_the_visit_and_elder_mode(kiosk_ui, qtbot):
    kiosk_ui.idle.set_timeout(1, warn_s=1)
    kiosk_ui.idle.set_kind_timeouts({})
    kiosk_ui.shell.setElderMode(True)
    assert kiosk_ui.idle.property("limitSeconds") == 2
    on_page(kiosk_ui, qtbot, "guide")
    qtbot.waitUntil(lambda: kiosk_ui.idle.property("warning"))
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "homePage")
    assert not kiosk_ui.shell.property("elderMode")  # the next person starts in default mode


def test_the_stretch_of_an_idle_watcher(qapp):
    from ui.idle import IdleWatcher

    watcher = IdleWatcher(90, warn_s=20)
    watcher.set_kind_timeouts({"form": 60})
    watcher.set_kind("form")
    watcher.set_stretch(250)
    watcher.set_active(True)
    assert watcher.property("secondsLeft") == 150
    assert watcher.property("limitSeconds") == 150
    assert not watcher.property("warning")
    watcher.set_stretch(100)
    assert watcher.property("secondsLeft") == 60
    watcher.set_active(False)


@pytest.mark.parametrize("locale", ["zh_CN", "en_US"])
def test_elder_rating_asks_one_question_and_very_dissatisfied_fits_when_chosen(
    kiosk_ui, qtbot, locale
):
    if locale != "zh_CN":
        kiosk_ui.switch_locale(locale)
    kiosk_ui.shell.setElderMode(True)
    on_page(kiosk_ui, qtbot, "evaluate")
    assert shown(kiosk_ui, "criterion_overall_5") is None  # the criteria wait behind a button
    assert find_item(kiosk_ui.window.contentItem(), "levelGrid").property("columns") == 1
    very = shown(kiosk_ui, "level_1")
    tap(kiosk_ui, very)
    kiosk_ui.window.grabWindow()
    label = very.property("contentItem")
    assert label.property("lineCount") == 1
    assert label.property("contentWidth") <= label.width() + 1
    assert label.property("font").pixelSize() == 42
    assert label.property("contentHeight") >= 42  # drawn at full size, not shrunk to fit
    toggle = shown(kiosk_ui, "criteriaToggle")
    for item in walk_items(kiosk_ui.window.contentItem()):
        if item.objectName() == "evaluateScroll":
            item.setProperty("contentY", toggle.mapToItem(item.property("contentItem"), 0, 0).y())
    tap(kiosk_ui, toggle)
    kiosk_ui.window.grabWindow()
    chosen = shown(kiosk_ui, "criterion_attitude_1")
    assert chosen is not None
    chosen.clicked.emit()
    kiosk_ui.window.grabWindow()
    label = chosen.property("contentItem")
    assert label.property("lineCount") == 1
    assert label.property("contentWidth") <= label.width() + 1


def test_default_rating_shows_every_question_at_once(kiosk_ui, qtbot):
    on_page(kiosk_ui, qtbot, "evaluate")
    assert shown(kiosk_ui, "criteriaToggle") is None
    assert shown(kiosk_ui, "criterion_attitude_1") is not None
