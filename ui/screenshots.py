"""``kiosk --screenshots DIR``: render every screen and notable state offscreen, one PNG each.

Reviewers use it to see the terminal without a display. The terminal runs in demo mode with
its core started (sample catalog, simulated reader and printer, in-process central); each
scene puts the window into one state and grabs a frame. Printed slips are copied next to the
screens as ``print-*.png``. Add new screens to ``SCENES``.
"""

from __future__ import annotations

import argparse
import fnmatch
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from drivers.status import DeviceState, DeviceStatus

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtQuick import QQuickWindow

    from ui.app import KioskUi

log = logging.getLogger(__name__)

OK = DeviceStatus(DeviceState.OK, "ok")
SOCIAL_SECURITY_CARD = "SB-001"


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


def _copy_print(ui: KioskUi, out_dir: Path, name: str) -> None:
    from drivers.printers.sim.inprocess import emulator_of

    emulator = emulator_of(ui.kiosk.printer) if ui.kiosk is not None else None
    if emulator is not None and emulator.latest_png is not None:
        shutil.copy(emulator.latest_png, out_dir / f"print-{name}.png")


def _slip_printed(ui: KioskUi, out_dir: Path) -> None:
    _guide_detail(ui)
    ui.catalog.printSlip(SOCIAL_SECURITY_CARD)
    wait_until(lambda: ui.catalog.property("slipState") == "printed", 30)
    wait_until(lambda: ui.catalog.property("previewUrl"), 10)  # demo: the print preview
    _copy_print(ui, out_dir, "notification-slip")


def _slip_paper_out(ui: KioskUi) -> None:
    from drivers.printers.sim.inprocess import emulator_of

    emulator = emulator_of(ui.kiosk.printer) if ui.kiosk is not None else None
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


def _search_keyboard(ui: KioskUi) -> None:
    from PySide6.QtCore import QObject

    _show(ui, "search")
    ui.page_command("focusField")
    keyboard = ui.window.findChild(QObject, "keyboard")
    wait_until(lambda: keyboard is not None and keyboard.property("active"), 5)


def _search_nothing(ui: KioskUi) -> None:
    _show(ui, "search")
    ui.page_command("setQuery", "火星移民")
    wait_until(lambda: True)


def _card(state: str, sample: str = "", reason: str = "") -> Callable[[KioskUi], None]:
    def setup(ui: KioskUi) -> None:
        from drivers.cards.sim.card_files import load_card
        from kiosk.devices.reader_worker import CardResult
        from kiosk.domain.identity import identity_from_card

        _show(ui, "idCard")
        if state == "reading":
            ui.card.on_present()
        elif state == "read":
            identity = identity_from_card(load_card(_card_file(sample)), date.today())
            ui.card.on_read(CardResult("sim:sam", identity=identity))
        elif state == "error":
            ui.card.on_read(CardResult("sim:sam", reason=reason))
        elif state == "lost":
            ui.card.on_reader_lost("reader_lost", "unplugged")

    return setup


def _staff_login(ui: KioskUi) -> None:
    _show(ui, "staffLogin")


def _staff_wrong(ui: KioskUi) -> None:
    _ensure_pin(ui)
    # A right PIN first: five wrong ones in a row (one per rendered variant) would lock out.
    ui.kiosk.staff.verify(DEMO_STAFF_PIN)
    _show(ui, "staffLogin")
    ui.staff.verifyPin("000000")
    wait_until(lambda: ui.staff.property("loginState") == "wrong")


def _staff_page(ui: KioskUi) -> None:
    _ensure_pin(ui)
    _show(ui, "staffLogin")
    ui.staff.verifyPin(DEMO_STAFF_PIN)
    wait_until(lambda: ui.current_page() == "staffPage")
    wait_until(lambda: ui.staff.property("snapshot"), 15)


DEMO_STAFF_PIN = "482915"


def _ensure_pin(ui: KioskUi) -> None:
    if ui.kiosk is not None and ui.kiosk.staff is not None and not ui.kiosk.staff.pin_is_set():
        ui.kiosk.staff.set_pin(DEMO_STAFF_PIN, actor="screenshots")


