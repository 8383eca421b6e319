"""Submitting applications into a real SQLite store: one transaction, numbers, receipt, rating."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import text

from kiosk.contract.calendar import DayUnit
from kiosk.domain.application import Authorisation, Document, HomeService, Settlement
from kiosk.printing.privacy import contains_full_id_number
from kiosk.services.evaluate import EvaluationError, EvaluationService, Rating
from kiosk.services.queues import load_queues
from kiosk.services.submit import SubmitError, SubmitResult, SubmitService
from kiosk.session import ApplySession
from kiosk.store import Store
from kiosk.sync.crypto import FieldCipher
from tests.unit.apply_helpers import (
    id_number,
    identity,
    service,
    settle_all,
    sign,
    walk_to_review,
)

CST = timezone(timedelta(hours=8))
HJ004 = {
    "phone": "13800000000",
    "residence_address": "示范市人民路1号",
    "since": "2024-05-01",
    "basis": "work",
}


def make_service(store: Store, when: datetime) -> SubmitService:
    """The service as the composition root builds it, with the bundled hall's queues."""
    return SubmitService(
        store,
        hall_id="H0001",
        terminal_id="T01",
        hall_name="示范市政务服务中心",
        terminal_name="一楼自助终端01",
        progress_url="https://zwfw.shifanshi.example/p?r={receipt_no}",
        clock=lambda: when,
        queues=load_queues("H0001"),
    )


def submit_one(svc: SubmitService, commit: bool = False) -> SubmitResult:
    s = walk_to_review("HJ-004", HJ004, commit=commit)
    result = s.submit(svc.submit)
    assert isinstance(result, SubmitResult)
    return result


def test_receipt_numbers_count_per_day_without_gaps_and_survive_a_restart(
    tmp_path: Path,
) -> None:
    day = datetime(2026, 2, 13, 10, 0, tzinfo=CST)
    store = Store(tmp_path / "kiosk.db")
    numbers = [submit_one(make_service(store, day)).receipt_no for _ in range(2)]
    store.close()
    store = Store(tmp_path / "kiosk.db")
    numbers.append(submit_one(make_service(store, day)).receipt_no)
    numbers.append(submit_one(make_service(store, day + timedelta(days=1))).receipt_no)
    store.close()
    assert numbers == [
        "H0001-T01-260213-0001",
        "H0001-T01-260213-0002",
        "H0001-T01-260213-0003",
        "H0001-T01-260214-0001",
    ]


def test_a_failed_submission_rolls_back_its_number_row_outbox_and_print_job(
    store: Store,
) -> None:
    svc = make_service(store, datetime(2026, 3, 2, 9, 0, tzinfo=CST))
    s = walk_to_review("HJ-004", HJ004)
    app = s.application()
    broken = type(app)(**{**app.__dict__, "values": {**app.values, "phone": "x" * 50}})
    with pytest.raises(SubmitError) as err:
        svc.submit(broken)
    assert err.value.reason == "invalid_application"
    with store.session() as db:
        for table in ("submission", "outbox", "print_job", "receipt_sequence"):
            assert db.execute(text(f"SELECT count(*) FROM {table}")).scalar() == 0, table
    assert svc.submit(app).receipt_no.endswith("-0001")


def test_submission_keeps_personal_data_only_sealed_and_promises_a_working_day(
    store: Store,
) -> None:
    # Friday before the 2026 Spring Festival; HJ-004 promises 7 calendar days (居住证暂行条例
    # counts 15日): Fri 20 Feb falls in the holiday (15-23 Feb), so the limit ends on the next
    # working day, Tue 24 Feb.
    result = submit_one(make_service(store, datetime(2026, 2, 13, 10, 0, tzinfo=CST)), True)
    assert (result.promised_days, result.promised_unit) == (7, DayUnit.CALENDAR)
    assert result.promised_date.isoformat() == "2026-02-24"
    assert not result.promised_estimated
    texts = result.document.texts()
    # Its materials are still to be brought: a 申请回执（预受理） with no date on paper yet.
    assert "申请回执（预受理）" in texts and not any("2026-02-24" in t for t in texts)
    assert not any("预计" in t for t in texts)
    card = identity()
    with store.session() as db:
        row = db.execute(text("SELECT payload FROM submission")).scalar_one()
        public, sealed, key = db.execute(
            text("SELECT payload, sealed, idempotency_key FROM outbox")
        ).one()
    for plain in (row, public):
        assert card.id_number not in plain and card.name not in plain
        assert "13800000000" not in plain and "人民路1号" not in plain
    body = FieldCipher.for_data_dir(store.path.parent).open(json.loads(public), sealed, key)
    assert body["applicant"]["id_number"] == card.id_number
    assert body["form"]["residence_address"] == {"contact": "示范市人民路1号"}
    assert body["attachments"][0]["commitment"] is True
    assert any(
        m["settlement"] == "committed" and m["consented_at"] for m in body["form"]["_materials"]
    )


