"""View-models of the progress (进度查询), consultation (咨询) and complaint (投诉) screens.

Every service call runs on the core's task executor; results come back through the
dispatcher. QML gets reason CODES (``not_found``, ``invalid_phone`` …) and words them itself.
Results of a task started before :meth:`clear` (end of visit) are dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.domain.identity import mask_number
from ui.bridge import GuiDispatcher

log = logging.getLogger(__name__)

IdentitySource = Callable[[], Any]
NameLookup = Callable[[str], str]


def _stamp(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def _category_codes() -> list[str]:
    from kiosk.services.complaints import CATEGORIES

    return [c.code for c in CATEGORIES]


def mask_phone(phone: str) -> str:
    """``13912345678`` → ``139****5678``; other numbers keep only their ends."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if len(digits) >= 11:
        return digits[:3] + "****" + digits[-4:]
    return mask_number(digits)


class _Tasks:
    """busy / reason handling shared by the three view-models (a plain mixin).

    Each view-model is a direct QObject subclass declaring its own signals, slots and
    properties: in PySide6 6.12 a property whose notify signal lives in a base class is not
    bindable in QML, and a base class with slots or several signals crashes QML reads.
    """

    changed: Any  # the concrete class's Signal
    log_name = "inquiry"

    def _init_tasks(self, dispatcher: GuiDispatcher) -> None:
        self._dispatcher = dispatcher
        self._executor: Any = None
        self._service: Any = None
        self._busy = False
        self._reason = ""
        self._visit = 0  # grows at every clear(): late answers of an ended visit are dropped

    def _run(self, task: Callable[[], Any], done: Callable[[Any], None]) -> None:
        if self._executor is None or self._service is None:
            self._set_reason("not_ready")
            return
        visit = self._visit
        self._busy, self._reason = True, ""
        self.changed.emit()
        finish = self._dispatcher.wrap(self._finish)
        fail = self._dispatcher.wrap(self._fail)
        self._executor.submit(
            task,
            on_done=lambda result: finish(visit, done, result),
            on_error=lambda e: fail(visit, e),
        )

    def _finish(self, visit: int, done: Callable[[Any], None], result: Any) -> None:
        if visit != self._visit:
            return
        self._busy = False
        done(result)
        self.changed.emit()

    def _fail(self, visit: int, exc: BaseException) -> None:
        if visit != self._visit:
            return
        # Imported here: the first frame must not wait for the core's modules.
        from kiosk.services.common import ServiceError

        if isinstance(exc, ServiceError):
            log.info("%s: %s", self.log_name, exc.reason)
            reason = exc.reason
        else:
            log.error("%s task failed: %s", self.log_name, exc.__class__.__name__, exc_info=exc)
            reason = "failed"
        self._busy = False
        self._set_reason(reason)

    def _set_reason(self, reason: str) -> None:
        self._reason = reason
        self.changed.emit()

    def _dismiss(self) -> None:
        self._set_reason("")

    def _reset(self) -> None:
        self._visit += 1
        self._busy, self._reason = False, ""


