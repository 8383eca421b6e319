"""Queue tickets (取号) and appointments (预约) as central numbers and lists them."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import Field

from kiosk.contract.base import WireModel


class TicketRequest(WireModel):
    """``POST /api/v1/queue/tickets``: take the next number of a queue (Idempotency-Key)."""

    ticket_id: str = Field(min_length=1, max_length=64)
    queue: str = Field(min_length=1, max_length=30, pattern=r"^[A-Za-z0-9_-]+$")
    day: date | None = Field(default=None, description="the hall's day; central's today if unset")
    service_code: str | None = None
    holder_hash: str | None = Field(
        default=None,
        max_length=64,
        description="sha256 hex of the holder's ID number: one live ticket per queue and person",
    )


class Ticket(WireModel):
    """A numbered ticket: ``number`` counts per hall, queue and day; ``display`` is printed."""

    ticket_id: str
    hall_id: str
    queue: str
    day: date
    number: int = Field(ge=1)
    display: str
    issued_at: datetime
    waiting_before: int = Field(default=0, ge=0)
    estimated_wait_min: int | None = Field(default=None, ge=0)


class Appointment(WireModel):
    """One booked appointment of the day."""

    appointment_id: str
    hall_id: str
    day: date
    slot_start: datetime
    slot_end: datetime
    service_code: str
    queue: str = "A"
    id_number_hash: str = Field(description="sha256 hex of the ID number; match at check-in")
    checked_in: bool = False


class AppointmentList(WireModel):
    """``GET /api/v1/appointments?day=YYYY-MM-DD`` for the terminal's hall."""

    hall_id: str
    day: date
    appointments: list[Appointment]


class Slot(WireModel):
    """One bookable appointment slot (预约时段) and how full it is."""

    start: datetime
    end: datetime
    capacity: int = Field(ge=0)
    booked: int = Field(ge=0)

    @property
    def available(self) -> int:
        """Places still free."""
        return max(0, self.capacity - self.booked)


class SlotList(WireModel):
    """``GET /api/v1/appointments/slots?service_code=…&start=YYYY-MM-DD&days=N``."""

    hall_id: str
    service_code: str
    slots: list[Slot]


class BookingRequest(WireModel):
    """``POST /api/v1/appointments/book`` (Idempotency-Key): book one slot for a citizen.

    The ID number travels only as its sha256 hex, matched at check-in.
    """

    appointment_id: str = Field(min_length=1, max_length=64)
    service_code: str = Field(min_length=1, max_length=60)
    slot_start: datetime
    id_number_hash: str = Field(pattern=r"^[0-9a-f]{64}$")


class FollowUpQuery(WireModel):
    """``POST /api/v1/followups/lookup``: a complaint's or question's tracking number."""

    tracking_no: str = Field(min_length=1, max_length=40)


class FollowUpAppeal(WireModel):
    """``POST /api/v1/followups/appeal``: the citizen does not accept a closed 整改 (once)."""

    tracking_no: str = Field(min_length=1, max_length=40)
    reason: str = Field(pattern=r"^(not_fixed|no_contact|disagree)$")


class FollowUpStatus(WireModel):
    """Where a complaint (投诉) or consultation question (咨询留言) stands; no personal data."""

    tracking_no: str
    kind: str
    state: str = Field(description="received | in_progress | answered | closed | appealed")
    answer: str = ""
    updated_at: datetime
    # Its plan (central.plans), when it has one: a bad rating's 整改 shows all of it.
    deadline: date | None = Field(default=None, description="due by (hall's working days)")
    owner: str = Field(default="", description="who is responsible (a post or department)")
    action: str = Field(default="", description="what was done")
    result: str = Field(default="", description="the result told to the citizen")
    appealed: bool = Field(default=False, description="the citizen appealed (申诉) once")


class StaffFollowUpUpdate(WireModel):
    """Staff API: move a complaint on or answer a question."""

    state: str = Field(pattern=r"^(received|in_progress|answered|closed)$")
    answer: str = Field(default="", max_length=4000)


class TicketPosition(WireModel):
    """``GET /api/v1/queue/tickets/{ticket_id}``: where a ticket of the terminal's hall stands.

    ``state`` is ``waiting`` (with ``waiting_before`` and the estimate), ``called`` (go to
    ``window_no`` / ``window_name``), ``done``, ``no_show`` (过号) or ``void``."""

    ticket_id: str
    display: str
    queue: str
    state: str
    waiting_before: int = Field(default=0, ge=0)
    estimated_wait_min: int | None = Field(default=None, ge=0)
    window_no: int | None = None
    window_name: str = ""