SB006 = {
    "phone": "13800000000",
    "last_employer": "示范公司",
    "separation_date": "2026-01-31",
    "contribution_months": "36",
    "bank_account": "6222020200112233445",
}


def test_a_complete_application_gets_an_acceptance_receipt_with_its_promised_date(
    store: Store,
) -> None:
    # SB-006 needs no visit: the card read settles the ID, the rest is shared or committed.
    s = walk_to_review("SB-006", SB006, commit=True)
    assert s.review().to_bring == ()
    result = s.submit(make_service(store, datetime(2026, 3, 2, 9, 0, tzinfo=CST)).submit)
    assert isinstance(result, SubmitResult) and result.complete
    texts = result.document.texts()
    joined = "\n".join(texts)
    assert texts[1] == "受理回执" and "预受理" not in joined
    assert result.receipt_no in joined and "失业保险金申领" in joined
    assert "承诺办结" in joined and "2026-03-09" in joined  # Mon 2 Mar + 5 working days
    assert "p?r=" + result.receipt_no in joined
    # Social security is handled at window B: the receipt says where to take a ticket.
    assert (result.queue_code, result.queue_name) == ("B", "社保医保")
    assert texts[texts.index("办理窗口") + 1] == "社保医保（取号 B 字头）"
    assert not any(contains_full_id_number(t) for t in texts)
    assert identity().id_number not in joined
    # Per material, how it was settled; nothing is left for a window.
    lines = texts[texts.index("材料情况") + 1 : texts.index("下一步")]
    settled = [line for line in lines if "：" in line]
    assert len(settled) == len(s.review().shared) + len(s.review().committed) == 4
    for m in s.review().shared:
        assert any(line.startswith(f"{m}：已核验 JH*") for line in settled), m
    for m in s.review().committed:
        assert f"{m}：已承诺" in settled
    assert "尚需提交的材料" not in joined and "需到窗口" not in joined
    assert "材料已齐全，无需再到现场" in joined
    with store.session() as db:
        status, kind = db.execute(
            text("SELECT status, kind FROM print_job WHERE id=:i"), {"i": result.print_job_id}
        ).one()
    assert (status, kind) == ("queued", "receipt")
    with store.session() as db:
        row_date = db.execute(text("SELECT promised_date FROM submission")).scalar_one()
        public = db.execute(text("SELECT payload FROM outbox")).scalar_one()
    assert row_date == "2026-03-09" and json.loads(public)["promised_date"] == "2026-03-09"


def test_materials_still_to_bring_give_an_application_receipt_that_promises_no_date(
    store: Store,
) -> None:
    result = submit_one(make_service(store, datetime(2026, 3, 2, 9, 0, tzinfo=CST)))
    assert not result.complete
    texts = result.document.texts()
    joined = "\n".join(texts)
    assert texts[1] == "申请回执（预受理）" and "受理回执" not in joined
    assert "尚未正式受理" in joined and "办理时限自材料齐全、正式受理之日起计算" in joined
    assert "承诺办结" not in joined and "2026-03-11" not in joined
    assert "申请编号" in joined and result.receipt_no in joined
    assert "尚需提交的材料" in joined and "申请人居民身份证" in joined
    # …and central is promised no date either: the department sets it once complete.
    with store.session() as db:
        row_date = db.execute(text("SELECT promised_date FROM submission")).scalar_one()
        public = db.execute(text("SELECT payload FROM outbox")).scalar_one()
    assert row_date is None and json.loads(public)["promised_date"] is None


