"""View-model of the follow-up status page (查询答复 / 查询处理进度), bound as
``followUpStatus``: the state, and the answer once given, of a question
(``ConsultService.answer``) or a complaint (``ComplaintService.status``) by its tracking
number. Offline, the last known state is shown with the time it was fetched.

A bad rating's 整改 (``rectification``, ``EvaluationService.rectification``) shows its plan as
central answered it (owner, deadline, action, result); once closed the citizen may appeal it
once (:meth:`appeal`, ``EvaluationService.appeal``), refusals coming back as reason codes.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.visit import Visit
from ui.ops import Dispatcher, Ops
from ui.viewmodels.followups import stamp

KINDS = ("consultation", "complaint", "rectification")


class FollowUpStatusViewModel(QObject):
    """Bound as ``followUpStatus``. ``status``: {} or the tracking number's state."""

    changed = Signal()

    def __init__(self, dispatcher: Dispatcher, visit: Visit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = Ops(dispatcher, visit, "follow-up status", self.changed.emit, wipe=self._wipe)
        self._services: dict[str, Any] = {}
        self._status: dict[str, Any] = {}
        self._appeal: Any = None
        self._appealed_now = False

    def attach(self, consult: Any, complaints: Any, executor: Any, evaluation: Any = None) -> None:
        """Connect to the core's ConsultService, ComplaintService and EvaluationService."""
        self._services = {"consultation": consult.answer, "complaint": complaints.status}
        if evaluation is not None:
            self._services["rectification"] = evaluation.rectification
            self._appeal = evaluation.appeal
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
        self._appealed_now = False
        if not text:
            self._ops.set_reason("number_empty")
            return
        ask = self._services.get(kind if kind in KINDS else "consultation")
        if ask is None:
            self._ops.set_reason("not_ready")
            return
        self._ops.run(lambda: ask(text), self._show, latest="lookup")

    @Slot(str)
    def appeal(self, reason: str) -> None:
        """申诉 the 整改 on screen (once), with one of the short reasons."""
        number = str(self._status.get("tracking_no", ""))
        if not number or self._status.get("kind") != "rectification" or self._appeal is None:
            self._ops.set_reason("not_appealable")
            return
        if not reason:
            self._ops.set_reason("appeal_reason_required")
            return
        appeal = self._appeal

        def appealed(view: Any) -> None:
            self._appealed_now = True
            self._show(view)

        self._ops.run(lambda: appeal(number, reason), appealed, latest="appeal")

    def _show(self, view: Any) -> None:
        deadline = getattr(view, "deadline", None)
        self._status = {
            "tracking_no": view.tracking_no,
            "kind": view.kind,
            "state": view.state,
            "answer": view.answer,
            "offline": view.offline,
            "fetched": stamp(view.fetched_at),
            "created": stamp(view.created_at),
            "deadline": f"{deadline.year}年{deadline.month}月{deadline.day}日" if deadline else "",
            "owner": getattr(view, "owner", ""),
            "action": getattr(view, "action", ""),
            "result": getattr(view, "result", ""),
            "appealed": bool(getattr(view, "appealed", False)),
            "appealedNow": self._appealed_now,
        }

    def _wipe(self) -> None:
        self._status = {}
        self._appealed_now = False

    busy = Property(bool, lambda self: self._ops.busy, notify=changed)
    reason = Property(str, lambda self: self._ops.reason, notify=changed)
    status = Property(dict, lambda self: self._status, notify=changed)
