"""The view-models without QML, a window or the demo core: real view-models on a plain
``kiosk.visit.Visit``, an inline executor, a dispatcher the test runs, and fake services."""

from __future__ import annotations

import logging
from types import SimpleNamespace
from typing import Any

import pytest

from drivers.beacons.base import Light
from drivers.beacons.sim import SimulatedBeacon
from kiosk.services.assist import AssistService
from kiosk.services.common import Central, ServiceError
from kiosk.session import State
from kiosk.visit import Visit
from kiosk.workers import ImmediateExecutor
from tests.held_data import held_strings
from tests.unit.apply_helpers import commitment_text, id_number, identity, signature_strokes
from tests.unit.vm_fakes import (
    FakeApplyCore,
    FakeCatalog,
    FakeComplaints,
    FakeConsult,
    FakeProgress,
    FakeTickets,
    HeldDispatcher,
    HeldExecutor,
    InlineDispatcher,
)
from ui.viewmodels.appliable import AppliableViewModel
from ui.viewmodels.apply import ApplyViewModel
from ui.viewmodels.apply_flow import ApplyFlow
from ui.viewmodels.apply_form import ApplyFormViewModel
from ui.viewmodels.assist import AssistViewModel
from ui.viewmodels.booking import BookingViewModel
from ui.viewmodels.card import CardViewModel
from ui.viewmodels.catalog import CatalogViewModel
from ui.viewmodels.complaints import ComplaintViewModel
from ui.viewmodels.consult import ConsultViewModel
from ui.viewmodels.follow_up_status import FollowUpStatusViewModel
from ui.viewmodels.followups import FollowUpFiledViewModel
from ui.viewmodels.progress import ProgressViewModel
from ui.viewmodels.queue import QueueViewModel
from ui.viewmodels.rating import RatingViewModel
from ui.viewmodels.staff import StaffViewModel
from ui.viewmodels.status import StatusViewModel
from ui.viewmodels.submission import SubmissionViewModel

PHONE = "13912345678"
HJ004_VALUES = {
    "phone": PHONE,
    "residence_address": "示范市人民路1号",
    "since": "2024-05-01",
    "basis": "work",
}


def read_card(card: CardViewModel, who: Any) -> None:
    card.on_read(SimpleNamespace(ok=True, identity=who, reason=""))


def progress_on(visit: Visit, dispatcher: Any, service: FakeProgress) -> ProgressViewModel:
    progress = ProgressViewModel(dispatcher, visit)
    progress.attach(
        service,
        ImmediateExecutor(),
        service_name=lambda code: "社会保障卡申领",
        receipt_prefix="H0001-T01-",
        has_scanner=False,
    )
    return progress


class ApplyScreens:
    """The apply screens' view-models on one visit, as KioskUi wires them."""

    def __init__(self, visit: Visit, dispatcher: Any, tasks: Any = None) -> None:
        self.dispatcher, self.tasks = dispatcher, tasks
        self.core = FakeApplyCore()
        self.dispatcher, self.tasks = dispatcher, tasks
        self.card = CardViewModel(visit, StatusViewModel("示范大厅", "T01", demo=False))
        self.flow = ApplyFlow(dispatcher, visit)
        self.appliable = AppliableViewModel(dispatcher, visit)
        self.apply = ApplyViewModel(self.flow, self.card, self.appliable)
        self.form = ApplyFormViewModel(self.flow)
        self.submission = SubmissionViewModel(self.flow)
        self.rating = RatingViewModel(dispatcher, self.flow)
        self.booking = BookingViewModel(dispatcher, self.flow, self.appliable)
        core = self.core.core(tasks)
        self.appliable.attach(core)
        self.apply.attach(core)

    def to_review(self) -> None:
        assert self.apply.start("HJ-004", "self") and self.apply.confirmConditions()
        assert self.apply.identify()
        assert self.form.submitForm(HJ004_VALUES, "", "")
        if any(m["lookup"] == "" for m in self.form.property("materials")):
            assert self.form.lookUp()
            for held in (self.tasks, self.dispatcher):  # the lookup, then its answer
                if hasattr(held, "run_all"):
                    held.run_all()
        for m in self.form.property("materials"):
            if m["source"] == "commitment":
                words = commitment_text(m["commitment_promise"], m["commitment_if_false"])
                assert self.form.startSigning(m["index"], words, True)
                assert self.form.sign(m["index"], words, True, signature_strokes(), 1000, 380)
                # The signed PDF is made on the executor and delivered on the GUI thread.
                for held in (self.tasks, self.dispatcher):
                    if hasattr(held, "run_all"):
                        held.run_all()
        assert self.form.confirmMaterials()


