"""Queue tickets (取号): numbered by central when online, from the terminal's block offline.

Online, central numbers the ticket (one sequence per hall, queue and day across terminals)
and says how many people are ahead. Offline, the terminal numbers it itself with its own
prefix (``T01-A007``), so its numbers never collide with central's or another terminal's;
the outbox delivers it when the network returns and central files it in the queue by time.

A ticket that did not come out of the printer is not issued: it is written
``pending_print`` and becomes ``issued`` only when its print job is printed, or
``shown_on_screen`` when the citizen agrees to read the number off the screen. Only then does
it go into the outbox. One person (card) holds at most one live ticket per queue and day.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import text
from sqlmodel import Session, col, select

from kiosk.contract import Ticket, TicketRecord, TicketRequest
from kiosk.domain.identity import Identity
from kiosk.printing.jobs import PrintJob
from kiosk.printing.layouts import TicketData, ticket
from kiosk.printing.worker import PrintWorker
from kiosk.services.common import Central, ServiceError, local_now, next_local
from kiosk.services.queues import HallQueues, QueueDef
from kiosk.store import Store
from kiosk.store.models import QueueTicketRow
from kiosk.sync.client import CentralError
from kiosk.sync.idkey import IdHasher
from kiosk.sync.outbox import enqueue

log = logging.getLogger(__name__)

LIVE_STATES = ("pending_print", "issued", "shown_on_screen", "print_failed")
DISPLAY_WRAP = 999
PRINT_WAIT_S = 20.0


@dataclass(frozen=True)
class IssuedTicket:
    """A ticket as the screen shows it.

    ``status``: ``pending_print`` | ``issued`` | ``shown_on_screen`` | ``print_failed`` |
    ``void``. ``people_ahead`` and ``estimated_wait_min`` are None when numbered offline.
    """

    ticket_id: str
    queue: str
    queue_name: str
    display: str
    status: str
    offline: bool
    priority: bool
    priority_proven: bool
    people_ahead: int | None
    estimated_wait_min: int | None
    created_at: datetime
    print_reason: str | None = None


def display_number(queue: str, number: int, origin: str = "") -> str:
    """``A001`` … ``A999`` then ``A001`` again; offline tickets carry the terminal prefix."""
    shown = f"{queue}{(number - 1) % DISPLAY_WRAP + 1:03d}"
    return f"{origin}-{shown}" if origin else shown


class TicketService:
    """Take, print, show and cancel queue tickets (call from a worker thread)."""

    def __init__(
        self,
        store: Store,
        printing: PrintWorker,
        queues: HallQueues,
        *,
        hall_id: str,
        hall_name: str,
        terminal_id: str,
        central: Central | None = None,
        notify_sync: Callable[[], None] | None = None,
        print_wait_s: float = PRINT_WAIT_S,
        clock: Callable[[], datetime] = local_now,
        id_hasher: IdHasher | None = None,
    ) -> None:
        self.store = store
        self.printing = printing
        # Keyed hashes of ID numbers (shared with check-in); the deployment's key once known.
        self.id_hasher = id_hasher or IdHasher(None)
        self.hall_queues = queues
        self.hall_id = hall_id
        self.hall_name = hall_name
        self.terminal_id = terminal_id
        self.central = central or Central(None)
        self.notify_sync = notify_sync or (lambda: None)
        self.print_wait_s = print_wait_s
        self.clock = clock
        self._done = threading.Condition()
        self._finished: dict[int, tuple[str, str | None]] = {}
        printing.done_listeners.append(self._on_printed)
        printing.failed_listeners.append(self._on_print_failed)

    # -- the screens' API ---------------------------------------------------------------------

    def queues(self) -> list[QueueDef]:
        """The hall's queues in display order."""
        return list(self.hall_queues.queues)

    def take(
        self,
        queue_code: str,
        *,
        identity: Identity | None = None,
        service_code: str | None = None,
        appointment: bool = False,
    ) -> IssuedTicket:
        """Number and print a ticket; returns once it is printed (status ``issued``).

        Raises :class:`ServiceError`: ``unknown_queue``, ``card_required``,
        ``already_holding`` (details: ``display``), ``print_failed`` (details: ``ticket``,
        ``print_reason``) or ``print_timeout`` (details: ``ticket``). After a print failure
        the screen offers :meth:`show_on_screen`, :meth:`retry_print` or :meth:`cancel`.
        """
        queue = self.hall_queues.get(queue_code)
        if queue is None or (queue.appointment and not appointment):
            raise ServiceError("unknown_queue", f"no queue {queue_code!r} in this hall")
        if queue.requires_card and identity is None:
            raise ServiceError("card_required", f"queue {queue_code} needs a card")
        now = self.clock()
        day = now.date()
        if identity is not None:
            self._ensure_deployment_key()
        holder = self.id_hasher(identity.id_number) if identity is not None else None
        proven = bool(
            queue.priority
            and identity is not None
            and (identity.age_on(day) or 0) >= self.hall_queues.priority_proof_age
        )
        if holder is not None:
            self._refuse_second(holder, queue.code, day)
        ticket_id = uuid.uuid4().hex
        answer = self._number_online(ticket_id, queue, day, service_code, holder)
        row = self._insert(ticket_id, queue, day, now, answer, holder, proven, service_code)
        return self._print_and_wait(row, queue)

    def _ensure_deployment_key(self) -> None:
        """The holder's hash goes to central: use the deployment's key if it can be had."""
        if self.id_hasher.deployment or not self.central.configured:
            return
        try:
            self.central.call(self.id_hasher.ensure)
        except CentralError:
            pass  # offline: the local key keeps the one-ticket rule on this terminal

    def show_on_screen(self, ticket_id: str) -> IssuedTicket:
        """The citizen agreed to read the number off the screen: the ticket is issued."""
        row = self._transition(ticket_id, ("pending_print", "print_failed"), "shown_on_screen")
        return self._view(row)

    def retry_print(self, ticket_id: str) -> IssuedTicket:
        """Print a failed ticket again (paper was refilled); same outcomes as :meth:`take`."""
        with self.store.session() as s:
            row = self._get(s, ticket_id)
        if row.status != "print_failed" or row.print_job_id is None:
            return self._view(row)
        self.printing.reprint(row.print_job_id)
        queue = self.hall_queues.get(row.queue) or self.hall_queues.general
        return self._wait(row, queue)

    def cancel(self, ticket_id: str) -> IssuedTicket:
        """The citizen gave up on a ticket that did not print: it is void (central told)."""
        row = self._transition(ticket_id, ("pending_print", "print_failed"), "void")
        return self._view(row)

    def void_unprinted(self) -> int:
        """End of a visit: tickets that failed to print and were neither shown nor retried
        become void, so central stops counting them as people waiting."""
        with self.store.session() as s:
            ids = s.exec(
                select(QueueTicketRow.ticket_id).where(QueueTicketRow.status == "print_failed")
            ).all()
        for ticket_id in ids:
            try:
                self._transition(ticket_id, ("print_failed",), "void")
            except ServiceError:
                pass  # shown or reprinted meanwhile
        return len(ids)

    def get(self, ticket_id: str) -> IssuedTicket:
        """One ticket as it stands now."""
        with self.store.session() as s:
            return self._view(self._get(s, ticket_id))

    def expire_stale(self) -> int:
        """At start: tickets of earlier days still waiting for the printer become void, and
        earlier days' tickets forget their holder (the hash only served the one-per-day rule).
        """
        today = self.clock().date().isoformat()
        with self.store.session(write=True) as s:
            s.execute(
                text(
                    "UPDATE queue_ticket SET holder_hash=NULL "
                    "WHERE day < :today AND holder_hash IS NOT NULL"
                ),
                {"today": today},
            )
        with self.store.session() as s:
            ids = s.exec(
                select(QueueTicketRow.ticket_id).where(
                    col(QueueTicketRow.status).in_(("pending_print", "print_failed")),
                    QueueTicketRow.day < today,
                )
            ).all()
        for ticket_id in ids:
            self._transition(ticket_id, ("pending_print", "print_failed"), "void")
        return len(ids)

    # -- numbering ----------------------------------------------------------------------------

    def _refuse_second(self, holder: str, queue: str, day: date) -> None:
        with self.store.session() as s:
            live = s.exec(
                select(QueueTicketRow).where(
                    QueueTicketRow.day == day.isoformat(),
                    QueueTicketRow.queue == queue,
                    QueueTicketRow.holder_hash == holder,
                    col(QueueTicketRow.status).in_(LIVE_STATES),
                )
            ).first()
        if live is not None:
            raise ServiceError(
                "already_holding",
                f"this card already holds a live ticket in queue {queue}",
                display=live.display,
            )

    def _number_online(
        self, ticket_id: str, queue: QueueDef, day: date, service: str | None, holder: str | None
    ) -> Ticket | None:
        request = TicketRequest(
            ticket_id=ticket_id, queue=queue.code, day=day, service_code=service, holder_hash=holder
        )
        try:
            return self.central.call(lambda c: c.take_ticket(request, f"ticket-{ticket_id}"))
        except CentralError as exc:
            if Central.is_rejection(exc, "duplicate_ticket"):
                raise ServiceError(
                    "already_holding", "central says this card holds a live ticket", display=""
                ) from None
            if self.central.configured:
                log.info("ticket numbered offline (%s)", exc.reason)
            return None

    def _insert(
        self,
        ticket_id: str,
        queue: QueueDef,
        day: date,
        now: datetime,
        answer: Ticket | None,
        holder: str | None,
        proven: bool,
        service: str | None,
    ) -> QueueTicketRow:
        with self.store.session(write=True) as s:
            if answer is not None:
                number, origin, display = answer.number, "", answer.display
            else:
                origin = self.terminal_id
                number = next_local(s, f"ticket:{day.isoformat()}:{queue.code}")
                display = display_number(queue.code, number, origin)
            row = QueueTicketRow(
                ticket_id=ticket_id,
                hall_id=self.hall_id,
                queue=queue.code,
                day=day.isoformat(),
                number=number,
                display=display,
                origin=origin,
                priority=queue.priority,
                priority_proven=proven,
                holder_hash=holder,
                service_code=service,
                people_ahead=answer.waiting_before if answer else None,
                estimated_wait_min=answer.estimated_wait_min if answer else None,
                created_at=now.isoformat(timespec="seconds"),
            )
            s.add(row)
            s.flush()
            return row

    # -- printing -----------------------------------------------------------------------------

    def _print_and_wait(self, row: QueueTicketRow, queue: QueueDef) -> IssuedTicket:
        doc = ticket(
            TicketData(
                hall_name=self.hall_name,
                ticket_id=row.ticket_id,
                number=row.display,
                queue_name=queue.name,
                people_ahead=row.people_ahead,
                issued_at=datetime.fromisoformat(row.created_at),
            )
        )
        job = self.printing.submit(doc)
        with self.store.session(write=True) as s:
            stored = self._get(s, row.ticket_id)
            stored.print_job_id = job.id
            s.add(stored)
            row = stored
        return self._wait(row, queue)

    def _wait(self, row: QueueTicketRow, queue: QueueDef) -> IssuedTicket:
        job_id = row.print_job_id
        assert job_id is not None
        deadline = time.monotonic() + self.print_wait_s
        outcome: tuple[str, str | None] | None = None
        with self._done:
            while outcome is None:
                outcome = self._finished.pop(job_id, None)
                left = deadline - time.monotonic()
                if outcome is not None or left <= 0:
                    break
                self._done.wait(min(left, 0.5))
        if outcome is None:  # the listener may have fired before we waited: ask the store
            job = self.printing.jobs.get(job_id)
            if job.status in ("printed", "failed"):
                outcome = (job.status, job.reason)
        current = self.get(row.ticket_id)
        if outcome is None:
            raise ServiceError("print_timeout", "the printer did not finish", ticket=current)
        if outcome[0] == "failed":
            raise ServiceError(
                "print_failed",
                f"ticket not printed: {outcome[1]}",
                ticket=current,
                print_reason=outcome[1],
            )
        return current

    def _on_printed(self, job: PrintJob) -> None:
        if job.kind != "ticket":
            return
        try:
            self._transition(job.reference, ("pending_print", "print_failed"), "issued")
        except ServiceError:
            pass  # a reprint of a ticket already issued (staff reprint)
        self._signal(job.id, "printed", None)

    def _on_print_failed(self, job: PrintJob, reason: str) -> None:
        if job.kind != "ticket":
            return
        try:
            self._transition(job.reference, ("pending_print",), "print_failed", reason)
        except ServiceError:
            pass
        self._signal(job.id, "failed", reason)

    def _signal(self, job_id: int, status: str, reason: str | None) -> None:
        with self._done:
            self._finished[job_id] = (status, reason)
            self._done.notify_all()

    # -- state --------------------------------------------------------------------------------

    def _transition(
        self, ticket_id: str, allowed: tuple[str, ...], target: str, reason: str | None = None
    ) -> QueueTicketRow:
        """Move a ticket; issuing or voiding a central-known ticket goes to the outbox too."""
        with self.store.session(write=True) as s:
            row = self._get(s, ticket_id)
            if row.status not in allowed:
                raise ServiceError(
                    "ticket_state", f"ticket is {row.status}, cannot become {target}"
                )
            row.status, row.reason = target, reason
            if target in ("issued", "shown_on_screen"):
                row.issued_at = self.clock().isoformat(timespec="seconds")
                enqueue(s, "ticket", self._record(row, "issued"), f"ticket-issued-{ticket_id}")
            elif target == "void" and not row.origin:
                # central numbered it: take it out of the queue there
                enqueue(s, "ticket", self._record(row, "void"), f"ticket-void-{ticket_id}")
            s.add(row)
            s.flush()
            out = row
        if target in ("issued", "shown_on_screen", "void"):
            self.notify_sync()
        return out

    def _record(self, row: QueueTicketRow, status: str) -> TicketRecord:
        return TicketRecord(
            ticket_id=row.ticket_id,
            hall_id=row.hall_id,
            queue=row.queue,
            day=date.fromisoformat(row.day),
            number=row.number,
            taken_at=datetime.fromisoformat(row.created_at),
            service_code=row.service_code,
            display=row.display,
            origin=row.origin or None,
            status="void" if status == "void" else "issued",
            priority=row.priority,
        )

    @staticmethod
    def _get(s: Session, ticket_id: str) -> QueueTicketRow:
        row = s.get(QueueTicketRow, ticket_id)
        if row is None:
            raise ServiceError("no_ticket", f"no ticket {ticket_id}")
        return row

    def _view(self, row: QueueTicketRow) -> IssuedTicket:
        queue = self.hall_queues.get(row.queue)
        return IssuedTicket(
            ticket_id=row.ticket_id,
            queue=row.queue,
            queue_name=queue.name if queue else row.queue,
            display=row.display,
            status=row.status,
            offline=bool(row.origin),
            priority=row.priority,
            priority_proven=row.priority_proven,
            people_ahead=row.people_ahead,
            estimated_wait_min=row.estimated_wait_min,
            created_at=datetime.fromisoformat(row.created_at),
            print_reason=row.reason,
        )
