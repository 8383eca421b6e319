"""View-model of the progress screens (进度查询), bound as ``progress``: the card holder's
cases (``ProgressService.by_card``), the case of a typed receipt number (``by_receipt``) or of
the receipt's QR code from the scanner (``by_scan``).

Every query runs through :class:`~ui.ops.Ops`: off the GUI thread, ``busy`` meanwhile, the
answer dropped when the visit has ended. QML gets reason CODES (``not_found`` …).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.visit import Visit
from ui.ops import Dispatcher, Ops
from ui.viewmodels.followups import stamp

log = logging.getLogger(__name__)

NameLookup = Callable[[str], str]


class ProgressViewModel(QObject):
    """Bound as ``progress``: cases by card, by receipt number, by the receipt's QR code.

    ``mode``: card | receipt | scan. Scans from the scanner count only while the scan page
    listens (:meth:`listen`); ``answered`` tells the entry page to show the cases.
    """

    changed = Signal()
    answered = Signal()
    centralAnswered = Signal(bool)  # the cases came from central, or (offline) from the terminal

    def __init__(self, dispatcher: Dispatcher, visit: Visit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._visit = visit
        self._ops = Ops(dispatcher, visit, "progress", self.changed.emit, wipe=self._wipe)
        self._service: Any = None
        self._service_name: NameLookup = lambda code: code
        self._simulate: Callable[[], bool] | None = None
        self._prefix = ""
        self._has_scanner = False
        self._scanner_ok = True
        self._wipe()

    def _wipe(self) -> None:  # end of visit: forget the cases, stop listening for scans
        self._cases: list[dict[str, Any]] = []
        self._offline = False
        self._fetched = ""
        self._mode = ""
        self._listeners = 0

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
        self._service = service
        self._ops.attach(executor)
        self._service_name, self._prefix = service_name, receipt_prefix
        self._has_scanner, self._simulate = has_scanner, simulate_scan
        self.changed.emit()

    @Slot()
    def dismiss(self) -> None:
        """Forget the last error sentence (the citizen starts typing again)."""
        self._ops.set_reason("")

    @Slot()
    def byCard(self) -> None:  # noqa: N802 - Qt naming
        """The card holder's own cases, in full."""
        identity, service = self._visit.identity, self._service
        self._mode = "card"
        if identity is None:
            self._cases = []
            self._ops.set_reason("card_required")
            return
        self._ops.run(lambda: self._views(service.by_card(identity)), self._show)

    @Slot(str)
    def byReceipt(self, receipt_no: str) -> None:  # noqa: N802
        """The case of a typed receipt number (status without personal data)."""
        text = receipt_no.strip().upper().replace(" ", "")
        self._mode = "receipt"
        if not text:
            self._ops.set_reason("receipt_empty")
            return
        identity, service = self._visit.identity, self._service
        self._ops.run(lambda: self._views(service.by_receipt(text, identity)), self._show)

    def on_scan(self, data: str) -> bool:
        """A code from the scanner (GUI thread); taken (True) only while the scan page
        listens."""
        if self._listeners == 0 or self._ops.busy:
            return False
        identity, service = self._visit.identity, self._service
        self._mode = "scan"
        self._ops.run(lambda: self._views(service.by_scan(data, identity)), self._show)
        return True

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
            self._ops.set_reason("")
        self.changed.emit()

    @Slot()
    def simulateScan(self) -> None:  # noqa: N802
        """Demo: send a sample receipt's QR code through the simulated scanner."""
        if self._simulate is None or not self._simulate():
            self._ops.set_reason("no_demo_receipt")

    def _views(self, answer: Any) -> dict[str, Any]:
        # On the worker thread: the catalog lookup for service names is store work.
        cases = [self._case(c) for c in answer.cases]
        fetched = min((c.fetched_at for c in answer.cases), default=None)
        return {"cases": cases, "offline": answer.offline, "fetched": stamp(fetched)}

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
            "promised_estimated": case.promised_estimated,
            "final": case.final,
            "parallel": case.parallel,
            "owner": case.owner,
            "missing": list(case.missing_materials),
            "updated": stamp(case.updated_at),
            "departments": [
                {
                    "department": d.department,
                    "state": d.state,
                    "step": d.step,
                    "note": d.note,
                    "updated": stamp(d.updated_at),
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
        self.centralAnswered.emit(bool(result["offline"]))
        self.answered.emit()

    busy = Property(bool, lambda self: self._ops.busy, notify=changed)
    reason = Property(str, lambda self: self._ops.reason, notify=changed)
    cases = Property(list, lambda self: self._cases, notify=changed)
    offline = Property(bool, lambda self: self._offline, notify=changed)
    fetchedAt = Property(str, lambda self: self._fetched, notify=changed)
    mode = Property(str, lambda self: self._mode, notify=changed)
    listening = Property(bool, lambda self: self._listeners > 0, notify=changed)
    hasScanner = Property(bool, lambda self: self._has_scanner, notify=changed)
    scannerOk = Property(bool, lambda self: self._scanner_ok, notify=changed)
    canSimulate = Property(bool, lambda self: self._simulate is not None, notify=changed)
    receiptPrefix = Property(str, lambda self: self._prefix, notify=changed)