# -- the seam: busy, reasons, late answers, latest search ---------------------------------------


def test_a_query_is_busy_until_its_answer_is_back_on_the_gui_thread():
    visit, dispatcher = Visit(), HeldDispatcher()
    visit.set_identity(identity())
    progress = progress_on(visit, dispatcher, FakeProgress())
    progress.byCard()
    assert progress.property("busy") and progress.property("cases") == []
    dispatcher.run_all()
    assert not progress.property("busy")
    assert [c["case_no"] for c in progress.property("cases")] == ["C-2026-0001"]


def test_a_refusal_of_the_core_becomes_the_pages_reason_code():
    visit = Visit()
    service = FakeProgress(ServiceError("not_found", "no case with this receipt number"))
    progress = progress_on(visit, InlineDispatcher(), service)
    progress.byReceipt("h0001-t01-260302-0009")
    assert progress.property("reason") == "not_found" and not progress.property("busy")
    progress.byReceipt("  ")  # checked before the core is asked
    assert progress.property("reason") == "receipt_empty" and len(service.asked) == 1


def test_an_unknown_failure_gives_the_generic_code_and_logs_no_personal_data(caplog):
    visit, person = Visit(), identity()
    visit.set_identity(person)
    service = FakeProgress(RuntimeError(f"lookup failed for {person.id_number}"))
    progress = progress_on(visit, InlineDispatcher(), service)
    with caplog.at_level(logging.INFO):
        progress.byCard()
    assert progress.property("reason") == "failed"
    assert any("RuntimeError" in r.getMessage() for r in caplog.records)
    assert all(person.id_number not in r.getMessage() for r in caplog.records)
    assert all(r.exc_info is None for r in caplog.records)


def test_the_cases_of_an_ended_visit_never_reach_the_screen():
    visit, dispatcher = Visit(), HeldDispatcher()
    visit.set_identity(identity())
    progress = progress_on(visit, dispatcher, FakeProgress())
    progress.byCard()
    visit.end()  # the citizen walked away while central was asked
    assert not progress.property("busy")
    dispatcher.run_all()
    assert progress.property("cases") == [] and progress.property("reason") == ""


def test_search_as_you_type_shows_the_answer_to_the_last_keystroke():
    visit, dispatcher = Visit(), HeldDispatcher()
    catalog = CatalogViewModel(dispatcher, visit)
    catalog.attach(FakeCatalog(), ImmediateExecutor())
    dispatcher.run_all()  # the themes
    for query in ("社", "社保", "社保卡"):
        catalog.search(query)
    dispatcher.run(2)  # the newest answer is quick, the older ones slow
    dispatcher.run_all()
    assert [r["name"] for r in catalog.property("searchResults")] == ["answer to 社保卡"]
    catalog.search("社保卡补")
    catalog.search("")  # the field was emptied before the answer came
    dispatcher.run_all()
    assert catalog.property("searchResults") == []


def test_the_end_of_a_visit_makes_its_last_search_final_and_says_which_query_answered():
    visit, dispatcher = Visit(), HeldDispatcher()
    catalog = CatalogViewModel(dispatcher, visit)
    source = FakeCatalog()
    catalog.attach(source, ImmediateExecutor())
    dispatcher.run_all()
    catalog.search("火星")
    assert catalog.property("searchedQuery") == ""  # the answer is on its way
    dispatcher.run_all()
    assert catalog.property("searchedQuery") == "火星"
    assert source.ends == 0
    visit.end()
    dispatcher.run_all()
    assert source.ends == 1
    assert catalog.property("searchedQuery") == "" and catalog.property("searchResults") == []


