"""The apply flow's state machine: self, agent, commitment, shared data, back, cancel, wipe."""

from __future__ import annotations

import pytest

from kiosk.documents.signature import Signature
from kiosk.domain.application import Authorisation, Document, HomeService, Settlement
from kiosk.domain.catalog import MaterialSource
from kiosk.session import ApplySession, FlowError, Lookup, State
from tests.unit.apply_helpers import (
    Held,
    commitment_text,
    id_number,
    identity,
    service,
    settle_all,
    sign,
    signature_strokes,
    walk_to_review,
)

HJ004 = {
    "phone": "13800000000",
    "residence_address": "示范市人民路1号",
    "since": "2024-05-01",
    "basis": "work",
}
SB001 = {"phone": "13800000000", "bank": "icbc", "express": "no"}


def test_self_application_reaches_review_with_card_values_prefilled_and_masked() -> None:
    s = walk_to_review("HJ-004", HJ004)
    review = s.review()
    assert review.applicant == "王*明" and review.applicant_id_number.startswith("1101**")
    assert review.agent == ""
    shown = {r.field_id: r.value for r in review.rows}
    assert "110105198003150" not in shown["applicant_id_number"]
    assert shown["basis"] == "合法稳定就业"


def test_typed_values_never_override_the_card() -> None:
    s = ApplySession()
    s.choose(service("SB-002"))
    s.confirm_conditions()
    s.identify(identity())
    assert all(v.locked for v in s.fields() if v.field.prefill is not None)
    s.submit_form({"applicant_name": "冒名", "phone": "13800000000", "reason": "lost"})
    settle_all(s, commit=False)
    s.confirm_materials()
    assert s.application().applicant.name == "王小明"
    assert s.application().values["applicant_name"] == "王小明"


def test_invalid_form_raises_form_invalid_with_field_errors_and_stays_on_the_form() -> None:
    s = ApplySession()
    s.choose(service("SB-002"))
    s.confirm_conditions()
    s.identify(identity())
    with pytest.raises(FlowError) as err:
        s.submit_form({"phone": "123"})
    assert err.value.reason == "form_invalid"
    assert {e.reason for e in err.value.errors} == {"invalid_phone", "choose_one"}
    assert s.state is State.FORM


def test_commitment_records_consent_time_and_the_text_shown() -> None:
    s = walk_to_review("HJ-004", HJ004, commit=True)
    committed = [m for m in s.application().materials if m.settlement is Settlement.COMMITTED]
    assert committed and committed[0].consented_at is not None
    assert "承诺" in committed[0].commitment_text
    assert s.review().committed


def test_commitment_without_consent_is_refused() -> None:
    s = ApplySession()
    s.choose(service("HJ-004"))
    s.confirm_conditions()
    s.identify(identity())
    s.submit_form(HJ004)
    index = next(m.index for m in s.materials() if m.offered is MaterialSource.COMMITMENT)
    with pytest.raises(FlowError) as err:
        s.check_commitment(index, "text", consent=False)
    assert err.value.reason == "consent_missing"


def _at_materials(item) -> ApplySession:
    s = ApplySession()
    s.choose(item)
    s.confirm_conditions()
    s.identify(identity())
    s.submit_form(HJ004)
    return s


def test_a_commitment_is_signed_only_in_the_materials_own_words() -> None:
    s = _at_materials(service("HJ-004"))
    view = next(m for m in s.materials() if m.offered is MaterialSource.COMMITMENT)
    assert view.promise.startswith("本人在所申报的地址实际居住") and view.if_false
    assert view.note.startswith("借住亲友住房")  # the guide's note, as it is
    generic = "本人承诺所述情况真实，如有虚假愿承担相应法律责任。"
    with pytest.raises(FlowError) as err:
        s.check_commitment(view.index, generic, consent=True)
    assert err.value.reason == "commitment_text_mismatch"
    sign(s, view.index, commitment_text(view.promise, view.if_false))
    assert s.materials()[view.index].settlement is Settlement.COMMITTED


def test_a_commitment_material_without_its_own_text_must_be_brought() -> None:
    item = service("HJ-004")
    materials = tuple(
        m.model_copy(update={"commitment": None}) if m.commitment else m
        for m in item.guide.materials
    )
    bare = item.model_copy(update={"guide": item.guide.model_copy(update={"materials": materials})})
    s = _at_materials(bare)
    index = next(i for i, m in enumerate(materials) if m.source is MaterialSource.COMMITMENT)
    assert s.materials()[index].offered is MaterialSource.CITIZEN
    with pytest.raises(FlowError) as err:
        s.check_commitment(index, "本人承诺：……", consent=True)
    assert err.value.reason == "commitment_not_offered"
    s.bring(index)