# -- apply screens (自助办理) and the rating page ----------------------------------------------

HJ004_VALUES = {
    "phone": "13800000000",
    "residence_address": "示范市人民路1号",
    "since": "2024-05-01",
    "basis": "work",
}


def _apply_started(ui: KioskUi, code: str, mode: str = "self") -> None:
    wait_until(lambda: ui.apply.property("services"))
    _read_card(ui)
    if not ui.apply.start(code, mode):
        raise SceneError(f"cannot start {code}")


def _item(ui: KioskUi, name: str) -> Any:
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


def _apply_choose(ui: KioskUi) -> None:
    _show(ui, "apply")
    wait_until(lambda: ui.apply.property("services"))


def _apply_modes(ui: KioskUi) -> None:
    wait_until(lambda: ui.apply.property("services"))
    _show(ui, "apply", {"code": SOCIAL_SECURITY_CARD})


def _apply_conditions(ui: KioskUi) -> None:
    _apply_started(ui, "HJ-004")
    _show(ui, "applyConditions")


def _apply_principal(ui: KioskUi) -> None:
    _apply_started(ui, SOCIAL_SECURITY_CARD, "agent")
    ui.apply.confirmConditions()
    _show(ui, "applyPrincipal")


def _apply_principal_error(ui: KioskUi) -> None:
    _apply_principal(ui)
    for name, text in (("principalName", "王老汉"), ("principalIdNumber", "110105195001010021")):
        _item(ui, name).setProperty("text", text)
    ui.apply.setPrincipal("parent", "power_of_attorney", "王老汉", "110105195001010021")


def _apply_form(ui: KioskUi) -> None:
    _apply_started(ui, "HJ-004")
    ui.apply.confirmConditions()
    _show(ui, "applyForm")
    _item(ui, "field_phone").setProperty("text", "13800000000")


def _apply_form_elder(ui: KioskUi) -> None:
    ui.shell.toggleElderMode()
    _apply_form(ui)


def _apply_form_keyboard(ui: KioskUi) -> None:
    from PySide6.QtCore import QObject

    _apply_form(ui)
    ui.page_command("focusField", "residence_address")
    keyboard = ui.window.findChild(QObject, "keyboard")
    wait_until(lambda: keyboard is not None and keyboard.property("active"), 5)


def _apply_form_error(ui: KioskUi) -> None:
    _apply_form(ui)
    _item(ui, "field_phone").setProperty("text", "12345")
    _item(ui, "field_since").setProperty("text", "2024-13-01")
    ui.page_command("goOn")


def _apply_materials(ui: KioskUi) -> None:
    _apply_started(ui, "HJ-004")
    ui.apply.confirmConditions()
    ui.apply.identify()
    if not ui.apply.submitForm(HJ004_VALUES, "", ""):
        raise SceneError("form refused")
    _show(ui, "applyMaterials")


def _apply_commitment(ui: KioskUi) -> None:
    _apply_materials(ui)
    ui.page_command("scrollToCommitment")
    ui.apply.commit(_commitment_index(ui), "", False)  # signed without ticking consent


def _commitment_index(ui: KioskUi) -> int:
    materials = ui.apply.property("materials")
    return int(next(m["index"] for m in materials if m["source"] == "commitment"))


def _apply_review(ui: KioskUi) -> None:
    _apply_materials(ui)
    ui.apply.commit(_commitment_index(ui), "本人承诺：所填信息真实。", True)
    if not ui.apply.confirmMaterials():
        raise SceneError("materials refused")
    _show(ui, "applyReview")


def _apply_receipt(ui: KioskUi, out_dir: Path | None = None, preview: bool = False) -> None:
    _apply_review(ui)
    ui.apply.submit()
    wait_until(lambda: ui.apply.property("receipt"), 20)
    _show(ui, "applyReceipt")
    wait_until(lambda: ui.apply.property("printState") == "printed", 30)
    wait_until(lambda: ui.apply.property("previewUrl"), 10)
    if out_dir is not None:
        _copy_print(ui, out_dir, "receipt")
    if not preview:
        ui.apply.closePreview()
        wait_until(lambda: ui.apply.property("caseNo"), 30)