# -- the apply screens on the visit ------------------------------------------------------------


def test_one_visit_id_for_the_applications_and_the_rating_which_names_the_last_receipt():
    visit = Visit()
    screens = ApplyScreens(visit, InlineDispatcher())
    read_card(screens.card, identity())
    screens.to_review()
    screens.submission.submit()
    receipt = screens.submission.property("receipt")["receipt_no"]
    assert visit.receipts == (receipt,) and screens.submission.property("receiptCount") == 1
    assert screens.core.applications[0].visit_id == visit.id
    screens.rating.rate(4, {}, [], "")
    assert screens.rating.property("ratingState") == "sent"
    assert screens.core.ratings[visit.id][1] == receipt
    screens.core.ratings.clear()
    screens.rating.rate(4, {}, [], "")  # one rating a visit
    assert screens.rating.property("error") == "already_rated"


def test_the_flow_is_busy_while_submitting_and_no_step_runs_meanwhile():
    visit, dispatcher, tasks = Visit(), HeldDispatcher(), HeldExecutor()
    screens = ApplyScreens(visit, dispatcher, tasks)
    tasks.run_all()
    dispatcher.run_all()  # the appliable services
    read_card(screens.card, identity())
    screens.to_review()
    screens.submission.submit()
    assert screens.apply.property("busy") and screens.submission.property("busy")
    # The session belongs to the worker now: no going back, no new application.
    screens.apply.returnTo("materials")
    assert not screens.apply.start("SB-001", "self")
    assert screens.apply.property("step") == "review"
    tasks.run_all()
    dispatcher.run_all()
    assert not screens.apply.property("busy") and screens.apply.property("step") == "submitted"
    assert screens.submission.property("printState") == "printing"


def test_cancelling_ends_the_visit_and_another_person_starts_afresh():
    visit = Visit()
    screens = ApplyScreens(visit, InlineDispatcher())
    first = visit.id
    read_card(screens.card, identity())
    assert screens.apply.start("HJ-004", "self") and screens.apply.confirmConditions()
    screens.apply.cancel()
    assert visit.id != first and visit.identity is None
    assert screens.apply.property("step") == "" and screens.card.property("state") == "waiting"
    assert screens.apply.start("HJ-004", "self")
    assert screens.flow.session.visit_id == visit.id


def test_a_booking_is_for_the_visits_card_holder():
    visit, person = Visit(), identity()
    screens = ApplyScreens(visit, InlineDispatcher())
    screens.booking.loadSlots("SB-001")
    start = screens.booking.property("slotDays")[0]["slots"][0]["start"]
    screens.booking.book("SB-001", start)
    assert screens.booking.property("error") == "card_missing"
    read_card(screens.card, person)
    screens.booking.book("SB-001", start)
    assert screens.booking.property("slotsState") == "booked"
    assert screens.core.booked == [("SB-001", person.id_number)]
    assert screens.booking.property("appointment")["service_name"] == "社会保障卡申领"


# -- the review page: what was typed, and 修改 --------------------------------------------------


def review_values(screens: ApplyScreens) -> dict[str, str]:
    return {r["id"]: r["value"] for r in screens.form.property("review")["rows"]}


def test_the_review_shows_the_typed_phone_in_full_and_the_card_number_masked():
    visit, person = Visit(), identity()
    screens = ApplyScreens(visit, InlineDispatcher())
    read_card(screens.card, person)
    screens.to_review()
    shown = review_values(screens)
    assert shown["phone"] == PHONE and shown["residence_address"] == "示范市人民路1号"
    assert person.id_number not in str(screens.form.property("review"))
    assert shown["applicant_id_number"] == person.masked_id_number


