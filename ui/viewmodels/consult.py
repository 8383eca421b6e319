"""View-model of the consultation screens (咨询), bound as ``consult``: a service's FAQ and
phone (``ConsultService.info``), leaving a question answered later (``ConsultService.ask``,
shown on ``followUpFiled``; the answer is looked up on ``followUpStatus``).

QML gets reason CODES (``invalid_phone``, ``not_found`` …) and words them itself.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.visit import Visit
from ui.ops import Dispatcher, Ops
from ui.viewmodels.followups import FollowUpFiledViewModel, mask_phone


class ConsultViewModel(QObject):
    """Bound as ``consult``. ``info`` is the service asked about ({"other": True} for a
    question about none); ``filed`` fires once a question was taken."""

    changed = Signal()
    filed = Signal()
    suggested = Signal()

    def __init__(
        self,
        dispatcher: Dispatcher,
        visit: Visit,
        filed: FollowUpFiledViewModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._ops = Ops(dispatcher, visit, "consult", self.changed.emit, wipe=self._wipe)
        self._filed = filed
        self._service: Any = None
        self._info: dict[str, Any] = {}

    def attach(self, service: Any, executor: Any) -> None:
        """Connect to the core's ConsultService."""
        self._service = service
        self._ops.attach(executor)

    @Slot()
    def dismiss(self) -> None:
        """Forget the last error sentence (the citizen starts typing again)."""
        self._ops.set_reason("")

    @Slot(str)
    def openService(self, code: str) -> None:  # noqa: N802 - Qt naming
        """Load the consultation details of service ``code``."""
        self._info = {}
        service = self._service
        self._ops.run(lambda: service.info(code), self._show_info)

    @Slot()
    def openOther(self) -> None:  # noqa: N802
        """A question about no particular service."""
        self._info = {"other": True}
        self._ops.set_reason("")
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

        def done(filed: Any) -> None:
            self._filed.show(filed, masked)
            self.filed.emit()

        self._ops.run(lambda: service.ask(topic, text, phone, service_code=code), done)

    @Slot(str, str, str, str)
    def suggest(self, kind: str, about: str, text: str, phone: str) -> None:
        """Leave a suggestion (我有建议): ``kind`` simplify | proof; the phone is optional."""
        service = self._service
        masked = mask_phone(phone) if phone.strip() else ""

        def done(filed: Any) -> None:
            self._filed.show(filed, masked)
            self.suggested.emit()

        self._ops.run(lambda: service.suggest(kind, about, text, phone), done)

    def _wipe(self) -> None:
        self._info = {}

    busy = Property(bool, lambda self: self._ops.busy, notify=changed)
    reason = Property(str, lambda self: self._ops.reason, notify=changed)
    info = Property(dict, lambda self: self._info, notify=changed)