def _apply_receipt_preview(ui: KioskUi, out_dir: Path) -> None:
    _apply_receipt(ui, out_dir, preview=True)


def _apply_appointment(ui: KioskUi) -> None:
    wait_until(lambda: ui.apply.property("services"))
    wait_until(lambda: ui.kiosk is not None and ui.kiosk.appointments.client is not None)
    _read_card(ui)
    _show(ui, "applyAppointment", {"code": SOCIAL_SECURITY_CARD})
    wait_until(lambda: ui.apply.property("slotsState") not in ("", "loading"), 20)


def _apply_appointment_offline(ui: KioskUi) -> None:
    assert ui.kiosk is not None
    client = ui.kiosk.appointments.client
    ui.kiosk.appointments.client = None  # as without central
    try:
        _show(ui, "applyAppointment", {"code": SOCIAL_SECURITY_CARD})
        wait_until(lambda: ui.apply.property("slotsState") not in ("", "loading"), 20)
    finally:
        ui.kiosk.appointments.client = client


def _evaluate(ui: KioskUi) -> None:
    _show(ui, "evaluate")
    ui.page_command("setLevel", 4)


def _evaluate_elder(ui: KioskUi) -> None:
    ui.shell.toggleElderMode()
    _evaluate_low(ui)


def _evaluate_low(ui: KioskUi) -> None:
    _show(ui, "evaluate")
    ui.page_command("setLevel", 1)
    ui.page_command("send")
    wait_until(lambda: ui.apply.property("error") == "reason_required", 10)


def _card_file(name: str) -> Path:
    return Path(__file__).resolve().parent.parent / "assets" / "cards" / f"{name}.json"


# -- tickets and check-in ---------------------------------------------------------------------


def _ticket_queues(ui: KioskUi) -> None:
    _show(ui, "ticket")
    wait_until(lambda: bool(ui.queue.property("queues")))


def _ticket_priority(ui: KioskUi) -> None:
    _ticket_queues(ui)
    priority = next(q for q in ui.queue.property("queues") if q["priority"])
    ui.page_command("choose", priority)


def _ticket_taken(ui: KioskUi, paper_out: bool = False) -> None:
    from drivers.printers.sim.inprocess import emulator_of

    _ticket_queues(ui)
    emulator = emulator_of(ui.kiosk.printer)
    if paper_out and emulator is not None:
        emulator.set(paper="out")
    try:
        ui.queue.take("A")
        wait_until(lambda: ui.current_page() == "ticketResultPage" and not ui.queue.busy, 40)
    finally:
        if emulator is not None:
            emulator.set(paper="ok")


def _ticket_issued(ui: KioskUi) -> None:
    _ticket_taken(ui)


def _ticket_print_failed(ui: KioskUi) -> None:
    _ticket_taken(ui, paper_out=True)


def _ticket_on_screen(ui: KioskUi) -> None:
    _ticket_taken(ui, paper_out=True)
    ui.queue.showOnScreen()
    wait_until(lambda: ui.queue.property("ticket").get("status") == "shown_on_screen", 20)


def _checkin_no_card(ui: KioskUi) -> None:
    _show(ui, "checkin")


def _checkin_list(ui: KioskUi) -> None:
    _read_card(ui)
    _show(ui, "checkin")
    wait_until(lambda: bool(ui.queue.property("appointments")), 20)


def _checkin_too_early(ui: KioskUi) -> None:
    _checkin_list(ui)
    later = ui.queue.property("appointments")[-1]["id"]
    ui.queue.checkIn(later)
    wait_until(lambda: ui.queue.property("reason") != "" and not ui.queue.busy, 20)


