"""The UI shell: pages load cleanly, controls are findable, entries never dead-end."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from PIL import Image
from PySide6.QtGui import QAccessible
from PySide6.QtQml import QQmlProperty

from drivers.status import DeviceState, DeviceStatus
from tests.conftest import REPO
from tests.ui.conftest import find_item, tap, walk_items

pytestmark = pytest.mark.gui

PAGES_WITH_PROPS = {"notReady": {"entryTitle": "取号"}}


def page_names(ui) -> list[str]:
    return list(ui.window.property("pages").toVariant().keys())


def show(ui, qtbot, name: str, props=None) -> None:
    ui.show_page(name, props or PAGES_WITH_PROPS.get(name, {}))
    qtbot.waitUntil(lambda: ui.current_page() == f"{name}Page")


def test_every_page_loads_and_shows_without_qml_warnings(kiosk_ui, qtbot):
    names = page_names(kiosk_ui)
    assert {"home", "notReady", "outOfService"} <= set(names)
    for name in names:
        show(kiosk_ui, qtbot, name)
        kiosk_ui.window.grabWindow()  # renders the page: bindings evaluated for real


def accessible(item) -> tuple[str, QAccessible.Role | None]:
    iface = QAccessible.queryAccessibleInterface(item)
    if iface is None:
        return "", None
    return iface.text(QAccessible.Text.Name), iface.role()


def test_every_touchable_control_has_an_object_name_and_accessible_name(kiosk_ui, qtbot):
    for name in page_names(kiosk_ui):
        show(kiosk_ui, qtbot, name)
        root = kiosk_ui.window.contentItem()
        buttons = [i for i in walk_items(root) if i.inherits("QQuickAbstractButton")]
        assert buttons or name == "outOfService", f"{name}: no controls found"
        for item in buttons:
            if not item.isVisible():
                continue
            label, role = accessible(item)
            assert item.objectName(), f"{name}: a button without objectName ({label!r})"
            assert label, f"{name}: {item.objectName()} has no Accessible.name"
            assert role == QAccessible.Role.Button, f"{name}: {item.objectName()} role {role}"
        page_root = find_item(root, f"{name}Page")
        assert page_root is not None
        assert accessible(page_root)[0], f"{name}: the page does not announce itself"


def test_an_entry_not_built_yet_says_so_and_leads_back_home(kiosk_ui, qtbot):
    # A terminal where taking numbers is not open (the shell is told so; tiles are rebuilt).
    kiosk_ui.shell._ready = frozenset({"guide"})
    kiosk_ui.show_page("home")
    root = kiosk_ui.window.contentItem()
    qtbot.waitUntil(lambda: find_item(root, "entry_ticket") is not None)
    tile = find_item(root, "entry_ticket")
    assert QQmlProperty(tile, "ready").read() is False
    tap(kiosk_ui, tile)
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "notReadyPage")
    message = find_item(root, "notReadyMessage")
    assert "取号" in message.property("text")
    tap(kiosk_ui, find_item(root, "homeButton"))
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "homePage")


def test_status_bar_says_device_problems_in_words_not_only_colour(kiosk_ui, qtbot):
    kiosk_ui.status.set_device(
        "printer", DeviceStatus(DeviceState.ERROR, "printer out of paper", "paper_out")
    )
    kiosk_ui.status.set_device("network", DeviceStatus(DeviceState.ERROR, "down", "offline"))
    root = kiosk_ui.window.contentItem()
    printer = find_item(root, "printerIndicator")
    network = find_item(root, "networkIndicator")
    assert printer.property("stateText") == "缺纸"
    assert network.property("stateText") == "离线"


@pytest.mark.slow
def test_demo_core_starts_off_the_gui_thread_and_reports_online(kiosk_ui, qtbot):
    kiosk_ui.start_core()
    qtbot.waitUntil(lambda: kiosk_ui.status.property("networkState") == "ok")
    assert kiosk_ui.status.property("printerState") == "ok"
    assert kiosk_ui.status.property("readerState") == "ok"


def test_an_unusable_database_shows_out_of_service_not_a_traceback(kiosk_ui, qtbot, data_dir):
    (data_dir / "kiosk.db").write_bytes(b"not a database" * 200)
    kiosk_ui.start_core()
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "outOfServicePage")


def test_a_settings_check_that_breaks_after_the_frame_shows_out_of_service(kiosk_ui, qtbot):
    # A start whose settings were remembered checks them on the core's thread
    # (kiosk/settings_memo.py); a fault there is a core that cannot start, not a dead thread.
    def broken():
        raise OSError("the settings file went away mid-read")

    kiosk_ui._check = broken
    kiosk_ui.start_core()
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "outOfServicePage")
    assert kiosk_ui.kiosk is None


def test_screenshots_command_writes_every_screen_as_a_non_blank_png(tmp_path):
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "ui", "--screenshots", str(out)],
        capture_output=True,
        text=True,
        timeout=540,
        cwd=REPO,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert " qt: " not in result.stderr, result.stderr  # no QML warnings while rendering
    from tools.screenshots import SCENES

    for scene in SCENES:
        path = out / f"{scene.name}.png"
        image = Image.open(path).convert("RGB")
        expected = (1080, 1920) if scene.orientation == "portrait" else (1920, 1080)
        assert image.size == expected, scene.name
        colours = image.resize((270, 480)).getcolors(maxcolors=1_000_000)
        assert colours is not None and len(colours) > 50, f"{scene.name} looks blank"


@pytest.mark.parametrize("locale", ["en_US", "zh_TW"])
def test_every_qstr_string_has_a_translation(tmp_path, locale):
    from ui.i18n.build import update_ts

    ts = tmp_path / f"kiosk_{locale}.ts"
    ts.write_bytes((REPO / "ui" / "i18n" / f"kiosk_{locale}.ts").read_bytes())
    update_ts(ts, locale)  # adds any new qsTr() string from the QML as unfinished
    untranslated = [
        m.findtext("source")
        for m in ET.parse(ts).iter("message")
        if not (m.findtext("translation") or "").strip()
        or m.find("translation").get("type") in ("unfinished", "obsolete", "vanished")
    ]
    assert untranslated == [], "run `python -m ui.i18n.build --update` and translate these"


def test_english_translation_is_applied_to_the_home_screen(kiosk_ui, qtbot):
    assert kiosk_ui.load_translation("en_US")
    kiosk_ui.engine.retranslate()
    root = kiosk_ui.window.contentItem()
    tile = find_item(root, "entry_guide")
    qtbot.waitUntil(lambda: tile.property("title") == "Service guides")
