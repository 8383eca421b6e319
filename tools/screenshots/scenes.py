"""Scenes for ``kiosk --screenshots``: what each one shows, and the helpers they share.

The screens of the visit flows (apply, tickets, check-in, progress, consultation,
complaints) are in :mod:`tools.screenshots.scenes_visit`; the runner and the list of scenes in
:mod:`tools.screenshots.runner`.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drivers.status import DeviceState, DeviceStatus

if TYPE_CHECKING:
    from ui.app import KioskUi

log = logging.getLogger(__name__)

OK = DeviceStatus(DeviceState.OK, "ok")
SOCIAL_SECURITY_CARD = "SB-001"


DEMO_PHONE = "13912345678"


class SceneError(RuntimeError):
    """A scene did not reach its state in time."""


@dataclass(frozen=True)
class Scene:
    """One screenshot: file name (without .png) and how to get the window there."""

    name: str
    setup: Callable[..., None]
    orientation: str = "portrait"


def wait_until(condition: Callable[[], Any], timeout_s: float = 15.0) -> None:
    """Run the event loop (deferred deletes included) until ``condition`` holds."""
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise SceneError("timed out")
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def _show(ui: KioskUi, page: str, props: dict[str, Any] | None = None) -> None:
    ui.show_page(page, props or {})
    wait_until(lambda: ui.current_page() == f"{page}Page")


def _all_ok(ui: KioskUi) -> None:
    for device in ("reader", "printer", "network"):
        ui.status.set_device(device, OK)


def _home(ui: KioskUi) -> None:
    _all_ok(ui)


def _attract(ui: KioskUi) -> None:
    wait_until(lambda: bool(ui.shell.property("notices")))
    ui.shell.set_attracting(True)


def _home_problems(ui: KioskUi) -> None:
    ui.status.set_device("printer", DeviceStatus(DeviceState.ERROR, "paper out", "paper_out"))
    ui.status.set_device("network", DeviceStatus(DeviceState.ERROR, "unreachable", "offline"))


def _not_ready(ui: KioskUi) -> None:
    _show(ui, "notReady", {"entryTitle": "取号"})


def _out_of_service(ui: KioskUi) -> None:
    _show(ui, "outOfService")


def _home_elder(ui: KioskUi) -> None:
    ui.shell.toggleElderMode()


def _language_menu(ui: KioskUi) -> None:
    from PySide6.QtCore import QMetaObject, QObject

    menu = ui.window.findChild(QObject, "languageMenu")
    if menu is not None:
        QMetaObject.invokeMethod(menu, "open")


def _guide_themes(ui: KioskUi) -> None:
    _show(ui, "guide")
    wait_until(lambda: ui.catalog.property("themes"))


def _service_list(ui: KioskUi) -> None:
    ui.catalog.openTheme("social_security")
    _show(ui, "serviceList")
    wait_until(lambda: ui.catalog.property("services"))


def _guide_detail(ui: KioskUi) -> None:
    ui.catalog.openGuide(SOCIAL_SECURITY_CARD)
    _show(ui, "guideDetail")
    wait_until(lambda: ui.catalog.property("guide"))


def _guide_materials(ui: KioskUi) -> None:
    _guide_detail(ui)
    wait_until(lambda: True)
    ui.page_command("scrollToMaterials")


def _guide_time_limit(code: str) -> Callable[[KioskUi], None]:
    """The guide of ``code`` scrolled to its steps and time limits (units, 即办)."""

    def setup(ui: KioskUi) -> None:
        ui.catalog.openGuide(code)
        _show(ui, "guideDetail")
        wait_until(lambda: ui.catalog.property("guide").get("code") == code)
        ui.page_command("scrollToSteps")

    return setup


def _guide_agent(ui: KioskUi) -> None:
    _guide_detail(ui)
    wait_until(lambda: True)
    ui.page_command("scrollToAgent")


def _guide_sample(ui: KioskUi) -> None:
    ui.catalog.openGuide("IP-002")
    _show(ui, "guideDetail")
    wait_until(lambda: ui.catalog.property("guide").get("code") == "IP-002")
    ui.page_command("showSample", 0)


def _guide_marriage(ui: KioskUi) -> None:
    ui.catalog.openGuide("HY-001")
    _show(ui, "guideDetail")
    wait_until(lambda: ui.catalog.property("guide").get("code") == "HY-001")
    ui.page_command("scrollToMaterials")


def _guide(code: str, command: str | None = None) -> Callable[[KioskUi], None]:
    """The guide of ``code``, at its top or after a page command (``scrollToMaterials`` …)."""

    def setup(ui: KioskUi) -> None:
        ui.catalog.openGuide(code)
        _show(ui, "guideDetail")
        wait_until(lambda: ui.catalog.property("guide").get("code") == code)
        if command:
            ui.page_command(command)

    return setup


def _copy_print(ui: KioskUi, out_dir: Path, name: str) -> None:
    emulator = ui.demo.printer_emulator() if ui.demo is not None else None
    if emulator is not None and emulator.latest_png is not None:
        shutil.copy(emulator.latest_png, out_dir / f"print-{name}.png")


def _print_guide_slip(ui: KioskUi, out_dir: Path, code: str, name: str) -> None:
    _guide(code)(ui)
    ui.catalog.printSlip(code)
    wait_until(lambda: ui.catalog.property("slipState") == "printed", 30)
    wait_until(lambda: ui.catalog.property("previewUrl"), 10)  # demo: the print preview
    _copy_print(ui, out_dir, name)


def _slip_printed(ui: KioskUi, out_dir: Path) -> None:
    _print_guide_slip(ui, out_dir, SOCIAL_SECURITY_CARD, "notification-slip")


def _business_slip_printed(ui: KioskUi, out_dir: Path) -> None:
    _print_guide_slip(ui, out_dir, "QY-001", "notification-slip-business")


def _slip_paper_out(ui: KioskUi) -> None:
    emulator = ui.demo.printer_emulator() if ui.demo is not None else None
    _guide_detail(ui)
    if emulator is not None:
        emulator.set(paper="out")
    try:
        ui.catalog.printSlip(SOCIAL_SECURITY_CARD)
        wait_until(lambda: ui.catalog.property("slipState") not in ("", "printing"), 30)
    finally:
        if emulator is not None:
            emulator.set(paper="ok")


def _search(query: str) -> Callable[[KioskUi], None]:
    def setup(ui: KioskUi) -> None:
        _show(ui, "search")
        ui.page_command("setQuery", query)
        wait_until(lambda: ui.catalog.property("searchResults"), 5)

    return setup


def _referral(ui: KioskUi) -> None:
    """Search 护照: the referral answer (不在本大厅办理), then its page."""
    _search("护照")(ui)
    first = ui.catalog.property("searchResults")[0]
    ui.catalog.openReferral(first["code"])
    _show(ui, "referral")
    wait_until(lambda: ui.catalog.property("referral").get("code") == first["code"])


def _referral_printed(ui: KioskUi, out_dir: Path) -> None:
    _referral(ui)
    ui.catalog.printReferral(ui.catalog.property("referral")["code"])
    wait_until(lambda: ui.catalog.property("slipState") == "printed", 30)
    wait_until(lambda: ui.catalog.property("previewUrl"), 10)
    _copy_print(ui, out_dir, "referral-slip")


def _search_keyboard(ui: KioskUi) -> None:
    from PySide6.QtCore import QObject

    _show(ui, "search")
    ui.page_command("focusField")
    keyboard = ui.window.findChild(QObject, "keyboard")
    wait_until(lambda: keyboard is not None and keyboard.property("active"), 5)


def _search_nothing(ui: KioskUi) -> None:
    _show(ui, "search")
    ui.page_command("setQuery", "火星移民")
    wait_until(lambda: ui.catalog.property("searchedQuery") == "火星移民", 5)


def _suggest(ui: KioskUi) -> None:
    """我有建议, reached from a search that found nothing, partly filled in."""
    _show(ui, "suggest", {"about": "开在职证明"})
    ui.page_command(
        "fill", ["proof", "开在职证明", "办事时不要再要求单位开在职证明，参保记录可以查到。", ""]
    )


def _card(state: str, sample: str = "", reason: str = "") -> Callable[[KioskUi], None]:
    def setup(ui: KioskUi) -> None:
        from demo import sample_identity
        from kiosk.devices.reader_worker import CardResult

        _show(ui, "idCard")
        if state == "reading":
            ui.card.on_present()
        elif state == "read":
            ui.card.on_read(CardResult("sim:sam", identity=sample_identity(sample)))
        elif state == "error":
            ui.card.on_read(CardResult("sim:sam", reason=reason))
        elif state == "lost":
            ui.status.reader_lost("reader_lost", "unplugged")

    return setup


def _staff_login(ui: KioskUi) -> None:
    _show(ui, "staffLogin")


def _staff_typing(ui: KioskUi) -> None:
    """Four digits typed on the PIN pad: a dot for each."""
    _show(ui, "staffLogin")
    # The page on screen: an earlier scene's login page may not be deleted yet.
    page = _visible_item(ui, "staffLoginPage")
    if page is None:
        raise SceneError("no staff login page")
    page.setProperty("pin", "4829")


def _visible_item(ui: KioskUi, name: str) -> Any:
    from PySide6.QtQuick import QQuickItem

    def walk(item: QQuickItem) -> Any:
        if item.objectName() == name and item.isVisible():
            return item
        for child in item.childItems():
            found = walk(child)
            if found is not None:
                return found
        return None

    return walk(ui.window.contentItem())


def _tag_help(badge: str, code: str | None = None) -> Callable[[KioskUi], None]:
    """The guide page (of ``code``, else the usual one) with one of its tags explained."""

    def setup(ui: KioskUi) -> None:
        from PySide6.QtCore import QMetaObject

        if code is None:
            _guide_detail(ui)
        else:
            _guide(code)(ui)
        wait_until(lambda: _visible_item(ui, badge) is not None)
        QMetaObject.invokeMethod(_visible_item(ui, badge), "showHelp")

    return setup


def _staff_wrong(ui: KioskUi) -> None:
    _ensure_pin(ui)
    # A right PIN first: five wrong ones in a row (one per rendered variant) would lock out.
    assert ui.kiosk is not None
    ui.kiosk.services.staff.verify(DEMO_STAFF_PIN)
    _show(ui, "staffLogin")
    ui.staff.verifyPin("000000")
    wait_until(lambda: ui.staff.property("loginState") == "wrong")


def _staff_page(ui: KioskUi) -> None:
    _ensure_pin(ui)
    _show(ui, "staffLogin")
    ui.staff.verifyPin(DEMO_STAFF_PIN)
    wait_until(lambda: ui.current_page() == "staffPage")
    wait_until(lambda: ui.staff.property("snapshot"), 15)


def _staff_auth_failed(ui: KioskUi) -> None:
    """Staff mode while central refuses this terminal's signature (认证失败)."""
    from kiosk.sync.runner import record_auth_failure

    if ui.kiosk is not None:
        record_auth_failure(ui.kiosk.store, status=401, reason="bad_signature")
    _staff_page(ui)