def _checkin_done(ui: KioskUi) -> None:
    _checkin_list(ui)
    first = ui.queue.property("appointments")[0]
    if first["checkedIn"]:
        return  # checked in by an earlier rendering: the list shows "已签到"
    ui.queue.checkIn(first["id"])
    wait_until(lambda: ui.current_page() == "ticketResultPage" and not ui.queue.busy, 40)


# -- progress, consultation, complaints ------------------------------------------------------


def _read_card(ui: KioskUi, sample: str = "resident") -> None:
    from drivers.cards.sim.card_files import load_card
    from kiosk.devices.reader_worker import CardResult
    from kiosk.domain.identity import identity_from_card

    identity = identity_from_card(load_card(_card_file(sample)), date.today())
    ui.card.on_read(CardResult("sim:sam", identity=identity))


def _wait_idle(vm: Any) -> None:
    wait_until(lambda: not vm.property("busy"), 20)


def _demo_receipt(ui: KioskUi) -> str:
    wait_until(lambda: ui.kiosk is not None and ui.kiosk.demo_receipts, 20)
    return str(ui.kiosk.demo_receipts[0])


def _progress_cases(ui: KioskUi) -> None:
    _demo_receipt(ui)  # the demo central is up, seeded and connected
    _read_card(ui)
    _show(ui, "progressCases")
    wait_until(lambda: ui.progress.property("cases"), 20)


def _progress_cases_offline(ui: KioskUi) -> None:
    from kiosk.services.common import Central

    _progress_cases(ui)
    service = ui.kiosk.services.progress
    online, service.central = service.central, Central(None)
    try:
        ui.progress.byCard()
        wait_until(lambda: ui.progress.property("offline"), 20)
    finally:
        service.central = online


def _progress_receipt_typing(ui: KioskUi) -> None:
    from PySide6.QtCore import QObject

    _show(ui, "progressReceipt")
    ui.page_command("setNumber", "H0001-T01-26")
    ui.page_command("focusField")
    keyboard = ui.window.findChild(QObject, "keyboard")
    wait_until(lambda: keyboard is not None and keyboard.property("active"), 5)


def _progress_receipt_result(ui: KioskUi) -> None:
    number = _demo_receipt(ui)
    _show(ui, "progressReceipt")
    ui.page_command("setNumber", number)
    ui.progress.byReceipt(number)
    wait_until(lambda: ui.current_page() == "progressCasesPage", 20)


def _progress_receipt_unknown(ui: KioskUi) -> None:
    _show(ui, "progressReceipt")
    ui.page_command("setNumber", "H0001-T01-990101-0001")
    ui.progress.byReceipt("H0001-T01-990101-0001")
    wait_until(lambda: ui.progress.property("reason"), 20)


def _progress_scan(ui: KioskUi) -> None:
    _show(ui, "progressScan")


def _progress_scan_result(ui: KioskUi) -> None:
    _demo_receipt(ui)
    _show(ui, "progressScan")
    ui.progress.simulateScan()
    wait_until(lambda: ui.current_page() == "progressCasesPage", 20)


def _consult_search(ui: KioskUi) -> None:
    _show(ui, "consult")
    ui.page_command("setQuery", "社保")
    wait_until(lambda: ui.catalog.property("searchResults"), 5)


def _consult_info(ui: KioskUi) -> None:
    ui.consult.openService(SOCIAL_SECURITY_CARD)
    _show(ui, "consultInfo")
    wait_until(lambda: ui.consult.property("info"), 10)


def _consult_other(ui: KioskUi) -> None:
    ui.consult.openOther()
    _show(ui, "consultInfo")


def _consult_ask(phone: str, submit: bool) -> Callable[[KioskUi], None]:
    def setup(ui: KioskUi) -> None:
        _consult_info(ui)
        _show(ui, "consultAsk")
        ui.page_command("fill", ["社会保障卡申领", "异地户口能否在本市申领社保卡？", phone])
        if submit:
            ui.consult.ask("社会保障卡申领", "异地户口能否在本市申领社保卡？", phone)
            wait_until(
                lambda: ui.consult.property("reason") or ui.current_page() != "consultAskPage", 20
            )

    return setup


