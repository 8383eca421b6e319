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
- Non-text contrast (WCAG 1.4.11): on every page as drawn, the border of each text field and
  of each bordered button or row reaches 3:1 against both its own fill and what is behind it
  (a button without a border: its fill against what is behind it). A focused field shows a
  focus ring (WCAG 2.4.7) at least 2 px wide and 3:1 against the field.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QObject, QPointF
from PySide6.QtGui import QColor
from PySide6.QtQml import QQmlProperty
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


FORM_PAIRS = [
    ("fieldBorder", "surface"),
    ("fieldBorder", "background"),
    ("fieldBorder", "disabledSurface"),
    ("focusRing", "surface"),
    ("error", "surface"),
]


@pytest.mark.parametrize(("fg", "bg"), FORM_PAIRS)
def test_theme_border_colours_have_at_least_3_to_1_contrast(fg, bg):
    colours = theme_colours()
    assert contrast(colours[fg], colours[bg]) >= 3, f"{fg} on {bg}"


def _read(obj, name: str):
    return QQmlProperty.read(obj, name)


def _frame(control):
    """The rectangle that draws ``control``'s box: its background, or the first bordered
    rectangle inside it (a row with a raised lower edge)."""
    background = control.property("background")
    if background is None or not background.inherits("QQuickRectangle"):
        return None
    if _read(background, "border.width") > 0:
        return background
    for child in walk_items(background):
        if child.inherits("QQuickRectangle") and _read(child, "border.width") > 0:
            if child.objectName() != "focusRing":
                return child
    return background


def _behind(ui, item) -> QColor:
    """The colour right behind ``item``: the nearest opaque rectangle or control background
    among its ancestors, else the window's."""
    parent = item.parentItem()
    while parent is not None:
        if parent.inherits("QQuickRectangle") and parent.property("color").alpha() == 255:
            return parent.property("color")
        if parent.inherits("QQuickControl"):
            background = parent.property("background")
            if (
                background is not None
                and background.inherits("QQuickRectangle")
                and background.property("color").alpha() == 255
            ):
                return background.property("color")
        parent = parent.parentItem()
    return ui.window.property("color")


def border_problems(ui, name: str) -> tuple[list[str], int]:
    """What falls short on the page shown, and how many boxes were measured."""
    problems, measured = [], 0
    for item in walk_items(ui.window.contentItem()):
        if not visible(item) or item.width() <= 0 or not item.property("enabled"):
            continue
        field = item.inherits("QQuickTextField") or item.inherits("QQuickTextArea")
        if not (field or item.inherits("QQuickAbstractButton")):
            continue
        frame = _frame(item)
        if frame is None:
            continue
        measured += 1
        what = f"{name}: {item.objectName() or type(item).__name__}"
        fill, behind = frame.property("color"), _behind(ui, item)
        width = _read(frame, "border.width")
        if width <= 0:
            if field:
                problems.append(f"{what} has no border")
            elif fill.alpha() == 255 and contrast(fill.name(), behind.name()) < 3:
                problems.append(f"{what}: fill {fill.name()} on {behind.name()} < 3:1")
            continue
        border = _read(frame, "border.color").name()
        for against in ([fill] if fill.alpha() == 255 else []) + [behind]:
            ratio = contrast(border, against.name())
            if ratio < 3:
                problems.append(f"{what}: border {border} on {against.name()} is {ratio:.2f}:1")
    return problems, measured


def test_field_and_row_borders_reach_3_to_1_on_every_page(kiosk_ui, qtbot):
    kiosk_ui.catalog._guide = SAMPLE_GUIDE
    kiosk_ui.catalog._themes = [{"key": "t", "name": "社会保障", "count": 3}]
    kiosk_ui.catalog._services = [{"code": "X1", "name": "示例事项", "department": "人社局"}]
    kiosk_ui.catalog.changed.emit()
    problems, measured = [], 0
    for name in kiosk_ui.window.property("pages").toVariant():
        kiosk_ui.show_page(name, {"entryTitle": "取号"} if name == "notReady" else {})
        qtbot.waitUntil(lambda n=name: kiosk_ui.current_page() == f"{n}Page")
        kiosk_ui.window.grabWindow()
        found, count = border_problems(kiosk_ui, name)
        problems += found
        measured += count
    assert not problems, "\n".join(problems)
    assert measured > 200  # every page's fields, rows and buttons, not an empty walk


def _page_item(ui, name: str):
    from tests.ui.conftest import find_item

    found = find_item(ui.window.contentItem(), name)
    assert found is not None, name
    return found


def test_a_focused_field_shows_a_ring_of_3_to_1_and_an_unfocused_one_none(kiosk_ui, qtbot):
    kiosk_ui.show_page("consultAsk")
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "consultAskPage")
    field = _page_item(kiosk_ui, "consultPhoneField")
    ring = next(
        i for i in walk_items(field.property("background")) if i.objectName() == "focusRing"
    )
    assert not ring.isVisible()
    field.forceActiveFocus()
    qtbot.waitUntil(ring.isVisible)
    width = _read(ring, "border.width")
    fill = field.property("background").property("color").name()
    assert width >= 2 and contrast(_read(ring, "border.color").name(), fill) >= 3
    assert ring.width() == field.width() and ring.height() == field.height()
    _page_item(kiosk_ui, "consultText").forceActiveFocus()
    qtbot.waitUntil(lambda: not ring.isVisible())


def test_a_field_keeps_its_label_once_filled(kiosk_ui, qtbot):
    kiosk_ui.show_page("complainForm")
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "complainFormPage")
    field = _page_item(kiosk_ui, "againstWindow")
    label = next(i for i in walk_items(field) if i.objectName() == "fieldLabel")
    assert label.isVisible() and label.property("text") == "窗口号"
    field.setProperty("text", "3")
    assert label.isVisible() and label.property("text") == "窗口号"
    # The label sits above the text, inside the box, with room around the text.
    assert label.y() + label.height() <= field.property("topPadding")
    assert field.property("leftPadding") >= 16 and field.property("rightPadding") >= 16


def test_a_scrolling_page_says_there_is_more_below_until_its_end(kiosk_ui, qtbot):
    long_guide = dict(SAMPLE_GUIDE)
    long_guide["materials"] = [
        {"name": f"材料{i}", "source": "citizen", "common_errors": ["复印件不清晰"]}
        for i in range(30)
    ]
    kiosk_ui.catalog._guide = long_guide
    kiosk_ui.catalog.changed.emit()
    kiosk_ui.show_page("guideDetail")
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "guideDetailPage")
    flick = _page_item(kiosk_ui, "guideScroll")
    cue = next(i for i in walk_items(flick) if i.objectName() == "moreBelow")
    qtbot.waitUntil(lambda: flick.property("contentHeight") > flick.height() * 2)
    assert cue.isVisible()
    assert any("下面还有内容" in str(t.property("text")) for t in walk_items(cue))
    # It only shows: a tap on it reaches what is underneath (here the page scrolls on).
    assert not any(i.inherits("QQuickMouseArea") for i in walk_items(cue))
    flick.setProperty("contentY", flick.property("contentHeight") - flick.height())
    qtbot.waitUntil(lambda: not cue.isVisible())
    flick.setProperty("contentY", 0)
    qtbot.waitUntil(cue.isVisible)
    # A page that fits shows no cue.
    kiosk_ui.show_page("consultAsk")
    qtbot.waitUntil(lambda: kiosk_ui.current_page() == "consultAskPage")
    assert not any(
        i.objectName() == "moreBelow" and visible(i)
        for i in walk_items(kiosk_ui.window.contentItem())
    )
