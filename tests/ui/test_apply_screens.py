"""The apply screens (自助办理) and the rating page on the running demo core: simulated card,
printer emulator, in-process central. Driven through the pages as a citizen would."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
from PySide6.QtCore import QPointF

from drivers.printers.sim.inprocess import emulator_of
from kiosk.domain.id_numbers import gb11643_check_char
from kiosk.services.progress import receipt_from_scan
from tests.central_ledger import intake_bodies
from tests.ui.conftest import tap, visible_texts, walk_items
from tools.screenshots.scenes_visit import (
    DOT_STROKES,
    _name_strokes,
    draw_on,
    submit_complete_sb006,
)

pytestmark = [pytest.mark.gui, pytest.mark.slow]

PRINCIPAL_17 = "11010519500101002"
PRINCIPAL_ID = PRINCIPAL_17 + gb11643_check_char(PRINCIPAL_17)


# -- driving the screens --------------------------------------------------------------------


def item(ui, name: str, qtbot=None):
    """The visible item called ``name`` (pages below the top one keep theirs, hidden)."""
    found = None

    def shown() -> bool:
        nonlocal found
        found = next(
            (
                i
                for i in walk_items(ui.window.contentItem())
                if i.objectName() == name and i.isVisible()
            ),
            None,
        )
        return found is not None

    if qtbot is not None:
        qtbot.waitUntil(shown)
    else:
        assert shown(), f"{name} is not on screen"
    return found


def scroll_into_view(ui, target) -> None:
    """Scroll every Flickable around ``target`` so that it is on screen."""
    parent = target.parentItem()
    while parent is not None:
        if parent.inherits("QQuickFlickable"):
            content = parent.property("contentItem")
            y = target.mapToItem(content, QPointF(0, 0)).y()
            most = max(0.0, parent.property("contentHeight") - parent.height())
            parent.setProperty("contentY", min(max(0.0, y - 40), most))
        parent = parent.parentItem()


def press(ui, qtbot, name: str) -> None:
    target = item(ui, name, qtbot)
    scroll_into_view(ui, target)
    qtbot.wait(20)
    tap(ui, target)


def type_into(ui, qtbot, name: str, text: str) -> None:
    field = item(ui, name, qtbot)
    scroll_into_view(ui, field)
    field.setProperty("text", text)


def on_page(ui, qtbot, page: str) -> None:
    qtbot.waitUntil(lambda: ui.current_page() == f"{page}Page")


def shown_text(ui) -> str:
    return "\n".join(visible_texts(ui))


def choose_service(ui, qtbot, query: str, code: str, mode: str) -> None:
    ui.show_page("apply")
    on_page(ui, qtbot, "apply")
    qtbot.waitUntil(lambda: len(ui.appliable.property("services")) >= 15)
    type_into(ui, qtbot, "applySearchField", query)
    press(ui, qtbot, f"applyService_{code}")
    press(ui, qtbot, mode)
    on_page(ui, qtbot, "applyConditions")
    press(ui, qtbot, "confirmConditions")


def read_card_if_asked(ui, qtbot, next_page: str) -> None:
    qtbot.waitUntil(lambda: ui.current_page() in ("idCardPage", f"{next_page}Page"))
    if ui.current_page() == "idCardPage":
        tap_a_good_card(ui, qtbot)
    on_page(ui, qtbot, next_page)


def tap_a_good_card(ui, qtbot) -> None:
    """Tap the demo's next sample card; one of them is expired, so tap again after it."""
    for _ in range(4):
        press(ui, qtbot, "simulateCard")
        qtbot.waitUntil(lambda: ui.card.property("state") in ("read", "error"))
        if ui.card.property("state") == "read":
            return
        press(ui, qtbot, "retryCard")
    raise AssertionError("no sample card could be read")


def look_up_shared(ui, qtbot) -> None:
    """同意查询 on the materials page, if it asks, and wait for the answer."""
    if any(
        m["lookup"] == "" and m["source"] == "shared" for m in ui.apply_form.property("materials")
    ):
        press(ui, qtbot, "lookUp")
        qtbot.waitUntil(
            lambda: (
                not ui.apply_form.property("lookingUp")
                and all(
                    m["lookup"] != ""
                    for m in ui.apply_form.property("materials")
                    if m["source"] == "shared"
                )
            )
        )


def settle_and_review(ui, qtbot, commit: bool) -> None:
    on_page(ui, qtbot, "applyMaterials")
    look_up_shared(ui, qtbot)
    for m in ui.apply_form.property("materials"):
        if m["source"] == "commitment":
            if commit:
                press(ui, qtbot, f"consent_{m['index']}")
                press(ui, qtbot, f"commit_{m['index']}")
                sign_on_pad(ui, qtbot)
                on_page(ui, qtbot, "applyMaterials")
            else:
                press(ui, qtbot, f"bring_{m['index']}")
    press(ui, qtbot, "materialsNext")
    on_page(ui, qtbot, "applyReview")