def _consult_filed(ui: KioskUi, out_dir: Path) -> None:
    _consult_ask(DEMO_PHONE, True)(ui)
    wait_until(lambda: ui.consult.property("slipState") not in ("", "printing"), 30)
    _copy_print(ui, out_dir, "consultation-slip")


def _consult_answered(answer: bool) -> Callable[[KioskUi], None]:
    def setup(ui: KioskUi) -> None:
        _consult_ask(DEMO_PHONE, True)(ui)
        number = str(ui.consult.property("trackingNo"))
        if answer:
            central = ui.kiosk.central
            wait_until(
                lambda: any(f["tracking_no"] == number for f in central.staff("GET", "/followups")),
                20,
            )
            central.staff(
                "POST",
                f"/followups/{number}",
                {"state": "answered", "answer": "可以。持居民身份证到社保窗口申领，当场制卡。"},
            )
        _show(ui, "followUpStatus", {"kind": "consultation", "number": number})
        _wait_idle(ui.consult)

    return setup


def _complain_form(anonymous: bool) -> Callable[[KioskUi], None]:
    def setup(ui: KioskUi) -> None:
        if not anonymous:
            _read_card(ui)
        _show(
            ui,
            "complainForm",
            {
                "anonymous": anonymous,
                "draft": {
                    "category": "attitude",
                    "text": "3 号窗口工作人员不耐烦，没有解释清楚需要的材料。",
                    "window": "3",
                },
            },
        )

    return setup


def _complain_error(ui: KioskUi) -> None:
    _show(ui, "complainForm", {"anonymous": True, "draft": {"category": "fees"}})
    ui.complaints.file("fees", "  ", True, "", "", "", "")
    wait_until(lambda: ui.complaints.property("reason"), 10)


def _complain_filed(ui: KioskUi, out_dir: Path) -> None:
    _complain_form(True)(ui)
    ui.complaints.file(
        "attitude", "3 号窗口工作人员不耐烦，没有解释清楚需要的材料。", True, "", "", "3", ""
    )
    wait_until(lambda: ui.current_page() == "followUpFiledPage", 20)
    wait_until(lambda: ui.complaints.property("slipState") not in ("", "printing"), 30)
    _copy_print(ui, out_dir, "complaint-slip")


def _complain_status(ui: KioskUi) -> None:
    _complain_form(False)(ui)
    ui.complaints.file("efficiency", "等了两个小时。", False, DEMO_PHONE, "", "", "")
    wait_until(lambda: ui.current_page() == "followUpFiledPage", 20)
    number = str(ui.complaints.property("trackingNo"))
    _show(ui, "followUpStatus", {"kind": "complaint", "number": number})
    _wait_idle(ui.complaints)


def _elder(setup: Callable[[KioskUi], None]) -> Callable[[KioskUi], None]:
    def elder(ui: KioskUi) -> None:
        ui.shell.toggleElderMode()
        setup(ui)

    return elder


DEMO_PHONE = "13912345678"