def test_revise_goes_back_to_the_form_and_going_on_returns_to_the_review():
    visit = Visit()
    screens = ApplyScreens(visit, InlineDispatcher())
    read_card(screens.card, identity())
    assert not screens.apply.revise("form")  # only from the review
    screens.to_review()
    assert not screens.apply.revise("identify")  # the card step would forget everything
    assert not screens.apply.revise("principal")  # for oneself: no principal to change
    assert not screens.apply.property("revising")

    assert screens.apply.revise("form")
    assert screens.apply.property("step") == "form" and screens.apply.property("revising")
    assert {f["id"]: f["value"] for f in screens.form.property("fields")}["phone"] == PHONE
    assert screens.form.submitForm({**HJ004_VALUES, "phone": "13700001111"}, "", "")
    assert screens.apply.property("step") == "materials"
    assert screens.form.confirmMaterials()  # the materials are still settled
    assert screens.apply.property("step") == "review"
    assert not screens.apply.property("revising")
    assert review_values(screens)["phone"] == "13700001111"

    assert screens.apply.revise("materials")
    assert screens.apply.property("step") == "materials"
    assert screens.form.confirmMaterials() and not screens.apply.property("revising")

    screens.apply.revise("form")
    visit.end()
    assert not screens.apply.property("revising") and screens.form.property("review") == {}
    assert "13700001111" not in "\n".join(held_strings([screens.flow, screens.form]))


def test_an_agent_revises_the_typed_principal_and_comes_back_to_the_review():
    visit = Visit()
    screens = ApplyScreens(visit, InlineDispatcher())
    read_card(screens.card, identity("李代办", "11010519900101001"))
    assert screens.apply.start("SB-001", "agent") and screens.apply.confirmConditions()
    assert screens.apply.identify()
    first, second = id_number("11010519500101002"), id_number("11010519520202003")
    assert screens.apply.setPrincipal("parent", "power_of_attorney", "王老汉", first)
    values = {"phone": PHONE, "bank": "icbc", "express": "no", "address": "示范市人民路2号"}
    assert screens.form.submitForm(values, "", "")
    assert screens.form.lookUp()  # data sharing is asked about the principal
    for m in screens.form.property("materials"):
        if not m["settlement"]:
            assert screens.form.bring(m["index"])
    assert screens.form.confirmMaterials()
    review = screens.form.property("review")
    assert (review["applicant"], review["applicant_id_number"]) == ("王老汉", first)

    assert screens.apply.revise("principal")
    assert screens.apply.property("step") == "principal"
    assert screens.apply.setPrincipal("parent", "power_of_attorney", "王大汉", second)
    assert screens.form.submitForm(values, "", "")
    # What was verified was about the first principal: nothing of it is kept for the second.
    assert not screens.form.confirmMaterials()
    assert screens.form.lookUp() and screens.form.confirmMaterials()
    assert [who for who, _names in screens.core.looked_up] == [first, second]
    review = screens.form.property("review")
    assert (review["applicant"], review["applicant_id_number"]) == ("王大汉", second)
    assert review["agent"] == "李*办" and not screens.apply.property("revising")


def test_the_receipt_after_a_full_review_is_masked():
    visit, dispatcher, tasks = Visit(), HeldDispatcher(), HeldExecutor()
    screens = ApplyScreens(visit, dispatcher, tasks)
    tasks.run_all()
    dispatcher.run_all()
    read_card(screens.card, identity())
    screens.to_review()
    assert PHONE in str(screens.form.property("review"))
    screens.submission.submit()
    tasks.run_all()
    dispatcher.run_all()
    receipt = screens.submission.property("receipt")
    assert receipt["applicant"] == identity().masked_name
    assert screens.flow.masked_review()["rows"] and PHONE not in str(screens.flow.masked_review())


# -- the end of a visit wipes it everywhere -----------------------------------------------------


def test_a_service_is_routed_to_the_window_its_catalog_queue_names():
    queue = QueueViewModel(InlineDispatcher(), Visit())
    assert queue.queueFor("social_security") == {}  # before the core is up
    queue.attach(FakeTickets(), None, ImmediateExecutor(), hall_id="H0001", service_name=str)
    assert queue.queueFor("social_security") == {"code": "B", "name": "社保医保"}
    assert queue.queueFor("real_estate") == {"code": "A", "name": "综合窗口"}
    assert queue.queueFor("") == {"code": "A", "name": "综合窗口"}