def test_agent_receipt_names_both_masked(store: Store) -> None:
    svc = make_service(store, datetime(2026, 3, 2, 9, 0, tzinfo=CST))
    s = ApplySession()
    s.choose(service("SB-001"), on_behalf=True)
    s.confirm_conditions()
    s.identify(identity("李代办", "11010519900101001"))
    s.set_principal(
        Authorisation("parent", "power_of_attorney"),
        name="王老汉",
        id_number=id_number("11010519500101002"),
    )
    s.submit_form({"phone": "13800000000", "bank": "icbc", "express": "no", "address": "示范路"})
    settle_all(s, commit=False)
    s.confirm_materials()
    result = s.submit(svc.submit)
    assert isinstance(result, SubmitResult)
    joined = "\n".join(result.document.texts())
    assert "王*汉" in joined and "李*办" in joined and "王老汉" not in joined
    # The agent's own materials come after the service's: the agent's ID card was read here
    # (已读卡核验); a typed principal is not present to sign, so the authorisation is brought.
    assert s.review().to_bring[-1] == "授权委托书"
    assert s.review().card_read == ("受托人（代办人）本人居民身份证",)
    assert "受托人（代办人）本人居民身份证：已读卡核验" in joined
    assert "授权委托书" in joined
    assert not result.complete and "申请回执（预受理）" in joined


def test_a_principal_present_signs_the_authorisation_and_nothing_is_left_for_a_window(
    store: Store,
) -> None:
    svc = make_service(store, datetime(2026, 3, 2, 9, 0, tzinfo=CST))
    s = ApplySession()
    s.choose(service("SB-006"), on_behalf=True)
    s.confirm_conditions()
    agent = identity("李代办", "11010519900101001")
    s.identify(agent)
    principal = identity("王老汉", "11010519500101002")
    s.set_principal(Authorisation("parent", "power_of_attorney"), card=principal)
    s.submit_form(SB006)
    settle_all(s, commit=True)
    attorney = next(v for v in s.materials() if v.name == "授权委托书")
    assert attorney.agent and "王*汉" in attorney.sign_text and "李*办" in attorney.sign_text
    assert "王老汉" not in attorney.sign_text and principal.id_number not in attorney.sign_text
    scan = Document("scan", "application/pdf", b"%PDF-1.4 scanned page", pages=1)
    for view in s.materials():
        if view.settlement is Settlement.BRING and view.index != attorney.index:
            s.scan(view.index, scan)
    sign(s, attorney.index, attorney.sign_text)
    s.confirm_materials()
    review = s.review()
    assert review.signed == ("授权委托书",) and not review.to_bring
    result = s.submit(svc.submit)
    assert isinstance(result, SubmitResult) and result.complete
    joined = "\n".join(result.document.texts())
    assert "授权委托书：已现场签署" in joined and "材料已齐全，无需再到现场" in joined
    with store.session() as db:
        public, sealed, key = db.execute(
            text("SELECT payload, sealed, idempotency_key FROM outbox")
        ).one()
    body = FieldCipher.for_data_dir(store.path.parent).open(json.loads(public), sealed, key)
    signed = [a for a in body["attachments"] if a["name"] == "授权委托书"]
    assert len(signed) == 1 and signed[0]["commitment"] is True
    assert {m["material"]: m["settlement"] for m in body["form"]["_materials"]}[
        "受托人（代办人）本人居民身份证"
    ] == "card"


def test_a_guardian_shows_proof_of_guardianship_instead_of_an_authorisation(
    store: Store,
) -> None:
    svc = make_service(store, datetime(2026, 3, 2, 9, 0, tzinfo=CST))
    s = ApplySession()
    s.choose(service("SB-006"), on_behalf=True)
    s.confirm_conditions()
    s.identify(identity("李代办", "11010519900101001"))
    s.set_principal(
        Authorisation("parent", "guardian"),
        name="王小明",
        id_number=id_number("11010520100101002"),
    )
    s.submit_form(SB006)
    settle_all(s, commit=True)
    s.confirm_materials()
    result = s.submit(svc.submit)
    assert isinstance(result, SubmitResult)
    joined = "\n".join(result.document.texts())
    assert "监护关系证明" in joined and "授权委托书" not in joined
    assert "受托人（代办人）本人居民身份证" in joined and not result.complete


def test_rating_is_queued_once_per_visit_and_low_levels_need_a_reason(store: Store) -> None:
    rater = EvaluationService(store, "H0001")
    with pytest.raises(EvaluationError) as low:
        rater.rate("visit-1", Rating(level=1))
    assert low.value.reason == "reason_required"
    criteria = {"overall": 5, "efficiency": 4, "service_level": 5, "attitude": 5}
    rater.rate("visit-1", Rating(level=5, criteria=criteria, comment="很快"), "R-1")
    with pytest.raises(EvaluationError) as twice:
        rater.rate("visit-1", Rating(level=4))
    assert twice.value.reason == "already_rated"
    with store.session() as db:
        rows = db.execute(text("SELECT kind, payload FROM outbox")).all()
    assert [r[0] for r in rows] == ["evaluation"]
    assert json.loads(rows[0][1])["criteria"] == criteria


