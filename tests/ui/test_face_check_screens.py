"""人证核验 on the running demo before a certificate print: the real dlib models, the simulated
face camera (``sim:face``: the resident sample card's holder live, or his printed photo held
up), the reference photo from the demo central's registry, and the simulated A4 printer.

SB-005's guide lists ``certificate`` in its face check, so the 社会保险参保缴费证明 (kind SB)
goes through the face check page; the 公积金 certificate (no service) does not."""

from __future__ import annotations

import json

import pytest

from kiosk.face.check import REASONS, TO_WINDOW
from tests.ui.conftest import tap, tap_settled
from tests.ui.inquiry_helpers import item, shown, wait_page
from tests.ui.test_certificate_screens import certificate_list

pytestmark = [pytest.mark.gui, pytest.mark.slow]


def show_sequence(ui, seq: str) -> None:
    """What stands in front of the demo's simulated face camera from the next check on."""
    ui.kiosk.services.face_checks.camera_uri = f"sim:face?seq={seq}"


def open_face_check(ui, qtbot, kind: str = "SB") -> None:
    """The list, then ``kind`` tapped."""
    certificate_list(ui, qtbot)
    tap(ui, item(ui, f"certificate_{kind}"))


def audit(ui, action: str) -> list[dict]:
    return [json.loads(e.detail) for e in ui.kiosk.services.staff.entries() if e.action == action]


def test_the_live_holder_passes_and_the_certificate_prints_with_the_result(demo, qtbot):
    show_sequence(demo, "holder-live")
    offers = {o["kind"]: o["face"] for o in certificate_list(demo, qtbot)}
    # The catalog's guides: SB-005 and ZF-004 list "certificate"; the others have no service.
    assert offers == {"SB": True, "GJJ": False, "BDC": True, "HY": False}
    tap(demo, item(demo, "certificate_SB"))
    wait_page(demo, qtbot, "faceCheck")
    assert "人脸识别核验" in shown(demo)
    qtbot.waitUntil(lambda: demo.face.property("frameSource") != "")  # the live view
    assert demo.face.property("step") in ("look", "blink", "left", "right", "done")
    wait_page(demo, qtbot, "certificatePrint")  # passed: straight on to the preview
    assert demo.face.property("stage") == "passed"
    qtbot.waitUntil(lambda: demo.certificates.property("preview") != "")
    tap(demo, item(demo, "certificatePrint"))
    qtbot.waitUntil(lambda: demo.certificates.property("stage") == "done")
    checked = audit(demo, "face.checked")
    assert checked[-1]["action"] == "certificate" and checked[-1]["passed"] is True
    printed = audit(demo, "certificate.printed")[-1]
    assert printed["kind"] == "SB" and printed["face"]["passed"] is True
    assert 0 < printed["face"]["distance"] < 0.5 and printed["face"]["at"]
    identity = demo.card.identity
    for line in (checked[-1], printed):
        assert identity.id_number not in json.dumps(line, ensure_ascii=False)


def test_the_printed_photo_fails_offers_retry_then_only_the_window(demo, qtbot):
    show_sequence(demo, "holder-photo")
    open_face_check(demo, qtbot)
    wait_page(demo, qtbot, "faceCheck")
    for tries_left in (2, 1):
        qtbot.waitUntil(lambda: demo.face.property("stage") == "failed")
        text = shown(demo)
        assert REASONS["not_live"] in text and "核验未通过" in text
        assert f"还可以再试 {tries_left} 次。" in text
        said = demo.voice.property("lastPrompt")
        assert said.startswith(REASONS["not_live"]) and "重试" in said
        assert item(demo, "faceRetry").isVisible()
        assert item(demo, "faceStaffWindow").isVisible()
        tap_settled(demo, qtbot, item(demo, "faceRetry"))
        qtbot.waitUntil(lambda n=3 - tries_left: demo.face.property("failures") == n + 1)
    qtbot.waitUntil(lambda: demo.face.property("stage") == "window")
    text = shown(demo)
    assert TO_WINDOW in text and REASONS["not_live"] in text
    assert demo.voice.property("lastPrompt").endswith(TO_WINDOW + "。")
    assert not item(demo, "faceRetry").isVisible()
    assert item(demo, "faceStaffWindow").isVisible()
    assert demo.window.property("assistReason") == "face_check_failed"
    assert demo.certificates.property("preview") == ""  # nothing was issued
    # The list again: the certificate still cannot be chosen without a passed check.
    demo.certificates.choose("SB")
    assert demo.certificates.property("reason") == "face_check_required"
    checked = audit(demo, "face.checked")[-3:]
    assert [c["reason"] for c in checked] == ["not_live"] * 3