def _yl001_at_materials() -> ApplySession:
    s = ApplySession()
    s.choose(service("YL-001"))
    s.confirm_conditions()
    s.identify(identity())
    s.submit_form({"phone": "13800000000", "category": "adult"})
    return s


def test_shared_materials_wait_for_the_lookup_and_a_verified_one_cannot_be_changed() -> None:
    s = _yl001_at_materials()
    shared = [m for m in s.materials() if m.offered is MaterialSource.SHARED]
    # Not settled by a label: nothing is verified before data sharing was asked.
    assert shared and all(m.settlement is None and m.lookup is Lookup.UNCHECKED for m in shared)
    assert s.to_look_up() == [m.name for m in shared]
    assert s.lookup_subject() == identity().id_number
    with pytest.raises(FlowError) as err:
        s.bring(shared[0].index)
    assert err.value.reason == "material_is_shared"
    settle_all(s, commit=False)
    views = {m.index: m for m in s.materials()}
    for m in shared:
        assert views[m.index].settlement is Settlement.SHARED
        assert views[m.index].lookup is Lookup.VERIFIED
        assert views[m.index].licence_no == Held().licence_no
    with pytest.raises(FlowError) as verified:
        s.bring(shared[0].index)
    assert verified.value.reason == "material_is_shared"
    assert s.to_look_up() == []
    s.confirm_materials()
    assert len(s.review().shared) == len(shared)
    chosen = s.application().materials
    assert {c.issuer for c in chosen if c.settlement is Settlement.SHARED} == {Held().issuer}


def test_a_shared_material_not_found_is_provided_by_the_citizen() -> None:
    s = _yl001_at_materials()
    shared = [m for m in s.materials() if m.offered is MaterialSource.SHARED]
    first, rest = shared[0], shared[1:]
    s.record_lookup({first.name: None, **{m.name: Held() for m in rest}})
    view = next(m for m in s.materials() if m.index == first.index)
    assert view.lookup is Lookup.NOT_FOUND and view.settlement is None
    with pytest.raises(FlowError) as unsettled:
        s.confirm_materials()
    assert unsettled.value.reason == "materials_unsettled"
    s.bring(first.index)  # now the citizen provides it
    settle_all(s, commit=False)
    s.confirm_materials()
    assert first.name in s.review().to_bring


def test_offline_leaves_shared_materials_to_provide_and_a_later_check_settles_them() -> None:
    s = _yl001_at_materials()
    shared = [m for m in s.materials() if m.offered is MaterialSource.SHARED]
    s.record_lookup(None)
    assert all(
        m.lookup is Lookup.OFFLINE and m.settlement is None
        for m in s.materials()
        if m.offered is MaterialSource.SHARED
    )
    s.bring(shared[0].index)  # chosen while the platform was down
    assert s.to_look_up() == [m.name for m in shared]  # and checked again when it is back
    s.record_lookup({m.name: Held() for m in shared})
    assert all(
        m.settlement is Settlement.SHARED
        for m in s.materials()
        if m.offered is MaterialSource.SHARED
    )


def test_declining_the_lookup_asks_nothing_and_the_citizen_provides_them() -> None:
    s = _yl001_at_materials()
    s.decline_lookup()
    assert s.to_look_up() == []
    for m in s.materials():
        if m.offered is MaterialSource.SHARED:
            assert m.lookup is Lookup.DECLINED
            s.bring(m.index)


def test_a_new_principal_is_looked_up_afresh() -> None:
    s = ApplySession()
    s.choose(service("SB-001"), on_behalf=True)
    s.confirm_conditions()
    s.identify(identity("李代办", "11010519900101001"))
    auth = Authorisation("child", "power_of_attorney")
    s.set_principal(auth, name="王大妈", id_number=id_number("11010519500101002"))
    s.submit_form({**SB001, "address": "示范市人民路2号"})
    assert s.to_look_up(), "SB-001 has 免提交 materials"
    assert s.lookup_subject() == id_number("11010519500101002")
    s.record_lookup({name: Held() for name in s.to_look_up()})
    s.back()  # materials → form
    s.back()  # form → principal: a different person may be named
    s.set_principal(auth, name="王大爷", id_number=id_number("11010519480101003"))
    s.submit_form({**SB001, "address": "示范市人民路2号"})
    assert s.lookup_subject() == id_number("11010519480101003")
    assert s.to_look_up() and all(m.settlement is None for m in s.materials() if m.lookup)


