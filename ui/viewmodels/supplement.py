"""View-model of the 补正 screens, bound as ``supplement``: a case in 待补正 found through
progress, each material staff asked for scanned at the document camera (the scan page,
through :meth:`~ui.viewmodels.scan.ScanViewModel.open_for`), then 提交补正
(:class:`~kiosk.services.supplement.SupplementService` on ``core-tasks``) and the result.

The scans are PDFs held here in memory until 提交补正 hands them to the sealed store; the
visit's end forgets them (``Ops`` wipe). QML gets reason codes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.visit import Visit
from ui.ops import Dispatcher, Ops

if TYPE_CHECKING:
    from kiosk.domain.application import Document
    from ui.viewmodels.scan import ScanViewModel

log = logging.getLogger(__name__)

# Pages per material of a 补正: staff's words carry no catalog limit.
MAX_PAGES = 10


@dataclass(frozen=True)
class AwaitingCase:
    """The case as progress showed it (what :meth:`SupplementService.supplement` reads)."""

    case_no: str
    receipt_no: str
    state: str
    missing_materials: list[str]


class SupplementViewModel(QObject):
    """Bound as ``supplement``."""

    changed = Signal()
    submitted = Signal()  # the 补正 was kept (and sent, or queued): show the result page

    def __init__(
        self,
        dispatcher: Dispatcher,
        visit: Visit,
        scan: ScanViewModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._scan = scan
        self._ops = Ops(dispatcher, visit, "supplement", self.changed.emit, wipe=self._wipe)
        self._service: Any = None
        self._applicant: Callable[[], str] = lambda: ""
        self._wipe()

    def _wipe(self) -> None:
        self._case: AwaitingCase | None = None
        self._scans: dict[str, Document] = {}
        self._result: Any = None

    def attach(self, service: Any, executor: Any, applicant: Callable[[], str]) -> None:
        """Connect to the core (GUI thread); ``applicant``: the masked name for the slip."""
        self._service, self._applicant = service, applicant
        self._ops.attach(executor)
        self.changed.emit()

    @Slot("QVariantMap", result=bool)
    def begin(self, case: dict[str, Any]) -> bool:
        """Start the 补正 of ``case`` (one of ``progress.cases``)."""
        missing = [str(m) for m in case.get("missing", [])]
        if case.get("state") != "supplement_needed" or not missing:
            self._ops.set_reason("not_awaiting")
            return False
        self._wipe()
        self._case = AwaitingCase(
            str(case.get("case_no", "")),
            str(case.get("receipt_no", "")),
            "supplement_needed",
            missing,
        )
        self._ops.set_reason("")
        self.changed.emit()
        return True

    @Slot(int, result=bool)
    def scanMaterial(self, index: int) -> bool:  # noqa: N802 - Qt naming
        """扫描补正 for material ``index``: the scan page opens for it."""
        if self._case is None or not 0 <= index < len(self._case.missing_materials):
            return False
        name = self._case.missing_materials[index]
        return self._scan.open_for(name, MAX_PAGES, lambda doc: self._scanned(name, doc))

    def _scanned(self, name: str, document: Document) -> None:
        if self._case is not None:
            self._scans[name] = document
            self.changed.emit()

    @Slot()
    def submit(self) -> None:
        """提交补正: keep, send (or queue) and print, off the GUI thread."""
        case = self._case
        if case is None or not self._ready() or self._ops.busy or self._service is None:
            return
        scans = [(name, self._scans[name]) for name in case.missing_materials]
        applicant = self._applicant()
        self._ops.run(
            lambda: self._service.supplement(case, applicant, scans),
            self._done,
        )

    def _done(self, result: Any) -> None:
        self._result = result
        self._scans = {}
        self.changed.emit()
        self.submitted.emit()

    def _ready(self) -> bool:
        return self._case is not None and all(
            m in self._scans for m in self._case.missing_materials
        )

    def _materials(self) -> list[dict[str, Any]]:
        if self._case is None:
            return []
        return [
            {
                "name": m,
                "scanned": m in self._scans,
                "pages": self._scans[m].pages if m in self._scans else 0,
            }
            for m in self._case.missing_materials
        ]

    def _slip(self) -> list[dict[str, Any]]:
        if self._result is None:
            return []
        return [{"name": n, "pages": p} for n, p in self._result.materials]

    busy = Property(bool, lambda self: self._ops.busy, notify=changed)
    error = Property(str, lambda self: self._ops.reason, notify=changed)
    receiptNo = Property(  # noqa: N815
        str, lambda self: self._case.receipt_no if self._case else "", notify=changed
    )
    materials = Property(list, _materials, notify=changed)
    ready = Property(bool, _ready, notify=changed)
    done = Property(bool, lambda self: self._result is not None, notify=changed)
    sent = Property(bool, lambda self: bool(self._result and self._result.sent), notify=changed)
    supplied = Property(list, _slip, notify=changed)
