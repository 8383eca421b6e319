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
from kiosk.sync.crypto import FieldCipher
from kiosk.sync.outbox import enqueue

LIVE_STATES = ("pending_print", "issued", "shown_on_screen", "print_failed")
UNPRINTED = ("pending_print", "print_failed")


@dataclass(frozen=True)
class IssuedTicket:
    """A ticket as the screen shows it.

    ``status``: ``pending_print`` | ``issued`` | ``shown_on_screen`` | ``print_failed`` |
    ``void``. ``people_ahead`` and ``estimated_wait_min`` are None when numbered offline;
    then ``local_ahead`` / ``local_wait_min`` may hold the terminal's own estimate (see
    :meth:`TicketStates.local_estimate`), to be shown only as such.
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
    local_ahead: int | None = None
    local_wait_min: int | None = None


# How old central's last figure for a queue may be for an offline ticket's local estimate.
LOCAL_ESTIMATE_MAX_AGE_S = 30 * 60

_LIVE = ", ".join(f"'{state}'" for state in LIVE_STATES)
# For an offline ticket (:meth:`TicketStates.local_estimate`), in one statement (it runs
# on every offline ticket's way to the screen): central's newest figure for the queue
# taken here no later than the ticket, and how many live tickets this terminal numbered
# itself in that queue since that figure and before the ticket.
_LAST_FIGURE = text(
    "WITH last AS ("  # the figure first: the count below runs for that one row only
    "  SELECT people_ahead, estimated_wait_min, created_at FROM queue_ticket "
    "  WHERE day = :day AND queue = :queue AND origin = '' "
    "    AND people_ahead IS NOT NULL AND created_at <= :created "
    f"   AND status IN ({_LIVE}) "
    "  ORDER BY created_at DESC, number DESC LIMIT 1) "
    "SELECT last.people_ahead, last.estimated_wait_min, last.created_at, "
    "  (SELECT count(*) FROM queue_ticket AS mine "
    "   WHERE mine.day = :day AND mine.queue = :queue AND mine.origin = :origin "
    "     AND mine.created_at >= last.created_at AND mine.number < :number "
    f"    AND mine.status IN ({_LIVE})) "
    "FROM last"
)


class TicketStates:
    """Reads tickets and moves them from one state to the next (each move one transaction:
    its own, or the one that records its print job's end, :meth:`move_in`)."""

    def __init__(
        self,
        store: Store,
        queues: HallQueues,
        *,
        clock: Callable[[], datetime],
        notify_sync: Callable[[], None],
        cipher: FieldCipher | None = None,
    ) -> None:
        self.store = store
        self.queues = queues
        self.clock = clock
        self.notify_sync = notify_sync
        # The outbox key (None: ``enqueue`` reads the key file at every move).
        self.cipher = cipher

    def move(
        self,
        ticket_id: str,
        allowed: tuple[str, ...],
        target: str,
        reason: str | None = None,
        *,
        durable: bool = True,
    ) -> QueueTicketRow:
        """Move a ticket; ``ticket_state`` when it is in none of the ``allowed`` states.
        ``durable=False`` only when a power cut that loses the move is undone at the next
        start from durable rows (``issued`` after the print job's durable ``printed``)."""
        with self.store.session(write=True, durable=durable) as s:
            out = self.move_in(s, ticket_id, allowed, target, reason)
        self.moved(out)
        return out

    def move_in(
        self,
        s: Session,
        ticket_id: str,
        allowed: tuple[str, ...],
        target: str,
        reason: str | None = None,
    ) -> QueueTicketRow:
        """:meth:`move` within the caller's write transaction ``s``; the caller calls
        :meth:`moved` once it has committed."""
        row = self._get(s, ticket_id)
        if row.status not in allowed:
            raise ServiceError("ticket_state", f"ticket is {row.status}, cannot become {target}")
        row.status, row.reason = target, reason
        if target in ("issued", "shown_on_screen"):
            row.issued_at = self.clock().isoformat(timespec="seconds")
            enqueue(
                s,
                "ticket",
                _record(row, "issued"),
                f"ticket-issued-{ticket_id}",
                cipher=self.cipher,
            )
        elif target == "void" and not row.origin:
            # central numbered it: take it out of the queue there
            enqueue(
                s,
                "ticket",
                _record(row, "void"),
                f"ticket-void-{ticket_id}",
                cipher=self.cipher,
            )
        s.add(row)
        s.flush()
        return row

    def moved(self, row: QueueTicketRow) -> None:
        """A move was committed: wake the sync when it left central something to learn."""
        if row.status in ("issued", "shown_on_screen", "void"):
            self.notify_sync()

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

    def local_estimate(self, row: QueueTicketRow) -> tuple[int | None, int | None]:
        """For a ticket numbered offline: central's last figure for its queue at this
        terminal (at most :data:`LOCAL_ESTIMATE_MAX_AGE_S` old), plus that ticket itself and
        the tickets this terminal gave out offline since. It misses calls and other
        terminals' tickets: the screen says so. ``(None, None)`` when there is no figure."""
        if not row.origin:
            return None, None
        with self.store.session() as s:
            found = s.execute(
                _LAST_FIGURE,
                {
                    "day": row.day,
                    "queue": row.queue,
                    "created": row.created_at,
                    "origin": row.origin,
                    "number": row.number,
                },
            ).first()
        if found is None:
            return None, None
        people_ahead, estimated_wait_min, figure_at, since = found
        age = datetime.fromisoformat(row.created_at) - datetime.fromisoformat(figure_at)
        if age.total_seconds() > LOCAL_ESTIMATE_MAX_AGE_S:
            return None, None
        ahead = people_ahead + 1 + since
        wait = None
        if estimated_wait_min is not None and people_ahead > 0:
            wait = round(estimated_wait_min / people_ahead * ahead)
        return ahead, wait

    def view(self, row: QueueTicketRow) -> IssuedTicket:
        """The screen's view of ``row``."""
        queue = self.queues.get(row.queue)
        local_ahead, local_wait = self.local_estimate(row)
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
            local_ahead=local_ahead,
            local_wait_min=local_wait,
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
