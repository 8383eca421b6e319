"""View-model of the apply screens (自助办理) and the rating page (好差评), bound as ``apply``.

Owns one :class:`~kiosk.session.ApplySession` per application and the visit's rating. The
session's own steps are in-memory and cheap, so they run on the GUI thread; everything that
touches the store or the network (the catalog, submit, rating, appointments, the case number)
runs on the core's executor and reports back through the dispatcher. A result that arrives
after the visit ended (or for an older session) is dropped.

QML gets reason CODES (``error``, ``fieldErrors``) and masked values; the plain value of a
field is exposed only on the form the citizen is editing. :meth:`clear` drops it all.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Property, QObject, QUrl, Signal, Slot

from kiosk.domain.application import Authorisation, HomeService
from kiosk.domain.catalog import MaterialSource, ServiceItem
from kiosk.session import ApplySession, FlowError, State
from ui.bridge import GuiDispatcher
from ui.viewmodels import apply_views as views
from ui.viewmodels.apply_core import ApplyCore
from ui.viewmodels.catalog import service_summary

log = logging.getLogger(__name__)

# Pages of the flow in order; going back to a page winds the session back to its state.
_ORDER = (
    State.CHOOSE,
    State.CONDITIONS,
    State.IDENTIFY,
    State.PRINCIPAL,
    State.FORM,
    State.MATERIALS,
    State.REVIEW,
)


class ApplyViewModel(QObject):
    """Bound as ``apply``. ``step`` mirrors the session's state ("" before a choice)."""

    changed = Signal()
    submitted = Signal()  # the receipt is ready: show the receipt page
    rated = Signal()  # the rating was queued (or skipped): the visit may end
    booked = Signal()

    def __init__(self, dispatcher: GuiDispatcher, card: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._dispatcher = dispatcher
        self._card = card
        self._core: ApplyCore | None = None
        self._generation = 0
        self._items: dict[str, ServiceItem] = {}
        self._reset_visit()

    # -- visit state -----------------------------------------------------------------------

    def _reset_visit(self) -> None:
        self._generation += 1
        self._session = ApplySession()
        self._busy = False
        self._error = ""
        self._field_errors: dict[str, str] = {}
        self._detail: dict[str, Any] = {}
        self._review: dict[str, Any] = {}
        self._receipt: dict[str, Any] = {}
        self._receipts: list[str] = []  # this visit's receipt numbers, for the rating
        self._case_no = ""
        self._job_id: int | None = None
        self._finished_jobs: dict[int, tuple[str, str]] = {}
        self._print_state = ""
        self._preview = ""
        self._visit_id = ""
        self._agent_card: Any = None  # the agent's card while the principal's is read
        self._rating_state = ""
        self._slots: list[Any] = []
        self._slot_days: list[dict[str, Any]] = []
        self._slots_state = ""
        self._appointment: dict[str, Any] = {}
        self._query = ""

    def attach(self, core: ApplyCore) -> None:
        """Connect to the core once it is up (GUI thread)."""
        self._core = core
        self.loadServices()

    def clear(self) -> None:
        """End of visit: wipe the session and every value shown (idle, card removed, home)."""
        self._session.wipe()
        self._reset_visit()
        self.changed.emit()

    @Slot()
    def clearError(self) -> None:  # noqa: N802 - Qt naming
        """A page opened: forget the sentence of an earlier page."""
        if self._error:
            self._error = ""
            self.changed.emit()

    def leave_flow(self) -> None:
        """The citizen went home: drop the application in progress, keep the visit's
        receipts and rating (the visit goes on while the card is read)."""
        if self._session.state not in (State.CHOOSE, State.CANCELLED) and not self._busy:
            self._session.wipe()
            self._session = ApplySession()
            self._detail, self._review, self._field_errors, self._error = {}, {}, {}, ""
            self._receipt, self._preview, self._job_id = {}, "", None
            self.changed.emit()

    def _run(
        self,
        task: Callable[[], Any],
        done: Callable[[Any], None],
        failed: Callable[[BaseException], None],
        busy: bool = True,
        visit: bool = True,
    ) -> bool:
        """Run ``task`` on the executor; a ``visit`` result is dropped once the visit ended."""
        core = self._core
        if core is None:
            self._set_error("not_ready")
            return False
        generation = self._generation

        def on_done(result: Any) -> None:
            if generation == self._generation or not visit:
                if busy:
                    self._busy = False
                done(result)
                self.changed.emit()

        def on_error(exc: BaseException) -> None:
            if generation == self._generation or not visit:
                if busy:
                    self._busy = False
                failed(exc)
                self.changed.emit()

        if busy:
            self._busy = True
            self._error = ""
            self.changed.emit()
        core.tasks.submit(
            task, on_done=self._dispatcher.wrap(on_done), on_error=self._dispatcher.wrap(on_error)
        )
        return True

    def _set_error(self, code: str) -> None:
        self._error = code
        self.changed.emit()

    def _flow(self, action: Callable[[], object]) -> bool:
        """Run one session step; a refused step becomes ``error`` (and field errors)."""
        if self._busy:
            return False
        self._error, self._field_errors = "", {}
        try:
            action()
        except FlowError as exc:
            self._error = exc.reason
            self._field_errors = {e.field_id: e.reason for e in exc.errors}
            log.info("apply step refused: %s", exc.reason)
            self.changed.emit()
            return False
        self.changed.emit()
        return True

    # -- choose -----------------------------------------------------------------------------

    @Slot()
    def loadServices(self) -> None:  # noqa: N802 - Qt naming
        """(Re)load the services that can be applied for here."""
        core = self._core
        if core is None:
            return

        def loaded(items: list[ServiceItem]) -> None:
            self._items = {i.code: i for i in items}

        self._run(
            core.appliable,
            loaded,
            lambda exc: log.error("appliable services not loaded: %s", exc),
            busy=False,
            visit=False,  # the catalog is nobody's personal data: keep it across visits
        )

    @Slot(str)
    def setQuery(self, text: str) -> None:  # noqa: N802
        """Filter the list of services by name, department or keyword."""
        self._query = text.strip()
        self.changed.emit()

    def _services(self) -> list[dict[str, Any]]:
        query = self._query.lower()
        items = sorted(self._items.values(), key=lambda i: (-i.popularity, i.code))
        if query:
            items = [
                i
                for i in items
                if query in i.name.lower()
                or query in i.department.lower()
                or any(query in k.lower() for k in i.keywords)
            ]
        return [service_summary(i) for i in items]

    @Slot(str, result="QVariant")
    def serviceInfo(self, code: str) -> dict[str, Any]:  # noqa: N802
        """Summary of one appliable service ({} when it cannot be applied for here)."""
        item = self._items.get(code)
        return service_summary(item) if item else {}

    @Slot(str, str, result=bool)
    def start(self, code: str, mode: str) -> bool:
        """Begin an application of ``code``; ``mode``: self | agent | home."""
        item = self._items.get(code)
        if item is None:
            self._set_error("not_applicable_here")
            return False
        if self._session.state is not State.CHOOSE:
            self._session.wipe()
            self._session = ApplySession()
        self._receipt, self._review, self._job_id, self._print_state = {}, {}, None, ""
        self._preview, self._case_no = "", ""
        ok = self._flow(
            lambda: self._session.choose(item, on_behalf=mode == "agent", home=mode == "home")
        )
        if ok:
            self._detail = views.service_detail(item)
            self.changed.emit()
        return ok

    @Slot(result=bool)
    def confirmConditions(self) -> bool:  # noqa: N802
        """The citizen read the conditions and meets them."""
        return self._flow(self._session.confirm_conditions)

    @Slot(result=bool)
    def identify(self) -> bool:
        """Take the card read on the card page as the applicant (or the agent)."""
        identity = self._card.identity
        if identity is None:
            self._set_error("card_missing")
            return False
        return self._flow(lambda: self._session.identify(identity))

    # -- principal (委托代办) ----------------------------------------------------------------

    @Slot(str, str, str, str, result=bool)
    def setPrincipal(self, relationship: str, kind: str, name: str, id_number: str) -> bool:  # noqa: N802
        """The person applied for, typed in (name and a checked ID number)."""
        auth = Authorisation(relationship, kind)
        number = views.normalise("id_number", id_number)
        self._give_back_agent_card()  # a principal card read was given up for typing
        return self._flow(lambda: self._session.set_principal(auth, name=name, id_number=number))

    @Slot(str, str, result=bool)
    def principalFromCard(self, relationship: str, kind: str) -> bool:  # noqa: N802
        """The person applied for, by their card just read on the card page."""
        identity = self._card.identity
        self._give_back_agent_card()
        if identity is None:
            self._set_error("card_missing")
            return False
        auth = Authorisation(relationship, kind)
        return self._flow(lambda: self._session.set_principal(auth, card=identity))

    @Slot()
    def readPrincipalCard(self) -> None:  # noqa: N802
        """Let the card page read the principal's card; the agent's is given back after, so
        the rest of the visit (another application, progress) is the agent's again."""
        if self._agent_card is None:
            self._agent_card = self._card.identity
        self._card.retry()

    def _give_back_agent_card(self) -> None:
        if self._agent_card is not None:
            self._card.restore(self._agent_card)
            self._agent_card = None

    # -- form -------------------------------------------------------------------------------

    def _fields(self) -> list[dict[str, Any]]:
        if self._session.state is not State.FORM:
            return []
        return views.fields_for_qml(self._session.fields())

    def _normalised(self, values: Any) -> dict[str, str]:
        types = {v.field.id: v.field.type.value for v in self._session.fields()}
        plain = dict(values.toVariant() if hasattr(values, "toVariant") else values or {})
        return {k: views.normalise(types.get(k, ""), str(v)) for k, v in plain.items() if v}

    @Slot("QVariant", str)
    def checkField(self, values: Any, field_id: str) -> None:  # noqa: N802
        """Live feedback for one field the citizen just left."""
        if self._session.state is not State.FORM:
            return
        errors = {e.field_id: e.reason for e in self._session.check(self._normalised(values))}
        if field_id in errors:
            self._field_errors[field_id] = errors[field_id]
        else:
            self._field_errors.pop(field_id, None)
        self.changed.emit()

    @Slot("QVariant", str, str, result=bool)
    def submitForm(self, values: Any, home_address: str, home_phone: str) -> bool:  # noqa: N802
        """Accept the form and go to the materials (home service: its address and phone)."""
        if self._session.state is not State.FORM:
            return False
        plain = self._normalised(values)
        home = (
            HomeService(home_address.strip(), views.normalise("phone", home_phone))
            if self._session.home
            else None
        )
        ok = self._flow(lambda: self._session.submit_form(plain, home))
        if ok:
            # Materials only the citizen can bring need no choice: settle them now.
            for m in self._session.materials():
                if m.offered is MaterialSource.CITIZEN and m.settlement is None:
                    self._session.bring(m.index)
            self.changed.emit()
        return ok

    # -- materials --------------------------------------------------------------------------

    def _materials(self) -> list[dict[str, Any]]:
        if self._session.state is not State.MATERIALS or self._session.service is None:
            return []
        return views.materials_for_qml(self._session.service, self._session.materials())

    @Slot(int, result=bool)
    def bring(self, index: int) -> bool:
        """Material ``index`` will be handed in at the window."""
        return self._flow(lambda: self._session.bring(index))

    @Slot(int, str, bool, result=bool)
    def commit(self, index: int, text: str, consent: bool) -> bool:
        """Sign the written commitment ``text`` shown on screen for material ``index``."""
        return self._flow(lambda: self._session.commit(index, text, consent))

    @Slot(result=bool)
    def confirmMaterials(self) -> bool:  # noqa: N802
        """Every material settled: on to the review page."""
        ok = self._flow(self._session.confirm_materials)
        if ok:
            self._review = self._masked_review()
            self.changed.emit()
        return ok

    def _masked_review(self) -> dict[str, Any]:
        item = self._session.service
        assert item is not None and item.guide.form is not None
        types = {f.id: f.type.value for f in item.guide.form.fields}
        return views.review_for_qml(self._session.review(), types)

    # -- submit and receipt -----------------------------------------------------------------

    @Slot()
    def submit(self) -> None:
        """Store, queue and print the application (on the executor)."""
        core = self._core
        if self._busy or self._session.state is not State.REVIEW or core is None:
            if core is None:
                self._set_error("not_ready")
            return
        session = self._session

        def task() -> Any:
            return session.submit(core.submit)

        def done(result: Any) -> None:
            self._receipt = views.receipt_for_qml(result, self._review, self._detail)
            self._receipts.append(result.receipt_no)
            self._job_id = result.print_job_id
            self._print_state = "printing"
            finished = self._finished_jobs.pop(result.print_job_id, None)
            if finished is not None:
                self.print_finished(result.print_job_id, *finished)
            if core.after_submit is not None:
                core.after_submit()
            self.submitted.emit()

        def failed(exc: BaseException) -> None:
            reason = getattr(exc, "reason", "")
            log.error("application not submitted: %s", reason or type(exc).__name__)
            self._error = "submit_failed" if not reason else reason

        self._run(task, done, failed)

    @Slot()
    def receiptShown(self) -> None:  # noqa: N802
        """The receipt page is up."""
        if self._session.state is State.SUBMITTED:
            self._session.receipt_shown()

    def print_finished(self, job_id: int, outcome: str, preview: str = "") -> None:
        """A print job ended (GUI thread): ``printed`` or a failure reason."""
        if job_id != self._job_id:
            self._finished_jobs[job_id] = (outcome, preview)
            while len(self._finished_jobs) > 20:
                self._finished_jobs.pop(next(iter(self._finished_jobs)))
            return
        self._print_state = outcome
        self._preview = QUrl.fromLocalFile(preview).toString() if preview else ""
        self.changed.emit()

    @Slot()
    def reprint(self) -> None:
        """Print the receipt again (after the paper was refilled)."""
        core, job_id = self._core, self._job_id
        if core is None or core.reprint is None or job_id is None:
            return
        reprint = core.reprint

        def done(job: Any) -> None:
            self._job_id = job.id
            self._print_state = "printing"
            finished = self._finished_jobs.pop(job.id, None)
            if finished is not None:
                self.print_finished(job.id, *finished)

        self._print_state = "printing"
        self._run(lambda: reprint(job_id), done, lambda exc: self._set_print("error"), busy=False)

    def _set_print(self, state: str) -> None:
        self._print_state = state

    @Slot()
    def closePreview(self) -> None:  # noqa: N802
        """Hide the demo print preview."""
        self._preview = ""
        self.changed.emit()

    def sync_progressed(self) -> None:
        """The outbox moved (GUI thread): look for central's case number of the receipt."""
        core = self._core
        receipt_no = self._receipt.get("receipt_no", "")
        if core is None or not receipt_no or self._case_no:
            return
        lookup = core.case_no

        def found(case_no: str | None) -> None:
            if case_no and self._receipt.get("receipt_no") == receipt_no:
                self._case_no = case_no

        self._run(lambda: lookup(receipt_no), found, lambda exc: None, busy=False)

    # -- back and cancel --------------------------------------------------------------------

    @Slot(str)
    def returnTo(self, step: str) -> None:  # noqa: N802
        """The page of ``step`` is showing again (the citizen went back): wind the session
        back to it. Going back past the card step forgets who was identified."""
        try:
            target = State(step)
        except ValueError:
            return
        if self._busy or target not in _ORDER or self._session.state not in _ORDER:
            return
        changed = False
        while _ORDER.index(self._session.state) > _ORDER.index(target):
            try:
                self._session.back()
            except FlowError:
                break
            changed = True
        if changed:
            self._error, self._field_errors = "", {}
            if self._session.state is State.REVIEW:
                self._review = self._masked_review()
            self.changed.emit()

    @Slot()
    def cancel(self) -> None:
        """取消办理: drop the application and the card; nothing of it stays behind."""
        self._card.clear()
        self.clear()

    # -- rating (好差评) ----------------------------------------------------------------------

    def _ensure_visit_id(self) -> str:
        if not self._visit_id:
            self._visit_id = uuid.uuid4().hex
        return self._visit_id

    @Slot(int, "QVariant", "QVariant", str)
    def rate(self, level: int, criteria: Any, reasons: Any, comment: str) -> None:
        """Queue the rating of this visit (one per visit)."""
        from kiosk.services.evaluate import Rating

        core = self._core
        if core is None:
            self._set_error("not_ready")
            return
        if self._rating_state == "sent":
            self._set_error("already_rated")
            return
        crit = criteria.toVariant() if hasattr(criteria, "toVariant") else criteria
        why = reasons.toVariant() if hasattr(reasons, "toVariant") else reasons
        rating = Rating(
            level=int(level),
            criteria={str(k): int(v) for k, v in dict(crit or {}).items() if v},
            reasons=tuple(str(r) for r in (why or [])),
            comment=comment,
        )
        visit_id = self._ensure_visit_id()
        receipt_no = self._receipts[-1] if self._receipts else None
        rate = core.rate

        def done(_key: str) -> None:
            self._rating_state = "sent"
            self._finish_rating()
            if core.after_submit is not None:
                core.after_submit()
            self.rated.emit()

        def failed(exc: BaseException) -> None:
            reason = getattr(exc, "reason", "")
            log.info("rating not taken: %s", reason or type(exc).__name__)
            self._error = reason or "rating_failed"
            if reason == "already_rated":
                self._rating_state = "sent"

        self._run(lambda: rate(visit_id, rating, receipt_no), done, failed)

    @Slot()
    def skipRating(self) -> None:  # noqa: N802
        """The citizen does not want to rate: nothing is written."""
        self._finish_rating()
        self._rating_state = self._rating_state or "skipped"
        self.changed.emit()
        self.rated.emit()

    def _finish_rating(self) -> None:
        if self._session.state in (State.SUBMITTED, State.RECEIPT):
            self._session.finish_rating()

    # -- appointments (预约) ------------------------------------------------------------------

    @Slot(str)
    def loadSlots(self, code: str) -> None:  # noqa: N802
        """Ask central for the free slots of ``code`` over the coming days."""
        core = self._core
        self._slots, self._slot_days, self._appointment = [], [], {}
        if core is None or not code:
            self._slots_state = "" if core is not None else "offline"
            self.changed.emit()
            return
        self._slots_state = "loading"
        free_slots = core.free_slots

        def done(slots: list[Any]) -> None:
            self._slots = slots
            self._slot_days = views.slots_for_qml(slots)
            self._slots_state = "loaded" if slots else "none"

        def failed(exc: BaseException) -> None:
            self._slots_state = getattr(exc, "reason", "") or "appointments_offline"
            log.info("appointment slots not loaded: %s", self._slots_state)

        self._run(lambda: free_slots(code, date.today()), done, failed)

    @Slot(str, str)
    def book(self, code: str, start: str) -> None:
        """Book the slot starting at ``start`` (ISO) for the card holder."""
        core = self._core
        identity = self._card.identity
        slot = next((s for s in self._slots if s.start.isoformat() == start), None)
        if core is None or slot is None:
            self._set_error("no_such_slot")
            return
        if identity is None:
            self._set_error("card_missing")
            return
        number = identity.id_number
        book = core.book

        def done(appointment: Any) -> None:
            begin: datetime = appointment.slot_start
            end: datetime = appointment.slot_end
            self._appointment = {
                "day": begin.date().isoformat(),
                "time": f"{begin:%H:%M}-{end:%H:%M}",
                "service_name": self._items[code].name if code in self._items else "",
            }
            self._slots_state = "booked"
            self.booked.emit()

        def failed(exc: BaseException) -> None:
            self._error = getattr(exc, "reason", "") or "booking_refused"
            log.info("appointment not booked: %s", self._error)

        self._run(lambda: book(code, slot, number), done, failed)

    # -- properties -------------------------------------------------------------------------

    def _step(self) -> str:
        state = self._session.state
        return "" if state in (State.CHOOSE, State.CANCELLED) else state.value

    step = Property(str, _step, notify=changed)
    busy = Property(bool, lambda self: self._busy, notify=changed)
    error = Property(str, lambda self: self._error, notify=changed)
    fieldErrors = Property("QVariantMap", lambda self: dict(self._field_errors), notify=changed)  # type: ignore[arg-type]  # noqa: N815
    services = Property(list, _services, notify=changed)
    query = Property(str, lambda self: self._query, notify=changed)
    service = Property("QVariantMap", lambda self: self._detail, notify=changed)  # type: ignore[arg-type]
    onBehalf = Property(bool, lambda self: self._session.on_behalf, notify=changed)  # noqa: N815
    homeService = Property(bool, lambda self: self._session.home, notify=changed)  # noqa: N815
    fields = Property(list, _fields, notify=changed)
    materials = Property(list, _materials, notify=changed)
    review = Property("QVariantMap", lambda self: self._review, notify=changed)  # type: ignore[arg-type]
    receipt = Property("QVariantMap", lambda self: self._receipt, notify=changed)  # type: ignore[arg-type]
    receiptCount = Property(int, lambda self: len(self._receipts), notify=changed)  # noqa: N815
    caseNo = Property(str, lambda self: self._case_no, notify=changed)  # noqa: N815
    printState = Property(str, lambda self: self._print_state, notify=changed)  # noqa: N815
    previewUrl = Property(str, lambda self: self._preview, notify=changed)  # noqa: N815
    ratingState = Property(str, lambda self: self._rating_state, notify=changed)  # noqa: N815
    slotDays = Property(list, lambda self: self._slot_days, notify=changed)  # noqa: N815
    slotsState = Property(str, lambda self: self._slots_state, notify=changed)  # noqa: N815
    appointment = Property("QVariantMap", lambda self: self._appointment, notify=changed)  # type: ignore[arg-type]
