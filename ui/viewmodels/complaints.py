"""View-model of the complaint screens (投诉), bound as ``complaints``: file a complaint
(named with the visit's card, or anonymous) with ``ComplaintService.file``: a tracking number
and a slip, shown on ``followUpFiled`` (its progress is looked up on ``followUpStatus``).

QML gets reason CODES (``card_required``, ``text_empty`` …) and words them itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.visit import Visit
from ui.ops import Dispatcher, Ops
from ui.viewmodels.followups import FollowUpFiledViewModel, mask_phone


def _category_codes() -> list[str]:
    from kiosk.services.complaints import CATEGORIES

    return [c.code for c in CATEGORIES]


class ComplaintViewModel(QObject):
    """Bound as ``complaints``. A named complaint hands on the visit's card; ``filed`` fires
    once a complaint was taken (the tracking number is then on ``followUpFiled``)."""

    changed = Signal()
    filed = Signal()

    def __init__(
        self,
        dispatcher: Dispatcher,
        visit: Visit,
        filed: FollowUpFiledViewModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._visit = visit
        self._ops = Ops(dispatcher, visit, "complaints", self.changed.emit)
        self._filed = filed
        self._service: Any = None

    def attach(self, service: Any, executor: Any) -> None:
        """Connect to the core's ComplaintService."""
        self._service = service
        self._ops.attach(executor)

    @Slot()
    def dismiss(self) -> None:
        """Forget the last error sentence (the citizen starts typing again)."""
        self._ops.set_reason("")

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
        identity = None if anonymous else self._visit.identity
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
            self._filed.show(filed, masked, anonymous)
            self.filed.emit()

        self._ops.run(task, done)

    busy = Property(bool, lambda self: self._ops.busy, notify=changed)
    reason = Property(str, lambda self: self._ops.reason, notify=changed)
    categories = Property(list, lambda self: _category_codes(), constant=True)