class ProgressViewModel(QObject, _Tasks):
    """Bound as ``progress``: cases by card, by receipt number, by the receipt's QR code.

    ``mode``: card | receipt | scan. Scans from the scanner count only while the scan page
    listens (:meth:`listen`); ``answered`` tells the entry page to show the cases.
    """

    changed = Signal()
    answered = Signal()
    log_name = "progress"

    def __init__(
        self,
        dispatcher: GuiDispatcher,
        identity: IdentitySource,
        parent: QObject | None = None,
    ) -> None:
        QObject.__init__(self, parent)
        self._init_tasks(dispatcher)
        self._identity = identity
        self._service_name: NameLookup = lambda code: code
        self._simulate: Callable[[], bool] | None = None
        self._prefix = ""
        self._cases: list[dict[str, Any]] = []
        self._offline = False
        self._fetched = ""
        self._mode = ""
        self._listeners = 0
        self._has_scanner = False
        self._scanner_ok = True

    def attach(
        self,
        service: Any,
        executor: Any,
        *,
        service_name: NameLookup,
        receipt_prefix: str,
        has_scanner: bool,
        simulate_scan: Callable[[], bool] | None = None,
    ) -> None:
        """Connect to the core once it is up (GUI thread)."""
        self._service, self._executor = service, executor
        self._service_name, self._prefix = service_name, receipt_prefix
        self._has_scanner, self._simulate = has_scanner, simulate_scan
        self.changed.emit()

    @Slot()
    def dismiss(self) -> None:
        """Forget the last error sentence (the citizen starts typing again)."""
        self._dismiss()

    @Slot()
    def byCard(self) -> None:  # noqa: N802 - Qt naming
        """The card holder's own cases, in full."""
        identity, service = self._identity(), self._service
        self._mode = "card"
        if identity is None:
            self._cases = []
            self._set_reason("card_required")
            return
        self._run(lambda: self._views(service.by_card(identity)), self._show)

    @Slot(str)
    def byReceipt(self, receipt_no: str) -> None:  # noqa: N802
        """The case of a typed receipt number (status without personal data)."""
        text = receipt_no.strip().upper().replace(" ", "")
        self._mode = "receipt"
        if not text:
            self._set_reason("receipt_empty")
            return
        identity, service = self._identity(), self._service
        self._run(lambda: self._views(service.by_receipt(text, identity)), self._show)

    def on_scan(self, data: str) -> None:
        """A code from the scanner (GUI thread); ignored unless the scan page listens."""
        if self._listeners == 0 or self._busy:
            log.info("scan ignored: no page is waiting for one")
            return
        identity, service = self._identity(), self._service
        self._mode = "scan"
        self._run(lambda: self._views(service.by_scan(data, identity)), self._show)

    def on_scanner_lost(self, _reason: str) -> None:
        """The scanner's port failed (cable out)."""
        self._scanner_ok = False
        self.changed.emit()

    def on_scanner_back(self) -> None:
        """The scanner works again."""
        self._scanner_ok = True
        self.changed.emit()

    @Slot(bool)
    def listen(self, on: bool) -> None:
        """A scan page came on screen / went away. Counted, because the page that goes away
        may be destroyed only after the next one is shown."""
        self._listeners = self._listeners + 1 if on else max(0, self._listeners - 1)
        if on:
            self._reason = ""
        self.changed.emit()

    @Slot()
    def simulateScan(self) -> None:  # noqa: N802
        """Demo: send a sample receipt's QR code through the simulated scanner."""
        if self._simulate is None or not self._simulate():
            self._set_reason("no_demo_receipt")

    def _views(self, answer: Any) -> dict[str, Any]:
        # On the worker thread: the catalog lookup for service names is store work.
        cases = [self._case(c) for c in answer.cases]
        fetched = min((c.fetched_at for c in answer.cases), default=None)
        return {"cases": cases, "offline": answer.offline, "fetched": _stamp(fetched)}

    def _case(self, case: Any) -> dict[str, Any]:
        try:
            name = self._service_name(case.service_code)
        except Exception:  # a withdrawn service: show its code
            name = case.service_code
        return {
            "case_no": case.case_no,
            "receipt_no": case.receipt_no,
            "service_name": name,
            "state": case.state,
            "promised_date": case.promised_date.isoformat() if case.promised_date else "",
            "overdue": case.overdue,
            "final": case.final,
            "parallel": case.parallel,
            "owner": case.owner,
            "updated": _stamp(case.updated_at),
            "departments": [
                {
                    "department": d.department,
                    "state": d.state,
                    "step": d.step,
                    "note": d.note,
                    "updated": _stamp(d.updated_at),
                }
                for d in case.departments
            ],
        }

    def _show(self, result: dict[str, Any]) -> None:
        self._cases, self._offline, self._fetched = (
            result["cases"],
            result["offline"],
            result["fetched"],
        )
        self.answered.emit()

    def clear(self) -> None:
        """End of visit: forget the cases and stop listening for scans."""
        self._reset()
        self._cases, self._offline, self._fetched, self._mode = [], False, "", ""
        self._listeners = 0
        self.changed.emit()

    busy = Property(bool, lambda self: self._busy, notify=changed)
    reason = Property(str, lambda self: self._reason, notify=changed)
    cases = Property(list, lambda self: self._cases, notify=changed)
    offline = Property(bool, lambda self: self._offline, notify=changed)
    fetchedAt = Property(str, lambda self: self._fetched, notify=changed)
    mode = Property(str, lambda self: self._mode, notify=changed)
    listening = Property(bool, lambda self: self._listeners > 0, notify=changed)
    hasScanner = Property(bool, lambda self: self._has_scanner, notify=changed)
    scannerOk = Property(bool, lambda self: self._scanner_ok, notify=changed)
    canSimulate = Property(bool, lambda self: self._simulate is not None, notify=changed)
    receiptPrefix = Property(str, lambda self: self._prefix, notify=changed)


