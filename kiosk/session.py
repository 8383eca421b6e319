"""The apply flow (在终端申请) as a plain state machine the screens drive.

States, in order (agent mode adds ``PRINCIPAL`` after ``IDENTIFY``)::

    CHOOSE → CONDITIONS → IDENTIFY → [PRINCIPAL] → FORM → MATERIALS → REVIEW
           → SUBMITTED → RECEIPT → RATED                      (CANCELLED from anywhere)

The citizen is identified by card only (:class:`~kiosk.domain.identity.Identity`); only the
principal in the agent case (代办) may be typed in, and that number is checked.
:meth:`ApplySession.back` goes one step back until submission; :meth:`ApplySession.cancel`
and :meth:`ApplySession.wipe` (called by the UI on idle timeout) drop every personal value.
A step that is not allowed raises :class:`FlowError` with a ``reason`` code.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, TypeVar

from kiosk.documents.signature import Signature, SignedFacts
from kiosk.domain.agent import agent_application_materials, authorisation_text
from kiosk.domain.application import (
    Application,
    Authorisation,
    Document,
    HomeService,
    MaterialChoice,
    Person,
    Settlement,
)
from kiosk.domain.catalog import Material, MaterialSource, ServiceItem
from kiosk.domain.id_numbers import id_number_problem
from kiosk.domain.identity import Identity
from kiosk.forms import (
    FieldError,
    clean,
    is_valid_phone,
    prefill,
    validate,
)
from kiosk.session_lookups import decline_lookup, record_lookup, to_look_up
from kiosk.session_review import build_review, material_views
from kiosk.session_signing import check_attorney_words, check_commitment_words, signed_facts
from kiosk.session_states import FlowError, Found, Lookup, State
from kiosk.session_types import FieldView, MaterialView, Review, ReviewRow, ScannedMaterial

__all__ = [
    "ApplySession",
    "FieldView",
    "FlowError",
    "Found",
    "Lookup",
    "MaterialView",
    "Review",
    "ReviewRow",
    "ScannedMaterial",
    "State",
]

_BACK: dict[State, State] = {
    State.CONDITIONS: State.CHOOSE,
    State.IDENTIFY: State.CONDITIONS,
    State.PRINCIPAL: State.IDENTIFY,
    State.MATERIALS: State.FORM,
    State.REVIEW: State.MATERIALS,
}

R = TypeVar("R")


class ApplySession:
    """One citizen's way through the apply flow; create one per application.

    ``visit_id`` is the id of the visit it is made in (:class:`kiosk.visit.Visit`), carried in
    the :class:`Application`; without one (tests, tools) each session draws its own.
    """

    def __init__(
        self, clock: Callable[[], datetime] | None = None, visit_id: str | None = None
    ) -> None:
        self._clock = clock or (lambda: datetime.now().astimezone())
        self._visit_id = visit_id
        self.state = State.CHOOSE
        self._reset()

    def _reset(self) -> None:
        self.visit_id = self._visit_id or uuid.uuid4().hex
        self.service: ServiceItem | None = None
        self.on_behalf = False
        self.home = False
        self._card_holder: Person | None = None
        self._principal: Person | None = None
        self._authorisation: Authorisation | None = None
        self._home_service: HomeService | None = None
        self._prefilled: dict[str, str] = {}
        self._values: dict[str, str] = {}
        self._materials: dict[int, MaterialChoice] = {}
        self._lookups: dict[int, Lookup] = {}  # 免提交 materials' data-sharing checks
        self.result: object | None = None  # what the submitter returned (SubmitResult)
        self.rated = False
        self._face_checks: dict[str, dict[str, Any]] = {}  # action → a passed check's record

    # -- guards --------------------------------------------------------------------------------

    def _need(self, *states: State) -> None:
        if self.state not in states:
            raise FlowError(
                "wrong_step", f"not allowed in state {self.state.value}; expected {states}"
            )

    def _item(self) -> ServiceItem:
        if self.service is None:
            raise FlowError("no_service", "no service chosen")
        return self.service

    # -- steps -----------------------------------------------------------------------------------

    def choose(self, service: ServiceItem, *, on_behalf: bool = False, home: bool = False) -> None:
        """Pick the service; ``on_behalf`` for 代办, ``home`` for 上门办理."""
        self._need(State.CHOOSE)
        guide = service.guide
        if guide.form is None:
            raise FlowError("not_applicable_here", "this service is not applied for here")
        if on_behalf and not guide.agent_allowed:
            raise FlowError("agent_not_allowed", "this service must be applied for in person")
        if home and not guide.home_service:
            raise FlowError("home_service_not_offered", "no home service for this service")
        self.service, self.on_behalf, self.home = service, on_behalf, home
        self.state = State.CONDITIONS

    def confirm_conditions(self) -> None:
        """The citizen confirmed meeting the conditions (申请条件)."""
        self._need(State.CONDITIONS)
        self.state = State.IDENTIFY

    def identify(self, identity: Identity) -> None:
        """The card holder (applicant, or the agent when acting for someone)."""
        self._need(State.IDENTIFY)
        self._card_holder = Person(identity.name or identity.name_en, identity.id_number)
        if self.on_behalf:
            self.state = State.PRINCIPAL
            return
        self._enter_form(identity)

    def set_principal(
        self,
        authorisation: Authorisation,
        *,
        card: Identity | None = None,
        name: str = "",
        id_number: str = "",
    ) -> None:
        """The person applied for: their card read, or name and ID number typed (checked)."""
        self._need(State.PRINCIPAL)
        if not authorisation.relationship or not authorisation.kind:
            raise FlowError("authorisation_missing", "relationship and authorisation needed")
        if card is not None:
            person = Person(card.name or card.name_en, card.id_number)
        else:
            name, number = name.strip(), id_number.strip().upper()
            if not name:
                raise FlowError("principal_name_missing", "the principal's name is missing")
            problem = id_number_problem(number)
            if problem:
                raise FlowError(problem, "the principal's ID number is not valid")
            person = Person(name, number, from_card=False)
        assert self._card_holder is not None
        if person.id_number == self._card_holder.id_number:
            raise FlowError("agent_is_principal", "the agent cannot act for themselves")
        self._principal, self._authorisation = person, authorisation
        # The agent's own ID card was just read here: settled (已读卡核验), never brought.
        index = len(self._all_materials()) - 1
        self._materials[index] = MaterialChoice(
            index, self._all_materials()[index], Settlement.CARD, issuer="本终端读卡"
        )
        self._enter_form(card, person)

    def _all_materials(self) -> tuple[Material, ...]:
        """The guide's materials, then an agent's own papers (the authorisation, or proof of
        guardianship, and the agent's ID card) when acting for someone."""
        materials = self._item().guide.materials
        if self._authorisation is None:
            return materials
        return materials + agent_application_materials(self._authorisation.kind)

    def _is_authorisation(self, index: int) -> bool:
        """Material ``index`` is the 授权委托书 of this agent application."""
        return (
            self._authorisation is not None
            and self._authorisation.kind == "power_of_attorney"
            and index == len(self._item().guide.materials)
        )

    def authorisation_text(self) -> str:
        """The 授权委托书's words, for the principal to sign on screen; empty when they
        cannot sign it here (no power of attorney, or the principal's card was not read:
        only the card holder present can sign)."""
        if not self._is_authorisation(len(self._item().guide.materials)):
            return ""
        principal, agent = self._principal, self._card_holder
        if principal is None or agent is None or not principal.from_card:
            return ""
        return authorisation_text(
            self._item().name,
            f"{principal.masked_name}（{principal.masked_id_number}）",
            f"{agent.masked_name}（{agent.masked_id_number}）",
        )

    def _enter_form(self, identity: Identity | None, person: Person | None = None) -> None:
        form = self._item().guide.form
        assert form is not None
        if identity is not None:
            filled = prefill(form, identity)
        else:
            # A typed principal: only name and number are known.
            filled = {}
            for f in form.fields:
                if f.prefill is not None and person is not None:
                    value = {"name": person.name, "id_number": person.id_number}.get(f.prefill)
                    if value:
                        filled[f.id] = value
        self._prefilled = filled
        self._values = {**self._values, **filled}
        self.state = State.FORM

    def fields(self) -> list[FieldView]:
        """The form page's fields with current values; prefilled ones are locked."""
        form = self._item().guide.form
        assert form is not None
        return [
            FieldView(f, self._values.get(f.id, ""), f.id in self._prefilled) for f in form.fields
        ]

    def check(self, values: dict[str, str]) -> list[FieldError]:
        """Field errors of ``values`` (for live feedback); nothing is stored."""
        form = self._item().guide.form
        assert form is not None
        return validate(form, {**values, **self._prefilled})

    def submit_form(self, values: dict[str, str], home_service: HomeService | None = None) -> None:
        """Accept the form (card values win over anything typed) and go to the materials."""
        self._need(State.FORM)
        form = self._item().guide.form
        assert form is not None
        merged = {**values, **self._prefilled}
        errors = validate(form, merged)
        if errors:
            self._values = merged
            raise FlowError("form_invalid", f"{len(errors)} field(s) invalid", errors)
        if self.home:
            if home_service is None or not home_service.address.strip():
                raise FlowError("home_address_missing", "home service needs an address")
            if not is_valid_phone(home_service.phone):
                raise FlowError("invalid_phone", "home service needs a valid phone")
            self._home_service = home_service
        self._values = clean(form, merged)
        # 免提交 materials are settled only once data sharing really holds them for this
        # person (:meth:`record_lookup`); until then they are waiting for the check.
        self.state = State.MATERIALS

    def materials(self) -> list[MaterialView]:
        """The materials page: each material with what is offered and what was chosen."""
        own = len(self._item().guide.materials)
        return material_views(
            self._all_materials(),
            own,
            self._materials,
            self._lookups,
            {own: self.authorisation_text()} if self._is_authorisation(own) else {},
        )

    # -- shared data (免提交), checked for the person applied for -----------------------------

    def lookup_subject(self) -> str:
        """The ID number data sharing is asked about: the applicant's (the principal's when
        acting for someone). Never shown or logged."""
        self._need(State.MATERIALS)
        person = self._principal or self._card_holder
        assert person is not None
        return person.id_number

    def to_look_up(self) -> list[str]:
        """Names of the 免提交 materials still to check
        (:func:`kiosk.session_lookups.to_look_up`)."""
        self._need(State.MATERIALS)
        return to_look_up(self._item().guide.materials, self._lookups)

    def record_lookup(self, found: Mapping[str, Found | None] | None) -> None:
        """The check's answer for :meth:`to_look_up`'s materials; ``None``: the platform could
        not be reached (:func:`kiosk.session_lookups.record_lookup`)."""
        self._need(State.MATERIALS)
        record_lookup(self._item().guide.materials, self._lookups, self._materials, found)

    def decline_lookup(self) -> None:
        """The citizen does not agree to the lookup: each 免提交 material not yet verified
        is to be provided another way."""
        self._need(State.MATERIALS)
        decline_lookup(self._item().guide.materials, self._lookups)

    def bring(self, index: int) -> None:
        """The citizen will bring or hand in material ``index`` (需提交)."""
        self._need(State.MATERIALS)
        m = self._material(index)
        self._materials[index] = MaterialChoice(index, m, Settlement.BRING)

    def check_commitment(self, index: int, commitment_text: str, consent: bool) -> Material:
        """Refuse signing material ``index`` before the pad opens: not offered, no consent,
        not this material's exact words (the same checks as :meth:`commit`)."""
        self._need(State.MATERIALS)
        m = self._material(index)
        check_commitment_words(m, commitment_text, consent)
        return m

    def check_signing(self, index: int, text: str, consent: bool) -> Material:
        """Refuse signing material ``index`` before the pad opens: a commitment
        (:meth:`check_commitment`), or the 授权委托书 — its principal present (card read),
        consent given, its exact words."""
        if not self._is_authorisation(index):
            return self.check_commitment(index, text, consent)
        self._need(State.MATERIALS)
        check_attorney_words(self.authorisation_text(), text, consent)
        return self._material(index)

    def prepare_signing(
        self, index: int, commitment_text: str, consent: bool, signature: Signature
    ) -> SignedFacts:
        """Check a commitment about to be signed (consent, this material's exact words, a
        real signature) and say what the signed document will print; the document itself is
        made off the GUI thread (:func:`kiosk.documents.signature.signed_pdf`) and handed to
        :meth:`commit`."""
        m = self.check_signing(index, commitment_text, consent)
        attorney = self._is_authorisation(index)
        return signed_facts(
            self._item(),
            m,
            commitment_text,
            self._principal if attorney else self._card_holder,
            self._clock(),
            signature,
            attorney=attorney,
        )

    def commit(
        self, index: int, commitment_text: str, consent: bool, signed: Document | None
    ) -> None:
        """The citizen signed the written commitment shown (``commitment_text``) on screen;
        ``signed`` is the signed document (PDF) made from :meth:`prepare_signing`."""
        m = self.check_signing(index, commitment_text, consent)
        if signed is None or signed.kind != "signed" or not signed.data:
            raise FlowError("signature_missing", "a commitment is signed on screen")
        how = Settlement.SIGNED if self._is_authorisation(index) else Settlement.COMMITTED
        self._materials[index] = MaterialChoice(
            index, m, how, self._clock(), commitment_text, document=signed
        )

    def scan(self, index: int, document: Document) -> None:
        """Material ``index`` was scanned at the terminal: ``document`` is its PDF (已扫描)."""
        self._need(State.MATERIALS)
        m = self._material(index)
        if document.kind != "scan" or not document.data:
            raise FlowError("scan_empty", "a scan needs its document")
        if not 1 <= document.pages <= m.scan_page_limit:
            raise FlowError(
                "scan_too_many_pages", f"{document.pages} pages, at most {m.scan_page_limit}"
            )
        self._materials[index] = MaterialChoice(index, m, Settlement.SCANNED, document=document)

    def _material(self, index: int) -> Material:
        materials = self._all_materials()
        if not 0 <= index < len(materials):
            raise FlowError("no_such_material", f"no material {index}")
        if self._materials.get(index) is not None and self._materials[index].settlement is (
            Settlement.CARD
        ):
            raise FlowError("material_is_read", "the agent's own card was read here")
        if materials[index].source is MaterialSource.SHARED and self._lookups.get(index) in (
            None,
            Lookup.UNCHECKED,
            Lookup.VERIFIED,
        ):
            # Only once the check could not settle it does the citizen provide it.
            raise FlowError("material_is_shared", "shared data needs nothing from the citizen")
        return materials[index]

    def confirm_materials(self) -> None:
        """Every material settled: go to the review page."""
        self._need(State.MATERIALS)
        if len(self._materials) != len(self._all_materials()):
            raise FlowError("materials_unsettled", "some materials are not settled yet")
        self.state = State.REVIEW

    def review(self, *, own_screen: bool = False) -> Review:
        """The review page, every personal value masked.

        ``own_screen``: for the citizen's own screen during the visit, where they must check
        what they typed: typed values (form fields, a typed principal, the home-service
        address and phone) as typed; values read from a card stay masked. Never for paper,
        logs or anything that outlives the visit.
        """
        self._need(State.REVIEW, State.SUBMITTED, State.RECEIPT)
        assert self._card_holder is not None
        return build_review(
            self._item(),
            self._principal or self._card_holder,
            self._card_holder if self._principal else None,
            self._values,
            self._prefilled,
            [self._materials[i] for i in sorted(self._materials)],
            self._home_service,
            own_screen=own_screen,
        )

    # -- 人证核验 ---------------------------------------------------------------------------------

    def face_actions(self) -> tuple[str, ...]:
        """The face checks this application needs, as its guide lists them: the card holder's
        before applying (``apply``; ``agent`` when acting for someone) and before signing a
        written commitment (``commitment``)."""
        listed = {str(action) for action in self._item().guide.face_check}
        needed = ["agent" if self.on_behalf else "apply"]
        if any(m.settlement is Settlement.COMMITTED for m in self._materials.values()):
            needed.append("commitment")
        return tuple(action for action in needed if action in listed)

    def face_checked(self, record: Mapping[str, Any]) -> None:
        """The card holder passed the face check for ``record["action"]`` (its record:
        action, passed, distance, at); a failed one is not kept."""
        if record.get("passed") is True:
            self._face_checks[str(record["action"])] = dict(record)

    def has_face_check(self, action: str) -> bool:
        """Whether a passed face check for ``action`` is held."""
        return action in self._face_checks

    def application(self) -> Application:
        """The confirmed application for the submit use case; ``face_check_required`` when a
        face check its guide asks for has not passed."""
        self._need(State.REVIEW)
        assert self._card_holder is not None
        needed = self.face_actions()
        missing = [action for action in needed if action not in self._face_checks]
        if missing:
            raise FlowError("face_check_required", f"no passed face check for {missing}")
        return Application(
            visit_id=self.visit_id,
            service=self._item(),
            applicant=self._principal or self._card_holder,
            values=dict(self._values),
            materials=tuple(self._materials[i] for i in sorted(self._materials)),
            agent=self._card_holder if self._principal else None,
            authorisation=self._authorisation,
            home_service=self._home_service,
            confirmed_at=self._clock(),
            face_checks=tuple(self._face_checks[action] for action in needed),
        )

    def submit(self, submitter: Callable[[Application], R]) -> R:
        """Hand the application to ``submitter`` (e.g. ``SubmitService.submit``).

        If it raises, the session stays on the review page so the citizen may retry.
        """
        self._need(State.REVIEW)
        result = submitter(self.application())
        self.result = result
        self.state = State.SUBMITTED
        return result

    def receipt_shown(self) -> None:
        """The receipt page is up (and its print job queued)."""
        self._need(State.SUBMITTED)
        self.state = State.RECEIPT

    def finish_rating(self) -> None:
        """The citizen rated the service or skipped it; the visit is over."""
        self._need(State.SUBMITTED, State.RECEIPT)
        self.rated = True
        self.state = State.RATED

    # -- leaving ---------------------------------------------------------------------------------

    def back(self) -> State:
        """One step back. Going back to the card step forgets who was identified and what
        was filled in (another person may tap their card); back to the choice forgets all."""
        if self.state is State.FORM:
            self.state = State.PRINCIPAL if self.on_behalf else State.IDENTIFY
            if self.state is State.IDENTIFY:
                self._forget_people()
            else:
                own = len(self._item().guide.materials)
                for i in [i for i in self._materials if i >= own]:
                    del self._materials[i]  # the agent's papers go with the authorisation
                self._principal = self._authorisation = None
                self._forget_lookups()  # they were about the principal
            return self.state
        if self.state not in _BACK:
            reason = "already_submitted" if self.state in _AFTER_SUBMIT else "wrong_step"
            raise FlowError(reason, f"cannot go back from {self.state.value}")
        self.state = _BACK[self.state]
        if self.state is State.IDENTIFY:
            self._forget_people()
        elif self.state is State.CHOOSE:
            state = self.state
            self._reset()
            self.state = state
        return self.state

    def _forget_people(self) -> None:
        self._face_checks = {}  # they were the card holder's
        self._card_holder = self._principal = None
        self._authorisation = self._home_service = None
        self._prefilled, self._values, self._materials = {}, {}, {}
        self._lookups = {}

    def _forget_lookups(self) -> None:
        for i in list(self._lookups):
            self._materials.pop(i, None)
        self._lookups = {}

    def cancel(self) -> None:
        """The citizen cancels: everything personal is dropped."""
        self.wipe()

    def wipe(self) -> None:
        """Drop every personal value (idle timeout, cancel, end of visit)."""
        self._reset()
        self.state = State.CANCELLED


_AFTER_SUBMIT = frozenset({State.SUBMITTED, State.RECEIPT, State.RATED, State.CANCELLED})