def test_the_end_of_a_visit_wipes_its_personal_data_from_every_view_model():
    visit, dispatcher, person = Visit(), InlineDispatcher(), identity()
    screens = ApplyScreens(visit, dispatcher)
    progress = progress_on(visit, dispatcher, FakeProgress())
    filed = FollowUpFiledViewModel(dispatcher, visit)
    complaints = ComplaintViewModel(dispatcher, visit, filed)
    complaints.attach(FakeComplaints(), ImmediateExecutor())
    queue = QueueViewModel(dispatcher, visit)
    queue.attach(FakeTickets(), None, ImmediateExecutor(), hall_id="H0001", service_name=str)
    consult = ConsultViewModel(dispatcher, visit, filed)
    staff = StaffViewModel(dispatcher, visit)
    apply_screens = [screens.card, screens.apply, screens.form, screens.submission]
    apply_screens += [screens.appliable, screens.rating, screens.booking]
    everything = [*apply_screens, progress, complaints, filed, queue, consult, staff, visit]

    read_card(screens.card, person)
    screens.to_review()
    progress.byCard()
    complaints.file("efficiency", "窗口排队太久。", False, PHONE, "", "", "")
    queue.take("A")
    needles = [person.name, person.id_number, person.address, PHONE, "139****5678"]
    held = "\n".join(held_strings(everything))
    assert all(needle in held for needle in needles)
    assert screens.card.property("maskedName") == person.masked_name

    visit.end()
    held = "\n".join(held_strings(everything))
    assert [n for n in needles if n in held] == []
    assert screens.card.identity is None and screens.card.property("maskedName") == ""
    assert screens.apply.property("step") == "" and screens.form.property("review") == {}
    assert progress.property("cases") == [] and filed.property("trackingNo") == ""
    assert queue.property("ticket") == {}


def test_the_named_complaint_carries_the_visits_card_and_the_anonymous_one_nothing():
    visit, person = Visit(), identity()
    visit.set_identity(person)
    service, filed = FakeComplaints(), FollowUpFiledViewModel(InlineDispatcher(), visit)
    complaints = ComplaintViewModel(InlineDispatcher(), visit, filed)
    complaints.attach(service, ImmediateExecutor())
    complaints.file("efficiency", "等了两个小时。", False, PHONE, "", "", "")
    complaints.file("efficiency", "等了两个小时。", True, PHONE, "", "", "")
    assert service.filed[0]["identity"] is person and service.filed[0]["phone"] == PHONE
    assert service.filed[1]["identity"] is None and service.filed[1]["phone"] == ""
    assert filed.property("trackingNo") == "TS-2" and filed.property("anonymous")
    assert filed.property("maskedPhone") == "" and filed.property("slipState") == "failed"


def test_a_tracking_number_is_looked_up_with_the_service_of_its_kind():
    status = FollowUpStatusViewModel(InlineDispatcher(), Visit())
    status.attach(FakeConsult(), FakeComplaints(), ImmediateExecutor())
    status.lookup("complaint", " ts-1 ")
    assert status.property("status")["state"] == "received"
    status.lookup("consultation", "ZX1")
    assert status.property("status")["answer"] == "可以。" and status.property("status")["offline"]
    status.lookup("complaint", "TS-9")
    assert status.property("reason") == "not_found" and status.property("status") == {}
    status.lookup("complaint", "")
    assert status.property("reason") == "number_empty"


def test_a_call_for_staff_blinks_the_light_offline_and_goes_out_with_the_visit():
    visit, light = Visit(), SimulatedBeacon()
    assist = AssistViewModel(InlineDispatcher(), visit)
    assist.call("idCard", "reader_lost")  # before the core is up: the panel still shows
    assert (assist.property("state"), assist.property("lightWorks")) == ("calling", False)
    assist.attach(AssistService(Central(None), light), ImmediateExecutor())
    assist.call("idCard", "reader_lost")
    assert assist.property("state") == "calling" and not assist.property("busy")
    assert not assist.property("reachedCentral") and assist.property("lightWorks")
    assert light.light is Light.BLINK
    visit.end()
    assert assist.property("state") == "idle" and light.light is Light.OFF
    assist.call("home", "")
    assist.cancel()  # 不需要了
    assert assist.property("state") == "idle" and light.light is Light.OFF