class _FollowUps(_Tasks):
    """Filing (tracking number + slip) and looking up by tracking number (a plain mixin)."""

    filed: Any  # the concrete class's Signal

    def _init_follow_ups(self, dispatcher: GuiDispatcher) -> None:
        self._init_tasks(dispatcher)
        self._watcher: Any = None
        self._tracking = ""
        self._masked_phone = ""
        self._slip = ""
        self._status: dict[str, Any] = {}

    def _attach(self, service: Any, executor: Any, watcher: Any) -> None:
        self._service, self._executor, self._watcher = service, executor, watcher
        self.changed.emit()

    def _filed(self, result: Any, masked_phone: str) -> None:
        self._tracking, self._masked_phone = result.tracking_no, masked_phone
        job = result.print_job
        if job is None or self._watcher is None:
            self._slip = "failed"
        else:
            self._slip = "printing"
            visit = self._visit
            self._watcher.watch(job.id, self._dispatcher.wrap(lambda o: self._slip_done(visit, o)))
        self.filed.emit()

    def _slip_done(self, visit: int, outcome: str) -> None:
        if visit == self._visit:
            self._slip = outcome
            self.changed.emit()

    def _lookup(self, tracking_no: str) -> None:
        text = tracking_no.strip().upper().replace(" ", "")
        self._status = {}
        if not text:
            self._set_reason("number_empty")
            return
        self._run(lambda: self._ask(text), self._show_status)

    def _ask(self, tracking_no: str) -> Any:
        raise NotImplementedError

    def _show_status(self, view: Any) -> None:
        self._status = {
            "tracking_no": view.tracking_no,
            "state": view.state,
            "answer": view.answer,
            "offline": view.offline,
            "fetched": _stamp(view.fetched_at),
            "created": _stamp(view.created_at),
        }

    def _clear_follow_up(self) -> None:
        self._reset()
        self._tracking, self._masked_phone, self._slip, self._status = "", "", "", {}


