"""Numbering a queue ticket: by central when online, from the terminal's own block offline.

Online, central numbers the ticket (one sequence per hall, queue and day across terminals)
and says how many people are ahead. Offline, the terminal numbers it itself with its own
prefix (``T01-A007``), so its numbers never collide with central's or another terminal's.
One person (card, by keyed hash) holds at most one live ticket per queue and day.
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from sqlmodel import Session, col, select

from kiosk.contract import Ticket, TicketRequest
from kiosk.domain.identity import Identity
from kiosk.services.common import Central, ServiceError, next_local
from kiosk.services.queues import QueueDef
from kiosk.services.tickets.transitions import LIVE_STATES
from kiosk.store import Store
from kiosk.store.models import QueueTicketRow
from kiosk.sync.client import CentralError
from kiosk.sync.idkey import IdHasher

log = logging.getLogger(__name__)

DISPLAY_WRAP = 999


def display_number(queue: str, number: int, origin: str = "") -> str:
    """``A001`` … ``A999`` then ``A001`` again; offline tickets carry the terminal prefix."""
    shown = f"{queue}{(number - 1) % DISPLAY_WRAP + 1:03d}"
    return f"{origin}-{shown}" if origin else shown


class TicketNumbering:
    """Gives a new ticket its number and writes its row (``pending_print``)."""

    def __init__(
        self,
        store: Store,
        central: Central,
        id_hasher: IdHasher,
        *,
        hall_id: str,
        terminal_id: str,
    ) -> None:
        self.store = store
        self.central = central
        self.id_hasher = id_hasher
        self.hall_id = hall_id
        self.terminal_id = terminal_id

    def holder(self, identity: Identity | None) -> str | None:
        """The keyed hash that stands for the card holder (None without a card)."""
        if identity is None:
            return None
        self._ensure_deployment_key()
        return self.id_hasher(identity.id_number)

    def _ensure_deployment_key(self) -> None:
        """The holder's hash goes to central: use the deployment's key if it can be had."""
        if self.id_hasher.deployment or not self.central.configured:
            return
        try:
            self.central.call(self.id_hasher.ensure)
        except CentralError:
            pass  # offline: the local key keeps the one-ticket rule on this terminal

    def refuse_second(self, holder: str, queue: str, day: date) -> None:
        """``already_holding`` when this holder has a live ticket in ``queue`` on ``day``."""
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
                ticket_id=live.ticket_id,
            )

    def number_online(
        self, ticket_id: str, queue: QueueDef, day: date, service: str | None, holder: str | None
    ) -> Ticket | None:
        """Central's number for the ticket, or None when central cannot be asked."""
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

    def insert(
        self,
        s: Session,
        ticket_id: str,
        queue: QueueDef,
        now: datetime,
        answer: Ticket | None,
        holder: str | None,
        proven: bool,
        service: str | None,
    ) -> QueueTicketRow:
        """Write the ticket with central's number, or the terminal's next one, in the
        caller's write transaction ``s`` (the one that queues its slip)."""
        day = now.date()
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