# -- 免提交: data sharing asked with consent, off the GUI thread -----------------------------------


def _at_materials_of_hj004(screens: ApplyScreens) -> list[dict[str, Any]]:
    assert screens.apply.start("HJ-004", "self") and screens.apply.confirmConditions()
    assert screens.apply.identify()
    assert screens.form.submitForm(HJ004_VALUES, "", "")
    return [m for m in screens.form.property("materials") if m["source"] == "shared"]


def test_shared_materials_are_verified_only_after_consent_and_off_the_gui_thread():
    visit, dispatcher, tasks = Visit(), HeldDispatcher(), HeldExecutor()
    screens = ApplyScreens(visit, dispatcher, tasks)
    tasks.run_all()
    dispatcher.run_all()
    read_card(screens.card, identity())
    shared = _at_materials_of_hj004(screens)
    assert shared and all(m["lookup"] == "" and m["settlement"] == "" for m in shared)
    assert screens.core.looked_up == []  # nothing asked before the citizen agreed
    screens.core.shared_held = {shared[0]["name"]}
    assert screens.form.lookUp()
    assert screens.form.property("lookingUp") and screens.core.looked_up == []
    tasks.run_all()  # the worker asks; the GUI thread has not seen the answer yet
    assert screens.core.looked_up == [(identity().id_number, [m["name"] for m in shared])]
    dispatcher.run_all()
    after = {m["index"]: m for m in screens.form.property("materials")}
    found = after[shared[0]["index"]]
    assert (found["lookup"], found["settlement"]) == ("verified", "shared")
    assert found["licence_no"] == "JH**************0034" and found["issuer"] == "示范市公安局"
    for m in shared[1:]:  # not held: the citizen provides it (brought unless scanned)
        assert (after[m["index"]]["lookup"], after[m["index"]]["settlement"]) == (
            "not_found",
            "bring",
        )
    assert not screens.form.property("lookingUp") and screens.apply.property("error") == ""


def test_offline_data_sharing_says_so_and_checking_again_settles_them():
    visit = Visit()
    screens = ApplyScreens(visit, InlineDispatcher())
    read_card(screens.card, identity())
    shared = _at_materials_of_hj004(screens)
    screens.core.shared_offline = True
    assert screens.form.lookUp()
    assert screens.apply.property("error") == "shared_offline"
    views = {m["index"]: m for m in screens.form.property("materials")}
    assert all(views[m["index"]]["lookup"] == "offline" for m in shared)
    assert all(views[m["index"]]["settlement"] == "bring" for m in shared)
    screens.core.shared_offline = False
    assert screens.form.lookUp()  # 重新核验
    views = {m["index"]: m for m in screens.form.property("materials")}
    assert all(views[m["index"]]["settlement"] == "shared" for m in shared)
    assert screens.apply.property("error") == ""


def test_declining_the_lookup_asks_nothing():
    visit = Visit()
    screens = ApplyScreens(visit, InlineDispatcher())
    read_card(screens.card, identity())
    shared = _at_materials_of_hj004(screens)
    assert screens.form.declineLookUp()
    assert screens.core.looked_up == []
    views = {m["index"]: m for m in screens.form.property("materials")}
    assert all(views[m["index"]]["lookup"] == "declined" for m in shared)
    assert all(views[m["index"]]["settlement"] == "bring" for m in shared)


def test_a_lookup_answer_after_the_visit_ended_is_dropped():
    visit, dispatcher, tasks = Visit(), HeldDispatcher(), HeldExecutor()
    screens = ApplyScreens(visit, dispatcher, tasks)
    tasks.run_all()
    dispatcher.run_all()
    read_card(screens.card, identity())
    _at_materials_of_hj004(screens)
    assert screens.form.lookUp()
    visit.end()
    tasks.run_all()
    dispatcher.run_all()
    assert screens.form.property("materials") == []
    assert not screens.form.property("lookingUp")


# -- signing a commitment on screen -------------------------------------------------------------


