"""View-model of the follow-up status page (查询答复 / 查询处理进度), bound as
``followUpStatus``: the state, and the answer once given, of a question
(``ConsultService.answer``) or a complaint (``ComplaintService.status``) by its tracking
number. Offline, the last known state is shown with the time it was fetched.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.visit import Visit
from ui.ops import Dispatcher, Ops
from ui.viewmodels.followups import stamp

KINDS = ("consultation", "complaint")


class FollowUpStatusViewModel(QObject):
    """Bound as ``followUpStatus``. ``status``: {} or the tracking number's state."""

    changed = Signal()

    def __init__(self, dispatcher: Dispatcher, visit: Visit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = Ops(dispatcher, visit, "follow-up status", self.changed.emit, wipe=self._wipe)
        self._services: dict[str, Any] = {}
        self._status: dict[str, Any] = {}

    def attach(self, consult: Any, complaints: Any, executor: Any) -> None:
        """Connect to the core's ConsultService and ComplaintService."""
        self._services = {"consultation": consult.answer, "complaint": complaints.status}
        self._ops.attach(executor)

    @Slot()
    def dismiss(self) -> None:
        """Forget the last error sentence (the citizen types another number)."""
        self._ops.set_reason("")

    @Slot(str, str)
    def lookup(self, kind: str, tracking_no: str) -> None:
        """State (and answer) of tracking number ``tracking_no`` of ``kind``."""
        text = tracking_no.strip().upper().replace(" ", "")
        self._status = {}
        if not text:
            self._ops.set_reason("number_empty")
            return
        ask = self._services.get(kind if kind in KINDS else "consultation")
        if ask is None:
            self._ops.set_reason("not_ready")
            return
        self._ops.run(lambda: ask(text), self._show, latest="lookup")

    def _show(self, view: Any) -> None:
        self._status = {
            "tracking_no": view.tracking_no,
            "state": view.state,
            "answer": view.answer,
            "offline": view.offline,
            "fetched": stamp(view.fetched_at),
            "created": stamp(view.created_at),
        }

    def _wipe(self) -> None:
        self._status = {}

    busy = Property(bool, lambda self: self._ops.busy, notify=changed)
    reason = Property(str, lambda self: self._ops.reason, notify=changed)
    status = Property(dict, lambda self: self._status, notify=changed)