def sign_on_pad(ui, qtbot, strokes=None) -> None:
    """On the sign page: write a name on the pad with the mouse, then 确认签名."""
    on_page(ui, qtbot, "applySign")
    area = item(ui, "signatureArea", qtbot)
    settled(ui, qtbot, area)
    draw_on(ui.window, area, _name_strokes() if strokes is None else strokes)
    press(ui, qtbot, "signatureConfirm")


def settled(ui, qtbot, target) -> None:
    """Wait until ``target`` stays put (a page's first layout passes may move it)."""
    seen: list[Any] = []

    def still() -> bool:
        seen.append((target.mapToScene(QPointF(0, 0)), target.width(), target.height()))
        return target.width() > 0 and len(seen) > 3 and seen[-4] == seen[-1]

    qtbot.waitUntil(still)


def submit_and_get_receipt(ui, qtbot) -> str:
    press(ui, qtbot, "submitApplication")
    on_page(ui, qtbot, "applyReceipt")
    number = item(ui, "receiptNumber", qtbot).property("text")
    assert number
    qtbot.waitUntil(lambda: ui.submission.property("printState") == "printed")
    # Demo mode shows the printed slip over the page: look, then close it.
    qtbot.waitUntil(lambda: bool(ui.submission.property("previewUrl")))
    press(ui, qtbot, "closeReceiptPreview")
    return str(number)


def self_application_hj004(ui, qtbot, commit: bool = True) -> str:
    choose_service(ui, qtbot, "居住证", "HJ-004", "applySelf")
    read_card_if_asked(ui, qtbot, "applyForm")
    type_into(ui, qtbot, "field_phone", "13800000000")
    type_into(ui, qtbot, "field_residence_address", "示范市人民路1号")
    type_into(ui, qtbot, "field_since", "20240501")
    press(ui, qtbot, "choice_basis_work")
    press(ui, qtbot, "formNext")
    settle_and_review(ui, qtbot, commit)
    return submit_and_get_receipt(ui, qtbot)


def agent_application_sb001(ui, qtbot) -> str:
    choose_service(ui, qtbot, "社会保障卡申领", "SB-001", "applyAgent")
    read_card_if_asked(ui, qtbot, "applyPrincipal")
    press(ui, qtbot, "relationship_parent")
    press(ui, qtbot, "authorisation_power_of_attorney")
    type_into(ui, qtbot, "principalName", "王老汉")
    type_into(
        ui,
        qtbot,
        "principalIdNumber",
        PRINCIPAL_ID[:-1] + ("0" if PRINCIPAL_ID[-1] != "0" else "1"),
    )
    press(ui, qtbot, "principalNext")
    qtbot.waitUntil(lambda: "身份证号码有一位输错了" in shown_text(ui))
    assert ui.current_page() == "applyPrincipalPage"
    assert item(ui, "summary_idNumber").property("text") == "被代办人身份证号码"
    qtbot.waitUntil(item(ui, "principalIdNumber").hasActiveFocus)
    type_into(ui, qtbot, "principalIdNumber", PRINCIPAL_ID)
    press(ui, qtbot, "principalNext")
    on_page(ui, qtbot, "applyForm")
    assert PRINCIPAL_ID not in shown_text(ui)  # the principal's number shows masked, locked
    type_into(ui, qtbot, "field_phone", "13900000000")
    type_into(ui, qtbot, "field_address", "示范市人民路2号")
    press(ui, qtbot, "choice_bank_boc")
    press(ui, qtbot, "choice_express_no")
    press(ui, qtbot, "formNext")
    settle_and_review(ui, qtbot, commit=False)
    texts = shown_text(ui)
    # The principal was typed by the agent: shown as typed to check; the agent's card masked.
    assert "代办人：张*丰" in texts and "申请人：王老汉" in texts and PRINCIPAL_ID in texts
    assert item(ui, "revisePrincipal").isVisible()
    receipt_no = submit_and_get_receipt(ui, qtbot)
    paper = "\n".join(emulator_of(ui.kiosk.printer).jobs[-1].lines)
    assert receipt_no in paper and "张*丰" in paper and "王*汉" in paper
    assert PRINCIPAL_ID not in paper and "王老汉" not in paper
    return receipt_no


def card_replacement_to_review(ui, qtbot, reason: str) -> None:
    """社会保障卡挂失与补换 for oneself, up to the review page."""
    choose_service(ui, qtbot, "挂失", "SB-002", "applySelf")
    read_card_if_asked(ui, qtbot, "applyForm")
    type_into(ui, qtbot, "field_phone", "13800000000")
    press(ui, qtbot, f"choice_reason_{reason}")
    press(ui, qtbot, "formNext")
    settle_and_review(ui, qtbot, commit=False)


def form_with_phone(ui, qtbot, phone: str) -> Any:
    """The residence-permit form with a phone typed in; returns the card's identity."""
    choose_service(ui, qtbot, "居住证", "HJ-004", "applySelf")
    read_card_if_asked(ui, qtbot, "applyForm")
    type_into(ui, qtbot, "field_phone", phone)
    return ui.card.identity


def central_rows(ui, kind: str) -> list[dict[str, Any]]:
    return intake_bodies(ui.settings.data_dir / "demo-central.db", kind=kind)