def _staff_broken_devices(ui: KioskUi) -> None:
    """Staff mode with a reader plug-in that is not installed and a printer that hangs.

    The devices are swapped in for the staff screen's check only, then put back: the scenes
    after this one use the demo's devices.
    """
    from kiosk.devices.broken import card_reader_or_broken
    from kiosk.devices.guard import DeviceTimeout
    from kiosk.health import STATUS_DEADLINE_S, check_card_reader

    kiosk = ui.kiosk
    assert kiosk is not None
    demo_reader, demo_printer = kiosk.card_reader, kiosk.printer
    # The real path: a configured scheme whose plug-in is missing gives a broken stand-in.
    kiosk.card_reader = card_reader_or_broken("acmeid:/dev/ttyACM0")
    kiosk.printer = _StuckPrinter("acme:/dev/usb/lp0")
    try:
        _staff_page(ui)  # the staff screen checks them (off the GUI thread, with deadlines)
        reader = check_card_reader(kiosk.card_reader)  # a stand-in: no driver call
    finally:
        kiosk.card_reader, kiosk.printer = demo_reader, demo_printer
    # What the health monitor reports for them, in the status bar.
    hung = DeviceTimeout("printer acme:/dev/usb/lp0", "status", STATUS_DEADLINE_S)
    ui.status.set_device("reader", reader)
    ui.status.set_device("printer", DeviceStatus(DeviceState.ERROR, str(hung), hung.reason))


class _StuckPrinter:
    """A printer driver whose every call hangs, as a vendor's broken driver might (the
    screenshot's threads stuck in it are daemons, abandoned by the deadline)."""

    def __init__(self, uri: str) -> None:
        self.uri = uri

    def send(self, data: bytes) -> None:
        time.sleep(3600)

    def query_status(self) -> Any:
        time.sleep(3600)

    def close(self) -> None:
        return None


DEMO_STAFF_PIN = "482915"


def _ensure_pin(ui: KioskUi) -> None:
    staff = ui.kiosk.services.staff if ui.kiosk is not None else None
    if staff is not None and not staff.pin_is_set():
        staff.set_pin(DEMO_STAFF_PIN, actor="screenshots")


# -- apply screens (自助办理) and the rating page ----------------------------------------------

HJ004_VALUES = {
    "phone": "13800000000",
    "residence_address": "示范市人民路1号",
    "since": "2024-05-01",
    "basis": "work",
}


# -- tickets and check-in ---------------------------------------------------------------------
