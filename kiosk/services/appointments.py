"""Appointments (预约) from the terminal: free slots and booking, only when central answers.

Slots live at central (shared by every channel), so without central there is nothing to
offer: every network problem becomes :class:`AppointmentError` ``appointments_offline``
rather than a guess. Calls block on the network (bounded by the client's timeouts): run
them on a worker thread, never on the GUI thread.
"""

from __future__ import annotations

import uuid
from datetime import date

from drivers.errors import ReasonError
from kiosk.contract import Appointment, BookingRequest, Slot
from kiosk.sync.client import CentralClient, CentralError, PermanentError, TransientError
from kiosk.sync.idkey import IdHasher

MAX_DAYS = 14


class AppointmentError(ReasonError, RuntimeError):
    """Booking cannot go ahead; ``reason``: ``appointments_offline``, ``slot_full``,
    ``no_such_slot``, ``slot_past`` (it started while the citizen chose), ``not_bookable``
    (the service takes no appointments), ``booking_refused`` (central said no for another
    reason)."""


class AppointmentService:
    """Asks central for slots and books them; ``client`` is None when no central is set up."""

    def __init__(self, client: CentralClient | None, id_hasher: IdHasher | None = None) -> None:
        self.client = client
        self.id_hasher = id_hasher or IdHasher(None)

    def _client(self) -> CentralClient:
        if self.client is None:
            raise AppointmentError("appointments_offline", "no central service configured")
        return self.client

    def free_slots(self, service_code: str, start: date, days: int = 7) -> list[Slot]:
        """Slots with places left, soonest first."""
        days = max(1, min(days, MAX_DAYS))
        try:
            answer = self._client().appointment_slots(service_code, start, days)
        except TransientError as exc:
            raise AppointmentError("appointments_offline", f"central unreachable: {exc}") from None
        except CentralError as exc:
            raise AppointmentError("booking_refused", str(exc)) from None
        return sorted((s for s in answer.slots if s.available > 0), key=lambda s: s.start)

    def book(self, service_code: str, slot: Slot, id_number: str) -> Appointment:
        """Book ``slot`` for the card holder; only a keyed hash of the ID number leaves the
        terminal, and only with the deployment's key (the hall checks it in by that hash)."""
        if not self.id_hasher.ensure(self._client()):
            raise AppointmentError("appointments_offline", "no ID-hash key from central yet")
        request = BookingRequest(
            appointment_id=uuid.uuid4().hex,
            service_code=service_code,
            slot_start=slot.start,
            id_number_hash=self.id_hasher(id_number),
        )
        try:
            return self._client().book_appointment(request, key=f"book-{request.appointment_id}")
        except TransientError as exc:
            raise AppointmentError("appointments_offline", f"central unreachable: {exc}") from None
        except PermanentError as exc:
            text = str(exc)
            for reason in ("slot_full", "no_such_slot", "slot_past"):
                if reason in text:
                    raise AppointmentError(reason, "central refused the slot") from None
            raise AppointmentError("booking_refused", text) from None