def view_model_dump(ui) -> str:
    """Every property of the apply screens', card and catalog view-models, as text."""
    out = []
    view_models = (ui.apply, ui.apply_form, ui.submission, ui.rating, ui.booking, ui.card)
    for vm in (*view_models, ui.catalog):
        meta = vm.metaObject()
        for i in range(meta.propertyOffset(), meta.propertyCount()):
            out.append(repr(vm.property(meta.property(i).name())))
    return "\n".join(out)


# -- the tests ------------------------------------------------------------------------------


def test_a_citizen_applies_with_a_commitment_gets_a_printed_receipt_and_rates(live_ui, qtbot):
    ui = live_ui
    emulator = emulator_of(ui.kiosk.printer)
    # The consent is required before the commitment counts.
    choose_service(ui, qtbot, "居住证", "HJ-004", "applySelf")
    read_card_if_asked(ui, qtbot, "applyForm")
    identity = ui.card.identity
    texts = shown_text(ui)
    assert identity.id_number not in texts and identity.masked_id_number in texts
    press(ui, qtbot, "formNext")  # nothing typed yet: sentences per field
    qtbot.waitUntil(lambda: "此项必须填写。" in shown_text(ui))
    type_into(ui, qtbot, "field_phone", "12345")
    type_into(ui, qtbot, "field_residence_address", "示范市人民路1号")
    type_into(ui, qtbot, "field_since", "2024.5.1")
    press(ui, qtbot, "choice_basis_work")
    press(ui, qtbot, "formNext")
    qtbot.waitUntil(lambda: "电话号码有误" in shown_text(ui))
    type_into(ui, qtbot, "field_phone", "13800000000")
    press(ui, qtbot, "formNext")
    on_page(ui, qtbot, "applyMaterials")
    look_up_shared(ui, qtbot)
    materials = ui.apply_form.property("materials")
    index = next(m["index"] for m in materials if m["source"] == "commitment")
    press(ui, qtbot, f"commit_{index}")
    qtbot.waitUntil(lambda: "请先勾选" in shown_text(ui))
    press(ui, qtbot, "materialsNext")
    assert ui.current_page() == "applyMaterialsPage"
    assert "还有材料没有选择办理方式" in shown_text(ui)
    press(ui, qtbot, f"consent_{index}")
    press(ui, qtbot, f"commit_{index}")
    sign_on_pad(ui, qtbot)
    on_page(ui, qtbot, "applyMaterials")
    qtbot.waitUntil(lambda: "已签署承诺" in shown_text(ui))
    press(ui, qtbot, "materialsNext")
    on_page(ui, qtbot, "applyReview")
    texts = shown_text(ui)
    assert "已承诺：居住地址证明" in texts and identity.id_number not in texts
    # The citizen checks what they typed: in full on their own screen, the card's number masked.
    assert "13800000000" in texts and identity.masked_id_number in texts

    receipt_no = submit_and_get_receipt(ui, qtbot)
    job = emulator.jobs[-1]
    paper = "\n".join(job.lines)
    # The ID card and the photo are still to be brought: not accepted yet, no date promised.
    shown = shown_text(ui)
    assert "申请回执（预受理）" in shown and "办理时限自材料齐全、正式受理之日起计算。" in shown
    assert "承诺办结" not in shown and "申请已受理" not in shown
    assert "办理窗口：综合窗口（取号 A 字头）" in shown  # 户政 has no window of its own here
    assert item(ui, "ticketFromReceipt", qtbot).property("visible")
    assert "申请回执（预受理）" in paper and "承诺办结" not in paper
    assert receipt_no in paper and identity.id_number not in paper
    assert "办理部门另编办件编号" in paper  # what the case number shown later is
    assert identity.masked_name in paper
    assert receipt_from_scan(job.qr_codes[0]) == receipt_no
    assert job.png is not None and job.png.exists()
    # Sync took it to central, and central's case number came back to the terminal.
    qtbot.waitUntil(lambda: ui.submission.property("caseNo") != "")
    assert ui.submission.property("caseNo") in shown_text(ui)
    assert "\n办件编号是办理部门" in shown_text(ui)
    (body,) = [b for b in central_rows(ui, "submission") if b["receipt_no"] == receipt_no]
    assert any(a["commitment"] for a in body["attachments"])

    press(ui, qtbot, "rateService")
    on_page(ui, qtbot, "evaluate")
    press(ui, qtbot, "level_2")
    press(ui, qtbot, "submitRating")
    qtbot.waitUntil(lambda: "请至少选择一项不满意的原因。" in shown_text(ui))
    press(ui, qtbot, "reason_long_wait")
    press(ui, qtbot, "criterion_attitude_3")
    type_into(ui, qtbot, "evaluateComment", "排队久")
    press(ui, qtbot, "submitRating")
    qtbot.waitUntil(lambda: ui.rating.property("ratingState") == "sent")
    assert "感谢您的评价！" in shown_text(ui)
    # 不满意 opens a 整改 at central: its number, and the promise with central's deadline.
    tracking = ui.rating.property("trackingNo")
    assert tracking.startswith("ZG") and ui.rating.property("followUpConfirmed")
    assert tracking in shown_text(ui)
    assert f"我们将在15个工作日内回访整改（{ui.rating.property('deadline')}前）。" in shown_text(ui)
    qtbot.waitUntil(lambda: bool(central_rows(ui, "evaluation")))
    (rating,) = central_rows(ui, "evaluation")
    assert rating["level"] == 2 and rating["receipt_no"] == receipt_no
    assert rating["tracking_no"] == tracking
    assert rating["reasons"] == ["long_wait"] and rating["criteria"] == {"attitude": 3}