class ConsultViewModel(QObject, _FollowUps):
    """Bound as ``consult``: a service's FAQ and phone, questions, answers."""

    changed = Signal()
    filed = Signal()
    log_name = "consult"

    def __init__(self, dispatcher: GuiDispatcher, parent: QObject | None = None) -> None:
        QObject.__init__(self, parent)
        self._init_follow_ups(dispatcher)
        self._info: dict[str, Any] = {}

    def attach(self, service: Any, executor: Any, watcher: Any) -> None:
        """Connect to the core's ConsultService."""
        self._attach(service, executor, watcher)

    @Slot()
    def dismiss(self) -> None:
        """Forget the last error sentence (the citizen starts typing again)."""
        self._dismiss()

    @Slot(str)
    def lookup(self, tracking_no: str) -> None:
        """State (and answer) of a tracking number."""
        self._lookup(tracking_no)

    @Slot(str)
    def openService(self, code: str) -> None:  # noqa: N802
        """Load the consultation details of service ``code``."""
        self._info = {}
        service = self._service
        self._run(lambda: service.info(code), self._show_info)

    @Slot()
    def openOther(self) -> None:  # noqa: N802
        """A question about no particular service."""
        self._info = {"other": True}
        self._reason = ""
        self.changed.emit()

    def _show_info(self, info: Any) -> None:
        self._info = {
            "service_code": info.service_code,
            "service_name": info.service_name,
            "phone": info.phone,
            "place": info.place,
            "hours": info.hours,
            "complaint_phone": info.complaint_phone,
            "faq": [{"question": f.question, "answer": f.answer} for f in info.faq],
        }

    @Slot(str, str, str)
    def ask(self, topic: str, text: str, phone: str) -> None:
        """Leave a question; the answer will come to ``phone``."""
        service, code = self._service, self._info.get("service_code")
        masked = mask_phone(phone)
        self._run(
            lambda: service.ask(topic, text, phone, service_code=code),
            lambda filed: self._filed(filed, masked),
        )

    def _ask(self, tracking_no: str) -> Any:
        return self._service.answer(tracking_no)

    def clear(self) -> None:
        """End of visit."""
        self._clear_follow_up()
        self._info = {}
        self.changed.emit()

    busy = Property(bool, lambda self: self._busy, notify=changed)
    reason = Property(str, lambda self: self._reason, notify=changed)
    trackingNo = Property(str, lambda self: self._tracking, notify=changed)
    maskedPhone = Property(str, lambda self: self._masked_phone, notify=changed)
    slipState = Property(str, lambda self: self._slip, notify=changed)
    status = Property(dict, lambda self: self._status, notify=changed)
    info = Property(dict, lambda self: self._info, notify=changed)


class ComplaintViewModel(QObject, _FollowUps):
    """Bound as ``complaints``: file a complaint (named or anonymous), look one up."""

    changed = Signal()
    filed = Signal()
    log_name = "complaints"

    def __init__(
        self, dispatcher: GuiDispatcher, identity: IdentitySource, parent: QObject | None = None
    ) -> None:
        QObject.__init__(self, parent)
        self._init_follow_ups(dispatcher)
        self._identity = identity
        self._anonymous = False

    def attach(self, service: Any, executor: Any, watcher: Any) -> None:
        """Connect to the core's ComplaintService."""
        self._attach(service, executor, watcher)

    @Slot()
    def dismiss(self) -> None:
        """Forget the last error sentence (the citizen starts typing again)."""
        self._dismiss()

    @Slot(str)
    def lookup(self, tracking_no: str) -> None:
        """State (and answer) of a tracking number."""
        self._lookup(tracking_no)

    @Slot(str, str, bool, str, str, str, str)
    def file(
        self,
        category: str,
        text: str,
        anonymous: bool,
        phone: str,
        against_service: str,
        against_window: str,
        against_staff: str,
    ) -> None:
        """File the complaint. Anonymous: neither the card nor the phone is handed on."""
        service = self._service
        identity = None if anonymous else self._identity()
        phone = "" if anonymous else phone
        masked = mask_phone(phone) if phone.strip() else ""

        def task() -> Any:
            return service.file(
                category,
                text,
                anonymous=anonymous,
                identity=identity,
                phone=phone,
                against_service=against_service.strip() or None,
                against_window=against_window.strip() or None,
                against_staff=against_staff.strip() or None,
            )

        def done(filed: Any) -> None:
            self._anonymous = anonymous
            self._filed(filed, masked)

        self._run(task, done)

    def _ask(self, tracking_no: str) -> Any:
        return self._service.status(tracking_no)

    def clear(self) -> None:
        """End of visit."""
        self._clear_follow_up()
        self._anonymous = False
        self.changed.emit()

    busy = Property(bool, lambda self: self._busy, notify=changed)
    reason = Property(str, lambda self: self._reason, notify=changed)
    trackingNo = Property(str, lambda self: self._tracking, notify=changed)
    maskedPhone = Property(str, lambda self: self._masked_phone, notify=changed)
    slipState = Property(str, lambda self: self._slip, notify=changed)
    status = Property(dict, lambda self: self._status, notify=changed)
    categories = Property(list, lambda self: _category_codes(), constant=True)
    anonymous = Property(bool, lambda self: self._anonymous, notify=changed)