def _at_materials(visit: Visit, dispatcher: Any) -> tuple[ApplyScreens, dict[str, Any], str]:
    screens = ApplyScreens(visit, dispatcher)
    if hasattr(dispatcher, "run_all"):
        dispatcher.run_all()  # the appliable services
    read_card(screens.card, identity())
    assert screens.apply.start("HJ-004", "self") and screens.apply.confirmConditions()
    assert screens.apply.identify() and screens.form.submitForm(HJ004_VALUES, "", "")
    m = next(m for m in screens.form.property("materials") if m["source"] == "commitment")
    return screens, m, commitment_text(m["commitment_promise"], m["commitment_if_false"])


def test_a_signature_becomes_a_signed_pdf_off_the_gui_thread_then_the_commitment():
    visit, dispatcher = Visit(), HeldDispatcher()
    screens, m, words = _at_materials(visit, dispatcher)
    signed: list[int] = []
    screens.form.signed.connect(signed.append)
    assert not screens.form.startSigning(m["index"], words, False)
    assert screens.apply.property("error") == "consent_missing"
    assert screens.form.startSigning(m["index"], words, True)
    assert screens.form.sign(m["index"], words, True, signature_strokes(), 1000, 380)
    # The PDF is made on the executor; until its answer is home the flow is busy.
    assert screens.apply.property("busy") and not signed
    dispatcher.run_all()
    assert signed == [m["index"]] and not screens.apply.property("busy")
    view = next(v for v in screens.form.property("materials") if v["index"] == m["index"])
    assert view["settlement"] == "committed"
    document = screens.flow.session._materials[m["index"]].document
    assert document is not None and document.kind == "signed"
    assert document.data.startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("strokes", "reason"),
    [([], "signature_empty"), ([[[500, 200, 0]]], "signature_dot"), ("x", "signature_malformed")],
)
def test_an_empty_or_one_dot_signature_is_refused_and_nothing_is_signed(strokes, reason):
    visit = Visit()
    screens, m, words = _at_materials(visit, InlineDispatcher())
    assert not screens.form.sign(m["index"], words, True, strokes, 1000, 380)
    assert screens.apply.property("error") == reason
    view = next(v for v in screens.form.property("materials") if v["index"] == m["index"])
    assert view["settlement"] == ""


def test_a_signature_made_as_the_visit_ends_is_never_recorded():
    visit, dispatcher = Visit(), HeldDispatcher()
    screens, m, words = _at_materials(visit, dispatcher)
    signed: list[int] = []
    screens.form.signed.connect(signed.append)
    old = screens.flow.session
    assert screens.form.sign(m["index"], words, True, signature_strokes(), 1000, 380)
    visit.end()
    dispatcher.run_all()
    assert not signed and old._materials == {} and old.state is State.CANCELLED
    assert screens.flow.session.state is State.CHOOSE and screens.flow.session._materials == {}


def test_a_signed_document_that_cannot_be_made_says_so_and_signs_nothing(caplog):
    from dataclasses import replace

    visit = Visit()
    screens, m, words = _at_materials(visit, InlineDispatcher())
    person = identity()

    def broken(signature: Any, facts: Any) -> bytes:
        raise OSError(f"no font for {person.id_number}")

    screens.flow.attach(replace(screens.flow.core, sign=broken))
    with caplog.at_level(logging.INFO):
        screens.form.sign(m["index"], words, True, signature_strokes(), 1000, 380)
    assert screens.apply.property("error") == "signing_failed"
    assert not screens.apply.property("busy")
    view = next(v for v in screens.form.property("materials") if v["index"] == m["index"])
    assert view["settlement"] == ""
    assert all(person.id_number not in r.getMessage() for r in caplog.records)


def test_a_signed_document_for_a_dropped_application_lands_nowhere():
    visit, dispatcher = Visit(), HeldDispatcher()
    screens, m, words = _at_materials(visit, dispatcher)
    signed: list[int] = []
    screens.form.signed.connect(signed.append)
    assert screens.form.sign(m["index"], words, True, signature_strokes(), 1000, 380)
    screens.flow.drop()  # a new application began while the PDF was being made
    dispatcher.run_all()
    assert not signed and screens.flow.session._materials == {}
    assert screens.apply.property("error") == ""