def test_home_service_request_is_queued_like_a_submission_with_its_address_sealed(
    store: Store,
) -> None:
    svc = make_service(store, datetime(2026, 3, 2, 9, 0, tzinfo=CST))
    s = ApplySession()
    s.choose(service("SB-001"), home=True)
    s.confirm_conditions()
    s.identify(identity())
    s.submit_form(
        {"phone": "13800000000", "bank": "icbc", "express": "no"},
        HomeService("示范市幸福路8号", "13700000000"),
    )
    settle_all(s, commit=False)
    s.confirm_materials()
    assert s.review().home_service
    result = s.submit(svc.submit)
    with store.session() as db:
        public, sealed, key = db.execute(
            text("SELECT payload, sealed, idempotency_key FROM outbox")
        ).one()
    assert "幸福路" not in public and "13700000000" not in public
    body = FieldCipher.for_data_dir(store.path.parent).open(json.loads(public), sealed, key)
    assert body["form"]["_home_service"] == {"address": "示范市幸福路8号", "phone": "13700000000"}
    assert "上门" in "\n".join(result.document.texts())


def test_a_promise_counted_over_a_year_without_the_official_arrangement_says_estimated(
    store: Store,
) -> None:
    # SB-006 is complete at the terminal: Mon 28 Dec 2026 + 5 working days, 1 Jan a holiday,
    # = Tue 5 Jan 2027, and 2027 has no official arrangement yet.
    s = walk_to_review("SB-006", SB006, commit=True)
    result = s.submit(make_service(store, datetime(2026, 12, 28, 10, 0, tzinfo=CST)).submit)
    assert isinstance(result, SubmitResult) and result.complete
    assert result.promised_date.isoformat() == "2027-01-05"
    assert result.promised_estimated
    texts = result.document.texts()
    assert "预计 2027-01-05（5 个工作日）" in texts
    assert any(t.startswith("国务院节假日安排尚未公布") for t in texts)


SA003 = {
    "phone": "13800000000",
    "address": "示范市人民路1号",
    "household_size": "3",
    "cause": "illness",
    "amount_requested": "5000",
    "description": "突发重病住院",
}


def test_a_guide_that_asks_for_the_face_check_needs_it_and_the_result_goes_to_central(
    store: Store,
) -> None:
    from kiosk.contract import Submission
    from kiosk.session import FlowError

    # SA-003 lists apply and commitment: the holder's face before applying and signing.
    s = walk_to_review("SA-003", SA003, commit=True)
    assert s.face_actions() == ("apply", "commitment")
    with pytest.raises(FlowError) as refused:
        s.submit(make_service(store, datetime(2026, 3, 2, 10, 0, tzinfo=CST)).submit)
    assert refused.value.reason == "face_check_required"
    s.face_checked({"action": "apply", "passed": False, "distance": 0.9, "at": "x"})
    assert not s.has_face_check("apply")  # a failed check is not kept
    at = "2026-03-02T09:58:00+08:00"
    for action in ("apply", "commitment"):
        s.face_checked({"action": action, "passed": True, "distance": 0.33, "at": at})
    result = s.submit(make_service(store, datetime(2026, 3, 2, 10, 0, tzinfo=CST)).submit)
    assert isinstance(result, SubmitResult)
    with store.session() as db:
        public, sealed, key = db.execute(
            text("SELECT payload, sealed, idempotency_key FROM outbox")
        ).one()
    body = FieldCipher.for_data_dir(store.path.parent).open(json.loads(public), sealed, key)
    checks = body["face_checks"]
    assert [c["action"] for c in checks] == ["apply", "commitment"]
    assert all(c["passed"] and c["distance"] == 0.33 for c in checks)
    assert checks[0]["checked_at"].startswith("2026-03-02T09:58:00")
    # Central reads it back; a submission from a terminal before 人证核验 has none.
    assert Submission.model_validate(body).face_checks[0].action == "apply"
    old = {k: v for k, v in body.items() if k != "face_checks"}
    assert Submission.model_validate(old).face_checks == []


def test_a_service_without_the_face_check_submits_as_before(store: Store) -> None:
    s = walk_to_review("HJ-004", HJ004, commit=True)
    assert s.face_actions() == ()
    assert s.application().face_checks == ()
