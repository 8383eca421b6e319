"""Text sizes, touch-target sizes and colour contrast of every page, in both modes.

The limits, and where they come from. The screen is taken to be a 21.5"-27" panel 1080 px wide
in portrait, which is roughly 3.2-4 px per mm.

- Default mode: no text under 24 px, i.e. at least 4.8 mm tall, the minimum character height
  the US ADA standard sets for self-service machines' screens (section 707), used here for
  comparison; touch targets at least 88 px on their short side, above the 44 x 44 dp minimum
  of the MIIT 2021 elderly-friendly (适老化) design rules outside elder mode.
- Elder mode: every text on every page half as large again as in default mode (rendered, so a
  label squeezed smaller by its box counts as the size it shows), hence none under 36 px (those
  rules want main text of at least 18 dp/pt that can grow to 30); touch targets at least 132 px
  (1.5 x 88, above their 60 x 60 dp minimum in elder mode) and never shorter than in default
  mode.
- Contrast: every text/background pair the Theme defines reaches 4.5:1 (the same rules and
  WCAG 2 level AA for normal text; large text would only need 3:1, which is not relied on).
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QObject, QPointF
from shiboken6 import Shiboken

from tests.conftest import REPO
from tests.ui.conftest import walk_items

pytestmark = pytest.mark.gui

LIMITS = {False: {"text": 24, "target": 88}, True: {"text": 36, "target": 132}}
ELDER_RATIO = 1.5
# Staff's screens switch elder mode off (ui.app.STAFF_PAGES): held to the default sizes only.
STAFF_PAGES = {"staffLogin", "staff"}
SAMPLE_GUIDE = {
    "code": "X1",
    "name": "示例事项",
    "visits": 1,
    "materials": [{"name": "居民身份证", "source": "shared", "common_errors": ["复印件不清晰"]}],
    "steps": [{"name": "受理", "handler": "窗口", "time_limit": "即时"}],
    "legal_basis": ["《示例条例》第一条"],
    "faq": [{"question": "要多久？", "answer": "五个工作日。"}],
}


def visible(item) -> bool:
    while item is not None:
        if not item.isVisible() or item.opacity() == 0:
            return False
        item = item.parentItem()
    return True


def scrollable(item) -> bool:
    """Inside a Flickable (ListView, ScrollView…) or the footer bar itself: may extend below
    the page area."""
    item = item.parentItem()
    while item is not None:
        if item.inherits("QQuickFlickable") or item.objectName() == "footerBar":
            return True
        item = item.parentItem()
    return False


def in_status_bar(item) -> bool:
    while item is not None:
        if item.objectName() == "statusBar":
            return True
        item = item.parentItem()
    return False


def check_page(ui, name: str, elder: bool) -> list[str]:
    limits = LIMITS[elder]
    problems = []
    footer = ui.window.findChild(QObject, "footerBar")
    bottom = ui.window.height() - (footer.height() if footer and footer.isVisible() else 0)
    for item in walk_items(ui.window.contentItem()):
        if not visible(item) or item.width() <= 0:
            continue
        if item.inherits("QQuickText") and item.property("text"):
            size = item.property("font").pixelSize()
            if size < limits["text"]:
                problems.append(f"{name}: text {item.property('text')[:12]!r} is {size}px")
        if (
            item.inherits("QQuickText")
            and item.property("text")
            and item.property("contentWidth") > item.width() + 2  # elided text fits
        ):
            problems.append(f"{name}: text {item.property('text')[:16]!r} overflows its box")
        if item.inherits("QQuickText") and in_status_bar(item) and item.property("lineCount") > 1:
            problems.append(f"{name}: status {item.property('text')[:16]!r} wraps")
        if item.inherits("QQuickAbstractButton") or item.inherits("QQuickText"):
            left = item.mapToScene(QPointF(0, 0)).x()
            if left < -1 or left + item.width() > ui.window.width() + 1:
                problems.append(f"{name}: {item.objectName() or item.property('text')} sticks out")
        if item.inherits("QQuickAbstractButton") and item.property("enabled"):
            below = item.mapToScene(QPointF(0, item.height())).y()
            if below > bottom + 1 and not scrollable(item):
                problems.append(f"{name}: {item.objectName()} is cut off at the bottom")
            short = min(item.width(), item.height())
            if short < limits["target"]:
                problems.append(f"{name}: {item.objectName()} is {item.width()}x{item.height()}")
    return problems


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("locale", ["zh_CN", "en_US"])
@pytest.mark.parametrize("elder", [False, True], ids=["default", "elder"])
def test_every_page_meets_text_and_target_sizes(kiosk_ui, qtbot, elder, locale, orientation):
    if orientation == "landscape":
        kiosk_ui.shell.set_geometry(1920, 1080)
    if locale != "zh_CN":  # longer words must still fit
        kiosk_ui.switch_locale(locale)
    if elder:
        kiosk_ui.shell.toggleElderMode()
    kiosk_ui.catalog._guide = SAMPLE_GUIDE
    kiosk_ui.catalog._themes = [{"key": "t", "name": "社会保障", "count": 3}]
    kiosk_ui.catalog._services = [{"code": "X1", "name": "示例事项", "department": "人社局"}]
    kiosk_ui.catalog.changed.emit()
    problems = []
    pages = kiosk_ui.window.property("pages").toVariant()
    for name in pages:
        if elder and name in STAFF_PAGES:
            continue
        kiosk_ui.show_page(name, {"entryTitle": "取号"} if name == "notReady" else {})
        qtbot.waitUntil(lambda n=name: kiosk_ui.current_page() == f"{n}Page")
        kiosk_ui.window.grabWindow()
        assert kiosk_ui.shell.property("elderMode") == elder
        problems += check_page(kiosk_ui, name, elder)
    if problems:
        pytest.fail("\n".join(problems))


def rendered_sizes(ui) -> dict[int, tuple[str, float, float]]:
    """Every visible text's line height as drawn and every enabled button's height, by item:
    {item: (what, text line height or 0, button height or 0)}."""
    sizes = {}
    for item in walk_items(ui.window.contentItem()):
        if not visible(item) or item.width() <= 0:
            continue
        key = Shiboken.getCppPointer(item)[0]
        if item.inherits("QQuickText") and item.property("text"):
            line = item.property("contentHeight") / max(1, item.property("lineCount"))
            sizes[key] = (repr(item.property("text")[:16]), line, 0.0)
        elif item.inherits("QQuickAbstractButton") and item.property("enabled"):
            sizes[key] = (item.objectName() or "a button", 0.0, item.height())
    return sizes


def open_page(ui, qtbot, name: str) -> None:
    ui.show_page(name, {"entryTitle": "取号"} if name == "notReady" else {})
    qtbot.waitUntil(lambda: ui.current_page() == f"{name}Page")
    ui.window.grabWindow()


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("locale", ["zh_CN", "en_US"])
def test_elder_mode_makes_every_text_half_as_large_again_on_every_page(
    kiosk_ui, qtbot, locale, orientation
):
    """The same page, default then elder: each text drawn >= 1.5x as tall, each button at least
    as tall (the home tiles included)."""
    if orientation == "landscape":
        kiosk_ui.shell.set_geometry(1920, 1080)
    if locale != "zh_CN":
        kiosk_ui.switch_locale(locale)
    problems = []
    compared = 0
    for name in kiosk_ui.window.property("pages").toVariant():
        if name in STAFF_PAGES:
            continue
        if kiosk_ui.shell.property("elderMode"):
            kiosk_ui.shell.toggleElderMode()
        open_page(kiosk_ui, qtbot, name)
        before = rendered_sizes(kiosk_ui)
        kiosk_ui.shell.toggleElderMode()
        kiosk_ui.window.grabWindow()
        after = rendered_sizes(kiosk_ui)
        for key, (what, line, height) in before.items():
            if key not in after:
                continue  # shown in one mode only (elder mode asks fewer questions)
            compared += 1
            _, elder_line, elder_height = after[key]
            if line and elder_line < ELDER_RATIO * line - 1:
                problems.append(f"{name}: text {what} {line:.0f} -> {elder_line:.0f} px")
            if height and elder_height < height - 1:
                problems.append(f"{name}: {what} {height:.0f} -> {elder_height:.0f} px high")
    assert compared > 500  # the walk found the pages' items
    if problems:
        pytest.fail("\n".join(problems))


def test_staff_screens_switch_elder_mode_off(kiosk_ui, qtbot):
    kiosk_ui.shell.setElderMode(True)
    kiosk_ui.show_page("ticket")
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "ticketPage")
    assert kiosk_ui.shell.property("elderMode")
    kiosk_ui.show_page("staffLogin")
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "staffLoginPage")
    assert not kiosk_ui.shell.property("elderMode")


def luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def theme_colours() -> dict[str, str]:
    text = (REPO / "ui" / "qml" / "components" / "Theme.qml").read_text(encoding="utf-8")
    return dict(re.findall(r'property color (\w+): "(#[0-9a-fA-F]{6})"', text))


PAIRS = [
    ("text", "background"),
    ("text", "surface"),
    ("textMuted", "background"),
    ("textMuted", "surface"),
    ("textOnPrimary", "primary"),
    ("textOnPrimary", "primaryDark"),
    ("textOnPrimary", "accent"),
    ("primary", "surface"),
    ("primaryDark", "background"),
    ("ok", "surface"),
    ("warning", "surface"),
    ("error", "surface"),
    ("error", "background"),
    ("text", "disabledSurface"),
]


@pytest.mark.parametrize(("fg", "bg"), PAIRS)
def test_theme_colour_pairs_have_at_least_4_5_to_1_contrast(fg, bg):
    colours = theme_colours()
    assert contrast(colours[fg], colours[bg]) >= 4.5, f"{fg} on {bg}"