def test_three_services_one_with_commitment_one_as_agent_reach_central(live_ui, qtbot):
    ui = live_ui
    receipts = [self_application_hj004(ui, qtbot, commit=True)]
    press(ui, qtbot, "applyAnother")
    receipts.append(agent_application_sb001(ui, qtbot))
    assert "代办人：张*丰" in shown_text(ui)
    press(ui, qtbot, "applyAnother")
    card_replacement_to_review(ui, qtbot, "lost")
    receipts.append(submit_and_get_receipt(ui, qtbot))
    assert len(set(receipts)) == 3
    printed = ["\n".join(j.lines) for j in emulator_of(ui.kiosk.printer).jobs]
    assert all(any(r in p for p in printed) for r in receipts)

    press(ui, qtbot, "rateService")
    on_page(ui, qtbot, "evaluate")
    press(ui, qtbot, "level_5")
    press(ui, qtbot, "submitRating")
    qtbot.waitUntil(lambda: ui.rating.property("ratingState") == "sent")

    def delivered() -> bool:
        with ui.kiosk.store.session() as s:
            from sqlalchemy import text

            rows = s.execute(text("SELECT receipt_no, case_no FROM submission")).all()
        return len(rows) == 3 and all(r[1] for r in rows)

    qtbot.waitUntil(delivered)
    bodies = {b["receipt_no"]: b for b in central_rows(ui, "submission")}
    assert set(receipts) <= set(bodies)
    agent = bodies[receipts[1]]
    assert agent["agent"]["name"] == "张明丰" and agent["applicant"]["name"] == "王老汉"
    assert agent["form"]["_agent"]["relationship"] == "parent"
    qtbot.waitUntil(lambda: len(central_rows(ui, "evaluation")) == 1)
    with ui.kiosk.store.session() as s:
        from sqlalchemy import text

        cases = s.execute(text("SELECT receipt_no, case_no FROM submission")).all()
    print("walkthrough:", {r: c for r, c in cases})


def test_cancel_in_the_middle_leaves_nothing_in_the_view_model(live_ui, qtbot):
    ui = live_ui
    identity = form_with_phone(ui, qtbot, "13800000000")
    press(ui, qtbot, "formNext")
    press(ui, qtbot, "cancelApply")
    on_page(ui, qtbot, "home")
    assert ui.apply.property("step") == ""
    assert ui.apply_form.property("fields") == [] and ui.apply_form.property("review") == {}
    assert ui.card.identity is None
    dump = view_model_dump(ui)
    assert identity.name not in dump and identity.id_number not in dump
    assert "13800000000" not in dump
    assert ui.apply.flow.session.service is None  # the session itself is empty


def test_end_of_visit_mid_form_wipes_every_personal_value(live_ui, qtbot):
    ui = live_ui
    identity = form_with_phone(ui, qtbot, "13811112222")
    ui.end_visit()  # what the idle timeout and card removal do
    on_page(ui, qtbot, "home")
    dump = view_model_dump(ui)
    for secret in (identity.name, identity.id_number, identity.address, "13811112222"):
        assert secret not in dump
    texts = "\n".join(
        str(i.property("text"))
        for i in walk_items(ui.window.contentItem())
        if i.inherits("QQuickText") or i.inherits("QQuickTextInput")
    )
    assert identity.name not in texts and "13811112222" not in texts


def test_going_back_from_the_form_forgets_the_card_and_reads_a_new_one(live_ui, qtbot):
    ui = live_ui
    choose_service(ui, qtbot, "居住证", "HJ-004", "applySelf")
    read_card_if_asked(ui, qtbot, "applyForm")
    press(ui, qtbot, "previousButton")
    on_page(ui, qtbot, "idCard")
    assert ui.apply.property("step") == "identify" and ui.card.identity is None
    tap_a_good_card(ui, qtbot)
    on_page(ui, qtbot, "applyForm")
    assert ui.apply.property("step") == "form"


def test_without_central_the_appointment_page_says_booking_is_not_possible_now(live_ui, qtbot):
    ui = live_ui
    qtbot.waitUntil(lambda: ui.kiosk.services.appointments.client is not None)
    ui.kiosk.services.appointments.client = None  # as when no central is configured or reachable
    ui.kiosk.events.status.clear()  # the network's state is what the page learns
    ui.show_page("applyAppointment", {"code": "SB-001"})
    on_page(ui, qtbot, "applyAppointment")
    qtbot.waitUntil(lambda: "现在无法预约" in shown_text(ui))
    assert item(ui, "appointmentDone").isVisible()
    # The status bar says what the page says.
    assert ui.status.property("networkState") == "error"
    assert item(ui, "slotsStaffWindow").isVisible()


