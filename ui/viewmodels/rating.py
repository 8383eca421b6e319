"""View-model of the rating page (好差评), bound as ``rating``.

One rating per visit, keyed by the visit's id (``EvaluationService.rate`` refuses a second
one as ``already_rated``); it refers to the visit's last receipt, if any. Skipping writes
nothing. ``ratingState``: "" | sent | skipped.

A bad rating (不满意, 非常不满意) comes back with its 整改 number (``trackingNo``); the promise
to visit back is shown only when central recorded it (``followUpConfirmed``, with central's
``deadline``), otherwise the page says the number can be looked up once it has arrived.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from ui.ops import Dispatcher, Failure, Ops
from ui.viewmodels.apply_flow import ApplyFlow


def _plain(value: Any) -> Any:
    return value.toVariant() if hasattr(value, "toVariant") else value


class RatingViewModel(QObject):
    """Bound as ``rating``."""

    changed = Signal()
    rated = Signal()  # the rating was queued (or skipped): the visit may end

    def __init__(
        self, dispatcher: Dispatcher, flow: ApplyFlow, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._visit = flow.visit
        self._flow = flow
        self._ops = Ops(dispatcher, flow.visit, "rating", self.changed.emit, wipe=self._wipe)
        flow.adopt(self._ops)
        self._state = ""
        self._tracking = ""
        self._confirmed = False
        self._deadline = ""
        self._slip = False

    @Slot()
    def clearError(self) -> None:  # noqa: N802 - Qt naming
        """The page opened: forget the sentence of an earlier try."""
        self._ops.set_reason("")

    @Slot(int, "QVariant", "QVariant", str)
    def rate(self, level: int, criteria: Any, reasons: Any, comment: str) -> None:
        """Queue the rating of this visit (one per visit)."""
        from kiosk.services.evaluate import Rating

        core = self._flow.core
        if core is None:
            self._ops.set_reason("not_ready")
            return
        if self._state == "sent":
            self._ops.set_reason("already_rated")
            return
        rating = Rating(
            level=int(level),
            criteria={str(k): int(v) for k, v in dict(_plain(criteria) or {}).items() if v},
            reasons=tuple(str(r) for r in (_plain(reasons) or [])),
            comment=comment,
        )
        receipts = self._visit.receipts
        visit_id, receipt_no = self._visit.id, receipts[-1] if receipts else None
        rate, after = core.rate, core.after_submit

        def done(rated: Any) -> None:
            self._state = "sent"
            self._tracking = str(getattr(rated, "tracking_no", None) or "")
            self._confirmed = bool(getattr(rated, "confirmed", False))
            deadline = getattr(rated, "deadline", None)
            self._deadline = (
                f"{deadline.year}年{deadline.month}月{deadline.day}日" if deadline else ""
            )
            self._slip = getattr(rated, "slip", None) is not None
            self._flow.finish_rating()
            if after is not None:
                after()
            self.rated.emit()

        def failed(failure: Failure) -> None:
            self._ops.set_reason(failure.reason)
            if failure.reason == "already_rated":
                self._state = "sent"

        def task() -> Any:
            return rate(visit_id, rating, receipt_no)

        self._ops.run(task, done, failed=failed, fallback="rating_failed")

    @Slot()
    def skipRating(self) -> None:  # noqa: N802
        """The citizen does not want to rate: nothing is written."""
        self._flow.finish_rating()
        self._state = self._state or "skipped"
        self.changed.emit()
        self.rated.emit()

    def _wipe(self) -> None:
        self._state = ""
        self._tracking = ""
        self._confirmed = False
        self._deadline = ""
        self._slip = False

    busy = Property(bool, lambda self: self._ops.busy, notify=changed)
    error = Property(str, lambda self: self._ops.reason, notify=changed)
    ratingState = Property(str, lambda self: self._state, notify=changed)  # noqa: N815
    trackingNo = Property(str, lambda self: self._tracking, notify=changed)  # noqa: N815
    followUpConfirmed = Property(bool, lambda self: self._confirmed, notify=changed)  # noqa: N815
    deadline = Property(str, lambda self: self._deadline, notify=changed)
    slipQueued = Property(bool, lambda self: self._slip, notify=changed)  # noqa: N815
