"""An abandoned visit warns, then ends by itself; a touch keeps it going."""

import pytest

from kiosk.config import load_settings
from tests.ui.conftest import find_item, tap

pytestmark = pytest.mark.gui


def test_an_abandoned_visit_warns_then_returns_home_and_forgets_the_guide(kiosk_ui, qtbot):
    kiosk_ui.idle.set_timeout(2, warn_s=1)
    kiosk_ui.catalog._guide = {"name": "社会保障卡申领"}  # state of an open visit
    kiosk_ui.show_page("guideDetail")
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "guideDetailPage")
    qtbot.waitUntil(lambda: kiosk_ui.idle.property("warning"))
    root = kiosk_ui.window.contentItem()
    assert find_item(root, "idleWarning").isVisible()
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "homePage")
    assert kiosk_ui.catalog.property("guide") == {}
    assert not kiosk_ui.idle.property("warning")


def test_touching_continue_keeps_the_visit(kiosk_ui, qtbot):
    kiosk_ui.idle.set_timeout(3, warn_s=2)
    kiosk_ui.show_page("notReady", {"entryTitle": "取号"})
    qtbot.waitUntil(lambda: kiosk_ui.idle.property("warning"))
    tap(kiosk_ui, find_item(kiosk_ui.window.contentItem(), "idleContinue"))
    assert not kiosk_ui.idle.property("warning")
    assert kiosk_ui.idle.property("secondsLeft") == 3
    assert kiosk_ui.current_page() == "notReadyPage"


def test_the_home_page_never_times_out(kiosk_ui, qtbot):
    kiosk_ui.idle.set_timeout(1, warn_s=1)
    qtbot.wait(1500)
    assert kiosk_ui.current_page() == "homePage"
    assert not kiosk_ui.idle.property("warning")


def test_each_screen_type_has_its_own_timeout(kiosk_ui, qtbot):
    """Forms use ``idle_form_s`` (60 s), other pages the base ``idle_timeout_s`` (90 s)."""
    defaults = load_settings(env={}, data_dir=str(kiosk_ui.settings.data_dir), demo=True)
    kiosk_ui.apply_settings(defaults)
    kiosk_ui.show_page("search")
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "searchPage")
    assert kiosk_ui.idle.property("secondsLeft") == 60
    kiosk_ui.show_page("guide")
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "guidePage")
    assert kiosk_ui.idle.property("secondsLeft") == 90


def test_a_screen_type_never_outlasts_a_shorter_base_timeout(qapp):
    from ui.idle import IdleWatcher

    watcher = IdleWatcher(90)
    watcher.set_kind_timeouts({"form": 60, "result": 30})
    watcher.set_kind("result")
    watcher.set_active(True)
    assert watcher.property("secondsLeft") == 30
    watcher.set_timeout(5, warn_s=2)
    assert watcher.property("secondsLeft") == 5
    watcher.set_kind("")
    assert watcher.property("secondsLeft") == 5
    watcher.set_active(False)


def test_a_held_queue_number_may_outlast_the_base_timeout(qapp):
    from ui.idle import IdleWatcher

    watcher = IdleWatcher(5, warn_s=2)
    watcher.set_kind_timeouts({"result": 30})
    watcher.set_hold_timeouts({"number": 600})
    watcher.set_active(True)
    watcher.set_kind("number")
    assert watcher.property("timeoutSeconds") == 600 and watcher.property("secondsLeft") == 600
    assert not watcher.property("warning")
    watcher.set_kind("result")  # the number gone: back to the (short) base
    assert watcher.property("timeoutSeconds") == 5
    watcher.set_active(False)


def test_every_page_of_a_visit_says_its_time_limit_and_home_says_none(kiosk_ui, qtbot):
    notice = find_item(kiosk_ui.window.contentItem(), "idleNotice")
    text = find_item(kiosk_ui.window.contentItem(), "idleNoticeText")
    assert not notice.isVisible()  # home: no visit runs, nothing to wipe
    kiosk_ui.idle.set_timeout(90)
    kiosk_ui.show_page("guide")
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "guidePage")
    qtbot.waitUntil(notice.isVisible)
    assert text.property("text") == "无操作 90 秒后将返回首页，并清除本次办理的信息"
    kiosk_ui.idle.set_timeout(300)
    qtbot.waitUntil(lambda: "无操作 5 分钟后" in text.property("text"))
    kiosk_ui.show_page("home")
    qtbot.waitUntil(lambda: not notice.isVisible())