def assert_chosen_looks_chosen(ui, qtbot, days: list[dict[str, Any]]) -> None:
    """The chosen slot differs from the others in more than hue: a tick, and lightness a
    colour-blind eye sees (the mean grey of the two buttons), and it is said in words."""
    chosen = item(ui, f"slot_{days[0]['day']}_0")
    other_day, other_index = (days[0], 1) if len(days[0]["slots"]) > 1 else (days[1], 0)
    other = item(ui, f"slot_{other_day['day']}_{other_index}")
    qtbot.waitUntil(lambda: chosen.property("selected"))
    assert not other.property("selected")
    assert find_text(chosen).startswith("√ ") and not find_text(other).startswith("√")
    slot = days[0]["slots"][0]
    qtbot.waitUntil(lambda: item(ui, "chosenSlot").property("text").startswith("已选："))
    assert slot["time"] in item(ui, "chosenSlot").property("text")
    image = ui.window.grabWindow()

    def grey(target) -> float:
        corner = target.mapToScene(QPointF(0, 0))
        crop = image.copy(
            int(corner.x()), int(corner.y()), int(target.width()), int(target.height())
        )
        crop = crop.convertToFormat(crop.Format.Format_Grayscale8)
        values = [
            crop.pixelColor(x, y).red()
            for x in range(0, crop.width(), 4)
            for y in range(0, crop.height(), 4)
        ]
        return sum(values) / len(values)

    assert grey(other) - grey(chosen) > 80  # filled dark versus white, in grey alone


def find_text(button) -> str:
    return str(button.property("contentItem").property("text"))


def test_an_appointment_is_booked_from_central_slots(live_ui, qtbot):
    ui = live_ui
    qtbot.waitUntil(lambda: ui.kiosk.services.appointments.client is not None)
    ui.show_page("idCard", {"nextPage": "applyAppointment", "nextProperties": {"code": "SB-001"}})
    on_page(ui, qtbot, "idCard")
    press(ui, qtbot, "simulateCard")
    on_page(ui, qtbot, "applyAppointment")
    qtbot.waitUntil(lambda: ui.booking.property("slotsState") in ("loaded", "none"))
    days = ui.booking.property("slotDays")
    assert days, "the demo central offers slots"
    # Slots that have started are not offered.
    now = datetime.now().astimezone()
    assert all(
        datetime.fromisoformat(slot["start"]) > now
        for d in days
        for s in [d]
        for slot in s["slots"]
    )
    assert item(ui, "chosenSlot").property("text") == "请点选一个时段"
    press(ui, qtbot, f"slot_{days[0]['day']}_0")
    assert_chosen_looks_chosen(ui, qtbot, days)
    press(ui, qtbot, "bookSlot")
    qtbot.waitUntil(lambda: ui.booking.property("slotsState") == "booked")
    assert "预约成功" in shown_text(ui)


def test_the_guide_page_offers_to_apply_for_a_service_that_has_a_form(live_ui, qtbot):
    ui = live_ui
    ui.catalog.openGuide("SB-001")
    ui.show_page("guideDetail")
    on_page(ui, qtbot, "guideDetail")
    press(ui, qtbot, "applyFromGuide")
    on_page(ui, qtbot, "apply")
    item(ui, "applyModes", qtbot)
    assert item(ui, "applyHome").isVisible() and item(ui, "applyAgent").isVisible()


@pytest.mark.parametrize("locale", ["zh_CN", "en_US"])
def test_every_apply_step_meets_the_elder_mode_sizes_with_real_content(live_ui, qtbot, locale):
    from tests.ui.test_sizes_contrast import check_page

    ui = live_ui
    if locale != "zh_CN":
        ui.switch_locale(locale)
    ui.shell.toggleElderMode()
    problems: list[str] = []

    def check(name: str) -> None:
        ui.window.grabWindow()
        problems.extend(check_page(ui, name, elder=True))

    ui.show_page("apply", {"code": "SB-001"})
    on_page(ui, qtbot, "apply")
    item(ui, "applyModes", qtbot)
    check("apply")
    press(ui, qtbot, "applyAgent")
    on_page(ui, qtbot, "applyConditions")
    check("applyConditions")
    press(ui, qtbot, "confirmConditions")
    read_card_if_asked(ui, qtbot, "applyPrincipal")
    check("applyPrincipal")
    press(ui, qtbot, "cancelApply")
    on_page(ui, qtbot, "home")
    receipt = self_application_hj004(ui, qtbot)
    assert receipt
    check("applyReceipt")
    press(ui, qtbot, "rateService")
    on_page(ui, qtbot, "evaluate")
    press(ui, qtbot, "level_1")
    check("evaluate")
    assert not problems, "\n".join(problems)


