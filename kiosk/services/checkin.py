"""Appointment check-in (预约签到): card → today's appointments → check in → priority ticket.

The day's appointments of the hall come from central and are kept in ``appointment_cache``
(only a hash of each ID number), so check-in works offline with the list last fetched —
by :meth:`CheckinService.refresh` on the sync timer, or on demand when a card is read.
The window is the hall's setting (``checkin.early_min`` / ``late_min`` in the queue file).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import text
from sqlmodel import select

from kiosk.contract import AppointmentCheckIn, AppointmentList
from kiosk.domain.identity import Identity
from kiosk.services.common import Central, ServiceError, local_now
from kiosk.services.queues import HallQueues
from kiosk.services.tickets import IssuedTicket, TicketService
from kiosk.store import Store
from kiosk.store.models import AppointmentCacheRow
from kiosk.sync.client import CentralClient, CentralError
from kiosk.sync.outbox import enqueue

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AppointmentView:
    """One appointment of the card holder today; times in the terminal's time zone."""

    appointment_id: str
    service_code: str
    slot_start: datetime
    slot_end: datetime
    queue: str
    checked_in: bool
    opens_at: datetime  # earliest check-in
    closes_at: datetime  # latest check-in


@dataclass(frozen=True)
class TodayAppointments:
    """The holder's appointments today; ``fetched_at`` is when the list came from central."""

    appointments: list[AppointmentView]
    fetched_at: datetime | None
    offline: bool


@dataclass(frozen=True)
class CheckinResult:
    """A completed check-in and the priority ticket that was printed for it."""

    appointment: AppointmentView
    ticket: IssuedTicket


