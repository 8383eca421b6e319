"""A ticket's states and the moves between them.

``pending_print`` → ``issued`` (printed) or ``print_failed``; from either, ``shown_on_screen``
(the citizen reads the number off the screen) or ``void``. Issuing a ticket, or voiding one
central numbered, writes its outbox item in the same transaction as the move.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import text
from sqlmodel import Session, col, select

from kiosk.contract import TicketRecord
from kiosk.services.common import ServiceError
from kiosk.services.queues import HallQueues
from kiosk.store import Store
from kiosk.store.models import QueueTicketRow
from kiosk.sync.outbox import enqueue

LIVE_STATES = ("pending_print", "issued", "shown_on_screen", "print_failed")
UNPRINTED = ("pending_print", "print_failed")


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


class TicketStates:
    """Reads tickets and moves them from one state to the next (each move one transaction)."""

    def __init__(
        self,
        store: Store,
        queues: HallQueues,
        *,
        clock: Callable[[], datetime],
        notify_sync: Callable[[], None],
    ) -> None:
        self.store = store
        self.queues = queues
        self.clock = clock
        self.notify_sync = notify_sync

    def move(
        self, ticket_id: str, allowed: tuple[str, ...], target: str, reason: str | None = None
    ) -> QueueTicketRow:
        """Move a ticket; ``ticket_state`` when it is in none of the ``allowed`` states."""
        with self.store.session(write=True) as s:
            row = self._get(s, ticket_id)
            if row.status not in allowed:
                raise ServiceError(
                    "ticket_state", f"ticket is {row.status}, cannot become {target}"
                )
            row.status, row.reason = target, reason
            if target in ("issued", "shown_on_screen"):
                row.issued_at = self.clock().isoformat(timespec="seconds")
                enqueue(s, "ticket", _record(row, "issued"), f"ticket-issued-{ticket_id}")
            elif target == "void" and not row.origin:
                # central numbered it: take it out of the queue there
                enqueue(s, "ticket", _record(row, "void"), f"ticket-void-{ticket_id}")
            s.add(row)
            s.flush()
            out = row
        if target in ("issued", "shown_on_screen", "void"):
            self.notify_sync()
        return out

    def set_print_job(self, ticket_id: str, job_id: int) -> QueueTicketRow:
        """Remember which print job prints the ticket."""
        with self.store.session(write=True) as s:
            row = self._get(s, ticket_id)
            row.print_job_id = job_id
            s.add(row)
            return row

    def row(self, ticket_id: str) -> QueueTicketRow:
        """The ticket's row as it stands now; ``no_ticket`` when there is none."""
        with self.store.session() as s:
            return self._get(s, ticket_id)

    def get(self, ticket_id: str) -> IssuedTicket:
        """One ticket as the screen shows it."""
        return self.view(self.row(ticket_id))

    def unprinted(self, *, status: tuple[str, ...] = UNPRINTED, before: str = "") -> list[str]:
        """Ids of tickets in ``status`` (of days before ``before``, an ISO date, if given)."""
        query = select(QueueTicketRow.ticket_id).where(col(QueueTicketRow.status).in_(status))
        if before:
            query = query.where(QueueTicketRow.day < before)
        with self.store.session() as s:
            return list(s.exec(query).all())

    def pending_today(self) -> list[QueueTicketRow]:
        """Today's tickets still waiting for their print job."""
        today = self.clock().date().isoformat()
        with self.store.session() as s:
            return list(
                s.exec(
                    select(QueueTicketRow).where(
                        QueueTicketRow.status == "pending_print", QueueTicketRow.day == today
                    )
                ).all()
            )

    def forget_old_holders(self) -> None:
        """Earlier days' tickets forget their holder (the hash only served the one-per-day
        rule)."""
        today = self.clock().date().isoformat()
        with self.store.session(write=True) as s:
            s.execute(
                text(
                    "UPDATE queue_ticket SET holder_hash=NULL "
                    "WHERE day < :today AND holder_hash IS NOT NULL"
                ),
                {"today": today},
            )

    @staticmethod
    def _get(s: Session, ticket_id: str) -> QueueTicketRow:
        row = s.get(QueueTicketRow, ticket_id)
        if row is None:
            raise ServiceError("no_ticket", f"no ticket {ticket_id}")
        return row

    def view(self, row: QueueTicketRow) -> IssuedTicket:
        """The screen's view of ``row``."""
        queue = self.queues.get(row.queue)
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


def _record(row: QueueTicketRow, status: str) -> TicketRecord:
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