def test_agent_acts_for_a_typed_principal_and_both_are_named_masked() -> None:
    s = ApplySession()
    s.choose(service("SB-001"), on_behalf=True)
    s.confirm_conditions()
    s.identify(identity("李代办", "11010519900101001"))
    assert s.state is State.PRINCIPAL
    with pytest.raises(FlowError) as bad:
        s.set_principal(Authorisation("parent", "power_of_attorney"), name="王老", id_number="1")
    assert bad.value.reason == "id_number_length"
    principal = id_number("11010519500101002")
    s.set_principal(
        Authorisation("parent", "power_of_attorney"), name="王老汉", id_number=principal
    )
    assert {v.field.id: v.value for v in s.fields()}["applicant_id_number"] == principal
    s.submit_form({**SB001, "address": "示范市人民路2号"})
    settle_all(s, commit=False)
    s.confirm_materials()
    review = s.review()
    assert (review.applicant, review.agent) == ("王*汉", "李*办")
    app = s.application()
    assert app.agent is not None and not app.applicant.from_card


def test_agent_cannot_be_their_own_principal_and_in_person_services_refuse_agents() -> None:
    s = ApplySession()
    s.choose(service("SB-001"), on_behalf=True)
    s.confirm_conditions()
    s.identify(identity())
    with pytest.raises(FlowError) as same:
        s.set_principal(Authorisation("self", "x"), card=identity())
    assert same.value.reason == "agent_is_principal"
    with pytest.raises(FlowError) as refused:
        ApplySession().choose(service("SY-004"), on_behalf=True)
    assert refused.value.reason in ("agent_not_allowed", "not_applicable_here")


def test_home_service_needs_an_address_and_a_valid_phone() -> None:
    s = ApplySession()
    s.choose(service("SB-001"), home=True)
    s.confirm_conditions()
    s.identify(identity())
    with pytest.raises(FlowError) as err:
        s.submit_form(SB001, HomeService("示范市人民路1号", "123"))
    assert err.value.reason == "invalid_phone"
    s.submit_form(SB001, HomeService("示范市人民路1号", "13800000000"))
    assert s.state is State.MATERIALS


def test_back_walks_each_step_back_and_steps_out_of_order_are_refused() -> None:
    s = walk_to_review("HJ-004", HJ004)
    for expected in (State.MATERIALS, State.FORM, State.IDENTIFY, State.CONDITIONS, State.CHOOSE):
        assert s.back() is expected
    with pytest.raises(FlowError) as err:
        s.confirm_materials()
    assert err.value.reason == "wrong_step"


def test_back_after_submission_is_refused() -> None:
    s = walk_to_review("HJ-004", HJ004)
    s.submit(lambda app: "ok")
    with pytest.raises(FlowError) as err:
        s.back()
    assert err.value.reason == "already_submitted"


def _holds_personal(value: object, secrets: tuple[str, ...]) -> bool:
    text = repr(value) + str(getattr(value, "__dict__", ""))
    return any(secret in text for secret in secrets)


@pytest.mark.parametrize("leave", ["cancel", "wipe"])
def test_cancel_and_wipe_leave_nothing_personal_in_the_session(leave: str) -> None:
    card = identity()
    s = walk_to_review("HJ-004", HJ004, card=card, commit=True)
    secrets = (card.name, card.id_number, "13800000000", "人民路1号", card.id_number[:10])
    assert card.name in str(s.application().values)  # there was something to wipe
    getattr(s, leave)()
    assert s.state is State.CANCELLED
    for name, value in vars(s).items():
        assert not _holds_personal(value, secrets), name
        if isinstance(value, dict | list | tuple):
            assert not value, name


def test_going_back_to_the_card_step_forgets_the_person() -> None:
    s = walk_to_review("HJ-004", HJ004)
    s.back()
    s.back()
    assert s.back() is State.IDENTIFY
    s.identify(identity("赵六", "11010519700101003"))
    assert {v.field.id: v.value for v in s.fields()}["applicant_name"] == "赵六"
    assert "phone" not in {v.field.id: v.value for v in s.fields() if v.value}


def test_a_failing_submitter_leaves_the_session_on_review_for_a_retry() -> None:
    s = walk_to_review("HJ-004", HJ004)

    def broken(_app: object) -> None:
        raise OSError("disk full")

    with pytest.raises(OSError):
        s.submit(broken)
    assert s.state is State.REVIEW
    assert s.submit(lambda app: app.service.code) == "HJ-004"
    s.receipt_shown()
    s.finish_rating()
    assert s.state is State.RATED