def test_another_person_is_told_the_face_is_not_the_holders(demo, qtbot):
    show_sequence(demo, "other-b-live")
    open_face_check(demo, qtbot)
    wait_page(demo, qtbot, "faceCheck")
    qtbot.waitUntil(lambda: demo.face.property("stage") == "failed")
    assert REASONS["not_holder"] in shown(demo)


def test_without_a_face_camera_the_citizen_is_sent_to_a_window_at_once(demo, qtbot):
    show_sequence(demo, "holder-live")
    demo.kiosk.services.face_checks.camera_uri = ""
    open_face_check(demo, qtbot)
    wait_page(demo, qtbot, "faceCheck")
    qtbot.waitUntil(lambda: demo.face.property("stage") == "window")
    text = shown(demo)
    assert "本终端没有人脸识别摄像头。" in text and TO_WINDOW in text
    assert item(demo, "faceStaffWindow").isVisible() and not item(demo, "faceRetry").isVisible()


def test_a_kind_without_the_face_check_goes_straight_to_its_preview(demo, qtbot):
    show_sequence(demo, "empty")  # nobody at the camera: it must not be asked
    open_face_check(demo, qtbot, "GJJ")
    wait_page(demo, qtbot, "certificatePrint")
    qtbot.waitUntil(lambda: demo.certificates.property("preview") != "")
    assert audit(demo, "face.checked") == []


def test_the_visit_end_forgets_the_check(demo, qtbot):
    show_sequence(demo, "holder-live")
    open_face_check(demo, qtbot)
    wait_page(demo, qtbot, "certificatePrint")
    faces = demo.kiosk.services.face_checks
    visit_id = demo.visit.id
    assert faces.passed(visit_id, "certificate") is not None
    demo.end_visit()
    assert faces.outcomes(visit_id) == [] and faces.passed(visit_id, "certificate") is None
    assert demo.face.property("stage") == "" and demo.face.property("frameSource") == ""
    assert demo.face.latest_frame().isNull()


def test_an_application_whose_guide_asks_checks_the_face_twice_and_central_keeps_it(demo, qtbot):
    from tests.ui.test_apply_screens import (
        central_rows,
        choose_service,
        on_page,
        press,
        read_card_if_asked,
        settle_and_review,
        submit_and_get_receipt,
        type_into,
    )

    show_sequence(demo, "holder-live")
    # SA-003 临时救助申请: apply and commitment need the check (the catalog's guide).
    choose_service(demo, qtbot, "临时救助", "SA-003", "applySelf")
    read_card_if_asked(demo, qtbot, "faceCheck")
    assert demo.face.property("action") == "apply"
    on_page(demo, qtbot, "applyForm")  # passed: on to the form
    type_into(demo, qtbot, "field_phone", "13800000000")
    type_into(demo, qtbot, "field_household_size", "3")
    press(demo, qtbot, "choice_cause_illness")
    type_into(demo, qtbot, "field_amount_requested", "5000")
    type_into(demo, qtbot, "field_description", "突发重病住院")
    press(demo, qtbot, "formNext")
    settle_and_review(demo, qtbot, commit=True)  # 签署承诺 goes through the face check too
    assert [c["action"] for c in audit(demo, "face.checked")] == ["apply", "commitment"]
    receipt = submit_and_get_receipt(demo, qtbot)
    qtbot.waitUntil(
        lambda: any(b["receipt_no"] == receipt for b in central_rows(demo, "submission"))
    )
    body = next(b for b in central_rows(demo, "submission") if b["receipt_no"] == receipt)
    assert [c["action"] for c in body["face_checks"]] == ["apply", "commitment"]
    assert all(c["passed"] and 0 < c["distance"] < 0.5 for c in body["face_checks"])