def test_a_home_visit_request_needs_an_address_and_a_phone(live_ui, qtbot):
    ui = live_ui
    choose_service(ui, qtbot, "社会保障卡申领", "SB-001", "applyHome")
    read_card_if_asked(ui, qtbot, "applyForm")
    type_into(ui, qtbot, "field_phone", "13800000000")
    press(ui, qtbot, "choice_bank_icbc")
    press(ui, qtbot, "choice_express_no")
    press(ui, qtbot, "formNext")
    qtbot.waitUntil(lambda: "上门办理请填写上门地址。" in shown_text(ui))
    type_into(ui, qtbot, "homeAddress", "示范市人民路3号")
    type_into(ui, qtbot, "homePhone", "13800000001")
    press(ui, qtbot, "formNext")
    settle_and_review(ui, qtbot, commit=False)
    assert "已申请上门办理，工作人员将电话联系您。" in shown_text(ui)
    submit_and_get_receipt(ui, qtbot)
    assert "工作人员将电话联系您，约定上门办理时间。" in shown_text(ui)


def test_out_of_paper_keeps_the_application_and_the_receipt_can_be_printed_again(live_ui, qtbot):
    ui = live_ui
    emulator = emulator_of(ui.kiosk.printer)
    card_replacement_to_review(ui, qtbot, "damaged")
    emulator.set(paper="out")
    try:
        press(ui, qtbot, "submitApplication")
        on_page(ui, qtbot, "applyReceipt")
        qtbot.waitUntil(lambda: ui.submission.property("printState") == "paper_out")
        assert "打印机缺纸，回执未打印" in shown_text(ui)
        number = item(ui, "receiptNumber").property("text")
    finally:
        emulator.set(paper="ok")
    press(ui, qtbot, "reprintReceipt")
    qtbot.waitUntil(lambda: ui.submission.property("printState") == "printed")
    assert number in "\n".join(emulator.jobs[-1].lines)


def test_an_agent_may_read_the_principals_card_instead_of_typing(live_ui, qtbot):
    ui = live_ui
    choose_service(ui, qtbot, "社会保障卡申领", "SB-001", "applyAgent")
    read_card_if_asked(ui, qtbot, "applyPrincipal")
    agent = ui.card.identity
    press(ui, qtbot, "principalCard")  # relationship not chosen yet: said, not read
    qtbot.waitUntil(lambda: "请选择您与被代办人的关系和授权方式。" in shown_text(ui))
    press(ui, qtbot, "relationship_child")
    press(ui, qtbot, "authorisation_guardian")
    press(ui, qtbot, "principalCard")
    on_page(ui, qtbot, "idCard")
    tap_a_good_card(ui, qtbot)
    on_page(ui, qtbot, "applyForm")
    principal = ui.apply.flow.session._principal
    assert principal is not None and principal.from_card
    assert principal.id_number != agent.id_number
    texts = shown_text(ui)
    assert principal.masked_id_number in texts and principal.id_number not in texts
    assert ui.apply.property("step") == "form"
    # The rest of the visit is the agent's again (a second application, progress by card).
    assert ui.card.identity is agent and ui.card.property("state") == "read"


def test_a_promised_date_counted_over_an_unpublished_year_says_estimated(demo, qtbot):
    ui = demo  # the demo registry holds the card's 免提交 materials: SB-006 is complete
    submit = ui.kiosk.services.submit
    # SB-006 is complete at the terminal: Mon 28 Dec 2026 + 5 working days (1 Jan off) ends
    # on Tue 5 Jan 2027, a year without the official arrangement yet.
    clock = submit.clock
    submit.clock = lambda: datetime(2026, 12, 28, 10, 0, tzinfo=timezone(timedelta(hours=8)))
    try:
        submit_complete_sb006(ui)
    finally:
        submit.clock = clock
    on_page(ui, qtbot, "applyReceipt")
    promised = item(ui, "promisedDate", qtbot).property("text")
    assert promised == "预计办结：2027年1月5日（5 个工作日）"
    note = item(ui, "promisedEstimated", qtbot)
    assert note.isVisible() and "尚未公布" in note.property("text")
    qtbot.waitUntil(lambda: ui.submission.property("printState") == "printed", timeout=30000)
    job_text = "\n".join(emulator_of(ui.kiosk.printer).jobs[-1].lines)
    assert "预计 2027-01-05" in job_text


