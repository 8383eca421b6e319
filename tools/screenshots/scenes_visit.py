"""Scenes of the visit flows for ``kiosk --screenshots``: apply and rate, tickets and
check-in, progress, consultation and complaints."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tools.screenshots.scenes import (
    DEMO_PHONE,
    HJ004_VALUES,
    SOCIAL_SECURITY_CARD,
    SceneError,
    _copy_print,
    _show,
    wait_until,
)

if TYPE_CHECKING:
    from ui.app import KioskUi

log = logging.getLogger(__name__)


def _apply_started(ui: KioskUi, code: str, mode: str = "self") -> None:
    wait_until(lambda: ui.appliable.property("services"))
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
    wait_until(lambda: ui.appliable.property("services"))


def _apply_modes(ui: KioskUi) -> None:
    wait_until(lambda: ui.appliable.property("services"))
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
    if not ui.apply_form.submitForm(HJ004_VALUES, "", ""):
        raise SceneError("form refused")
    _show(ui, "applyMaterials")


def _look_up(ui: KioskUi) -> None:
    """同意查询: data sharing (the demo central's registry) checks the 免提交 materials."""
    if ui.apply_form.lookUp():
        wait_until(
            lambda: (
                not ui.apply_form.property("lookingUp")
                and all(
                    m["lookup"] != ""
                    for m in ui.apply_form.property("materials")
                    if m["source"] == "shared"
                )
            ),
            20,
        )


def _apply_materials_verified(ui: KioskUi) -> None:
    """After 同意查询: two licences found and shown masked."""
    _apply_materials(ui)
    _look_up(ui)


def _apply_materials_offline(ui: KioskUi) -> None:
    """The data-sharing platform cannot be reached: provide them, or check again."""
    _apply_materials(ui)
    core = ui.apply.flow.core
    assert core is not None and core.verify_shared is not None
    verify = core.verify_shared

    def unreachable(_id_number: str, _names: list[str]) -> object:
        from kiosk.sync.client import TransientError

        raise TransientError("offline", "demo: the platform is unreachable")

    core.verify_shared = unreachable
    try:
        _look_up(ui)
    finally:
        core.verify_shared = verify


def _apply_commitment(ui: KioskUi) -> None:
    _apply_materials(ui)
    ui.page_command("scrollToCommitment")
    ui.apply_form.startSigning(_commitment_index(ui), "", False)  # without ticking consent


# A short name as a finger writes it, in shares of the pad: 王 (three bars and a stem), then
# a cursive run. Each stroke is sampled every 1 % of the pad's width or height.
NAME_STROKES: list[list[tuple[float, float]]] = [
    [(0.10, 0.36), (0.22, 0.34)],
    [(0.11, 0.50), (0.21, 0.49)],
    [(0.08, 0.66), (0.24, 0.63)],
    [(0.16, 0.30), (0.16, 0.65)],
]
DOT_STROKES: list[list[tuple[float, float]]] = [[(0.5, 0.5)]]


def _name_strokes() -> list[list[tuple[float, float]]]:
    import math

    run = [(0.30 + 0.005 * i, 0.50 - 0.16 * math.sin(i / 6) - 0.0008 * i) for i in range(100)]
    return [*NAME_STROKES, run]


def draw_on(window: Any, target: Any, strokes: list[list[tuple[float, float]]]) -> None:
    """Draw ``strokes`` (points as shares of ``target``'s size) with mouse events, as a
    finger does (a touch reaches the pad as a synthesized mouse): press, moves, release."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    left = Qt.MouseButton.LeftButton
    for stroke in strokes:
        dense: list[tuple[float, float]] = [stroke[0]]
        for (x0, y0), (x1, y1) in zip(stroke, stroke[1:], strict=False):
            steps = max(1, round(max(abs(x1 - x0), abs(y1 - y0)) / 0.01))
            for k in range(1, steps + 1):
                dense.append((x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps))
        points = [
            target.mapToScene(QPointF(x * target.width(), y * target.height())).toPoint()
            for x, y in dense
        ]
        QTest.mousePress(window, left, Qt.KeyboardModifier.NoModifier, points[0])
        for point in points[1:]:
            QTest.mouseMove(window, point, 2)
        QTest.mouseRelease(window, left, Qt.KeyboardModifier.NoModifier, points[-1])


def _settled(target: Any) -> None:
    """Wait until ``target`` stays put (a page's first layout passes may move it)."""
    from PySide6.QtCore import QPointF

    seen: list[Any] = []

    def still() -> bool:
        seen.append((target.mapToScene(QPointF(0, 0)), target.width(), target.height()))
        return target.width() > 0 and len(seen) > 3 and seen[-4] == seen[-1]

    wait_until(still)


def _tap(ui: KioskUi, target: Any) -> None:
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtTest import QTest

    centre = target.mapToScene(QPointF(target.width() / 2, target.height() / 2)).toPoint()
    QTest.mouseClick(ui.window, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)


def _apply_sign(ui: KioskUi) -> None:
    """The sign page of the first commitment: its exact words, the empty pad."""
    _apply_materials(ui)
    m = next(m for m in ui.apply_form.property("materials") if m["source"] == "commitment")
    words = f"本人承诺：{m['commitment_promise']}。{m['commitment_if_false']}。"
    if not ui.apply_form.startSigning(m["index"], words, True):
        raise SceneError("signing refused")
    props = {
        "materialIndex": m["index"],
        "materialName": m["name"],
        "commitmentText": words,
        "consent": True,
    }
    _show(ui, "applySign", props)
    wait_until(lambda: _item(ui, "signatureArea") is not None)


def _apply_sign_drawn(strokes: list[list[tuple[float, float]]], confirm: bool) -> Callable:
    def scene(ui: KioskUi) -> None:
        _apply_sign(ui)
        area = _item(ui, "signatureArea")
        _settled(area)
        draw_on(ui.window, area, strokes)
        if confirm:
            _tap(ui, _item(ui, "signatureConfirm"))
            wait_until(lambda: ui.apply.property("error") != "")

    return scene


def _apply_sign_signed(ui: KioskUi) -> None:
    _apply_sign_drawn(_name_strokes(), False)(ui)


_apply_sign_dot = _apply_sign_drawn(DOT_STROKES, True)


def _commitment_index(ui: KioskUi) -> int:
    materials = ui.apply_form.property("materials")
    return int(next(m["index"] for m in materials if m["source"] == "commitment"))


def _committed(ui: KioskUi, index: int) -> bool:
    materials = ui.apply_form.property("materials")
    return any(v["index"] == index and v["settlement"] == "committed" for v in materials)


def _sign(ui: KioskUi) -> None:
    """Sign every commitment in the words the page shows (the material's own), with a name
    written on a 1000 × 380 pad; the signed PDF is made on the core's thread."""
    strokes = [
        [[x * 1000, y * 380, 16.0 * (100 * n + i)] for i, (x, y) in enumerate(stroke)]
        for n, stroke in enumerate(_name_strokes())
    ]
    for m in ui.apply_form.property("materials"):
        if m["source"] == "commitment":
            words = f"本人承诺：{m['commitment_promise']}。{m['commitment_if_false']}。"
            if not ui.apply_form.sign(m["index"], words, True, strokes, 1000.0, 380.0):
                raise SceneError("commitment refused")
            wait_until(partial(_committed, ui, int(m["index"])))


def _apply_materials_signed(ui: KioskUi) -> None:
    """The materials page after the commitment was signed on the pad: 已签署承诺."""
    _apply_materials(ui)
    _sign(ui)
    ui.page_command("scrollToCommitment")


def _apply_review(ui: KioskUi) -> None:
    _apply_materials(ui)
    _look_up(ui)
    _sign(ui)
    if not ui.apply_form.confirmMaterials():
        raise SceneError("materials refused")
    _show(ui, "applyReview")


def _apply_review_disk_full(ui: KioskUi) -> None:
    """提交 refused because the terminal's disk is full (``SubmitService`` answers
    ``disk_full``, tested in tests/integration/test_attachments.py): the sentence shown."""
    _apply_review(ui)
    ui.apply.flow.ops.set_reason("disk_full")
    wait_until(lambda: ui.apply.property("error") == "disk_full", 5)


def _apply_revise(ui: KioskUi) -> None:
    """修改 on the review's form section: the form again, its button leading back."""
    _apply_review(ui)
    if not ui.apply.revise("form"):
        raise SceneError("revise refused")
    _show(ui, "applyForm")


def _apply_receipt(
    ui: KioskUi, out_dir: Path | None = None, preview: bool = False, paper: str = "receipt"
) -> None:
    _apply_review(ui)
    ui.submission.submit()
    wait_until(lambda: ui.submission.property("receipt"), 20)
    _show(ui, "applyReceipt")
    wait_until(lambda: ui.submission.property("printState") == "printed", 30)
    wait_until(lambda: ui.submission.property("previewUrl"), 10)
    if out_dir is not None:
        _copy_print(ui, out_dir, paper)
    if not preview:
        ui.submission.closePreview()
        wait_until(lambda: ui.submission.property("caseNo"), 30)


def _apply_receipt_preview(ui: KioskUi, out_dir: Path) -> None:
    _apply_receipt(ui, out_dir, preview=True)


def _apply_receipt_estimated(ui: KioskUi, out_dir: Path) -> None:
    """Accepted on Mon 28 Dec 2026: SB-006's 5 working days end in 2027, a year without the
    State Council's arrangement yet, so the date reads 预计 on screen and paper."""
    assert ui.kiosk is not None
    submit = ui.kiosk.services.submit
    hall = timezone(timedelta(hours=8))
    clock = submit.clock
    submit.clock = lambda: datetime(2026, 12, 28, 10, 0, tzinfo=hall)
    try:
        _apply_receipt_complete(ui, out_dir, paper="receipt-estimated")
    finally:
        submit.clock = clock  # the scenes after this one submit today


def submit_complete_sb006(ui: KioskUi) -> None:
    """SB-006 (no visit; everything shared or committed) submitted through the view-models,
    its receipt page on screen."""
    _apply_started(ui, "SB-006")
    ui.apply.confirmConditions()
    ui.apply.identify()
    if not ui.apply_form.submitForm(SB006_VALUES, "", ""):
        raise SceneError("form refused")
    _look_up(ui)
    _sign(ui)
    if not ui.apply_form.confirmMaterials():
        raise SceneError("materials refused")
    ui.submission.submit()
    wait_until(lambda: ui.submission.property("receipt"), 20)
    _show(ui, "applyReceipt")


SB006_VALUES = {
    "phone": DEMO_PHONE,
    "last_employer": "示范公司",
    "separation_date": "2026-01-31",
    "contribution_months": "36",
    "bank_account": "6222020200112233445",
}


def _apply_receipt_complete(ui: KioskUi, out_dir: Path, paper: str = "receipt-complete") -> None:
    """Everything shared or committed (SB-006 needs no visit): a 受理回执 with its date."""
    submit_complete_sb006(ui)
    wait_until(lambda: ui.submission.property("printState") == "printed", 30)
    wait_until(lambda: ui.submission.property("previewUrl"), 10)
    _copy_print(ui, out_dir, paper)
    ui.submission.closePreview()


def _apply_appointment(ui: KioskUi) -> None:
    wait_until(lambda: ui.appliable.property("services"))
    wait_until(lambda: ui.kiosk is not None and ui.kiosk.services.appointments.client is not None)
    _read_card(ui)
    _show(ui, "applyAppointment", {"code": SOCIAL_SECURITY_CARD})
    wait_until(lambda: ui.booking.property("slotsState") not in ("", "loading"), 20)


def _apply_appointment_chosen(ui: KioskUi) -> None:
    """A slot chosen: filled, ticked, and said in words above 确认预约."""
    _apply_appointment(ui)
    days = ui.booking.property("slotDays")
    if days:
        ui.page_command("chooseSlot", days[0]["slots"][0]["start"])


def _apply_appointment_offline(ui: KioskUi) -> None:
    assert ui.kiosk is not None
    appointments = ui.kiosk.services.appointments
    client, appointments.client = appointments.client, None  # as without central
    try:
        _show(ui, "applyAppointment", {"code": SOCIAL_SECURITY_CARD})
        wait_until(lambda: ui.booking.property("slotsState") not in ("", "loading"), 20)
    finally:
        appointments.client = client


def _evaluate(ui: KioskUi) -> None:
    _show(ui, "evaluate")
    ui.page_command("setLevel", 4)


def _evaluate_sent(ui: KioskUi) -> None:
    _show(ui, "evaluate")
    ui.page_command("setLevel", 5)
    ui.page_command("send")
    wait_until(lambda: ui.rating.property("ratingState") == "sent", 10)


def _evaluate_elder(ui: KioskUi) -> None:
    ui.shell.toggleElderMode()
    _evaluate_low(ui)


def _evaluate_low(ui: KioskUi) -> None:
    _show(ui, "evaluate")
    ui.page_command("setLevel", 1)
    ui.page_command("send")
    wait_until(lambda: ui.rating.property("error") == "reason_required", 10)


def _evaluate_bad(ui: KioskUi, online: bool = True) -> None:
    """非常不满意 with a reason: the 整改 number (with central's promise when online)."""
    assert ui.kiosk is not None
    central = ui.kiosk.services.connections.evaluation
    wait_until(lambda: central.configured, 20)
    saved = central.client
    if not online:
        central.client = None  # unreachable for this rating only (later scenes are online)
    try:
        _show(ui, "evaluate")
        ui.page_command("setLevel", 1)
        ui.page_command("toggleReason", "long_wait")
        ui.page_command("send")
        wait_until(lambda: ui.rating.property("ratingState") == "sent", 20)
    finally:
        central.client = saved


def _evaluate_bad_number(ui: KioskUi) -> None:
    _evaluate_bad(ui)


def _evaluate_bad_offline(ui: KioskUi) -> None:
    _evaluate_bad(ui, online=False)


def _rectification_closed(ui: KioskUi, appeal: bool = False) -> None:
    """The 整改 of a bad rating, closed by staff, looked up by its number (and appealed)."""
    _evaluate_bad(ui)
    tracking = ui.rating.property("trackingNo")
    assert ui.demo is not None
    ui.demo.central.close_rectification(
        tracking,
        "综合窗口 王科长",
        "午间增开 2 号窗口，错峰叫号",
        "已增开窗口，午间等候缩短到 15 分钟内",
    )
    _show(ui, "followUpStatus", {"kind": "rectification", "number": tracking})
    wait_until(lambda: ui.follow_up_status.property("status").get("state") == "closed", 20)
    if appeal:
        ui.page_command("openAppeal", "not_fixed")


def _rectification_result(ui: KioskUi) -> None:
    _rectification_closed(ui)


def _rectification_appeal(ui: KioskUi) -> None:
    _rectification_closed(ui, appeal=True)


def _rectification_appealed(ui: KioskUi) -> None:
    _rectification_closed(ui)
    ui.follow_up_status.appeal("not_fixed")
    wait_until(lambda: ui.follow_up_status.property("status").get("state") == "appealed", 20)


def _ticket_queues(ui: KioskUi) -> None:
    _show(ui, "ticket")
    wait_until(lambda: bool(ui.queue.property("queues")))


def _ticket_priority(ui: KioskUi) -> None:
    _ticket_queues(ui)
    priority = next(q for q in ui.queue.property("queues") if q["priority"])
    ui.page_command("choose", priority)


def _ticket_taken(ui: KioskUi, paper_out: bool = False) -> None:
    _ticket_queues(ui)
    emulator = ui.demo.printer_emulator() if ui.demo is not None else None
    if paper_out and emulator is not None:
        emulator.set(paper="out")
    try:
        ui.queue.take("A")
        wait_until(lambda: ui.current_page() == "ticketResultPage" and not ui.queue.busy, 40)
    finally:
        if emulator is not None:
            emulator.set(paper="ok")


def _ticket_offline_estimate(ui: KioskUi) -> None:
    """A ticket numbered offline after one central numbered: the terminal's own estimate."""
    _ticket_taken(ui)
    assert ui.kiosk is not None
    tickets = ui.kiosk.services.connections.tickets
    saved = tickets.client
    tickets.client = None  # unreachable for this ticket only
    try:
        ui.visit.end()  # another person takes the next one
        _ticket_taken(ui)
        wait_until(lambda: ui.queue.property("ticket").get("offline") is True, 20)
    finally:
        tickets.client = saved


def _ticket_issued(ui: KioskUi) -> None:
    _ticket_taken(ui)


def _ticket_print_failed(ui: KioskUi) -> None:
    _ticket_taken(ui, paper_out=True)


def _ticket_on_screen(ui: KioskUi) -> None:
    _ticket_taken(ui, paper_out=True)
    ui.queue.showOnScreen()
    wait_until(lambda: ui.queue.property("ticket").get("status") == "shown_on_screen", 20)


def _where_to_go(ui: KioskUi, state: str) -> None:
    """我该去哪 for a ticket just taken: ``waiting`` (after another one), ``called`` to window
    3, or ``unknown`` (central unreachable)."""
    central = ui.demo.central if ui.demo is not None else None
    assert central is not None, "where-to-go scenes need the demo central"
    central.staff("PUT", "/halls/H0001/windows/3", {"name": "综合受理", "queues": ["A"]})
    _ticket_taken(ui)
    if state == "waiting":
        _ticket_taken(ui)  # a second ticket: one person ahead
    ticket = ui.queue.property("ticket")
    if state == "called":
        while True:
            call = central.staff("POST", "/halls/H0001/windows/3/call-next")["call"]
            if call is None or call["ticket_id"] == ticket["id"]:
                break
    assert ui.kiosk is not None
    positions = ui.kiosk.services.connections.positions
    saved = positions.client
    if state == "unknown":
        positions.client = None  # unreachable for this answer only
    try:
        _show(ui, "whereToGo")
        ui.where_to_go.lookUp(ticket["display"])
        wait_until(lambda: ui.where_to_go.property("answer").get("state") == state, 20)
    finally:
        positions.client = saved


def _where_to_go_from_home(ui: KioskUi) -> None:
    """A ticket scanned on the home screen: 我该去哪 opens with its answer."""
    from kiosk.services.tickets.position import scan_code

    _ticket_taken(ui)
    ticket = ui.queue.property("ticket")
    _show(ui, "home")
    wait_until(lambda: ui.current_page() == "homePage", 10)
    ui._on_scan(scan_code("H0001", ticket["id"], ticket["display"]))
    wait_until(lambda: ui.where_to_go.property("answer").get("state") == "waiting", 20)


def _where_to_go_ask(ui: KioskUi) -> None:
    _show(ui, "whereToGo")


def _where_to_go_waiting(ui: KioskUi) -> None:
    _where_to_go(ui, "waiting")


def _where_to_go_called(ui: KioskUi) -> None:
    _where_to_go(ui, "called")


def _where_to_go_offline(ui: KioskUi) -> None:
    _where_to_go(ui, "unknown")


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
    from demo import sample_identity
    from kiosk.devices.reader_worker import CardResult

    ui.card.on_read(CardResult("sim:sam", identity=sample_identity(sample)))


def _wait_idle(vm: Any) -> None:
    wait_until(lambda: not vm.property("busy"), 20)


def _demo_receipt(ui: KioskUi) -> str:
    wait_until(lambda: ui.demo is not None and ui.demo.receipts, 20)
    assert ui.demo is not None
    return ui.demo.receipts[0]


def _progress_cases(ui: KioskUi) -> None:
    _demo_receipt(ui)  # the demo central is up, seeded and connected
    _read_card(ui)
    _show(ui, "progressCases")
    wait_until(lambda: ui.progress.property("cases"), 20)


def _progress_supplement(ui: KioskUi) -> None:
    """The card holder's cases scrolled to the one in 待补正, with what staff asked for."""
    from PySide6.QtCore import QObject

    _progress_cases(ui)
    waiting = next(c for c in ui.progress.property("cases") if c["state"] == "supplement_needed")
    card = ui.window.findChild(QObject, "case_" + waiting["receipt_no"])
    flick = ui.window.findChild(QObject, "casesScroll")
    if card is not None and flick is not None:
        flick.setProperty("contentY", max(0.0, float(card.property("y") or 0) - 16))


def _progress_cases_offline(ui: KioskUi) -> None:
    from kiosk.services.common import Central

    _progress_cases(ui)
    assert ui.kiosk is not None
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
    wait_until(lambda: ui.follow_up_filed.property("slipState") not in ("", "printing"), 30)
    _copy_print(ui, out_dir, "consultation-slip")


def _consult_answered(answer: bool) -> Callable[[KioskUi], None]:
    def setup(ui: KioskUi) -> None:
        _consult_ask(DEMO_PHONE, True)(ui)
        number = str(ui.follow_up_filed.property("trackingNo"))
        if answer:
            assert ui.demo is not None
            central = ui.demo.central
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
        _wait_idle(ui.follow_up_status)

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
    wait_until(lambda: ui.follow_up_filed.property("slipState") not in ("", "printing"), 30)
    _copy_print(ui, out_dir, "complaint-slip")


def _complain_status(ui: KioskUi) -> None:
    _complain_form(False)(ui)
    ui.complaints.file("efficiency", "等了两个小时。", False, DEMO_PHONE, "", "", "")
    wait_until(lambda: ui.current_page() == "followUpFiledPage", 20)
    number = str(ui.follow_up_filed.property("trackingNo"))
    _show(ui, "followUpStatus", {"kind": "complaint", "number": number})
    _wait_idle(ui.follow_up_status)


# -- a call for staff -------------------------------------------------------------------------


def _assist_from_reader_lost(ui: KioskUi) -> None:
    """The reader is gone; the citizen taps 呼叫工作人员 (the demo central takes the call)."""
    from PySide6.QtCore import QMetaObject

    wait_until(lambda: ui.kiosk is not None)
    _card_lost(ui)
    QMetaObject.invokeMethod(_item(ui, "callStaff"), "clicked")
    wait_until(lambda: ui.assist.property("state") == "calling" and not ui.assist.property("busy"))


def _card_lost(ui: KioskUi) -> None:
    _show(ui, "idCard")
    ui.status.reader_lost("reader_lost", "unplugged")


# -- scanning a material at the document camera (the sim: camera's sample pictures only) --


def _sim_camera(ui: KioskUi, scene: str) -> None:
    if ui.demo is None or not ui.demo.show_camera(scene):
        raise SceneError("the demo has no simulated camera")
    wait_until(lambda: ui.status.property("cameraState") == "ok")


def _brought_index(ui: KioskUi) -> int:
    materials = ui.apply_form.property("materials")
    return int(next(m["index"] for m in materials if m["source"] != "shared"))


def _apply_scan(ui: KioskUi, scene: str = "flat") -> None:
    """The scan page with the live preview of ``scene``."""
    _sim_camera(ui, scene)
    _apply_materials(ui)
    if not ui.scan.open(_brought_index(ui)):
        raise SceneError("scan refused")
    _show(ui, "applyScan")
    wait_until(lambda: bool(ui.scan.property("frameSource")))


def _capture(ui: KioskUi) -> None:
    before = (ui.scan.property("pageCount"), ui.scan.property("refusal"))
    ui.scan.capture()
    wait_until(lambda: not ui.scan.property("capturing"))
    after = (ui.scan.property("pageCount"), ui.scan.property("refusal"))
    if after == before and not after[1]:
        raise SceneError("the capture gave nothing")


def _apply_scan_pages(ui: KioskUi) -> None:
    """Two pages taken, the second being retaken."""
    _apply_scan(ui)
    _capture(ui)
    _capture(ui)
    ui.scan.retake(1)


def _apply_scan_refused(scene: str) -> Callable[[KioskUi], None]:
    def run(ui: KioskUi) -> None:
        _apply_scan(ui, scene)
        _capture(ui)
        if not ui.scan.property("refusal"):
            raise SceneError(f"the {scene} picture was not refused")

    return run


def _apply_scan_lost(ui: KioskUi) -> None:
    """The camera's cable pulled while the page shows."""
    _apply_scan(ui)
    assert ui.demo is not None
    ui.demo.unplug_camera()
    wait_until(lambda: ui.status.property("cameraState") == "error")


def _apply_review_scanned(ui: KioskUi) -> None:
    """The review after a material was scanned (one page)."""
    _apply_scan(ui)
    _capture(ui)
    ui.scan.finish()
    wait_until(lambda: ui.current_page() == "applyMaterialsPage")
    _look_up(ui)
    for m in ui.apply_form.property("materials"):
        if not m["settlement"]:
            ui.apply_form.bring(m["index"])
    if not ui.apply_form.confirmMaterials():
        raise SceneError("materials refused")
    _show(ui, "applyReview")


# -- 补正 (a case in 待补正, from progress by card) ------------------------------------------


def _supplement_list(ui: KioskUi) -> None:
    """The 补正 page of the resident card's case in 待补正, nothing scanned yet."""
    _sim_camera(ui, "flat")
    _progress_cases(ui)
    waiting = next(c for c in ui.progress.property("cases") if c["state"] == "supplement_needed")
    if not ui.supplement.begin(waiting):
        raise SceneError("no case in 待补正")
    _show(ui, "supplement")


def _supplement_scan(ui: KioskUi) -> None:
    """The scan page opened for the first material staff asked for."""
    _supplement_list(ui)
    if not ui.supplement.scanMaterial(0):
        raise SceneError("scan refused")
    _show(ui, "applyScan")
    wait_until(lambda: bool(ui.scan.property("frameSource")))


def _scanned(ui: KioskUi, name: str) -> bool:
    return any(m["scanned"] for m in ui.supplement.property("materials") if m["name"] == name)


def _supplement_ready(ui: KioskUi) -> None:
    """Every material scanned (one page each, from the camera): 提交补正 is enabled."""
    _supplement_list(ui)
    for index in range(len(ui.supplement.property("materials"))):
        if not ui.supplement.scanMaterial(index):
            raise SceneError("scan refused")
        _capture(ui)
        ui.scan.finish()
        name: str = ui.supplement.property("materials")[index]["name"]
        wait_until(partial(_scanned, ui, name))
    _show(ui, "supplement")


def _supplement_done(ui: KioskUi) -> None:
    """提交补正 done: sent to the demo central, the slip printed."""
    _supplement_ready(ui)
    ui.supplement.submit()
    wait_until(lambda: ui.supplement.property("done"), 20)
    _show(ui, "supplementDone")