SCENES: tuple[Scene, ...] = (
    Scene("ticket-queues", _ticket_queues),
    Scene("ticket-priority-confirm", _ticket_priority),
    Scene("ticket-issued", _ticket_issued),
    Scene("ticket-print-failed", _ticket_print_failed),
    Scene("ticket-on-screen", _ticket_on_screen),
    Scene("checkin-no-card", _checkin_no_card),
    Scene("checkin-list", _checkin_list),
    Scene("checkin-too-early", _checkin_too_early),
    Scene("checkin-done", _checkin_done),
    Scene("home", _home),
    Scene("home-device-problems", _home_problems),
    Scene("attract", _attract),
    Scene("attract-landscape", _attract, orientation="landscape"),
    Scene("not-ready", _not_ready),
    Scene("out-of-service", _out_of_service),
    Scene("home-elder", _home_elder),
    Scene("language-menu", _language_menu),
    Scene("guide-themes", _guide_themes),
    Scene("guide-service-list", _service_list),
    Scene("guide-detail", _guide_detail),
    Scene("guide-detail-materials", _guide_materials),
    Scene("guide-slip-printed-preview", _slip_printed),
    Scene("guide-slip-paper-out", _slip_paper_out),
    Scene("search-shebao", _search("社保")),
    Scene("search-initials-sbk", _search("sbk")),
    Scene("search-no-result", _search_nothing),
    Scene("search-keyboard", _search_keyboard),
    Scene("idcard-waiting", _card("waiting")),
    Scene("idcard-reading", _card("reading")),
    Scene("idcard-read", _card("read", "resident")),
    Scene("idcard-expired", _card("error", reason="card_expired")),
    Scene("idcard-unsupported", _card("error", reason="unsupported_card")),
    Scene("idcard-reader-lost", _card("lost")),
    Scene("staff-login", _staff_login),
    Scene("staff-login-wrong-pin", _staff_wrong),
    Scene("staff-mode", _staff_page),
    Scene("progress-choose", lambda ui: _show(ui, "progress")),
    Scene("progress-cases", _progress_cases),
    Scene("progress-cases-offline", _progress_cases_offline),
    Scene("progress-receipt", _progress_receipt_typing),
    Scene("progress-receipt-result", _progress_receipt_result),
    Scene("progress-receipt-unknown", _progress_receipt_unknown),
    Scene("progress-scan", _progress_scan),
    Scene("progress-scan-result", _progress_scan_result),
    Scene("progress-cases-elder", _elder(_progress_cases)),
    Scene("consult-search", _consult_search),
    Scene("consult-info", _consult_info),
    Scene("consult-other", _consult_other),
    Scene("consult-ask", _consult_ask(DEMO_PHONE, False)),
    Scene("consult-ask-bad-phone", _consult_ask("call me", True)),
    Scene("consult-filed", _consult_filed),
    Scene("consult-answer-pending", _consult_answered(False)),
    Scene("consult-answer", _consult_answered(True)),
    Scene("complain-choose", lambda ui: _show(ui, "complain")),
    Scene("complain-form-anonymous", _complain_form(True)),
    Scene("complain-form-named", _complain_form(False)),
    Scene("complain-form-empty-text", _complain_error),
    Scene("complain-filed-anonymous", _complain_filed),
    Scene("complain-status", _complain_status),
    Scene("complain-form-elder", _elder(_complain_form(False))),
    Scene("apply-choose", _apply_choose),
    Scene("apply-choose-modes", _apply_modes),
    Scene("apply-conditions", _apply_conditions),
    Scene("apply-principal", _apply_principal),
    Scene("apply-principal-bad-id", _apply_principal_error),
    Scene("apply-form", _apply_form),
    Scene("apply-form-keyboard", _apply_form_keyboard),
    Scene("apply-form-error", _apply_form_error),
    Scene("apply-form-elder", _apply_form_elder),
    Scene("apply-materials", _apply_materials),
    Scene("apply-commitment", _apply_commitment),
    Scene("apply-review", _apply_review),
    Scene("apply-receipt", _apply_receipt),
    Scene("apply-receipt-preview", _apply_receipt_preview),
    Scene("apply-appointment", _apply_appointment),
    Scene("apply-appointment-offline", _apply_appointment_offline),
    Scene("evaluate", _evaluate),
    Scene("evaluate-elder", _evaluate_elder),
    Scene("evaluate-low-reason", _evaluate_low),
    Scene("home-landscape", _home, orientation="landscape"),
    Scene("apply-form-landscape", _apply_form, orientation="landscape"),
    Scene("guide-detail-landscape", _guide_detail, orientation="landscape"),
)


def _close_popups(ui: KioskUi) -> None:
    from PySide6.QtCore import QMetaObject, QObject

    menu = ui.window.findChild(QObject, "languageMenu")
    if menu is not None:
        QMetaObject.invokeMethod(menu, "close")