def test_the_review_shows_what_was_typed_and_revise_returns_to_it(live_ui, qtbot):
    ui = live_ui
    identity = form_with_phone(ui, qtbot, "13800000000")
    type_into(ui, qtbot, "field_residence_address", "示范市人民路1号")
    type_into(ui, qtbot, "field_since", "2024-05-01")
    press(ui, qtbot, "choice_basis_work")
    press(ui, qtbot, "formNext")
    settle_and_review(ui, qtbot, commit=False)
    assert item(ui, "reviewValue_phone").property("text") == "13800000000"
    assert item(ui, "reviewValue_residence_address").property("text") == "示范市人民路1号"
    assert identity.id_number not in shown_text(ui)

    # 修改 on the form: back to the form as it was filled in, then straight back here.
    press(ui, qtbot, "reviseForm")
    on_page(ui, qtbot, "applyForm")
    assert item(ui, "field_phone").property("text") == "13800000000"
    assert item(ui, "formNext").property("text") == "完成修改，返回核对"
    type_into(ui, qtbot, "field_phone", "13700001111")
    press(ui, qtbot, "formNext")
    on_page(ui, qtbot, "applyReview")
    assert item(ui, "reviewValue_phone", qtbot).property("text") == "13700001111"
    # The way back is the ordinary one: review, materials, form.
    press(ui, qtbot, "previousButton")
    on_page(ui, qtbot, "applyMaterials")
    press(ui, qtbot, "materialsNext")
    on_page(ui, qtbot, "applyReview")

    # 修改 on the materials: back to them, and on to the review as usual.
    press(ui, qtbot, "reviseMaterials")
    on_page(ui, qtbot, "applyMaterials")
    assert ui.apply.property("step") == "materials"
    press(ui, qtbot, "materialsNext")
    on_page(ui, qtbot, "applyReview")
    assert ui.apply.property("step") == "review" and not ui.apply.property("revising")

    # The visit ends: nothing typed remains in a view-model or on any page still alive.
    ui.end_visit()
    on_page(ui, qtbot, "home")
    ui.engine.collectGarbage()

    def left() -> list[str]:
        dump = view_model_dump(ui)
        texts = "\n".join(
            str(i.property("text"))
            for i in walk_items(ui.window.contentItem())
            if i.inherits("QQuickText") or i.inherits("QQuickTextInput")
        )
        return [s for s in ("13700001111", "13800000000", "示范市人民路1号") if s in dump + texts]

    qtbot.waitUntil(lambda: left() == [])
    assert ui.apply_form.property("review") == {}


def test_a_refused_form_names_its_problems_at_the_top_and_goes_to_each(live_ui, qtbot):
    ui = live_ui
    form_with_phone(ui, qtbot, "12345")
    summary_absent = not any(
        i.objectName() == "formErrorSummary" and i.isVisible()
        for i in walk_items(ui.window.contentItem())
    )
    assert summary_absent  # nothing to say before 下一步
    press(ui, qtbot, "formNext")
    summary = item(ui, "formErrorSummary", qtbot)
    names = [
        i.property("text")
        for i in walk_items(summary)
        if i.objectName().startswith("summary_") and i.isVisible()
    ]
    assert names[:2] == ["联系电话", "本市居住地址"], names  # in the order of the form
    # The first problem is scrolled to and focused; a name in the summary goes to its field.
    qtbot.waitUntil(lambda: item(ui, "field_phone").hasActiveFocus())
    tap(ui, item(ui, "summary_residence_address"))
    address = item(ui, "field_residence_address")
    qtbot.waitUntil(address.hasActiveFocus)
    flick = item(ui, "formScroll")
    y = address.mapToItem(flick, QPointF(0, 0)).y()
    assert 0 <= y <= flick.height() - address.height()
    # Fixed fields leave the summary.
    type_into(ui, qtbot, "field_phone", "13800000000")
    press(ui, qtbot, "formNext")

    def named() -> list[str]:
        return [
            i.property("text")
            for i in walk_items(summary)
            if i.objectName().startswith("summary_") and i.isVisible()
        ]

    qtbot.waitUntil(lambda: "联系电话" not in named() and "本市居住地址" in named())


def test_shared_materials_are_looked_up_with_consent_and_shown_masked(demo, qtbot):
    ui = demo
    form_with_phone(ui, qtbot, "13800000000")
    type_into(ui, qtbot, "field_residence_address", "示范市人民路1号")
    type_into(ui, qtbot, "field_since", "2024-05-01")
    press(ui, qtbot, "choice_basis_work")
    press(ui, qtbot, "formNext")
    on_page(ui, qtbot, "applyMaterials")
    texts = shown_text(ui)
    assert "是否同意查询" in texts and "待核验" in texts
    assert item(ui, "lookUp", qtbot).isVisible()
    press(ui, qtbot, "materialsNext")  # nothing verified yet: the page says what is missing
    assert ui.current_page() == "applyMaterialsPage" and "同意查询或自行提供" in shown_text(ui)
    look_up_shared(ui, qtbot)
    shared = [m for m in ui.apply_form.property("materials") if m["source"] == "shared"]
    assert shared and all(m["lookup"] == "verified" for m in shared)
    texts = shown_text(ui)
    assert "已核验，无需提交" in texts and "ZL**************8832" in texts
    assert "ZL110105-2024-018832" not in texts  # the platform's number is never whole
    assert not any(  # asked once: the consent buttons are gone
        i.objectName() in ("lookUp", "declineLookUp") and i.isVisible()
        for i in walk_items(ui.window.contentItem())
    )
    settle_and_review(ui, qtbot, commit=False)
    assert "房屋租赁登记备案信息" in shown_text(ui)


# -- signing a commitment on the pad -------------------------------------------------------------


def hj004_materials(ui, qtbot) -> None:
    """居住证申领 for oneself, the form filled in, up to the materials page."""
    choose_service(ui, qtbot, "居住证", "HJ-004", "applySelf")
    read_card_if_asked(ui, qtbot, "applyForm")
    type_into(ui, qtbot, "field_phone", "13800000000")
    type_into(ui, qtbot, "field_residence_address", "示范市人民路1号")
    type_into(ui, qtbot, "field_since", "20240501")
    press(ui, qtbot, "choice_basis_work")
    press(ui, qtbot, "formNext")
    on_page(ui, qtbot, "applyMaterials")


