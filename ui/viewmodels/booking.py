"""View-model of the appointment page (预约办理), bound as ``booking``.

Free slots come from central (``AppointmentService.free_slots``); without central the page
says plainly that booking is not possible now. A booking is for the visit's card holder.
``slotsState``: "" | loading | loaded | none | booked | a reason code (offline …).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from ui.ops import Dispatcher, Failure, Ops
from ui.viewmodels import apply_views as views
from ui.viewmodels.appliable import AppliableViewModel
from ui.viewmodels.apply_flow import ApplyFlow


class BookingViewModel(QObject):
    """Bound as ``booking``."""

    changed = Signal()
    centralAnswered = Signal(bool)  # slots came from central (False), or it could not be asked
    booked = Signal()

    def __init__(
        self,
        dispatcher: Dispatcher,
        flow: ApplyFlow,
        appliable: AppliableViewModel,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._flow = flow
        self._ops = Ops(dispatcher, flow.visit, "booking", self.changed.emit, wipe=self._wipe)
        flow.adopt(self._ops)
        self._appliable = appliable
        self._wipe()

    def _wipe(self) -> None:
        self._slots: list[Any] = []
        self._days: list[dict[str, Any]] = []
        self._state = ""
        self._appointment: dict[str, Any] = {}

    @Slot()
    def clearError(self) -> None:  # noqa: N802 - Qt naming
        """The page opened: forget the sentence of an earlier try."""
        self._ops.set_reason("")

    @Slot(str)
    def loadSlots(self, code: str) -> None:  # noqa: N802
        """Ask central for the free slots of ``code`` over the coming days."""
        core = self._flow.core
        self._slots, self._days, self._appointment = [], [], {}
        if core is None or not code:
            self._state = "" if core is not None else "offline"
            self.changed.emit()
            return
        self._state = "loading"
        free_slots = core.free_slots

        def done(slots: list[Any]) -> None:
            self._slots = slots
            self._days = views.slots_for_qml(slots)
            self._state = "loaded" if slots else "none"
            self.centralAnswered.emit(False)

        def failed(failure: Failure) -> None:
            self._state = failure.reason
            if failure.reason == "appointments_offline":
                self.centralAnswered.emit(True)

        self._ops.run(
            lambda: free_slots(code, date.today()),
            done,
            failed=failed,
            fallback="appointments_offline",
        )

    @Slot(str, str)
    def book(self, code: str, start: str) -> None:
        """Book the slot starting at ``start`` (ISO) for the card holder."""
        core = self._flow.core
        identity = self._flow.visit.identity
        slot = next((s for s in self._slots if s.start.isoformat() == start), None)
        if core is None or slot is None:
            self._ops.set_reason("no_such_slot")
            return
        if identity is None:
            self._ops.set_reason("card_missing")
            return
        number, book = identity.id_number, core.book
        item = self._appliable.item(code)

        def done(appointment: Any) -> None:
            begin: datetime = appointment.slot_start
            end: datetime = appointment.slot_end
            self._appointment = {
                "day": begin.date().isoformat(),
                "time": f"{begin:%H:%M}-{end:%H:%M}",
                "service_name": item.name if item is not None else "",
            }
            self._state = "booked"
            self.booked.emit()

        self._ops.run(lambda: book(code, slot, number), done, fallback="booking_refused")

    busy = Property(bool, lambda self: self._ops.busy, notify=changed)
    error = Property(str, lambda self: self._ops.reason, notify=changed)
    slotDays = Property(list, lambda self: self._days, notify=changed)  # noqa: N815
    slotsState = Property(str, lambda self: self._state, notify=changed)  # noqa: N815
    appointment = Property("QVariantMap", lambda self: self._appointment, notify=changed)  # type: ignore[arg-type]