def render_all(out_dir: Path, args: argparse.Namespace) -> int:
    """Render every scene into ``out_dir``; exit code 0 when all were written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_QUICK_BACKEND", "software")
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtGui import QGuiApplication

    from kiosk.config import load_settings
    from kiosk.logs import setup_logging
    from ui.app import KioskUi, qt_message_handler

    setup_logging(None, logging.WARNING)
    qInstallMessageHandler(qt_message_handler)
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    assert isinstance(app, QGuiApplication)
    written = failed = 0
    # Late writes of stopping worker threads must not turn a good run into a failure.
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-", ignore_cleanup_errors=True) as tmp:
        settings = load_settings(
            Path(args.config) if args.config else None,
            data_dir=tmp,
            demo=True,
            locale=args.locale,
            voice_engine="mock",
        )
        ui = KioskUi(app, settings, full_screen=False)
        ui.start_core()
        wait_until(lambda: ui.kiosk is not None and ui.catalog.property("themes"), 60)
        # The demo central is up and the visit's services talk to it (tickets numbered by
        # central, appointments listed), so no scene shows an offline state by accident.
        wait_until(lambda: ui.kiosk.health is not None, 60)
        only = getattr(args, "only", None)
        for scene, variant in _plan(args):
            if only and not fnmatch.fnmatch(scene.name, only):
                continue
            path = _render(ui, scene, out_dir, variant)
            if path is None:
                failed += 1
            else:
                written += 1
                print(path)
        ui.stop()
        ui.engine.deleteLater()
    return 0 if written and not failed else 1


@dataclass(frozen=True)
class Variant:
    """How a scene is rendered: orientation, and with --variants language and elder mode."""

    orientation: str
    locale: str = ""
    elder: bool = False
    suffix: str = ""


def _plan(args: argparse.Namespace) -> list[tuple[Scene, Variant]]:
    """Every scene once as declared, or with ``--variants`` each base scene in Chinese and
    English, default and elder mode, portrait and landscape."""
    if not getattr(args, "variants", False):
        return [
            (scene, Variant(scene.orientation))
            for scene in SCENES
            if not args.orientation or scene.orientation == args.orientation
        ]
    plan = []
    for scene in SCENES:
        if scene.orientation != "portrait" or "elder" in scene.name:
            continue  # variants of another scene already
        for locale in ("zh_CN", "en_US"):
            for elder in (False, True):
                for orientation in ("portrait", "landscape"):
                    if args.orientation and orientation != args.orientation:
                        continue
                    mode = "elder" if elder else "default"
                    suffix = f".{locale}.{mode}.{orientation}"
                    plan.append((scene, Variant(orientation, locale, elder, suffix)))
    return plan


def _render(ui: KioskUi, scene: Scene, out_dir: Path, variant: Variant) -> Path | None:
    """Put the window into ``scene`` and save it; the file, or None when it failed."""
    width, height = (1080, 1920) if variant.orientation == "portrait" else (1920, 1080)
    ui.shell.set_geometry(width, height)
    _close_popups(ui)
    ui.end_visit()  # every scene starts from a fresh visit
    wait_until(lambda: ui.current_page() == "homePage")
    if variant.locale:
        ui.switch_locale(variant.locale)
    if variant.elder:
        ui.shell.toggleElderMode()
    _all_ok(ui)
    try:
        if scene.setup in (_slip_printed, _consult_filed, _complain_filed, _apply_receipt_preview):
            scene.setup(ui, out_dir)
        else:
            scene.setup(ui)
    except SceneError:
        log.error("scene %s did not reach its state", scene.name)
        return None
    path = out_dir / f"{scene.name}{variant.suffix}.png"
    if not grab(ui.window).save(str(path)):
        log.error("could not write %s", path)
        return None
    return path


def grab(window: QQuickWindow) -> QImage:
    """Let pending layout and bindings settle, then grab the window's current frame."""
    wait_until(lambda: True)
    for _ in range(3):
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(10, loop.quit)
        loop.exec()
    return window.grabWindow()