def test_the_citizens_own_review_shows_what_they_typed_and_keeps_the_card_masked() -> None:
    card = identity()
    s = walk_to_review("HJ-004", HJ004, card=card)
    own = {r.field_id: r.value for r in s.review(own_screen=True).rows}
    masked = {r.field_id: r.value for r in s.review().rows}
    assert own["phone"] == "13800000000" and masked["phone"] != "13800000000"
    assert own["residence_address"] == "示范市人民路1号"
    assert masked["residence_address"] == "示范市人民路****"
    assert own["basis"] == masked["basis"] == "合法稳定就业"
    # Read from the card, not typed: masked on every screen.
    assert card.id_number not in "\n".join(own.values())
    assert own["applicant_id_number"] == masked["applicant_id_number"]
    review = s.review(own_screen=True)
    assert review.applicant == "王*明" and card.id_number != review.applicant_id_number


def test_a_typed_principal_and_the_home_visit_are_shown_as_typed_only_on_the_own_screen() -> None:
    s = ApplySession()
    s.choose(service("SB-001"), on_behalf=True)
    s.confirm_conditions()
    s.identify(identity("李代办", "11010519900101001"))
    principal = id_number("11010519500101002")
    s.set_principal(
        Authorisation("parent", "power_of_attorney"), name="王老汉", id_number=principal
    )
    s.submit_form({**SB001, "address": "示范市人民路2号"})
    settle_all(s, commit=False)
    s.confirm_materials()
    own, masked = s.review(own_screen=True), s.review()
    assert (own.applicant, own.applicant_id_number) == ("王老汉", principal)
    assert principal not in masked.applicant_id_number and masked.applicant == "王*汉"
    assert own.agent == masked.agent == "李*办"  # the agent's card stays masked

    home = ApplySession()
    home.choose(service("SB-001"), home=True)
    home.confirm_conditions()
    home.identify(identity())
    home.submit_form(SB001, HomeService("示范市人民路1号3栋", "13900001111"))
    settle_all(home, commit=False)
    home.confirm_materials()
    own, masked = home.review(own_screen=True), home.review()
    assert (own.home_address, own.home_phone) == ("示范市人民路1号3栋", "13900001111")
    assert masked.home_address == "示范市人民路****" and "13900001111" != masked.home_phone
    assert masked.home_phone == "1*********1"


def test_a_shared_material_data_sharing_lacks_can_be_scanned_instead() -> None:
    from kiosk.domain.application import Document

    s = _yl001_at_materials()
    shared = [m for m in s.materials() if m.offered is MaterialSource.SHARED]
    scan = Document("scan", "application/pdf", b"%PDF-1.4 sample", pages=2)
    with pytest.raises(FlowError):  # not before the check said it is missing
        s.scan(shared[0].index, scan)
    s.record_lookup({m.name: None for m in shared})
    s.scan(shared[0].index, scan)
    view = next(m for m in s.materials() if m.index == shared[0].index)
    assert (view.settlement, view.pages, view.lookup) == (Settlement.SCANNED, 2, Lookup.NOT_FOUND)


def test_a_signed_commitment_keeps_the_signed_pdf_and_a_dot_or_no_signature_is_refused() -> None:
    from kiosk.documents.signature import Signature
    from kiosk.domain.application import Document

    s = _at_materials(service("HJ-004"))
    view = next(m for m in s.materials() if m.offered is MaterialSource.COMMITMENT)
    words = commitment_text(view.promise, view.if_false)
    dot = Signature.from_lists([[[400, 200, 0], [401, 200, 16]]], 1000, 380)
    with pytest.raises(FlowError) as err:
        s.prepare_signing(view.index, words, True, dot)
    assert err.value.reason == "signature_dot"
    with pytest.raises(FlowError) as err:  # a tick alone is no signature
        s.commit(view.index, words, True, None)
    assert err.value.reason == "signature_missing"
    with pytest.raises(FlowError) as err:  # the exact words are checked again at commit
        s.commit(view.index, "本人承诺：属实。", True, Document("signed", "application/pdf", b"%"))
    assert err.value.reason == "commitment_text_mismatch"
    assert s.materials()[view.index].settlement is None

    signature = Signature.from_lists(signature_strokes(), 1000, 380)
    facts = s.prepare_signing(view.index, words, True, signature)
    assert facts.text == words and facts.signer_name == "王*明"
    assert facts.signer_id_number == "1101**********" + identity().id_number[-4:]
    sign(s, view.index, words)
    assert s.materials()[view.index].settlement is Settlement.COMMITTED
    s.decline_lookup()  # the 免提交 ones are provided too
    for m in s.materials():
        if m.settlement is None:
            s.bring(m.index)
    s.confirm_materials()
    signed = next(m for m in s.application().materials if m.index == view.index)
    assert signed.document is not None and signed.document.kind == "signed"
    assert signed.document.data.startswith(b"%PDF-") and signed.commitment_text == words
    s.wipe()  # the visit ends: nothing of it is left
    assert s.state is State.CANCELLED and s.service is None
    with pytest.raises(FlowError):
        s.materials()