def test_leaving_the_page_mid_check_stops_it_and_is_no_failure(demo, qtbot):
    show_sequence(demo, "holder-still")  # never blinks: the check would run its 12 s
    open_face_check(demo, qtbot)
    wait_page(demo, qtbot, "faceCheck")
    qtbot.waitUntil(lambda: demo.face.property("step") == "blink")
    qtbot.waitUntil(lambda: demo.voice.property("lastPrompt") == "请眨眨眼")  # said too
    assert "请眨眨眼" in shown(demo)
    tap_settled(demo, qtbot, item(demo, "previousButton"))
    wait_page(demo, qtbot, "certificates")
    show_sequence(demo, "holder-live")
    tap(demo, item(demo, "certificate_SB"))  # at once: the first check may still be stopping
    wait_page(demo, qtbot, "certificatePrint")
    qtbot.waitUntil(lambda: demo.certificates.property("preview") != "")
    assert demo.face.property("failures") == 0
    assert [c["passed"] for c in audit(demo, "face.checked")] == [True]


def test_a_citizen_who_cannot_use_the_camera_is_sent_to_a_window_mid_check(demo, qtbot):
    show_sequence(demo, "holder-still")
    open_face_check(demo, qtbot)
    wait_page(demo, qtbot, "faceCheck")
    qtbot.waitUntil(lambda: demo.face.property("step") == "blink")
    tap_settled(demo, qtbot, item(demo, "faceOptOut"))
    qtbot.waitUntil(lambda: demo.face.property("stage") == "window")
    text = shown(demo)
    assert "您选择不使用摄像头核验。" in text and TO_WINDOW in text
    assert item(demo, "faceStaffWindow").isVisible()
    assert not item(demo, "faceRetry").isVisible() and not item(demo, "faceOptOut").isVisible()
    assert demo.face.property("frameSource") == ""
    assert [c["reason"] for c in audit(demo, "face.checked")] == ["declined"]


def test_an_agent_is_checked_as_the_card_holder_present_before_the_principal(demo, qtbot):
    from tests.ui.test_apply_screens import choose_service, on_page, read_card_if_asked

    show_sequence(demo, "holder-live")
    # JY-003 一次性创业补贴申领 lists agent: the agent, whose card was read, faces the camera.
    choose_service(demo, qtbot, "创业补贴", "JY-003", "applyAgent")
    read_card_if_asked(demo, qtbot, "faceCheck")
    assert demo.face.property("action") == "agent"
    on_page(demo, qtbot, "applyPrincipal")
    assert [c["action"] for c in audit(demo, "face.checked")] == ["agent"]
    assert demo.apply.flow.session.has_face_check("agent")


def test_the_demo_buttons_change_who_stands_before_the_simulated_camera(demo, qtbot):
    show_sequence(demo, "other-b-live")
    open_face_check(demo, qtbot)
    wait_page(demo, qtbot, "faceCheck")
    qtbot.waitUntil(lambda: demo.face.property("stage") == "failed")
    assert REASONS["not_holder"] in shown(demo)
    assert item(demo, "faceDemoPhoto").isVisible() and item(demo, "faceDemoOther").isVisible()
    tap_settled(demo, qtbot, item(demo, "faceDemoHolder"))  # the holder himself steps up
    wait_page(demo, qtbot, "certificatePrint")
    assert demo.kiosk.services.face_checks.camera_uri == "sim:face?seq=holder-live"
    assert [c["passed"] for c in audit(demo, "face.checked")[-2:]] == [False, True]


def test_a_running_check_does_not_hold_up_the_other_screens_tasks(demo, qtbot):
    show_sequence(demo, "empty")  # nobody before the camera: the check looks for seconds
    open_face_check(demo, qtbot)
    wait_page(demo, qtbot, "faceCheck")
    qtbot.waitUntil(lambda: demo.face.property("frameSource") != "")  # under way
    done: list[str] = []
    demo.kiosk.tasks.submit(lambda: "answered", done.append)  # e.g. another screen's lookup
    qtbot.waitUntil(lambda: done == ["answered"])
    assert demo.face.property("stage") == "checking"  # answered while the check still ran
    qtbot.waitUntil(lambda: demo.face.property("stage") == "failed")
    assert REASONS["no_face"] in shown(demo)