def _to_sign_page(ui, qtbot) -> int:
    hj004_materials(ui, qtbot)
    index = next(
        m["index"] for m in ui.apply_form.property("materials") if m["source"] == "commitment"
    )
    press(ui, qtbot, f"consent_{index}")
    press(ui, qtbot, f"commit_{index}")
    on_page(ui, qtbot, "applySign")
    return int(index)


def _settlement(ui, index: int) -> str:
    return next(m["settlement"] for m in ui.apply_form.property("materials") if m["index"] == index)


def test_a_signature_drawn_on_the_pad_signs_the_commitment_with_a_pdf(live_ui, qtbot):
    import pypdfium2 as pdfium

    from kiosk.documents.signature import text_sha256

    ui = live_ui
    index = _to_sign_page(ui, qtbot)
    words = item(ui, "signCommitmentText", qtbot).property("text")
    assert words.startswith("本人承诺：本人在所申报的地址实际居住") and words in shown_text(ui)
    assert item(ui, "signatureHint").isVisible()
    pad = item(ui, "signaturePad")
    area = item(ui, "signatureArea", qtbot)
    settled(ui, qtbot, area)
    draw_on(ui.window, area, _name_strokes())
    qtbot.waitUntil(lambda: pad.property("pointCount") > 100)
    assert not any(
        i.objectName() == "signatureHint" and i.isVisible()
        for i in walk_items(ui.window.contentItem())
    )
    strokes = pad.property("strokes").toVariant()
    assert len(strokes) == 5 and all(len(p) == 3 for s in strokes for p in s)
    times = [p[2] for s in strokes for p in s]
    assert times == sorted(times) and times[-1] > 0  # timing kept, in order
    # 清除重签 empties the pad; sign again and confirm.
    press(ui, qtbot, "signatureClear")
    qtbot.waitUntil(lambda: pad.property("pointCount") == 0)
    draw_on(ui.window, area, _name_strokes())
    press(ui, qtbot, "signatureConfirm")
    on_page(ui, qtbot, "applyMaterials")
    qtbot.waitUntil(lambda: _settlement(ui, index) == "committed")
    assert "已签署承诺" in shown_text(ui)
    document = ui.apply.flow.session._materials[index].document
    pdf = pdfium.PdfDocument(document.data)
    text = pdf[0].get_textpage().get_text_range()
    assert text_sha256(words) in text and ui.card.identity.masked_name in text
    assert ui.card.identity.id_number not in text
    assert f"{ui.settings.hall_id}-{ui.settings.terminal_id}" in text


def test_a_dot_on_the_pad_is_refused_and_going_back_signs_nothing(live_ui, qtbot):
    ui = live_ui
    index = _to_sign_page(ui, qtbot)
    area = item(ui, "signatureArea", qtbot)
    settled(ui, qtbot, area)
    press(ui, qtbot, "signatureConfirm")  # nothing drawn
    qtbot.waitUntil(lambda: "请在框内签上您的姓名" in shown_text(ui))
    draw_on(ui.window, area, DOT_STROKES)
    press(ui, qtbot, "signatureConfirm")
    qtbot.waitUntil(lambda: "一个点或一笔短划不能作为签名" in shown_text(ui))
    assert ui.current_page() == "applySignPage" and _settlement(ui, index) == ""
    press(ui, qtbot, "previousButton")
    on_page(ui, qtbot, "applyMaterials")
    assert _settlement(ui, index) == "" and "已签署承诺" not in shown_text(ui)
    assert "一个点" not in shown_text(ui)  # the sign page's sentence went with it


def test_a_finger_on_the_touch_screen_draws_on_the_pad(live_ui, qtbot):
    from PySide6.QtTest import QTest

    ui = live_ui
    _to_sign_page(ui, qtbot)
    area = item(ui, "signatureArea", qtbot)
    settled(ui, qtbot, area)
    pad = item(ui, "signaturePad")
    device = QTest.createTouchDevice()
    points = [
        area.mapToScene(QPointF(area.width() * (0.1 + 0.01 * i), area.height() * 0.5)).toPoint()
        for i in range(60)
    ]
    QTest.touchEvent(ui.window, device).press(0, points[0], ui.window).commit()
    for point in points[1:]:
        QTest.touchEvent(ui.window, device).move(0, point, ui.window).commit()
        qtbot.wait(2)
    QTest.touchEvent(ui.window, device).release(0, points[-1], ui.window).commit()
    # Qt merges touch moves that arrive within one frame: fewer points, the same line.
    qtbot.waitUntil(lambda: pad.property("pointCount") >= 12)
    (stroke,) = pad.property("strokes").toVariant()
    assert abs(stroke[0][0] - area.width() * 0.10) < 3
    assert abs(stroke[-1][0] - area.width() * 0.69) < 3 and stroke[-1][2] >= stroke[0][2]