def _agent_at_materials(principal_card: bool, kind: str = "power_of_attorney") -> ApplySession:
    s = ApplySession()
    s.choose(service("SB-001"), on_behalf=True)
    s.confirm_conditions()
    s.identify(identity("李代办", "11010519900101001"))
    if principal_card:
        s.set_principal(Authorisation("parent", kind), card=identity("王老汉", "11010519500101002"))
    else:
        s.set_principal(
            Authorisation("parent", kind), name="王老汉", id_number=id_number("11010519500101002")
        )
    s.submit_form({**SB001, "address": "示范市人民路2号"})
    return s


def test_the_agents_papers_are_materials_the_card_read_settles_one_and_the_principal_signs():
    s = _agent_at_materials(principal_card=True)
    own = len(service("SB-001").guide.materials)
    papers = [v for v in s.materials() if v.agent]
    assert [(v.index, v.name) for v in papers] == [
        (own, "授权委托书"),
        (own + 1, "受托人（代办人）本人居民身份证"),
    ]
    attorney, card = papers
    assert card.settlement is Settlement.CARD and not card.sign_text
    with pytest.raises(FlowError) as read:
        s.bring(card.index)
    assert read.value.reason == "material_is_read"
    # Only the exact words, with consent, open the pad; the document names the principal.
    with pytest.raises(FlowError) as other_words:
        s.check_signing(attorney.index, attorney.sign_text + "另有约定", True)
    assert other_words.value.reason == "attorney_consent_missing"
    with pytest.raises(FlowError) as no_consent:
        s.check_signing(attorney.index, attorney.sign_text, False)
    assert no_consent.value.reason == "attorney_consent_missing"
    signature = Signature.from_lists(signature_strokes(), 1000, 380)
    facts = s.prepare_signing(attorney.index, attorney.sign_text, True, signature)
    assert (facts.title, facts.signer_role, facts.signer_name) == ("授权委托书", "委托人", "王*汉")
    sign(s, attorney.index, attorney.sign_text)
    assert s.materials()[attorney.index].settlement is Settlement.SIGNED
    # Back to the principal step: the papers go with the authorisation; a guardian's differ.
    s.back()
    s.back()
    assert s.state is State.PRINCIPAL
    s.set_principal(
        Authorisation("parent", "guardian"), card=identity("王小明", "11010520100101002")
    )
    s.submit_form({**SB001, "address": "示范市人民路2号"})
    papers = [v for v in s.materials() if v.agent]
    assert papers[0].name.startswith("监护关系证明") and papers[0].settlement is None
    assert not papers[0].sign_text and papers[1].settlement is Settlement.CARD


def test_a_typed_principal_is_not_present_to_sign_so_the_authorisation_is_scanned_or_brought():
    s = _agent_at_materials(principal_card=False)
    attorney = next(v for v in s.materials() if v.name == "授权委托书")
    assert attorney.sign_text == ""
    with pytest.raises(FlowError) as absent:
        s.check_signing(attorney.index, "委托人王*汉委托受托人李*办代为办理", True)
    assert absent.value.reason == "principal_not_present"
    s.scan(attorney.index, Document("scan", "application/pdf", b"%PDF-1.4 page", pages=1))
    settle_all(s, commit=True)
    s.scan(attorney.index, Document("scan", "application/pdf", b"%PDF-1.4 page", pages=1))
    s.confirm_materials()
    review = s.review()
    assert "授权委托书" not in review.to_bring
    assert [m.name for m in review.scanned][-1] == "授权委托书"


def test_the_face_checks_an_application_needs_follow_its_guide_and_its_card_holder() -> None:
    # JY-003 lists apply, commitment and agent (人证核验); HJ-004 none.
    own = ApplySession()
    own.choose(service("JY-003"))
    assert own.face_actions() == ("apply",)
    agent = ApplySession()
    agent.choose(service("JY-003"), on_behalf=True)
    assert agent.face_actions() == ("agent",)  # the card holder present: the agent
    agent.face_checked({"action": "agent", "passed": True, "distance": 0.3, "at": "t"})
    assert agent.has_face_check("agent")
    agent.confirm_conditions()
    agent.identify(identity())
    agent.back()  # back to the card: another person may tap theirs, so the check goes too
    assert not agent.has_face_check("agent")
    plain = ApplySession()
    plain.choose(service("HJ-004"))
    assert plain.face_actions() == ()
