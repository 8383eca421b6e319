"""What follows a question (咨询) or a complaint (投诉): the page after filing, bound as
``followUpFiled`` (the tracking number, how the answer comes back, whether the slip printed),
and the helpers the progress and follow-up screens share.

The consultation and complaint view-models hand a filing over with :meth:`show`; the slip's
outcome comes back from the print-job watcher through :class:`~ui.ops.Ops` and is dropped
once the visit has ended. Looking a number up is ``followUpStatus``'s.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Property, QObject, Signal

from kiosk.domain.identity import mask_number
from kiosk.visit import Visit
from ui.ops import Dispatcher, Ops


def stamp(moment: datetime | None) -> str:
    """A moment as the screens show it, in the terminal's time zone ("" for none)."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else ""


def mask_phone(phone: str) -> str:
    """``13912345678`` → ``139****5678``; other numbers keep only their ends."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if len(digits) >= 11:
        return digits[:3] + "****" + digits[-4:]
    return mask_number(digits)


class FollowUpFiledViewModel(QObject):
    """Bound as ``followUpFiled``. ``slipState``: printing | printed | a failure reason."""

    changed = Signal()

    def __init__(self, dispatcher: Dispatcher, visit: Visit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ops = Ops(dispatcher, visit, "follow-up filed", self.changed.emit, wipe=self._wipe)
        self._watcher: Any = None
        self._wipe()

    def _wipe(self) -> None:  # the visit ended: nothing of the filing stays on screen
        self._tracking = ""
        self._masked_phone = ""
        self._slip = ""
        self._anonymous = False

    def attach(self, watcher: Any) -> None:
        """The print-job watcher (None without a printer: the slip is reported failed)."""
        self._watcher = watcher

    def show(self, result: Any, masked_phone: str, anonymous: bool = False) -> None:
        """A filing went through (GUI thread): keep its number and follow its slip."""
        self._tracking, self._masked_phone = result.tracking_no, masked_phone
        self._anonymous = anonymous
        job = result.print_job
        if job is None or self._watcher is None:
            self._slip = "failed"
        else:
            self._slip = "printing"
            self._watcher.watch(job.id, self._ops.guard(self._slip_done))
        self.changed.emit()

    def _slip_done(self, outcome: str) -> None:
        self._slip = outcome

    trackingNo = Property(str, lambda self: self._tracking, notify=changed)  # noqa: N815
    maskedPhone = Property(str, lambda self: self._masked_phone, notify=changed)  # noqa: N815
    slipState = Property(str, lambda self: self._slip, notify=changed)  # noqa: N815
    anonymous = Property(bool, lambda self: self._anonymous, notify=changed)