class CheckinService:
    """Find and check in a card holder's appointments (call from a worker thread)."""

    def __init__(
        self,
        store: Store,
        tickets: TicketService,
        queues: HallQueues,
        *,
        hall_id: str,
        central: Central | None = None,
        notify_sync: Callable[[], None] | None = None,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        self.store = store
        self.tickets = tickets
        self.queues = queues
        self.hall_id = hall_id
        self.central = central or Central(None)
        self.notify_sync = notify_sync or (lambda: None)
        self.clock = clock

    def refresh(self, day: date | None = None) -> int:
        """Fetch the hall's appointments of ``day`` (today) into the cache; raises
        :class:`~kiosk.sync.client.CentralError` when central cannot be reached."""
        day = day or self.clock().date()
        hasher = self.tickets.id_hasher

        def fetch(c: CentralClient) -> AppointmentList:
            hasher.ensure(c)  # the list's hashes are keyed with the deployment's key
            return c.appointments(day)

        listing = self.central.call(fetch)
        stamp = self.clock().isoformat(timespec="seconds")
        with self.store.session(write=True) as s:
            # Earlier days' lists are of no use and hold ID hashes: drop them.
            s.execute(
                text("DELETE FROM appointment_cache WHERE day < :day"),
                {"day": self.clock().date().isoformat()},
            )
            for a in listing.appointments:
                row = s.get(AppointmentCacheRow, a.appointment_id) or AppointmentCacheRow(
                    appointment_id=a.appointment_id,
                    day=day.isoformat(),
                    slot_start="",
                    slot_end="",
                    service_code=a.service_code,
                    queue=a.queue,
                    id_number_hash=a.id_number_hash,
                    fetched_at=stamp,
                )
                row.slot_start = a.slot_start.isoformat()
                row.slot_end = a.slot_end.isoformat()
                row.service_code, row.queue = a.service_code, a.queue
                row.id_number_hash = a.id_number_hash
                # A check-in made here but not yet synced stays checked in.
                row.checked_in = row.checked_in or a.checked_in
                row.fetched_at = stamp
                s.add(row)
        return len(listing.appointments)

    def today_for(self, identity: Identity) -> TodayAppointments:
        """The card holder's appointments today: fresh from central, else the cached list."""
        offline = False
        if self.central.configured:
            try:
                self.refresh()
            except CentralError as exc:
                log.info("appointments from cache (%s)", exc.reason)
                offline = True
        else:
            offline = True
        rows = self._rows(identity)
        fetched = max((r.fetched_at for r in rows), default=None)
        return TodayAppointments(
            appointments=[self._view(r) for r in rows],
            fetched_at=datetime.fromisoformat(fetched) if fetched else None,
            offline=offline,
        )

    def check_in(self, identity: Identity, appointment_id: str) -> CheckinResult:
        """Check in and print a priority ticket.

        Raises :class:`ServiceError`: ``no_appointment`` (not this holder's, or not today),
        ``already_checked_in``, ``too_early`` (details ``come_back_at`` "HH:MM"),
        ``too_late`` (details ``closed_at`` "HH:MM": take a normal ticket), or the ticket's
        ``print_failed`` / ``print_timeout`` — then, once the ticket is shown on screen or
        reprinted, call :meth:`confirm`.
        """
        row = next((r for r in self._rows(identity) if r.appointment_id == appointment_id), None)
        if row is None:
            raise ServiceError("no_appointment", "no such appointment for this card today")
        view = self._view(row)
        if view.checked_in:
            raise ServiceError("already_checked_in", "this appointment is already checked in")
        now = self.clock()
        if now < view.opens_at:
            raise ServiceError(
                "too_early",
                "check-in is not open yet",
                come_back_at=view.opens_at.strftime("%H:%M"),
            )
        if now > view.closes_at:
            raise ServiceError(
                "too_late",
                "the check-in window has closed",
                closed_at=view.closes_at.strftime("%H:%M"),
            )
        queue = self.queues.get(row.queue)
        if queue is None or not (queue.appointment or queue.priority):
            queue = self.queues.appointment_queue  # a booked visit is served first
        try:
            ticket = self.tickets.take(
                queue.code, identity=identity, service_code=row.service_code, appointment=True
            )
        except ServiceError as exc:
            held = self._left_by_a_stopped_check_in(exc, queue.code, row.service_code)
            if held is None:
                raise
            log.info("check-in %s completed with the ticket it had printed", appointment_id)
            ticket = held
        return CheckinResult(self.confirm(appointment_id, ticket.ticket_id), ticket)

    def _left_by_a_stopped_check_in(
        self, exc: ServiceError, queue_code: str, service_code: str | None
    ) -> IssuedTicket | None:
        """The ticket a check-in printed before the terminal stopped, short of recording the
        check-in: this holder's issued ticket of today in the appointment queue, for the
        appointment's service. The citizen holds it; the check-in is recorded with it."""
        ticket_id = exc.details.get("ticket_id")
        if exc.reason != "already_holding" or not ticket_id:
            return None
        record = self.tickets.states.row(ticket_id)
        if (
            record.status not in ("issued", "shown_on_screen")
            or record.queue != queue_code
            or record.service_code != service_code
        ):
            return None
        return self.tickets.states.view(record)

    def confirm(self, appointment_id: str, ticket_id: str) -> AppointmentView:
        """Record the check-in (and tell central) once its ticket is issued."""
        with self.store.session(write=True) as s:
            row = s.get(AppointmentCacheRow, appointment_id)
            if row is None:
                raise ServiceError("no_appointment", "no such appointment")
            row.checked_in = True
            s.add(row)
            enqueue(
                s,
                "checkin",
                AppointmentCheckIn(
                    appointment_id=appointment_id,
                    hall_id=self.hall_id,
                    checked_in_at=self.clock(),
                    ticket_id=ticket_id,
                ),
                f"checkin-{appointment_id}",
            )
            view = self._view(row)
        self.notify_sync()
        return view

    def _rows(self, identity: Identity) -> list[AppointmentCacheRow]:
        with self.store.session() as s:
            return list(
                s.exec(
                    select(AppointmentCacheRow)
                    .where(
                        AppointmentCacheRow.day == self.clock().date().isoformat(),
                        AppointmentCacheRow.id_number_hash
                        == self.tickets.id_hasher(identity.id_number),
                    )
                    .order_by(AppointmentCacheRow.slot_start)
                )
            )

    def _view(self, row: AppointmentCacheRow) -> AppointmentView:
        zone = self.clock().tzinfo
        start = datetime.fromisoformat(row.slot_start).astimezone(zone)
        return AppointmentView(
            appointment_id=row.appointment_id,
            service_code=row.service_code,
            slot_start=start,
            slot_end=datetime.fromisoformat(row.slot_end).astimezone(zone),
            queue=row.queue,
            checked_in=row.checked_in,
            opens_at=start - timedelta(minutes=self.queues.early_min),
            closes_at=start + timedelta(minutes=self.queues.late_min),
        )
